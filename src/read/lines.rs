//! Line-by-line reading with a length cap: a 100 MB line is skipped, never held in memory.

use std::io::{self, BufRead};

/// One line of input as the reader saw it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line within the limit, without its `\n` (a trailing `\r` is kept).
    Fits {
        /// 1-based line number.
        number: usize,
        /// Byte offset of its first byte in the input.
        offset: usize,
    },
    /// A line over the limit; its bytes were skipped.
    TooLong {
        /// 1-based line number.
        number: usize,
        /// How many bytes it had.
        bytes: usize,
    },
}

/// Reads lines of at most `max` bytes from a buffered input.
pub(crate) struct LineReader<R> {
    input: R,
    max: usize,
    number: usize,
    offset: usize,
}

impl<R: BufRead> LineReader<R> {
    /// Reads from `input`, refusing lines over `max` bytes.
    pub(crate) fn new(input: R, max: usize) -> Self {
        LineReader {
            input,
            max,
            number: 0,
            offset: 0,
        }
    }

    /// Reads the next line into `buf` (cleared first); `None` at the end of the input.
    pub(crate) fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
        buf.clear();
        let start = self.offset;
        let mut len = 0usize;
        let mut saw_any = false;
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            saw_any = true;
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let body = if done { take - 1 } else { take };
            if len + body <= self.max {
                buf.extend_from_slice(chunk.get(..body).unwrap_or_default());
            } else {
                buf.clear();
            }
            len += body;
            self.input.consume(take);
            self.offset += take;
            if done {
                break;
            }
        }
        if !saw_any {
            return Ok(None);
        }
        self.number += 1;
        if len > self.max {
            return Ok(Some(Line::TooLong {
                number: self.number,
                bytes: len,
            }));
        }
        Ok(Some(Line::Fits {
            number: self.number,
            offset: start,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_skipped_and_counted() {
        let data = b"short\nthis one is far too long\nok".to_vec();
        let mut r = LineReader::new(&data[..], 10);
        let mut buf = Vec::new();
        assert_eq!(
            r.next_line(&mut buf).ok().flatten(),
            Some(Line::Fits {
                number: 1,
                offset: 0
            })
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            r.next_line(&mut buf).ok().flatten(),
            Some(Line::TooLong {
                number: 2,
                bytes: 24
            })
        );
        assert_eq!(
            r.next_line(&mut buf).ok().flatten(),
            Some(Line::Fits {
                number: 3,
                offset: 31
            })
        );
        assert_eq!(buf, b"ok");
        assert_eq!(r.next_line(&mut buf).ok().flatten(), None);
    }
}
