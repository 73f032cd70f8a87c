//! Where rows go: stdout, or files written under a temporary name and renamed when complete.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{
    CsvWriter, Format, HtmlWriter, IdsWriter, JsonlWriter, LinksWriter, MosesWriter, PairRow,
    RowWriter, SegmentFormat, SegmentRow, SegmentWriter, SplitJsonlWriter, TmxWriter, TsvWriter,
    VecalignWriter, WriteError, WriteOptions,
};

/// Where the output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file (for Moses: a prefix, `PREFIX.<src>` and `PREFIX.<tgt>`).
    File(PathBuf),
}

impl Target {
    /// `-` or nothing is stdout; anything else a file.
    pub fn from_arg(arg: Option<&Path>) -> Target {
        match arg {
            None => Target::Stdout,
            Some(p) if p == Path::new("-") => Target::Stdout,
            Some(p) => Target::File(p.to_path_buf()),
        }
    }
}

/// A writer for one format plus the temporary files it fills, renamed into place by
/// [`Sink::finish`]; dropping a sink without finishing deletes the temporary files.
pub struct Sink<R = PairRow> {
    writer: Box<dyn RowWriter<R>>,
    files: Vec<(NamedTempFile, PathBuf)>,
}

impl<R> Sink<R> {
    /// Writes one row.
    pub fn write_row(&mut self, row: &R) -> Result<(), WriteError> {
        self.writer.write_row(row)
    }

    /// Finishes the format, flushes, and renames every temporary file to its final name.
    pub fn finish(mut self) -> Result<(), WriteError> {
        self.writer.finish()?;
        drop(self.writer);
        for (tmp, path) in self.files {
            tmp.as_file().sync_all()?;
            tmp.persist(&path).map_err(|e| WriteError::Io(e.error))?;
        }
        Ok(())
    }
}

type Out = BufWriter<Box<dyn Write + Send>>;

fn buffered(w: Box<dyn Write + Send>) -> Out {
    BufWriter::with_capacity(1 << 16, w)
}

/// True when `path` exists and is not a regular file (`/dev/null`, a FIFO, `/dev/stdout`): such
/// a target is written in place, never replaced by a rename.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file())
}

/// A temporary file beside `path` (same folder, so the final rename is atomic).
fn temp_beside(path: &Path) -> Result<(NamedTempFile, File), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".talign-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An ordinary output file, not the temporary file's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let tmp = builder.tempfile_in(dir)?;
    let file = tmp.as_file().try_clone()?;
    Ok((tmp, file))
}

/// Output files opened under temporary names, to be renamed into place when complete.
#[derive(Default)]
struct Staged {
    files: Vec<(NamedTempFile, PathBuf)>,
}

impl Staged {
    /// A buffered writer for `path`: a temporary file beside it, or the path itself when it is
    /// a device or a FIFO.
    fn open(&mut self, path: &Path) -> Result<Out, WriteError> {
        if is_special(path) {
            return Ok(buffered(Box::new(File::create(path)?)));
        }
        let (tmp, file) = temp_beside(path)?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(buffered(Box::new(file)))
    }

    /// A buffered writer for a one-file target.
    fn open_target(&mut self, target: &Target) -> Result<Out, WriteError> {
        match target {
            Target::Stdout => Ok(buffered(Box::new(io::stdout()))),
            Target::File(p) => self.open(p),
        }
    }

    fn sink<R>(self, writer: Box<dyn RowWriter<R>>) -> Sink<R> {
        Sink {
            writer,
            files: self.files,
        }
    }
}

/// Opens the writer for `opts.format` on `target`.
pub fn open_sink(target: &Target, opts: &WriteOptions) -> Result<Sink, WriteError> {
    let mut staged = Staged::default();
    let writer: Box<dyn RowWriter<PairRow>> = match (opts.format, target) {
        (Format::Moses, Target::Stdout) => {
            return Err(WriteError::Unsupported(
                "moses writes two files: give -o PREFIX (writes PREFIX.<src> and PREFIX.<tgt>)"
                    .to_string(),
            ))
        }
        (_, Target::Stdout) if opts.split_by_pair => {
            return Err(WriteError::Unsupported(
                "--split-by-pair writes one file per language pair: give -o DIR".to_string(),
            ))
        }
        (Format::Jsonl, Target::File(dir)) if opts.split_by_pair => {
            Box::new(SplitJsonlWriter::new(dir)?)
        }
        (_, Target::File(_)) if opts.split_by_pair => {
            return Err(WriteError::Unsupported(
                "--split-by-pair is for --format jsonl".to_string(),
            ))
        }
        (Format::Moses, Target::File(prefix)) => {
            let suffix = |l: Option<crate::doc::Lang>, d: &str| {
                l.map_or_else(|| d.to_string(), |l| l.to_string())
            };
            let name = |s: String| {
                let mut p = prefix.clone().into_os_string();
                p.push(".");
                p.push(s);
                PathBuf::from(p)
            };
            let src = staged.open(&name(suffix(opts.src_lang, "src")))?;
            let tgt = staged.open(&name(suffix(opts.tgt_lang, "tgt")))?;
            Box::new(MosesWriter::new(src, tgt))
        }
        (format, target) => {
            let out = staged.open_target(target)?;
            match format {
                Format::Csv => Box::new(CsvWriter::with_columns(out, opts.bom, opts.columns)?),
                Format::Tsv => Box::new(TsvWriter::with_columns(out, opts.columns)?),
                Format::Jsonl => Box::new(JsonlWriter::new(out)),
                Format::Tmx => Box::new(TmxWriter::new(out)?),
                Format::Ids => Box::new(IdsWriter::new(out)),
                Format::Links | Format::Moses => {
                    Box::new(LinksWriter::new(out).with_doc_headers(opts.doc_headers))
                }
                Format::Vecalign => Box::new(VecalignWriter::new(out)),
                Format::Html => Box::new(HtmlWriter::new(out)?),
            }
        }
    };
    Ok(staged.sink(writer))
}

/// Opens a segment-row writer in `format` on `target` (CSV: a byte-order mark first when `bom`).
pub fn open_segment_sink(
    target: &Target,
    format: SegmentFormat,
    bom: bool,
) -> Result<Sink<SegmentRow>, WriteError> {
    let mut staged = Staged::default();
    let out = staged.open_target(target)?;
    let writer = SegmentWriter::new(out, format, bom)?;
    Ok(staged.sink(Box::new(writer)))
}
