//! What the corpus commands (`run`, `segment`) share: reading options, driver options, and the
//! loop that drives a job over a corpus, writes its rows in input order, reports every reject and
//! accounts for every document.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::log::{secs, verbose, Log};
use super::safety::TempGuard;
use super::Outcome;
use talign::read::{InputFormat, ReadOptions, Reject, WorkItem, DEFAULT_MAX_DOC_BYTES};
use talign::run::claims::ClaimQuote;
use talign::run::{
    drive, DriveError, DriveOptions, Finished, JobError, JobOutput, Summary, REJECTS_IN_MEMORY,
};
use talign::write::{moses_paths, Format, Sink, StagedFile, Target, WriteError, WriteOptions};

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
    /// The library's reading options; `pair_by_name` pairs `story.en.txt` with `story.es.txt`,
    /// and `lines` reads text inputs as lists of lines (`--lines`: a line that is not UTF-8 is
    /// kept repaired, not its file rejected).
    pub fn options(&self, pair_by_name: bool, lines: bool) -> ReadOptions {
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
            lines,
        }
    }
}

/// Most worker threads per core: more only adds switching (and thousands of threads can bring a
/// machine to its knees), so a larger `--threads` is lowered to this many per core.
pub const THREADS_PER_CORE: usize = 4;

/// How the corpus is driven and accounted for.
#[derive(Args, Debug, Clone)]
pub struct DriveArgs {
    /// Worker threads (default: RAYON_NUM_THREADS, else every core); at most 4 per core (the
    /// machine's available parallelism), more is lowered to that. Output is identical at any
    /// thread count.
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
    /// Worker threads: `--threads`, else `RAYON_NUM_THREADS`, else every core; at most
    /// [`THREADS_PER_CORE`] per core (said on stderr unless `--quiet`).
    pub fn threads(&self, log: &Log) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let asked = self
            .threads
            .or_else(|| {
                std::env::var("RAYON_NUM_THREADS")
                    .ok()
                    .and_then(|v| v.parse().ok())
            })
            .filter(|&n| n > 0)
            .unwrap_or(cores);
        let most = cores.saturating_mul(THREADS_PER_CORE);
        if asked > most {
            if !log.quiet() {
                eprintln!(
                    "talign: {asked} threads lowered to {most} ({THREADS_PER_CORE} per core, \
                     {cores} cores)"
                );
            }
            return most;
        }
        asked
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
    /// A last step over all rows with the run's quote claims, before anything is written: when
    /// set, rows wait in memory until the run ends (see [`talign::run::claims`]).
    pub settle: Option<Settle<R>>,
}

/// A last step over a run's rows with its claims.
pub type Settle<R> = fn(&mut Vec<R>, &[ClaimQuote]);

