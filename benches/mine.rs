//! Translation-pair search at scale: 10,000 queries against a pool of 10,000, with a lexicon of
//! 20,000 entries. The texts are synthetic and seeded (`talign::eval::mine::synthetic_job`):
//! English-like sentences drawn from a Zipfian vocabulary, and their "translations" into Cyrillic
//! pseudo-words through the lexicon, with a fifth of the words dropped or replaced, shuffled.

use criterion::{criterion_group, criterion_main, Criterion};

use talign::align::mine::{mine, MineOptions};
use talign::eval::mine::synthetic_job;
use talign::Lang;

fn bench(c: &mut Criterion) {
    let (queries, pool, lexicon) = synthetic_job(10_000, 20_000, 7);
    let q: Vec<&str> = queries.iter().map(String::as_str).collect();
    let p: Vec<&str> = pool.iter().map(String::as_str).collect();
    let opts = MineOptions {
        lexicons: vec![lexicon],
        query_lang: Lang::new("en"),
        pool_lang: Lang::new("ru"),
        ..MineOptions::default()
    };
    let mut group = c.benchmark_group("mine");
    group.sample_size(10);
    group.bench_function("10k x 10k with a 20k lexicon", |b| {
        b.iter(|| mine(&q, &p, &opts))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
