//! `talign eval mine GOLD OUT`: scores of translation-pair search.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use talign::eval::mine::{read_gold, read_test, score};

use super::Outcome;

/// `talign eval mine GOLD TEST`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Scores `talign mine --format ids` output against gold pairs. GOLD holds \
                  one pair a line, `query_index<TAB>pool_index` (0-based line indices; `#` \
                  comments allowed); a query may have several gold originals, and queries \
                  without a gold line have none. top1: share of gold pairs whose query reports \
                  the gold pool entry (accepted or not); precision and recall: of the accepted \
                  pairs."
)]
pub struct MineEvalArgs {
    /// Gold pairs: `query_index<TAB>pool_index` a line.
    pub gold: PathBuf,
    /// Output of `talign mine --format ids`.
    pub test: PathBuf,
    /// Print the scores as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `talign eval mine`.
pub fn run(args: MineEvalArgs) -> anyhow::Result<Outcome> {
    let open = |p: &PathBuf| -> anyhow::Result<File> {
        File::open(p).with_context(|| format!("{}: cannot open", p.display()))
    };
    let gold = read_gold(open(&args.gold)?, &args.gold.display().to_string())?;
    let test = read_test(open(&args.test)?, &args.test.display().to_string())?;
    let s = score(&gold, &test);
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &s)?;
        writeln!(out)?;
    } else {
        writeln!(out, "gold\t{}", s.gold)?;
        writeln!(out, "top1\t{:.4}\t({} of {})", s.top1, s.top1_hits, s.gold)?;
        writeln!(
            out,
            "accepted\t{}\tprecision {:.4}\trecall {:.4}\tF1 {:.4}",
            s.accepted, s.precision, s.recall, s.f1
        )?;
    }
    Ok(Outcome::Done)
}
