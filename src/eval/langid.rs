//! Language-identification accuracy: per language and kind of item (sentences, word pairs, single
//! words) on a folder of gold files, the costliest confusions, and character accuracy of language
//! spans on code-switched lines.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::doc::Lang;
use crate::lang::{Detector, LangSpan};
use crate::read::decode_text;

/// The kinds of item a language folder may hold, as file stems (`sentences.txt` ...).
pub const KINDS: [&str; 3] = ["sentences", "word-pairs", "single-words"];

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not UTF-8 text.
    #[error(transparent)]
    Text(#[from] crate::read::ReadError),
    /// No gold file was found.
    #[error("{0}: no <lang>/sentences.txt, word-pairs.txt or single-words.txt files for the chosen languages")]
    NoData(String),
    /// A span gold line is malformed.
    #[error(
        "{path}:{line}: expected `start:end:lang ...<TAB>text` with byte offsets inside the text"
    )]
    BadSpanLine {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
    },
}

/// Accuracy on one kind of item of one language.
#[derive(Debug, Clone, Serialize)]
pub struct KindScore {
    /// The gold language.
    pub lang: Lang,
    /// `sentences`, `word-pairs` or `single-words`.
    pub kind: String,
    /// Items scored.
    pub items: usize,
    /// Items given the gold language.
    pub correct: usize,
    /// `correct / items`.
    pub accuracy: f64,
}

/// How often one language was taken for another.
#[derive(Debug, Clone, Serialize)]
pub struct Confusion {
    /// The gold language.
    pub gold: Lang,
    /// The language given (`und` for an abstention).
    pub predicted: Lang,
    /// The kind of item.
    pub kind: String,
    /// Items so confused.
    pub count: usize,
}

/// Answers given with a confidence in `[from, to)`, and how many were right: a row of the
/// reliability table (a calibrated confidence is about as high as the accuracy of its bucket).
#[derive(Debug, Clone, Serialize)]
pub struct ReliabilityBucket {
    /// Lowest confidence of the bucket.
    pub from: f64,
    /// Confidence the bucket stops below (1.0 includes 1.0).
    pub to: f64,
    /// Answers (not `und`) in the bucket.
    pub answers: usize,
    /// Of those, right ones.
    pub correct: usize,
    /// `correct / answers`.
    pub accuracy: f64,
}

/// How often one language's confident answers (confidence ≥ [`CONFIDENT`]) are right.
#[derive(Debug, Clone, Serialize)]
pub struct ConfidentAnswers {
    /// The language answered.
    pub lang: Lang,
    /// Answers of that language at confidence ≥ [`CONFIDENT`], over every gold language and kind.
    pub answers: usize,
    /// Of those, right ones.
    pub correct: usize,
    /// `correct / answers`.
    pub precision: f64,
}

/// Two languages taken for each other, in either direction, over every kind.
#[derive(Debug, Clone, Serialize)]
pub struct ConfusionPair {
    /// The pair, in code order.
    pub langs: [Lang; 2],
    /// Items of either language given the other.
    pub count: usize,
}

/// The confidence from which an answer counts as confident in [`ConfidentAnswers`].
pub const CONFIDENT: f32 = 0.9;

/// Bucket edges of the reliability table.
const BUCKET_EDGES: [f64; 8] = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0];

/// The result of [`evaluate_dir`].
#[derive(Debug, Clone, Serialize)]
pub struct LangidReport {
    /// Languages scored, in code order.
    pub langs: Vec<Lang>,
    /// One score per language and kind present.
    pub scores: Vec<KindScore>,
    /// Mean accuracy over languages, per kind.
    pub mean: BTreeMap<String, f64>,
    /// Confusions, costliest first.
    pub confusions: Vec<Confusion>,
    /// Confusions as unordered language pairs, costliest first.
    pub confusion_pairs: Vec<ConfusionPair>,
    /// Accuracy of the answers per confidence bucket, over every language and kind.
    pub reliability: Vec<ReliabilityBucket>,
    /// Per language answered, how often its answers at confidence ≥ 0.9 are right.
    pub confident: Vec<ConfidentAnswers>,
}

