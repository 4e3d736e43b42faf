//! Suggested claims: sentence splitting, article structure, check-worthiness
//! scoring and claimant detection. Plain Rust, no egui; the app runs it on a worker
//! thread and the CLI calls it directly. See `docs/suggestions.md`.

mod abbrev;
pub mod boilerplate;
pub mod checkworthiness;
pub mod claimant;
pub mod coverage;
mod enumeration;
pub mod features;
pub mod segment;
mod sentences;
pub mod structure;
pub mod suggest;
pub mod train;

pub use coverage::{Coverage, accept, accept_all};
pub use segment::split_sentences;
pub use structure::{Sentence, SentenceKind, segment, segment_each};
pub use suggest::{
    DEFAULT_THRESHOLD, Reason, Suggestion, suggest, suggest_each, suggest_with_progress, to_command,
};
