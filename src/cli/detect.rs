//! `talign detect`: the language of every segment (or line) of the inputs, as CSV.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use talign::doc::Lang;
use talign::eval::langid::format_spans;
use talign::lang::{identify, parse_lang_list, Detector};
use talign::read::{inputs_or_stdin, read_document, ReadError};
use talign::segment::{segment, segment_lines};
use talign::write::{csv_safe, StagedFile};

use super::safety::{check_outputs, TempGuard};
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

    /// Write the CSV to this file (under a temporary name, renamed when complete) instead of
    /// standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Prefix `'` to texts starting with = + - @ (or a tab or CR), which spreadsheet programs
    /// would run as formulas; off by default, so that data stays exact.
    #[arg(long)]
    pub csv_safe: bool,
}

/// A parsed `--langs` value (a newtype so clap takes the whole list as one value).
#[derive(Debug, Clone)]
pub struct LangList(pub Vec<Lang>);

/// Parses a `--langs` value.
pub fn parse_langs(s: &str) -> Result<LangList, String> {
    parse_lang_list(s).map(LangList).map_err(|e| e.to_string())
}

/// Parses a one-language flag (`--src-lang`, `--query-lang` …) exactly as `--langs` checks
/// each of its codes: a known ISO 639-1 code of a supported language.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    match parse_lang_list(s).map_err(|e| e.to_string())?.as_slice() {
        [one] if !s.contains(',') => Ok(*one),
        _ => Err(format!("`{s}`: give one language code (e.g. en)")),
    }
}

/// Parses a threshold: a finite number (`NaN` and infinities would make every comparison fail).
pub fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("`{s}` is not a finite number")),
        Err(e) => Err(format!("`{s}`: {e}")),
    }
}

/// Runs `talign detect`. Like the other commands: an empty input is rejected, 1 when some inputs
/// were rejected, 2 (and nothing written) when every one was; `-o` is written under a temporary
/// name and renamed when complete.
pub fn run(args: DetectArgs) -> anyhow::Result<Outcome> {
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    let inputs = inputs_or_stdin(&args.inputs);
    let target = args
        .output
        .as_ref()
        .filter(|p| p.as_path() != Path::new("-"));
    if let Some(path) = target {
        let reads: Vec<(&str, PathBuf)> = inputs.iter().map(|p| ("input", p.clone())).collect();
        check_outputs(&[("output", path.clone())], &reads)?;
    }
    let staged = target.map(|p| StagedFile::create(p)).transpose()?;
    let _guard = TempGuard::new(
        staged
            .as_ref()
            .and_then(StagedFile::temp_path)
            .map(Path::to_path_buf)
            .into_iter()
            .collect(),
    );
    let sink = match staged {
        Some(file) => DetectOut::File(file),
        None => DetectOut::Stdout(BufWriter::new(io::stdout().lock())),
    };
    let mut out = csv::Writer::from_writer(sink);
    if args.spans {
        out.write_record(["lang", "confidence", "text", "spans"])?;
    } else {
        out.write_record(["lang", "confidence", "text"])?;
    }
    let (mut processed, mut rejected) = (0usize, 0usize);
    for path in inputs {
        let doc = match read_document(&path).and_then(|doc| {
            if doc.text.trim().is_empty() {
                Err(ReadError::Empty { path: doc.id })
            } else {
                Ok(doc)
            }
        }) {
            Ok(doc) => doc,
            Err(err) => {
                let _ = writeln!(io::stderr(), "talign: rejected: {err}");
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
        for seg in &segs {
            let conf = format!("{:.3}", seg.confidence);
            let text = seg.text(&doc.text);
            let cell = if args.csv_safe {
                csv_safe(text)
            } else {
                text.into()
            };
            if args.spans {
                let spans = format_spans(&detector.detect_spans(text));
                out.write_record([seg.lang.as_str(), conf.as_str(), &cell, spans.as_str()])?;
            } else {
                out.write_record([seg.lang.as_str(), conf.as_str(), &cell])?;
            }
        }
    }
    if processed == 0 {
        // nothing read: the staged output is dropped, an earlier file stays as it was
        anyhow::bail!("no usable input: all {rejected} inputs were rejected; nothing written");
    }
    out.flush()?;
    finish(out)?;
    Ok(if rejected > 0 {
        Outcome::SomeRejected
    } else {
        Outcome::Done
    })
}

/// Where `detect` writes: a staged `-o` file or stdout.
enum DetectOut<'a> {
    File(StagedFile),
    Stdout(BufWriter<io::StdoutLock<'a>>),
}

impl Write for DetectOut<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            DetectOut::File(f) => f.write(buf),
            DetectOut::Stdout(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            DetectOut::File(f) => f.flush(),
            DetectOut::Stdout(s) => s.flush(),
        }
    }
}

/// Renames a staged `-o` file into place (stdout needs nothing more than the flush).
fn finish(out: csv::Writer<DetectOut<'_>>) -> anyhow::Result<()> {
    let inner = out
        .into_inner()
        .map_err(|e| anyhow::Error::from(e.into_error()))?;
    if let DetectOut::File(file) = inner {
        file.commit()?;
    }
    Ok(())
}
