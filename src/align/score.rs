//! Link scoring: sentences become weighted bags of match keys (identical words, cognate classes,
//! numbers, punctuation shapes, lexicon pairs), and a link is scored by its length match and by
//! how much of its matchable weight the two sides share.

use super::edges::{self, SideEdges};
use super::features::continues;
use super::length::LengthModel;
use super::lexicon::DocLexicon;
pub use super::params::ScoreParams;
pub use super::vocab::{TokenId, Tokenised};

/// Words of this many letters or more count as content words a lexicon lists (shorter ones are
/// mostly function words, listed with translations every sentence holds).
const MIN_LISTED_CHARS: usize = 4;

/// Words shorter than this match only through a lexicon (given or learned), not by identity.
const MIN_IDENTITY_CHARS: usize = 3;

/// A sentence or span as sorted (key, weight) entries over keys seen on both sides.
pub type Bag = Vec<(u32, f32)>;

/// Merges two bags, adding the weights of shared keys.
fn merge(a: &[(u32, f32)], b: &[(u32, f32)]) -> Bag {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        let (ka, wa) = a[x];
        let (kb, wb) = b[y];
        if ka == kb {
            out.push((ka, wa + wb));
            x += 1;
            y += 1;
        } else if ka < kb {
            out.push((ka, wa));
            x += 1;
        } else {
            out.push((kb, wb));
            y += 1;
        }
    }
    out.extend_from_slice(&a[x..]);
    out.extend_from_slice(&b[y..]);
    out
}

/// The weight two bags share: the sum over common keys of the smaller weight.
pub fn shared_weight(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut x, mut y, mut m) = (0, 0, 0.0);
    while x < a.len() && y < b.len() {
        let (ka, wa) = a[x];
        let (kb, wb) = b[y];
        if ka == kb {
            m += wa.min(wb);
            x += 1;
            y += 1;
        } else if ka < kb {
            x += 1;
        } else {
            y += 1;
        }
    }
    m
}

/// One side's bags for every span of 1..=`max_span` consecutive sentences, with their total
/// weights and prefix sums of sentence lengths.
#[derive(Debug, Default)]
pub struct SideBags {
    /// `spans[k][i]`: the bag of sentences `i..i+k+1`.
    pub spans: Vec<Vec<Bag>>,
    /// `totals[k][i]`: the total weight of `spans[k][i]`.
    pub totals: Vec<Vec<f32>>,
    /// `len_prefix[i]`: total length of sentences `0..i`.
    pub len_prefix: Vec<f64>,
    /// `joint_prefix[i]`: how many junctions before sentence `i` (between k-1 and k, k < i)
    /// look like one sentence continuing (see [`continues`]).
    pub joint_prefix: Vec<u32>,
    /// `listed[i]`: words of sentence `i` (of `MIN_LISTED_CHARS`+ letters) a given lexicon
    /// lists, translated in the document or not: how much a lexicon can say about the sentence.
    pub listed: Vec<u32>,
    /// `listed_keys[i]`: the translation-class keys of those words of sentence `i` that a
    /// translation in the document gives a class (sorted; a listed word without one has no key):
    /// which of them the other side of a link translates.
    pub listed_keys: Vec<Vec<u32>>,
    /// The words at the start and end of each sentence (see [`edges`]).
    pub edges: SideEdges,
}

