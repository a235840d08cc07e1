//! Parses and validates the built-in tier table when `dues` is built, runs
//! its examples, and stores it encoded for `Table::built_in` to decode: an
//! invalid `tiers-2022.toml` fails the build with the same messages as
//! `dues check`, and no run of `dues` pays for parsing TOML.
//!
//! The table code is the library's own, included as modules of this script.
#![allow(dead_code)]

#[path = "src/classify.rs"]
mod classify;
#[path = "src/examples.rs"]
mod examples;
#[path = "src/money.rs"]
mod money;
#[path = "src/text.rs"]
mod text;
#[path = "src/tiers.rs"]
mod tiers;

/// What the library decodes; this script is what makes it.
const BUILT_IN_VALIDATED: &[u8] = &[];

fn main() {
    for path in [
        "tiers-2022.toml",
        "src/classify.rs",
        "src/examples.rs",
        "src/money.rs",
        "src/text.rs",
        "src/tiers.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let table = match examples::load(tiers::BUILT_IN, tiers::BUILT_IN_NAME) {
        Ok(table) => table,
        Err(e) => panic!("{e}"),
    };
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("tiers-2022.bin");
    std::fs::write(&out, table.encode()).expect("OUT_DIR is writable");
}
