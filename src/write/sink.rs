//! Where rows go: stdout, or files written under a temporary name and renamed when complete.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{
    CsvWriter, Format, IdsWriter, JsonlWriter, LinksWriter, MosesWriter, PairRow, PairWriter,
    TmxWriter, TsvWriter, WriteError, WriteOptions,
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
pub struct Sink {
    writer: Box<dyn PairWriter>,
    files: Vec<(NamedTempFile, PathBuf)>,
}

impl Sink {
    /// Writes one row.
    pub fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
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

/// Opens the writer for `opts.format` on `target`.
pub fn open_sink(target: &Target, opts: &WriteOptions) -> Result<Sink, WriteError> {
    let mut files = Vec::new();
    let mut open = |path: &Path| -> Result<Out, WriteError> {
        if is_special(path) {
            return Ok(buffered(Box::new(File::create(path)?)));
        }
        let (tmp, file) = temp_beside(path)?;
        files.push((tmp, path.to_path_buf()));
        Ok(buffered(Box::new(file)))
    };
    let writer: Box<dyn PairWriter> = match (opts.format, target) {
        (Format::Moses, Target::Stdout) => {
            return Err(WriteError::Unsupported(
                "moses writes two files: give -o PREFIX (writes PREFIX.<src> and PREFIX.<tgt>)"
                    .to_string(),
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
            let src = open(&name(suffix(opts.src_lang, "src")))?;
            let tgt = open(&name(suffix(opts.tgt_lang, "tgt")))?;
            Box::new(MosesWriter::new(src, tgt))
        }
        (format, target) => {
            let out = match target {
                Target::Stdout => buffered(Box::new(io::stdout())),
                Target::File(p) => open(p)?,
            };
            match format {
                Format::Csv => Box::new(CsvWriter::with_columns(out, opts.bom, opts.columns)?),
                Format::Tsv => Box::new(TsvWriter::with_columns(out, opts.columns)?),
                Format::Jsonl => Box::new(JsonlWriter::new(out)),
                Format::Tmx => Box::new(TmxWriter::new(out)?),
                Format::Ids => Box::new(IdsWriter::new(out)),
                Format::Links | Format::Moses => Box::new(LinksWriter::new(out)),
            }
        }
    };
    Ok(Sink { writer, files })
}
