//! The character n-gram model: for each n-gram of one to five letters, the log-probability of its
//! last letter after the others, in each of the model's languages.
//!
//! The probabilities come from the language models of lingua-rs (Apache-2.0, © Peter M. Stahl),
//! converted by `examples/build_lang_model.rs` into a hash table split into shards, each shipped
//! in a crate of its own (`crates/talign-lang-model-*`, so every crate stays small enough to
//! publish) and read in place: no loading step, a look-up touches the pages it needs.
//! `data/lang/README.md` states the source, licence and format.
//!
//! Scoring is a Markov chain over the letters of each word, summed over the orders one to five; a
//! language that never saw an n-gram falls back to the n-gram's longest seen suffix.

use std::sync::OnceLock;

use crate::doc::Lang;

use super::codes::LangSet;
use super::script::Script;
use super::wordfreq::WordFreq;

/// The shipped model's shards, in order.
static SHARDS: [&[u8]; 8] = [
    talign_lang_model_0::SHARD,
    talign_lang_model_1::SHARD,
    talign_lang_model_2::SHARD,
    talign_lang_model_3::SHARD,
    talign_lang_model_4::SHARD,
    talign_lang_model_5::SHARD,
    talign_lang_model_6::SHARD,
    talign_lang_model_7::SHARD,
];

/// Shard file signature.
pub const MAGIC: &[u8; 8] = b"TLNGRAM3";
/// Longest n-gram in the model, in letters.
pub const MAX_ORDER: usize = 5;
/// Most languages a model can hold (bits of a [`SlotMask`]).
pub const MAX_LANGS: usize = 128;
/// Quantisation: a stored byte `q` means a log-probability of `-q / SCALE`.
pub const SCALE: f32 = 8.0;
/// Log-probability of a letter no n-gram of a language explains.
const FLOOR: f32 = -20.0;

/// A set of the model's value slots (bit `i`: the language at `langs()[i]`).
pub type SlotMask = u128;

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

/// One shard: the buckets whose top bits are its index.
#[derive(Debug)]
struct Shard {
    offsets: &'static [u8],
    blob: &'static [u8],
}