impl SideBags {
    fn new(sentence_bags: Vec<Bag>, extra: &[f32], lengths: &[f64], max_span: usize) -> Self {
        let mut len_prefix = Vec::with_capacity(lengths.len() + 1);
        len_prefix.push(0.0);
        for l in lengths {
            len_prefix.push(len_prefix.last().copied().unwrap_or(0.0) + l);
        }
        let mut spans = vec![sentence_bags];
        for k in 1..max_span.max(1) {
            let (prev, first) = (&spans[k - 1], &spans[0]);
            let next: Vec<Bag> = (0..first.len().saturating_sub(k))
                .map(|i| merge(&prev[i], &first[i + k]))
                .collect();
            spans.push(next);
        }
        let totals = spans
            .iter()
            .enumerate()
            .map(|(k, v)| {
                v.iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let unmatched: f32 = extra.iter().skip(i).take(k + 1).sum();
                        b.iter().map(|e| e.1).sum::<f32>() + unmatched
                    })
                    .collect()
            })
            .collect();
        SideBags {
            spans,
            totals,
            len_prefix,
            joint_prefix: Vec::new(),
            listed: Vec::new(),
            listed_keys: Vec::new(),
            edges: SideEdges::default(),
        }
    }

    /// Records which junctions between neighbouring sentences look like continuations.
    pub fn set_joints(&mut self, sentences: &[&str]) {
        let mut prefix = vec![0u32; sentences.len() + 1];
        for k in 1..sentences.len() {
            prefix[k + 1] = prefix[k] + u32::from(continues(sentences[k - 1], sentences[k]));
        }
        self.joint_prefix = prefix;
    }

    /// True when the junction before sentence `k` (between k-1 and k) looks like a continuation.
    pub fn joint_before(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.joint_prefix.get(k), self.joint_prefix.get(k + 1)) else {
            return false;
        };
        k > 0 && b > a
    }

    /// Continuation junctions at the two edges of the span `i..i+a` (a run left unaligned there
    /// would cut a sentence in two).
    pub fn edge_joints(&self, i: usize, a: usize) -> u32 {
        u32::from(self.joint_before(i)) + u32::from(self.joint_before(i + a))
    }

    /// Continuation junctions inside the span of sentences `i..i+a`.
    pub fn joints(&self, i: usize, a: usize) -> u32 {
        if a < 2 {
            return 0;
        }
        let end = self.joint_prefix.get(i + a).copied().unwrap_or(0);
        end.saturating_sub(self.joint_prefix.get(i + 1).copied().unwrap_or(0))
    }

    /// Total length of sentences `i..i+a`.
    pub fn length(&self, i: usize, a: usize) -> f64 {
        let end = self.len_prefix.get(i + a).copied().unwrap_or(0.0);
        end - self.len_prefix.get(i).copied().unwrap_or(0.0)
    }

    /// The bag and total weight of sentences `i..i+a` (a ≥ 1).
    pub fn span(&self, i: usize, a: usize) -> (&[(u32, f32)], f32) {
        let k = a.saturating_sub(1);
        let bag = self
            .spans
            .get(k)
            .and_then(|v| v.get(i))
            .map_or(&[][..], Vec::as_slice);
        let total = self
            .totals
            .get(k)
            .and_then(|v| v.get(i))
            .copied()
            .unwrap_or(0.0);
        (bag, total)
    }
}

/// The bags of both sides, built from tokens and a list of word pairs that match.
#[derive(Debug, Default)]
pub struct PairBags {
    /// The source side.
    pub src: SideBags,
    /// The target side.
    pub tgt: SideBags,
}

