//! How words of the two sides meet beyond their exact stems: the consonant skeleton of
//! Ukrainian and Belarusian stems (to reach a Russian lexicon), the prefix key of long stems (to
//! reach derivations of a lexicon word), the sound key of international words (to reach them
//! across scripts and spellings), and how much a match through the last two counts.

use std::sync::OnceLock;

use crate::align::anchors::fold;
use crate::align::features::{normalize_word, Translit};
use crate::doc::Lang;
use crate::table::rows;

/// Least consonants in a skeleton key (shorter ones collide too often).
const SKELETON_MIN: usize = 3;

/// For Ukrainian and Belarusian, whose lexicons are rare, the consonant skeleton of a Cyrillic
/// stem (`війн` and Russian `войн` → `вйн`): it lets a Russian lexicon reach the many cognate
/// stems that differ only in vowels. `None` for other languages and short skeletons.
pub(crate) fn slavic_skeleton(stem: &str, lang: Lang) -> Option<String> {
    if !matches!(lang.as_str(), "uk" | "be") {
        return None;
    }
    let skel: String = stem
        .chars()
        .filter(|c| {
            !matches!(
                c,
                'а' | 'е'
                    | 'є'
                    | 'и'
                    | 'і'
                    | 'ї'
                    | 'о'
                    | 'у'
                    | 'ю'
                    | 'я'
                    | 'ы'
                    | 'э'
                    | 'ё'
                    | 'ь'
                    | 'ъ'
                    | '\''
            )
        })
        .map(|c| if c == 'ґ' { 'г' } else { c })
        .collect();
    (skel.chars().count() >= SKELETON_MIN).then(|| format!("k:{skel}"))
}

/// Letters of a stem prefix key (see [`prefix_key`]).
const PREFIX_LETTERS: usize = 5;

/// The prefix key of a stem: its first five letters, tagged with the language, for stems
/// longer than that. A lexicon lists a few forms of a word (`беспокоиться`) and the stemmer
/// joins the inflections of each, not the derivations that share its root (`беспокойство`);
/// in inflected languages the first letters of a long stem carry most of the root. A match
/// through prefix keys alone counts half (see [`Word::weak`]), and pool words that a lexicon
/// translates themselves get none (they are other words, with their own translations).
/// `None` for stems of five letters or fewer (their stem key is already that short).
pub(crate) fn prefix_key(stem: &str, lang: Lang) -> Option<String> {
    if stem.chars().count() <= PREFIX_LETTERS {
        return None;
    }
    root_key(stem, lang)
}

/// The prefix key of a stem's first five letters, also for a stem of exactly five (what an
/// unprefixed verb stem shares with the lexicon's infinitive: `смотр`, `смотрет`).
pub(crate) fn root_key(stem: &str, lang: Lang) -> Option<String> {
    if stem.chars().count() < PREFIX_LETTERS {
        return None;
    }
    let p: String = stem.chars().take(PREFIX_LETTERS).collect();
    Some(format!("p{}:{p}", lang.as_str()))
}

/// Symbols of a sound key (see [`sound_key`]).
const SOUND_SYMBOLS: usize = 4;

/// The sound key of a stem: its romanised letters folded to what two scripts and spellings of
/// one international word keep in common (`c`/`k`/`q`, `s`/`z`/`ts`, `-tion`/`-ція`, `ph`/`f`,
/// `w`/`v`, `g`/`h` for the Ukrainian `г`), vowels dropped after the first letter, doubles
/// collapsed, cut to four symbols: *function* and `функці` → `fnks`, *directory* and
/// `директор` → `drkt`, *program* and `програм` → `prgr`. The cognate key (the first five
/// romanised letters) misses these. `None` when fewer than four symbols remain.
pub(crate) fn sound_key(stem: &str) -> Option<String> {
    let roman = normalize_word(stem, Translit::guess(stem));
    let letters: Vec<char> = roman.chars().filter(|c| c.is_ascii_lowercase()).collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiouy".contains(*c));
    let mut folded: Vec<char> = Vec::with_capacity(letters.len());
    let mut i = 0;
    while let Some(&c) = letters.get(i) {
        let next = letters.get(i + 1);
        let (sym, skip) = match (c, next) {
            ('p', Some('h')) => ('f', 2),
            ('t' | 'k', Some('h')) => (if c == 't' { 't' } else { 'g' }, 2),
            ('c', Some('k')) => ('k', 2),
            ('t', Some('s' | 'z')) | ('z' | 's', Some('h')) => ('s', 2),
            ('t', Some('i')) if vowel(letters.get(i + 2)) => ('s', 1),
            ('c', Some('e' | 'i' | 'y')) => ('s', 1),
            ('c' | 'q', _) => ('k', 1),
            ('x', _) => ('k', 1),
            ('z', _) => ('s', 1),
            ('w', _) => ('v', 1),
            ('h', _) => ('g', 1),
            ('j', _) => ('y', 1),
            _ => (c, 1),
        };
        folded.push(sym);
        i += skip;
    }
    let mut key = String::new();
    let mut last = None;
    for (n, c) in folded.into_iter().enumerate() {
        let sym = if "aeiouy".contains(c) {
            if n > 0 {
                continue;
            }
            'a'
        } else {
            c
        };
        if last != Some(sym) {
            key.push(sym);
            last = Some(sym);
        }
        if key.len() == SOUND_SYMBOLS {
            return Some(format!("f:{key}"));
        }
    }
    None
}

