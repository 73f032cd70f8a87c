//! Language identification: the language of a segment, with a confidence, or `und`.
//!
//! Evidence is weighed from strongest to weakest:
//! 1. **marker phrases** ("Leer en español") name their language ([`crate::segment::marker_lang`]);
//! 2. **script**: Greek, Hangul, kana, Georgian ... decide alone; Cyrillic or Latin narrow the
//!    candidates to the languages written in them ([`script`]);
//! 3. **letter rules**: distinctive letters narrow further (ї → Ukrainian, ß → German, [`rules`]);
//! 4. a **statistical detector** chooses among what is left, limited to the allow-list;
//! 5. **context**: a segment without evidence of its own (numbers, "(NASA)", fused navigation
//!    text) takes its neighbours' language; a segment with evidence keeps its own, so a short
//!    foreign quote inside an English article stays foreign.
//!
//! ```
//! use talign::lang::{parse_lang_list, Detector};
//!
//! let langs = parse_lang_list("en,ru,uk").unwrap();
//! let detector = Detector::new(Some(&langs));
//! assert_eq!(detector.detect("Він сказав, що їде додому.").lang.as_str(), "uk");
//! let spans = detector.detect_spans("English language Английский язык");
//! assert_eq!(spans.len(), 2);
//! assert_eq!((spans[1].start, spans[1].lang.as_str()), (17, "ru"));
//! ```

pub mod choose;
pub mod codes;
pub mod codeswitch;
pub mod confidence;
pub mod model;
pub mod rules;
pub mod script;
pub mod shard_file;
pub mod siblings;
pub mod spans;
pub mod typical;
#[cfg(test)]
mod word_table;
pub mod wordfreq;
pub mod words;

use std::borrow::Cow;

use crate::doc::{Lang, Segment, SegmentKind};
use crate::segment::marker_lang;

use choose::model_among;
use model::NgramModel;

pub use choose::Ranking;
pub(crate) use choose::FUNCTION_WORD_BONUS;

pub use codes::{parse_lang_list, supported, LangError, LangSet};
pub use script::Script;
pub use spans::{split_by_language, LangSpan};

/// Confidence given to a marker phrase's language.
const MARKER_CONFIDENCE: f32 = 0.99;

/// A language verdict for one text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The language, or `und` when the evidence is too weak.
    pub lang: Lang,
    /// Confidence in `lang`, 0 to 1. For `und` it is 0 when nothing points to an allowed language
    /// (no letters, or a script none of them writes), and the best guess's confidence when a very
    /// short text could be several languages.
    pub confidence: f32,
}

impl Detection {
    /// The undetermined verdict.
    pub const UND: Detection = Detection {
        lang: Lang::UND,
        confidence: 0.0,
    };
}

/// A language detector limited to an allow-list; built once, shared freely across threads.
#[derive(Debug, Clone)]
pub struct Detector {
    allow: LangSet,
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new(None)
    }
}

impl Detector {
    /// A detector for the allowed languages (`None`: every supported language).
    /// Unsupported languages in the list are ignored.
    pub fn new(allow: Option<&[Lang]>) -> Detector {
        let allow = match allow {
            Some(list) => LangSet::of(list),
            None => LangSet::all(),
        };
        Detector { allow }
    }

    /// The languages this detector may return.
    pub fn allowed(&self) -> Vec<Lang> {
        self.allow.langs()
    }

    /// The language of a text: script and letter rules first, then statistics; `und` without letters
    /// or when no allowed language writes the text's script.
    pub fn detect(&self, text: &str) -> Detection {
        self.decide(text, None)
    }

    /// The n-gram model's ranking behind [`Detector::detect`]'s answer, when the model chose it
    /// (`None` when the script, a letter rule agreed by the model, or whatlang decided).
    pub fn ranking(&self, text: &str) -> Option<Ranking> {
        let mut out = None;
        self.decide(text, Some(&mut out));
        out
    }

