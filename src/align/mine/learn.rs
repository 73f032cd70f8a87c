//! A lexicon learned from the pool itself: the confident one-to-one pairs of a first pass are
//! sentence pairs to train IBM Model 1 on (both directions, [`crate::align::ibm1`]); the word
//! pairs both directions agree on become translations of the query words, and the search runs
//! again. This is how lexical mining reaches words no given lexicon lists (and languages no
//! lexicon covers): the pool's own translations teach them.

use std::collections::HashMap;

use super::side::{Key, Side};
use crate::align::ibm1;

/// EM iterations of each direction.
const ITERATIONS: usize = 5;

/// Least t(f|e) and t(e|f) for a learned pair.
const MIN_PROB: f32 = 0.3;

/// Least number of training pairs a learned word pair occurs in together.
const MIN_COUNT: usize = 2;

/// Fewest confident pairs worth learning from.
pub const MIN_TRAINING_PAIRS: usize = 20;

/// Most training pairs (evenly spread over the confident ones).
const MAX_TRAINING_PAIRS: usize = 50_000;

/// Word translations learned from confident (query, pool) pairs: pairs of (query word's own
/// key, pool word's own key), sorted. Empty when there are fewer than
/// [`MIN_TRAINING_PAIRS`] pairs.
pub fn learn(queries: &Side, pool: &Side, confident: &[(usize, usize)]) -> Vec<(Key, Key)> {
    if confident.len() < MIN_TRAINING_PAIRS {
        return Vec::new();
    }
    let stride = confident.len().div_ceil(MAX_TRAINING_PAIRS).max(1);
    let own = |side: &Side, i: usize| -> Vec<Key> {
        side.items
            .get(i)
            .map(|it| it.words.iter().filter_map(|w| w.own).collect())
            .unwrap_or_default()
    };
    let data: Vec<(Vec<Key>, Vec<Key>)> = confident
        .iter()
        .step_by(stride)
        .map(|&(q, p)| (own(queries, q), own(pool, p)))
        .filter(|(e, f)| !e.is_empty() && !f.is_empty())
        .collect();
    let refs: Vec<(&[Key], &[Key])> = data
        .iter()
        .map(|(a, b)| (a.as_slice(), b.as_slice()))
        .collect();
    ibm1::learn_pairs(&refs, ITERATIONS, MIN_PROB, MIN_COUNT)
}

/// Adds learned translations to the query words whose own key they pair, and to their items'
/// key sets. Returns how many words gained a key.
pub fn apply(queries: &mut Side, learned: &[(Key, Key)]) -> usize {
    let mut map: HashMap<Key, Vec<Key>> = HashMap::new();
    for &(e, f) in learned {
        map.entry(e).or_default().push(f);
    }
    let mut gained = 0;
    for item in &mut queries.items {
        let mut changed = false;
        for w in &mut item.words {
            let Some(fs) = w.own.and_then(|e| map.get(&e)) else {
                continue;
            };
            let before = w.keys.len();
            w.keys.extend_from_slice(fs);
            w.keys.sort_unstable();
            w.keys.dedup();
            if w.keys.len() > before {
                gained += 1;
                changed = true;
                item.keyset.extend_from_slice(fs);
            }
        }
        if changed {
            item.keyset.sort_unstable();
            item.keyset.dedup();
        }
    }
    gained
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Stemmers;
    use crate::align::mine::side::{Interner, Role, Translations};
    use crate::doc::Lang;

    #[test]
    fn words_no_lexicon_lists_are_learned_from_confident_pairs() {
        let (en, xx) = (
            Lang::new("en").unwrap_or_default(),
            Lang::new("tr").unwrap_or_default(),
        );
        // "kedi" (cat) comes with "cat" in many pairs that other evidence made confident.
        let q: Vec<String> = (0..30).map(|i| format!("the cat {i} sleeps")).collect();
        let p: Vec<String> = (0..30).map(|i| format!("kedi {i} uyuyor")).collect();
        let qs: Vec<(&str, Lang)> = q.iter().map(|t| (t.as_str(), en)).collect();
        let ps: Vec<(&str, Lang)> = p.iter().map(|t| (t.as_str(), xx)).collect();
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let tr = Translations::default();
        let mut q_side = Side::build(&qs, Role::Query, &stemmers, &tr, &mut keys);
        let p_side = Side::build(&ps, Role::Pool, &stemmers, &tr, &mut keys);
        let confident: Vec<(usize, usize)> = (0..30).map(|i| (i, i)).collect();
        let learned = learn(&q_side, &p_side, &confident);
        let cat = keys.get(&format!("sen:{}", stemmers.stem("cat", en)));
        let kedi = keys.get(&format!("str:{}", stemmers.stem("kedi", xx)));
        assert!(cat.is_some() && kedi.is_some());
        let pair = (cat.unwrap_or(0), kedi.unwrap_or(0));
        assert!(learned.contains(&pair), "{learned:?}");
        assert!(apply(&mut q_side, &learned) >= 30);
        assert!(q_side.items[0].keyset.contains(&pair.1));
        assert!(
            learn(&q_side, &p_side, &confident[..5]).is_empty(),
            "too few pairs"
        );
    }
}
