//! `reviewroom invite`: mints a candidate's link (refusing a stale or foreign build) and
//! manages invites: relink, extend, revoke, reopen, delete.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use submit_fn::model::Manifest;
use submit_fn::store::{Invite, InviteChange, ReviewStore, now};
use submit_fn::token::Token;

use crate::cli::{InviteArgs, StoreArgs};
use crate::config::Project;
use crate::secret::PathSecret;

/// The default link origin when reviewroom.toml sets no base_url.
pub const LOCAL_BASE: &str = "http://127.0.0.1:8080";

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
    let path = project.manifest_path(slug);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no build of scenario {slug} ({} is missing): build and publish first",
            path.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("invalid manifest {}", path.display()))?;
    let secret = PathSecret::load(project, project.store(args).kind, quiet)?;
    if secret.fingerprint() != manifest.secret_fingerprint {
        bail!("scenario {slug} was built with another path secret: build and publish first");
    }
    let dir = project.path(&project.config.scenarios_dir).join(slug);
    let scenario = crate::scenario::load(&dir)
        .with_context(|| format!("cannot load scenario {}", dir.display()))?;
    if crate::build::manifest::scenario_hash(&scenario) != manifest.scenario_hash {
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
    let invite = Invite {
        id: token.invite_id(),
        token_hash: token.hash().to_hex(),
        scenario: new.scenario.to_string(),
        manifest,
        candidate: new.candidate.to_string(),
        reference: new.reference.map(str::to_string),
        created_at: created,
        expires_at: created + new.expires,
        time_limit_seconds: new.time_limit.map(|d| d.as_secs()),
        revoked_at: None,
        opened_at: None,
        started_at: None,
        round: 0,
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

fn duration(text: &str, flag: &str) -> Result<Duration> {
    humantime::parse_duration(text)
        .with_context(|| format!("{flag} {text:?} is not a duration like 7d or 60m"))
}

fn id_arg(id: &str) -> Result<&str> {
    if !submit_fn::token::is_invite_id(id) {
        bail!(
            "{id:?} is not an invite id (16 characters of a-z and 2-7; see `reviewroom invites`)"
        );
    }
    Ok(id)
}

pub fn run(project: &Project, args: &InviteArgs, quiet: bool) -> Result<()> {
    let runtime = crate::store::runtime()?;
    runtime.block_on(async {
        let store = crate::store::open(project, &args.store).await?;
        let base = project.config.link_base(LOCAL_BASE);
        if let Some(id) = &args.relink {
            let token = Token::mint().context("cannot mint a token")?;
            let invite = store
                .change(
                    id_arg(id)?,
                    InviteChange::Relink {
                        token_hash: token.hash(),
                    },
                )
                .await
                .with_context(|| format!("cannot relink invite {id}"))?;
            println!(
                "invite {id} is now {} (the old link no longer works)",
                invite.id
            );
            println!("{}", link(&base, &invite, &token));
            return Ok(());
        }
        if let Some(values) = &args.extend {
            let [id, by] = values.as_slice() else {
                bail!("--extend takes an invite id and a duration");
            };
            let by = duration(by, "--extend")?;
            let state = store
                .load(id_arg(id)?)
                .await?
                .with_context(|| format!("no invite {id}"))?;
            let expires_at = state.invite.expires_at.max(now()) + by;
            store
                .change(id, InviteChange::Extend { expires_at })
                .await?;
            println!(
                "invite {id} can now be started until {}",
                submit_fn::store::rfc3339(expires_at)
            );
            return Ok(());
        }
        let simple = [
            (&args.revoke, "revoked"),
            (&args.reopen, "reopened: one more submission is allowed"),
        ];
        for (id, what) in simple {
            if let Some(id) = id {
                let change = if what == "revoked" {
                    InviteChange::Revoke { at: now() }
                } else {
                    InviteChange::Reopen
                };
                store
                    .change(id_arg(id)?, change)
                    .await
                    .with_context(|| format!("cannot change invite {id}"))?;
                println!("invite {id} {what}");
                return Ok(());
            }
        }
        if let Some(id) = &args.delete {
            store
                .delete_invite(id_arg(id)?)
                .await
                .with_context(|| format!("cannot delete invite {id}"))?;
            println!("invite {id} and every record of it deleted");
            return Ok(());
        }
        let Some(slug) = args.scenario.as_deref() else {
            bail!("name the scenario to invite to: reviewroom invite <scenario> --candidate NAME");
        };
        let Some(candidate) = args.candidate.as_deref() else {
            bail!("--candidate NAME is required for a new invite");
        };
        crate::printable::check_input("--candidate", candidate)?;
        if let Some(reference) = &args.reference {
            crate::printable::check_input("--ref", reference)?;
        }
        let manifest = current_manifest(project, &args.store, slug, quiet)?;
        // Without --time-limit there is none: the page shows the scenario's minutes as a
        // suggestion (docs/design.md §5).
        let time_limit = args
            .time_limit
            .as_deref()
            .map(|text| duration(text, "--time-limit"))
            .transpose()?;
        let new = NewInvite {
            scenario: slug,
            candidate,
            reference: args.reference.as_deref(),
            expires: duration(&args.expires, "--expires")?,
            time_limit,
        };
        let (invite, token) = mint(&*store, manifest, &new).await?;
        if !quiet {
            eprintln!("invite {} for {candidate} on {slug}", invite.id);
        }
        println!("{}", link(&base, &invite, &token));
        Ok(())
    })
}
