//! The scenario hash over the published inputs and the manifest `invite` and the API rely on.

use data_encoding::HEXLOWER;
use sha2::{Digest, Sha256};
use submit_fn::model::{FileStatus, Manifest, ManifestFile};

use crate::scenario::Scenario;

/// Format version of the manifest record.
pub const MANIFEST_VERSION: u32 = 1;

/// Hash over what the page shows: title, author, base, head, minutes, the description and
/// every shown file. Not the key, nor the catalog fields: editing those changes no page.
pub fn scenario_hash(scenario: &Scenario) -> String {
    let mut hash = Sha256::new();
    let meta = &scenario.meta;
    let mut field = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(b"reviewroom-scenario-v1");
    field(meta.title.as_bytes());
    field(meta.author.as_bytes());
    field(meta.base.as_bytes());
    field(meta.head.as_bytes());
    field(&meta.minutes.to_le_bytes());
    field(scenario.description.as_bytes());
    for file in &scenario.files {
        field(file.path.as_bytes());
        field(file.old_path.as_bytes());
        field(file.status.as_str().as_bytes());
        field(file.original.as_bytes());
        field(file.modified.as_bytes());
    }
    HEXLOWER.encode(&hash.finalize())[..16].to_string()
}

pub fn manifest(scenario: &Scenario, hash: &str, fingerprint: &str, path: &str) -> Manifest {
    Manifest {
        version: MANIFEST_VERSION,
        scenario: scenario.slug.clone(),
        scenario_hash: hash.to_string(),
        secret_fingerprint: fingerprint.to_string(),
        path: path.to_string(),
        files: scenario
            .files
            .iter()
            .map(|file| ManifestFile {
                path: file.path.clone(),
                old_path: (file.status == FileStatus::Renamed).then(|| file.old_path.clone()),
                status: file.status,
                original_lines: file.lines(submit_fn::model::Side::Original),
                modified_lines: file.lines(submit_fn::model::Side::Modified),
            })
            .collect(),
    }
}
