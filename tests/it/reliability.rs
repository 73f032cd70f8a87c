//! The reliability suite: one test per defect of issue 10 (data loss, hangs, small ones), each
//! run on the real binary. Every test failed on the commit before the fixes (check with
//! `TALIGN_BIN=/path/to/old/talign cargo test --test it reliability`).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::{talign, write};

const EN: &str = "The expedition reached the summit early in the morning.\nThe weather was bad, but the climbers did not give up.\n";
const DE: &str = "Die Expedition erreichte den Gipfel am frühen Morgen.\nDas Wetter war schlecht, aber die Bergsteiger gaben nicht auf.\n";
const FR: &str = "L'expédition a atteint le sommet tôt le matin.\nLe temps était mauvais, mais les alpinistes n'ont pas abandonné.\n";
const POOL: &str =
    "{\"id\": \"p1\", \"text\": \"Die Expedition erreichte den Gipfel.\", \"lang\": \"de\"}\n";

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

/// Files talign left under a temporary name in `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().contains(".talign-"))
                .collect()
        })
        .unwrap_or_default()
}

// 1. `-o` naming an input replaces that input, with exit 0.
#[test]
fn an_output_that_is_an_input_pool_or_lexicon_is_refused_and_left_intact() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "d.txt", EN);
    write(d, "a.txt", EN);
    write(d, "de", DE);
    write(d, "fr", FR);
    write(d, "q", EN);
    write(d, "p", DE);
    write(d, "pool.jsonl", POOL);
    write(d, "lex.tsv", "summit\tGipfel\n");
    write(d, "corpus/x.en.txt", EN);
    write(d, "corpus/x.de.txt", DE);
    write(d, "corpus/old.csv", "old pairs\n");
    let cases: [(&[&str], &str); 8] = [
        (&["detect", "--lines", "d.txt", "-o", "d.txt"], "d.txt"),
        (&["segment", "a.txt", "-o", "./a.txt"], "a.txt"),
        (&["align", "de", "fr", "-o", "de"], "de"),
        (&["mine", "q", "p", "-o", "p"], "p"),
        (
            &[
                "run",
                "a.txt",
                "--originals",
                "pool.jsonl",
                "-o",
                "pool.jsonl",
            ],
            "pool.jsonl",
        ),
        (
            &["run", "a.txt", "--lexicon", "lex.tsv", "-o", "lex.tsv"],
            "lex.tsv",
        ),
        (&["run", "corpus", "-o", "corpus/old.csv"], "corpus/old.csv"),
        (
            &["segment", "a.txt", "-o", "x.csv", "--summary", "a.txt"],
            "a.txt",
        ),
    ];
    for (args, victim) in cases {
        let before = read(&d.join(victim));
        let assert = talign().current_dir(d).args(args).assert().code(2);
        let err = stderr_of(&assert);
        assert!(
            err.contains("same file") || err.contains("inside"),
            "{args:?}: {err}"
        );
        assert_eq!(read(&d.join(victim)), before, "{args:?} changed {victim}");
    }
    #[cfg(unix)]
    {
        // a hard link is the same file under another name: compared by device and inode
        fs::hard_link(d.join("d.txt"), d.join("link.txt")).unwrap_or_else(|e| panic!("{e}"));
        talign()
            .current_dir(d)
            .args(["detect", "--lines", "d.txt", "-o", "link.txt"])
            .assert()
            .code(2);
        assert_eq!(read(&d.join("d.txt")), EN);
    }
}

