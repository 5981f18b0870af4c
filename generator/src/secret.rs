//! The path secret: the HMAC key that derives unguessable scenario paths, and nothing else.
//! It never reaches dist/, a log or an error message.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use data_encoding::{BASE32_NOPAD, BASE64, HEXLOWER};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::{Project, StoreKind};

pub const SECRET_ENV: &str = "REVIEWROOM_SECRET";
const SECRET_FILE: &str = "secret";
const SECRET_BYTES: usize = 32;

/// Where the secret in use comes from: the variable, else `.reviewroom/secret`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Environment,
    File,
}

impl Source {
    /// What [`PathSecret::load`] will read now.
    pub fn current() -> Source {
        if from_environment().is_some() {
            Source::Environment
        } else {
            Source::File
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Environment => "environment",
            Source::File => "file",
        }
    }

    pub fn parse(text: &str) -> Option<Source> {
        match text.trim() {
            "environment" => Some(Source::Environment),
            "file" => Some(Source::File),
            _ => None,
        }
    }

    /// How a person knows it.
    pub fn describe(self) -> String {
        match self {
            Source::Environment => SECRET_ENV.to_string(),
            Source::File => format!(".reviewroom/{SECRET_FILE}"),
        }
    }
}

/// The decoded 32 bytes. Debug output never shows them.
#[derive(Clone)]
pub struct PathSecret([u8; SECRET_BYTES]);

impl std::fmt::Debug for PathSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PathSecret({})", self.fingerprint())
    }
}

/// `REVIEWROOM_SECRET` when it is set, the one test of which source is in use ([`Source::current`]
/// and [`PathSecret::load`] agree); a value that is not UTF-8 is set, and fails to decode.
fn from_environment() -> Option<String> {
    std::env::var_os(SECRET_ENV).map(|value| value.to_string_lossy().into_owned())
}

impl PathSecret {
    /// From `REVIEWROOM_SECRET`; else, on the sqlite store only, from `.reviewroom/secret`,
    /// created (mode 0600, with a notice) on first use.
    pub fn load(project: &Project, store: StoreKind, quiet: bool) -> Result<PathSecret> {
        PathSecret::load_with(project, store, from_environment(), quiet)
    }

    /// `load` with the variable's value passed in, so tests do not depend on the environment.
    fn load_with(
        project: &Project,
        store: StoreKind,
        from_env: Option<String>,
        quiet: bool,
    ) -> Result<PathSecret> {
        if let Some(text) = from_env {
            return PathSecret::decode(&text).with_context(|| {
                format!("invalid {SECRET_ENV} (make one with `reviewroom secret new`)")
            });
        }
        if store == StoreKind::Dynamodb {
            bail!(
                "{SECRET_ENV} is not set: with the dynamodb store the path secret must come from \
                 the environment (make one with `reviewroom secret new`)"
            );
        }
        let file = project.state_dir()?.join(SECRET_FILE);
        if file.exists() {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            return PathSecret::decode(&text)
                .with_context(|| format!("invalid secret in {}", file.display()));
        }
        let text = PathSecret::generate()?;
        write_private(&file, &text)?;
        if !quiet {
            eprintln!(
                "notice: created a path secret in {} (set {SECRET_ENV} to use your own)",
                file.display()
            );
        }
        PathSecret::decode(&text)
    }

    /// A fresh secret, standard base64 of 32 bytes from the OS.
    pub fn generate() -> Result<String> {
        let mut bytes = [0u8; SECRET_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
        Ok(BASE64.encode(&bytes))
    }

    /// Decodes without echoing the input in the error.
    pub fn decode(text: &str) -> Result<PathSecret> {
        let bytes = BASE64
            .decode(text.trim().as_bytes())
            .map_err(|_| anyhow::anyhow!("the path secret is not standard base64"))?;
        let bytes: [u8; SECRET_BYTES] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("the path secret must decode to {SECRET_BYTES} bytes"))?;
        Ok(PathSecret(bytes))
    }

    fn mac(&self, message: &[u8]) -> Vec<u8> {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    }

    /// First 8 hex characters of HMAC(secret, "fingerprint"): tells builds made with
    /// different secrets apart without revealing either.
    pub fn fingerprint(&self) -> String {
        HEXLOWER.encode(&self.mac(b"fingerprint")[..4])
    }

    /// `k` of `/s/<k>/`: the first 10 bytes of HMAC(secret, "scenario-path\0" + slug + "\0" +
    /// epoch), lowercase base32 without padding (16 characters).
    pub fn scenario_key(&self, slug: &str, path_epoch: u32) -> String {
        let message = format!("scenario-path\0{slug}\0{path_epoch}");
        BASE32_NOPAD
            .encode(&self.mac(message.as_bytes())[..10])
            .to_ascii_lowercase()
    }

    pub fn scenario_path(&self, slug: &str, path_epoch: u32) -> String {
        format!("/s/{}/", self.scenario_key(slug, path_epoch))
    }
}

/// Writes a new file readable by its owner only (0600), refusing to replace one.
pub(crate) fn write_private(file: &Path, text: &str) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options
        .open(file)
        .with_context(|| format!("cannot create {}", file.display()))?;
    out.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed() -> PathSecret {
        PathSecret::decode(&BASE64.encode(&[7u8; 32])).unwrap()
    }

    #[test]
    fn scenario_key_is_16_lowercase_base32_and_depends_on_slug_and_epoch() {
        let secret = fixed();
        let key = secret.scenario_key("demo", 0);
        assert_eq!(key.len(), 16);
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c)),
            "{key}"
        );
        assert_ne!(key, secret.scenario_key("demo", 1));
        assert_ne!(key, secret.scenario_key("demo2", 0));
        assert_eq!(key, fixed().scenario_key("demo", 0));
    }

    #[test]
    fn fingerprint_is_8_hex_and_not_the_secret() {
        let fp = fixed().fingerprint();
        assert_eq!(fp.len(), 8);
        assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(!format!("{:?}", fixed()).contains(&BASE64.encode(&[7u8; 32])));
    }

    #[test]
    fn rejects_wrong_length_and_bad_base64_without_echoing_it() {
        let err = PathSecret::decode("c2hvcnQ=").unwrap_err().to_string();
        assert!(
            err.contains("32 bytes") && !err.contains("c2hvcnQ"),
            "{err}"
        );
        assert!(PathSecret::decode("not base64!").is_err());
    }

    #[test]
    fn created_file_is_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::load(dir.path()).unwrap();
        let a = PathSecret::load_with(&project, StoreKind::Sqlite, None, true).unwrap();
        let b = PathSecret::load_with(&project, StoreKind::Sqlite, None, true).unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(".reviewroom/secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(PathSecret::load_with(&project, StoreKind::Dynamodb, None, true).is_err());
    }

    #[test]
    fn the_variable_wins_over_the_file_on_either_store() {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::load(dir.path()).unwrap();
        let from_file = PathSecret::load_with(&project, StoreKind::Sqlite, None, true).unwrap();
        let text = PathSecret::generate().unwrap();
        for store in [StoreKind::Sqlite, StoreKind::Dynamodb] {
            let loaded = PathSecret::load_with(&project, store, Some(text.clone()), true).unwrap();
            assert_eq!(
                loaded.fingerprint(),
                PathSecret::decode(&text).unwrap().fingerprint()
            );
            assert_ne!(loaded.fingerprint(), from_file.fingerprint());
        }
        let bad = PathSecret::load_with(&project, StoreKind::Sqlite, Some("x".into()), true);
        assert!(format!("{:#}", bad.unwrap_err()).contains(SECRET_ENV));
    }
}
