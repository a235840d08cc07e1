/*!
Batch pricing: a CSV of prospects in, the same rows out with their dues.

What people have is mostly French Excel: `;`, Windows-1252 or UTF-8 with a BOM,
CRLF, `1 500 000,00 €`. This module reads that as it is, one concern a module:

- [`dialect`]: BOM, encoding (UTF-16 by its BOM, else strict UTF-8 first,
  Windows-1252 only when the bytes are not UTF-8), line ending and delimiter,
  worked out from the first bytes;
- [`reader`]: one record at a time, its raw bytes sliced from the read buffer,
  so memory stays flat whatever the size of the file;
- [`columns`]: which column is the name, kind, budget, strategy answer;
- [`price`]: each row by the very same steps as `dues quote`.

[`run`] drives them and hands every record, in order, with its outcome, to a
[`RowSink`]: the binary's writers, one per output format, write it back with
its fields byte for byte plus `tier`, `fee`, `fee_basis` and `error`. A bad
row is flagged, never dropped. Nothing here words anything: errors are typed.
*/

pub mod columns;
pub mod convention;
pub mod dialect;
mod parallel;
pub mod price;
pub mod reader;
mod scan;
pub mod sheet;
pub mod summary;
pub mod utf16;

use std::borrow::Cow;
use std::io;

use dues_core::money::{Mark, Reading, Unit};
use dues_core::table::Table;
use rust_decimal::Decimal;

pub use columns::{Columns, HeaderUnit, Role};
pub use dialect::{
    Dialect, Encoding, LineEnding, Named, Opened, SNIFF_BYTES, is_utf8, open, sniff, whole,
};
pub use price::{Outcome, Priced, RowError, RowProblem};
pub use reader::RawRecord;
pub use summary::{ErrorGroup, Summary, Total, Undecided};
pub use utf16::Endian;

/// The columns a batch appends to every row, in order: names that scripts
/// read, the same in every language.
pub const APPENDED: [&str; 4] = ["tier", "fee", "fee_basis", "error"];

/// What the user forced; `None` everywhere means: work it out.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub delimiter: Option<u8>,
    pub encoding: Option<Encoding>,
    pub name_column: Option<String>,
    pub kind_column: Option<String>,
    pub budget_column: Option<String>,
    pub strategy_column: Option<String>,
    /// Stop at the first row in error.
    pub strict: bool,
    /// The unit of the budget column's plain numbers (wins over its header's).
    pub budget_unit: Option<Unit>,
    /// The file's decimal mark, `,` or `.`.
    pub decimal_mark: Option<char>,
    /// The strategy answer for rows without their own.
    pub network_strategy: Option<bool>,
    /// A workbook's sheet to price, by name or number from 1.
    pub sheet: Option<String>,
    /// How many threads price the rows; `None`: one per core, up to 4; 1:
    /// none but the thread that reads them.
    pub threads: Option<usize>,
}

/// What a batch tells once, beside its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchWarning {
    /// Most budgets of a column with no unit read below their kind's floor
    /// of plausible budgets: perhaps thousands or millions. `example`, of
    /// kind `kind` (an index), is below `floor`.
    SmallBudgets {
        column: String,
        example: String,
        kind: usize,
        small: u64,
        of: u64,
        floor: Decimal,
    },
    /// A column's own values show that `mark` groups thousands there, which
    /// settles values such as `850,000`.
    Convention {
        column: String,
        mark: char,
        example: String,
    },
}

impl BatchWarning {
    /// A stable name, for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            BatchWarning::SmallBudgets { .. } => "small_budgets",
            BatchWarning::Convention { .. } => "convention",
        }
    }
}

