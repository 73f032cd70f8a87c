//! Scoring against gold data.

pub mod langid;
