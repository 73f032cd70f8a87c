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
use crate::doc::Lang;

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

/// The two files of Moses output under `prefix`: `PREFIX.<src>` and `PREFIX.<tgt>`, or
/// `PREFIX.src` and `PREFIX.tgt` when a language is unknown or both sides have the same one
/// (two sides are never written to one name). The flag is true when that fallback was taken
/// although both languages were known.
pub fn moses_paths(
    prefix: &Path,
    src: Option<Lang>,
    tgt: Option<Lang>,
) -> (PathBuf, PathBuf, bool) {
    let name = |suffix: &str| {
        let mut p = prefix.as_os_str().to_os_string();
        p.push(".");
        p.push(suffix);
        PathBuf::from(p)
    };
    match (src, tgt) {
        (Some(s), Some(t)) if s != t => (name(s.as_str()), name(t.as_str()), false),
        (Some(_), Some(_)) => (name("src"), name("tgt"), true),
        (s, t) => (
            name(s.as_ref().map_or("src", Lang::as_str)),
            name(t.as_ref().map_or("tgt", Lang::as_str)),
            false,
        ),
    }
}

/// A file error named by the file's final path, with the operating system's reason alone
/// (`tempfile` adds the temporary path to its messages; users never asked for that file).
fn file_error(path: &Path) -> impl Fn(io::Error) -> WriteError + '_ {
    move |e| WriteError::File {
        path: path.display().to_string(),
        source: without_temp_path(e),
    }
}

/// `e` without the ` at path "…"` that `tempfile` appends to the operating system's message.
fn without_temp_path(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    let msg = e.to_string();
    match msg.find(" at path \"") {
        Some(cut) => io::Error::new(e.kind(), msg.get(..cut).unwrap_or(&msg).to_string()),
        None => e,
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

    /// Texts whose line breaks or tabs the format had to turn into spaces so far (Moses).
    pub fn flattened(&self) -> usize {
        self.writer.flattened()
    }

    /// The temporary files being written (for a caller that must remove them on a signal).
    pub fn temp_paths(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .map(|(tmp, _)| tmp.path().to_path_buf())
            .collect()
    }

    /// Finishes the format, flushes, and renames every temporary file to its final name.
    pub fn finish(mut self) -> Result<(), WriteError> {
        let first = self.files.first().map(|(_, p)| p.clone());
        let named = |e: WriteError| match (e, &first) {
            (WriteError::Io(e), Some(p)) => file_error(p)(e),
            (e, _) => e,
        };
        self.writer.finish().map_err(named)?;
        drop(self.writer);
        for (tmp, path) in self.files {
            tmp.as_file().sync_all().map_err(file_error(&path))?;
            tmp.persist(&path).map_err(|e| file_error(&path)(e.error))?;
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
    let tmp = builder.tempfile_in(dir).map_err(file_error(path))?;
    let file = tmp.as_file().try_clone().map_err(file_error(path))?;
    Ok((tmp, file))
}

/// One output file written under a temporary name beside its final path and renamed into place
/// by [`StagedFile::commit`]; dropped uncommitted, it leaves the final path as it was. A path that
/// is a device or a FIFO is written in place.
pub struct StagedFile {
    tmp: Option<NamedTempFile>,
    out: BufWriter<File>,
    path: PathBuf,
}

impl StagedFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> Result<StagedFile, WriteError> {
        let (tmp, file) = if is_special(path) {
            (None, File::create(path).map_err(file_error(path))?)
        } else {
            let (tmp, file) = temp_beside(path)?;
            (Some(tmp), file)
        };
        Ok(StagedFile {
            tmp,
            out: BufWriter::with_capacity(1 << 16, file),
            path: path.to_path_buf(),
        })
    }

    /// The temporary file being written, if any.
    pub fn temp_path(&self) -> Option<&Path> {
        self.tmp.as_ref().map(NamedTempFile::path)
    }

    /// Flushes and renames the file to its final name.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let named = file_error(&self.path);
        self.out.flush().map_err(&named)?;
        if let Some(tmp) = self.tmp.take() {
            tmp.as_file().sync_all().map_err(&named)?;
            tmp.persist(&self.path).map_err(|e| named(e.error))?;
        }
        Ok(())
    }
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
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
            let file = File::create(path).map_err(file_error(path))?;
            return Ok(buffered(Box::new(file)));
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
            let (src, tgt, _) = moses_paths(prefix, opts.src_lang, opts.tgt_lang);
            let src = staged.open(&src)?;
            let tgt = staged.open(&tgt)?;
            Box::new(MosesWriter::new(src, tgt))
        }
        (format, target) => {
            let out = staged.open_target(target)?;
            let safe = opts.csv_safe;
            match format {
                Format::Csv => {
                    Box::new(CsvWriter::with_columns(out, opts.bom, opts.columns)?.csv_safe(safe))
                }
                Format::Tsv => Box::new(TsvWriter::with_columns(out, opts.columns)?.csv_safe(safe)),
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

/// Opens a segment-row writer in `format` on `target` (CSV: a byte-order mark first when `bom`;
/// CSV/TSV: formula-like cells prefixed when `csv_safe`, see [`super::csv_safe`]).
pub fn open_segment_sink(
    target: &Target,
    format: SegmentFormat,
    bom: bool,
    csv_safe: bool,
) -> Result<Sink<SegmentRow>, WriteError> {
    let mut staged = Staged::default();
    let out = staged.open_target(target)?;
    let writer = SegmentWriter::new(out, format, bom)?.csv_safe(csv_safe);
    Ok(staged.sink(Box::new(writer)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moses_never_writes_two_sides_to_one_name() {
        let de = Lang::new("de");
        let fr = Lang::new("fr");
        let p = Path::new("out/same");
        let (s, t, fell_back) = moses_paths(p, de, de);
        assert_eq!(
            (s, t),
            (PathBuf::from("out/same.src"), PathBuf::from("out/same.tgt"))
        );
        assert!(
            fell_back,
            "the fallback is reported so the caller can say so"
        );
        let (s, t, fell_back) = moses_paths(p, de, fr);
        assert_eq!(
            (s, t),
            (PathBuf::from("out/same.de"), PathBuf::from("out/same.fr"))
        );
        assert!(!fell_back);
        let (s, t, _) = moses_paths(p, None, fr);
        assert_eq!(
            (s, t),
            (PathBuf::from("out/same.src"), PathBuf::from("out/same.fr"))
        );
    }

    #[test]
    fn a_failed_rename_names_the_final_path_once_and_never_the_temporary_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("no-such-folder").join("out.csv");
        let err = StagedFile::create(&missing).err().map(|e| {
            let chain = anyhow::Error::from(e);
            format!("{chain:#}")
        });
        let msg = err.unwrap_or_default();
        assert_eq!(msg.matches("out.csv").count(), 1, "{msg}");
        assert!(!msg.contains(".talign-"), "{msg}");
        assert_eq!(msg.matches("No such file").count(), 1, "{msg}");
    }

    #[test]
    fn an_uncommitted_staged_file_leaves_the_old_file_alone() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("keep.csv");
        std::fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        {
            let mut f = StagedFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
            f.write_all(b"new").unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "old");
        let mut f = StagedFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
        f.write_all(b"new").unwrap_or_else(|e| panic!("{e}"));
        f.commit().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    }
}
