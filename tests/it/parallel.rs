//! `dues batch` on several threads writes what it writes on one, byte for
//! byte, on files long enough to be cut into many chunks: quoted fields
//! across lines, quotes inside fields, blank lines, rows in error, CRLF,
//! Windows-1252 and UTF-16.

use std::fs;
use std::path::Path;

use super::{dues, plain};

/// Rows of every shape a chunk may be cut next to, with `delimiter` and `eol`,
/// budgets as French Excel writes them if `excel`; some in error if `errors`.
fn prospects(rows: usize, delimiter: char, eol: &str, excel: bool, errors: bool) -> String {
    let d = delimiter;
    let mut out = format!("Nom{d}Type{d}Budget{d}Stratégie{d}Notes{eol}");
    let kinds = [
        "commune",
        "Département",
        "asso",
        "Région",
        "EPCI",
        "métropole",
    ];
    for i in 0..rows {
        let kind = kinds[i % kinds.len()];
        let budget = (i as u64 * 7_919 % 25_000) * 1_000 + i as u64 % 100;
        let money = if excel {
            format!(
                "{} {:03},{:02} €",
                budget / 100_000,
                budget / 100 % 1000,
                budget % 100
            )
        } else {
            budget.to_string()
        };
        let strategy = ["", "oui", "non"][i % 3];
        let name = match i % 5 {
            0 => format!("\"Commune de \"\"Saint-{i}\"\"{d} nord\""),
            1 => format!("Ville {i} dite \"la belle\""),
            _ => format!("Structure {i}"),
        };
        let notes = match i % 7 {
            0 => format!("\"rappeler{eol}le {i}{eol}\""),
            1 => format!("\"\"\"{eol}\"\"\""),
            2 => String::new(),
            // Long notes: files past a MiB in few rows.
            _ => "Rappeler après le budget primitif - dossier suivi par le pôle innovation publique - relance prévue au prochain trimestre".repeat(2),
        };
        let budget = match i % 13 {
            0 if errors => "beaucoup".to_string(),
            _ => money,
        };
        if i % 50 == 0 {
            out.push_str(eol);
            out.push_str(eol);
        }
        if i % 97 == 0 && errors {
            out.push_str(&format!("{name}{d}{kind}{eol}"));
            continue;
        }
        out.push_str(&format!(
            "{name}{d}{kind}{d}{budget}{d}{strategy}{d}{notes}{eol}"
        ));
    }
    out
}

/// Stdout, stderr and exit code of `dues batch` on `path` with `threads`.
fn batch(path: &Path, threads: &str, args: &[&str]) -> (Vec<u8>, String, Option<i32>) {
    let out = dues()
        .arg("batch")
        .arg(path)
        .args(["--threads", threads])
        .args(args)
        .output()
        .unwrap();
    (out.stdout, plain(&out.stderr), out.status.code())
}

/// `dues batch` on `path` with `args`, on one thread then on three: the same
/// stdout, stderr and exit code. The run on one thread.
fn same_on_one_and_three(path: &Path, args: &[&str]) -> (Vec<u8>, String, Option<i32>) {
    let one = batch(path, "1", args);
    assert_eq!(batch(path, "3", args), one, "{path:?} {args:?}");
    one
}

/// In English, every row without an answer priced without a strategy.
const NO_STRATEGY: [&str; 4] = ["--lang", "en", "--network-strategy", "no"];

fn same_on_every_thread_count(path: &Path) {
    for args in [
        &[][..],
        &["--format", "jsonl"],
        &["--summary", "--lang", "en"],
    ] {
        let one = batch(path, "1", args);
        // More than the first MiB, which a short input is priced from.
        assert!(one.0.len() > 1_500_000, "{args:?}");
        let counts: &[&str] = if args.is_empty() { &["2", "3"] } else { &["3"] };
        for &threads in counts {
            let many = batch(path, threads, args);
            assert!(one.0 == many.0, "{path:?} {args:?} with {threads} threads");
            assert_eq!(one.1, many.1, "{path:?} {args:?} with {threads} threads");
            assert_eq!(one.2, many.2, "{path:?} {args:?} with {threads} threads");
        }
    }
}

