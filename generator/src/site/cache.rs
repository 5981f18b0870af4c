//! The build cache in `.reviewroom/cache/`: a scenario whose inputs (its files, the theme,
//! reviewroom.toml, the secret's fingerprint, the generator version) are unchanged is not
//! rendered again; its page is copied from here. Never under dist/.

use std::path::{Path, PathBuf};

use data_encoding::HEXLOWER;
use sha2::{Digest, Sha256};

use crate::scenario::Scenario;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// The key of one scenario's page.
    pub fn key(scenario: &Scenario, shared: &str) -> String {
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        field(shared.as_bytes());
        field(scenario.slug.as_bytes());
        field(
            serde_json::to_string(&scenario.meta)
                .unwrap_or_default()
                .as_bytes(),
        );
        field(scenario.description.as_bytes());
        for file in &scenario.files {
            field(file.path.as_bytes());
            field(file.old_path.as_bytes());
            field(file.original.as_bytes());
            field(file.modified.as_bytes());
        }
        HEXLOWER.encode(&hash.finalize())
    }

    /// What every page depends on besides its scenario.
    pub fn shared_key(theme_digest: &str, config: &[u8], fingerprint: &str) -> String {
        let mut hash = Sha256::new();
        for part in [
            VERSION.as_bytes(),
            theme_digest.as_bytes(),
            config,
            fingerprint.as_bytes(),
        ] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        HEXLOWER.encode(&hash.finalize())
    }

    fn page(&self, slug: &str, key: &str) -> PathBuf {
        self.dir
            .join("pages")
            .join(format!("{slug}.{}.html", &key[..16]))
    }

    pub fn get(&self, slug: &str, key: &str) -> Option<String> {
        std::fs::read_to_string(self.page(slug, key)).ok()
    }

    /// Stores a page, dropping older entries of the same scenario. Errors are not fatal: the
    /// next build renders again.
    pub fn put(&self, slug: &str, key: &str, html: &str) {
        let path = self.page(slug, key);
        if let Some(dir) = path.parent() {
            if std::fs::create_dir_all(dir).is_err() {
                return;
            }
            if let Ok(entries) = std::fs::read_dir(dir) {
                let prefix = format!("{slug}.");
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let rest = name.strip_prefix(&prefix).unwrap_or("");
                    if rest.len() == 21 && rest.ends_with(".html") {
                        let _ = std::fs::remove_file(entry.path());
                    }
                }
            }
        }
        let _ = std::fs::write(path, html);
    }

    /// The generated colour stylesheet, keyed by the version and the palettes it comes from
    /// (loading the syntect themes is skipped on a warm build).
    pub fn syntax_css(&self) -> String {
        use crate::highlight::{TokenClass, css};
        let mut hash = Sha256::new();
        hash.update(VERSION.as_bytes());
        hash.update(format!("{:?}{:?}", css::LIGHT, css::DARK).as_bytes());
        for class in TokenClass::ALL {
            hash.update(class.css().as_bytes());
            hash.update(class.sample_scope().as_bytes());
        }
        let key = &HEXLOWER.encode(&hash.finalize())[..16];
        let path = self.dir.join(format!("syntax-{key}.css"));
        if let Ok(css) = std::fs::read_to_string(&path) {
            return css;
        }
        let css = crate::highlight::css::stylesheet();
        let _ = std::fs::create_dir_all(&self.dir);
        let _ = std::fs::write(&path, &css);
        css
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}
