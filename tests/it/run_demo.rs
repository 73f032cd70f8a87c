//! The README's main command on the demo corpus: its output is committed and must not drift.

use std::path::PathBuf;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demo_run_gives_the_committed_pairs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("pairs.csv");
    Command::cargo_bin("talign")
        .expect("binary builds")
        .current_dir(root())
        .args([
            "run",
            "data/demo/000_488fef76da5343e0.txt",
            "--originals",
            "data/demo/pool.jsonl",
            "--quiet",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let got = std::fs::read_to_string(&out).expect("output written");
    let want =
        std::fs::read_to_string(root().join("data/demo/expected_pairs.csv")).expect("expected");
    assert_eq!(
        got, want,
        "talign run on the demo corpus changed its output"
    );

    // what the output must say, independent of the committed file
    let mut reader = csv::Reader::from_reader(got.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("CSV row")).collect();
    let paired: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| !r[6].is_empty())
        .map(|r| (&r[5], &r[6]))
        .collect();
    assert_eq!(
        paired.len(),
        3,
        "exactly the three translated tweets: {paired:?}"
    );
    for (quote, original) in [
        ("Get off, you moron!", "rogozin-1"),
        ("Dimon, why did you delete", "kelly-1"),
        ("Mr. Medvedev, I am returning", "kelly-2"),
    ] {
        assert!(
            paired
                .iter()
                .any(|(q, o)| q.starts_with(quote) && *o == original),
            "{quote} should pair with {original}: {paired:?}"
        );
    }
    assert!(
        !got.contains("We are not getting any indications") && !got.contains("Staffing levels"),
        "English-original quotes must not be paired"
    );
}
