//! What the corpus commands (`run`, `segment`) share: reading options, driver options, and the
//! loop that drives a job over a corpus, writes its rows in input order, reports every reject and
//! accounts for every document.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::log::{secs, verbose, Log};
use super::Outcome;
use talign::read::{InputFormat, ReadOptions, Reject, WorkItem, DEFAULT_MAX_DOC_BYTES};
use talign::run::{drive, DriveOptions, Finished, JobError, JobOutput, Summary, REJECTS_IN_MEMORY};
use talign::write::{Sink, WriteError};

/// Input layouts for `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension: .jsonl/.ndjson, .csv, .tsv, .html/.htm, .txt (.gz .xz .bz2 .zst looked
    /// through); when the name says nothing (stdin, another extension), by the content.
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

/// How the corpus is read.
#[derive(Args, Debug, Clone)]
pub struct ReadArgs {
    /// Input layout.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// CSV/TSV input: the column holding the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
    /// CSV/TSV input: the column holding the document id.
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// Reject documents (and JSONL/CSV lines) longer than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: usize,
}

impl ReadArgs {
    /// The library's reading options; `pair_by_name` pairs `story.en.txt` with `story.es.txt`.
    pub fn options(&self, pair_by_name: bool) -> ReadOptions {
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
            pair_by_name,
        }
    }
}

/// How the corpus is driven and accounted for.
#[derive(Args, Debug, Clone)]
pub struct DriveArgs {
    /// Worker threads (default: RAYON_NUM_THREADS, else every core). Output is identical at
    /// any thread count.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write a JSON account of the run here: inputs, documents, segments, pairs, rejects.
    #[arg(long)]
    pub summary: Option<PathBuf>,
    /// One work item (`talign align`, which shows its own progress): no document counter, and
    /// the closing count only with `-v`.
    #[arg(skip)]
    pub single_item: bool,
}