/// Scores `detector` on `dir/<lang>/<kind>.txt` (one item a line) for every language folder in
/// `langs` (or every two-letter folder when `None`). Each item is detected alone, without context.
pub fn evaluate_dir(
    dir: &Path,
    detector: &Detector,
    langs: Option<&[Lang]>,
) -> Result<LangidReport, EvalError> {
    let folders = language_folders(dir, langs)?;
    let mut scores = Vec::new();
    let mut confusion_counts: BTreeMap<(Lang, Lang, String), usize> = BTreeMap::new();
    let mut answers: Vec<(Lang, Lang, f32)> = Vec::new();
    for (lang, folder) in &folders {
        for kind in KINDS {
            let path = folder.join(format!("{kind}.txt"));
            if !path.is_file() {
                continue;
            }
            let text = read_text(&path)?;
            let items: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let detections: Vec<_> = items.par_iter().map(|i| detector.detect(i)).collect();
            answers.extend(detections.iter().map(|d| (*lang, d.lang, d.confidence)));
            let predicted: Vec<Lang> = detections.iter().map(|d| d.lang).collect();
            let correct = predicted.iter().filter(|p| *p == lang).count();
            for p in predicted.iter().filter(|p| *p != lang) {
                *confusion_counts
                    .entry((*lang, *p, kind.to_string()))
                    .or_insert(0) += 1;
            }
            scores.push(KindScore {
                lang: *lang,
                kind: kind.to_string(),
                items: items.len(),
                correct,
                accuracy: correct as f64 / items.len().max(1) as f64,
            });
        }
    }
    if scores.is_empty() {
        return Err(EvalError::NoData(dir.display().to_string()));
    }
    let mut mean = BTreeMap::new();
    for kind in KINDS {
        let accs: Vec<f64> = scores
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.accuracy)
            .collect();
        if !accs.is_empty() {
            mean.insert(
                kind.to_string(),
                accs.iter().sum::<f64>() / accs.len() as f64,
            );
        }
    }
    let mut confusions: Vec<Confusion> = confusion_counts
        .into_iter()
        .map(|((gold, predicted, kind), count)| Confusion {
            gold,
            predicted,
            kind,
            count,
        })
        .collect();
    confusions.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.gold.cmp(&b.gold)));
    Ok(LangidReport {
        langs: folders.iter().map(|(l, _)| *l).collect(),
        scores,
        mean,
        confusion_pairs: confusion_pairs(&confusions),
        confusions,
        reliability: reliability(&answers),
        confident: confident_answers(&answers),
    })
}

/// Sums confusions over kinds and directions into unordered pairs (abstentions left out).
fn confusion_pairs(confusions: &[Confusion]) -> Vec<ConfusionPair> {
    let mut pairs: BTreeMap<[Lang; 2], usize> = BTreeMap::new();
    for c in confusions.iter().filter(|c| !c.predicted.is_und()) {
        let key = if c.gold <= c.predicted {
            [c.gold, c.predicted]
        } else {
            [c.predicted, c.gold]
        };
        *pairs.entry(key).or_insert(0) += c.count;
    }
    let mut out: Vec<ConfusionPair> = pairs
        .into_iter()
        .map(|(langs, count)| ConfusionPair { langs, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.langs.cmp(&b.langs)));
    out
}

/// The reliability table of `(gold, answer, confidence)` triples (abstentions left out).
fn reliability(answers: &[(Lang, Lang, f32)]) -> Vec<ReliabilityBucket> {
    BUCKET_EDGES
        .windows(2)
        .map(|w| {
            let (from, to) = (w[0], w[1]);
            let last = to >= 1.0;
            let inside = answers.iter().filter(|(_, p, c)| {
                let c = f64::from(*c);
                !p.is_und() && c >= from && (c < to || (last && c <= to))
            });
            let (n, right) =
                inside.fold((0, 0), |(n, r), (g, p, _)| (n + 1, r + usize::from(g == p)));
            ReliabilityBucket {
                from,
                to,
                answers: n,
                correct: right,
                accuracy: right as f64 / n.max(1) as f64,
            }
        })
        .collect()
}

/// Per language answered, the precision of its answers at confidence ≥ [`CONFIDENT`], lowest first.
fn confident_answers(answers: &[(Lang, Lang, f32)]) -> Vec<ConfidentAnswers> {
    let mut per: BTreeMap<Lang, (usize, usize)> = BTreeMap::new();
    for (gold, p, _) in answers
        .iter()
        .filter(|(_, p, c)| !p.is_und() && *c >= CONFIDENT)
    {
        let e = per.entry(*p).or_insert((0, 0));
        e.0 += 1;
        e.1 += usize::from(gold == p);
    }
    let mut out: Vec<ConfidentAnswers> = per
        .into_iter()
        .map(|(lang, (n, right))| ConfidentAnswers {
            lang,
            answers: n,
            correct: right,
            precision: right as f64 / n.max(1) as f64,
        })
        .collect();
    out.sort_by(|a, b| {
        a.precision
            .total_cmp(&b.precision)
            .then_with(|| a.lang.cmp(&b.lang))
    });
    out
}

