//! Spreadsheets in: `.xlsx`, `.xlsm`, `.xls`, `.ods` (and `.xlsb`), known by
//! their content — a zip or an OLE2 container — not only by their name,
//! read whole with calamine. One sheet is priced: the one `--sheet` names,
//! else the one whose header names the columns a quote needs. Its rows
//! become CSV (UTF-8, RFC 4180) for the batch to read as it reads any
//! file, beside the cells as they were typed — numbers, dates, booleans —
//! for the budget to be read exactly and for a workbook out to keep them.

use std::borrow::Cow;
use std::io::{Cursor, Read, Seek};

use calamine::{
    Data, DataRef, Reader, SheetType, SheetVisible, Sheets, open_workbook_auto_from_rs,
};
use dues_core::money::number_cell_text;

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
    /// It has a date: `false` for a time of day alone (`09:30:00`).
    pub date: bool,
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
    /// A formula whose value the file does not hold (a workbook written by
    /// a program, never opened in a spreadsheet): its text, `=` first.
    Uncomputed(String),
}

/// The last day a spreadsheet's date reaches (9999-12-31), as a serial
/// number of the 1900 system; a serial past it, or below zero, is no date.
const LAST_SERIAL: f64 = 2_958_466.0;

impl Cell {
    fn from_data(data: &Data) -> Cell {
        match data {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Int(*i),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(d) => excel_date(d),
            Data::DateTimeIso(s) => iso_date(s).map_or_else(|| Cell::Iso(s.clone()), Cell::Date),
            Data::DurationIso(s) => iso_time(s).map_or_else(|| Cell::Iso(s.clone()), Cell::Date),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }

    /// The cell as text, as a CSV holds it: a number as the spreadsheet
    /// shows it (`1499999.99`), a date in ISO 8601.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) | Cell::Iso(s) | Cell::Error(s) | Cell::Uncomputed(s) => Cow::Borrowed(s),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Number(f) => Cow::Owned(number_cell_text(*f).unwrap_or_else(|| format!("{f}"))),
            Cell::Bool(true) => Cow::Borrowed("TRUE"),
            Cell::Bool(false) => Cow::Borrowed("FALSE"),
            Cell::Date(d) => Cow::Owned(d.to_string()),
        }
    }
}

impl std::fmt::Display for DateCell {
    /// ISO 8601: `2024-03-01`, `2024-03-01 09:30:00`, `09:30:00`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.date {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        }
        if self.date && self.time {
            f.write_str(" ")?;
        }
        if self.time {
            write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        }
        Ok(())
    }
}

/// A cell in a date or time format (xlsx, xls): a date, a time of day
/// alone (a serial below 1), or, past the dates a spreadsheet shows, the
/// number it holds.
fn excel_date(d: &calamine::ExcelDateTime) -> Cell {
    let serial = d.as_f64();
    if d.is_duration() || !(0.0..LAST_SERIAL).contains(&serial) {
        return Cell::Number(serial);
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    Cell::Date(DateCell {
        year,
        month,
        day,
        hour,
        minute,
        second,
        time: hour + minute + second > 0 || serial < 1.0,
        date: serial >= 1.0,
    })
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
        date: true,
    })
}

/// A time of day as an ods holds it, a duration under a day
/// (`PT09H30M00S`).
fn iso_time(text: &str) -> Option<DateCell> {
    let span: jiff::Span = text.parse().ok()?;
    let seconds = span.total(jiff::Unit::Second).ok()?;
    if !(0.0..86_400.0).contains(&seconds) || seconds.fract() != 0.0 {
        return None;
    }
    let seconds = seconds as u32;
    Some(DateCell {
        year: 1899,
        month: 12,
        day: 30,
        hour: u8::try_from(seconds / 3600).ok()?,
        minute: u8::try_from(seconds / 60 % 60).ok()?,
        second: u8::try_from(seconds % 60).ok()?,
        time: true,
        date: false,
    })
}

/// The sheet to price: its name, and its rows from the header on (the
/// first row that is not empty), every row as wide as the widest.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// The header's row in the sheet, from 0: the line of a record is its
    /// row as the spreadsheet numbers it.
    pub first_row: u32,
}

impl Sheet {
    /// The row number the spreadsheet shows for record `index` (the header
    /// being 0).
    pub fn line_of(&self, index: usize) -> u64 {
        u64::from(self.first_row) + index as u64 + 1
    }
}

/// More cells than a sheet this tool prices can span (rows × columns,
/// from the first cell used to the last): 20 million, a million rows of
/// twenty columns. A stray cell far below or right of a list (the slip of
/// a Ctrl+End) spans billions.
const MAX_CELLS: u64 = 20_000_000;

/// The workbook in `bytes`, its sheet to price chosen. A workbook that
/// makes the reader fail, however it fails, is refused as unreadable.
pub fn read(bytes: Vec<u8>, options: &Options) -> Result<Sheet, BatchError> {
    let protected = bytes.starts_with(OLE2);
    quietly(|| read_book(bytes, options)).unwrap_or(Err(BatchError::SheetUnreadable { protected }))
}

/// Runs `f`, a panic in it (a damaged file can make a reader panic) caught
/// and silenced: `None`.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.ok()
}

