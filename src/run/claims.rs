//! Claims: a quote taken as said in its article's language (no translation cue, no tie to a
//! foreign language) claims its own translation from the pool of originals. A pool post that
//! translates such a quote is that quote's translation, not the original of a translated quote
//! that merely shares words with it.
//!
//! Within a document this is part of the pairing (`drop_claimed`). Across a run it is a last
//! step over every document's rows ([`release_claimed_pairs`], [`release_claimed_rows`]): an
//! article's quote may have its translation in the pool, where a translated quote of another
//! article, paired one document at a time, would otherwise take it. Each pool post then belongs
//! to the quote that matches it best (competitive linking): a pair is undone when a quote of
//! another document, for which that post is the best match of the whole pool, matches it better.

use std::collections::HashMap;
use std::sync::Arc;

use crate::align::mine::{mine_with_langs, MineOptions, PreparedLexicons};
use crate::doc::Lang;
use crate::write::{Claimable, PairKind, PairRow};

use super::quotes::{
    pair_quotes_claiming, Candidate, Plain, Post, QuoteOptions, QuotePair, SegmentedDoc,
};

/// A pool post that a quote without a cue claims as its own translation: the quote's best match
/// in the whole pool (among posts in other languages than the quote's).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimQuote {
    /// The document of the quote.
    pub doc_id: String,
    /// The claimed post's text.
    pub original: String,
    /// The claimed post's language.
    pub lang: Lang,
    /// How well the quote matches the post (the miner's score).
    pub score: f64,
}

/// A pair a claim may undo: its document, its original's text and language, its score.
#[derive(Debug, Clone, Copy)]
pub struct Taken<'a> {
    /// The document of the quote.
    pub doc_id: &'a str,
    /// The original's text.
    pub original: &'a str,
    /// The original's language.
    pub lang: Lang,
    /// The pair's score.
    pub score: f64,
}

/// The claims of quotes without a cue (`claimers`: document, text, language) on `pool` entries:
/// each quote's best match among the posts in other languages, when it scores at least what a
/// cued pair needs ([`QuoteOptions::min_score`]).
pub(super) fn page_claims(
    claimers: &[(&SegmentedDoc, &str, Lang)],
    pool: &[&(Post, Lang)],
    prepared: &Arc<PreparedLexicons>,
    opts: &QuoteOptions,
) -> Vec<ClaimQuote> {
    let mopts = MineOptions {
        prepared: Some(Arc::clone(prepared)),
        ..MineOptions::default()
    };
    let mut langs: Vec<Lang> = claimers.iter().map(|c| c.2).collect();
    langs.sort_unstable();
    langs.dedup();
    let mut out = Vec::new();
    // Language by language: a quote claims a translation, never a post in its own language
    // (another article may quote the same post verbatim).
    for lang in langs {
        let group: Vec<&(&SegmentedDoc, &str, Lang)> =
            claimers.iter().filter(|c| c.2 == lang).collect();
        let posts: Vec<&(Post, Lang)> = pool
            .iter()
            .copied()
            .filter(|e| e.1 != lang && !e.1.is_und())
            .collect();
        if posts.is_empty() {
            continue;
        }
        let queries: Vec<(&str, Lang)> = group.iter().map(|c| (c.1, c.2)).collect();
        let texts: Vec<(&str, Lang)> = posts.iter().map(|(p, l)| (p.text.as_str(), *l)).collect();
        for hit in mine_with_langs(&queries, &texts, &mopts) {
            let (Some(c), Some(post)) = (group.get(hit.query), hit.pool.and_then(|j| posts.get(j)))
            else {
                continue;
            };
            if hit.score >= opts.min_score {
                out.push(ClaimQuote {
                    doc_id: c.0.doc.id.clone(),
                    original: post.0.text.clone(),
                    lang: post.1,
                    score: hit.score,
                });
            }
        }
    }
    out
}