    fn decide(&self, text: &str, ranking: Option<&mut Option<Ranking>>) -> Detection {
        let Some(words) = words_only(text) else {
            // letters only inside code, hex and addresses: like no language
            return Detection::UND;
        };
        let text: &str = &words;
        let counts = script::ScriptCounts::of(text);
        let Some(dominant) = counts.dominant() else {
            return Detection::UND;
        };
        let letters = match dominant {
            Script::Kana => counts.get(Script::Kana) + counts.get(Script::Han),
            s => counts.get(s),
        };
        let written = dominant.langs().and(self.allow);
        if written.is_empty() {
            return Detection::UND;
        }
        if let Some(lang) = written.single() {
            return Detection {
                lang,
                confidence: script_confidence(letters),
            };
        }
        let mut cands = written.and(rules::letter_constraint(text));
        if cands.is_empty() {
            cands = written;
        }
        if let Some(lang) = cands.single() {
            let rule = Detection {
                lang,
                confidence: 0.5 + 0.5 * script_confidence(letters),
            };
            return self.check_rule(text, rule, written, dominant, ranking);
        }
        self.statistical(text, cands, dominant, ranking)
    }

    /// A letter rule's verdict, checked against the model when the candidates go beyond the ten
    /// commonest languages: there, a letter the table gives one language also turns up in others'
    /// text (Turkish read in the wrong code page shows Icelandic ð and þ; Mongolian typed with
    /// Ukrainian ї), and where the model, reading all of `written`, prefers another language, the
    /// model is right about three times in four (dev data). Among the ten the hand-made table is
    /// exact and the check is skipped, which keeps the fast path fast.
    fn check_rule(
        &self,
        text: &str,
        rule: Detection,
        written: LangSet,
        script: Script,
        ranking: Option<&mut Option<Ranking>>,
    ) -> Detection {
        let Some(model) = NgramModel::shipped() else {
            return rule;
        };
        let in_model = written.and(model.lang_set());
        let common = LangSet::of_codes(&choose::COMMON_LANGS);
        if in_model.and(common.complement()).is_empty() || in_model.len() < 2 {
            return rule;
        }
        let mut own = None;
        let det = model_among(model, text, in_model, script, Some(&mut own));
        if det.lang.is_und() {
            return rule;
        }
        if let Some(out) = ranking {
            *out = own;
        }
        if det.lang == rule.lang {
            // agreed: the model's calibrated confidence, since the letter that made the rule also
            // turns up in other languages' text (a quarter of dev's Turkish is in the wrong code
            // page, with ð and þ)
            return Detection {
                lang: rule.lang,
                confidence: det.confidence,
            };
        }
        Detection {
            lang: det.lang,
            confidence: det.confidence.min(RULE_OVERRULED_MAX_CONFIDENCE),
        }
    }

    /// Chooses among several candidates: the n-gram model for the languages it holds, whatlang
    /// for the others (and to decide whether a text in a mixed candidate set is one of the model's,
    /// when the model is unsure).
    fn statistical(
        &self,
        text: &str,
        cands: LangSet,
        script: Script,
        ranking: Option<&mut Option<Ranking>>,
    ) -> Detection {
        let Some(model) = NgramModel::shipped() else {
            return whatlang_among(text, cands);
        };
        let in_model = cands.and(model.lang_set());
        if in_model.is_empty() {
            return whatlang_among(text, cands);
        }
        let own = match in_model.single() {
            Some(lang) => Detection {
                lang,
                confidence: 0.5,
            },
            None => model_among(model, text, in_model, script, ranking),
        };
        // whatlang (the costliest step) runs only when a language outside the model is possible
        // and the model is unsure; function words of a model language outweigh its answer
        if in_model == cands
            || own.confidence >= MODEL_SURE
            || function_words_point_inside(text, in_model)
            || too_short_for_whatlang(text)
        {
            return own;
        }
        let wl = whatlang_among(text, cands);
        if !wl.lang.is_und() && !in_model.contains(wl.lang) && wl.confidence >= WHATLANG_RELIABLE {
            // whatlang is often wrong on short text: its answer is never a confident one
            return Detection {
                lang: wl.lang,
                confidence: wl.confidence.min(WHATLANG_MAX_CONFIDENCE),
            };
        }
        own
    }
}

