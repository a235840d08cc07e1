//! The four fields every priced row and every CSV quote ends with — `tier`,
//! `fee`, `fee_basis`, `error` — from one place, for every writer.

use std::borrow::Cow;

use dues_core::money::machine;
use dues_core::table::Table;

pub use crate::batch::APPENDED;

/// What the appended fields say of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appended {
    /// Priced at this tier (an index into the table's tiers).
    Tier(usize),
    /// A blank record: nothing to say.
    Blank,
    /// Not priced, with the error's text.
    Error(String),
}

/// The appended fields of an outcome: the tier's id, its fee as a machine
/// reads it (`2500`, `1200.5`) and its basis (`fixed`, `minimum`), or the
/// error's text. `None`: no value (an empty CSV field, a JSON `null`).
pub fn appended(table: &Table, outcome: Appended) -> [Option<Cow<'_, str>>; 4] {
    match outcome {
        Appended::Tier(tier) => {
            let tier = &table.tiers[tier];
            [
                Some(Cow::Borrowed(tier.id.as_str())),
                Some(Cow::Owned(machine(tier.fee.amount))),
                Some(Cow::Borrowed(tier.fee.basis.as_str())),
                None,
            ]
        }
        Appended::Blank => [None, None, None, None],
        Appended::Error(error) => [None, None, None, Some(Cow::Owned(error))],
    }
}
