//! The `candidate_markdown` property: whatever the candidate's text, the report's HTML stays
//! inert (`support/inert.rs`, the rule the proptest in `markdown_cases.rs` checks too), and the
//! text-only outputs hold: no control or bidi character survives `printable::escape`, the
//! Markdown quote keeps every line quoted, and no CSV cell split at any list separator starts a
//! formula. Shared by the fuzz target and `tests/fuzz_replay.rs` (both include this file by
//! path).

use std::sync::LazyLock;

#[path = "../support/inert.rs"]
mod inert;

static INERT: LazyLock<inert::Inert> = LazyLock::new(inert::Inert::new);

/// Panics when the property fails; input that is not UTF-8 is skipped, as libFuzzer's `&str`
/// targets skip it.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = generator::markdown::to_candidate_html(text);
    if let Some(problem) = INERT.problem(&html) {
        panic!("{problem} in {html:?} from {text:?}");
    }
    let shown = generator::printable::escape(text);
    if let Some(c) = shown.chars().find(|&c| generator::printable::is_hidden(c)) {
        panic!("{c:?} survives printable::escape of {text:?}");
    }
    let quoted = generator::export::report_md::quote_candidate(text);
    if let Some(line) = quoted.lines().find(|l| !l.starts_with("> ")) {
        panic!("{line:?} left the quote of {text:?}");
    }
    assert!(!quoted.contains('\r'), "a CR in the quote of {text:?}");
    let cell = generator::export::csv::neutralise(text);
    for part in cell.split([',', ';', '|', '\t', '\n']) {
        let start = part.trim_start_matches([' ', '"']);
        assert!(
            !start.starts_with(['=', '+', '-', '@']),
            "{part:?} of the CSV cell {cell:?} is a formula"
        );
    }
}
