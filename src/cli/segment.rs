//! `talign segment`: language-tagged segments of each input.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;

use talign::doc::{Document, QuotePart, Segment};
use talign::lang::{identify, split_by_language, Detector};
use talign::read::{inputs_or_stdin, read_document};

use super::detect::{parse_langs, LangList};
use super::output::{open_output, InputReport};
use super::Outcome;

/// Output formats of `talign segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// CSV with a header: doc_id,seg_id,start,end,kind,lang,confidence,text.
    Csv,
    /// One JSON object a line, with the quote and duplicate links as well.
    Jsonl,
}

/// Cut documents into sentences, quotes, headings, captions, markers and boilerplate, each with a
/// language and a confidence.
///
/// A segment whose language changes ("English language Английский язык") is split into one
/// segment per language run. Offsets are byte offsets into the input (after a UTF-8 byte-order
/// mark, if any). Quote pieces
/// split by an attribution share a quote number (JSONL `quote.quote`), with `quote.piece` giving
/// their order; repeated lines carry `duplicate_of`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Input files; `-` or none reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: SegmentFormat,
    /// Write here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The input is one segment per line: no splitting.
    #[arg(long)]
    pub lines: bool,
    /// Only consider these languages (ISO 639-1, comma-separated, e.g. `en,ru,es`).
    #[arg(long, value_name = "LIST", value_parser = parse_langs)]
    pub langs: Option<LangList>,
}

#[derive(Serialize)]
struct Row<'a> {
    doc_id: &'a str,
    seg_id: usize,
    start: usize,
    end: usize,
    kind: &'static str,
    lang: &'a str,
    confidence: f64,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<QuotePart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<usize>,
}

/// Runs `talign segment`.
pub fn run(args: SegmentArgs) -> anyhow::Result<Outcome> {
    let inputs = inputs_or_stdin(&args.inputs);
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    let results: Vec<_> = inputs
        .par_iter()
        .map(|path| {
            read_document(path).map(|doc| {
                let segs = if args.lines {
                    let mut segs = talign::segment::segment_lines(&doc.text);
                    identify(&doc.text, &mut segs, &detector);
                    segs
                } else {
                    let mut segs = talign::segment::segment(&doc);
                    identify(&doc.text, &mut segs, &detector);
                    split_by_language(&doc.text, segs, &detector)
                };
                (doc, segs)
            })
        })
        .collect();
    let mut sink = Sink::new(args.format, open_output(args.output.as_deref())?)?;
    let mut report = InputReport::default();
    for result in results {
        match result {
            Ok((doc, segs)) => {
                report.ok();
                for s in &segs {
                    sink.write(&row(&doc, s))?;
                }
            }
            Err(err) => report.reject(&err),
        }
    }
    sink.finish()?;
    report.outcome()
}

const CSV_HEADER: [&str; 8] = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "kind",
    "lang",
    "confidence",
    "text",
];

fn row<'a>(doc: &'a Document, s: &'a Segment) -> Row<'a> {
    Row {
        doc_id: &doc.id,
        seg_id: s.id,
        start: s.start,
        end: s.end,
        kind: s.kind.as_str(),
        lang: s.lang.as_str(),
        confidence: (f64::from(s.confidence) * 1000.0).round() / 1000.0,
        text: s.text(&doc.text),
        quote: s.quote,
        duplicate_of: s.duplicate_of,
    }
}

/// Where rows go, in the chosen format.
enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Jsonl(Box<dyn Write>),
}

impl Sink {
    fn new(format: SegmentFormat, out: Box<dyn Write>) -> anyhow::Result<Sink> {
        Ok(match format {
            SegmentFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_HEADER)?;
                Sink::Csv(Box::new(w))
            }
            SegmentFormat::Jsonl => Sink::Jsonl(out),
        })
    }

    fn write(&mut self, row: &Row) -> anyhow::Result<()> {
        match self {
            Sink::Csv(w) => w.write_record([
                row.doc_id,
                &row.seg_id.to_string(),
                &row.start.to_string(),
                &row.end.to_string(),
                row.kind,
                row.lang,
                &format!("{:.3}", row.confidence),
                row.text,
            ])?,
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Jsonl(mut out) => out.flush()?,
        }
        Ok(())
    }
}
