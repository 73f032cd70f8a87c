//! The character n-gram model: for each n-gram of one to five letters, the log-probability of its
//! last letter after the others, in each of the model's languages.
//!
//! The probabilities come from the language models of lingua-rs (Apache-2.0, © Peter M. Stahl),
//! converted by `examples/build_lang_model.rs` into `data/lang/ngrams.bin`, a compact table read in
//! place (no loading step): `data/lang/README.md` states the source, licence and format.
//!
//! Scoring is a Markov chain over the letters of each word, summed over the orders one to five; a
//! language that never saw an n-gram falls back to the n-gram's longest seen suffix.

use std::sync::OnceLock;

use crate::doc::Lang;

use super::codes::LangSet;

/// The shipped model file.
const MODEL_BYTES: &[u8] = include_bytes!("../../data/lang/ngrams.bin");

/// File signature.
pub const MAGIC: &[u8; 8] = b"TLNGRAM1";
/// Longest n-gram in the model, in letters.
pub const MAX_ORDER: usize = 5;
/// Most languages a model can hold (bits of an entry's language mask).
pub const MAX_LANGS: usize = 16;
/// Quantisation: a stored byte `q` means a log-probability of `-q / SCALE`.
pub const SCALE: f32 = 8.0;
/// Log-probability of a letter no n-gram of a language explains.
const FLOOR: f32 = -20.0;

/// FNV-1a hash of an n-gram's UTF-8 bytes: picks the bucket (high bits) and the fingerprint (low bits).
pub fn ngram_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The fingerprint stored for an n-gram.
pub fn fingerprint(hash: u64) -> u16 {
    (hash & 0xFFFF) as u16
}

/// The bucket of an n-gram in a table of `2^bits` buckets.
pub fn bucket(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize
}

