//! Sentence alignment of parallel documents: a monotonic dynamic program over link types
//! (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, …) scoring each link by a length model estimated from
//! the pair and by lexical evidence (numbers, identical words, cognates and names across scripts,
//! punctuation shape, a given lexicon), then re-aligning with a lexicon learned from the first
//! pass by IBM Model 1.
//!
//! ```
//! use talign::align::{align_sentences, AlignOptions};
//! let src = ["Der Everest ist 8848 m hoch.", "Er wurde 1953 bestiegen."];
//! let tgt = ["L'Everest mesure 8848 m.", "Il a été gravi en 1953."];
//! let links = align_sentences(&src, &tgt, &AlignOptions::default());
//! assert_eq!(links.len(), 2);
//! assert_eq!((links[1].src.clone(), links[1].tgt.clone()), (vec![1], vec![1]));
//! ```

pub mod anchors;
pub mod dp;
pub mod features;
pub mod ibm1;
pub mod length;
pub mod lexicon;
pub mod mine;
pub mod score;
pub mod search;

use crate::doc::{Lang, Link};

pub use lexicon::{Lexicon, LexiconError};
pub use score::ScoreParams;

use features::{text_length, Translit};
use length::LengthModel;
use score::{PairBags, Scorer, TokenId, Tokenised};

/// How to align a document pair.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Language of the source side, when known (picks the romanisation for Cyrillic).
    pub src_lang: Option<Lang>,
    /// Language of the target side, when known.
    pub tgt_lang: Option<Lang>,
    /// Bilingual word lists to use as lexical evidence (in either direction).
    pub lexicons: Vec<Lexicon>,
    /// The most sentences one link may hold, both sides together (4: 2-2, 3-1 and 1-3).
    pub max_link: usize,
    /// Re-align with a lexicon learned from the first pass (IBM Model 1).
    pub realign: bool,
    /// The constants of the link score.
    pub params: ScoreParams,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            src_lang: None,
            tgt_lang: None,
            lexicons: Vec::new(),
            max_link: 4,
            realign: true,
            params: ScoreParams::default(),
        }
    }
}

/// Minimum normalised similarity for two spellings to count as cognates.
const COGNATE_MIN: f64 = 0.72;

/// Most 1-1 links used to train the learned lexicon (evenly spread over the document).
const MAX_TRAINING_LINKS: usize = 20_000;

/// The link types allowed by `max_link`: 1-1, the null links, then merges up to `max_link`
/// sentences (both sides together), smaller first.
pub fn link_types(max_link: usize) -> Vec<(usize, usize)> {
    let mut types = vec![(1, 1), (1, 0), (0, 1)];
    for total in 3..=max_link.max(2) {
        for a in 1..total {
            types.push((a, total - a));
        }
    }
    types
}

/// The romanisation for a side: from its language when given, else from its letters.
fn style_for(lang: Option<Lang>, texts: &[&str]) -> Translit {
    match lang.map(|l| l.to_string()) {
        Some(l) if l == "uk" => Translit::Ukrainian,
        Some(l) if l != "und" => Translit::Russian,
        _ => {
            let sample: String = texts.iter().take(2000).copied().collect();
            Translit::guess(&sample)
        }
    }
}