/// Highest confidence of the model's answer where it overrules a letter rule: on dev data it was
/// right in about 72% of such cases.
const RULE_OVERRULED_MAX_CONFIDENCE: f32 = 0.7;

/// The text without its identifiers, numbers, hex strings and addresses ([`is_identifier`]):
/// `None` when they hold all its letters (`rebase.missingCommitsCheck`, `0x7fff5fbff8a8`,
/// `https://example.com/index.html`), which are like no language; the text itself when it has
/// none. A Chinese line quoting `rebase.missingCommitsCheck` is Chinese, and the n-gram model
/// does not read `github` in a link as a word.
fn words_only(text: &str) -> Option<Cow<'_, str>> {
    let is_code = |tok: &str| is_identifier(tok.trim_matches(|c: char| !c.is_alphanumeric()));
    let has_letter = |tok: &str| tok.chars().any(char::is_alphabetic);
    if !text.split_whitespace().any(|t| has_letter(t) && is_code(t)) {
        return Some(Cow::Borrowed(text));
    }
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|t| !(has_letter(t) && is_code(t)))
        .collect();
    if !kept.iter().any(|t| has_letter(t)) {
        return None;
    }
    Some(Cow::Owned(kept.join(" ")))
}

/// The model's confidence from which whatlang is not asked about languages outside the model.
const MODEL_SURE: f32 = 0.9;

/// Highest confidence given to whatlang's answer outside the model.
const WHATLANG_MAX_CONFIDENCE: f32 = 0.7;

/// whatlang's confidence from which its answer outside the n-gram model's languages is kept.
const WHATLANG_RELIABLE: f32 = 0.5;

/// Distinct function words of one model language that outweigh whatlang's answer outside the
/// model: whatlang is unsure on short text ("If I was him, I would feel like …" came out Afrikaans),
/// while three function words of one language rarely occur in a text of another.
const FUNCTION_WORDS_DECIDE: usize = 3;

/// True when some language of `in_model` lists at least [`FUNCTION_WORDS_DECIDE`] distinct words
/// of the text as function words.
fn function_words_point_inside(text: &str, in_model: LangSet) -> bool {
    let mut seen: Vec<String> = Vec::new();
    let mut counts = [0usize; model::MAX_LANGS];
    let langs = in_model.langs();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        if seen.contains(&lower) {
            continue;
        }
        if let Some(set) = words::function_word_langs(&lower) {
            for (i, l) in langs.iter().enumerate() {
                if set.contains(*l) {
                    if let Some(c) = counts.get_mut(i) {
                        *c += 1;
                    }
                }
            }
        }
        seen.push(lower);
    }
    counts.iter().any(|&c| c >= FUNCTION_WORDS_DECIDE)
}

/// A segment of at most this many words ...
const WEAK_SHORT_WORDS: usize = 4;
/// ... detected with less confidence than this has no evidence of its own: context may fill it.
const WEAK_SHORT_CONFIDENCE: f32 = 0.45;

/// Fewer letters than this make no trigram: whatlang's answer on them is noise, and it reads all
/// its profiles to give it (0.7 M instructions a call).
const WHATLANG_MIN_LETTERS: usize = 3;

/// True when `text` has fewer than [`WHATLANG_MIN_LETTERS`] letters.
fn too_short_for_whatlang(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .take(WHATLANG_MIN_LETTERS)
        .count()
        < WHATLANG_MIN_LETTERS
}

