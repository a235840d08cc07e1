//! Integration tests: the real `dues` binary on real-looking input.
//! One test binary with a module per command, to keep link time down.

mod batch;
mod check;
mod exports;
mod generated;
mod guided;
mod hostile;
mod languages;
mod letter;
mod parallel;
mod properties;
mod pty;
mod quote;
mod readme;
mod sheets;
mod terminal;
mod tiers;

use assert_cmd::Command;
use dues_core::Table;

/// The leaflet's table, as built into `dues`.
pub fn table() -> Table {
    let source = include_str!("../../tiers-2022.toml");
    dues_core::load(source, "tiers-2022.toml").expect("the built-in table is valid")
}

/// `dues` with a clean environment: no table override, no colour preference.
pub fn dues() -> Command {
    let mut cmd = Command::cargo_bin("dues").expect("the dues binary");
    cmd.env_remove("DUES_TIERS")
        .env_remove("DUES_LANG")
        .env_remove("NO_COLOR")
        .env_remove("DUES_THREADS");
    cmd
}

/// Stdout of a `dues` run that must succeed.
pub fn stdout_ok(args: &[&str]) -> Vec<u8> {
    dues()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// A `dues` run that must end with `code`: its stdout, and its stderr with
/// plain spaces.
pub fn run_code(args: &[&str], code: i32) -> (Vec<u8>, String) {
    let out = dues().args(args).assert().code(code).get_output().clone();
    (out.stdout, plain(&out.stderr))
}

/// `dues batch FILE ARGS…`, `contents` written to `name` in a temporary
/// folder: its stdout, its stderr with plain spaces, its exit code.
pub fn batch_bytes(name: &str, contents: &[u8], args: &[&str]) -> (Vec<u8>, String, Option<i32>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    let out = dues().arg("batch").arg(&path).args(args).output().unwrap();
    (out.stdout, plain(&out.stderr), out.status.code())
}

/// A fixture's path.
pub fn data(path: &str) -> String {
    format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Output with the French typographic spaces (U+202F, U+00A0) made plain.
pub fn plain(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec())
        .expect("UTF-8 output")
        .replace(['\u{202f}', '\u{a0}'], " ")
}

/// Parses CSV output into rows of text.
pub fn rows(bytes: &[u8], delimiter: u8, cp1252: bool) -> Vec<Vec<String>> {
    let text = if cp1252 {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    } else {
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}
