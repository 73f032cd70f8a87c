//! Scoring against gold data, one module per task.

pub mod align;
pub mod mine;
pub mod synth;