/// Why a batch could not start, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("empty")]
    Empty,
    #[error("utf16_without_bom")]
    Utf16WithoutBom { big_endian: bool },
    #[error("binary")]
    Binary,
    /// The input starts with a UTF-16 BOM, but another encoding was forced.
    #[error("utf16_forced")]
    Utf16Forced,
    #[error("unclosed_header_quote (line {0})")]
    UnclosedHeaderQuote(u64),
    #[error("ambiguous_delimiter")]
    AmbiguousDelimiter(u8, u8),
    #[error("missing_columns ({roles:?})")]
    MissingColumns {
        roles: Vec<Role>,
        headers: Vec<String>,
    },
    #[error("no_such_column ({wanted})")]
    NoSuchColumn {
        role: Role,
        wanted: String,
        headers: Vec<String>,
    },
    #[error("ambiguous_column ({first}, {second})")]
    AmbiguousColumn {
        role: Role,
        first: String,
        second: String,
    },
    /// A file that looks like a workbook (or is named as one) but cannot be
    /// read as one; `protected`: an OLE2 container, as a workbook under a
    /// password is.
    #[error("sheet_unreadable")]
    SheetUnreadable { protected: bool },
    /// `--sheet` names no sheet of the workbook.
    #[error("no_such_sheet ({wanted})")]
    NoSuchSheet { wanted: String, sheets: Vec<String> },
    /// A sheet whose cells span more than a list's: from `first` to `last`
    /// (a stray cell far from the list?).
    #[error("sheet_too_large ({sheet})")]
    SheetTooLarge {
        sheet: String,
        first: String,
        last: String,
    },
    /// `--sheet` for a text file, which has none.
    #[error("sheet_of_text")]
    SheetOfText,
    /// `--encoding` for a workbook, whose cells have none.
    #[error("encoding_of_workbook")]
    EncodingOfWorkbook,
    /// A field longer than a workbook's cell holds (32 767 characters).
    #[error("xlsx_cell_too_long (line {line})")]
    XlsxCellTooLong {
        line: u64,
        column: String,
        chars: usize,
    },
    /// More fields than a workbook's sheet has columns for (16 384, the
    /// four appended ones included).
    #[error("xlsx_too_wide (line {line})")]
    XlsxTooWide { line: u64, columns: usize },
    /// More rows than a workbook's sheet holds (1 048 576).
    #[error("too_many_rows_for_xlsx")]
    TooManyRowsForXlsx,
    /// More than one sheet names the columns a quote needs.
    #[error("ambiguous_sheet")]
    AmbiguousSheet { sheets: Vec<String> },
    /// The budget header names two scales (`Budget (k€, en millions)`).
    #[error("header_units ({header})")]
    HeaderUnits {
        header: String,
        first: Unit,
        second: Unit,
    },
    #[error("column_clash ({0})")]
    ColumnClash(String),
    #[error("duplicate_header ({0})")]
    DuplicateHeader(String),
    #[error("reserved_header ({0})")]
    ReservedHeader(String),
    /// `--strict`: the first row in error, and what was read until it.
    #[error("strict (line {})", .0.line)]
    Strict(Box<RowError>, Box<Summary>),
    /// The input could not be read.
    #[error(transparent)]
    Read(io::Error),
    /// The output could not be written.
    #[error(transparent)]
    Write(io::Error),
}

/// A header row, as the sinks see it.
pub struct Header<'a> {
    /// Its bytes as in the file, without the line ending.
    pub raw: &'a [u8],
    /// Its fields as text (invalid UTF-8 shown replaced).
    pub names: &'a [String],
    pub dialect: Dialect,
}

/// Where priced rows go: one implementation per output format.
pub trait RowSink {
    /// The header, once, before any row; a sink may refuse it.
    fn header(&mut self, header: &Header) -> Result<(), BatchError>;
    /// A record and what became of it.
    fn row(&mut self, record: &RawRecord, outcome: &Outcome) -> io::Result<()>;
    /// The end: flush what is buffered.
    fn finish(&mut self) -> io::Result<()>;
    /// How workers may write this sink's rows into memory, for
    /// [`RowSink::rendered`] to write out in order; `None`: each row is
    /// given to [`RowSink::row`].
    fn renderer(&self) -> Option<Box<dyn RenderRows>> {
        None
    }
    /// Rows a [`RowSink::renderer`] wrote, to write out as they are.
    fn rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        let _ = bytes;
        Err(io::ErrorKind::Unsupported.into())
    }
}

/// A sink's rows written into memory, on any thread.
pub trait RenderRows: Send + Sync {
    /// Appends what the sink writes of a record priced or blank. Never given
    /// a row in error: that is worded, which only the sink does.
    fn render(&self, record: &RawRecord, outcome: &Outcome, out: &mut Vec<u8>);
}

