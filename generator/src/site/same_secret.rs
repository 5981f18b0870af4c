//! A build keeps the path secret of the last build: a secret that changes moves every scenario
//! to a new address, and the links already sent stop working. A typo in `REVIEWROOM_SECRET` must
//! not do that silently; going from the local demo's `.reviewroom/secret` to production's
//! variable is the expected first publish, so a change of source is only noted.

use anyhow::{Context, Result, bail};

use crate::config::Project;
use crate::scenario::Scenario;
use crate::secret::Source;

/// Beside the manifests: where the secret of the last build came from.
const SOURCE_FILE: &str = "secret-source";

/// Refuses a secret whose fingerprint differs from the last build's manifest of one of
/// `scenarios` when it comes from the same source as the last build's, unless `new_secret`.
pub fn check(
    project: &Project,
    scenarios: &[Scenario],
    fingerprint: &str,
    new_secret: bool,
    quiet: bool,
) -> Result<()> {
    let moved: Vec<&str> = scenarios
        .iter()
        .filter(|s| {
            std::fs::read_to_string(project.manifest_path(&s.slug))
                .ok()
                .and_then(|text| serde_json::from_str::<submit_fn::model::Manifest>(&text).ok())
                .is_some_and(|m| m.secret_fingerprint != fingerprint)
        })
        .map(|s| s.slug.as_str())
        .collect();
    if moved.is_empty() || new_secret {
        return Ok(());
    }
    let now = Source::current();
    match last_source(project) {
        Some(last) if last == now => bail!(
            "the path secret ({}) is not the one the last build used (for {}): building with it \
             moves every scenario to a new address and the links already sent stop working. Use \
             the last build's secret, or pass --new-secret to move them on purpose",
            now.describe(),
            moved.join(", ")
        ),
        last => {
            if !quiet {
                let was = last.map_or("another source".to_string(), Source::describe);
                eprintln!(
                    "note: building with the path secret from {}, not {was} as last time: every \
                     scenario moves to a new address (expected for a first production build)",
                    now.describe()
                );
            }
            Ok(())
        }
    }
}

/// Records where this build's secret came from, once the build is written.
pub fn record(project: &Project) -> Result<()> {
    let path = project.state_dir()?.join(SOURCE_FILE);
    std::fs::write(&path, Source::current().as_str())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn last_source(project: &Project) -> Option<Source> {
    let path = project
        .root
        .join(crate::config::STATE_DIR)
        .join(SOURCE_FILE);
    Source::parse(&std::fs::read_to_string(path).ok()?)
}
