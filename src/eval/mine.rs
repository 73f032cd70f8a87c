//! Scoring translation-pair search against gold pairs: top-1 accuracy and the precision and
//! recall of the accepted pairs.
//!
//! Gold format: one pair a line, `query_index<TAB>pool_index`, 0-based line indices (blank lines
//! and `#` comments skipped). Test format: the `--format ids` output of `talign mine`,
//! `query_index<TAB>pool_index<TAB>score<TAB>margin<TAB>accepted`, with `-` as pool index when
//! nothing was found and `accepted` as `true`/`false` (or `1`/`0`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};

use serde::Serialize;

use super::synth::SplitMix64;
use crate::align::Lexicon;

/// Why a gold or test file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MineEvalError {
    /// Reading failed.
    #[error("{name}: cannot read: {source}")]
    Io {
        /// The file's name.
        name: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// A line does not have the expected fields.
    #[error("{name}:{line}: {why}, found {found:?}")]
    Format {
        /// The file's name.
        name: String,
        /// 1-based line number.
        line: usize,
        /// What was expected.
        why: &'static str,
        /// The offending line (shortened).
        found: String,
    },
}

/// One row of miner output as read back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestRow {
    /// Query index.
    pub query: usize,
    /// Pool index found, if any.
    pub pool: Option<usize>,
    /// Whether the pair was accepted.
    pub accepted: bool,
}

impl From<&crate::align::mine::MineHit> for TestRow {
    fn from(h: &crate::align::mine::MineHit) -> Self {
        TestRow {
            query: h.query,
            pool: h.pool,
            accepted: h.accepted,
        }
    }
}

fn lines<'a, R: Read + 'a>(
    reader: R,
    name: &'a str,
) -> impl Iterator<Item = Result<(usize, String), MineEvalError>> + 'a {
    BufReader::new(reader)
        .lines()
        .enumerate()
        .filter_map(move |(k, l)| match l {
            Err(source) => Some(Err(MineEvalError::Io {
                name: name.to_string(),
                source,
            })),
            Ok(l) => {
                let t = l.trim();
                (!t.is_empty() && !t.starts_with('#')).then(|| Ok((k + 1, t.to_string())))
            }
        })
}

fn bad(name: &str, line: usize, why: &'static str, text: &str) -> MineEvalError {
    MineEvalError::Format {
        name: name.to_string(),
        line,
        why,
        found: text.chars().take(60).collect(),
    }
}

/// Reads gold pairs `query_index<TAB>pool_index`.
pub fn read_gold(reader: impl Read, name: &str) -> Result<Vec<(usize, usize)>, MineEvalError> {
    let mut out = Vec::new();
    for l in lines(reader, name) {
        let (n, text) = l?;
        let mut f = text.split('\t');
        let q = f.next().and_then(|s| s.trim().parse().ok());
        let p = f.next().and_then(|s| s.trim().parse().ok());
        match (q, p) {
            (Some(q), Some(p)) => out.push((q, p)),
            _ => return Err(bad(name, n, "expected `query_index<TAB>pool_index`", &text)),
        }
    }
    Ok(out)
}

/// Reads miner output in the `ids` format.
pub fn read_test(reader: impl Read, name: &str) -> Result<Vec<TestRow>, MineEvalError> {
    let mut out = Vec::new();
    for l in lines(reader, name) {
        let (n, text) = l?;
        let f: Vec<&str> = text.split('\t').map(str::trim).collect();
        let why = "expected `query_index<TAB>pool_index<TAB>score<TAB>margin<TAB>accepted`";
        let (Some(q), Some(p), Some(a)) = (f.first(), f.get(1), f.get(4)) else {
            return Err(bad(name, n, why, &text));
        };
        let query = q.parse().map_err(|_| bad(name, n, why, &text))?;
        let pool = if *p == "-" {
            None
        } else {
            Some(p.parse().map_err(|_| bad(name, n, why, &text))?)
        };
        let accepted = match *a {
            "true" | "1" => true,
            "false" | "0" => false,
            _ => return Err(bad(name, n, why, &text)),
        };
        out.push(TestRow {
            query,
            pool,
            accepted,
        });
    }
    Ok(out)
}

