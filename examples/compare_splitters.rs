//! Compares talign's `--sentences` view with the `sentencex` crate, in one run, on text whose
//! sentence boundaries somebody else decided.
//!
//! `cargo run --release --example compare_splitters [DATA_DIR] [--failures]` (default
//! `../shared/data`). Prints, for both splitters:
//! - the "Golden Rules" pass counts (`tests/fixtures/golden_rules.jsonl`, pragmatic_segmenter's
//!   spec, MIT): the 77 golden cases and the other spec cases;
//! - boundary precision / recall / F1 on FLORES-200 devtest documents, the lines of one source
//!   page joined into one paragraph (en, ru, es, uk);
//! - the same on the lingua test sentences of ten languages (`DATA_DIR/langid/<lang>`), five
//!   lines joined into a paragraph, and on the Tatoeba test sentences (en, es, ru) likewise;
//!
//! then the seed article's known traps. `--failures` lists the cases talign fails.
//!
//! `cargo run --release --example compare_splitters -- --ud DIR [--failures]` scores treebank
//! paragraphs instead: every `*.conllu` file in `DIR` (Universal Dependencies test files, named
//! `<lang>_...`), paragraphs rebuilt from the `# text` sentences (`talign::eval::treebank`),
//! boundary P / R / F1 per language and pooled, for the dev half (even documents) and the
//! held-out half (odd documents) apart. `--failures` then lists talign's errors in the dev half
//! (a trailing `+` marks the ones sentencex does not make)
//! only, so that the held-out half stays unseen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use talign::eval::sentences::{boundaries, join_sentences, read_cases, BoundaryScore};
use talign::eval::synth::{group_runs, read_lines};
use talign::eval::treebank::{read_conllu_units, treebank_language};
use talign::segment::{segment_with, SegmentOptions};

const GROUP: usize = 5;
const LANGID_LANGS: [&str; 10] = ["bg", "de", "en", "es", "fr", "it", "pl", "pt", "ru", "uk"];
const FLORES: [(&str, &str); 4] = [
    ("en", "eng_Latn"),
    ("es", "spa_Latn"),
    ("ru", "rus_Cyrl"),
    ("uk", "ukr_Cyrl"),
];

/// talign's sentences of `text` (the `--sentences` view), as text pieces.
fn talign_pieces(text: &str) -> Vec<&str> {
    segment_with(text, SegmentOptions::sentences())
        .into_iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

/// sentencex's sentences of `text`; the crate knows no language outside its table, so the code
/// is passed as is.
fn sentencex_pieces<'a>(lang: &str, text: &'a str) -> Vec<&'a str> {
    sentencex::segment(lang, text)
}

/// Byte ranges of pieces that are slices of `text`.
fn ranges(text: &str, pieces: &[&str]) -> Vec<std::ops::Range<usize>> {
    let base = text.as_ptr() as usize;
    pieces
        .iter()
        .map(|p| {
            let start = p.as_ptr() as usize - base;
            start..start + p.len()
        })
        .collect()
}

/// Both splitters' boundary scores over paragraphs of gold sentences.
fn score_paragraphs(lang: &str, paragraphs: &[Vec<&str>]) -> (BoundaryScore, BoundaryScore) {
    let (mut ours, mut theirs) = (BoundaryScore::default(), BoundaryScore::default());
    for sentences in paragraphs {
        let (text, gold) = join_sentences(sentences);
        let t = talign_pieces(&text);
        ours.add(&gold, &boundaries(&text, &ranges(&text, &t)));
        let s = sentencex_pieces(lang, &text);
        theirs.add(&gold, &boundaries(&text, &ranges(&text, &s)));
    }
    (ours, theirs)
}

fn prf(s: &BoundaryScore) -> String {
    format!("{:.3} / {:.3} / {:.3}", s.precision(), s.recall(), s.f1())
}

fn print_table(title: &str, rows: &[(String, BoundaryScore, BoundaryScore)]) {
    println!("\n{title}\n\n| lang | talign --sentences P / R / F1 | sentencex P / R / F1 |\n| --- | --- | --- |");
    let (mut all_t, mut all_s) = (BoundaryScore::default(), BoundaryScore::default());
    for (lang, t, s) in rows {
        println!("| {lang} | {} | {} |", prf(t), prf(s));
        all_t.merge(t);
        all_s.merge(s);
    }
    println!("| all | **{}** | {} |", prf(&all_t), prf(&all_s));
}

