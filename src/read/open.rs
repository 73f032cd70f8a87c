//! Opening inputs: files and stdin as buffered readers, decompressed when compressed (gzip, xz,
//! bzip2, zstd: by magic bytes, or by name for an empty file), and the layout of an input whose
//! name says nothing, sniffed from its first bytes.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{input_name, InputFormat, ReadError};

/// A buffered byte stream that can move to a reader thread.
pub(crate) type Input = Box<dyn BufRead + Send>;

/// The compressions talign reads, each with its file suffix and magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    Gzip,
    Xz,
    Bzip2,
    Zstd,
}

const COMPRESSIONS: [(Compression, &str, &[u8]); 4] = [
    (Compression::Gzip, "gz", &[0x1f, 0x8b]),
    (Compression::Xz, "xz", &[0xfd, b'7', b'z', b'X', b'Z', 0x00]),
    (Compression::Bzip2, "bz2", b"BZh"),
    (Compression::Zstd, "zst", &[0x28, 0xb5, 0x2f, 0xfd]),
];

/// The compression a path's name ends in (`.gz`, `.xz`, `.bz2`, `.zst`, any case).
fn compression_of_name(path: &Path) -> Option<Compression> {
    let ext = path.extension()?.to_str()?;
    COMPRESSIONS
        .iter()
        .find(|(_, suffix, _)| ext.eq_ignore_ascii_case(suffix))
        .map(|(c, _, _)| *c)
}

/// A file name without its compression suffix: `corpus.jsonl.xz` → `corpus.jsonl`.
pub(crate) fn strip_compression(name: &str) -> &str {
    for (_, suffix, _) in COMPRESSIONS {
        let cut = name.len().saturating_sub(suffix.len() + 1);
        if let (Some(stem), Some(tail)) = (name.get(..cut), name.get(cut..)) {
            if tail.len() == suffix.len() + 1
                && tail.starts_with('.')
                && tail[1..].eq_ignore_ascii_case(suffix)
            {
                return stem;
            }
        }
    }
    name
}

/// Wraps `raw` in the decoder its first bytes call for (the name decides only for empty input,
/// so a truncated `.xz` is reported as corrupt rather than read as text).
fn decompressed(raw: Box<dyn Read + Send>, path: &Path) -> io::Result<Input> {
    let mut buffered = BufReader::with_capacity(1 << 16, raw);
    let magic = buffered.fill_buf()?;
    let by_magic = COMPRESSIONS
        .iter()
        .find(|(_, _, m)| magic.starts_with(m))
        .map(|(c, _, _)| *c);
    let chosen = by_magic.or_else(|| compression_of_name(path).filter(|_| magic.is_empty()));
    let decoder: Box<dyn Read + Send> = match chosen {
        None => return Ok(Box::new(buffered)),
        Some(Compression::Gzip) => Box::new(flate2::bufread::MultiGzDecoder::new(buffered)),
        Some(Compression::Xz) => Box::new(liblzma::bufread::XzDecoder::new_multi_decoder(buffered)),
        Some(Compression::Bzip2) => Box::new(bzip2::bufread::MultiBzDecoder::new(buffered)),
        Some(Compression::Zstd) => Box::new(zstd::stream::read::Decoder::with_buffer(buffered)?),
    };
    Ok(Box::new(BufReader::with_capacity(1 << 16, decoder)))
}

/// Bytes already taken from stdin to sniff its layout, given back to the reader that opens
/// stdin next (stdin can be read only once).
static STDIN_REPLAY: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Reads stdin, first replaying what sniffing took from it.
struct Stdin;

impl Read for Stdin {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        {
            let mut replay = STDIN_REPLAY.lock().unwrap_or_else(|e| e.into_inner());
            if !replay.is_empty() {
                let n = buf.len().min(replay.len());
                buf[..n].copy_from_slice(&replay[..n]);
                replay.drain(..n);
                return Ok(n);
            }
        }
        io::stdin().read(buf)
    }
}

/// Named pipes (and other files that can be read only once) already opened for sniffing, each
/// with the bytes sniffing took, kept open for the reader: closing a pipe after sniffing would
/// lose those bytes and end the writer with a broken pipe.
static SNIFFED_OPEN: Mutex<BTreeMap<PathBuf, (Vec<u8>, File)>> = Mutex::new(BTreeMap::new());

/// Whether an input can be read only once: stdin, a named pipe, a character device.
fn read_once(path: &Path) -> bool {
    path == Path::new("-") || std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Opens a file (or stdin for `-`), decompressing gzip, xz, bzip2 and zstd.
pub(crate) fn open(path: &Path) -> io::Result<Input> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(Stdin)
    } else {
        let sniffed = SNIFFED_OPEN
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(path);
        match sniffed {
            Some((seen, file)) => Box::new(io::Cursor::new(seen).chain(file)),
            None => Box::new(File::open(path)?),
        }
    };
    decompressed(raw, path)
}

