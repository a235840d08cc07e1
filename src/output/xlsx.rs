//! `dues batch -o FILE.xlsx`: a workbook to open and sum. The first sheet
//! holds the input's columns — a workbook's cells keep their types, numbers
//! stay numbers and dates dates — then `tier`, `fee` (a number in the
//! currency's format), `fee_basis` and `error`; its header is bold, frozen
//! and filtered, its columns as wide as they need. A second sheet holds the
//! summary, in the user's language. The workbook is built in memory and
//! written whole, once the batch is done.

use std::io;

use dues_core::table::Table;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::outcome::{APPENDED, Appended, appended};
use crate::batch::sheet::{Cell, DateCell};
use crate::batch::{BatchError, Encoding, Header, Outcome, RawRecord, RowSink, Summary, Total};
use crate::i18n::Catalog;
use crate::i18n::batch::row_error;
use crate::i18n::quote::{fee_short, kind_label};
use crate::msg;

/// The rows a sheet holds at most, header included.
const MAX_ROWS: u32 = 1_048_576;
/// The columns a sheet holds at most.
const MAX_COLUMNS: usize = 16_384;
/// The characters a cell holds at most.
const MAX_CHARS: usize = 32_767;
/// No column wider than this many characters.
const MAX_WIDTH: usize = 60;

pub struct XlsxSink<'a> {
    table: &'a Table,
    cat: &'a Catalog,
    sheet: Worksheet,
    /// The next row to write.
    row: u32,
    /// The header's width: appended columns start there.
    width: usize,
    encoding: Encoding,
    /// The widest text of each column, in characters.
    widths: Vec<usize>,
    formats: Formats,
    /// The first failure, kept for the end (a sink's row returns I/O errors).
    failed: Option<BatchError>,
    /// The header's names, to name a column in a failure.
    names: Vec<String>,
    /// The line of the record being written.
    line: u64,
    /// More rows than a sheet holds.
    overflow: bool,
}

struct Formats {
    bold: Format,
    money: Format,
    date: Format,
    datetime: Format,
    time: Format,
}

impl<'a> XlsxSink<'a> {
    pub fn new(table: &'a Table, cat: &'a Catalog) -> Self {
        let symbol = table.currency.symbol.replace('"', "");
        XlsxSink {
            table,
            cat,
            sheet: Worksheet::new(),
            row: 0,
            width: 0,
            encoding: Encoding::Utf8,
            widths: Vec::new(),
            formats: Formats {
                bold: Format::new().set_bold(),
                money: Format::new().set_num_format(format!("#,##0.00 \"{symbol}\"")),
                date: Format::new().set_num_format("yyyy-mm-dd"),
                datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
                time: Format::new().set_num_format("hh:mm:ss"),
            },
            failed: None,
            names: Vec::new(),
            line: 1,
            overflow: false,
        }
    }

    fn note(&mut self, result: Result<(), XlsxError>) {
        if let Err(e) = result {
            self.fail(BatchError::Write(io::Error::other(e)));
        }
    }

    /// Keeps the first failure, for the end.
    fn fail(&mut self, error: BatchError) {
        self.failed.get_or_insert(error);
    }

    /// Whether `text` fits in a cell; if not, the failure is kept, naming
    /// the line and the column (by header, else by number from 1).
    fn fits(&mut self, column: usize, text: &str) -> bool {
        if text.len() <= MAX_CHARS || text.chars().count() <= MAX_CHARS {
            return true;
        }
        // The sheet's columns: the input's, the appended ones, the input's
        // surplus fields (numbered as in the input).
        let name = match column.checked_sub(self.width) {
            None => self.names[column].clone(),
            Some(i) if i < APPENDED.len() => APPENDED[i].to_string(),
            Some(_) => (column - APPENDED.len() + 1).to_string(),
        };
        self.fail(BatchError::XlsxCellTooLong {
            line: self.line,
            column: name,
            chars: text.chars().count(),
        });
        false
    }

    fn widen(&mut self, column: usize, text: &str) {
        if self.widths.len() <= column {
            self.widths.resize(column + 1, 0);
        }
        let chars = text.chars().count().min(MAX_WIDTH);
        self.widths[column] = self.widths[column].max(chars);
    }

    /// One cell of the input, as it was typed.
    fn cell(&mut self, column: usize, cell: &Cell) {
        let (row, col) = (self.row, column as u16);
        if !self.fits(column, &cell.text()) {
            return;
        }
        self.widen(column, &cell.text());
        let f = &self.formats;
        let result = match cell {
            Cell::Empty => Ok(()),
            Cell::Text(s) | Cell::Iso(s) | Cell::Error(s) => {
                self.sheet.write_string(row, col, s).map(drop)
            }
            Cell::Int(i) => self.sheet.write_number(row, col, *i as f64).map(drop),
            Cell::Number(n) => self.sheet.write_number(row, col, *n).map(drop),
            Cell::Bool(b) => self.sheet.write_boolean(row, col, *b).map(drop),
            Cell::Uncomputed(formula) => self
                .sheet
                .write_formula(row, col, formula.as_str())
                .map(drop),
            Cell::Date(d) => match date(d) {
                Ok(when) => {
                    let format = match (d.date, d.time) {
                        (false, _) => &f.time,
                        (true, true) => &f.datetime,
                        (true, false) => &f.date,
                    };
                    self.sheet
                        .write_datetime_with_format(row, col, &when, format)
                        .map(drop)
                }
                Err(_) => self.sheet.write_string(row, col, cell.text()).map(drop),
            },
        };
        self.note(result);
    }

