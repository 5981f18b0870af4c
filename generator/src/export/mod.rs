//! The interviewer's side: reviews read from the store, scored against the key, written as
//! JSON, CSV, Markdown or a self-contained HTML report.

pub mod csv;
pub mod record;
pub mod score;
