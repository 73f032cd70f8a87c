//! `talign align`: sentence alignment of two parallel documents.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use talign::align::{align_sentences, AlignOptions, Lexicon};
use talign::lang::Detector;
use talign::read::{decode_lines, read_bytes, read_document, DocMeta, SourceDoc, WorkItem};
use talign::run::{check_sides, content_segments, sentence_rows, JobError, JobOutput};
use talign::segment::segment_lines;
use talign::write::{open_sink, Format, PairRow, Target, WriteOptions};
use talign::{Document, Lang};

use super::corpus::{drive_corpus, output_paths, pair_langs, DriveArgs, Output, RowsAre};
use super::detect::parse_lang;
use super::log::{secs, verbose, Log};
use super::safety::check_outputs;
use super::Outcome;

/// Output formats of `talign align`: the writers of `talign run`. Every format but `links`
/// holds the aligned pairs only (links with a sentence on both sides); `links` holds every link,
/// 1-0 and 0-1 included, as the gold files do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// RFC 4180 CSV with the columns of `talign run` (doc_id, tgt_doc_id, kind, src_lang,
    /// tgt_lang, src_ids, tgt_ids, score, src_text, tgt_text, …); ids 0-based, space-separated.
    Csv,
    /// The CSV columns tab-separated; \ tab newline CR escaped as \\ \t \n \r.
    Tsv,
    /// Hugging Face translation JSONL: {"translation": {"de": …, "fr": …}, "src_ids": […], …}.
    Jsonl,
    /// One link a line as `[0, 1]:[2]` (0-based), the gold format of `talign eval align`.
    Links,
    /// Two line-aligned files PREFIX.<src> and PREFIX.<tgt> (needs -o PREFIX), escaped like TSV.
    Moses,
    /// TMX 1.4b translation memory.
    Tmx,
    /// vecalign's lines, `[0, 1]:[2]:0.156000` (every link, with talign's score), for
    /// vecalign's scripts.
    Vecalign,
    /// One self-contained HTML page to review the links by eye (every link, null links marked).
    Html,
}

/// Align two parallel documents sentence by sentence.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Aligns two parallel documents (a text and its translation) sentence by \
                  sentence, monotonically, with 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 and larger links \
                  (up to --max-link sentences, tried where the lengths ask for them). Links are \
                  scored by sentence lengths and lexical evidence (numbers, names and cognates \
                  across scripts, punctuation, --lexicon lists matched through stems), then \
                  re-aligned with a lexicon learned from the pair itself. No model or network is \
                  needed.\n\nAny language pair works, including languages the detector does \
                  not know (Icelandic, say): lengths, numbers, names, punctuation and the learned \
                  lexicon need no language knowledge. Name such languages with --src-lang / \
                  --tgt-lang (a language without a Snowball stemmer matches lexicon entries by \
                  their first six letters).\n\nThe score column is the link's log-odds-like \
                  score (unbounded; higher is better); confidence is the link's posterior \
                  probability in [0, 1] under the same scores."
)]
pub struct AlignArgs {
    /// The source document (`-` for stdin).
    pub src: PathBuf,
    /// The target document (the translation).
    pub tgt: PathBuf,
    /// The inputs hold one sentence a line (no sentence splitting).
    /// A line that is not UTF-8 is kept with U+FFFD for its bad bytes and named on stderr.
    #[arg(long)]
    pub lines: bool,
    /// Language of the source (ISO 639-1, e.g. de); detected from the text when absent.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub src_lang: Option<Lang>,
    /// Language of the target; detected from the text when absent.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub tgt_lang: Option<Lang>,
    /// Bilingual word list (`english<TAB>foreign`, MUSE's `english foreign` or hunalign's
    /// `foreign @ english`); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Csv)]
    pub format: AlignFormat,
    /// The most sentences one link may hold, both sides together (4 allows 2-2, 3-1, 1-3; 7
    /// up to 1-6, 2-5, 3-4); large links are tried only where the sentence lengths ask for them.
    #[arg(long, value_name = "N", default_value_t = 7, value_parser = clap::value_parser!(u16).range(2..=8))]
    pub max_link: u16,
    /// Skip the second pass with the lexicon learned from the first (faster, less accurate).
    #[arg(long)]
    pub no_realign: bool,
    /// Write to this file (under a temporary name, renamed when complete) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write a JSON account here: inputs, documents, segments, pairs, rejects (as `talign run`).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// CSV/TSV: prefix `'` to cells starting with = + - @ (or a tab or CR), which spreadsheet
    /// programs would run as formulas; off by default, so that data stays exact.
    #[arg(long)]
    pub csv_safe: bool,
}

