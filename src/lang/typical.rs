//! Whether a text's letters are typical of the language the model chose. A text in a language
//! the model does not hold (Uyghur, Pashto, Crimean Tatar, Scottish Gaelic, Walloon ...) still
//! gets the nearest model language, often with a wide lead over the rest; but where its letters
//! and words are foreign to that language it scores lower per letter than the language's own
//! text does. Such answers keep their language and lose their confidence.
//!
//! Two signs, each with a floor per model language in `data/lang/typical.tsv` (the value only
//! 0.5% of the language's own dev sentences fall below; `examples/fit_lang_typical.rs` fits
//! it): the score per letter, and for languages with a word list the share of the text's words
//! the list holds (Galician reads as Portuguese letter by letter, but half its words, `non`,
//! `posíbel`, `gardar`, are no Portuguese words).

use std::sync::OnceLock;

use crate::doc::Lang;

const TABLE: &str = include_str!("../../data/lang/typical.tsv");

/// Texts with fewer letters than this are not checked: their score per letter varies too much.
pub const MIN_LETTERS: usize = 20;

/// Highest confidence of an answer whose text scores below its language's floor.
pub const ATYPICAL_MAX_CONFIDENCE: f32 = 0.7;

/// A language's floors: score per letter, and share of words its list holds (languages with a
/// word list).
type Floors = (Lang, f32, Option<f32>);

/// The floors per language, as read from the table.
fn floors() -> &'static [Floors] {
    static FLOORS: OnceLock<Vec<Floors>> = OnceLock::new();
    FLOORS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let code = fields.next()?;
                let floor = fields.next()?.trim().parse().ok()?;
                let covered = fields.next().and_then(|f| f.trim().parse().ok());
                Some((Lang::new(code)?, floor, covered))
            })
            .collect()
    })
}

/// True when a text of `letters` letters that scored `per_letter` under `lang`, and of whose
/// words `lang`'s list holds the share `coverage`, is below one of that language's floors
/// (languages without floors are never atypical).
pub fn is_atypical(lang: Lang, per_letter: f32, letters: usize, coverage: Option<f32>) -> bool {
    floors()
        .iter()
        .find(|(l, _, _)| *l == lang)
        .is_some_and(|(_, floor, covered)| {
            (letters >= MIN_LETTERS && per_letter < *floor)
                || coverage.zip(*covered).is_some_and(|(c, f)| c < f)
        })
}

#[cfg(test)]
mod tests {
    use super::super::Detector;
    use super::*;

    #[test]
    fn the_table_has_a_floor_for_the_common_languages() {
        for code in ["en", "ru", "es", "de", "is", "pt"] {
            let lang = Lang::new(code).unwrap_or_default();
            assert!(floors().iter().any(|(l, _, _)| *l == lang), "{code}");
        }
    }

    #[test]
    fn a_language_the_model_lacks_gets_its_neighbour_without_confidence() {
        let d = Detector::new(None);
        // Uyghur reads as Persian, Crimean Tatar as Turkish: the nearest language, not a sure one
        for text in [
            "بۇ ھۆججەتنى ئاچالمايدۇ، چۈنكى ئۇ بۇزۇلغان ياكى قوللىمايدىغان فورماتتا",
            "Bu faylnıñ adını deñiştirip olamaysıñız, çünki o başqa programmada açıqtır.",
        ] {
            let det = d.detect(text);
            assert!(det.confidence < 0.9, "{text}: {det:?}");
        }
        // the languages themselves stay sure
        for text in [
            "من امروز به خانه می‌روم و فردا شما را در شهر می‌بینم",
            "Ben bugün evde kalacağım, çünkü hava çok soğuk ve kar yağıyor.",
            "Ni bhfuil an comhad seo ar fáil, mar tá sé scriosta cheana féin.",
        ] {
            let det = d.detect(text);
            assert!(det.confidence >= 0.9, "{text}: {det:?}");
        }
    }

    #[test]
    fn words_a_language_never_writes_take_its_confidence_away() {
        // Galician reads as Portuguese, letters and all; but Portuguese's word list lacks half of
        // its words (non, posíbel, gardar, cambios)
        let galician = "Non foi posíbel gardar os cambios no ficheiro.";
        let portuguese = "Não foi possível guardar as alterações no ficheiro.";
        let d = Detector::new(None);
        let det = d.detect(galician);
        assert!(det.confidence < 0.9, "{det:?}");
        let det = d.detect(portuguese);
        assert_eq!(det.lang.as_str(), "pt");
        assert!(det.confidence >= 0.9, "{det:?}");
        let pt = Lang::new("pt").unwrap_or_default();
        let covered = |text: &str| d.ranking(text).and_then(|r| r.coverage);
        assert!(covered(galician)
            .zip(covered(portuguese))
            .is_some_and(|(g, p)| g < p));
        assert!(!is_atypical(pt, 0.0, 0, covered(portuguese)));
        assert!(
            is_atypical(pt, 0.0, 0, Some(0.1)),
            "a low share is atypical"
        );
        assert!(!is_atypical(pt, 0.0, 0, None), "no share, no verdict");
    }
}
