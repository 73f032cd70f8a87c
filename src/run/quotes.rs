//! Translated quotes paired with their original posts: the quote stage of `talign run`.
//!
//! For every document, quotes with a translation cue ("replied in Russian", "according to a
//! translated version") are searched among the original posts of the pool whose language is the
//! cue's (any language but the document's when the cue names none). Quotes from a tweet or
//! social-media post without a cue are searched too, at a stricter threshold, among the posts
//! of the page itself and the posts in a language the article ties the speaker to (`tied_langs`):
//! articles quote tweets in translation silently, but an article that marks its translations
//! marks them, so an English post quoted beside translated ones stays unpaired. Other quotes are
//! taken as originals and not paired. Foreign-language segments of the inputs themselves (a Russian tweet
//! pasted into the page) join the pool, and so do the posts embedded in a page
//! ([`pair_quotes_embedded`]). The lexicons are prepared once for many calls
//! ([`QuoteOptions::prepare`]).

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::align::anchors::{guess_lang, guess_langs};
use crate::align::lexicon::Lexicon;
use crate::align::mine::{mine_with_langs, MineOptions, PreparedLexicons, DEFAULT_THRESHOLD};
use crate::doc::{Document, Lang, Segment, SegmentKind};
use crate::quote::{language_by_name, quotes, Quote};
use crate::read::{work_items, ReadOptions, Reject, WorkItem};
use crate::write::Claimable;

use super::claims::{drop_claimed, page_claims, ClaimQuote};

/// An original post: an id, its text and, when known, its language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// Identifier (JSONL `id`; `doc#seg` for segments of the inputs).
    pub id: String,
    /// The text.
    pub text: String,
    /// The declared language, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// Why a pool of original posts could not be read: the first input, record or line that failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the pool of originals: {0}")]
pub struct PoolError(pub Reject);

/// Reads a pool of original posts with the corpus readers ([`crate::read::work_items`]): each
/// JSONL record (`{"id", "text", "lang"?}` a line) or CSV/TSV row is a post, each text file one
/// post (id: its path); folders and `.gz` as for any corpus. The pool is all or nothing: the first
/// input, record or line that cannot be read fails it.
pub fn read_posts(paths: &[PathBuf]) -> Result<Vec<Post>, PoolError> {
    let opts = ReadOptions {
        pair_by_name: false,
        ..ReadOptions::default()
    };
    let mut out = Vec::new();
    for item in work_items(paths, None, &opts) {
        let docs = match item.map_err(PoolError)? {
            WorkItem::Single(d) => vec![d],
            WorkItem::Pair { src, tgt } => vec![src, tgt],
        };
        out.extend(docs.into_iter().map(|d| Post {
            id: d.doc.id,
            text: d.doc.text,
            lang: d.doc.lang,
        }));
    }
    Ok(out)
}

/// The language of a text for pairing: the one function to swap for the `lang` stage's
/// identifier (today a script rule plus `whatlang` among common Latin-script languages).
pub fn guess_text_lang(text: &str) -> Lang {
    guess_lang(text)
}

/// The languages of a set of texts (see [`guess_text_lang`]; the set decides between languages of
/// one script when single texts are too short to tell).
pub fn guess_side_langs(texts: &[&str]) -> Vec<Lang> {
    guess_langs(texts)
}

/// How to pair quotes with originals.
#[derive(Debug, Clone)]
pub struct QuoteOptions {
    /// Bilingual word lists for the miner.
    pub lexicons: Vec<Lexicon>,
    /// Use the core lexicons shipped with the crate.
    pub core_lexicon: bool,
    /// Least margin for quotes with a translation cue.
    pub threshold: f64,
    /// Least score for quotes with a cue (quotes are longer than single sentences: true pairs
    /// score well above the sentence-level floor).
    pub min_score: f64,
    /// Least margin for social-media quotes without a cue (stricter).
    pub uncued_threshold: f64,
    /// Least score for quotes without a cue.
    pub uncued_min_score: f64,
    /// Least length (in characters) of an input segment to join the pool.
    pub min_segment_chars: usize,
    /// `lexicons` and the core lexicons prepared once for many calls (see
    /// [`QuoteOptions::prepare`]); when set, `lexicons` and `core_lexicon` are not read again.
    pub prepared: Option<Arc<PreparedLexicons>>,
}

