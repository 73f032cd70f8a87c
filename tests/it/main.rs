//! All integration tests in one binary: one link step instead of one per file (as ripgrep does).
//! Shared scaffolding (the binary under test, the dev data, fixtures, skips) is in `common`.

mod common;

mod align_cli;
mod align_data;
mod align_props;
mod align_raw;
mod cli_conventions;
mod demo_quotes;
mod golden_rules;
mod inputs_ecosystem;
mod lang_detect;
mod lang_eval;
mod lang_props;
mod lang_wide;
mod mine_answers;
mod mine_cli;
mod mine_flores_quotes;
mod mine_inputs;
mod mine_tatoeba;
mod outputs_ecosystem;
mod quote_news;
mod reliability;
mod run_bad_inputs;
mod run_claims;
mod run_demo;
mod run_embedded;
mod run_html;
mod run_spark;
mod run_threads;
mod segment_corpus;
mod segment_seed;
mod write_formats;
