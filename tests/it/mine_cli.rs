//! The `talign mine` and `talign eval mine` commands, run as a user would.

use assert_cmd::Command;
use predicates::prelude::*;

fn talign() -> Command {
    Command::cargo_bin("talign").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn mine_pairs_lines_and_eval_scores_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let q = dir.path().join("q.txt");
    let p = dir.path().join("p.txt");
    let gold = dir.path().join("gold.tsv");
    let out = dir.path().join("out.tsv");
    std::fs::write(
        &q,
        "Medvedev returned the medal in 2011.\nThe war in Ukraine began in 2014.\nWhy did you delete this tweet?\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        &p,
        "Зачем ты удалил этот твит?\nСегодня в Москве идёт снег.\nВойна в Украине началась в 2014 году.\nМедведев вернул медаль в 2011 году.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&gold, "0\t3\n1\t2\n2\t0\n").unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["mine", "--lines", "--format", "ids", "-o"])
        .arg(&out)
        .arg(&q)
        .arg(&p)
        .assert()
        .success();
    let ids = std::fs::read_to_string(&out).unwrap_or_default();
    let pairs: Vec<(String, String)> = ids
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect();
    assert_eq!(pairs[0], ("0".into(), "3".into()), "{ids}");
    assert_eq!(pairs[1], ("1".into(), "2".into()), "{ids}");
    talign()
        .args(["eval", "mine", "--json"])
        .arg(&gold)
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"top1\":1.0"));
}

#[test]
fn mine_csv_reads_jsonl_posts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let q = dir.path().join("q.jsonl");
    let p = dir.path().join("p.jsonl");
    std::fs::write(
        &q,
        "{\"id\":\"quote-1\",\"text\":\"Good luck to Kelly in Washington.\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        &p,
        "{\"id\":\"post-a\",\"text\":\"Удачи Келли в Вашингтоне.\",\"lang\":\"ru\"}\n{\"id\":\"post-b\",\"text\":\"Сегодня холодно.\",\"lang\":\"ru\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    talign()
        .arg("mine")
        .arg(&q)
        .arg(&p)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            // RFC 4180 line ends, as every CSV talign writes
            "query_id,pool_id,score,margin,accepted,query_text,pool_text\r\nquote-1,post-a,",
        ));
}

#[test]
fn bad_gold_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let gold = dir.path().join("gold.tsv");
    std::fs::write(&gold, "zero one\n").unwrap_or_else(|e| panic!("{e}"));
    talign()
        .args(["eval", "mine"])
        .arg(&gold)
        .arg(&gold)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gold.tsv:1"));
}
