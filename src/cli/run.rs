//! `talign run`: the whole pipeline over a corpus, in parallel, every pair written, every
//! unreadable input named.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::detect::{parse_langs, LangList};
use super::Outcome;
use talign::align::lexicon::Lexicon;
use talign::lang::Detector;
use talign::read::{work_items, InputFormat, ReadOptions, DEFAULT_MAX_DOC_BYTES};
use talign::run::quotes::{parse_posts, Post, QuoteOptions};
use talign::run::{
    align_pair_job, drive, feature_align, DriveOptions, Finished, QuoteJob, Summary,
};
use talign::write::{open_sink, Columns, Format, Target, WriteError, WriteOptions};

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
    /// HTML pages: visible text; embedded posts join the page's quote pool and are documents of
    /// their own.
    Html,
}

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
    /// One link a line: [0, 1]:[2].
    Links,
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
    /// Input layout.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// A two-column file (source path, target path; tab or comma) listing parallel documents.
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// CSV/TSV input: the column holding the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
    /// CSV/TSV input: the column holding the document id.
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// Worker threads (default: RAYON_NUM_THREADS, else every core). Output is identical at
    /// any thread count.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write a JSON account of the run here: inputs, documents, segments, pairs, rejects.
    #[arg(long)]
    pub summary: Option<PathBuf>,
    /// No progress bar and no closing count on stderr (rejects are still reported).
    #[arg(short, long)]
    pub quiet: bool,
    /// CSV: start with a UTF-8 byte-order mark.
    #[arg(long)]
    pub bom: bool,
    /// Reject documents (and JSONL/CSV lines) longer than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: usize,
    /// Original posts to pair translated quotes with: JSONL ({"id", "text", "lang"?} a line) or
    /// text files (one post each). With this, single documents have their quotes paired (without
    /// it, only pages with embedded posts, with those posts) and CSV/TSV write the quote columns: doc_id, quote_id, speaker, platform, quote_lang,
    /// quote_text, original_id, original_lang, original_text, score, margin.
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

fn threads(arg: Option<usize>) -> usize {
    arg.or_else(|| {
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
    })
    .filter(|&n| n > 0)
    .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn progress(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {human_pos} documents, {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

impl RunArgs {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
                InputFormatArg::Csv => InputFormat::Csv,
                InputFormatArg::Tsv => InputFormat::Tsv,
                InputFormatArg::Html => InputFormat::Html,
            },
            text_column: self.text_column.clone(),
            id_column: self.id_column.clone(),
            max_doc_bytes: self.max_doc_bytes,
            pair_by_name: true,
        }
    }

    fn write_options(&self) -> WriteOptions {
        WriteOptions {
            format: match self.format {
                FormatArg::Csv => Format::Csv,
                FormatArg::Tsv => Format::Tsv,
                FormatArg::Moses => Format::Moses,
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Tmx => Format::Tmx,
                FormatArg::Links => Format::Links,
            },
            bom: self.bom,
            columns: if self.originals.is_empty() {
                Columns::Pairs
            } else {
                Columns::Quotes
            },
            ..WriteOptions::default()
        }
    }
}

/// The quote-pairing job: the `--originals` pool read, the lexicons loaded; without a pool,
/// only pages with embedded posts have their quotes paired (with those posts).
fn quote_job(args: &RunArgs) -> anyhow::Result<QuoteJob> {
    let mut pool: Vec<Post> = Vec::new();
    for path in &args.originals {
        let doc = talign::read::read_document(path)?;
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        if is_jsonl {
            pool.extend(parse_posts(&doc.text, &doc.id)?);
        } else {
            pool.push(Post {
                id: doc.id,
                text: doc.text,
                lang: None,
            });
        }
    }
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
        QuoteJob::new(pool, opts, detector)
    })
}

/// Runs `talign run`.
pub fn run(args: RunArgs) -> anyhow::Result<Outcome> {
    let inputs = talign::read::inputs_or_stdin(&args.inputs);
    let inputs = if args.manifest.is_some() && args.inputs.is_empty() {
        Vec::new()
    } else {
        inputs
    };
    let items = work_items(&inputs, args.manifest.as_deref(), &args.read_options());
    let mut summary = Summary::new(items.inputs());
    let target = Target::from_arg(args.output.as_deref());
    let mut sink = open_sink(&target, &args.write_options()).context("cannot open the output")?;
    let opts = DriveOptions {
        threads: threads(args.threads),
        in_flight: 0,
    };
    let quote_job = quote_job(&args)?;
    // formats with two sides to fill take only quotes that found their original
    let needs_both_sides = matches!(
        args.format,
        FormatArg::Moses | FormatArg::Tmx | FormatArg::Links
    );
    let bar = progress(args.quiet);
    let job = |item| align_pair_job(item, &feature_align, Some(&quote_job));
    drive(items, opts, job, |finished| -> Result<(), WriteError> {
        summary.record(&finished);
        match finished {
            Finished::Processed { documents, output } => {
                for row in &output.rows {
                    if needs_both_sides && row.tgt_text.is_empty() {
                        continue;
                    }
                    sink.write_row(row)?;
                }
                bar.inc(documents as u64);
            }
            Finished::Rejected(rejects) => {
                bar.suspend(|| {
                    let mut err = io::stderr().lock();
                    for r in &rejects {
                        let _ = writeln!(err, "talign: rejected: {r}");
                    }
                });
                bar.inc(rejects.len() as u64);
            }
        }
        bar.set_message(format!(
            "{} pairs, {} rejected",
            summary.pairs, summary.rejected
        ));
        Ok(())
    })?;
    bar.finish_and_clear();
    sink.finish().context("cannot finish the output")?;
    if let Some(path) = &args.summary {
        let json = serde_json::to_string_pretty(&summary)?;
        fs::write(path, json + "\n")
            .with_context(|| format!("cannot write the summary to {}", path.display()))?;
    }
    if !args.quiet {
        eprintln!(
            "talign: {} inputs, {} documents: {} processed, {} rejected; {} segments, {} pairs",
            summary.inputs,
            summary.documents,
            summary.processed,
            summary.rejected,
            summary.segments,
            summary.pairs
        );
    }
    Ok(if summary.rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}