/// Aligns two documents given as sentences; returns links in order, every sentence of both sides
/// in exactly one link.
pub fn align_sentences(src: &[&str], tgt: &[&str], opts: &AlignOptions) -> Vec<Link> {
    let types = link_types(opts.max_link);
    let max_span = types.iter().map(|&(a, b)| a.max(b)).max().unwrap_or(1);
    let tok = Tokenised::new(
        src,
        tgt,
        style_for(opts.src_lang, src),
        style_for(opts.tgt_lang, tgt),
    );
    let src_len: Vec<f64> = src.iter().map(|s| text_length(s)).collect();
    let tgt_len: Vec<f64> = tgt.iter().map(|s| text_length(s)).collect();
    let mut length = LengthModel::from_totals(src_len.iter().sum(), tgt_len.iter().sum());
    let mut pairs = tok.cognate_pairs(COGNATE_MIN);
    pairs.extend(lexicon_pairs(&tok, &opts.lexicons));
    pairs.sort_unstable();
    pairs.dedup();

    let bags = PairBags::build(&tok, &pairs, (&src_len, &tgt_len), max_span);
    let band = search::band_for(
        &search::Units::sentences(&bags.src),
        &search::Units::sentences(&bags.tgt),
        &length,
    );
    let scorer = Scorer {
        bags: &bags,
        length,
        params: opts.params,
    };
    let mut steps = dp::search(src.len(), tgt.len(), &band, &types, |i, a, j, b| {
        scorer.score(i, a, j, b)
    });

    if opts.realign {
        let ones: Vec<&dp::Step> = steps.iter().filter(|s| s.a == 1 && s.b == 1).collect();
        let lens: Vec<(f64, f64)> = ones
            .iter()
            .map(|s| (bags.src.length(s.i, 1), bags.tgt.length(s.j, 1)))
            .collect();
        length = length.refit(&lens);
        pairs.extend(learned_pairs(&tok, &ones));
        pairs.sort_unstable();
        pairs.dedup();
        let bags = PairBags::build(&tok, &pairs, (&src_len, &tgt_len), max_span);
        let band = if (src.len() + 1).saturating_mul(tgt.len() + 1) <= search::FULL_SEARCH_CELLS {
            dp::Band::full(src.len(), tgt.len())
        } else {
            search::widen(&steps, 1, 12, src.len(), tgt.len())
        };
        let scorer = Scorer {
            bags: &bags,
            length,
            params: opts.params,
        };
        steps = dp::search(src.len(), tgt.len(), &band, &types, |i, a, j, b| {
            scorer.score(i, a, j, b)
        });
    }
    steps
        .into_iter()
        .map(|s| Link {
            src: (s.i..s.i + s.a).collect(),
            tgt: (s.j..s.j + s.b).collect(),
            score: s.score,
        })
        .collect()
}

/// Word pairs of the given lexicons whose two sides occur in the documents (in either direction).
fn lexicon_pairs(tok: &Tokenised, lexicons: &[Lexicon]) -> Vec<(TokenId, TokenId)> {
    let presence = tok.presence();
    let mut out = Vec::new();
    let style_of = |w: &str| Translit::guess(w);
    for lex in lexicons {
        for (a, b) in &lex.pairs {
            let na = features::normalize_word(a, style_of(a));
            let nb = features::normalize_word(b, style_of(b));
            let (Some(&ia), Some(&ib)) = (tok.ids.get(&na), tok.ids.get(&nb)) else {
                continue;
            };
            if ia == ib {
                continue;
            }
            let pa = presence.get(ia as usize).copied().unwrap_or_default();
            let pb = presence.get(ib as usize).copied().unwrap_or_default();
            if pa.0 && pb.1 {
                out.push((ia, ib));
            }
            if pb.0 && pa.1 {
                out.push((ib, ia));
            }
        }
    }
    out
}

/// Word pairs learned by IBM Model 1 (both directions) from the first pass's 1-1 links.
fn learned_pairs(tok: &Tokenised, ones: &[&dp::Step]) -> Vec<(TokenId, TokenId)> {
    let stride = ones.len().div_ceil(MAX_TRAINING_LINKS).max(1);
    let words = |s: &[TokenId]| -> Vec<TokenId> {
        s.iter()
            .copied()
            .filter(|&t| tok.is_word.get(t as usize).copied().unwrap_or(false))
            .collect()
    };
    let data: Vec<(Vec<TokenId>, Vec<TokenId>)> = ones
        .iter()
        .step_by(stride)
        .filter_map(|s| {
            let e = words(tok.src.get(s.i)?);
            let f = words(tok.tgt.get(s.j)?);
            (!e.is_empty() && !f.is_empty()).then_some((e, f))
        })
        .collect();
    let refs: Vec<(&[TokenId], &[TokenId])> = data
        .iter()
        .map(|(a, b)| (a.as_slice(), b.as_slice()))
        .collect();
    ibm1::learn_pairs(&refs, 5, 0.2, 2)
        .into_iter()
        .filter(|(a, b)| a != b)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_types_follow_max_link() {
        assert_eq!(
            link_types(4),
            vec![
                (1, 1),
                (1, 0),
                (0, 1),
                (1, 2),
                (2, 1),
                (1, 3),
                (2, 2),
                (3, 1)
            ]
        );
        assert_eq!(link_types(2), vec![(1, 1), (1, 0), (0, 1)]);
    }

    #[test]
    fn empty_documents() {
        let opts = AlignOptions::default();
        assert!(align_sentences(&[], &[], &opts).is_empty());
        let links = align_sentences(&["a"], &[], &opts);
        assert_eq!(links.len(), 1);
        assert!(links[0].tgt.is_empty());
    }
}
