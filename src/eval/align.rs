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

/// Parses one link line: `[0, 1]:[2]`, or vecalign's `[0, 1]:[2]:0.156` (the third field, a
/// number, is read past).
fn parse_link(text: &str) -> Option<LinkIds> {
    let mut fields = text.split(':');
    let src = parse_ids(fields.next()?)?;
    let tgt = parse_ids(fields.next()?)?;
    match (fields.next(), fields.next()) {
        (None, _) => Some((src, tgt)),
        (Some(score), None) if score.trim().parse::<f64>().is_ok() => Some((src, tgt)),
        _ => None,
    }
}

/// The links of one document pair: those after a `# doc_id<TAB>tgt_doc_id` line (as `talign
/// run --format links` writes them), or of a whole file without such lines (`id` `None`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkBlock {
    /// The header's text after `#`, trimmed; `None` for links before any header.
    pub id: Option<String>,
    /// The links, in file order.
    pub links: Vec<LinkIds>,
}

/// Reads links one `[src ids]:[tgt ids]` a line (vecalign's `[src]:[tgt]:score` too; blank
/// lines skipped), cut into blocks at `# …` header lines.
pub fn read_link_blocks(reader: impl Read, name: &str) -> Result<Vec<LinkBlock>, LinksError> {
    let mut blocks: Vec<LinkBlock> = Vec::new();
    for (k, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|source| LinksError::Io {
            path: name.to_string(),
            source,
        })?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(header) = text.strip_prefix('#') {
            blocks.push(LinkBlock {
                id: Some(header.trim().to_string()),
                links: Vec::new(),
            });
            continue;
        }
        let Some(link) = parse_link(text) else {
            return Err(LinksError::Format {
                path: name.to_string(),
                line: k + 1,
                found: text.chars().take(60).collect(),
            });
        };
        match blocks.last_mut() {
            Some(block) => block.links.push(link),
            None => blocks.push(LinkBlock {
                id: None,
                links: vec![link],
            }),
        }
    }
    Ok(blocks)
}

/// Reads links as [`read_link_blocks`] does, all blocks as one list.
pub fn read_links(reader: impl Read, name: &str) -> Result<Vec<LinkIds>, LinksError> {
    Ok(read_link_blocks(reader, name)?
        .into_iter()
        .flat_map(|b| b.links)
        .collect())
}

/// One document pair's gold and test links, with the header that matched them.
pub type MatchedPair = (Option<String>, Vec<LinkIds>, Vec<LinkIds>);

/// Gold and test blocks matched by their `#` header: (gold links, test links) per document
/// pair, a side missing from one file scored against no links; files without headers are one
/// pair. Errors name a header that occurs twice in one file.
pub fn match_blocks(
    gold: Vec<LinkBlock>,
    test: Vec<LinkBlock>,
) -> Result<Vec<MatchedPair>, String> {
    let headed = |b: &[LinkBlock]| b.iter().any(|x| x.id.is_some());
    if !headed(&gold) && !headed(&test) {
        let flat = |b: Vec<LinkBlock>| b.into_iter().flat_map(|x| x.links).collect();
        return Ok(vec![(None, flat(gold), flat(test))]);
    }
    let index = |blocks: Vec<LinkBlock>, what: &str| {
        let mut map: BTreeMap<Option<String>, Vec<LinkIds>> = BTreeMap::new();
        for b in blocks {
            if map.insert(b.id.clone(), b.links).is_some() {
                return Err(format!(
                    "{what}: the document pair `{}` occurs twice",
                    b.id.unwrap_or_default()
                ));
            }
        }
        Ok(map)
    };
    let mut gold = index(gold, "gold")?;
    let mut test = index(test, "test")?;
    let ids: std::collections::BTreeSet<Option<String>> =
        gold.keys().chain(test.keys()).cloned().collect();
    Ok(ids
        .into_iter()
        .map(|id| {
            let g = gold.remove(&id).unwrap_or_default();
            let t = test.remove(&id).unwrap_or_default();
            (id, g, t)
        })
        .collect())
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
    fn vecalign_lines_with_a_third_numeric_field_are_links() {
        let text = "[0]:[0]:0.156\n[1, 2]:[3]:-1.5e-2\n[]:[4]:0.000000\n";
        let links = read_links(text.as_bytes(), "v").unwrap_or_default();
        assert_eq!(links, vec![l(&[0], &[0]), l(&[1, 2], &[3]), l(&[], &[4])]);
        // a third field that is not a number, or a fourth field, is an error
        assert!(read_links("[0]:[0]:x\n".as_bytes(), "v").is_err());
        assert!(read_links("[0]:[0]:1:2\n".as_bytes(), "v").is_err());
    }

    #[test]
    fn header_lines_cut_a_links_file_into_document_pairs() {
        let text = "# a.en\ta.es\n[0]:[0]\n[]:[1]\n# b.en\tb.es\n[0, 1]:[0]\n";
        let blocks = read_link_blocks(text.as_bytes(), "t").unwrap_or_default();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].id.as_deref(), Some("a.en\ta.es"));
        assert_eq!(blocks[0].links, vec![l(&[0], &[0]), l(&[], &[1])]);
        assert_eq!(blocks[1].links, vec![l(&[0, 1], &[0])]);
        // read as one list, the headers are skipped
        assert_eq!(
            read_links(text.as_bytes(), "t").unwrap_or_default().len(),
            3
        );
    }

    #[test]
    fn blocks_are_matched_by_header_and_a_missing_pair_scores_against_nothing() {
        let block = |id: &str, links: Vec<LinkIds>| LinkBlock {
            id: Some(id.to_string()),
            links,
        };
        let gold = vec![
            block("a", vec![l(&[0], &[0])]),
            block("b", vec![l(&[0], &[1])]),
        ];
        let test = vec![
            block("b", vec![l(&[0], &[1])]),
            block("c", vec![l(&[0], &[0])]),
        ];
        let pairs = match_blocks(gold, test).unwrap_or_default();
        let summary: Vec<(Option<&str>, usize, usize)> = pairs
            .iter()
            .map(|(id, g, t)| (id.as_deref(), g.len(), t.len()))
            .collect();
        assert_eq!(
            summary,
            vec![(Some("a"), 1, 0), (Some("b"), 1, 1), (Some("c"), 0, 1)]
        );
        let twice = vec![block("a", vec![]), block("a", vec![])];
        assert!(match_blocks(twice, vec![]).is_err());
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
