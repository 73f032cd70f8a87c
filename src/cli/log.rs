//! What the commands say on stderr besides errors and rejects: `-v/--verbose` details (what was
//! read, the languages chosen, timings), the closing count, and the progress display, all
//! silenced by `-q/--quiet`.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// `-q` and `-v`, given anywhere on the command line (they are global to every command).
#[derive(Args, Debug, Clone, Copy, Default)]
pub struct VerbosityArgs {
    /// No progress display and no closing count on stderr (errors and rejects are still shown).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also say on stderr what was read, which languages were chosen, and how long each step
    /// took.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// How much a command says on stderr; timings count from the command's start.
#[derive(Debug, Clone, Copy)]
pub struct Log {
    quiet: bool,
    verbose: bool,
    start: Instant,
}

impl Log {
    /// A log for the verbosity given on the command line, its clock started now.
    pub fn new(args: VerbosityArgs) -> Log {
        Log {
            quiet: args.quiet,
            verbose: args.verbose && !args.quiet,
            start: Instant::now(),
        }
    }

    /// `-q` was given: nothing but errors and rejects.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// `-v` was given.
    pub fn verbose(&self) -> bool {
        self.verbose
    }

    /// Time since the command started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Writes one `-v` line, `talign: [  1.234 s] …`, when verbose.
    pub fn info(&self, message: fmt::Arguments<'_>) {
        if self.verbose {
            let secs = self.start.elapsed().as_secs_f64();
            let _ = writeln!(io::stderr().lock(), "talign: [{secs:8.3} s] {message}");
        }
    }

    /// A spinner with the elapsed time and `message`, drawn on a terminal only and never with
    /// `-q` (hidden otherwise).
    pub fn progress(&self, message: &str) -> ProgressBar {
        let bar = self.progress_with("{spinner} {elapsed} {msg}");
        bar.set_message(message.to_string());
        bar
    }

    /// A spinner drawn with an `indicatif` template, on a terminal only and never with `-q`.
    pub fn progress_with(&self, template: &str) -> ProgressBar {
        if self.quiet || !io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

/// A `-v` line: `verbose!(log, "read {} entries", n)`.
macro_rules! verbose {
    ($log:expr, $($arg:tt)*) => {
        $log.info(format_args!($($arg)*))
    };
}
pub(crate) use verbose;

/// Seconds with millisecond precision, for `-v` lines.
pub fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_wins_over_verbose_and_hides_the_progress_display() {
        let log = Log::new(VerbosityArgs {
            quiet: true,
            verbose: true,
        });
        assert!(log.quiet());
        assert!(!log.verbose());
        assert!(log.progress("working").is_hidden());
    }

    #[test]
    fn verbose_alone_is_verbose_and_not_quiet() {
        let log = Log::new(VerbosityArgs {
            quiet: false,
            verbose: true,
        });
        assert!(log.verbose());
        assert!(!log.quiet());
    }
}
