//! Bilingual word lists: `english<TAB>foreign` (MUSE style) and hunalign's `foreign @ english`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Why a lexicon could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read lexicon: {source}")]
    Io {
        /// The lexicon's name.
        path: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// A line is neither `english<TAB>foreign` nor `foreign @ english`.
    #[error(
        "{path}:{line}: expected `english<TAB>foreign` or `foreign @ english`, found {found:?}"
    )]
    Format {
        /// The lexicon's name.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The offending line (shortened).
        found: String,
    },
}

/// A bilingual word list: pairs of (english, foreign) words or phrases, lowercased.
///
/// The aligner uses the pairs in both directions, so which side is "english" does not matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// The entries as (english, foreign), lowercased and trimmed, in file order.
    pub pairs: Vec<(String, String)>,
}

impl Lexicon {
    /// A lexicon from pairs given in code.
    pub fn from_pairs<A: Into<String>, B: Into<String>>(
        pairs: impl IntoIterator<Item = (A, B)>,
    ) -> Self {
        Lexicon {
            pairs: pairs
                .into_iter()
                .map(|(a, b)| {
                    (
                        a.into().trim().to_lowercase(),
                        b.into().trim().to_lowercase(),
                    )
                })
                .collect(),
        }
    }

    /// Reads a lexicon; `name` is used in error messages. Blank lines and `#` comments are skipped.
    pub fn from_reader(reader: impl Read, name: &str) -> Result<Self, LexiconError> {
        let mut pairs = Vec::new();
        for (k, line) in BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(|source| LexiconError::Io {
                path: name.to_string(),
                source,
            })?;
            let text = line.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let pair = if let Some((en, fo)) = text.split_once('\t') {
                Some((en, fo))
            } else {
                text.split_once(" @ ").map(|(fo, en)| (en, fo))
            };
            match pair {
                Some((en, fo)) if !en.trim().is_empty() && !fo.trim().is_empty() => {
                    pairs.push((en.trim().to_lowercase(), fo.trim().to_lowercase()));
                }
                _ => {
                    return Err(LexiconError::Format {
                        path: name.to_string(),
                        line: k + 1,
                        found: text.chars().take(60).collect(),
                    })
                }
            }
        }
        Ok(Lexicon { pairs })
    }

    /// Reads a lexicon file.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = File::open(path).map_err(|source| LexiconError::Io {
            path: name.clone(),
            source,
        })?;
        Self::from_reader(file, &name)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_formats() {
        let text = "# comment\nmountain\tBerg\n\nsommet @ summit\n";
        let lex = Lexicon::from_reader(text.as_bytes(), "t.tsv").unwrap_or_default();
        assert_eq!(
            lex.pairs,
            vec![
                ("mountain".to_string(), "berg".to_string()),
                ("summit".to_string(), "sommet".to_string())
            ]
        );
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let err = Lexicon::from_reader("a\tb\nnonsense\n".as_bytes(), "lex.txt");
        let msg = err.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(msg.starts_with("lex.txt:2:"), "{msg}");
    }

    #[test]
    fn missing_file_is_an_io_error() {
        assert!(matches!(
            Lexicon::load("/nonexistent/lexicon.tsv"),
            Err(LexiconError::Io { .. })
        ));
    }
}
