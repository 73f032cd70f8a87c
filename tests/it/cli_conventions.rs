//! Command-line conventions: shell completions, man pages, `-q` and `-v` on every command.

use predicates::prelude::*;

use crate::common::{talign, write};

const COMMANDS: [&str; 6] = ["run", "segment", "align", "mine", "eval", "detect"];

#[test]
fn completions_are_printed_for_every_common_shell_and_name_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = talign().args(["completions", shell]).assert().success();
        let script = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} script lacks `{command}`");
        }
        // options of subcommands are completed too
        assert!(
            script.contains("max-link"),
            "{shell} script lacks --max-link"
        );
    }
    talign().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_prints_a_roff_page_naming_every_command() {
    let out = talign().arg("man").assert().success();
    let page = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(page.contains(".TH talign 1"), "not a man page: {page}");
    for command in COMMANDS {
        assert!(page.contains(command), "man page lacks `{command}`");
    }
}

#[test]
fn man_dir_writes_one_page_per_command_and_nested_command() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let pages = dir.path().join("man1");
    talign()
        .arg("man")
        .arg("--dir")
        .arg(&pages)
        .assert()
        .success();
    for name in ["talign", "talign-run", "talign-align", "talign-eval-align"] {
        let page = std::fs::read_to_string(pages.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(page.contains(".TH"), "{name}.1 is not a man page");
    }
}

/// Two small parallel files and a corpus for the commands to read.
fn fixtures(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let en = write(
        dir,
        "doc.en.txt",
        "The cat sleeps on the sofa.\nBerlin has 3 million people.\n",
    );
    let es = write(
        dir,
        "doc.es.txt",
        "El gato duerme en el sofá.\nBerlín tiene 3 millones de habitantes.\n",
    );
    (en, es)
}

#[test]
fn verbose_says_what_was_read_which_languages_and_how_long_on_every_command() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (en, es) = fixtures(dir.path());
    let gold = write(dir.path(), "gold", "[0]:[0]\n[1]:[1]\n");
    let cases: Vec<(Vec<std::ffi::OsString>, &str)> = vec![
        (
            vec![
                "align".into(),
                "--lines".into(),
                en.clone().into(),
                es.clone().into(),
            ],
            "language en (detected)",
        ),
        (
            vec!["run".into(), dir.path().into()],
            "rows by language: en-es",
        ),
        (
            vec!["segment".into(), en.clone().into()],
            "segments by language: en",
        ),
        (
            vec![
                "mine".into(),
                "--lines".into(),
                en.clone().into(),
                es.clone().into(),
            ],
            "language es",
        ),
        (vec!["detect".into(), es.clone().into()], "doc.es.txt"),
        (
            vec![
                "eval".into(),
                "align".into(),
                gold.clone().into(),
                gold.clone().into(),
            ],
            "2 gold links",
        ),
    ];
    for (args, expected) in cases {
        let out = talign().args(&args).arg("-v").assert();
        let out = out.get_output();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?} failed: {stderr}"
        );
        assert!(
            stderr.contains(expected),
            "{args:?} -v lacks `{expected}`: {stderr}"
        );
        // every -v line carries the time since the start
        assert!(
            stderr.contains(" s] "),
            "{args:?} -v lacks timings: {stderr}"
        );
    }
}

#[test]
fn quiet_silences_the_closing_count_and_cannot_be_combined_with_verbose() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (en, es) = fixtures(dir.path());
    talign()
        .args(["run", "-q"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    // -q is global: accepted before the command as well, and by commands without a corpus
    talign()
        .args(["-q", "align", "--lines"])
        .arg(&en)
        .arg(&es)
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    talign()
        .args(["run", "-q", "-v"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn version_names_the_model_languages() {
    let out = talign()
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(concat!("talign ", env!("CARGO_PKG_VERSION")))
    );
    let model = lines.next().unwrap_or_default();
    assert!(model.starts_with("language model ("), "{text}");
    for code in ["en", "ru", "es", "uk", "is", "zu"] {
        assert!(
            model.split(' ').any(|w| w == code),
            "{code} missing: {text}"
        );
    }
    assert!(lines.next().is_some_and(|l| l.contains(" zh")), "{text}");
}
