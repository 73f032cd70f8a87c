//! The shared vocabulary of a document pair: both sides as token ids (identical normalised
//! tokens share an id), and the cognate pairs between the two sides' words.

use std::fmt::{Display, Write};

use rustc_hash::FxHashMap as HashMap;

use super::features::{
    normalize_word, prefix_share, roman_numeral, scan_pieces, second_reading, stem_reading,
    word_similarity, Piece, Translit,
};
use super::mine::roots::sound_key;

/// A token id in the pair's shared vocabulary (identical normalised tokens share an id).
pub type TokenId = u32;

/// Both sides of a document pair as token ids over one vocabulary.
#[derive(Debug, Default)]
pub struct Tokenised {
    /// The vocabulary: id → normalised token (words as is, numbers `#n…`, punctuation `#p…`).
    pub vocab: Vec<String>,
    /// Lookup from normalised token to id (FxHash: the keys are the document's own words, and
    /// hashing every token of a short document with SipHash cost more than tokenising it).
    pub ids: HashMap<String, TokenId>,
    /// Whether each token id is a word (not a number or punctuation shape).
    pub is_word: Vec<bool>,
    /// Token ids of each source sentence.
    pub src: Vec<Vec<TokenId>>,
    /// Token ids of each target sentence.
    pub tgt: Vec<Vec<TokenId>>,
    /// Per token id, a word as written on the source side (lowercase; "" when not seen there).
    pub src_surface: Vec<String>,
    /// Per token id, a word as written on the target side (lowercase; "" when not seen there).
    pub tgt_surface: Vec<String>,
}

impl Tokenised {
    /// Tokenises both sides (see [`super::features::tokens`]) into one vocabulary.
    ///
    /// Each side is tokenised on its own (the two in parallel), then the two vocabularies are
    /// merged: ids follow first occurrence, source side first, as one pass over both would give.
    pub fn new(src: &[&str], tgt: &[&str], src_style: Translit, tgt_style: Translit) -> Self {
        let (src_side, tgt_side) = rayon::join(
            || SideVocab::tokenise(src, src_style),
            || SideVocab::tokenise(tgt, tgt_style),
        );
        // the source side's ids are the first ids of the whole
        let vocab = in_order(src_side.ids.iter().map(|(k, &id)| (k.clone(), id)));
        let mut t = Tokenised {
            vocab,
            ids: src_side.ids,
            is_word: src_side.words,
            src: src_side.sentences,
            src_surface: src_side.surfaces,
            ..Tokenised::default()
        };
        let tgt_ids: Vec<TokenId> = in_order(tgt_side.ids.into_iter())
            .into_iter()
            .zip(tgt_side.words)
            .map(|(key, word)| match t.ids.get(&key) {
                Some(&id) => id,
                None => t.add(key, word),
            })
            .collect();
        let v = t.vocab.len();
        t.src_surface.resize(v, String::new());
        t.tgt_surface = place(tgt_side.surfaces, &tgt_ids, v);
        t.tgt = renumber(tgt_side.sentences, &tgt_ids);
        t
    }

    /// Adds a new token to the vocabulary.
    fn add(&mut self, key: String, word: bool) -> TokenId {
        let id = self.vocab.len() as TokenId;
        self.ids.insert(key.clone(), id);
        self.vocab.push(key);
        self.is_word.push(word);
        id
    }

    /// Per token id: (occurs on the source side, occurs on the target side).
    pub fn presence(&self) -> Vec<(bool, bool)> {
        let mut p = vec![(false, false); self.vocab.len()];
        for &t in self.src.iter().flatten() {
            if let Some(e) = p.get_mut(t as usize) {
                e.0 = true;
            }
        }
        for &t in self.tgt.iter().flatten() {
            if let Some(e) = p.get_mut(t as usize) {
                e.1 = true;
            }
        }
        p
    }

