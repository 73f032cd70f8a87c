//! The lexicons of a mining call: the core lists shipped with the crate, and the stemmed
//! translation tables built from the given lexicons, prepared once for many calls.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;

use super::side::{Interner, Key, Translations};
use crate::align::anchors::Stemmers;
use crate::align::lexicon::Lexicon;
use crate::doc::Lang;

/// The sorted, distinct languages of the queries and of the pool of one mining call.
type LangSets = (Vec<Lang>, Vec<Lang>);

/// Most language combinations whose stem tables a [`PreparedLexicons`] keeps.
const MAX_CACHED_TABLES: usize = 8;

/// The lexicons' stem-to-stem tables for one set of query and pool languages, with the keys they
/// interned (the first keys of every mining call that uses them).
#[derive(Debug)]
pub(super) struct LexiconTables {
    pub(super) translations: Translations,
    pub(super) keys: Arc<HashMap<String, Key>>,
}

impl LexiconTables {
    pub(super) fn build(
        lexicons: &[&Lexicon],
        q_langs: &[Lang],
        p_langs: &[Lang],
        stemmers: &Stemmers,
    ) -> Self {
        let mut keys = Interner::default();
        let translations = Translations::build(lexicons, q_langs, p_langs, stemmers, &mut keys);
        LexiconTables {
            translations,
            keys: keys.into_shared(),
        }
    }
}

/// Lexicons loaded and prepared once for many mining calls (a corpus run pairs each document on
/// its own): the core lexicons parsed once, and the stemmed translation tables built once per
/// combination of query and pool languages and shared by every later call (up to 8
/// combinations; others are built per call). Results are exactly those of
/// unprepared calls: the tables and their key numbering are the same.
#[derive(Debug, Default)]
pub struct PreparedLexicons {
    lexicons: Vec<Lexicon>,
    tables: Mutex<BTreeMap<LangSets, Arc<LexiconTables>>>,
}

impl PreparedLexicons {
    /// Prepares `lexicons`, followed by the core lexicons when `core` is set (the order
    /// [`super::mine_with_langs`] uses).
    pub fn new(lexicons: &[Lexicon], core: bool) -> PreparedLexicons {
        let mut all = lexicons.to_vec();
        if core {
            all.extend(core_lexicons());
        }
        PreparedLexicons {
            lexicons: all,
            tables: Mutex::new(BTreeMap::new()),
        }
    }

    /// The tables for these (sorted, distinct) languages: cached, or built now.
    pub(super) fn tables(
        &self,
        q_langs: &[Lang],
        p_langs: &[Lang],
        stemmers: &Stemmers,
    ) -> Arc<LexiconTables> {
        let key = (q_langs.to_vec(), p_langs.to_vec());
        // A poisoned lock only means another worker panicked while building: the map is intact.
        let mut cache = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = cache.get(&key) {
            return Arc::clone(t);
        }
        let lexicons: Vec<&Lexicon> = self.lexicons.iter().collect();
        let built = Arc::new(LexiconTables::build(&lexicons, q_langs, p_langs, stemmers));
        if cache.len() < MAX_CACHED_TABLES {
            cache.insert(key, Arc::clone(&built));
        }
        built
    }
}

