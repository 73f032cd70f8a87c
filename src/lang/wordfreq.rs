//! Word frequencies: how often a common word is written in each language that lists it. Character
//! n-grams never see a whole word, so `das`, `mă` or `ikke` weigh no more than any word of the
//! same letters; a frequency list tells a language's own words from ones that merely look like
//! it, which decides single words and separates close languages (nb/da, id/ms, cs/sk, es/ca/pt).
//!
//! The lists are the "small" lists of the wordfreq package (Robyn Speer et al., data CC BY-SA 4.0;
//! up to 40,000 words a language, 33 of the model's languages), compiled by
//! `examples/build_word_table.rs` into the crate `talign-lang-words` (`crates/talign-lang-words`,
//! licensed as its source is): a table in the n-gram model's shard format, with the model's slot
//! order, read in place.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::codes::LangSet;
use super::model::{for_each_slot, NgramModel, SlotMask, MAX_LANGS};

/// The compiled table.
static TABLE: &[u8] = talign_lang_words::WORDS;

/// Frequency (as `-10 · log10`) just below the rarest listed word: a word a language does not
/// list counts as this rare there.
const ABSENT: f32 = 70.0;

/// Log-likelihood added per tenfold of frequency above [`ABSENT`], against the n-gram scores
/// (summed over five orders).
const PER_DECADE: f32 = 6.0;

/// Share of the best listed language's bonus given to a language without a list (et, hr, be ...):
/// it may well write the word too.
const UNLISTED_SHARE: f32 = 0.75;

/// Words a text needs before its coverage by a word list says anything.
pub const MIN_COVERED_WORDS: usize = 4;

/// Words read for the coverage of a long text (a document's language check): a sample that
/// size gives the share well enough, and the check stays cheap.
pub const MAX_COVERED_WORDS: usize = 50;

/// The word table, the model slots of the languages it lists, and for each unlisted language the
/// slots of its listed siblings, whose lists stand in for its own.
#[derive(Debug)]
pub struct WordFreq {
    table: NgramModel,
    listed: SlotMask,
    proxies: Vec<(usize, SlotMask, crate::doc::Lang)>,
}

impl WordFreq {
    /// The shipped table, for the shipped model only (its slots are that model's), when it
    /// parses and has the model's languages in the model's order (checked once).
    pub fn shipped(model: &NgramModel) -> Option<&'static WordFreq> {
        static WORDS: OnceLock<Option<WordFreq>> = OnceLock::new();
        let shipped = NgramModel::shipped()?;
        if !std::ptr::eq(model, shipped) {
            return None;
        }
        WORDS
            .get_or_init(|| {
                let table = NgramModel::from_shards(&[TABLE])?;
                if table.langs() != shipped.langs() {
                    return None;
                }
                let listed = shipped.slots_of(listed_langs());
                let proxies = shipped
                    .langs()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| listed & (1 << i) == 0)
                    .map(|(i, l)| (i, shipped.slots_of(same_script_siblings(*l)) & listed, *l))
                    .filter(|(_, p, _)| *p != 0)
                    .collect();
                Some(WordFreq {
                    table,
                    listed,
                    proxies,
                })
            })
            .as_ref()
    }

    /// The share of the words of `text` that the list of the language in `slot` holds (words
    /// lowercased; capitalised words after the first, names mostly, left out; the first
    /// [`MAX_COVERED_WORDS`] at most); `None` for a language without a list or a text of fewer
    /// than [`MIN_COVERED_WORDS`] such words.
    pub fn coverage(&self, text: &str, slot: usize) -> Option<f32> {
        if slot >= MAX_LANGS || self.listed & (1 << slot) == 0 {
            return None;
        }
        let (mut words, mut found) = (0usize, 0usize);
        // counts a finished word; returns the words counted so far
        let mut count = |word: &mut String, name: bool| {
            if !word.is_empty() && !name {
                words += 1;
                let values = self.table.values(word);
                found += usize::from(values.chunks_exact(2).any(|p| usize::from(p[0]) == slot));
            }
            word.clear();
            words
        };
        let (mut word, mut name, mut first) = (String::with_capacity(32), false, true);
        for c in text.chars() {
            if c.is_alphabetic() {
                if word.is_empty() {
                    name = c.is_uppercase() && !first;
                    first = false;
                }
                word.extend(c.to_lowercase());
            } else {
                if count(&mut word, name) >= MAX_COVERED_WORDS {
                    break;
                }
            }
        }
        count(&mut word, name);
        (words >= MIN_COVERED_WORDS).then(|| found as f32 / words as f32)
    }

    /// Adds each language's word-frequency evidence for `word` (lowercase) to `scores`, for the
    /// languages of `slots`: a listed language by its own list, an unlisted one by its listed
    /// siblings' (Nynorsk by Bokmål's, Afrikaans by Dutch's) except for the words
    /// `data/lang/distinctive.tsv` gives to those siblings only (`ikke`, `jeg`), or else by a
    /// share of the best.
    pub fn add(&self, word: &str, slots: SlotMask, scores: &mut [f32; MAX_LANGS]) {
        let values = self.table.values(word);
        if values.is_empty() {
            return;
        }
        let mut bonus = [0f32; MAX_LANGS];
        let mut best = 0f32;
        for pair in values.chunks_exact(2) {
            if let Some(b) = bonus.get_mut(usize::from(pair[0])) {
                *b = PER_DECADE * (ABSENT - f32::from(pair[1])).max(0.0) / 10.0;
                best = best.max(*b);
            }
        }
        let mut unlisted = slots & !self.listed;
        let mut owners = None;
        for &(slot, proxy, lang) in &self.proxies {
            if unlisted & (1 << slot) != 0 {
                unlisted &= !(1 << slot);
                let mut b = 0f32;
                for_each_slot(proxy, |i| b = b.max(bonus.get(i).copied().unwrap_or(0.0)));
                if b <= 0.0 {
                    continue;
                }
                // a sibling's own spelling (`ikke` for Nynorsk's `ikkje`) is not this language's
                let owners = *owners.get_or_insert_with(|| distinctive_owners(word));
                if owners.is_some_and(|o: LangSet| {
                    !o.contains(lang) && !o.and(super::siblings::siblings_of(lang)).is_empty()
                }) {
                    continue;
                }
                if let Some(s) = scores.get_mut(slot) {
                    *s += b;
                }
            }
        }
        for_each_slot(slots & self.listed, |i| {
            if let (Some(s), Some(b)) = (scores.get_mut(i), bonus.get(i)) {
                *s += *b;
            }
        });
        for_each_slot(unlisted, |i| {
            if let Some(s) = scores.get_mut(i) {
                *s += best * UNLISTED_SHARE;
            }
        });
    }
}