// 3. A run with no usable input overwrites an earlier output with a header-only file.
#[test]
fn a_run_with_no_usable_input_leaves_an_earlier_output_alone() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "empty.txt", "");
    write(d, "blank.de", "  \n\n");
    write(d, "blank.fr", "\n \n");
    let cases: [&[&str]; 4] = [
        &["run", "empty.txt", "-o", "out.csv"],
        &["segment", "empty.txt", "-o", "out.csv"],
        &["align", "blank.de", "blank.fr", "-o", "out.csv"],
        &["run", "no-such-folder-or-file", "-o", "out.csv"],
    ];
    for args in cases {
        write(d, "out.csv", "pairs of an earlier run\n");
        talign().current_dir(d).args(args).assert().code(2);
        assert_eq!(
            read(&d.join("out.csv")),
            "pairs of an earlier run\n",
            "{args:?}"
        );
        assert!(temp_files(d).is_empty(), "{args:?}: {:?}", temp_files(d));
    }
}

// 4. `detect -o` writes straight to the final name; 11. an interrupt leaves temporary files.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file_and_the_old_output_intact() {
    use std::io::Write;
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};

    let dir = tempdir();
    let d = dir.path();
    let runs: [(&[&str], i32); 4] = [
        (&["detect", "--lines", "-", "-o", "out.csv"], 15),
        (&["detect", "--lines", "-", "-o", "out.csv"], 2),
        (
            &["run", "--input-format", "jsonl", "-q", "-o", "out.csv"],
            2,
        ),
        (
            &["segment", "--input-format", "jsonl", "-q", "-o", "out.csv"],
            15,
        ),
    ];
    for (args, signal) in runs {
        write(d, "out.csv", "an earlier output\n");
        let mut child = Command::new(crate::common::talign_path())
            .current_dir(d)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        // some input, and the pipe kept open: the run is under way when the signal comes
        let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
        let line = serde_json::json!({"id": "a.en", "text": EN}).to_string();
        let line2 = serde_json::json!({"id": "a.de", "text": DE}).to_string();
        for _ in 0..200 {
            let _ = writeln!(stdin, "{line}\n{line2}");
        }
        let _ = stdin.flush();
        let mut waited = 0;
        while temp_files(d).is_empty() && waited < 100 {
            std::thread::sleep(Duration::from_millis(50));
            waited += 1;
        }
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(
            read(&d.join("out.csv")),
            "an earlier output\n",
            "{args:?}: the final name is touched only when the output is complete"
        );
        // the child, by its id, with the chosen signal
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap_or_else(|e| panic!("kill: {e}"));
        assert!(killed.success());
        let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
        drop(stdin);
        assert_eq!(
            status.signal(),
            Some(signal),
            "{args:?}: ends by the signal"
        );
        assert!(
            temp_files(d).is_empty(),
            "{args:?}: left {:?}",
            temp_files(d)
        );
        assert_eq!(read(&d.join("out.csv")), "an earlier output\n", "{args:?}");
    }
}

// 5. Moses output with one language on both sides keeps one side; backslashes are escaped.
#[test]
fn moses_with_one_language_on_both_sides_writes_both_sides_raw() {
    let dir = tempdir();
    let d = dir.path();
    let src =
        "Der Pfad ist C:\\Users\\anna, sagte sie.\nDas ist ein langer\tSatz über zwei Zeilen.\n";
    let tgt = "Der Ordner heißt C:\\Users\\anna, sagte sie.\nDies ist ein langer Satz über zwei Zeilen.\n";
    write(d, "a.txt", src);
    write(d, "b.txt", tgt);
    let assert = talign()
        .current_dir(d)
        .args([
            "align",
            "--src-lang",
            "de",
            "--tgt-lang",
            "de",
            "a.txt",
            "b.txt",
        ])
        .args(["--format", "moses", "-o", "same", "--summary", "s.json"])
        .assert()
        .success();
    assert!(
        stderr_of(&assert).contains("same.src"),
        "{}",
        stderr_of(&assert)
    );
    assert!(!d.join("same.de").exists());
    let (s, t) = (read(&d.join("same.src")), read(&d.join("same.tgt")));
    assert_eq!(s.lines().count(), t.lines().count());
    assert!(s.lines().count() >= 2, "{s}");
    assert!(s.contains("C:\\Users\\anna") && !s.contains("\\\\"), "{s}");
    assert!(t.contains("C:\\Users\\anna") && !t.contains("\\\\"), "{t}");
    assert!(s.contains("langer Satz"), "the tab became a space: {s}");
    let summary: serde_json::Value =
        serde_json::from_str(&read(&d.join("s.json"))).unwrap_or_default();
    assert_eq!(summary["flattened"], 1, "{summary}");
    // mine: the same side language on both sides
    write(d, "q.txt", "Hallo Welt, wie geht es dir heute?\n");
    write(d, "p.txt", "Hallo Welt, wie geht es dir heute?\n");
    talign()
        .current_dir(d)
        .args([
            "mine",
            "--lines",
            "--query-lang",
            "de",
            "--pool-lang",
            "de",
            "q.txt",
            "p.txt",
        ])
        .args(["--format", "moses", "-o", "mined"])
        .assert()
        .success();
    assert!(d.join("mined.src").exists() && d.join("mined.tgt").exists());
}

