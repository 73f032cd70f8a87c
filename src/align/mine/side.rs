//! The two sides of a mining job as bags of keyed, weighted words.
//!
//! Every word carries the keys under which it can meet a word of the other side: a pool word its
//! stem (tagged with its language) and its cognate key; a query word the pool-language stems its
//! lexicon translations have, and its own cognate key. Anchors (numbers, URLs, @mentions,
//! #hashtags) are words whose only key is themselves. Weights are inverse document frequencies
//! within each side, so rare words and anchors decide and function words barely count.

// FxHash: the keys are short strings of the texts and lexicons, looked up for every word; nothing
// iterates these maps, so ids and output do not depend on the hasher.
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::rerank::{fine_tokens, Fine};
use super::roots::{aspect_stems, infinitives, prefix_key, root_key, slavic_skeleton, sound_key};
use super::tense::past_tense;
use crate::align::anchors::{anchors, cognate_key, Stemmers};
use crate::align::features::{normalize_word, text_length, Translit};
use crate::align::lexicon::Lexicon;
use crate::align::tokens::word_tokens;
use crate::doc::Lang;

/// An interned key: a stem, a cognate key or an anchor.
pub type Key = u32;

/// Extra weight of an anchor over its inverse document frequency (anchors rarely lie).
const ANCHOR_BONUS: f32 = 1.0;

/// One word of an item with its keys and weight.
#[derive(Debug, Clone)]
pub struct Word {
    /// The keys under which the word matches the other side, sorted, no duplicates.
    pub keys: Vec<Key>,
    /// Inverse document frequency within its side (plus a bonus for anchors), discounted when
    /// the word cannot match (see [`super::discount::discount_unmatchable`]).
    pub weight: f32,
    /// The weight before any discount.
    pub base: f32,
    /// The keys among `keys` that are prefix or sound keys (sorted): a match through them
    /// alone is weaker evidence (see [`super::roots`]).
    pub weak: Vec<Key>,
    /// The word's own stem key in its language (what a learned lexicon pairs); `None` for anchors.
    pub own: Option<Key>,
    /// The word romanised and folded, for fuzzy name comparison.
    pub norm: String,
    /// True for capitalised words that are not the first of the text (likely names).
    pub name: bool,
    /// True for words written with a capital, the first of the text included.
    pub capital: bool,
}

/// One query or pool entry.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The words, anchors included.
    pub words: Vec<Word>,
    /// The sorted union of the words' keys.
    pub keyset: Vec<Key>,
    /// Sum of the word weights.
    pub total: f32,
    /// For a query: the sum of its word weights against each language group of the pool, each
    /// word discounted when no pool item of that group could match it (empty before
    /// [`super::discount::discount_unmatchable`]; see [`Item::total_against`]).
    pub group_totals: Vec<f32>,
    /// Length in characters that count (see `features::text_length`).
    pub len: f64,
    /// Counts of `?` and `!` (with their Spanish and full-width forms).
    pub marks: [u8; 2],
    /// Whether the text holds a past form (`None` for a language without tense rules; see
    /// [`super::tense`]).
    pub past: Option<bool>,
    /// Index of the item's language group on its side (see [`Side::langs`]).
    pub group: usize,
    /// Word forms and endings for the finer score of near candidates (see [`super::rerank`]).
    pub fine: Vec<super::rerank::Fine>,
}

impl Item {
    /// The item's total weight when scored against an item of the other side's language group
    /// `group`: a query word whose translations occur only in posts of another language cannot
    /// show in this one, so it does not dilute the score (falls back to [`Item::total`]).
    pub fn total_against(&self, group: usize) -> f32 {
        self.group_totals.get(group).copied().unwrap_or(self.total)
    }
}

/// Interns key strings as small integers shared by both sides, over an optional frozen base
/// (a prepared lexicon's keys, ids `0..base.len()`), so the base is shared, never copied.
#[derive(Debug, Default)]
pub struct Interner {
    base: Arc<HashMap<String, Key>>,
    map: HashMap<String, Key>,
}

impl Interner {
    /// An interner whose first keys are `base`'s; new keys get the ids after them.
    pub fn over(base: Arc<HashMap<String, Key>>) -> Interner {
        Interner {
            base,
            map: HashMap::default(),
        }
    }