/// The core lexicons shipped with the crate, written for it (function words, the forms of the
/// commonest irregular verbs and very common words of English with Russian, Ukrainian, Spanish,
/// French, Italian, Portuguese, German and Polish), the foreign column of each read only as
/// words of its own language: a Spanish `la` (*her*) must not match a French or Italian `la`.
/// The Russian list serves all three East Slavic languages, which share most function words
/// (`не`, `я`, `ми`); the Ukrainian list serves Ukrainian only, as many of its words are other
/// words in Russian (`так` *yes* is Russian *so*, `будь` in *please* Russian *be*).
pub fn core_lexicons() -> Vec<Lexicon> {
    const EAST_SLAVIC: &[&str] = &["ru", "uk", "be"];
    [
        (
            include_str!("../../../data/lexicon/core.en-ru.tsv"),
            "core.en-ru",
            EAST_SLAVIC,
        ),
        (
            include_str!("../../../data/lexicon/core.en-es.tsv"),
            "core.en-es",
            &["es"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-uk.tsv"),
            "core.en-uk",
            &["uk"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-de.tsv"),
            "core.en-de",
            &["de"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-fr.tsv"),
            "core.en-fr",
            &["fr"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-it.tsv"),
            "core.en-it",
            &["it"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-pl.tsv"),
            "core.en-pl",
            &["pl"],
        ),
        (
            include_str!("../../../data/lexicon/core.en-pt.tsv"),
            "core.en-pt",
            &["pt"],
        ),
    ]
    .into_iter()
    .filter_map(|(text, name, langs)| {
        let langs: Vec<Lang> = langs.iter().filter_map(|c| Lang::new(c)).collect();
        let lex = Lexicon::from_reader(text.as_bytes(), name).ok()?;
        Some(lex.for_languages(&langs))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::mine::side::{Role, Side};

    /// The commonest irregular Spanish verbs are listed by form (`vi`, `fuimos`, `tengo`): the
    /// stemmer cannot join them to their infinitives.
    #[test]
    fn core_lexicon_reaches_irregular_verb_forms() {
        for (en, es) in [
            ("I saw", "Lo vi"),
            ("We went", "Fuimos"),
            ("I have to", "Tengo que"),
        ] {
            assert!(verb_meets(en, es, "es"), "{en} / {es}");
        }
    }

    #[test]
    fn core_lexicons_load() {
        let lex = core_lexicons();
        assert_eq!(lex.len(), 8);
        assert!(lex.iter().all(|l| l.len() > 50));
    }

    /// Whether the verb (second word) of an English query shares a key with a pool text, through
    /// the core lexicons.
    fn verb_meets(en: &str, foreign: &str, lang: &str) -> bool {
        let l = |c: &str| Lang::new(c).unwrap_or(Lang::UND);
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let core = core_lexicons();
        let lex: Vec<&Lexicon> = core.iter().collect();
        let tr = Translations::build(&lex, &[l("en")], &[l(lang)], &stemmers, &mut keys);
        let q = Side::build(&[(en, l("en"))], Role::Query, &stemmers, &tr, &mut keys);
        let p = Side::build(&[(foreign, l(lang))], Role::Pool, &stemmers, &tr, &mut keys);
        let verb = q.items[0].words.get(1).map(|w| w.keys.clone());
        verb.unwrap_or_default()
            .iter()
            .any(|k| p.items[0].keyset.contains(k))
    }

    /// Asserts that the second word of each English text meets its translation (see
    /// [`verb_meets`]).
    fn all_meet(cases: &[(&str, &str, &str)]) {
        for &(lang, en, foreign) in cases {
            assert!(verb_meets(en, foreign, lang), "{lang}: {en} / {foreign}");
        }
    }

    /// Languages nobody tuned the search on have their function words and irregular verb forms
    /// too: the forms a stemmer cannot join to the infinitive meet their English verb.
    #[test]
    fn core_lexicons_reach_the_irregular_verbs_of_other_languages() {
        all_meet(&[
            ("fr", "I can swim", "Je peux nager"),
            ("fr", "We went home", "Nous sommes allés à la maison"),
            ("it", "I want coffee", "Voglio un caffè"),
            ("pt", "I have a dog", "Tenho um cão"),
            ("de", "I know that", "Ich weiß das"),
            ("pl", "I must go", "Muszę iść"),
        ]);
    }

    /// Ukrainian has the closed-class words and common verbs the Russian list has: with no
    /// other lexicon, the verb of a short everyday sentence still meets its translation.
    #[test]
    fn the_ukrainian_core_lexicon_covers_everyday_verbs() {
        for (en, uk) in [
            (
                "We always help our friends",
                "Ми завжди допомагаємо нашим друзям",
            ),
            ("I need money", "Мені потрібно гроші"),
            ("They live here", "Вони живуть тут"),
            ("You must go", "Ти повинен йти"),
            ("I have friends here", "У мене тут є друзі"),
            ("Tom had a choice", "У Тома був вибір"),
        ] {
            assert!(verb_meets(en, uk, "uk"), "{en} / {uk}");
        }
        // *have* is a construction in Russian too: у меня есть
        assert!(verb_meets("I have a car", "У меня есть машина", "ru"));
    }

    /// Spanish and Portuguese write *with me*, *with you*, *with us* as one word (`conmigo`,
    /// `contigo`, `conosco`): *with* meets it.
    #[test]
    fn iberian_comitative_pronouns_meet_with() {
        assert!(verb_meets("Go with me", "Ven conmigo", "es"));
        assert!(verb_meets("Stay with you", "Me quedo contigo", "es"));
        assert!(verb_meets("Come with us", "Venha conosco", "pt"));
    }

    /// Indefinite pronouns are closed-class words MUSE mostly lacks, and the East Slavic ones are
    /// hyphenated single tokens (`что-нибудь`, `хто-небудь`).
    #[test]
    fn indefinite_pronouns_meet_their_translations() {
        all_meet(&[
            ("ru", "Bring something", "Принеси что-нибудь"),
            ("ru", "Is someone here", "Здесь кто-то есть"),
            ("uk", "Say something", "Скажи щось"),
            ("pl", "Go somewhere", "Idź gdzieś"),
            ("de", "Is anybody here", "Ist jemand hier"),
            ("es", "Call someone", "Llama a alguien"),
        ]);
    }

    /// Slavic languages put the English subject of *have*, *like*, *need* or *be cold* in an
    /// oblique case (`у него есть`, `нам потрібно`, `podoba mu się`): the subject pronoun meets
    /// those forms in the Russian, Ukrainian and Polish lists.
    #[test]
    fn a_subject_pronoun_meets_its_oblique_form_in_slavic_lists() {
        all_meet(&[
            ("ru", "Surely he has a car", "У него есть машина"),
            ("ru", "Yes she likes it", "Да, ей это нравится"),
            ("ru", "Now they need help", "Теперь им нужна помощь"),
            ("uk", "Now we need help", "Зараз нам потрібна допомога"),
            ("uk", "Surely he has time", "У нього є час"),
            ("pl", "Yes he likes it", "Tak, podoba mu się"),
            ("pl", "Now we are cold", "Teraz jest nam zimno"),
        ]);
    }

    /// Frequent adverbs, quantifiers and reflexives are closed-class evidence a bilingual list
    /// often lacks or lists noisily: every core list has them.
    #[test]
    fn common_adverbs_meet_their_translations() {
        all_meet(&[
            ("ru", "We often meet", "Мы часто встречаемся"),
            ("uk", "It almost works", "Це майже працює"),
            ("pl", "I usually walk", "Zwykle chodzę pieszo"),
            ("es", "Come together", "Venid juntos"),
            ("it", "Sit inside", "Siediti dentro"),
            ("pt", "It probably works", "Provavelmente funciona"),
        ]);
    }

    /// The commonest verbs with the forms a stemmer cannot join to their infinitive (Russian
    /// `нашёл` for *found*, Ukrainian `прийшов` for *came*): the Slavic lists have them.
    #[test]
    fn common_verbs_of_the_slavic_lists_meet_their_past_forms() {
        all_meet(&[
            ("ru", "I found it", "Я нашёл его"),
            ("ru", "She forgot everything", "Она забыла всё"),
            ("uk", "He came home", "Він прийшов додому"),
            ("uk", "I understand you", "Я тебе розумію"),
            ("pl", "I remember you", "Pamiętam cię"),
        ]);
    }

    /// The Romance and German lists have the commonest verbs too, with the forms a stemmer
    /// cannot join (`olvidé`, `perdu`, `vergaß`).
    #[test]
    fn common_verbs_of_the_romance_and_german_lists() {
        all_meet(&[
            ("es", "I forgot everything", "Olvidé todo"),
            ("fr", "We lost", "Nous avons perdu"),
            ("it", "I remember", "Ricordo"),
            ("pt", "I believe you", "Acredito em você"),
            ("de", "I forget names", "Ich vergesse Namen"),
        ]);
    }

    /// A core lexicon serves its own language only: Spanish `os` (*you*) is not Portuguese
    /// `os` (*the*, *them*).
    #[test]
    fn a_core_lexicon_serves_its_own_language_only() {
        assert!(verb_meets("Thank you", "Os agradezco", "es"));
        assert!(!verb_meets("Thank you", "Os agradeço", "pt"));
    }
}
