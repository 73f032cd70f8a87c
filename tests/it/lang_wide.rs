//! Language identification without `--langs`: every language of the model, names inside
//! sentences, independent `--lines`, and confidences that mean what they say.

use std::fs;

use talign::lang::Detector;
use talign::Lang;

use crate::common::{shared_data, talign, write};

/// Runs `talign detect --lines` on `text` and returns `(lang, confidence)` per line.
fn detect_lines(text: &str) -> Vec<(String, f32)> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let input = write(dir.path(), "in.txt", text);
    let out = talign().args(["detect", "--lines"]).arg(&input).output();
    let out = out.unwrap_or_else(|e| panic!("talign detect: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("bad CSV header: {e}"))
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no `{name}` column in {header:?}"))
    };
    let (lang, confidence) = (column("lang"), column("confidence"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("bad CSV: {e}"));
            (r[lang].to_string(), r[confidence].parse().unwrap_or(-1.0))
        })
        .collect()
}

#[test]
fn a_foreign_name_does_not_decide_a_sentence() {
    let got = detect_lines(
        "Pedro Sánchez, jak wielu innych socjalistów, powiedział, że to nie jest dobry pomysł.\n\
         Kühn może tylko kręcić głową.\n\
         Durán fungiert als Sprecher, Ángel Pintado als Schatzmeister.\n\
         Das Haus steht auf Yucatán, nicht weit vom Meer.\n",
    );
    let langs: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(langs, ["pl", "pl", "de", "de"]);
}

#[test]
fn languages_outside_the_ten_are_themselves() {
    let got = detect_lines(
        "De kat zit op de mat en kijkt naar buiten.\n\
         Jag vet inte vad jag ska göra i morgon.\n\
         Minulla ei ole aikaa tänään.\n\
         Bugün hava çok güzel ve sıcak.\n",
    );
    let langs: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(langs, ["nl", "sv", "fi", "tr"]);
}

#[test]
fn each_line_of_lines_input_is_its_own_text() {
    let alone = detect_lines("東京は今日も晴れています。\n");
    let after = detect_lines("The weather in London was grey again.\n東京は今日も晴れています。\n");
    assert_eq!(alone[0].0, "ja");
    assert_eq!(after[1], alone[0]);
}

#[test]
fn all_languages_without_a_list_and_confident_answers_are_right() {
    let Some(data) = shared_data("langid") else {
        return;
    };
    let detector = Detector::new(None);
    let (mut langs, mut sum) = (0usize, 0f64);
    let (mut confident, mut confident_right) = (0usize, 0usize);
    let mut entries: Vec<_> = fs::read_dir(data.join("langid"))
        .unwrap_or_else(|e| panic!("langid: {e}"))
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(gold) = Lang::new(&entry.file_name().to_string_lossy()) else {
            continue;
        };
        let Ok(text) = fs::read_to_string(entry.path().join("sentences.txt")) else {
            continue;
        };
        // every fifth sentence keeps the debug-build test fast
        let items: Vec<&str> = text.lines().step_by(5).collect();
        let mut right = 0;
        for item in &items {
            let d = detector.detect(item);
            right += usize::from(d.lang == gold);
            if d.confidence >= 0.9 && !d.lang.is_und() {
                confident += 1;
                confident_right += usize::from(d.lang == gold);
            }
        }
        langs += 1;
        sum += right as f64 / items.len().max(1) as f64;
    }
    assert_eq!(langs, 75);
    let mean = sum / langs as f64;
    assert!(
        mean >= 0.95,
        "mean sentence accuracy over 75 languages {mean:.4}"
    );
    let precision = confident_right as f64 / confident.max(1) as f64;
    assert!(
        precision >= 0.97,
        "answers at confidence >= 0.9 right {precision:.4}"
    );
}
