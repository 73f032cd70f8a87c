//! The news quote test (`talign::eval::quote_synth::news`): builds articles from FLORES devtest
//! for several seeds, pairs each article's quotes with the pool as `talign run --originals` does
//! (segment, identify, pair one document at a time, then the run-wide claims), and prints precision and recall overall
//! and per class, the pairs taken from traps, and the quotes that came out merged or cut.
//!
//! Usage: cargo run --release --example quote_news -- [--seeds N] [--first SEED] [--no-muse]
//!        [--small] [--show] [--dump DIR] [--no-claims]
//! Data: ../shared/data/flores and ../shared/data/lexicons (read in place).

use std::path::{Path, PathBuf};

use anyhow::Context;
use talign::align::Lexicon;
use talign::eval::quote_synth::news::{build_news, score_news, NewsOptions, NewsScores, Parallel};
use talign::eval::synth::Flores;
use talign::lang::{identify, Detector};
use talign::run::claims::{pair_each, release_claimed_pairs};
use talign::run::quotes::{prepare_pool, QuoteOptions, SegmentedDoc};
use talign::Lang;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let seeds: u64 = value("--seeds").map_or(Ok(5), |v| v.parse())?;
    let first: u64 = value("--first").map_or(Ok(1), |v| v.parse())?;
    let data = PathBuf::from(value("--data").unwrap_or_else(|| "../shared/data".into()));
    let flores_dir = data.join("flores");
    let flores = Flores::load(&flores_dir).with_context(|| format!("{}", flores_dir.display()))?;
    let corpus = Parallel::from_flores(&flores);
    let l = |c: &str| Lang::new(c).unwrap_or_default();
    let mut opts = QuoteOptions::default();
    if !flag("--no-muse") {
        for lang in ["ru", "es"] {
            let p = data.join(format!("lexicons/muse.en-{lang}.tsv"));
            opts.lexicons.push(Lexicon::load(&p)?);
        }
    }
    opts.prepare();
    let detector = Detector::new(None);
    let mut total = NewsScores::default();
    for seed in first..first + seeds {
        let test = build_news(
            &corpus,
            &NewsOptions {
                articles: if flag("--small") {
                    // The size of tests/it/quote_news.rs.
                    vec![(l("en"), 12), (l("es"), 4), (l("ru"), 4), (l("uk"), 4)]
                } else {
                    vec![(l("en"), 24), (l("es"), 8), (l("ru"), 8), (l("uk"), 8)]
                },
                distractors: 3,
                seed,
            },
        );
        if let Some(dir) = value("--dump") {
            dump(Path::new(&dir), seed, &test)?;
        }
        let pool = prepare_pool(&test.pool);
        let docs = test.docs.iter().map(|doc| {
            let mut segments = talign::segment::segment(doc);
            identify(&doc.text, &mut segments, &detector);
            SegmentedDoc {
                doc: doc.clone(),
                segments,
            }
        });
        let (mut rows, claims) = pair_each(docs, &pool, &opts);
        // As `talign run --originals` does at the end of a run.
        if !flag("--no-claims") {
            release_claimed_pairs(&mut rows, &claims);
        }
        let s = score_news(&test, &rows);
        if flag("--show") {
            show(&test, &rows);
        }
        total.merge(&s);
    }
    print(&total);
    Ok(())
}

/// Writes a seed's articles and pool for `talign run` (`DIR/SEED/*.txt`, `DIR/SEED/pool.jsonl`).
fn dump(
    dir: &Path,
    seed: u64,
    test: &talign::eval::quote_synth::news::NewsTest,
) -> anyhow::Result<()> {
    let d = dir.join(seed.to_string());
    std::fs::create_dir_all(&d)?;
    for doc in &test.docs {
        std::fs::write(d.join(format!("{}.txt", doc.id)), &doc.text)?;
    }
    let mut pool = String::new();
    for p in &test.pool {
        pool.push_str(&serde_json::to_string(p)?);
        pool.push('\n');
    }
    std::fs::write(d.join("pool.jsonl"), pool)?;
    let mut gold = String::new();
    for p in &test.planted {
        gold.push_str(&serde_json::to_string(&serde_json::json!({
            "doc_id": p.doc_id, "text": p.text, "original": p.original, "trap": p.trap,
            "classes": p.classes,
        }))?);
        gold.push('\n');
    }
    std::fs::write(d.join("planted.jsonl"), gold)?;
    Ok(())
}

/// Prints every false or missed pair with its article, for error analysis.
fn show(test: &talign::eval::quote_synth::news::NewsTest, rows: &[talign::run::quotes::QuotePair]) {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for p in &test.planted {
        let hit = rows
            .iter()
            .find(|r| r.doc_id == p.doc_id && key(&r.quote_text) == key(&p.text));
        let ok = match (&p.original, hit) {
            (Some(o), Some(r)) => r.original_id == *o,
            (None, Some(r)) => r.original_id.is_empty(),
            (None, None) => true,
            (Some(_), None) => false,
        };
        if !ok {
            println!(
                "MISS {} {:?} want {:?} got {:?}\n   {}",
                p.doc_id,
                p.classes,
                p.original,
                hit.map(|r| (&r.original_id, &r.speaker, r.score, r.margin)),
                p.text
            );
        }
    }
    for r in rows.iter().filter(|r| !r.original_id.is_empty()) {
        let matched = test
            .planted
            .iter()
            .any(|p| p.doc_id == r.doc_id && key(&p.text) == key(&r.quote_text));
        if !matched || r.original_id.ends_with("-trap") {
            println!(
                "FALSE {} {} -> {} ({:.3}, {:.3}) speaker {:?}\n   {}",
                r.doc_id, r.quote_id, r.original_id, r.score, r.margin, r.speaker, r.quote_text
            );
        }
    }
}

fn print(s: &NewsScores) {
    println!("class\tgold\tfound\tcorrect\tP\tR");
    let row = |name: &str, c: &talign::eval::quote_synth::news::ClassCounts| {
        println!(
            "{name}\t{}\t{}\t{}\t{:.3}\t{:.3}",
            c.gold,
            c.found,
            c.correct,
            c.precision(),
            c.recall()
        );
    };
    row("all", &s.all);
    for (k, c) in &s.classes {
        row(k, c);
    }
    println!("trap pairs\t{}", s.trap_pairs);
    println!("pairs with a merged or cut quote\t{}", s.unmatched);
}
