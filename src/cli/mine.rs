//! `talign mine`: translation-pair search between two sets of segments in different languages.
//!
//! Both sides are read with `talign::read` (see [`super::mine_side`]) and written with
//! `talign::write`, like `talign run`. Mining itself is a whole-side computation, a global
//! one-to-one assignment between every query and every pool entry, so it does not go through the
//! per-document driver `talign::run::drive`: each side is read whole, then mined once.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use talign::align::mine::{mine_with_langs, MineHit, MineOptions, DEFAULT_THRESHOLD};
use talign::align::Lexicon;
use talign::read::input_name;
use talign::run::quotes::guess_side_langs;
use talign::run::Summary;
use talign::write::{
    open_sink, Columns, Format, PairKind, PairRow, QuoteInfo, Target, WriteOptions,
};
use talign::Lang;

use super::corpus::{self, output_paths, report_repaired, InputFormatArg, ReadArgs};
use super::detect::{parse_finite, parse_lang};
use super::log::{secs, verbose, Log};
use super::mine_side::{read_side, Entry, Side};
use super::safety::{check_outputs, TempGuard};
use super::Outcome;

/// Output formats of `talign mine`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MineFormat {
    /// RFC 4180 CSV, one row per query: query_id,pool_id,score,margin,accepted,query_text,pool_text.
    Csv,
    /// The CSV columns tab-separated; \ tab newline CR escaped as \\ \t \n \r.
    Tsv,
    /// Hugging Face translation JSONL, one row per query: {"translation": {"en": …, "ru": …},
    /// "doc_id": query id, "tgt_doc_id": pool id, "score", "margin", "accepted", …}.
    Jsonl,
    /// Accepted pairs only: two line-aligned files PREFIX.<query lang> and PREFIX.<pool lang>
    /// (needs -o PREFIX); escaped like TSV.
    Moses,
    /// Accepted pairs only, as a TMX 1.4b translation memory.
    Tmx,
    /// `query_index<TAB>pool_index<TAB>score<TAB>margin<TAB>accepted`, 0-based, `-` when no pool
    /// entry was found: the test format of `talign eval mine`.
    Ids,
}

