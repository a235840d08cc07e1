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
- [`price`]: each row through the very same `quote_with` as `dues quote`.

[`run`] drives them and hands every record, in order, with its outcome, to a
[`RowSink`]: the binary's writers, one per output format, write it back with
its fields byte for byte plus `tier`, `fee`, `fee_basis` and `error`. A bad
row is flagged, never dropped. Nothing here words anything: errors are typed.
*/

pub mod columns;
pub mod dialect;
pub mod price;
pub mod reader;
pub mod utf16;

use std::io::{self, Read};

use dues_core::table::{Basis, Table};
use rust_decimal::Decimal;

pub use columns::{Columns, Role};
pub use dialect::{Dialect, Encoding, LineEnding, SNIFF_BYTES, is_utf8, open, sniff};
pub use price::{RowError, RowProblem};
pub use reader::RawRecord;
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
    #[error("missing_column ({role:?})")]
    MissingColumn { role: Role, headers: Vec<String> },
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
    #[error("column_clash ({0})")]
    ColumnClash(String),
    #[error("duplicate_header ({0})")]
    DuplicateHeader(String),
    #[error("reserved_header ({0})")]
    ReservedHeader(String),
    /// `--strict`: the first row in error.
    #[error("strict (line {})", .0.line)]
    Strict(RowError),
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
    /// A record and what became of it: the tier's index, or why not.
    fn row(&mut self, record: &RawRecord, outcome: Result<usize, &RowError>) -> io::Result<()>;
    /// The end: flush what is buffered.
    fn finish(&mut self) -> io::Result<()>;
}

/// What a batch did, for the closing line and `--summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: u64,
    /// Rows per tier, in table order.
    pub per_tier: Vec<u64>,
    pub errors: u64,
    /// The first lines in error (at most [`Summary::LINES_KEPT`]).
    pub error_lines: Vec<u64>,
}

impl Summary {
    pub const LINES_KEPT: usize = 10;

    pub fn priced(&self) -> u64 {
        self.per_tier.iter().sum()
    }

    /// Rows at a minimum fee (to be negotiated).
    pub fn at_minimum(&self, table: &Table) -> u64 {
        table
            .tiers
            .iter()
            .zip(&self.per_tier)
            .filter(|(t, _)| t.fee.basis == Basis::Minimum)
            .map(|(_, n)| n)
            .sum()
    }

    /// The dues of the priced rows, minimum fees counted at their minimum;
    /// `None` past what a decimal holds (the table's bound on fees keeps
    /// that out of reach: 10⁹ € × 2⁶⁴ rows < 7,9 × 10²⁸).
    pub fn total(&self, table: &Table) -> Option<Decimal> {
        table
            .tiers
            .iter()
            .zip(&self.per_tier)
            .try_fold(Decimal::ZERO, |sum, (t, &n)| {
                sum.checked_add(t.fee.amount.checked_mul(Decimal::from(n))?)
            })
    }
}

/// Prices every record of `input` (as [`open`] returned it) into `sink`.
/// `progress` is called now and then with the number of rows done.
pub fn run(
    table: &Table,
    dialect: Dialect,
    input: impl Read,
    sink: &mut dyn RowSink,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let lone_cr = dialect.line_ending == LineEnding::Cr;
    let mut reader = reader::RawReader::new(input, dialect.delimiter, lone_cr);
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
    let mut pricer = price::Pricer::new(table, columns, &names, dialect.encoding);
    let mut summary = Summary {
        per_tier: vec![0; table.tiers.len()],
        ..Summary::default()
    };
    while let Some(record) = reader.read().map_err(BatchError::Read)? {
        let outcome = pricer.price(&record);
        summary.rows += 1;
        match &outcome {
            Ok(tier) => summary.per_tier[*tier] += 1,
            Err(error) if options.strict => return Err(BatchError::Strict(error.clone())),
            Err(_) => {
                summary.errors += 1;
                if summary.error_lines.len() < Summary::LINES_KEPT {
                    summary.error_lines.push(record.line);
                }
            }
        }
        sink.row(&record, outcome.as_ref().map(|t| *t))
            .map_err(BatchError::Write)?;
        if summary.rows.is_multiple_of(1 << 16) {
            progress(summary.rows);
        }
    }
    sink.finish().map_err(BatchError::Write)?;
    Ok(summary)
}
