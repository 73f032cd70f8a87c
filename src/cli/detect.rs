//! `talign detect`: the language of every segment (or line) of the inputs, as CSV.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use talign::doc::Lang;
use talign::eval::langid::format_spans;
use talign::lang::{identify, parse_lang_list, Detector};
use talign::read::{inputs_or_stdin, work_items, WorkItem};
use talign::segment::{segment, segment_lines};

use super::corpus::ReadArgs;
use super::log::{secs, verbose, Log};
use super::Outcome;

/// Identify the language of each segment: CSV `doc_id,line,lang,confidence,text`, one row per
/// segment (or line, with --lines).
///
/// Inputs are read like `talign run` reads them: text files, folders (recursive, sorted), JSONL
/// and CSV/TSV records (one document each), HTML, compressed files, stdin (layout sniffed when
/// the name says nothing). `doc_id` is the document's id (a file's path, a record's id); `line`
/// is the 1-based line of the document's text where the segment starts. Unreadable inputs are
/// named on stderr and the rest is processed (exit 1).
#[derive(Args, Debug)]
pub struct DetectArgs {
    /// Files or folders; `-` or nothing reads standard input.
    #[arg(value_name = "FILES")]
    pub inputs: Vec<PathBuf>,

    /// The input is one segment per line: one row per non-empty line, no sentence splitting.
    #[arg(long)]
    pub lines: bool,

    /// Allowed languages, ISO 639-1 codes separated by commas (e.g. en,ru,es); default: all.
    #[arg(long, value_name = "LIST", value_parser = parse_langs)]
    pub langs: Option<LangList>,

    /// Add a `spans` column: the language runs inside each row's text, as `start:end:lang` items
    /// separated by spaces (byte offsets into that row's text).
    #[arg(long)]
    pub spans: bool,

    /// Write the CSV to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// How the inputs are read (shared with `talign run`).
    #[command(flatten)]
    pub read: ReadArgs,
}

/// A parsed `--langs` value (a newtype so clap takes the whole list as one value).
#[derive(Debug, Clone)]
pub struct LangList(pub Vec<Lang>);

impl std::fmt::Display for LangList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.0.iter().map(|l| l.as_str()).collect();
        f.write_str(&codes.join(","))
    }
}

/// Parses a `--langs` value.
pub fn parse_langs(s: &str) -> Result<LangList, String> {
    parse_lang_list(s).map(LangList).map_err(|e| e.to_string())
}

/// Runs `talign detect`: every document of the inputs, read by the corpus readers, cut into
/// segments (or lines) with their language.
pub fn run(args: DetectArgs, log: &Log) -> anyhow::Result<Outcome> {
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    verbose!(
        log,
        "languages allowed: {}",
        args.langs
            .as_ref()
            .map_or("all".to_string(), |l| l.to_string())
    );
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = csv::Writer::from_writer(BufWriter::new(sink));
    let mut header = vec!["doc_id", "line", "lang", "confidence", "text"];
    if args.spans {
        header.push("spans");
    }
    out.write_record(&header)?;
    let inputs = inputs_or_stdin(&args.inputs);
    let (mut processed, mut rejected) = (0usize, 0usize);
    for item in work_items(&inputs, None, &args.read.options(false)) {
        let doc = match item {
            Ok(WorkItem::Single(doc)) => doc.doc,
            Ok(WorkItem::Pair { .. }) => continue, // not produced without pairing by name
            Err(reject) => {
                let _ = writeln!(io::stderr(), "talign: rejected: {reject}");
                rejected += 1;
                continue;
            }
        };
        processed += 1;
        let mut segs = if args.lines {
            segment_lines(&doc.text)
        } else {
            segment(&doc)
        };
        identify(&doc.text, &mut segs, &detector);
        verbose!(
            log,
            "read {}: {} bytes, {} segments",
            doc.id,
            doc.text.len(),
            segs.len()
        );
        let mut lines = LineCounter::default();
        for seg in &segs {
            let line = lines.line_at(&doc.text, seg.start).to_string();
            let conf = format!("{:.3}", seg.confidence);
            let text = seg.text(&doc.text);
            let mut row = vec![doc.id.as_str(), &line, seg.lang.as_str(), &conf, text];
            let spans;
            if args.spans {
                spans = format_spans(&detector.detect_spans(text));
                row.push(&spans);
            }
            out.write_record(&row)?;
        }
    }
    out.flush()?;
    verbose!(
        log,
        "{processed} documents, {rejected} rejected, in {}",
        secs(log.elapsed())
    );
    if processed == 0 && rejected > 0 {
        anyhow::bail!("no usable input: all {rejected} documents were rejected");
    }
    Ok(if rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}

/// 1-based line numbers of byte offsets into one text, for offsets in ascending order.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        if offset < self.offset {
            *self = LineCounter::default();
        }
        let upto = offset.min(text.len());
        let newlines = text
            .as_bytes()
            .get(self.offset..upto)
            .map_or(0, |b| memchr::memchr_iter(b'\n', b).count());
        self.line += newlines;
        self.offset = upto;
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_count_the_newlines_before_an_offset() {
        let text = "a\nb\n\nc";
        let mut lines = LineCounter::default();
        assert_eq!(lines.line_at(text, 0), 1);
        assert_eq!(lines.line_at(text, 2), 2);
        assert_eq!(lines.line_at(text, 5), 4);
        // an offset before the last one starts the count again
        assert_eq!(lines.line_at(text, 2), 2);
    }
}
