//! `talign segment` on a whole corpus: folders, JSONL (also gzipped), bad inputs, any thread count.

use std::io::Write;
use std::path::Path;

use crate::common::{talign, write};

fn demo(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/demo")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap_or_else(|e| panic!("gzip: {e}"));
    enc.finish().unwrap_or_else(|e| panic!("gzip: {e}"))
}

/// A folder mixing a text article, a gzipped JSONL file of posts, a JSONL file with a broken
/// line, a binary file and an empty one.
fn corpus(dir: &Path) -> usize {
    let pool = demo("pool.jsonl");
    let posts = pool.lines().filter(|l| !l.trim().is_empty()).count();
    write(dir, "a/article.txt", demo("000_488fef76da5343e0.txt"));
    write(dir, "b/posts.jsonl.gz", gzip(pool.as_bytes()));
    write(
        dir,
        "c/mixed.jsonl",
        "{\"id\": \"m1\", \"text\": \"Das ist ein Satz. Und hier ist noch einer.\"}\n\
         {\"id\": \"m2\", \"text\": \n\
         {\"id\": \"m3\", \"text\": \"Voilà une phrase en français.\"}\n",
    );
    write(dir, "d/blob.txt", [0u8, 159, 146, 150, 0, 1, 2]);
    write(dir, "e/empty.txt", "");
    // documents: the article, every post, m1 + m2 (rejected) + m3, the blob, the empty file
    1 + posts + 3 + 2
}

fn segment(dir: &Path, threads: &str, format: &str) -> (Vec<u8>, serde_json::Value, String) {
    let summary = dir.join(format!("summary-{threads}.json"));
    let out = talign()
        .args([
            "segment",
            "--format",
            format,
            "--threads",
            threads,
            "--summary",
        ])
        .arg(&summary)
        .arg(dir.join("corpus"))
        .assert()
        .code(1);
    let text = std::fs::read_to_string(&summary).unwrap_or_else(|e| panic!("summary: {e}"));
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("summary JSON: {e}"));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    (out.get_output().stdout.clone(), json, stderr)
}

#[test]
fn a_mixed_corpus_is_segmented_in_order_and_every_document_accounted_for() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let documents = corpus(&dir.path().join("corpus"));
    let (one, summary, stderr) = segment(dir.path(), "1", "csv");
    let (two, _, _) = segment(dir.path(), "2", "csv");
    assert_eq!(one, two, "same bytes at 1 and 2 threads");

    assert_eq!(summary["documents"], documents);
    assert_eq!(summary["rejected"], 3, "{summary}");
    assert_eq!(summary["processed"], documents - 3);
    for expected in ["mixed.jsonl:2", "blob.txt", "empty.txt"] {
        assert!(stderr.contains(expected), "{expected} not named: {stderr}");
    }

    let mut reader = csv::Reader::from_reader(one.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap_or_default()).collect();
    assert_eq!(summary["segments"], rows.len());
    let docs: Vec<&str> = rows.iter().filter_map(|r| r.get(0)).collect();
    // input order: the article (folder a) first, then the posts, then the good JSONL records
    assert!(
        docs.first().is_some_and(|d| d.ends_with("article.txt")),
        "{docs:?}"
    );
    assert!(docs.contains(&"rogozin-1"));
    let langs = |id: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r.get(0) == Some(id))
            .filter_map(|r| r.get(5).map(str::to_string))
            .collect()
    };
    assert_eq!(langs("m1"), ["de", "de"]);
    assert_eq!(langs("m3"), ["fr"]);
    assert!(langs("rogozin-1").iter().all(|l| l == "ru"));
    assert_eq!(docs.last(), Some(&"m3"));
}

#[test]
fn jsonl_and_tsv_output_carry_the_same_segments() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    corpus(&dir.path().join("corpus"));
    let (jsonl, _, _) = segment(dir.path(), "2", "jsonl");
    let (tsv, _, _) = segment(dir.path(), "2", "tsv");
    let jsonl = String::from_utf8_lossy(&jsonl).into_owned();
    let tsv = String::from_utf8_lossy(&tsv).into_owned();
    assert_eq!(
        jsonl.lines().count() + 1,
        tsv.lines().count(),
        "one header line"
    );
    for line in jsonl.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(v["text"].is_string() && v["lang"].is_string(), "{line}");
    }
}

#[test]
fn output_file_appears_only_when_complete_and_all_bad_is_exit_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let bad = write(dir.path(), "bad.txt", b"fine\n\xff\n");
    let out = dir.path().join("segments.csv");
    talign()
        .args(["segment", "--quiet", "-o"])
        .arg(&out)
        .arg(&bad)
        .assert()
        .code(2);
    // the header is written even when every document is rejected; no temporary file remains
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("read_dir: {e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert!(names.iter().all(|n| !n.contains(".talign-")), "{names:?}");
}
