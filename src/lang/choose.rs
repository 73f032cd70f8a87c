//! The n-gram model's choice among candidate languages: log-likelihoods from the model, whole-word
//! evidence from function words, a weak prior for the commonest languages, and a calibrated
//! confidence ([`super::confidence`]).

use crate::doc::Lang;

use super::codes::LangSet;
use super::model::{self, NgramModel, MAX_LANGS};
use super::script::Script;
use super::wordfreq::WordFreq;
use super::{confidence, typical, words, Detection};

/// The model's verdict on a text before it becomes a [`Detection`]: the best language and how
/// far every other candidate trails it (in nats, summed over the five n-gram orders, function-word
/// bonus and prior included). `examples/fit_lang_calibration.rs` fits the confidence on these.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The best-scoring candidate.
    pub best: Lang,
    /// Letters the model read (it stops once one language leads by a wide margin).
    pub letters: usize,
    /// Every other candidate and its gap behind `best`, in the model's slot order.
    pub gaps: Vec<(Lang, f32)>,
    /// The best candidate's score per letter read.
    pub per_letter: f32,
    /// The share of the text's words the best candidate's word list holds (`None`: no list, or
    /// too few words).
    pub coverage: Option<f32>,
}

/// The most written languages of the model (the ten of the fast path, which are also the
/// commonest on the web and in news): a text that could be one of them or a rarer language is
/// more likely one of them.
pub(crate) const COMMON_LANGS: [&str; 10] =
    ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"];

/// Log-prior added to the [`COMMON_LANGS`] (in nats, against sums over five orders): about one
/// letter's evidence.
const COMMON_PRIOR: f32 = 2.0;

/// Share of a function word's bonus given to a language without a function-word list (cy, is, mk,
/// sr ...): about the chance that a function word of one language is also one in another.
const UNLISTED_SHARE: f32 = 0.25;

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

/// The n-gram model's best language among `cands` (all in the model), reading only words of
/// `script`, with a calibrated confidence. When `ranking` is given, the verdict before abstention
/// is written there too.
pub(crate) fn model_among(
    model: &NgramModel,
    text: &str,
    cands: LangSet,
    script: Script,
    ranking: Option<&mut Option<Ranking>>,
) -> Detection {
    let slots = model.slots_of(cands);
    let (scores, letters) = if looks_like_turkish_mojibake(text) {
        // both readings scored to the end, so that their sums compare: the repaired one wins
        // when some language likes it better than any language likes the text as it is
        let (asis, n) = evidence(model, text, cands, script, f32::INFINITY);
        let fixed: String = text.chars().map(repair_turkish).collect();
        let (repaired, m) = evidence(model, &fixed, cands, script, f32::INFINITY);
        if best_of(&repaired, slots) > best_of(&asis, slots) {
            (repaired, m)
        } else {
            (asis, n)
        }
    } else {
        evidence(model, text, cands, script, DECIDED_MARGIN)
    };
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
    let lang_at = |i: usize| model.langs().get(i).copied().unwrap_or(Lang::UND);
    let best_lang = lang_at(best_i);
    let per_letter = best_s / letters as f32;
    let gaps = GapIter {
        mask: slots & !(1 << best_i),
        scores: &scores,
        best: best_s,
        langs: model.langs(),
    };
    let coverage = || WordFreq::shipped(model).and_then(|w| w.coverage(text, best_i));
    let mut covered = None;
    if let Some(out) = ranking {
        covered = Some(coverage());
        *out = Some(Ranking {
            best: best_lang,
            letters,
            gaps: gaps.clone().collect(),
            per_letter,
            coverage: covered.flatten(),
        });
    }
    let mut confidence = confidence::confidence(best_lang, gaps);
    if confidence > typical::ATYPICAL_MAX_CONFIDENCE
        && typical::is_atypical(
            best_lang,
            per_letter,
            letters,
            covered.unwrap_or_else(coverage),
        )
    {
        // letters this language's own text rarely scores so low on: another language near it
        confidence = confidence.min(typical::ATYPICAL_MAX_CONFIDENCE);
    }
    if letters < WEAK_LETTERS && confidence < WEAK_CONFIDENCE {
        // "de", "a", "no": a guess among several languages is not evidence
        return Detection {
            lang: Lang::UND,
            confidence,
        };
    }
    Detection {
        lang: best_lang,
        confidence,
    }
}

