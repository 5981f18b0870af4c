//! `reviewroom.toml` and the project folder around it: where scenarios, output and local state live.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

pub const CONFIG_FILE: &str = "reviewroom.toml";
pub const STATE_DIR: &str = ".reviewroom";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Public origin of the site, used in candidate links; unset, the local server's address.
    pub base_url: Option<String>,
    /// Where the API answers, on the site's own origin.
    pub api_path: String,
    /// Theme folder overriding the embedded default.
    pub theme: Option<PathBuf>,
    pub out_dir: PathBuf,
    pub scenarios_dir: PathBuf,
    pub scoring: Scoring,
    /// Drafts and reviews older than this are purged (SQLite) or expire by TTL (DynamoDB).
    pub retention_days: Option<u32>,
    pub store: StoreConfig,
    pub publish: PublishConfig,
}

impl Config {
    /// The origin candidate links start with: `base_url` without a trailing slash, or
    /// `fallback` (the local server's address) when unset.
    pub fn link_base(&self, fallback: &str) -> String {
        self.base_url
            .as_deref()
            .unwrap_or(fallback)
            .trim_end_matches('/')
            .to_string()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base_url: None,
            api_path: "/api".into(),
            theme: None,
            out_dir: "dist".into(),
            scenarios_dir: "scenarios".into(),
            scoring: Scoring::default(),
            retention_days: None,
            store: StoreConfig::default(),
            publish: PublishConfig::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scoring {
    /// A comment within this many lines of an issue's lines sits beside it (the same function,
    /// usually): it needs to say less to be credited than one elsewhere in the file.
    pub near: u32,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            near: crate::scoring::Params::default().near,
        }
    }
}

impl Scoring {
    pub fn params(&self) -> crate::scoring::Params {
        crate::scoring::Params {
            near: self.near,
            ..crate::scoring::Params::default()
        }
    }
}

/// Where reviews are stored: `[store] kind` of reviewroom.toml, or `--store`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    Sqlite,
    Dynamodb,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    pub kind: StoreKind,
    /// SQLite file, relative to the project root.
    pub path: PathBuf,
    pub table: Option<String>,
    pub region: Option<String>,
    /// A local DynamoDB-compatible server, for tests and development.
    pub endpoint_url: Option<String>,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            kind: StoreKind::Sqlite,
            path: PathBuf::from(STATE_DIR).join("reviews.sqlite3"),
            table: None,
            region: None,
            endpoint_url: None,
        }
    }
}

/// `[publish]`: where `reviewroom publish` sends the site. `bucket` with `distribution_id`, or
/// `stack` (a deployed infra/template.yaml) whose outputs name both; `--stack` wins over both.
/// Parsed even in a build without the `publish` feature, so one reviewroom.toml serves both.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PublishConfig {
    pub bucket: Option<String>,
    pub distribution_id: Option<String>,
    pub stack: Option<String>,
    pub region: Option<String>,
}

/// The project folder and its configuration.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

impl Project {
    /// Reads `reviewroom.toml` under `root`; without one, every default applies.
    pub fn load(root: &Path) -> Result<Project> {
        let file = root.join(CONFIG_FILE);
        let config = match std::fs::read_to_string(&file) {
            Ok(text) => toml::from_str(&text)
                .with_context(|| format!("invalid configuration in {}", file.display()))?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(err) => return Err(err).with_context(|| format!("cannot read {}", file.display())),
        };
        Ok(Project {
            root: root.to_path_buf(),
            config,
        })
    }

    pub fn path(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }

    /// The configured theme folder (`theme =`), if any.
    pub fn theme_dir(&self) -> Option<PathBuf> {
        self.config.theme.as_ref().map(|t| self.path(t))
    }

    /// `.reviewroom/`, created with a `.gitignore` of `*` so its contents are never committed.
    pub fn state_dir(&self) -> Result<PathBuf> {
        let dir = self.root.join(STATE_DIR);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "*\n")
                .with_context(|| format!("cannot write {}", ignore.display()))?;
        }
        Ok(dir)
    }

    /// A folder under `.reviewroom/`, created on demand.
    pub fn state_subdir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.state_dir()?.join(name);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(dir)
    }

    /// Refuses a folder that holds none of `reviewroom.toml`, the scenarios folder and the
    /// state folder: the commands that read the review store would otherwise create an empty
    /// one there and report "no invites", as if the reviews were gone.
    pub fn require_project(&self) -> Result<()> {
        let scenarios = self.path(&self.config.scenarios_dir);
        if self.root.join(CONFIG_FILE).is_file()
            || scenarios.is_dir()
            || self.root.join(STATE_DIR).is_dir()
        {
            return Ok(());
        }
        bail!(
            "{} is not a reviewroom project (it has no {CONFIG_FILE}, no {} and no {STATE_DIR}): \
             run from the project folder, or pass --root DIR",
            self.root.display(),
            self.config.scenarios_dir.display()
        )
    }

    /// The folder of scenario `slug`, or an error naming the scenarios there are (a typo in a
    /// slug is the likely cause).
    pub fn scenario_dir(&self, slug: &str) -> Result<PathBuf> {
        let scenarios = self.path(&self.config.scenarios_dir);
        let dir = scenarios.join(slug);
        if crate::scenario::is_slug(slug) && dir.join("scenario.toml").is_file() {
            return Ok(dir);
        }
        let mut known: Vec<String> = std::fs::read_dir(&scenarios)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join("scenario.toml").is_file())
            .map(|e| crate::printable::line(&e.file_name().to_string_lossy()))
            .collect();
        known.sort();
        let known = if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        };
        bail!(
            "no scenario {} in {} (scenarios: {known})",
            crate::printable::line(slug),
            scenarios.display()
        )
    }

    /// The path of a scenario's manifest as the last build wrote it.
    pub fn manifest_path(&self, slug: &str) -> PathBuf {
        self.root
            .join(STATE_DIR)
            .join("manifests")
            .join(format!("{slug}.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A project in a fresh folder whose reviewroom.toml is `config`, loaded.
    fn load_with(config: &str) -> Result<Project> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), config).unwrap();
        Project::load(dir.path())
    }

    #[test]
    fn defaults_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::load(dir.path()).unwrap();
        assert_eq!(project.config.api_path, "/api");
        assert_eq!(project.config.scoring.near, 12);
        assert_eq!(
            project.config.link_base("http://127.0.0.1:9000"),
            "http://127.0.0.1:9000"
        );
        assert_eq!(project.config.store.kind, StoreKind::Sqlite);
    }

    #[test]
    fn unknown_field_names_file_and_field() {
        let loaded = load_with("base_url = \"x\"\nbase_ulr = \"y\"\n");
        let err = format!("{:#}", loaded.unwrap_err());
        assert!(err.contains("reviewroom.toml"), "{err}");
        assert!(err.contains("base_ulr"), "{err}");
    }

    #[test]
    fn flags_override_the_store() {
        let config = "[store]\nkind = \"dynamodb\"\ntable = \"a\"\nregion = \"eu-west-1\"\n";
        let project = load_with(config).unwrap();
        let args = crate::cli::StoreArgs {
            store: None,
            table: Some("b".into()),
            region: None,
        };
        let store = args.resolve(&project);
        assert_eq!(store.kind, StoreKind::Dynamodb);
        assert_eq!(store.table.as_deref(), Some("b"));
        assert_eq!(store.region.as_deref(), Some("eu-west-1"));
    }
}
