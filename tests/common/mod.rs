//! Helpers shared by integration tests (not a test crate itself).

pub mod fuzz_checks;
