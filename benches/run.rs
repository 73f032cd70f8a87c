//! The corpus driver end to end in the library (read JSONL, segment, align, write CSV to a sink)
//! on a seeded 2 MB corpus, at 1 and 2 threads. Whole-command figures on the 200 MB corpus come
//! from `/usr/bin/time -v target/release/talign run …` (see README, Benchmarks).

#[path = "../tests/it/common/corpus.rs"]
mod corpus;

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use talign::lang::Detector;
use talign::read::{work_items, ReadOptions};
use talign::run::quotes::QuoteOptions;
use talign::run::{
    align_pair_job, drive, feature_align, is_null_sentence_link, DriveOptions, Finished, QuoteJob,
};
use talign::write::{CsvWriter, PairWriter, WriteError};

fn bench_run(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let Some(flores) = corpus::load_flores(&data) else {
        eprintln!("SKIPPED: ../shared/data/flores not found; no run benchmark");
        return;
    };
    let dir = std::env::temp_dir().join(format!("talign-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("corpus.jsonl");
    let mut buf = Vec::new();
    let (bytes, _) = corpus::generate(&flores, 1, 2 << 20, &mut buf).unwrap_or_default();
    if std::fs::write(&path, &buf).is_err() {
        eprintln!("SKIPPED: cannot write {}", path.display());
        return;
    }
    let mut group = c.benchmark_group("run");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // no pool: single documents are only counted, as in `talign run` without --originals
    let quotes = QuoteJob::posts_only(QuoteOptions::default(), Detector::default());
    for threads in [1, 2] {
        group.bench_function(format!("jsonl_2MB_threads_{threads}"), |b| {
            b.iter(|| {
                let items = work_items(std::slice::from_ref(&path), None, &ReadOptions::default());
                let mut out = CsvWriter::new(std::io::sink(), false).ok();
                let opts = DriveOptions {
                    threads,
                    in_flight: 0,
                };
                let job = |item| align_pair_job(item, &feature_align, &quotes);
                let r = drive(items, opts, job, |f| -> Result<(), WriteError> {
                    if let (Finished::Processed { output, .. }, Some(w)) = (f, out.as_mut()) {
                        for row in output.rows.iter().filter(|r| !is_null_sentence_link(r)) {
                            w.write_row(row)?;
                        }
                    }
                    Ok(())
                });
                assert!(r.is_ok());
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench_run);
criterion_main!(benches);
