//! Snapshot tests of every writer on awkward text: quotes, commas, tabs, newlines, backslashes,
//! emoji, XML specials and control characters.

use talign::doc::Lang;
use talign::write::{
    Columns, CsvWriter, IdsWriter, JsonlWriter, LinksWriter, MosesWriter, PairKind, PairRow,
    PairWriter, QuoteInfo, TmxWriter, TsvWriter,
};

fn lang(code: &str) -> Lang {
    Lang::new(code).unwrap_or_default()
}

fn rows() -> Vec<PairRow> {
    vec![
        PairRow {
            doc_id: "news/story.en.txt".into(),
            tgt_doc_id: "news/story.ru.txt".into(),
            kind: PairKind::Sentence,
            src_lang: lang("en"),
            tgt_lang: lang("ru"),
            src_ids: vec![0],
            tgt_ids: vec![0, 1],
            score: 0.912_345,
            confidence: Some(0.987_654),
            src_text: "He said \"yes, fine\", then left.".into(),
            tgt_text: "Он сказал «да, хорошо».\tПотом ушёл.".into(),
            quote: None,
        },
        PairRow {
            doc_id: "page.html".into(),
            tgt_doc_id: "page.html#post-1".into(),
            kind: PairKind::Quote,
            src_lang: lang("en"),
            tgt_lang: lang("es"),
            src_ids: vec![3, 4],
            tgt_ids: vec![0],
            score: 0.5,
            confidence: None,
            src_text: "Line one\nline two \\ with a backslash 🎉 <b>&</b>".into(),
            tgt_text: "Línea uno\r\nlínea dos\u{1}\u{b} con emoji 👍🏽 'x'".into(),
            quote: Some(QuoteInfo {
                speaker: Some("@ana".into()),
                platform: Some("tweet".into()),
                url: Some("https://twitter.com/ana/status/1?a=1&b=2".into()),
                date: Some("May 1, 2024".into()),
                ..QuoteInfo::default()
            }),
        },
        PairRow {
            doc_id: "d".into(),
            tgt_doc_id: "d".into(),
            src_lang: Lang::UND,
            tgt_lang: Lang::UND,
            src_ids: vec![5],
            tgt_ids: vec![6],
            score: f64::NAN,
            confidence: None,
            src_text: "same language".into(),
            tgt_text: "".into(),
            ..PairRow::default()
        },
    ]
}

fn render(mut w: impl PairWriter) {
    for row in rows() {
        w.write_row(&row).unwrap_or_else(|e| panic!("write: {e}"));
    }
    w.finish().unwrap_or_else(|e| panic!("finish: {e}"));
}

fn text(buf: Vec<u8>) -> String {
    String::from_utf8(buf).unwrap_or_else(|e| panic!("not UTF-8: {e}"))
}

#[test]
fn csv() {
    let mut buf = Vec::new();
    render(CsvWriter::new(&mut buf, false).unwrap_or_else(|e| panic!("{e}")));
    let out = text(buf);
    // RFC 4180: the csv crate reads back exactly what was written.
    let mut back = csv::Reader::from_reader(out.as_bytes());
    let first = back.records().next().and_then(Result::ok);
    assert_eq!(
        first.as_ref().and_then(|r| r.get(9)),
        Some(rows()[0].src_text.as_str())
    );
    insta::assert_snapshot!(out);
}

#[test]
fn csv_with_bom() {
    let mut buf = Vec::new();
    render(CsvWriter::new(&mut buf, true).unwrap_or_else(|e| panic!("{e}")));
    assert!(buf.starts_with("\u{feff}doc_id,".as_bytes()));
}

#[test]
fn tsv() {
    let mut buf = Vec::new();
    render(TsvWriter::new(&mut buf).unwrap_or_else(|e| panic!("{e}")));
    let out = text(buf);
    assert!(out.lines().all(|l| l.split('\t').count() == 15));
    insta::assert_snapshot!(out);
}

#[test]
fn moses() {
    let (mut src, mut tgt) = (Vec::new(), Vec::new());
    render(MosesWriter::new(&mut src, &mut tgt));
    let (src, tgt) = (text(src), text(tgt));
    assert_eq!(src.lines().count(), 3);
    assert_eq!(tgt.lines().count(), 3);
    insta::assert_snapshot!(format!("--- src\n{src}--- tgt\n{tgt}"));
}