impl DriveArgs {
    /// Worker threads: `--threads`, else `RAYON_NUM_THREADS`, else every core.
    pub fn threads(&self) -> usize {
        self.threads
            .or_else(|| {
                std::env::var("RAYON_NUM_THREADS")
                    .ok()
                    .and_then(|v| v.parse().ok())
            })
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

/// A pair row's languages for the `-v` tally: `en-es`.
pub fn pair_langs(row: &talign::write::PairRow) -> String {
    format!("{}-{}", row.src_lang.as_str(), row.tgt_lang.as_str())
}

/// The inputs for a `-v` line: their names, the first few of a long list.
pub fn describe_inputs(inputs: &[PathBuf]) -> String {
    const SHOWN: usize = 5;
    let names: Vec<String> = inputs
        .iter()
        .take(SHOWN)
        .map(|p| talign::read::input_name(p))
        .collect();
    let more = inputs.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{} input(s): {}{more}", inputs.len(), names.join(", "))
}

/// What a corpus command's rows are, for the closing count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowsAre {
    /// Pairs: counted in the summary's `pairs`.
    Pairs,
    /// Segments: the summary's `segments` already counts them.
    Segments,
}

/// A job's rows on their way to the sink.
pub struct Output<R, K: Fn(&R) -> bool> {
    /// Where rows go.
    pub sink: Sink<R>,
    /// Rows the format can hold (others are skipped, not counted).
    pub keep: K,
    /// What the rows are.
    pub rows_are: RowsAre,
    /// The languages of a row, tallied for `-v` (`en-es` for a pair, `ru` for a segment).
    pub langs: fn(&R) -> String,
}

/// Drives `job` over `items` (read from `inputs` inputs) on the chosen threads, writes the kept rows in input order, reports
/// rejects on stderr as they come, finishes the output, writes the summary and returns the
/// outcome: some rejected when any document was, an error (exit 2) when every one was.
pub fn drive_corpus<R, I, J, K>(
    items: I,
    inputs: usize,
    args: &DriveArgs,
    log: &Log,
    job: J,
    output: Output<R, K>,
) -> anyhow::Result<Outcome>
where
    R: Send,
    I: Iterator<Item = Result<WorkItem, Reject>> + Send,
    J: Fn(WorkItem) -> Result<JobOutput<R>, JobError> + Sync,
    K: Fn(&R) -> bool,
{
    let Output {
        mut sink,
        keep,
        rows_are,
        langs,
    } = output;
    let mut summary = Summary::new(inputs);
    let opts = DriveOptions {
        threads: args.threads(),
        in_flight: 0,
    };
    verbose!(log, "{inputs} inputs, {} worker threads", opts.threads);
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let bar = if args.single_item {
        indicatif::ProgressBar::hidden()
    } else {
        log.progress_with("{spinner} {elapsed} {human_pos} documents, {msg}")
    };
    // past REJECTS_IN_MEMORY, rejects wait in a temporary file for the summary
    let mut spill: Option<tempfile::NamedTempFile> = None;
    drive(items, opts, job, |finished| -> Result<(), WriteError> {
        summary.record(&finished);
        if summary.rejects.len() >= REJECTS_IN_MEMORY {
            if args.summary.is_some() {
                let file = match spill.as_mut() {
                    Some(f) => f,
                    None => spill.insert(tempfile::NamedTempFile::new()?),
                };
                let mut w = io::BufWriter::new(file.as_file_mut());
                summary.spill_rejects(&mut w)?;
                w.flush()?;
            } else {
                summary.rejects.clear();
            }
        }
        match finished {
            Finished::Processed { documents, output } => {
                for row in output.rows.iter().filter(|r| keep(r)) {
                    sink.write_row(row)?;
                    if log.verbose() {
                        *tally.entry(langs(row)).or_default() += 1;
                    }
                    if rows_are == RowsAre::Pairs {
                        summary.pairs += 1;
                    }
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
        bar.set_message(match rows_are {
            RowsAre::Pairs => format!("{} pairs, {} rejected", summary.pairs, summary.rejected),
            RowsAre::Segments => format!(
                "{} segments, {} rejected",
                summary.segments, summary.rejected
            ),
        });
        Ok(())
    })?;
    bar.finish_and_clear();
    sink.finish().context("cannot finish the output")?;
    if let Some(path) = &args.summary {
        write_summary(path, &summary, spill)
            .with_context(|| format!("cannot write the summary to {}", path.display()))?;
    }
    if log.verbose() {
        let what = match rows_are {
            RowsAre::Pairs => "rows",
            RowsAre::Segments => "segments",
        };
        let by_lang: Vec<String> = tally.iter().map(|(l, n)| format!("{l} {n}")).collect();
        verbose!(log, "{what} by language: {}", by_lang.join(", "));
        verbose!(
            log,
            "{} documents in {} ({:.1} documents/s)",
            summary.documents,
            secs(log.elapsed()),
            summary.documents as f64 / log.elapsed().as_secs_f64().max(1e-9)
        );
    }
    if !log.quiet() && (log.verbose() || !args.single_item) {
        let pairs = match rows_are {
            RowsAre::Pairs => format!(", {} pairs", summary.pairs),
            RowsAre::Segments => String::new(),
        };
        eprintln!(
            "talign: {} inputs, {} documents: {} processed, {} rejected; {} segments{pairs}",
            summary.inputs,
            summary.documents,
            summary.processed,
            summary.rejected,
            summary.segments,
        );
    }
    if summary.rejected > 0 && summary.processed == 0 {
        anyhow::bail!(
            "no usable input: all {} documents were rejected",
            summary.rejected
        );
    }
    Ok(if summary.rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}

/// Writes the summary JSON, with the rejects spilled to `spill` during the run.
fn write_summary(
    path: &std::path::Path,
    summary: &Summary,
    spill: Option<tempfile::NamedTempFile>,
) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    match spill {
        Some(file) => {
            let mut reader = io::BufReader::new(file.reopen()?);
            summary.write_json(&mut out, Some(&mut reader))?;
        }
        None => summary.write_json(&mut out, None)?,
    }
    out.flush()?;
    Ok(())
}
