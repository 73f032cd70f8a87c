//! The harder quote test: news paragraphs with several speakers, each quote with its own
//! attribution before, after or around it (a split quote), translation cues in the attribution or
//! in the sentence after it, quotes without final punctuation or with it outside the marks,
//! English-original quotes whose translations wait in the pool as traps, and articles in Spanish,
//! Russian and Ukrainian whose translated quotes come from English posts.
//!
//! Every planted quote carries its classes, so figures can be given per class; a share of the
//! wordings is held out of talign's tables ([`super::wordings`]).
//!
//! Seeded and deterministic: the same corpus and seed give the same test.

use std::collections::BTreeMap;

use super::wordings::{for_lang, Wording, Wordings};
use crate::doc::{Document, Lang};
use crate::eval::synth::{Flores, SplitMix64};
use crate::run::quotes::{Post, QuotePair};

/// A line-aligned multilingual corpus (FLORES): English first, then the other languages.
#[derive(Debug, Clone)]
pub struct Parallel<'a> {
    /// Each language with its lines, all aligned; the first must be English.
    pub sides: Vec<(Lang, &'static str, Vec<&'a str>)>,
    /// The source page of each line (consecutive lines of a page are one document).
    pub pages: Vec<&'a str>,
}

impl<'a> Parallel<'a> {
    /// English and the other languages of FLORES devtest as read by [`Flores::load`], each
    /// line's page from the metadata.
    pub fn from_flores(flores: &'a Flores) -> Parallel<'a> {
        let name = |code: &str| match code {
            "ru" => "Russian",
            "es" => "Spanish",
            "uk" => "Ukrainian",
            _ => "",
        };
        let lines = |v: &'a [String]| v.iter().map(String::as_str).collect();
        let en = Lang::new("en").unwrap_or_default();
        let mut sides = vec![(en, "English", lines(&flores.english))];
        for (code, other) in &flores.others {
            sides.push((
                Lang::new(code).unwrap_or_default(),
                name(code),
                lines(other),
            ));
        }
        Parallel {
            sides,
            pages: flores.urls.iter().map(String::as_str).collect(),
        }
    }
}

impl Parallel<'_> {
    fn line(&self, lang: Lang, i: usize) -> &str {
        self.sides
            .iter()
            .find(|(l, _, _)| *l == lang)
            .and_then(|(_, _, lines)| lines.get(i).copied())
            .unwrap_or("")
    }

    fn len(&self) -> usize {
        self.sides.iter().map(|s| s.2.len()).min().unwrap_or(0)
    }

    fn english_name(&self, lang: Lang) -> &'static str {
        self.sides
            .iter()
            .find(|(l, _, _)| *l == lang)
            .map_or("", |s| s.1)
    }
}

/// How big a test to build.
#[derive(Debug, Clone)]
pub struct NewsOptions {
    /// Articles per language, in the order English, Spanish, Russian, Ukrainian (or any subset of
    /// the corpus's languages).
    pub articles: Vec<(Lang, usize)>,
    /// Same-page distractor posts per article.
    pub distractors: usize,
    /// The seed.
    pub seed: u64,
}

/// One quote planted in an article, with what the test expects of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Planted {
    /// The article's id.
    pub doc_id: String,
    /// The quote's text (pieces joined by a space).
    pub text: String,
    /// The pool id of its original, for a translated quote; `None` for an original quote.
    pub original: Option<String>,
    /// The pool id of the trap (the translation of an original quote).
    pub trap: Option<String>,
    /// Its classes (`lang:es`, `pos:split`, `cue:next`, `punct:outside`, `wording:held-out`, …).
    pub classes: Vec<String>,
}

/// A built news quote test.
#[derive(Debug, Clone, Default)]
pub struct NewsTest {
    /// The articles.
    pub docs: Vec<Document>,
    /// The pool of posts, shuffled.
    pub pool: Vec<Post>,
    /// Every planted quote, translated or original.
    pub planted: Vec<Planted>,
}

/// True when a line can be quoted in every language: no quote marks, not too short.
fn quotable(p: &Parallel, i: usize) -> bool {
    p.sides.iter().all(|(_, _, lines)| {
        lines.get(i).is_some_and(|s| {
            s.chars().count() >= 40 && !s.contains(['"', '“', '”', '«', '»', '„', '\''])
        })
    })
}

