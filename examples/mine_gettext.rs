//! Held-out check of pair search on languages nobody tuned it for: real translations from the
//! machine's gettext catalogues (`/usr/share/locale/<lang>/LC_MESSAGES/*.mo`, English msgid →
//! translated msgstr), mined with a lexicon converted at run time from the FreeDict dictionaries
//! Debian installs (`apt-get install dict-freedict-eng-fra dict-freedict-fra-eng …`, read from
//! `/usr/share/dictd`). Nothing is shipped: both are read where the system put them.
//!
//! Sentence-like strings only (four words or more, letters, no format directives, markup or line
//! breaks; mnemonic `_`/`&` removed), each English string and each translation kept once (a
//! translation given to two English strings is dropped: the gold must be one-to-one), then 1000
//! sampled per language with a fixed seed. English strings are the queries, the translations the
//! shuffled pool, as for Tatoeba.
//!
//! Usage: cargo run --release --example mine_gettext -- [LANG…] [--no-lexicon] [--no-core]
//! [--no-learn] [--n N] [--muse] (LANG: fra deu ita por pol ukr rus spa; default all but rus and
//! spa; `--muse` uses `../shared/data/lexicons/muse.en-xx.tsv` instead of FreeDict where present;
//! `--tatoeba DIR` mines the pairs of `DIR/tatoeba.<lang>-eng.eng` / `.<lang>` instead of the
//! catalogues: Tatoeba sentences gathered by hand for the held-out languages, never in the repo;
//! `--lexicon PATH` uses that word list instead of FreeDict)
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use talign::align::mine::{mine, MineOptions};
use talign::align::Lexicon;
use talign::eval::mine::{score, seeded_permutation, shuffled_pairs, TestRow};

/// (code of the example, gettext locale folders, ISO 639-1, FreeDict code).
const LANGS: &[(&str, &[&str], &str, &str)] = &[
    ("fra", &["fr"], "fr", "fra"),
    ("deu", &["de"], "de", "deu"),
    ("ita", &["it"], "it", "ita"),
    ("por", &["pt", "pt_BR"], "pt", "por"),
    ("pol", &["pl"], "pl", "pol"),
    ("ukr", &["uk"], "uk", "ukr"),
    ("rus", &["ru"], "ru", "rus"),
    ("spa", &["es"], "es", "spa"),
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let n: usize = args
        .iter()
        .position(|a| a == "--n")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let mut wanted: Vec<&str> = args
        .iter()
        .filter(|a| LANGS.iter().any(|l| l.0 == a.as_str()))
        .map(String::as_str)
        .collect();
    if wanted.is_empty() {
        wanted = vec!["fra", "deu", "ita", "por", "pol", "ukr"];
    }
    let tatoeba = args
        .iter()
        .position(|a| a == "--tatoeba")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    for code in wanted {
        let Some(&(_, folders, iso, fd)) = LANGS.iter().find(|l| l.0 == code) else {
            continue;
        };
        let sample: Vec<(String, String)> = if let Some(dir) = &tatoeba {
            match tatoeba_pairs(dir, code) {
                Some(p) => p,
                None => {
                    println!(
                        "{code}: no tatoeba.{code}-eng.* files in {}, SKIPPED",
                        dir.display()
                    );
                    continue;
                }
            }
        } else {
            let pairs = catalogue_pairs(folders);
            if pairs.len() < n {
                println!("{code}: only {} usable strings, SKIPPED", pairs.len());
                continue;
            }
            let order = seeded_permutation(pairs.len(), 2024);
            order.iter().take(n).map(|&i| pairs[i].clone()).collect()
        };
        let pairs_len = sample.len();
        let en: Vec<&str> = sample.iter().map(|p| p.0.as_str()).collect();
        let fo: Vec<&str> = sample.iter().map(|p| p.1.as_str()).collect();
        let (pool, gold) = shuffled_pairs(&en, &fo, 42);
        let mut opts = MineOptions {
            query_lang: talign::Lang::new("en"),
            pool_lang: talign::Lang::new(iso),
            learn: !flag("--no-learn"),
            core_lexicon: !flag("--no-core"),
            ..MineOptions::default()
        };
        let lex_name = if flag("--no-lexicon") {
            "core only".to_string()
        } else {
            choose_lexicon(&args, iso, fd, &mut opts.lexicons)?
        };
        let hits = mine(&en, &pool, &opts);
        let rows: Vec<TestRow> = hits.iter().map(TestRow::from).collect();
        let s = score(&gold, &rows);
        println!(
            "{code} ({pairs_len} pairs, lexicon {lex_name}, learn {}): top1 {:.3} P {:.3} R {:.3}",
            opts.learn, s.top1, s.precision, s.recall
        );
        if let Ok(dir) = std::env::var("DUMP") {
            dump(Path::new(&dir), code, &en, &pool, &gold, &hits)?;
        }
    }
    Ok(())
}

