//! Synthetic parallel documents with known gold alignments, built from sentence-aligned corpora
//! by merging neighbouring sentences on either side and dropping a few (the gold follows).
//!
//! Seeded and deterministic: the same corpus and seed give the same documents.

use std::io;
use std::ops::Range;
use std::path::Path;

use super::align::LinkIds;

/// SplitMix64: a tiny, fast, seeded pseudo-random generator (Steele, Lea and Flood 2014).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// How to perturb a sentence-aligned corpus into a document pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SynthOptions {
    /// Chance, at each sentence, of merging it with the next one on one side (2-1 or 1-2).
    pub merge: f64,
    /// Chance, at each sentence, of dropping its translation from one side (1-0 or 0-1).
    pub drop: f64,
    /// The seed of the random generator.
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            merge: 0.1,
            drop: 0.03,
            seed: 1,
        }
    }
}

/// A document pair with its gold links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthDoc {
    /// Source sentences, one per line.
    pub src: Vec<String>,
    /// Target sentences, one per line.
    pub tgt: Vec<String>,
    /// Gold links, in order.
    pub gold: Vec<LinkIds>,
}

/// Joins two sentences into one line (no space before ideographic scripts' text is attempted).
fn join(a: &str, b: &str) -> String {
    format!("{} {}", a.trim_end(), b.trim_start())
}

/// Turns parallel sentence pairs into a document pair: at each position, with probability
/// `merge` two neighbouring sentences become one line on one side (2-1 or 1-2), with probability
/// `drop` one side's sentence is left out (its translation becomes a null link).
pub fn perturb(pairs: &[(&str, &str)], opts: &SynthOptions, rng: &mut SplitMix64) -> SynthDoc {
    let mut doc = SynthDoc::default();
    let mut k = 0;
    while k < pairs.len() {
        let (s, t) = pairs[k];
        let (ns, nt) = (doc.src.len(), doc.tgt.len());
        let roll = rng.next_f64();
        if roll < opts.drop {
            if rng.below(2) == 0 {
                doc.src.push(s.to_string());
                doc.gold.push((vec![ns], vec![]));
            } else {
                doc.tgt.push(t.to_string());
                doc.gold.push((vec![], vec![nt]));
            }
            k += 1;
        } else if roll < opts.drop + opts.merge && k + 1 < pairs.len() {
            let (s2, t2) = pairs[k + 1];
            if rng.below(2) == 0 {
                doc.src.push(join(s, s2));
                doc.tgt.push(t.to_string());
                doc.tgt.push(t2.to_string());
                doc.gold.push((vec![ns], vec![nt, nt + 1]));
            } else {
                doc.src.push(s.to_string());
                doc.src.push(s2.to_string());
                doc.tgt.push(join(t, t2));
                doc.gold.push((vec![ns, ns + 1], vec![nt]));
            }
            k += 2;
        } else {
            doc.src.push(s.to_string());
            doc.tgt.push(t.to_string());
            doc.gold.push((vec![ns], vec![nt]));
            k += 1;
        }
    }
    doc
}

/// Ranges of consecutive lines that share a document key (FLORES: the source page URL).
pub fn group_runs(keys: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=keys.len() {
        if k == keys.len() || keys[k] != keys[start] {
            if k > start {
                out.push(start..k);
            }
            start = k;
        }
    }
    out
}

/// Parallel documents from line-aligned corpora: lines grouped by `keys` (one per line), each
/// group perturbed by [`perturb`] with one generator seeded by `opts.seed`.
pub fn documents(src: &[&str], tgt: &[&str], keys: &[&str], opts: &SynthOptions) -> Vec<SynthDoc> {
    let mut rng = SplitMix64::new(opts.seed);
    let n = src.len().min(tgt.len()).min(keys.len());
    group_runs(&keys[..n])
        .into_iter()
        .map(|r| {
            let pairs: Vec<(&str, &str)> = r.map(|i| (src[i], tgt[i])).collect();
            perturb(&pairs, opts, &mut rng)
        })
        .collect()
}