impl PairBags {
    /// Builds the bags: a token's keys are its own id, one key per word pair it belongs to
    /// (cognates, learned pairs), and its lexicon translation class; keys are weighted by inverse
    /// sentence frequency; keys that never occur on both sides are dropped (they cannot match).
    /// A word that cannot match still weighs `unmatched` times its weight in its sentence's total,
    /// or `unmatched_known` times when a lexicon lists it (its translation is known to be absent
    /// from the other side: the sentence is less covered). `with_edges`: also record the
    /// sentences' edges (see [`edges`]), which only a search with moved boundaries reads.
    pub fn build(
        tok: &Tokenised,
        pairs: &[(TokenId, TokenId)],
        lex: &DocLexicon,
        lengths: (&[f64], &[f64]),
        max_span: usize,
        (unmatched, unmatched_known, lexicon): (f32, f32, f32),
        with_edges: bool,
    ) -> Self {
        let v = tok.vocab.len();
        // Words match by identity only from MIN_IDENTITY_CHARS letters on: one- and two-letter
        // words coincide across languages by accident (English "a", Ukrainian "а" = "and").
        let own = |t: usize| {
            !(tok.is_word.get(t).copied().unwrap_or(false)
                && tok.vocab.get(t).map_or(0, |w| w.chars().count()) < MIN_IDENTITY_CHARS)
        };
        let class_base = v + pairs.len();
        let keys_of = KeyTable::build(v, own, pairs, &lex.class, class_base);
        let nkeys = class_base + lex.classes;
        let bags_of = |sentences: &[Vec<TokenId>]| -> Vec<Bag> {
            let mut ks: Vec<u32> = Vec::new();
            sentences
                .iter()
                .map(|tokens| {
                    ks.clear();
                    for &t in tokens {
                        ks.extend_from_slice(keys_of.of(t as usize));
                    }
                    ks.sort_unstable();
                    let mut bag: Bag = Vec::with_capacity(ks.len());
                    for &k in &ks {
                        match bag.last_mut() {
                            Some(last) if last.0 == k => last.1 += 1.0,
                            _ => bag.push((k, 1.0)),
                        }
                    }
                    bag
                })
                .collect()
        };
        let (src, tgt) = rayon::join(|| bags_of(&tok.src), || bags_of(&tok.tgt));
        let mut df = vec![(0u32, 0u32); nkeys];
        for bag in &src {
            for &(k, _) in bag {
                df[k as usize].0 += 1;
            }
        }
        for bag in &tgt {
            for &(k, _) in bag {
                df[k as usize].1 += 1;
            }
        }
        let n = (src.len() + tgt.len()).max(2) as f32;
        // Matchable keys weigh their idf; keys seen on one side only cannot match and weigh
        // `unmatched` times their idf in the denominator only.
        let weight: Vec<(f32, bool)> = (0..nkeys)
            .map(|k| {
                let (a, b) = df[k];
                let idf = (n / (a + b).max(1) as f32).ln().max(0.1);
                let kind = if k >= class_base {
                    lexicon
                } else {
                    tok.vocab.get(k).map_or(1.0, |s| key_kind_weight(s))
                };
                (idf * kind, a > 0 && b > 0)
            })
            .collect();
        let class_key = |c: u32| (class_base + c as usize) as u32;
        // one side's bags weighed, its spans merged, its listed words found
        let side = |mut bags: Vec<Bag>, known: &[bool], sents: &[Vec<TokenId>], lengths: &[f64]| {
            let extra: Vec<f32> = bags
                .iter_mut()
                .map(|bag| {
                    let mut extra = 0.0;
                    bag.retain_mut(|(k, c)| {
                        let (w, matchable) = weight[*k as usize];
                        let t = *k as usize;
                        if !matchable && t < v {
                            let listed = known.get(t).copied().unwrap_or(false)
                                && lex.class.get(t).is_some_and(Option::is_none);
                            extra += *c * w * if listed { unmatched_known } else { unmatched };
                        }
                        *c *= w;
                        matchable
                    });
                    extra
                })
                .collect();
            let mut bags = SideBags::new(bags, &extra, lengths, max_span);
            (bags.listed, bags.listed_keys) =
                listed_words(tok, sents, known, &lex.class, class_key);
            bags
        };
        let ((mut src_side, mut tgt_side), (src_edges, tgt_edges)) = rayon::join(
            || {
                rayon::join(
                    || side(src, &lex.known_src, &tok.src, lengths.0),
                    || side(tgt, &lex.known_tgt, &tok.tgt, lengths.1),
                )
            },
            || {
                if with_edges {
                    edges::build(tok, pairs, &lex.class, &keys_of, &weight)
                } else {
                    Default::default()
                }
            },
        );
        src_side.edges = src_edges;
        tgt_side.edges = tgt_edges;
        PairBags {
            src: src_side,
            tgt: tgt_side,
        }
    }
}

/// The match keys of every token, in one flat table: its own id (unless too short to match as
/// itself), one key per word pair it belongs to, and its lexicon translation class.
pub struct KeyTable {
    /// `starts[t]..starts[t + 1]`: token `t`'s keys in `keys`.
    starts: Vec<u32>,
    keys: Vec<u32>,
}

impl KeyTable {
    fn build(
        v: usize,
        own: impl Fn(usize) -> bool,
        pairs: &[(TokenId, TokenId)],
        class: &[Option<u32>],
        class_base: usize,
    ) -> Self {
        let owns: Vec<bool> = (0..v).map(own).collect();
        let mut count: Vec<u32> = owns
            .iter()
            .enumerate()
            .map(|(t, &o)| u32::from(o) + u32::from(class.get(t).is_some_and(Option::is_some)))
            .collect();
        for &(s, t) in pairs {
            for x in [s, t] {
                if let Some(c) = count.get_mut(x as usize) {
                    *c += 1;
                }
            }
        }
        let mut starts = Vec::with_capacity(v + 1);
        let mut total = 0u32;
        for c in &count {
            starts.push(total);
            total += c;
        }
        starts.push(total);
        let mut keys = vec![0u32; total as usize];
        // next free slot of each token
        let mut next: Vec<u32> = starts[..v].to_vec();
        let mut put = |t: usize, key: u32, next: &mut Vec<u32>| {
            if let Some(slot) = next.get_mut(t) {
                if let Some(k) = keys.get_mut(*slot as usize) {
                    *k = key;
                }
                *slot += 1;
            }
        };
        for t in (0..v).filter(|&t| owns[t]) {
            put(t, t as u32, &mut next);
        }
        for (k, &(s, t)) in pairs.iter().enumerate() {
            let key = (v + k) as u32;
            put(s as usize, key, &mut next);
            put(t as usize, key, &mut next);
        }
        for (t, c) in class.iter().enumerate().take(v) {
            if let Some(c) = c {
                put(t, (class_base + *c as usize) as u32, &mut next);
            }
        }
        KeyTable { starts, keys }
    }

