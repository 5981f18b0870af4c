//! The review API: invites, reviews and the stores that keep them. The same router runs in
//! the Lambda (`src/main.rs`) and behind `reviewroom serve`.

pub mod api;
#[cfg(feature = "lambda")]
pub mod lambda;
pub mod model;
pub mod store;
pub mod token;
pub mod validate;

pub use api::{AppState, app};