/// The language folders of `dir` (two-letter names), limited to `langs`, in code order.
pub fn language_folders(
    dir: &Path,
    langs: Option<&[Lang]>,
) -> Result<Vec<(Lang, PathBuf)>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(lang) = Lang::new(&name).filter(|l| !l.is_und() && name.len() == 2) else {
            continue;
        };
        if entry.path().is_dir() && langs.is_none_or(|ls| ls.contains(&lang)) {
            out.push((lang, entry.path()));
        }
    }
    out.sort_by_key(|a| a.0);
    Ok(out)
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(decode_text(&path.display().to_string(), bytes)?)
}

/// One gold line for span evaluation: the text and its language spans (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLine {
    /// The line.
    pub text: String,
    /// Gold spans, in order.
    pub spans: Vec<LangSpan>,
}

/// Formats spans as `start:end:lang` items separated by spaces.
pub fn format_spans(spans: &[LangSpan]) -> String {
    spans
        .iter()
        .map(|s| format!("{}:{}:{}", s.start, s.end, s.lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses `start:end:lang` items separated by spaces; `None` if malformed or outside `text`.
pub fn parse_spans(items: &str, text: &str) -> Option<Vec<LangSpan>> {
    let mut spans = Vec::new();
    for item in items.split_whitespace() {
        let mut parts = item.splitn(3, ':');
        let start: usize = parts.next()?.parse().ok()?;
        let end: usize = parts.next()?.parse().ok()?;
        let lang = Lang::new(parts.next()?)?;
        if start > end || text.get(start..end).is_none() {
            return None;
        }
        spans.push(LangSpan { start, end, lang });
    }
    Some(spans)
}

/// Reads a span gold file: one `spans<TAB>text` line per item.
pub fn read_span_file(path: &Path) -> Result<Vec<SpanLine>, EvalError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || EvalError::BadSpanLine {
            path: path.display().to_string(),
            line: i + 1,
        };
        let (items, body) = line.split_once('\t').ok_or_else(bad)?;
        let spans = parse_spans(items, body).ok_or_else(bad)?;
        out.push(SpanLine {
            text: body.to_string(),
            spans,
        });
    }
    Ok(out)
}

/// The result of [`evaluate_spans`].
#[derive(Debug, Clone, Serialize)]
pub struct SpanReport {
    /// Lines scored.
    pub lines: usize,
    /// Non-space characters scored.
    pub chars: usize,
    /// Of those, characters given their gold language.
    pub correct: usize,
    /// `correct / chars`.
    pub char_accuracy: f64,
    /// Lines whose predicted spans have exactly the gold languages in the gold order.
    pub lines_with_right_languages: usize,
}

/// The language a span list gives the byte at `at` (`und` outside every span).
fn lang_at(spans: &[LangSpan], at: usize) -> Lang {
    spans
        .iter()
        .find(|s| s.start <= at && at < s.end)
        .map_or(Lang::UND, |s| s.lang)
}

/// Character accuracy of `detector.detect_spans` on gold lines: the share of non-space characters
/// inside gold spans that get their gold language.
pub fn evaluate_spans(lines: &[SpanLine], detector: &Detector) -> SpanReport {
    let per_line: Vec<(usize, usize, bool)> = lines
        .par_iter()
        .map(|line| {
            let predicted = detector.detect_spans(&line.text);
            let (mut chars, mut correct) = (0, 0);
            for (at, c) in line.text.char_indices() {
                if c.is_whitespace() {
                    continue;
                }
                let gold = lang_at(&line.spans, at);
                if gold.is_und() {
                    continue;
                }
                chars += 1;
                if lang_at(&predicted, at) == gold {
                    correct += 1;
                }
            }
            let gold_seq: Vec<Lang> = line.spans.iter().map(|s| s.lang).collect();
            let pred_seq: Vec<Lang> = predicted.iter().map(|s| s.lang).collect();
            (chars, correct, gold_seq == pred_seq)
        })
        .collect();
    let chars: usize = per_line.iter().map(|p| p.0).sum();
    let correct: usize = per_line.iter().map(|p| p.1).sum();
    SpanReport {
        lines: lines.len(),
        chars,
        correct,
        char_accuracy: correct as f64 / chars.max(1) as f64,
        lines_with_right_languages: per_line.iter().filter(|p| p.2).count(),
    }
}