// 8. `--threads` has no upper bound.
#[test]
fn thousands_of_threads_are_lowered_and_the_run_finishes() {
    let dir = tempdir();
    write(dir.path(), "a.txt", EN.repeat(50));
    let assert = talign()
        .current_dir(dir.path())
        .args(["segment", "--threads", "10000", "a.txt", "-o", "out.csv"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert!(
        stderr_of(&assert).contains("lowered"),
        "{}",
        stderr_of(&assert)
    );
}

// 12. A closed pipe with `--format jsonl` prints an error twice and exits 2.
#[test]
fn a_closed_pipe_ends_jsonl_output_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};

    let dir = tempdir();
    let big: String = (0..4000)
        .map(|i| format!("Sentence number {i} is here. And another one follows it.\n"))
        .collect();
    write(dir.path(), "big.txt", big);
    for cmd in [
        &["segment", "-q", "--format", "jsonl"][..],
        &["detect", "--lines", "--spans"][..],
    ] {
        let mut child = Command::new(crate::common::talign_path())
            .current_dir(dir.path())
            .args(cmd)
            .arg("big.txt")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        let mut first = [0u8; 16];
        let mut out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let _ = out.read(&mut first);
        drop(out);
        let result = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("wait: {e}"));
        let err = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(0), "{cmd:?}: {err}");
        assert!(err.is_empty(), "{cmd:?}: {err}");
    }
}

// 13. `--threshold NaN` and unknown language codes are accepted.
#[test]
fn every_language_flag_and_the_threshold_are_checked() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "q.txt", EN);
    write(d, "p.txt", DE);
    let bad: [&[&str]; 6] = [
        &["mine", "q.txt", "p.txt", "--threshold", "NaN"],
        &["mine", "q.txt", "p.txt", "--threshold", "inf"],
        &["mine", "q.txt", "p.txt", "--query-lang", "xx"],
        &["mine", "q.txt", "p.txt", "--pool-lang", "zz"],
        &["align", "q.txt", "p.txt", "--src-lang", "xx"],
        &["align", "q.txt", "p.txt", "--tgt-lang", "zz"],
    ];
    for args in bad {
        let assert = talign().current_dir(d).args(args).assert().code(2);
        assert!(stderr_of(&assert).contains("invalid value"), "{args:?}");
    }
    talign()
        .current_dir(d)
        .args([
            "align",
            "q.txt",
            "p.txt",
            "--src-lang",
            "en",
            "--tgt-lang",
            "de",
        ])
        .assert()
        .success();
}

// 14. `detect` exits 1 when every input is rejected, and 0 on an empty file.
#[test]
fn detect_accounts_for_inputs_like_the_other_commands() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "empty.txt", "");
    write(d, "good.txt", EN);
    write(d, "bad.txt", b"caf\xe9\n");
    let assert = talign()
        .current_dir(d)
        .args(["detect", "--lines", "empty.txt", "good.txt"])
        .assert()
        .code(1);
    assert!(
        stderr_of(&assert).contains("empty.txt"),
        "{}",
        stderr_of(&assert)
    );
    write(d, "out.csv", "earlier\n");
    talign()
        .current_dir(d)
        .args(["detect", "bad.txt", "missing.txt", "-o", "out.csv"])
        .assert()
        .code(2);
    assert_eq!(read(&d.join("out.csv")), "earlier\n");
}

