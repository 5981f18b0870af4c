//! `reviewroom invite`: mints a candidate's link (refusing a stale or foreign build) and
//! manages invites: relink, extend, revoke, reopen, delete.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use submit_fn::store::{InviteChange, now};
use submit_fn::token::Token;

use crate::cli::InviteArgs;
use crate::config::Project;
use crate::invite::{NewInvite, current_manifest, link, mint};

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
        // After the lines that name the invite, so a note about the origin never comes first.
        let base = || crate::served::link_base(project, quiet);
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
            println!("{}", link(&base(), &invite, &token));
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
        println!("{}", link(&base(), &invite, &token));
        Ok(())
    })
}
