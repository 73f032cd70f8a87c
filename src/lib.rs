//! talign turns multilingual text into parallel-text data.
//!
//! The pipeline runs left to right, one module per stage:
//!
//! ```text
//! read ──► segment ──► lang ──► quote ──► align / mine ──► write
//! ```
//!
//! - [`doc`]: the data that flows between stages ([`doc::Document`], [`doc::Segment`], [`doc::Link`]).
//! - [`read`]: inputs become documents, with a reason for everything unreadable.
//! - [`segment`]: sentences, quotes, headings, captions, markers and boilerplate as byte spans.
//!
//! The library never prints, reads the environment or exits; the `talign` binary does.

pub mod align;
pub mod doc;
pub mod eval;
pub mod quote;
pub mod read;
pub mod run;
pub mod segment;

pub use doc::{Document, Lang, Link, Segment, SegmentKind};
