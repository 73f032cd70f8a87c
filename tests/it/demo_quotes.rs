//! The demo corpus at library level: the three translated tweets of the seed article find their
//! Russian originals among 42 posts; the English-original quotes (Lueders, the NASA statement)
//! are not paired; no distractor is accepted.

use std::path::Path;

use talign::run::quotes::{pair_quotes, read_posts, QuoteOptions, QuotePair, SegmentedDoc};

fn demo_pairs() -> Vec<QuotePair> {
    demo_pairs_without(&[])
}

fn demo_pairs_without(drop: &[&str]) -> Vec<QuotePair> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo");
    let doc = talign::read::read_document(&root.join("000_488fef76da5343e0.txt"))
        .unwrap_or_else(|e| panic!("demo article: {e}"));
    let segments = talign::segment::segment(&doc);
    let mut pool = read_posts(&[root.join("pool.jsonl")]).unwrap_or_else(|e| panic!("{e}"));
    assert!(pool.len() >= 40, "the demo pool holds at least 40 posts");
    pool.retain(|p| !drop.contains(&p.id.as_str()));
    pair_quotes(
        &[SegmentedDoc { doc, segments }],
        &pool,
        &QuoteOptions::default(),
    )
}

#[test]
fn demo_tweets_pair_with_their_russian_originals() {
    let rows = demo_pairs();
    for r in &rows {
        eprintln!(
            "{} {} {:?} {:?} {} -> {} ({:.3}, {:.3})",
            r.doc_id,
            r.quote_id,
            r.speaker,
            r.platform,
            r.quote_lang,
            r.original_id,
            r.score,
            r.margin
        );
    }
    let paired: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| !r.original_id.is_empty())
        .map(|r| (r.quote_id.as_str(), r.original_id.as_str()))
        .collect();
    assert_eq!(
        paired,
        vec![("q0", "rogozin-1"), ("q1", "kelly-1"), ("q2", "kelly-2")],
        "exactly the three translated tweets are paired, each with its original"
    );
    let by_id = |q: &str| rows.iter().find(|r| r.quote_id == q);
    let q1 = by_id("q1").unwrap_or_else(|| panic!("q1 row"));
    assert_eq!(
        (q1.speaker.as_str(), q1.quote_lang.as_str()),
        ("Kelly", "ru")
    );
    assert_eq!(q1.original_lang, "ru");
    let q0 = by_id("q0").unwrap_or_else(|| panic!("q0 row"));
    assert_eq!(
        (q0.speaker.as_str(), q0.platform.as_str()),
        ("Rogozin", "tweet")
    );
    let q2 = by_id("q2").unwrap_or_else(|| panic!("q2 row"));
    assert_eq!(q2.speaker, "Kelly");
    // Lueders (q6) and the NASA statement (q9, q10, q11) have no row at all.
    for q in ["q6", "q9", "q10", "q11"] {
        assert!(
            by_id(q).is_none(),
            "{q} is an English original and is not paired"
        );
    }
}

#[test]
fn without_the_originals_no_distractor_is_accepted() {
    let rows = demo_pairs_without(&["rogozin-1", "kelly-1", "kelly-2"]);
    let taken: Vec<&str> = rows
        .iter()
        .filter(|r| !r.original_id.is_empty())
        .map(|r| r.original_id.as_str())
        .collect();
    for r in &rows {
        eprintln!(
            "{} -> {} ({:.3}, {:.3})",
            r.quote_id, r.original_id, r.score, r.margin
        );
    }
    assert!(taken.is_empty(), "distractors accepted: {taken:?}");
    // The two cued quotes still have their rows, with no original.
    assert_eq!(rows.len(), 2);
}

#[test]
fn lexicons_prepared_once_pair_exactly_as_per_call() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo");
    let doc = talign::read::read_document(&root.join("000_488fef76da5343e0.txt"))
        .unwrap_or_else(|e| panic!("demo article: {e}"));
    let docs = [SegmentedDoc {
        segments: talign::segment::segment(&doc),
        doc,
    }];
    let pool = read_posts(&[root.join("pool.jsonl")]).unwrap_or_else(|e| panic!("{e}"));
    let per_call = QuoteOptions::default();
    let mut once = QuoteOptions::default();
    once.prepare();
    // Pools with other language mixes in between, so the shared tables serve several
    // combinations and are reused.
    let spanish_only: Vec<_> = pool
        .iter()
        .filter(|p| p.id.starts_with("es-"))
        .cloned()
        .collect();
    for p in [&pool, &spanish_only, &pool] {
        let want = pair_quotes(&docs, p, &per_call);
        assert_eq!(pair_quotes(&docs, p, &once), want);
    }
    assert_eq!(
        pair_quotes(&docs, &pool, &once)
            .iter()
            .filter(|r| !r.original_id.is_empty())
            .count(),
        3
    );
}