    fn text(&mut self, column: usize, text: &str, format: Option<&Format>) {
        if text.is_empty() || !self.fits(column, text) {
            return;
        }
        self.widen(column, text);
        let (row, col) = (self.row, column as u16);
        let result = match format {
            Some(f) => self
                .sheet
                .write_string_with_format(row, col, text, f)
                .map(drop),
            None => self.sheet.write_string(row, col, text).map(drop),
        };
        self.note(result);
    }

    /// The workbook, with its summary sheet: its bytes, or why it could not
    /// be made.
    pub fn workbook(mut self, summary: &Summary) -> Result<Vec<u8>, BatchError> {
        if self.overflow {
            return Err(BatchError::TooManyRowsForXlsx);
        }
        let last = (self.width + APPENDED.len()).saturating_sub(1) as u16;
        for (column, width) in std::mem::take(&mut self.widths).iter().enumerate() {
            let result = self
                .sheet
                .set_column_width(column as u16, (*width + 2) as f64)
                .map(drop);
            self.note(result);
        }
        let result = self.sheet.set_freeze_panes(1, 0).map(drop);
        self.note(result);
        let last_row = self.row.saturating_sub(1);
        let result = self.sheet.autofilter(0, 0, last_row, last).map(drop);
        self.note(result);
        let result = self
            .sheet
            .set_name(msg!(self.cat, "xlsx-rows-sheet"))
            .map(drop);
        self.note(result);
        if let Some(failed) = self.failed {
            return Err(failed);
        }
        let mut book = Workbook::new();
        book.push_worksheet(self.sheet);
        let summary = summary_sheet(self.cat, self.table, summary, &self.formats)
            .map_err(|e| BatchError::Write(io::Error::other(e)))?;
        book.push_worksheet(summary);
        book.save_to_buffer()
            .map_err(|e| BatchError::Write(io::Error::other(e)))
    }
}

/// A cell's date, for the workbook.
fn date(d: &DateCell) -> Result<ExcelDateTime, XlsxError> {
    if !d.date {
        return ExcelDateTime::from_hms(u16::from(d.hour), d.minute, d.second);
    }
    ExcelDateTime::from_ymd(d.year, d.month, d.day)?.and_hms(u16::from(d.hour), d.minute, d.second)
}

impl RowSink for XlsxSink<'_> {
    fn header(&mut self, header: &Header) -> Result<(), BatchError> {
        if header.names.len() + APPENDED.len() > MAX_COLUMNS {
            return Err(BatchError::XlsxTooWide {
                line: 1,
                columns: header.names.len(),
            });
        }
        self.width = header.names.len();
        self.names = header.names.to_vec();
        self.encoding = header.dialect.encoding;
        let bold = self.formats.bold.clone();
        for (i, name) in header.names.iter().enumerate() {
            self.text(i, name, Some(&bold));
        }
        for (i, name) in APPENDED.iter().enumerate() {
            self.text(self.width + i, name, Some(&bold));
        }
        self.row = 1;
        Ok(())
    }

    fn row(&mut self, record: &RawRecord, outcome: &Outcome) -> io::Result<()> {
        // Empty lines before the record: blank rows.
        self.row += u32::try_from(record.blank_lines).unwrap_or(u32::MAX);
        if self.row >= MAX_ROWS {
            self.overflow = true;
            return Ok(());
        }
        self.line = record.line;
        if record.len() + APPENDED.len() > MAX_COLUMNS {
            self.fail(BatchError::XlsxTooWide {
                line: record.line,
                columns: record.len(),
            });
            return Ok(());
        }
        let width = self.width;
        let column_of = |i: usize| if i < width { i } else { i + APPENDED.len() };
        match record.cells {
            Some(cells) => {
                for (i, cell) in cells.iter().enumerate() {
                    self.cell(column_of(i), cell);
                }
            }
            None => {
                for i in 0..record.len() {
                    let text = self.encoding.decode_lossy(record.field(i)).into_owned();
                    self.text(column_of(i), &text, None);
                }
            }
        }
        let fields = match outcome {
            Outcome::Priced(p) => Appended::Tier(p.tier),
            Outcome::Blank => Appended::Blank,
            Outcome::Error(e) => Appended::Error(row_error(self.cat, self.table, e)),
        };
        let values = appended(self.table, fields);
        for (i, value) in values.iter().enumerate() {
            let column = width + i;
            match (i, outcome, value) {
                // The fee: a number Excel can sum, in the currency's format.
                (1, Outcome::Priced(p), Some(_)) => {
                    let fee = self.table.tiers[p.tier].fee.amount;
                    let amount = number(fee);
                    self.widen(
                        column,
                        &format!("{amount:.2} {}", self.table.currency.symbol),
                    );
                    let (row, col, money) = (self.row, column as u16, self.formats.money.clone());
                    let result = self
                        .sheet
                        .write_number_with_format(row, col, amount, &money)
                        .map(drop);
                    self.note(result);
                }
                (_, _, Some(text)) => self.text(column, text, None),
                (_, _, None) => {}
            }
        }
        self.row += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The summary sheet, written a line at a time.
struct Lines<'f> {
    sheet: Worksheet,
    row: u32,
    formats: &'f Formats,
}

