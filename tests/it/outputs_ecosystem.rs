//! Outputs as their readers expect them: `run --format links` with document headers and null
//! links, scored per document by `eval align`; vecalign's lines in and out; HF JSONL split by
//! language pair; TSV read back by Python's csv module (and pandas, when installed) with the
//! README's recipe; the HTML review page parsed.

use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::*;
use scraper::{Html, Selector};

use crate::common::{skip, talign, write};

const EN: &str = "The expedition left Zermatt on 12 July 1956 with six climbers.

The weather was bad, but the climbers did not give up.

On the third day they reached the hut at 3,200 metres.

Photo credit: Swiss Alpine Club archive, volume 45, plate 7.

The summit was reached at dawn on 16 July.

Heinrich Müller led the last rope of three.

They returned to the valley two days later, tired but happy.

The report was published in the 1957 yearbook.
";

const ES: &str = "La expedición salió de Zermatt el 12 de julio de 1956 con seis escaladores.

El tiempo era malo, pero los escaladores no se rindieron.

Al tercer día llegaron al refugio a 3.200 metros.

La cumbre se alcanzó al amanecer del 16 de julio.

Heinrich Müller dirigió la última cordada de tres.

Regresaron al valle dos días después, cansados pero felices.

El informe se publicó en el anuario de 1957.
";

/// Two parallel pairs in a folder: `story` (with a caption only the English side has, a null
/// link) and `short`.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    write(&root, "story.en.txt", EN);
    write(&root, "story.es.txt", ES);
    write(
        &root,
        "short.en.txt",
        "The dog barks.\n\nIt is raining in Bern.\n",
    );
    write(
        &root,
        "short.es.txt",
        "El perro ladra.\n\nLlueve en Berna.\n",
    );
    root
}

fn stdout_of(args: &[&std::ffi::OsStr]) -> String {
    let out = talign().args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

#[test]
fn run_links_has_a_header_per_document_pair_and_keeps_null_links() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    let links = stdout_of(&[
        "run".as_ref(),
        "-q".as_ref(),
        root.as_os_str(),
        "--format".as_ref(),
        "links".as_ref(),
    ]);
    let headers: Vec<&str> = links.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(headers.len(), 2, "{links}");
    assert!(headers[1].contains("story.en.txt\t"), "{links}");
    assert!(
        links.lines().any(|l| l == "[3]:[]"),
        "the caption's null link is missing: {links}"
    );
    // the CSV of the same run holds pairs only
    let csv = stdout_of(&["run".as_ref(), "-q".as_ref(), root.as_os_str()]);
    assert_eq!(csv.lines().count(), 1 + 7 + 2, "{csv}");
}

#[test]
fn eval_align_scores_run_links_per_document_pair_by_header() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    let test = dir.path().join("test.links");
    talign()
        .args(["run", "-q", "--format", "links", "-o"])
        .arg(&test)
        .arg(&root)
        .assert()
        .success();
    let name = |f: &str| root.join(f).display().to_string();
    // gold in the other order of pairs, one pair's links only partly right
    let gold = format!(
        "# {}\t{}\n[0]:[0]\n[1]:[1]\n# {}\t{}\n[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n[4]:[3]\n\
         [5]:[4]\n[6]:[5]\n[7]:[6]\n",
        name("short.en.txt"),
        name("short.es.txt"),
        name("story.en.txt"),
        name("story.es.txt"),
    );
    let gold = write(dir.path(), "gold.links", gold);
    let out = talign()
        .args(["eval", "align", "--json"])
        .arg(&gold)
        .arg(&test)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(report["pairs"], 2);
    assert_eq!(report["strict"]["f1"], 1.0, "{report}");
    // a pair missing from the test file counts against recall
    let partial = write(
        dir.path(),
        "partial.links",
        format!(
            "# {}\t{}\n[0]:[0]\n[1]:[1]\n",
            name("short.en.txt"),
            name("short.es.txt")
        ),
    );
    let out = talign()
        .args(["eval", "align", "--json"])
        .arg(&gold)
        .arg(&partial)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert!(
        report["strict"]["recall"].as_f64().unwrap_or(1.0) < 0.3,
        "{report}"
    );
    assert_eq!(report["strict"]["precision"], 1.0);
}

