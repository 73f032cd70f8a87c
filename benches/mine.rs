//! Translation-pair search at scale: 10,000 queries against a pool of 10,000, with a lexicon of
//! 20,000 entries. The texts are synthetic (seeded): English-like sentences drawn from a Zipfian
//! vocabulary, and their "translations" into Cyrillic pseudo-words through the lexicon, with a
//! fifth of the words dropped or replaced, shuffled.

use criterion::{criterion_group, criterion_main, Criterion};

use talign::align::mine::{mine, MineOptions};
use talign::align::Lexicon;
use talign::eval::synth::SplitMix64;
use talign::Lang;

const N: usize = 10_000;
const VOCAB: usize = 20_000;

fn word(rng: &mut SplitMix64, letters: &[&str]) -> String {
    let syllables = 2 + rng.below(3);
    (0..syllables)
        .map(|_| letters[rng.below(letters.len())])
        .collect()
}

fn zipf(rng: &mut SplitMix64) -> usize {
    // Inverse-CDF sampling of a 1/rank law over the vocabulary (continuous approximation).
    let u = rng.next_f64();
    (((VOCAB as f64).powf(u)) as usize)
        .saturating_sub(1)
        .min(VOCAB - 1)
}

fn corpus() -> (Vec<String>, Vec<String>, Lexicon) {
    let mut rng = SplitMix64::new(7);
    let lat = [
        "ba", "ko", "ri", "te", "mu", "sa", "ne", "lo", "pi", "da", "ge", "vo",
    ];
    let cyr = [
        "ба", "ко", "ри", "те", "му", "са", "не", "ло", "пи", "да", "ге", "во",
    ];
    let en: Vec<String> = (0..VOCAB).map(|_| word(&mut rng, &lat)).collect();
    let ru: Vec<String> = (0..VOCAB).map(|_| word(&mut rng, &cyr)).collect();
    let lexicon = Lexicon::from_pairs(en.iter().cloned().zip(ru.iter().cloned()));
    let mut queries = Vec::with_capacity(N);
    let mut pool = Vec::with_capacity(N);
    for _ in 0..N {
        let len = 6 + rng.below(12);
        let ids: Vec<usize> = (0..len).map(|_| zipf(&mut rng)).collect();
        queries.push(
            ids.iter()
                .map(|&i| en[i].as_str())
                .collect::<Vec<_>>()
                .join(" ")
                + ".",
        );
        let tr: Vec<&str> = ids
            .iter()
            .filter_map(|&i| match rng.below(10) {
                0 => None,
                1 => Some(ru[zipf(&mut rng)].as_str()),
                _ => Some(ru[i].as_str()),
            })
            .collect();
        pool.push(tr.join(" ") + ".");
    }
    for i in (1..N).rev() {
        let j = rng.below(i + 1);
        pool.swap(i, j);
    }
    (queries, pool, lexicon)
}

fn bench(c: &mut Criterion) {
    let (queries, pool, lexicon) = corpus();
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
