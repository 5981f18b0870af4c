//! Any two texts (split at the first NUL byte): the hunks replay the original into the modified.
//! The property is `check` in generator/tests/properties/diff_replay.rs, which `cargo test` also
//! replays on the seeds and on fuzz/regressions/diff_replay/ (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/diff_replay.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
