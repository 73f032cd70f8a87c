//! Command-line layer: one file per subcommand, each with its own `--help`.
//!
//! Exit codes: 0 done, 1 some inputs rejected (each named on stderr), 2 usage or unusable input.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub mod align;
mod corpus;
pub mod detect;
pub mod eval;
mod eval_langid;
pub mod eval_mine;
mod log;
pub mod mine;
mod mine_side;
pub mod run;
mod safety;
mod segment;
mod shell;

use log::{Log, VerbosityArgs};

/// What a command reports back to `main` when it finished without a fatal error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Done,
    /// Some inputs were rejected (already reported on stderr).
    SomeRejected,
}

#[derive(Parser, Debug)]
#[command(
    name = "talign",
    version,
    about = "Turn multilingual text into parallel-text data",
    long_about = "talign finds language segments in multilingual text, aligns translations with \
                  their originals (sentence by sentence, or quote by quote), and writes the \
                  aligned pairs as CSV and the other formats parallel-corpus tools read.\n\n\
                  Exit codes: 0 done, 1 some inputs rejected (each named on stderr), \
                  2 usage error or unusable input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    verbosity: VerbosityArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the whole pipeline over a corpus: read, segment, align, write every pair.
    Run(run::RunArgs),
    /// Cut documents into language-tagged segments (sentences, quotes, headings, markers ...).
    Segment(segment::SegmentArgs),
    /// Align two parallel documents sentence by sentence.
    Align(align::AlignArgs),
    /// Find translations of queries among a pool of texts in another language.
    Mine(mine::MineArgs),
    /// Score output against gold data (align, mine, langid).
    Eval(eval::EvalArgs),
    /// Identify the language of each segment or line (CSV: doc_id,line,lang,confidence,text).
    Detect(detect::DetectArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) on stdout.
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff) on stdout, or write one page per command into a folder.
    Man(shell::ManArgs),
}

/// `--version`: the version, then the languages the shipped model scores and the others the
/// detector can return (decided by their script, or by whatlang).
fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let codes = |langs: &[talign::Lang]| {
            let mut v: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
            v.sort_unstable();
            v.join(" ")
        };
        let modelled: Vec<talign::Lang> = talign::lang::model::NgramModel::shipped()
            .map(|m| m.langs().to_vec())
            .unwrap_or_default();
        let all = talign::lang::supported();
        let others: Vec<talign::Lang> = all
            .iter()
            .copied()
            .filter(|l| !modelled.contains(l))
            .collect();
        format!(
            "{}\nlanguage model ({} languages): {}\nby script or whatlang ({}): {}",
            env!("CARGO_PKG_VERSION"),
            modelled.len(),
            codes(&modelled),
            others.len(),
            codes(&others)
        )
    })
}

/// Parses the command line, runs the command and maps the result to an exit code.
pub fn main() -> ExitCode {
    let matches = Cli::command().long_version(long_version()).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    safety::handle_signals();
    let log = Log::new(cli.verbosity);
    let result = match cli.command {
        Command::Run(args) => run::run(args, &log),
        Command::Segment(args) => segment::run(args, &log),
        Command::Align(args) => align::run(args, &log),
        Command::Mine(args) => mine::run(args, &log),
        Command::Eval(args) => eval::run(args, &log),
        Command::Detect(args) => detect::run(args, &log),
        Command::Completions(args) => shell::completions(args, Cli::command()),
        Command::Man(args) => shell::man(args, Cli::command()),
    };
    finish(result)
}

fn finish(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::SomeRejected) => ExitCode::from(1),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "talign: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed downstream pipe (`talign … | head`) is not an error worth reporting.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}
