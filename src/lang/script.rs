//! Writing systems: which script a letter belongs to, and which languages write in each script.

use std::sync::OnceLock;

use super::codes::LangSet;

/// A writing system that narrows the possible languages of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters (with diacritics).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic (Arabic, Persian, Urdu).
    Arabic,
    /// Hebrew (Hebrew, Yiddish).
    Hebrew,
    /// Chinese characters (Han).
    Han,
    /// Japanese kana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Bengali.
    Bengali,
    /// Gurmukhi (Punjabi).
    Gurmukhi,
    /// Gujarati.
    Gujarati,
    /// Oriya.
    Oriya,
    /// Tamil.
    Tamil,
    /// Telugu.
    Telugu,
    /// Kannada.
    Kannada,
    /// Malayalam.
    Malayalam,
    /// Sinhala.
    Sinhala,
    /// Thai.
    Thai,
    /// Myanmar.
    Myanmar,
    /// Khmer.
    Khmer,
    /// Georgian.
    Georgian,
    /// Armenian.
    Armenian,
    /// Ethiopic (Amharic).
    Ethiopic,
}

/// Number of [`Script`] variants (for per-script counters).
pub const SCRIPT_COUNT: usize = 24;

impl Script {
    /// Every script in declaration order.
    pub const ALL: [Script; SCRIPT_COUNT] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Arabic,
        Script::Hebrew,
        Script::Han,
        Script::Kana,
        Script::Hangul,
        Script::Devanagari,
        Script::Bengali,
        Script::Gurmukhi,
        Script::Gujarati,
        Script::Oriya,
        Script::Tamil,
        Script::Telugu,
        Script::Kannada,
        Script::Malayalam,
        Script::Sinhala,
        Script::Thai,
        Script::Myanmar,
        Script::Khmer,
        Script::Georgian,
        Script::Armenian,
        Script::Ethiopic,
    ];

    /// The languages written in this script.
    pub fn langs(self) -> LangSet {
        static SETS: OnceLock<Vec<LangSet>> = OnceLock::new();
        let sets = SETS.get_or_init(|| Script::ALL.iter().map(|s| s.compute_langs()).collect());
        sets.get(self as usize).copied().unwrap_or(LangSet::EMPTY)
    }

    fn compute_langs(self) -> LangSet {
        let codes: &[&str] = match self {
            Script::Latin => &[
                "en", "es", "de", "fr", "it", "pt", "pl", "nl", "sv", "da", "nb", "fi", "et", "lv",
                "lt", "cs", "sk", "sl", "hr", "hu", "ro", "tr", "az", "uz", "tk", "ca", "la", "eo",
                "af", "cy", "id", "jv", "tl", "vi", "zu", "sn", "ak", "bs", "eu", "ga", "is", "lg",
                "mi", "ms", "nn", "so", "sq", "st", "sw", "tn", "ts", "xh", "yo",
            ],
            Script::Cyrillic => &["ru", "uk", "bg", "be", "sr", "mk", "kk", "mn"],
            Script::Greek => &["el"],
            Script::Arabic => &["ar", "fa", "ur"],
            Script::Hebrew => &["he", "yi"],
            Script::Han => &["zh", "ja"],
            Script::Kana => &["ja"],
            Script::Hangul => &["ko"],
            Script::Devanagari => &["hi", "mr", "ne"],
            Script::Bengali => &["bn"],
            Script::Gurmukhi => &["pa"],
            Script::Gujarati => &["gu"],
            Script::Oriya => &["or"],
            Script::Tamil => &["ta"],
            Script::Telugu => &["te"],
            Script::Kannada => &["kn"],
            Script::Malayalam => &["ml"],
            Script::Sinhala => &["si"],
            Script::Thai => &["th"],
            Script::Myanmar => &["my"],
            Script::Khmer => &["km"],
            Script::Georgian => &["ka"],
            Script::Armenian => &["hy"],
            Script::Ethiopic => &["am"],
        };
        LangSet::of_codes(codes)
    }

    /// The script of a letter; `None` for non-letters and letters of unlisted scripts.
    pub fn of(c: char) -> Option<Script> {
        let u = c as u32;
        let s = match u {
            0x41..=0x5A | 0x61..=0x7A => Script::Latin,
            0..=0x7F => return None,
            0xC0..=0x24F | 0x1E00..=0x1EFF if c.is_alphabetic() => Script::Latin,
            0xC0..=0x24F | 0x1E00..=0x1EFF => return None,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F => Script::Cyrillic,
            0x530..=0x58F => Script::Armenian,
            0x590..=0x5FF => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x900..=0x97F => Script::Devanagari,
            0x980..=0x9FF => Script::Bengali,
            0xA00..=0xA7F => Script::Gurmukhi,
            0xA80..=0xAFF => Script::Gujarati,
            0xB00..=0xB7F => Script::Oriya,
            0xB80..=0xBFF => Script::Tamil,
            0xC00..=0xC7F => Script::Telugu,
            0xC80..=0xCFF => Script::Kannada,
            0xD00..=0xD7F => Script::Malayalam,
            0xD80..=0xDFF => Script::Sinhala,
            0xE00..=0xE7F => Script::Thai,
            0x1000..=0x109F => Script::Myanmar,
            0x10A0..=0x10FF => Script::Georgian,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x1200..=0x139F => Script::Ethiopic,
            0x1780..=0x17FF => Script::Khmer,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Script::Han,
            _ => return None,
        };
        if (0x600..=0x6FF).contains(&u) && !c.is_alphabetic() {
            return None;
        }
        Some(s)
    }
}