/// Reads a whole input, refusing (without holding it) one longer than `limit` bytes.
pub(crate) fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let name = input_name(path);
    let io_err = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let input = open(path).map_err(io_err)?;
    let mut buf = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    input.take(cap).read_to_end(&mut buf).map_err(io_err)?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge {
            path: name,
            line: 1,
            bytes: buf.len(),
            limit,
        });
    }
    Ok(buf)
}

/// How much decompressed text sniffing looks at.
const SNIFF_BYTES: u64 = 64 << 10;

/// Records every byte read through it, so stdin's sniffed bytes can be replayed.
struct Recording<R> {
    inner: R,
    seen: Vec<u8>,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Reads through a shared recorder (sniffing and reading may run on different threads).
struct Shared<R>(Arc<Mutex<Recording<R>>>);

impl<R: Read> Read for Shared<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).read(buf)
    }
}

/// The first decompressed bytes of `raw`, and the raw bytes taken to get them.
/// The recorder comes back only when the decoder that shared it is gone, which it always is.
type Sniffed<R> = (io::Result<Vec<u8>>, Option<Recording<R>>);

/// The first decompressed bytes of `raw`, and the recorder holding the raw bytes taken.
fn sniff_recorded<R: Read + Send + 'static>(raw: R, path: &Path) -> Sniffed<R> {
    let recording = Arc::new(Mutex::new(Recording {
        inner: raw,
        seen: Vec::new(),
    }));
    let mut head = Vec::new();
    let result = decompressed(Box::new(Shared(recording.clone())), path)
        .and_then(|r| r.take(SNIFF_BYTES).read_to_end(&mut head))
        .map(|_| head);
    // the decoder (and its clone of the recorder) is gone: the recorder is ours again
    let recording = Arc::try_unwrap(recording)
        .ok()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()));
    (result, recording)
}

/// The first decompressed bytes of an input; for an input that can be read only once (stdin,
/// a named pipe) the raw bytes taken are kept for the reader, and a pipe is kept open. `None`
/// when it cannot be read (the reader reports that later).
fn first_bytes(path: &Path) -> Option<Vec<u8>> {
    if path == Path::new("-") {
        let (result, recording) = sniff_recorded(Stdin, path);
        let seen = recording.map(|r| r.seen).unwrap_or_default();
        let mut replay = STDIN_REPLAY.lock().unwrap_or_else(|e| e.into_inner());
        let rest = std::mem::replace(&mut *replay, seen);
        replay.extend(rest);
        return result.ok();
    }
    if read_once(path) {
        let file = File::open(path).ok()?;
        let (result, recording) = sniff_recorded(file, path);
        if let Some(r) = recording {
            SNIFFED_OPEN
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path.to_path_buf(), (r.seen, r.inner));
        }
        return result.ok();
    }
    let mut head = Vec::new();
    open(path)
        .and_then(|r| r.take(SNIFF_BYTES).read_to_end(&mut head))
        .ok()?;
    Some(head)
}

/// The layout of an input whose name says nothing (stdin, no or an unknown extension), from its
/// first bytes: JSONL when the first line is a JSON object, CSV or TSV when the first line is a
/// header naming `text_column` (comma- or tab-separated), HTML when it starts like a page, else
/// `None` (text). An input that can be read only once is sniffed once and the answer kept.
pub(crate) fn sniff(path: &Path, text_column: &str) -> Option<InputFormat> {
    static ONCE: Mutex<BTreeMap<PathBuf, Option<InputFormat>>> = Mutex::new(BTreeMap::new());
    if read_once(path) {
        let mut known = ONCE.lock().unwrap_or_else(|e| e.into_inner());
        return *known
            .entry(path.to_path_buf())
            .or_insert_with(|| sniff_bytes(&first_bytes(path)?, text_column));
    }
    sniff_bytes(&first_bytes(path)?, text_column)
}

/// [`sniff`] on the first bytes of an input.
pub(crate) fn sniff_bytes(head: &[u8], text_column: &str) -> Option<InputFormat> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let body = &head[start..];
    let line_end = memchr::memchr(b'\n', body);
    let first = &body[..line_end.unwrap_or(body.len())];
    if first.starts_with(b"{") {
        // a whole first line must parse as an object; a line longer than the window is taken
        // on its opening `{"`
        let whole = line_end.is_some() || (body.len() as u64) < SNIFF_BYTES;
        let is_object =
            || serde_json::from_slice::<serde_json::Value>(first).is_ok_and(|v| v.is_object());
        if (whole && is_object()) || (!whole && first.starts_with(b"{\"")) {
            return Some(InputFormat::Jsonl);
        }
        return None;
    }
    let lower: Vec<u8> = first.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Some(InputFormat::Html);
    }
    let line = std::str::from_utf8(first).ok()?.trim_end_matches('\r');
    for (sep, format) in [('\t', InputFormat::Tsv), (',', InputFormat::Csv)] {
        if is_header(line, sep, text_column) {
            return Some(format);
        }
    }
    None
}

