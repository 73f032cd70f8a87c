//! Aligns the evaluation data in place and prints strict/lax F1: Text+Berg dev and parallel
//! documents built from FLORES (en-ru, en-es, en-uk), with and without the MUSE lexicons.
//!
//! `cargo run --release --example align_report -- [--data DIR] [--by-type] [--lexicon]
//! [--max-link N] [--no-realign] [--errors] [--seed S] [--params a,b,…] [--unknown-langs]
//! [--cipher]`
//!
//! `--unknown-langs` names the languages the aligner has no table for (no stemmer, no
//! romanisation keyed on the code): Text+Berg as `fo`-`is`, FLORES as `en`-`is`. `--cipher`
//! (implies `--unknown-langs`) also hides the target side's vocabulary: every word that starts
//! lowercase has its letters enciphered by a fixed substitution, so no cognate or shared word
//! is left, only numbers, punctuation, capitalised words (names) and what the learned lexicon
//! finds: a proxy for a distant pair such as English-Icelandic.
//!
//! `--lexicon` adds a second row per FLORES language with `DIR/lexicons/muse.en-xx.tsv` (en-uk
//! has none, so its row repeats). `--errors` prints every wrong link of the FLORES documents
//! beside the gold (for reading, never for tuning to single items). `--params` sets the score
//! constants in the order of [`ScoreParams`]'s fields as printed by `--params ?`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use talign::align::{align_sentences, link_scores, AlignOptions, Lexicon, ScoreParams};
use talign::eval::align::{read_links, recall_by_type, score_links, AlignCounts, LinkIds};
use talign::eval::synth::{read_lines, Flores, SynthOptions, FLORES_LANGS};
use talign::Lang;

/// Links with their scores (for `--scores`: the data the confidence calibration is fitted on).
fn align_scored(src: &[String], tgt: &[String], opts: &AlignOptions) -> Vec<(LinkIds, f64)> {
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    align_sentences(&s, &t, opts)
        .into_iter()
        .map(|l| ((l.src, l.tgt), l.score))
        .collect()
}

/// Prints `scored<TAB>null<TAB>score<TAB>exact` for each test link (only with `--scores`).
fn dump_scores(args: &Args, gold: &[LinkIds], test: &[(LinkIds, f64)]) {
    if !args.scores {
        return;
    }
    for (l, score) in test {
        let null = l.0.is_empty() || l.1.is_empty();
        println!(
            "scored\t{}\t{score:.4}\t{}",
            u8::from(null),
            u8::from(gold.contains(l))
        );
    }
}

fn show(name: &str, c: &AlignCounts) {
    let (s, l) = (c.strict(), c.lax());
    println!(
        "{name:24} strict P {:.4} R {:.4} F1 {:.4} | lax F1 {:.4}",
        s.precision, s.recall, s.f1, l.f1
    );
}

/// Per gold link type: (found exactly, total), added up over documents.
type ByType = BTreeMap<String, (usize, usize)>;

fn add_types(into: &mut ByType, gold: &[LinkIds], test: &[LinkIds]) {
    for (k, (h, n)) in recall_by_type(gold, test) {
        let e = into.entry(k).or_default();
        e.0 += h;
        e.1 += n;
    }
}

fn show_types(by_type: &ByType) {
    let line: Vec<String> = by_type
        .iter()
        .map(|(k, (h, n))| format!("{k} {h}/{n}"))
        .collect();
    println!("    gold links found exactly: {}", line.join(", "));
}

/// The command line of this example.
#[derive(Default)]
struct Args {
    data: PathBuf,
    by_type: bool,
    lexicon: bool,
    errors: bool,
    scores: bool,
    unknown: bool,
    cipher: bool,
    seed: u64,
    opts: AlignOptions,
}

fn parse_args() -> Args {
    let mut args = Args {
        data: PathBuf::from("../shared/data"),
        seed: SynthOptions::default().seed,
        ..Args::default()
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => args.data = it.next().map(PathBuf::from).unwrap_or(args.data),
            "--by-type" => args.by_type = true,
            "--lexicon" => args.lexicon = true,
            "--errors" => args.errors = true,
            "--scores" => args.scores = true,
            "--unknown-langs" => args.unknown = true,
            "--cipher" => {
                args.unknown = true;
                args.cipher = true;
            }
            "--no-realign" => args.opts.realign = false,
            "--max-link" => {
                args.opts.max_link = it.next().and_then(|v| v.parse().ok()).unwrap_or(4);
            }
            "--seed" => args.seed = it.next().and_then(|v| v.parse().ok()).unwrap_or(1),
            "--params" => {
                let text = it.next().unwrap_or_default();
                if text == "?" {
                    eprintln!("{:?}", ScoreParams::default());
                    std::process::exit(0);
                }
                let nums: Vec<f64> = text.split(',').filter_map(|v| v.parse().ok()).collect();
                args.opts.params = ScoreParams::from_slice(&nums).unwrap_or_default();
            }
            other => eprintln!("ignored argument {other:?}"),
        }
    }
    args
}