// 16. Error messages repeat themselves and name the temporary path.
#[test]
fn an_output_error_names_the_final_path_once() {
    let dir = tempdir();
    write(dir.path(), "a.txt", EN);
    for args in [
        &["segment", "a.txt", "-o", "no/such/dir/out.csv"][..],
        &["detect", "a.txt", "-o", "no/such/dir/out.csv"][..],
        &["run", "a.txt", "-o", "no/such/dir/out.csv"][..],
    ] {
        let assert = talign().current_dir(dir.path()).args(args).assert().code(2);
        let err = stderr_of(&assert);
        assert_eq!(err.matches("out.csv").count(), 1, "{args:?}: {err}");
        assert!(!err.contains(".talign-"), "{args:?}: {err}");
        assert_eq!(err.matches("No such file").count(), 1, "{args:?}: {err}");
    }
}

// 17. When `-o` fails, `--summary` is not written either.
#[test]
fn the_summary_is_written_when_the_output_fails() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        crate::common::skip("/dev/full not on this system");
        return;
    }
    let dir = tempdir();
    let big: String = (0..3000)
        .map(|i| format!("Line {i} of the text.\n"))
        .collect();
    write(dir.path(), "a.txt", big);
    let assert = talign()
        .current_dir(dir.path())
        .args([
            "segment",
            "--lines",
            "a.txt",
            "-o",
            "/dev/full",
            "--summary",
            "s.json",
        ])
        .assert()
        .code(2);
    assert!(
        stderr_of(&assert).contains("No space left"),
        "{}",
        stderr_of(&assert)
    );
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("s.json"))).unwrap_or_default();
    assert_eq!(summary["documents"], 1, "{summary}");
}

// 18. CSV cells that start with `=`, `+`, `-` or `@` are written raw.
#[test]
fn csv_safe_defuses_formula_cells_and_is_off_by_default() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "f.txt",
        "=HYPERLINK(\"http://x\")\n@SUM(A1)\n-2\nplain\n",
    );
    let run = |extra: &[&str]| {
        let out = talign()
            .current_dir(d)
            .args(["segment", "--lines", "f.txt"])
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let raw = run(&[]);
    assert!(
        raw.contains(",\"=HYPERLINK(\"\"http://x\"\")\"\r\n"),
        "{raw}"
    );
    let safe = run(&["--csv-safe"]);
    assert!(safe.contains(",\"'=HYPERLINK("), "{safe}");
    assert!(safe.contains(",'@SUM(A1)\r\n"), "{safe}");
    assert!(safe.contains(",-2\r\n"), "a number stays a number: {safe}");
    assert!(safe.contains(",plain\r\n"), "{safe}");
}

// 2. An unbalanced CSV quote swallows the rows after it, silently.
#[test]
fn an_unbalanced_csv_quote_is_a_named_reject_with_its_line() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "u.csv",
        "id,text\nc1,\"Fine, A.\"\nc2,\"unbalanced, B.\nc3,Third row C.\nc4,Fourth row D.\n",
    );
    write(
        d,
        "v.csv",
        "id,text\nc2,\"unbalanced, B.\nc3,\"Third row C.\"\nc4,Fourth row D.\n",
    );
    for (file, kept, line) in [("u.csv", "c1", 3), ("v.csv", "c4", 2)] {
        let assert = talign()
            .current_dir(d)
            .args(["segment", "-q", file])
            .assert()
            .code(1);
        let err = stderr_of(&assert);
        assert!(
            err.contains(&format!("{file}:{line}: unbalanced quotes")),
            "{err}"
        );
        let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
        assert!(out.contains(&format!("\n{kept},")), "{out}");
        assert!(!out.contains("c3,"), "no row swallowed into another: {out}");
    }
}