/// Drives `job` over `items` (read from `inputs` inputs) on the chosen threads, writes the kept
/// rows in input order, reports rejects on stderr as they come, finishes the output, writes the
/// summary and returns the outcome: some rejected when any document was, an error (exit 2) when
/// none could be processed. The output is renamed into place only when something was processed
/// (an earlier output is never replaced by an empty one); the summary is written even when the
/// output fails.
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
        sink,
        keep,
        rows_are,
        langs,
        settle,
    } = output;
    let mut out = Emitter {
        sink,
        langs,
        rows_are,
        verbose: log.verbose(),
        tally: BTreeMap::new(),
    };
    // with a last step, rows and claims wait here until the run ends
    let mut held: Vec<R> = Vec::new();
    let mut claims: Vec<ClaimQuote> = Vec::new();
    let _staged = TempGuard::new(out.sink.temp_paths());
    let mut summary = Summary::new(inputs);
    let opts = DriveOptions {
        threads: args.threads(log),
        in_flight: 0,
    };
    verbose!(log, "{inputs} inputs, {} worker threads", opts.threads);
    let bar = if args.single_item {
        indicatif::ProgressBar::hidden()
    } else {
        log.progress_with("{spinner} {elapsed} {human_pos} documents, {msg}")
    };
    // past REJECTS_IN_MEMORY, rejects wait in a temporary file for the summary
    let mut spill: Option<Spill> = None;
    // lines of `--lines` inputs kept with their bad bytes replaced, in input order
    let repaired = std::sync::Mutex::new(Vec::new());
    let items = items.inspect(|item| {
        if let Ok(item) = item {
            if let Ok(mut notices) = repaired.lock() {
                notices.extend(repaired_lines(item).cloned());
            }
        }
    });
    let driven = drive(items, opts, job, |finished| -> Result<(), WriteError> {
        summary.record(&finished);
        if summary.rejects.len() >= REJECTS_IN_MEMORY {
            keep_rejects(&mut summary, &mut spill, args.summary.is_some())?;
        }
        match finished {
            Finished::Processed { documents, output } if settle.is_some() => {
                held.extend(output.rows);
                claims.extend(output.claims);
                bar.inc(documents as u64);
            }
            Finished::Processed { documents, output } => {
                for row in output.rows.iter().filter(|r| keep(r)) {
                    out.emit(row, &mut summary)?;
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
    });
    bar.finish_and_clear();
    summary.repaired = repaired.into_inner().unwrap_or_default();
    report_repaired(&summary.repaired);
    let driven = match (driven, settle) {
        (Ok(()), Some(settle)) => {
            settle(&mut held, &claims);
            held.iter()
                .filter(|r| keep(r))
                .try_for_each(|row| out.emit(row, &mut summary))
                .map_err(DriveError::Write)
        }
        (driven, _) => driven,
    };
    summary.flattened = out.sink.flattened();
    let Emitter { sink, tally, .. } = out;
    let written = match driven {
        Err(e) => Err(anyhow::Error::from(e)),
        // nothing processed: the output is not written (an earlier one stays as it was)
        Ok(()) if summary.processed == 0 => {
            drop(sink);
            Ok(())
        }
        Ok(()) => sink.finish().context("cannot finish the output"),
    };
    conclude(written, &summary, spill, args, rows_are, &tally, log)
}

/// The lines of an item's line-list inputs kept with their invalid UTF-8 replaced.
pub fn repaired_lines(item: &WorkItem) -> impl Iterator<Item = &Reject> {
    let (a, b) = match item {
        WorkItem::Single(doc) => (doc, None),
        WorkItem::Pair { src, tgt } => (src, Some(tgt)),
    };
    a.meta
        .repaired
        .iter()
        .chain(b.into_iter().flat_map(|d| d.meta.repaired.iter()))
}

/// Says on stderr which lines were kept with their invalid UTF-8 replaced (never hidden by
/// `--quiet`, like rejects: the output differs from the input there).
pub fn report_repaired<'a>(repaired: impl IntoIterator<Item = &'a Reject>) {
    let mut err = io::stderr().lock();
    for r in repaired {
        let _ = writeln!(err, "talign: repaired: {r}");
    }
}

/// Rows on their way out: written, counted, and with `-v` tallied by language.
struct Emitter<R> {
    sink: Sink<R>,
    langs: fn(&R) -> String,
    rows_are: RowsAre,
    verbose: bool,
    tally: BTreeMap<String, usize>,
}

impl<R> Emitter<R> {
    fn emit(&mut self, row: &R, summary: &mut Summary) -> Result<(), WriteError> {
        self.sink.write_row(row)?;
        if self.verbose {
            *self.tally.entry((self.langs)(row)).or_default() += 1;
        }
        if self.rows_are == RowsAre::Pairs {
            summary.pairs += 1;
        }
        Ok(())
    }
}

/// The files a command will write, named for messages: the output (both Moses files, with a
/// note on stderr when both sides have one language and `.src`/`.tgt` are used) and the summary.
pub fn output_paths(
    target: &Target,
    opts: &WriteOptions,
    summary: Option<&Path>,
) -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    if let Target::File(p) = target {
        if opts.format == Format::Moses {
            let (src, tgt, same) = moses_paths(p, opts.src_lang, opts.tgt_lang);
            if same {
                let lang = opts.src_lang.map(|l| l.to_string()).unwrap_or_default();
                eprintln!(
                    "talign: both sides are `{lang}`: writing {} and {}",
                    src.display(),
                    tgt.display()
                );
            }
            out.push(("output", src));
            out.push(("output", tgt));
        } else {
            out.push(("output", p.clone()));
        }
    }
    out.extend(summary.map(|s| ("summary", s.to_path_buf())));
    out
}

