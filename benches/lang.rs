//! Language identification throughput on the dev sentences of `../shared/data/langid` (200 per
//! language), beside raw whatlang on the same sentences in the same run: detection alone, the
//! segmenter + `identify` (one sentence a line, so both segmenters see the same segments), and spans.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use talign::lang::{identify, Detector};
use talign::segment::segment_lines;
use talign::Lang;

const TEN: [&str; 10] = ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"];
const PER_LANG: usize = 200;

fn sentences() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/langid");
    let mut out = Vec::new();
    for code in TEN {
        match std::fs::read_to_string(dir.join(code).join("sentences.txt")) {
            Ok(text) => out.extend(text.lines().take(PER_LANG).map(str::to_string)),
            Err(_) => {
                eprintln!("SKIPPED: ../shared/data/langid/{code}/sentences.txt not found; benchmarking a small built-in sample");
                return vec![
                    "The government announced new measures on Tuesday.".to_string(),
                    "Правительство объявило о новых мерах во вторник.".to_string(),
                    "El gobierno anunció nuevas medidas el martes.".to_string(),
                ];
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let sents = sentences();
    let langs: Vec<Lang> = TEN.iter().filter_map(|c| Lang::new(c)).collect();
    let wl_langs: Vec<whatlang::Lang> = [
        "eng", "rus", "spa", "deu", "fra", "ukr", "ita", "por", "pol", "bul",
    ]
    .iter()
    .filter_map(|c| whatlang::Lang::from_code(*c))
    .collect();
    let wl = whatlang::Detector::with_allowlist(wl_langs);
    let detector = Detector::new(Some(&langs));
    let joined = sents.join("\n");

    let mut group = c.benchmark_group("langid_sentences");
    group.throughput(Throughput::Elements(sents.len() as u64));
    group.sample_size(10);
    group.bench_function("whatlang_raw_ten_langs", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(wl.detect(black_box(s)));
            }
        })
    });
    group.bench_function("whatlang_raw_all_langs", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(whatlang::detect(black_box(s)));
            }
        })
    });
    group.bench_function("talign_detect", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(detector.detect(black_box(s)));
            }
        })
    });
    group.bench_function("talign_segment_lines_identify", |b| {
        b.iter(|| {
            let mut segs = segment_lines(black_box(&joined));
            identify(&joined, &mut segs, &detector);
            black_box(segs)
        })
    });
    let doc = talign::Document::new("dev", joined.clone());
    group.bench_function("talign_segment_identify", |b| {
        b.iter(|| {
            let mut segs = talign::segment::segment(black_box(&doc));
            identify(&doc.text, &mut segs, &detector);
            black_box(segs)
        })
    });
    group.bench_function("talign_detect_spans", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(detector.detect_spans(black_box(s)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
