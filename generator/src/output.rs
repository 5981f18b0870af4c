//! Stage 6, `output`: writes the site into a temporary folder beside the output folder and
//! swaps it in only when everything was written, so a failed build leaves the old one intact.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub mod guard;

/// A site being written, with the [`guard::MARKER`] that lets the next build replace it.
/// Dropped without `commit`, it removes itself.
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
    written: Vec<(String, u64)>,
}

impl Staging {
    /// Creates `.<name>.tmp-*` beside `target`.
    pub fn new(target: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "dist".into());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.tmp-"))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
        let marker = dir.path().join(guard::MARKER);
        std::fs::write(&marker, guard::MARKER_TEXT)
            .with_context(|| format!("cannot write {}", marker.display()))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            written: Vec::new(),
        })
    }

    /// Writes `bytes` at `relative` (forward slashes) inside the staged site.
    pub fn write(&mut self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        self.written
            .push((relative.to_string(), bytes.len() as u64));
        Ok(())
    }

    /// Every file written so far with its size.
    pub fn written(&self) -> &[(String, u64)] {
        &self.written
    }

    /// Moves the old site aside, the new one in, then deletes the old one.
    pub fn commit(self) -> Result<PathBuf> {
        let staged = self.dir.keep();
        let target = &self.target;
        let old = if target.exists() {
            let aside = staged.with_file_name(format!(
                "{}.old",
                staged
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            std::fs::rename(target, &aside)
                .with_context(|| format!("cannot move {} aside", target.display()))?;
            Some(aside)
        } else {
            None
        };
        if let Err(err) = std::fs::rename(&staged, target) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, target);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(err)
                .with_context(|| format!("cannot move the new site to {}", target.display()));
        }
        if let Some(old) = old {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the previous site at {}", old.display()))?;
        }
        Ok(target.clone())
    }
}

/// Writes a command's whole output to `path`, or to standard output without one. Callers
/// render into memory first, so a failure leaves no half-written file behind.
pub fn write_whole(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) => {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .context("cannot write to standard output")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_the_old_site() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("dist");
        let mut first = Staging::new(&target).unwrap();
        first.write("a/index.html", b"one").unwrap();
        first.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        let mut failed = Staging::new(&target).unwrap();
        failed.write("a/index.html", b"two").unwrap();
        drop(failed);
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        let mut second = Staging::new(&target).unwrap();
        second.write("b.html", b"three").unwrap();
        second.commit().unwrap();
        assert!(!target.join("a/index.html").exists());
        assert_eq!(std::fs::read(target.join("b.html")).unwrap(), b"three");
        let leftovers: Vec<_> = std::fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "temporary folders left behind");
    }
}
