//! The theme: the default one embedded in the binary, overlaid file by file by a theme folder
//! (`--theme` or reviewroom.toml `theme`). Static files are fingerprinted to
//! `/assets/<dir>/<name>.<hash8>.<ext>`, JS modules with their relative imports rewritten.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use data_encoding::HEXLOWER;
use sha2::{Digest, Sha256};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));
}

/// The generated colour stylesheet's logical path; a theme may replace it.
pub const SYNTAX_CSS: &str = "css/syntax.css";
/// The page's entry module, when the theme has one.
pub const ENTRY_JS: &str = "js/review.js";

/// Every theme file by relative path (`templates/page.html`, `static/css/review.css`).
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme overlaid by `dir`, if given.
    pub fn load(dir: Option<&Path>) -> Result<Theme> {
        let mut files: BTreeMap<String, Vec<u8>> = embedded::EMBEDDED
            .iter()
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
            .collect();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                anyhow::bail!("theme folder {} does not exist", dir.display());
            }
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .with_context(|| format!("{} is outside the theme", entry.path().display()))?;
                let key = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("cannot read {}", entry.path().display()))?;
                files.insert(key, bytes);
            }
        }
        Ok(Theme { files })
    }

    /// The templates, name (`page.html`) to source.
    pub fn templates(&self) -> Result<Vec<(String, String)>> {
        self.files
            .iter()
            .filter_map(|(path, bytes)| {
                path.strip_prefix("templates/")
                    .map(|name| (name.to_string(), bytes))
            })
            .map(|(name, bytes)| {
                String::from_utf8(bytes.clone())
                    .map(|text| (name.clone(), text))
                    .with_context(|| format!("theme template {name} is not UTF-8"))
            })
            .collect()
    }

    /// A digest of every file, for the build cache.
    pub fn digest(&self) -> String {
        let mut hash = Sha256::new();
        for (path, bytes) in &self.files {
            hash.update(path.as_bytes());
            hash.update([0]);
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        }
        HEXLOWER.encode(&hash.finalize())
    }
}

/// The fingerprinted static files: logical path (`js/review.js`) to public URL, and the
/// bytes to write under dist/.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub urls: BTreeMap<String, String>,
    /// dist-relative path (`assets/js/review.1a2b3c4d.js`) to content.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Assets {
    pub fn url(&self, logical: &str) -> Option<&str> {
        self.urls.get(logical).map(String::as_str)
    }

    /// Stylesheet URLs in load order: the generated colours first, then the rest by name.
    pub fn stylesheets(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .url(SYNTAX_CSS)
            .map(str::to_string)
            .into_iter()
            .collect();
        out.extend(
            self.urls
                .iter()
                .filter(|(k, _)| k.ends_with(".css") && k.as_str() != SYNTAX_CSS)
                .map(|(_, v)| v.clone()),
        );
        out
    }
}

fn hash8(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    HEXLOWER.encode(&hash.finalize())[..8].to_string()
}

/// `css/review.css` + hash -> `css/review.<hash>.css`.
fn fingerprinted(logical: &str, hash: &str) -> String {
    let (dir, name) = match logical.rsplit_once('/') {
        Some((dir, name)) => (format!("{dir}/"), name),
        None => (String::new(), logical),
    };
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{dir}{stem}.{hash}.{ext}"),
        None => format!("{dir}{name}.{hash}"),
    }
}

/// Fingerprints the theme's static files plus the generated colour stylesheet (unless the
/// theme ships its own). A JS file's hash covers every JS file of the theme, so a module's
/// name changes whenever a module it may import does.
pub fn assets(theme: &Theme, syntax_css: &str) -> Assets {
    let mut statics: BTreeMap<String, Vec<u8>> = theme
        .files
        .iter()
        .filter_map(|(path, bytes)| {
            path.strip_prefix("static/")
                .map(|logical| (logical.to_string(), bytes.clone()))
        })
        .collect();
    statics
        .entry(SYNTAX_CSS.to_string())
        .or_insert_with(|| syntax_css.as_bytes().to_vec());
    let mut js_digest = Sha256::new();
    for (path, bytes) in statics.iter().filter(|(p, _)| p.ends_with(".js")) {
        js_digest.update(path.as_bytes());
        js_digest.update(bytes);
    }
    let js_digest = js_digest.finalize();
    let mut names = BTreeMap::new();
    for (logical, bytes) in &statics {
        let hash = if logical.ends_with(".js") {
            hash8(&[&js_digest, bytes])
        } else {
            hash8(&[bytes])
        };
        names.insert(logical.clone(), fingerprinted(logical, &hash));
    }
    let mut out = Assets::default();
    for (logical, bytes) in statics {
        let name = &names[&logical];
        let bytes = if logical.ends_with(".js") {
            match String::from_utf8(bytes) {
                Ok(text) => super::imports::rewrite(&logical, &text, &names).into_bytes(),
                Err(err) => err.into_bytes(),
            }
        } else {
            bytes
        };
        out.urls.insert(logical.clone(), format!("/assets/{name}"));
        out.files.push((format!("assets/{name}"), bytes));
    }
    out
}