impl QuoteOptions {
    /// Prepares the lexicons once (stem tables shared by every later call), unless done already.
    pub fn prepare(&mut self) {
        if self.prepared.is_none() {
            self.prepared = Some(Arc::new(PreparedLexicons::new(
                &self.lexicons,
                self.core_lexicon,
            )));
        }
    }
}

impl Default for QuoteOptions {
    fn default() -> Self {
        QuoteOptions {
            lexicons: Vec::new(),
            core_lexicon: true,
            threshold: DEFAULT_THRESHOLD,
            min_score: 0.3,
            uncued_threshold: 0.25,
            uncued_min_score: 0.5,
            min_segment_chars: 20,
            prepared: None,
        }
    }
}

/// A document with its segments (languages set where identified).
#[derive(Debug, Clone)]
pub struct SegmentedDoc {
    /// The document.
    pub doc: Document,
    /// Its segments.
    pub segments: Vec<Segment>,
}

/// One row of the quote-pairs output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePair {
    /// The document's id.
    pub doc_id: String,
    /// `q<index>`: the quote's index in its document.
    pub quote_id: String,
    /// The named speaker (empty when not found).
    pub speaker: String,
    /// tweet, post, statement, interview (empty when not named).
    pub platform: String,
    /// The language the quote was translated from: the cue's, else the original's.
    pub quote_lang: String,
    /// The quote as printed (pieces joined).
    pub quote_text: String,
    /// The original's id (empty when none was accepted).
    pub original_id: String,
    /// The original's language (empty when none).
    pub original_lang: String,
    /// The original's text (empty when none).
    pub original_text: String,
    /// The pair's score (0 when none).
    pub score: f64,
    /// The pair's margin (0 when none).
    pub margin: f64,
    /// The language the quote is written in (empty when unknown); not serialized, so the
    /// quote-pair CSV keeps its columns.
    #[serde(skip)]
    pub text_lang: String,
    /// Set when a run-wide claim may undo the pair (its original came from the pool); not
    /// serialized.
    #[serde(skip)]
    pub claimable: Option<Claimable>,
}

/// A quote that may be a translation, with the pool languages it may come from.
pub(super) struct Candidate<'a> {
    pub(super) doc: &'a SegmentedDoc,
    pub(super) quote: Quote,
    pub(super) text_lang: Lang,
    /// The source language named by a cue, if any.
    pub(super) cue_lang: Option<Lang>,
    pub(super) cued: bool,
    /// For a quote without a cue: the foreign languages the article ties its speaker to.
    pub(super) tied: Vec<Lang>,
}

/// The main language of a document: declared, else guessed from its prose.
fn doc_lang(d: &SegmentedDoc) -> Lang {
    if let Some(l) = d.doc.lang.filter(|l| !l.is_und()) {
        return l;
    }
    let prose: String = d
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Sentence)
        .take(40)
        .map(|s| s.text(&d.doc.text))
        .collect::<Vec<_>>()
        .join(" ");
    guess_text_lang(&prose)
}

/// The language of a segment: identified, else guessed.
fn seg_lang(s: &Segment, text: &str) -> Lang {
    if s.lang.is_und() {
        guess_text_lang(s.text(text))
    } else {
        s.lang
    }
}

/// Pool entries from the inputs: content segments in another language than their document.
fn input_posts(docs: &[SegmentedDoc], opts: &QuoteOptions) -> Vec<(Post, Lang)> {
    let mut out = Vec::new();
    for d in docs {
        let main = doc_lang(d);
        for s in &d.segments {
            if matches!(s.kind, SegmentKind::Boilerplate | SegmentKind::Marker) {
                continue;
            }
            let text = s.text(&d.doc.text);
            if text.chars().count() < opts.min_segment_chars {
                continue;
            }
            let lang = seg_lang(s, &d.doc.text);
            if lang.is_und() || lang == main {
                continue;
            }
            out.push((
                Post {
                    id: format!("{}#{}", d.doc.id, s.id),
                    text: text.to_string(),
                    lang: Some(lang),
                },
                lang,
            ));
        }
    }
    out
}

