//! Candidate markdown is untrusted: whatever the text, the report's HTML stays inert.
//! The property is `check` in generator/tests/properties/candidate_markdown.rs, which
//! `cargo test` also replays on the seeds and on fuzz/regressions/candidate_markdown/
//! (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/candidate_markdown.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