impl Lines<'_> {
    /// A heading: `first`, then rows, dues from, dues to.
    fn head(&mut self, first: &str, heading: &[String; 3]) -> Result<(), XlsxError> {
        let bold = &self.formats.bold;
        self.sheet
            .write_string_with_format(self.row, 0, first, bold)?;
        for (i, text) in heading.iter().enumerate() {
            self.sheet
                .write_string_with_format(self.row, 1 + i as u16, text, bold)?;
        }
        self.row += 1;
        Ok(())
    }

    /// A line: a label, a count of rows, dues from the least to the most
    /// (the most left empty when open above).
    fn line(&mut self, label: &str, rows: u64, dues: Option<Total>) -> Result<(), XlsxError> {
        let (row, money) = (self.row, &self.formats.money);
        self.sheet.write_string(row, 0, label)?;
        self.sheet.write_number(row, 1, rows as f64)?;
        if let Some(total) = dues {
            self.sheet
                .write_number_with_format(row, 2, number(total.min), money)?;
            if let Some(max) = total.max {
                self.sheet
                    .write_number_with_format(row, 3, number(max), money)?;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// A line of text alone: what the figures rest on, a warning.
    fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        self.sheet.write_string(self.row, 0, text)?;
        self.row += 1;
        Ok(())
    }

    fn skip(&mut self) {
        self.row += 1;
    }
}

/// An exact amount as the binary number a spreadsheet cell holds.
fn number(amount: rust_decimal::Decimal) -> f64 {
    amount.to_string().parse().unwrap_or(0.0)
}

/// The summary sheet: per tier and per kind the rows and dues, from the
/// least to the most (empty where open above: a minimum fee), then the rows
/// to confirm, blank, in error (by reason), and the total.
fn summary_sheet(
    cat: &Catalog,
    table: &Table,
    summary: &Summary,
    formats: &Formats,
) -> Result<Worksheet, XlsxError> {
    let mut lines = Lines {
        sheet: Worksheet::new(),
        row: 0,
        formats,
    };
    lines.sheet.set_name(msg!(cat, "xlsx-summary-sheet"))?;
    // The answer assumed for rows without their own, before the figures
    // that rest on it.
    if let Some(answer) = summary.network_strategy {
        let answer = crate::i18n::quote::strategy_answer(cat, Some(answer));
        lines.note(&msg!(cat, "summary-strategy-given", answer = answer))?;
        lines.skip();
    }
    let heading = [
        msg!(cat, "summary-rows"),
        msg!(cat, "xlsx-dues-from"),
        msg!(cat, "xlsx-dues-to"),
    ];
    lines.head(&msg!(cat, "view-tier"), &heading)?;
    for (i, tier) in table.tiers.iter().enumerate() {
        let label = msg!(
            cat,
            "summary-tier",
            label = cat.table_text(&tier.label),
            fee = fee_short(cat, table, tier)
        );
        lines.line(&label, summary.per_tier[i], summary.tier_dues(table, i))?;
    }
    lines.skip();
    lines.head(&msg!(cat, "view-kind"), &heading)?;
    for (k, &rows) in summary.per_kind.iter().enumerate().filter(|(_, n)| **n > 0) {
        lines.line(&kind_label(cat, table, k), rows, Some(summary.kind_dues(k)))?;
    }
    lines.skip();
    let undecided = summary.undecided_rows();
    let dues = (undecided > 0)
        .then(|| summary.undecided_dues(table))
        .flatten();
    lines.line(&msg!(cat, "summary-undecided"), undecided, dues)?;
    lines.line(&msg!(cat, "summary-blank"), summary.blank, None)?;
    lines.line(&msg!(cat, "summary-errors"), summary.errors, None)?;
    for group in &summary.errors_by_code {
        let reason = super::human::reason(cat, group.code);
        lines.line(&format!("• {reason} ({})", group.code), group.count, None)?;
    }
    lines.skip();
    let total = msg!(cat, "summary-total");
    lines.line(&total, summary.rows, summary.total(table))?;
    if !summary.warnings.is_empty() {
        lines.skip();
    }
    for warning in &summary.warnings {
        lines.note(&crate::i18n::batch::warning(cat, table, warning))?;
    }
    lines.sheet.set_column_width(0, 60)?;
    for column in 1..=3 {
        lines.sheet.set_column_width(column, 16)?;
    }
    Ok(lines.sheet)
}
