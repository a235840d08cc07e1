//! One record priced: its fields checked, decoded and quoted by the very
//! same steps as `dues quote` ([`dues_core::classify::quote_with`]): its
//! budget read with its column's unit and convention, then its kind and
//! answer, then classified (by a [`Classifier`], which remembers); the
//! outcome, or a typed [`RowError`].

use std::borrow::Cow;

use dues_core::classifier::Classifier;
use dues_core::classify::{QuoteError, Request, org};

use dues_core::money::{
    AmountError, AmountProblem, ByteMarks, Reading, amount_from_bytes, from_int_cell,
    from_number_cell, parse_amount_as,
};
use dues_core::table::Table;
use dues_core::text::same_bytes;
use rust_decimal::Decimal;

use super::columns::Columns;
use super::dialect::Encoding;
use super::reader::RawRecord;
use super::sheet::Cell;

/// What became of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Priced(Priced),
    /// Every field empty (the `;;;;;` Excel leaves): neither priced nor an error.
    Blank,
    Error(Box<RowError>),
}

/// A priced row: its tier, kind and budget as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Priced {
    pub tier: usize,
    pub kind: usize,
    pub budget: Decimal,
}

/// Why a row could not be priced, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

impl RowError {
    /// A stable name of the reason, for scripts.
    pub fn code(&self) -> &'static str {
        match &self.problem {
            RowProblem::UnclosedQuote => "unclosed_quote",
            RowProblem::TooFewFields { .. } => "too_few_fields",
            RowProblem::TooManyFields { .. } => "too_many_fields",
            RowProblem::NotUtf8 { .. } => "not_utf8",
            RowProblem::Quote { error, .. } => error.code().as_str(),
        }
    }

    /// The budget and kind the row was read with, when its error came after
    /// (a strategy answer missing): `(budget, kind)`.
    pub fn read(&self) -> Option<(Decimal, usize)> {
        match &self.problem {
            RowProblem::Quote {
                error: QuoteError::StrategyRequired { yes, .. },
                ..
            } => Some((yes.org.budget, yes.org.kind)),
            _ => None,
        }
    }

    /// A row whose strategy answer would decide between two tiers.
    pub fn undecided(&self) -> Option<(usize, usize)> {
        match &self.problem {
            RowProblem::Quote {
                error: QuoteError::StrategyRequired { yes, no },
                ..
            } => Some((yes.tier, no.tier)),
            _ => None,
        }
    }
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
#[derive(Clone)]
pub struct Pricer<'t> {
    pub table: &'t Table,
    pub columns: Columns,
    pub headers: &'t [String],
    pub encoding: Encoding,
    /// How the budget column is read: its unit and convention.
    pub reading: Reading,
    /// The answer for rows that have none (`--network-strategy`).
    pub strategy: Option<bool>,
    kinds: Known<usize>,
    answers: Known<Option<bool>>,
    classifier: Classifier<'t>,
    /// Spaces and currency markers in the file's encoding.
    marks: ByteMarks,
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
            reading: Reading::default(),
            strategy: None,
            kinds: Known::default(),
            answers: Known::default(),
            classifier: Classifier::new(table),
            marks: byte_marks(table, encoding),
        }
    }

    /// What becomes of one record.
    pub fn outcome(&mut self, record: &RawRecord) -> Outcome {
        // Bytes first: a visible ASCII character is no blank; a field of
        // spaces and other bytes (a no-break space?) is decoded to tell.
        let blank = |i: usize| {
            let field = record.field(i);
            if field
                .iter()
                .any(|b| b.is_ascii() && !b.is_ascii_whitespace())
            {
                return false;
            }
            field.is_ascii() || self.encoding.decode_lossy(field).trim().is_empty()
        };
        if (0..record.len()).all(blank) && !record.unclosed_quote {
            return Outcome::Blank;
        }
        match self.price(record) {
            Ok(priced) => Outcome::Priced(priced),
            Err(error) => Outcome::Error(Box::new(error)),
        }
    }

    /// Prices one record: its tier, kind and budget, or why not.
    fn price(&mut self, record: &RawRecord) -> Result<Priced, RowError> {
        let fail = |problem| RowError {
            line: record.line,
            problem,
        };
        self.check_fields(record).map_err(fail)?;
        let field = |i: usize| {
            self.encoding.decode(record.field(i)).ok_or_else(|| {
                fail(RowProblem::NotUtf8 {
                    column: self.headers[i].clone(),
                })
            })
        };
        let columns = self.columns;
        // A workbook's number cell is a number: read exactly, not as text.
        let cell = record.cells.and_then(|cells| cells.get(columns.budget));
        // Most budgets are read from their bytes, with nothing decoded; the
        // others as text, in the same order of checks.
        let read = match cell {
            None | Some(Cell::Text(_)) => {
                amount_from_bytes(record.field(columns.budget), &self.marks, self.reading)
            }
            _ => None,
        };
        let text = match read {
            Some(_) => Cow::Borrowed(""),
            None => field(columns.budget)?,
        };
        // A kind met before is known by its bytes, which decoded then.
        let kind_bytes = record.field(columns.kind);
        let known = self.kinds.find(kind_bytes);
        let kind = match known {
            Some(_) => Cow::Borrowed(""),
            None => field(columns.kind)?,
        };
        let (strategy, unknown_answer) = self.answer(record, field)?;
        // The budget first, then the kind and the answer, as `dues quote`.
        let budget = read.map_or_else(|| self.read_budget(&text, cell), Ok);
        let table = self.table;
        let (kinds, answers) = (&mut self.kinds, &mut self.answers);
        let request = Request {
            budget: &text,
            kind: &kind,
            strategy: strategy.as_deref(),
        };
        let kind_of = |name: &str| match known {
            Some(k) => Ok(k),
            None => table.kind(name).inspect(|&k| kinds.remember(kind_bytes, k)),
        };
        let outcome = budget
            .map_err(QuoteError::Budget)
            .and_then(|budget| org(budget, request, kind_of))
            .inspect(|org| {
                if let Some(bytes) = unknown_answer {
                    answers.remember(bytes, org.strategy);
                }
            })
            .and_then(|org| self.classifier.classify(org));
        let priced = |q: dues_core::classify::Quote| Priced {
            tier: q.tier,
            kind: q.org.kind,
            budget: q.org.budget,
        };
        outcome
            .map(priced)
            .map_err(|error| fail(self.at_fault(error)))
    }

    /// The record's strategy answer, in words the parser reads: its own,
    /// else the one given for all (`--network-strategy`), else none. An
    /// answer met before is known by its bytes, not decoded again; the
    /// bytes of one not met before come back, to be remembered once read.
    fn answer<'r>(
        &self,
        record: &RawRecord<'r>,
        field: impl Fn(usize) -> Result<Cow<'r, str>, RowError>,
    ) -> Result<Answer<'r>, RowError> {
        let word = |yes| Cow::Borrowed(if yes { "yes" } else { "no" });
        let Some(column) = self.columns.strategy else {
            return Ok((self.strategy.map(word), None));
        };
        let bytes = record.field(column);
        if let Some(known) = self.answers.find(bytes) {
            return Ok((known.map(word), None));
        }
        let own = field(column)?;
        let answer = match own.trim() {
            "" => self.strategy.map(word),
            _ => Some(own),
        };
        Ok((answer, Some(bytes)))
    }

    /// A budget not read from its bytes: a workbook's number cell, or text.
    fn read_budget(&self, text: &str, cell: Option<&Cell>) -> Result<Decimal, AmountError> {
        match cell {
            Some(Cell::Number(value)) => from_number_cell(*value, self.reading),
            Some(Cell::Int(value)) => from_int_cell(*value, self.reading),
            Some(Cell::Uncomputed(formula)) => Err(AmountError {
                value: formula.clone(),
                problem: AmountProblem::Uncomputed,
            }),
            _ => parse_amount_as(text, &self.table.currency.accepted, self.reading),
        }
    }

    /// A record whose fields line up with the header's: no quote left
    /// open, none missing, none past it but empty ones.
    fn check_fields(&self, record: &RawRecord) -> Result<(), RowProblem> {
        let width = self.headers.len();
        let got = record.len();
        if record.unclosed_quote {
            return Err(RowProblem::UnclosedQuote);
        }
        if got < width {
            return Err(RowProblem::TooFewFields { got, width });
        }
        // Surplus fields that are all empty (Excel's trailing `;`) hide no value.
        if (width..got).any(|i| !record.field(i).is_empty()) {
            return Err(RowProblem::TooManyFields { got, width });
        }
        Ok(())
    }

    /// A quote's error, with the column at fault.
    fn at_fault(&self, error: QuoteError) -> RowProblem {
        let columns = self.columns;
        let column = match &error {
            QuoteError::Budget(_) => Some(columns.budget),
            QuoteError::Kind(_) => Some(columns.kind),
            QuoteError::Strategy(_) | QuoteError::StrategyRequired { .. } => columns.strategy,
        };
        let column = column.map(|c| self.headers[c].clone());
        RowProblem::Quote { column, error }
    }
}

