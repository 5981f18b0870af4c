//! Issue 17, item 1: the report an interviewer runs the debrief from. Each test reads only the
//! part it is about: the JSON `report`, or one section of the HTML and Markdown reports.

mod support;

use std::collections::BTreeMap;

use generator::cli::ExportFormat;
use serde_json::Value;
use support::{context, states};

const STRONG: &str = "A strong comment asks for a bounded retry with backoff.";
const FOLLOW_UP: &str = "How many attempts would you allow, and why?";

/// The fixture with a strong comment and a follow-up in the mid issue's detail, and the
/// submitted review's viewed files recorded (the draft's are not).
fn exported(format: ExportFormat) -> String {
    let mut ctx = context();
    let issue = &mut ctx.scenario.key[0];
    issue.detail = format!("{}\n\n{STRONG}\n\nFollow-up: {FOLLOW_UP}", issue.detail);
    let ctx = generator::export::collect::ScenarioContext::new(ctx.scenario);
    let mut states = states(&ctx);
    let submission = &mut states[0].submissions[0];
    let mut review: Value = serde_json::from_str(&submission.review).unwrap();
    review["viewed_files"] = serde_json::json!(["src/api/client.ts", "app/worker.py"]);
    submission.review = review.to_string();
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    support::written(&contexts, &support::records(&contexts, &states), format)
}

fn report(n: usize) -> Value {
    let json: Value = serde_json::from_str(&exported(ExportFormat::Json)).unwrap();
    assert_eq!(json["version"], 3);
    json["records"][n]["report"].clone()
}

/// The text from `from` up to the next `to` (or the end).
/// The `field` of every entry of a report's list.
fn texts<'a>(list: &'a Value, field: &str) -> Vec<&'a str> {
    let entries = list.as_array().expect("a list");
    entries.iter().map(|e| e[field].as_str().unwrap()).collect()
}

fn section<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let rest = &text[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |i| i + from.len());
    &rest[..end]
}

#[test]
fn the_header_says_time_files_viewed_and_comments_by_severity() {
    let r = report(0);
    assert_eq!(r["verdict"], "request_changes");
    assert_eq!(
        r["time"]["against"], "5 min 0 s over the 60 min time limit",
        "65 minutes measured against the invite's limit"
    );
    assert_eq!(r["time"]["late"], "5 min 0 s past the deadline");
    assert_eq!(r["files_viewed"]["recorded"], true);
    assert_eq!(r["files_viewed"]["viewed"].as_array().unwrap().len(), 2);
    assert!(r["files_viewed"]["of"].as_u64().unwrap() > 2);
    let severities: Vec<(String, u64)> = r["severities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().into(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        severities,
        [
            ("blocker".into(), 1),
            ("major".into(), 1),
            ("nit".into(), 1),
            ("no severity".into(), 1)
        ]
    );
    let draft = report(1);
    assert_eq!(
        draft["files_viewed"]["recorded"], false,
        "a review saved without the list is not recorded, not 0 viewed"
    );
    let html = exported(ExportFormat::Html);
    let header = section(&html, "<dl class=\"facts\">", "</dl>");
    assert!(
        header.contains("2 of 4 changed files"),
        "files viewed of N: {header}"
    );
    let draft_html = section(&html, "<hr>", "<hr>");
    let draft_header = section(draft_html, "<dl class=\"facts\">", "</dl>");
    assert!(
        draft_header.contains("not recorded"),
        "the draft's: {draft_header}"
    );
}

#[test]
fn issues_go_senior_first_addressed_then_missed_with_the_key_beside_the_comment() {
    let r = report(0);
    let levels: Vec<&str> = texts(&r["levels"], "level");
    assert_eq!(levels, ["senior", "mid", "junior"]);
    let mid = &r["levels"][1]["addressed"][0];
    assert_eq!(mid["id"], "retry-forever-qx7");
    assert_eq!(mid["strong"], STRONG);
    assert_eq!(mid["follow_up"], FOLLOW_UP);
    assert_eq!(mid["comments"][0]["id"], "c1");
    assert_eq!(mid["comments"][0]["matches"][0]["tier"], "on_lines");

    let html = exported(ExportFormat::Html);
    let addressed = section(&html, "id=\"aaaaaaaaaaaaaaaa-addressed\"", "-missed\"");
    let issue = section(
        addressed,
        "id=\"aaaaaaaaaaaaaaaa-issue-retry-forever-qx7\"",
        "</section>",
    );
    let said = issue.find("This loop never ends").unwrap();
    let strong = issue.find(STRONG).unwrap();
    let question = issue.find("How many attempts").unwrap();
    assert!(said < strong && strong < question, "{issue}");
    assert!(issue.contains("class=\"pair\""), "side by side: {issue}");
    assert!(
        issue.contains("<details class=\"excerpt\""),
        "the diff context stays, collapsible"
    );
    let missed = section(&html, "id=\"aaaaaaaaaaaaaaaa-missed\"", "-extras\"");
    assert!(!missed.contains("retry-forever-qx7\""), "{missed}");
    let order = ["-addressed\"", "-missed\"", "-extras\""].map(|s| html.find(s).unwrap());
    assert!(order[0] < order[1] && order[1] < order[2]);
}

