//! Development helper: prints the misses of a Tatoeba mining run with the first-pass evidence of
//! the gold entry and of the chosen one (score, content words, the query words each matches);
//! when the gold is the query's best candidate but another query holds it (an assignment loss),
//! both queries' two best candidates by margin and the holder's own gold rank (lines `A`).
//! Usage: cargo run --release --example mine_misses -- rus|spa|ukr|fra|… [N] [--no-lexicon]
//! [--tatoeba DIR] [--lexicon PATH] (default: the shared Tatoeba files and MUSE list)
use std::collections::HashMap;
use talign::align::anchors::Stemmers;
use talign::align::mine::discount::discount_unmatchable;
use talign::align::mine::exact::pair_evidence;
use talign::align::mine::search::{self, Candidate, ScoreParams};
use talign::align::mine::side::{Interner, Item, Role, Side, Translations};
use talign::align::mine::{assign, fallback, learn, rerank};
use talign::align::mine::{core_lexicons, mine, MineOptions};
use talign::align::Lexicon;
use talign::eval::mine::shuffled_pairs;
use talign::Lang;

fn matched(q: &Item, p: &Item) -> String {
    q.words
        .iter()
        .map(|w| {
            let m = w.keys.iter().any(|k| p.keyset.binary_search(k).is_ok());
            if m {
                format!("[{}]", w.norm)
            } else {
                w.norm.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let lang = args.get(1).map(String::as_str).unwrap_or("rus");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(40);
    let use_lex = !args.iter().any(|a| a == "--no-lexicon");
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
    let tatoeba = value("--tatoeba").unwrap_or_else(|| format!("{dir}/tatoeba"));
    let en = std::fs::read_to_string(format!("{tatoeba}/tatoeba.{lang}-eng.eng"))?;
    let fo = std::fs::read_to_string(format!("{tatoeba}/tatoeba.{lang}-eng.{lang}"))?;
    let en: Vec<&str> = en.lines().collect();
    let fo: Vec<&str> = fo.lines().collect();
    let (pool, gold) = shuffled_pairs(&en, &fo, 42);
    let foreign = talign::lang::codes::canonical_code(lang)
        .ok_or_else(|| anyhow::anyhow!("{lang}: not a language code"))?;
    let code = foreign.as_str();
    let mut opts = MineOptions::default();
    if let Some(path) = value("--lexicon") {
        opts.lexicons.push(Lexicon::load(&path)?);
    } else if use_lex {
        let f = std::fs::File::open(format!("{dir}/lexicons/muse.en-{code}.tsv"))?;
        opts.lexicons.push(Lexicon::from_reader(f, "muse")?);
    }
    let (le, lf) = (Lang::new("en").unwrap_or_default(), foreign);
    opts.query_lang = Some(le);
    opts.pool_lang = Some(lf);
    let hits = mine(&en, &pool, &opts);
    let gmap: HashMap<usize, usize> = gold.iter().copied().collect();
    let stemmers = Stemmers::new();
    let mut keys = Interner::default();
    let mut lex: Vec<&Lexicon> = opts.lexicons.iter().collect();
    let core = core_lexicons();
    lex.extend(core.iter());
    let tr = Translations::build(&lex, &[le], &[lf], &stemmers, &mut keys);
    let q: Vec<(&str, Lang)> = en.iter().map(|t| (*t, le)).collect();
    let p: Vec<(&str, Lang)> = pool.iter().map(|t| (*t, lf)).collect();
    let mut qs = Side::build(&q, Role::Query, &stemmers, &tr, &mut keys);
    let mut ps = Side::build(&p, Role::Pool, &stemmers, &tr, &mut keys);
    discount_unmatchable(&mut qs, &mut ps, keys.len());
    let params = ScoreParams::default();
    // The pipeline of `mine_with_langs`, kept to read the final candidate lists.
    let accepted = |c: &Candidate| {
        c.margin >= opts.threshold
            && c.score >= opts.min_score
            && c.gap >= opts.min_gap
            && c.content >= opts.min_content
    };
    let finish = |qs: &Side, ps: &Side, lists: &[Vec<Candidate>]| {
        let cands = search::with_margins(lists, ps, &params);
        let mut a = assign::assign(&cands, qs.items.len(), ps.items.len());
        search::second_round(qs, ps, &mut a, &params);
        fallback::answer_the_rest(qs, ps, &cands, &mut a, &params);
        (a, cands)
    };
    let mut lists = search::candidates(&qs, &ps, keys.len(), &params);
    let (mut assigned, mut cands) = finish(&qs, &ps, &lists);
    let mut fine: Option<rerank::FineModel> = None;
    for _ in 0..2 {
        let confident: Vec<(usize, usize)> = assigned
            .iter()
            .flatten()
            .filter(|c| accepted(c))
            .map(|c| (c.query, c.pool))
            .collect();
        let learned = learn::learn(&qs, &ps, &confident);
        let gained = learn::apply(&mut qs, &learned);
        let new_model = fine.is_none();
        if new_model {
            fine = rerank::FineModel::train(&qs, &ps, &confident);
        }
        if gained > 0 {
            discount_unmatchable(&mut qs, &mut ps, keys.len());
            lists = search::candidates(&qs, &ps, keys.len(), &params);
        } else if !(new_model && fine.is_some()) {
            break;
        }
        if let Some(m) = &fine {
            rerank::refine(&qs, &ps, m, &params, &mut lists);
        }
        (assigned, cands) = finish(&qs, &ps, &lists);
    }
    let holder: HashMap<usize, Candidate> =
        assigned.iter().flatten().map(|c| (c.pool, *c)).collect();
    let mut shown = 0;
    for h in &hits {
        let g = gmap[&h.query];
        if h.pool == Some(g) || shown >= n {
            continue;
        }
        shown += 1;
        let qi = &qs.items[h.query];
        let (gs, gc) = pair_evidence(qi, &ps.items[g], 0.0, &params);
        println!("Q  {}", en[h.query]);
        println!(
            "G  {} | {gs:.3} c{gc} | {}",
            pool[g],
            matched(qi, &ps.items[g])
        );
        let ranked: Vec<&Candidate> = cands.iter().filter(|c| c.query == h.query).collect();
        match ranked.iter().position(|c| c.pool == g) {
            Some(r) => println!(
                "   gold final rank {r} score {:.3} margin {:.3}; held by {:?}",
                ranked[r].score,
                ranked[r].margin,
                holder.get(&g).map(|c| (en[c.query], c.score, c.margin))
            ),
            None => println!("   gold NOT in candidates ({} cands)", ranked.len()),
        }
        if ranked.first().is_some_and(|c| c.pool == g) {
            // An assignment loss: the gold is this query's best, another query holds it.
            let top2 = |qi: usize| -> String {
                let mut v: Vec<&Candidate> = cands.iter().filter(|c| c.query == qi).collect();
                v.sort_by(|a, b| b.margin.total_cmp(&a.margin));
                v.iter()
                    .take(2)
                    .map(|c| format!("{} s{:.3} m{:.3}", pool[c.pool], c.score, c.margin))
                    .collect::<Vec<_>>()
                    .join(" || ")
            };
            println!("   A this query top-2 by margin: {}", top2(h.query));
            if let Some(hc) = holder.get(&g) {
                let hg = gmap[&hc.query];
                let hr: Vec<&Candidate> = cands.iter().filter(|c| c.query == hc.query).collect();
                println!("   A holder  {} top-2: {}", en[hc.query], top2(hc.query));
                println!(
                    "   A holder's gold {} rank {:?}",
                    pool[hg],
                    hr.iter().position(|c| c.pool == hg)
                );
            }
        }
        if let Some(c) = h.pool {
            let (cs, cc) = pair_evidence(qi, &ps.items[c], 0.0, &params);
            println!(
                "C  {} | {cs:.3} c{cc} final {:.3} m {:.3} | {}",
                pool[c],
                h.score,
                h.margin,
                matched(qi, &ps.items[c])
            );
        }
    }
    Ok(())
}