/// The languages of its sibling group that write `word` (from `data/lang/distinctive.tsv`),
/// for a word that table lists: a language reading a sibling's list does not take that
/// sibling's own spellings from it.
fn distinctive_owners(word: &str) -> Option<LangSet> {
    static OWNERS: OnceLock<FxHashMap<&'static str, LangSet>> = OnceLock::new();
    OWNERS
        .get_or_init(|| {
            let mut map: FxHashMap<&'static str, LangSet> = FxHashMap::default();
            for line in include_str!("../../data/lang/distinctive.tsv").lines() {
                if line.starts_with('#') {
                    continue;
                }
                if let Some((code, w)) = line.split_once('\t') {
                    let set = map.entry(w.trim()).or_insert(LangSet::EMPTY);
                    *set = set.or(LangSet::of_codes(&[code.trim()]));
                }
            }
            map
        })
        .get(word)
        .copied()
}

/// The siblings of `lang` that write one of its scripts (Serbian's Cyrillic is not Slovenian's
/// Latin).
fn same_script_siblings(lang: crate::doc::Lang) -> LangSet {
    let siblings = super::siblings::siblings_of(lang);
    super::script::Script::ALL
        .iter()
        .filter(|s| s.langs().contains(lang))
        .fold(LangSet::EMPTY, |a, s| a.or(s.langs().and(siblings)))
}

/// The languages with a word list.
pub fn listed_langs() -> LangSet {
    LangSet::of_codes(&LISTED)
}

/// The model languages wordfreq lists (its `fil` is `tl`).
const LISTED: [&str; 33] = [
    "ar", "bg", "ca", "cs", "da", "de", "en", "es", "fa", "fi", "fr", "hi", "hu", "id", "is", "it",
    "lt", "lv", "mk", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "tl", "tr", "uk", "ur",
    "vi",
];

#[cfg(test)]
mod tests {
    use super::LangSet;
    use super::*;
    use crate::doc::Lang;

    fn table() -> Option<(&'static NgramModel, &'static WordFreq)> {
        let model = NgramModel::shipped()?;
        Some((model, WordFreq::shipped(model)?))
    }

    fn has(table: &WordFreq, model: &NgramModel, word: &str, code: &str) -> bool {
        let slot = model.langs().iter().position(|l| l.as_str() == code);
        table
            .table
            .values(word)
            .chunks_exact(2)
            .any(|p| Some(usize::from(p[0])) == slot)
    }

