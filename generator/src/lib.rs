//! The reviewroom generator and CLI as a library, so integration tests and benchmarks can drive
//! the stages directly. `main.rs` only parses the command line and prints errors.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod export;
pub mod secret;
