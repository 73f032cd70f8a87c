//! Moved sentence boundaries. A translator who ends a sentence elsewhere moves the words at the
//! boundary into the neighbouring sentence: `Erstersteigung 1933 durch B.M .` | `Abalakow ,
//! seitdem wiederholt besucht .` is `première ascension en 1933 par E. M. Abalakow .` | `Souvent
//! visité depuis .` Split into two 1-1 links, such a 2-2 link loses the name that crossed the
//! boundary, yet each 1-1 link still shares enough to win, since a split collects the lexical
//! score twice. The evidence that the boundary moved is a word at the end of one side's first
//! part that the other side holds at the start of its second part (or the other way round),
//! and that neither link of the split matches.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::root;
use super::score::{Bag, KeyTable, Scorer, SideBags, TokenId, Tokenised};

/// A sentence's head and tail are this share of its tokens (a third): where a boundary the
/// translation moved leaves its words.
pub const EDGE_PARTS: usize = 3;

/// The largest links (both sides together) scored as a split whose boundary moved: 2-2, 2-3
/// and 3-2 (a larger link rarely has a name at a moved boundary, and each further size adds
/// splits to try at every state of the search).
const MOVED_MAX_LINK: usize = 5;

/// Words of this many letters or more that begin alike are taken for forms of one word.
const PREFIX_CHARS: usize = 5;

/// One side's sentence edges, over groups of words that match each other (identical words,
/// cognates, learned pairs and lexicon translations joined into one group): a word matched
/// through one pair must not count as crossing through another (`infections` meets both
/// `infecciones` and `infecciosas`).
#[derive(Debug, Default)]
pub struct SideEdges {
    /// `heads[i]`: the names and numbers (words that match as themselves) among the first
    /// third of sentence `i`'s tokens, by group, with their weight.
    pub heads: Vec<Bag>,
    /// `tails[i]`: the same for the last third.
    pub tails: Vec<Bag>,
    /// `groups[i]`: the groups of all of sentence `i`'s tokens (sorted).
    pub groups: Vec<Vec<u32>>,
    /// `head_bits[i]`: one bit per group of `heads[i]` (group modulo 64), so that most
    /// boundaries are ruled out by one `and` of two words.
    pub head_bits: Vec<u64>,
    /// The same for `tails[i]`.
    pub tail_bits: Vec<u64>,
}

/// The bits of a bag's groups (see [`SideEdges::head_bits`]).
fn bits(bag: &[(u32, f32)]) -> u64 {
    bag.iter().fold(0, |m, e| m | 1u64 << (e.0 % 64))
}

/// Entry `k` of per-sentence bits, 0 when out of range.
fn bits_at(v: &[u64], k: usize) -> u64 {
    v.get(k).copied().unwrap_or(0)
}

