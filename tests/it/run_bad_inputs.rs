//! A corpus mixing good inputs with every bad kind: every good pair is written, every bad input
//! is named in the summary, the counts add up, the exit code is 1, nothing panics.

use std::io::Write;

use crate::common::{talign, write};
use flate2::write::GzEncoder;
use serde_json::Value;

const EN: &str =
    "The cat sat on the mat.\nIt was a sunny day in the small town.\nEveryone was happy.\n";
const ES: &str = "El gato se sentó en la alfombra.\nEra un día soleado en el pequeño pueblo.\nTodos estaban felices.\n";

fn gz(text: &str) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(text.as_bytes())
        .unwrap_or_else(|e| panic!("gz: {e}"));
    enc.finish().unwrap_or_else(|e| panic!("gz: {e}"))
}

#[test]
fn bad_inputs_are_named_and_good_ones_processed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let c = dir.path().join("corpus");
    // Good: a pair by name, a gzipped pair, a manifest pair, JSONL pairs, a CSV single.
    write(&c, "a/story.en.txt", EN);
    write(&c, "a/story.es.txt", ES);
    write(&c, "b/news.en.txt.gz", gz(EN));
    write(&c, "b/news.es.txt.gz", gz(ES));
    write(dir.path(), "m/left.txt", EN);
    write(dir.path(), "m/right.txt", ES);
    write(
        dir.path(),
        "m/manifest.tsv",
        "left.txt\tright.txt\nleft.txt\tgone.txt\njust-one\n",
    );
    let good = serde_json::json!({"id": "j.en", "text": EN, "lang": "en"}).to_string();
    let good_es = serde_json::json!({"id": "j.es", "text": ES}).to_string();
    let mut jsonl = format!("{good}\n{good_es}\nnot json at all\n{{\"id\": \"x\"}}\n").into_bytes();
    jsonl.extend_from_slice(b"{\"id\": \"u\", \"text\": \"bad \xff utf8\"}\n");
    jsonl.extend_from_slice(
        format!(
            "{{\"id\": \"big\", \"text\": \"{}\"}}\n",
            "x".repeat(100 << 20)
        )
        .as_bytes(),
    );
    jsonl.extend_from_slice(format!("{good}\n{good_es}\n").as_bytes());
    write(&c, "c/records.jsonl", jsonl);
    write(&c, "c/table.csv", "id,text\nr1,\"Hello, world.\"\n");
    // Bad: binary, empty, lonely side of a pair, bad UTF-8 text.
    write(&c, "d/binary.txt", b"\x7fELF\0\0\x01");
    write(&c, "d/empty.txt", "");
    write(&c, "d/lonely.en.txt", EN);
    write(&c, "d/latin1.txt", b"caf\xe9\n");
    let out = dir.path().join("out.csv");
    let summary = dir.path().join("summary.json");

    let assert = talign()
        .arg("run")
        .arg(&c)
        .arg(dir.path().join("missing-input"))
        .arg("--manifest")
        .arg(dir.path().join("m/manifest.tsv"))
        .arg("-o")
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .arg("--threads")
        .arg("2")
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");

    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap_or_default())
        .unwrap_or_else(|e| panic!("summary is not JSON: {e}"));
    let n = |k: &str| s[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(n("documents"), n("processed") + n("rejected"), "{s:#}");
    let rejects = s["rejects"].as_array().cloned().unwrap_or_default();
    assert_eq!(rejects.len() as u64, n("rejected"));
    let named = |needle: &str, line: Option<u64>, why: &str| {
        assert!(
            rejects.iter().any(|r| {
                r["input"].as_str().unwrap_or("").contains(needle)
                    && r["line"].as_u64() == line
                    && r["reason"].as_str().unwrap_or("").contains(why)
            }),
            "no reject for {needle}:{line:?} ({why}) in {rejects:#?}"
        );
    };
    named("binary.txt", Some(1), "binary");
    named("empty.txt", None, "empty");
    named("lonely.en.txt", None, "no parallel document");
    named("latin1.txt", Some(1), "invalid UTF-8 at byte 3");
    named("missing-input", None, "cannot read");
    named("records.jsonl", Some(3), "not JSON");
    named("records.jsonl", Some(4), "no `text`");
    named("records.jsonl", Some(5), "invalid UTF-8");
    named("records.jsonl", Some(6), "too large");
    named("gone.txt", None, "cannot read");
    named("left.txt", None, "parallel document");
    named("manifest.tsv", Some(3), "two paths");
    // 5 good pairs (story, news, manifest, 2 × JSONL) + 1 CSV single.
    assert_eq!(n("processed"), 11, "{s:#}");
    assert_eq!(n("rejected"), 12, "{s:#}");

    let csv = std::fs::read_to_string(&out).unwrap_or_default();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let docs: Vec<String> = rows
        .records()
        .filter_map(Result::ok)
        .map(|r| r.get(0).unwrap_or("").to_string())
        .collect();
    assert_eq!(docs.len() as u64, n("pairs"));
    for doc in ["story.en.txt", "news.en.txt.gz", "left.txt", "j.en"] {
        assert!(
            docs.iter().filter(|d| d.ends_with(doc)).count() >= 3,
            "{doc} pairs missing: {docs:?}"
        );
    }
    assert!(csv.contains("Era un día soleado en el pequeño pueblo."));
}

