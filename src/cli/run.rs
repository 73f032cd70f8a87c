//! `talign run`: the whole pipeline over a corpus, in parallel, every pair written, every
//! unreadable input named.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::corpus::{
    describe_inputs, drive_corpus, output_paths, pair_langs, DriveArgs, Output, ReadArgs, RowsAre,
    Settle,
};
use super::detect::{parse_langs, LangList};
use super::log::{verbose, Log};
use super::safety::check_outputs;
use super::Outcome;
use talign::align::lexicon::Lexicon;
use talign::lang::Detector;
use talign::read::{read_manifest, work_items};
use talign::run::claims::release_claimed_rows;
use talign::run::quotes::{read_posts, QuoteOptions};
use talign::run::{align_pair_job, feature_align, is_null_sentence_link, QuoteJob};
use talign::write::{open_sink, Columns, Format, PairRow, Target, WriteOptions};

/// Output formats for `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Tab-separated with a header row; \ tab newline CR escaped as \\ \t \n \r.
    Tsv,
    /// Two line-aligned files PREFIX.src and PREFIX.tgt (needs -o PREFIX); escaped like TSV.
    Moses,
    /// Hugging Face translation JSONL: {"translation": {"en": …, "es": …}, …}.
    Jsonl,
    /// TMX 1.4b translation memory.
    Tmx,
    /// One link a line, [0, 1]:[2], null links included; a `# doc_id<TAB>tgt_doc_id` line
    /// starts each document pair's links.
    Links,
    /// One self-contained HTML page to review the links by eye: a table per document pair.
    Html,
}

/// Arguments of `talign run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// Files or folders (walked recursively in sorted order); `-` or nothing reads stdin.
    /// Parallel documents pair by name: story.en.txt + story.es.txt (also adjacent JSONL records
    /// with ids story.en, story.es).
    pub inputs: Vec<PathBuf>,
    /// Write the pairs here (written under a temporary name and renamed when complete);
    /// stdout when absent or `-`.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FormatArg,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub drive: DriveArgs,
    /// A two-column file (source path, target path; tab or comma) listing parallel documents.
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// CSV: start with a UTF-8 byte-order mark.
    #[arg(long)]
    pub bom: bool,
    /// CSV/TSV: prefix `'` to cells starting with = + - @ (or a tab or CR), which spreadsheet
    /// programs would run as formulas; off by default, so that data stays exact.
    #[arg(long)]
    pub csv_safe: bool,
    /// JSONL: one file per language pair (en-ru.jsonl, en-es.jsonl, …) in the folder given by
    /// -o, each loadable as one `datasets` Translation feature.
    #[arg(long, requires = "output")]
    pub split_by_pair: bool,
    /// Original posts to pair translated quotes with, read like corpus inputs: JSONL
    /// ({"id", "text", "lang"?} a line) or CSV records, text files (one post each), folders, .gz. With this, single documents have their quotes paired (without
    /// it, only pages with embedded posts, with those posts) and CSV/TSV write the quote
    /// columns: doc_id, quote_id, speaker, platform, quote_lang, quote_text, original_id,
    /// original_lang, original_text, score, margin. Each post then goes to the quote that
    /// matches it best across the whole run (an article's own quote claims its translation from
    /// a translated quote of another article), so rows are written when the run ends.
    #[arg(long, value_name = "POOL", num_args = 1..)]
    pub originals: Vec<PathBuf>,
    /// Bilingual word list for quote pairing (repeatable): `english<TAB>foreign` or
    /// hunalign's `foreign @ english`.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Only consider these languages (ISO 639-1, comma-separated) when identifying segments.
    #[arg(long, value_name = "LIST", value_parser = parse_langs)]
    pub langs: Option<LangList>,
}

impl RunArgs {
    fn write_options(&self) -> WriteOptions {
        WriteOptions {
            format: match self.format {
                FormatArg::Csv => Format::Csv,
                FormatArg::Tsv => Format::Tsv,
                FormatArg::Moses => Format::Moses,
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Tmx => Format::Tmx,
                FormatArg::Links => Format::Links,
                FormatArg::Html => Format::Html,
            },
            bom: self.bom,
            doc_headers: true,
            split_by_pair: self.split_by_pair,
            columns: if self.originals.is_empty() {
                Columns::Pairs
            } else {
                Columns::Quotes
            },
            csv_safe: self.csv_safe,
            ..WriteOptions::default()
        }
    }
}