/// Log-likelihoods of `text` under each candidate, with the prior and function-word bonus, and
/// the letters read (the model stops once one language leads every other by `margin`).
fn evidence(
    model: &NgramModel,
    text: &str,
    cands: LangSet,
    script: Script,
    margin: f32,
) -> ([f32; MAX_LANGS], usize) {
    let slots = model.slots_of(cands);
    let mut scores = [0f32; MAX_LANGS];
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
    let words = WordFreq::shipped(model);
    let letters = model.score_until(text, slots, &mut scores, margin, Some(script), words);
    (scores, letters)
}

/// The highest score among `slots`.
fn best_of(scores: &[f32; MAX_LANGS], slots: model::SlotMask) -> f32 {
    let mut best = f32::MIN;
    model::for_each_slot(slots, |i| {
        best = best.max(scores.get(i).copied().unwrap_or(f32::MIN));
    });
    best
}

/// True for text that may be Turkish written in the Windows-1254 code page and read as
/// Windows-1252, where ı ş ğ İ Ş Ğ become ý þ ð Ý Þ Ð (a fifth of the dev set's Turkish): it has
/// one of those letters and none of the letters that Czech and Slovak, which write ý, write
/// beside it.
fn looks_like_turkish_mojibake(text: &str) -> bool {
    let mut suspect = false;
    for c in text.chars() {
        match c {
            'ý' | 'þ' | 'ð' | 'Ý' | 'Þ' | 'Ð' => suspect = true,
            'č' | 'š' | 'ž' | 'ř' | 'ě' | 'ů' | 'ň' | 'ť' | 'ď' | 'ľ' | 'ĺ' | 'ŕ' | 'Č' | 'Š'
            | 'Ž' | 'Ř' => return false,
            _ => {}
        }
    }
    suspect
}

/// The Turkish letter behind a Windows-1252 reading of Windows-1254 text.
fn repair_turkish(c: char) -> char {
    match c {
        'ý' => 'ı',
        'þ' => 'ş',
        'ð' => 'ğ',
        'Ý' => 'İ',
        'Þ' => 'Ş',
        'Ð' => 'Ğ',
        c => c,
    }
}

/// The gaps behind the best score, one per other slot, without allocating.
#[derive(Clone)]
struct GapIter<'a> {
    mask: model::SlotMask,
    scores: &'a [f32; MAX_LANGS],
    best: f32,
    langs: &'a [Lang],
}

impl Iterator for GapIter<'_> {
    type Item = (Lang, f32);

    fn next(&mut self) -> Option<(Lang, f32)> {
        if self.mask == 0 {
            return None;
        }
        let i = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        let lang = self.langs.get(i).copied().unwrap_or(Lang::UND);
        let s = self.scores.get(i).copied().unwrap_or(f32::MIN);
        Some((lang, self.best - s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_read_in_the_wrong_code_page_is_turkish() {
        // "Bazı kadınların da hemcinslerim ile aynı fikirde olduğunu biliyorum." in Windows-1254
        // read as Windows-1252
        let text = "Bazý kadýnlarýn da hemcinslerim ile ayný fikirde olduðunu biliyorum.";
        assert!(looks_like_turkish_mojibake(text));
        assert_eq!(
            super::super::Detector::new(None).detect(text).lang.as_str(),
            "tr"
        );
    }

    #[test]
    fn icelandic_and_czech_are_not_taken_for_broken_turkish() {
        let detector = super::super::Detector::new(None);
        let icelandic = "Það var þá sem við fórum heim og borðuðum kvöldmat saman.";
        assert_eq!(detector.detect(icelandic).lang.as_str(), "is");
        let czech = "Byl to dobrý den a všichni jsme šli domů.";
        assert!(!looks_like_turkish_mojibake(czech));
    }
}
