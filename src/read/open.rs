//! Opening inputs: files, `.gz` files (by name or by magic bytes) and stdin, as buffered readers.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use super::{input_name, ReadError};

/// A buffered byte stream that can move to a reader thread.
pub(crate) type Input = Box<dyn BufRead + Send>;

/// True when the path names a gzip file (`.gz`).
pub(crate) fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Opens a file (or stdin for `-`), decompressing gzip when the name ends in `.gz` or the
/// content starts with the gzip magic bytes.
pub(crate) fn open(path: &Path) -> io::Result<Input> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut buffered = BufReader::with_capacity(1 << 16, raw);
    let magic = buffered.fill_buf()?;
    if magic.starts_with(&[0x1f, 0x8b]) || (is_gz(path) && magic.is_empty()) {
        let gz = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(1 << 16, gz)))
    } else {
        Ok(Box::new(buffered))
    }
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
