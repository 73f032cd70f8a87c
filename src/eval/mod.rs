//! Scoring against gold data, one module per task.

pub mod align;
pub mod langid;
pub mod synth;
