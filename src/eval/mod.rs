//! Scoring against gold data, one module per task.

pub mod align;
pub mod langid;
pub mod mine;
pub mod quote_synth;
pub mod sentences;
pub mod synth;
pub mod treebank;
