//! The candidate-markdown rules shared with the page (tests-browser/fixtures/markdown-cases.json,
//! which the browser test runs through the page's own module): the report renders every case
//! to the same HTML. Compared after dropping what only the report adds: the highlighter's
//! spans and `data-lang`, and line breaks between tags.

use regex::Regex;
use serde_json::Value;

fn normalise(html: &str) -> String {
    let spans = Regex::new(r#"<span class="h[a-z]*">|</span>| data-lang="[^"]*""#).unwrap();
    let breaks = Regex::new(r">\n+|\n+<").unwrap();
    let html = spans.replace_all(html.trim(), "");
    breaks
        .replace_all(&html, |c: &regex::Captures| c[0].trim().to_string())
        .into_owned()
}

#[test]
fn the_report_renders_the_pages_markdown_cases_alike() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests-browser/fixtures/markdown-cases.json"
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 19, "the shared cases went missing");
    let mut failed = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let expected = normalise(case["html"].as_str().unwrap());
        let got = normalise(&generator::markdown::to_candidate_html(input));
        if got != expected {
            failed.push(format!(
                "{}:\n  page:   {expected}\n  report: {got}",
                case["name"]
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[path = "support/inert.rs"]
mod inert;

proptest::proptest! {
    /// Candidate text is untrusted: whatever it holds, the report's HTML has only known tags,
    /// no event handlers, and links only to http, https or mailto.
    #[test]
    fn candidate_markdown_is_inert(text in proptest::string::string_regex(
        r#"([\[\]()!<>"'=*_`~#:/\n -]|javascript|JaVaScRiPt|data|https?|mailto|onerror|script|img|svg|a |href|&#x?[0-9a-f]+;|\\)*"#
    ).unwrap()) {
        let html = generator::markdown::to_candidate_html(&text);
        let problem = inert::Inert::new().problem(&html);
        proptest::prop_assert!(problem.is_none(), "{problem:?} in {html}");
    }
}
