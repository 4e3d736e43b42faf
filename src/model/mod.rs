//! The fact-checking data model: plain Rust, no UI, shared by the app, the CLI and tests.

pub mod anchor;
pub mod article;
pub mod claim;
pub mod conflict;
pub mod ids;
pub mod scheme;
pub mod scheme_library;
pub mod scheme_mapping;
pub mod session;
pub mod source;
pub mod text;
pub mod web_address;
pub mod word_snap;

pub use anchor::{Anchor, AnchorError};
pub use article::{
    Article, ArticleKind, ArticleMeta, ArticleOrigin, paragraph_ranges, sha256_hex_bytes,
};
pub use claim::{Attribution, Claim};
pub use conflict::{
    ClaimField, Conflict, ConflictSide, ConflictSubject, ConflictValue, Resolution, Side,
};
pub use ids::{ClaimId, IdGenerator, SourceId};
pub use scheme::{LabelId, NumericRating, RatingLabel, RatingScheme, SchemeError};
pub use scheme_library::{
    LibraryScheme, SchemeFileError, SchemeLibrary, SchemeOrigin, builtin_schemes,
};
pub use scheme_mapping::{propose_choices, propose_mapping};
pub use session::{FORMAT_VERSION, Session};
pub use source::{Source, SourceDraft, Stance};
pub use web_address::{AddressProblem, check_web_address};