/// The lines of a UTF-8 text file (one sentence a line in the evaluation data).
pub fn read_lines(path: &Path) -> io::Result<Vec<String>> {
    Ok(std::fs::read_to_string(path)?
        .lines()
        .map(str::to_string)
        .collect())
}

/// The FLORES-200 devtest files talign's evaluations use: English and the languages it pairs with.
pub const FLORES_LANGS: [(&str, &str); 3] =
    [("ru", "rus_Cyrl"), ("es", "spa_Latn"), ("uk", "ukr_Cyrl")];

/// FLORES-200 devtest read from its folder: the English lines, each line's source page, and the
/// other languages' lines (line i of every file translates line i of the others).
#[derive(Debug, Clone, Default)]
pub struct Flores {
    /// Source page URL of each line (`metadata_devtest.tsv`, first column).
    pub urls: Vec<String>,
    /// `eng_Latn.devtest`.
    pub english: Vec<String>,
    /// `(code, lines)` for each of [`FLORES_LANGS`].
    pub others: Vec<(&'static str, Vec<String>)>,
}

impl Flores {
    /// Reads the folder (`../shared/data/flores`); an error when a file is missing.
    pub fn load(dir: &Path) -> io::Result<Flores> {
        let lines = |name: &str| read_lines(&dir.join(name));
        let urls = lines("metadata_devtest.tsv")?
            .iter()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect();
        let english = lines("eng_Latn.devtest")?;
        let mut others = Vec::new();
        for (code, file) in FLORES_LANGS {
            others.push((code, lines(&format!("{file}.devtest"))?));
        }
        Ok(Flores {
            urls,
            english,
            others,
        })
    }

    /// English–`code` parallel documents, one per source page, perturbed by [`documents`].
    pub fn documents(&self, code: &str, opts: &SynthOptions) -> Vec<SynthDoc> {
        let Some((_, other)) = self.others.iter().find(|(c, _)| *c == code) else {
            return Vec::new();
        };
        let e: Vec<&str> = self.english.iter().map(String::as_str).collect();
        let o: Vec<&str> = other.iter().map(String::as_str).collect();
        let keys: Vec<&str> = self.urls.iter().map(String::as_str).collect();
        documents(&e, &o, &keys, opts)
    }
}

/// A long document pair of `len` sentence pairs drawn at random (with replacement) from a pool
/// of parallel sentences, then perturbed: for timing and memory tests of long documents.
pub fn long_document(pool: &[(&str, &str)], len: usize, opts: &SynthOptions) -> SynthDoc {
    let mut rng = SplitMix64::new(opts.seed);
    if pool.is_empty() {
        return SynthDoc::default();
    }
    let pairs: Vec<(&str, &str)> = (0..len).map(|_| pool[rng.below(pool.len())]).collect();
    perturb(&pairs, opts, &mut rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_seeded_and_uniformish() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mean: f64 = (0..1000).map(|_| a.next_f64()).sum::<f64>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.05);
        assert!(a.below(3) < 3);
    }

    #[test]
    fn gold_covers_every_sentence_once() {
        let pairs: Vec<(String, String)> = (0..200)
            .map(|i| (format!("s{i}"), format!("t{i}")))
            .collect();
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let opts = SynthOptions {
            merge: 0.2,
            drop: 0.1,
            seed: 3,
        };
        let doc = perturb(&refs, &opts, &mut SplitMix64::new(3));
        let src: Vec<usize> = doc.gold.iter().flat_map(|l| l.0.clone()).collect();
        let tgt: Vec<usize> = doc.gold.iter().flat_map(|l| l.1.clone()).collect();
        assert_eq!(src, (0..doc.src.len()).collect::<Vec<_>>());
        assert_eq!(tgt, (0..doc.tgt.len()).collect::<Vec<_>>());
        assert!(doc.gold.iter().any(|l| l.0.len() == 2));
        assert!(doc.gold.iter().any(|l| l.1.is_empty()));
        assert_eq!(doc, perturb(&refs, &opts, &mut SplitMix64::new(3)));
    }

    #[test]
    fn runs_group_equal_neighbours() {
        assert_eq!(group_runs(&["a", "a", "b", "a"]), vec![0..2, 2..3, 3..4]);
        assert!(group_runs(&[]).is_empty());
    }
}