#[test]
fn rows_priced_on_several_threads_are_those_priced_on_one() {
    let dir = tempfile::tempdir().unwrap();
    let plain_file = dir.path().join("plain.csv");
    fs::write(&plain_file, prospects(8_000, ',', "\n", false, true)).unwrap();
    same_on_every_thread_count(&plain_file);

    let excel = dir.path().join("excel.csv");
    let text = prospects(8_000, ';', "\r\n", true, true).replace(' ', "\u{a0}");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    fs::write(&excel, bytes).unwrap();
    same_on_every_thread_count(&excel);

    let utf16 = dir.path().join("utf16.csv");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in prospects(8_000, '\t', "\r\n", false, true).encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(&utf16, bytes).unwrap();
    same_on_every_thread_count(&utf16);
}

#[test]
fn a_quote_left_open_at_the_end_swallows_the_same_lines_on_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.csv");
    let mut text = prospects(5_000, ',', "\n", false, true);
    text.push_str("Dernière,commune,1000,non,\"jamais fermée\n");
    text.push_str(&prospects(3_000, ',', "\n", false, true));
    fs::write(&path, text).unwrap();
    same_on_every_thread_count(&path);
}

#[test]
fn strict_stops_at_the_same_row_on_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.csv");
    let mut text = prospects(7_000, ',', "\n", false, false);
    text.push_str("Fautive,commune,beaucoup,non,\n");
    text.push_str(&prospects(2_000, ',', "\n", false, false)[31..]);
    fs::write(&path, text).unwrap();
    let strict = [&NO_STRATEGY[..], &["--strict"]].concat();
    let one = batch(&path, "1", &strict);
    assert!(
        one.1.contains("line 10282, column “Budget”: “beaucoup”"),
        "{}",
        one.1
    );
    assert_eq!(one.2, Some(1));
    for threads in ["2", "3"] {
        assert_eq!(batch(&path, threads, &strict), one);
    }
}

#[test]
fn a_thread_count_is_a_number_from_1_to_64() {
    let fixture = super::data("batch/budget-millions.csv");
    for (value, lang, told) in [
        (
            "0",
            "fr",
            "valeur « 0 » invalide pour « --threads <N> »\n\n  un nombre de fils va de 1 à 64, par exemple 2\n",
        ),
        (
            "65",
            "en",
            "invalid value “65” for “--threads <N>”\n\n  a thread count goes from 1 to 64, e.g. 2\n",
        ),
        (
            "deux",
            "en",
            "invalid value “deux” for “--threads <N>”\n\n  a thread count goes from 1 to 64, e.g. 2\n",
        ),
    ] {
        let (out, stderr) = super::run_code(&["--lang", lang, "batch", &fixture, "-j", value], 2);
        assert!(out.is_empty());
        assert!(stderr.contains(told), "{stderr}");
    }
    let (out, _) = super::run_code(&["batch", &fixture, "-j", " 64 "], 1);
    assert!(!out.is_empty());
}

#[test]
fn a_workbook_refuses_a_cell_too_long_at_the_same_line_on_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.csv");
    let mut text = prospects(7_000, ',', "\n", false, false);
    text.push_str(&format!(
        "Bavarde,commune,1000,non,{}\n",
        "x".repeat(40_000)
    ));
    fs::write(&path, text).unwrap();
    let out = dir.path().join("out.xlsx");
    let args = [&NO_STRATEGY[..], &["-o", out.to_str().unwrap()]].concat();
    let one = same_on_one_and_three(&path, &args);
    let told = "line 10282, column “Notes”: 40,000 characters";
    assert!(one.1.contains(told), "{}", one.1);
    assert!(!out.exists());
}

#[test]
fn an_old_mac_file_past_a_mib_names_the_same_lines_on_any_thread_count() {
    // Lines end with a lone CR: no line feed to cut chunks at.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.csv");
    let mut text = prospects(7_000, ',', "\r", false, false);
    text.push_str("Fautive,commune,beaucoup,non,\r");
    fs::write(&path, text).unwrap();
    let one = same_on_one_and_three(&path, &NO_STRATEGY);
    assert!(one.1.contains("line 10282"), "{}", one.1);
}