/// The edges of both sides. `class[t]` is token `t`'s lexicon translation class, `keys_of[t]`
/// its match keys (its own id first when it can match as itself), `weight[k]` a key's weight
/// and whether it occurs on both sides.
pub fn build(
    tok: &Tokenised,
    pairs: &[(TokenId, TokenId)],
    class: &[Option<u32>],
    keys_of: &KeyTable,
    weight: &[(f32, bool)],
) -> (SideEdges, SideEdges) {
    let v = tok.vocab.len();
    let mut parent: Vec<u32> = (0..v as u32).collect();
    let join = |a: u32, b: u32, parent: &mut Vec<u32>| {
        if (a as usize) < v && (b as usize) < v {
            let (ra, rb) = (root(parent, a), root(parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
    };
    for &(a, b) in pairs {
        join(a, b, &mut parent);
    }
    let mut first_of_class: Vec<Option<u32>> = Vec::new();
    for (t, c) in class.iter().enumerate() {
        if let Some(c) = *c {
            let c = c as usize;
            if first_of_class.len() <= c {
                first_of_class.resize(c + 1, None);
            }
            match first_of_class[c] {
                Some(f) => join(f, t as u32, &mut parent),
                None => first_of_class[c] = Some(t as u32),
            }
        }
    }
    // inflected forms of one word (`system`, `systems`; across scripts, `систем` read as
    // `system`) are one group: the same word at both ends of the boundary is no evidence
    let mut by_prefix: HashMap<&str, u32> = HashMap::default();
    for (t, w) in tok.vocab.iter().enumerate() {
        if !tok.is_word.get(t).copied().unwrap_or(false) {
            continue;
        }
        // the first PREFIX_CHARS letters, when the word has that many
        let Some((end, _)) = w.char_indices().nth(PREFIX_CHARS - 1) else {
            continue;
        };
        let prefix = &w[..end + w[end..].chars().next().map_or(0, char::len_utf8)];
        match by_prefix.get(prefix) {
            Some(&f) => join(f, t as u32, &mut parent),
            None => {
                by_prefix.insert(prefix, t as u32);
            }
        }
    }
    let group: Vec<u32> = (0..v as u32).map(|t| root(&mut parent, t)).collect();
    // the weight of a token's identity key when it matches as itself (a name, a number: what
    // a translation carries over unchanged), else 0
    let anchor_weight: Vec<f32> = (0..v)
        .map(|t| {
            let own = keys_of.of(t).first() == Some(&(t as u32));
            let punct = tok.vocab.get(t).is_some_and(|w| w.starts_with("#p"));
            match weight.get(t) {
                Some(&(w, true)) if own && !punct => w,
                _ => 0.0,
            }
        })
        .collect();
    let side = |sents: &[Vec<TokenId>]| -> SideEdges {
        let group_of = |t: TokenId| group.get(t as usize).copied().unwrap_or(t);
        let anchors = |tokens: &[TokenId]| -> Bag {
            let mut out: Bag = tokens
                .iter()
                .filter_map(|&t| {
                    let w = anchor_weight.get(t as usize).copied().unwrap_or(0.0);
                    (w > 0.0).then(|| (group_of(t), w))
                })
                .collect();
            out.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
            out.dedup_by_key(|e| e.0);
            out
        };
        let groups = |tokens: &[TokenId]| -> Vec<u32> {
            let mut out: Vec<u32> = tokens.iter().map(|&t| group_of(t)).collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let mut edges = SideEdges::default();
        for s in sents {
            let third = s.len().div_ceil(EDGE_PARTS);
            let (head, tail) = (anchors(&s[..third]), anchors(&s[s.len() - third..]));
            edges.head_bits.push(bits(&head));
            edges.tail_bits.push(bits(&tail));
            edges.heads.push(head);
            edges.tails.push(tail);
            edges.groups.push(groups(s));
        }
        edges
    };
    (side(&tok.src), side(&tok.tgt))
}

/// The weight `x` and `y` share in groups that no sentence of `not_x` (the other side of `x`'s
/// link in the split) and no sentence of `not_y` holds.
fn cross_only(x: &[(u32, f32)], y: &[(u32, f32)], not_x: &[Vec<u32>], not_y: &[Vec<u32>]) -> f32 {
    let held = |sents: &[Vec<u32>], g: u32| sents.iter().any(|s| s.binary_search(&g).is_ok());
    let mut sum = 0.0;
    for &(g, w) in x {
        if let Ok(at) = y.binary_search_by_key(&g, |e| e.0) {
            if !held(not_x, g) && !held(not_y, g) {
                sum += w.min(y[at].1);
            }
        }
    }
    sum
}

/// A slice of a side's per-sentence entries, empty when out of range.
fn sentences<T>(v: &[T], from: usize, n: usize) -> &[T] {
    v.get(from..from + n).unwrap_or(&[])
}

/// One entry of a side's per-sentence entries, empty when out of range.
fn entry(v: &[Bag], k: usize) -> &[(u32, f32)] {
    v.get(k).map_or(&[][..], Vec::as_slice)
}

impl Scorer<'_> {
    /// The weight that crosses the boundary of the split of the link into the first `p` source
    /// sentences with the first `q` target sentences and the rest with the rest (see the
    /// module's documentation), over the link's mean matchable weight.
    #[inline]
    pub fn moved(&self, i: usize, a: usize, j: usize, b: usize, p: usize, q: usize) -> f64 {
        if p == 0 || q == 0 || p >= a || q >= b {
            return 0.0;
        }
        let (src, tgt): (&SideBags, &SideBags) = (&self.bags.src, &self.bags.tgt);
        let (se, te) = (&src.edges, &tgt.edges);
        let (si, tj) = (i + p, j + q);
        if bits_at(&se.tail_bits, si - 1) & bits_at(&te.head_bits, tj) == 0
            && bits_at(&se.head_bits, si) & bits_at(&te.tail_bits, tj - 1) == 0
        {
            return 0.0;
        }
        let (s1, s2) = (
            sentences(&se.groups, i, p),
            sentences(&se.groups, i + p, a - p),
        );
        let (t1, t2) = (
            sentences(&te.groups, j, q),
            sentences(&te.groups, j + q, b - q),
        );
        let w = cross_only(entry(&se.tails, i + p - 1), entry(&te.heads, j + q), t1, s2)
            + cross_only(entry(&se.heads, i + p), entry(&te.tails, j + q - 1), t2, s1);
        if w <= 0.0 {
            return 0.0;
        }
        let (_, sw) = src.span(i, a);
        let (_, tw) = tgt.span(j, b);
        2.0 * f64::from(w) / (f64::from(sw) + f64::from(tw) + self.params.smoothing)
    }

    /// The score of a link with two or more sentences on each side as the best of its splits
    /// whose boundary the translation moved: the two links' scores plus the moved weight's
    /// lexical score, less `moved_boundary`. `None` when no boundary moved.
    pub fn moved_split(&self, i: usize, a: usize, j: usize, b: usize) -> Option<f64> {
        let p = &self.params;
        if a < 2 || b < 2 || a + b > MOVED_MAX_LINK || !p.moved_boundary.is_finite() {
            return None;
        }
        let (se, te) = (&self.bags.src.edges, &self.bags.tgt.edges);
        let mut best: Option<f64> = None;
        for sp in 1..a {
            let (tail, head) = (
                bits_at(&se.tail_bits, i + sp - 1),
                bits_at(&se.head_bits, i + sp),
            );
            for sq in 1..b {
                let (t_head, t_tail) = (
                    bits_at(&te.head_bits, j + sq),
                    bits_at(&te.tail_bits, j + sq - 1),
                );
                if tail & t_head == 0 && head & t_tail == 0 {
                    continue;
                }
                let g = self.moved(i, a, j, b, sp, sq);
                if g <= 0.0 {
                    continue;
                }
                let split = self.score(i, sp, j, sq) + self.score(i + sp, a - sp, j + sq, b - sq);
                let alt = split + p.lexical * g - p.moved_boundary;
                best = Some(best.map_or(alt, |x: f64| x.max(alt)));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use crate::align::features::{text_length, Translit};
    use crate::align::length::LengthModel;
    use crate::align::lexicon::DocLexicon;
    use crate::align::score::{PairBags, ScoreParams, Scorer, Tokenised};

    /// Runs `check` on the scorer of a pair (cognates as the aligner finds them, no lexicon).
    fn with_scorer<R>(
        src: &[&str],
        tgt: &[&str],
        style: Translit,
        params: ScoreParams,
        check: impl FnOnce(&Scorer) -> R,
    ) -> R {
        let tok = Tokenised::new(src, tgt, Translit::Russian, style);
        let mut pairs = tok.cognate_pairs(0.72);
        pairs.sort_unstable();
        pairs.dedup();
        let ls: Vec<f64> = src.iter().map(|s| text_length(s)).collect();
        let lt: Vec<f64> = tgt.iter().map(|s| text_length(s)).collect();
        let mut bags = PairBags::build(
            &tok,
            &pairs,
            &DocLexicon::default(),
            (&ls, &lt),
            3,
            (0.0, 0.0, 1.0),
            true,
        );
        bags.src.set_joints(src);
        bags.tgt.set_joints(tgt);
        let length = LengthModel::from_totals(ls.iter().sum(), lt.iter().sum(), 2.5);
        check(&Scorer::new(&bags, length, params, 4))
    }

    #[test]
    fn a_name_that_crossed_the_boundary_joins_the_two_links() {
        // the German sentence was cut after an initial: the name opens the second German
        // sentence and closes the first French one
        let src = [
            "Pik Stalin , 7495 m , im Alai-Pamir .",
            "Erstersteigung 1933 durch B.M .",
            "Abalakow , seitdem wiederholt besucht .",
            "Pik Lenin , 7134 m , im Transalai .",
        ];
        let tgt = [
            "Pik Stalin , 7495 m , dans l' Alaï Pamir ;",
            "première ascension en 1933 par E. M. Abalakow .",
            "Souvent visité depuis .",
            "Pik Lénine , 7134 m , dans le Transalaï .",
        ];
        let params = ScoreParams::default();
        with_scorer(&src, &tgt, Translit::Russian, params, |s| {
            assert!(s.moved(1, 2, 1, 2, 1, 1) > 0.0);
            let split = s.score(1, 1, 1, 1) + s.score(2, 1, 2, 1);
            assert!(s.score(1, 2, 1, 2) > split, "the 2-2 link wins");
        });
        let without = ScoreParams {
            moved_boundary: f64::INFINITY,
            ..params
        };
        with_scorer(&src, &tgt, Translit::Russian, without, |s| {
            let split = s.score(1, 1, 1, 1) + s.score(2, 1, 2, 1);
            assert!(s.score(1, 2, 1, 2) < split, "scored as one, the split wins");
        });
    }

    #[test]
    fn a_word_at_both_ends_of_the_boundary_did_not_move() {
        // one sentence picks up the last word of the one before (`system` | `systems`): the
        // translation's `систем` (read as `system`) opening the second sentence is no evidence
        let src = [
            "The cities had a sewage system .",
            "Remains of sewage systems were found in Crete .",
        ];
        let tgt = [
            "Міста мали каналізацію .",
            "Систем каналізації знайшли на Криті .",
        ];
        let params = ScoreParams::default();
        with_scorer(&src, &tgt, Translit::Ukrainian, params, |s| {
            assert_eq!(s.moved(0, 2, 0, 2, 1, 1), 0.0);
            assert_eq!(s.moved_split(0, 2, 0, 2), None);
        });
        // the same name in both sentences of both sides
        let src = ["We met Abalakow there .", "Abalakow was tired ."];
        let tgt = [
            "Nous y avons rencontré Abalakow .",
            "Abalakow était fatigué .",
        ];
        with_scorer(&src, &tgt, Translit::Russian, params, |s| {
            assert_eq!(s.moved(0, 2, 0, 2, 1, 1), 0.0);
        });
    }
}