/// Lines not yet used, drawn at random.
struct Lines<'p, 'a> {
    corpus: &'p Parallel<'a>,
    used: Vec<bool>,
}

impl Lines<'_, '_> {
    fn pick(&mut self, rng: &mut SplitMix64) -> Option<usize> {
        let n = self.used.len();
        for _ in 0..400 {
            let i = rng.below(n);
            if !self.used[i] && quotable(self.corpus, i) {
                self.used[i] = true;
                return Some(i);
            }
        }
        None
    }

    /// Two consecutive lines of one page (a two-sentence quote to split).
    fn pick_pair(&mut self, rng: &mut SplitMix64) -> Option<usize> {
        let n = self.used.len();
        for _ in 0..400 {
            let i = rng.below(n.saturating_sub(1));
            let ok = !self.used[i]
                && !self.used[i + 1]
                && quotable(self.corpus, i)
                && quotable(self.corpus, i + 1)
                && self.corpus.pages.get(i) == self.corpus.pages.get(i + 1);
            if ok {
                self.used[i] = true;
                self.used[i + 1] = true;
                return Some(i);
            }
        }
        None
    }

    /// An unused line of the same page as `base`, else any unused line.
    fn same_page(&mut self, base: usize, rng: &mut SplitMix64) -> Option<usize> {
        let n = self.used.len();
        let page = self.corpus.pages.get(base);
        let near: Vec<usize> = (base.saturating_sub(8)..(base + 8).min(n))
            .filter(|&j| !self.used[j] && self.corpus.pages.get(j) == page)
            .collect();
        match near.get(rng.below(near.len().max(1))) {
            Some(&j) => {
                self.used[j] = true;
                Some(j)
            }
            None => self.pick(rng),
        }
    }
}

/// Where a quote's attribution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Before,
    After,
    Split,
}

/// Where the punctuation that ends a quote stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Punct {
    Inside,
    Outside,
    Bare,
}

fn choose<'w, T>(rng: &mut SplitMix64, items: &'w [T]) -> &'w T {
    &items[rng.below(items.len())]
}

/// Splits a sentence into its body and final punctuation (`.`, `?`, `!` or nothing).
fn split_final(s: &str) -> (&str, &str) {
    let t = s.trim_end();
    match t.chars().next_back() {
        Some(c @ ('.' | '?' | '!')) => (&t[..t.len() - c.len_utf8()], &t[t.len() - c.len_utf8()..]),
        _ => (t, ""),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Fills a wording's slots.
fn fill(
    w: &Wording,
    speaker: &str,
    lang_name: &str,
    rng: &mut SplitMix64,
    ws: &Wordings,
) -> String {
    let platform: &str = ws.platforms[rng.below(ws.platforms.len())];
    let outlet: &str = ws.outlets[rng.below(ws.outlets.len())];
    w.text
        .replace("{n}", speaker)
        .replace("{l}", lang_name)
        .replace("{p}", platform)
        .replace("{o}", outlet)
}

/// One quote to render.
struct QuoteSpec<'s> {
    /// The sentences quoted (two for a split quote), in the article language.
    sentences: Vec<&'s str>,
    speaker: &'s str,
    /// The source language's name for `{l}`, or `None` for an original quote.
    source: Option<&'s str>,
    position: Position,
    punct: Punct,
    /// Cue in the next sentence instead of in the attribution (translated quotes, after).
    cue_next: bool,
}

/// A rendered quote: its text in the article and its classes.
struct Rendered {
    text: String,
    held_out: bool,
    cue: &'static str,
}

/// Renders one quote with its attribution in the conventions of `ws`.
fn render(q: &QuoteSpec, ws: &Wordings, rng: &mut SplitMix64) -> Rendered {
    let (open, close) = *choose(rng, ws.marks);
    let lname = q.source.unwrap_or("");
    let mut held_out = false;
    let mut pick = |rng: &mut SplitMix64, list: &'static [Wording]| -> String {
        let w = choose(rng, list);
        held_out |= w.novel.is_some();
        fill(w, q.speaker, lname, rng, ws)
    };
    let translated = q.source.is_some();
    let (attribution, cue) = match (q.position, translated) {
        (Position::Before, true) => (pick(rng, ws.before_cued), "before"),
        (Position::Before, false) => (pick(rng, ws.before_plain), "none"),
        (_, true) if q.cue_next => {
            let a = pick(rng, ws.after_social);
            let c = pick(rng, ws.cue_sentences);
            (format!("{a} {}", capitalise(&c)), "next")
        }
        (_, true) => (pick(rng, ws.after_cued), "same"),
        (_, false) => (pick(rng, ws.after_plain), "none"),
    };
    let first = q.sentences.first().copied().unwrap_or("");
    let (body, fin) = split_final(first);
    let dash = if ws.dash { " —" } else { "" };
    let text = match q.position {
        Position::Before => {
            let lead = capitalise(&attribution);
            match q.punct {
                Punct::Inside => format!("{lead} {open}{body}{fin}{close}"),
                Punct::Outside => format!("{lead} {open}{body}{close}{fin}"),
                Punct::Bare => format!("{lead} {open}{body}{close}"),
            }
        }
        Position::After => {
            let comma = if fin == "." { "," } else { fin };
            match q.punct {
                Punct::Inside => format!("{open}{body}{comma}{close}{dash} {attribution}"),
                Punct::Outside if fin == "." => {
                    format!("{open}{body}{close},{dash} {attribution}")
                }
                Punct::Outside => format!("{open}{body}{fin}{close}{dash} {attribution}"),
                Punct::Bare => format!("{open}{body}{close}{dash} {attribution}"),
            }
        }
        Position::Split => {
            let second = q.sentences.get(1).copied().unwrap_or("");
            let (b2, f2) = split_final(second);
            let comma = if fin == "." { "," } else { fin };
            let piece1 = if ws.outside && fin == "." {
                format!("{open}{body}{close},{dash}")
            } else {
                format!("{open}{body}{comma}{close}{dash}")
            };
            let piece2 = match q.punct {
                Punct::Inside => format!("{open}{b2}{f2}{close}"),
                Punct::Outside => format!("{open}{b2}{close}{f2}"),
                Punct::Bare => format!("{open}{b2}{close}"),
            };
            format!("{piece1} {attribution} {piece2}")
        }
    };
    Rendered {
        text,
        held_out,
        cue,
    }
}