/// A record's strategy answer, in words the parser reads (see
/// [`Pricer::answer`]), and its bytes if not met before.
type Answer<'r> = (Option<Cow<'r, str>>, Option<&'r [u8]>);

/// Fields met so far, by their bytes in the file, and what they were read
/// as (a kind, a strategy answer): a column holds a handful of spellings, so
/// a short list beats decoding, folding and hashing every row. Capped, so
/// that a file of typos keeps memory flat.
#[derive(Clone)]
struct Known<T>(Vec<(Vec<u8>, T)>);

impl<T> Default for Known<T> {
    fn default() -> Self {
        Known(Vec::new())
    }
}

impl<T: Copy> Known<T> {
    const CAP: usize = 64;

    /// What these bytes were read as, if met before.
    fn find(&self, bytes: &[u8]) -> Option<T> {
        self.0
            .iter()
            .find(|(b, _)| same_bytes(b, bytes))
            .map(|(_, v)| *v)
    }

    /// Bytes not met before, and what they were read as.
    fn remember(&mut self, bytes: &[u8], value: T) {
        if self.0.len() < Self::CAP {
            self.0.push((bytes.to_vec(), value));
        }
    }
}

/// The spaces that group digits and the table's currency markers, as the
/// file writes them: in its encoding, those it can write.
fn byte_marks(table: &Table, encoding: Encoding) -> ByteMarks {
    let bytes = |text: &str| encoding.exact_bytes(text);
    ByteMarks {
        spaces: [" ", "\u{a0}", "\u{202f}", "\u{2009}"]
            .into_iter()
            .filter_map(bytes)
            .collect(),
        currency: table
            .currency
            .accepted
            .iter()
            .filter_map(|marker| bytes(marker))
            .collect(),
    }
}
