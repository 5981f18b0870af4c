//! Candidate markdown is untrusted: whatever the text, the report's HTML stays inert (the same
//! rule the proptest in generator/tests/markdown_cases.rs checks, found by coverage here).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/common/inert.rs"]
mod inert;

static INERT: LazyLock<inert::Inert> = LazyLock::new(inert::Inert::new);

fuzz_target!(|text: &str| {
    let html = generator::markdown::to_candidate_html(text);
    if let Some(problem) = INERT.problem(&html) {
        panic!("{problem} in {html:?} from {text:?}");
    }
});
