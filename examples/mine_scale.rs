//! Development helper: mines a seeded synthetic job of N queries against N pool entries (the
//! benchmark's generator, `talign::eval::mine::synthetic_job`, with a 20,000-entry lexicon) and
//! prints the time and the accepted pairs; run under `/usr/bin/time -v` for memory.
//! Usage: cargo run --release --example mine_scale -- 100000 [--no-learn]
use std::time::Instant;

use talign::align::mine::{mine, MineOptions};
use talign::eval::mine::synthetic_job;
use talign::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let (queries, pool, lexicon) = synthetic_job(n, 20_000, 7);
    let q: Vec<&str> = queries.iter().map(String::as_str).collect();
    let p: Vec<&str> = pool.iter().map(String::as_str).collect();
    let opts = MineOptions {
        lexicons: vec![lexicon],
        query_lang: Lang::new("en"),
        pool_lang: Lang::new("ru"),
        learn: !args.iter().any(|a| a == "--no-learn"),
        ..MineOptions::default()
    };
    let t = Instant::now();
    let hits = mine(&q, &p, &opts);
    let answered = hits.iter().filter(|h| h.pool.is_some()).count();
    let accepted = hits.iter().filter(|h| h.accepted).count();
    println!(
        "{n} x {n}: {:.2?}, {answered} answered, {accepted} accepted",
        t.elapsed()
    );
}
