//! The four fields every priced row and every CSV quote ends with — `tier`,
//! `fee`, `fee_basis`, `error` — from one place, for every writer.

use std::borrow::Cow;

use dues_core::money::machine;
use dues_core::table::Table;

pub use crate::batch::APPENDED;

/// The appended fields of an outcome: the tier's id, its fee as a machine
/// reads it (`2500`, `1200.5`) and its basis (`fixed`, `minimum`), or the
/// error's text. `None`: no value (an empty CSV field, a JSON `null`).
pub fn appended<'a>(table: &'a Table, outcome: Result<usize, String>) -> [Option<Cow<'a, str>>; 4] {
    match outcome {
        Ok(tier) => {
            let tier = &table.tiers[tier];
            [
                Some(Cow::Borrowed(tier.id.as_str())),
                Some(Cow::Owned(machine(tier.fee.amount))),
                Some(Cow::Borrowed(tier.fee.basis.as_str())),
                None,
            ]
        }
        Err(error) => [None, None, None, Some(Cow::Owned(error))],
    }
}
