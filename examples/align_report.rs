//! Aligns the evaluation data in place and prints strict/lax F1: Text+Berg dev and parallel
//! documents built from FLORES (en-ru, en-es, en-uk), with optional score constants.
//!
//! `cargo run --release --example align_report -- [DATA_DIR] [lexical length null merge smoothing unmatched null_length long_side size_power null_extend cohesion orphan]`

use std::fs;
use std::path::Path;

use talign::align::{align_sentences, AlignOptions, ScoreParams};
use talign::eval::align::{read_links, recall_by_type, score_links, AlignCounts, LinkIds};
use talign::eval::synth::{read_lines, Flores, SynthOptions, FLORES_LANGS};

fn align(src: &[String], tgt: &[String], opts: &AlignOptions) -> Vec<LinkIds> {
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    align_sentences(&s, &t, opts)
        .into_iter()
        .map(|l| (l.src, l.tgt))
        .collect()
}

fn show(name: &str, c: &AlignCounts) {
    let (s, l) = (c.strict(), c.lax());
    println!(
        "{name:12} strict P {:.4} R {:.4} F1 {:.4} | lax F1 {:.4}",
        s.precision, s.recall, s.f1, l.f1
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = Path::new(args.first().map_or("../shared/data", String::as_str)).to_path_buf();
    let mut params = ScoreParams::default();
    let nums: Vec<f64> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    if nums.len() == 12 {
        params = ScoreParams {
            lexical: nums[0],
            length: nums[1],
            null: nums[2],
            merge: nums[3],
            smoothing: nums[4],
            unmatched: nums[5],
            null_length: nums[6],
            long_side: nums[7],
            size_power: nums[8],
            null_extend: nums[9],
            cohesion: nums[10],
            orphan: nums[11],
        };
    }
    let opts = AlignOptions {
        params,
        ..AlignOptions::default()
    };
    let tb = data.join("textberg-dev");
    if tb.exists() {
        let gold = fs::File::open(tb.join("dev.defr"))
            .map_err(|e| e.to_string())
            .and_then(|f| read_links(f, "dev.defr").map_err(|e| e.to_string()))
            .unwrap_or_default();
        let test = align(
            &read_lines(&tb.join("dev.de")).unwrap_or_default(),
            &read_lines(&tb.join("dev.fr")).unwrap_or_default(),
            &opts,
        );
        show("textberg-dev", &score_links(&gold, &test));
        if args.iter().any(|a| a == "--by-type") {
            for (k, (h, n)) in recall_by_type(&gold, &test) {
                println!("  gold {k}: {h}/{n}");
            }
        }
    }
    let flores = match Flores::load(&data.join("flores")) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("SKIPPED: FLORES not readable: {e}");
            return;
        }
    };
    for (code, _) in FLORES_LANGS {
        let docs = flores.documents(code, &SynthOptions::default());
        let mut counts = AlignCounts::default();
        for d in &docs {
            counts.add(score_links(&d.gold, &align(&d.src, &d.tgt, &opts)));
        }
        show(&format!("flores en-{code}"), &counts);
    }
}
