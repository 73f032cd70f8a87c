//! Whether a text's letters are typical of the language the model chose. A text in a language
//! the model does not hold (Uyghur, Pashto, Crimean Tatar, Scottish Gaelic, Walloon ...) still
//! gets the nearest model language, often with a wide lead over the rest; but where its letters
//! and words are foreign to that language it scores lower per letter than the language's own
//! text does. Such answers keep their language and lose their confidence.
//!
//! `data/lang/typical.tsv` gives, per model language, the score per letter below which only a
//! small share of its own dev sentences fall; `examples/fit_lang_typical.rs` fits it.

use std::sync::OnceLock;

use crate::doc::Lang;

const TABLE: &str = include_str!("../../data/lang/typical.tsv");

/// Texts with fewer letters than this are not checked: their score per letter varies too much.
pub const MIN_LETTERS: usize = 20;

/// Highest confidence of an answer whose text scores below its language's floor.
pub const ATYPICAL_MAX_CONFIDENCE: f32 = 0.7;

/// The floor per language, as read from the table.
fn floors() -> &'static [(Lang, f32)] {
    static FLOORS: OnceLock<Vec<(Lang, f32)>> = OnceLock::new();
    FLOORS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let code = fields.next()?;
                let floor = fields.next()?.trim().parse().ok()?;
                Some((Lang::new(code)?, floor))
            })
            .collect()
    })
}

/// True when a text of `letters` letters that scored `per_letter` under `lang` is below that
/// language's floor (languages without a floor are never atypical).
pub fn is_atypical(lang: Lang, per_letter: f32, letters: usize) -> bool {
    letters >= MIN_LETTERS
        && floors()
            .iter()
            .find(|(l, _)| *l == lang)
            .is_some_and(|(_, floor)| per_letter < *floor)
}

#[cfg(test)]
mod tests {
    use super::super::Detector;
    use super::*;

    #[test]
    fn the_table_has_a_floor_for_the_common_languages() {
        for code in ["en", "ru", "es", "de", "is", "pt"] {
            let lang = Lang::new(code).unwrap_or_default();
            assert!(floors().iter().any(|(l, _)| *l == lang), "{code}");
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
}
