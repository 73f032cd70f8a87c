//! Opening inputs: files and stdin as buffered readers, decompressed when compressed (gzip, xz,
//! bzip2, zstd: by magic bytes, or by name for an empty file), and the layout of an input whose
//! name says nothing, sniffed from its first bytes.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

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

/// Opens a file (or stdin for `-`), decompressing gzip, xz, bzip2 and zstd.
pub(crate) fn open(path: &Path) -> io::Result<Input> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(Stdin)
    } else {
        Box::new(File::open(path)?)
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

/// The first decompressed bytes of an input; for stdin, the raw bytes taken are kept for
/// replay. `None` when it cannot be read (the reader reports that later).
fn first_bytes(path: &Path) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    if path == Path::new("-") {
        // a Mutex, not a cell: sniffing and reading may run on different threads
        let recording = Recording {
            inner: Stdin,
            seen: Vec::new(),
        };
        let shared = std::sync::Arc::new(Mutex::new(recording));
        struct Shared(std::sync::Arc<Mutex<Recording<Stdin>>>);
        impl Read for Shared {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                self.0.lock().unwrap_or_else(|e| e.into_inner()).read(buf)
            }
        }
        let result = decompressed(Box::new(Shared(shared.clone())), path)
            .and_then(|r| r.take(SNIFF_BYTES).read_to_end(&mut head));
        let seen = std::mem::take(&mut shared.lock().unwrap_or_else(|e| e.into_inner()).seen);
        let mut replay = STDIN_REPLAY.lock().unwrap_or_else(|e| e.into_inner());
        let rest = std::mem::replace(&mut *replay, seen);
        replay.extend(rest);
        result.ok()?;
    } else {
        open(path)
            .and_then(|r| r.take(SNIFF_BYTES).read_to_end(&mut head))
            .ok()?;
    }
    Some(head)
}

/// The layout of an input whose name says nothing (stdin, no or an unknown extension), from its
/// first bytes: JSONL when the first line is a JSON object, CSV or TSV when the first line is a
/// header naming `text_column` (comma- or tab-separated), HTML when it starts like a page, else
/// `None` (text). Stdin is sniffed once and the answer kept.
pub(crate) fn sniff(path: &Path, text_column: &str) -> Option<InputFormat> {
    static STDIN: OnceLock<Option<InputFormat>> = OnceLock::new();
    if path == Path::new("-") {
        return *STDIN.get_or_init(|| sniff_bytes(&first_bytes(path)?, text_column));
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