/// A quote of a paragraph before rendering: its lines and kind.
struct Slot {
    /// First line (and the next one for a split quote).
    line: usize,
    split: bool,
    /// The pool language of its original, for a translated quote.
    source: Option<Lang>,
}

/// Builds the test: for each `(language, count)` of `opts.articles`, that many articles of one or
/// two paragraphs, each paragraph with one to three translated quotes and one or two original
/// ones, every quote with its own speaker.
pub fn build_news(corpus: &Parallel, opts: &NewsOptions) -> NewsTest {
    let mut rng = SplitMix64::new(opts.seed);
    let mut lines = Lines {
        corpus,
        used: vec![false; corpus.len()],
    };
    let mut test = NewsTest::default();
    let Some(english) = corpus.sides.first().map(|s| s.0) else {
        return test;
    };
    let others: Vec<Lang> = corpus.sides.iter().skip(1).map(|s| s.0).collect();
    let mut n = 0;
    for &(lang, count) in &opts.articles {
        let Some(ws) = for_lang(lang.as_str()) else {
            continue;
        };
        for _ in 0..count {
            let doc_id = format!("news-{:03}-{}", n, lang);
            n += 1;
            let mut text = String::new();
            let mut quoted = Vec::new();
            let separator = if rng.below(2) == 0 { "\n\n" } else { "\n" };
            let paragraphs = 1 + rng.below(2);
            // Each quote of the article has its own speaker.
            let mut speakers: Vec<&str> = ws.names.to_vec();
            shuffle(&mut speakers, &mut rng);
            let mut next_speaker = 0;
            for p in 0..paragraphs {
                let mut slots = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let source = if lang == english {
                        *choose(&mut rng, &others)
                    } else {
                        english
                    };
                    let split = rng.below(4) == 0;
                    let line = if split {
                        lines.pick_pair(&mut rng)
                    } else {
                        lines.pick(&mut rng)
                    };
                    if let Some(line) = line {
                        slots.push(Slot {
                            line,
                            split,
                            source: Some(source),
                        });
                    }
                }
                for _ in 0..1 + rng.below(2) {
                    let split = rng.below(6) == 0;
                    let line = if split {
                        lines.pick_pair(&mut rng)
                    } else {
                        lines.pick(&mut rng)
                    };
                    if let Some(line) = line {
                        slots.push(Slot {
                            line,
                            split,
                            source: None,
                        });
                    }
                }
                shuffle(&mut slots, &mut rng);
                let mut para: Vec<String> = Vec::new();
                let last = slots.len().saturating_sub(1);
                for (k, slot) in slots.iter().enumerate() {
                    if rng.below(4) == 0 {
                        if let Some(j) = lines.pick(&mut rng) {
                            para.push(corpus.line(lang, j).to_string());
                        }
                    }
                    let planted = plant(
                        corpus,
                        ws,
                        lang,
                        slot,
                        speakers
                            .get(next_speaker % speakers.len().max(1))
                            .copied()
                            .unwrap_or("Olena Marchuk"),
                        k == last,
                        &doc_id,
                        &mut rng,
                        &mut test.pool,
                    );
                    next_speaker += 1;
                    para.push(planted.0);
                    quoted.push(slot.line);
                    test.planted.push(planted.1);
                }
                if p > 0 {
                    text.push_str(separator);
                }
                text.push_str(&para.join(" "));
            }
            text.push('\n');
            // Distractors from the same source pages, in the languages of the originals.
            for k in 0..opts.distractors {
                let Some(&base) = quoted.get(k % quoted.len().max(1)) else {
                    break;
                };
                let Some(j) = lines.same_page(base, &mut rng) else {
                    continue;
                };
                let side = if lang == english {
                    *choose(&mut rng, &others)
                } else {
                    english
                };
                test.pool.push(Post {
                    id: format!("{side}-{j}-d"),
                    text: corpus.line(side, j).to_string(),
                    lang: Some(side),
                });
            }
            test.docs.push(Document {
                id: doc_id,
                text,
                lang: None,
            });
        }
    }
    shuffle(&mut test.pool, &mut rng);
    test
}