fn textberg(args: &Args) {
    let tb = args.data.join("textberg-dev");
    if !tb.exists() {
        eprintln!("SKIPPED: {} not found", tb.display());
        return;
    }
    let gold = fs::File::open(tb.join("dev.defr"))
        .map_err(|e| e.to_string())
        .and_then(|f| read_links(f, "dev.defr").map_err(|e| e.to_string()))
        .unwrap_or_default();
    let (de_code, fr_code) = if args.unknown {
        ("fo", "is")
    } else {
        ("de", "fr")
    };
    let opts = AlignOptions {
        src_lang: Lang::new(de_code),
        tgt_lang: Lang::new(fr_code),
        ..args.opts.clone()
    };
    let de = read_lines(&tb.join("dev.de")).unwrap_or_default();
    let fr = encipher_side(args, read_lines(&tb.join("dev.fr")).unwrap_or_default());
    let scored = align_scored(&de, &fr, &opts);
    dump_scores(args, &gold, &scored);
    let test: Vec<LinkIds> = scored.into_iter().map(|l| l.0).collect();
    show("textberg-dev de-fr", &score_links(&gold, &test));
    if args.errors && !args.lexicon {
        let doc = talign::eval::synth::SynthDoc {
            src: de.clone(),
            tgt: fr.clone(),
            gold: gold.clone(),
        };
        print_errors(&doc, &test, &opts);
    }
    if args.by_type {
        let mut by_type = ByType::new();
        add_types(&mut by_type, &gold, &test);
        show_types(&by_type);
    }
    // each half of the pair (cut at the middle gold link) aligned as a document of its own:
    // tune on one, check on the other
    let middle = gold.len() / 2;
    for (name, part) in [("first", &gold[..middle]), ("second", &gold[middle..])] {
        let (src, tgt, part_gold) = cut(part, &de, &fr);
        let test: Vec<LinkIds> = align_scored(&src, &tgt, &opts)
            .into_iter()
            .map(|l| l.0)
            .collect();
        show(
            &format!("  {name} half alone"),
            &score_links(&part_gold, &test),
        );
        if args.by_type {
            let mut by_type = ByType::new();
            add_types(&mut by_type, &part_gold, &test);
            show_types(&by_type);
        }
    }
}

/// The sentences of a run of gold links, and the links renumbered from 0 (by rank: the gold
/// leaves a few sentences out of every link).
fn cut(part: &[LinkIds], de: &[String], fr: &[String]) -> (Vec<String>, Vec<String>, Vec<LinkIds>) {
    let ids = |side: fn(&LinkIds) -> &Vec<usize>| -> Vec<usize> {
        let mut v: Vec<usize> = part.iter().flat_map(side).copied().collect();
        v.sort_unstable();
        v
    };
    let (s_ids, t_ids) = (ids(|l| &l.0), ids(|l| &l.1));
    let rank = |v: &[usize], x: &usize| v.partition_point(|y| y < x);
    let src = s_ids.iter().filter_map(|&i| de.get(i).cloned()).collect();
    let tgt = t_ids.iter().filter_map(|&j| fr.get(j).cloned()).collect();
    let gold = part
        .iter()
        .map(|(a, b)| {
            (
                a.iter().map(|i| rank(&s_ids, i)).collect(),
                b.iter().map(|j| rank(&t_ids, j)).collect(),
            )
        })
        .collect();
    (src, tgt, gold)
}

fn flores_rows(args: &Args, flores: &Flores, code: &str, lexicon: Option<&Path>) {
    let mut opts = AlignOptions {
        src_lang: Lang::new("en"),
        tgt_lang: Lang::new(if args.unknown { "is" } else { code }),
        ..args.opts.clone()
    };
    let mut name = format!("flores en-{code}");
    if let Some(path) = lexicon {
        match Lexicon::load(path) {
            Ok(lex) => opts.lexicons.push(lex),
            Err(e) => {
                eprintln!("SKIPPED: {e}");
                return;
            }
        }
        name.push_str(" +lexicon");
    }
    let synth = SynthOptions {
        seed: args.seed,
        ..SynthOptions::default()
    };
    let mut docs = flores.documents(code, &synth);
    for d in &mut docs {
        d.tgt = encipher_side(args, std::mem::take(&mut d.tgt));
    }
    let mut counts = AlignCounts::default();
    let mut by_type = ByType::new();
    for d in &docs {
        let scored = align_scored(&d.src, &d.tgt, &opts);
        dump_scores(args, &d.gold, &scored);
        let test: Vec<LinkIds> = scored.into_iter().map(|l| l.0).collect();
        counts.add(score_links(&d.gold, &test));
        if args.errors && (lexicon.is_some() == args.lexicon) {
            print_errors(d, &test, &opts);
        }
        add_types(&mut by_type, &d.gold, &test);
    }
    show(&name, &counts);
    if args.by_type {
        show_types(&by_type);
    }
}