    /// The id of a key, created on first sight.
    pub fn id(&mut self, key: &str) -> Key {
        if let Some(k) = self.get(key) {
            return k;
        }
        let k = self.len() as Key;
        self.map.insert(key.to_string(), k);
        k
    }

    /// The id of a key if it was seen.
    pub fn get(&self, key: &str) -> Option<Key> {
        self.base.get(key).or_else(|| self.map.get(key)).copied()
    }

    /// How many keys exist.
    pub fn len(&self) -> usize {
        self.base.len() + self.map.len()
    }

    /// True when no key exists yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Freezes every key seen so far into a base to share (see [`Interner::over`]).
    pub fn into_shared(self) -> Arc<HashMap<String, Key>> {
        if self.base.is_empty() {
            return Arc::new(self.map);
        }
        let mut all = (*self.base).clone();
        all.extend(self.map);
        Arc::new(all)
    }
}

/// A word of a text before keys are attached: its stem, cognate key, romanised form.
#[derive(Debug, Clone)]
struct RawWord {
    ident: String,
    stem: Option<String>,
    cognate: Option<String>,
    /// The sound key of the stem (see [`super::roots::sound_key`]).
    sound: Option<String>,
    norm: String,
    name: bool,
    capital: bool,
    /// The digits key of a spelled number (see [`super::numbers`]).
    number: Option<String>,
    /// The keys the word reaches through the infinitive it may be a form of (see
    /// [`lemma_keys`]).
    lemma: Vec<Key>,
}

/// A text's raw words and anchors, the fine tokens of its words and its past mark.
struct Raw {
    words: Vec<RawWord>,
    fine: Vec<Fine>,
    past: Option<bool>,
}

/// What a word reaches through the infinitives it may be a form of (see
/// [`super::roots::infinitives`]), where its own stem falls short: on the pool side the
/// infinitives' stem keys that a lexicon entry translates to, unless an entry translates the
/// word's own stem; on the query side the translations of the first infinitive with an entry,
/// when its own stem has none.
fn lemma_keys(word: &str, stem: &str, ident: &str, lang: Lang, ctx: &BuildContext) -> Vec<Key> {
    let tr = ctx.translations;
    let own_known = match ctx.role {
        Role::Pool => ctx.keys.get(ident).is_some_and(|k| tr.is_target(k)),
        Role::Query => !tr.get(lang, stem).is_empty(),
    };
    if own_known {
        return Vec::new();
    }
    let mut out: Vec<Key> = Vec::new();
    for form in infinitives(word, lang) {
        let s = ctx.stemmers.stem(&form, lang);
        if s == stem {
            continue;
        }
        match ctx.role {
            Role::Pool => {
                let key = ctx.keys.get(&format!("s{}:{s}", lang.as_str()));
                out.extend(key.filter(|&k| tr.is_target(k)));
            }
            Role::Query => {
                out.extend_from_slice(tr.get(lang, &s));
                if !out.is_empty() {
                    break;
                }
            }
        }
    }
    out
}

/// What [`raw_words`] reads besides the text: the side's role, stemmers, translations and the
/// keys interned so far.
struct BuildContext<'a> {
    role: Role,
    stemmers: &'a Stemmers,
    translations: &'a Translations,
    keys: &'a Interner,
}

/// Splits a text into raw words and anchors, with the fine tokens of its words and its past
/// mark.
fn raw_words(text: &str, lang: Lang, ctx: &BuildContext) -> Raw {
    let stemmers = ctx.stemmers;
    let mut out = Vec::new();
    let words = word_tokens(text, lang);
    let fine = fine_tokens(&words, lang);
    let past = past_tense(words.iter().map(|w| w.text.as_str()), lang);
    for w in words {
        let stem = stemmers.stem(&w.text, lang);
        let cognate = cognate_key(&stem);
        let sound = sound_key(&stem);
        let ident = format!("s{}:{stem}", lang.as_str());
        let lemma = lemma_keys(&w.text, &stem, &ident, lang, ctx);
        out.push(RawWord {
            ident,
            lemma,
            sound,
            stem: Some(stem),
            cognate,
            norm: normalize_word(&w.text, Translit::guess(&w.text)),
            name: w.capital && w.written > 0,
            capital: w.capital,
            number: super::numbers::number_key(&w.text, lang),
        });
    }
    for a in anchors(text) {
        out.push(RawWord {
            ident: a.clone(),
            stem: None,
            cognate: None,
            sound: None,
            norm: a,
            name: false,
            capital: false,
            number: None,
            lemma: Vec::new(),
        });
    }
    Raw {
        words: out,
        fine,
        past,
    }
}

