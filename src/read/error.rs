//! Why an input, or a record in it, could not be read.

use std::fmt;
use std::io;

use serde::Serialize;

/// Why an input (or one record of it) could not be turned into a document.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read (missing, unreadable, corrupt `.gz`).
    Io {
        /// The input's name (`-` for stdin).
        path: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    InvalidUtf8 {
        /// The input's name.
        path: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        byte: usize,
    },
    /// The input holds NUL bytes, so it is binary, not text.
    Binary {
        /// The input's name.
        path: String,
        /// 1-based line of the first NUL.
        line: usize,
        /// 0-based byte offset of the first NUL.
        byte: usize,
    },
    /// The input holds no text at all.
    Empty {
        /// The input's name.
        path: String,
    },
    /// A document or line is longer than the limit; it was skipped without being held in memory.
    TooLarge {
        /// The input's name.
        path: String,
        /// 1-based line where it starts (1 for a whole file).
        line: usize,
        /// Its length in bytes (at least `limit + 1`).
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A record is not what its format requires (not JSON, a missing field, a bad CSV row).
    BadRecord {
        /// The input's name.
        path: String,
        /// 1-based line of the record.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// One side of a pair of parallel documents has no partner (or its partner was rejected).
    MissingPair {
        /// The input's name.
        path: String,
        /// What is missing.
        reason: String,
    },
}

impl ReadError {
    /// The input the error is about.
    pub fn path(&self) -> &str {
        match self {
            ReadError::Io { path, .. }
            | ReadError::InvalidUtf8 { path, .. }
            | ReadError::Binary { path, .. }
            | ReadError::Empty { path }
            | ReadError::TooLarge { path, .. }
            | ReadError::BadRecord { path, .. }
            | ReadError::MissingPair { path, .. } => path,
        }
    }

    /// The 1-based line the error is about, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::InvalidUtf8 { line, .. }
            | ReadError::Binary { line, .. }
            | ReadError::TooLarge { line, .. }
            | ReadError::BadRecord { line, .. } => Some(*line),
            ReadError::Io { .. } | ReadError::Empty { .. } | ReadError::MissingPair { .. } => None,
        }
    }

    /// The reason alone, without the input's name and line.
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io { source, .. } => format!("cannot read: {source}"),
            ReadError::InvalidUtf8 { byte, .. } => {
                format!("invalid UTF-8 at byte {byte} (talign reads UTF-8 text only)")
            }
            ReadError::Binary { byte, .. } => {
                format!("binary data (NUL byte at byte {byte}), not text")
            }
            ReadError::Empty { .. } => "empty input: no text".to_string(),
            ReadError::TooLarge { bytes, limit, .. } => {
                format!("too large: {bytes} bytes or more, over the limit of {limit} bytes")
            }
            ReadError::BadRecord { reason, .. } | ReadError::MissingPair { reason, .. } => {
                reason.clone()
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line() {
            Some(line) => write!(f, "{}:{}: {}", self.path(), line, self.reason()),
            None => write!(f, "{}: {}", self.path(), self.reason()),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A document (or an input standing for one) that was not processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reject {
    /// The input's name.
    pub input: String,
    /// The 1-based line, when the reason is about one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Why it was not processed.
    pub reason: String,
}

impl Reject {
    /// A reject for an input at an optional line.
    pub fn new(input: impl Into<String>, line: Option<usize>, reason: impl Into<String>) -> Self {
        Reject {
            input: input.into(),
            line,
            reason: reason.into(),
        }
    }
}

impl From<ReadError> for Reject {
    fn from(err: ReadError) -> Self {
        Reject::new(err.path(), err.line(), err.reason())
    }
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.input, line, self.reason),
            None => write!(f, "{}: {}", self.input, self.reason),
        }
    }
}