/// Prices every record of `input` (as [`open`] returned it) into `sink`.
/// `progress` is called now and then with the number of rows done.
pub fn run(
    table: &Table,
    input: Opened,
    sink: &mut dyn RowSink,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let dialect = input.dialect;
    let lone_cr = dialect.line_ending == LineEnding::Cr;
    let mut reader = reader::RawReader::new(input.reader, dialect.delimiter, lone_cr);
    let Some(header) = reader.read().map_err(BatchError::Read)? else {
        return Err(BatchError::Empty);
    };
    if header.unclosed_quote {
        return Err(BatchError::UnclosedHeaderQuote(header.line));
    }
    let names: Vec<String> = (0..header.len())
        .map(|i| dialect.encoding.decode_lossy(header.field(i)).into_owned())
        .collect();
    let columns = Columns::find(&names, options)?;
    sink.header(&Header {
        raw: header.raw,
        names: &names,
        dialect,
    })?;
    let mut summary = Summary::new(table);
    summary.network_strategy = options.network_strategy;
    summary.sheet = input.sheet.as_ref().map(|s| s.name.clone());
    let mut pricer = price::Pricer::new(table, columns, &names, dialect.encoding);
    let learnt = budget_reading(&input.sample, dialect, &names, columns, options)?;
    pricer.reading = learnt.reading;
    pricer.strategy = options.network_strategy;
    let mut tally = Tally {
        count: Count {
            table,
            budget: columns.budget,
            encoding: dialect.encoding,
            summary,
            notes: Notes::new(learnt),
        },
        strict: options.strict,
        sink,
        progress: &mut progress,
    };
    // Asked only of a long input: asking the system has a cost.
    let threads = || options.threads.unwrap_or_else(parallel::threads);
    match input.sheet {
        Some(sheet) => one_by_one(&mut reader, &mut pricer, &mut tally, Some(&sheet))?,
        // Chunks are cut at line feeds, which old Mac files have none of.
        None if lone_cr || !workers_pay(&input.sample, threads) => {
            one_by_one(&mut reader, &mut pricer, &mut tally, None)?
        }
        None => parallel::run(
            reader.into_rest(),
            dialect.delimiter,
            &pricer,
            &mut tally,
            threads(),
        )?,
    }
    tally.sink.finish().map_err(BatchError::Write)?;
    let mut summary = tally.count.summary;
    summary.warnings = tally.count.notes.warnings(&names[columns.budget]);
    Ok(summary)
}

/// Whether pricing on `threads` workers beats pricing on the reading thread:
/// not for an input its `sample` holds whole. Speed alone: both write the
/// same bytes.
fn workers_pay(sample: &[u8], threads: impl FnOnce() -> usize) -> bool {
    !whole(sample) && threads() > 1
}

/// Prices the records of `reader` one after the other, on this thread;
/// `sheet`: the workbook's cells of each.
fn one_by_one<R: io::Read>(
    reader: &mut reader::RawReader<R>,
    pricer: &mut price::Pricer,
    tally: &mut Tally,
    sheet: Option<&sheet::Sheet>,
) -> Result<(), BatchError> {
    let mut index = 0;
    while let Some(mut record) = reader.read().map_err(BatchError::Read)? {
        index += 1;
        if let Some(sheet) = sheet {
            record.cells = sheet::cells_of(sheet, index);
            record.line = sheet.line_of(index);
        }
        let outcome = pricer.outcome(&record);
        tally.take(&record, &outcome)?;
    }
    Ok(())
}

/// What becomes of each priced record, in order: counted, noted, written.
struct Tally<'s> {
    count: Count<'s>,
    strict: bool,
    sink: &'s mut dyn RowSink,
    progress: &'s mut dyn FnMut(u64),
}

impl Tally<'_> {
    /// A record and its outcome; `--strict` stops at the first row in error.
    fn take(&mut self, record: &RawRecord, outcome: &Outcome) -> Result<(), BatchError> {
        if let (Outcome::Error(error), true) = (outcome, self.strict) {
            let count = &mut self.count;
            count.take(record, outcome);
            count.summary.stopped_at = Some(error.line);
            let summary = std::mem::replace(&mut count.summary, Summary::new(count.table));
            return Err(BatchError::Strict(error.clone(), Box::new(summary)));
        }
        self.count.take(record, outcome);
        self.sink.row(record, outcome).map_err(BatchError::Write)?;
        if self.count.summary.rows.is_multiple_of(1 << 14) {
            (self.progress)(self.count.summary.rows);
        }
        Ok(())
    }

    /// What a worker counted of the rows it wrote (priced or blank), which
    /// come before the rows it left.
    fn take_counted(&mut self, counted: Counted) {
        let before = self.count.summary.rows;
        self.count.absorb(counted);
        let after = self.count.summary.rows;
        if before >> 14 != after >> 14 {
            (self.progress)(after);
        }
    }
}

/// What a batch counts and notes of its records: the whole input's, or
/// the part a worker priced, to be added in order.
struct Count<'t> {
    table: &'t Table,
    budget: usize,
    encoding: Encoding,
    summary: Summary,
    notes: Notes,
}

