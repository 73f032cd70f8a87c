//! `talign align`: sentence alignment of two parallel documents.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use talign::align::{align_sentences, AlignOptions, Lexicon};
use talign::lang::Detector;
use talign::read::{input_name, read_document};
use talign::run::content_segments;
use talign::segment::segment_lines;
use talign::write::{open_sink, Format, PairKind, PairRow, Target, WriteOptions};
use talign::{Lang, Link};

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
}

/// Align two parallel documents sentence by sentence.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Aligns two parallel documents (a text and its translation) sentence by \
                  sentence, monotonically, with 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 links. \
                  Links are scored by sentence lengths and lexical evidence (numbers, names and \
                  cognates across scripts, punctuation, lexicons), then re-aligned with a \
                  lexicon learned from the pair itself. No model or network is needed."
)]
pub struct AlignArgs {
    /// The source document (`-` for stdin).
    pub src: PathBuf,
    /// The target document (the translation).
    pub tgt: PathBuf,
    /// The inputs hold one sentence a line (no sentence splitting).
    #[arg(long)]
    pub lines: bool,
    /// Language of the source (ISO 639-1, e.g. de); detected from the text when absent.
    #[arg(long, value_name = "LANG")]
    pub src_lang: Option<Lang>,
    /// Language of the target; detected from the text when absent.
    #[arg(long, value_name = "LANG")]
    pub tgt_lang: Option<Lang>,
    /// Bilingual word list (`english<TAB>foreign` or hunalign's `foreign @ english`); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Csv)]
    pub format: AlignFormat,
    /// The most sentences one link may hold, both sides together (4 allows 2-2, 3-1, 1-3).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(2..=8))]
    pub max_link: u16,
    /// Skip the second pass with the lexicon learned from the first (faster, less accurate).
    #[arg(long)]
    pub no_realign: bool,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Reads one side as sentences: lines with `--lines`, else segments that are not boilerplate.
fn read_side(path: &std::path::Path, lines: bool) -> anyhow::Result<Vec<String>> {
    let doc = read_document(path)?;
    if lines {
        let segs = segment_lines(&doc.text);
        return Ok(segs.iter().map(|s| s.text(&doc.text).to_string()).collect());
    }
    // sentences with their quotes inside, as a translation has them; no furniture or markers
    Ok(content_segments(&doc)
        .into_iter()
        .map(str::to_string)
        .collect())
}

/// Characters of a side read by the language detector (plenty for a whole document's language).
const DETECT_CHARS: usize = 5_000;

/// The language of one side, detected over its first [`DETECT_CHARS`] characters; `None` when
/// the detector cannot tell (`und`).
fn detect_side(sentences: &[String]) -> Option<Lang> {
    let mut sample = String::new();
    for s in sentences {
        if sample.chars().count() >= DETECT_CHARS {
            break;
        }
        sample.push_str(s);
        sample.push(' ');
    }
    let sample: String = sample.chars().take(DETECT_CHARS).collect();
    let found = Detector::new(None).detect(&sample).lang;
    (found.as_str() != "und").then_some(found)
}

/// Runs `talign align`.
pub fn run(args: AlignArgs) -> anyhow::Result<Outcome> {
    let src = read_side(&args.src, args.lines)?;
    let tgt = read_side(&args.tgt, args.lines)?;
    let lexicons = args
        .lexicon
        .iter()
        .map(Lexicon::load)
        .collect::<Result<Vec<_>, _>>()?;
    let opts = AlignOptions {
        src_lang: args.src_lang.or_else(|| detect_side(&src)),
        tgt_lang: args.tgt_lang.or_else(|| detect_side(&tgt)),
        lexicons,
        max_link: usize::from(args.max_link),
        realign: !args.no_realign,
        ..AlignOptions::default()
    };
    let src_refs: Vec<&str> = src.iter().map(String::as_str).collect();
    let tgt_refs: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let links = align_sentences(&src_refs, &tgt_refs, &opts);
    write_links(&args, &opts, &links, &src, &tgt)
}

/// Writes the links through the shared writers of `write`, the same as `talign run` uses; only
/// `links` keeps the links with an empty side.
fn write_links(
    args: &AlignArgs,
    opts: &AlignOptions,
    links: &[Link],
    src: &[String],
    tgt: &[String],
) -> anyhow::Result<Outcome> {
    let format = match args.format {
        AlignFormat::Csv => Format::Csv,
        AlignFormat::Tsv => Format::Tsv,
        AlignFormat::Jsonl => Format::Jsonl,
        AlignFormat::Links => Format::Links,
        AlignFormat::Moses => Format::Moses,
        AlignFormat::Tmx => Format::Tmx,
    };
    let write_opts = WriteOptions {
        format,
        src_lang: opts.src_lang,
        tgt_lang: opts.tgt_lang,
        ..WriteOptions::default()
    };
    let target = Target::from_arg(args.output.as_deref());
    let mut sink = open_sink(&target, &write_opts).context("cannot open the output")?;
    let (src_id, tgt_id) = (input_name(&args.src), input_name(&args.tgt));
    let every_link = format == Format::Links;
    for l in links
        .iter()
        .filter(|l| every_link || (!l.src.is_empty() && !l.tgt.is_empty()))
    {
        sink.write_row(&PairRow {
            doc_id: src_id.clone(),
            tgt_doc_id: tgt_id.clone(),
            kind: PairKind::Sentence,
            src_lang: opts.src_lang.unwrap_or(Lang::UND),
            tgt_lang: opts.tgt_lang.unwrap_or(Lang::UND),
            src_ids: l.src.clone(),
            tgt_ids: l.tgt.clone(),
            score: l.score,
            src_text: text_of(&l.src, src),
            tgt_text: text_of(&l.tgt, tgt),
            quote: None,
        })?;
    }
    sink.finish().context("cannot finish the output")?;
    Ok(Outcome::Done)
}

/// The text of sentences `ids` of one side, joined by a space.
fn text_of(ids: &[usize], sents: &[String]) -> String {
    ids.iter()
        .filter_map(|&i| sents.get(i).map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_get_their_language_detected() {
        let side = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let de = side(&[
            "Die Expedition erreichte den Gipfel am frühen Morgen.",
            "Das Wetter war schlecht, aber die Bergsteiger gaben nicht auf.",
        ]);
        let uk = side(&[
            "Експедиція досягла вершини рано вранці.",
            "Погода була погана, але альпіністи не здавалися і пішли далі.",
        ]);
        assert_eq!(detect_side(&de), Lang::new("de"));
        assert_eq!(detect_side(&uk), Lang::new("uk"));
        assert_eq!(detect_side(&side(&["123 456", "--"])), None);
        assert_eq!(detect_side(&[]), None);
    }
}
