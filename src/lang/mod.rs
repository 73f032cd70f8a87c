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

pub mod codes;
pub mod codeswitch;
pub mod model;
pub mod rules;
pub mod script;
pub mod siblings;
pub mod spans;
pub mod words;

use crate::doc::{Lang, Segment, SegmentKind};
use crate::segment::marker_lang;

use model::NgramModel;

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
        let counts = script::ScriptCounts::of(text);
        let Some(dominant) = counts.dominant() else {
            return Detection::UND;
        };
        let letters = match dominant {
            Script::Kana => counts.get(Script::Kana) + counts.get(Script::Han),
            s => counts.get(s),
        };
        let mut cands = dominant.langs().and(self.allow);
        if cands.is_empty() {
            return Detection::UND;
        }
        if let Some(lang) = cands.single() {
            return Detection {
                lang,
                confidence: script_confidence(letters),
            };
        }
        let narrowed = cands.and(rules::letter_constraint(text));
        if !narrowed.is_empty() {
            cands = narrowed;
        }
        if let Some(lang) = cands.single() {
            return Detection {
                lang,
                confidence: 0.5 + 0.5 * script_confidence(letters),
            };
        }
        self.statistical(text, cands)
    }

    /// Chooses among several candidates: the n-gram model for the languages it holds, whatlang
    /// for the others (and to decide whether a text in a mixed candidate set is one of the model's,
    /// when the model is unsure).
    fn statistical(&self, text: &str, cands: LangSet) -> Detection {
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
            None => model_among(model, text, in_model),
        };
        // whatlang (the costliest step) runs only when a language outside the model is possible
        // and the model is unsure; function words of a model language outweigh its answer
        if in_model == cands
            || own.confidence >= MODEL_SURE
            || function_words_point_inside(text, in_model)
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

/// The n-gram model's best language among `cands` (all in the model), with a softmax confidence.
fn model_among(model: &NgramModel, text: &str, cands: LangSet) -> Detection {
    let slots = model.slots_of(cands);
    let mut scores = [0f32; model::MAX_LANGS];
    // a weak prior for the most written languages: it decides only where the text says almost
    // nothing ("International cooperation" is English rather than Latin)
    model::for_each_slot(
        model.slots_of(cands.and(LangSet::of_codes(&COMMON_LANGS))),
        |i| {
            if let Some(s) = scores.get_mut(i) {
                *s += COMMON_PRIOR;
            }
        },
    );
    // a language without a function-word list may share the word: it gets a part of the bonus
    let unlisted = model.slots_of(cands.and(words::listed_langs().complement()));
    words::for_each_telling_word(text, cands, |set| {
        model::for_each_slot(model.slots_of(set), |i| {
            if let Some(s) = scores.get_mut(i) {
                *s += FUNCTION_WORD_BONUS;
            }
        });
        model::for_each_slot(unlisted, |i| {
            if let Some(s) = scores.get_mut(i) {
                *s += FUNCTION_WORD_BONUS * UNLISTED_SHARE;
            }
        });
    });
    let letters = model.score_until(text, slots, &mut scores, DECIDED_MARGIN);
    if letters == 0 {
        return Detection::UND;
    }
    let mut best: Option<(usize, f32)> = None;
    model::for_each_slot(slots, |i| {
        let s = scores.get(i).copied().unwrap_or(f32::MIN);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    });
    let Some((best_i, best_s)) = best else {
        return Detection::UND;
    };
    // the five orders count each letter five times: temper the sum before the softmax, and more
    // so against a sibling language, whose model differs from the best one's in details only
    let best_lang = model.langs().get(best_i).copied().unwrap_or(Lang::UND);
    let mut total = 0f32;
    model::for_each_slot(slots, |i| {
        let s = scores.get(i).copied().unwrap_or(f32::MIN);
        let lang = model.langs().get(i).copied().unwrap_or(Lang::UND);
        let temperature = if i != best_i && siblings::are_siblings(best_lang, lang) {
            CONFIDENCE_TEMPERATURE * SIBLING_TEMPERATURE
        } else {
            CONFIDENCE_TEMPERATURE
        };
        total += ((s - best_s) / temperature).exp();
    });
    let confidence = (1.0 / total).clamp(0.0, 1.0);
    if letters < WEAK_LETTERS && confidence < WEAK_CONFIDENCE {
        // "de", "a", "no": a guess among several languages is not evidence
        return Detection {
            lang: Lang::UND,
            confidence,
        };
    }
    Detection {
        lang: model.langs().get(best_i).copied().unwrap_or(Lang::UND),
        confidence,
    }
}

/// The most written languages of the model (the ten of the fast path, which are also the
/// commonest on the web and in news): a text that could be one of them or a rarer language is
/// more likely one of them.
const COMMON_LANGS: [&str; 10] = ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"];

/// Log-prior added to the [`COMMON_LANGS`] (in nats, against sums over five orders): about one
/// letter's evidence.
const COMMON_PRIOR: f32 = 2.0;

/// How many times more the confidence is tempered against a sibling language (`data/lang/siblings.tsv`).
const SIBLING_TEMPERATURE: f32 = 4.0;

/// Share of a function word's bonus given to a language without a function-word list (cy, is, mk,
/// sr ...): about the chance that a function word of one language is also one in another.
const UNLISTED_SHARE: f32 = 0.25;

/// Log-likelihood differences are divided by this before the softmax that gives the confidence:
/// each letter counts once per order, and neighbouring n-grams are far from independent.
const CONFIDENCE_TEMPERATURE: f32 = model::MAX_ORDER as f32;

/// A segment of at most this many words ...
const WEAK_SHORT_WORDS: usize = 4;
/// ... detected with less confidence than this has no evidence of its own: context may fill it.
const WEAK_SHORT_CONFIDENCE: f32 = 0.45;

/// Texts with fewer letters than this are `und` when the model is unsure ...
const WEAK_LETTERS: usize = 3;
/// ... that is, when its confidence is below this.
const WEAK_CONFIDENCE: f32 = 0.3;

/// Log-likelihood added to each language that lists a word of the text as a function word (when
/// not every candidate does): about one n-gram order's worth of evidence per word.
pub(crate) const FUNCTION_WORD_BONUS: f32 = 6.0;

/// Lead (in log-likelihood summed over the five orders) after which the model stops reading a long
/// text: about sixteen nats per order, far beyond what the remaining words of a sentence overturn.
const DECIDED_MARGIN: f32 = 80.0;

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
}
