//! Segmentation + language identification throughput on the seed article and on the dev sentences
//! of `../shared/data/langid` (skipped with a message when that data is missing).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use talign::doc::Document;

fn inputs() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    if let Ok(seed) = std::fs::read_to_string(root.join("seeds/000_488fef76da5343e0.txt")) {
        out.push(("seed".to_string(), seed));
    }
    let langid = root.join("../shared/data/langid");
    let mut langs: Vec<_> = std::fs::read_dir(&langid)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    langs.sort();
    if langs.is_empty() {
        eprintln!(
            "SKIPPED: {} not found; benchmarking the seed only",
            langid.display()
        );
    }
    for dir in langs {
        if let Ok(text) = std::fs::read_to_string(dir.join("sentences.txt")) {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((format!("langid-{}", name.unwrap_or_default()), text));
        }
    }
    out
}

fn segment_and_identify(doc: &Document, detector: &talign::lang::Detector) -> usize {
    let mut segs = talign::segment::segment(doc);
    talign::lang::identify(&doc.text, &mut segs, detector);
    segs.len()
}

fn bench_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment+detect");
    let detector = talign::lang::Detector::new(None);
    let mut all = String::new();
    for (name, text) in inputs() {
        all.push_str(&text);
        all.push('\n');
        let doc = Document::new(name.clone(), text);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(&name, |b| b.iter(|| segment_and_identify(&doc, &detector)));
    }
    let doc = Document::new("all", all);
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.bench_function("all", |b| b.iter(|| segment_and_identify(&doc, &detector)));
    group.bench_function("all/segment-only", |b| {
        b.iter(|| talign::segment::segment(&doc).len())
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