#[test]
fn no_half_file_is_left_when_the_output_cannot_be_finished() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "x.en.txt", EN);
    write(dir.path(), "x.es.txt", ES);
    // Moses to stdout is a usage error: nothing is written, exit 2.
    talign()
        .args(["run", "--format", "moses"])
        .arg(dir.path())
        .assert()
        .code(2);
    let out = dir.path().join("pairs");
    talign()
        .args(["run", "--quiet", "--format", "moses", "-o"])
        .arg(&out)
        .arg(dir.path().join("x.en.txt"))
        .arg(dir.path().join("x.es.txt"))
        .assert()
        .code(0);
    let src = std::fs::read_to_string(dir.path().join("pairs.src")).unwrap_or_default();
    let tgt = std::fs::read_to_string(dir.path().join("pairs.tgt")).unwrap_or_default();
    assert_eq!(src.lines().count(), 3);
    assert_eq!(tgt.lines().count(), 3);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_special_output_file_is_written_in_place_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "x.en.txt", EN);
    write(dir.path(), "x.es.txt", ES);
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !matches!(made, Ok(s) if s.success()) {
        crate::common::skip("mkfifo not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap_or_default())
    };
    talign()
        .args(["run", "--quiet", "-o"])
        .arg(&fifo)
        .arg(dir.path().join("x.en.txt"))
        .arg(dir.path().join("x.es.txt"))
        .assert()
        .code(0);
    let got = reader.join().unwrap_or_default();
    assert!(String::from_utf8_lossy(&got).contains("Todos estaban felices."));
    let kind = std::fs::symlink_metadata(&fifo).map(|m| m.file_type().is_fifo());
    assert!(matches!(kind, Ok(true)), "the FIFO was replaced");
}

#[test]
fn many_rejects_are_all_in_the_summary_in_order() {
    // more rejects than the driver keeps in memory: the rest wait on disk for the summary
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut jsonl = String::new();
    let bad_lines = 5000;
    for i in 0..bad_lines {
        jsonl.push_str(&format!("{{\"id\": \"b{i}\", \"text\": \n"));
        if i % 1000 == 0 {
            jsonl.push_str(&format!(
                "{{\"id\": \"g{i}\", \"text\": \"Good line {i}.\"}}\n"
            ));
        }
    }
    let input = write(dir.path(), "many.jsonl", jsonl);
    let summary = dir.path().join("summary.json");
    talign()
        .args(["run", "--quiet", "--summary"])
        .arg(&summary)
        .arg(&input)
        .assert()
        .code(1);
    let text = std::fs::read_to_string(&summary).unwrap_or_else(|e| panic!("summary: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(v["rejected"], bad_lines);
    assert_eq!(v["processed"], 5);
    let lines: Vec<u64> = v["rejects"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["line"].as_u64()).collect())
        .unwrap_or_default();
    assert_eq!(lines.len(), bad_lines);
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "input order");
}
