//! `dues tiers`: the whole table, for people, for scripts, or as its source.

use std::process::ExitCode;

use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::output::{human, json};

use super::{load, print, print_json};
use crate::config::{Color, TableSource};

pub fn run(
    cat: &Catalog,
    source: &TableSource,
    format: &str,
    color: Color,
) -> Result<ExitCode, Failure> {
    let (table, text) = load(cat, source)?;
    match format {
        "json" => print_json(&json::tiers(cat, &table))?,
        // The source, to start next year's table from.
        "toml" => print(&text)?,
        _ => print(&human::tiers(cat, &table, color.style(&std::io::stdout())))?,
    }
    Ok(ExitCode::SUCCESS)
}
