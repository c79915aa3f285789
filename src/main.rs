//! The `referat` command: parses flags, calls the library, prints, and maps
//! the outcome to an exit code (0 all good, 1 some documents failed, 2 fatal).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