    /// Token `t`'s keys (none for an unknown token).
    pub fn of(&self, t: usize) -> &[u32] {
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => self.keys.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Per sentence, how many of its words (of `MIN_LISTED_CHARS`+ letters) a lexicon lists
/// (`known`), and the sorted translation-class keys of those of them a translation in the
/// document gives a class.
fn listed_words(
    tok: &Tokenised,
    sents: &[Vec<TokenId>],
    known: &[bool],
    class: &[Option<u32>],
    class_key: impl Fn(u32) -> u32,
) -> (Vec<u32>, Vec<Vec<u32>>) {
    let is_listed = |t: TokenId| {
        known.get(t as usize).copied().unwrap_or(false)
            && tok.vocab.get(t as usize).map_or(0, |w| w.chars().count()) >= MIN_LISTED_CHARS
    };
    sents
        .iter()
        .map(|s| {
            let words: Vec<TokenId> = s.iter().copied().filter(|&t| is_listed(t)).collect();
            let mut keys: Vec<u32> = words
                .iter()
                .filter_map(|&t| class.get(t as usize).copied().flatten())
                .map(&class_key)
                .collect();
            keys.sort_unstable();
            (words.len() as u32, keys)
        })
        .unzip()
}

/// Extra weight by token kind: numbers are strong anchors, punctuation shapes weak ones.
fn key_kind_weight(token: &str) -> f32 {
    if token.starts_with("#n") {
        2.0
    } else if token.starts_with("#p") {
        0.5
    } else {
        1.0
    }
}

/// Scores links between spans of a document pair.
#[derive(Debug)]
pub struct Scorer<'a> {
    /// The bags of both sides.
    pub bags: &'a PairBags,
    /// The length model.
    pub length: LengthModel,
    /// The constants.
    pub params: ScoreParams,
    /// `null_src[k][i]`: the score of leaving source sentences `i..i+k+1` unaligned (cached:
    /// the search asks for every run length at every state).
    null_src: Vec<Vec<f64>>,
    /// The same for target sentences.
    null_tgt: Vec<Vec<f64>>,
}

impl<'a> Scorer<'a> {
    /// A scorer, with the scores of unaligned runs of up to `max_gap` sentences precomputed.
    pub fn new(
        bags: &'a PairBags,
        length: LengthModel,
        params: ScoreParams,
        max_gap: usize,
    ) -> Self {
        let mut scorer = Scorer {
            bags,
            length,
            params,
            null_src: Vec::new(),
            null_tgt: Vec::new(),
        };
        let n = bags.src.len_prefix.len().saturating_sub(1);
        let m = bags.tgt.len_prefix.len().saturating_sub(1);
        scorer.null_src = (1..=max_gap.max(1))
            .map(|a| (0..n).map(|i| scorer.null_score(i, a, 0, 0)).collect())
            .collect();
        scorer.null_tgt = (1..=max_gap.max(1))
            .map(|b| (0..m).map(|j| scorer.null_score(0, 0, j, b)).collect())
            .collect();
        scorer
    }

    /// The score of leaving `a` source sentences from `i` (or `b` target sentences from `j`)
    /// unaligned; one of `a`, `b` is 0.
    fn null_score(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let p = &self.params;
        let lp = self
            .length
            .log_prob(self.bags.src.length(i, a), self.bags.tgt.length(j, b));
        // Affine gap: the first unaligned sentence of a run costs `null`, the others
        // `null_extend` each (untranslated passages, captions and notes come in blocks).
        let extend = (a + b).saturating_sub(1) as f64;
        let cut = self.bags.src.edge_joints(i, a) * u32::from(a > 0)
            + self.bags.tgt.edge_joints(j, b) * u32::from(b > 0);
        p.null + p.null_extend * extend + p.null_length * lp - p.cohesion * f64::from(cut)
    }

    /// Lexical similarity of `a` source sentences from `i` and `b` target sentences from `j`:
    /// shared weight over the mean matchable weight, 0 to 1.
    pub fn similarity(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let (sb, sw) = self.bags.src.span(i, a);
        let (tb, tw) = self.bags.tgt.span(j, b);
        let m = shared_weight(sb, tb) as f64;
        2.0 * m / (sw as f64 + tw as f64 + self.params.smoothing)
    }

