//! The quote stage of `talign run`, one document at a time: the demo article against the demo
//! pool with the MUSE en-ru lexicon (from `../shared/data`, core lexicons only when missing), with
//! the lexicons prepared once ([`QuoteJob`], as `talign run` does) and per call ([`pair_quotes`]),
//! and the embedded-post fixture page without a pool.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use talign::align::Lexicon;
use talign::lang::{identify, Detector};
use talign::read::{work_items, ReadOptions, SourceDoc, WorkItem};
use talign::run::quotes::{pair_quotes, read_posts, QuoteOptions, SegmentedDoc};
use talign::run::QuoteJob;
use talign::segment::segment;
use talign::Document;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options() -> QuoteOptions {
    let muse = root().join("../shared/data/lexicons/muse.en-ru.tsv");
    let lexicons = if muse.exists() {
        vec![Lexicon::load(&muse).unwrap_or_else(|e| panic!("{e}"))]
    } else {
        eprintln!("SKIPPED MUSE: ../shared/data/lexicons not found; core lexicons only");
        Vec::new()
    };
    QuoteOptions {
        lexicons,
        ..QuoteOptions::default()
    }
}

/// The embedded-post fixture as `read` gives it: the page with its posts attached.
fn fixture_page() -> SourceDoc {
    let path = root().join("tests/fixtures/embedded_post.html");
    let first = work_items(&[path], None, &ReadOptions::default()).next();
    match first {
        Some(Ok(WorkItem::Single(page))) if !page.posts.is_empty() => page,
        other => panic!("the fixture page should come first, with its posts: {other:?}"),
    }
}

fn bench_quotes(c: &mut Criterion) {
    let article = Document::new(
        "demo",
        read(&root().join("data/demo/000_488fef76da5343e0.txt")),
    );
    let pool = read_posts(&[root().join("data/demo/pool.jsonl")]).unwrap_or_else(|e| panic!("{e}"));
    let opts = options();
    let detector = Detector::new(None);
    let job = QuoteJob::new(pool.clone(), opts.clone(), detector.clone());
    let source = SourceDoc {
        doc: article.clone(),
        ..SourceDoc::default()
    };
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    group.bench_function("demo article, lexicons prepared once (QuoteJob)", |b| {
        b.iter(|| job.run(source.clone()))
    });
    group.bench_function(
        "demo article, lexicons prepared per call (pair_quotes)",
        |b| {
            b.iter(|| {
                let mut segments = segment(&article);
                identify(&article.text, &mut segments, &detector);
                let docs = [SegmentedDoc {
                    doc: article.clone(),
                    segments,
                }];
                pair_quotes(&docs, &pool, &opts)
            })
        },
    );
    let posts_job = QuoteJob::posts_only(opts.clone(), detector.clone());
    let page = fixture_page();
    group.bench_function("page with embedded posts, no pool", |b| {
        b.iter(|| posts_job.run(page.clone()))
    });
    group.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
