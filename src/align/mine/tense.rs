//! Past-tense marks: whether a text speaks of the past, from a per-language table of past forms
//! and endings (`data/tense/past.tsv`, written from each language's grammar).
//!
//! Near-duplicate sentences differ in tense as often as in a pronoun (`Tom and Mary got
//! married.` / `… are getting married.`), and no lexicon entry carries it: Slavic past is an
//! ending (`поженились`), English past an auxiliary or a form (`did`, `got`, `-ed`). Like the
//! question marks, the mark only separates candidates that are otherwise alike.

use std::collections::HashMap;
use std::sync::OnceLock;

// FxHash: short word keys looked up for every word of every text; nothing iterates the sets.
use rustc_hash::FxHashSet as HashSet;

use crate::doc::Lang;
use crate::table::rows;

/// One language's rules (the kinds of `data/tense/past.tsv`).
#[derive(Debug, Default)]
struct Rules {
    /// Past forms that are nothing else.
    words: HashSet<String>,
    /// Past forms that are also participles or adjectives.
    forms: HashSet<String>,
    /// Endings of past forms (letter classes expanded).
    ends: Vec<String>,
    /// Words an ending would take for past forms that are not.
    not: HashSet<String>,
    /// Endings of words the past endings would take that are not past forms.
    not_ends: Vec<String>,
    /// Words that make forms and endings mean a state (`am tired`).
    state: HashSet<String>,
    /// Words after which a form or ending is an adjective.
    det: HashSet<String>,
    /// Auxiliaries of the perfect.
    perfect: HashSet<String>,
    /// Words that make a perfect after them a conditional.
    modal: HashSet<String>,
    /// Words right after a perfect auxiliary that make it a main verb (`have to`).
    main_verb: HashSet<String>,
    /// Participles that are not past forms.
    participles: HashSet<String>,
    /// Particles of the conditional.
    mood: HashSet<String>,
    /// Conjunctions of the subjunctive.
    mood_next: HashSet<String>,
    /// Past forms spelled as their present.
    bare: HashSet<String>,
    /// Words before a `bare` form that make it a present or an infinitive.
    bare_not: HashSet<String>,
    /// Participles that before a `main_verb` word are no past (`have got to`).
    not_main: HashSet<String>,
    /// Endings of participles that count only after a perfect auxiliary.
    participle_ends: Vec<String>,
    /// Endings of conditional forms.
    mood_ends: Vec<String>,
}

impl Rules {
    /// Files one line of the table.
    fn add(&mut self, kind: &str, form: String) {
        match kind {
            "word" => self.words.insert(form),
            "form" => self.forms.insert(form),
            "end" => {
                self.ends.extend(expand(&form));
                true
            }
            "not" => self.not.insert(form),
            "not_end" => {
                self.not_ends.extend(expand(&form));
                true
            }
            "state" => self.state.insert(form),
            "det" => self.det.insert(form),
            "perfect" => self.perfect.insert(form),
            "modal" => self.modal.insert(form),
            "main_verb" => self.main_verb.insert(form),
            "participle" => self.participles.insert(form),
            "mood" => self.mood.insert(form),
            "mood_next" => self.mood_next.insert(form),
            "bare" => self.bare.insert(form),
            "bare_not" => self.bare_not.insert(form),
            "not_main" => self.not_main.insert(form),
            "participle_end" => {
                self.participle_ends.extend(expand(&form));
                true
            }
            "mood_end" => {
                self.mood_ends.extend(expand(&form));
                true
            }
            _ => false,
        };
    }

    /// True for a past form that may also be a participle: a `form`, or a word with a past
    /// ending that is not listed as something else.
    fn past_like(&self, w: &str) -> bool {
        (ends_with_any(w, &self.ends) && !self.not.contains(w) && !ends_with_any(w, &self.not_ends))
            || self.forms.contains(w)
    }
}