fn read_book(bytes: Vec<u8>, options: &Options) -> Result<Sheet, BatchError> {
    let protected = bytes.starts_with(OLE2);
    let mut book: Sheets<_> = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| BatchError::SheetUnreadable { protected })?;
    let sheets = book.sheets_metadata().to_vec();
    if sheets.is_empty() {
        return Err(BatchError::Empty);
    }
    if let Some(wanted) = &options.sheet {
        let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
        let name = sheet_named(&names, wanted)?;
        return load(&mut book, &name, protected);
    }
    // The visible worksheets: a hidden one is no list to price.
    let shown = sheets
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet);
    let mut found: Vec<Sheet> = Vec::new();
    let mut first = None;
    for meta in shown {
        let sheet = load(&mut book, &meta.name, protected)?;
        let Some(header) = sheet.rows.first() else {
            continue;
        };
        let header: Vec<String> = header.iter().map(|c| c.text().into_owned()).collect();
        if Columns::find(&header, options).is_ok() {
            found.push(sheet);
        } else if first.is_none() {
            first = Some(sheet);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        // None names its columns: the first with rows, for the batch to
        // say which columns are missing there.
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

/// A cell and its place in the sheet, `(row, column)` from 0.
type Placed = ((u32, u32), Cell);

/// A sheet's cells. An xlsx is read cell by cell, its extent checked before
/// any row is laid out; the other formats come whole from calamine.
fn load<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    protected: bool,
) -> Result<Sheet, BatchError> {
    let unreadable = || BatchError::SheetUnreadable { protected };
    let cells = match book {
        Sheets::Xlsx(xlsx) => xlsx_cells(xlsx, name).map_err(|_| unreadable())?,
        other => {
            let range = other.worksheet_range(name).map_err(|_| unreadable())?;
            range
                .used_cells()
                .map(|(row, col, data)| {
                    let start = range.start().unwrap_or_default();
                    (
                        (start.0 + row as u32, start.1 + col as u32),
                        Cell::from_data(data),
                    )
                })
                .collect()
        }
    };
    lay_out(name, cells)
}

/// An xlsx sheet's cells that hold something, with their positions; a
/// formula with no value held is kept as such.
fn xlsx_cells<RS: Read + Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Vec<Placed>, calamine::XlsxError> {
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        other => other?,
    };
    let mut cells = Vec::new();
    while let Some(record) = reader.next_cell_with_formula()? {
        let cell = match (record.value, record.formula) {
            (DataRef::Empty, Some(formula)) if !formula.is_empty() => {
                Cell::Uncomputed(format!("={formula}"))
            }
            (DataRef::Empty, _) => continue,
            (value, _) => Cell::from_data(&Data::from(value)),
        };
        cells.push((record.pos, cell));
    }
    Ok(cells)
}

/// Rows from the first used to the last, columns likewise, every row as
/// wide as the widest; refused past [`MAX_CELLS`].
fn lay_out(name: &str, cells: Vec<Placed>) -> Result<Sheet, BatchError> {
    let rows_of = |p: &Placed| p.0.0;
    let cols_of = |p: &Placed| p.0.1;
    let (Some(top), Some(bottom)) = (
        cells.iter().map(rows_of).min(),
        cells.iter().map(rows_of).max(),
    ) else {
        return Ok(Sheet {
            name: name.to_string(),
            rows: Vec::new(),
            first_row: 0,
        });
    };
    let left = cells.iter().map(cols_of).min().unwrap_or(0);
    let right = cells.iter().map(cols_of).max().unwrap_or(0);
    let (height, width) = (bottom - top + 1, right - left + 1);
    if u64::from(height) * u64::from(width) > MAX_CELLS {
        return Err(BatchError::SheetTooLarge {
            sheet: name.to_string(),
            first: cell_name(top, left),
            last: cell_name(bottom, right),
        });
    }
    let mut rows = vec![vec![Cell::Empty; width as usize]; height as usize];
    for ((row, col), cell) in cells {
        rows[(row - top) as usize][(col - left) as usize] = cell;
    }
    Ok(Sheet {
        name: name.to_string(),
        rows,
        first_row: top,
    })
}

/// A cell's name as a spreadsheet shows it: `A1`, `XFD1048576`.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
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
    // Read ahead as a text file's is: whole, or cut short.
    let sample = super::dialect::read_sample(&mut &csv[..]).map_err(BatchError::Read)?;
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
            date: true,
        };
        assert_eq!(Cell::Date(date).text(), "2024-03-01");
        let nine_thirty = DateCell {
            hour: 9,
            minute: 30,
            time: true,
            date: false,
            ..date
        };
        assert_eq!(Cell::Date(nine_thirty).text(), "09:30:00");
        assert_eq!(Cell::Number(38261.45 + 271378.9).text(), "309640.35");
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(cell_name(9, 26), "AA10");
        assert_eq!(cell_name(0, 51), "AZ1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
        assert_eq!(
            iso_time("PT09H30M00S").map(|d| d.to_string()),
            Some("09:30:00".into())
        );
        // A day or more, or a fraction of a second, is no time of day: the
        // cell keeps the text the ods holds.
        assert!(iso_time("PT24H00M00S").is_none());
        assert!(iso_time("PT09H30M00.5S").is_none());
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
            first_row: 0,
        };
        assert_eq!(
            String::from_utf8(to_csv(&sheet, b',')).unwrap(),
            "nom,budget\r\n\"A, \"\"B\"\"\",2.5\r\n,\r\n"
        );
    }
}