    #[test]
    fn the_shipped_table_has_the_model_languages_and_common_words() {
        let parsed = table();
        assert!(
            parsed.is_some(),
            "the word table is damaged or out of step with the model"
        );
        let Some((model, words)) = parsed else { return };
        for (word, code) in [
            ("und", "de"),
            ("ikke", "nb"),
            ("ikke", "da"),
            ("що", "uk"),
            ("jest", "pl"),
            ("tudi", "sl"),
            ("aku", "id"),
        ] {
            assert!(has(words, model, word, code), "{word} {code}");
        }
        // languages without a list have no values of their own
        assert!(!has(words, model, "ikkje", "nn"));
        assert!(!has(words, model, "nie", "af"));
        assert!(!has(words, model, "saya", "ms"), "Malay's list is left out");
        assert!(words.table.values("zzqxv").is_empty());
        assert_eq!(listed_langs().len(), LISTED.len());
    }

    #[test]
    fn a_word_counts_for_the_languages_that_write_it_often() {
        let Some((model, words)) = table() else {
            return;
        };
        let slot = |code: &str| model.langs().iter().position(|l| l.as_str() == code);
        let (Some(de), Some(nl), Some(af), Some(et)) =
            (slot("de"), slot("nl"), slot("af"), slot("et"))
        else {
            return;
        };
        let slots: SlotMask = (1 << de) | (1 << nl) | (1 << af) | (1 << et);
        let mut scores = [0f32; MAX_LANGS];
        words.add("het", slots, &mut scores);
        assert!(scores[nl] > scores[de], "Dutch writes het, German hardly");
        assert_eq!(scores[af], scores[nl], "Afrikaans reads Dutch's list");
        assert!(
            scores[et] > 0.0 && scores[et] < scores[nl],
            "a language without a list or a listed sibling gets a share"
        );
    }

    #[test]
    fn a_sibling_s_own_spelling_is_not_read_from_its_list() {
        // Nynorsk reads Bokmål's list, but `ikke` is Bokmål's (and Danish) spelling of Nynorsk's
        // `ikkje`, and `jeg` of `eg`: in `Jeg vet ikke` they count for Bokmål only. Afrikaans
        // `eg` (*truly*), outside the Scandinavian group, is not touched by Nynorsk's `eg`.
        let Some((model, words)) = table() else {
            eprintln!("SKIPPED: no shipped word table");
            return;
        };
        let lang = |c: &str| Lang::new(c).unwrap_or_default();
        let slot = |c: &str| model.langs().iter().position(|l| *l == lang(c));
        let (Some(nb), Some(nn)) = (slot("nb"), slot("nn")) else {
            panic!("nb and nn are model languages");
        };
        let both: SlotMask = (1 << nb) | (1 << nn);
        for w in ["ikke", "jeg"] {
            let mut scores = [0f32; MAX_LANGS];
            words.add(w, both, &mut scores);
            assert!(scores[nb] > 0.0 && scores[nn] == 0.0, "{w}: {scores:?}");
        }
        // Afrikaans reads Dutch's list, but not Dutch's `niet` (Afrikaans `nie`, which German writes
        // too and the table therefore leaves alone)
        if let (Some(nl), Some(af)) = (slot("nl"), slot("af")) {
            let mut scores = [0f32; MAX_LANGS];
            words.add("niet", (1 << nl) | (1 << af), &mut scores);
            assert!(scores[nl] > 0.0 && scores[af] == 0.0, "niet: {scores:?}");
        }
        // a word both write keeps reaching Nynorsk through Bokmål's list
        let mut scores = [0f32; MAX_LANGS];
        words.add("og", both, &mut scores);
        assert!(scores[nn] > 0.0 && scores[nn] == scores[nb]);
        assert_eq!(
            distinctive_owners("ikkje"),
            Some(LangSet::of_codes(&["nn"]))
        );
        assert_eq!(distinctive_owners("og"), None);
    }

    #[test]
    fn unlisted_languages_read_only_siblings_of_their_script() {
        let lang = |c: &str| Lang::new(c).unwrap_or_default();
        assert!(same_script_siblings(lang("nn")).contains(lang("nb")));
        assert!(
            !same_script_siblings(lang("sr")).contains(lang("sl")),
            "Serbian (Cyrillic) does not read Slovenian's Latin list"
        );
        assert!(same_script_siblings(lang("ms")).contains(lang("id")));
    }
}
