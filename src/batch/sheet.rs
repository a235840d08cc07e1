//! Spreadsheets in: `.xlsx`, `.xlsm`, `.xls`, `.ods` (and `.xlsb`), known by
//! their content — a zip or an OLE2 container — not only by their name,
//! read whole with calamine. One sheet is priced: the one `--sheet` names,
//! else the one whose header names the columns a quote needs. Its rows
//! become CSV (UTF-8, RFC 4180) for the batch to read as it reads any
//! file, beside the cells as they were typed — numbers, dates, booleans —
//! for the budget to be read exactly and for a workbook out to keep them.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

use super::columns::Columns;
use super::dialect::{Dialect, Encoding, LineEnding, Opened};
use super::{BatchError, Options};

/// A zip (xlsx, xlsm, xlsb, ods) or an OLE2 container (xls, or a workbook
/// protected by a password).
const ZIP: &[u8] = b"PK\x03\x04";
const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The names a spreadsheet goes by.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether bytes that start so are a spreadsheet's.
pub fn looks_like(start: &[u8]) -> bool {
    start.starts_with(ZIP) || start.starts_with(OLE2)
}

/// A date of a cell, as its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateCell {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// It has a time of day, not only a date.
    pub time: bool,
}

/// A cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    Date(DateCell),
    /// A date, a time or a duration as ISO 8601 text (ods), or a duration.
    Iso(String),
    /// An error value (`#DIV/0!`).
    Error(String),
}

impl Cell {
    fn from_data(data: &Data) -> Cell {
        match data {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Int(*i),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(d) if d.is_datetime() => {
                let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
                let time = hour + minute + second > 0;
                Cell::Date(DateCell {
                    year,
                    month,
                    day,
                    hour,
                    minute,
                    second,
                    time,
                })
            }
            Data::DateTime(d) => Cell::Number(d.as_f64()),
            Data::DateTimeIso(s) => iso_date(s).map_or_else(|| Cell::Iso(s.clone()), Cell::Date),
            Data::DurationIso(s) => Cell::Iso(s.clone()),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }

    /// The cell as text, as a CSV holds it: a number in its shortest
    /// decimal form (`1499999.99`), a date in ISO 8601.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) | Cell::Iso(s) | Cell::Error(s) => Cow::Borrowed(s),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Number(f) => Cow::Owned(format!("{f}")),
            Cell::Bool(true) => Cow::Borrowed("TRUE"),
            Cell::Bool(false) => Cow::Borrowed("FALSE"),
            Cell::Date(d) if d.time => Cow::Owned(format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                d.year, d.month, d.day, d.hour, d.minute, d.second
            )),
            Cell::Date(d) => Cow::Owned(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        }
    }
}

/// An ISO 8601 date, with or without a time of day (`2026-01-15`,
/// `2026-01-15T10:30:00`), as an ods holds it.
fn iso_date(text: &str) -> Option<DateCell> {
    let date: jiff::civil::DateTime = text
        .parse()
        .or_else(|_| {
            text.parse::<jiff::civil::Date>()
                .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        })
        .ok()?;
    let (hour, minute, second) = (date.hour(), date.minute(), date.second());
    Some(DateCell {
        year: u16::try_from(date.year()).ok()?,
        month: u8::try_from(date.month()).ok()?,
        day: u8::try_from(date.day()).ok()?,
        hour: u8::try_from(hour).ok()?,
        minute: u8::try_from(minute).ok()?,
        second: u8::try_from(second).ok()?,
        time: text.contains('T'),
    })
}

/// The sheet to price: its name, and its rows from the header on (the
/// first row that is not empty), every row as wide as the widest.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// The workbook in `bytes`, its sheet to price chosen.
pub fn read(bytes: Vec<u8>, options: &Options) -> Result<Sheet, BatchError> {
    let protected = bytes.starts_with(OLE2);
    let mut book: Sheets<_> = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| BatchError::SheetUnreadable { protected })?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(BatchError::Empty);
    }
    let mut rows_of = |name: &str| -> Result<Vec<Vec<Cell>>, BatchError> {
        let range = book
            .worksheet_range(name)
            .map_err(|_| BatchError::SheetUnreadable { protected })?;
        Ok(rows(&range))
    };
    if let Some(wanted) = &options.sheet {
        let name = sheet_named(&names, wanted)?;
        let rows = rows_of(&name)?;
        return Ok(Sheet { name, rows });
    }
    let mut found: Vec<Sheet> = Vec::new();
    let mut first = None;
    for name in &names {
        let rows = rows_of(name)?;
        let header: Vec<String> = rows
            .first()
            .map(|r| r.iter().map(|c| c.text().into_owned()).collect())
            .unwrap_or_default();
        let sheet = Sheet {
            name: name.clone(),
            rows,
        };
        if Columns::find(&header, options).is_ok() {
            found.push(sheet);
        } else if first.is_none() {
            first = Some(sheet);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        // None names its columns: the first sheet, for the batch to say
        // which columns are missing there.
        0 => first.ok_or(BatchError::Empty),
        _ => Err(BatchError::AmbiguousSheet {
            sheets: found.into_iter().map(|s| s.name).collect(),
        }),
    }
}

