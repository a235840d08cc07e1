//! One record priced: its fields checked, decoded and quoted through the very
//! same [`quote_with`] as `dues quote`; the tier, or a typed [`RowError`].

use dues_core::classify::{QuoteError, Request, quote_with};
use dues_core::table::{Table, UnknownKind};

use super::columns::Columns;
use super::dialect::Encoding;
use super::reader::RawRecord;

/// Why a row could not be priced, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A quote opened in the row is never closed: it swallowed every line
    /// after it (the output closes it, to keep the columns apart).
    UnclosedQuote,
    /// Fewer fields than the header (the output pads the row).
    TooFewFields { got: usize, width: usize },
    /// More fields than the header, some of them not empty.
    TooManyFields { got: usize, width: usize },
    /// A field that is not UTF-8 (a Windows-1252 file read as UTF-8).
    NotUtf8 { column: String },
    /// The quote itself failed; `column`: the column at fault, `None` for a
    /// strategy answer the file has no column for.
    Quote {
        column: Option<String>,
        error: QuoteError,
    },
}

/// The pricing of a file's records.
pub struct Pricer<'t> {
    table: &'t Table,
    columns: Columns,
    headers: &'t [String],
    encoding: Encoding,
    kinds: KindCache,
}

impl<'t> Pricer<'t> {
    pub fn new(
        table: &'t Table,
        columns: Columns,
        headers: &'t [String],
        encoding: Encoding,
    ) -> Self {
        Pricer {
            table,
            columns,
            headers,
            encoding,
            kinds: KindCache::default(),
        }
    }

    /// Prices one record: the tier's index, or why not.
    pub fn price(&mut self, record: &RawRecord) -> Result<usize, RowError> {
        let fail = |problem| RowError {
            line: record.line,
            problem,
        };
        let width = self.headers.len();
        let got = record.len();
        if record.unclosed_quote {
            return Err(fail(RowProblem::UnclosedQuote));
        }
        if got < width {
            return Err(fail(RowProblem::TooFewFields { got, width }));
        }
        // Surplus fields that are all empty (Excel's trailing `;`) hide no value.
        if (width..got).any(|i| !record.field(i).is_empty()) {
            return Err(fail(RowProblem::TooManyFields { got, width }));
        }
        let field = |i: usize| {
            self.encoding.decode(record.field(i)).ok_or_else(|| {
                fail(RowProblem::NotUtf8 {
                    column: self.headers[i].clone(),
                })
            })
        };
        let columns = self.columns;
        let budget = field(columns.budget)?;
        let kind = field(columns.kind)?;
        let strategy = columns.strategy.map(field).transpose()?;
        let kind_bytes = record.field(columns.kind);
        let (table, kinds) = (self.table, &mut self.kinds);
        let request = Request {
            budget: &budget,
            kind: &kind,
            strategy: strategy.as_deref(),
        };
        let outcome = quote_with(table, request, |name| {
            kinds.get(kind_bytes, || table.kind(name))
        });
        outcome.map(|q| q.tier).map_err(|error| {
            let column = match &error {
                QuoteError::Budget(_) => Some(columns.budget),
                QuoteError::Kind(_) => Some(columns.kind),
                QuoteError::Strategy(_) | QuoteError::StrategyRequired { .. } => columns.strategy,
            };
            let column = column.map(|c| self.headers[c].clone());
            fail(RowProblem::Quote { column, error })
        })
    }
}

/// The kinds met so far, by their bytes in the file: a column holds a handful
/// of spellings, so a short list beats folding and hashing every row. Capped,
/// so that a file of typos keeps memory flat.
#[derive(Default)]
struct KindCache(Vec<(Vec<u8>, usize)>);

impl KindCache {
    const CAP: usize = 64;

    fn get(
        &mut self,
        bytes: &[u8],
        look_up: impl FnOnce() -> Result<usize, UnknownKind>,
    ) -> Result<usize, UnknownKind> {
        if let Some((_, k)) = self.0.iter().find(|(b, _)| b == bytes) {
            return Ok(*k);
        }
        let k = look_up()?;
        if self.0.len() < Self::CAP {
            self.0.push((bytes.to_vec(), k));
        }
        Ok(k)
    }
}