/// The quote-pairing job: the `--originals` pool read, the lexicons loaded; without a pool,
/// only pages with embedded posts have their quotes paired (with those posts).
fn quote_job(args: &RunArgs) -> anyhow::Result<QuoteJob> {
    let lexicons = args
        .lexicon
        .iter()
        .map(Lexicon::load)
        .collect::<Result<Vec<_>, _>>()?;
    let opts = QuoteOptions {
        lexicons,
        ..QuoteOptions::default()
    };
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    Ok(if args.originals.is_empty() {
        QuoteJob::posts_only(opts, detector)
    } else {
        QuoteJob::new(read_posts(&args.originals)?, opts, detector)
    })
}

/// Everything the run reads, by role: inputs, the manifest and the files it lists, the pool,
/// the lexicons.
fn read_paths(args: &RunArgs, inputs: &[PathBuf]) -> Vec<(&'static str, PathBuf)> {
    let mut reads: Vec<(&str, PathBuf)> = inputs.iter().map(|p| ("input", p.clone())).collect();
    if let Some(m) = &args.manifest {
        reads.push(("manifest", m.clone()));
        if let Ok(rows) = read_manifest(m) {
            for row in rows.into_iter().flatten() {
                reads.push(("input", row.src));
                reads.push(("input", row.tgt));
            }
        }
    }
    reads.extend(args.originals.iter().map(|p| ("pool", p.clone())));
    reads.extend(args.lexicon.iter().map(|p| ("lexicon", p.clone())));
    reads
}

/// Runs `talign run`.
pub fn run(args: RunArgs, log: &Log) -> anyhow::Result<Outcome> {
    let inputs = talign::read::inputs_or_stdin(&args.inputs);
    let inputs = if args.manifest.is_some() && args.inputs.is_empty() {
        Vec::new()
    } else {
        inputs
    };
    let target = Target::from_arg(args.output.as_deref());
    check_outputs(
        &output_paths(
            &target,
            &args.write_options(),
            args.drive.summary.as_deref(),
        ),
        &read_paths(&args, &inputs),
    )?;
    let items = work_items(
        &inputs,
        args.manifest.as_deref(),
        &args.read.options(true, false),
    );
    let inputs_count = items.inputs();
    let sink = open_sink(&target, &args.write_options()).context("cannot open the output")?;
    verbose!(
        log,
        "reading {}{}, languages allowed: {}",
        describe_inputs(&inputs),
        args.manifest
            .as_ref()
            .map(|m| format!(" and the pairs of manifest {}", m.display()))
            .unwrap_or_default(),
        args.langs
            .as_ref()
            .map_or("all".to_string(), |l| l.to_string())
    );
    let quote_job = quote_job(&args)?;
    if !args.originals.is_empty() || !args.lexicon.is_empty() {
        verbose!(
            log,
            "quote pool read from {} input(s), {} lexicon(s) loaded",
            args.originals.len(),
            args.lexicon.len()
        );
    }
    // formats with two sides to fill take only quotes that found their original; null sentence
    // links are for the formats that show every link
    let needs_both_sides = matches!(
        args.format,
        FormatArg::Moses | FormatArg::Tmx | FormatArg::Links
    );
    let every_link = matches!(args.format, FormatArg::Links | FormatArg::Html);
    let output = Output {
        sink,
        keep: |row: &talign::write::PairRow| {
            if is_null_sentence_link(row) {
                every_link
            } else {
                !(needs_both_sides && row.tgt_text.is_empty())
            }
        },
        rows_are: RowsAre::Pairs,
        langs: pair_langs,
        // a pool's posts go to the quotes that match them best across the whole run
        settle: (!args.originals.is_empty()).then_some(release_claimed_rows as Settle<PairRow>),
    };
    let job = |item| align_pair_job(item, &feature_align, &quote_job);
    drive_corpus(items, inputs_count, &args.drive, log, job, output)
}
