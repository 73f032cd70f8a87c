//! Claims across a run: an article's own quote claims its translation from the pool, so a
//! translated quote of another article, paired one document at a time, gives it up. The result
//! is the same at any thread count, and every cued quote keeps its row.

use std::path::Path;

use crate::common::{talign, write};

fn corpus(dir: &Path) {
    write(
        dir,
        "a-mayor.txt",
        "\"The old bridge over the river will be closed for repairs next week,\" the mayor told \
         reporters.\n",
    );
    write(
        dir,
        "b-ivan.txt",
        "\"The river is rising and the old bridge is under water,\" Ivan wrote in Russian on \
         Telegram.\n",
    );
    write(
        dir,
        "pool.jsonl",
        "{\"id\": \"translation\", \"text\": \"Старый мост через реку будет закрыт на ремонт на \
         следующей неделе.\", \"lang\": \"ru\"}\n",
    );
    write(
        dir,
        "lex.tsv",
        "old\tстарый\nbridge\tмост\nriver\tреку\nclosed\tзакрыт\nrepairs\tремонт\nnext\tследующей\n\
         week\tнеделе\nrising\tподнимается\n",
    );
}

fn run(dir: &Path, threads: &str) -> String {
    let out = talign()
        .current_dir(dir)
        .args([
            "run",
            "a-mayor.txt",
            "b-ivan.txt",
            "--originals",
            "pool.jsonl",
            "--lexicon",
            "lex.tsv",
            "--threads",
            threads,
            "--quiet",
        ])
        .assert()
        .code(0);
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

#[test]
fn an_articles_own_quote_claims_its_translation_from_another_articles_quote() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    corpus(dir.path());
    let out = run(dir.path(), "1");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("CSV row: {e}")))
        .collect();
    // doc_id, quote_id, speaker, platform, quote_lang, quote_text, original_id, …
    assert_eq!(rows.len(), 1, "Ivan's cued quote keeps its row: {out}");
    assert_eq!(&rows[0][0], "b-ivan.txt");
    assert_eq!(
        &rows[0][4], "ru",
        "translated from the cue's language: {out}"
    );
    assert_eq!(
        &rows[0][6], "",
        "the mayor's words are not Ivan's original: {out}"
    );
    assert_eq!(run(dir.path(), "2"), out, "same bytes at any thread count");
}

#[test]
fn copies_of_one_article_each_keep_their_pairs() {
    // Syndicated news: the same article twice in a corpus. Each copy pairs its translated
    // tweets as the article alone does; no copy's quote claims a post from the other.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = std::fs::read(root.join("data/demo/000_488fef76da5343e0.txt"))
        .unwrap_or_else(|e| panic!("demo article: {e}"));
    write(dir.path(), "copy-1.txt", &article);
    write(dir.path(), "copy-2.txt", &article);
    let out = talign()
        .current_dir(dir.path())
        .arg("run")
        .args(["copy-1.txt", "copy-2.txt", "--originals"])
        .arg(root.join("data/demo/pool.jsonl"))
        .arg("--quiet")
        .assert()
        .code(0);
    let got = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let want = std::fs::read_to_string(root.join("data/demo/expected_pairs.csv"))
        .unwrap_or_else(|e| panic!("expected pairs: {e}"));
    let mut body = want.lines().skip(1);
    let header = want.lines().next().unwrap_or_default();
    let rows: Vec<&str> = body.by_ref().collect();
    let mut expected = vec![header.to_string()];
    for copy in ["copy-1.txt", "copy-2.txt"] {
        expected.extend(
            rows.iter()
                .map(|r| r.replacen("data/demo/000_488fef76da5343e0.txt", copy, 1)),
        );
    }
    assert_eq!(got.lines().collect::<Vec<_>>(), expected, "{got}");
}
