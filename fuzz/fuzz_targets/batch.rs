//! The batch reader and writer, over arbitrary bytes and every dialect:
//! rows out equal rows in, every field comes back byte for byte (read by
//! header, surplus fields after the appended ones), a blank record comes
//! back blank, and a priced row's tier and fee are what `dues quote` gives
//! for its fields, read with the unit its header names and the convention
//! its column shows.
#![no_main]

use std::sync::OnceLock;

use csv::ByteRecord;
use dues::batch::{self, Columns, Encoding, Endian, Options, RowSink};
use dues::i18n::Catalog;
use dues::output::csv::CsvSink;
use dues::output::jsonl::JsonlSink;
use dues_core::Table;
use dues::batch::columns::{HeaderUnit, header_unit};
use dues::batch::convention;
use dues_core::classify::{Request, quote_with};
use dues_core::money::{Reading, machine};
use dues_core::text::Lang;
use libfuzzer_sys::fuzz_target;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let source = include_str!("../../tiers-2022.toml");
        dues_core::load(source, "tiers-2022.toml").expect("the built-in table")
    })
}

fn catalog() -> &'static Catalog {
    // A catalogue is not `Sync`; libFuzzer runs on one thread.
    thread_local!(static CATALOG: &'static Catalog = Box::leak(Box::new(Catalog::new(Lang::Fr))));
    CATALOG.with(|c| *c)
}

fn records(bytes: &[u8], delimiter: u8) -> Vec<ByteRecord> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .byte_records()
        .map(|r| r.expect("csv reads what dues wrote"))
        .collect()
}

/// UTF-16 compared as the UTF-8 the batch works on.
fn as_text(bytes: &[u8], encoding: Encoding) -> Vec<u8> {
    let utf16 = match encoding {
        Encoding::Utf16(Endian::Little) => encoding_rs::UTF_16LE,
        Encoding::Utf16(Endian::Big) => encoding_rs::UTF_16BE,
        _ => return bytes.to_vec(),
    };
    let body = bytes.get(2..).unwrap_or_default();
    let body = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        body
    } else {
        bytes
    };
    utf16.decode_without_bom_handling(body).0.into_owned().into_bytes()
}

fn decode(field: &[u8], encoding: Encoding) -> Option<String> {
    match encoding {
        Encoding::Windows1252 => Some(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(field)
                .0
                .into_owned(),
        ),
        _ => String::from_utf8(field.to_vec()).ok(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, input)) = data.split_first() else {
        return;
    };
    let options = Options {
        delimiter: [None, Some(b','), Some(b';'), Some(b'\t')][usize::from(choice & 3)],
        ..Options::default()
    };
    let jsonl = choice & 4 != 0;
    let Ok(opened) = batch::open(Box::new(input), &options, dues::batch::Named::Csv, || Ok(true)) else {
        return;
    };
    let dialect = opened.dialect;
    let mut output = Vec::new();
    let summary = {
        let mut sink: Box<dyn RowSink> = if jsonl {
            Box::new(JsonlSink::new(&mut output, table(), catalog()))
        } else {
            Box::new(CsvSink::new(&mut output, table(), catalog()))
        };
        batch::run(table(), opened, sink.as_mut(), &options, |_| {})
    };
    let Ok(summary) = summary else {
        return;
    };
    if jsonl {
        let lines = output.split(|&b| b == b'\n').filter(|l| !l.is_empty());
        for line in lines.clone() {
            serde_json_check(line);
        }
        assert_eq!(lines.count() as u64, summary.rows);
        // (every row, empty lines included, is one object)
        return;
    }
    let d = dialect.delimiter;
    let rows_in = records(&as_text(input, dialect.encoding), d);
    let rows_out = records(&as_text(&output, dialect.encoding), d);
    assert_eq!(rows_in.len(), rows_out.len(), "rows in = rows out");
    // Empty lines come back empty: csv skips them on both sides, the
    // summary counts them as blank rows.
    assert!(summary.rows + 1 >= rows_out.len() as u64);
    let width = rows_in[0].len();
    assert_eq!(&rows_out[0].iter().collect::<Vec<_>>()[..width], &rows_in[0].iter().collect::<Vec<_>>()[..]);
    let headers: Vec<String> = rows_in[0]
        .iter()
        .map(|h| {
            decode(h, dialect.encoding)
                .unwrap_or_else(|| String::from_utf8_lossy(h).into_owned())
        })
        .collect();
    let columns = Columns::find(&headers, &options).expect("the run found them");
    // The input is smaller than the sample the run learns its convention from.
    let mut shown = convention::Column::default();
    for row in rows_in.iter().skip(1) {
        if let Some(field) = row.get(columns.budget) {
            let text = decode(field, dialect.encoding)
                .unwrap_or_else(|| String::from_utf8_lossy(field).into_owned());
            shown.see(&text);
        }
    }
    let reading = Reading {
        unit: match header_unit(&headers[columns.budget]) {
            HeaderUnit::One(unit) => Some(unit),
            _ => None,
        },
        ..shown.reading()
    };
    for (row_in, row_out) in rows_in.iter().zip(&rows_out).skip(1) {
        let fin: Vec<&[u8]> = row_in.iter().collect();
        let fout: Vec<&[u8]> = row_out.iter().collect();
        let kept = fin.len().min(width);
        assert_eq!(fout[..kept], fin[..kept], "fields by header");
        assert!(fout[kept..width].iter().all(|f| f.is_empty()), "padding");
        assert_eq!(fout[width + 4..], fin[kept..], "surplus fields after the quote");
        let tier = fout[width];
        let blank = |f: &&[u8]| decode(f, dialect.encoding).is_some_and(|t| t.trim().is_empty());
        // (A quote left open at the end makes the last record an error,
        // whatever it holds.)
        let last = std::ptr::eq(row_in, rows_in.last().expect("a header"));
        if fin.iter().all(blank) {
            if !last {
                assert!(fout[width..width + 4].iter().all(|f| f.is_empty()), "blank stays blank");
            }
            continue;
        }
        if tier.is_empty() {
            assert!(!fout[width + 3].is_empty(), "a row is priced or flagged");
            continue;
        }
        let field = |i: usize| decode(fin[i], dialect.encoding).expect("a priced field decodes");
        let strategy = columns.strategy.map(field);
        let request = Request {
            budget: &field(columns.budget),
            kind: &field(columns.kind),
            strategy: strategy.as_deref(),
        };
        let q = quote_with(table(), request, reading, |name| table().kind(name))
            .expect("what a batch priced, dues quote prices");
        let t = &table().tiers[q.tier];
        assert_eq!(tier, t.id.as_bytes());
        let fee = machine(t.fee.amount);
        let fee = if d == b';' { fee.replace('.', ",") } else { fee };
        assert_eq!(fout[width + 1], fee.as_bytes());
    }
});

fn serde_json_check(line: &[u8]) {
    assert!(line.starts_with(b"{") && line.ends_with(b"}"), "one object a line");
}