/// For each taken pair, whether a quote of ANOTHER document claims its original with a higher
/// score than the pair's own (quotes of the pair's own document were weighed when it was paired).
pub fn claimed(taken: &[Taken], claims: &[ClaimQuote]) -> Vec<bool> {
    let mut best: HashMap<(&str, Lang), Vec<(&str, f64)>> = HashMap::new();
    for c in claims {
        best.entry((c.original.as_str(), c.lang))
            .or_default()
            .push((c.doc_id.as_str(), c.score));
    }
    taken
        .iter()
        .map(|t| {
            best.get(&(t.original, t.lang)).is_some_and(|v| {
                v.iter()
                    .any(|&(doc, score)| doc != t.doc_id && score > t.score)
            })
        })
        .collect()
}

/// A row a claim may undo.
trait ClaimRow {
    /// The pair, when a claim may undo it.
    fn taken(&self) -> Option<Taken<'_>>;
    /// Undoes the pair; false when the row goes with it.
    fn release(&mut self) -> bool;
}

impl ClaimRow for QuotePair {
    fn taken(&self) -> Option<Taken<'_>> {
        self.claimable?;
        Some(Taken {
            doc_id: &self.doc_id,
            original: &self.original_text,
            lang: Lang::new(&self.original_lang).unwrap_or(Lang::UND),
            score: self.score,
        })
    }

    fn release(&mut self) -> bool {
        let Some(Claimable::Cued(cue)) = self.claimable.take() else {
            return false;
        };
        self.quote_lang = cue.map(|l| l.to_string()).unwrap_or_default();
        self.original_id.clear();
        self.original_lang.clear();
        self.original_text.clear();
        self.score = 0.0;
        self.margin = 0.0;
        true
    }
}

impl ClaimRow for PairRow {
    fn taken(&self) -> Option<Taken<'_>> {
        if self.kind != PairKind::Quote {
            return None;
        }
        self.quote.as_ref()?.claimable?;
        Some(Taken {
            doc_id: &self.doc_id,
            original: &self.tgt_text,
            lang: self.tgt_lang,
            score: self.score,
        })
    }

    fn release(&mut self) -> bool {
        let Some(info) = self.quote.as_mut() else {
            return true;
        };
        let Some(Claimable::Cued(cue)) = info.claimable.take() else {
            return false;
        };
        info.translated_from = cue;
        info.margin = Some(0.0);
        self.tgt_doc_id.clear();
        self.tgt_text.clear();
        self.tgt_lang = Lang::UND;
        self.score = 0.0;
        true
    }
}

/// Undoes the pairs whose original another document's quote claims ([`claimed`]).
fn release<R: ClaimRow>(rows: &mut Vec<R>, claims: &[ClaimQuote]) {
    let open: Vec<(usize, Taken)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.taken().map(|t| (i, t)))
        .collect();
    let taken: Vec<Taken> = open.iter().map(|(_, t)| *t).collect();
    let undo: Vec<usize> = open
        .iter()
        .zip(claimed(&taken, claims))
        .filter(|(_, u)| *u)
        .map(|((i, _), _)| *i)
        .collect();
    let mut keep = vec![true; rows.len()];
    for i in undo {
        if let (Some(r), Some(k)) = (rows.get_mut(i), keep.get_mut(i)) {
            *k = r.release();
        }
    }
    let mut keep = keep.into_iter();
    rows.retain(|_| keep.next().unwrap_or(true));
}

/// Pairs each document on its own against `pool` (from [`super::quotes::prepare_pool`]), as
/// `talign run --originals` does: every document's rows, and the claims for
/// [`release_claimed_pairs`].
pub fn pair_each(
    docs: impl IntoIterator<Item = SegmentedDoc>,
    pool: &[(Post, Lang)],
    opts: &QuoteOptions,
) -> (Vec<QuotePair>, Vec<ClaimQuote>) {
    let mut rows = Vec::new();
    let mut claims = Vec::new();
    for d in docs {
        let (r, c) = pair_quotes_claiming(&[d], pool, &[], opts);
        rows.extend(r);
        claims.extend(c);
    }
    (rows, claims)
}

