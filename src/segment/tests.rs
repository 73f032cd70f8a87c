use super::*;

fn kinds_and_texts(text: &str) -> Vec<(SegmentKind, &str)> {
    segment_with(text, SegmentOptions::default())
        .into_iter()
        .map(|s| (s.kind, &text[s.start..s.end]))
        .collect()
}

/// The quote number and piece of each quote segment of `text`, in order.
fn quote_parts(text: &str) -> Vec<QuotePart> {
    segment_with(text, SegmentOptions::default())
        .into_iter()
        .filter_map(|s| s.quote)
        .collect()
}

#[test]
fn split_quote_is_two_pieces_of_one_quote() {
    let text = "\"Get off, you moron!\" Rogozin said in a quickly deleted Tweet. \"Otherwise, it is on your conscience.\"";
    let segs = segment_with(text, SegmentOptions::default());
    let view: Vec<_> = segs
        .iter()
        .map(|s| (s.kind, s.text(text), s.quote))
        .collect();
    assert_eq!(
        view,
        [
            (
                SegmentKind::Quote,
                "Get off, you moron!",
                Some(QuotePart { quote: 0, piece: 0 })
            ),
            (
                SegmentKind::Sentence,
                "Rogozin said in a quickly deleted Tweet.",
                None
            ),
            (
                SegmentKind::Quote,
                "Otherwise, it is on your conscience.",
                Some(QuotePart { quote: 0, piece: 1 })
            ),
        ]
    );
}

#[test]
fn separate_quotes_get_separate_numbers() {
    let text = "\"We are ready for this,\" she said.\n\n\"It was a very long day for all of us,\" he added later.";
    let quotes = quote_parts(text);
    assert_eq!(
        quotes,
        [
            QuotePart { quote: 0, piece: 0 },
            QuotePart { quote: 1, piece: 0 }
        ]
    );
}

#[test]
fn short_embedded_quotes_stay_in_their_sentence() {
    let text = "The tweet wished women a \"Happy Holidays.\" Then it ended.";
    assert_eq!(
        kinds_and_texts(text),
        [
            (
                SegmentKind::Sentence,
                "The tweet wished women a \"Happy Holidays.\""
            ),
            (SegmentKind::Sentence, "Then it ended."),
        ]
    );
}

#[test]
fn alignment_mode_keeps_quotes_inside_sentences() {
    let text = "\"Get off, you moron!\" Rogozin said in a Tweet. \"Otherwise, it is on you.\"";
    let segs = sentences(&Document::new("d", text));
    let texts: Vec<_> = segs.iter().map(|s| s.text(text)).collect();
    assert_eq!(
        texts,
        [
            "\"Get off, you moron!\" Rogozin said in a Tweet.",
            "\"Otherwise, it is on you.\""
        ]
    );
}

#[test]
fn page_structure_is_classified() {
    let text = "Big news about the station today\n\nThe photo shows the station. It orbits Earth.\n\nThe photo shows the station. It orbits Earth. (NASA)\n\nSave Story\nLeer en español\n\nThe body sentence is here. Another one follows.\n\nRelated topics\n\nScienceU.S.World\nSome Author\n    Weather Forecast\n    Weather Forecast";
    let segs = segment_with(text, SegmentOptions::default());
    let view: Vec<_> = segs
        .iter()
        .map(|s| (s.kind, s.text(text), s.duplicate_of))
        .collect();
    use SegmentKind::*;
    assert_eq!(
        view,
        [
            (Heading, "Big news about the station today", None),
            (Caption, "The photo shows the station.", None),
            (Caption, "It orbits Earth.", None),
            (
                Boilerplate,
                "The photo shows the station. It orbits Earth. (NASA)",
                Some(1)
            ),
            (Boilerplate, "Save Story", None),
            (Marker, "Leer en español", None),
            (Sentence, "The body sentence is here.", None),
            (Sentence, "Another one follows.", None),
            (Boilerplate, "Related topics", None),
            (Boilerplate, "ScienceU.S.World", None),
            (Boilerplate, "Some Author", None),
            (Boilerplate, "Weather Forecast", None),
            (Boilerplate, "Weather Forecast", Some(11)),
        ]
    );
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "This is a long line of a hard-wrapped paragraph that goes\non to the next line here. And a second sentence.\n";
    assert_eq!(
        kinds_and_texts(text),
        [
            (
                SegmentKind::Sentence,
                "This is a long line of a hard-wrapped paragraph that goes\non to the next line here."
            ),
            (SegmentKind::Sentence, "And a second sentence."),
        ]
    );
}

#[test]
fn lines_mode_keeps_lines() {
    let text = "  one line \n\ntwo\n";
    let segs = segment_lines(text);
    let texts: Vec<_> = segs.iter().map(|s| s.text(text)).collect();
    assert_eq!(texts, ["one line", "two"]);
    assert_eq!(segs[1].id, 1);
}

