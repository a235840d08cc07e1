//! Parses and validates the built-in tier table when `dues` is built, runs
//! its examples, and stores it encoded for the binary to decode: an invalid
//! `tiers-2022.toml` fails the build, and no run of `dues` pays for parsing
//! TOML. The table code is the domain crate's, as for every other caller.

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=tiers-2022.toml");
    let source = include_str!("tiers-2022.toml");
    let table = match dues_core::load(source, "tiers-2022.toml") {
        Ok(table) => table,
        Err(e) => {
            // The build has no message catalogue: `dues check tiers-2022.toml`
            // words the same problems.
            eprintln!("tiers-2022.toml is not a valid table: {e:#?}");
            return ExitCode::FAILURE;
        }
    };
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("tiers-2022.bin");
    match std::fs::write(&out, table.encode()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
