//! `talign mine` on the shared reading and writing code: every input layout, every output
//! format, bad records named and the rest mined, a summary in `talign run`'s shape.

use std::io::Write;

use crate::common::{talign, write};
use predicates::prelude::*;
use serde_json::Value;

const QUERIES: &str = "Medvedev returned the medal in 2011.\nThe war in Ukraine began in 2014.\nWhy did you delete this tweet?\n";

fn pool_jsonl() -> String {
    [
        r#"{"id":"p-tweet","text":"Зачем ты удалил этот твит?","lang":"ru"}"#,
        r#"{"id":"p-snow","text":"Сегодня в Москве идёт снег.","lang":"ru"}"#,
        r#"{"id":"p-war","text":"Война в Украине началась в 2014 году.","lang":"ru"}"#,
        r#"{"id":"p-medal","text":"Медведев вернул медаль в 2011 году.","lang":"ru"}"#,
    ]
    .join("\n")
        + "\n"
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (query_id, pool_id, accepted) of each CSV row.
fn csv_pairs(out: &str) -> Vec<(String, String, String)> {
    let mut r = csv::Reader::from_reader(out.as_bytes());
    r.records()
        .filter_map(Result::ok)
        .map(|rec| {
            let f = |i| rec.get(i).unwrap_or_default().to_string();
            (f(0), f(1), f(4))
        })
        .collect()
}

#[test]
fn a_bad_jsonl_line_is_named_and_the_rest_mined() {
    let dir = tempdir();
    let q = write(dir.path(), "q.txt", QUERIES);
    let mut pool = pool_jsonl().into_bytes();
    // a line that is not JSON and one that is not UTF-8, between good records
    pool.splice(0..0, b"{\"id\": \"broken\", \"text\": \n".iter().copied());
    pool.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}\n");
    let p = write(dir.path(), "pool.jsonl", pool);
    let out = dir.path().join("out.csv");
    let summary = dir.path().join("summary.json");
    talign()
        .args(["mine", "--lines", "-o"])
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .arg(&q)
        .arg(&p)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("pool.jsonl:1: not JSON"))
        .stderr(predicate::str::contains("pool.jsonl:6: invalid UTF-8"));
    let pairs = csv_pairs(&read(&out));
    let want = [("0", "p-medal"), ("1", "p-war"), ("2", "p-tweet")];
    let got: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(q, p, _)| (q.as_str(), p.as_str()))
        .collect();
    assert_eq!(got, want, "{pairs:?}");
    let s: Value = serde_json::from_str(&read(&summary)).unwrap_or_default();
    assert_eq!(s["inputs"], 2, "{s}");
    assert_eq!(s["processed"], 5, "{s}"); // one query file, four pool records
    assert_eq!(s["rejected"], 2, "{s}");
    assert_eq!(s["documents"], 7, "{s}");
    assert_eq!(s["segments"], 7, "{s}"); // three queries, four pool entries
    let accepted = pairs.iter().filter(|(_, _, a)| a == "true").count();
    assert_eq!(s["pairs"], accepted, "{s}");
    assert_eq!(s["rejects"][0]["line"], 1, "{s}");
    assert!(s["rejects"][0]["input"]
        .as_str()
        .is_some_and(|i| i.ends_with("pool.jsonl")));
}