/// Letters the stem keeps after a verbal prefix is taken off (shorter remainders are other
/// words more often than the same verb).
const ASPECT_MIN_LETTERS: usize = 4;

/// The Slavic verbal prefixes by language (`data/stem/verb_prefixes.tsv`), folded like stems.
fn verb_prefixes() -> &'static [(Lang, String)] {
    static TABLE: OnceLock<Vec<(Lang, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: Vec<(Lang, String)> =
            rows(include_str!("../../../data/stem/verb_prefixes.tsv"))
                .filter_map(|row| match row[..] {
                    [lang, prefix, ..] => Some((Lang::new(lang)?, fold(prefix))),
                    _ => None,
                })
                .filter(|(_, p)| !p.is_empty())
                .collect();
        out.sort();
        out.dedup();
        out
    })
}

/// The stems a Slavic stem leaves when one of its language's verbal prefixes is taken off
/// (`посмотр` → `смотр`, Polish `zrobi` → `robi`), keeping at least four letters: a perfective
/// verb reaches the lexicon entry of its imperfective, which is the form lexicons list most.
/// Empty for languages without a prefix table.
pub(crate) fn aspect_stems(stem: &str, lang: Lang) -> impl Iterator<Item = &str> {
    let table = verb_prefixes();
    let start = table.partition_point(|(l, _)| *l < lang);
    table[start..]
        .iter()
        .take_while(move |(l, _)| *l == lang)
        .filter_map(move |(_, p)| stem.strip_prefix(p.as_str()))
        .filter(|rest| rest.chars().count() >= ASPECT_MIN_LETTERS)
}

/// Letters of root a verb form keeps before its ending is swapped (see [`infinitives`]).
const INFINITIVE_MIN_ROOT: usize = 2;

/// Verb form endings and their infinitive endings by language
/// (`data/stem/infinitives.tsv`), sorted by language.
fn infinitive_endings() -> &'static [(Lang, String, String)] {
    static TABLE: OnceLock<Vec<(Lang, String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: Vec<(Lang, String, String)> =
            rows(include_str!("../../../data/stem/infinitives.tsv"))
                .filter_map(|row| match row[..] {
                    [lang, form, lemma, ..] if !form.is_empty() => {
                        Some((Lang::new(lang)?, form.to_lowercase(), lemma.to_lowercase()))
                    }
                    _ => None,
                })
                .collect();
        out.sort();
        out.dedup();
        out
    })
}

