//! Bilingual word lists: `english<TAB>foreign` or `english foreign` (MUSE style) and hunalign's
//! `foreign @ english`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::anchors::Stemmers;
use super::vocab::{TokenId, Tokenised};
use crate::doc::Lang;

/// Why a lexicon could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read lexicon: {source}")]
    Io {
        /// The lexicon's name.
        path: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// A line is neither `english<TAB>foreign` nor `foreign @ english`.
    #[error(
        "{path}:{line}: expected `english<TAB>foreign`, `english foreign` or `foreign @ english`, found {found:?}"
    )]
    Format {
        /// The lexicon's name.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The offending line (shortened).
        found: String,
    },
}

/// A bilingual word list: pairs of (english, foreign) words or phrases, lowercased.
///
/// The aligner uses the pairs in both directions, so which side is "english" does not matter.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The entries as (english, foreign), lowercased and trimmed, in file order.
    pub pairs: Vec<(String, String)>,
    /// The languages of the foreign column, when it holds words of them only (the core lexicons:
    /// Spanish `la` is not French `la`); empty for a list whose foreign column may be any
    /// language. The English column meets any text.
    pub languages: Vec<Lang>,
    /// Each column stemmed in a language, built on first use by the aligner and shared by
    /// clones (a corpus run stems its lexicon once per language).
    stems: Arc<Mutex<StemCache>>,
}

/// The stemmed columns of a lexicon by (column, language).
type StemCache = HashMap<(usize, Lang), Arc<ColumnStems>>;

/// One column of a lexicon stemmed in one language.
#[derive(Debug, Default)]
struct ColumnStems {
    /// The stem of each entry's word in this column.
    stems: Vec<String>,
    /// Entries by stem.
    by_stem: HashMap<String, Vec<u32>>,
}

impl PartialEq for Lexicon {
    fn eq(&self, other: &Self) -> bool {
        self.pairs == other.pairs
    }
}

impl Eq for Lexicon {}

impl Lexicon {
    /// A lexicon from pairs given in code.
    pub fn from_pairs<A: Into<String>, B: Into<String>>(
        pairs: impl IntoIterator<Item = (A, B)>,
    ) -> Self {
        Lexicon {
            pairs: pairs
                .into_iter()
                .map(|(a, b)| {
                    (
                        a.into().trim().to_lowercase(),
                        b.into().trim().to_lowercase(),
                    )
                })
                .collect(),
            languages: Vec::new(),
            stems: Arc::default(),
        }
    }

    /// The same list, its foreign column read only as words of one of `languages`.
    pub fn for_languages(mut self, languages: &[Lang]) -> Self {
        self.languages = languages.to_vec();
        self
    }

    /// Whether the foreign column may stand for words of `lang`.
    pub fn serves(&self, lang: Lang) -> bool {
        self.languages.is_empty() || self.languages.contains(&lang)
    }

