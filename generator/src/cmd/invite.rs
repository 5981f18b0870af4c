//! `reviewroom invite`: mints a candidate's link (refusing a stale or foreign build) and
//! manages invites: relink, extend, revoke, reopen, delete (docs/design.md §4).

use std::time::Duration;

use anyhow::{Context, Result, bail};
use submit_fn::store::{InviteChange, ReviewStore, now, rfc3339};
use submit_fn::token::Token;

use crate::cli::{Change, InviteArgs, NewInviteArgs, StoreArgs};
use crate::config::Project;
use crate::invite::{NewInvite, current_manifest, link, mint};

fn duration(text: &str, flag: &str) -> Result<Duration> {
    humantime::parse_duration(text).map_err(|e| match e {
        // humantime's own hint ("for example 60sec or 60ms") suits no invite.
        humantime::DurationError::UnknownUnit { unit, .. } if unit.is_empty() => {
            anyhow::anyhow!("{flag} {text:?} is not a duration: give a unit, like 7d, 90m or 1h30m")
        }
        other => {
            anyhow::anyhow!("{flag} {text:?} is not a duration like 7d, 90m or 1h30m: {other}")
        }
    })
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
    let (change, store_args, old_flag) = args.change();
    if let (Some(name), false) = (old_flag, quiet) {
        eprintln!("note: `invite --{name}` is now `reviewroom invite {name}`");
    }
    let runtime = crate::store::runtime()?;
    runtime.block_on(async {
        let store = crate::store::open(project, store_args).await?;
        let store = &*store;
        match change {
            Change::New(new) => {
                // Without a subcommand the first word is read as the scenario (`invite SLUG`).
                let old_form = args.action.is_none();
                new_invite(project, store, store_args, new, quiet, old_form).await
            }
            Change::Relink(id) => relink(project, store, id_arg(id)?, quiet).await,
            Change::Extend(id, by) => extend(store, id_arg(id)?, by).await,
            Change::Revoke(id) => {
                apply(store, id_arg(id)?, InviteChange::Revoke { at: now() }).await?;
                println!("invite {id} revoked");
                Ok(())
            }
            Change::Reopen(id) => {
                apply(store, id_arg(id)?, InviteChange::Reopen).await?;
                println!(
                    "invite {id} reopened: one more submission is allowed, and it is not revoked"
                );
                Ok(())
            }
            Change::Delete(id) => {
                store
                    .delete_invite(id_arg(id)?)
                    .await
                    .with_context(|| format!("cannot delete invite {id}"))?;
                println!("invite {id} and every record of it deleted");
                Ok(())
            }
        }
    })
}

async fn apply(
    store: &dyn ReviewStore,
    id: &str,
    change: InviteChange,
) -> Result<submit_fn::store::Invite> {
    store
        .change(id, change)
        .await
        .with_context(|| format!("cannot change invite {id}"))
}

/// A new token for the same id: notes and ATS references that name the id stay right.
async fn relink(project: &Project, store: &dyn ReviewStore, id: &str, quiet: bool) -> Result<()> {
    let token = Token::mint_for(id).context("cannot mint a token")?;
    let token_hash = token.hash();
    let invite = apply(store, id, InviteChange::Relink { token_hash })
        .await
        .with_context(|| format!("cannot relink invite {id}"))?;
    println!("invite {id} has a new link (the old one no longer works)");
    // After the line that names the invite, so a note about the origin never comes first.
    let base = crate::served::link_base(project, quiet);
    println!("{}", link(&base, &invite, &token));
    Ok(())
}

async fn extend(store: &dyn ReviewStore, id: &str, by: &str) -> Result<()> {
    let by = duration(by, "extend")?;
    let state = store
        .load(id)
        .await?
        .with_context(|| format!("no invite {id}"))?;
    let expires_at = state.invite.expires_at.max(now()) + by;
    apply(store, id, InviteChange::Extend { expires_at }).await?;
    println!(
        "invite {id} can now be started until {}",
        rfc3339(expires_at)
    );
    Ok(())
}

async fn new_invite(
    project: &Project,
    store: &dyn ReviewStore,
    store_args: &StoreArgs,
    args: &NewInviteArgs,
    quiet: bool,
    old_form: bool,
) -> Result<()> {
    let Some(slug) = args.scenario.as_deref() else {
        bail!("name the scenario to invite to: reviewroom invite new <scenario> --candidate NAME");
    };
    // `invite revok` reaches here as the old `invite <scenario>` form: say both readings.
    project.scenario_dir(slug).map_err(|e| match old_form {
        true => anyhow::anyhow!(
            "{e}; `reviewroom invite`'s subcommands are new, relink, extend, revoke, reopen and \
             delete"
        ),
        false => e,
    })?;
    let Some(candidate) = args.candidate.as_deref() else {
        bail!("--candidate NAME is required for a new invite");
    };
    crate::printable::check_input("--candidate", candidate)?;
    if let Some(reference) = &args.reference {
        crate::printable::check_input("--ref", reference)?;
    }
    let manifest = current_manifest(project, store_args, slug, quiet)?;
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
    let (invite, token) = mint(store, manifest, &new).await?;
    if !quiet {
        eprintln!("invite {} for {candidate} on {slug}", invite.id);
    }
    println!(
        "{}",
        link(&crate::served::link_base(project, quiet), &invite, &token)
    );
    Ok(())
}
