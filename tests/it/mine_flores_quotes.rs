//! Quote tests built from FLORES devtest: English articles quoting English sentences as
//! translated posts (varied attributions), their Russian, Spanish and Ukrainian originals in a
//! pool of posts among same-page distractors and translations of English-original quotes.
//! Skips loudly when `../shared/data` is missing.

use std::path::{Path, PathBuf};

use talign::align::Lexicon;
use talign::eval::quote_synth::{build, score, ForeignSide, QuoteScores};
use talign::run::quotes::{pair_quotes, QuoteOptions, SegmentedDoc};
use talign::Lang;

fn data() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if d.join("flores").is_dir() && d.join("lexicons").is_dir() {
        Some(d)
    } else {
        crate::common::skip("../shared/data/flores or ../shared/data/lexicons not found; FLORES quote pairing not checked");
        None
    }
}

fn run(dir: &Path, lexicons: bool) -> QuoteScores {
    let read = |p: &str| {
        let path = dir.join(p);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (en, ru, es, uk, meta) = (
        read("flores/eng_Latn.devtest"),
        read("flores/rus_Cyrl.devtest"),
        read("flores/spa_Latn.devtest"),
        read("flores/ukr_Cyrl.devtest"),
        read("flores/metadata_devtest.tsv"),
    );
    let pages: Vec<&str> = meta
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    let side = |code: &str, name: &'static str, text: &'static str| ForeignSide {
        lang: Lang::new(code).unwrap_or_default(),
        name,
        lines: text.lines().collect(),
    };
    let (ru, es, uk): (&'static str, &'static str, &'static str) = (
        Box::leak(ru.into_boxed_str()),
        Box::leak(es.into_boxed_str()),
        Box::leak(uk.into_boxed_str()),
    );
    let foreign = [
        side("ru", "Russian", ru),
        side("es", "Spanish", es),
        side("uk", "Ukrainian", uk),
    ];
    let en_lines: Vec<&str> = en.lines().collect();
    let test = build(&en_lines, &foreign, &pages, 40, 3, 4, 2024);
    let docs: Vec<SegmentedDoc> = test
        .docs
        .iter()
        .map(|d| SegmentedDoc {
            doc: d.clone(),
            segments: talign::segment::segment(d),
        })
        .collect();
    let mut opts = QuoteOptions::default();
    if lexicons {
        for l in ["ru", "es"] {
            let p = dir.join(format!("lexicons/muse.en-{l}.tsv"));
            opts.lexicons
                .push(Lexicon::load(&p).unwrap_or_else(|e| panic!("{e}")));
        }
    }
    let rows = pair_quotes(&docs, &test.pool, &opts);
    let s = score(&test, &rows);
    eprintln!(
        "flores quotes lexicons={lexicons}: gold {} found {} precision {:.3} recall {:.3}",
        s.gold, s.found, s.precision, s.recall
    );
    s
}

#[test]
fn flores_quotes_pair_with_their_originals() {
    let Some(dir) = data() else { return };
    let s = run(&dir, true);
    assert!(s.precision >= 0.95, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.85, "recall {:.3}", s.recall);
    let bare = run(&dir, false);
    assert!(
        bare.precision >= 0.9,
        "without MUSE: precision {:.3}",
        bare.precision
    );
}