/// The lexicon asked for (`--lexicon PATH`, `--muse` where a MUSE list is shared, else FreeDict
/// where installed), pushed onto `lexicons`; its name for the report.
fn choose_lexicon(
    args: &[String],
    iso: &str,
    fd: &str,
    lexicons: &mut Vec<Lexicon>,
) -> anyhow::Result<String> {
    let given = args
        .iter()
        .position(|a| a == "--lexicon")
        .and_then(|i| args.get(i + 1));
    let muse = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../shared/data/lexicons/muse.en-{iso}.tsv"));
    if let Some(path) = given {
        lexicons.push(Lexicon::load(path)?);
        return Ok(path.clone());
    }
    if args.iter().any(|a| a == "--muse") && muse.exists() {
        lexicons.push(Lexicon::load(&muse)?);
        return Ok("MUSE".into());
    }
    let lex = freedict(fd);
    if lex.is_empty() {
        return Ok("core only".into());
    }
    let name = format!("FreeDict ({} pairs)", lex.len());
    lexicons.push(lex);
    Ok(name)
}

/// Writes `DIR/<code>.tsv`: right or wrong, query, gold, answer, score, margin, accepted.
fn dump(
    dir: &Path,
    code: &str,
    en: &[&str],
    pool: &[&str],
    gold: &[(usize, usize)],
    hits: &[talign::align::mine::MineHit],
) -> anyhow::Result<()> {
    let gmap: HashMap<usize, usize> = gold.iter().copied().collect();
    let mut out = String::new();
    for h in hits {
        let g = gmap.get(&h.query).copied().unwrap_or(0);
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{}\n",
            u8::from(Some(g) == h.pool),
            en[h.query],
            pool[g],
            h.pool.map(|p| pool[p]).unwrap_or("-"),
            h.score,
            h.margin,
            h.accepted
        ));
    }
    std::fs::write(dir.join(format!("{code}.tsv")), out)?;
    Ok(())
}

/// The (English, translation) lines of `DIR/tatoeba.<code>-eng.eng` and `….<code>`, in order
/// (the layout of the dev Tatoeba files), or `None` when they are missing or differ in length.
fn tatoeba_pairs(dir: &Path, code: &str) -> Option<Vec<(String, String)>> {
    let read =
        |ext: &str| std::fs::read_to_string(dir.join(format!("tatoeba.{code}-eng.{ext}"))).ok();
    let (en, fo) = (read("eng")?, read(code)?);
    let pairs: Vec<(String, String)> = en
        .lines()
        .zip(fo.lines())
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    (pairs.len() == en.lines().count() && pairs.len() == fo.lines().count()).then_some(pairs)
}

/// The sentence-like (English, translation) pairs of every catalogue in the locale folders,
/// each English string and each translation once, sorted by English string.
fn catalogue_pairs(folders: &[&str]) -> Vec<(String, String)> {
    let mut by_en: HashMap<String, String> = HashMap::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for f in folders {
        let dir = Path::new("/usr/share/locale").join(f).join("LC_MESSAGES");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut these: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        these.sort();
        files.extend(these);
    }
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for (id, tr) in parse_mo(&bytes) {
            let (Some(id), Some(tr)) = (clean(&id), clean(&tr)) else {
                continue;
            };
            if id.to_lowercase() == tr.to_lowercase() {
                continue;
            }
            by_en.entry(id).or_insert(tr);
        }
    }
    let mut tr_count: HashMap<String, usize> = HashMap::new();
    for tr in by_en.values() {
        *tr_count.entry(tr.to_lowercase()).or_default() += 1;
    }
    let mut out: Vec<(String, String)> = by_en
        .into_iter()
        .filter(|(_, tr)| tr_count.get(&tr.to_lowercase()) == Some(&1))
        .collect();
    out.sort();
    // Near-identical English strings (case, final stop) would make two golds for one query.
    let mut seen = HashSet::new();
    out.retain(|(id, _)| seen.insert(id.to_lowercase().trim_end_matches('.').to_string()));
    out
}

