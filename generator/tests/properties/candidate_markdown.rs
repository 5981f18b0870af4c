//! The `candidate_markdown` property: whatever the candidate's text, the report's HTML stays
//! inert (`common/inert.rs`, the rule the proptest in `markdown_cases.rs` checks too). Shared by
//! the fuzz target and `tests/fuzz_replay.rs` (both include this file by path).

use std::sync::LazyLock;

#[path = "../common/inert.rs"]
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
}
