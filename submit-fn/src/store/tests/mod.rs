//! Test support shared by every store's tests (and the API harness).

pub(crate) mod conformance;
pub(crate) mod grades;
pub(crate) mod races;
