//! A seeded generator of code-switched lines with known language boundaries: each line joins
//! sentences of two to four different languages, and records each sentence's byte span.
//!
//! The generator ships no text: callers pass sentences read at run time (for the tests and
//! `talign eval langid --write-code-switched`, the dev sentences of `../shared/data/langid`).

use crate::doc::Lang;
use crate::eval::synth::SplitMix64;

use super::spans::LangSpan;

/// The seed the repository's tests and figures use.
pub const DEFAULT_SEED: u64 = 20_261_126;

/// How many lines to build and how many languages each mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeSwitchConfig {
    /// Lines to generate.
    pub lines: usize,
    /// Fewest languages in a line (at least 2).
    pub min_langs: usize,
    /// Most languages in a line.
    pub max_langs: usize,
    /// Random seed: the same seed and sentences give the same lines.
    pub seed: u64,
}

impl Default for CodeSwitchConfig {
    fn default() -> Self {
        CodeSwitchConfig {
            lines: 1000,
            min_langs: 2,
            max_langs: 4,
            seed: DEFAULT_SEED,
        }
    }
}

/// One generated line and its gold spans.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeSwitchedLine {
    /// The line (sentences joined by single spaces, no tabs or newlines).
    pub text: String,
    /// The byte span and language of each sentence, in order.
    pub spans: Vec<LangSpan>,
}

/// Builds code-switched lines from sentences grouped by language. Languages without sentences are
/// skipped; with fewer than two usable languages no line is built.
pub fn generate(
    sources: &[(Lang, Vec<String>)],
    config: CodeSwitchConfig,
) -> Vec<CodeSwitchedLine> {
    let usable: Vec<(Lang, Vec<String>)> = sources
        .iter()
        .map(|(l, ss)| {
            let clean: Vec<String> = ss
                .iter()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
                .collect();
            (*l, clean)
        })
        .filter(|(_, ss)| !ss.is_empty())
        .collect();
    if usable.len() < 2 {
        return Vec::new();
    }
    let min = config.min_langs.clamp(2, usable.len());
    let max = config.max_langs.clamp(min, usable.len());
    let mut rng = SplitMix64::new(config.seed);
    let mut out = Vec::with_capacity(config.lines);
    for _ in 0..config.lines {
        let k = min + rng.below(max - min + 1);
        let mut order: Vec<usize> = (0..usable.len()).collect();
        for i in 0..k {
            let j = i + rng.below(order.len() - i);
            order.swap(i, j);
        }
        let mut text = String::new();
        let mut spans = Vec::with_capacity(k);
        for &li in order.iter().take(k) {
            let Some((lang, sentences)) = usable.get(li) else {
                continue;
            };
            let Some(sentence) = sentences.get(rng.below(sentences.len())) else {
                continue;
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(sentence);
            spans.push(LangSpan {
                start,
                end: text.len(),
                lang: *lang,
            });
        }
        out.push(CodeSwitchedLine { text, spans });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<(Lang, Vec<String>)> {
        ["en", "ru", "es", "de"]
            .iter()
            .filter_map(|c| Lang::new(c))
            .map(|l| (l, vec![format!("{l} one."), format!("{l}\ttwo  words.")]))
            .collect()
    }

    #[test]
    fn lines_are_deterministic_and_spans_match() {
        let cfg = CodeSwitchConfig {
            lines: 50,
            ..CodeSwitchConfig::default()
        };
        let a = generate(&sources(), cfg);
        assert_eq!(a, generate(&sources(), cfg));
        assert_eq!(a.len(), 50);
        for line in &a {
            assert!((2..=4).contains(&line.spans.len()));
            assert!(!line.text.contains('\t'));
            let mut langs: Vec<Lang> = line.spans.iter().map(|s| s.lang).collect();
            for span in &line.spans {
                assert!(line.text[span.start..span.end].starts_with(span.lang.as_str()));
            }
            langs.sort();
            langs.dedup();
            assert_eq!(
                langs.len(),
                line.spans.len(),
                "languages repeat in {line:?}"
            );
        }
        let other = generate(&sources(), CodeSwitchConfig { seed: 1, ..cfg });
        assert_ne!(a, other);
    }

    #[test]
    fn too_few_languages_build_nothing() {
        let one = vec![(Lang::new("en").unwrap_or_default(), vec!["x".to_string()])];
        assert!(generate(&one, CodeSwitchConfig::default()).is_empty());
    }
}