#[test]
fn align_writes_vecalign_lines_and_eval_reads_them_like_links() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    let (en, es) = (root.join("story.en.txt"), root.join("story.es.txt"));
    let run = |format: &str| {
        let out = dir.path().join(format!("out.{format}"));
        talign()
            .args(["align", "-q", "--format", format, "-o"])
            .arg(&out)
            .arg(&en)
            .arg(&es)
            .assert()
            .success();
        out
    };
    let (links, vecalign) = (run("links"), run("vecalign"));
    let text = std::fs::read_to_string(&vecalign).unwrap_or_default();
    let line = regex::Regex::new(r"^\[[0-9, ]*\]:\[[0-9, ]*\]:-?[0-9]+\.[0-9]{6}$")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(text.lines().all(|l| line.is_match(l)), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("[3]:[]:")),
        "no null link: {text}"
    );
    // scored against the links output as gold, vecalign's lines are a perfect match
    talign()
        .args(["eval", "align"])
        .arg(&links)
        .arg(&vecalign)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "strict\tprecision 1.0000\trecall 1.0000",
        ));
}

#[test]
fn split_by_pair_writes_one_jsonl_file_per_language_pair() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    write(
        &root,
        "news.en.txt",
        "The minister spoke in Kyiv on Monday.\n",
    );
    write(
        &root,
        "news.ru.txt",
        "Министр выступил в Киеве в понедельник.\n",
    );
    let out = dir.path().join("by-pair");
    talign()
        .args(["run", "-q", "--format", "jsonl", "--split-by-pair", "-o"])
        .arg(&out)
        .arg(&root)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert_eq!(names, ["en-es.jsonl", "en-ru.jsonl"]);
    for (name, langs) in [("en-es.jsonl", ["en", "es"]), ("en-ru.jsonl", ["en", "ru"])] {
        let text = std::fs::read_to_string(out.join(name)).unwrap_or_default();
        assert!(!text.is_empty());
        for line in text.lines() {
            let row: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut keys: Vec<&str> = row["translation"]
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            keys.sort();
            assert_eq!(keys, langs, "{name}: one Translation feature per file");
        }
    }
    // one file per pair needs a folder
    talign()
        .args(["run", "-q", "--format", "jsonl", "--split-by-pair"])
        .arg(&root)
        .assert()
        .code(2);
    talign()
        .args(["run", "-q", "--format", "csv", "--split-by-pair", "-o"])
        .arg(dir.path().join("x"))
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format jsonl"));
}