/// whatlang limited to the candidates.
fn whatlang_among(text: &str, cands: LangSet) -> Detection {
    let list: Vec<whatlang::Lang> = cands
        .langs()
        .into_iter()
        .filter_map(codes::to_whatlang)
        .collect();
    let wl = whatlang::Detector::with_allowlist(list);
    match wl.detect(text) {
        Some(info) => match codes::from_whatlang(info.lang()) {
            Some(lang) if cands.contains(lang) => Detection {
                lang,
                confidence: info.confidence().clamp(0.0, 1.0) as f32,
            },
            _ => Detection::UND,
        },
        None => Detection::UND,
    }
}

/// Confidence from the number of letters of a script that decides alone.
fn script_confidence(letters: u32) -> f32 {
    (0.6 + 0.04 * letters as f32).min(0.99)
}

/// Letters in tokens that are language evidence: ordinary words, not acronyms ("NASA") or fused
/// fragments with inner capitals or dots ("ScienceU.S.World").
pub fn evidence_letters(text: &str) -> usize {
    text.split_whitespace()
        .map(|tok| tok.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| is_evidence_word(w))
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum()
}

/// True for a token that is code or a fused fragment rather than a word: an ASCII character other
/// than letters, `-` and apostrophes inside it (`rebase.missingCommitsCheck`, `mp3`, `snake_case`),
/// or a capital after a lowercase letter (`missingCommitsCheck`, `ScienceU`). A token with a letter
/// outside the Latin script is a word: Thai and Chinese write whole phrases without spaces, with
/// marks that are not letters and punctuation inside.
fn is_identifier(word: &str) -> bool {
    let mut lower_seen = false;
    let mut code_sign = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            if Script::of(c).is_some_and(|s| s != Script::Latin) {
                return false;
            }
            code_sign |= c.is_uppercase() && lower_seen;
            lower_seen |= c.is_lowercase();
        } else {
            code_sign |= c.is_ascii() && c != '-' && c != '\'';
        }
    }
    code_sign
}

fn is_evidence_word(word: &str) -> bool {
    let mut letters = 0;
    for (i, c) in word.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if i > 0 && c.is_uppercase() {
                return false;
            }
        } else if c != '-' && c != '\'' && c != '’' {
            return false;
        }
    }
    letters > 0
}

/// Sets `lang` and `confidence` of every segment of `text` (segments hold byte spans into it).
/// Segments without evidence of their own take their neighbours' language: running text.
pub fn identify(text: &str, segments: &mut [Segment], detector: &Detector) {
    let own_evidence = identify_each(text, segments, detector);
    fill_from_context(segments, &own_evidence);
}

/// Like [`identify`], but each segment is a text of its own (`--lines` input): no language
/// crosses from one segment to another.
pub fn identify_lines(text: &str, segments: &mut [Segment], detector: &Detector) {
    identify_each(text, segments, detector);
}

/// Detects every segment alone; returns, per segment, whether it holds evidence of its own.
fn identify_each(text: &str, segments: &mut [Segment], detector: &Detector) -> Vec<bool> {
    let mut own_evidence = Vec::with_capacity(segments.len());
    for seg in segments.iter_mut() {
        let seg_text = seg.text(text);
        let marker = (seg.kind == SegmentKind::Marker)
            .then(|| marker_lang(seg_text))
            .flatten()
            .filter(|l| detector.allow.contains(*l));
        let det = match marker {
            Some(lang) => Detection {
                lang,
                confidence: MARKER_CONFIDENCE,
            },
            None => detector.detect(seg_text),
        };
        seg.lang = det.lang;
        seg.confidence = det.confidence;
        // letters of a script no allowed language writes are evidence too (`und` at confidence 0:
        // such a segment stays `und`); an unsure guess on a word or two ("de") is not, nor a
        // low-confidence guess on a few words of international vocabulary ("Social media
        // propaganda" as Portuguese)
        let weak_guess = (det.lang.is_und() && det.confidence > 0.0)
            || (!det.lang.is_und()
                && det.confidence < WEAK_SHORT_CONFIDENCE
                && seg_text.split_whitespace().count() <= WEAK_SHORT_WORDS
                && marker.is_none());
        own_evidence.push(marker.is_some() || (evidence_letters(seg_text) > 0 && !weak_guess));
    }
    own_evidence
}

