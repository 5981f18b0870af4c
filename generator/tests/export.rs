//! Export against fixture store content: golden JSON, CSV and Markdown (comparing all but the
//! export time), and the HTML report's safety properties.

mod support;

use std::collections::BTreeMap;

use generator::cli::ExportFormat;
use support::{context, fixtures, states};

fn exported(format: ExportFormat) -> String {
    let ctx = context();
    let states = states(&ctx);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    support::written(&contexts, &support::records(&contexts, &states), format)
}

/// Compares with the snapshot `fixtures/export/NAME.snap`: a difference fails with a line diff;
/// `INSTA_UPDATE=always` (or `cargo insta review`) writes the new export, to read in `git diff`.
fn golden(name: &str, actual: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(fixtures().join("export"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}

#[test]
fn json_matches_golden() {
    let json = exported(ExportFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 3);
    let records = value["records"].as_array().unwrap();
    assert_eq!(records[0]["status"], "submitted");
    assert_eq!(records[0]["invite"]["late_seconds"], 300);
    assert_eq!(
        records[0]["score"]["issues"]["retry-forever-qx7"],
        serde_json::json!(["c1", "summary:1"]),
        "a summary paragraph that says it counts, at the review's level"
    );
    assert_eq!(
        records[0]["score"]["issues"]["sql-injection-qx7"],
        serde_json::json!(["c2"])
    );
    assert_eq!(records[1]["status"], "draft");
    assert_eq!(
        records[1]["score"]["found"], 1,
        "the tombstone does not count"
    );
    assert_eq!(records[2]["status"], "draft");
    assert_eq!(records[2]["review"]["comments"], serde_json::json!([]));
    assert_eq!(records[2]["invite"]["revoked"], true);
    golden("json", &json);
}

#[test]
fn csv_matches_golden_and_neutralises_formulas() {
    let csv = exported(ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 4 comments + summary, 1 live draft comment + summary, summary; then each record's two
    // key issues with their results.
    assert_eq!(rows.len(), 4 + 1 + 1 + 1 + 1 + 3 * 2);
    let results: Vec<&str> = rows
        .iter()
        .filter(|r| r.get(6) == Some("issue"))
        .map(|r| r.get(r.len() - 1).unwrap())
        .collect();
    assert_eq!(
        results,
        [
            "found, suggested by scoring",
            "found, suggested by scoring",
            "found, suggested by scoring",
            "missed, suggested by scoring",
            "missed, suggested by scoring",
            "missed, suggested by scoring",
        ],
        "every key issue carries scoring's suggestion when no grade exists"
    );
    assert!(
        rows.iter()
            .flat_map(|r| r.iter())
            .all(|cell| !cell.starts_with(['=', '+', '-', '@']))
    );
    assert!(csv.contains("'=HYPERLINK"));
    golden("csv", &csv);
}

#[test]
fn markdown_matches_golden_and_is_inert() {
    let md = exported(ExportFormat::Md);
    assert!(!md.contains("<img"), "raw HTML must not survive");
    assert!(!md.contains("!["), "images must not survive");
    assert!(md.contains("## Issues missed"));
    assert!(
        md.contains(
            "- Time taken: 65 min 0 s measured by the server (Start to receipt); 65 min 0 s \
             reported by the candidate's page"
        ),
        "each timing figure says who measured it"
    );
    assert!(
        md.contains("credited to sql-injection-qx7 (beside the lines and says it: sql)"),
        "each credit carries its tier and the words that made it"
    );
    assert!(
        md.contains("Ada &lt;b&gt;L&lt;/b&gt;"),
        "names are inert too"
    );
    assert!(
        md.contains("`db/001_init.sql original 2-5`"),
        "an also place is shown in its own file"
    );
    golden("markdown", &md);
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
    assert!(html.contains("<figure class=\"bars\">"));
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