/// Find, for each query, its translation (or original) in a pool of texts in another language.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Translation-pair search without a bilingual model. Each query finds at \
                  most one entry of the pool and each pool entry serves at most one query. \
                  Evidence: lexicon translations matched stem to stem (Snowball stemmers; small \
                  core lexicons of function words and common verb forms for English with \
                  Russian, Ukrainian, Spanish, French, Italian, Portuguese, German and Polish \
                  ship with talign, each used for its own language; more with --lexicon), names and cognates across scripts, numbers, \
                  URLs, @mentions, #hashtags, ? and !, and the length ratio; words weigh by \
                  rarity. Candidates come from an inverted index; scores become margins over \
                  both sides' nearest neighbours; a greedy one-to-one assignment decides. \
                  Positions in the input files are never evidence.\n\n\
                  Each side is a file, a folder (read recursively in sorted order) or `-` for \
                  stdin (one side at most), in any layout `talign run` reads (by extension, or \
                  --input-format for both sides, --query-format / --pool-format for one; stdin \
                  is text unless told): JSONL records {\"id\", \"text\", \"lang\"?} and CSV/TSV rows \
                  (--text-column, --id-column, an optional `lang` column) are one entry each; \
                  text and HTML documents are cut into sentences and quotes (boilerplate and \
                  markers left out), or one entry a line with --lines; .gz is read through. \
                  Entry ids: a record's id; for a side that is a single text document the \
                  0-based segment index (what `talign eval mine` gold uses), else DOC#k.\n\n\
                  Nothing is lost silently: an unreadable file or record (bad UTF-8, bad JSON \
                  line, empty or binary file, over --max-doc-bytes) is named on stderr with its \
                  line and reason, the rest is mined, and the exit code is 1; --summary writes \
                  the same JSON account as `talign run` (segments = entries, pairs = accepted \
                  pairs). Output goes to a temporary file renamed when complete."
)]
pub struct MineArgs {
    /// The texts to find translations for: a file, a folder, or `-` for stdin.
    pub queries: PathBuf,
    /// The texts to search among: a file, a folder, or `-` for stdin.
    pub pool: PathBuf,
    /// Bilingual word list (`english<TAB>foreign`, `english foreign` or `foreign @ english`);
    /// repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Do not use the core lexicons shipped with talign.
    #[arg(long)]
    pub no_core_lexicon: bool,
    /// Text inputs hold one segment a line (no sentence splitting); ids are 0-based indices of
    /// the non-empty lines.
    /// A line that is not UTF-8 is kept with U+FFFD for its bad bytes and named on stderr.
    #[arg(long)]
    pub lines: bool,
    /// Language of the queries (ISO 639-1); else the input's own, else guessed per text.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub query_lang: Option<Lang>,
    /// Language of the pool; else the input's own, else guessed per text.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub pool_lang: Option<Lang>,
    /// Least margin for a pair to be accepted (higher: fewer, surer pairs); a finite number.
    #[arg(long, value_name = "X", default_value_t = DEFAULT_THRESHOLD, value_parser = parse_finite)]
    pub threshold: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MineFormat::Csv)]
    pub format: MineFormat,
    /// Write here (under a temporary name, renamed when complete) instead of stdout; for moses
    /// a prefix.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write a JSON account here: inputs, documents, processed, rejected, segments (entries),
    /// pairs (accepted pairs), rejects.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// CSV: start with a UTF-8 byte-order mark.
    #[arg(long)]
    pub bom: bool,
    /// CSV/TSV: prefix `'` to cells starting with = + - @ (or a tab or CR), which spreadsheet
    /// programs would run as formulas; off by default, so that data stays exact.
    #[arg(long)]
    pub csv_safe: bool,
    /// How the inputs are read (shared with `talign run` and `talign segment`).
    #[command(flatten)]
    pub read: ReadArgs,
    /// Input layout of the queries alone (overrides --input-format; e.g. JSONL on stdin).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub query_format: Option<InputFormatArg>,
    /// Input layout of the pool alone (overrides --input-format; e.g. `--pool-format jsonl` for
    /// posts on stdin).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub pool_format: Option<InputFormatArg>,
}

/// The language of each entry: the flag, the entry's own, or a guess from the side's texts.
fn entry_langs(entries: &[Entry], fixed: Option<Lang>) -> Vec<Lang> {
    let texts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
    let guessed = guess_side_langs(&texts);
    entries
        .iter()
        .zip(guessed)
        .map(|(e, g)| fixed.or(e.lang).unwrap_or(g))
        .collect()
}

/// The language of a whole side: the flag, else its most common entry language (ties to the
/// smaller code), `und` when none is known.
fn side_lang(langs: &[Lang], fixed: Option<Lang>) -> Lang {
    if let Some(l) = fixed {
        return l;
    }
    let mut counts: BTreeMap<Lang, usize> = BTreeMap::new();
    for l in langs.iter().filter(|l| !l.is_und()) {
        *counts.entry(*l).or_default() += 1;
    }
    let mut best = (Lang::UND, 0);
    for (l, n) in counts {
        if n > best.1 {
            best = (l, n);
        }
    }
    best.0
}

/// One side, read and with its languages settled.
struct Mined {
    side: Side,
    langs: Vec<Lang>,
    lang: Lang,
}

impl Mined {
    fn read(
        path: &Path,
        format: Option<InputFormatArg>,
        fixed: Option<Lang>,
        args: &MineArgs,
    ) -> Mined {
        let read = ReadArgs {
            input_format: format.unwrap_or(args.read.input_format),
            ..args.read.clone()
        };
        let side = read_side(path, &read.options(false, args.lines), args.lines);
        let langs = entry_langs(&side.entries, fixed);
        let lang = side_lang(&langs, fixed);
        Mined { side, langs, lang }
    }