/// Ends a corpus command after its output was finished (or failed): the summary is written in
/// either case, then the closing count (and with `-v` the tally by language), then the outcome.
fn conclude(
    written: anyhow::Result<()>,
    summary: &Summary,
    spill: Option<Spill>,
    args: &DriveArgs,
    rows_are: RowsAre,
    tally: &BTreeMap<String, usize>,
    log: &Log,
) -> anyhow::Result<Outcome> {
    // the account of the run is kept even when the output failed
    let summarised = match &args.summary {
        Some(path) => write_summary_with(path, summary, spill)
            .with_context(|| format!("cannot write the summary to {}", path.display())),
        None => Ok(()),
    };
    written?;
    summarised?;
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
        report(summary, rows_are);
    }
    if summary.processed == 0 {
        if summary.rejected == 0 {
            anyhow::bail!("no usable input: no documents found; nothing written");
        }
        anyhow::bail!(
            "no usable input: all {} documents were rejected; nothing written",
            summary.rejected
        );
    }
    Ok(if summary.rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}

/// Moves the rejects held in memory to the spill file when a summary will be written (else
/// drops them: stderr has named them already), so memory stays flat.
fn keep_rejects(
    summary: &mut Summary,
    spill: &mut Option<Spill>,
    wanted: bool,
) -> Result<(), WriteError> {
    if !wanted {
        summary.rejects.clear();
        return Ok(());
    }
    let file = match spill {
        Some(f) => f,
        None => spill.insert(Spill::new()?),
    };
    let mut w = io::BufWriter::new(file.file.as_file_mut());
    summary.spill_rejects(&mut w)?;
    w.flush()?;
    Ok(())
}

/// The closing count on stderr.
fn report(summary: &Summary, rows_are: RowsAre) {
    let pairs = match rows_are {
        RowsAre::Pairs => format!(", {} pairs", summary.pairs),
        RowsAre::Segments => String::new(),
    };
    let flattened = match summary.flattened {
        0 => String::new(),
        n => format!("; {n} texts had line breaks or tabs turned into spaces"),
    };
    eprintln!(
        "talign: {} inputs, {} documents: {} processed, {} rejected; {} segments{pairs}{flattened}",
        summary.inputs, summary.documents, summary.processed, summary.rejected, summary.segments,
    );
}

/// Rejects that wait on disk for the summary, their file registered for removal on a signal.
struct Spill {
    file: tempfile::NamedTempFile,
    _guard: TempGuard,
}

impl Spill {
    fn new() -> io::Result<Spill> {
        let file = tempfile::NamedTempFile::new()?;
        let guard = TempGuard::new(vec![file.path().to_path_buf()]);
        Ok(Spill {
            file,
            _guard: guard,
        })
    }
}

/// Writes the summary JSON under a temporary name, renamed when complete.
pub fn write_summary(path: &Path, summary: &Summary) -> anyhow::Result<()> {
    write_summary_with(path, summary, None)
}

/// [`write_summary`] with the rejects spilled to `spill` during the run.
fn write_summary_with(
    path: &std::path::Path,
    summary: &Summary,
    spill: Option<Spill>,
) -> anyhow::Result<()> {
    let mut out = StagedFile::create(path)?;
    let _staged = TempGuard::new(out.temp_path().map(Path::to_path_buf).into_iter().collect());
    match spill {
        Some(spill) => {
            let mut reader = io::BufReader::new(spill.file.reopen()?);
            summary.write_json(&mut out, Some(&mut reader))?;
        }
        None => summary.write_json(&mut out, None)?,
    }
    out.commit()?;
    Ok(())
}