/// Counts of question and exclamation marks.
fn marks(text: &str) -> [u8; 2] {
    let mut m = [0u8; 2];
    for c in text.chars() {
        match c {
            '?' | '¿' | '？' => m[0] = m[0].saturating_add(1),
            '!' | '¡' | '！' => m[1] = m[1].saturating_add(1),
            _ => {}
        }
    }
    // Spanish opens and closes: count pairs once.
    if text.contains('¿') {
        m[0] = m[0].div_ceil(2);
    }
    if text.contains('¡') {
        m[1] = m[1].div_ceil(2);
    }
    m
}

/// True for languages written in Cyrillic.
fn cyrillic_lang(lang: Lang) -> bool {
    matches!(
        lang.as_str(),
        "ru" | "uk" | "bg" | "be" | "sr" | "mk" | "kk"
    )
}

/// True when a word's script fits a language (so a lexicon side is stemmed only as what it is).
fn script_fits(word: &str, lang: Lang) -> bool {
    let cyr = word.chars().any(crate::align::features::is_cyrillic);
    cyr == cyrillic_lang(lang) || lang.is_und()
}

/// Lexicon translations stem to stem: (query language, query stem) → pool keys.
#[derive(Debug, Default)]
pub struct Translations {
    map: HashMap<Lang, HashMap<String, Vec<Key>>>,
    /// The same translations by the consonant skeleton of the query stem (Ukrainian and
    /// Belarusian queries only), for query stems no entry spells exactly.
    by_skeleton: HashMap<Lang, HashMap<String, Vec<Key>>>,
    /// The prefix keys among the translations (sorted).
    weak: Vec<Key>,
    /// The stem keys the translations lead to (sorted).
    targets: Vec<Key>,
}

impl Translations {
    /// Maps every single-word lexicon entry, in both directions, from each query language to each
    /// pool language, stemming both sides with their language's stemmer.
    pub fn build(
        lexicons: &[&Lexicon],
        query_langs: &[Lang],
        pool_langs: &[Lang],
        stemmers: &Stemmers,
        keys: &mut Interner,
    ) -> Self {
        let mut map: HashMap<Lang, HashMap<String, Vec<Key>>> = HashMap::default();
        let mut by_skeleton: HashMap<Lang, HashMap<String, Vec<Key>>> = HashMap::default();
        let mut weak: Vec<Key> = Vec::new();
        let mut targets: Vec<Key> = Vec::new();
        let mut stem_cache: HashMap<(Lang, String), String> = HashMap::default();
        let mut stem = |w: &str, l: Lang| -> String {
            stem_cache
                .entry((l, w.to_string()))
                .or_insert_with(|| stemmers.stem(w, l))
                .clone()
        };
        for lex in lexicons {
            for (a, b) in &lex.pairs {
                if a.contains(' ') || b.contains(' ') {
                    continue;
                }
                // the foreign column only ever stands for its own languages' words (a
                // language-bound list's English column meets any text)
                for (x, y, foreign_is_query) in [(a, b, false), (b, a, true)] {
                    for &lq in query_langs {
                        if !script_fits(x, lq) || (foreign_is_query && !lex.serves(lq)) {
                            continue;
                        }
                        for &lp in pool_langs {
                            if lp == lq
                                || !script_fits(y, lp)
                                || (!foreign_is_query && !lex.serves(lp))
                            {
                                continue;
                            }
                            let sx = stem(x, lq);
                            let sy = stem(y, lp);
                            let key = keys.id(&format!("s{}:{sy}", lp.as_str()));
                            targets.push(key);
                            let prefix = prefix_key(&sy, lp).map(|k| keys.id(&k));
                            weak.extend(prefix);
                            let skel = slavic_skeleton(&sy, lp)
                                .map(|k| keys.id(&k))
                                .into_iter()
                                .chain(prefix)
                                .collect::<Vec<Key>>();
                            if let Some(qs) = slavic_skeleton(&sx, lq) {
                                let e = by_skeleton.entry(lq).or_default().entry(qs).or_default();
                                for k in std::iter::once(key).chain(skel.iter().copied()) {
                                    if !e.contains(&k) {
                                        e.push(k);
                                    }
                                }
                            }
                            let e = map.entry(lq).or_default().entry(sx).or_default();
                            for k in std::iter::once(key).chain(skel.iter().copied()) {
                                if !e.contains(&k) {
                                    e.push(k);
                                }
                            }
                        }
                    }
                }
            }
        }
        weak.sort_unstable();
        weak.dedup();
        targets.sort_unstable();
        targets.dedup();
        Translations {
            map,
            by_skeleton,
            weak,
            targets,
        }
    }

