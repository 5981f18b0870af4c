//! What a publish will do, decided before any write from the built files and the bucket's
//! listing: which files to upload (assets, then pages), which pages to delete, which old assets
//! to prune, which paths to invalidate. Pure, so the order and the rules are unit-tested.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Every fingerprinted asset lives under this key prefix (`/assets/<dir>/<name>.<hash8>.<ext>`).
pub const ASSETS_PREFIX: &str = "assets/";
/// An asset's name changes with its content, so a browser or the CDN may keep it for good.
pub const ASSET_CACHE: &str = "public, max-age=31536000, immutable";
/// A page keeps its URL across builds: revalidated on every view.
pub const PAGE_CACHE: &str = "no-cache";
/// More changed pages than this are invalidated as `/*`, one path for CloudFront's quota.
const MAX_INVALIDATION_PATHS: usize = 50;

/// A file of the built site, keyed as in the bucket (forward slashes, no leading slash).
#[derive(Debug, Clone)]
pub struct LocalFile {
    pub key: String,
    pub path: PathBuf,
    pub size: u64,
    /// Lowercase hex MD5 of the content, compared with the bucket's ETag (see [`Remote`]).
    pub md5: String,
}

impl LocalFile {
    pub fn is_asset(&self) -> bool {
        is_asset(&self.key)
    }
}

pub fn is_asset(key: &str) -> bool {
    key.starts_with(ASSETS_PREFIX)
}

/// The bucket's listing: key to ETag, quotes stripped.
///
/// Why the ETag and not a sha256 of our own in the object's metadata: the ETag comes with the
/// listing (one ListObjectsV2 call per 1,000 keys), metadata would need a HeadObject per key.
/// For a single-part PutObject under SSE-S3 (the template's `AES256`) the ETag is the MD5 of
/// the body, and publish only makes single-part puts (pages and assets are small). Were the
/// bucket under SSE-KMS, ETags would never match and every file would be uploaded again: slower,
/// never wrong.
pub type Remote = BTreeMap<String, String>;

/// The publish, step by step in the safe order: [`Plan::assets`] uploaded first (a new page may
/// only refer to assets already there), then [`Plan::pages`], then [`Plan::stale_pages`]
/// deleted, then one invalidation of [`Plan::invalidate`]; [`Plan::prune`] only when asked.
#[derive(Debug, Default)]
pub struct Plan {
    pub assets: Vec<LocalFile>,
    pub pages: Vec<LocalFile>,
    pub unchanged: usize,
    /// Pages in the bucket that this build no longer makes.
    pub stale_pages: Vec<String>,
    /// Old assets to delete (`--prune-assets`): neither built now nor named by a current page.
    pub prune: Vec<String>,
    /// Old assets left in the bucket (without `--prune-assets`).
    pub old_assets: usize,
    /// CloudFront paths of every page uploaded or deleted (`/*` past a count).
    pub invalidate: Vec<String>,
}

impl Plan {
    pub fn upload_bytes(files: &[LocalFile]) -> u64 {
        files.iter().map(|f| f.size).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.assets.is_empty()
            && self.pages.is_empty()
            && self.stale_pages.is_empty()
            && self.prune.is_empty()
    }
}

/// Compares the built files with the bucket. `referenced` holds the asset keys the current
/// pages name ([`referenced_assets`]); `prune` is `--prune-assets`.
pub fn plan(
    local: &[LocalFile],
    remote: &Remote,
    referenced: &BTreeSet<String>,
    prune: bool,
) -> Plan {
    let mut plan = Plan::default();
    for file in local {
        if remote.get(&file.key).is_some_and(|etag| *etag == file.md5) {
            plan.unchanged += 1;
        } else if file.is_asset() {
            plan.assets.push(file.clone());
        } else {
            plan.pages.push(file.clone());
        }
    }
    let built: BTreeSet<&str> = local.iter().map(|f| f.key.as_str()).collect();
    for key in remote.keys().filter(|k| !built.contains(k.as_str())) {
        if !is_asset(key) {
            plan.stale_pages.push(key.clone());
        } else if prune && !referenced.contains(key) {
            plan.prune.push(key.clone());
        } else {
            plan.old_assets += 1;
        }
    }
    let changed = plan.pages.iter().map(|f| f.key.as_str());
    plan.invalidate =
        invalidation_paths(changed.chain(plan.stale_pages.iter().map(String::as_str)));
    plan
}

/// The CloudFront paths of these page keys: the file and, for an `index.html`, its folder (the
/// URL a viewer asks for), or `/*` when there are too many.
fn invalidation_paths<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut paths = BTreeSet::new();
    for key in keys {
        paths.insert(format!("/{key}"));
        if let Some(folder) = key.strip_suffix("index.html") {
            paths.insert(format!("/{folder}"));
        }
    }
    if paths.len() > MAX_INVALIDATION_PATHS {
        return vec!["/*".into()];
    }
    paths.into_iter().collect()
}

/// The asset keys a page's HTML names (`/assets/...` in a `src` or `href`).
pub fn referenced_assets(html: &str, into: &mut BTreeSet<String>) {
    let marker = format!("/{ASSETS_PREFIX}");
    let mut rest = html;
    while let Some(at) = rest.find(&marker) {
        let tail = &rest[at + 1..];
        let end = tail
            .find(|c: char| {
                matches!(c, '"' | '\'' | ')' | '<' | '>' | '?' | '#') || c.is_whitespace()
            })
            .unwrap_or(tail.len());
        into.insert(tail[..end].to_string());
        rest = &tail[end..];
    }
}

/// The Content-Type of a key, by its extension (mime_guess, as `reviewroom serve` answers),
/// with `charset=utf-8` on text: the build writes UTF-8.
pub fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "javascript" | "json");
    if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

pub fn cache_control(key: &str) -> &'static str {
    if is_asset(key) {
        ASSET_CACHE
    } else {
        PAGE_CACHE
    }
}

#[cfg(test)]
mod tests;