    /// Each entry's text with its language, as the miner takes them.
    fn with_langs(&self) -> Vec<(&str, Lang)> {
        let texts = self.side.entries.iter().map(|e| e.text.as_str());
        texts.zip(self.langs.iter().copied()).collect()
    }

    fn entry(&self, i: usize) -> Option<(&Entry, Lang)> {
        let entry = self.side.entries.get(i)?;
        Some((entry, self.langs.get(i).copied().unwrap_or(self.lang)))
    }
}

/// A hit as an output row: the query and its pool entry (empty when none was found).
fn mined_row(hit: &MineHit, queries: &Mined, pool: &Mined) -> PairRow {
    let (q_id, q_text, q_lang) = match queries.entry(hit.query) {
        Some((e, l)) => (e.id.clone(), e.text.clone(), l),
        None => (String::new(), String::new(), queries.lang),
    };
    let found = hit.pool.and_then(|i| pool.entry(i).map(|e| (i, e)));
    let (tgt_ids, p_id, p_text, p_lang) = match found {
        Some((i, (e, l))) => (vec![i], e.id.clone(), e.text.clone(), l),
        None => (Vec::new(), String::new(), String::new(), pool.lang),
    };
    PairRow {
        doc_id: q_id,
        tgt_doc_id: p_id,
        kind: PairKind::Mined,
        src_lang: q_lang,
        tgt_lang: p_lang,
        src_ids: vec![hit.query],
        tgt_ids,
        score: hit.score,
        confidence: None,
        src_text: q_text,
        tgt_text: p_text,
        quote: Some(QuoteInfo {
            margin: Some(hit.margin),
            accepted: Some(hit.accepted),
            ..QuoteInfo::default()
        }),
    }
}

impl MineArgs {
    fn write_options(&self, queries: &Mined, pool: &Mined) -> WriteOptions {
        let known = |l: Lang| (!l.is_und()).then_some(l);
        WriteOptions {
            format: match self.format {
                MineFormat::Csv => Format::Csv,
                MineFormat::Tsv => Format::Tsv,
                MineFormat::Jsonl => Format::Jsonl,
                MineFormat::Moses => Format::Moses,
                MineFormat::Tmx => Format::Tmx,
                MineFormat::Ids => Format::Ids,
            },
            bom: self.bom,
            src_lang: known(queries.lang),
            tgt_lang: known(pool.lang),
            columns: Columns::Mined,
            csv_safe: self.csv_safe,
            ..WriteOptions::default()
        }
    }
}

/// The account of the run, `talign run`'s shape: segments are entries, pairs accepted pairs.
fn summary_of(queries: &Side, pool: &Side, accepted: usize) -> Summary {
    let mut summary = Summary::new(queries.inputs + pool.inputs);
    let rejects: Vec<_> = queries
        .rejects
        .iter()
        .chain(&pool.rejects)
        .cloned()
        .collect();
    summary.processed = queries.documents + pool.documents;
    summary.rejected = rejects.len();
    summary.documents = summary.processed + summary.rejected;
    summary.segments = queries.entries.len() + pool.entries.len();
    summary.pairs = accepted;
    summary.rejects = rejects;
    summary.repaired = queries
        .repaired
        .iter()
        .chain(&pool.repaired)
        .cloned()
        .collect();
    summary
}

/// Writes the summary JSON (as `talign run` does) when asked for.
fn write_summary(path: Option<&Path>, summary: &Summary) -> anyhow::Result<()> {
    let Some(path) = path else {
        return Ok(());
    };
    corpus::write_summary(path, summary)
        .with_context(|| format!("cannot write the summary to {}", path.display()))
}

