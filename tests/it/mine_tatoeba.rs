//! Real-data test of the miner on Tatoeba (English queries, foreign side shuffled with a fixed
//! seed as the pool), with the MUSE lexicons read in place (never copied: CC BY-NC).
//! Skips loudly when `../shared/data` is missing.

use std::path::{Path, PathBuf};

use talign::align::mine::{mine, MineOptions};
use talign::align::Lexicon;
use talign::eval::mine::{score, shuffled_pairs, MineScores, TestRow};
use talign::Lang;

fn data() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if d.join("tatoeba").is_dir() && d.join("lexicons").is_dir() {
        Some(d)
    } else {
        crate::common::skip("../shared/data/tatoeba or ../shared/data/lexicons not found; Tatoeba mining not checked");
        None
    }
}

fn run(dir: &Path, lang3: &str, lang2: &str, lexicon: bool) -> MineScores {
    let read =
        |p: PathBuf| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let en = read(dir.join(format!("tatoeba/tatoeba.{lang3}-eng.eng")));
    let fo = read(dir.join(format!("tatoeba/tatoeba.{lang3}-eng.{lang3}")));
    let en: Vec<&str> = en.lines().collect();
    let fo: Vec<&str> = fo.lines().collect();
    let (pool, gold) = shuffled_pairs(&en, &fo, 42);
    let mut opts = MineOptions {
        query_lang: Lang::new("en"),
        pool_lang: Lang::new(lang2),
        ..MineOptions::default()
    };
    if lexicon {
        let path = dir.join(format!("lexicons/muse.en-{lang2}.tsv"));
        opts.lexicons
            .push(Lexicon::load(&path).unwrap_or_else(|e| panic!("{e}")));
    }
    let rows: Vec<TestRow> = mine(&en, &pool, &opts).iter().map(TestRow::from).collect();
    let s = score(&gold, &rows);
    eprintln!(
        "tatoeba {lang3}-eng lexicon={lexicon}: top1 {:.3}, precision {:.3}, recall {:.3}",
        s.top1, s.precision, s.recall
    );
    s
}

#[test]
fn tatoeba_rus_eng() {
    let Some(dir) = data() else { return };
    let s = run(&dir, "rus", "ru", true);
    assert!(s.top1 >= 0.85, "top-1 {:.3} < 0.85", s.top1);
    assert!(
        s.precision >= 0.97 && s.recall >= 0.70,
        "P {:.3} R {:.3}",
        s.precision,
        s.recall
    );
    let bare = run(&dir, "rus", "ru", false);
    assert!(
        bare.precision >= 0.85,
        "without MUSE: precision {:.3}",
        bare.precision
    );
}

#[test]
fn tatoeba_spa_eng() {
    let Some(dir) = data() else { return };
    let s = run(&dir, "spa", "es", true);
    assert!(s.top1 >= 0.90, "top-1 {:.3} < 0.90", s.top1);
    assert!(
        s.precision >= 0.97 && s.recall >= 0.70,
        "P {:.3} R {:.3}",
        s.precision,
        s.recall
    );
    let bare = run(&dir, "spa", "es", false);
    assert!(
        bare.precision >= 0.85,
        "without MUSE: precision {:.3}",
        bare.precision
    );
}
