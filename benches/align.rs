//! Criterion bench: aligning the Text+Berg dev pair (read in place from `../shared/data`), and a
//! synthetic 5,000-sentence pair that needs no data.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use talign::align::{align_sentences, AlignOptions};
use talign::eval::synth::{long_document, read_lines, SynthOptions};

fn bench_align(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/textberg-dev");
    let (de, fr) = (
        read_lines(&dir.join("dev.de")).unwrap_or_default(),
        read_lines(&dir.join("dev.fr")).unwrap_or_default(),
    );
    if de.is_empty() {
        eprintln!("SKIPPED: ../shared/data/textberg-dev not found; dev-pair bench not run");
    } else {
        let s: Vec<&str> = de.iter().map(String::as_str).collect();
        let t: Vec<&str> = fr.iter().map(String::as_str).collect();
        c.bench_function("align textberg-dev (468 x 554)", |b| {
            b.iter(|| align_sentences(&s, &t, &AlignOptions::default()))
        });
    }
    let pool: Vec<(String, String)> = (0..300)
        .map(|k| {
            (
                format!("Satz {k} über den Berg Nummer {} und das Tal .", k * 7 % 97),
                format!(
                    "Phrase {k} sur la montagne numéro {} et la vallée .",
                    k * 7 % 97
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = pool.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let doc = long_document(&refs, 5000, &SynthOptions::default());
    let s: Vec<&str> = doc.src.iter().map(String::as_str).collect();
    let t: Vec<&str> = doc.tgt.iter().map(String::as_str).collect();
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    group.bench_function("align synthetic 5000 sentences", |b| {
        b.iter(|| align_sentences(&s, &t, &AlignOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
