//! The `dues` binary: settle the language, parse the arguments, run the
//! command, word what went wrong. Exit codes: 0 done; 1 the input cannot be
//! quoted; 2 usage, table or input/output error.

mod cli;
mod cmd;
mod config;

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use dues::failure::{Failure, Target};
use dues::i18n::Catalog;
use dues::i18n::failure::failure;
use dues::i18n::usage::usage_error;
use dues::msg;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let (lang, unknown_lang) = config::lang(&args, std::env::var_os("DUES_LANG"));
    let cat = Catalog::new(lang);
    if let Some(value) = unknown_lang {
        let message = msg!(cat, "warn-lang", value = value);
        cmd::warn(&msg!(cat, "warning", message = message));
    }
    let matches = match cli::command(&cat).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) => return clap_exit(&cat, &e),
    };
    let config = config::Config::from_matches(&matches);
    match cmd::run(config, &cat) {
        Ok(code) => code,
        Err(f) if f.is_broken_pipe() => ExitCode::SUCCESS,
        Err(Failure::Reported(code)) => ExitCode::from(code),
        Err(f) => {
            cmd::warn(&msg!(cat, "error", message = failure(&cat, &f)));
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout, and a failure to write them is an error
/// (exit 2) like any other; a usage error is worded from clap's kind and
/// context, on stderr, exit 2.
fn clap_exit(cat: &Catalog, e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind::{DisplayHelp, DisplayVersion};
    if !matches!(e.kind(), DisplayHelp | DisplayVersion) {
        cmd::warn(&usage_error(cat, e));
        return ExitCode::from(2);
    }
    let rendered = e.render();
    let text = if io::stdout().is_terminal() {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    match cmd::print(&text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.is_broken_pipe() => ExitCode::SUCCESS,
        Err(f) => {
            let f = match f {
                Failure::Output { error, .. } => Failure::Output {
                    target: Target::Stdout,
                    error,
                },
                other => other,
            };
            cmd::warn(&msg!(cat, "error", message = failure(cat, &f)));
            ExitCode::from(2)
        }
    }
}
