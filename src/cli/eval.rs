//! `talign eval`: scores against gold data, one nested subcommand per task.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use serde::Serialize;

use talign::eval::align::{read_links, recall_by_type, score_links, AlignCounts, LinkIds, Prf};

use super::Outcome;

/// Score talign's output against gold data.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to evaluate.
    #[command(subcommand)]
    pub task: EvalTask,
}

/// The evaluation tasks.
#[derive(Debug, Subcommand)]
pub enum EvalTask {
    /// Sentence alignment: strict and lax precision, recall and F1, pooled over all pairs.
    Align(EvalAlignArgs),
    /// Language identification: accuracy per language and kind, and of spans in mixed text.
    Langid(super::eval_langid::LangidArgs),
    /// Translation-pair search: top-1 accuracy, precision and recall of the accepted pairs.
    Mine(super::eval_mine::MineEvalArgs),
}

/// `talign eval align GOLD TEST [GOLD TEST …]`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Scores sentence alignments in the gold format (`[0, 1]:[2]` a line, 0-based) \
                  with the field's rules: links empty on both sides are dropped; precision judges \
                  every test link (null links only on an exact match); a link overlapping the \
                  gold targets of its source sentences is a lax hit; recall swaps gold and test \
                  after dropping links with an empty side. Counts are pooled over all pairs."
)]
pub struct EvalAlignArgs {
    /// Gold and test files, alternating: GOLD TEST [GOLD TEST …].
    #[arg(required = true, num_args = 2.., value_name = "GOLD TEST")]
    pub files: Vec<PathBuf>,
    /// Print the scores as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Also print, per gold link type, how many gold links the test has exactly.
    #[arg(long)]
    pub by_type: bool,
}

/// Runs `talign eval`.
pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    match args.task {
        EvalTask::Align(a) => run_align(a),
        EvalTask::Langid(a) => super::eval_langid::run(a),
        EvalTask::Mine(a) => super::eval_mine::run(a),
    }
}

fn load(path: &PathBuf) -> anyhow::Result<Vec<LinkIds>> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
    Ok(read_links(file, &name)?)
}

#[derive(Serialize)]
struct AlignReport {
    pairs: usize,
    strict: Prf,
    lax: Prf,
    counts: AlignCounts,
}

fn run_align(args: EvalAlignArgs) -> anyhow::Result<Outcome> {
    if !args.files.len().is_multiple_of(2) {
        bail!("expected GOLD TEST pairs, got {} files", args.files.len());
    }
    let mut counts = AlignCounts::default();
    let mut by_type: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for pair in args.files.chunks(2) {
        let (gold, test) = (load(&pair[0])?, load(&pair[1])?);
        counts.add(score_links(&gold, &test));
        for (k, (hit, total)) in recall_by_type(&gold, &test) {
            let e = by_type.entry(k).or_default();
            e.0 += hit;
            e.1 += total;
        }
    }
    let report = AlignReport {
        pairs: args.files.len() / 2,
        strict: counts.strict(),
        lax: counts.lax(),
        counts,
    };
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(out, "pairs\t{}", report.pairs)?;
        for (name, p) in [("strict", report.strict), ("lax", report.lax)] {
            writeln!(
                out,
                "{name}\tprecision {:.4}\trecall {:.4}\tF1 {:.4}",
                p.precision, p.recall, p.f1
            )?;
        }
    }
    if args.by_type {
        for (k, (hit, total)) in by_type {
            writeln!(out, "gold {k}\t{hit}/{total} exact")?;
        }
    }
    Ok(Outcome::Done)
}