/// The foreign languages an article ties a speaker to: language names (nouns or adjectives,
/// "replied in Russian", "two Russian cosmonauts") in its sentences that name the speaker's
/// surname. A quote from a post with no cue is searched only in these languages: an article
/// that marks translations marks them, and a silent translation is assumed only for a speaker
/// the article places in another language.
fn tied_langs(d: &SegmentedDoc, speaker: Option<&str>, main: Lang) -> Vec<Lang> {
    let Some(surname) = speaker
        .and_then(|s| s.split_whitespace().next_back())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
    else {
        return Vec::new();
    };
    let mut out: Vec<Lang> = Vec::new();
    for seg in d
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Sentence)
    {
        let words: Vec<&str> = seg
            .text(&d.doc.text)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let names_speaker = words.iter().any(|w| {
            *w == surname || w.strip_suffix("'s").or(w.strip_suffix("’s")) == Some(surname)
        });
        if !names_speaker {
            continue;
        }
        for l in words.iter().filter_map(|w| language_by_name(w)) {
            if l != main && !out.contains(&l) {
                out.push(l);
            }
        }
    }
    out
}

/// The quotes worth searching: with a translation cue naming another language (or none), or
/// from a social-media platform without a cue, by a speaker the article ties to another
/// language ([`tied_langs`]).
/// A quote that is no candidate (no cue, no tie to a foreign language): most likely said in the
/// article's language, so a pool post that translates it is no other quote's original.
pub(super) struct Plain<'a> {
    pub(super) doc: &'a SegmentedDoc,
    pub(super) text: String,
    pub(super) lang: Lang,
}

fn candidates(docs: &[SegmentedDoc]) -> (Vec<Candidate<'_>>, Vec<Plain<'_>>) {
    let mut out = Vec::new();
    let mut plain = Vec::new();
    for d in docs {
        let main = doc_lang(d);
        for q in quotes(&d.doc, &d.segments) {
            let text_lang = match guess_text_lang(&q.text) {
                l if l.is_und() => main,
                l => l,
            };
            let cue_lang = q.cue.as_ref().and_then(|c| c.lang);
            let cued = q.cue.is_some() && cue_lang != Some(text_lang);
            let social = q.platform.is_some_and(|p| p.is_social());
            let tied = if cued || !social {
                Vec::new()
            } else {
                tied_langs(d, q.speaker.as_deref(), text_lang)
            };
            if cued || !tied.is_empty() {
                out.push(Candidate {
                    doc: d,
                    quote: q,
                    text_lang,
                    cue_lang,
                    cued,
                    tied,
                });
            } else {
                plain.push(Plain {
                    doc: d,
                    text: q.text,
                    lang: text_lang,
                });
            }
        }
    }
    (out, plain)
}

/// Pairs translated quotes of the documents with their originals among `pool` and the inputs'
/// own foreign-language segments; one row per cued quote (original fields empty when nothing was
/// accepted) and per uncued social-media quote that found its original.
pub fn pair_quotes(docs: &[SegmentedDoc], pool: &[Post], opts: &QuoteOptions) -> Vec<QuotePair> {
    pair_quotes_prepared(docs, &prepare_pool(pool), opts)
}

/// Pool posts with their languages: the declared one, else a guess. Done once for a run whose
/// documents are paired one at a time against the same pool.
pub fn prepare_pool(pool: &[Post]) -> Vec<(Post, Lang)> {
    pool.iter()
        .map(|p| {
            let lang = p
                .lang
                .filter(|l| !l.is_und())
                .unwrap_or_else(|| guess_text_lang(&p.text));
            (p.clone(), lang)
        })
        .collect()
}

/// [`pair_quotes`] with a pool from [`prepare_pool`].
pub fn pair_quotes_prepared(
    docs: &[SegmentedDoc],
    pool: &[(Post, Lang)],
    opts: &QuoteOptions,
) -> Vec<QuotePair> {
    pair_quotes_embedded(docs, pool, &[], opts)
}

/// True when two texts are the same but for whitespace.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// [`pair_quotes_prepared`] with the posts embedded in the documents (prepared with
/// [`prepare_pool`]) joining the pool. A pool post with the same text as an embedded one is left
/// out: the embedded copy knows its page, and two copies would refuse each other as
/// near-duplicates.
pub fn pair_quotes_embedded(
    docs: &[SegmentedDoc],
    pool: &[(Post, Lang)],
    embedded: &[(Post, Lang)],
    opts: &QuoteOptions,
) -> Vec<QuotePair> {
    pair_inner(docs, pool, embedded, opts, false).0
}

/// [`pair_quotes_embedded`], with the documents' quotes that may claim their own translation
/// from the pool in other documents of a run (see [`crate::run::claims`]).
pub fn pair_quotes_claiming(
    docs: &[SegmentedDoc],
    pool: &[(Post, Lang)],
    embedded: &[(Post, Lang)],
    opts: &QuoteOptions,
) -> (Vec<QuotePair>, Vec<ClaimQuote>) {
    pair_inner(docs, pool, embedded, opts, true)
}

