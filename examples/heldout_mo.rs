//! Held-out check of the language detector on text it was never tuned on: the user-interface
//! translations installed on this machine (gettext `.mo` catalogues under `/usr/share/locale`,
//! as Debian and Ubuntu ship them). Nothing is downloaded and nothing is copied into the repo: the
//! catalogues are read at run time, so the figure depends on the packages installed.
//!
//! Per language (every folder `LOCALE/<code>/LC_MESSAGES` whose code talign supports; `zh_CN` for
//! Chinese, `pt` and `pt_BR` for Portuguese), each translated line that differs from its English
//! original becomes an item after placeholders, markup, options and paths are removed, when it
//! keeps at least four words and twenty letters; languages with fewer than 50 items are left out,
//! and at most 500 items per language are kept (a fixed pseudo-random sample). Every item is
//! detected alone with every language allowed, as `talign detect` without `--langs` does.
//!
//! Prints the mean accuracy over languages, then the answers given with confidence ≥ 0.9 and how
//! often they are right (overall and for the five worst languages).
//!
//! ```sh
//! cargo run --release --example heldout_mo                     # reads /usr/share/locale
//! cargo run --release --example heldout_mo -- DIR              # another locale folder
//! cargo run --release --example heldout_mo -- DIR ../shared/data/langid
//!                                   # only the languages that have a folder in the second one
//! cargo run --release --example heldout_mo -- --outside [DIR]
//!                                   # languages talign does not support: how many confident answers
//! ```

use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use regex::Regex;
use talign::lang::{supported, Detector};
use talign::Lang;

/// Items a language needs to be scored.
const MIN_ITEMS: usize = 50;
/// Items kept per language.
const MAX_ITEMS: usize = 500;
/// Confidence of a confident answer.
const CONFIDENT: f32 = 0.9;
/// What is removed from a catalogue line: printf and brace placeholders, markup, code in
/// backquotes, shell variables, options, and words with a path or identifier character.
const CLEAN: &str =
    r"%[-#0-9.*]*[a-zA-Z]|\{[^}]*\}|<[^>]*>|`[^`]*`|\$\{?\w+\}?|--?[a-z-]+|\S*[/_=@]\S*";

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    if std::env::args().nth(1).as_deref() == Some("--outside") {
        let root = std::env::args()
            .nth(2)
            .unwrap_or_else(|| "/usr/share/locale".into());
        return outside(Path::new(&root));
    }
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/usr/share/locale".into()),
    );
    let only: Option<HashSet<Lang>> = match std::env::args().nth(2) {
        Some(dir) => Some(
            std::fs::read_dir(&dir)?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().and_then(Lang::new))
                .collect(),
        ),
        None => None,
    };
    let clean = Regex::new(CLEAN)?;
    let detector = Detector::new(None);
    let mut scored: Vec<(Lang, usize, usize)> = Vec::new();
    let mut confused: BTreeMap<Lang, BTreeMap<Lang, usize>> = BTreeMap::new();
    let mut confident: BTreeMap<Lang, (usize, usize)> = BTreeMap::new();
    let mut wrong: BTreeMap<Lang, Vec<String>> = BTreeMap::new();
    for lang in supported() {
        if only.as_ref().is_some_and(|o| !o.contains(&lang)) {
            continue;
        }
        let folders: &[&str] = match lang.as_str() {
            "zh" => &["zh_CN"],
            "pt" => &["pt", "pt_BR"],
            code => &[code],
        };
        let items = items_of(&root, folders, &clean)?;
        if items.len() < MIN_ITEMS {
            continue;
        }
        let found = detect_all(&detector, &items);
        let right = found.iter().filter(|(l, _)| *l == lang).count();
        scored.push((lang, items.len(), right));
        for ((answer, conf), text) in found.into_iter().zip(&items) {
            if answer != lang {
                *confused.entry(lang).or_default().entry(answer).or_default() += 1;
            }
            if !answer.is_und() && conf >= CONFIDENT {
                let e = confident.entry(answer).or_default();
                e.0 += 1;
                e.1 += usize::from(answer == lang);
                if answer != lang {
                    wrong
                        .entry(answer)
                        .or_default()
                        .push(format!("{lang} as {answer} at {conf:.3}: {text}"));
                }
            }
        }
    }
    if scored.is_empty() {
        return Err(format!(
            "no catalogues with {MIN_ITEMS}+ usable lines under {}",
            root.display()
        )
        .into());
    }
    let mean = scored
        .iter()
        .map(|(_, n, r)| *r as f64 / *n as f64)
        .sum::<f64>()
        / scored.len() as f64;
    let items: usize = scored.iter().map(|(_, n, _)| n).sum();
    println!(
        "{} languages, {items} lines: mean accuracy {mean:.4}",
        scored.len()
    );
    let (n, r) = confident
        .values()
        .fold((0, 0), |(n, r), (a, b)| (n + a, r + b));
    println!(
        "answers at confidence >= {CONFIDENT}: {n}, right {:.4}",
        r as f64 / n.max(1) as f64
    );
    let mut worst: Vec<(f64, Lang, usize)> = confident
        .iter()
        .map(|(l, (n, r))| (*r as f64 / *n as f64, *l, *n))
        .collect();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.2.cmp(&a.2)));
    println!("worst languages at >= {CONFIDENT} (answer: right / answers):");
    for (p, l, n) in worst.iter().take(5) {
        println!("  {l}: {p:.3} of {n}");
        for w in wrong.get(l).into_iter().flatten().take(3) {
            println!("    {w}");
        }
    }
    println!("accuracy per language:");
    for (l, n, r) in &scored {
        let mut top: Vec<(usize, Lang)> = confused
            .get(l)
            .into_iter()
            .flatten()
            .map(|(a, c)| (*c, *a))
            .collect();
        top.sort_by(|a, b| b.cmp(a));
        let top: Vec<String> = top
            .iter()
            .take(3)
            .map(|(c, a)| format!("{a} {c}"))
            .collect();
        println!(
            "  {l}\t{:.3}\t({n} lines)\t{}",
            *r as f64 / *n as f64,
            top.join(", ")
        );
    }
    Ok(())
}