impl<'t> Count<'t> {
    /// A record and its outcome.
    fn take(&mut self, record: &RawRecord, outcome: &Outcome) {
        let (table, summary) = (self.table, &mut self.summary);
        summary.rows += 1 + record.blank_lines;
        summary.blank += record.blank_lines;
        match outcome {
            Outcome::Priced(p) => {
                summary.priced_row(p.tier, p.kind);
                let budget = || self.encoding.decode_lossy(record.field(self.budget));
                self.notes.see(table, p, record.field(self.budget), budget);
            }
            Outcome::Blank => summary.blank += 1,
            Outcome::Error(error) => summary.error_row(error, error.undecided()),
        }
    }

    /// A count of the same input from nothing: a worker's.
    fn fresh(&self) -> Count<'t> {
        Count {
            table: self.table,
            budget: self.budget,
            encoding: self.encoding,
            summary: Summary::new(self.table),
            notes: self.notes.fresh(),
        }
    }

    /// Takes what was counted since the last call, or since it was made.
    fn split(&mut self) -> Counted {
        let fresh = self.fresh();
        let counted = std::mem::replace(self, fresh);
        (counted.summary, counted.notes)
    }

    /// Adds what another count (of the same input) counted of rows priced
    /// or blank.
    fn absorb(&mut self, (summary, notes): Counted) {
        self.summary.absorb(&summary);
        self.notes.absorb(notes);
    }
}

/// What a [`Count`] counted and noted, taken from it.
type Counted = (Summary, Notes);

/// How the budget column is read, and the marks its values showed.
struct Learnt {
    reading: Reading,
    /// Each mark the sample showed grouping thousands (and nothing else),
    /// with a value that shows it: the convention learnt, to be told.
    marks: Vec<(char, String)>,
}

/// How the budget column is read: the unit the user gave, else its
/// header's (two scales there are refused); the decimal mark the user gave,
/// else what the column's values in the sample show.
fn budget_reading(
    sample: &[u8],
    dialect: Dialect,
    names: &[String],
    columns: Columns,
    options: &Options,
) -> Result<Learnt, BatchError> {
    let header = &names[columns.budget];
    let unit = match (options.budget_unit, columns::header_unit(header)) {
        (Some(unit), _) => Some(unit),
        (None, HeaderUnit::None) => None,
        (None, HeaderUnit::One(unit)) => Some(unit),
        (None, HeaderUnit::Conflict(first, second)) => {
            return Err(BatchError::HeaderUnits {
                header: header.clone(),
                first,
                second,
            });
        }
    };
    if let Some(mark) = options.decimal_mark {
        let reading = Reading {
            unit,
            ..Reading::decimal_mark(mark)
        };
        return Ok(Learnt {
            reading,
            marks: Vec::new(),
        });
    }
    let column = sample_column(sample, dialect, columns.budget);
    let reading = Reading {
        unit,
        ..column.reading()
    };
    let marks = [(',', reading.comma), ('.', reading.dot)]
        .into_iter()
        .filter(|(_, role)| *role == Some(Mark::Group))
        .filter_map(|(mark, _)| Some((mark, column.example(mark)?)))
        .collect();
    Ok(Learnt { reading, marks })
}

/// The budget column's values in the sample. A sample cut short of the end
/// of the input leaves its last record cut too: it is left out.
fn sample_column(sample: &[u8], dialect: Dialect, budget: usize) -> convention::Column {
    let cut_short = !whole(sample);
    // Only values are read here, no line numbers: the line ending is csv's.
    let mut records = reader::RawReader::new(sample, dialect.delimiter, false);
    let _header = records.read();
    let mut column = convention::Column::default();
    // The last record's value, seen once another record follows it.
    let mut last: Option<String> = None;
    while let Ok(Some(record)) = records.read() {
        if let Some(value) = last.take() {
            column.see(&value);
        }
        // A value with neither `,` nor `.` shows no convention.
        last = (budget < record.len())
            .then(|| record.field(budget))
            .filter(|value| memchr::memchr2(b',', b'.', value).is_some())
            .map(|value| dialect.encoding.decode_lossy(value).into_owned());
    }
    if let Some(value) = last.filter(|_| !cut_short) {
        column.see(&value);
    }
    column
}

/// What a batch notes as it prices, to tell once at the end: budgets too
/// small for their kind, and values a learnt convention settled.
struct Notes {
    scale: Scale,
    unit_named: bool,
    /// The learnt marks, and whether a value of the run needed one.
    marks: Vec<(char, String, bool)>,
}

impl Notes {
    fn new(learnt: Learnt) -> Self {
        Notes {
            scale: Scale::default(),
            unit_named: learnt.reading.unit.is_some(),
            marks: learnt
                .marks
                .into_iter()
                .map(|(m, e)| (m, e, false))
                .collect(),
        }
    }