/// True when `w` ends with one of `ends` and has at least one letter before it.
fn ends_with_any(w: &str, ends: &[String]) -> bool {
    ends.iter().any(|e| {
        w.strip_suffix(e.as_str())
            .is_some_and(|stem| !stem.is_empty())
    })
}

/// Expands a leading `[abc]` letter class: `[ая]л` → `ал`, `ял`.
fn expand(form: &str) -> Vec<String> {
    let Some(rest) = form.strip_prefix('[') else {
        return vec![form.to_string()];
    };
    match rest.split_once(']') {
        Some((class, tail)) => class.chars().map(|c| format!("{c}{tail}")).collect(),
        None => vec![form.to_string()],
    }
}

/// The rules of every language in the table.
fn table() -> &'static HashMap<Lang, Rules> {
    static TABLE: OnceLock<HashMap<Lang, Rules>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: HashMap<Lang, Rules> = HashMap::new();
        for row in rows(include_str!("../../../data/tense/past.tsv")) {
            let [lang, kind, form, ..] = row[..] else {
                continue;
            };
            if let Some(lang) = Lang::new(lang) {
                out.entry(lang).or_default().add(kind, form.to_lowercase());
            }
        }
        for rules in out.values_mut() {
            rules.ends.sort();
            rules.ends.dedup();
        }
        out
    })
}

/// Words on either side of a conditional particle whose past forms it makes conditional.
const MOOD_REACH: usize = 2;

/// Words after a perfect auxiliary in which its participle may stand (`have you ever seen`).
const PERFECT_REACH: usize = 4;

