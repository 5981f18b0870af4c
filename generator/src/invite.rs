//! Minting an invite, shared by `reviewroom invite` and `reviewroom serve`'s demo invite: the
//! published manifest it must point at, the stored record and its token, the candidate's link.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use submit_fn::model::Manifest;
use submit_fn::store::{Invite, ReviewStore, now};
use submit_fn::token::Token;

use crate::cli::StoreArgs;
use crate::config::Project;
use crate::secret::PathSecret;

/// What a new invite needs besides the store.
pub struct NewInvite<'a> {
    pub scenario: &'a str,
    pub candidate: &'a str,
    pub reference: Option<&'a str>,
    pub expires: Duration,
    pub time_limit: Option<Duration>,
}

/// The manifest of the last build of `slug`, checked against the current secret and the
/// scenario folder: an invite must point at what is published.
pub fn current_manifest(
    project: &Project,
    args: &StoreArgs,
    slug: &str,
    quiet: bool,
) -> Result<Manifest> {
    let dir = project.scenario_dir(slug)?;
    let path = project.manifest_path(slug);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no build of scenario {slug} ({} is missing): build and publish first",
            path.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("invalid manifest {}", path.display()))?;
    let secret = PathSecret::load(project, args.resolve(project).kind, quiet)?;
    if secret.fingerprint() != manifest.secret_fingerprint {
        bail!(
            "scenario {slug} was built with another path secret: use the one the site was built \
             with ({}, else .reviewroom/secret on the sqlite store); building again with this one \
             moves every scenario to a new address, and the links already sent stop working",
            crate::secret::SECRET_ENV
        );
    }
    let scenario = crate::scenario::load(&dir)
        .with_context(|| format!("cannot load scenario {}", dir.display()))?;
    if crate::site::manifest::scenario_hash(&scenario) != manifest.scenario_hash {
        bail!(
            "scenario {slug} changed since the last build ({}): build and publish first",
            dir.display()
        );
    }
    Ok(manifest)
}

/// Records a new invite with a copy of the manifest; returns it with its token.
pub async fn mint(
    store: &dyn ReviewStore,
    manifest: Manifest,
    new: &NewInvite<'_>,
) -> Result<(Invite, Token)> {
    let token = Token::mint().context("cannot mint a token")?;
    let created = now();
    // The manifest is the build's of `new.scenario` (its file is named after the slug), so the
    // invite's scenario, which `Invite::new` takes from it, is that slug.
    let invite = Invite {
        reference: new.reference.map(str::to_string),
        time_limit_seconds: new.time_limit.map(|d| d.as_secs()),
        ..Invite::new(
            &token,
            manifest,
            new.candidate,
            created,
            created + new.expires,
        )
    };
    store
        .create_invite(&invite)
        .await
        .context("cannot record the invite")?;
    Ok((invite, token))
}

/// `<base_url>/s/<k>/#invite=<token>`.
pub fn link(base: &str, invite: &Invite, token: &Token) -> String {
    format!("{base}{}#invite={}", invite.manifest.path, token.as_str())
}
