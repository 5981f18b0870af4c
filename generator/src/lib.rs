//! The reviewroom generator and CLI as a library, so integration tests and benchmarks can drive
//! the stages directly. `main.rs` only parses the command line and prints errors.

pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diff;
pub mod export;
pub mod grading;
pub mod highlight;
pub mod html;
pub mod invite;
pub mod markdown;
pub mod output;
pub mod printable;
#[cfg(feature = "publish")]
pub mod publish;
pub mod render;
pub mod scenario;
pub mod scoring;
pub mod secret;
pub mod served;
pub mod server;
pub mod site;
pub mod store;