/// A gzip stream of `head`, `middle` repeated `times` times, then `tail`, made of gzip members
/// (the readers decompress every member), so a test can hold a huge input in a small file.
fn gz_repeated(head: &str, middle: &[u8], times: usize, tail: &str) -> Vec<u8> {
    use std::io::Write;
    let member = |bytes: &[u8]| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap_or_else(|e| panic!("gz: {e}"));
        enc.finish().unwrap_or_else(|e| panic!("gz: {e}"))
    };
    let mut out = member(head.as_bytes());
    let middle = member(middle);
    for _ in 0..times {
        out.extend_from_slice(&middle);
    }
    out.extend(member(tail.as_bytes()));
    out
}

/// Runs talign under `/usr/bin/time`: exit code, stderr and peak RSS in MB; `None` (after a
/// loud skip) where `/usr/bin/time` is missing.
fn run_measured(dir: &Path, args: &[&str]) -> Option<(Option<i32>, String, u64)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        crate::common::skip("/usr/bin/time is missing: peak memory not measured");
        return None;
    }
    let out = std::process::Command::new(time)
        .current_dir(dir)
        .args(["-f", "peak-kb %M"])
        .arg(crate::common::talign_path())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let kb = err
        .lines()
        .filter_map(|l| l.strip_prefix("peak-kb "))
        .filter_map(|n| n.trim().parse::<u64>().ok())
        .next_back()
        .unwrap_or(u64::MAX);
    Some((out.status.code(), err, kb / 1024))
}

// 10. CSV input has no memory bound: a huge header or record is read whole.
#[test]
fn a_huge_csv_header_or_record_is_rejected_in_bounded_memory() {
    let dir = tempdir();
    let d = dir.path();
    let mib = vec![b'h'; 1 << 20];
    // a 512 MiB header line, 0.5 MB on disk
    write(
        d,
        "header.csv.gz",
        gz_repeated("", &mib, 512, "\nok,fine\n"),
    );
    // a 512 MiB record between two good ones
    let xs = vec![b'x'; 1 << 20];
    let body = gz_repeated("id,text\na,First.\nbig,\"", &xs, 512, "\"\nc,Last one.\n");
    write(d, "record.csv.gz", body);
    let Some((code, err, mb)) = run_measured(d, &["segment", "-q", "header.csv.gz"]) else {
        return;
    };
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("header.csv.gz:1: the header is over"), "{err}");
    assert!(mb < 200, "peak RSS {mb} MB for a 512 MiB header");
    let Some((code, err, mb)) = run_measured(d, &["segment", "-q", "record.csv.gz"]) else {
        return;
    };
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("record.csv.gz:3: too large"), "{err}");
    assert!(mb < 200, "peak RSS {mb} MB for a 512 MiB record");
}

