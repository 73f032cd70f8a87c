//! IBM Model 1, trained by expectation-maximisation in both directions on sentence pairs a first
//! alignment pass is confident about: a translation lexicon learned from the document pair itself.

use rustc_hash::FxHashMap as HashMap;

use super::score::TokenId;

/// Translation probabilities t(f | e) of one direction, over co-occurring word pairs.
#[derive(Debug, Default, Clone)]
pub struct Model1 {
    /// Dense index of each co-occurring (e, f).
    index: HashMap<(TokenId, TokenId), u32>,
    /// The pairs in index order.
    keys: Vec<(TokenId, TokenId)>,
    /// t(f | e) in index order.
    t: Vec<f32>,
}

/// The null word (a target word may come from no source word).
const NULL: TokenId = TokenId::MAX;

impl Model1 {
    /// Trains t(f | e) with `iterations` EM steps on (source words, target words) pairs.
    ///
    /// Every co-occurring (e, f) gets a dense index once, so the EM loop runs over flat arrays.
    pub fn train(pairs: &[(&[TokenId], &[TokenId])], iterations: usize) -> Self {
        let cells_total: usize = pairs.iter().map(|(e, f)| f.len() * (e.len() + 1)).sum();
        let mut index: HashMap<(TokenId, TokenId), u32> = HashMap::default();
        index.reserve(cells_total / 2);
        let mut keys: Vec<(TokenId, TokenId)> = Vec::new();
        let mut source_of: Vec<u32> = Vec::new();
        let mut source_index: HashMap<TokenId, u32> = HashMap::default();
        // Per training pair: for each target word, the ids of (e, f) for its sources and null.
        let mut cells: Vec<Vec<u32>> = Vec::with_capacity(pairs.len());
        for (es, fs) in pairs {
            let mut ids = Vec::with_capacity(fs.len() * (es.len() + 1));
            for &f in fs.iter() {
                for &e in es.iter().chain(std::iter::once(&NULL)) {
                    let next = keys.len() as u32;
                    let id = *index.entry((e, f)).or_insert_with(|| {
                        keys.push((e, f));
                        let next_source = source_index.len() as u32;
                        source_of.push(*source_index.entry(e).or_insert(next_source));
                        next
                    });
                    ids.push(id);
                }
            }
            cells.push(ids);
        }
        let mut t = vec![1.0f32; keys.len()];
        let mut count = vec![0.0f32; keys.len()];
        let mut total = vec![0.0f32; source_index.len()];
        for _ in 0..iterations {
            count.iter_mut().for_each(|c| *c = 0.0);
            total.iter_mut().for_each(|c| *c = 0.0);
            for ((es, _), ids) in pairs.iter().zip(&cells) {
                for row in ids.chunks(es.len() + 1) {
                    let z: f32 = row.iter().map(|&id| t[id as usize]).sum();
                    if z <= 0.0 {
                        continue;
                    }
                    for &id in row {
                        let c = t[id as usize] / z;
                        count[id as usize] += c;
                        total[source_of[id as usize] as usize] += c;
                    }
                }
            }
            for (id, v) in t.iter_mut().enumerate() {
                let tot = total[source_of[id] as usize];
                *v = if tot > 0.0 { count[id] / tot } else { 0.0 };
            }
        }
        Model1 { index, keys, t }
    }

    /// Every (e, f) seen together with t(f | e).
    pub fn entries(&self) -> impl Iterator<Item = ((TokenId, TokenId), f32)> + '_ {
        self.keys.iter().copied().zip(self.t.iter().copied())
    }

    /// t(f | e), 0 for pairs never seen together.
    pub fn prob(&self, e: TokenId, f: TokenId) -> f32 {
        self.index
            .get(&(e, f))
            .and_then(|&id| self.t.get(id as usize))
            .copied()
            .unwrap_or(0.0)
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
    // The two directions are independent: trained side by side (each is serial).
    let (forward, backward) = rayon::join(
        || Model1::train(pairs, iterations),
        || {
            let swapped: Vec<(&[TokenId], &[TokenId])> =
                pairs.iter().map(|&(a, b)| (b, a)).collect();
            Model1::train(&swapped, iterations)
        },
    );
    let mut candidates: Vec<(TokenId, TokenId)> = forward
        .entries()
        .filter(|&((e, f), p)| e != NULL && p >= min_prob && backward.prob(f, e) >= min_prob)
        .map(|(k, _)| k)
        .collect();
    candidates.sort_unstable();
    // Co-occurrence counts of the candidates only, from per-word lists of training pairs.
    let mut postings: HashMap<(bool, TokenId), Vec<u32>> = HashMap::default();
    for (k, (es, fs)) in pairs.iter().enumerate() {
        for (side, words) in [(false, es), (true, fs)] {
            for &w in words.iter() {
                let list = postings.entry((side, w)).or_default();
                if list.last() != Some(&(k as u32)) {
                    list.push(k as u32);
                }
            }
        }
    }
    let together = |e: TokenId, f: TokenId| -> usize {
        let (Some(a), Some(b)) = (postings.get(&(false, e)), postings.get(&(true, f))) else {
            return 0;
        };
        let (mut x, mut y, mut c) = (0, 0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Equal => {
                    c += 1;
                    x += 1;
                    y += 1;
                }
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
            }
        }
        c
    };
    candidates.retain(|&(e, f)| together(e, f) >= min_count);
    candidates
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