/// Runs `talign mine`.
pub fn run(args: MineArgs, log: &Log) -> anyhow::Result<Outcome> {
    let stdin = Path::new("-");
    if args.queries == stdin && args.pool == stdin {
        anyhow::bail!("only one side can be read from stdin (`-`)");
    }
    let queries = Mined::read(&args.queries, args.query_format, args.query_lang, &args);
    let pool = Mined::read(&args.pool, args.pool_format, args.pool_lang, &args);
    let target = Target::from_arg(args.output.as_deref());
    let write_opts = args.write_options(&queries, &pool);
    let reads: Vec<(&str, PathBuf)> = [("query", &args.queries), ("pool", &args.pool)]
        .into_iter()
        .chain(args.lexicon.iter().map(|l| ("lexicon", l)))
        .map(|(r, p)| (r, p.clone()))
        .collect();
    check_outputs(
        &output_paths(&target, &write_opts, args.summary.as_deref()),
        &reads,
    )?;
    for (what, path, side, fixed) in [
        ("queries", &args.queries, &queries, args.query_lang),
        ("pool", &args.pool, &pool, args.pool_lang),
    ] {
        verbose!(
            log,
            "{what}: read {}: {} entries from {} documents, {} rejected; language {} ({})",
            input_name(path),
            side.side.entries.len(),
            side.side.documents,
            side.side.rejects.len(),
            side.lang.as_str(),
            if fixed.is_some() {
                "given"
            } else {
                "most common"
            }
        );
    }
    {
        let mut err = io::stderr().lock();
        for r in queries.side.rejects.iter().chain(&pool.side.rejects) {
            let _ = writeln!(err, "talign: rejected: {r}");
        }
    }
    report_repaired(queries.side.repaired.iter().chain(&pool.side.repaired));
    for (path, side) in [(&args.queries, &queries), (&args.pool, &pool)] {
        if side.side.entries.is_empty() {
            write_summary(
                args.summary.as_deref(),
                &summary_of(&queries.side, &pool.side, 0),
            )?;
            anyhow::bail!("{}: nothing to mine: no readable entry", input_name(path));
        }
    }
    let lexicons = args
        .lexicon
        .iter()
        .map(Lexicon::load)
        .collect::<Result<Vec<_>, _>>()?;
    let opts = MineOptions {
        lexicons,
        core_lexicon: !args.no_core_lexicon,
        threshold: args.threshold,
        ..MineOptions::default()
    };
    let mut sink = open_sink(&target, &write_opts).context("cannot open the output")?;
    let _staged = TempGuard::new(sink.temp_paths());
    if !args.lexicon.is_empty() {
        let entries: usize = opts.lexicons.iter().map(Lexicon::len).sum();
        verbose!(
            log,
            "{} lexicon(s) loaded: {entries} entries",
            args.lexicon.len()
        );
    }
    let message = format!(
        "mining {} queries x {} pool entries",
        queries.side.entries.len(),
        pool.side.entries.len()
    );
    verbose!(log, "{message}");
    let bar = log.progress(&message);
    let start = std::time::Instant::now();
    let hits = mine_with_langs(&queries.with_langs(), &pool.with_langs(), &opts);
    bar.finish_and_clear();
    verbose!(
        log,
        "{} accepted pairs in {}",
        hits.iter().filter(|h| h.accepted).count(),
        secs(start.elapsed())
    );
    // formats with two sides to fill take only the pairs the miner vouches for
    let accepted_only = matches!(args.format, MineFormat::Moses | MineFormat::Tmx);
    let written = hits
        .iter()
        .filter(|h| h.accepted || !accepted_only)
        .try_for_each(|hit| sink.write_row(&mined_row(hit, &queries, &pool)));
    let flattened = sink.flattened();
    let written = match written {
        Ok(()) => sink.finish().context("cannot finish the output"),
        Err(e) => Err(e.into()),
    };
    let accepted = hits.iter().filter(|h| h.accepted).count();
    let mut summary = summary_of(&queries.side, &pool.side, accepted);
    summary.flattened = flattened;
    // the account of the run is kept even when the output failed
    let summarised = write_summary(args.summary.as_deref(), &summary);
    written?;
    summarised?;
    Ok(if summary.rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}
