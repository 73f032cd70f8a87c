//! `talign detect` on real data and on small fixtures, through the real binary.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

const TEN: &str = "en,ru,es,de,fr,uk,it,pt,pl,bg";

fn langid_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/langid");
    dir.is_dir().then_some(dir)
}

/// Share of CSV rows (after the header) whose `lang` column (the third) is `lang`.
fn share_labelled(csv_text: &str, lang: &str) -> f64 {
    let rows: Vec<&str> = csv_text.lines().skip(1).collect();
    let hits = rows
        .iter()
        .filter(|r| r.split(',').nth(2) == Some(lang))
        .count();
    hits as f64 / rows.len().max(1) as f64
}

#[test]
fn russian_sentences_are_russian() {
    let Some(dir) = langid_dir() else {
        crate::common::skip(
            "../shared/data/langid not found; cannot check Russian sentence accuracy",
        );
        return;
    };
    let out = Command::cargo_bin("talign")
        .unwrap()
        .args(["detect", "--lines", "--langs", TEN])
        .arg(dir.join("ru/sentences.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().count(),
        1001,
        "one row per line plus the header"
    );
    let share = share_labelled(&text, "ru");
    assert!(
        share >= 0.97,
        "only {share:.3} of Russian lines labelled ru"
    );
}

#[test]
fn header_rows_and_order() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("mixed.txt");
    std::fs::write(
        &file,
        "The government announced new measures on Tuesday.\n\nПравительство объявило о новых мерах.\n1234\n",
    )
    .unwrap();
    Command::cargo_bin("talign")
        .unwrap()
        .args(["detect", "--lines", "--langs", "en,ru"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "doc_id,line,lang,confidence,text\n",
        ))
        .stdout(predicate::str::contains(",1,en,"))
        .stdout(predicate::str::contains(",3,ru,"))
        .stdout(predicate::function(|s: &str| s.lines().count() == 4));
}

#[test]
fn unreadable_inputs_are_named_and_others_still_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9\n").unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, "Bonjour tout le monde, comment allez-vous?\n").unwrap();
    let missing = tmp.path().join("missing.txt");
    Command::cargo_bin("talign")
        .unwrap()
        .args(["detect", "--lines"])
        .arg(&bad)
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt"))
        .stderr(predicate::str::contains("missing.txt"))
        .stdout(predicate::str::contains("fr,"));
}

#[test]
fn bad_language_list_is_a_usage_error() {
    Command::cargo_bin("talign")
        .unwrap()
        .args(["detect", "--langs", "en,xx", "-"])
        .write_stdin("hello\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xx"));
}

#[test]
fn spans_column_marks_language_runs() {
    let line = "English language Английский язык\n";
    Command::cargo_bin("talign")
        .unwrap()
        .args(["detect", "--lines", "--spans", "--langs", "en,ru", "-"])
        .write_stdin(line)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "doc_id,line,lang,confidence,text,spans\n",
        ))
        .stdout(predicate::str::contains(
            ",English language Английский язык,0:16:en 17:46:ru\n",
        ));
}
