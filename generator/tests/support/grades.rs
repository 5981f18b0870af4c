//! Two graders' grades of the fixture invites, made as the grade page makes them: every
//! suggested match confirmed, every extra comment judged valid, the outcomes given here.

use std::collections::BTreeMap;

use generator::grading::{Subject, sheet};
use submit_fn::store::{Grade, InviteState};
use time::macros::datetime;

use super::{Contexts, records};

/// (mid issue `retry-forever-qx7`, junior issue `sql-injection-qx7`) per invite, in fixture
/// order: Barbara and Edsger agree on every mid issue and on two of three junior ones.
pub const BARBARA: [(&str, &str); 3] = [
    ("found", "found"),
    ("partly", "missed"),
    ("missed", "missed"),
];
pub const EDSGER: [(&str, &str); 3] = [
    ("found", "partly"),
    ("partly", "missed"),
    ("missed", "missed"),
];

/// A sheet as the page posts it for the record at `index`, checked by the server's validation.
pub fn sheet_json(
    contexts: &Contexts,
    states: &[InviteState],
    index: usize,
    outcomes: (&str, &str),
    recommendation: &str,
) -> serde_json::Value {
    let all = records(contexts, states);
    let record = &all[index];
    let subject = Subject {
        record,
        context: &contexts[&record.invite.scenario],
    };
    let mut issues = serde_json::Map::new();
    for issue in subject.issues() {
        let matches: BTreeMap<&str, &str> = subject
            .suggested(&issue.id)
            .iter()
            .map(|s| (s.comment, "confirmed"))
            .collect();
        let outcome = if issue.id == "retry-forever-qx7" {
            outcomes.0
        } else {
            outcomes.1
        };
        issues.insert(
            issue.id.clone(),
            serde_json::json!({"outcome": outcome, "matches": matches, "note": ""}),
        );
    }
    let extras: BTreeMap<&str, &str> = subject
        .extras()
        .iter()
        .map(|c| (c.id.as_str(), "valid"))
        .collect();
    let value = serde_json::json!({
        "issues": issues,
        "extras": extras,
        "notes": format!("notes by a grader of invite {index}"),
        "recommendation": recommendation,
    });
    sheet::validate(&value, &subject).expect("a valid sheet");
    value
}

/// The fixture states with Barbara's and Edsger's grades of every invite.
pub fn graded(contexts: &Contexts, states: &[InviteState]) -> Vec<InviteState> {
    let all = records(contexts, states);
    let mut out = states.to_vec();
    for (i, state) in out.iter_mut().enumerate() {
        for (grader, outcomes, recommendation) in
            [("Barbara", BARBARA[i], "yes"), ("Edsger", EDSGER[i], "no")]
        {
            let subject = Subject {
                record: &all[i],
                context: &contexts[&all[i].invite.scenario],
            };
            let sheet = sheet::validate(
                &sheet_json(contexts, states, i, outcomes, recommendation),
                &subject,
            )
            .unwrap();
            state.grades.push(Grade {
                grader: grader.into(),
                review_id: all[i].review_id.clone(),
                sheet: serde_json::to_string(&sheet).unwrap(),
                saved_at: datetime!(2026-03-04 12:00 UTC),
            });
        }
    }
    out
}
