//! Sentence-alignment scores: strict and lax precision, recall and F1 with the field's rules
//! (as in Bleualign's evaluation), pooled over documents.
//!
//! Links empty on both sides are dropped. Precision judges every test link (null links too)
//! against the gold: an exact match is a strict and lax hit; a link whose targets overlap the
//! gold targets of any of its source sentences is a lax hit only; a null link counts only on an
//! exact match. Recall does the same with gold and test swapped, after dropping links with an
//! empty side from both.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufRead, BufReader, Read};

use serde::Serialize;

/// One link as sentence ids on each side.
pub type LinkIds = (Vec<usize>, Vec<usize>);

/// Why a links file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LinksError {
    /// The input could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file's name.
        path: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// A line is not `[ids]:[ids]`.
    #[error("{path}:{line}: expected a link like `[0, 1]:[2]`, found {found:?}")]
    Format {
        /// The file's name.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The offending line (shortened).
        found: String,
    },
}

/// Parses a bracketed id list such as `[0, 1]` or `[]`.
fn parse_ids(text: &str) -> Option<Vec<usize>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|x| x.trim().parse().ok()).collect()
}

/// Reads links in the gold format, one `[src ids]:[tgt ids]` a line (blank lines skipped).
pub fn read_links(reader: impl Read, name: &str) -> Result<Vec<LinkIds>, LinksError> {
    let mut out = Vec::new();
    for (k, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|source| LinksError::Io {
            path: name.to_string(),
            source,
        })?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let parsed = text
            .split_once(':')
            .and_then(|(a, b)| Some((parse_ids(a)?, parse_ids(b)?)));
        match parsed {
            Some(link) => out.push(link),
            None => {
                return Err(LinksError::Format {
                    path: name.to_string(),
                    line: k + 1,
                    found: text.chars().take(60).collect(),
                })
            }
        }
    }
    Ok(out)
}

/// Formats a link in the gold format: `[0, 1]:[2]`.
pub fn format_link(src: &[usize], tgt: &[usize]) -> String {
    let list = |v: &[usize]| {
        v.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]", list(src), list(tgt))
}

/// Hit counts of one side of the evaluation (precision or recall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hits {
    /// Links judged.
    pub total: usize,
    /// Exact matches.
    pub strict: usize,
    /// Exact matches plus overlaps.
    pub lax: usize,
}

impl Hits {
    fn add(&mut self, other: Hits) {
        self.total += other.total;
        self.strict += other.strict;
        self.lax += other.lax;
    }
}

/// Pooled counts over any number of document pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AlignCounts {
    /// Test links judged against the gold.
    pub precision: Hits,
    /// Gold links judged against the test.
    pub recall: Hits,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    fn new(hp: usize, np: usize, hr: usize, nr: usize) -> Self {
        let ratio = |h: usize, n: usize| if n == 0 { 0.0 } else { h as f64 / n as f64 };
        let (p, r) = (ratio(hp, np), ratio(hr, nr));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: p,
            recall: r,
            f1,
        }
    }
}

impl AlignCounts {
    /// Adds another document pair's counts.
    pub fn add(&mut self, other: AlignCounts) {
        self.precision.add(other.precision);
        self.recall.add(other.recall);
    }

    /// Strict scores (exact matches only).
    pub fn strict(&self) -> Prf {
        let (p, r) = (self.precision, self.recall);
        Prf::new(p.strict, p.total, r.strict, r.total)
    }

    /// Lax scores (overlaps count).
    pub fn lax(&self) -> Prf {
        let (p, r) = (self.precision, self.recall);
        Prf::new(p.lax, p.total, r.lax, r.total)
    }
}

/// Judges `test` links against `reference` links (one side of the evaluation).
fn judge(test: &[LinkIds], reference: &[LinkIds]) -> Hits {
    let exact: HashSet<&LinkIds> = reference.iter().collect();
    let mut targets_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (s, t) in reference {
        for &i in s {
            targets_of.entry(i).or_default().extend(t.iter().copied());
        }
    }
    let mut hits = Hits::default();
    for link in test {
        hits.total += 1;
        if exact.contains(link) {
            hits.strict += 1;
            hits.lax += 1;
            continue;
        }
        let (s, t) = link;
        if s.is_empty() || t.is_empty() {
            continue;
        }
        let overlaps = s.iter().any(|i| {
            targets_of
                .get(i)
                .is_some_and(|gold| gold.iter().any(|g| t.contains(g)))
        });
        if overlaps {
            hits.lax += 1;
        }
    }
    hits
}