// 6. A symlinked directory inside a folder input is skipped, with no message and no count.
#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_followed_and_a_loop_is_named() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "corpus/a.txt", EN);
    write(d, "elsewhere/b.txt", DE);
    std::os::unix::fs::symlink(d.join("elsewhere"), d.join("corpus/linked"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(d.join("corpus"), d.join("corpus/loop"))
        .unwrap_or_else(|e| panic!("{e}"));
    let assert = talign()
        .current_dir(d)
        .args(["segment", "corpus", "--summary", "s.json"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(out.contains("corpus/linked/b.txt,"), "{out}");
    let err = stderr_of(&assert);
    assert!(err.contains("corpus/loop: skipped"), "{err}");
    let summary: serde_json::Value =
        serde_json::from_str(&read(&d.join("s.json"))).unwrap_or_default();
    assert_eq!(
        (&summary["processed"], &summary["rejected"]),
        (&serde_json::json!(2), &serde_json::json!(1)),
        "{summary}"
    );
}

// 7. A FIFO (or other special file) inside a folder blocks the run forever.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_and_one_named_on_the_command_line_is_read() {
    use std::io::Write;
    let dir = tempdir();
    let d = dir.path();
    write(d, "corpus/a.txt", EN);
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("corpus/pipe"))
        .arg(d.join("direct"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        crate::common::skip("mkfifo failed: FIFO handling not checked");
        return;
    }
    let assert = talign()
        .current_dir(d)
        .args(["segment", "corpus"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1);
    let err = stderr_of(&assert);
    assert!(
        err.contains("corpus/pipe: skipped: not a regular file"),
        "{err}"
    );
    // named on the command line, a FIFO is read like any input
    let fifo = d.join("direct");
    let feeder = std::thread::spawn(move || {
        let mut w = fs::OpenOptions::new()
            .write(true)
            .open(fifo)
            .unwrap_or_else(|e| panic!("{e}"));
        w.write_all(DE.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    });
    let assert = talign()
        .current_dir(d)
        .args(["segment", "-q", "direct"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let _ = feeder.join();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(out.contains("Gipfel"), "{out}");
}

// A named pipe without an extension (`<(zcat corpus.jsonl)`) is sniffed like stdin: the bytes
// sniffing takes are given back and the pipe is not reopened (that would block, or end the
// writer with a broken pipe).
#[cfg(unix)]
#[test]
fn a_named_pipe_is_sniffed_without_losing_the_bytes_sniffing_took() {
    use std::io::Write;
    let dir = tempdir();
    let d = dir.path();
    let fifo = d.join("records");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        crate::common::skip("mkfifo failed: sniffing a named pipe not checked");
        return;
    }
    // well past the 64 KiB sniffing window, so the writer is still writing while it sniffs
    let records: String = (0..2000)
        .map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"Record {i} reached the summit.\"}}\n"))
        .collect();
    let feeder = std::thread::spawn(move || {
        let mut w = fs::OpenOptions::new()
            .write(true)
            .open(fifo)
            .unwrap_or_else(|e| panic!("{e}"));
        w.write_all(records.as_bytes())
    });
    let assert = talign()
        .current_dir(d)
        .args(["segment", "-q", "--lines", "records"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert!(
        feeder.join().is_ok_and(|r| r.is_ok()),
        "the writer saw a broken pipe"
    );
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(out.starts_with("doc_id,"), "{out}");
    assert!(
        out.contains("\nr0,") && out.contains("\nr1999,"),
        "records lost"
    );
    assert_eq!(out.lines().count(), 2001);
}

// 9. Deeply nested HTML is quadratic.
#[test]
fn a_16_mib_page_of_nested_elements_is_read_in_seconds() {
    let dir = tempdir();
    let tail = "<p>The expedition reached the summit early in the morning.</p>";
    let depth = ((16 << 20) - 1000) / "<div></div>".len();
    let page = format!(
        "<html><body>{}{tail}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    write(dir.path(), "deep.html", page);
    let assert = talign()
        .current_dir(dir.path())
        .args(["segment", "-q", "deep.html"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(out.contains("reached the summit"), "{out}");
}

// 15. With a UTF-8 BOM, `start`/`end` are 3 bytes off from the file.
#[test]
fn segment_offsets_point_into_the_file_after_a_byte_order_mark() {
    let dir = tempdir();
    let text = format!("\u{feff}{EN}");
    write(dir.path(), "bom.txt", &text);
    let assert = talign()
        .current_dir(dir.path())
        .args(["segment", "-q", "--format", "jsonl", "bom.txt"])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    let bytes = text.as_bytes();
    for line in out.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        let (start, end) = (
            row["start"].as_u64().unwrap_or(0) as usize,
            row["end"].as_u64().unwrap_or(0) as usize,
        );
        let in_file = String::from_utf8_lossy(bytes.get(start..end).unwrap_or_default());
        assert_eq!(row["text"].as_str(), Some(in_file.as_ref()), "{line}");
    }
    assert!(out.lines().count() >= 2, "{out}");
}
