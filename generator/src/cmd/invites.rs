//! `reviewroom invites [--scenario S]`: each invite and its state (docs/design.md §4's precedence).

use std::time::Duration;

use anyhow::Result;
use submit_fn::store::{InviteState, Submission, now, rfc3339};

use crate::cli::InvitesArgs;
use crate::config::Project;
use crate::printable;

const COLUMNS: [&str; 10] = [
    "ID",
    "SCENARIO",
    "CANDIDATE",
    "REF",
    "STATE",
    "CREATED",
    "START BY",
    "TIME LIMIT",
    "SUBMITTED",
    "VERDICT",
];

/// The verdict of a stored submission ("-" when it cannot be read: the listing still shows).
fn verdict(submission: &Submission) -> String {
    serde_json::from_str::<serde_json::Value>(&submission.review)
        .ok()
        .and_then(|review| review.get("verdict")?.as_str().map(printable::line))
        .unwrap_or_else(|| "-".into())
}

/// One line per invite, columns aligned; stored text goes out through
/// [`printable::line`](crate::printable::line), so no control character reaches the terminal.
/// SUBMITTED and VERDICT are the latest submission's, the one `export` reports.
pub fn table(states: &[InviteState]) -> String {
    let at = now();
    let mut rows = vec![COLUMNS.map(String::from)];
    for state in states {
        let invite = &state.invite;
        let submission = state.latest_submission();
        rows.push([
            printable::line(&invite.id),
            printable::line(&invite.scenario),
            printable::line(&invite.candidate),
            printable::line(invite.reference.as_deref().unwrap_or("-")),
            state.status(at).to_string(),
            rfc3339(invite.created_at),
            rfc3339(invite.expires_at),
            invite.time_limit_seconds.map_or("-".into(), |s| {
                humantime::format_duration(Duration::from_secs(s)).to_string()
            }),
            submission.map_or("-".into(), |s| rfc3339(s.received_at)),
            submission.map_or("-".into(), verdict),
        ]);
    }
    let widths: Vec<usize> = (0..COLUMNS.len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn run(project: &Project, args: &InvitesArgs, quiet: bool) -> Result<()> {
    let runtime = crate::store::runtime()?;
    let states = runtime.block_on(async {
        let store = crate::store::open(project, &args.store).await?;
        anyhow::Ok(store.list(args.scenario.as_deref()).await?)
    })?;
    if states.is_empty() {
        if let Some(slug) = &args.scenario {
            // None for a scenario that does not exist is a typo, not an empty list.
            project.scenario_dir(slug)?;
        }
        if !quiet {
            eprintln!(
                "no invites yet (mint one with `reviewroom invite new <scenario> --candidate NAME`)"
            );
        }
        return Ok(());
    }
    print!("{}", table(&states));
    Ok(())
}
