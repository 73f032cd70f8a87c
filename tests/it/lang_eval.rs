//! `talign eval langid` on the real langid data and on generated code-switched lines.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use talign::eval::langid::{evaluate_dir, evaluate_spans, SpanLine};
use talign::lang::codeswitch::{generate, CodeSwitchConfig};
use talign::lang::Detector;
use talign::Lang;

fn langid_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/langid");
    dir.is_dir().then_some(dir)
}

fn ten() -> Vec<Lang> {
    ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"]
        .iter()
        .filter_map(|c| Lang::new(c))
        .collect()
}

#[test]
fn ten_language_accuracy_meets_the_targets() {
    let Some(dir) = langid_dir() else {
        crate::common::skip("../shared/data/langid not found; cannot check langid accuracy");
        return;
    };
    let langs = ten();
    let report = evaluate_dir(&dir, &Detector::new(Some(&langs)), Some(&langs)).unwrap();
    let mean = |k: &str| report.mean.get(k).copied().unwrap_or(0.0);
    assert_eq!(report.langs.len(), 10);
    assert!(
        mean("single-words") >= 0.82,
        "single words {:.4}",
        mean("single-words")
    );
    assert!(
        mean("word-pairs") >= 0.94,
        "word pairs {:.4}",
        mean("word-pairs")
    );
    assert!(
        mean("sentences") >= 0.99,
        "sentences {:.4}",
        mean("sentences")
    );
}

#[test]
fn code_switched_character_accuracy_meets_the_target() {
    let Some(dir) = langid_dir() else {
        crate::common::skip("../shared/data/langid not found; cannot check span accuracy");
        return;
    };
    let langs = ten();
    let sources: Vec<(Lang, Vec<String>)> = langs
        .iter()
        .map(|l| {
            let text = std::fs::read_to_string(dir.join(l.as_str()).join("sentences.txt"))
                .unwrap_or_default();
            (*l, text.lines().map(str::to_string).collect())
        })
        .collect();
    let lines: Vec<SpanLine> = generate(&sources, CodeSwitchConfig::default())
        .into_iter()
        .map(|l| SpanLine {
            text: l.text,
            spans: l.spans,
        })
        .collect();
    assert_eq!(lines.len(), 1000);
    let report = evaluate_spans(&lines, &Detector::new(Some(&langs)));
    assert!(
        report.char_accuracy >= 0.97,
        "character accuracy {:.4}",
        report.char_accuracy
    );
}

#[test]
fn cli_reports_table_json_and_spans() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, words) in [("en", "the house\nwater\n"), ("de", "das Haus\nWasser\n")] {
        let d = tmp.path().join(lang);
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join("word-pairs.txt"), words).unwrap();
        std::fs::write(
            d.join("sentences.txt"),
            if lang == "en" {
                "The children are playing in the garden.\nWe will travel to the coast tomorrow.\n"
            } else {
                "Die Kinder spielen im Garten.\nWir fahren morgen an die Küste.\n"
            },
        )
        .unwrap();
    }
    Command::cargo_bin("talign")
        .unwrap()
        .args(["eval", "langid"])
        .arg(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("mean"))
        .stdout(predicate::str::contains("word-pairs"));
    Command::cargo_bin("talign")
        .unwrap()
        .args(["eval", "langid", "--json"])
        .arg(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("\"mean\""));
    let gold = tmp.path().join("cs.tsv");
    Command::cargo_bin("talign")
        .unwrap()
        .args(["eval", "langid"])
        .arg(tmp.path())
        .arg("--write-code-switched")
        .arg(&gold)
        .args(["--count", "20"])
        .assert()
        .success();
    let written = std::fs::read_to_string(&gold).unwrap();
    assert_eq!(written.lines().count(), 20);
    Command::cargo_bin("talign")
        .unwrap()
        .args(["eval", "langid", "--spans"])
        .arg(&gold)
        .assert()
        .success()
        .stdout(predicate::str::contains("character accuracy"));
}
