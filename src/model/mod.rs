//! The fact-checking data model: plain Rust, no UI, shared by the app, the CLI and tests.

pub mod anchor;
pub mod article;
pub mod claim;
pub mod ids;
pub mod scheme;
pub mod session;
pub mod source;
pub mod text;

pub use anchor::{Anchor, AnchorError};
pub use article::{Article, ArticleOrigin, paragraph_ranges};
pub use claim::{Attribution, Claim};
pub use ids::{ClaimId, SourceId};
pub use scheme::{LabelId, NumericRating, RatingLabel, RatingScheme};
pub use session::{FORMAT_VERSION, Session};
pub use source::{Source, SourceDraft, Stance};
