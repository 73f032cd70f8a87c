//! Runs the real `talign segment` binary on the seed article and checks what it must see.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_488fef76da5343e0.txt")
}

fn rows(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("talign")
        .expect("binary builds")
        .args(args)
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn text(row: &Value) -> &str {
    row["text"].as_str().unwrap_or_default()
}

fn find<'a>(rows: &'a [Value], starts: &str) -> &'a Value {
    rows.iter()
        .find(|r| text(r).starts_with(starts))
        .unwrap_or_else(|| panic!("no segment starts with {starts:?}"))
}

#[test]
fn marker_furniture_and_duplicates() {
    let rows = rows(&["segment", "--format", "jsonl"]);
    let marker = find(&rows, "Leer en español");
    assert_eq!(marker["kind"], "marker");
    assert_eq!(marker["lang"], "es");
    assert_eq!(text(marker), "Leer en español");
    for furniture in [
        "Save Story",
        "Estimated read time: 5-6 minutes",
        "Play button",
    ] {
        assert_eq!(find(&rows, furniture)["kind"], "boilerplate", "{furniture}");
    }
    let caption = find(&rows, "The International Space Station was photographed");
    assert_eq!(caption["kind"], "caption");
    let duplicate = rows
        .iter()
        .find(|r| text(r).ends_with("(NASA)"))
        .expect("the credited caption copy");
    assert_eq!(duplicate["kind"], "boilerplate");
    assert_eq!(duplicate["duplicate_of"], caption["seg_id"]);
    let headline = find(&rows, "Former NASA astronaut Scott Kelly");
    assert_eq!(headline["kind"], "heading");
}

#[test]
fn body_is_english_and_unbroken() {
    let rows = rows(&["segment", "--format", "jsonl"]);
    let body: Vec<&Value> = rows
        .iter()
        .filter(|r| {
            matches!(
                r["kind"].as_str(),
                Some("sentence" | "quote" | "heading" | "caption")
            )
        })
        .collect();
    assert!(body.len() > 40, "only {} body segments", body.len());
    for r in &body {
        assert_eq!(r["lang"], "en", "not English: {:?}", text(r));
        let c = r["confidence"].as_f64().unwrap_or(0.0);
        assert!(c > 0.0 && c <= 1.0, "confidence {c} for {:?}", text(r));
    }
    for whole in [
        "Feb. 16, 2001",
        "U.S.-Russian",
        "U.S. sanctions",
        "Mr. Medvedev, I am returning",
    ] {
        assert!(
            body.iter().any(|r| text(r).contains(whole)),
            "{whole:?} was broken"
        );
    }
    for r in &body {
        let t = text(r);
        assert!(
            !(t.ends_with("Feb.") || t.ends_with(" Mr.") || t.ends_with("U.S.")),
            "sentence broken after an abbreviation: {t:?}"
        );
    }
}

fn quote_of(row: &Value) -> (u64, u64) {
    let q = &row["quote"];
    (
        q["quote"].as_u64().expect("quote number"),
        q["piece"].as_u64().expect("piece number"),
    )
}

#[test]
fn split_quotes_are_pieces_of_one_quote() {
    let rows = rows(&["segment", "--format", "jsonl"]);
    for (first, second) in [
        (
            "Get off, you moron!",
            "Otherwise, the death of the International Space Station",
        ),
        (
            "Dimon, why did you delete this tweet?",
            "Don't want everyone to see",
        ),
        (
            "Mr. Medvedev, I am returning to you",
            "Please give it to a Russian mother",
        ),
    ] {
        let a = find(&rows, first);
        let b = find(&rows, second);
        assert_eq!(a["kind"], "quote", "{first}");
        assert_eq!(b["kind"], "quote", "{second}");
        let (qa, pa) = quote_of(a);
        let (qb, pb) = quote_of(b);
        assert_eq!(qa, qb, "{first} / {second} are one quote");
        assert_eq!((pa, pb), (0, 1));
    }
    assert_eq!(
        find(&rows, "Rogozin said in a quickly deleted Tweet.")["kind"],
        "sentence"
    );
}

#[test]
fn csv_has_the_contract_columns() {
    let out = Command::cargo_bin("talign")
        .expect("binary builds")
        .arg("segment")
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "doc_id",
            "seg_id",
            "start",
            "end",
            "kind",
            "lang",
            "confidence",
            "text"
        ]
    );
    let seed_text = std::fs::read_to_string(seed()).expect("seed readable");
    let mut n = 0;
    for rec in reader.records() {
        let rec = rec.expect("valid CSV record");
        let start: usize = rec[2].parse().expect("start");
        let end: usize = rec[3].parse().expect("end");
        assert_eq!(&seed_text[start..end], &rec[7], "span and text agree");
        n += 1;
    }
    assert!(n > 50);
}

#[test]
fn bad_inputs_are_named_and_the_rest_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"fine line\nbroken \xff byte\n").expect("write");
    let missing = dir.path().join("missing.txt");
    let assert = Command::cargo_bin("talign")
        .expect("binary builds")
        .arg("segment")
        .arg(&bad)
        .arg(seed())
        .arg(&missing)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("bad.txt:2: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("Leer en español"));

    Command::cargo_bin("talign")
        .expect("binary builds")
        .arg("segment")
        .arg(&bad)
        .assert()
        .code(2);
}
