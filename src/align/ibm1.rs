//! IBM Model 1, trained by expectation-maximisation in both directions on sentence pairs a first
//! alignment pass is confident about: a translation lexicon learned from the document pair itself.

use std::collections::HashMap;

use super::score::TokenId;

/// Translation probabilities t(f | e) of one direction, over co-occurring word pairs.
#[derive(Debug, Default, Clone)]
pub struct Model1 {
    /// t(f | e) keyed by (e, f).
    pub t: HashMap<(TokenId, TokenId), f32>,
}

/// The null word (a target word may come from no source word).
const NULL: TokenId = TokenId::MAX;

impl Model1 {
    /// Trains t(f | e) with `iterations` EM steps on (source words, target words) pairs.
    pub fn train(pairs: &[(&[TokenId], &[TokenId])], iterations: usize) -> Self {
        let mut t: HashMap<(TokenId, TokenId), f32> = HashMap::new();
        for (es, fs) in pairs {
            for &f in fs.iter() {
                for &e in es.iter().chain(std::iter::once(&NULL)) {
                    t.insert((e, f), 1.0);
                }
            }
        }
        let mut count: HashMap<(TokenId, TokenId), f32> = HashMap::with_capacity(t.len());
        let mut total: HashMap<TokenId, f32> = HashMap::new();
        for _ in 0..iterations {
            count.clear();
            total.clear();
            for (es, fs) in pairs {
                for &f in fs.iter() {
                    let z: f32 = es
                        .iter()
                        .chain(std::iter::once(&NULL))
                        .map(|&e| t.get(&(e, f)).copied().unwrap_or(0.0))
                        .sum();
                    if z <= 0.0 {
                        continue;
                    }
                    for &e in es.iter().chain(std::iter::once(&NULL)) {
                        let c = t.get(&(e, f)).copied().unwrap_or(0.0) / z;
                        *count.entry((e, f)).or_insert(0.0) += c;
                        *total.entry(e).or_insert(0.0) += c;
                    }
                }
            }
            for (&(e, f), v) in t.iter_mut() {
                let c = count.get(&(e, f)).copied().unwrap_or(0.0);
                let tot = total.get(&e).copied().unwrap_or(0.0);
                *v = if tot > 0.0 { c / tot } else { 0.0 };
            }
        }
        Model1 { t }
    }

    /// t(f | e), 0 for pairs never seen together.
    pub fn prob(&self, e: TokenId, f: TokenId) -> f32 {
        self.t.get(&(e, f)).copied().unwrap_or(0.0)
    }
}

/// Word pairs both directions agree on: t(f|e) ≥ `min_prob` and t(e|f) ≥ `min_prob`, from sentence
/// pairs (source words, target words), seen together at least `min_count` times. Sorted.
pub fn learn_pairs(
    pairs: &[(&[TokenId], &[TokenId])],
    iterations: usize,
    min_prob: f32,
    min_count: usize,
) -> Vec<(TokenId, TokenId)> {
    let forward = Model1::train(pairs, iterations);
    let swapped: Vec<(&[TokenId], &[TokenId])> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    let backward = Model1::train(&swapped, iterations);
    let mut cooc: HashMap<(TokenId, TokenId), usize> = HashMap::new();
    for (es, fs) in pairs {
        let mut seen: Vec<(TokenId, TokenId)> = es
            .iter()
            .flat_map(|&e| fs.iter().map(move |&f| (e, f)))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for p in seen {
            *cooc.entry(p).or_insert(0) += 1;
        }
    }
    let mut out: Vec<(TokenId, TokenId)> = cooc
        .into_iter()
        .filter(|&((e, f), c)| {
            c >= min_count && forward.prob(e, f) >= min_prob && backward.prob(f, e) >= min_prob
        })
        .map(|(p, _)| p)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_word_translations_from_sentence_pairs() {
        // 1 = "das", 2 = "haus", 3 = "buch"; 11 = "la", 12 = "maison", 13 = "livre"
        let data: Vec<(Vec<TokenId>, Vec<TokenId>)> = vec![
            (vec![1, 2], vec![11, 12]),
            (vec![1, 3], vec![11, 13]),
            (vec![2], vec![12]),
            (vec![3, 1], vec![13, 11]),
        ];
        let pairs: Vec<(&[TokenId], &[TokenId])> = data
            .iter()
            .map(|(a, b)| (a.as_slice(), b.as_slice()))
            .collect();
        let m = Model1::train(&pairs, 10);
        assert!(m.prob(2, 12) > m.prob(2, 11));
        assert!(m.prob(3, 13) > m.prob(3, 11));
        let learned = learn_pairs(&pairs, 10, 0.3, 2);
        assert!(learned.contains(&(1, 11)), "{learned:?}");
        assert!(learned.contains(&(2, 12)), "{learned:?}");
        assert!(!learned.contains(&(2, 11)), "{learned:?}");
    }
}
