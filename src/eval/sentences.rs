//! Scoring sentence splits: boundary precision / recall / F1 against gold sentences, and the
//! "Golden Rules" cases (pragmatic_segmenter's spec), where a case passes when every expected
//! sentence comes out exactly, whitespace runs counted as one space.

use std::io::BufRead;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

/// Why a file of golden-rule cases could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CasesError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not a case.
    #[error("{path}:{line}: not a case: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

/// One segmentation case: a text and the sentences it must give.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldenCase {
    /// Unique id, e.g. `en_golden_015`.
    pub id: String,
    /// ISO 639-1 code of the text.
    pub lang: String,
    /// `golden` (the Golden Rules), `spec` or `pysbd_only` (the other spec cases).
    pub section: String,
    /// The rule the case tests.
    #[serde(default)]
    pub title: String,
    /// The input.
    pub text: String,
    /// The sentences, in order.
    pub expected: Vec<String>,
    /// Whether the original spec ran its text clean-up first.
    #[serde(default)]
    pub clean: bool,
    /// `pdf` or `docx` when the original spec ran a document-type clean-up first.
    #[serde(default)]
    pub doc_type: Option<String>,
}

impl GoldenCase {
    /// True for the Golden Rules proper; false for the other spec cases.
    pub fn is_golden(&self) -> bool {
        self.section == "golden"
    }

    /// Whether `pieces` are exactly the expected sentences (whitespace runs as one space, empty
    /// pieces ignored).
    pub fn passes<S: AsRef<str>>(&self, pieces: &[S]) -> bool {
        let got: Vec<String> = pieces
            .iter()
            .map(|p| normalise_space(p.as_ref()))
            .filter(|p| !p.is_empty())
            .collect();
        let want: Vec<String> = self.expected.iter().map(|e| normalise_space(e)).collect();
        got == want
    }
}

/// Reads a JSONL file of cases (`id, lang, section, title, text, expected, clean, doc_type`).
pub fn read_cases(path: &Path) -> Result<Vec<GoldenCase>, CasesError> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| CasesError::Io {
        path: shown.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| CasesError::Io {
            path: shown.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let case = serde_json::from_str(&line).map_err(|source| CasesError::Json {
            path: shown.clone(),
            line: i + 1,
            source,
        })?;
        out.push(case);
    }
    Ok(out)
}

/// `s` trimmed, with every run of whitespace written as one space.
pub fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Boundary counts pooled over documents: a boundary is the byte offset where a sentence other
/// than the first of its text starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoundaryScore {
    /// Boundaries found that are in the gold.
    pub hits: usize,
    /// Boundaries found that are not in the gold.
    pub false_alarms: usize,
    /// Gold boundaries not found.
    pub misses: usize,
}

impl BoundaryScore {
    /// Adds one text's gold and found boundaries (in any order; a repeated boundary counts once).
    pub fn add(&mut self, gold: &[usize], found: &[usize]) {
        let mut gold = gold.to_vec();
        gold.sort_unstable();
        gold.dedup();
        let mut found = found.to_vec();
        found.sort_unstable();
        found.dedup();
        let hits = found.iter().filter(|b| gold.contains(b)).count();
        self.hits += hits;
        self.false_alarms += found.len() - hits;
        self.misses += gold.len() - hits;
    }

    /// Adds another score's counts.
    pub fn merge(&mut self, other: &BoundaryScore) {
        self.hits += other.hits;
        self.false_alarms += other.false_alarms;
        self.misses += other.misses;
    }

    /// Share of found boundaries that are in the gold (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.hits + self.false_alarms)
    }

    /// Share of gold boundaries found (1 when the gold has none).
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.hits + self.misses)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Gold sentences joined by one space into a paragraph, with the boundaries between them.
pub fn join_sentences<S: AsRef<str>>(sentences: &[S]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    for s in sentences {
        let s = s.as_ref().trim();
        if s.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
            gold.push(text.len());
        }
        text.push_str(s);
    }
    (text, gold)
}

/// The boundaries of a split given as byte ranges: where each piece but the first starts,
/// after its leading whitespace.
pub fn boundaries(text: &str, pieces: &[Range<usize>]) -> Vec<usize> {
    pieces
        .iter()
        .skip(1)
        .map(|r| {
            let piece = text.get(r.clone()).unwrap_or("");
            r.start + (piece.len() - piece.trim_start().len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str, expected: &[&str]) -> GoldenCase {
        GoldenCase {
            id: "x".into(),
            lang: "en".into(),
            section: "golden".into(),
            title: String::new(),
            text: text.into(),
            expected: expected.iter().map(|s| s.to_string()).collect(),
            clean: true,
            doc_type: None,
        }
    }

    #[test]
    fn a_case_passes_only_with_exactly_the_expected_sentences() {
        let c = case(
            "It was a cold \nnight. Yes.",
            &["It was a cold night.", "Yes."],
        );
        assert!(c.passes(&["It was a cold \nnight.", " Yes. "]));
        assert!(!c.passes(&["It was a cold \nnight. Yes."]));
        assert!(!c.passes(&["It was a cold", "night.", "Yes."]));
    }

    #[test]
    fn boundary_scores_count_hits_false_alarms_and_misses() {
        let (text, gold) = join_sentences(&["One.", "Two.", "Three."]);
        assert_eq!(text, "One. Two. Three.");
        assert_eq!(gold, [5, 10]);
        let found = boundaries(&text, &[0..5, 5..7, 7..16]);
        assert_eq!(found, [5, 7]);
        let mut s = BoundaryScore::default();
        s.add(&gold, &found);
        assert_eq!(
            s,
            BoundaryScore {
                hits: 1,
                false_alarms: 1,
                misses: 1
            }
        );
        assert!((s.f1() - 0.5).abs() < 1e-9);
    }
}