#[test]
fn jsonl() {
    let mut buf = Vec::new();
    render(JsonlWriter::new(&mut buf));
    let out = text(buf);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        assert!(v["translation"].is_object(), "{line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn tmx() {
    let mut buf = Vec::new();
    render(TmxWriter::new(&mut buf).unwrap_or_else(|e| panic!("{e}")));
    let out = text(buf);
    assert!(!out.contains('\u{1}') && !out.contains('\u{b}'));
    // Well-formed: quick-xml reads it back to the end.
    let mut reader = quick_xml::Reader::from_str(&out);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("TMX is not well-formed XML: {e}"),
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn links() {
    let mut buf = Vec::new();
    render(LinksWriter::new(&mut buf));
    insta::assert_snapshot!(text(buf));
}

/// Rows of `talign mine`: an accepted pair with awkward text, a refused best candidate with a
/// negative margin, and a query that found nothing.
fn mined_rows() -> Vec<PairRow> {
    let mined = |margin: f64, accepted: bool| {
        Some(QuoteInfo {
            margin: Some(margin),
            accepted: Some(accepted),
            ..QuoteInfo::default()
        })
    };
    vec![
        PairRow {
            doc_id: "quote-1".into(),
            tgt_doc_id: "post-a".into(),
            kind: PairKind::Mined,
            src_lang: lang("en"),
            tgt_lang: lang("ru"),
            src_ids: vec![0],
            tgt_ids: vec![2],
            score: 0.812_345,
            confidence: None,
            src_text: "\"Good luck, Kelly\",\tin Washington 🎉".into(),
            tgt_text: "Удачи Келли\nв Вашингтоне, «да».".into(),
            quote: mined(0.25, true),
        },
        PairRow {
            doc_id: "news.txt#1".into(),
            tgt_doc_id: "post-b".into(),
            kind: PairKind::Mined,
            src_lang: lang("en"),
            tgt_lang: lang("ru"),
            src_ids: vec![1],
            tgt_ids: vec![0],
            score: 0.3,
            confidence: None,
            src_text: "It is cold \\ today.".into(),
            tgt_text: "Сегодня холодно.".into(),
            quote: mined(-0.000_01, false),
        },
        PairRow {
            doc_id: "news.txt#2".into(),
            kind: PairKind::Mined,
            src_lang: lang("en"),
            tgt_lang: lang("ru"),
            src_ids: vec![2],
            score: 0.0,
            confidence: None,
            src_text: "Nothing matches this.".into(),
            quote: mined(0.0, false),
            ..PairRow::default()
        },
    ]
}

fn render_mined(mut w: impl PairWriter) {
    for row in mined_rows() {
        w.write_row(&row).unwrap_or_else(|e| panic!("write: {e}"));
    }
    w.finish().unwrap_or_else(|e| panic!("finish: {e}"));
}

#[test]
fn mined_csv() {
    let mut buf = Vec::new();
    render_mined(
        CsvWriter::with_columns(&mut buf, false, Columns::Mined).unwrap_or_else(|e| panic!("{e}")),
    );
    let out = text(buf);
    let mut back = csv::Reader::from_reader(out.as_bytes());
    let header = back
        .headers()
        .map(|h| h.iter().collect::<Vec<_>>().join(","));
    assert_eq!(
        header.ok().as_deref(),
        Some("query_id,pool_id,score,margin,accepted,query_text,pool_text")
    );
    let first = back.records().next().and_then(Result::ok);
    assert_eq!(
        first.as_ref().and_then(|r| r.get(5)),
        Some(mined_rows()[0].src_text.as_str())
    );
    insta::assert_snapshot!(out);
}

#[test]
fn mined_tsv() {
    let mut buf = Vec::new();
    render_mined(
        TsvWriter::with_columns(&mut buf, Columns::Mined).unwrap_or_else(|e| panic!("{e}")),
    );
    let out = text(buf);
    assert!(out.lines().all(|l| l.split('\t').count() == 7), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn mined_jsonl() {
    let mut buf = Vec::new();
    render_mined(JsonlWriter::new(&mut buf));
    let out = text(buf);
    let first: serde_json::Value =
        serde_json::from_str(out.lines().next().unwrap_or_default()).unwrap_or_default();
    assert_eq!(
        first["translation"]["ru"],
        "Удачи Келли\nв Вашингтоне, «да»."
    );
    assert_eq!(first["accepted"], true);
    insta::assert_snapshot!(out);
}

#[test]
fn ids() {
    let mut buf = Vec::new();
    render_mined(IdsWriter::new(&mut buf));
    let out = text(buf);
    // The format `talign mine --format ids` has always written (`{:.4}`, `-` for no entry).
    assert_eq!(
        out,
        "0\t2\t0.8123\t0.2500\ttrue\n1\t0\t0.3000\t-0.0000\tfalse\n2\t-\t0.0000\t0.0000\tfalse\n"
    );
    insta::assert_snapshot!(out);
}