fn golden(show_failures: bool) -> anyhow::Result<()> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden_rules.jsonl");
    let cases = read_cases(&path)?;
    // (golden, other) × (talign, sentencex) passes, and totals
    let mut counts: BTreeMap<bool, [usize; 3]> = BTreeMap::new();
    for case in &cases {
        let ours = talign_pieces(&case.text);
        let theirs = sentencex_pieces(&case.lang, &case.text);
        let c = counts.entry(case.is_golden()).or_default();
        c[2] += 1;
        if case.passes(&ours) {
            c[0] += 1;
        } else if show_failures {
            println!("FAIL {} {}", case.id, case.title);
            let first_diff = case
                .expected
                .iter()
                .zip(&ours)
                .position(|(e, o)| e.split_whitespace().ne(o.split_whitespace()))
                .unwrap_or(case.expected.len().min(ours.len()));
            println!(
                "  expected[{first_diff}..]: {:?}",
                &case.expected[first_diff..]
            );
            println!("  talign[{first_diff}..]:   {:?}", &ours[first_diff..]);
        }
        if case.passes(&theirs) {
            c[1] += 1;
        }
    }
    println!("Golden Rules (tests/fixtures/golden_rules.jsonl), cases passed\n");
    println!("| cases | talign --sentences | sentencex |\n| --- | --- | --- |");
    for (is_golden, [t, s, n]) in counts.iter().rev() {
        let name = if *is_golden {
            "golden rules"
        } else {
            "other spec cases"
        };
        println!("| {name} | {t} / {n} | {s} / {n} |");
    }
    Ok(())
}

fn flores(dir: &Path) -> anyhow::Result<()> {
    let flores = dir.join("flores");
    let urls: Vec<String> = read_lines(&flores.join("metadata_devtest.tsv"))?
        .iter()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect();
    let keys: Vec<&str> = urls.iter().map(String::as_str).collect();
    let mut rows = Vec::new();
    for (lang, file) in FLORES {
        let lines = read_lines(&flores.join(format!("{file}.devtest")))?;
        let n = lines.len().min(keys.len());
        let docs: Vec<Vec<&str>> = group_runs(&keys[..n])
            .into_iter()
            .map(|r| lines[r].iter().map(String::as_str).collect())
            .collect();
        let (t, s) = score_paragraphs(lang, &docs);
        rows.push((lang.to_string(), t, s));
    }
    print_table(
        "FLORES-200 devtest, the lines of each source page joined (281 documents a language), boundary precision / recall / F1",
        &rows,
    );
    Ok(())
}

fn langid(dir: &Path, show_failures: bool) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for lang in LANGID_LANGS {
        let lines = read_lines(&dir.join("langid").join(lang).join("sentences.txt"))?;
        if show_failures {
            for paragraph in grouped(&lines) {
                let sentences: Vec<String> = paragraph.iter().map(|s| s.to_string()).collect();
                score_paragraph(lang, &sentences, true);
            }
        }
        let (t, s) = score_paragraphs(lang, &grouped(&lines));
        rows.push((lang.to_string(), t, s));
    }
    print_table(
        "lingua test sentences (langid/<lang>/sentences.txt), five lines a paragraph, boundary precision / recall / F1",
        &rows,
    );
    Ok(())
}

const TATOEBA: [(&str, &str); 3] = [
    ("en", "tatoeba.spa-eng.eng"),
    ("es", "tatoeba.spa-eng.spa"),
    ("ru", "tatoeba.rus-eng.rus"),
];

/// Lines joined `GROUP` at a time into paragraphs: the paragraphs and their sentences.
fn grouped(lines: &[String]) -> Vec<Vec<&str>> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    lines.chunks(GROUP).map(<[&str]>::to_vec).collect()
}

fn tatoeba(dir: &Path) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for (lang, file) in TATOEBA {
        let lines = read_lines(&dir.join("tatoeba").join(file))?;
        let (t, s) = score_paragraphs(lang, &grouped(&lines));
        rows.push((lang.to_string(), t, s));
    }
    print_table(
        "Tatoeba test sentences (1000 a language), five lines a paragraph, boundary precision / recall / F1",
        &rows,
    );
    Ok(())
}

/// One half of a language's treebank paragraphs: both splitters' scores on every gold boundary
/// and on the marked ones only (after `.` `!` `?` `…`, closing quotes and brackets aside).
#[derive(Default)]
struct HalfScore {
    talign: BoundaryScore,
    sentencex: BoundaryScore,
    talign_marked: BoundaryScore,
    sentencex_marked: BoundaryScore,
    sentences: usize,
}

impl HalfScore {
    fn merge(&mut self, other: &HalfScore) {
        self.talign.merge(&other.talign);
        self.sentencex.merge(&other.sentencex);
        self.talign_marked.merge(&other.talign_marked);
        self.sentencex_marked.merge(&other.sentencex_marked);
        self.sentences += other.sentences;
    }
}