/// A model read in place from its shards.
#[derive(Debug)]
pub struct NgramModel {
    langs: Vec<Lang>,
    /// `slot_of[i]`: the slot of the language at position `i` of the code table, or 255.
    slot_of: Vec<u8>,
    bits: u32,
    shard_bits: u32,
    shards: Vec<Shard>,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

/// The header every shard repeats: languages, bucket bits, shard bits, and the shard's index.
type Header = (Vec<Lang>, u32, u32, u32);

/// Reads one shard: magic, language count and codes, bucket bits, shard bits, shard index, blob
/// length, then the shard's bucket table (`2^(bits - shard_bits) + 1` u32 offsets into the blob)
/// and the blob, where each bucket is one byte of entry count, its entries (u16 fingerprint, u8
/// value count) and then their values, two bytes each (language slot, quantised value), entry by
/// entry: a look-up reads one offset and one place in the blob.
fn parse_shard(bytes: &'static [u8]) -> Option<(Header, Shard)> {
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
    let shard_bits = u32_at(bytes, at + 4)?;
    let index = u32_at(bytes, at + 8)?;
    let blob_len = u32_at(bytes, at + 12)? as usize;
    at += 16;
    if !(1..=30).contains(&bits) || shard_bits >= bits || shard_bits > 8 {
        return None;
    }
    let offsets_len = ((1usize << (bits - shard_bits)) + 1) * 4;
    let offsets = bytes.get(at..at + offsets_len)?;
    at += offsets_len;
    let blob = bytes.get(at..at + blob_len)?;
    if at + blob_len != bytes.len() || u32_at(offsets, offsets_len - 4)? as usize != blob_len {
        return None;
    }
    Some(((langs, bits, shard_bits, index), Shard { offsets, blob }))
}

impl NgramModel {
    /// The shipped model (`None` if a shard is damaged, which a test rules out).
    pub fn shipped() -> Option<&'static NgramModel> {
        static MODEL: OnceLock<Option<NgramModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| NgramModel::from_shards(&SHARDS))
            .as_ref()
    }

    /// Reads a model from all its shards, in index order; `None` if one is damaged, missing or
    /// from another model.
    pub fn from_shards(parts: &[&'static [u8]]) -> Option<NgramModel> {
        let mut header: Option<(Vec<Lang>, u32, u32)> = None;
        let mut shards = Vec::with_capacity(parts.len());
        for (i, bytes) in parts.iter().enumerate() {
            let ((langs, bits, shard_bits, index), shard) = parse_shard(bytes)?;
            if index as usize != i {
                return None;
            }
            match &header {
                None => header = Some((langs, bits, shard_bits)),
                Some(h) if *h == (langs, bits, shard_bits) => {}
                Some(_) => return None,
            }
            shards.push(shard);
        }
        let (langs, bits, shard_bits) = header?;
        if shards.len() != 1 << shard_bits {
            return None;
        }
        let mut slot_of = vec![255u8; LangSet::all().len()];
        for (slot, lang) in langs.iter().enumerate() {
            if let Some(s) = super::codes::index_of(*lang).and_then(|i| slot_of.get_mut(i)) {
                *s = slot as u8;
            }
        }
        Some(NgramModel {
            langs,
            slot_of,
            bits,
            shard_bits,
            shards,
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

    /// The slots of the languages of `set` the model holds.
    pub fn slots_of(&self, set: LangSet) -> SlotMask {
        let mut mask: SlotMask = 0;
        for i in set.indices() {
            let slot = self.slot_of.get(i).copied().unwrap_or(255);
            if usize::from(slot) < self.langs.len() {
                mask |= 1 << slot;
            }
        }
        mask
    }

    /// The model's languages in which the letter `c` (lowercase) has a probability of at least
    /// `e^min_log_prob` among all letters: the languages that write it.
    pub fn letter_users(&self, c: char, min_log_prob: f32) -> LangSet {
        let mut buf = [0u8; 4];
        let values = self.lookup(c.encode_utf8(&mut buf).as_bytes());
        let mut set = LangSet::EMPTY;
        for pair in values.chunks_exact(2) {
            if -f32::from(pair[1]) / SCALE >= min_log_prob {
                if let Some(lang) = self.langs.get(usize::from(pair[0])) {
                    set.insert(*lang);
                }
            }
        }
        set
    }

    /// The stored values of a key (an n-gram, or a word of a word table): `(slot, quantised
    /// value)` byte pairs, in slot order; empty when the table does not hold it.
    pub fn values(&self, key: &str) -> &'static [u8] {
        self.lookup(key.as_bytes())
    }

    /// The stored values of an n-gram: `(slot, quantised value)` byte pairs, in slot order.
    fn lookup(&self, ngram: &[u8]) -> &'static [u8] {
        self.try_lookup(ngram).unwrap_or(&[])
    }

    fn try_lookup(&self, ngram: &[u8]) -> Option<&'static [u8]> {
        let h = ngram_hash(ngram);
        let b = bucket(h, self.bits);
        let local_bits = self.bits - self.shard_bits;
        let shard = self.shards.get(b >> local_bits)?;
        let local = b & ((1 << local_bits) - 1);
        let fp = fingerprint(h);
        let start = u32_at(shard.offsets, local * 4)? as usize;
        let blob = shard.blob;
        let n = usize::from(*blob.get(start)?);
        let entries = start + 1;
        let mut v = entries + n * 3;
        for e in 0..n {
            let at = entries + e * 3;
            let count = usize::from(*blob.get(at + 2)?);
            if u16_at(blob, at)? == fp {
                return blob.get(v..v + 2 * count);
            }
            v += 2 * count;
        }
        None
    }

    /// Adds the log-likelihood of `text` under each language of `slots` to `scores` (indexed like
    /// [`NgramModel::langs`]); returns the number of letters scored.
    pub fn score(&self, text: &str, slots: SlotMask, scores: &mut [f32; MAX_LANGS]) -> usize {
        self.score_until(text, slots, scores, f32::INFINITY, None, None)
    }

    /// Like [`NgramModel::score`], but stops after the first word at which the best language
    /// leads every other by `margin` or more (long texts are usually decided after a few words).
    /// A capitalised word inside a sentence (most often a name, which travels between languages)
    /// counts [`NAME_WEIGHT`] of an ordinary word. Words that are no language's evidence are
    /// skipped: with `script` given, words in another script (an Urdu phrase after English
    /// words says nothing about which Latin-script language they are; some models saw a few
    /// such letters and would win on them), and identifiers with a capital inside a lowercase
    /// word (`missingCommitsCheck`). With `words` given, each word's frequency in each language
    /// counts beside its letters.
    pub fn score_until(
        &self,
        text: &str,
        slots: SlotMask,
        scores: &mut [f32; MAX_LANGS],
        margin: f32,
        script: Option<Script>,
        words: Option<&WordFreq>,
    ) -> usize {
        let mut word = String::with_capacity(32);
        let mut letters = 0;
        let mut name = false;
        let mut skip = false;
        let (mut has_lower, mut inner_upper) = (false, false);
        let mut sentence_start = true;
        let mut word_scores = [0f32; MAX_LANGS];
        let mut flush = |word: &mut String, name: bool, scores: &mut [f32; MAX_LANGS]| {
            for_each_slot(slots, |i| {
                if let Some(s) = word_scores.get_mut(i) {
                    *s = 0.0;
                }
            });
            let n = self.score_word(word, slots, &mut word_scores);
            if let Some(words) = words {
                words.add(word, slots, &mut word_scores);
            }
            let weight = if name { NAME_WEIGHT } else { 1.0 };
            for_each_slot(slots, |i| {
                if let (Some(s), Some(w)) = (scores.get_mut(i), word_scores.get(i)) {
                    *s += weight * w;
                }
            });
            word.clear();
            n
        };
        for c in text.chars() {
            if c.is_alphabetic() {
                if word.is_empty() {
                    name = c.is_uppercase() && !sentence_start;
                    sentence_start = false;
                    skip = script.is_some_and(|s| Script::of(c).is_some_and(|w| w != s));
                    (has_lower, inner_upper) = (false, false);
                } else if c.is_uppercase() {
                    inner_upper = true;
                }
                has_lower |= c.is_lowercase();
                word.extend(c.to_lowercase());
            } else {
                if !word.is_empty() {
                    let noise = skip || (inner_upper && has_lower);
                    if noise {
                        word.clear();
                    } else {
                        letters += flush(&mut word, name, scores);
                        if margin.is_finite() && lead(scores, slots) >= margin {
                            return letters;
                        }
                    }
                }
                if matches!(
                    c,
                    '.' | '!' | '?' | ':' | '\n' | '«' | '"' | '“' | '„' | '¿' | '¡'
                ) {
                    sentence_start = true;
                }
            }
        }
        let noise = skip || (inner_upper && has_lower);
        if !word.is_empty() && !noise {
            letters += flush(&mut word, name, scores);
        }
        letters
    }

    /// Scores one lowercase word: every letter under orders one to five.
    fn score_word(&self, word: &str, slots: SlotMask, scores: &mut [f32; MAX_LANGS]) -> usize {
        let mut starts = [0usize; MAX_ORDER];
        let mut count = 0usize;
        let bytes = word.as_bytes();
        // values are stored in slot order: past the highest wanted slot nothing more is wanted
        let last_slot = (MAX_LANGS - 1).saturating_sub(slots.leading_zeros() as usize);
        // value of the longest seen suffix so far, per language
        let mut current = [FLOOR; MAX_LANGS];
        for (end_pos, c) in word.char_indices() {
            let end = end_pos + c.len_utf8();
            starts.rotate_right(1);
            starts[0] = end_pos;
            count += 1;
            for_each_slot(slots, |i| {
                if let Some(cur) = current.get_mut(i) {
                    *cur = FLOOR;
                }
            });
            let mut alive = slots;
            for &start in starts.iter().take(count.min(MAX_ORDER)) {
                if alive != 0 {
                    let mut found: SlotMask = 0;
                    let values = self.lookup(bytes.get(start..end).unwrap_or(&[]));
                    for pair in values.chunks_exact(2) {
                        let slot = usize::from(pair[0]);
                        if slot > last_slot {
                            break;
                        }
                        let bit: SlotMask = 1 << (slot & (MAX_LANGS - 1));
                        if alive & bit != 0 {
                            if let Some(cur) = current.get_mut(slot) {
                                *cur = -f32::from(pair[1]) / SCALE;
                            }
                            found |= bit;
                        }
                    }
                    alive &= found;
                }
                // a language that never saw this n-gram never saw a longer one: it keeps backing off
                for_each_slot(slots, |i| {
                    if let (Some(s), Some(c)) = (scores.get_mut(i), current.get(i)) {
                        *s += *c;
                    }
                });
            }
        }
        count
    }
}