fn shuffle<T>(v: &mut [T], rng: &mut SplitMix64) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

/// Renders one slot, adds its original or trap to the pool, and returns the text and the planted
/// quote.
#[allow(clippy::too_many_arguments)]
fn plant(
    corpus: &Parallel,
    ws: &Wordings,
    lang: Lang,
    slot: &Slot,
    speaker: &str,
    last_in_paragraph: bool,
    doc_id: &str,
    rng: &mut SplitMix64,
    pool: &mut Vec<Post>,
) -> (String, Planted) {
    let idx: Vec<usize> = if slot.split {
        vec![slot.line, slot.line + 1]
    } else {
        vec![slot.line]
    };
    let sentences: Vec<&str> = idx.iter().map(|&i| corpus.line(lang, i)).collect();
    let position = if slot.split {
        Position::Split
    } else if rng.below(2) == 0 {
        Position::Before
    } else {
        Position::After
    };
    // Bare quotes (no final punctuation, a headline or slogan) are followed by their attribution
    // or close their paragraph.
    let punct = match rng.below(6) {
        0 if position == Position::After || last_in_paragraph => Punct::Bare,
        1 | 2 => Punct::Outside,
        _ if ws.outside => Punct::Outside,
        _ => Punct::Inside,
    };
    let source_name = slot.source.map(|l| {
        if lang.as_str() == "en" {
            corpus.english_name(l)
        } else {
            "English"
        }
    });
    let spec = QuoteSpec {
        sentences: sentences.clone(),
        speaker,
        source: source_name,
        position,
        punct,
        cue_next: position == Position::After && rng.below(3) == 0,
    };
    let r = render(&spec, ws, rng);
    let joined = |l: Lang| {
        idx.iter()
            .map(|&i| corpus.line(l, i))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ids = idx
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join("+");
    let mut classes = vec![
        format!("lang:{lang}"),
        format!(
            "pos:{}",
            match position {
                Position::Before => "before",
                Position::After => "after",
                Position::Split => "split",
            }
        ),
        format!(
            "punct:{}",
            match punct {
                Punct::Inside => "inside",
                Punct::Outside => "outside",
                Punct::Bare => "bare",
            }
        ),
        format!("wording:{}", if r.held_out { "held-out" } else { "table" }),
    ];
    let (original, trap) = match slot.source {
        Some(src) => {
            classes.push(format!("cue:{}", r.cue));
            classes.push("kind:translated".into());
            let id = format!("{src}-{ids}");
            pool.push(Post {
                id: id.clone(),
                text: joined(src),
                lang: Some(src),
            });
            (Some(id), None)
        }
        None => {
            classes.push("kind:original".into());
            let english = corpus.sides.first().map_or(lang, |s| s.0);
            let side = if lang == english {
                let others: Vec<Lang> = corpus.sides.iter().skip(1).map(|s| s.0).collect();
                *choose(rng, &others)
            } else {
                english
            };
            let id = format!("{side}-{ids}-trap");
            pool.push(Post {
                id: id.clone(),
                text: joined(side),
                lang: Some(side),
            });
            (None, Some(id))
        }
    };
    let planted = Planted {
        doc_id: doc_id.to_string(),
        text: joined(lang),
        original,
        trap,
        classes,
    };
    (r.text, planted)
}

/// Normalises a quote for comparison: letters and digits only, lowercase.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Counts of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct ClassCounts {
    /// Translated quotes of the class (gold pairs).
    pub gold: usize,
    /// Pairs output for quotes of the class.
    pub found: usize,
    /// Of those, correct.
    pub correct: usize,
}