/// Each item's language and confidence, every language allowed.
fn detect_all(detector: &Detector, items: &[String]) -> Vec<(Lang, f32)> {
    items
        .par_iter()
        .map(|t| {
            let d = detector.detect(t);
            (d.lang, d.confidence)
        })
        .collect()
}

/// Codes of catalogues that are another name of a supported language (Norwegian, Moldovan,
/// Serbo-Croatian), left out of the `--outside` check.
const ALIASES: [&str; 3] = ["no", "mo", "sh"];

/// `--outside`: the catalogues of languages talign does not support (Galician, Occitan,
/// Faroese, Frisian, Breton ...: folders named by a bare two- or three-letter code that is no
/// supported language). Every answer there is wrong; the figure that matters is how many are
/// given with confidence ≥ [`CONFIDENT`], which the detector must not do.
fn outside(root: &Path) -> Result<(), Error> {
    let clean = Regex::new(CLEAN)?;
    let supported: HashSet<Lang> = supported().into_iter().collect();
    let mut codes: Vec<String> = std::fs::read_dir(root)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|c| (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|c| !ALIASES.contains(&c.as_str()))
        .filter(|c| Lang::new(c).is_none_or(|l| !supported.contains(&l)))
        .collect();
    codes.sort();
    let detector = Detector::new(None);
    let (mut total, mut sure, mut langs) = (0usize, 0usize, 0usize);
    for code in &codes {
        let items = items_of(root, &[code.as_str()], &clean)?;
        if items.len() < MIN_ITEMS {
            continue;
        }
        let found = detect_all(&detector, &items);
        let mut answers: BTreeMap<Lang, usize> = BTreeMap::new();
        for (l, _) in found.iter().filter(|(l, c)| !l.is_und() && *c >= CONFIDENT) {
            *answers.entry(*l).or_default() += 1;
        }
        let confident: usize = answers.values().sum();
        let mut top: Vec<(usize, Lang)> = answers.into_iter().map(|(l, n)| (n, l)).collect();
        top.sort_by(|a, b| b.cmp(a));
        let top: Vec<String> = top
            .iter()
            .take(3)
            .map(|(n, l)| format!("{l} {n}"))
            .collect();
        println!(
            "  {code}\t{:.3} confident of {} lines\t{}",
            confident as f64 / items.len() as f64,
            items.len(),
            top.join(", ")
        );
        total += items.len();
        sure += confident;
        langs += 1;
    }
    println!(
        "{langs} unsupported languages, {total} lines: answered with confidence >= {CONFIDENT}: {sure} ({:.4})",
        sure as f64 / total.max(1) as f64
    );
    Ok(())
}

/// The cleaned, deduplicated lines of every catalogue of `lang`, in a fixed pseudo-random order,
/// at most [`MAX_ITEMS`].
fn items_of(root: &Path, folders: &[&str], clean: &Regex) -> Result<Vec<String>, Error> {
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    for folder in folders {
        let dir = root.join(folder).join("LC_MESSAGES");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "mo"))
            .collect();
        files.sort();
        for file in files {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            for (original, translation) in mo_entries(&bytes) {
                for form in translation.split('\0') {
                    if form.is_empty() || form == original {
                        continue;
                    }
                    for line in form.lines() {
                        let text = clean.replace_all(line, "");
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        let words = text
                            .split(' ')
                            .filter(|w| w.chars().any(char::is_alphabetic))
                            .count();
                        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                        if words >= 4 && letters >= 20 && seen.insert(text.clone()) {
                            items.push(text);
                        }
                    }
                }
            }
        }
    }
    let key = |t: &String| rustc_hash::FxBuildHasher.hash_one(t);
    items.sort_by_cached_key(key);
    items.truncate(MAX_ITEMS);
    Ok(items)
}

/// The (original, translation) pairs of a gettext `.mo` file, header entry left out; nothing for a
/// file that is not one. The original is the singular msgid; plural translations stay joined by NUL.
fn mo_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let word = |at: usize, big: bool| -> Option<usize> {
        let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        } as usize)
    };
    let big = match word(0, false) {
        Some(0x9504_12de) => false,
        Some(0xde12_0495) => true,
        _ => return Vec::new(),
    };
    let string = |table: usize, i: usize| -> Option<&str> {
        let len = word(table + 8 * i, big)?;
        let off = word(table + 8 * i + 4, big)?;
        std::str::from_utf8(bytes.get(off..off + len)?).ok()
    };
    let (Some(n), Some(originals), Some(translations)) =
        (word(8, big), word(12, big), word(16, big))
    else {
        return Vec::new();
    };
    (0..n)
        .filter_map(|i| {
            let original = string(originals, i)?;
            let translation = string(translations, i)?;
            let singular = original.split('\0').next().unwrap_or(original);
            // msgctxt comes before the msgid, separated by EOT
            let singular = singular.rsplit('\u{4}').next().unwrap_or(singular);
            (!singular.is_empty()).then(|| (singular.to_string(), translation.to_string()))
        })
        .collect()
}
