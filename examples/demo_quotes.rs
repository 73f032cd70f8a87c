//! The quote stage of `talign run` on the demo corpus, from the library: prints the quote-pair
//! CSV (`doc_id,quote_id,speaker,platform,quote_lang,quote_text,original_id,original_lang,
//! original_text,score,margin`).
//! Usage: cargo run --example demo_quotes [-- ARTICLE POOL.jsonl]
use std::path::PathBuf;

use talign::run::quotes::{pair_quotes, read_posts, QuoteOptions, SegmentedDoc};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let article = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "data/demo/000_488fef76da5343e0.txt".into()),
    );
    let pool_path = args.next().unwrap_or_else(|| "data/demo/pool.jsonl".into());
    let doc = talign::read::read_document(&article)?;
    let segments = talign::segment::segment(&doc);
    let pool = read_posts(&[PathBuf::from(&pool_path)])?;
    let rows = pair_quotes(
        &[SegmentedDoc { doc, segments }],
        &pool,
        &QuoteOptions::default(),
    );
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}