#[test]
fn a_byte_order_mark_inside_the_list_stays_in_its_field_on_any_thread_count() {
    // Lists pasted one after the other: a BOM starts a row, at the first
    // chunk's start and further on.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pasted.csv");
    let rows = prospects(7_000, ',', "\n", false, false);
    let mut text = String::new();
    for (i, line) in rows.split_inclusive('\n').enumerate() {
        text.push_str(line);
        if i % 500 == 0 {
            text.push_str("\u{feff}\"Collée, nord\",commune,1000,non,\n");
            text.push_str("\u{feff}Collée,commune,1000,non,\n");
        }
    }
    fs::write(&path, text).unwrap();
    for format in ["csv", "jsonl"] {
        let args = [&NO_STRATEGY[..], &["--format", format]].concat();
        let one = same_on_one_and_three(&path, &args);
        assert!(one.1.contains("in error (lines 2, "), "{}", one.1);
    }
}

#[test]
fn the_last_row_without_a_line_ending_is_the_same_on_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for (name, last) in [
        ("plain", "Dernière,commune,1000,non,"),
        ("open", "Dernière,commune,1000,non,\"ouverte"),
    ] {
        let path = dir.path().join(format!("{name}.csv"));
        let mut text = prospects(7_000, ',', "\n", false, false);
        text.push_str(last);
        fs::write(&path, text).unwrap();
        for format in ["csv", "jsonl"] {
            let args = [&NO_STRATEGY[..], &["--format", format]].concat();
            let one = same_on_one_and_three(&path, &args);
            assert!(one.0.ends_with(b"\n"), "{name}");
            // The last row priced, or in error for its quote left open.
            let code = if name == "plain" { 0 } else { 1 };
            assert_eq!(one.2, Some(code), "{}", one.1);
        }
    }
}

#[test]
fn the_notes_of_rows_priced_on_several_threads_are_those_of_one() {
    // Past a MiB of budgets in euros, smaller ones, each its own: most of
    // the column, the first of them far into the file. Then a value that
    // only the convention learnt from the first MiB settles.
    let mut text = String::from("nom,type,budget\nA,commune,\"57,300,000\"\n");
    while text.len() < 1 << 20 {
        text.push_str("Brive-la-Gaillarde,commune,5000000\n");
    }
    let big = text.lines().count() - 1;
    for i in 0..big + 1000 {
        text.push_str(&format!("Tulle,commune,{}\n", 900 + i % 9000));
    }
    text.push_str("Ussel,commune,\"850,000\"\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.csv");
    fs::write(&path, &text).unwrap();
    let (out, err, code) = same_on_one_and_three(&path, &["--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.ends_with(b"Ussel,commune,\"850,000\",small,1000,fixed,\n"));
    // English groups thousands with a comma: both counts are past 10 000.
    let grouped = |n: usize| format!("{},{:03}", n / 1000, n % 1000);
    let (small, of) = (grouped(big + 1000), grouped(2 * big + 1001));
    assert!(
        err.contains(&format!("({small} of {of}) are smaller"))
            && err.contains("e.g. “900” for the kind “Municipality”")
            && err.contains("separates thousands with “,” (e.g. “57,300,000”)"),
        "{err}"
    );
}

#[test]
fn blank_rows_under_a_wide_header_are_the_same_on_any_thread_count() {
    // A blank record is padded to the header's 100 columns: its output
    // weighs ten times its input, more than a worker writes of a chunk.
    let columns: Vec<String> = (0..97).map(|i| format!("c{i}")).collect();
    let mut text = format!("nom,type,budget,{}\n", columns.join(","));
    let padding = ",".repeat(97);
    let mut i = 0;
    while text.len() < (1 << 20) + (1 << 18) {
        text.push_str(",,,,,,,,,\n");
        if i % 1_000 == 0 {
            text.push_str(&format!("A{i},commune,{}{padding}\n", 1_000 + i));
            text.push_str("B,commune,beaucoup\n\n");
        }
        i += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.csv");
    fs::write(&path, &text).unwrap();
    let (out, err, code) = same_on_one_and_three(&path, &["--lang", "en"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.len() > 8 * text.len(), "{}", out.len());
}