/// Weight of the evidence of a capitalised word inside a sentence: names ("Sánchez" in a Polish
/// sentence) travel between languages, the words around them do not.
pub const NAME_WEIGHT: f32 = 0.25;

/// Calls `f` with the index of every slot of `mask`, in order.
pub fn for_each_slot(mut mask: SlotMask, mut f: impl FnMut(usize)) {
    while mask != 0 {
        f(mask.trailing_zeros() as usize);
        mask &= mask - 1;
    }
}

/// How far the best score among `slots` leads the second best.
fn lead(scores: &[f32; MAX_LANGS], slots: SlotMask) -> f32 {
    let (mut first, mut second) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for_each_slot(slots, |i| {
        let s = scores.get(i).copied().unwrap_or(f32::NEG_INFINITY);
        if s > first {
            second = first;
            first = s;
        } else if s > second {
            second = s;
        }
    });
    first - second
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses_and_scores() {
        let model = NgramModel::shipped();
        assert!(model.is_some(), "a shard of the n-gram model is damaged");
        let Some(model) = model else { return };
        assert!(
            model.langs().len() >= 60,
            "{} languages",
            model.langs().len()
        );
        let slot = |code: &str| {
            model
                .langs()
                .iter()
                .position(|l| l.as_str() == code)
                .unwrap_or(0)
        };
        let (en, de, nl) = (slot("en"), slot("de"), slot("nl"));
        let mut scores = [0f32; MAX_LANGS];
        let slots: SlotMask = (1 << en) | (1 << de) | (1 << nl);
        assert_eq!(model.score("the weather", slots, &mut scores), 10);
        assert!(scores[en] > scores[de] && scores[en] > scores[nl]);
        let mut scores = [0f32; MAX_LANGS];
        model.score("das Wetter", slots, &mut scores);
        assert!(scores[de] > scores[en] && scores[de] > scores[nl]);
        let mut scores = [0f32; MAX_LANGS];
        model.score("het weer is mooi", slots, &mut scores);
        assert!(scores[nl] > scores[en] && scores[nl] > scores[de]);
    }

    #[test]
    fn damaged_or_missing_shards_are_refused() {
        assert!(NgramModel::from_shards(&[b"TLNGRAM3"]).is_none());
        assert!(NgramModel::from_shards(&[b"nonsense"]).is_none());
        let first = SHARDS[0];
        let truncated = first.get(..first.len() / 2).unwrap_or(&[]);
        let mut parts = SHARDS;
        parts[0] = truncated;
        assert!(NgramModel::from_shards(&parts).is_none());
        assert!(NgramModel::from_shards(&SHARDS[..7]).is_none());
        let mut swapped = SHARDS;
        swapped.swap(0, 1);
        assert!(NgramModel::from_shards(&swapped).is_none());
    }

    #[test]
    fn a_name_inside_a_sentence_weighs_less_than_the_words_around_it() {
        let Some(model) = NgramModel::shipped() else {
            return;
        };
        let slot = |code: &str| {
            model
                .langs()
                .iter()
                .position(|l| l.as_str() == code)
                .unwrap_or(0)
        };
        let (es, pl) = (slot("es"), slot("pl"));
        let slots: SlotMask = (1 << es) | (1 << pl);
        let mut as_name = [0f32; MAX_LANGS];
        model.score("jak Sánchez", slots, &mut as_name);
        let mut as_word = [0f32; MAX_LANGS];
        model.score("jak sánchez", slots, &mut as_word);
        assert!(as_name[es] - as_name[pl] < as_word[es] - as_word[pl]);
    }
}
