//! The news quote test (`talign::eval::quote_synth::news`, FLORES devtest): paragraphs with
//! several speakers, attributions before, after and around their quotes, cues in the next
//! sentence, quotes with bare or outside punctuation, English-original quotes whose translations
//! wait in the pool as traps, and Spanish, Russian and Ukrainian articles quoting English posts.
//! One seed, paired one article at a time and settled by the run-wide claims as `talign run` does; the full figures per class come
//! from `cargo run --release --example quote_news`. Skips loudly without `../shared/data`.

use talign::align::Lexicon;
use talign::eval::quote_synth::news::{build_news, score_news, NewsOptions, Parallel};
use talign::eval::synth::Flores;
use talign::run::claims::{pair_each, release_claimed_pairs};
use talign::run::quotes::{prepare_pool, QuoteOptions, SegmentedDoc};
use talign::Lang;

#[test]
fn news_quotes_pair_with_their_originals_and_never_with_a_trap() {
    let (Some(data), Some(_)) = (
        crate::common::shared_data("flores"),
        crate::common::shared_data("lexicons"),
    ) else {
        return;
    };
    let lex = data.join("lexicons");
    let flores = Flores::load(&data.join("flores"))
        .unwrap_or_else(|e| panic!("{}: {e}", data.join("flores").display()));
    let corpus = Parallel::from_flores(&flores);
    let l = |c: &str| Lang::new(c).unwrap_or_default();
    let test = build_news(
        &corpus,
        &NewsOptions {
            articles: vec![(l("en"), 12), (l("es"), 4), (l("ru"), 4), (l("uk"), 4)],
            distractors: 3,
            seed: 11,
        },
    );
    let mut opts = QuoteOptions::default();
    for lang in ["ru", "es"] {
        let p = lex.join(format!("muse.en-{lang}.tsv"));
        opts.lexicons
            .push(Lexicon::load(&p).unwrap_or_else(|e| panic!("{e}")));
    }
    opts.prepare();
    let pool = prepare_pool(&test.pool);
    let docs = test.docs.iter().map(|doc| SegmentedDoc {
        segments: talign::segment::segment(doc),
        doc: doc.clone(),
    });
    let (mut rows, claims) = pair_each(docs, &pool, &opts);
    release_claimed_pairs(&mut rows, &claims);
    let s = score_news(&test, &rows);
    eprintln!(
        "news quotes: gold {} found {} correct {} P {:.3} R {:.3} traps {} cut or merged {}",
        s.all.gold,
        s.all.found,
        s.all.correct,
        s.all.precision(),
        s.all.recall(),
        s.trap_pairs,
        s.unmatched
    );
    assert_eq!(s.trap_pairs, 0, "a translated quote paired with a trap");
    assert!(s.all.precision() >= 0.95, "P {:.3}", s.all.precision());
    assert!(s.all.recall() >= 0.85, "R {:.3}", s.all.recall());
    for lang in ["es", "ru", "uk"] {
        let c = s
            .classes
            .get(&format!("lang:{lang}"))
            .copied()
            .unwrap_or_default();
        assert!(c.gold > 0, "{lang} articles were built");
        assert!(c.precision() >= 0.9, "{lang}: P {:.3}", c.precision());
    }
}