/// The README's recipe for reading talign's TSV with Python's csv module: no quote handling
/// (a field may start with `"`), then the four escapes undone.
const PY_CSV_RECIPE: &str = r#"
import csv, json, re, sys
UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
def unescape(s):
    return re.sub(r"\\[\\tnr]", lambda m: UNESCAPE[m.group(0)], s)
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = [[unescape(x) for x in row] for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
print(json.dumps(rows))
"#;

/// The README's pandas recipe.
const PANDAS_RECIPE: &str = r#"
import csv, json, sys
import pandas as pd
UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
df = pd.read_csv(sys.argv[1], sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
for col in ("src_text", "tgt_text"):
    df[col] = df[col].str.replace(r"\\[\\tnr]", lambda m: UNESCAPE[m.group(0)], regex=True)
print(json.dumps([list(df.columns)] + df.values.tolist()))
"#;

fn python(script: &str, arg: &Path) -> Option<Vec<Vec<String>>> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(arg)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

#[test]
fn tsv_fields_with_a_leading_quote_read_back_exactly_with_the_readme_recipe() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let src = write(
        dir.path(),
        "q.en",
        "\"Get off, you moron!\" he wrote.\n\"NA\"\nA real\ttab, a written \\t and a backslash \\ too.\n",
    );
    let tgt = write(
        dir.path(),
        "q.ru",
        "«Пошёл вон, дебил!» — написал он.\n\"NA\"\nНастоящий\tтаб, написанный \\t и обратная косая \\ тоже.\n",
    );
    let tsv = dir.path().join("out.tsv");
    talign()
        .args(["align", "-q", "--lines", "--format", "tsv", "-o"])
        .arg(&tsv)
        .arg(&src)
        .arg(&tgt)
        .assert()
        .success();
    let expected_src = std::fs::read_to_string(&src).unwrap_or_default();
    let expected: Vec<&str> = expected_src.lines().collect();
    let check = |rows: Vec<Vec<String>>, who: &str| {
        let col = rows[0]
            .iter()
            .position(|c| c == "src_text")
            .unwrap_or_else(|| panic!("{who}: no src_text column"));
        let got: Vec<&str> = rows[1..].iter().map(|r| r[col].as_str()).collect();
        assert_eq!(got, expected, "{who} misread the TSV");
    };
    match python(PY_CSV_RECIPE, &tsv) {
        Some(rows) => check(rows, "python csv"),
        None => {
            skip("python3 not found: the TSV recipe was NOT checked");
            return;
        }
    }
    match python(PANDAS_RECIPE, &tsv) {
        Some(rows) => check(rows, "pandas"),
        None => skip("pandas not installed: the README's pandas recipe was NOT checked"),
    }
}

#[test]
fn html_page_is_self_contained_with_one_row_per_link_and_null_links_marked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    let page = dir.path().join("review.html");
    talign()
        .args(["align", "-q", "--format", "html", "-o"])
        .arg(&page)
        .arg(root.join("story.en.txt"))
        .arg(root.join("story.es.txt"))
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap_or_default();
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    // self-contained: no scripts, no fetched styles, images or frames
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(doc.select(&sel("link, img, iframe, [src]")).count(), 0);
    assert_eq!(doc.select(&sel("table")).count(), 1);
    let rows: Vec<_> = doc.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 8, "one row per link, the null link included");
    let cell_text = |row: &scraper::ElementRef, class: &str| -> String {
        row.select(&sel(&format!("td.{class}")))
            .next()
            .map(|c| c.text().collect())
            .unwrap_or_default()
    };
    for row in &rows {
        assert_eq!(row.select(&sel("td")).count(), 5);
    }
    let nulls: Vec<_> = rows
        .iter()
        .filter(|r| r.value().classes().any(|c| c == "null"))
        .collect();
    assert_eq!(nulls.len(), 1);
    assert!(cell_text(nulls[0], "src").contains("Photo credit"));
    assert_eq!(cell_text(nulls[0], "tgt"), "");
    assert_eq!(cell_text(nulls[0], "type"), "1-0");
    // every non-null link has its score shaded
    for row in rows
        .iter()
        .filter(|r| !r.value().classes().any(|c| c == "null"))
    {
        let score = row.select(&sel("td.score")).next();
        assert!(score.is_some_and(|s| s
            .value()
            .attr("style")
            .is_some_and(|st| st.contains("hsl("))));
    }
    assert!(html.contains("Müller"));
}

#[test]
fn run_html_gives_one_table_per_document_pair() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = corpus(dir.path());
    let html = stdout_of(&[
        "run".as_ref(),
        "-q".as_ref(),
        "--format".as_ref(),
        "html".as_ref(),
        root.as_os_str(),
    ]);
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    assert_eq!(doc.select(&sel("section.pair")).count(), 2);
    assert_eq!(doc.select(&sel("tbody tr")).count(), 2 + 8);
    assert_eq!(doc.select(&sel("tr.null")).count(), 1);
}