/// True for a header line: two or more short, name-like fields (letters, digits, `_ - .` and
/// spaces, optionally in double quotes), one of them `text_column`.
fn is_header(line: &str, sep: char, text_column: &str) -> bool {
    let fields: Vec<&str> = line
        .split(sep)
        .map(|f| f.trim().trim_matches('"'))
        .collect();
    let name_like = |f: &&str| {
        !f.is_empty()
            && f.len() <= 64
            && f.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
    };
    fields.len() >= 2 && fields.iter().all(name_like) && fields.contains(&text_column)
}

/// Reads everything `open` gives (for small whole inputs: lexicons, manifests, single sides).
pub(crate) fn read_all(path: &Path) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    open(path)?.read_to_end(&mut buf)?;
    Ok(buf)
}

/// Opens in-memory bytes as an input named `name`.
#[cfg(test)]
fn open_bytes(bytes: Vec<u8>, name: &str) -> io::Result<Input> {
    decompressed(Box::new(io::Cursor::new(bytes)), Path::new(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(input: io::Result<Input>) -> String {
        let mut s = String::new();
        input
            .and_then(|mut r| r.read_to_string(&mut s))
            .unwrap_or_else(|e| panic!("{e}"));
        s
    }

    const TEXT: &str = "{\"id\": \"a.en\", \"text\": \"Hello.\"}\n";

    #[test]
    fn gzip_xz_bzip2_and_zstd_are_decompressed_by_their_magic_bytes() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let mut xz = liblzma::write::XzEncoder::new(Vec::new(), 6);
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
        for w in [&mut gz as &mut dyn Write, &mut xz, &mut bz] {
            w.write_all(TEXT.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let zst = zstd::encode_all(TEXT.as_bytes(), 3).unwrap_or_else(|e| panic!("{e}"));
        let packed = [
            gz.finish().unwrap_or_default(),
            xz.finish().unwrap_or_default(),
            bz.finish().unwrap_or_default(),
            zst,
        ];
        for bytes in packed {
            // the name says nothing: the content decides
            assert_eq!(read(open_bytes(bytes, "corpus")), TEXT);
        }
        assert_eq!(
            read(open_bytes(TEXT.as_bytes().to_vec(), "plain.jsonl")),
            TEXT
        );
    }

    #[test]
    fn concatenated_streams_are_read_to_the_end() {
        let part = || {
            let mut xz = liblzma::write::XzEncoder::new(Vec::new(), 1);
            xz.write_all(TEXT.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
            xz.finish().unwrap_or_default()
        };
        let twice = [part(), part()].concat();
        assert_eq!(read(open_bytes(twice, "c.xz")), TEXT.repeat(2));
    }

    #[test]
    fn a_corrupt_compressed_input_is_an_error_not_text() {
        let mut bad = COMPRESSIONS[1].2.to_vec();
        bad.extend_from_slice(b"not really xz");
        assert!(open_bytes(bad, "c.xz")
            .and_then(|mut r| r.read_to_end(&mut Vec::new()))
            .is_err());
    }

    #[test]
    fn compression_suffixes_are_looked_through_in_names() {
        assert_eq!(strip_compression("c.jsonl.xz"), "c.jsonl");
        assert_eq!(strip_compression("c.tsv.BZ2"), "c.tsv");
        assert_eq!(strip_compression("c.txt.zst"), "c.txt");
        assert_eq!(strip_compression("c.jsonl"), "c.jsonl");
        assert_eq!(strip_compression("xz"), "xz");
        assert_eq!(
            compression_of_name(Path::new("a.en.GZ")),
            Some(Compression::Gzip)
        );
    }

    #[test]
    fn sniffing_tells_jsonl_csv_tsv_and_html_from_text() {
        let s = |t: &str| sniff_bytes(t.as_bytes(), "text");
        assert_eq!(
            s("\u{feff}\n{\"id\": 1, \"text\": \"x\"}\n"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(s("id,text,lang\n1,hello,en\n"), Some(InputFormat::Csv));
        assert_eq!(s("\"id\",\"text\"\r\n1,hello\r\n"), Some(InputFormat::Csv));
        assert_eq!(s("id\ttext\n1\thello\n"), Some(InputFormat::Tsv));
        assert_eq!(s("<!DOCTYPE html><html>…"), Some(InputFormat::Html));
        // prose is text, even with commas, braces or the word text in it
        assert_eq!(s("Hello, world, this is text.\n"), None);
        assert_eq!(s("{not json} said the text\n"), None);
        assert_eq!(s("title,body\nA,B\n"), None, "no text column: not our CSV");
        assert_eq!(s(""), None);
        // a custom text column
        assert_eq!(
            sniff_bytes(b"id,body\n1,x\n", "body"),
            Some(InputFormat::Csv)
        );
    }
}
