//! The `talign` command: argument parsing, output streams and exit codes; the work is in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
