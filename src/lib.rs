/*!
`dues` quotes the membership dues of La 27e Région from its tier table.

The crate is a pure library under a thin binary (`main.rs`): the table is data
read from TOML ([`tiers`]), amounts are exact decimals parsed the way French
people write them ([`money`]), classification is a pure function from an
organisation to a quote and its explanation ([`classify`]), and every output
format lives in [`render`]. Nothing here prints, except the binary.
*/

pub mod batch;
pub mod classify;
pub mod examples;
pub mod money;
pub mod render;
pub mod text;
pub mod tiers;

/// The built-in table as `build.rs` validated and encoded it.
const BUILT_IN_VALIDATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tiers-2022.bin"));
