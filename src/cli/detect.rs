//! `talign detect`: the language of every segment (or line) of the inputs, as CSV.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use talign::doc::Lang;
use talign::eval::langid::format_spans;
use talign::lang::{identify, identify_lines, parse_lang_list, Detector};
use talign::read::{inputs_or_stdin, read_document};
use talign::segment::{segment, segment_lines};

use super::Outcome;

/// Identify the language of each segment: CSV `lang,confidence,text`, one row per segment.
#[derive(Args, Debug)]
pub struct DetectArgs {
    /// Input files (UTF-8 text); `-` or nothing reads standard input.
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
}

/// A parsed `--langs` value (a newtype so clap takes the whole list as one value).
#[derive(Debug, Clone)]
pub struct LangList(pub Vec<Lang>);

/// Parses a `--langs` value.
pub fn parse_langs(s: &str) -> Result<LangList, String> {
    parse_lang_list(s).map(LangList).map_err(|e| e.to_string())
}

/// Runs `talign detect`.
pub fn run(args: DetectArgs) -> anyhow::Result<Outcome> {
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = csv::Writer::from_writer(BufWriter::new(sink));
    if args.spans {
        out.write_record(["lang", "confidence", "text", "spans"])?;
    } else {
        out.write_record(["lang", "confidence", "text"])?;
    }
    let mut rejected = false;
    for path in inputs_or_stdin(&args.inputs) {
        let doc = match read_document(&path) {
            Ok(doc) => doc,
            Err(err) => {
                let _ = writeln!(io::stderr(), "talign: rejected: {err}");
                rejected = true;
                continue;
            }
        };
        let segs = if args.lines {
            let mut segs = segment_lines(&doc.text);
            identify_lines(&doc.text, &mut segs, &detector);
            segs
        } else {
            let mut segs = segment(&doc);
            identify(&doc.text, &mut segs, &detector);
            segs
        };
        for seg in &segs {
            let conf = format!("{:.3}", seg.confidence);
            let text = seg.text(&doc.text);
            if args.spans {
                let spans = format_spans(&detector.detect_spans(text));
                out.write_record([seg.lang.as_str(), conf.as_str(), text, spans.as_str()])?;
            } else {
                out.write_record([seg.lang.as_str(), conf.as_str(), text])?;
            }
        }
    }
    out.flush()?;
    Ok(if rejected {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}