/// One side's sentences: lines with `--lines`, else the content sentences (quotes inside their
/// sentences, as a translation has them; no furniture or markers), as `talign run` cuts them.
fn sentences(doc: &Document, lines: bool) -> Vec<&str> {
    if lines {
        segment_lines(&doc.text)
            .iter()
            .map(|s| s.text(&doc.text))
            .collect()
    } else {
        content_segments(doc)
    }
}

/// Characters of a side read by the language detector: plenty for a whole document's language
/// (sentences of 150 characters are identified at 97-100 %), and detection cost as much as the
/// alignment of a 100-sentence pair at 5,000.
const DETECT_CHARS: usize = 1_000;

/// The language of a document, detected over its first [`DETECT_CHARS`] characters; `None` when
/// the detector cannot tell (`und`).
fn detect_side(text: &str) -> Option<Lang> {
    let end = text
        .char_indices()
        .nth(DETECT_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let found = Detector::new(None)
        .detect(text.get(..end).unwrap_or(text))
        .lang;
    (!found.is_und()).then_some(found)
}

/// Reads one side as a work-item document with its language (given, else detected).
fn read_side(path: &Path, lang: Option<Lang>, lines: bool, log: &Log) -> anyhow::Result<SourceDoc> {
    // with --lines, a line that is not UTF-8 is kept repaired: the line numbers stay those of
    // the file, so one bad line does not lose or shift the alignment
    let (mut doc, repaired) = if lines {
        let name = talign::read::input_name(path);
        let (text, repaired) = decode_lines(&name, read_bytes(path)?)?;
        (Document::new(name, text), repaired)
    } else {
        (read_document(path)?, Vec::new())
    };
    doc.lang = lang.or_else(|| detect_side(&doc.text));
    verbose!(
        log,
        "read {}: {} bytes, language {} ({})",
        talign::read::input_name(path),
        doc.text.len(),
        doc.lang.as_ref().map_or("unknown", Lang::as_str),
        if lang.is_some() { "given" } else { "detected" }
    );
    Ok(SourceDoc {
        doc,
        meta: DocMeta {
            repaired,
            ..DocMeta::default()
        },
        ..SourceDoc::default()
    })
}

/// Runs `talign align`: the pair is one work item of the corpus driver, written by the shared
/// writers, exactly as `talign run` handles a pair (with the aligner's options of this command).
pub fn run(args: AlignArgs, log: &Log) -> anyhow::Result<Outcome> {
    let lexicons = args
        .lexicon
        .iter()
        .map(Lexicon::load)
        .collect::<Result<Vec<_>, _>>()?;
    if !args.lexicon.is_empty() {
        let entries: usize = lexicons.iter().map(Lexicon::len).sum();
        verbose!(
            log,
            "{} lexicon(s) loaded: {entries} entries",
            lexicons.len()
        );
    }
    let src = read_side(&args.src, args.src_lang, args.lines, log)?;
    let tgt = read_side(&args.tgt, args.tgt_lang, args.lines, log)?;
    let opts = AlignOptions {
        src_lang: src.doc.lang,
        tgt_lang: tgt.doc.lang,
        lexicons,
        max_link: usize::from(args.max_link),
        realign: !args.no_realign,
        ..AlignOptions::default()
    };
    let format = match args.format {
        AlignFormat::Csv => Format::Csv,
        AlignFormat::Tsv => Format::Tsv,
        AlignFormat::Jsonl => Format::Jsonl,
        AlignFormat::Links => Format::Links,
        AlignFormat::Moses => Format::Moses,
        AlignFormat::Tmx => Format::Tmx,
        AlignFormat::Vecalign => Format::Vecalign,
        AlignFormat::Html => Format::Html,
    };
    let write_opts = WriteOptions {
        format,
        src_lang: opts.src_lang,
        tgt_lang: opts.tgt_lang,
        csv_safe: args.csv_safe,
        ..WriteOptions::default()
    };
    let target = Target::from_arg(args.output.as_deref());
    let reads = [("input", &args.src), ("input", &args.tgt)]
        .into_iter()
        .chain(args.lexicon.iter().map(|l| ("lexicon", l)));
    check_outputs(
        &output_paths(&target, &write_opts, args.summary.as_deref()),
        &reads.map(|(r, p)| (r, p.clone())).collect::<Vec<_>>(),
    )?;
    let sink = open_sink(&target, &write_opts).context("cannot open the output")?;
    // only the formats that show every link keep the links with an empty side
    let every_link = matches!(format, Format::Links | Format::Vecalign | Format::Html);
    let output = Output {
        sink,
        keep: |row: &PairRow| every_link || (!row.src_ids.is_empty() && !row.tgt_ids.is_empty()),
        rows_are: RowsAre::Pairs,
        langs: pair_langs,
        settle: None,
    };
    let drive_args = DriveArgs {
        threads: None,
        summary: args.summary.clone(),
        single_item: true,
    };
    let item = WorkItem::Pair { src, tgt };
    let job = |item| align_item(item, &opts, args.lines, log);
    drive_corpus(std::iter::once(Ok(item)), 2, &drive_args, log, job, output)
}

/// Aligns the two sides of a pair: one row per link, links with an empty side included.
fn align_item(
    item: WorkItem,
    opts: &AlignOptions,
    lines: bool,
    log: &Log,
) -> Result<JobOutput, JobError> {
    let WorkItem::Pair { src, tgt } = item else {
        return Err(JobError {
            reason: "talign align needs two documents".to_string(),
        });
    };
    let s = sentences(&src.doc, lines);
    let t = sentences(&tgt.doc, lines);
    check_sides(&src, &tgt, &s, &t)?;
    verbose!(log, "aligning {} x {} sentences", s.len(), t.len());
    let bar = log.progress(&format!("aligning {} x {} sentences", s.len(), t.len()));
    let start = std::time::Instant::now();
    let links = align_sentences(&s, &t, opts);
    bar.finish_and_clear();
    verbose!(log, "{} links in {}", links.len(), secs(start.elapsed()));
    let rows = sentence_rows(&src, &tgt, &s, &t, links);
    Ok(JobOutput {
        rows,
        segments: s.len() + t.len(),
        ..JobOutput::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_get_their_language_detected() {
        let de = "Die Expedition erreichte den Gipfel am frühen Morgen.\n\
                  Das Wetter war schlecht, aber die Bergsteiger gaben nicht auf.";
        let uk = "Експедиція досягла вершини рано вранці.\n\
                  Погода була погана, але альпіністи не здавалися і пішли далі.";
        assert_eq!(detect_side(de), Lang::new("de"));
        assert_eq!(detect_side(uk), Lang::new("uk"));
        assert_eq!(detect_side("123 456\n--"), None);
        assert_eq!(detect_side(""), None);
        // only the first DETECT_CHARS characters are read, cut on a character boundary
        let long = "Привет, мир. ".repeat(DETECT_CHARS);
        assert_eq!(detect_side(&long), Lang::new("ru"));
    }
}
