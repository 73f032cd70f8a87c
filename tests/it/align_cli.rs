//! The `talign align` and `talign eval align` commands, run as the real binary on small fixtures.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

fn talign() -> Command {
    match Command::cargo_bin("talign") {
        Ok(c) => c,
        Err(e) => panic!("talign binary not built: {e}"),
    }
}

const DE: &str = "Der Everest ist 8848 m hoch .\nEr wurde 1953 von Hillary und Tenzing bestiegen .\nDie Expedition kam aus Grossbritannien .\n";
const FR: &str = "L' Everest mesure 8848 m .\nIl fut gravi en 1953 par Hillary et Tenzing .\nL' expédition venait de Grande-Bretagne .\n";

#[test]
fn align_lines_writes_links_and_eval_scores_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&fr, FR).unwrap_or_else(|e| panic!("{e}"));
    let out = talign()
        .args(["align", "--lines", "--format", "links"])
        .arg(&de)
        .arg(&fr)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let links = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(links, "[0]:[0]\n[1]:[1]\n[2]:[2]\n");

    let (gold, test) = (dir.path().join("gold"), dir.path().join("test"));
    fs::write(&gold, &links).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&test, "[0]:[0]\n[1]:[]\n[]:[1]\n[2]:[2]\n").unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["eval", "align", "--json"])
        .arg(&gold)
        .arg(&gold)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"f1\":1.0"));
    // Two null links instead of a 1-1: precision 2/4, recall 2/3 (strict and lax).
    talign()
        .args(["eval", "align"])
        .arg(&gold)
        .arg(&test)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "strict\tprecision 0.5000\trecall 0.6667",
        ));
}

#[test]
fn align_writes_csv_and_jsonl() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&fr, FR).unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["align", "--lines"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "doc_id,tgt_doc_id,kind,src_lang,tgt_lang,src_ids,tgt_ids,score,confidence,src_text,tgt_text,",
        ))
        .stdout(predicate::str::contains(",sentence,de,fr,0,0,"));
    talign()
        .args(["align", "--lines", "--format", "jsonl"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"src_ids\":[1],\"tgt_ids\":[1]"));
}

#[test]
fn bad_lexicon_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lex = dir.path().join("lex.txt");
    fs::write(&lex, "berg\tmontagne\nno separator here\n").unwrap_or_else(|e| panic!("{e}"));
    let de = dir.path().join("a.de");
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["align", "--lines", "--lexicon"])
        .arg(&lex)
        .arg(&de)
        .arg(&de)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lex.txt:2:"));
}

#[test]
fn eval_rejects_bad_links_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let gold = dir.path().join("gold");
    fs::write(&gold, "[0]:[0]\n[1:[1]\n").unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["eval", "align"])
        .arg(&gold)
        .arg(&gold)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gold:2:"));
}

#[test]
fn raw_text_is_segmented_and_tsv_keeps_pairs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&fr, FR).unwrap_or_else(|e| panic!("{e}"));
    let out = talign()
        .args(["align", "--format", "tsv"])
        .arg(&de)
        .arg(&fr)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    // the header of `talign run`'s TSV, then one aligned pair a line
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.lines().all(|l| l.split('\t').count() == 15), "{text}");
    assert!(text.starts_with("doc_id\ttgt_doc_id\tkind\t"), "{text}");
    assert!(text.contains("1953"));
}

#[test]
fn eval_needs_gold_test_pairs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let gold = dir.path().join("gold");
    fs::write(&gold, "[0]:[0]\n").unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["eval", "align"])
        .arg(&gold)
        .arg(&gold)
        .arg(&gold)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("GOLD TEST pairs"));
}

#[test]
fn align_writes_moses_and_tmx_through_the_shared_writers() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&fr, FR).unwrap_or_else(|e| panic!("{e}"));
    let prefix = dir.path().join("out");
    talign()
        .args(["align", "--lines", "--src-lang", "de", "--tgt-lang", "fr"])
        .args(["--format", "moses", "-o"])
        .arg(&prefix)
        .arg(&de)
        .arg(&fr)
        .assert()
        .success();
    let src = fs::read_to_string(dir.path().join("out.de")).unwrap_or_default();
    let tgt = fs::read_to_string(dir.path().join("out.fr")).unwrap_or_default();
    assert_eq!(src.lines().count(), 3, "{src}");
    assert_eq!(tgt.lines().count(), 3, "{tgt}");
    talign()
        .args(["align", "--lines", "--format", "tmx"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout(predicate::str::contains("<tmx version=\"1.4\">"))
        .stdout(predicate::str::contains("<tuv xml:lang=\"de\">"));
}

#[test]
fn a_side_without_sentences_is_named_and_accounted_for() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, empty) = (dir.path().join("a.de"), dir.path().join("empty.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&empty, "\n\n").unwrap_or_else(|e| panic!("{e}"));
    let summary = dir.path().join("summary.json");
    talign()
        .args(["align", "--lines", "--summary"])
        .arg(&summary)
        .arg(&de)
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the target"))
        .stderr(predicate::str::contains("empty.fr has none"));
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(&summary).unwrap_or_else(|e| panic!("summary: {e}")),
    )
    .unwrap_or_else(|e| panic!("summary JSON: {e}"));
    assert_eq!(json["documents"], 2);
    assert_eq!(json["rejected"], 2);
}

/// A Latin-1 byte in one line of a `--lines` side is repaired in that line alone: the links are
/// those of the clean text, and stderr names the file and line. Without `--lines` the side is
/// one document, which is not UTF-8: named and nothing written.
#[test]
fn a_bad_line_of_a_lines_side_keeps_the_alignment() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    fs::write(&de, DE).unwrap_or_else(|e| panic!("{e}"));
    let bad = FR.replacen("expédition", "exp\u{0}dition", 1).into_bytes();
    let bad: Vec<u8> = bad
        .into_iter()
        .map(|b| if b == 0 { 0xe9 } else { b })
        .collect();
    fs::write(&fr, bad).unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["align", "--lines", "--format", "links"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[0]:[0]\n[1]:[1]\n[2]:[2]\n")
        .stderr(predicate::str::contains("a.fr:3: invalid UTF-8 at byte"));
    talign()
        .args(["align", "--format", "links"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains("a.fr:3: invalid UTF-8"));
}
