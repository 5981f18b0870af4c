//! `reviewroom invites [--scenario S]`: each invite and its state (docs/design.md §4's precedence).

use anyhow::Result;
use submit_fn::store::{InviteState, now, rfc3339};

use crate::cli::InvitesArgs;
use crate::config::Project;
use crate::printable;

/// One line per invite, columns aligned; stored text goes out through
/// [`printable::line`](crate::printable::line), so no control character reaches the terminal.
pub fn table(states: &[InviteState]) -> String {
    let at = now();
    let mut rows = vec![[
        "ID".to_string(),
        "SCENARIO".into(),
        "CANDIDATE".into(),
        "REF".into(),
        "STATE".into(),
        "CREATED".into(),
        "START BY".into(),
    ]];
    for state in states {
        let invite = &state.invite;
        rows.push([
            printable::line(&invite.id),
            printable::line(&invite.scenario),
            printable::line(&invite.candidate),
            printable::line(invite.reference.as_deref().unwrap_or_default()),
            state.status(at).to_string(),
            rfc3339(invite.created_at),
            rfc3339(invite.expires_at),
        ]);
    }
    let widths: Vec<usize> = (0..7)
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
        if !quiet {
            eprintln!(
                "no invites yet (mint one with `reviewroom invite <scenario> --candidate NAME`)"
            );
        }
        return Ok(());
    }
    print!("{}", table(&states));
    Ok(())
}
