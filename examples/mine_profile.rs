//! Development helper: times the phases of a 10k x 10k synthetic mining job.
use std::time::Instant;
use talign::align::anchors::Stemmers;
use talign::align::mine::search::scored_candidates;
use talign::align::mine::side::{Interner, Role, Side, Translations};
use talign::align::mine::{core_lexicons, ScoreParams};
use talign::align::Lexicon;
use talign::eval::synth::SplitMix64;
use talign::Lang;
include!("/tmp/corpus.rs");
fn main() {
    let (queries, pool, lexicon) = corpus();
    let en = Lang::new("en").unwrap_or_default();
    let ru = Lang::new("ru").unwrap_or_default();
    let t = Instant::now();
    let stemmers = Stemmers::new();
    let mut keys = Interner::default();
    let mut lex = vec![lexicon];
    lex.extend(core_lexicons());
    let tr = Translations::build(&lex, &[en], &[ru], &stemmers, &mut keys);
    println!("translations {:?}", t.elapsed());
    let q: Vec<(&str, Lang)> = queries.iter().map(|s| (s.as_str(), en)).collect();
    let p: Vec<(&str, Lang)> = pool.iter().map(|s| (s.as_str(), ru)).collect();
    let t = Instant::now();
    let qs = Side::build(&q, Role::Query, &stemmers, &tr, &mut keys);
    let ps = Side::build(&p, Role::Pool, &stemmers, &tr, &mut keys);
    println!("sides {:?}", t.elapsed());
    let t = Instant::now();
    let mut sp = ScoreParams::default();
    sp.candidates = std::env::var("C")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    let c = scored_candidates(&qs, &ps, keys.len(), &sp);
    println!("candidates {:?} ({})", t.elapsed(), c.len());
}
