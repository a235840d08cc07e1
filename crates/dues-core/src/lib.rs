/*!
The domain of `dues`: the membership dues of La 27e Région, as pure functions
over plain data. No I/O, and no sentence: every outcome, error and warning is
a typed value with a stable code, which the binary's text layer words in the
user's language.

- [`text`]: the languages, texts of the table in both, names compared folded;
- [`money`]: amounts read the way French people type them, exact decimals;
- [`table`]: the tier table as data, its loading and validation;
- [`classify`]: from an organisation to its tier, with the reasons;
- [`classifier`]: the same, remembered, for a batch's many rows;
- [`examples`]: the table's own examples, run on every load.
*/

pub mod classifier;
pub mod classify;
pub mod examples;
pub mod money;
pub mod table;
pub mod text;

pub use table::{Table, TableError};

/// Parses and validates a table, then runs its examples: what every command
/// loads, so that a table `dues check` refuses is refused everywhere.
/// `origin` names it in problems.
pub fn load(text: &str, origin: &str) -> Result<Table, TableError> {
    let table = Table::parse(text, origin)?;
    let failures = examples::run(&table);
    if failures.is_empty() {
        Ok(table)
    } else {
        Err(TableError::Invalid {
            origin: origin.to_string(),
            symbol: table.currency.symbol.clone(),
            problems: failures,
        })
    }
}

/// The leaflet's table, for the tests of this crate.
#[cfg(test)]
pub(crate) const LEAFLET_SOURCE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tiers-2022.toml"
));

#[cfg(test)]
pub(crate) fn leaflet() -> Table {
    load(LEAFLET_SOURCE, "tiers-2022.toml").expect("the leaflet's table is valid")
}