/// Alphabet letters one CJK character (Han, kana, Hangul) counts for when scripts are compared.
pub const CJK_WEIGHT: u32 = 3;

/// Letters of a text counted per script.
#[derive(Debug, Clone, Default)]
pub struct ScriptCounts {
    counts: [u32; SCRIPT_COUNT],
}

impl ScriptCounts {
    /// Counts the letters of `text` per script.
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = [0u32; SCRIPT_COUNT];
        for c in text.chars() {
            if let Some(s) = Script::of(c) {
                if let Some(slot) = counts.get_mut(s as usize) {
                    *slot += 1;
                }
            }
        }
        ScriptCounts { counts }
    }

    /// Letters of one script.
    pub fn get(&self, script: Script) -> u32 {
        self.counts.get(script as usize).copied().unwrap_or(0)
    }

    /// All letters of known scripts.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Letters of a script weighed by what one letter carries: a Han character, a kana or a
    /// Hangul block holds about a word's worth of text, [`CJK_WEIGHT`] alphabet letters (a Chinese
    /// line with a few English product names is Chinese).
    fn weighed(&self, script: Script) -> u32 {
        match script {
            Script::Han | Script::Kana | Script::Hangul => self.get(script) * CJK_WEIGHT,
            s => self.get(s),
        }
    }

    /// The script with most letters, weighed (ties go to the earlier script); `None` without
    /// letters. Kana anywhere makes Han text Japanese, so kana outweighs Han.
    pub fn dominant(&self) -> Option<Script> {
        if self.get(Script::Kana) > 0 && self.get(Script::Han) > 0 {
            let cjk = self.weighed(Script::Kana) + self.weighed(Script::Han);
            let best_other = Script::ALL
                .iter()
                .filter(|s| !matches!(s, Script::Kana | Script::Han))
                .map(|&s| self.weighed(s))
                .max()
                .unwrap_or(0);
            if cjk >= best_other {
                return Some(Script::Kana);
            }
        }
        let mut best: Option<(Script, u32)> = None;
        for s in Script::ALL {
            let n = self.weighed(s);
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_have_scripts() {
        assert_eq!(Script::of('a'), Some(Script::Latin));
        assert_eq!(Script::of('ñ'), Some(Script::Latin));
        assert_eq!(Script::of('ж'), Some(Script::Cyrillic));
        assert_eq!(Script::of('λ'), Some(Script::Greek));
        assert_eq!(Script::of('中'), Some(Script::Han));
        assert_eq!(Script::of('の'), Some(Script::Kana));
        assert_eq!(Script::of('1'), None);
        assert_eq!(Script::of('×'), None);
        assert_eq!(Script::ALL.len(), SCRIPT_COUNT);
        for (i, s) in Script::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
    }

    #[test]
    fn dominant_script_wins() {
        assert_eq!(
            ScriptCounts::of("Привет, world").dominant(),
            Some(Script::Cyrillic)
        );
        assert_eq!(
            ScriptCounts::of("東京は晴れ").dominant(),
            Some(Script::Kana)
        );
        assert_eq!(ScriptCounts::of("12 34").dominant(), None);
    }

    #[test]
    fn a_chinese_line_with_english_names_is_chinese_and_an_english_one_with_a_name_english() {
        assert_eq!(
            ScriptCounts::of("无法打开 GNU Emacs 配置文件").dominant(),
            Some(Script::Han)
        );
        assert_eq!(
            ScriptCounts::of("The president of China, Xi Jinping (习近平), spoke").dominant(),
            Some(Script::Latin)
        );
    }
}