    /// Reads a lexicon; `name` is used in error messages. Blank lines and `#` comments are skipped.
    pub fn from_reader(reader: impl Read, name: &str) -> Result<Self, LexiconError> {
        let mut pairs = Vec::new();
        for (k, line) in BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(|source| LexiconError::Io {
                path: name.to_string(),
                source,
            })?;
            // a byte-order mark before the first entry is no part of its word
            let text = line.trim_start_matches('\u{feff}').trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let pair = if let Some((en, fo)) = text.split_once('\t') {
                Some((en, fo))
            } else if let Some((fo, en)) = text.split_once(" @ ") {
                Some((en, fo))
            } else {
                two_words(text)
            };
            match pair {
                Some((en, fo)) if !en.trim().is_empty() && !fo.trim().is_empty() => {
                    pairs.push((en.trim().to_lowercase(), fo.trim().to_lowercase()));
                }
                _ => {
                    return Err(LexiconError::Format {
                        path: name.to_string(),
                        line: k + 1,
                        found: text.chars().take(60).collect(),
                    })
                }
            }
        }
        Ok(Lexicon {
            pairs,
            languages: Vec::new(),
            stems: Arc::default(),
        })
    }

    /// Reads a lexicon file.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = File::open(path).map_err(|source| LexiconError::Io {
            path: name.clone(),
            source,
        })?;
        Self::from_reader(file, &name)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Column `column` (0 or 1) stemmed in `lang`, computed once per lexicon and language.
    fn column_stems(&self, column: usize, lang: Lang, stemmers: &Stemmers) -> Arc<ColumnStems> {
        let build = || {
            let stems: Vec<String> = self
                .pairs
                .iter()
                .map(|(a, b)| stemmers.stem(if column == 0 { a } else { b }, lang))
                .collect();
            let mut by_stem: HashMap<String, Vec<u32>> = HashMap::new();
            for (k, s) in stems.iter().enumerate() {
                by_stem.entry(s.clone()).or_default().push(k as u32);
            }
            Arc::new(ColumnStems { stems, by_stem })
        };
        match self.stems.lock() {
            Ok(mut cache) => cache.entry((column, lang)).or_insert_with(build).clone(),
            // a poisoned cache (a panic elsewhere) is only a lost optimisation
            Err(_) => build(),
        }
    }

    /// Which column holds the source side's words: 0 unless more entries (of an even sample)
    /// have their second word among the source words and their first among the target words.
    fn source_column(&self, src: &HashSet<&str>, tgt: &HashSet<&str>) -> usize {
        let stride = (self.pairs.len() / 20_000).max(1);
        let (mut straight, mut crossed) = (0usize, 0usize);
        for (a, b) in self.pairs.iter().step_by(stride) {
            straight +=
                usize::from(src.contains(a.as_str())) + usize::from(tgt.contains(b.as_str()));
            crossed +=
                usize::from(src.contains(b.as_str())) + usize::from(tgt.contains(a.as_str()));
        }
        usize::from(crossed > straight)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLexicon {
    /// Per token id: its translation class, when a lexicon pairs it with a word of the other side.
    pub class: Vec<Option<u32>>,
    /// Number of classes.
    pub classes: usize,
    /// Per token id: a lexicon lists it as a source-side word.
    pub known_src: Vec<bool>,
    /// Per token id: a lexicon lists it as a target-side word.
    pub known_tgt: Vec<bool>,
}

/// One side of a document pair as stems: stem → the token ids stemming to it (in stem order,
/// so that classes form the same way on every run).
fn side_stems(
    surfaces: &[String],
    lang: Lang,
    stemmers: &Stemmers,
) -> BTreeMap<String, Vec<TokenId>> {
    let mut tokens: BTreeMap<String, Vec<TokenId>> = BTreeMap::new();
    for (id, w) in surfaces.iter().enumerate() {
        if !w.is_empty() {
            tokens
                .entry(stemmers.stem(w, lang))
                .or_default()
                .push(id as TokenId);
        }
    }
    tokens
}

/// The most words one translation class may hold (both sides together).
const MAX_CLASS: u32 = 6;

/// Union-find root with path halving (translation classes here, word groups in `align::edges`).
pub(super) fn root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// Matches lexicon entries against a document pair through stems on both sides (Snowball where
/// the language has a stemmer, the first six letters otherwise). Each lexicon is read in the
/// orientation (first column on the source side, or on the target side) whose words occur more
/// often in the documents, so an `en-ru` list serves `ru-en` pairs too.
pub fn match_document(
    tok: &Tokenised,
    lexicons: &[Lexicon],
    src_lang: Option<Lang>,
    tgt_lang: Option<Lang>,
) -> DocLexicon {
    let v = tok.vocab.len();
    let mut out = DocLexicon {
        class: vec![None; v],
        classes: 0,
        known_src: vec![false; v],
        known_tgt: vec![false; v],
    };
    if lexicons.iter().all(Lexicon::is_empty) {
        return out;
    }
    let stemmers = Stemmers::new();
    let (src_lang, tgt_lang) = (src_lang.unwrap_or_default(), tgt_lang.unwrap_or_default());
    let src = side_stems(&tok.src_surface, src_lang, &stemmers);
    let tgt = side_stems(&tok.tgt_surface, tgt_lang, &stemmers);
    fn words(v: &[String]) -> HashSet<&str> {
        v.iter()
            .filter(|w| !w.is_empty())
            .map(String::as_str)
            .collect()
    }
    let (src_words, tgt_words) = (words(&tok.src_surface), words(&tok.tgt_surface));
    let mut parent: Vec<u32> = (0..v as u32).collect();
    let mut size: Vec<u32> = vec![1; v];
    for lex in lexicons {
        let k = lex.source_column(&src_words, &tgt_words);
        let on_src = lex.column_stems(k, src_lang, &stemmers);
        let on_tgt = lex.column_stems(1 - k, tgt_lang, &stemmers);
        for (stem, xs) in &src {
            let Some(entries) = on_src.by_stem.get(stem) else {
                continue;
            };
            mark(&mut out.known_src, xs);
            for &e in entries {
                let Some(ys) = on_tgt.stems.get(e as usize).and_then(|s| tgt.get(s)) else {
                    continue;
                };
                for &x in xs {
                    for &y in ys {
                        let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                        let joined = size[rx as usize] + size[ry as usize];
                        // function words chain (the → el, la → it, her …) into one class
                        // that every sentence holds: such a class says nothing
                        if rx != ry && joined <= MAX_CLASS {
                            let (keep, gone) = (rx.min(ry), rx.max(ry));
                            parent[gone as usize] = keep;
                            size[keep as usize] = joined;
                        }
                    }
                }
            }
        }
        for (stem, ys) in &tgt {
            if on_tgt.by_stem.contains_key(stem) {
                mark(&mut out.known_tgt, ys);
            }
        }
    }
    let mut class_of_root: HashMap<u32, u32> = HashMap::new();
    for x in 0..v as u32 {
        let r = root(&mut parent, x);
        if size[r as usize] < 2 {
            continue;
        }
        let next = class_of_root.len() as u32;
        out.class[x as usize] = Some(*class_of_root.entry(r).or_insert(next));
    }
    out.classes = class_of_root.len();
    out
}

/// Marks tokens as known to a lexicon.
fn mark(known: &mut [bool], tokens: &[TokenId]) {
    for &t in tokens {
        if let Some(e) = known.get_mut(t as usize) {
            *e = true;
        }
    }
}

/// The two words of a line that holds exactly two, separated by spaces (MUSE's own files write
/// `english foreign` with a space).
fn two_words(text: &str) -> Option<(&str, &str)> {
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(en), Some(fo), None) => Some((en, fo)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_first_word() {
        let lex = Lexicon::from_reader("\u{feff}house\tmaison\n".as_bytes(), "bom.tsv")
            .unwrap_or_default();
        assert_eq!(lex.pairs, vec![("house".to_string(), "maison".to_string())]);
    }

    /// MUSE's dictionaries as published separate the two words by a space, not a tab.
    #[test]
    fn reads_space_separated_word_pairs() {
        let lex = Lexicon::from_reader(
            "house maison
summit sommet
"
            .as_bytes(),
            "muse.txt",
        )
        .unwrap_or_default();
        assert_eq!(lex.len(), 2);
        assert_eq!(lex.pairs[0], ("house".to_string(), "maison".to_string()));
        let err = Lexicon::from_reader("a b c\n".as_bytes(), "lex.txt");
        assert!(err.is_err(), "three words on a line are no pair");
    }

    #[test]
    fn reads_both_formats() {
        let text = "# comment\nmountain\tBerg\n\nsommet @ summit\n";
        let lex = Lexicon::from_reader(text.as_bytes(), "t.tsv").unwrap_or_default();
        assert_eq!(
            lex.pairs,
            vec![
                ("mountain".to_string(), "berg".to_string()),
                ("summit".to_string(), "sommet".to_string())
            ]
        );
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let err = Lexicon::from_reader("a\tb\nnonsense\n".as_bytes(), "lex.txt");
        let msg = err.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(msg.starts_with("lex.txt:2:"), "{msg}");
    }

    #[test]
    fn entries_match_inflected_words_on_both_sides_through_stems() {
        use crate::align::features::Translit;
        let tok = Tokenised::new(
            &["Die Häuser sind alt ."],
            &["Les maisons sont vieilles ."],
            Translit::Russian,
            Translit::Russian,
        );
        // the list gives the French column first: its orientation is found from the text
        let lex = Lexicon::from_pairs([("maison", "haus"), ("vieux", "alt")]);
        let m = match_document(&tok, &[lex], Lang::new("de"), Lang::new("fr"));
        let id = |w: &str| tok.ids.get(w).map_or(usize::MAX, |&i| i as usize);
        let class = |w: &str| m.class.get(id(w)).copied().flatten();
        assert!(class("hauser").is_some(), "Häuser stems to haus");
        assert_eq!(class("hauser"), class("maisons"));
        assert_ne!(class("alt"), class("maisons"));
        assert!(m.known_src[id("hauser")] && m.known_tgt[id("maisons")]);
        assert!(
            !m.known_src[id("sind")],
            "a word the list lacks is not known"
        );
    }

    #[test]
    fn no_lexicon_no_classes() {
        use crate::align::features::Translit;
        let tok = Tokenised::new(&["a b"], &["c d"], Translit::Russian, Translit::Russian);
        let m = match_document(&tok, &[], None, None);
        assert_eq!(m.classes, 0);
        assert!(m.class.iter().all(Option::is_none));
    }

    #[test]
    fn missing_file_is_an_io_error() {
        assert!(matches!(
            Lexicon::load("/nonexistent/lexicon.tsv"),
            Err(LexiconError::Io { .. })
        ));
    }
}
