//! Issue 19, items 3 to 5: what a candidate sends (controls, lone CRs, markdown in a name) and
//! what a hostile scenario holds (HTML in its title and key) reach no terminal, spreadsheet or
//! Markdown viewer as anything but text, in every human-facing format of export and compare.

mod support;

use std::collections::BTreeMap;

use generator::cli::ExportFormat;
use generator::export::{collect::ScenarioContext, compare};
use generator::scenario;
use submit_fn::store::InviteState;

const OSC52: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";
const OSC8: &str = "\u{1b}]8;;http://evil.example/\u{7}click\u{1b}]8;;\u{7}";
const TRACKER: &str = "![](http://evil.example/track.png)";

/// A control (but newline and tab) or a bidi control: never printed raw.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn hostile() -> (BTreeMap<String, ScenarioContext>, Vec<InviteState>) {
    let mut scenario = scenario::load(&support::fixtures().join("scenarios/demo-review")).unwrap();
    scenario.meta.title = "<script>alert(1)</script> & ![t](http://evil.example/t.png)".into();
    scenario.key[0].title = "<img src=x onerror=alert(2)>".into();
    scenario.key[0].detail = "<script>alert(3)</script> ![d](http://evil.example/d.png)".into();
    let ctx = ScenarioContext::new(scenario);
    let mut states = support::states(&ctx);
    for state in &mut states {
        state.invite.candidate = format!("Eve{OSC52} {TRACKER}\u{9b}31m");
        state.invite.reference = Some("R\u{202e}fdp.exe [x](http://evil.example/)".to_string());
    }
    let submission = &mut states[0].submissions[0];
    let mut review: serde_json::Value = serde_json::from_str(&submission.review).unwrap();
    review["summary"] = format!("fine\r# Forged heading\r- Near: sql-injection-qx7 {OSC8}").into();
    review["comments"][0]["body"] = "see ;=1+1 and a,-2+3\u{7}".into();
    submission.review = review.to_string();
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    (contexts, states)
}

fn exported(format: ExportFormat) -> String {
    let (contexts, states) = hostile();
    support::written(&contexts, &support::records(&contexts, &states), format)
}

fn compared(format: ExportFormat) -> String {
    let (contexts, states) = hostile();
    let records = support::records(&contexts, &states);
    let mut out = Vec::new();
    compare::write(&contexts["demo-review"], &records, format, None, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn no_control_character_reaches_any_output() {
    for format in [
        ExportFormat::Md,
        ExportFormat::Html,
        ExportFormat::Csv,
        ExportFormat::Json,
    ] {
        for (what, text) in [("export", exported(format)), ("compare", compared(format))] {
            let bad: Vec<char> = text.chars().filter(|&c| hidden(c)).collect();
            assert!(bad.is_empty(), "{what} {format:?} prints {bad:?}");
        }
    }
    let md = exported(ExportFormat::Md);
    assert!(
        md.contains("Eve\\u{1b}"),
        "controls are shown, escaped: {md}"
    );
    assert!(
        md.contains("\\u{202e}"),
        "bidi overrides are shown, escaped"
    );
    let json: serde_json::Value = serde_json::from_str(&exported(ExportFormat::Json)).unwrap();
    assert!(
        json["records"][0]["invite"]["candidate"]
            .as_str()
            .unwrap()
            .contains(OSC52),
        "JSON keeps the data, escaped"
    );
}

#[test]
fn csv_cells_are_quoted_and_inert_for_any_list_separator() {
    let csv = exported(ExportFormat::Csv);
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                let start = cell.trim_start_matches([' ', '"']);
                assert!(
                    !start.starts_with(['=', '+', '-', '@']),
                    "split at {:?}, the cell {cell:?} is a formula",
                    delimiter as char
                );
            }
        }
    }
    assert!(
        csv.contains("\"src/api/client.ts\",\"modified\",\"18\",\"19\",\"major\",\"\",\"see ;'=1+1 and a,'-2+3\\u{7}\""),
        "every cell quoted: {csv}"
    );
}

/// The Markdown report as an HTML-enabled viewer shows it: pulldown-cmark with raw HTML on.
fn viewed(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    html
}

#[test]
fn markdown_reports_cannot_be_forged() {
    for md in [exported(ExportFormat::Md), compared(ExportFormat::Md)] {
        let html = viewed(&md);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"http://evil.example/\""), "{html}");
        for line in md.lines().filter(|l| l.contains("Forged heading")) {
            assert!(line.starts_with("> "), "a lone CR left the quote: {line:?}");
        }
        assert!(!md.contains('\r'), "line endings are normalised");
    }
}
