/*!
One handler per command, each turning its settings into output: [`quote`],
[`batch`], [`tiers`], [`check`], and [`generate`] (completions, man page,
help). They share how a table is loaded and how text reaches stdout and
stderr. Failures come back typed; `main` words and prints them.
*/

mod ask;
mod batch;
mod check;
mod generate;
mod outfile;
mod quote;
mod tiers;

use std::fs;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use dues::failure::{Failure, Target};
use dues::i18n::Catalog;
use dues_core::Table;

use crate::config::{Action, Config, TableSource};

/// The table built into the binary: `build.rs` parsed and validated it, and
/// ran its examples, when `dues` was built; a run only decodes it.
const BUILT_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tiers-2022.bin"));
/// Its source, for `dues tiers --format toml`.
pub const BUILT_IN_SOURCE: &str = include_str!("../../tiers-2022.toml");
/// Its file, as messages name it (« tiers-2022.toml (intégrée) »).
const BUILT_IN_FILE: &str = "tiers-2022.toml";

/// Runs the command of `config`.
pub fn run(config: Config, cat: &Catalog) -> Result<ExitCode, Failure> {
    if let Action::Batch(batch) = &config.command
        && config.table == TableSource::Stdin
        && batch.input.is_none()
    {
        return Err(Failure::StdinTwice);
    }
    match config.command {
        Action::Quote(q) => quote::run(cat, &load(cat, &config.table)?.0, &q, config.color),
        Action::Batch(b) => batch::run(cat, &load(cat, &config.table)?.0, &b, config.color),
        Action::Tiers { format } => tiers::run(cat, &config.table, &format, config.color),
        Action::Check { file } => check::run(cat, file.as_ref().unwrap_or(&config.table)),
        Action::Completions { shell } => {
            // A table that cannot be read still leaves the built-in names.
            let table = load(cat, &config.table).or_else(|_| load(cat, &TableSource::BuiltIn))?;
            generate::completions(cat, &table.0, shell)
        }
        Action::Man => generate::man(cat),
        Action::Help { command } => generate::help(cat, command.as_deref()),
    }
}

/// The table, with its source text. Loading runs the table's examples: a
/// table that fails its own examples is refused like any invalid one.
pub fn load(cat: &Catalog, source: &TableSource) -> Result<(Table, String), Failure> {
    let (text, origin) = match source {
        TableSource::BuiltIn => {
            let name = dues::msg!(cat, "origin-built-in", file = BUILT_IN_FILE);
            let mut table = Table::decode(BUILT_IN, &name)?;
            table.origin = name;
            return Ok((table, BUILT_IN_SOURCE.to_string()));
        }
        TableSource::Stdin => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| Failure::TableRead { path: None, error })?;
            (text, dues::msg!(cat, "origin-stdin"))
        }
        TableSource::File(path) => {
            let text = fs::read_to_string(path).map_err(|error| Failure::TableRead {
                path: Some(path.clone()),
                error,
            })?;
            (text, path.display().to_string())
        }
    };
    let table = dues_core::load(&text, &origin)?;
    Ok((table, text))
}

/// Text on stdout, flushed: a failure to write is a failure of the run.
pub fn print(text: &str) -> Result<(), Failure> {
    write_stdout(text.as_bytes())
}

pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|error| Failure::Output {
            target: Target::Stdout,
            error,
        })
}

pub fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    print(&text)
}

/// A line on stderr. If stderr itself cannot be written (closed, full),
/// there is nowhere left to say so: the exit code still tells.
pub fn warn(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}").and_then(|()| err.flush());
}

/// Text on stderr with no line end (the progress line), on the same terms as [`warn`].
pub fn warn_partial(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}