/// The pairing, with the claims on pool posts when `claiming`.
fn pair_inner(
    docs: &[SegmentedDoc],
    pool: &[(Post, Lang)],
    embedded: &[(Post, Lang)],
    opts: &QuoteOptions,
    claiming: bool,
) -> (Vec<QuotePair>, Vec<ClaimQuote>) {
    let own = input_posts(docs, opts);
    let entries: Vec<&(Post, Lang)> = pool
        .iter()
        .filter(|(p, _)| !embedded.iter().any(|(e, _)| same_text(&p.text, &e.text)))
        .chain(embedded)
        .chain(&own)
        .collect();
    // Entries from this index on come from the pages themselves.
    let from_page = entries.len() - embedded.len() - own.len();
    let (cands, plain) = candidates(docs);
    // The lexicons once for both passes (and, through `opts.prepared`, for a whole run).
    let prepared = match &opts.prepared {
        Some(p) => Arc::clone(p),
        None => Arc::new(PreparedLexicons::new(&opts.lexicons, opts.core_lexicon)),
    };
    let mut used = vec![false; entries.len()];
    let mut found: Vec<Option<(usize, f64, f64)>> = vec![None; cands.len()];
    // Cued quotes first at the normal threshold, then uncued ones, stricter, on what is left.
    for cued_pass in [true, false] {
        let group: Vec<usize> = (0..cands.len())
            .filter(|&i| cands.get(i).is_some_and(|c| c.cued == cued_pass))
            .collect();
        if group.is_empty() {
            continue;
        }
        // Pool entries any quote of the group may come from. A quote without a cue may come
        // from a post in a language its speaker is tied to, or from a foreign post of the page
        // itself (embedded, or pasted into the text).
        let allowed = |j: usize, c: &Candidate| -> bool {
            let Some(e) = entries.get(j) else {
                return false;
            };
            match c.cue_lang {
                Some(l) if c.cued => e.1 == l,
                _ if c.cued => e.1 != c.text_lang && !e.1.is_und(),
                _ => {
                    c.tied.contains(&e.1) || (j >= from_page && e.1 != c.text_lang && !e.1.is_und())
                }
            }
        };
        // The entries searched: for quotes without a cue every foreign entry, so the margins
        // weigh the pair against the whole pool; `allowed` then decides what may be taken.
        let searched = |j: usize, c: &Candidate| -> bool {
            if c.cued {
                return allowed(j, c);
            }
            entries
                .get(j)
                .is_some_and(|e| e.1 != c.text_lang && !e.1.is_und())
        };
        let pool_idx: Vec<usize> = (0..entries.len())
            .filter(|&j| {
                !used.get(j).copied().unwrap_or(true)
                    && group
                        .iter()
                        .any(|&i| cands.get(i).is_some_and(|c| searched(j, c)))
            })
            .collect();
        let queries: Vec<(&str, Lang)> = group
            .iter()
            .filter_map(|&i| cands.get(i))
            .map(|c| (c.quote.text.as_str(), c.text_lang))
            .collect();
        let pool_texts: Vec<(&str, Lang)> = pool_idx
            .iter()
            .filter_map(|&j| entries.get(j))
            .map(|(p, l)| (p.text.as_str(), *l))
            .collect();
        let mopts = MineOptions {
            prepared: Some(Arc::clone(&prepared)),
            threshold: if cued_pass {
                opts.threshold
            } else {
                opts.uncued_threshold
            },
            min_score: if cued_pass {
                opts.min_score
            } else {
                opts.uncued_min_score
            },
            ..MineOptions::default()
        };
        for hit in mine_with_langs(&queries, &pool_texts, &mopts) {
            let (Some(&ci), Some(pj)) =
                (group.get(hit.query), hit.pool.and_then(|p| pool_idx.get(p)))
            else {
                continue;
            };
            let ok = hit.accepted && cands.get(ci).is_some_and(|c| allowed(*pj, c));
            if ok {
                found[ci] = Some((*pj, hit.score, hit.margin));
                if let Some(u) = used.get_mut(*pj) {
                    *u = true;
                }
            }
        }
        if cued_pass {
            drop_claimed(&cands, &plain, &mut found, &entries, &prepared, opts);
        }
    }
    // Quotes without a cue that found no original: a quote paired as a translation claims
    // nothing.
    let claimers: Vec<(&SegmentedDoc, &str, Lang)> = cands
        .iter()
        .zip(&found)
        .filter(|(c, f)| !c.cued && f.is_none())
        .map(|(c, _)| (c.doc, c.quote.text.as_str(), c.text_lang))
        .chain(plain.iter().map(|p| (p.doc, p.text.as_str(), p.lang)))
        .collect();
    // Claims reach other documents' pairs, which only ever take pool posts.
    let claims = match (entries.get(..from_page), claiming && !pool.is_empty()) {
        (Some(pool_entries), true) => page_claims(&claimers, pool_entries, &prepared, opts),
        _ => Vec::new(),
    };
    (rows(&cands, &found, &entries, from_page), claims)
}

