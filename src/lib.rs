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
//! - [`lang`]: the language of each segment, with a confidence, or `und`.
//! - [`align`]: similarity features and the monotonic sentence aligner.
//! - [`eval`]: scores against gold data.
//!
//! ```
//! use talign::{lang, segment, Document, SegmentKind};
//!
//! let doc = Document::new("d", "\"Get off!\" Rogozin said. \"Go away.\"\nLeer en español\n");
//! let mut segs = segment::segment(&doc);
//! lang::identify(&doc.text, &mut segs, &lang::Detector::new(None));
//! assert_eq!(segs[0].kind, SegmentKind::Quote);
//! assert_eq!(segs[0].text(&doc.text), "Get off!");
//! assert_eq!(segs[2].quote, Some(talign::doc::QuotePart { quote: 0, piece: 1 }));
//! let marker = segs.last().expect("a marker segment");
//! assert_eq!((marker.kind, marker.lang.as_str()), (SegmentKind::Marker, "es"));
//! ```
//!
//! The library never prints, reads the environment or exits; the `talign` binary does.

pub mod align;
pub mod doc;
pub mod eval;
pub mod lang;
pub mod quote;
pub mod read;
pub mod run;
pub mod segment;
mod table;
pub mod write;

pub use doc::{Document, Lang, Link, Segment, SegmentKind};