/// Prints the test links of one document that are not gold links, and the gold links missed.
fn print_errors(d: &talign::eval::synth::SynthDoc, test: &[LinkIds], opts: &AlignOptions) {
    let wrong: Vec<&LinkIds> = test.iter().filter(|l| !d.gold.contains(l)).collect();
    if wrong.is_empty() {
        return;
    }
    let text = |ids: &[usize], side: &[String]| -> String {
        ids.iter()
            .filter_map(|&i| side.get(i))
            .map(|s| s.chars().take(70).collect::<String>())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    println!("--- doc: {} x {}", d.src.len(), d.tgt.len());
    for l in test {
        let mark = if d.gold.contains(l) { " " } else { "X" };
        println!(
            "{mark} {:?}:{:?}  {}  <=>  {}",
            l.0,
            l.1,
            text(&l.0, &d.src),
            text(&l.1, &d.tgt)
        );
    }
    let missed: Vec<String> = d
        .gold
        .iter()
        .filter(|g| !test.contains(g))
        .map(|g| format!("{:?}:{:?}", g.0, g.1))
        .collect();
    println!("  gold missed: {}", missed.join(" "));
    // the model's scores of the wrong links and of the gold links they replaced: a gold total
    // above the found one is a search error, below it a model error
    let src: Vec<&str> = d.src.iter().map(String::as_str).collect();
    let tgt: Vec<&str> = d.tgt.iter().map(String::as_str).collect();
    let missed: Vec<LinkIds> = d
        .gold
        .iter()
        .filter(|g| !test.contains(g))
        .cloned()
        .collect();
    let wrong: Vec<LinkIds> = wrong.into_iter().cloned().collect();
    let found = link_scores(&src, &tgt, opts, &wrong);
    let gold = link_scores(&src, &tgt, opts, &missed);
    let show = |s: &[talign::align::LinkTerms]| {
        s.iter()
            .map(|v| {
                format!(
                    "{:.2} [sim {:.2} len {:.2} orph {} untr {:.2}]",
                    v.score, v.similarity, v.length, v.orphans, v.untranslated
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let total = |s: &[talign::align::LinkTerms]| s.iter().map(|v| v.score).sum::<f64>();
    println!(
        "  scores: found {:.2} ({}) | gold {:.2} ({})",
        total(&found),
        show(&found),
        total(&gold),
        show(&gold)
    );
}

/// The sentences unchanged, or enciphered with `--cipher` (see [`encipher_word`]).
fn encipher_side(args: &Args, sentences: Vec<String>) -> Vec<String> {
    if !args.cipher {
        return sentences;
    }
    sentences
        .iter()
        .map(|s| {
            s.split(' ')
                .map(encipher_word)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// A word that starts with a lowercase letter with its letters substituted (Latin a–z by
/// x ↦ 7x + 3 mod 26, Cyrillic а–я by x ↦ 5x + 3 mod 32, accents kept); other words unchanged.
fn encipher_word(word: &str) -> String {
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return word.to_string();
    }
    let shift = |c: char, base: char, n: u32, mul: u32| -> char {
        let x = c as u32 - base as u32;
        char::from_u32(base as u32 + (mul * x + 3) % n).unwrap_or(c)
    };
    word.chars()
        .map(|c| match c {
            'a'..='z' => shift(c, 'a', 26, 7),
            'A'..='Z' => shift(c, 'A', 26, 7),
            'а'..='я' => shift(c, 'а', 32, 5),
            'А'..='Я' => shift(c, 'А', 32, 5),
            _ => c,
        })
        .collect()
}

fn main() {
    let args = parse_args();
    textberg(&args);
    let flores = match Flores::load(&args.data.join("flores")) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("SKIPPED: FLORES not readable: {e}");
            return;
        }
    };
    for (code, _) in FLORES_LANGS {
        flores_rows(&args, &flores, code, None);
        // a lexicon cannot match an enciphered side
        if args.lexicon && !args.cipher {
            let path = args.data.join(format!("lexicons/muse.en-{code}.tsv"));
            if path.exists() {
                flores_rows(&args, &flores, code, Some(&path));
            }
        }
    }
}
