//! `scripts/spark_run.py` (pyspark, local mode) writes the same pairs as `talign run`.
//! Runs where python3 with pyspark and java are installed; says SKIPPED loudly where not.

use std::path::Path;
use std::process::Command;

use crate::common::{corpus, shared_data, talign};

fn pyspark_available() -> bool {
    let py = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output();
    let java = Command::new("java").arg("-version").output();
    matches!(py, Ok(o) if o.status.success()) && matches!(java, Ok(o) if o.status.success())
}

fn sorted_lines(bytes: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn spark_run_writes_the_same_pairs_as_talign_run() {
    if !pyspark_available() {
        crate::common::skip(
            "python3 with pyspark, or java, not found; scripts/spark_run.py was NOT \
             tested (pip install pyspark; Java 17)",
        );
        return;
    }
    let Some(data) = shared_data("flores") else {
        return;
    };
    let Some(flores) = corpus::load_flores(&data) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let input = dir.path().join("corpus.jsonl");
    let mut buf = Vec::new();
    corpus::generate(&flores, 11, 150_000, &mut buf).unwrap_or_else(|e| panic!("gen: {e}"));
    buf.extend_from_slice(b"this line is not JSON\n");
    std::fs::write(&input, &buf).unwrap_or_else(|e| panic!("write: {e}"));

    let direct = talign()
        .args(["run", "--quiet", "--format", "jsonl"])
        .arg(&input)
        .assert()
        .code(1);
    let expected = sorted_lines(&direct.get_output().stdout);
    assert!(expected.len() > 50);

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark_run.py");
    let out = dir.path().join("spark-out");
    let status = Command::new("python3")
        .arg(&script)
        .arg(&input)
        .arg(&out)
        .args([
            "--talign",
            env!("CARGO_BIN_EXE_talign"),
            "--partitions",
            "3",
        ])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        status.status.success(),
        "spark_run.py failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut all = Vec::new();
    let mut parts: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    parts.sort();
    for part in parts {
        if part
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        {
            all.extend(std::fs::read(&part).unwrap_or_default());
        }
    }
    assert_eq!(sorted_lines(&all), expected);
}
