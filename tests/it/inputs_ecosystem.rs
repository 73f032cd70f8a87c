//! Inputs as other tools ship them: JSONL and CSV piped without `--input-format`, `.xz`, `.bz2`,
//! `.zst` and `.gz` files and streams, `talign detect` through the corpus readers, ISO 639-3 and
//! BCP-47 language codes, manifests with a header line.

use std::io::Write;
use std::path::Path;

use predicates::prelude::*;

use crate::common::{talign, write};

const JSONL: &str = "{\"id\": \"a.en\", \"text\": \"The cat sleeps on the sofa. Berlin has 3 million people.\"}\n\
{\"id\": \"a.es\", \"text\": \"El gato duerme en el sofá. Berlín tiene 3 millones de habitantes.\"}\n";

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

/// `talign run --format jsonl` on a file, the reference the other layouts must match.
fn reference(dir: &Path) -> String {
    let plain = write(dir, "plain.jsonl", JSONL);
    let out = talign()
        .args(["run", "-q", "--format", "jsonl"])
        .arg(&plain)
        .assert()
        .success();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    text
}

#[test]
fn jsonl_and_csv_piped_without_an_input_format_are_sniffed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let expected = reference(dir.path());
    let piped = talign()
        .args(["run", "-q", "--format", "jsonl"])
        .write_stdin(JSONL)
        .assert()
        .success();
    assert_eq!(stdout(&piped), expected);
    // a file whose name says nothing is sniffed too
    let unnamed = write(dir.path(), "export", JSONL);
    let out = talign()
        .args(["run", "-q", "--format", "jsonl"])
        .arg(&unnamed)
        .assert()
        .success();
    assert_eq!(stdout(&out), expected);
    let csv = "id,text\na.en,The cat sleeps.\na.es,El gato duerme.\n";
    talign()
        .args(["run", "-q", "--format", "jsonl"])
        .write_stdin(csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"El gato duerme.\""));
    // prose on stdin stays one text document
    talign()
        .args(["segment", "-q"])
        .write_stdin("Hello, world. This is text, not a table.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("-,1,"));
}

fn fail<T>(e: std::io::Error) -> T {
    panic!("compressing: {e}")
}

fn compressed(kind: &str, bytes: &[u8]) -> Vec<u8> {
    match kind {
        "gz" => {
            let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            w.write_all(bytes).unwrap_or_else(fail);
            w.finish().unwrap_or_else(fail)
        }
        "xz" => {
            let mut w = liblzma::write::XzEncoder::new(Vec::new(), 6);
            w.write_all(bytes).unwrap_or_else(fail);
            w.finish().unwrap_or_else(fail)
        }
        "bz2" => {
            let mut w = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
            w.write_all(bytes).unwrap_or_else(fail);
            w.finish().unwrap_or_else(fail)
        }
        _ => zstd::encode_all(bytes, 3).unwrap_or_else(fail),
    }
}

