//! Shared helpers for the golden-article tests.

pub mod expect;