/// The output rows, in document and quote order.
fn rows(
    cands: &[Candidate],
    found: &[Option<(usize, f64, f64)>],
    entries: &[&(Post, Lang)],
    from_page: usize,
) -> Vec<QuotePair> {
    let mut out = Vec::new();
    for (c, f) in cands.iter().zip(found) {
        let original = f.and_then(|(j, s, m)| entries.get(j).map(|e| (e, s, m)));
        if original.is_none() && !c.cued {
            continue;
        }
        let opt = |o: Option<&str>| o.unwrap_or("").to_string();
        let quote_lang = c
            .cue_lang
            .or(original.map(|(e, _, _)| e.1))
            .map(|l| l.to_string());
        out.push(QuotePair {
            doc_id: c.doc.doc.id.clone(),
            quote_id: format!("q{}", c.quote.index),
            speaker: opt(c.quote.speaker.as_deref()),
            platform: opt(c.quote.platform.map(|p| p.as_str())),
            quote_lang: quote_lang.unwrap_or_default(),
            quote_text: c.quote.text.clone(),
            original_id: opt(original.map(|(e, _, _)| e.0.id.as_str())),
            original_lang: original
                .map(|(e, _, _)| e.1.to_string())
                .unwrap_or_default(),
            original_text: opt(original.map(|(e, _, _)| e.0.text.as_str())),
            score: original.map_or(0.0, |(_, s, _)| s),
            margin: original.map_or(0.0, |(_, _, m)| m),
            text_lang: if c.text_lang.is_und() {
                String::new()
            } else {
                c.text_lang.to_string()
            },
            // The page's own posts are its quotes' originals whatever other pages say.
            claimable: f.filter(|(j, _, _)| *j < from_page).map(|_| {
                if c.cued {
                    Claimable::Cued(c.cue_lang)
                } else {
                    Claimable::Uncued
                }
            }),
        });
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A document segmented as the pipeline does.
    pub(in crate::run) fn doc(id: &str, text: &str) -> SegmentedDoc {
        let doc = Document::new(id, text);
        let segments = crate::segment::segment(&doc);
        SegmentedDoc { doc, segments }
    }

    fn post(id: &str, text: &str, lang: &str) -> Post {
        Post {
            id: id.into(),
            text: text.into(),
            lang: Lang::new(lang),
        }
    }

    #[test]
    fn a_translated_quote_is_not_paired_with_the_translation_of_its_neighbour() {
        // The Russian post is the translation of the mayor's English quote, not the original of
        // Ivan's translated one, though both quotes speak of the same bridge.
        let d = doc(
            "d",
            "\"The army destroyed the bridge over the river,\" Ivan wrote in Russian on Telegram. \
             \"The army destroyed the old bridge over the river this morning, and the water is \
             rising,\" the mayor told reporters.",
        );
        let pool = [post(
            "trap",
            "Армия разрушила старый мост через реку сегодня утром, и вода поднимается.",
            "ru",
        )];
        let mut opts = QuoteOptions::default();
        opts.lexicons
            .push(crate::align::lexicon::Lexicon::from_pairs([
                ("army", "армия"),
                ("destroyed", "разрушила"),
                ("bridge", "мост"),
                ("river", "реку"),
                ("old", "старый"),
                ("morning", "утром"),
                ("water", "вода"),
                ("rising", "поднимается"),
            ]));
        let rows = pair_quotes(&[d], &pool, &opts);
        let paired: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| !r.original_id.is_empty())
            .map(|r| (r.quote_id.as_str(), r.original_id.as_str()))
            .collect();
        assert_eq!(paired, Vec::<(&str, &str)>::new());
    }
}