/// The scores of a mining run.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct MineScores {
    /// Gold pairs.
    pub gold: usize,
    /// Gold queries whose reported pool entry is the gold one (accepted or not).
    pub top1_hits: usize,
    /// `top1_hits / gold`.
    pub top1: f64,
    /// Accepted pairs.
    pub accepted: usize,
    /// Accepted pairs that are gold pairs.
    pub correct: usize,
    /// `correct / accepted` (1 when nothing was accepted).
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Scores test rows against gold pairs. A query may have several gold originals; a row is correct
/// when its pair is one of them. Queries absent from the gold have no original: accepting
/// anything for them is a false positive.
pub fn score(gold: &[(usize, usize)], test: &[TestRow]) -> MineScores {
    let mut by_query: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(q, p) in gold {
        by_query.entry(q).or_default().push(p);
    }
    let mut s = MineScores {
        gold: gold.len(),
        ..MineScores::default()
    };
    for row in test {
        let hit = row
            .pool
            .is_some_and(|p| by_query.get(&row.query).is_some_and(|g| g.contains(&p)));
        if hit {
            s.top1_hits += 1;
        }
        if row.accepted && row.pool.is_some() {
            s.accepted += 1;
            if hit {
                s.correct += 1;
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    s.top1 = ratio(s.top1_hits, s.gold);
    s.precision = ratio(s.correct, s.accepted);
    s.recall = ratio(s.correct, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s
}

/// A seeded permutation of `0..n` (Fisher–Yates with SplitMix64): `perm[i]` is the original index
/// of the item placed at position `i`.
pub fn seeded_permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed);
    let mut perm: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        perm.swap(i, j);
    }
    perm
}

/// A mining test set from line-aligned translations: the queries as they are, the pool shuffled
/// with a seed, and the gold `query_index → pool_index`.
pub fn shuffled_pairs<'a>(
    queries: &[&'a str],
    originals: &[&'a str],
    seed: u64,
) -> (Vec<&'a str>, Vec<(usize, usize)>) {
    let n = queries.len().min(originals.len());
    let perm = seeded_permutation(n, seed);
    let mut pool = Vec::with_capacity(n);
    let mut gold = Vec::with_capacity(n);
    for (pos, &orig) in perm.iter().enumerate() {
        if let Some(t) = originals.get(orig) {
            pool.push(*t);
            gold.push((orig, pos));
        }
    }
    gold.sort_unstable();
    (pool, gold)
}

/// A pseudo-word of two to four syllables.
fn synth_word(rng: &mut SplitMix64, letters: &[&str]) -> String {
    let syllables = 2 + rng.below(3);
    (0..syllables)
        .map(|_| letters[rng.below(letters.len())])
        .collect()
}

/// A rank drawn from a 1/rank law over `vocab` words.
fn zipf(rng: &mut SplitMix64, vocab: usize) -> usize {
    // Inverse-CDF sampling of a 1/rank law over the vocabulary (continuous approximation).
    let u = rng.next_f64();
    (((vocab as f64).powf(u)) as usize)
        .saturating_sub(1)
        .min(vocab.saturating_sub(1))
}

/// A seeded synthetic mining job at scale: `n` English-like queries drawn from a Zipfian
/// vocabulary of `vocab` words, their "translations" into Cyrillic pseudo-words through a
/// `vocab`-entry lexicon with a tenth of the words dropped and a tenth replaced, shuffled into
/// the pool. Returns (queries, pool, lexicon); query `i`'s original is not at pool `i`.
pub fn synthetic_job(n: usize, vocab: usize, seed: u64) -> (Vec<String>, Vec<String>, Lexicon) {
    let mut rng = SplitMix64::new(seed);
    let lat = [
        "ba", "ko", "ri", "te", "mu", "sa", "ne", "lo", "pi", "da", "ge", "vo",
    ];
    let cyr = [
        "ба", "ко", "ри", "те", "му", "са", "не", "ло", "пи", "да", "ге", "во",
    ];
    let en: Vec<String> = (0..vocab).map(|_| synth_word(&mut rng, &lat)).collect();
    let ru: Vec<String> = (0..vocab).map(|_| synth_word(&mut rng, &cyr)).collect();
    let lexicon = Lexicon::from_pairs(en.iter().cloned().zip(ru.iter().cloned()));
    let mut queries = Vec::with_capacity(n);
    let mut pool = Vec::with_capacity(n);
    for _ in 0..n {
        let len = 6 + rng.below(12);
        let ids: Vec<usize> = (0..len).map(|_| zipf(&mut rng, vocab)).collect();
        queries.push(
            ids.iter()
                .filter_map(|&i| en.get(i).map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ")
                + ".",
        );
        let tr: Vec<&str> = ids
            .iter()
            .filter_map(|&i| match rng.below(10) {
                0 => None,
                1 => ru.get(zipf(&mut rng, vocab)).map(String::as_str),
                _ => ru.get(i).map(String::as_str),
            })
            .collect();
        pool.push(tr.join(" ") + ".");
    }
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        pool.swap(i, j);
    }
    (queries, pool, lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_top1_and_accepted() {
        let gold = vec![(0, 1), (1, 0), (2, 2)];
        let test = read_test(
            "0\t1\t0.9\t0.5\ttrue\n1\t2\t0.4\t0.1\ttrue\n2\t-\t0\t0\tfalse\n3\t0\t0.5\t0.3\tfalse\n"
                .as_bytes(),
            "t",
        )
        .unwrap_or_default();
        let s = score(&gold, &test);
        assert_eq!((s.top1_hits, s.accepted, s.correct), (1, 2, 1));
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn formats_are_checked() {
        assert!(read_gold("0\t1\n# c\n\n2\t3\n".as_bytes(), "g").is_ok_and(|g| g.len() == 2));
        assert!(read_gold("0 1\n".as_bytes(), "g").is_err());
        assert!(read_test("0\tx\t0\t0\ttrue\n".as_bytes(), "t").is_err());
        assert!(read_test("0\t1\t0\t0\tmaybe\n".as_bytes(), "t").is_err());
    }

    #[test]
    fn shuffle_is_seeded_and_gold_follows() {
        let q = ["a", "b", "c", "d", "e"];
        let o = ["A", "B", "C", "D", "E"];
        let (pool, gold) = shuffled_pairs(&q, &o, 7);
        assert_eq!(shuffled_pairs(&q, &o, 7).0, pool);
        for (qi, pi) in gold {
            assert_eq!(q[qi].to_uppercase(), pool[pi]);
        }
    }

    #[test]
    fn synthetic_jobs_are_seeded_and_sized() {
        let (q, p, lex) = synthetic_job(50, 300, 7);
        assert_eq!((q.len(), p.len(), lex.len()), (50, 50, 300));
        assert_eq!(synthetic_job(50, 300, 7).1, p);
        assert_ne!(synthetic_job(50, 300, 8).1, p);
    }
}
