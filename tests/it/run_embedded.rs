//! Embedded posts join their page's quote pool: an English article quoting, in translation, a
//! Russian tweet embedded in the same page gets the quote paired with it, with or without
//! `--originals`, from an HTML file or a JSONL record with an `html` field.

use std::path::{Path, PathBuf};

use crate::common::{talign, write};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/embedded_post.html")
}

fn page() -> String {
    std::fs::read_to_string(fixture()).unwrap_or_else(|e| panic!("fixture: {e}"))
}

const QUOTE: &str = "The port is open again: 40 ships are waiting at the piers";
const ORIGINAL: &str = "Порт снова открыт: у причалов ждут 40 судов";
const URL: &str = "https://twitter.com/orlov_pavel/status/1790011223344556677?ref_src=twsrc%5Etfw";

/// Runs `talign run ARGS… --quiet` in `dir` and returns stdout; the run must succeed.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = talign()
        .current_dir(dir)
        .arg("run")
        .args(args)
        .arg("--quiet")
        .assert()
        .code(0);
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("CSV row: {e}")))
        .collect()
}

#[test]
fn html_page_pairs_its_quote_with_its_embedded_post_without_originals() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "port.html", page());
    let out = run(dir.path(), &["port.html"]);
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 1, "one quote pair: {out}");
    let r = &rows[0];
    // doc_id,tgt_doc_id,kind,src_lang,tgt_lang,src_ids,tgt_ids,score,confidence,src_text,tgt_text,
    // speaker,platform,url,date
    assert_eq!(&r[0], "port.html");
    assert_eq!(
        &r[1], "port.html#post-1",
        "the quoted post, not the other: {out}"
    );
    assert_eq!(&r[2], "quote");
    assert_eq!(&r[3], "en", "the quote's own language");
    assert_eq!(&r[4], "ru", "the post's lang attribute");
    assert!(r[9].starts_with(QUOTE), "{out}");
    assert!(r[10].starts_with(ORIGINAL), "{out}");
    assert_eq!(&r[11], "Orlov", "the speaker named by the article");
    assert_eq!(&r[12], "tweet");
    assert_eq!(&r[13], URL);
    assert_eq!(&r[14], "May 13, 2024");
}

#[test]
fn jsonl_html_record_pairs_with_its_posts_and_plain_records_are_only_counted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let page_line =
        serde_json::json!({"id": "port", "url": "https://example.org/port", "html": page()});
    // A cued quote but no embedded post and no pool: nothing to pair with, no row.
    let plain = serde_json::json!({"id": "plain", "text": "The port stayed closed. \u{201c}We are waiting for the water to fall,\u{201d} the governor wrote on Twitter in Russian, according to a translated version."});
    write(dir.path(), "c.jsonl", format!("{page_line}\n{plain}\n"));
    let summary = dir.path().join("s.json");
    let out = run(
        dir.path(),
        &["c.jsonl", "--format", "jsonl", "--summary", "s.json"],
    );
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("JSONL: {e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 1, "{out}");
    let row = &lines[0];
    assert_eq!(row["doc_id"], "port");
    assert_eq!(row["tgt_doc_id"], "port#post-1");
    assert_eq!(row["src_lang"], "en");
    assert_eq!(row["tgt_lang"], "ru");
    let quote = row["translation"]["en"].as_str().unwrap_or_default();
    let original = row["translation"]["ru"].as_str().unwrap_or_default();
    assert!(
        quote.starts_with(QUOTE) && original.starts_with(ORIGINAL),
        "{out}"
    );
    assert_eq!(row["url"], URL);
    assert_eq!(row["date"], "May 13, 2024");
    assert_eq!(row["speaker"], "Orlov");
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap_or_default())
            .unwrap_or_default();
    // The page, its two posts (still documents of their own) and the plain record.
    assert_eq!(s["documents"], 4, "{s:#}");
    assert_eq!(s["processed"], 4, "{s:#}");
    assert_eq!(s["pairs"], 1, "{s:#}");
}

#[test]
fn page_without_embedded_posts_gives_no_quote_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let html = page();
    let start = html.find("<blockquote").unwrap_or(0);
    let end = html
        .rfind("</blockquote>")
        .map_or(0, |e| e + "</blockquote>".len());
    assert!(end > start, "the fixture embeds posts");
    let bare = format!("{}{}", &html[..start], &html[end..]);
    write(dir.path(), "bare.html", bare);
    let out = run(dir.path(), &["bare.html"]);
    assert_eq!(csv_rows(&out).len(), 0, "{out}");
    assert!(out.starts_with("doc_id,tgt_doc_id,"), "{out}");
}

#[test]
fn embedded_post_wins_over_the_same_text_in_the_pool() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "port.html", page());
    let full = "Порт снова открыт: у причалов ждут 40 судов, первые 12 разгрузят сегодня ночью. Спасибо спасателям и докерам!";
    let pool = [
        serde_json::json!({"id": "copy", "text": full, "lang": "ru"}),
        serde_json::json!({"id": "other", "text": "Паводок отступает, но причалы пока закрыты.", "lang": "ru"}),
    ];
    let pool: Vec<String> = pool.iter().map(|p| p.to_string()).collect();
    write(dir.path(), "pool.jsonl", pool.join("\n"));
    let out = run(
        dir.path(),
        &[
            "port.html",
            "--originals",
            "pool.jsonl",
            "--format",
            "jsonl",
        ],
    );
    let rows: Vec<serde_json::Value> = out
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|r: &serde_json::Value| r["doc_id"] == "port.html")
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(
        rows[0]["tgt_doc_id"], "port.html#post-1",
        "the page's own copy, with its address: {out}"
    );
    assert_eq!(rows[0]["url"], URL);
}

#[test]
fn pages_with_posts_give_the_same_bytes_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let html = page();
    for i in 0..6 {
        write(dir.path(), &format!("pages/p{i}.html"), &html);
        write(
            dir.path(),
            &format!("pages/t{i}.txt"),
            "Plain text. \u{201c}Quoted words,\u{201d} he wrote on Twitter in Russian.",
        );
    }
    let one = run(
        dir.path(),
        &["pages", "--threads", "1", "--format", "jsonl"],
    );
    let two = run(
        dir.path(),
        &["pages", "--threads", "2", "--format", "jsonl"],
    );
    assert_eq!(one.lines().count(), 6, "{one}");
    assert_eq!(one, two);
}
