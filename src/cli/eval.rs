//! `talign eval`: scores against gold data, one nested subcommand per task.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use serde::Serialize;

use talign::eval::align::{
    match_blocks, read_link_blocks, recall_by_type, score_links, AlignCounts, LinkBlock, Prf,
};

use super::log::{secs, verbose, Log};
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
                  after dropping links with an empty side. Counts are pooled over all pairs.\n\n\
                  Also read: vecalign's `[0, 1]:[2]:0.156` lines (the third field is read past), \
                  and `talign run --format links` files, whose `# doc_id<TAB>tgt_doc_id` lines \
                  start each document pair's links: gold and test pairs are matched by that \
                  line (a pair missing from one file scores against no links), and `pairs` \
                  counts document pairs."
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
pub fn run(args: EvalArgs, log: &Log) -> anyhow::Result<Outcome> {
    let outcome = match args.task {
        EvalTask::Align(a) => run_align(a, log),
        EvalTask::Langid(a) => super::eval_langid::run(a),
        EvalTask::Mine(a) => super::eval_mine::run(a),
    }?;
    verbose!(log, "scored in {}", secs(log.elapsed()));
    Ok(outcome)
}

fn load(path: &PathBuf) -> anyhow::Result<Vec<LinkBlock>> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
    Ok(read_link_blocks(file, &name)?)
}

#[derive(Serialize)]
struct AlignReport {
    pairs: usize,
    strict: Prf,
    lax: Prf,
    counts: AlignCounts,
}

fn run_align(args: EvalAlignArgs, log: &Log) -> anyhow::Result<Outcome> {
    if !args.files.len().is_multiple_of(2) {
        bail!("expected GOLD TEST pairs, got {} files", args.files.len());
    }
    let mut counts = AlignCounts::default();
    let mut by_type: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut pairs = 0;
    for files in args.files.chunks(2) {
        let (gold, test) = (load(&files[0])?, load(&files[1])?);
        let count = |b: &[LinkBlock]| b.iter().map(|x| x.links.len()).sum::<usize>();
        verbose!(
            log,
            "read {} ({} gold links) and {} ({} test links)",
            files[0].display(),
            count(&gold),
            files[1].display(),
            count(&test)
        );
        let matched = match_blocks(gold, test)
            .map_err(|e| anyhow::anyhow!("{} / {}: {e}", files[0].display(), files[1].display()))?;
        for (id, gold, test) in matched {
            if let (Some(id), true) = (&id, gold.is_empty() || test.is_empty()) {
                verbose!(log, "document pair `{id}` is in one file only");
            }
            pairs += 1;
            counts.add(score_links(&gold, &test));
            for (k, (hit, total)) in recall_by_type(&gold, &test) {
                let e = by_type.entry(k).or_default();
                e.0 += hit;
                e.1 += total;
            }
        }
    }
    let report = AlignReport {
        pairs,
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
