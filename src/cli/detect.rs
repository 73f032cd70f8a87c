//! `talign detect`: the language of every segment (or line) of the inputs, as CSV.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use talign::doc::Lang;
use talign::eval::langid::format_spans;
use talign::lang::{identify, identify_lines, parse_lang_list, Detector};
use talign::read::{inputs_or_stdin, work_items, WorkItem};
use talign::segment::{segment, segment_lines};
use talign::write::{csv_safe, StagedFile};

use super::corpus::ReadArgs;
use super::log::{secs, verbose, Log};
use super::safety::{check_outputs, TempGuard};
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
    /// A line that is not UTF-8 is kept with U+FFFD for its bad bytes and named on stderr.
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

/// Runs `talign detect`: every document of the inputs, read by the corpus readers, cut into
/// segments (or lines) with their language. Like the other commands: an empty input is rejected, 1 when some inputs
/// were rejected, 2 (and nothing written) when every one was; `-o` is written under a temporary
/// name and renamed when complete.
pub fn run(args: DetectArgs, log: &Log) -> anyhow::Result<Outcome> {
    let detector = Detector::new(args.langs.as_ref().map(|l| l.0.as_slice()));
    verbose!(
        log,
        "languages allowed: {}",
        args.langs
            .as_ref()
            .map_or("all".to_string(), |l| l.to_string())
    );
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
    let mut header = vec!["doc_id", "line", "lang", "confidence", "text"];
    if args.spans {
        header.push("spans");
    }
    out.write_record(&header)?;
    let (mut processed, mut rejected) = (0usize, 0usize);
    for item in work_items(&inputs, None, &args.read.options(false, args.lines)) {
        let doc = match item {
            Ok(WorkItem::Single(doc)) => {
                super::corpus::report_repaired(&doc.meta.repaired);
                doc.doc
            }
            Ok(WorkItem::Pair { .. }) => continue, // not produced without pairing by name
            Err(reject) => {
                let _ = writeln!(io::stderr(), "talign: rejected: {reject}");
                rejected += 1;
                continue;
            }
        };
        processed += 1;
        let segs = if args.lines {
            let mut segs = segment_lines(&doc.text);
            identify_lines(&doc.text, &mut segs, &detector);
            segs
        } else {
            let mut segs = segment(&doc);
            identify(&doc.text, &mut segs, &detector);
            segs
        };
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
            let cell = if args.csv_safe {
                csv_safe(text)
            } else {
                text.into()
            };
            let mut row = vec![doc.id.as_str(), &line, seg.lang.as_str(), &conf, &cell];
            let spans;
            if args.spans {
                spans = format_spans(&detector.detect_spans(text));
                row.push(&spans);
            }
            out.write_record(&row)?;
        }
    }
    if processed == 0 {
        // nothing read: the staged output is dropped, an earlier file stays as it was
        anyhow::bail!("no usable input: all {rejected} inputs were rejected; nothing written");
    }
    out.flush()?;
    verbose!(
        log,
        "{processed} documents, {rejected} rejected, in {}",
        secs(log.elapsed())
    );
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