    /// The pool keys a query stem translates to.
    fn get(&self, lang: Lang, stem: &str) -> &[Key] {
        self.map
            .get(&lang)
            .and_then(|m| m.get(stem))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// True for a stem key some lexicon entry translates to.
    fn is_target(&self, key: Key) -> bool {
        self.targets.binary_search(&key).is_ok()
    }

    /// True for a prefix key (see [`super::roots`]).
    fn is_weak(&self, key: Key) -> bool {
        self.weak.binary_search(&key).is_ok()
    }

    /// The pool keys of the entries whose query stem has the same consonant skeleton as `stem`
    /// (empty outside Ukrainian and Belarusian).
    fn get_skeleton(&self, lang: Lang, stem: &str) -> &[Key] {
        slavic_skeleton(stem, lang)
            .and_then(|k| self.by_skeleton.get(&lang)?.get(&k))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// One side of a mining job: its items and language groups.
#[derive(Debug, Default)]
pub struct Side {
    /// The items, in input order.
    pub items: Vec<Item>,
    /// The distinct languages of the side, in order of first appearance.
    pub langs: Vec<Lang>,
}

/// Which side a text is on: query words key by translation, pool words by their own stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Texts searched for (their words are translated into pool keys).
    Query,
    /// Texts searched among.
    Pool,
}

impl Side {
    /// Builds a side from texts with languages.
    pub fn build(
        texts: &[(&str, Lang)],
        role: Role,
        stemmers: &Stemmers,
        translations: &Translations,
        keys: &mut Interner,
    ) -> Side {
        let ctx = BuildContext {
            role,
            stemmers,
            translations,
            keys,
        };
        let (raws, marked): (Vec<_>, Vec<_>) = texts
            .par_iter()
            .map(|(t, l)| {
                let r = raw_words(t, *l, &ctx);
                (r.words, (r.fine, r.past))
            })
            .unzip();
        let mut df: HashMap<&str, u32> = HashMap::default();
        for r in &raws {
            let mut seen: Vec<&str> = r.iter().map(|w| w.ident.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            for s in seen {
                *df.entry(s).or_default() += 1;
            }
        }
        let n = texts.len().max(1) as f32;
        let mut langs: Vec<Lang> = Vec::new();
        let mut items = Vec::with_capacity(texts.len());
        for (((text, lang), raw), (fine, past)) in texts.iter().zip(&raws).zip(marked) {
            let group = match langs.iter().position(|l| l == lang) {
                Some(g) => g,
                None => {
                    langs.push(*lang);
                    langs.len() - 1
                }
            };
            let mut item = Item {
                len: text_length(text),
                marks: marks(text),
                past,
                group,
                fine,
                ..Item::default()
            };
            for w in raw {
                let d = df.get(w.ident.as_str()).copied().unwrap_or(1) as f32;
                let mut weight = (1.0 + n / d).ln();
                let mut wkeys: Vec<Key> = Vec::new();
                let mut weak: Vec<Key> = Vec::new();
                let mut own = None;
                match &w.stem {
                    None => {
                        weight += ANCHOR_BONUS;
                        wkeys.push(keys.id(&w.ident));
                    }
                    Some(stem) => {
                        let id = keys.id(&w.ident);
                        own = Some(id);
                        if role == Role::Pool {
                            wkeys.push(id);
                            if let Some(k) = slavic_skeleton(stem, *lang) {
                                wkeys.push(keys.id(&k));
                            }
                            // A word the lexicons translate is not reached through its root.
                            let prefix = prefix_key(stem, *lang)
                                .filter(|_| !translations.is_target(id))
                                .and_then(|k| keys.get(&k));
                            if let Some(k) = prefix.filter(|&k| translations.is_weak(k)) {
                                wkeys.push(k);
                                weak.push(k);
                            }
                            // A verb form its stem leaves apart reaches its infinitive's
                            // translations.
                            wkeys.extend_from_slice(&w.lemma);
                            // A prefixed verb reaches its unprefixed stem's translations.
                            if !translations.is_target(id) {
                                for rest in aspect_stems(stem, *lang) {
                                    let exact = keys
                                        .get(&format!("s{}:{rest}", lang.as_str()))
                                        .filter(|&k| translations.is_target(k));
                                    let root = root_key(rest, *lang)
                                        .and_then(|k| keys.get(&k))
                                        .filter(|&k| translations.is_weak(k));
                                    for k in exact.into_iter().chain(root) {
                                        wkeys.push(k);
                                        weak.push(k);
                                    }
                                }
                            }
                        } else {
                            let exact = translations.get(*lang, stem);
                            // A verb form no entry spells meets its infinitive's entries.
                            let got = if !exact.is_empty() {
                                exact
                            } else if !w.lemma.is_empty() {
                                &w.lemma
                            } else {
                                translations.get_skeleton(*lang, stem)
                            };
                            wkeys.extend_from_slice(got);
                            weak.extend(got.iter().filter(|k| translations.is_weak(**k)));
                        }
                        if let Some(c) = &w.cognate {
                            wkeys.push(keys.id(&format!("c:{c}")));
                        }
                        // Pool words a lexicon translates keep to their translations.
                        let known =
                            role == Role::Pool && own.is_some_and(|k| translations.is_target(k));
                        if let Some(k) = w.sound.as_ref().filter(|_| !known) {
                            let k = keys.id(k);
                            wkeys.push(k);
                            weak.push(k);
                        }
                        if let Some(n) = &w.number {
                            wkeys.push(keys.id(n));
                        }
                    }
                }
                wkeys.sort_unstable();
                wkeys.dedup();
                weak.sort_unstable();
                weak.dedup();
                item.keyset.extend_from_slice(&wkeys);
                item.total += weight;
                item.words.push(Word {
                    keys: wkeys,
                    weight,
                    base: weight,
                    weak,
                    own,
                    norm: w.norm.clone(),
                    name: w.name,
                    capital: w.capital,
                });
            }
            item.keyset.sort_unstable();
            item.keyset.dedup();
            items.push(item);
        }
        Side { items, langs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    #[test]
    fn query_words_key_by_their_translations() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("medal", "медаль"), ("war", "война")]);
        let tr = Translations::build(&[&lex], &[l("en")], &[l("ru")], &stemmers, &mut keys);
        let q = Side::build(
            &[("The medals of war", l("en"))],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let p = Side::build(
            &[("медалью за войну", l("ru"))],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let qi = &q.items[0];
        let pi = &p.items[0];
        let shared = qi.keyset.iter().filter(|k| pi.keyset.contains(k)).count();
        assert!(shared >= 2, "medal and war meet through stems");
        assert_eq!(qi.words.len(), 4);
    }

    #[test]
    fn ukrainian_queries_reach_english_through_a_russian_lexicon() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("war", "война"), ("island", "остров")]);
        let tr = Translations::build(&[&lex], &[l("uk")], &[l("en")], &stemmers, &mut keys);
        let q = Side::build(
            &[("Острів після війни", l("uk"))],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let p = Side::build(
            &[("The island after the war", l("en"))],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let (qi, pi) = (&q.items[0], &p.items[0]);
        let shared = qi.keyset.iter().filter(|k| pi.keyset.contains(k)).count();
        assert!(shared >= 2, "island and war meet through skeletons");
    }

    #[test]
    fn marks_count_spanish_pairs_once() {
        assert_eq!(marks("¿Qué? ¡Ya!"), [1, 1]);
        assert_eq!(marks("What? Now!!"), [1, 2]);
    }

    #[test]
    fn anchors_weigh_more_than_words() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let tr = Translations::default();
        let s = Side::build(
            &[("born in 1953", l("en")), ("born in 1961", l("en"))],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let w = &s.items[0].words;
        assert!(w[2].weight > w[0].weight);
    }
}