/// A model read in place from its bytes.
#[derive(Debug)]
pub struct NgramModel {
    langs: Vec<Lang>,
    bits: u32,
    buckets: &'static [u8],
    entries: &'static [u8],
    values: &'static [u8],
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

impl NgramModel {
    /// The shipped model (`None` if the file is damaged, which a test rules out).
    pub fn shipped() -> Option<&'static NgramModel> {
        static MODEL: OnceLock<Option<NgramModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| NgramModel::parse(MODEL_BYTES))
            .as_ref()
    }

    /// Reads a model: magic, language count and codes, bucket bits, entry and value counts, then
    /// the bucket table (`2^bits + 1` pairs of u32 entry and value starts), the entries (u16
    /// fingerprint, u16 language mask) and the values (one byte per language set in a mask).
    pub fn parse(bytes: &'static [u8]) -> Option<NgramModel> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let nlangs = u32_at(bytes, 8)? as usize;
        if nlangs == 0 || nlangs > MAX_LANGS {
            return None;
        }
        let mut at = 12;
        let mut langs = Vec::with_capacity(nlangs);
        for _ in 0..nlangs {
            let code = std::str::from_utf8(bytes.get(at..at + 2)?).ok()?;
            langs.push(Lang::new(code)?);
            at += 2;
        }
        let bits = u32_at(bytes, at)?;
        let n_entries = u32_at(bytes, at + 4)? as usize;
        let n_values = u32_at(bytes, at + 8)? as usize;
        at += 12;
        if !(1..=30).contains(&bits) {
            return None;
        }
        let bucket_len = ((1usize << bits) + 1) * 8;
        let buckets = bytes.get(at..at + bucket_len)?;
        at += bucket_len;
        let entries = bytes.get(at..at + n_entries * 4)?;
        at += n_entries * 4;
        let values = bytes.get(at..at + n_values)?;
        if at + n_values != bytes.len() {
            return None;
        }
        Some(NgramModel {
            langs,
            bits,
            buckets,
            entries,
            values,
        })
    }

    /// The model's languages, in the order of its value slots.
    pub fn langs(&self) -> &[Lang] {
        &self.langs
    }

    /// The model's languages as a set.
    pub fn lang_set(&self) -> LangSet {
        LangSet::of(&self.langs)
    }

    /// The stored values of an n-gram: the language mask and the offset of its first value.
    fn lookup(&self, ngram: &[u8]) -> Option<(u16, usize)> {
        let h = ngram_hash(ngram);
        let b = bucket(h, self.bits);
        let fp = fingerprint(h);
        let e_start = u32_at(self.buckets, b * 8)? as usize;
        let e_end = u32_at(self.buckets, b * 8 + 8)? as usize;
        let mut v = u32_at(self.buckets, b * 8 + 4)? as usize;
        for e in e_start..e_end {
            let mask = u16_at(self.entries, e * 4 + 2)?;
            if u16_at(self.entries, e * 4)? == fp {
                return Some((mask, v));
            }
            v += mask.count_ones() as usize;
        }
        None
    }

    /// Adds the log-likelihood of `text` under each language of `slots` to `scores` (indexed like
    /// [`NgramModel::langs`]); returns the number of letters scored.
    pub fn score(&self, text: &str, slots: u16, scores: &mut [f32]) -> usize {
        let mut word = String::with_capacity(32);
        let mut letters = 0;
        for c in text.chars() {
            if c.is_alphabetic() {
                word.extend(c.to_lowercase());
            } else if !word.is_empty() {
                letters += self.score_word(&word, slots, scores);
                word.clear();
            }
        }
        if !word.is_empty() {
            letters += self.score_word(&word, slots, scores);
        }
        letters
    }

    /// Looks up `word[start..end]` and sets the value of each language in `alive` that saw it;
    /// returns the mask of those languages.
    fn update_order(
        &self,
        word: &str,
        start: usize,
        end: usize,
        alive: u16,
        current: &mut [f32; MAX_LANGS],
    ) -> u16 {
        let gram = word.as_bytes().get(start..end).unwrap_or(&[]);
        let Some((mask, offset)) = self.lookup(gram) else {
            return 0;
        };
        let mut found = 0u16;
        let mut v = offset;
        for (slot, cur) in current.iter_mut().enumerate().take(self.langs.len()) {
            let bit = 1u16 << slot;
            if mask & bit != 0 {
                if alive & bit != 0 {
                    let q = self.values.get(v).copied().unwrap_or(255);
                    *cur = -f32::from(q) / SCALE;
                    found |= bit;
                }
                v += 1;
            }
        }
        found
    }

    /// Scores one lowercase word: every letter under orders one to five.
    fn score_word(&self, word: &str, slots: u16, scores: &mut [f32]) -> usize {
        let mut starts = [0usize; MAX_ORDER];
        let mut count = 0usize;
        let n_langs = self.langs.len().min(scores.len());
        for (end_pos, c) in word.char_indices() {
            let end = end_pos + c.len_utf8();
            starts.rotate_right(1);
            starts[0] = end_pos;
            count += 1;
            // value of the longest seen suffix so far, per language
            let mut current = [FLOOR; MAX_LANGS];
            let mut alive = slots;
            for &start in starts.iter().take(count.min(MAX_ORDER)) {
                if alive != 0 {
                    alive &= self.update_order(word, start, end, alive, &mut current);
                }
                // a language that never saw this n-gram never saw a longer one: it keeps backing off
                for (slot, score) in scores.iter_mut().enumerate().take(n_langs) {
                    if slots & (1u16 << slot) != 0 {
                        *score += current[slot];
                    }
                }
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses_and_scores() {
        let model = NgramModel::shipped();
        assert!(model.is_some(), "data/lang/ngrams.bin is damaged");
        let Some(model) = model else { return };
        assert_eq!(model.langs().len(), 10);
        let en = model
            .langs()
            .iter()
            .position(|l| l.as_str() == "en")
            .unwrap_or(0);
        let de = model
            .langs()
            .iter()
            .position(|l| l.as_str() == "de")
            .unwrap_or(0);
        let mut scores = [0f32; MAX_LANGS];
        let slots = (1u16 << en) | (1u16 << de);
        assert_eq!(model.score("the weather", slots, &mut scores), 10);
        assert!(scores[en] > scores[de]);
        let mut scores = [0f32; MAX_LANGS];
        model.score("das Wetter", slots, &mut scores);
        assert!(scores[de] > scores[en]);
    }

    #[test]
    fn damaged_models_are_refused() {
        assert!(NgramModel::parse(b"TLNGRAM1").is_none());
        assert!(NgramModel::parse(b"nonsense").is_none());
        let truncated = MODEL_BYTES.get(..MODEL_BYTES.len() / 2).unwrap_or(&[]);
        assert!(NgramModel::parse(truncated).is_none());
    }
}
