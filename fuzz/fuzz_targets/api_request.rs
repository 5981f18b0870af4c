//! Any request body on every route and invite state of the API, over a real SQLite store.
//! The property is `check` in generator/tests/properties/api_request.rs, which `cargo test` also
//! replays on the seeds and on fuzz/regressions/api_request/ (generator/tests/fuzz_replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/properties/api_request.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