impl ClassCounts {
    /// `correct / found` (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }

    /// `correct / gold` (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    fn add(&mut self, o: &ClassCounts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
    }
}

/// Scores of a news quote test.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NewsScores {
    /// All quotes.
    pub all: ClassCounts,
    /// Per class (`lang:es`, `pos:split`, …).
    pub classes: BTreeMap<String, ClassCounts>,
    /// Pairs whose original is the translation of an original quote (a trap).
    pub trap_pairs: usize,
    /// Pairs whose quote text matches no planted quote (merged or cut quotes).
    pub unmatched: usize,
}

impl NewsScores {
    /// Adds another test's counts (several seeds pooled).
    pub fn merge(&mut self, o: &NewsScores) {
        self.all.add(&o.all);
        for (k, v) in &o.classes {
            self.classes.entry(k.clone()).or_default().add(v);
        }
        self.trap_pairs += o.trap_pairs;
        self.unmatched += o.unmatched;
    }
}

/// Scores pair rows against the planted quotes: a row is correct when its quote is a planted
/// translated quote (letters and digits compared) and its original is that quote's. A row whose
/// quote is not exactly a planted one counts against the planted quote it overlaps.
pub fn score_news(test: &NewsTest, rows: &[QuotePair]) -> NewsScores {
    let mut s = NewsScores::default();
    let keys: Vec<String> = test.planted.iter().map(|p| key(&p.text)).collect();
    let mut bump = |classes: &[String], f: &dyn Fn(&mut ClassCounts)| {
        for c in classes {
            f(s.classes.entry(c.clone()).or_default());
        }
    };
    for p in test.planted.iter().filter(|p| p.original.is_some()) {
        bump(&p.classes, &|c| c.gold += 1);
    }
    let mut all = ClassCounts {
        gold: test.planted.iter().filter(|p| p.original.is_some()).count(),
        ..ClassCounts::default()
    };
    let mut traps = 0;
    let mut unmatched = 0;
    for r in rows.iter().filter(|r| !r.original_id.is_empty()) {
        all.found += 1;
        if r.original_id.ends_with("-trap") {
            traps += 1;
        }
        let k = key(&r.quote_text);
        let in_doc = |i: &usize| test.planted.get(*i).is_some_and(|p| p.doc_id == r.doc_id);
        let exact = (0..keys.len()).find(|i| in_doc(i) && keys[*i] == k);
        let overlapping = exact.or_else(|| {
            (0..keys.len()).find(|i| {
                in_doc(i)
                    && !keys[*i].is_empty()
                    && (k.contains(&keys[*i]) || keys[*i].contains(&k))
            })
        });
        let correct = exact
            .and_then(|i| test.planted.get(i))
            .is_some_and(|p| p.original.as_deref() == Some(r.original_id.as_str()));
        if exact.is_none() {
            unmatched += 1;
        }
        if correct {
            all.correct += 1;
        }
        if let Some(p) = overlapping.and_then(|i| test.planted.get(i)) {
            bump(&p.classes, &|c| {
                c.found += 1;
                if correct {
                    c.correct += 1;
                }
            });
        }
    }
    s.all = all;
    s.trap_pairs = traps;
    s.unmatched = unmatched;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::is_speech_verb;

    fn corpus(lines: &[Vec<String>; 4]) -> Parallel<'_> {
        let l = |c: &str| Lang::new(c).unwrap_or_default();
        let names = ["English", "Russian", "Spanish", "Ukrainian"];
        let codes = ["en", "ru", "es", "uk"];
        Parallel {
            sides: (0..4)
                .map(|k| {
                    (
                        l(codes[k]),
                        names[k],
                        lines[k].iter().map(String::as_str).collect(),
                    )
                })
                .collect(),
            pages: (0..lines[0].len())
                .map(|i| if i < 100 { "a" } else { "b" })
                .collect(),
        }
    }

    fn lines() -> [Vec<String>; 4] {
        let mk = |f: &dyn Fn(usize) -> String| (0..200).map(f).collect::<Vec<_>>();
        [
            mk(&|i| format!("The weather report number {i} says it will rain again tomorrow.")),
            mk(&|i| format!("Сводка погоды номер {i} говорит, что завтра снова будет дождь.")),
            mk(&|i| format!("El parte meteorológico número {i} dice que mañana lloverá otra vez.")),
            mk(&|i| format!("Зведення погоди номер {i} каже, що завтра знову буде дощ.")),
        ]
    }

    #[test]
    fn the_same_seed_builds_the_same_test_with_every_class() {
        let lines = lines();
        let c = corpus(&lines);
        let l = |s: &str| Lang::new(s).unwrap_or_default();
        let opts = NewsOptions {
            articles: vec![(l("en"), 6), (l("es"), 2), (l("ru"), 2), (l("uk"), 2)],
            distractors: 2,
            seed: 7,
        };
        let a = build_news(&c, &opts);
        let b = build_news(&c, &opts);
        assert_eq!(a.docs, b.docs);
        assert_eq!(a.planted, b.planted);
        assert_eq!(a.docs.len(), 12);
        let translated = a.planted.iter().filter(|p| p.original.is_some()).count();
        let traps = a.planted.iter().filter(|p| p.trap.is_some()).count();
        assert!(translated >= 12 && traps >= 12, "{translated} {traps}");
        for p in &a.planted {
            let id = p.original.as_ref().or(p.trap.as_ref());
            assert!(
                a.pool.iter().any(|post| Some(&post.id) == id),
                "every planted quote has its post in the pool"
            );
        }
    }

    #[test]
    fn held_out_wordings_stay_out_of_the_tables() {
        use super::super::wordings::{EN, ES, RU, UK};
        for ws in [&EN, &ES, &RU, &UK] {
            let all = [
                ws.after_cued,
                ws.before_cued,
                ws.after_social,
                ws.cue_sentences,
                ws.after_plain,
                ws.before_plain,
            ];
            for w in all.iter().flat_map(|l| l.iter()) {
                let Some(novel) = w.novel else { continue };
                assert!(w.text.contains(novel), "{novel} is in {}", w.text);
                for word in novel.split_whitespace() {
                    assert!(!is_speech_verb(word), "{word} is in speech_verbs.tsv");
                    assert!(
                        crate::quote::language_by_name(word).is_none(),
                        "{word} is in languages.tsv"
                    );
                }
            }
        }
    }

    #[test]
    fn a_perfect_answer_scores_one_and_a_trap_counts() {
        let lines = lines();
        let c = corpus(&lines);
        let opts = NewsOptions {
            articles: vec![(Lang::new("en").unwrap_or_default(), 4)],
            distractors: 1,
            seed: 3,
        };
        let t = build_news(&c, &opts);
        let row = |p: &Planted, orig: &str| QuotePair {
            doc_id: p.doc_id.clone(),
            quote_id: "q0".into(),
            speaker: String::new(),
            platform: String::new(),
            quote_lang: String::new(),
            quote_text: p.text.clone(),
            original_id: orig.to_string(),
            original_lang: String::new(),
            original_text: String::new(),
            score: 1.0,
            margin: 1.0,
            text_lang: String::new(),
            claimable: None,
        };
        let mut rows: Vec<QuotePair> = t
            .planted
            .iter()
            .filter_map(|p| p.original.as_deref().map(|o| row(p, o)))
            .collect();
        let s = score_news(&t, &rows);
        assert_eq!(s.all.correct, s.all.gold);
        assert_eq!(s.all.precision(), 1.0);
        let orig = t.planted.iter().find(|p| p.trap.is_some());
        if let Some(p) = orig {
            rows.push(row(p, p.trap.as_deref().unwrap_or("")));
        }
        let s = score_news(&t, &rows);
        assert_eq!(s.trap_pairs, 1);
        assert!(s.all.precision() < 1.0);
    }
}