/// The sheet `--sheet` names: by its name, else by its number from 1.
fn sheet_named(names: &[String], wanted: &str) -> Result<String, BatchError> {
    if let Some(name) = names.iter().find(|n| *n == wanted) {
        return Ok(name.clone());
    }
    let number = wanted.trim().parse::<usize>().ok();
    match number.filter(|n| (1..=names.len()).contains(n)) {
        Some(n) => Ok(names[n - 1].clone()),
        None => Err(BatchError::NoSuchSheet {
            wanted: wanted.to_string(),
            sheets: names.to_vec(),
        }),
    }
}

/// The cells of a range, its first row the header: calamine starts a range
/// at its first cell that is not empty, so empty rows above are left out.
fn rows(range: &Range<Data>) -> Vec<Vec<Cell>> {
    range
        .rows()
        .map(|row| row.iter().map(Cell::from_data).collect())
        .collect()
}

/// The sheet as CSV: `delimiter` between fields, a field quoted when it
/// holds the delimiter, a quote or a line break (RFC 4180), CRLF after
/// each row. A row of one empty field is `""`, not an empty line.
pub fn to_csv(sheet: &Sheet, delimiter: u8) -> Vec<u8> {
    let mut out = Vec::new();
    for row in &sheet.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            let text = cell.text();
            let special = |b: u8| b == delimiter || matches!(b, b'"' | b'\r' | b'\n');
            if text.bytes().any(special) || (row.len() == 1 && text.is_empty()) {
                out.push(b'"');
                out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
                out.push(b'"');
            } else {
                out.extend_from_slice(text.as_bytes());
            }
        }
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A workbook opened for [`super::run`]: its sheet as CSV to read, and its
/// cells beside.
pub fn open(bytes: Vec<u8>, options: &Options) -> Result<Opened<'static>, BatchError> {
    let sheet = read(bytes, options)?;
    let delimiter = options.delimiter.unwrap_or(b',');
    let csv = to_csv(&sheet, delimiter);
    let sample = csv[..csv.len().min(super::SNIFF_BYTES)].to_vec();
    let dialect = Dialect {
        delimiter,
        encoding: Encoding::Utf8,
        bom: false,
        line_ending: LineEnding::CrLf,
    };
    Ok(Opened {
        dialect,
        reader: Box::new(Cursor::new(csv)),
        sample,
        sheet: Some(sheet),
    })
}

/// Every cell of a sheet's row as typed, for a record of the batch.
pub fn cells_of(sheet: &Sheet, record: usize) -> Option<&[Cell]> {
    sheet.rows.get(record).map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_text_the_way_a_csv_holds_them() {
        assert_eq!(Cell::Number(1_499_999.99).text(), "1499999.99");
        assert_eq!(Cell::Number(10_000_000.0).text(), "10000000");
        assert_eq!(Cell::Int(-3).text(), "-3");
        assert_eq!(Cell::Bool(true).text(), "TRUE");
        let date = DateCell {
            year: 2024,
            month: 3,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            time: false,
        };
        assert_eq!(Cell::Date(date).text(), "2024-03-01");
    }

    #[test]
    fn a_sheet_becomes_rfc_4180_csv() {
        let sheet = Sheet {
            name: "Feuil1".into(),
            rows: vec![
                vec![Cell::Text("nom".into()), Cell::Text("budget".into())],
                vec![Cell::Text("A, \"B\"".into()), Cell::Number(2.5)],
                vec![Cell::Empty, Cell::Empty],
            ],
        };
        assert_eq!(
            String::from_utf8(to_csv(&sheet, b',')).unwrap(),
            "nom,budget\r\n\"A, \"\"B\"\"\",2.5\r\n,\r\n"
        );
    }
}