/// A UI string as a sentence, or `None` when it is not one.
fn clean(s: &str) -> Option<String> {
    if s.contains([
        '%', '{', '}', '<', '>', '\n', '\t', '$', '=', '\\', '|', '/', '@', '#',
    ]) || s.contains("--")
    {
        return None;
    }
    let t: String = s.chars().filter(|&c| c != '_' && c != '&').collect();
    let t = t.trim().to_string();
    let words: Vec<&str> = t.split_whitespace().collect();
    let wordy = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if !(4..=40).contains(&words.len()) || wordy < 4 {
        return None;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (letters * 2 > t.chars().count()).then_some(t)
}

/// The (msgid, msgstr) pairs of a compiled gettext catalogue: header, contexts and untranslated
/// entries left out, plural forms read as their first form.
fn parse_mo(b: &[u8]) -> Vec<(String, String)> {
    let word = |at: usize, le: bool| -> Option<usize> {
        let x: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(x)
        } else {
            u32::from_be_bytes(x)
        } as usize)
    };
    let le = match word(0, true) {
        Some(0x9504_12de) => true,
        Some(0xde12_0495) => false,
        _ => return Vec::new(),
    };
    let (Some(n), Some(orig), Some(trans)) = (word(8, le), word(12, le), word(16, le)) else {
        return Vec::new();
    };
    let string = |table: usize, i: usize| -> Option<String> {
        let len = word(table + 8 * i, le)?;
        let off = word(table + 8 * i + 4, le)?;
        let raw = b.get(off..off + len)?;
        let first = raw.split(|&c| c == 0).next()?;
        String::from_utf8(first.to_vec()).ok()
    };
    (0..n)
        .filter_map(|i| Some((string(orig, i)?, string(trans, i)?)))
        .filter(|(id, tr)| !id.is_empty() && !tr.is_empty() && !id.contains('\u{4}'))
        .collect()
}

/// English–foreign single-word pairs from the FreeDict dictionaries of both directions
/// (`freedict-eng-xxx`, `freedict-xxx-eng`), where installed.
fn freedict(code: &str) -> Lexicon {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (name, english_head) in [
        (format!("freedict-eng-{code}"), true),
        (format!("freedict-{code}-eng"), false),
    ] {
        for (head, translations) in dictd_entries(&name) {
            for t in translations {
                if english_head {
                    pairs.push((head.clone(), t));
                } else {
                    pairs.push((t, head.clone()));
                }
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    Lexicon::from_pairs(pairs)
}

/// The single-word headwords of a dictd dictionary with their single-word translations.
fn dictd_entries(name: &str) -> Vec<(String, Vec<String>)> {
    let dir = Path::new("/usr/share/dictd");
    let (Ok(index), Ok(dz)) = (
        std::fs::read_to_string(dir.join(format!("{name}.index"))),
        std::fs::File::open(dir.join(format!("{name}.dict.dz"))),
    ) else {
        return Vec::new();
    };
    let mut dict = Vec::new();
    if flate2::read::MultiGzDecoder::new(dz)
        .read_to_end(&mut dict)
        .is_err()
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in index.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(head), Some(off), Some(len)) = (f.first(), f.get(1), f.get(2)) else {
            continue;
        };
        if head.starts_with("00") {
            continue;
        }
        let (Some(off), Some(len)) = (b64(off), b64(len)) else {
            continue;
        };
        let Some(body) = dict.get(off..off + len) else {
            continue;
        };
        let body = String::from_utf8_lossy(body);
        let mut lines = body.lines();
        let Some(head) = lines
            .next()
            .and_then(|h| single_word(h.split(" /").next()?))
        else {
            continue;
        };
        let mut tr = Vec::new();
        for l in lines {
            let l = l.trim();
            if l.is_empty()
                || l.starts_with('(')
                || l.starts_with("see:")
                || l.starts_with("Synonym")
                || l.starts_with("Note")
            {
                continue;
            }
            let l = strip_brackets(l);
            for part in l.split([',', ';']) {
                let part = part.trim();
                let part = part
                    .split_once(". ")
                    .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                    .map_or(part, |(_, rest)| rest);
                if let Some(w) = single_word(part) {
                    tr.push(w);
                }
            }
        }
        if !tr.is_empty() {
            out.push((head, tr));
        }
    }
    out
}

/// A text without its `[…]`, `<…>`, `/…/` and `{…}` parts.
fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in s.chars() {
        match close {
            Some(x) if c == x => close = None,
            Some(_) => {}
            None => match c {
                '[' => close = Some(']'),
                '<' => close = Some('>'),
                '{' => close = Some('}'),
                '/' => close = Some('/'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The text lowercased when it is one word of letters (an inner apostrophe or hyphen allowed).
fn single_word(s: &str) -> Option<String> {
    let s = strip_brackets(s);
    let s = s.trim();
    let ok = !s.is_empty()
        && s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-');
    ok.then(|| s.to_lowercase())
}

/// A dictd index number (base64 digits, most significant first).
fn b64(s: &str) -> Option<usize> {
    const DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    s.chars().try_fold(0usize, |acc, c| {
        Some(acc.checked_mul(64)? + DIGITS.find(c)?)
    })
}
