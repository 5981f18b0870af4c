//! Export against fixture store content: golden JSON, CSV and Markdown (comparing all but the
//! export time), and the HTML report's safety properties.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use generator::build::manifest::{manifest, scenario_hash};
use generator::cli::ExportFormat;
use generator::export::{self, collect::ScenarioContext};
use generator::scenario;
use submit_fn::store::{Draft, Invite, InviteState, Submission};
use time::macros::datetime;

const XSS: &str = "<img src=x onerror=alert(1)> and [js](javascript:alert(1)) and ![p](http://evil.example/p.png)";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn context() -> ScenarioContext {
    let scenario = scenario::load(&fixtures().join("scenarios/demo-review")).unwrap();
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

/// Three invites: one submitted (late, with every kind of comment), one with only a draft,
/// one never saved.
pub fn states(ctx: &ScenarioContext) -> Vec<InviteState> {
    let review = serde_json::json!({
        "submission_id": "sub-1",
        "verdict": "request_changes",
        "summary": "Retries need a bound.\n\n=SUM(A1) in a summary",
        "elapsed_seconds": 3900,
        "comments": [
            {"id": "c1", "file": "src/api/client.ts", "side": "modified", "start_line": 18, "end_line": 19,
             "severity": "major", "body": "This loop never ends when the server keeps failing.", "updated_at": "2026-03-02T10:20:00Z"},
            {"id": "c2", "file": "app/worker.py", "side": "modified", "start_line": 16, "end_line": 16,
             "severity": "blocker", "body": "SQL injection here?", "updated_at": "2026-03-02T10:30:00Z"},
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
             "body": "unbounded", "updated_at": "2026-03-03T10:00:00Z"},
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
        }],
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
    };
    let mut empty = InviteState {
        invite: invite(ctx, "cccccccccccccccc", "Linus T."),
        draft: None,
        submissions: vec![],
    };
    empty.invite.started_at = None;
    empty.invite.revoked_at = Some(datetime!(2026-03-04 08:00 UTC));
    vec![submitted, drafted, empty]
}

fn exported(format: ExportFormat) -> String {
    let ctx = context();
    let states = states(&ctx);
    let hashes = BTreeMap::from([(ctx.scenario.slug.clone(), scenario_hash(&ctx.scenario))]);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    let records = export::records(&states, &contexts, &hashes, 3).unwrap();
    let mut out = Vec::new();
    export::write(
        &records,
        &contexts,
        format,
        "2026-03-05T00:00:00Z",
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (then read the diff).
fn golden(name: &str, actual: &str) {
    let path = fixtures().join("export").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from the export:\n{actual}",
        path.display()
    );
}

#[test]
fn json_matches_golden() {
    let json = exported(ExportFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 1);
    let records = value["records"].as_array().unwrap();
    assert_eq!(records[0]["status"], "submitted");
    assert_eq!(records[0]["invite"]["late_seconds"], 300);
    assert_eq!(
        records[0]["score"]["issues"]["retry-forever-qx7"],
        serde_json::json!(["c1"])
    );
    assert_eq!(
        records[0]["score"]["issues"]["sql-injection-qx7"],
        serde_json::json!(["c2"])
    );
    assert_eq!(records[1]["status"], "draft");
    assert_eq!(
        records[1]["score"]["near"], 1,
        "the tombstone does not count"
    );
    assert_eq!(records[2]["status"], "draft");
    assert_eq!(records[2]["review"]["comments"], serde_json::json!([]));
    assert_eq!(records[2]["invite"]["revoked"], true);
    golden("expected.json", &json);
}

#[test]
fn csv_matches_golden_and_neutralises_formulas() {
    let csv = exported(ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 4 comments + summary, 1 live draft comment + summary, summary.
    assert_eq!(rows.len(), 4 + 1 + 1 + 1 + 1);
    assert!(
        rows.iter()
            .flat_map(|r| r.iter())
            .all(|cell| !cell.starts_with(['=', '+', '-', '@']))
    );
    assert!(csv.contains("'=HYPERLINK"));
    golden("expected.csv", &csv);
}

#[test]
fn markdown_matches_golden_and_is_inert() {
    let md = exported(ExportFormat::Md);
    assert!(!md.contains("<img"), "raw HTML must not survive");
    assert!(!md.contains("!["), "images must not survive");
    assert!(md.contains("Key issues with no comment near them"));
    assert!(md.contains("Ada &lt;b>L&lt;/b>"), "names are inert too");
    assert!(
        md.contains("at original 2-5"),
        "an also place is shown in its own file"
    );
    golden("expected.md", &md);
}

#[test]
fn html_report_is_self_contained_and_escapes_candidate_text() {
    let html = exported(ExportFormat::Html);
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"")
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"), "candidate HTML must be escaped");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        !html.contains("javascript:"),
        "only http, https and mailto links"
    );
    assert!(!html.contains("<b>L</b>"), "candidate names are escaped");
    assert!(html.contains("<svg class=\"chart\""));
    assert!(
        html.contains("Fixture key detail Qx7"),
        "missed issues carry their detail"
    );
    for id in ["retry-forever-qx7", "sql-injection-qx7"] {
        assert!(
            html.contains(&format!("id=\"aaaaaaaaaaaaaaaa-issue-{id}\"")),
            "{id}"
        );
    }
    let out = fixtures().join("../../../target/report-sample.html");
    let _ = std::fs::write(out, &html);
}