    /// Notes a priced row; `budget` gives its budget as written, decoded
    /// only when a note needs it.
    /// A priced row, its budget's bytes, and its budget as text.
    fn see<'r>(
        &mut self,
        table: &Table,
        priced: &Priced,
        bytes: &[u8],
        budget: impl Fn() -> Cow<'r, str>,
    ) {
        if !self.unit_named {
            self.scale.see(table, priced, &budget);
        }
        // Only a learnt mark is told, and only once a value needed it.
        let unsettled = self.marks.iter().any(|(.., settled)| !settled);
        if !unsettled || !convention::may_be_ambiguous(bytes) {
            return;
        }
        if let convention::Shape::Ambiguous(mark) = convention::shape(&budget()) {
            for (learnt, _, settled) in &mut self.marks {
                *settled |= *learnt == mark;
            }
        }
    }

    /// Notes from nothing, of the same input: its learnt marks, and which
    /// values already needed one.
    fn fresh(&self) -> Notes {
        Notes {
            scale: Scale::default(),
            unit_named: self.unit_named,
            marks: self.marks.clone(),
        }
    }

    /// Adds the notes of the rows that follow those noted.
    fn absorb(&mut self, part: Notes) {
        self.scale.small += part.scale.small;
        self.scale.of += part.scale.of;
        if self.scale.example.is_none() {
            self.scale.example = part.scale.example;
        }
        for (mark, (.., settled)) in self.marks.iter_mut().zip(part.marks) {
            mark.2 |= settled;
        }
    }

    fn warnings(self, column: &str) -> Vec<BatchWarning> {
        let settled = self.marks.into_iter().filter(|(.., settled)| *settled);
        let mut warnings: Vec<BatchWarning> = settled
            .map(|(mark, example, _)| BatchWarning::Convention {
                column: column.to_string(),
                mark,
                example,
            })
            .collect();
        warnings.extend(self.scale.warning(column));
        warnings
    }
}

/// Budgets below their kind's floor of plausible budgets, in a column with
/// no unit: most of them, and the list was perhaps written in k€ or M€.
#[derive(Default)]
struct Scale {
    small: u64,
    of: u64,
    /// The first small one: as written, its kind and the kind's floor.
    example: Option<(String, usize, Decimal)>,
}

impl Scale {
    fn see<'r>(&mut self, table: &Table, priced: &Priced, written: impl Fn() -> Cow<'r, str>) {
        let Some(floor) = table.kinds[priced.kind].budget_floor else {
            return;
        };
        self.of += 1;
        if priced.budget < floor {
            self.small += 1;
            self.example
                .get_or_insert_with(|| (written().into_owned(), priced.kind, floor));
        }
    }

    fn warning(self, column: &str) -> Option<BatchWarning> {
        let (example, kind, floor) = self.example?;
        (self.small * 2 > self.of).then(|| BatchWarning::SmallBudgets {
            column: column.to_string(),
            example,
            kind,
            small: self.small,
            of: self.of,
            floor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `.` is in the budget column of `rows` after a header, the
    /// sample cut right after them (`cut`: a MiB and a byte) or the whole input.
    fn dot_of(rows: &str, cut: bool) -> Option<Mark> {
        let mut sample = b"nom,budget\n".to_vec();
        let filler = b"Sarlat,1000\n";
        if cut {
            let lines = (SNIFF_BYTES + 1 - sample.len() - rows.len()) / filler.len() - 1;
            sample.extend(filler.repeat(lines));
            // One more, its name padded to fill the sample to its size.
            let left = SNIFF_BYTES + 1 - sample.len() - rows.len();
            sample.extend(b"Sarlat");
            sample.extend(vec![b' '; left - filler.len()]);
            sample.extend(b",1000\n");
        } else {
            sample.extend(filler);
        }
        sample.extend(rows.as_bytes());
        assert_eq!(sample.len() == SNIFF_BYTES + 1, cut);
        let dialect = Dialect {
            delimiter: b',',
            encoding: Encoding::Utf8,
            bom: false,
            line_ending: LineEnding::Lf,
        };
        sample_column(&sample, dialect, 1).reading().dot
    }

    #[test]
    fn the_last_record_of_a_sample_cut_short_shows_nothing_the_others_do() {
        // Whole, its last record counts: `.` groups thousands there.
        assert_eq!(dot_of("Brive,1.500.000", false), Some(Mark::Group));
        // Cut short, the last record may be cut: it shows nothing.
        assert_eq!(dot_of("Brive,1.500.000", true), None);
        // The record before it counts, whatever the last one holds.
        assert_eq!(dot_of("Brive,1.500.000\nTulle", true), Some(Mark::Group));
    }
}