    /// Pairs of (source word, target word) ids that are cognates or the same name in two
    /// spellings: words of 4+ characters seen on one side only, whose best match on the other side
    /// (among words sharing the first three letters) is at least `min_similarity` similar. A
    /// word romanised from another script also meets the other side's words that share its
    /// sound key (`align::mine::roots::sound_key`): romanisation writes some sounds as English
    /// does not at the start of a word (Ukrainian `Афганістан` → afhanistan, *Afghanistan*).
    pub fn cognate_pairs(&self, min_similarity: f64) -> Vec<(TokenId, TokenId)> {
        let presence = self.presence();
        let mut buckets: HashMap<[char; 3], Buckets> = HashMap::default();
        let mut sounds: HashMap<String, Buckets> = HashMap::default();
        let mut readings: HashMap<TokenId, Vec<Reading>> = HashMap::default();
        let romanised = |side: &[String], id: usize| {
            side.get(id)
                .is_some_and(|w| w.chars().any(super::features::is_cyrillic))
        };
        let cross_script = (0..self.vocab.len())
            .any(|id| romanised(&self.src_surface, id) || romanised(&self.tgt_surface, id));
        for (id, word) in self.vocab.iter().enumerate() {
            let (in_src, in_tgt) = presence.get(id).copied().unwrap_or((false, false));
            if !self.is_word.get(id).copied().unwrap_or(false) || (in_src && in_tgt) {
                continue;
            }
            let mut chars = word.chars();
            let (Some(c0), Some(c1), Some(c2)) = (chars.next(), chars.next(), chars.next()) else {
                continue;
            };
            if word.chars().count() < 4 {
                continue;
            }
            let add = |entry: &mut Buckets| {
                if in_src {
                    entry.0.push(id as TokenId);
                } else if in_tgt {
                    entry.1.push(id as TokenId);
                }
            };
            add(buckets.entry([c0, c1, c2]).or_default());
            // a Ukrainian loanword read the Russian way meets the other side's spelling
            // (`stratehichne` / `strategichne`, *strategic*)
            let surface = [&self.src_surface, &self.tgt_surface]
                .into_iter()
                .find_map(|side| side.get(id).filter(|w| !w.is_empty()));
            let more: Vec<Reading> = [
                surface.and_then(|w| second_reading(w, word)),
                surface.and_then(|w| stem_reading(w)),
            ]
            .into_iter()
            .flatten()
            .map(|text| Reading::new(text, word))
            .collect();
            if !more.is_empty() {
                readings.insert(id as TokenId, more);
            }
            if let Some(key) = cross_script.then(|| sound_key(word)).flatten() {
                add(sounds.entry(key).or_default());
            }
        }
        let mut pairs = Vec::new();
        for (srcs, tgts) in buckets.values() {
            self.best_pairs(
                srcs,
                tgts,
                min_similarity,
                &readings,
                |_, _| true,
                &mut pairs,
            );
        }
        // sound buckets pair a romanised word with a word of the other script only
        let crosses = |s: TokenId, t: TokenId| {
            romanised(&self.src_surface, s as usize) != romanised(&self.tgt_surface, t as usize)
        };
        for (srcs, tgts) in sounds.values() {
            self.best_pairs(srcs, tgts, min_similarity, &readings, crosses, &mut pairs);
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// Adds to `pairs` each word's best match on the other side of its bucket, when at least
    /// `min_similarity` similar and `allowed` (source id, target id). A word with a second
    /// reading in `readings` (see [`second_reading`]) is as similar as its closer reading.
    fn best_pairs(
        &self,
        srcs: &[TokenId],
        tgts: &[TokenId],
        min_similarity: f64,
        readings: &HashMap<TokenId, Vec<Reading>>,
        allowed: impl Fn(TokenId, TokenId) -> bool,
        pairs: &mut Vec<(TokenId, TokenId)>,
    ) {
        // A second reading differs from the first in a few letters of the same count, so its
        // edit distance to `b` is at most that many lower: skip it when neither that bound nor
        // its common prefix can reach `min_similarity` (the result is the same, cheaper).
        // A reading of another length (a stem) is at most as similar as its length allows.
        let with_reading = |plain: f64, reading: &Reading, b: &str| {
            let lb = b.chars().count();
            let longer = reading.letters.max(lb) as f64;
            let bound = match reading.changed {
                Some(changed) => plain + changed as f64 / longer,
                None => 1.0 - reading.letters.abs_diff(lb) as f64 / longer,
            };
            if bound < min_similarity {
                return plain.max(prefix_share(&reading.text, b));
            }
            plain.max(word_similarity(&reading.text, b))
        };
        let similarity = |w: TokenId, a: &str, o: TokenId, b: &str| {
            let plain = word_similarity(a, b);
            if plain >= min_similarity || readings.is_empty() {
                return plain; // the first reading already matches, or is the only one
            }
            let plain = readings.get(&w).map_or(plain, |rs| {
                rs.iter().fold(plain, |s, r| with_reading(s, r, b))
            });
            readings.get(&o).map_or(plain, |rs| {
                rs.iter().fold(plain, |s, r| with_reading(s, r, a))
            })
        };
        let best_of = |w: TokenId, others: &[TokenId], w_src: bool| -> Option<TokenId> {
            let a = self.vocab.get(w as usize)?;
            let la = a.chars().count();
            let mut best: Option<(f64, TokenId)> = None;
            for &o in others {
                let ok = if w_src { allowed(w, o) } else { allowed(o, w) };
                let b = self.vocab.get(o as usize)?;
                // Similarity is at most shorter/longer length: skip hopeless pairs early.
                let lb = b.chars().count();
                if !ok || (la.min(lb) as f64) < min_similarity * la.max(lb) as f64 * 0.75 {
                    continue;
                }
                let s = similarity(w, a, o, b);
                if s >= min_similarity && best.is_none_or(|(bs, bo)| s > bs || (s == bs && o < bo))
                {
                    best = Some((s, o));
                }
            }
            best.map(|(_, o)| o)
        };
        for &s in srcs {
            if let Some(t) = best_of(s, tgts, true) {
                pairs.push((s, t));
            }
        }
        for &t in tgts {
            if let Some(s) = best_of(t, srcs, false) {
                pairs.push((s, t));
            }
        }
    }
}

/// One side's tokens over a vocabulary of its own (ids in order of first occurrence).
#[derive(Default)]
struct SideVocab {
    /// Normalised key -> local id.
    ids: HashMap<String, TokenId>,
    /// Per local id: whether it is a word (not a number or punctuation shape).
    words: Vec<bool>,
    /// Per local id: the word as first written on this side, lowercase ("" for shapes).
    surfaces: Vec<String>,
    /// Local ids of each sentence.
    sentences: Vec<Vec<TokenId>>,
}

impl SideVocab {
    /// Tokenises one side's sentences.
    fn tokenise(sentences: &[&str], style: Translit) -> Self {
        let mut side = SideVocab::default();
        // words as written -> id, so that a word met again is not normalised again
        let mut seen: HashMap<&str, TokenId> = HashMap::default();
        let mut key = String::new();
        side.sentences = sentences
            .iter()
            .map(|text| {
                let mut ids = Vec::new();
                scan_pieces(text, |piece| {
                    let id = match piece {
                        Piece::Word(surface) => {
                            if let Some(&id) = seen.get(surface) {
                                ids.push(id);
                                return;
                            }
                            // `camp IV` is `Lager 4`
                            let id = match roman_numeral(surface) {
                                Some(n) => side.intern_shape(&mut key, 'n', n),
                                None => side.intern_word(normalize_word(surface, style), surface),
                            };
                            seen.insert(surface, id);
                            id
                        }
                        Piece::Number(n) => side.intern_shape(&mut key, 'n', n),
                        Piece::Punct(p) => side.intern_shape(&mut key, 'p', p),
                    };
                    ids.push(id);
                });
                ids
            })
            .collect();
        side
    }

    /// The id of a number or punctuation shape (`#n…`, `#p…`), written into `key`.
    fn intern_shape(&mut self, key: &mut String, kind: char, value: impl Display) -> TokenId {
        key.clear();
        // writing into a String cannot fail
        let _ = write!(key, "#{kind}{value}");
        match self.ids.get(key.as_str()) {
            Some(&id) => id,
            None => self.add(key.clone(), false, String::new()),
        }
    }

    /// The id of a normalised word, recording its first spelling on this side.
    fn intern_word(&mut self, word: String, surface: &str) -> TokenId {
        match self.ids.get(&word) {
            Some(&id) => id,
            None => self.add(word, true, surface.to_lowercase()),
        }
    }

    fn add(&mut self, key: String, word: bool, surface: String) -> TokenId {
        let id = self.words.len() as TokenId;
        self.ids.insert(key, id);
        self.words.push(word);
        self.surfaces.push(surface);
        id
    }
}

/// The keys of a map to ids `0..n`, in the order of their ids.
fn in_order(ids: impl ExactSizeIterator<Item = (String, TokenId)>) -> Vec<String> {
    let mut keys = vec![String::new(); ids.len()];
    for (key, id) in ids {
        if let Some(slot) = keys.get_mut(id as usize) {
            *slot = key;
        }
    }
    keys
}

/// One side's surfaces, moved from local ids to their ids in the whole vocabulary of `v` ids.
fn place(surfaces: Vec<String>, ids: &[TokenId], v: usize) -> Vec<String> {
    let mut out = vec![String::new(); v];
    for (surface, &id) in surfaces.into_iter().zip(ids) {
        if let Some(slot) = out.get_mut(id as usize) {
            *slot = surface;
        }
    }
    out
}

/// Sentences of local ids as ids in the whole vocabulary.
fn renumber(sentences: Vec<Vec<TokenId>>, ids: &[TokenId]) -> Vec<Vec<TokenId>> {
    sentences
        .into_iter()
        .map(|mut s| {
            for t in &mut s {
                *t = ids.get(*t as usize).copied().unwrap_or(*t);
            }
            s
        })
        .collect()
}

/// A word's second reading (see [`second_reading`]), with what bounds its similarity cheaply.
#[derive(Debug)]
struct Reading {
    text: String,
    /// Its length in characters.
    letters: usize,
    /// Letters that differ from the first reading, when both have the same length.
    changed: Option<usize>,
}

impl Reading {
    fn new(text: String, first: &str) -> Self {
        let letters = text.chars().count();
        let changed = (letters == first.chars().count()).then(|| {
            text.chars()
                .zip(first.chars())
                .filter(|(x, y)| x != y)
                .count()
        });
        Reading {
            text,
            letters,
            changed,
        }
    }
}

/// The source words and the target words of one bucket of [`Tokenised::cognate_pairs`].
type Buckets = (Vec<TokenId>, Vec<TokenId>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_meet_digits() {
        let tok = Tokenised::new(
            &["Lager 4 am 19. Juli"],
            &["Le camp IV le 19 juillet"],
            Translit::Russian,
            Translit::Russian,
        );
        assert_eq!(tok.src[0][1], tok.tgt[0][2]);
    }

    #[test]
    fn cognate_pairs_link_spellings() {
        let src = ["Himalaya"];
        let tgt = ["himalayenne"];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Russian);
        assert_eq!(tok.cognate_pairs(0.7).len(), 1);
    }

    #[test]
    fn identical_tokens_share_ids_across_sides() {
        let tok = Tokenised::new(
            &["Everest 8848 ?"],
            &["Эверест 8848 ?"],
            Translit::Russian,
            Translit::Russian,
        );
        assert_eq!(tok.src[0][1], tok.tgt[0][1]);
        assert_eq!(
            tok.src[0], tok.tgt[0],
            "everest, 8848 and ? match across scripts"
        );
    }

    /// The cognate pairs at the aligner's threshold, as (source word, target word).
    fn cognate_words(tok: &Tokenised) -> Vec<(&str, &str)> {
        tok.cognate_pairs(0.72)
            .iter()
            .map(|&(s, t)| {
                (
                    tok.vocab[s as usize].as_str(),
                    tok.vocab[t as usize].as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn ukrainian_loanwords_meet_their_english_spelling_read_the_russian_way() {
        let src = ["The Strategic Command of the Department is tracking the debris ."];
        let tgt = ["Стратегічне командування при Міністерстві оборони відстежує уламки ."];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Ukrainian);
        let words = cognate_words(&tok);
        assert!(words.contains(&("strategic", "stratehichne")), "{words:?}");
    }

    #[test]
    fn inflected_names_and_loanwords_meet_their_english_spelling() {
        let src = ["Germany could have conquered Britain; the tariffs stayed ."];
        let tgt = ["Німеччина могла б завоювати Британію; за тарифами нічого ."];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Ukrainian);
        let words = cognate_words(&tok);
        assert!(words.contains(&("britain", "brytaniyu")), "{words:?}");
        assert!(words.contains(&("tariffs", "taryfamy")), "{words:?}");
        let tgt = ["Германия могла бы завоевать Британию; по тарифам ничего ."];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Russian);
        let words = cognate_words(&tok);
        assert!(words.contains(&("britain", "britaniyu")), "{words:?}");
    }

    #[test]
    fn romanised_names_meet_their_english_spelling_through_sound() {
        let src = ["The plane was diverted back to Afghanistan ."];
        let tgt = ["Літак відправили назад в Афганістан ."];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Ukrainian);
        let words = cognate_words(&tok);
        assert!(words.contains(&("afghanistan", "afhanistan")), "{words:?}");
    }
}