    /// The score of a link (higher is better).
    pub fn score(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        self.score_above(i, a, j, b, f64::NEG_INFINITY)
    }

    /// The score of a link, or a value ≤ `floor` when the link cannot score above `floor`
    /// (its lexical similarity, at most 1, is then not computed). A link with two or more
    /// sentences on each side scores at least as its split does when the translation moved
    /// the boundary between the split's parts (see [`edges`]).
    pub fn score_above(&self, i: usize, a: usize, j: usize, b: usize, floor: f64) -> f64 {
        if a < 2 || b < 2 {
            return self.score_as_one(i, a, j, b, floor);
        }
        match self.moved_split(i, a, j, b) {
            Some(alt) => self.score_as_one(i, a, j, b, floor.max(alt)).max(alt),
            None => self.score_as_one(i, a, j, b, floor),
        }
    }

    /// The score of a link with each side taken as one sentence, or a value ≤ `floor` when it
    /// cannot score above `floor`.
    fn score_as_one(&self, i: usize, a: usize, j: usize, b: usize, floor: f64) -> f64 {
        let p = &self.params;
        if a == 0 || b == 0 {
            let cached = if b == 0 {
                self.null_src.get(a.wrapping_sub(1)).and_then(|v| v.get(i))
            } else {
                self.null_tgt.get(b.wrapping_sub(1)).and_then(|v| v.get(j))
            };
            return match cached {
                Some(&score) => score,
                None => self.null_score(i, a, j, b),
            };
        }
        let extra = (a + b).saturating_sub(2) as f64;
        let long = (a.max(b)).saturating_sub(2) as f64;
        let size = if p.size_power == 0.0 {
            1.0
        } else {
            ((a + b) as f64 / 2.0).powf(p.size_power)
        };
        let joints = self.bags.src.joints(i, a) + self.bags.tgt.joints(j, b);
        let penalties = -p.merge * extra - p.long_side * long + p.cohesion * f64::from(joints);
        // The length term is at most 0 and the similarity at most 1: a link that cannot beat
        // `floor` even so is not scored further.
        if penalties + p.lexical * size <= floor {
            return penalties;
        }
        let (ls, lt) = (self.bags.src.length(i, a), self.bags.tgt.length(j, b));
        // links whose lengths cannot fit (most large merges) stop here, before the logarithm
        let bound = p.length * self.length.log_prob_bound(ls, lt) + penalties;
        if bound + p.lexical * size <= floor {
            return bound;
        }
        let lp = self.length.log_prob(ls, lt);
        let rest = p.length * lp + penalties;
        if rest + p.lexical * size <= floor {
            return rest;
        }
        let score = p.lexical * size * self.similarity(i, a, j, b) + rest;
        if score <= floor || (a < 2 && b < 2) {
            return score;
        }
        let score = score - p.orphan * f64::from(self.orphans(i, a, j, b));
        if score <= floor {
            return score;
        }
        score - p.untranslated * self.untranslated(i, a, j, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::Translit;

    #[test]
    fn bags_merge_and_share() {
        let a = vec![(1, 1.0), (3, 2.0)];
        let b = vec![(2, 1.0), (3, 1.0)];
        assert_eq!(merge(&a, &b), vec![(1, 1.0), (2, 1.0), (3, 3.0)]);
        assert_eq!(shared_weight(&a, &b), 1.0);
        assert_eq!(shared_weight(&a, &[]), 0.0);
    }

    #[test]
    fn identical_words_and_cognates_match() {
        let src = [
            "Die Expedition erreichte den Gipfel 1956 .",
            "Das Wetter war schlecht .",
        ];
        let tgt = [
            "L' expédition atteignit le sommet en 1956 .",
            "Le temps était mauvais .",
        ];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Russian);
        let cog = tok.cognate_pairs(0.7);
        assert!(
            cog.is_empty(),
            "expedition is identical after normalisation: {cog:?}"
        );
        let lens = ([40.0, 24.0], [42.0, 23.0]);
        let bags = PairBags::build(
            &tok,
            &cog,
            &DocLexicon::default(),
            (&lens.0, &lens.1),
            3,
            (0.0, 0.0, 1.0),
            false,
        );
        let scorer = Scorer::new(
            &bags,
            LengthModel::from_totals(64.0, 65.0, 2.5),
            ScoreParams::default(),
            4,
        );
        assert!(scorer.similarity(0, 1, 0, 1) > scorer.similarity(0, 1, 1, 1));
        assert!(scorer.score(0, 1, 0, 1) > scorer.score(0, 1, 1, 1));
    }
}
