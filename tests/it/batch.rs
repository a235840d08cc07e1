//! `dues batch` on the fixtures of `tests/data/batch/`: every dialect, every
//! kind of bad row, every way a batch can refuse to start.

use std::process::{Command as Process, Stdio};

use dues_core::Table;
use dues_core::classify::{Request, quote};

use crate::{batch_bytes, data, dues, plain, rows};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(data(&format!("batch/{name}"))).unwrap()
}

/// Runs `dues batch` on a fixture; (stdout, stderr, exit code).
fn batch(name: &str, args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = dues()
        .arg("batch")
        .arg(data(&format!("batch/{name}")))
        .args(args)
        .output()
        .unwrap();
    (out.stdout, plain(&out.stderr), out.status.code().unwrap())
}

/// The four appended fields `dues quote` would give the same row.
fn expected(table: &Table, kind: &str, budget: &str, strategy: Option<&str>) -> [String; 4] {
    match quote(
        table,
        Request {
            budget,
            kind,
            strategy,
        },
    ) {
        Ok(q) => {
            let t = &table.tiers[q.tier];
            [
                t.id.clone(),
                t.fee.amount.to_string(),
                t.fee.basis.as_str().to_string(),
                String::new(),
            ]
        }
        Err(e) => panic!("fixture row {kind} {budget} refused: {e}"),
    }
}

/// Every input row is in the output, in order, its fields unchanged, followed
/// by exactly what `dues quote` says of it.
fn check_priced(
    input: &[Vec<String>],
    output: &[Vec<String>],
    columns: (usize, usize, Option<usize>),
) {
    let table = crate::table();
    assert_eq!(input.len(), output.len());
    let width = input[0].len();
    assert_eq!(output[0][..width], input[0][..]);
    assert_eq!(output[0][width..], ["tier", "fee", "fee_basis", "error"]);
    for (i, (row_in, row_out)) in input.iter().zip(output).enumerate().skip(1) {
        assert_eq!(row_out.len(), width + 4, "row {i}");
        assert_eq!(row_out[..width], row_in[..], "row {i}");
        let (kind, budget, strategy) = columns;
        let want = expected(
            &table,
            &row_in[kind],
            &row_in[budget],
            strategy.map(|s| row_in[s].as_str()),
        );
        assert_eq!(row_out[width..], want, "row {i}: {row_in:?}");
    }
}

#[test]
fn utf8_comma_lf_file() {
    let (out, stderr, code) = batch("prospects-utf8.csv", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!out.starts_with(b"\xEF\xBB\xBF"));
    assert!(!out.windows(2).any(|w| w == b"\r\n"));
    let input = rows(&fixture("prospects-utf8.csv"), b',', false);
    check_priced(&input, &rows(&out, b',', false), (1, 2, Some(3)));
    assert_eq!(
        stderr,
        "dues batch : 41 lignes chiffrées, dont 9 au tarif minimum (à négocier) ; 0 en erreur\n"
    );
}

#[test]
fn utf8_bom_semicolon_crlf_file_with_nbsp_and_narrow_nbsp() {
    let (out, stderr, code) = batch("prospects-utf8-bom.csv", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.starts_with(b"\xEF\xBB\xBFNom;Type;Budget annuel (\xE2\x82\xAC);"));
    assert!(out.ends_with(b"\r\n"));
    assert_eq!(
        out.iter().filter(|&&b| b == b'\n').count(),
        out.windows(2).filter(|w| w == b"\r\n").count()
    );
    let input = rows(&fixture("prospects-utf8-bom.csv"), b';', false);
    assert!(input.iter().any(|r| r[2].contains('\u{202f}')));
    assert!(input.iter().any(|r| r[2].contains('\u{a0}')));
    check_priced(&input, &rows(&out, b';', false), (1, 2, Some(3)));
}

#[test]
fn french_excel_windows_1252_file_comes_back_in_windows_1252() {
    let (out, stderr, code) = batch("prospects-excel-1252.csv", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::str::from_utf8(&out).is_err(),
        "the output must stay Windows-1252"
    );
    for byte in [0x80u8, 0x92, 0x9C, 0xE9, 0xA0] {
        assert!(out.contains(&byte), "byte {byte:#x} missing");
    }
    assert!(out.ends_with(b"\r\n"));
    let input = rows(&fixture("prospects-excel-1252.csv"), b';', true);
    assert!(
        input.iter().any(|r| r[0].contains(',')),
        "a name with a comma"
    );
    check_priced(&input, &rows(&out, b';', true), (1, 2, Some(3)));
}

