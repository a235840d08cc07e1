//! Spreadsheets in and out (issue 10): workbooks built here, xlsx with
//! rust_xlsxwriter and ods by hand, with number, text, date and empty
//! cells, two sheets and a bad row; priced as CSV files are; and workbooks
//! written with their cell types, styling and summary sheet.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::{dues, plain, rows};

/// A cell to build a workbook with.
#[derive(Clone)]
enum V {
    S(&'static str),
    N(f64),
    D(u16, u8, u8),
    E,
}
use V::{D, E, N, S};

/// The prospects every workbook here holds: the tier boundaries as number
/// cells, French amounts as text, a date, an empty cell, a bad row.
fn prospects() -> Vec<Vec<V>> {
    vec![
        vec![
            S("Raison sociale"),
            S("Type"),
            S("Budget 2024 (€)"),
            S("Stratégie"),
            S("Rendez-vous"),
        ],
        vec![
            S("L'Escale"),
            S("Commune"),
            N(1_499_999.99),
            E,
            D(2026, 1, 15),
        ],
        vec![
            S("Sainte-Foy-l'Argentière"),
            S("Commune"),
            N(1_500_000.0),
            E,
            E,
        ],
        vec![
            S("Condé-sur-l'Escaut"),
            S("Commune"),
            N(10_000_000.0),
            E,
            D(2026, 2, 3),
        ],
        vec![S("Annœullin"), S("Commune"), N(10_000_000.01), E, E],
        vec![
            S("Bretagne"),
            S("Région"),
            S("1 712 000 000,00 €"),
            S("oui"),
            E,
        ],
        vec![S("Fondation Horizon"), S("Fondation"), S("beaucoup"), E, E],
        vec![E, E, E, E, E],
        vec![S("CA du Grand Poitiers"), S("CA"), N(250_000_000.0), E, E],
    ]
}

/// A sheet of notes, without the columns of a list.
fn notes() -> Vec<Vec<V>> {
    vec![vec![S("Notes")], vec![S("Liste de novembre, à relancer")]]
}

fn xlsx(path: &Path, sheets: &[(&str, Vec<Vec<V>>)]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    S(s) => {
                        sheet.write_string(r, c, *s).unwrap();
                    }
                    N(n) => {
                        sheet.write_number(r, c, *n).unwrap();
                    }
                    D(y, m, d) => {
                        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        {
                            sheet
                                .write_datetime_with_format(r, c, &when, &date)
                                .unwrap();
                        }
                    }
                    E => {}
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// An OpenDocument spreadsheet, written as LibreOffice does: a zip with its
/// mimetype first, and the cells in content.xml.
fn ods(path: &Path, sheets: &[(&str, Vec<Vec<V>>)]) {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\'', "&apos;")
    };
    let mut body = String::new();
    for (name, rows) in sheets {
        body.push_str(&format!("<table:table table:name=\"{}\">", escape(name)));
        for row in rows {
            body.push_str("<table:table-row>");
            for cell in row {
                body.push_str(&match cell {
                    S(s) => format!(
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        escape(s)
                    ),
                    N(n) => format!(
                        "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                    ),
                    D(y, m, d) => format!(
                        "<table:table-cell office:value-type=\"date\" office:date-value=\"{y:04}-{m:02}-{d:02}\"><text:p>{d:02}/{m:02}/{y}</text:p></table:table-cell>"
                    ),
                    E => "<table:table-cell/>".to_string(),
                });
            }
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.finish().unwrap();
}

/// `dues batch` on `path`: stdout, stderr (plain spaces), exit code.
fn batch(path: &Path, args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = dues().arg("batch").arg(path).args(args).output().unwrap();
    (out.stdout, plain(&out.stderr), out.status.code().unwrap())
}

/// The tier and fee of every row of a CSV output, by name.
fn tiers_of(out: &[u8]) -> Vec<(String, String, String)> {
    rows(out, b',', false)
        .into_iter()
        .skip(1)
        .map(|r| (r[0].clone(), r[5].clone(), r[6].clone()))
        .collect()
}

const EXPECTED: [(&str, &str, &str); 8] = [
    ("L'Escale", "small", "1000"),
    ("Sainte-Foy-l'Argentière", "medium", "2500"),
    ("Condé-sur-l'Escaut", "medium", "2500"),
    ("Annœullin", "large", "5000"),
    ("Bretagne", "network", "8000"),
    ("Fondation Horizon", "", ""),
    ("", "", ""),
    ("CA du Grand Poitiers", "large", "5000"),
];

fn workbook(kind: &str, dir: &Path) -> PathBuf {
    let path = dir.join(format!("prospects.{kind}"));
    let sheets = [("Notes", notes()), ("Prospects", prospects())];
    if kind == "ods" {
        ods(&path, &sheets);
    } else {
        xlsx(&path, &sheets);
    }
    path
}

#[test]
fn a_workbook_is_priced_as_a_csv_is_its_numbers_exact_at_the_cent() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["xlsx", "ods"] {
        let path = workbook(kind, dir.path());
        let (out, stderr, code) = batch(&path, &["--lang", "en"]);
        assert_eq!(code, 1, "{kind}: {stderr}");
        let text = String::from_utf8(out.clone()).unwrap();
        // CSV out: UTF-8, `,`, CRLF; cells as a CSV holds them.
        assert!(text.starts_with(
            "Raison sociale,Type,Budget 2024 (€),Stratégie,Rendez-vous,tier,fee,fee_basis,error\r\n\
             L'Escale,Commune,1499999.99,,2026-01-15,small,1000,fixed,\r\n"
        ), "{kind}: {text}");
        let got = tiers_of(&out);
        let want: Vec<(String, String, String)> = EXPECTED
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{kind}");
        assert!(text.contains("“beaucoup” is not an amount"), "{kind}");
        assert_eq!(
            stderr,
            "dues batch (sheet “Prospects”): 6 rows priced, 1 of them at a minimum fee (to be \
             negotiated); 1 in error (line 7); 1 blank row\n",
            "{kind}"
        );
    }
}

#[test]
fn a_sheet_is_chosen_by_its_columns_by_name_or_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deux.xlsx");
    xlsx(
        &path,
        &[
            ("2023", prospects()),
            ("2024", prospects()),
            ("Notes", notes()),
        ],
    );
    let (_, stderr, code) = batch(&path, &["--lang", "en"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("several sheets have the columns of a list to price: “2023”, “2024”; say which with --sheet"),
        "{stderr}"
    );
    let (by_name, _, _) = batch(&path, &["--sheet", "2024"]);
    let (by_number, _, _) = batch(&path, &["--sheet", "2"]);
    assert_eq!(by_name, by_number);
    assert_eq!(tiers_of(&by_name).len(), 8);
    let (_, stderr, code) = batch(&path, &["--sheet", "2025", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--sheet “2025” names no sheet; the workbook's sheets: “2023”, “2024”, “Notes”; a sheet is given by its name or by its number, from 1 to 3"), "{stderr}");
    // Only notes: the usual missing columns.
    let only = dir.path().join("notes.xlsx");
    xlsx(&only, &[("Notes", notes())]);
    let (_, stderr, code) = batch(&only, &["--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no kind and budget columns"), "{stderr}");
}

#[test]
fn what_only_looks_like_a_workbook_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("liste.xlsx");
    fs::write(&text, "nom,type,budget\nA,commune,5000000\n").unwrap();
    let corrupt = dir.path().join("abime.xlsx");
    fs::write(&corrupt, b"PK\x03\x04 not a zip at all").unwrap();
    let ole = dir.path().join("protege.xlsx");
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend([0u8; 600]);
    fs::write(&ole, bytes).unwrap();
    for (path, message) in [
        (
            &text,
            "this is no readable workbook (xlsx, xlsm, xls, xlsb or ods)",
        ),
        (&corrupt, "this is no readable workbook"),
        (
            &ole,
            "this workbook cannot be read: protected by a password, or damaged?",
        ),
    ] {
        let (out, stderr, code) = batch(path, &["--lang", "en"]);
        assert_eq!(code, 2, "{}", path.display());
        assert!(out.is_empty());
        assert!(
            stderr.starts_with(&format!("dues: error: {}: {message}", path.display())),
            "{stderr}"
        );
    }
}

/// The cells of a workbook's sheet, by calamine.
fn read_back(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A part of an xlsx (a zip of XML files).
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn a_workbook_out_keeps_cell_types_sums_fees_and_holds_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["xlsx", "ods"] {
        let input = workbook(kind, dir.path());
        let out = dir.path().join(format!("chiffre-{kind}.xlsx"));
        let (stdout, stderr, code) = batch(&input, &["-o", out.to_str().unwrap()]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stdout.is_empty());
        let cells = read_back(&out, "Lignes");
        assert_eq!(cells.len(), 9);
        let appended = cells[0][5..]
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>();
        assert_eq!(appended, ["tier", "fee", "fee_basis", "error"]);
        // Numbers stay numbers, dates dates, text text.
        assert_eq!(cells[1][2], Data::Float(1_499_999.99));
        // 15 January 2026, Excel's day 46 037.
        assert!(
            matches!(&cells[1][4], Data::DateTime(d) if d.as_f64() == 46_037.0),
            "{:?}",
            cells[1][4]
        );
        assert_eq!(cells[5][2], Data::String("1 712 000 000,00 €".into()));
        // The fee: a number, to sum.
        assert_eq!(cells[1][6], Data::Float(1000.0));
        assert_eq!(cells[5][6], Data::Float(8000.0));
        assert_eq!(cells[6][6], Data::Empty);
        assert!(matches!(&cells[6][8], Data::String(e) if e.contains("beaucoup")));
        // Styled: header bold, frozen, filtered; the fee in euros.
        let sheet = part(&out, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("state=\"frozen\""), "{sheet}");
        assert!(sheet.contains("<autoFilter ref=\"A1:I9\""), "{sheet}");
        // Each column as wide as its widest value, and two characters more:
        // « Sainte-Foy-l'Argentière », 23 (Excel adds its margin, 0.71).
        assert!(
            sheet.contains("<cols><col min=\"1\" max=\"1\" width=\"25.7109375\""),
            "{sheet}"
        );
        let styles = part(&out, "xl/styles.xml");
        assert!(styles.contains("<b/>"));
        assert!(styles.contains("#,##0.00 &quot;€&quot;"), "{styles}");
        // The summary, in French by default.
        let summary = read_back(&out, "Résumé");
        let total = summary
            .iter()
            .find(|r| r[0] == Data::String("Total".into()))
            .expect("a total");
        assert_eq!(total[1], Data::Float(8.0));
        assert_eq!(total[2], Data::Float(24_000.0));
        assert_eq!(total[3], Data::Empty, "open above: a minimum fee");
    }
}

#[test]
fn a_csv_becomes_a_workbook_and_a_workbook_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = super::data("batch/crm-excel-1252.csv");
    let out = dir.path().join("crm.xlsx");
    let (_, stderr, code) = batch(Path::new(&csv), &["-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let cells = read_back(&out, "Lignes");
    // The header and 40 rows; the two blank rows at the end leave no trace
    // in a sheet, where a row with nothing in it is no row.
    assert_eq!(cells.len(), 41);
    assert_eq!(cells[17][0], Data::String("Sainte-Foy-l'Argentière".into()));
    assert_eq!(
        cells[17][2],
        Data::String("1\u{a0}500\u{a0}000,00\u{a0}€".into())
    );
    assert_eq!(cells[17][7], Data::Float(2500.0));
    // --strict with a workbook out writes nothing when it stops.
    let input = workbook("xlsx", dir.path());
    let stopped = dir.path().join("stopped.xlsx");
    let (_, _, code) = batch(&input, &["--strict", "-o", stopped.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(!stopped.exists());
    // A workbook holds no JSON lines.
    let (_, stderr, code) = batch(&input, &["-o", out.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 2, "{stderr}");
    // A workbook to JSON lines, and to CSV with another delimiter.
    let (jsonl, _, _) = batch(&input, &["--format", "jsonl"]);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(jsonl).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["Budget 2024 (€)"], "1499999.99");
    assert_eq!(first["budget_parsed"], "1499999.99");
    let (semi, _, _) = batch(&input, &["--delimiter", ";"]);
    assert!(
        String::from_utf8(semi)
            .unwrap()
            .starts_with("Raison sociale;Type;")
    );
}

/// A workbook of `tests/data/sheets/` (see its `make.py`), made as other
/// programs make them: openpyxl, LibreOffice, Excel's cached values.
fn made(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/sheets")
        .join(name)
}

#[test]
fn a_damaged_or_sprawling_workbook_is_refused_not_a_crash() {
    for name in ["truncated.xls", "damaged.xls"] {
        let (out, stderr, code) = batch(&made(name), &["--lang", "en"]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(out.is_empty());
        assert!(stderr.contains("this workbook cannot be read"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // One stray cell at XFD1048576, the slip of a Ctrl+End: billions of
    // cells if laid out; refused, the cell named.
    let (out, stderr, code) = batch(&made("stray_far.xlsx"), &["--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(out.is_empty());
    assert!(
        stderr.contains("sheet “Sheet” spans A1 to XFD1048576: more cells than a list has"),
        "{stderr}"
    );
}

#[test]
fn a_formula_reads_as_the_sheet_shows_it_and_one_never_computed_is_said() {
    // Excel's cached `309640.35000000003` is the 309 640,35 its sheet shows;
    // `10000000.010000002` is 10 000 000,01: large.
    let (out, stderr, code) = batch(&made("excel17.xlsx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Ville A,Commune,38261.45,271378.9,309640.35,small,1000,fixed,"));
    assert!(text.contains("Ville E,Commune,0,0,10000000.01,large,5000,fixed,"));
    // A formula written by a program, never computed: said so, kept as is.
    let (out, stderr, code) = batch(&made("formula_nocache.xlsx"), &["--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(
            "Ville A,Commune,38261.45,271378.9,=C2+D2,,,,\"line 2, column “Budget”: \
             “=C2+D2” is not an amount: it is a formula whose value the file does not hold: \
             open the workbook in a spreadsheet and save it"
        ),
        "{text}"
    );
}

#[test]
fn errors_name_the_row_the_spreadsheet_shows() {
    // Header at B3, a bad budget in row 5; a wrapped header; a name cell
    // with a line break: each error names the sheet's own row.
    for (name, lines) in [
        ("offset.xlsx", "(line 5)"),
        ("header_nl.xlsx", "(line 3)"),
        ("multiline.xlsx", "(lines 3, 4)"),
    ] {
        let (_, stderr, code) = batch(&made(name), &["--lang", "en"]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(
            stderr.contains(&format!(" in error {lines}")),
            "{name}: {stderr}"
        );
    }
    let (out, _, _) = batch(&made("offset.xlsx"), &["--lang", "en"]);
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\"line 5, column “Budget”"));
    // The used columns B to D, and no more: none empty before nor after.
    assert!(
        out.starts_with(
            "Nom,Type,Budget,tier,fee,fee_basis,error\r\n\
             Ville A,Commune,2000000,medium,2500,fixed,\r\n"
        ),
        "{out}"
    );
}

#[test]
fn hidden_and_empty_sheets_are_passed_over_and_the_sheet_priced_is_named() {
    // The visible sheet lacks a budget column; the hidden old copy has one:
    // the visible one is the user's list, and what it lacks is said.
    let (out, stderr, code) = batch(&made("hidden.xlsx"), &["--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(out.is_empty());
    assert!(
        stderr.contains("no budget column; headers found: “Organisme”, “Catégorie”, “Montant”"),
        "{stderr}"
    );
    // An empty first sheet: the sheet with rows is the one judged.
    let (_, stderr, _) = batch(&made("empty_first.xlsx"), &["--lang", "en"]);
    assert!(
        stderr.contains("no budget column; headers found: “Organisme”"),
        "{stderr}"
    );
    // The closing line and the JSON summary name the sheet priced.
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("summary.json");
    let (_, stderr, _) = batch(
        &made("excel17.xlsx"),
        &["--lang", "en", "--summary-json", json.to_str().unwrap()],
    );
    assert!(
        stderr.starts_with("dues batch (sheet “Prospects”): 5 rows priced"),
        "{stderr}"
    );
    let summary: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(summary["sheet"], "Prospects");
}

#[test]
fn dates_out_of_range_and_times_of_day_stay_what_they_are() {
    // Date-formatted cells holding 12000000 and -1 (no date: Excel shows
    // #####) stay numbers; 0.5 is a time of day, 12:00:00.
    let (out, stderr, code) = batch(&made("baddates.xlsx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("v=12000000,Commune,2000000,12000000,medium"),
        "{text}"
    );
    assert!(text.contains("v=-1,Commune,2000000,-1,medium"), "{text}");
    assert!(
        text.contains("v=0.5,Commune,2000000,12:00:00,medium"),
        "{text}"
    );
    // Written back to a workbook: the time a number in a time format.
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("out.xlsx");
    let (_, stderr, code) = batch(&made("baddates.xlsx"), &["-o", book.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let cells = read_back(&book, "Lignes");
    assert_eq!(cells[1][3], Data::Float(12_000_000.0));
    assert!(
        matches!(&cells[3][3], Data::DateTime(d) if d.as_f64() == 0.5),
        "{:?}",
        cells[3][3]
    );
}

#[test]
fn options_that_cannot_apply_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("liste.csv");
    fs::write(&csv, "nom,type,budget\nA,commune,5000000\n").unwrap();
    let book = made("excel17.xlsx");
    let ods = dir.path().join("out.ods");
    let xlsx = dir.path().join("out.xlsx");
    let cases: [(&Path, Vec<&str>, &str); 4] = [
        (
            &csv,
            vec!["--sheet", "2"],
            "--sheet names a workbook's sheet, and this is a text file",
        ),
        (
            &book,
            vec!["--encoding", "windows-1252"],
            "--encoding tells a text file's encoding, and this is a workbook",
        ),
        (
            &book,
            vec!["-o", ods.to_str().unwrap()],
            "dues writes its workbooks as xlsx only, not ods",
        ),
        (
            &book,
            vec!["-o", xlsx.to_str().unwrap(), "--format", "csv"],
            "-o …xlsx writes a workbook, and --format csv asks for something else",
        ),
    ];
    for (input, args, message) in cases {
        let mut all = vec!["--lang", "en"];
        all.extend(args);
        let (out, stderr, code) = batch(input, &all);
        assert_eq!(code, 2, "{all:?}: {stderr}");
        assert!(out.is_empty());
        assert!(stderr.contains(message), "{all:?}: {stderr}");
    }
    assert!(!ods.exists() && !xlsx.exists());
}

#[test]
fn the_summary_sheet_recalls_the_answer_assumed_and_the_warnings() {
    // Budgets written in M€ with no unit, and an answer given for all: the
    // workbook's summary says both, as `--summary` does.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("liste.csv");
    fs::write(
        &input,
        "Nom;Type;Budget;Stratégie\nBretagne;Région;1712;\nQuimper;Commune;98,5;\n",
    )
    .unwrap();
    let out = dir.path().join("chiffre.xlsx");
    let args = ["-o", out.to_str().unwrap(), "--network-strategy", "non"];
    let (_, stderr, code) = batch(&input, &args);
    assert_eq!(code, 0, "{stderr}");
    let firsts: Vec<String> = read_back(&out, "Résumé")
        .iter()
        .map(|r| r[0].to_string().replace('\u{202f}', " "))
        .collect();
    // The answer, a blank line, then the figures.
    assert!(firsts[0].contains("non"), "{firsts:?}");
    assert_eq!(firsts[1..3], ["", "Tranche"], "{firsts:?}");
    assert!(
        firsts.last().unwrap().contains("« Budget »"),
        "the small-budgets warning last: {firsts:?}"
    );
}

#[test]
fn what_a_workbook_cannot_hold_is_refused_by_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.csv");
    let note = "x".repeat(40_000);
    fs::write(
        &long,
        format!("nom,type,budget,notes\nA,commune,5000000,{note}\n"),
    )
    .unwrap();
    // Past the header's width, a column is told by its number; one of
    // those dues appends, by its name (an error quoting a long value).
    let surplus = dir.path().join("surplus.csv");
    let x = "x".repeat(40_000);
    fs::write(
        &surplus,
        format!("nom,type,budget\nA,commune,5000000,{x}\n"),
    )
    .unwrap();
    let error = dir.path().join("error.csv");
    let y = "y".repeat(32_700);
    fs::write(&error, format!("nom,type,budget\nA,commune,{y}\n")).unwrap();
    let wide_row = dir.path().join("wide-row.csv");
    let fields = ",".repeat(16_382);
    fs::write(
        &wide_row,
        format!("nom,type,budget\nA,commune,5000000{fields}\n"),
    )
    .unwrap();
    let wide = dir.path().join("wide.csv");
    let extra: Vec<String> = (0..16_380).map(|i| format!("c{i}")).collect();
    fs::write(&wide, format!("nom,type,budget,{}\n", extra.join(","))).unwrap();
    let out = dir.path().join("out.xlsx");
    for (input, message) in [
        (
            &long,
            "line 2, column “notes”: 40,000 characters, and a workbook's cell holds 32,767 at most",
        ),
        (&surplus, "line 2, column “4”: 40,000 characters"),
        (
            &wide_row,
            "line 2: 16,385 columns, and a workbook's sheet holds 16,384",
        ),
        (&error, "line 2, column “error”: 32,863 characters"),
        (
            &wide,
            "line 1: 16,383 columns, and a workbook's sheet holds 16,384, the 4 dues appends included",
        ),
    ] {
        let (_, stderr, code) = batch(input, &["--lang", "en", "-o", out.to_str().unwrap()]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert!(!out.exists());
    }
    // What a workbook holds exactly: 32 767 characters a cell (20 000 `é`
    // are 40 000 bytes), 16 384 columns with the four appended.
    let most = dir.path().join("most.csv");
    let e = "é".repeat(20_000);
    let extra: Vec<String> = (0..16_377).map(|i| format!("c{i}")).collect();
    let header = format!("nom,type,budget,{}", extra.join(","));
    let row = format!("A,commune,5000000,{e}{}", ",".repeat(16_376));
    fs::write(&most, format!("{header}\n{row}\n")).unwrap();
    let (_, stderr, code) = batch(&most, &["--lang", "en", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.exists());
}

#[test]
fn a_number_cell_is_a_number_whatever_marks_the_column_s_text_uses() {
    // Budgets typed as text with `.` between thousands, as in German or
    // Swiss lists, beside number cells: a number cell is read as a number,
    // never through the marks the column's text taught.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.xlsx");
    let rows = vec![
        vec![S("Nom"), S("Type"), S("Budget")],
        vec![S("Kehl"), S("Commune"), S("1.500.000")],
        vec![S("Fribourg"), S("Commune"), S("12.000.000")],
        vec![S("Sélestat"), S("Commune"), N(1_499_999.5)],
        vec![S("Obernai"), S("Commune"), N(2_300.25)],
        vec![S("Barr"), S("Commune"), N(1e-30)],
    ];
    xlsx(&path, &[("Liste", rows)]);
    let (out, stderr, code) = batch(&path, &["--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    let rows = super::rows(&out, b',', false);
    let got: Vec<[String; 3]> = rows[1..5]
        .iter()
        .map(|r| [r[0].clone(), r[3].clone(), r[4].clone()])
        .collect();
    assert_eq!(
        got,
        [
            ("Kehl", "medium", "2500"),
            ("Fribourg", "large", "5000"),
            ("Sélestat", "small", "1000"),
            ("Obernai", "small", "1000"),
        ]
        .map(|(a, b, c)| [a, b, c].map(String::from))
    );
    // A number too small to show but as 1E-30 is a number all the same.
    assert!(
        rows[5][6].starts_with(
            "line 6, column “Budget”: “1E-30” is not an amount: it is more precise than a cent;"
        ),
        "{}",
        rows[5][6]
    );
}

#[test]
fn a_date_shows_its_time_of_day_only_when_it_has_one() {
    // A meeting at 14:00, at 00:30 or at 01:00:01 is a date and a time; a
    // date at midnight a date; midnight alone (serial 0) a time; serial 1
    // the first day spreadsheets count, a date.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rendez-vous.xlsx");
    let mut book = Workbook::new();
    let format = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    let sheet = book.add_worksheet();
    for (c, header) in ["Nom", "Type", "Budget", "Rendez-vous"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    let when = [
        ExcelDateTime::from_ymd(2026, 1, 15)
            .unwrap()
            .and_hms(14, 0, 0)
            .unwrap(),
        ExcelDateTime::from_ymd(2026, 1, 15)
            .unwrap()
            .and_hms(0, 30, 0)
            .unwrap(),
        ExcelDateTime::from_ymd(2026, 1, 15)
            .unwrap()
            .and_hms(1, 0, 1)
            .unwrap(),
        ExcelDateTime::from_ymd(2026, 1, 15).unwrap(),
        ExcelDateTime::from_hms(0, 0, 0).unwrap(),
        ExcelDateTime::from_ymd(1900, 1, 1).unwrap(),
    ];
    for (r, when) in when.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, format!("Mairie {r}")).unwrap();
        sheet.write_string(r, 1, "Commune").unwrap();
        sheet.write_number(r, 2, 2_000_000).unwrap();
        sheet
            .write_datetime_with_format(r, 3, when, &format)
            .unwrap();
    }
    book.save(&path).unwrap();
    let (out, stderr, code) = batch(&path, &[]);
    assert_eq!(code, 0, "{stderr}");
    let shown: Vec<String> = super::rows(&out, b',', false)[1..]
        .iter()
        .map(|r| r[3].clone())
        .collect();
    assert_eq!(
        shown,
        [
            "2026-01-15 14:00:00",
            "2026-01-15 00:30:00",
            "2026-01-15 01:00:01",
            "2026-01-15",
            "00:00:00",
            "1900-01-01"
        ]
    );
}

#[test]
fn an_empty_formula_element_is_an_empty_cell() {
    // `<f></f>` and no value, as some generators leave in the blank cells
    // of a formatted range: nothing to compute, nothing held.
    let (out, stderr, code) = batch(&made("empty_formula.xlsx"), &["--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("\r\nVille A,Commune,2000000,,medium,2500,fixed,\r\n"),
        "{text}"
    );
}

#[test]
fn a_list_far_down_its_sheet_is_laid_out_from_its_first_used_row() {
    // Twelve columns from row 1 000 001: 24 cells used, though the sheet
    // is a million rows tall from its top.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loin.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let top = 1_000_000;
    let header = ["Nom", "Type", "Budget"];
    for c in 0..12u16 {
        let name = header
            .get(c as usize)
            .map_or(format!("Note {c}"), |h| h.to_string());
        sheet.write_string(top, c, name).unwrap();
    }
    sheet.write_string(top + 1, 0, "Mairie").unwrap();
    sheet.write_string(top + 1, 1, "Commune").unwrap();
    sheet.write_number(top + 1, 2, 2_000_000).unwrap();
    book.save(&path).unwrap();
    let (out, stderr, code) = batch(&path, &["--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    let rows = super::rows(&out, b',', false);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][12..15], ["medium", "2500", "fixed"]);
}

#[test]
fn the_summary_sheet_is_laid_out_heading_by_heading() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("liste.csv");
    fs::write(
        &input,
        "nom,type,budget,strategie,notes\nA,commune,5000,,\nB,Région,1,,\n,,,,\nC,commune,10,,x,y\n",
    )
    .unwrap();
    let out = dir.path().join("chiffre.xlsx");
    let (_, stderr, code) = batch(&input, &["--lang", "en", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    let layout: Vec<String> = read_back(&out, "Summary")
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    let dues = "Dues (at least)|Dues (at most; empty: to be negotiated)";
    assert_eq!(
        layout,
        [
            format!("Tier|Rows|{dues}"),
            "Annual budget under €1.5M (€1,000)|1|1000|1000".into(),
            "Annual budget from €1.5M to €10M (€2,500)|0|0|0".into(),
            "Annual budget over €10M (€5,000)|0|0|0".into(),
            "Region, département or metropolis with a network strategy (from €8,000)|0|0|0".into(),
            "|||".into(),
            format!("Kind|Rows|{dues}"),
            "Municipality|1|1000|1000".into(),
            "|||".into(),
            "To confirm, for want of a network strategy answer|1|1000|".into(),
            "Blank rows|1||".into(),
            "Errors|1||".into(),
            "• too many fields (too_many_fields)|1||".into(),
            "|||".into(),
            "Total|4|2000|".into(),
            "|||".into(),
            "most budgets of column “budget” (1 of 1) are smaller than their kind's can be, e.g. \
             “5000” for the kind “Municipality” (at least €10,000): if they are in thousands or \
             millions of euros, say so with --budget-unit k€ or M€ (they were priced as read)|||"
                .to_string(),
        ]
    );
    // A surplus field follows the appended columns.
    let rows = read_back(&out, "Rows");
    assert_eq!(rows[4][9], Data::String("y".into()), "{:?}", rows[4]);
    // With nothing to confirm, no dues to confirm either.
    let args = ["--lang", "en", "--network-strategy", "no", "-o"];
    let (_, stderr, _) = batch(&input, &[&args[..], &[out.to_str().unwrap()]].concat());
    let summary = read_back(&out, "Summary");
    let confirm = summary
        .iter()
        .find(|r| r[0].to_string().starts_with("To confirm"));
    let confirm: Vec<String> = confirm.unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(confirm[1..], ["0", "", ""], "{stderr}");
}