/// The infinitives a lowercase word would be if it were a form of a verb in `lang`, by the
/// language's listed endings (`чули` → `чути`, `знал` → `знать`, `był` → `być`), keeping at least
/// two letters of root. Most of them are no word at all; a caller keeps those a lexicon lists.
/// They reach the short-rooted verbs whose forms no stemmer joins. Empty for languages without
/// a table.
pub(crate) fn infinitives(word: &str, lang: Lang) -> Vec<String> {
    let table = infinitive_endings();
    let start = table.partition_point(|(l, _, _)| *l < lang);
    table[start..]
        .iter()
        .take_while(|(l, _, _)| *l == lang)
        .filter_map(|(_, form, lemma)| {
            let root = word.strip_suffix(form.as_str())?;
            (root.chars().count() >= INFINITIVE_MIN_ROOT).then(|| format!("{root}{lemma}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Stemmers;
    use crate::align::lexicon::Lexicon;
    use crate::align::mine::exact::{match_level, pair_evidence, PREFIX_MATCH};
    use crate::align::mine::search::ScoreParams;
    use crate::align::mine::side::{Interner, Key, Role, Side, Translations};

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    /// International words meet across scripts and spellings where their first letters differ.
    #[test]
    fn international_words_share_a_sound_key() {
        let stemmers = Stemmers::new();
        let key = |w: &str, c: &str| sound_key(&stemmers.stem(w, l(c)));
        for (en, other, lang) in [
            ("function", "функції", "uk"),
            ("directory", "директорія", "uk"),
            ("program", "програма", "uk"),
            ("conflict", "конфлікту", "uk"),
            ("specification", "специфікацію", "uk"),
            ("cluster", "кластера", "ru"),
        ] {
            assert!(key(en, "en").is_some(), "{en}");
            assert_eq!(key(en, "en"), key(other, lang), "{en} / {other}");
        }
        assert_ne!(key("function", "en"), key("finish", "en"));
        assert_eq!(sound_key("dom"), None);
    }

    /// With no lexicon at all, English and Ukrainian technical strings pair through their
    /// international words, whose first romanised letters differ (`direc` / `dyrek`).
    #[test]
    fn technical_strings_pair_through_sound_keys() {
        use crate::align::mine::{mine_with_langs, MineOptions};
        let q = [
            ("The directory of the cluster", l("en")),
            ("The function of the program", l("en")),
        ];
        let p = [
            ("Функція програми", l("uk")),
            ("Директорія кластера", l("uk")),
        ];
        let opts = MineOptions {
            core_lexicon: false,
            ..MineOptions::default()
        };
        let hits = mine_with_langs(&q, &p, &opts);
        let pools: Vec<Option<usize>> = hits.iter().map(|h| h.pool).collect();
        assert_eq!(pools, vec![Some(1), Some(0)]);
        assert!(hits.iter().all(|h| h.score > 0.0), "{hits:?}");
    }

    #[test]
    fn ukrainian_meets_russian_lexicons_through_skeletons() {
        assert_eq!(slavic_skeleton("війн", l("uk")), Some("k:вйн".to_string()));
        assert_eq!(slavic_skeleton("войн", l("uk")), Some("k:вйн".to_string()));
        assert_eq!(slavic_skeleton("війн", l("ru")), None);
        assert_eq!(slavic_skeleton("ми", l("uk")), None);
    }

    /// A Ukrainian quote of an English post, with only a Russian lexicon: `війни` and `острів`
    /// are spelled differently from `войны` and `остров`, but their translations still reach
    /// the English words, in this direction as in the other.
    /// The lexicon gives the verb (`беспокоиться`), the pool holds the noun of the same root
    /// (`беспокойство`): the stems differ, the prefix keys meet, and the match is weak.
    #[test]
    fn derivations_of_a_lexicon_word_meet_through_prefix_keys() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("worry", "беспокоиться")]);
        let tr = Translations::build(&[&lex], &[l("en")], &[l("ru")], &stemmers, &mut keys);
        let q = Side::build(
            &[("Your worry is clear", l("en"))],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let p = Side::build(
            &[
                ("Ваше беспокойство понятно", l("ru")),
                ("Он беспокоится", l("ru")),
            ],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let worry = &q.items[0].words[1];
        let noun = &p.items[0].words[1];
        let shared: Vec<&Key> = worry
            .keys
            .iter()
            .filter(|k| noun.keys.contains(k))
            .collect();
        assert!(!shared.is_empty(), "the root meets");
        assert!(shared
            .iter()
            .all(|k| worry.weak.contains(k) && noun.weak.contains(k)));
        // The inflected verb meets through its stem: a full match.
        let verb = &p.items[1].words[1];
        assert!(worry
            .keys
            .iter()
            .any(|k| verb.keys.contains(k) && !worry.weak.contains(k)));
        assert_eq!(prefix_key("беспок", l("ru")).as_deref(), Some("pru:беспо"));
        assert_eq!(prefix_key("нервн", l("ru")), None);
    }

    /// A perfective verb (`посмотрим`, *let us watch*) is its imperfective (`смотреть`, the form
    /// the lexicon lists) with a prefix: it meets the entry, as weak evidence on the pool side.
    #[test]
    fn a_perfective_verb_reaches_the_lexicon_entry_of_its_imperfective() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("watch", "смотреть")]);
        let tr = Translations::build(&[&lex], &[l("en")], &[l("ru")], &stemmers, &mut keys);
        let q = Side::build(
            &[("We will watch it", l("en"))],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let p = Side::build(
            &[("Мы посмотрим его", l("ru"))],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let watch = &q.items[0].words[2];
        let verb = &p.items[0].words[1];
        let shared: Vec<&Key> = verb
            .keys
            .iter()
            .filter(|k| watch.keys.contains(k))
            .collect();
        assert!(!shared.is_empty(), "the perfective meets its entry");
        assert!(shared.iter().all(|k| verb.weak.contains(k)));
        assert_eq!(
            aspect_stems("посмотр", l("ru")).collect::<Vec<_>>(),
            vec!["смотр"]
        );
        // A short remainder is another word more often than the same verb.
        assert_eq!(aspect_stems("стол", l("ru")).count(), 0);
        assert_eq!(aspect_stems("posmotr", l("de")).count(), 0);
    }

    /// A verb with a short root keeps too few letters for a stemmer to join its forms (`чули`,
    /// *heard*, stems to `чул`; `чути`, *to hear*, to `чут`); swapping the past ending for the
    /// infinitive's lets the form meet the entry, on either side.
    #[test]
    fn a_short_rooted_verb_form_meets_the_lexicon_entry_of_its_infinitive() {
        let stemmers = Stemmers::new();
        let (en, uk) = (l("en"), l("uk"));
        let lex = Lexicon::from_pairs([("hear", "чути")]);
        for (query, pool) in [(en, uk), (uk, en)] {
            let mut keys = Interner::default();
            let tr = Translations::build(&[&lex], &[query], &[pool], &stemmers, &mut keys);
            let text = |lang: Lang| {
                if lang == en {
                    "Did you hear it"
                } else {
                    "Ви це чули"
                }
            };
            let role = |lang: Lang| {
                if lang == query {
                    Role::Query
                } else {
                    Role::Pool
                }
            };
            let side = |lang: Lang, keys: &mut Interner| {
                Side::build(&[(text(lang), lang)], role(lang), &stemmers, &tr, keys)
            };
            let q = side(query, &mut keys);
            let p = side(pool, &mut keys);
            let (e, u) = if query == en { (&q, &p) } else { (&p, &q) };
            let (hear, heard) = (&e.items[0].words[2], &u.items[0].words[2]);
            assert!(
                heard.keys.iter().any(|k| hear.keys.contains(k)),
                "{query} queries: the past form meets the infinitive's entry"
            );
        }
        assert_eq!(infinitives("чули", uk), vec!["чути"]);
        assert_eq!(infinitives("знал", l("ru")), vec!["знать"]);
        assert_eq!(infinitives("был", l("pl")), Vec::<String>::new());
        assert_eq!(infinitives("był", l("pl")), vec!["być"]);
        // One letter of root is too little to tell a verb: `ел`, `ли`.
        assert!(infinitives("ли", l("ru")).is_empty());
        assert!(infinitives("heard", en).is_empty());
    }

    /// A pool word the lexicon translates itself (`беспокойство` → *concern*) keeps to its own
    /// translations: no other word reaches it through the root it shares.
    #[test]
    fn words_the_lexicon_knows_get_no_prefix_key() {
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("worry", "беспокоиться"), ("concern", "беспокойство")]);
        let tr = Translations::build(&[&lex], &[l("en")], &[l("ru")], &stemmers, &mut keys);
        let p = Side::build(
            &[("Ваше беспокойство понятно", l("ru"))],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        assert!(p.items[0].words[1].weak.is_empty());
    }

    /// A word matched only through a shared root (prefix key) covers half its weight; the same
    /// word matched through its stem covers all of it.
    #[test]
    fn a_shared_root_counts_half_a_shared_stem() {
        let (en, ru) = (l("en"), l("ru"));
        let lex = Lexicon::from_pairs([("worry", "беспокоиться")]);
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let tr = Translations::build(&[&lex], &[en], &[ru], &stemmers, &mut keys);
        let q = Side::build(&[("worry", en)], Role::Query, &stemmers, &tr, &mut keys);
        let p = Side::build(
            &[("беспокойство", ru), ("беспокоится", ru)],
            Role::Pool,
            &stemmers,
            &tr,
            &mut keys,
        );
        let (w, root, stem) = (&q.items[0].words[0], &p.items[0], &p.items[1]);
        assert_eq!(match_level(w, root), PREFIX_MATCH);
        assert_eq!(match_level(w, stem), 1.0);
        let params = ScoreParams::default();
        let (weak, _) = pair_evidence(&q.items[0], root, 0.0, &params);
        let (full, _) = pair_evidence(&q.items[0], stem, 0.0, &params);
        assert!(weak > 0.0 && weak < full, "{weak} {full}");
    }
}