#[test]
fn spans_always_point_into_the_text() {
    let text = "«Привет», — сказал он. „Hallo“, sagte sie. \"Unclosed quote at the end of the para";
    for s in segment_with(text, SegmentOptions::default()) {
        assert!(text
            .get(s.start..s.end)
            .is_some_and(|t| !t.trim().is_empty()));
    }
}

#[test]
fn no_lone_period_is_left_after_a_quote_cut_out_of_its_sentence() {
    let text = "Маленькая девочка бежала и кричала: «Не видали маму?». Потом ушла.";
    let texts: Vec<_> = kinds_and_texts(text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        texts,
        [
            "Маленькая девочка бежала и кричала:",
            "Не видали маму?",
            "Потом ушла."
        ]
    );
}

#[test]
fn the_sentences_view_keeps_quotes_inside_and_never_splits_inside_a_quote() {
    let text = "He said: \"I am ready. We will win.\" Then he left.";
    let segs = segment_with(text, SegmentOptions::sentences());
    let texts: Vec<_> = segs.iter().map(|s| s.text(text)).collect();
    assert_eq!(
        texts,
        ["He said: \"I am ready. We will win.\"", "Then he left."]
    );
}

#[test]
fn a_quotation_in_guillemets_of_several_statements_is_cut_into_them() {
    let sentences = |text: &'static str| -> Vec<&'static str> {
        segment_with(text, SegmentOptions::sentences())
            .iter()
            .map(|s| s.text(text))
            .collect()
    };
    assert_eq!(
        sentences(
            "Explicou o prefeito: «A cidade ainda não dispõe de esgotos. O projeto do córrego \
             é indispensável para os moradores». Depois saiu."
        ),
        [
            "Explicou o prefeito: «A cidade ainda não dispõe de esgotos.",
            "O projeto do córrego é indispensável para os moradores».",
            "Depois saiu."
        ]
    );
    // short exclamations, questions and a book title stay inside their quotation
    assert_eq!(
        sentences("Он крикнул: «Стой! Кто идёт?» и побежал. Читала „Культурна психология. Наука на бъдещето“ вчера."),
        [
            "Он крикнул: «Стой! Кто идёт?» и побежал.",
            "Читала „Культурна психология. Наука на бъдещето“ вчера."
        ]
    );
}

#[test]
fn the_sentences_view_gives_furniture_one_row_per_sentence() {
    let text = "Copyright laws are strict. They protect authors.\n\nThe body is here.";
    let segs = segment_with(text, SegmentOptions::sentences());
    let view: Vec<_> = segs.iter().map(|s| (s.kind, s.text(text))).collect();
    assert_eq!(
        view,
        [
            (SegmentKind::Boilerplate, "Copyright laws are strict."),
            (SegmentKind::Boilerplate, "They protect authors."),
            (SegmentKind::Sentence, "The body is here."),
        ]
    );
}

#[test]
fn quotes_by_different_speakers_are_different_quotes() {
    let text = "\"We stand with Ukraine,\" Estonia's foreign minister said in a post on X. \"Russia will pay for this war,\" Lithuania's defence minister wrote.";
    let quotes = quote_parts(text);
    assert_eq!(
        quotes,
        [
            QuotePart { quote: 0, piece: 0 },
            QuotePart { quote: 1, piece: 0 }
        ]
    );
    let text = "Kallas wrote on X: \"We stand with Ukraine today.\" Landsbergis replied on Facebook: \"Russia will pay.\"";
    let numbers: Vec<usize> = segment_with(text, SegmentOptions::default())
        .into_iter()
        .filter_map(|s| s.quote.map(|q| q.quote))
        .collect();
    assert_eq!(numbers, [0, 1]);
}

#[test]
fn punctuation_outside_the_closing_mark_stays_with_the_quote() {
    for text in [
        "Песков сказал: «Запад понимает только язык силы». Кремль не стал уточнять детали.",
        "Kallas wrote: \"We will not give in to blackmail\". The ministry agreed.",
        "Le ministre a déclaré : « Nous ne céderons pas aux menaces du Kremlin ». Paris attend.",
    ] {
        let segs = kinds_and_texts(text);
        assert!(
            segs.iter()
                .all(|(_, t)| t.chars().any(char::is_alphanumeric)),
            "no segment of bare punctuation in {segs:?}"
        );
        assert_eq!(
            segs.iter()
                .filter(|(k, _)| *k == SegmentKind::Quote)
                .count(),
            1
        );
        assert_eq!(segs.last().map(|s| s.0), Some(SegmentKind::Sentence));
    }
}

#[test]
fn a_quote_without_final_punctuation_ends_at_its_closing_mark() {
    let text = "Medvedev posted on Telegram in Russian: \"Europe will pay for its arrogance, you will see\"\n\"We are not afraid of these threats,\" Kallas replied.";
    let segs = segment_with(text, SegmentOptions::default());
    let quotes: Vec<(&str, usize)> = segs
        .iter()
        .filter_map(|s| s.quote.map(|q| (s.text(text), q.quote)))
        .collect();
    assert_eq!(
        quotes,
        [
            ("Europe will pay for its arrogance, you will see", 0),
            ("We are not afraid of these threats", 1)
        ]
    );
}