#[test]
fn the_input_bytes_of_every_row_are_written_back_untouched() {
    // Fixtures whose rows all price: each output line is its input line, byte
    // for byte (quoting, spaces, BOM and line ending included), plus the tail.
    for (name, delimiter) in [
        ("prospects-excel-1252.csv", ";"),
        ("prospects-utf8-bom.csv", ";"),
        ("prospects-utf8.csv", ","),
        ("quoted-newlines.csv", ","),
        ("prospects.tsv", "\t"),
    ] {
        let input = fixture(name);
        let (out, _, code) = batch(name, &[]);
        assert_eq!(code, 0, "{name}");
        let header_tail =
            format!("{delimiter}tier{delimiter}fee{delimiter}fee_basis{delimiter}error");
        let row_tail = row_tail_finder(delimiter);
        let mut stripped = Vec::new();
        let mut rest = out.as_slice();
        let mut first = true;
        loop {
            // A record ends where a tail does (a quoted line break is no tail);
            // what is left after the last one is the last line ending. A tail
            // left in place would make the comparison below fail.
            let found = if first {
                find(rest, header_tail.as_bytes()).map(|at| (at, header_tail.len()))
            } else {
                row_tail(rest)
            };
            first = false;
            let Some((cut, len)) = found else {
                stripped.extend_from_slice(rest);
                break;
            };
            stripped.extend_from_slice(&rest[..cut]);
            rest = &rest[cut + len..];
        }
        assert_eq!(stripped, input, "{name}");
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Finds the first `{d}tier{d}fee{d}basis{d}` before a line ending; returns
/// where it starts and its length (the line ending is kept).
fn row_tail_finder(delimiter: &str) -> impl Fn(&[u8]) -> Option<(usize, usize)> {
    let tails: Vec<Vec<u8>> = ["small", "medium", "large", "network"]
        .iter()
        .zip(["1000", "2500", "5000", "8000"])
        .zip(["fixed", "fixed", "fixed", "minimum"])
        .map(|((tier, fee), basis)| {
            format!("{delimiter}{tier}{delimiter}{fee}{delimiter}{basis}{delimiter}").into_bytes()
        })
        .collect();
    move |text: &[u8]| {
        tails
            .iter()
            .filter_map(|tail| {
                let mut from = 0;
                while let Some(at) = find(&text[from..], tail) {
                    let end = from + at + tail.len();
                    if matches!(text.get(end), Some(b'\r' | b'\n')) {
                        return Some((from + at, tail.len()));
                    }
                    from += at + 1;
                }
                None
            })
            .min()
    }
}

#[test]
fn tab_separated_file() {
    let (out, stderr, code) = batch("prospects.tsv", &[]);
    assert_eq!(code, 0, "{stderr}");
    let input = rows(&fixture("prospects.tsv"), b'\t', false);
    assert!(
        input
            .iter()
            .any(|r| r.iter().any(|f| f.contains(';') || f.contains(',')))
    );
    check_priced(&input, &rows(&out, b'\t', false), (1, 2, Some(3)));
}

#[test]
fn quoted_fields_holding_newlines_quotes_and_commas() {
    let (out, stderr, code) = batch("quoted-newlines.csv", &[]);
    assert_eq!(code, 0, "{stderr}");
    let input = rows(&fixture("quoted-newlines.csv"), b',', false);
    assert_eq!(input.len(), 9);
    assert!(input.iter().any(|r| r[0].contains('\n')));
    assert!(input.iter().any(|r| r[0].contains('"')));
    check_priced(&input, &rows(&out, b',', false), (1, 2, Some(3)));
}

#[test]
fn bad_rows_are_flagged_never_dropped() {
    let (_, stderr, code) = batch("bad-rows.csv", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "dues batch : 2 lignes chiffrées ; 1 à confirmer, \
         faute de réponse sur la stratégie d’entraînement ; 10 en erreur ; à revoir : \
         lignes 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …\n"
    );
    // The rows, with their errors in English.
    let (out, stderr, code) = batch("bad-rows.csv", &["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "dues batch: 2 rows priced; 1 to confirm, \
         for want of a network strategy answer; 10 in error; to review: lines 3, 4, 5, 6, 7, 8, 9, \
         10, 11, 12, …\n"
    );
    let input = rows(&fixture("bad-rows.csv"), b';', false);
    let output = rows(&out, b';', false);
    assert_eq!(input.len(), output.len());
    let width = input[0].len();
    for (row_in, row_out) in input.iter().zip(&output) {
        let kept = row_in.len().min(width);
        assert_eq!(row_out[..kept], row_in[..kept]);
        // Fields past the header's width come after the appended columns.
        assert_eq!(row_out[width + 4..], row_in[kept..]);
    }
    let error = |i: usize| output[i][width + 3].replace(['\u{202f}', '\u{a0}'], " ");
    let priced = |i: usize| output[i][5..8].join("|");
    assert_eq!(priced(1), "small|1000|fixed");
    let starts = [
        (
            2,
            "line 3, column “Budget annuel (€)”: “” is not an amount: it is empty; write a non-negative amount such as",
        ),
        (
            3,
            "line 4, column “Budget annuel (€)”: “-5 000” is not an amount: a budget cannot be negative",
        ),
        (
            4,
            "line 5, column “Budget annuel (€)”: “beaucoup” is not an amount: it is not a number",
        ),
        (
            5,
            "line 6, column “Budget annuel (€)”: “1,500” is not an amount: it is ambiguous, “,” followed by three digits may separate thousands (1 500) or mark decimals (1,50)",
        ),
        (
            6,
            "line 7, column “Budget annuel (€)”: “1.500” is not an amount: it is ambiguous",
        ),
        (
            7,
            "line 8, column “Budget annuel (€)”: “1,5E+06” is not an amount: scientific notation is refused",
        ),
        (
            8,
            "line 9, column “Type”: unknown kind “Mairie de quartier”; accepted: region (Region)",
        ),
        (
            9,
            "line 10, column “Stratégie d'entraînement”: the network strategy (yes or no) is needed to quote a Département (departement): with a strategy of drawing the smaller authorities of its territory along, tier network, from €8,000",
        ),
        (
            10,
            "line 11, column “Stratégie d'entraînement”: “peut-être” is not an answer to the network-strategy question; accepted: oui/non, yes/no",
        ),
        (
            11,
            "line 12: 3 fields where the header has 5; a field or a delimiter is missing (the row is padded so that the columns line up)",
        ),
        (
            12,
            "line 13: 6 fields where the header has 5; a field too many, or a delimiter inside a field that should be quoted",
        ),
    ];
    for (i, start) in starts {
        assert!(error(i).starts_with(start), "row {i}: {}", error(i));
        assert!(
            output[i][width..width + 3].iter().all(String::is_empty),
            "row {i}"
        );
    }
    // The short row is padded so that its appended columns line up.
    assert_eq!(output[11].len(), 5 + 4);
    assert_eq!(output[11][3..5], ["", ""]);
    // The long row keeps its extra field, after its outcome, so that read by
    // header every column holds its own.
    assert_eq!(output[12].len(), 6 + 4);
    assert_eq!(output[12][9], "valeur en trop");
    assert_eq!(priced(13), "small|1000|fixed");
}

#[test]
fn without_a_strategy_column_eligible_kinds_are_flagged() {
    let (out, _, code) = batch("no-strategy-column.csv", &["--lang", "en"]);
    assert_eq!(code, 1);
    let output = rows(&out, b',', false);
    assert_eq!(
        output[0],
        [
            "name",
            "kind",
            "budget",
            "tier",
            "fee",
            "fee_basis",
            "error"
        ]
    );
    let region = output.iter().find(|r| r[1] == "Région").unwrap();
    assert!(region[6].starts_with("line 4: the network strategy (yes or no) is needed"));
    assert!(region[6].ends_with("the file has no strategy column (add one headed “Network strategy”, with yes or no, or answer for all such rows with --network-strategy yes or no)"));
    assert_eq!(output.iter().filter(|r| r[6].is_empty()).count(), 5);
}

#[test]
fn a_missing_budget_column_stops_the_batch_listing_the_headers() {
    let (out, stderr, code) = batch("missing-budget-column.csv", &["--lang", "en"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(stderr.starts_with("dues: error: "));
    assert!(stderr.contains(
        "missing-budget-column.csv: no budget column; headers found: “Nom”, “Type”, “Population”; a \
         budget column is headed “Budget”, “Budget annuel”, “Budget primitif”, “BP”, “Budget total”, \
         “Annual budget” or “Total budget”, whatever the case, accents, punctuation, year or unit, \
         or is given with --budget-column and its header or number (from 1)\n"
    ), "{stderr}");
}

#[test]
fn an_empty_file_is_an_error_a_header_alone_an_empty_batch() {
    let (out, stderr, code) = batch("empty.csv", &["--lang", "en"]);
    assert_eq!((code, out.is_empty()), (2, true));
    assert!(stderr.starts_with("dues: error: "), "{stderr}");
    assert!(
        stderr.ends_with("empty.csv: the input is empty: a CSV needs at least a header line\n")
    );
    let (out, stderr, code) = batch("header-only.csv", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "name,kind,budget,network_strategy,tier,fee,fee_basis,error\n"
    );
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("priced.csv");
    let target_arg = target.to_str().unwrap();
    // --strict stops at the first bad row: exit 1, nothing written.
    let (_, stderr, code) = batch(
        "bad-rows.csv",
        &["--strict", "-o", target_arg, "--lang", "en"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(&format!(
            "dues: error: {}: line 3, column “Budget annuel (€)”: “” is not an amount",
            data("batch/bad-rows.csv")
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with("(--strict: stopped there)\n"), "{stderr}");
    assert!(!target.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left"
    );
    // Without it, every row is written.
    let (out, _, code) = batch("bad-rows.csv", &["-o", target_arg]);
    assert_eq!((code, out.is_empty()), (1, true));
    assert_eq!(
        rows(&std::fs::read(&target).unwrap(), b';', false).len(),
        14
    );
}

#[test]
fn refuses_to_write_onto_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prospects.csv");
    std::fs::write(&path, fixture("prospects-utf8.csv")).unwrap();
    let p = path.to_str().unwrap();
    dues()
        .args(["batch", p, "-o", p])
        .env("DUES_LANG", "en")
        .assert()
        .code(2)
        .stderr(format!(
            "dues: error: -o {p} is the input file; write to another file\n"
        ));
    assert_eq!(std::fs::read(&path).unwrap(), fixture("prospects-utf8.csv"));
}

#[test]
fn reads_stdin_when_no_file_or_dash() {
    let want = batch("prospects-utf8.csv", &[]).0;
    for args in [vec!["batch"], vec!["batch", "-"]] {
        let out = dues()
            .args(&args)
            .write_stdin(fixture("prospects-utf8.csv"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(out.stdout, want);
    }
}

#[test]
fn jsonl_gives_one_object_per_row_with_the_original_fields_by_header() {
    let (out, _, code) = batch("prospects-excel-1252.csv", &["--format", "jsonl"]);
    assert_eq!(code, 0);
    let input = rows(&fixture("prospects-excel-1252.csv"), b';', true);
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), input.len() - 1);
    for (object, row) in lines.iter().zip(&input[1..]) {
        for (header, value) in input[0].iter().zip(row) {
            assert_eq!(object[header], *value);
        }
        assert!(object["tier"].is_string());
        assert!(object["fee"].is_string());
        assert!(object["error"].is_null());
    }
    let (out, _, code) = batch("bad-rows.csv", &["--format", "jsonl", "--lang", "en"]);
    assert_eq!(code, 1);
    let text = String::from_utf8(out).unwrap();
    let short: serde_json::Value = serde_json::from_str(text.lines().nth(10).unwrap()).unwrap();
    assert_eq!(short["cas"], serde_json::Value::Null);
    assert!(
        short["error"]
            .as_str()
            .unwrap()
            .starts_with("line 12: 3 fields")
    );
    let long: serde_json::Value = serde_json::from_str(text.lines().nth(11).unwrap()).unwrap();
    assert_eq!(long["extra_fields"], serde_json::json!(["valeur en trop"]));
}

#[test]
fn forced_delimiter_encoding_and_columns() {
    // `,` forced on a `;` file: one column, so no kind nor budget column.
    let (_, stderr, code) = batch(
        "prospects-utf8-bom.csv",
        &["--delimiter", ",", "--lang", "en"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(&format!(
            "dues: error: {}: no kind and budget columns; headers found: \
             “Nom;Type;Budget annuel (€);Stratégie d'entraînement;Contact”; a kind column is headed",
            data("batch/prospects-utf8-bom.csv")
        )),
        "{stderr}"
    );
    // A Windows-1252 file forced as UTF-8: accented kinds cannot be read; the
    // rows are still all there, flagged.
    let (out, stderr, code) = batch(
        "prospects-excel-1252.csv",
        &["--encoding", "utf-8", "--lang", "en"],
    );
    assert_eq!(code, 1, "{stderr}");
    // The message is written in the encoding asked for, UTF-8; the `€` of the
    // column's name could not be read, so it is U+FFFD.
    assert!(
        find(
            &out,
            "\"line 2, column “Budget annuel (\u{fffd})”: not valid UTF-8; if the file comes from \
         Excel's plain “CSV”, read it with --encoding windows-1252\""
                .as_bytes()
        )
        .is_some()
    );
    let output = rows(&out, b';', true);
    assert_eq!(
        output.len(),
        rows(&fixture("prospects-excel-1252.csv"), b';', true).len()
    );
    assert!(
        output
            .iter()
            .any(|r| r[8].contains("not valid UTF-8; if the file comes from Excel's plain"))
    );
    // Columns named by the user.
    let input = "Structure;Statut;Montant 2022;Réponse\nVille de Brest;commune;2 300 000 €;\nRégion Bretagne;région;1,2 Md€;oui\n";
    let out = dues()
        .args([
            "batch",
            "--kind-column",
            "Statut",
            "--budget-column",
            "montant 2022",
            "--strategy-column",
            "Réponse",
            "--name-column",
            "Structure",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Structure;Statut;Montant 2022;Réponse;tier;fee;fee_basis;error\n\
         Ville de Brest;commune;2 300 000 €;;medium;2500;fixed;\n\
         Région Bretagne;région;1,2 Md€;oui;network;8000;minimum;\n"
    );
    dues()
        .args(["batch", "--kind-column", "Statut", "--budget-column", "Budget 2023"])
        .env("DUES_LANG", "en")
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr("dues: error: <stdin>: --budget-column “Budget 2023” names no column; headers found: “Structure”, “Statut”, “Montant 2022”, “Réponse”; a column is given by its header or by its number, from 1 to 4\n");
}

#[test]
fn refuses_what_it_cannot_read_without_guessing() {
    dues()
        .arg("batch")
        .env("DUES_LANG", "en")
        .write_stdin("nom,type;budget\nx,commune;1\n")
        .assert()
        .code(2)
        .stderr("dues: error: <stdin>: cannot tell the delimiter: “,” and “;” split the first lines equally well; say which with --delimiter\n");
    dues()
        .arg("batch")
        .env("DUES_LANG", "en")
        .write_stdin("Nom;Type;Budget;Tier\nx;commune;1;\n")
        .assert()
        .code(2)
        .stderr(
            "dues: error: <stdin>: the input already has a column “Tier”; dues appends the \
             columns tier, fee, fee_basis and error, so rename that column first\n",
        );
    dues()
        .arg("batch")
        .env("DUES_LANG", "en")
        .write_stdin("Nom;Type;Budget;Budget annuel\nx;commune;1;2\n")
        .assert()
        .code(2)
        .stderr("dues: error: <stdin>: columns “Budget” and “Budget annuel” could both be the budget column; say which with --budget-column\n");
}

#[test]
fn decimal_comma_for_cents_in_the_semicolon_dialect() {
    let table = data("tables/tiers-2023.toml");
    let out = dues()
        .args(["--tiers", &table, "batch"])
        .write_stdin("nom;type;budget\nx;commune;1 000 000\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "nom;type;budget;tier;fee;fee_basis;error\nx;commune;1 000 000;small;1200,5;fixed;\n"
    );
    let out = dues()
        .args(["--tiers", &table, "batch"])
        .write_stdin("nom,type,budget\nx,commune,1000000\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "nom,type,budget,tier,fee,fee_basis,error\nx,commune,1000000,small,1200.5,fixed,\n"
    );
}

#[test]
fn summary_goes_to_stderr_with_the_expected_income() {
    let (out, stderr, code) = batch("prospects-utf8.csv", &["--summary", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(!out.is_empty());
    assert_eq!(
        stderr,
        "dues batch: 41 rows priced, 9 of them at a minimum fee (to be negotiated); 0 in error\n\
         Tier                                                                     Rows        Dues\n\
         Annual budget under €1.5M (€1,000)                                          5      €5,000\n\
         Annual budget from €1.5M to €10M (€2,500)                                   6     €15,000\n\
         Annual budget over €10M (€5,000)                                           21    €105,000\n\
         Region, département or metropolis with a network strategy (from €8,000)     9   ≥ €72,000\n\
         \n\
         Kind                                                                     Rows        Dues\n\
         Region                                                                      6   ≥ €39,000\n\
         Département                                                                 5   ≥ €34,000\n\
         Metropolis                                                                  5   ≥ €34,000\n\
         Municipality                                                               10     €41,000\n\
         Inter-municipal body (EPCI)                                                 5     €25,000\n\
         Other public body                                                           3      €8,500\n\
         Private body (association, foundation, company)                             7     €15,500\n\
         \n\
         To confirm, for want of a network strategy answer                           0\n\
         Blank rows                                                                  0\n\
         Errors                                                                      0\n\
         Total                                                                      41  ≥ €197,000\n"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut text = String::from("name,kind,budget\n");
    for i in 0..200_000 {
        text.push_str(&format!("Commune {i},commune,{i}\n"));
    }
    std::fs::write(&path, text).unwrap();
    let mut child = Process::new(env!("CARGO_BIN_EXE_dues"))
        .args(["batch", path.to_str().unwrap()])
        .env_remove("DUES_TIERS")
        .env_remove("DUES_LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(plain(&out.stderr), "");
}

#[test]
fn the_real_list_of_french_authorities_prices_and_converts_back() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("collectivites-chiffrees.csv");
    let (_, stderr, code) = batch(
        "collectivites-excel-1252.csv",
        &["-o", target.to_str().unwrap(), "--summary"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with(
        "dues batch : 729 lignes chiffrées, dont 72 au tarif minimum (à négocier) ; 0 en erreur\n"
    ));
    assert!(
        stderr.contains("Total                                                                                        729  ≥ 3 715 500 €"),
        "{stderr}"
    );
    let written = std::fs::read(&target).unwrap();
    let input = rows(&fixture("collectivites-excel-1252.csv"), b';', true);
    let output = rows(&written, b';', true);
    check_priced(&input, &output, (1, 2, Some(3)));
    for name in [
        "Métropole de Lyon",
        "Collectivité européenne d'Alsace",
        "Corse",
        "Provence-Alpes-Côte d'Azur",
        "Œuilly",
    ] {
        assert!(output.iter().any(|r| r[0] == name), "{name}");
    }
}

#[test]
fn an_unclosed_quote_is_flagged_and_closed_so_the_columns_stay_apart() {
    let out = dues()
        .arg("batch")
        .env("DUES_LANG", "en")
        .write_stdin("name,kind,budget,note\nA,commune,5,\"oops\nB,commune,7,\nC,commune,8,\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let output = rows(&out.stdout, b',', false);
    assert_eq!(output.len(), 2);
    assert_eq!(output[1][3], "oops\nB,commune,7,\nC,commune,8,\n");
    assert_eq!(
        output[1][7],
        "line 2: a quote opened in this row is never closed, so every line after it went into one \
         field; close the quote (dues closed it at the end of the file to keep the columns apart)"
    );
    assert_eq!(output[1][4..7], ["", "", ""]);
}

#[test]
fn old_mac_line_endings_are_kept_and_counted() {
    let out = dues()
        .arg("batch")
        .env("DUES_LANG", "en")
        .write_stdin("name,kind,budget\rA,commune,5\rB,commune,x\r")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\n'));
    assert!(text.starts_with("name,kind,budget,tier,fee,fee_basis,error\rA,commune,5,small,1000,fixed,\rB,commune,x,,,,\"line 3, column “budget”: “x” is not an amount: it is not a number"), "{text}");
}

#[test]
fn a_pipe_given_as_a_path_is_read_once() {
    // An all-ASCII input over the 1 MiB sniff: a regular file would be read a
    // second time to settle its encoding; a pipe must not be.
    let mut text = String::from("name,kind,budget\n");
    for i in 0..60_000 {
        text.push_str(&format!("Org {i},commune,{}\n", i * 100));
    }
    let out = dues()
        .args(["batch", "/dev/stdin"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    let output = rows(&out.stdout, b',', false);
    assert_eq!(output.len(), 60_001);
    assert_eq!(
        output[41_184],
        [
            "Org 41183",
            "commune",
            "4118300",
            "medium",
            "2500",
            "fixed",
            ""
        ]
    );
}

#[cfg(unix)]
#[test]
fn the_output_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    let (_, _, code) = batch("prospects-utf8.csv", &["-o", target.to_str().unwrap()]);
    assert_eq!(code, 0);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "not tempfile's private mode");
    assert_eq!(
        mode & 0o044,
        0o044 & !umask_of(dir.path()),
        "readable as a new file would be"
    );
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    batch("prospects-utf8.csv", &["-o", target.to_str().unwrap()]);
    assert_eq!(
        std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o640,
        "kept"
    );
}

/// The umask in force, read off a file created the ordinary way.
#[cfg(unix)]
fn umask_of(dir: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::write(&probe, "").unwrap();
    let mode = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    std::fs::remove_file(probe).unwrap();
    0o666 & !mode
}

#[test]
fn stdin_cannot_be_both_the_table_and_the_input() {
    dues()
        .args(["--tiers", "-", "batch"])
        .env("DUES_LANG", "en")
        .write_stdin(std::fs::read(format!("{}/tiers-2022.toml", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .assert()
        .code(2)
        .stderr("dues: error: the tier table (--tiers - or DUES_TIERS=-) and the batch input both read stdin; give one of them as a file\n");
}

#[test]
fn a_convention_is_learnt_from_every_value_the_sample_holds_whole() {
    // Two rows: the one that shows `,` grouping thousands is the last.
    let small = b"nom;type;budget\nK;commune;850,000\nQ;commune;1,234,567\n";
    let (out, stderr, code) = batch_bytes("small.csv", small, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("K;commune;850,000;small;1000;fixed;"),
        "{text}"
    );
    // Past the first MiB, the record the sample cuts (`1,2` of `1,234,567`)
    // teaches nothing: `,` still groups thousands for `850,000` after it.
    let mut bytes = b"nom;type;budget\nA;commune;1,234,567\n".to_vec();
    let filler = b"V;commune;2500000\n";
    while bytes.len() + filler.len() + 64 < (1 << 20) {
        bytes.extend_from_slice(filler);
    }
    // A row padded for the 1 MiB boundary to fall just after `X;commune;1,2`.
    let row_end = (1 << 20) - b"X;commune;1,2".len();
    let name = row_end - bytes.len() - b";commune;2500000\n".len();
    bytes.extend(std::iter::repeat_n(b'V', name));
    bytes.extend_from_slice(b";commune;2500000\n");
    assert_eq!(bytes.len(), row_end);
    bytes.extend_from_slice(b"X;commune;1,234,567\n");
    bytes.extend_from_slice(b"K;commune;850,000\n");
    let (out, stderr, code) = batch_bytes("big.csv", &bytes, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with("K;commune;850,000;small;1000;fixed;\n"));
}

#[test]
fn a_stated_decimal_mark_keeps_the_headers_unit() {
    let list = "nom;type;Budget (k€)\nA;commune;1 500,5\n";
    let (out, stderr, code) = batch_bytes("k.csv", list.as_bytes(), &["--decimal-mark", ","]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("A;commune;1 500,5;medium;2500;fixed;")
    );
}

#[test]
fn budgets_at_their_kinds_floor_are_no_sign_of_thousands() {
    // A commune's floor of plausible budgets is 10 000 €: at it, no warning.
    let list = "nom;type;budget\nA;commune;10000\nB;commune;10000\nC;commune;9999\n";
    let (_, stderr, code) = batch_bytes("floor.csv", list.as_bytes(), &["--lang", "en"]);
    assert_eq!(code, Some(0));
    assert_eq!(stderr, "dues batch: 3 rows priced; 0 in error\n");
}

#[test]
fn half_a_list_below_its_floors_is_no_sign_of_thousands() {
    // One budget of two below its kind's floor: not most of them.
    let list = "nom;type;budget\nA;commune;850\nB;commune;2500000\n";
    let (_, stderr, code) = batch_bytes("half.csv", list.as_bytes(), &["--lang", "en"]);
    assert_eq!(code, Some(0));
    assert_eq!(stderr, "dues batch: 2 rows priced; 0 in error\n");
}

#[test]
fn utf16_without_its_bom_is_read_when_named() {
    let text = "nom;type;budget\r\nA;commune;5000000\r\n";
    for (name, bytes) in [
        (
            "utf-16le",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "utf-16be",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let args = ["--encoding", name, "--format", "jsonl"];
        let (out, stderr, code) = batch_bytes("list.csv", &bytes, &args);
        assert_eq!(code, Some(0), "{name}: {stderr}");
        let rows = String::from_utf8(out).unwrap();
        assert!(rows.contains("\"tier\":\"medium\""), "{name}");
    }
}

#[test]
fn a_pipe_delimiter_is_taken_when_named() {
    // `|` and `,` split this header alike; `--delimiter pipe` settles it.
    let list = b"nom|type|budget\nA, B|commune|5000000\n";
    for delimiter in ["pipe", "|"] {
        let (out, stderr, code) = batch_bytes("pipe.txt", list, &["--delimiter", delimiter]);
        assert_eq!(code, Some(0), "{stderr}");
        let rows = String::from_utf8(out).unwrap();
        assert!(rows.contains("A, B|commune|5000000|medium|2500|fixed|"));
    }
}

/// A file whose first MiB is plain ASCII, then `tail`.
fn ascii_then(tail: &[u8]) -> Vec<u8> {
    let mut bytes = b"nom,type,budget,strategie\n".to_vec();
    while bytes.len() < (1 << 20) + 100 {
        bytes.extend_from_slice(b"Ville,commune,2500000,\n");
    }
    bytes.extend_from_slice(tail);
    bytes
}

#[test]
fn past_an_ascii_first_mib_the_whole_file_settles_the_encoding() {
    let last = |bytes: Vec<u8>| {
        let (out, stderr, code) = batch_bytes("list.csv", &bytes, &["--lang", "en"]);
        let text = out.rsplit(|&b| b == b'\n').nth(1).unwrap().to_vec();
        (code, text, stderr)
    };
    // Windows-1252 after the first MiB: the file is Windows-1252.
    let (code, row, stderr) = last(ascii_then(b"Bretagne,R\xe9gion,1 Md\x80,oui\n"));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        row,
        b"Bretagne,R\xe9gion,1 Md\x80,oui,network,8000,minimum,"
    );
    // UTF-8 after it, a character cut by every 64 KiB read: UTF-8.
    let mut tail = "Sète ".repeat(40_000).into_bytes();
    tail.extend_from_slice(",Région,1 Md€,oui\n".as_bytes());
    let (code, row, stderr) = last(ascii_then(&tail));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(row.ends_with(",Région,1 Md€,oui,network,8000,minimum,".as_bytes()));
}

#[test]
fn a_short_list_whose_only_accent_ends_it_is_windows_1252() {
    // The whole file is read: a last byte that starts a UTF-8 character is
    // a cut one only in a sample cut short, and here it is an `é`.
    let list = b"Nom;Budget;Type\r\nSaint-Malo;95000000;Commune\r\n\
                 CC du Pays de Fayence;2300000;Intercommunalit\xe9";
    let (out, stderr, code) = batch_bytes("liste.csv", list, &["--lang", "en"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        out.ends_with(b"Fayence;2300000;Intercommunalit\xe9;medium;2500;fixed;\r\n"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn a_short_list_s_last_row_counts_for_its_delimiter_in_any_encoding() {
    // `,` splits the header and the first row in three as `;` does; only
    // the last row tells `;`, and a short list has no row cut short.
    let text = "Nom;Type;Budget, en euros, 2024\n\
                Cabinet Dupont, Durand;Entreprise;1 200 000,50\n\
                Plouha;Commune;6 500 000\n";
    for utf16 in [false, true] {
        let (code, out, stderr) = told_by_its_last_row(text, utf16, "liste.csv");
        assert_eq!(code, Some(0), "UTF-16: {utf16}: {stderr}");
        assert!(
            out.ends_with("Plouha;Commune;6 500 000;medium;2500;fixed;\n"),
            "{out}"
        );
    }
}

/// A French list `,` splits as `;` does but for its last row, with UTF-16's
/// BOM and bytes or UTF-8's: exit code, the output's text, stderr.
fn told_by_its_last_row(text: &str, utf16: bool, name: &str) -> (Option<i32>, String, String) {
    let bytes = if utf16 {
        [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    } else {
        text.as_bytes().to_vec()
    };
    let (out, stderr, code) = batch_bytes(name, &bytes, &["--lang", "en"]);
    let out = match out.strip_prefix(&[0xFF, 0xFE]) {
        Some(le) => String::from_utf16(
            &le.chunks(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => String::from_utf8(out).unwrap(),
    };
    (code, out, stderr)
}

#[test]
fn a_list_of_exactly_a_mib_is_read_whole() {
    // What is read ahead to sniff the dialect is a MiB: a list of exactly
    // that size (as UTF-8 text) is whole, and its last row counts, as in a
    // short list.
    let head = "Nom;Type;Budget, en euros, 2024\n";
    let last = "Plouha;Commune;6 500 000\n";
    let row = |pad: usize| {
        format!(
            "Cabinet Dupont, Durand{};Entreprise;1 200 000,50\n",
            " ".repeat(pad)
        )
    };
    let pad = (1 << 20) - head.len() - last.len() - row(0).len();
    let text = format!("{head}{}{last}", row(pad));
    assert_eq!(text.len(), 1 << 20);
    for utf16 in [false, true] {
        let (code, out, stderr) = told_by_its_last_row(&text, utf16, "liste.csv");
        assert_eq!(code, Some(0), "UTF-16: {utf16}: {stderr}");
        assert!(out.ends_with("Plouha;Commune;6 500 000;medium;2500;fixed;\n"));
    }
}

#[test]
fn a_row_of_no_break_spaces_is_a_blank_row() {
    // What a spreadsheet leaves of a row cleared by hand: no-break spaces.
    let list = "Nom,Type,Budget\nLyon,commune,2000000\n\u{a0},\u{202f} ,\n";
    let (out, stderr, code) = batch_bytes("liste.csv", list.as_bytes(), &["--lang", "en"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.ends_with("1 row priced; 0 in error; 1 blank row\n"),
        "{stderr}"
    );
    assert!(out.ends_with("\u{a0},\u{202f} ,,,,,\n".as_bytes()));
}

#[test]
fn a_tsv_file_is_read_with_tabs_though_commas_split_it_alike() {
    let list = "Nom\tType\tBudget, en euros, 2024\n\
                Cabinet Dupont, Durand\tEntreprise\t1 200 000,50\n";
    let (out, stderr, code) = batch_bytes("liste.tsv", list.as_bytes(), &["--lang", "en"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        out.ends_with(b"Durand\tEntreprise\t1 200 000,50\tsmall\t1000\tfixed\t\n"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn errors_written_into_a_windows_1252_list_are_in_windows_1252() {
    // French Excel's `;` and Windows-1252: the error column in its letters,
    // the narrow no-break spaces it lacks as no-break spaces.
    let list = b"Nom;Type;Budget annuel (\x80)\r\nHautes-Alpes;D\xe9partement;beaucoup\r\n";
    let (out, stderr, code) = batch_bytes("liste.csv", list, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let error = &rows(&out, b';', true)[1][6];
    assert!(
        error.starts_with(
            "ligne 2, colonne «\u{a0}Budget annuel (€)\u{a0}»\u{a0}: «\u{a0}beaucoup\u{a0}» \
             n’est pas un montant"
        ),
        "{error}"
    );
    assert!(!error.contains(['\u{202f}', '\u{fffd}']), "{error}");
    assert!(!error.contains("&#"), "{error}");
}

#[test]
fn plain_numbers_say_nothing_of_what_a_comma_means() {
    // A column of whole numbers shows no mark: « 1,500 » beside them is
    // still ambiguous, and refused rather than read as 1 500.
    let list = b"name,kind,budget\nA,commune,2500000\nB,commune,\"1,500\"\n";
    let (out, _, code) = batch_bytes("plain.csv", list, &["--lang", "en"]);
    assert_eq!(code, Some(1));
    let output = rows(&out, b',', false);
    assert_eq!(output[1][3..6], ["medium", "2500", "fixed"]);
    assert!(output[2][6].contains("it is ambiguous"), "{:?}", output[2]);
}

#[test]
fn a_value_without_a_mark_shows_none() {
    use dues::batch::convention::{Shape, shape};
    for value in ["2500000", "2 500 000 €", "", "beaucoup"] {
        assert_eq!(shape(value), Shape::None, "{value}");
    }
}

#[test]
fn an_error_that_quotes_a_value_with_a_quote_is_a_quoted_field() {
    // Tab-separated, in English: the error holds neither the delimiter nor
    // a line break, only the `"` of the value it shows.
    let input = b"Nom\tType\tBudget\nA\tcommune\t12\"5\n";
    let (out, _, code) = batch_bytes("quote.tsv", input, &["--lang", "en"]);
    assert_eq!(code, Some(1));
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out.lines().nth(1),
        Some(
            "A\tcommune\t12\"5\t\t\t\t\"line 2, column “Budget”: “12\"\"5” is not an amount: it \
             is not a number; write a non-negative amount such as 2300000, 2 300 000, \
             2 300 000,50 €, 2,3 M€, 850 k€ or 1,2 Md€\""
        )
    );
}

#[test]
fn rows_to_confirm_between_two_fixed_fees_are_worth_a_range() {
    // The network tier at a fixed fee: a row without an answer is worth
    // one fee or the other, not « at least ».
    let table = std::fs::read_to_string(data("tables/tiers-2023.toml")).unwrap();
    let minimum = table
        .lines()
        .find(|l| l.contains("basis = \"minimum\""))
        .unwrap();
    let table = table.replace(minimum, "fee = { amount = 8_000, basis = \"fixed\" }");
    let dir = tempfile::tempdir().unwrap();
    let tiers = dir.path().join("tiers.toml");
    std::fs::write(&tiers, table).unwrap();
    let input = b"Nom,Type,Budget,Strategie\nB,R\xc3\xa9gion,20000000,\nC,commune,2000000,\n";
    let tiers = tiers.to_str().unwrap();
    let args = ["--tiers", tiers, "--summary", "--lang", "en"];
    let (_, err, code) = batch_bytes("list.csv", input, &args);
    // A row to confirm is no row priced.
    assert_eq!(code, Some(1), "{err}");
    let line = |start: &str| {
        err.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_default()
    };
    assert!(
        line("To confirm").ends_with("  1   €5,000 to €8,000"),
        "{err}"
    );
    assert!(line("Total").ends_with("  2  €7,500 to €10,500"), "{err}");
}
