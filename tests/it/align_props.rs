//! Property tests of the aligner: whatever the input, links are monotonic and every sentence of
//! both sides is in exactly one link; plus a long pair that exercises the coarse-to-fine search.

use proptest::prelude::*;
use talign::align::debris::is_debris;
use talign::align::{align_sentences, AlignOptions};
use talign::eval::align::score_links;
use talign::eval::synth::{long_document, SynthOptions};
use talign::Link;

/// Checks the invariants and returns a message for the first violation: every sentence is in
/// exactly one link, and the sentences that are not OCR debris (see `align::debris`) come in
/// order (debris taken out of a link is written beside it, leaving a hole in the link's ids).
fn check(links: &[Link], src: &[&str], tgt: &[&str], max_link: usize) -> Result<(), String> {
    let (n, m) = (src.len(), tgt.len());
    let order = |texts: &[&str]| -> Vec<usize> {
        (0..texts.len()).filter(|&k| !is_debris(texts[k])).collect()
    };
    let (src_order, tgt_order) = (order(src), order(tgt));
    let (mut next_src, mut next_tgt) = (0, 0);
    let (mut seen_src, mut seen_tgt) = (vec![false; n], vec![false; m]);
    for l in links {
        if l.src.is_empty() && l.tgt.is_empty() {
            return Err("empty link".into());
        }
        if l.src.len() + l.tgt.len() > max_link.max(2) {
            return Err(format!("link larger than max_link: {l:?}"));
        }
        for (ids, seen, order, next, side) in [
            (&l.src, &mut seen_src, &src_order, &mut next_src, "source"),
            (&l.tgt, &mut seen_tgt, &tgt_order, &mut next_tgt, "target"),
        ] {
            for &i in ids {
                match seen.get_mut(i) {
                    Some(s) if !*s => *s = true,
                    _ => return Err(format!("{side} {i} twice or out of range")),
                }
                if order.binary_search(&i).is_ok() {
                    if order.get(*next) != Some(&i) {
                        return Err(format!("{side} {i} out of order"));
                    }
                    *next += 1;
                }
            }
        }
    }
    if !seen_src.iter().all(|&s| s) || !seen_tgt.iter().all(|&s| s) {
        return Err(format!(
            "not every sentence covered ({n} source, {m} target)"
        ));
    }
    Ok(())
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zäöüé]{1,9}",
            "[A-Z][a-z]{2,8}",
            "[0-9]{1,4}",
            "[а-я]{2,7}",
            Just("?".to_string()),
            Just("«".to_string()),
        ],
        0..12,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn links_are_monotonic_and_cover_each_sentence_once(
        src in prop::collection::vec(sentence(), 0..30),
        tgt in prop::collection::vec(sentence(), 0..30),
        max_link in 2usize..6,
    ) {
        let s: Vec<&str> = src.iter().map(String::as_str).collect();
        let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
        let opts = AlignOptions { max_link, ..AlignOptions::default() };
        let links = align_sentences(&s, &t, &opts);
        prop_assert_eq!(check(&links, &s, &t, max_link), Ok(()));
        prop_assert_eq!(links.clone(), align_sentences(&s, &t, &opts), "not deterministic");
    }
}

#[test]
fn long_pair_uses_coarse_to_fine_search_and_stays_accurate() {
    // Sentences with a shared number and name make each pair recognisable; the pool repeats, so
    // there are no unique anchors and the coarse-to-fine search has to find the path.
    let pool: Vec<(String, String)> = (0..40)
        .map(|k| {
            let words = "lorem ipsum dolor sit amet consectetur".split(' ').cycle();
            let filler: Vec<&str> = words.skip(k % 5).take(3 + k % 7).collect();
            (
                format!(
                    "Der Berg Nummer {k} heisst Gipfel{k} {} .",
                    filler.join(" ")
                ),
                format!(
                    "La montagne numéro {k} s'appelle Gipfel{k} {} .",
                    filler.join(" ")
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = pool.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let doc = long_document(
        &refs,
        1400,
        &SynthOptions {
            merge: 0.1,
            drop: 0.03,
            seed: 5,
        },
    );
    assert!(
        doc.src.len() * doc.tgt.len() > 1_000_000,
        "too small to need a band"
    );
    let s: Vec<&str> = doc.src.iter().map(String::as_str).collect();
    let t: Vec<&str> = doc.tgt.iter().map(String::as_str).collect();
    let links = align_sentences(&s, &t, &AlignOptions::default());
    assert_eq!(check(&links, &s, &t, 4), Ok(()));
    let test: Vec<_> = links.into_iter().map(|l| (l.src, l.tgt)).collect();
    let f1 = score_links(&doc.gold, &test).strict().f1;
    assert!(f1 > 0.9, "strict F1 {f1:.4} on a long synthetic pair");
}
