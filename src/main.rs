//! The `meihe` command line: thin glue over the meihe crates.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
