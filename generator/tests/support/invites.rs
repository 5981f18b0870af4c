//! The fixture store content of the export tests: the demo scenario and three invites, scored
//! and written.

use std::collections::BTreeMap;

use generator::cli::ExportFormat;
use generator::export::{self, collect::ScenarioContext, record::ExportRecord};
use generator::scenario;
use generator::site::manifest::{manifest, scenario_hash};
use submit_fn::store::{Draft, Invite, InviteState, Submission};
use time::macros::datetime;

pub const XSS: &str = "<img src=x onerror=alert(1)> and [js](javascript:alert(1)) and ![p](http://evil.example/p.png)";

pub fn context() -> ScenarioContext {
    let scenario = scenario::load(&super::fixture_scenario()).unwrap();
    ScenarioContext::new(scenario)
}

fn invite(ctx: &ScenarioContext, id: &str, candidate: &str) -> Invite {
    let hash = scenario_hash(&ctx.scenario);
    Invite {
        id: id.into(),
        token_hash: "00".repeat(32),
        scenario: ctx.scenario.slug.clone(),
        manifest: manifest(&ctx.scenario, &hash, "0badf00d", "/s/aaaaaaaaaaaaaaaa/"),
        candidate: candidate.into(),
        reference: Some(format!("ats-{id}")),
        created_at: datetime!(2026-03-01 09:00 UTC),
        expires_at: datetime!(2026-03-08 09:00 UTC),
        time_limit_seconds: Some(3600),
        revoked_at: None,
        opened_at: Some(datetime!(2026-03-02 10:00 UTC)),
        started_at: Some(datetime!(2026-03-02 10:05 UTC)),
        round: 0,
    }
}

/// A review comment on each of the fixture's two key issues (c1 and c2), as a candidate who
/// found both writes them.
pub fn comments_on_the_key() -> [serde_json::Value; 2] {
    [
        serde_json::json!({"id": "c1", "file": "src/api/client.ts", "side": "modified",
            "start_line": 18, "end_line": 19, "severity": "major",
            "body": "This loop never ends when the server keeps failing.",
            "updated_at": "2026-03-02T10:20:00Z"}),
        serde_json::json!({"id": "c2", "file": "app/worker.py", "side": "modified",
            "start_line": 16, "end_line": 16, "severity": "blocker",
            "body": "SQL injection here?", "updated_at": "2026-03-02T10:30:00Z"}),
    ]
}

/// Three invites: one submitted (late, with every kind of comment), one with only a draft,
/// one never saved.
pub fn states(ctx: &ScenarioContext) -> Vec<InviteState> {
    let [c1, c2] = comments_on_the_key();
    let review = serde_json::json!({
        "submission_id": "sub-1",
        "verdict": "request_changes",
        "summary": "Retries need a bound.\n\n=SUM(A1) in a summary",
        "elapsed_seconds": 3900,
        "comments": [
            c1, c2,
            {"id": "c3", "file": "src/api/client.ts", "side": "modified",
             "body": "File-level: no tests for the client.", "updated_at": "2026-03-02T10:31:00Z"},
            {"id": "c4", "file": "config/settings.yaml", "side": "modified", "start_line": 1, "end_line": 1,
             "severity": "nit", "body": format!("=HYPERLINK(\"http://x\") {XSS}"), "updated_at": "2026-03-02T10:32:00Z"}
        ]
    });
    let draft = serde_json::json!({
        "summary": "half way",
        "comments": [
            {"id": "d1", "file": "src/api/client.ts", "side": "modified", "start_line": 20, "end_line": 20,
             "body": "unbounded: the retries never stop", "updated_at": "2026-03-03T10:00:00Z"},
            {"id": "d2", "file": "src/api/client.ts", "side": "modified", "start_line": 1, "end_line": 1,
             "body": "gone", "updated_at": "2026-03-03T10:01:00Z", "deleted": true}
        ]
    });
    let submitted = InviteState {
        invite: invite(ctx, "aaaaaaaaaaaaaaaa", "Ada <b>L</b>"),
        draft: None,
        submissions: vec![Submission {
            round: 0,
            submission_id: "sub-1".into(),
            body_hash: "11".repeat(32),
            review: review.to_string(),
            received_at: datetime!(2026-03-02 11:10 UTC),
            late_seconds: 300,
            server_elapsed_seconds: Some(3900),
        }],
        grades: vec![],
    };
    let drafted = InviteState {
        invite: invite(ctx, "bbbbbbbbbbbbbbbb", "Grace H."),
        draft: Some(Draft {
            version: 3,
            save_id: "save-3".into(),
            review: draft.to_string(),
            saved_at: datetime!(2026-03-03 10:02 UTC),
        }),
        submissions: vec![],
        grades: vec![],
    };
    let mut empty = InviteState {
        invite: invite(ctx, "cccccccccccccccc", "Linus T."),
        draft: None,
        submissions: vec![],
        grades: vec![],
    };
    empty.invite.started_at = None;
    empty.invite.revoked_at = Some(datetime!(2026-03-04 08:00 UTC));
    vec![submitted, drafted, empty]
}

/// The scenarios the export tests score against, by slug.
pub type Contexts = BTreeMap<String, ScenarioContext>;

/// The invites scored with the default parameters, each scenario at its current hash.
pub fn records(contexts: &Contexts, states: &[InviteState]) -> Vec<ExportRecord> {
    let hashes = contexts
        .iter()
        .map(|(slug, c)| (slug.clone(), scenario_hash(&c.scenario)))
        .collect();
    let params = generator::scoring::Params::default();
    export::records(states, contexts, &hashes, &params).unwrap()
}

/// The records written in `format`, at a fixed export time so goldens compare.
pub fn written(contexts: &Contexts, records: &[ExportRecord], format: ExportFormat) -> String {
    let mut out = Vec::new();
    export::write(
        records,
        contexts,
        format,
        "2026-03-05T00:00:00Z",
        None,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}
