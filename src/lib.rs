//! Claimdesk: a desktop fact-checking workbench.
//!
//! Everything except [`ui`] is plain Rust without egui, so the command line and the
//! tests use exactly the code the app uses. See `docs/architecture.md`.

pub mod archive;
pub mod cli;
pub mod command;
pub mod config;
pub mod contrast;
pub mod document;
pub mod export;
pub mod extract;
pub mod history;
pub mod import;
pub mod limited_read;
pub mod merge;
pub mod model;
pub mod prefs;
pub mod reanchor;
pub mod sample;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
pub mod words;

/// The bundled seed article, opened on first run.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_fbe1c6965b98e3ec.txt");

/// The seed article's file name, shown as its origin.
pub const SEED_NAME: &str = "seeds/000_fbe1c6965b98e3ec.txt";
