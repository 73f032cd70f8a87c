//! Output bytes do not depend on the thread count, on a generated corpus, in every format.

use std::io::BufWriter;

use crate::common::{corpus, shared_data, talign};

#[test]
fn identical_output_at_one_and_two_threads() {
    let Some(data) = shared_data("flores") else {
        return;
    };
    let Some(flores) = corpus::load_flores(&data) else {
        crate::common::skip("../shared/data/flores unreadable");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let input = dir.path().join("corpus.jsonl");
    let file = std::fs::File::create(&input).unwrap_or_else(|e| panic!("create: {e}"));
    let (_, records) = corpus::generate(&flores, 7, 200_000, &mut BufWriter::new(file))
        .unwrap_or_else(|e| panic!("generate: {e}"));
    assert!(records > 50);
    for (format, thread_counts) in [
        ("csv", &["1", "2", "3"][..]),
        ("jsonl", &["1", "2"]),
        ("tmx", &["1", "2"]),
    ] {
        let mut outputs = Vec::new();
        for &threads in thread_counts {
            let out = dir.path().join(format!("out-{threads}.{format}"));
            talign()
                .args([
                    "run",
                    "--quiet",
                    "--format",
                    format,
                    "--threads",
                    threads,
                    "-o",
                ])
                .arg(&out)
                .arg(&input)
                .assert()
                .code(0);
            outputs.push(std::fs::read(&out).unwrap_or_default());
        }
        assert!(outputs[0].len() > 10_000, "{format}: too little output");
        assert!(outputs[0] == outputs[1], "{format}: 1 vs 2 threads differ");
        assert!(
            outputs.iter().all(|o| o == &outputs[0]),
            "{format}: 1 vs 3 threads differ"
        );
    }
}

#[test]
fn stdin_jsonl_to_stdout_jsonl_matches_file_run() {
    let Some(data) = shared_data("flores") else {
        return;
    };
    let Some(flores) = corpus::load_flores(&data) else {
        return;
    };
    let mut input = Vec::new();
    corpus::generate(&flores, 3, 50_000, &mut input).unwrap_or_else(|e| panic!("generate: {e}"));
    let piped = talign()
        .args([
            "run",
            "--quiet",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--threads",
            "2",
        ])
        .write_stdin(input.clone())
        .assert()
        .code(0);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("c.jsonl");
    std::fs::write(&file, &input).unwrap_or_else(|e| panic!("write: {e}"));
    let from_file = talign()
        .args(["run", "--quiet", "--format", "jsonl"])
        .arg(&file)
        .assert()
        .code(0);
    let a = &piped.get_output().stdout;
    assert!(!a.is_empty());
    assert_eq!(a, &from_file.get_output().stdout);
}
