//! A fuzzed review comment or summary scored against a scenario's key: no panic, no invented
//! credit, the same result twice. The property is `check` in
//! generator/tests/properties/review_scoring.rs, which `cargo test` also replays on the tune
//! half's comments and on fuzz/regressions/review_scoring/ (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/review_scoring.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