/// Scores one document pair's test links against its gold links.
pub fn score_links(gold: &[LinkIds], test: &[LinkIds]) -> AlignCounts {
    let nonempty = |v: &[LinkIds]| -> Vec<LinkIds> {
        v.iter()
            .filter(|(s, t)| !s.is_empty() || !t.is_empty())
            .cloned()
            .collect()
    };
    let full = |v: &[LinkIds]| -> Vec<LinkIds> {
        v.iter()
            .filter(|(s, t)| !s.is_empty() && !t.is_empty())
            .cloned()
            .collect()
    };
    let (gold_all, test_all) = (nonempty(gold), nonempty(test));
    AlignCounts {
        precision: judge(&test_all, &gold_all),
        recall: judge(&full(&gold_all), &full(&test_all)),
    }
}

/// Per gold link type (`"a-b"`): how many gold links of that type the test has exactly.
pub fn recall_by_type(gold: &[LinkIds], test: &[LinkIds]) -> BTreeMap<String, (usize, usize)> {
    let exact: HashSet<&LinkIds> = test.iter().collect();
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for link in gold {
        let e = out
            .entry(format!("{}-{}", link.0.len(), link.1.len()))
            .or_default();
        e.1 += 1;
        if exact.contains(link) {
            e.0 += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &[usize], t: &[usize]) -> LinkIds {
        (s.to_vec(), t.to_vec())
    }

    #[test]
    fn parses_and_formats_links() {
        let text = "[0]:[0]\n[1, 2]:[]\n\n[]:[1, 2]\n";
        let links = read_links(text.as_bytes(), "g").unwrap_or_default();
        assert_eq!(links, vec![l(&[0], &[0]), l(&[1, 2], &[]), l(&[], &[1, 2])]);
        assert_eq!(format_link(&[1, 2], &[]), "[1, 2]:[]");
        let err = read_links("[0]:[0]\n[x]:[1]\n".as_bytes(), "g.txt");
        assert!(err.is_err_and(|e| e.to_string().starts_with("g.txt:2:")));
    }

    #[test]
    fn perfect_alignment_scores_one() {
        let gold = vec![l(&[0], &[0]), l(&[1, 2], &[1]), l(&[], &[2])];
        let c = score_links(&gold, &gold);
        assert_eq!(c.strict().f1, 1.0);
        assert_eq!(c.lax().f1, 1.0);
        assert_eq!(c.recall.total, 2, "null links are not recalled");
        assert_eq!(c.precision.total, 3, "null links are judged for precision");
    }

    #[test]
    fn overlaps_are_lax_hits_and_nulls_are_exact_only() {
        let gold = vec![l(&[0], &[0]), l(&[1, 2], &[1]), l(&[], &[2])];
        let test = vec![l(&[0], &[0]), l(&[1], &[1]), l(&[2], &[]), l(&[], &[2])];
        let c = score_links(&gold, &test);
        assert_eq!(
            c.precision,
            Hits {
                total: 4,
                strict: 2,
                lax: 3
            }
        );
        assert_eq!(
            c.recall,
            Hits {
                total: 2,
                strict: 1,
                lax: 2
            }
        );
        let s = c.strict();
        assert!((s.precision - 0.5).abs() < 1e-12 && (s.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn counts_pool_over_documents() {
        let gold = vec![l(&[0], &[0])];
        let mut c = score_links(&gold, &gold);
        c.add(score_links(&gold, &[l(&[0], &[]), l(&[], &[0])]));
        assert_eq!(c.precision.total, 3);
        assert_eq!(
            c.recall,
            Hits {
                total: 2,
                strict: 1,
                lax: 1
            }
        );
    }
}