#[test]
fn folders_gz_csv_and_stdin_sides() {
    let dir = tempdir();
    // queries: a folder of two text files (one gzipped), ids become DOC#k
    write(
        dir.path(),
        "q/a.txt",
        "Medvedev returned the medal in 2011.\nThe war in Ukraine began in 2014.\n",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Why did you delete this tweet?\n")
        .unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "q/b.txt.gz",
        gz.finish().unwrap_or_else(|e| panic!("{e}")),
    );
    // pool: CSV rows with other column names, read from stdin
    let pool = "key,body\nk1,Сегодня в Москве идёт снег.\nk2,Медведев вернул медаль в 2011 году.\nk3,Зачем ты удалил этот твит?\nk4,Война в Украине началась в 2014 году.\n";
    let assert = talign()
        .args([
            "mine",
            "--lines",
            "--input-format",
            "csv",
            "--text-column",
            "body",
            "--id-column",
            "key",
        ])
        .arg(dir.path().join("q"))
        .arg("-")
        .write_stdin(pool)
        .assert()
        .code(2); // the query folder is not CSV: --input-format applies to both sides
    assert.stderr(predicate::str::contains("nothing to mine"));
    let root = dir.path().join("q").display().to_string();
    let pool_file = write(dir.path(), "pool.csv", pool);
    let out = talign()
        .args([
            "mine",
            "--lines",
            "--text-column",
            "body",
            "--id-column",
            "key",
        ])
        .arg(dir.path().join("q"))
        .arg(&pool_file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let pairs = csv_pairs(&String::from_utf8_lossy(&out));
    let got: Vec<(String, String)> = pairs.into_iter().map(|(q, p, _)| (q, p)).collect();
    let want = [
        (format!("{root}/a.txt#0"), "k2".to_string()),
        (format!("{root}/a.txt#1"), "k4".to_string()),
        (format!("{root}/b.txt.gz#0"), "k3".to_string()),
    ];
    assert_eq!(got, want);
    // stdin on one side, its layout given for that side alone
    let out = talign()
        .args(["mine", "--lines", "--pool-format", "csv"])
        .args(["--text-column", "body", "--id-column", "key"])
        .arg(dir.path().join("q"))
        .arg("-")
        .write_stdin(pool)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let pairs = csv_pairs(&String::from_utf8_lossy(&out));
    let got_stdin: Vec<(String, String)> = pairs.into_iter().map(|(q, p, _)| (q, p)).collect();
    assert_eq!(got_stdin, want);
    // stdin on one side: the queries as plain text
    let out = talign()
        .args(["mine", "--lines", "--format", "ids", "-"])
        .arg(&pool_file)
        .args(["--text-column", "body", "--id-column", "key"])
        .write_stdin(QUERIES)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids = String::from_utf8_lossy(&out);
    let firsts: Vec<&str> = ids
        .lines()
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(" "))
        .map(|s| match s.as_str() {
            "0 1" => "medal",
            "1 3" => "war",
            "2 2" => "tweet",
            _ => "wrong",
        })
        .collect();
    assert_eq!(firsts, ["medal", "war", "tweet"], "{ids}");
}