#[test]
fn comments_that_address_no_issue_include_file_comments_and_unchanged_files_show_lines() {
    let r = report(0);
    let extras: Vec<&str> = texts(&r["extras"], "id");
    assert!(extras.contains(&"c3"), "the file-level comment: {extras:?}");
    assert!(extras.contains(&"c4"), "{extras:?}");
    let c4 = r["extras"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c4")
        .unwrap();
    // config/settings.yaml is unchanged: its lines are still shown.
    let rows = c4["excerpt"]["rows"].as_array().unwrap();
    assert!(rows.len() >= 2, "{c4}");
    assert!(rows.iter().all(|row| row["kind"] == "ctx"));
    assert_eq!(rows[0]["marked"], true, "line 1 is the comment's");
    let md = exported(ExportFormat::Md);
    let extras_md = section(&md, "## Comments that address no key issue", "\n---\n");
    assert!(extras_md.contains("File-level: no tests for the client."));
    assert!(extras_md.contains("whole file"), "{extras_md}");
}

#[test]
fn markdown_carries_the_same_order_and_material() {
    let md = exported(ExportFormat::Md);
    let first = section(&md, "# Review:", "\n---\n");
    assert!(
        first.contains("- Files marked viewed: 2 of 4 changed files (commented on 2)"),
        "{first}"
    );
    assert!(first.contains("- Comments: 4: 1 blocker, 1 major, 1 nit, 1 no severity"));
    let addressed = section(first, "## Issues addressed", "## Issues missed");
    assert!(addressed.contains(&format!("**Follow-up question:** {FOLLOW_UP}")));
    assert!(addressed.contains(&format!("**A strong comment (the key):** {STRONG}")));
    assert!(addressed.find("### mid").unwrap() < addressed.find("### junior").unwrap());
}

#[test]
fn a_theme_folder_overrides_the_report_template_file_by_file() {
    let theme = tempfile::tempdir().unwrap();
    let dir = theme.path().join("templates/interviewer");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("report.html"),
        "{% extends \"interviewer/base.html\" %}{% block main %}Ours: {{ data.reports | length }} \
         reviews{% endblock main %}",
    )
    .unwrap();
    let ctx = context();
    let states = states(&ctx);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    let records = support::records(&contexts, &states);
    let mut out = Vec::new();
    generator::export::write(
        &records,
        &contexts,
        ExportFormat::Html,
        "-",
        Some(theme.path()),
        &mut out,
    )
    .unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains("Ours: 3 reviews"), "{html}");
    assert!(
        html.contains("--add-bg"),
        "the default base and colours still apply"
    );
}

/// The time line names its budget once: within a suggested time alone, the comparison says it
/// and the budget is not listed again; in the HTML too.
#[test]
fn the_time_line_names_the_budget_once() {
    let ctx = context();
    let mut states = states(&ctx);
    states[0].invite.time_limit_seconds = None;
    states[0].submissions[0].server_elapsed_seconds = Some(600);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    let records = support::records(&contexts, &states[..1]);
    let md = support::written(&contexts, &records, ExportFormat::Md);
    let line = md
        .lines()
        .find(|l| l.starts_with("- Time taken:"))
        .unwrap_or_else(|| panic!("no time line in:\n{md}"));
    assert!(
        line.contains(" — within the suggested 30 min, 20 min 0 s to spare"),
        "{line}"
    );
    assert_eq!(line.matches("30 min").count(), 1, "{line}");
    let html = support::written(&contexts, &records, ExportFormat::Html);
    assert_eq!(html.matches("suggested 30 min").count(), 1, "{html}");
}
