//! Which folder a build may replace. A build swaps its output folder wholesale, so a mistyped
//! `--out` or `out_dir` must never name the project, its state, its scenarios, its theme or its
//! configuration, and an existing folder is replaced only when a previous build wrote it.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The file every build writes at the top of its output folder; its presence is what allows
/// the next build to replace that folder.
pub const MARKER: &str = ".reviewroom-site";
pub const MARKER_TEXT: &str =
    "Written by `reviewroom build`: the next build replaces this folder.\n";

/// A path the output folder must neither be nor contain, nor sit inside unless `holds_site`.
pub struct Protected<'a> {
    /// What it is, for the error ("the project root", "the scenarios folder").
    pub what: &'a str,
    pub path: &'a Path,
    /// The project root holds the output folder (dist/); nothing else may.
    pub holds_site: bool,
}

impl<'a> Protected<'a> {
    /// The project root, which holds the output folder.
    pub fn root(path: &'a Path) -> Self {
        Protected {
            what: "the project root",
            path,
            holds_site: true,
        }
    }

    /// A path the output folder must stay clear of.
    pub fn new(what: &'a str, path: &'a Path) -> Self {
        Protected {
            what,
            path,
            holds_site: false,
        }
    }
}

/// Refuses `target` (named `flag` in errors, as the operator wrote it) when it overlaps a
/// protected path, or exists without the marker of a previous build.
pub fn check(target: &Path, flag: &str, protected: &[Protected]) -> Result<()> {
    if target.as_os_str().is_empty() {
        bail!("{flag} is empty: name a folder for the site, such as dist");
    }
    let resolved = resolve(target)?;
    for p in protected {
        let other = resolve(p.path)?;
        let relation = if resolved == other {
            "is"
        } else if other.starts_with(&resolved) {
            "contains"
        } else if resolved.starts_with(&other) && !p.holds_site {
            "is inside"
        } else {
            continue;
        };
        bail!(
            "{flag} {} {relation} {} ({}): a build replaces its output folder, so it must be a \
             folder of its own, such as dist",
            target.display(),
            p.what,
            p.path.display()
        );
    }
    let meta = match std::fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", target.display())),
    };
    if meta.file_type().is_symlink() {
        bail!(
            "{flag} {} is a symbolic link: name the folder itself",
            target.display()
        );
    }
    if !meta.is_dir() {
        bail!("{flag} {} exists and is not a folder", target.display());
    }
    let mut entries =
        std::fs::read_dir(target).with_context(|| format!("cannot read {}", target.display()))?;
    if entries.next().is_none() || target.join(MARKER).is_file() {
        return Ok(());
    }
    bail!(
        "{flag} {} is a folder a reviewroom build did not write (no {MARKER} in it): a build \
         replaces its output folder, so choose another one, or empty it if it holds nothing \
         you need",
        target.display()
    )
}

/// `path` made absolute with `.` and `..` folded and symbolic links resolved, also where it
/// does not exist yet: the longest existing ancestor is canonicalised and the rest appended.
fn resolve(path: &Path) -> Result<PathBuf> {
    let absolute =
        std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    let mut lexical = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Ok(real.join(rest.iter().rev().collect::<PathBuf>()));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(lexical),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(root: &Path) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
        (
            root.to_path_buf(),
            root.join(".reviewroom"),
            root.join("scenarios"),
            root.join("reviewroom.toml"),
        )
    }

    fn run(target: &Path, root: &Path) -> Result<()> {
        let (r, state, scenarios, config) = protected(root);
        let list = [
            Protected::root(&r),
            Protected::new("the state folder", &state),
            Protected::new("the scenarios folder", &scenarios),
            Protected::new("the configuration file", &config),
        ];
        check(target, "--out", &list)
    }

    #[test]
    fn refuses_what_overlaps_the_project() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        std::fs::create_dir_all(root.join("scenarios/a")).unwrap();
        std::fs::create_dir_all(root.join(".reviewroom")).unwrap();
        for (target, expect) in [
            (root.clone(), "is the project root"),
            (root.join("."), "is the project root"),
            (root.join("scenarios/.."), "is the project root"),
            (tmp.path().to_path_buf(), "contains the project root"),
            (root.join(".reviewroom"), "is the state folder"),
            (root.join("scenarios"), "is the scenarios folder"),
            (root.join("scenarios/a/site"), "is inside"),
            (root.join("reviewroom.toml"), "is the configuration file"),
        ] {
            let err = format!("{:#}", run(&target, &root).unwrap_err());
            assert!(err.contains(expect), "{}: {err}", target.display());
            assert!(err.contains(&target.display().to_string()), "{err}");
        }
        let err = format!("{:#}", run(Path::new(""), &root).unwrap_err());
        assert!(err.contains("--out is empty"), "{err}");
        run(&root.join("dist"), &root).unwrap();
    }

    #[test]
    fn replaces_only_a_folder_a_build_wrote() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        let site = tmp.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        run(&site, &root).unwrap();
        std::fs::create_dir_all(&site).unwrap();
        run(&site, &root).unwrap();
        std::fs::write(site.join("notes.txt"), "mine").unwrap();
        let err = format!("{:#}", run(&site, &root).unwrap_err());
        assert!(
            err.contains("did not write") && err.contains(MARKER),
            "{err}"
        );
        std::fs::write(site.join(MARKER), MARKER_TEXT).unwrap();
        run(&site, &root).unwrap();
        let file = tmp.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(format!("{:#}", run(&file, &root).unwrap_err()).contains("not a folder"));
    }
}