#[test]
fn both_sides_on_stdin_is_a_usage_error() {
    talign()
        .args(["mine", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stdin"));
}

#[test]
fn an_unusable_side_leaves_no_output_file() {
    let dir = tempdir();
    let q = write(dir.path(), "q.txt", QUERIES);
    let p = write(dir.path(), "empty.txt", "");
    let out = dir.path().join("out.csv");
    talign()
        .args(["mine", "-o"])
        .arg(&out)
        .arg(&q)
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt: empty input"));
    assert!(!out.exists());
}

#[test]
fn every_output_format() {
    let dir = tempdir();
    let q = write(dir.path(), "q.txt", QUERIES);
    let p = write(dir.path(), "pool.jsonl", pool_jsonl());
    let run = |format: &str, out: &std::path::Path| {
        talign()
            .args(["mine", "--lines", "--format", format, "-o"])
            .arg(out)
            .arg(&q)
            .arg(&p)
            .assert()
            .success();
    };
    let tsv = dir.path().join("out.tsv");
    run("tsv", &tsv);
    let tsv = read(&tsv);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("query_id\tpool_id\tscore\tmargin\taccepted\tquery_text\tpool_text")
    );
    assert!(lines.next().is_some_and(|l| l.starts_with("0\tp-medal\t")));

    let jsonl = dir.path().join("out.jsonl");
    run("jsonl", &jsonl);
    let first: Value =
        serde_json::from_str(read(&jsonl).lines().next().unwrap_or_default()).unwrap_or_default();
    assert_eq!(
        first["translation"]["en"],
        "Medvedev returned the medal in 2011."
    );
    assert_eq!(
        first["translation"]["ru"],
        "Медведев вернул медаль в 2011 году."
    );
    assert_eq!(first["tgt_doc_id"], "p-medal");
    assert_eq!(first["kind"], "mined");

    // Moses: accepted pairs only, files named by the sides' languages
    let prefix = dir.path().join("pairs");
    run("moses", &prefix);
    let (en, ru) = (
        read(&dir.path().join("pairs.en")),
        read(&dir.path().join("pairs.ru")),
    );
    let ids = dir.path().join("out.ids");
    run("ids", &ids);
    let accepted = read(&ids).lines().filter(|l| l.ends_with("\ttrue")).count();
    assert!(accepted >= 2, "{}", read(&ids));
    assert_eq!(en.lines().count(), accepted);
    assert_eq!(ru.lines().count(), accepted);
    assert!(en.contains("Medvedev returned the medal in 2011.\n"));
    assert!(ru.contains("Медведев вернул медаль в 2011 году.\n"));

    let tmx = dir.path().join("out.tmx");
    run("tmx", &tmx);
    let tmx = read(&tmx);
    assert_eq!(tmx.matches("<tu>").count(), accepted);
    assert!(tmx.contains("<tuv xml:lang=\"ru\">"));
    assert!(tmx.contains("<prop type=\"x-kind\">mined</prop>"));
}

#[test]
fn help_explains_inputs_rejects_and_formats() {
    talign()
        .args(["mine", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--input-format"))
        .stdout(predicate::str::contains("Nothing is lost silently"))
        .stdout(predicate::str::contains("ids:"));
}

#[test]
fn an_html_page_gives_its_sentences_and_its_embedded_posts() {
    let dir = tempdir();
    let q = write(
        dir.path(),
        "q.txt",
        "Good luck to Kelly in Washington.\nThe war in Ukraine began in 2014.\n",
    );
    let page = write(
        dir.path(),
        "pool.html",
        "<html><body><article><p>Сегодня в Москве идёт снег. Война в Украине началась в 2014 году.</p>\n\
         <blockquote class=\"twitter-tweet\"><p lang=\"ru\">Удачи Келли в Вашингтоне.</p>&mdash; Dmitry \
         (@dmitry) <a href=\"https://twitter.com/dmitry/status/1\">May 1, 2024</a></blockquote>\n\
         </article></body></html>\n",
    );
    // no --lines: the page's paragraph is cut into sentences
    let out = talign()
        .arg("mine")
        .arg(&q)
        .arg(&page)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = page.display().to_string();
    let got: Vec<(String, String, String)> = csv_pairs(&String::from_utf8_lossy(&out));
    let want = [
        (
            "0".to_string(),
            format!("{page}#post-1"),
            "true".to_string(),
        ),
        ("1".to_string(), format!("{page}#1"), "true".to_string()),
    ];
    assert_eq!(got, want);
}

/// `talign mine --lines --format ids` on real data writes exactly what the library's miner
/// returns, in the format `talign eval mine` has always read: reading and writing through the
/// shared code changes no figure.
#[test]
fn tatoeba_ids_from_the_command_equal_the_library() {
    use talign::align::mine::{mine, MineOptions};
    use talign::eval::mine::shuffled_pairs;
    let Some(data) = crate::common::shared_data("tatoeba/tatoeba.spa-eng.eng") else {
        return;
    };
    let en = read(&data.join("tatoeba/tatoeba.spa-eng.eng"));
    let es = read(&data.join("tatoeba/tatoeba.spa-eng.spa"));
    let en: Vec<&str> = en.lines().collect();
    let es: Vec<&str> = es.lines().collect();
    let (pool, _gold) = shuffled_pairs(&en, &es, 42);
    let dir = tempdir();
    let pool_file = write(dir.path(), "spa.pool", pool.join("\n") + "\n");
    let out = dir.path().join("spa.ids");
    talign()
        .args(["mine", "--lines", "--format", "ids", "-o"])
        .arg(&out)
        .arg(data.join("tatoeba/tatoeba.spa-eng.eng"))
        .arg(&pool_file)
        .assert()
        .success();
    let want: String = mine(&en, &pool, &MineOptions::default())
        .iter()
        .map(|h| {
            let p = h.pool.map_or_else(|| "-".to_string(), |p| p.to_string());
            format!(
                "{}\t{p}\t{:.4}\t{:.4}\t{}\n",
                h.query, h.score, h.margin, h.accepted
            )
        })
        .collect();
    assert_eq!(want.lines().count(), 1000);
    assert_eq!(read(&out), want);
}

#[test]
fn a_bad_line_of_a_lines_input_is_kept_repaired_and_named() {
    let dir = tempdir();
    // the second query holds a Latin-1 byte: with --lines only that line is touched, and the
    // third keeps its index 2 (gold of line indices still fits)
    let mut queries = QUERIES.as_bytes().to_vec();
    let at = QUERIES.find("The war").unwrap_or_default() + 4;
    queries.splice(at..at, b"\xe9 ".iter().copied());
    let q = write(dir.path(), "q.txt", queries);
    let p = write(dir.path(), "pool.jsonl", pool_jsonl());
    let out = dir.path().join("out.csv");
    let summary = dir.path().join("summary.json");
    talign()
        .args(["mine", "--lines", "-o"])
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .arg(&q)
        .arg(&p)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("talign: repaired: "))
        .stderr(predicate::str::contains("q.txt:2: invalid UTF-8 at byte"));
    let pairs = csv_pairs(&read(&out));
    let got: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(q, p, _)| (q.as_str(), p.as_str()))
        .collect();
    assert_eq!(got, [("0", "p-medal"), ("1", "p-war"), ("2", "p-tweet")]);
    let s: Value = serde_json::from_str(&read(&summary)).unwrap_or_default();
    assert_eq!(
        (s["rejected"].clone(), s["repaired_lines"].clone()),
        (0.into(), 1.into()),
        "{s}"
    );
    assert_eq!(s["repaired"][0]["line"], 2, "{s}");

    // without --lines the text is one document, and a document that is not UTF-8 is rejected
    talign()
        .args(["mine", "-o"])
        .arg(dir.path().join("whole.csv"))
        .arg(&q)
        .arg(&p)
        .assert()
        .stderr(predicate::str::contains("talign: rejected: "));
}
