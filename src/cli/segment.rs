//! `talign segment`: language-tagged segments of every document of a corpus.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use talign::lang::Detector;
use talign::read::{inputs_or_stdin, work_items};
use talign::run::SegmentJob;
use talign::write::{open_segment_sink, SegmentFormat, SegmentRow, Target};

use super::corpus::{describe_inputs, drive_corpus, DriveArgs, Output, ReadArgs, RowsAre};
use super::detect::{parse_langs, LangList};
use super::log::{verbose, Log};
use super::safety::check_outputs;
use super::Outcome;

/// Output formats of `talign segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormatArg {
    /// RFC 4180 CSV with a header: doc_id,seg_id,start,end,kind,lang,confidence,text.
    Csv,
    /// The CSV columns tab-separated; \ tab newline CR escaped as \\ \t \n \r.
    Tsv,
    /// One JSON object a line, with the quote and duplicate links as well.
    Jsonl,
}

/// Cut documents into sentences, quotes, headings, captions, markers and boilerplate, each with a
/// language and a confidence.
///
/// Inputs are read like `talign run` reads them: text files, folders (recursive, sorted), JSONL,
/// CSV/TSV, HTML (embedded posts become documents of their own), `.gz`, stdin; unreadable inputs
/// are named on stderr and in `--summary`, and the rest is still segmented. Rows come out in
/// input order at any thread count.
///
/// Two views: by default, quotations long enough to be speech are segments of their own (for
/// pairing quotes) and a segment whose language changes ("English language Английский язык") is
/// split into one segment per language run; `--sentences` gives plain sentences, quotes inside
/// them and never cut by a change of language (the view `talign align` uses on raw text). Offsets
/// are byte offsets into the input file for a text file (a UTF-8 byte-order mark counted), into
/// the `text` field for a JSONL or CSV record, and into the visible text for an HTML page. Quote
/// pieces split by an attribution share a quote number (JSONL
/// `quote.quote`), with `quote.piece` giving their order; repeated lines carry `duplicate_of`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Files or folders; `-` or none reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: SegmentFormatArg,
    /// Write here (under a temporary name, renamed when complete) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The input is one segment per line: no splitting.
    /// A line that is not UTF-8 is kept with U+FFFD for its bad bytes and named on stderr.
    #[arg(long)]
    pub lines: bool,
    /// Plain sentences: quotes stay inside their sentences and a change of language never cuts
    /// one.
    #[arg(long, conflicts_with = "lines")]
    pub sentences: bool,
    /// Only consider these languages (ISO 639-1, comma-separated, e.g. `en,ru,es`).
    #[arg(long, value_name = "LIST", value_parser = parse_langs)]
    pub langs: Option<LangList>,
    /// CSV: start with a UTF-8 byte-order mark.
    #[arg(long)]
    pub bom: bool,
    /// CSV/TSV: prefix `'` to cells starting with = + - @ (or a tab or CR), which spreadsheet
    /// programs would run as formulas; off by default, so that data stays exact.
    #[arg(long)]
    pub csv_safe: bool,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub drive: DriveArgs,
}

/// Runs `talign segment`.
pub fn run(args: SegmentArgs, log: &Log) -> anyhow::Result<Outcome> {
    let inputs = inputs_or_stdin(&args.inputs);
    verbose!(
        log,
        "reading {}, languages allowed: {}",
        describe_inputs(&inputs),
        args.langs
            .as_ref()
            .map_or("all".to_string(), |l| l.to_string())
    );
    let items = work_items(&inputs, None, &args.read.options(false, args.lines));
    let inputs_count = items.inputs();
    let format = match args.format {
        SegmentFormatArg::Csv => SegmentFormat::Csv,
        SegmentFormatArg::Tsv => SegmentFormat::Tsv,
        SegmentFormatArg::Jsonl => SegmentFormat::Jsonl,
    };
    let target = Target::from_arg(args.output.as_deref());
    let outputs: Vec<(&str, PathBuf)> = args
        .output
        .iter()
        .filter(|_| target != Target::Stdout)
        .map(|p| ("output", p.clone()))
        .chain(args.drive.summary.iter().map(|p| ("summary", p.clone())))
        .collect();
    let reads: Vec<(&str, PathBuf)> = inputs.iter().map(|p| ("input", p.clone())).collect();
    check_outputs(&outputs, &reads)?;
    let sink = open_segment_sink(&target, format, args.bom, args.csv_safe)
        .context("cannot open the output")?;
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    let job = SegmentJob::new(detector, args.lines).with_sentences(args.sentences);
    let output = Output {
        sink,
        keep: |_: &SegmentRow| true,
        rows_are: RowsAre::Segments,
        langs: |row: &SegmentRow| row.lang.as_str().to_string(),
        settle: None,
    };
    drive_corpus(
        items,
        inputs_count,
        &args.drive,
        log,
        |item| job.run(item),
        output,
    )
}
