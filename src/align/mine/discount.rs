//! How much a word counts when it could never match: the words of each side that no item of
//! the other side (or, for a query against a pool of several languages, no item of one language)
//! holds a key of are discounted, so they do not dilute the coverage of the words that can.

use super::side::{Item, Side, Word};

/// Share of its weight an unmatchable word keeps: a word none of whose keys occurs anywhere on
/// the other side (an article, a particle without a lexicon entry) cannot show a translation, so it
/// should not dilute the coverage of the words that can.
const UNMATCHABLE_WEIGHT: f32 = 0.25;

/// Scales down (from their base weight) the words of each side that no item of the other side
/// could ever match, and recomputes the items' totals; running it again after keys were added
/// gives the weights for the new keys. Against a pool of several languages each query also gets
/// a total per language ([`Item::total_against`]): an English quote whose words the Russian
/// lexicon reaches in Russian posts is not diluted by them when scored against a Ukrainian one.
pub fn discount_unmatchable(queries: &mut Side, pool: &mut Side, n_keys: usize) {
    let (qv, pv) = (
        key_presence(&queries.items, n_keys, None),
        key_presence(&pool.items, n_keys, None),
    );
    // Against each language of a mixed pool, the query words that no item in it could match.
    let groups: Vec<Vec<bool>> = if pool.langs.len() > 1 {
        (0..pool.langs.len())
            .map(|g| key_presence(&pool.items, n_keys, Some(g)))
            .collect()
    } else {
        Vec::new()
    };
    for it in &mut queries.items {
        it.group_totals = groups
            .iter()
            .map(|gv| it.words.iter().map(|w| discounted(w, gv)).sum())
            .collect();
    }
    for (side, other) in [(queries, &pv), (pool, &qv)] {
        for it in &mut side.items {
            for w in &mut it.words {
                w.weight = discounted(w, other);
            }
            it.total = it.words.iter().map(|w| w.weight).sum();
        }
    }
}

/// Which keys occur in the items (of one language group, when given).
fn key_presence(items: &[Item], n_keys: usize, group: Option<usize>) -> Vec<bool> {
    let mut v = vec![false; n_keys];
    for it in items
        .iter()
        .filter(|it| group.is_none_or(|g| it.group == g))
    {
        for &k in &it.keyset {
            if let Some(x) = v.get_mut(k as usize) {
                *x = true;
            }
        }
    }
    v
}

/// A word's weight against a side whose keys are `present`: its base weight when it could match
/// there (names always could, by spelling), else the unmatchable share of it.
fn discounted(w: &Word, present: &[bool]) -> f32 {
    let matchable = w.name
        || w.keys
            .iter()
            .any(|&k| present.get(k as usize).copied().unwrap_or(false));
    if matchable {
        w.base
    } else {
        w.base * UNMATCHABLE_WEIGHT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Stemmers;
    use crate::align::lexicon::Lexicon;
    use crate::align::mine::side::{Interner, Role, Translations};
    use crate::doc::Lang;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    #[test]
    fn words_only_another_pool_language_can_match_do_not_dilute_a_query() {
        // The English query "medals of war": the lexicons reach "medals" only in Russian and
        // "war" in both Russian and Spanish. Against the Spanish post "la guerra", "medals"
        // could never show, so the query's total there discounts it; against the Russian post
        // it counts in full, and so does the query's score against the Spanish post rise.
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let ru = Lexicon::from_pairs([("medal", "медаль"), ("war", "война")]);
        let es = Lexicon::from_pairs([("war", "guerra")]);
        let tr = Translations::build(
            &[&ru, &es],
            &[l("en")],
            &[l("ru"), l("es")],
            &stemmers,
            &mut keys,
        );
        let mut q = Side::build(
            &[("medals of war", l("en"))],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let pool = [("медаль и война", l("ru")), ("la guerra", l("es"))];
        let mut p = Side::build(&pool, Role::Pool, &stemmers, &tr, &mut keys);
        discount_unmatchable(&mut q, &mut p, keys.len());
        let qi = &q.items[0];
        let (ru_post, es_post) = (&p.items[0], &p.items[1]);
        assert_eq!(qi.total_against(ru_post.group), qi.total);
        assert!(qi.total_against(es_post.group) < qi.total);
        let params = crate::align::mine::search::ScoreParams::default();
        let with = crate::align::mine::exact::pair_evidence(qi, es_post, 0.0, &params).0;
        let mut single = qi.clone();
        single.group_totals.clear();
        let without = crate::align::mine::exact::pair_evidence(&single, es_post, 0.0, &params).0;
        assert!(with > without, "{with} > {without}");
    }
}
