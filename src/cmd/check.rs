//! `dues check`: validate a table and run its examples; list every problem.

use std::process::ExitCode;

use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::i18n::table::valid;

use super::{load, print};
use crate::config::TableSource;

pub fn run(cat: &Catalog, source: &TableSource) -> Result<ExitCode, Failure> {
    let (table, _) = load(cat, source)?;
    print(&format!("{}\n", valid(cat, &table)))?;
    Ok(ExitCode::SUCCESS)
}
