//! Invariants of language detection on arbitrary text: no panics, spans inside the text, in order,
//! on character boundaries, and every segment identified.

use proptest::prelude::*;
use talign::lang::{identify, Detector};
use talign::segment::segment_lines;
use talign::Lang;

fn detector() -> Detector {
    let langs: Vec<Lang> = ["en", "ru", "es", "de", "uk", "el"]
        .iter()
        .filter_map(|c| Lang::new(c))
        .collect();
    Detector::new(Some(&langs))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn detection_is_total_and_bounded(text in "\\PC{0,80}") {
        let d = detector();
        let det = d.detect(&text);
        prop_assert!((0.0..=1.0).contains(&det.confidence));
        prop_assert!(det.lang.is_und() || d.allowed().contains(&det.lang));
        prop_assert_eq!(det, d.detect(&text));
    }

    #[test]
    fn spans_are_ordered_disjoint_and_on_boundaries(
        text in "([a-zA-Zа-яА-ЯёїієґßñáéÁ]{1,9}[ ,.!?«»\"-]{1,3}){0,12}"
    ) {
        let spans = detector().detect_spans(&text);
        let mut prev_end = 0;
        for s in &spans {
            prop_assert!(s.start < s.end, "empty span {:?}", s);
            prop_assert!(s.start >= prev_end, "overlap {:?}", spans);
            prop_assert!(text.get(s.start..s.end).is_some(), "not on char boundaries {:?}", s);
            prev_end = s.end;
        }
        let has_letters = text.chars().any(char::is_alphabetic);
        prop_assert_eq!(spans.is_empty(), !has_letters);
    }

    #[test]
    fn identify_labels_every_segment(lines in proptest::collection::vec("\\PC{0,40}", 0..8)) {
        let text = lines.join("\n");
        let mut segs = segment_lines(&text);
        identify(&text, &mut segs, &detector());
        for seg in &segs {
            prop_assert!((0.0..=1.0).contains(&seg.confidence));
        }
    }
}