/// Undoes the quote pairs whose original another document's quote claims ([`claimed`]): a
/// quote with a cue keeps its row without an original; a quote without a cue loses its row.
pub fn release_claimed_pairs(rows: &mut Vec<QuotePair>, claims: &[ClaimQuote]) {
    release(rows, claims);
}

/// [`release_claimed_pairs`] for output rows: quote rows whose original came from the pool.
pub fn release_claimed_rows(rows: &mut Vec<PairRow>, claims: &[ClaimQuote]) {
    release(rows, claims);
}

/// How far a quote without a cue must score above a cued quote's pair to claim its original.
const CLAIM_LEAD: f64 = 0.1;

/// Drops the cued pairs whose original a quote of the same document without a cue (a candidate
/// or a [`Plain`] quote) matches clearly better: that post is the translation of the article's
/// own quote (an original quote whose translation sits in the pool), not the original of the
/// translated one. The post stays used, so the quote without a cue is not paired with its own
/// translation either.
pub(super) fn drop_claimed(
    cands: &[Candidate],
    plain: &[Plain],
    found: &mut [Option<(usize, f64, f64)>],
    entries: &[&(Post, Lang)],
    prepared: &Arc<PreparedLexicons>,
    opts: &QuoteOptions,
) {
    let mopts = MineOptions {
        prepared: Some(Arc::clone(prepared)),
        ..MineOptions::default()
    };
    let mut docs: Vec<&SegmentedDoc> = Vec::new();
    for (c, f) in cands.iter().zip(found.iter()) {
        if c.cued && f.is_some() && !docs.iter().any(|d| std::ptr::eq(*d, c.doc)) {
            docs.push(c.doc);
        }
    }
    for doc in docs {
        let in_doc = |c: &Candidate| std::ptr::eq(c.doc, doc);
        let uncued: Vec<(&str, Lang)> = cands
            .iter()
            .filter(|c| in_doc(c) && !c.cued)
            .map(|c| (c.quote.text.as_str(), c.text_lang))
            .chain(
                plain
                    .iter()
                    .filter(|p| std::ptr::eq(p.doc, doc))
                    .map(|p| (p.text.as_str(), p.lang)),
            )
            .collect();
        // The pairs of the document's cued quotes: (candidate, entry, score).
        let taken: Vec<(usize, usize, f64)> = cands
            .iter()
            .zip(found.iter())
            .enumerate()
            .filter(|(_, (c, _))| in_doc(c) && c.cued)
            .filter_map(|(i, (_, f))| f.map(|(j, s, _)| (i, j, s)))
            .collect();
        if uncued.is_empty() || taken.is_empty() {
            continue;
        }
        let pool: Vec<(&str, Lang)> = taken
            .iter()
            .filter_map(|&(_, j, _)| entries.get(j).map(|(p, l)| (p.text.as_str(), *l)))
            .collect();
        for hit in mine_with_langs(&uncued, &pool, &mopts) {
            let Some(&(ci, _, score)) = hit.pool.and_then(|p| taken.get(p)) else {
                continue;
            };
            // A clear claim only: a pair as strong as an uncued quote must be to be taken, and
            // well ahead of the cued one (quotes of one page share words with each other's
            // translations).
            if hit.score >= opts.uncued_min_score && hit.score >= score + CLAIM_LEAD {
                if let Some(f) = found.get_mut(ci) {
                    *f = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexicon::Lexicon;
    use crate::run::quotes::prepare_pool;
    use crate::run::quotes::tests::doc;

    const BRIDGE_RU: &str = "Старый мост через реку будет закрыт на ремонт на следующей неделе.";

    /// A pool of one Russian post.
    fn ru_pool(id: &str) -> Vec<(Post, Lang)> {
        prepare_pool(&[Post {
            id: id.into(),
            text: BRIDGE_RU.into(),
            lang: Lang::new("ru"),
        }])
    }

    fn opts() -> QuoteOptions {
        let mut opts = QuoteOptions::default();
        opts.lexicons.push(Lexicon::from_pairs([
            ("old", "старый"),
            ("bridge", "мост"),
            ("river", "реку"),
            ("river", "река"),
            ("closed", "закрыт"),
            ("repairs", "ремонт"),
            ("next", "следующей"),
            ("week", "неделе"),
            ("rising", "поднимается"),
            ("water", "водой"),
        ]));
        opts.prepare();
        opts
    }

    #[test]
    fn a_quote_of_one_article_claims_its_translation_from_a_translated_quote_of_another() {
        // The mayor spoke English; the Russian post is a translation of his words. Ivan's quote,
        // translated from Russian in another article, shares the bridge and the river with it,
        // and paired one article at a time it would take that post as its original.
        let mayor = doc(
            "mayor",
            "\"The old bridge over the river will be closed for repairs next week,\" the mayor \
             told reporters.",
        );
        let ivan = doc(
            "ivan",
            "\"The river is rising and the old bridge is under water,\" Ivan wrote in Russian \
             on Telegram.",
        );
        let pool = ru_pool("translation");
        let opts = opts();
        let (mut rows, claims) = pair_each(vec![mayor, ivan], &pool, &opts);
        let ivan_original = |rows: &[QuotePair]| {
            rows.iter()
                .find(|r| r.doc_id == "ivan")
                .map(|r| r.original_id.clone())
        };
        assert_eq!(ivan_original(&rows).as_deref(), Some("translation"));
        release_claimed_pairs(&mut rows, &claims);
        // Ivan's quote keeps its row (it has a cue) but no original.
        assert_eq!(ivan_original(&rows).as_deref(), Some(""));
        assert_eq!(
            rows.iter()
                .find(|r| r.doc_id == "ivan")
                .map(|r| r.quote_lang.as_str()),
            Some("ru")
        );
    }

    #[test]
    fn a_post_quoted_verbatim_by_another_article_is_not_claimed() {
        // A Russian article quotes the Russian post itself; an English article translates it
        // with a cue. Both are right: a quote never claims a post in its own language.
        let ru = doc(
            "ru",
            "«Старый мост через реку будет закрыт на ремонт на следующей неделе», — написал мэр.",
        );
        let en = doc(
            "en",
            "\"The old bridge over the river will be closed for repairs next week,\" the mayor \
             wrote in Russian.",
        );
        let pool = ru_pool("post");
        let opts = opts();
        let (mut rows, claims) = pair_each(vec![ru, en], &pool, &opts);
        release_claimed_pairs(&mut rows, &claims);
        let paired: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.doc_id.as_str(), r.original_id.as_str()))
            .collect();
        assert_eq!(paired, vec![("en", "post")]);
    }

    #[test]
    fn a_copy_of_an_article_does_not_take_the_original_of_its_own_silent_translation() {
        // The same article twice in a corpus (syndicated news): the blogger's post is quoted in
        // translation without a cue, paired in both copies, and neither copy claims it from the
        // other, since a quote paired as a translation claims nothing.
        let text =
            "Russian blogger Ivan Petrov posted on Telegram: \"The old bridge over the river \
                    will be closed for repairs next week.\"";
        let pool = ru_pool("post");
        let opts = opts();
        let copies = vec![doc("copy-1", text), doc("copy-2", text)];
        let (mut rows, claims) = pair_each(copies, &pool, &opts);
        // Scores of one post vary with the pool it is searched in, so equal texts alone would
        // not keep the pairs: the paired quote makes no claim at all.
        assert_eq!(claims, Vec::new());
        release_claimed_pairs(&mut rows, &claims);
        let paired: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.doc_id.as_str(), r.original_id.as_str()))
            .collect();
        assert_eq!(paired, vec![("copy-1", "post"), ("copy-2", "post")]);
    }
}