/// Whether the words of a text (lowercase, as [`crate::align::tokens::word_tokens`] gives them)
/// speak of the past in `lang`: a past form, a perfect, or a past ending that no state word or
/// determiner qualifies, and that no conditional or subjunctive particle stands next to. `None` for a language
/// without rules.
pub fn past_tense<'a>(words: impl IntoIterator<Item = &'a str>, lang: Lang) -> Option<bool> {
    let r = table().get(&lang)?;
    let words: Vec<&str> = words.into_iter().collect();
    // A past form next to a conditional particle (`я бы пошёл`, `чтобы ты знал`) or with a
    // conditional ending (`chciałbym`) is no past; the rest of the text keeps its own.
    let moody = |i: usize| {
        words.get(i).is_some_and(|w| ends_with_any(w, &r.mood_ends))
            || (i.saturating_sub(MOOD_REACH)..=i + MOOD_REACH)
                .any(|j| j != i && words.get(j).is_some_and(|w| r.mood.contains(*w)))
            || (i.saturating_sub(MOOD_REACH)..i)
                .any(|j| words.get(j).is_some_and(|w| r.mood_next.contains(*w)))
    };
    // `he let her`, `Tom put salt` are past; `I put`, `to let`, `will cost` are not.
    let bare_past = |i: usize, w: &str| {
        r.bare.contains(w)
            && i.checked_sub(1)
                .and_then(|j| words.get(j))
                .is_some_and(|before| !r.bare_not.contains(*before))
    };
    if words
        .iter()
        .enumerate()
        .any(|(i, w)| (r.words.contains(*w) || bare_past(i, w)) && !moody(i))
    {
        return Some(true);
    }
    // Some word of `set` at most `reach` words before word `i`.
    let within = |i: usize, set: &HashSet<String>, reach: usize| {
        (1..=reach).any(|back| {
            i.checked_sub(back)
                .and_then(|j| words.get(j))
                .is_some_and(|d| set.contains(*d))
        })
    };
    let perfect = words.iter().enumerate().any(|(i, w)| {
        r.perfect.contains(*w)
            && !within(i, &r.modal, 2)
            && !moody(i)
            && words
                .get(i + 1)
                .is_none_or(|next| !r.main_verb.contains(*next))
            && words
                .iter()
                .skip(i + 1)
                .take(PERFECT_REACH)
                .enumerate()
                .any(|(k, p)| {
                    let before_main = words
                        .get(i + k + 2)
                        .is_some_and(|n| r.main_verb.contains(*n));
                    (r.participles.contains(*p)
                        || r.past_like(p)
                        || ends_with_any(p, &r.participle_ends))
                        && !(before_main && r.not_main.contains(*p))
                })
    });
    if perfect {
        return Some(true);
    }
    // A form after `is` (two words back at most) is a state, one right after `a` or `very` an
    // adjective, and one after the `have` of a conditional perfect (`would have liked`) no past.
    Some(words.iter().enumerate().any(|(i, w)| {
        r.past_like(w)
            && !moody(i)
            && !within(i, &r.state, 2)
            && !within(i, &r.det, 1)
            && !within(i, &r.perfect, 2)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::word_tokens;

    fn past(text: &str, lang: &str) -> Option<bool> {
        let lang = Lang::new(lang).unwrap_or_default();
        let words = word_tokens(text, lang);
        past_tense(words.iter().map(|w| w.text.as_str()), lang)
    }

    #[test]
    fn english_past_is_an_auxiliary_a_form_or_an_ending() {
        assert_eq!(past("Tom and Mary got married.", "en"), Some(true));
        assert_eq!(past("Did Tom change his opinion?", "en"), Some(true));
        assert_eq!(past("I talked to him.", "en"), Some(true));
        assert_eq!(past("The concert lasted three hours.", "en"), Some(true));
        assert_eq!(past("Tom and Mary are getting married.", "en"), Some(false));
        assert_eq!(past("I need a red bed.", "en"), Some(false));
    }

    #[test]
    fn an_english_past_spelled_as_its_present_is_past_after_a_third_person() {
        assert_eq!(past("He let her kiss him.", "en"), Some(true));
        assert_eq!(past("My mistake cost me my fortune.", "en"), Some(true));
        assert_eq!(past("I put it here every day.", "en"), Some(false));
        assert_eq!(past("Yeah, let's go!", "en"), Some(false));
        assert_eq!(past("It will cost a lot.", "en"), Some(false));
    }

    #[test]
    fn an_english_perfect_is_past_unless_a_modal_or_to_makes_it_something_else() {
        assert_eq!(past("What have I done with my keys?", "en"), Some(true));
        assert_eq!(past("Tom has never been in prison.", "en"), Some(true));
        assert_eq!(past("You would've liked it.", "en"), Some(false));
        assert_eq!(past("I have to come on Monday.", "en"), Some(false));
        assert_eq!(past("Tom has a brother.", "en"), Some(false));
        assert_eq!(past("Have any of you seen Tom today?", "en"), Some(true));
        // `have got to` is *must*
        assert_eq!(past("I've got to see you.", "en"), Some(false));
    }

    #[test]
    fn a_form_after_be_is_a_state_and_after_an_article_an_adjective() {
        assert_eq!(past("I'm tired.", "en"), Some(false));
        assert_eq!(
            past("Alice is very pleased with the suit.", "en"),
            Some(false)
        );
        assert_eq!(past("We live in a complicated world.", "en"), Some(false));
    }

    #[test]
    fn slavic_past_is_an_ending() {
        assert_eq!(past("Том с Мэри поженились.", "ru"), Some(true));
        assert_eq!(past("Том с Мэри женятся.", "ru"), Some(false));
        assert_eq!(past("Он шёл домой, а она пришла позже.", "ru"), Some(true));
        assert_eq!(past("Ви це чули?", "uk"), Some(true));
        assert_eq!(past("Я був тоді вдома.", "uk"), Some(true));
        assert_eq!(past("Ти це полагодиш?", "uk"), Some(false));
        // consonant stems: no vowel before the ending, listed by form
        assert_eq!(past("Том быстро исчез в толпе.", "ru"), Some(true));
        assert_eq!(past("Они промокли до нитки.", "ru"), Some(true));
        assert_eq!(past("Kupiłem samochód.", "pl"), Some(true));
        assert_eq!(past("Kupuję samochód.", "pl"), Some(false));
    }

    #[test]
    fn a_slavic_past_form_with_a_conditional_particle_is_no_past() {
        assert_eq!(past("Я бы пошёл с тобой.", "ru"), Some(false));
        assert_eq!(past("Я хочу, чтобы ты знал.", "ru"), Some(false));
        assert_eq!(past("Chciałbym to zobaczyć.", "pl"), Some(false));
        // a conjunction takes the clause after it only
        assert_eq!(
            past("Я сказал ему, чтобы он оставался дома.", "ru"),
            Some(true)
        );
        assert_eq!(
            past(
                "Зачем ты удалил этот твит? Не хочешь, чтобы все видели?",
                "ru"
            ),
            Some(true)
        );
    }

    #[test]
    fn nouns_that_end_like_a_past_form_are_not_past() {
        assert_eq!(past("Он нарушает правила.", "ru"), Some(false));
        assert_eq!(past("Две недели в Москве.", "ru"), Some(false));
        assert_eq!(past("Мои родители дома.", "ru"), Some(false));
        assert_eq!(past("To jest kanał.", "pl"), Some(false));
    }

    #[test]
    fn spanish_past_is_a_form_or_a_past_ending() {
        assert_eq!(past("Tom llegó tarde.", "es"), Some(true));
        assert_eq!(past("Ya lo he hecho.", "es"), Some(true));
        assert_eq!(past("Le ardían las mejillas.", "es"), Some(true));
        assert_eq!(past("No sé qué hacer.", "es"), Some(false));
        // the future and nouns in -ía end like past forms
        assert_eq!(past("Mañana volveré.", "es"), Some(false));
        assert_eq!(past("Todavía es de día.", "es"), Some(false));
        assert_eq!(past("A ti te habría gustado.", "es"), Some(false));
    }

    /// The pool entry each query is given, with and without the tense mark in the score.
    fn mined(queries: &[&str], pool: &[&str], tense: f64) -> Vec<Option<usize>> {
        crate::align::mine::mined_with(queries, pool, "ru", |p| p.tense = tense)
    }

    #[test]
    fn near_duplicates_that_differ_in_tense_meet_their_own_translation() {
        let queries = [
            "I still can't believe Tom and Mary are getting married.",
            "I still can't believe Tom and Mary got married.",
        ];
        let pool = [
            "До сих пор не верится, что Том с Мэри поженились.",
            "До сих пор не верится, что Том с Мэри женятся.",
        ];
        let want = vec![Some(1), Some(0)];
        assert_eq!(mined(&queries, &pool, 0.04), want);
        assert_ne!(
            mined(&queries, &pool, 0.0),
            want,
            "the mark decides these pairs"
        );
    }

    #[test]
    fn italian_and_portuguese_past_is_a_form_an_ending_or_a_perfect() {
        assert_eq!(past("Ho mangiato una mela.", "it"), Some(true));
        assert_eq!(past("Tom parlava francese.", "it"), Some(true));
        assert_eq!(past("Lo stato è forte.", "it"), Some(false));
        assert_eq!(past("Però non può venire.", "it"), Some(false));
        assert_eq!(past("Ele chegou tarde.", "pt"), Some(true));
        assert_eq!(past("Eu sou o seu amigo.", "pt"), Some(false));
        assert_eq!(past("Amanhã falarei com ele.", "pt"), Some(false));
    }

    #[test]
    fn languages_without_rules_have_no_mark() {
        assert_eq!(past("Eve gittim.", "tr"), None);
    }

    #[test]
    fn letter_classes_expand() {
        assert_eq!(expand("[ая]л"), ["ал", "ял"]);
        assert_eq!(expand("ed"), ["ed"]);
    }
}
