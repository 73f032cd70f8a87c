//! `scripts/spark_run.py` (pyspark, local mode): its part files, read in name order, are the bytes
//! `talign run` writes; a corpus with a bad record fails the Spark job; no task gets empty input.
//! Runs where python3 with pyspark and java are installed; records a skip where not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{corpus, shared_data, talign, write};

fn pyspark_available() -> bool {
    let py = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output();
    let java = Command::new("java").arg("-version").output();
    matches!(py, Ok(o) if o.status.success()) && matches!(java, Ok(o) if o.status.success())
}

/// Runs the script on `input` into `out` with `partitions` ranges.
fn spark_run(input: &Path, out: &Path, partitions: usize) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark_run.py");
    Command::new("python3")
        .arg(&script)
        .arg(input)
        .arg(out)
        .args(["--talign", env!("CARGO_BIN_EXE_talign")])
        .args(["--partitions", &partitions.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"))
}

/// The part files of a Spark output folder, concatenated in name order.
fn part_files(out: &Path) -> Vec<u8> {
    let mut parts: Vec<PathBuf> = std::fs::read_dir(out)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    parts.sort();
    let mut all = Vec::new();
    for part in parts {
        if part
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        {
            all.extend(std::fs::read(&part).unwrap_or_else(|e| panic!("read part: {e}")));
        }
    }
    all
}

/// Checks that the Spark run of `input` succeeded and wrote exactly `talign run`'s bytes.
fn assert_same_bytes_as_talign_run(input: &Path, out: &Path, partitions: usize) {
    let direct = talign()
        .args(["run", "--quiet", "--format", "jsonl"])
        .arg(input)
        .assert()
        .success();
    let expected = direct.get_output().stdout.clone();
    let spark = spark_run(input, out, partitions);
    let stderr = String::from_utf8_lossy(&spark.stderr);
    assert!(spark.status.success(), "spark_run.py failed: {stderr}");
    assert!(out.join("_SUCCESS").exists());
    // No task may be handed an empty range (talign would reject it and the job would fail).
    assert!(!stderr.contains("talign: "), "talign complained: {stderr}");
    let got = part_files(out);
    assert!(
        got == expected,
        "Spark output differs from `talign run`: {} bytes vs {} bytes",
        got.len(),
        expected.len()
    );
}

fn skip_without_pyspark() -> bool {
    if pyspark_available() {
        return false;
    }
    crate::common::skip(
        "python3 with pyspark, or java, not found; scripts/spark_run.py was NOT tested \
         (pip install pyspark; Java 17)",
    );
    true
}

#[test]
fn spark_run_writes_the_bytes_of_talign_run_in_input_order() {
    if skip_without_pyspark() {
        return;
    }
    let Some(data) = shared_data("flores") else {
        return;
    };
    let Some(flores) = corpus::load_flores(&data) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut buf = Vec::new();
    corpus::generate(&flores, 11, 150_000, &mut buf).unwrap_or_else(|e| panic!("gen: {e}"));
    let input = write(dir.path(), "corpus.jsonl", &buf);
    // Seven ranges: their nominal bounds fall inside pairs, which must be kept together.
    assert_same_bytes_as_talign_run(&input, &dir.path().join("out"), 7);
}

#[test]
fn spark_run_gives_no_task_an_empty_range_when_ranges_outnumber_documents() {
    if skip_without_pyspark() {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut lines = String::new();
    for (n, (en, es)) in [
        (
            "The cat sleeps. It is 12 o'clock.",
            "El gato duerme. Son las 12.",
        ),
        (
            "Berlin is big. Madrid is hot.",
            "Berlín es grande. Madrid es caluroso.",
        ),
        ("NASA flew 3 times.", "La NASA voló 3 veces."),
    ]
    .iter()
    .enumerate()
    {
        for (lang, text) in [("en", en), ("es", es)] {
            let record = serde_json::json!({"id": format!("doc{n}.{lang}"), "text": text});
            lines.push_str(&format!("{record}\n"));
        }
    }
    lines.push_str("{\"text\": \"A single document without an id.\"}\n");
    let input = write(dir.path(), "tiny.jsonl", lines);
    assert_same_bytes_as_talign_run(&input, &dir.path().join("out"), 16);
}

#[test]
fn spark_run_fails_the_job_when_talign_rejects_a_record() {
    if skip_without_pyspark() {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let input = write(
        dir.path(),
        "bad.jsonl",
        "{\"id\": \"a.en\", \"text\": \"The cat sleeps.\"}\n\
         {\"id\": \"a.es\", \"text\": \"El gato duerme.\"}\n\
         this line is not JSON\n",
    );
    let out = dir.path().join("out");
    let spark = spark_run(&input, &out, 2);
    let stderr = String::from_utf8_lossy(&spark.stderr);
    assert!(!spark.status.success(), "the job should fail: {stderr}");
    assert!(
        !out.join("_SUCCESS").exists(),
        "a failed job wrote _SUCCESS"
    );
    assert!(
        stderr.contains("not JSON"),
        "talign's reason is not shown: {stderr}"
    );
    assert!(
        stderr.contains("spark_run.py: the Spark job failed"),
        "{stderr}"
    );
}
