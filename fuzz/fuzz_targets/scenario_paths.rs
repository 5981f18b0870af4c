//! A file of any name in a scenario: `check` refuses a path outside its characters, naming it,
//! and never refuses a plain one for its characters. The property is `check` in
//! generator/tests/properties/scenario_paths.rs, which `cargo test` also replays on the seeds
//! and on fuzz/regressions/scenario_paths/ (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/fixture.rs"]
mod fixture;
#[path = "../../generator/tests/properties/scenario_paths.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
