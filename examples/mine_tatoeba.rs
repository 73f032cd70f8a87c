//! Development helper: mines Tatoeba or FLORES devtest (English queries, shuffled foreign pool)
//! and prints scores. Tatoeba rus and spa are the dev sets; FLORES (news-style sentences) is the
//! held-out check, `flores-ukr` with the shipped core lexicon only (no MUSE en-uk exists here).
//! Usage: cargo run --release --example mine_tatoeba -- rus|spa|flores-rus|flores-spa|flores-ukr
//! [--no-lexicon] [--no-core] [--no-learn]
use std::time::Instant;
use talign::align::mine::{mine, MineHit, MineOptions};
use talign::align::Lexicon;
use talign::eval::mine::{score, shuffled_pairs, TestRow};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let lang = args.get(1).map(String::as_str).unwrap_or("rus");
    let use_lex = !args.iter().any(|a| a == "--no-lexicon");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
    let (en, fo) = match lang.strip_prefix("flores-") {
        Some(l3) => {
            let script = if l3 == "spa" { "Latn" } else { "Cyrl" };
            (
                std::fs::read_to_string(format!("{dir}/flores/eng_Latn.devtest"))?,
                std::fs::read_to_string(format!("{dir}/flores/{l3}_{script}.devtest"))?,
            )
        }
        None => (
            std::fs::read_to_string(format!("{dir}/tatoeba/tatoeba.{lang}-eng.eng"))?,
            std::fs::read_to_string(format!("{dir}/tatoeba/tatoeba.{lang}-eng.{lang}"))?,
        ),
    };
    let en: Vec<&str> = en.lines().collect();
    let fo: Vec<&str> = fo.lines().collect();
    let (pool, gold) = shuffled_pairs(&en, &fo, 42);
    let code = match lang.trim_start_matches("flores-") {
        "rus" => "ru",
        "ukr" => "uk",
        _ => "es",
    };
    let mut opts = MineOptions::default();
    if use_lex && code != "uk" {
        let f = std::fs::File::open(format!("{dir}/lexicons/muse.en-{code}.tsv"))?;
        opts.lexicons.push(Lexicon::from_reader(f, "muse")?);
    }
    opts.query_lang = talign::Lang::new("en");
    opts.pool_lang = talign::Lang::new(code);
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("LEN") {
        opts.params.length = v;
    }
    if let Some(v) = env("MARKS") {
        opts.params.marks = v;
    }
    if let Some(v) = env("K") {
        opts.params.k = v as usize;
    }
    if let Some(v) = env("MINS") {
        opts.min_score = v;
    }
    if let Some(v) = env("FINE") {
        opts.params.fine = v;
    }
    if let Some(v) = env("CANDS") {
        opts.params.candidates = v as usize;
    }
    if args.iter().any(|a| a == "--no-learn") {
        opts.learn = false;
    }
    if args.iter().any(|a| a == "--no-core") {
        opts.core_lexicon = false;
    }
    let t = Instant::now();
    let hits: Vec<MineHit> = mine(&en, &pool, &opts);
    let el = t.elapsed();
    let rows: Vec<TestRow> = hits.iter().map(TestRow::from).collect();
    let s = score(&gold, &rows);
    println!(
        "{lang} lex={use_lex} top1 {:.3} P {:.3} R {:.3} ({} accepted) in {:.2?}",
        s.top1, s.precision, s.recall, s.accepted, el
    );
    // Precision/recall along thresholds.
    let gmap: std::collections::HashMap<usize, usize> = gold.iter().copied().collect();
    for th in [0.0, 0.04, 0.08, 0.1, 0.12, 0.15, 0.2] {
        let acc: Vec<&MineHit> = hits
            .iter()
            .filter(|h| {
                h.pool.is_some()
                    && h.margin >= th
                    && h.score >= opts.min_score
                    && h.gap >= env("GAP").unwrap_or(0.0)
            })
            .collect();
        let ok = acc
            .iter()
            .filter(|h| gmap.get(&h.query) == h.pool.as_ref())
            .count();
        println!(
            "  th {th:.2}: P {:.3} R {:.3}",
            ok as f64 / acc.len().max(1) as f64,
            ok as f64 / gold.len() as f64
        );
    }
    if let Ok(path) = std::env::var("DUMP") {
        let mut out = String::new();
        for h in &hits {
            let g = gmap[&h.query];
            let ok = Some(g) == h.pool;
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{}\n",
                ok as u8,
                en[h.query],
                pool[g],
                h.pool.map(|p| pool[p]).unwrap_or("-"),
                h.score,
                h.margin,
                h.gap,
                h.accepted
            ));
        }
        std::fs::write(path, out)?;
    }
    if std::env::var("DEBUG").is_ok() {
        for h in hits
            .iter()
            .filter(|h| gmap.get(&h.query) != h.pool.as_ref())
            .take(25)
        {
            let g = gmap[&h.query];
            println!(
                "Q {}\n  gold {}\n  got  {} ({:.3} {:.3})",
                en[h.query],
                pool[g],
                h.pool.map(|p| pool[p]).unwrap_or("-"),
                h.score,
                h.margin
            );
        }
    }
    Ok(())
}