/// Gives segments without evidence of their own the language of their nearest neighbours with
/// evidence: both sides when they agree, else the previous one (the text they follow), else the next.
fn fill_from_context(segments: &mut [Segment], own_evidence: &[bool]) {
    let n = segments.len();
    let mut prev: Vec<Option<(Lang, f32)>> = vec![None; n];
    let mut last = None;
    for ((slot, seg), &evidence) in prev.iter_mut().zip(segments.iter()).zip(own_evidence) {
        *slot = last;
        if evidence {
            last = Some((seg.lang, seg.confidence));
        }
    }
    let mut next = None;
    for i in (0..n).rev() {
        if own_evidence.get(i).copied().unwrap_or(false) {
            next = segments.get(i).map(|s| (s.lang, s.confidence));
            continue;
        }
        let chosen = match (prev[i], next) {
            (Some(p), Some(q)) if p.0 == q.0 => Some((p.0, p.1.min(q.1))),
            (Some(p), _) => Some((p.0, p.1 * 0.8)),
            (None, Some(q)) => Some((q.0, q.1 * 0.8)),
            (None, None) => None,
        };
        if let (Some((lang, conf)), Some(seg)) = (chosen, segments.get_mut(i)) {
            seg.lang = lang;
            seg.confidence = (conf * 0.6).min(0.5);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_lines;

    fn l(code: &str) -> Lang {
        Lang::new(code).unwrap_or_default()
    }

    #[test]
    fn whatlang_is_not_asked_about_texts_of_one_or_two_letters() {
        assert!(too_short_for_whatlang("x"));
        assert!(too_short_for_whatlang("a 1 b!"));
        assert!(too_short_for_whatlang("日本"));
        assert!(!too_short_for_whatlang("abc"));
        // and the detector answers them as before: too little to tell
        assert!(Detector::new(None).detect("x").lang.is_und());
    }

    #[test]
    fn detector_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Detector>();
        let d = Detector::new(Some(&[l("en"), l("ru")]));
        let langs: Vec<Lang> = std::thread::scope(|s| {
            let a = s.spawn(|| d.detect("Hello there, my friend").lang);
            let b = s.spawn(|| d.detect("Привет, мой друг").lang);
            vec![a.join().unwrap_or_default(), b.join().unwrap_or_default()]
        });
        assert_eq!(langs, vec![l("en"), l("ru")]);
    }

    #[test]
    fn scripts_and_letters_decide() {
        let d = Detector::new(None);
        assert_eq!(d.detect("Καλημέρα κόσμε").lang, l("el"));
        assert_eq!(d.detect("Їжак").lang, l("uk"));
        assert_eq!(d.detect("1234 ...").lang, Lang::UND);
        let ru = Detector::new(Some(&[l("en"), l("ru")]));
        assert_eq!(ru.detect("Привет").lang, l("ru"));
        assert_eq!(ru.detect("Καλημέρα").lang, Lang::UND);
    }

    #[test]
    fn sentences_get_their_language() {
        let d = Detector::new(Some(&[l("en"), l("ru"), l("es"), l("uk"), l("bg")]));
        let det = d.detect("The government announced new measures on Tuesday.");
        assert_eq!(det.lang, l("en"));
        assert!(det.confidence > 0.0);
        assert_eq!(
            d.detect("Правительство объявило о новых мерах во вторник.")
                .lang,
            l("ru")
        );
        assert_eq!(
            d.detect("El gobierno anunció nuevas medidas el martes.")
                .lang,
            l("es")
        );
    }

    #[test]
    fn context_fills_only_segments_without_evidence() {
        let text = "The president spoke to reporters on Monday morning.\n(NASA)\n2024\n\
                    «Мы не отступим», сказал он.\nHe then left the building quickly.\n";
        let mut segs = segment_lines(text);
        let d = Detector::new(Some(&[l("en"), l("ru")]));
        identify(text, &mut segs, &d);
        let langs: Vec<&str> = segs.iter().map(|s| s.lang.as_str()).collect();
        assert_eq!(langs, vec!["en", "en", "en", "ru", "en"]);
        assert!(segs[1].confidence <= 0.5);
    }

    #[test]
    fn unsure_guesses_on_tiny_texts_abstain_and_take_context() {
        let d = Detector::new(Some(&[l("es"), l("pt"), l("fr"), l("it")]));
        let det = d.detect("a");
        assert_eq!(det.lang, Lang::UND);
        assert!(det.confidence > 0.0);
        let text =
            "El gobierno anunció nuevas medidas el martes.\na\nLa oposición criticó el plan.\n";
        let mut segs = segment_lines(text);
        identify(text, &mut segs, &d);
        assert_eq!(segs[1].lang, l("es"));
    }

    #[test]
    fn text_in_a_script_no_allowed_language_writes_stays_und() {
        let text = "The minister answered the question.\nΚαλημέρα σε όλους.\nThen he left.\n";
        let mut segs = segment_lines(text);
        identify(text, &mut segs, &Detector::new(Some(&[l("en"), l("ru")])));
        let langs: Vec<&str> = segs.iter().map(|s| s.lang.as_str()).collect();
        assert_eq!(langs, vec!["en", "und", "en"]);
    }

    #[test]
    fn lines_are_independent_texts() {
        let text = "The minister answered the question on Monday.\n東京は晴れです。\n1234\n";
        let d = Detector::new(None);
        let mut alone = segment_lines("東京は晴れです。\n");
        identify_lines("東京は晴れです。\n", &mut alone, &d);
        let mut segs = segment_lines(text);
        identify_lines(text, &mut segs, &d);
        let langs: Vec<&str> = segs.iter().map(|s| s.lang.as_str()).collect();
        assert_eq!(langs, ["en", "ja", "und"]);
        assert_eq!(segs[1].confidence, alone[0].confidence);
    }

    #[test]
    fn a_lead_over_a_sibling_language_gives_less_confidence_than_over_a_stranger() {
        let text = "Saya tidak tahu apa yang harus saya lakukan sekarang.";
        let siblings = Detector::new(Some(&[l("id"), l("ms")])).detect(text);
        let strangers = Detector::new(Some(&[l("id"), l("en")])).detect(text);
        assert_eq!(strangers.lang, l("id"));
        assert!(siblings.confidence < strangers.confidence);
    }

    #[test]
    fn two_words_that_could_be_english_or_latin_are_english() {
        let d = Detector::new(None);
        assert_eq!(d.detect("International cooperation").lang, l("en"));
        assert_eq!(d.detect("Vae victis, dixit Brennus.").lang, l("la"));
    }

    #[test]
    fn markers_take_their_language() {
        let text = "Leer en español";
        let mut segs = segment_lines(text);
        segs[0].kind = SegmentKind::Marker;
        identify(text, &mut segs, &Detector::new(None));
        assert_eq!(segs[0].lang, l("es"));
        assert!(segs[0].confidence > 0.9);
    }

    /// Asserts that `d` gives each text its language.
    fn assert_detects(d: &Detector, cases: &[(&str, &str)]) {
        for (text, want) in cases {
            assert_eq!(d.detect(text).lang, l(want), "{text}");
        }
    }

    #[test]
    fn sibling_languages_with_copied_word_lists_are_told_apart_by_their_spellings() {
        assert_detects(
            &Detector::new(None),
            &[
                ("Eg veit ikkje kva du meiner med det.", "nn"),
                ("Jeg vet ikke hva du mener med det.", "nb"),
                ("Jeg ved ikke hvad du mener med det.", "da"),
                ("Saya tidak mahu pergi kerana hari hujan.", "ms"),
                ("Saya tidak mau pergi karena hari hujan.", "id"),
                // the n-grams alone call this Malay: "mau" is the Indonesian spelling of "mahu"
                ("Saya mau pulang.", "id"),
                ("Saya mahu pulang.", "ms"),
            ],
        );
    }

    #[test]
    fn a_single_word_takes_the_language_that_writes_it_often() {
        // the letters alone gave en, fr, pt: Ostsee, attentati and calme are common words of
        // their languages only
        let ten = ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"].map(l);
        assert_detects(
            &Detector::new(Some(&ten)),
            &[("Ostsee", "de"), ("attentati", "it"), ("calme", "fr")],
        );
    }

    #[test]
    fn short_sentences_of_close_languages_go_by_their_common_words() {
        assert_detects(
            &Detector::new(None),
            &[
                ("Простите, я вас не узнал.", "ru"),
                ("I'm a freelance journalist.", "en"),
                ("¿Podés venir a las 9?", "es"),
            ],
        );
    }

    #[test]
    fn a_language_without_a_word_list_keeps_its_sentences() {
        // Nynorsk reads Bokmål's list, Afrikaans Dutch's, Serbian none (its siblings write Latin):
        // none of them loses to a listed neighbour for lack of a list
        assert_detects(
            &Detector::new(None),
            &[
                ("Eg har ikkje sett han på lenge.", "nn"),
                ("Ek het hom lanklaas gesien nie.", "af"),
                ("Нисам га видео дуго времена.", "sr"),
            ],
        );
    }

    #[test]
    fn english_function_words_outweigh_unsure_whatlang_outside_the_model() {
        let d = Detector::new(None);
        let text = "If I was him, I would feel like I'm just going to keep doing my job";
        assert_eq!(d.detect(text).lang, l("en"));
    }

    #[test]
    fn weak_short_guesses_take_context_but_confident_foreign_quotes_stay() {
        let text = "The agency said it would continue to work with its partners.\n\
                    Social media propaganda\n\
                    ¿Dónde está la biblioteca?\n\
                    Kelly spent a year in space aboard the station before he retired.\n";
        let mut segs = segment_lines(text);
        identify(text, &mut segs, &Detector::new(None));
        let langs: Vec<&str> = segs.iter().map(|s| s.lang.as_str()).collect();
        assert_eq!(langs, ["en", "en", "es", "en"]);
    }

    #[test]
    fn code_identifiers_are_no_language() {
        let detector = Detector::new(None);
        for code in [
            "rebase.missingCommitsCheck",
            "snake_case_variable_name",
            "getElementById(document)",
            "std::collections::HashMap",
        ] {
            assert!(detector.detect(code).lang.is_und(), "{code}");
        }
    }

    #[test]
    fn hex_strings_and_hashes_are_no_language() {
        let detector = Detector::new(None);
        for hex in [
            "0x7fff5fbff8a8",
            "3f2a9c1e7b4d",
            "e3b0c442 98fc1c14 9afbf4c8",
        ] {
            assert!(detector.detect(hex).lang.is_und(), "{hex}");
        }
    }

    #[test]
    fn web_addresses_are_no_language() {
        let detector = Detector::new(None);
        for url in [
            "https://github.com/rust-lang/rust/issues/12345",
            "www.example.com/index.html",
            "user@example.org",
        ] {
            assert!(detector.detect(url).lang.is_und(), "{url}");
        }
    }

    #[test]
    fn a_sentence_keeps_its_language_around_code_and_links() {
        let detector = Detector::new(None);
        let en = "Set rebase.missingCommitsCheck to warn, as the manual at https://git-scm.com/docs explains.";
        assert_eq!(detector.detect(en).lang.as_str(), "en");
        let zh = "将 rebase.missingCommitsCheck 设置为 warn 可以显示警告";
        assert_eq!(detector.detect(zh).lang.as_str(), "zh");
    }

    #[test]
    fn letters_that_spell_nothing_get_no_confident_language() {
        let detector = Detector::new(None);
        for noise in ["deadbeef cafebabe", "xkcd qwrtz plmnb"] {
            assert!(detector.detect(noise).confidence < 0.5, "{noise}");
        }
    }
}
