//! Input: files and stdin become [`Document`]s, with a precise reason for everything unreadable.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::doc::Document;

/// Why an input could not be turned into a document.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input's name (`-` for stdin).
        path: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}:{line}: invalid UTF-8 at byte {byte} (talign reads UTF-8 text only)")]
    InvalidUtf8 {
        /// The input's name.
        path: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        byte: usize,
    },
    /// The input holds NUL bytes, so it is binary, not text.
    #[error("{path}:{line}: binary data (NUL byte at byte {byte}), not text")]
    Binary {
        /// The input's name.
        path: String,
        /// 1-based line of the first NUL.
        line: usize,
        /// 0-based byte offset of the first NUL.
        byte: usize,
    },
}

impl ReadError {
    /// The input the error is about.
    pub fn path(&self) -> &str {
        match self {
            ReadError::Io { path, .. }
            | ReadError::InvalidUtf8 { path, .. }
            | ReadError::Binary { path, .. } => path,
        }
    }
}

/// Names an input for messages and document ids: `-` is stdin.
pub fn input_name(path: &Path) -> String {
    if path == Path::new("-") {
        "-".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a whole input (a file, or stdin for `-`) as raw bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let name = input_name(path);
    let result = if name == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        fs::read(path)
    };
    result.map_err(|source| ReadError::Io { path: name, source })
}

/// Checks that bytes are UTF-8 text (no NUL) and returns them as a string; a leading BOM is dropped.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(at) = memchr_nul(&bytes) {
        return Err(ReadError::Binary {
            path: name.to_string(),
            line: line_of(&bytes, at),
            byte: at,
        });
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            Err(ReadError::InvalidUtf8 {
                path: name.to_string(),
                line: line_of(&bytes, at),
                byte: at,
            })
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Reads one text input as a document whose id is the input's name.
pub fn read_document(path: &Path) -> Result<Document, ReadError> {
    let name = input_name(path);
    let text = decode_text(&name, read_bytes(path)?)?;
    Ok(Document::new(name, text))
}

/// The paths to read: `-` alone when none are given.
pub fn inputs_or_stdin(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let err = decode_text("x.txt", b"ok\nbad \xff here".to_vec());
        match err {
            Err(ReadError::InvalidUtf8 { line, byte, .. }) => {
                assert_eq!(line, 2);
                assert_eq!(byte, 7);
            }
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }

    #[test]
    fn nul_is_binary() {
        assert!(matches!(
            decode_text("b", b"ab\0c".to_vec()),
            Err(ReadError::Binary { byte: 2, .. })
        ));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(
            decode_text("b", "\u{feff}hi".as_bytes().to_vec()).ok(),
            Some("hi".to_string())
        );
    }
}
