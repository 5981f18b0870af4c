//! A fuzzed key.toml or scenario.toml: accepted places inside their files, problems on real lines.
//! The property is `check` in generator/tests/properties/scenario_key.rs, which `cargo test` also
//! replays on the seeds and on fuzz/regressions/scenario_key/ (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/fixture.rs"]
mod fixture;
#[path = "../../generator/tests/properties/scenario_key.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
