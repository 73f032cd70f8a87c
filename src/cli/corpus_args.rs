//! The input options every corpus-reading subcommand shares (`--input-format`, `--text-column`,
//! `--id-column`, `--max-doc-bytes`), flattened into each command's arguments with
//! `#[command(flatten)]` so they read, and are documented, the same everywhere.

use clap::{Args, ValueEnum};

use talign::read::{InputFormat, ReadOptions, DEFAULT_MAX_DOC_BYTES};

/// Input layouts for `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension: .jsonl/.ndjson, .csv, .tsv, .html/.htm, anything else text (.gz looked through).
    Auto,
    /// One document per file.
    Text,
    /// One JSON object a line: {"id", "text"} plus optional lang, url, date, author, html.
    Jsonl,
    /// CSV with a header (see --text-column, --id-column).
    Csv,
    /// TSV with a header.
    Tsv,
    /// HTML pages: visible text, embedded posts as documents of their own.
    Html,
}

impl From<InputFormatArg> for InputFormat {
    fn from(arg: InputFormatArg) -> Self {
        match arg {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Csv => InputFormat::Csv,
            InputFormatArg::Tsv => InputFormat::Tsv,
            InputFormatArg::Html => InputFormat::Html,
        }
    }
}

/// How to read the inputs: layout, CSV/TSV columns, size cap.
#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Input layout.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// CSV/TSV input: the column holding the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
    /// CSV/TSV input: the column holding the document id (`input:line` when absent).
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// Reject documents (and JSONL/CSV lines) longer than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: usize,
}

impl CorpusArgs {
    /// The reader's options; `pair_by_name` pairs `story.en.txt` with `story.es.txt`.
    pub fn read_options(&self, pair_by_name: bool) -> ReadOptions {
        ReadOptions {
            format: self.input_format.into(),
            text_column: self.text_column.clone(),
            id_column: self.id_column.clone(),
            max_doc_bytes: self.max_doc_bytes,
            pair_by_name,
        }
    }
}
