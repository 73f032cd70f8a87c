//! Every query of a non-empty pool gets an answer (a pool entry and a score), whatever its words:
//! idioms whose words all miss the lexicon, texts without letters, more queries than pool
//! entries. `accepted` alone says whether the answer counts.

use proptest::prelude::*;
use talign::align::mine::{mine, MineOptions};
use talign::Lang;

fn opts(query: &str, pool: &str) -> MineOptions {
    MineOptions {
        query_lang: Lang::new(query),
        pool_lang: Lang::new(pool),
        ..MineOptions::default()
    }
}

#[test]
fn an_idiom_whose_words_all_miss_the_index_still_gets_an_answer() {
    let queries = ["I should have kept quiet.", "The war began in 2014."];
    let pool = [
        "La guerre a commencé en 2014.",
        "J'aurais dû me taire.",
        "Il pleut depuis trois jours sur la ville.",
        "Le musée ouvre ses portes à neuf heures.",
    ];
    let hits = mine(&queries, &pool, &opts("en", "fr"));
    assert!(hits.iter().all(|h| h.pool.is_some()), "{hits:?}");
    assert_eq!(hits[1].pool, Some(0));
    assert!(hits[1].accepted, "the dated sentence is a real pair");
}

#[test]
fn more_queries_than_pool_entries_all_get_an_answer() {
    let queries = [
        "The war began in 2014.",
        "Kelly returned the medal.",
        "It is raining.",
        "See you tomorrow.",
    ];
    let pool = ["Война началась в 2014 году."];
    let hits = mine(&queries, &pool, &opts("en", "ru"));
    assert!(hits.iter().all(|h| h.pool == Some(0)), "{hits:?}");
    assert_eq!(hits.iter().filter(|h| h.accepted).count(), 1);
}

#[test]
fn an_empty_pool_gives_no_answer() {
    let hits = mine(&["Hello."], &[], &opts("en", "ru"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].pool, None);
    assert!(!hits[0].accepted);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_query_of_a_non_empty_pool_goes_unanswered(
        queries in prop::collection::vec("[a-z ,.?!0-9']{0,40}", 1..12),
        pool in prop::collection::vec("[а-я ,.?!0-9]{0,40}", 1..12),
    ) {
        let q: Vec<&str> = queries.iter().map(String::as_str).collect();
        let p: Vec<&str> = pool.iter().map(String::as_str).collect();
        let hits = mine(&q, &p, &opts("en", "ru"));
        prop_assert_eq!(hits.len(), q.len());
        for h in &hits {
            prop_assert!(h.pool.is_some_and(|j| j < p.len()), "{:?}", h);
            prop_assert!(h.score.is_finite() && h.margin.is_finite());
        }
    }
}