#[test]
fn xz_bz2_zst_and_gz_files_and_streams_read_as_their_content() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let expected = reference(dir.path());
    for kind in ["gz", "xz", "bz2", "zst"] {
        let packed = compressed(kind, JSONL.as_bytes());
        let file = write(dir.path(), &format!("corpus.jsonl.{kind}"), &packed);
        let by_name = talign()
            .args(["run", "-q", "--format", "jsonl"])
            .arg(&file)
            .assert()
            .success();
        assert_eq!(stdout(&by_name), expected, "{kind} file");
        let piped = talign()
            .args(["run", "-q", "--format", "jsonl"])
            .write_stdin(packed)
            .assert()
            .success();
        assert_eq!(stdout(&piped), expected, "{kind} on stdin");
    }
    // a truncated archive is named, not read as text
    let mut broken = compressed("xz", JSONL.as_bytes());
    broken.truncate(broken.len() / 2);
    let file = write(dir.path(), "broken.jsonl.xz", broken);
    talign()
        .args(["run", "-q"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.jsonl.xz"));
}

#[test]
fn detect_reads_records_and_folders_with_doc_id_and_line_columns() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let corpus = dir.path().join("corpus");
    write(
        &corpus,
        "posts.jsonl",
        "{\"id\": \"p1\", \"text\": \"Hola a todos, ¿cómo estáis hoy?\"}\n\
         {\"id\": \"p2\", \"text\": \"Guten Morgen zusammen.\\nWie geht es euch heute?\"}\n",
    );
    write(
        &corpus,
        "notes.txt",
        "The meeting starts at nine.\n\nПравительство объявило о новых мерах.\n",
    );
    let out = talign().arg("detect").arg(&corpus).assert().success();
    let text = stdout(&out);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    assert_eq!(header, ["doc_id", "line", "lang", "confidence", "text"]);
    let got: Vec<(String, String, String)> = rows
        .records()
        .filter_map(Result::ok)
        .map(|r| (r[0].to_string(), r[1].to_string(), r[2].to_string()))
        .collect();
    let notes = corpus.join("notes.txt").display().to_string();
    let expect =
        |id: &str, line: &str, lang: &str| (id.to_string(), line.to_string(), lang.to_string());
    assert_eq!(
        got,
        vec![
            expect(&notes, "1", "en"),
            expect(&notes, "3", "ru"),
            expect("p1", "1", "es"),
            expect("p2", "1", "de"),
            expect("p2", "2", "de"),
        ]
    );
}

#[test]
fn iso_639_3_and_bcp_47_codes_are_accepted_wherever_a_language_is_given() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    // file names: story.eng.txt + story.spa.txt pair like story.en.txt + story.es.txt
    let names = dir.path().join("names");
    write(&names, "story.eng.txt", "The cat sleeps on the sofa.\n");
    write(&names, "story.spa.txt", "El gato duerme en el sofá.\n");
    talign()
        .args(["run", "-q", "--format", "jsonl"])
        .arg(&names)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"src_lang\":\"en\",\"tgt_lang\":\"es\"",
        ));
    // record ids and JSONL `lang` in BCP-47 and FLORES-200 forms
    let records = "{\"id\": \"b.eng_Latn\", \"text\": \"The dog barks.\"}\n\
                   {\"id\": \"b.pt-BR\", \"text\": \"O cachorro late.\"}\n";
    talign()
        .args(["run", "-q", "--format", "jsonl"])
        .write_stdin(records)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"translation\":{\"en\":\"The dog barks.\",\"pt\":",
        ));
    // flags: --src-lang/--tgt-lang and --langs
    let src = write(dir.path(), "a.txt", "Der Hund bellt.\n");
    let tgt = write(dir.path(), "b.txt", "Le chien aboie.\n");
    talign()
        .args([
            "align",
            "-q",
            "--lines",
            "--format",
            "jsonl",
            "--src-lang",
            "deu",
            "--tgt-lang",
            "fr-CA",
        ])
        .arg(&src)
        .arg(&tgt)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"src_lang\":\"de\",\"tgt_lang\":\"fr\"",
        ));
    talign()
        .args(["detect", "--lines", "--langs", "deu,fra_Latn", "-"])
        .write_stdin("Der Hund bellt laut.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(",de,"));
}

#[test]
fn a_manifest_header_line_is_not_read_as_two_paths() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "a.en.txt", "The cat sleeps on the sofa.\n");
    write(dir.path(), "a, copy.es.txt", "El gato duerme en el sofá.\n");
    let manifest = write(
        dir.path(),
        "pairs.csv",
        "source,target\na.en.txt,\"a, copy.es.txt\"\n",
    );
    talign()
        .args(["run", "--format", "jsonl", "--manifest"])
        .arg(&manifest)
        .assert()
        .success()
        .stderr(predicate::str::contains("rejected:").not())
        .stdout(predicate::str::contains("El gato duerme"));
}