/// Whether the text before gold boundary `b` ends in a sentence-ending mark.
fn marked_boundary(text: &str, b: usize) -> bool {
    text[..b]
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

/// Both splitters' scores on one paragraph; talign's errors are printed when `show` is set.
fn score_paragraph(lang: &str, sentences: &[String], show: bool) -> HalfScore {
    let (text, gold) = join_sentences(sentences);
    let t = talign_pieces(&text);
    let found = boundaries(&text, &ranges(&text, &t));
    let s = sentencex_pieces(lang, &text);
    let found_s = boundaries(&text, &ranges(&text, &s));
    let marked: Vec<usize> = gold
        .iter()
        .copied()
        .filter(|&b| marked_boundary(&text, b))
        .collect();
    let mut score = HalfScore {
        sentences: sentences.len(),
        ..HalfScore::default()
    };
    score.talign.add(&gold, &found);
    score.sentencex.add(&gold, &found_s);
    score.talign_marked.add(&marked, &found);
    score.sentencex_marked.add(&marked, &found_s);
    if show {
        let context = |b: usize| {
            let mut from = b.saturating_sub(40);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (b + 40).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            format!("{}|{}", &text[from..b], &text[b..to])
        };
        // a trailing `+` marks the errors sentencex does not make
        let mark = |b: &usize, wanted: bool| {
            if found_s.contains(b) == wanted {
                " +"
            } else {
                ""
            }
        };
        for b in gold.iter().filter(|b| !found.contains(b)) {
            println!("MISS  {lang} {}{}", context(*b), mark(b, true));
        }
        for b in found.iter().filter(|b| !gold.contains(b)) {
            println!("FALSE {lang} {}{}", context(*b), mark(b, false));
        }
    }
    score
}

/// Treebank paragraphs from every `*.conllu` file in `dir`, scored per language and pooled,
/// dev half and held-out half apart.
fn treebanks(dir: &Path, show_failures: bool) -> anyhow::Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    // lang -> [dev, held-out]
    let mut by_lang: BTreeMap<String, [HalfScore; 2]> = BTreeMap::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let lang = treebank_language(name).to_string();
        let units = read_conllu_units(&std::fs::read_to_string(path)?, GROUP);
        let halves = by_lang.entry(lang.clone()).or_default();
        for unit in &units {
            let half = &mut halves[usize::from(!unit.is_dev())];
            for paragraph in &unit.paragraphs {
                half.merge(&score_paragraph(
                    &lang,
                    paragraph,
                    show_failures && unit.is_dev(),
                ));
            }
        }
    }
    for (h, title) in ["dev half (even documents)", "held-out half (odd documents)"]
        .iter()
        .enumerate()
    {
        println!(
            "\nTreebank paragraphs ({}), {title}, boundary precision / recall / F1\n",
            dir.display()
        );
        println!("| lang | sentences | talign --sentences P / R / F1 | sentencex P / R / F1 |\n| --- | --- | --- | --- |");
        let mut all = HalfScore::default();
        for (lang, halves) in &by_lang {
            let half = &halves[h];
            println!(
                "| {lang} | {} | {} | {} |",
                half.sentences,
                prf(&half.talign),
                prf(&half.sentencex)
            );
            all.merge(half);
        }
        println!(
            "| all | {} | **{}** | {} |",
            all.sentences,
            prf(&all.talign),
            prf(&all.sentencex)
        );
        println!(
            "\nRecall on the {} gold boundaries after `.` `!` `?` `…`: talign {:.3}, sentencex {:.3}",
            all.talign_marked.hits + all.talign_marked.misses,
            all.talign_marked.recall(),
            all.sentencex_marked.recall()
        );
    }
    Ok(())
}

fn seed_traps() -> anyhow::Result<()> {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_488fef76da5343e0.txt"),
    )?;
    let traps = [
        "Feb. 16, 2001",
        "U.S.-Russian",
        "U.S. sanctions",
        "Mr. Medvedev, I am",
        "U.S. regained",
        "U.S. Embassy Moscow",
    ];
    let ours = talign_pieces(&seed);
    let theirs: Vec<&str> = seed
        .lines()
        .flat_map(|l| sentencex::segment("en", l))
        .collect();
    let kept = |pieces: &[&str]| {
        traps
            .iter()
            .filter(|t| pieces.iter().any(|p| p.contains(*t)))
            .count()
    };
    let attributed = |pieces: &[&str]| {
        pieces
            .iter()
            .filter(|p| p.starts_with('"') && p.contains("\" Rogozin said"))
            .count()
    };
    println!(
        "\nseed traps kept whole: talign {}/{n}, sentencex {}/{n}",
        kept(&ours),
        kept(&theirs),
        n = traps.len(),
    );
    println!(
        "attributions kept with their quote (\"...\" X said): talign {}, sentencex {}",
        attributed(&ours),
        attributed(&theirs),
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let mut dir = PathBuf::from("../shared/data");
    let mut ud: Option<PathBuf> = None;
    let mut show_failures = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--failures" {
            show_failures = true;
        } else if arg == "--ud" {
            let folder = args
                .next()
                .ok_or_else(|| anyhow::anyhow!("--ud needs a folder"))?;
            ud = Some(PathBuf::from(folder));
        } else {
            dir = PathBuf::from(arg);
        }
    }
    if let Some(ud) = ud {
        return treebanks(&ud, show_failures);
    }
    golden(show_failures)?;
    if dir.join("flores").is_dir() {
        flores(&dir)?;
    } else {
        println!("\n(no {}: FLORES skipped)", dir.join("flores").display());
    }
    if dir.join("langid").is_dir() {
        langid(&dir, show_failures)?;
    } else {
        println!("\n(no {}: langid skipped)", dir.join("langid").display());
    }
    if dir.join("tatoeba").is_dir() {
        tatoeba(&dir)?;
    } else {
        println!("\n(no {}: Tatoeba skipped)", dir.join("tatoeba").display());
    }
    seed_traps()
}
