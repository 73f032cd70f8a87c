//! `talign completions` and `talign man`: shell completion scripts and man pages, generated from
//! the same clap definitions as `--help` (`clap_complete`, `clap_mangen`), so they never drift.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use clap_complete::Shell;

use super::Outcome;

/// Arguments of `talign completions`.
#[derive(Debug, Args)]
#[command(after_long_help = "Install, for example:\n  \
    talign completions bash > ~/.local/share/bash-completion/completions/talign\n  \
    talign completions zsh > ~/.zfunc/_talign      (with fpath+=~/.zfunc in ~/.zshrc)\n  \
    talign completions fish > ~/.config/fish/completions/talign.fish")]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `talign man`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Read it with `talign man | man -l -`, or install the pages: \
    `talign man --dir ~/.local/share/man/man1`."
)]
pub struct ManArgs {
    /// Write talign.1 and one page per command (talign-run.1, talign-eval-align.1, …) into this
    /// folder instead of printing talign.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Writes `bytes` to stdout (a closed pipe is reported like any write error, and `main` keeps
/// it quiet).
fn to_stdout(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(Outcome::Done)
}

/// Runs `talign completions`: the script for one shell on stdout.
pub fn completions(args: CompletionsArgs, mut cmd: clap::Command) -> anyhow::Result<Outcome> {
    // generated into memory first: the generators panic on a failed write
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "talign", &mut script);
    to_stdout(&script)
}

/// Runs `talign man`: the top page on stdout, or every page into `--dir`.
pub fn man(args: ManArgs, cmd: clap::Command) -> anyhow::Result<Outcome> {
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| format!("{}: cannot write the man pages", dir.display()))?;
            Ok(Outcome::Done)
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page)?;
            to_stdout(&page)
        }
    }
}
