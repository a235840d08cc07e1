//! CSV: the batch writer, which writes every record back in the input's own
//! dialect with the appended fields, and `dues quote --format csv`.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use dues_core::table::Table;

use super::outcome::{APPENDED, Appended, appended};
use crate::batch::dialect::BOM;
use crate::batch::reader::field_end;
use crate::batch::utf16;
use crate::batch::{BatchError, Encoding, Header, Outcome, RawRecord, RenderRows, RowSink};
use crate::i18n::Catalog;
use crate::i18n::batch::row_error;

/// The batch's CSV writer: each record's own bytes — quoting included — up
/// to the header's width, the appended fields in the same dialect, then any
/// surplus fields, so that read by header every column holds its own.
pub struct CsvSink<'a> {
    /// Before the header: where to write; after: the buffered writer.
    target: Option<Box<dyn Write + 'a>>,
    out: Option<BufWriter<Box<dyn Write + 'a>>>,
    table: &'a Table,
    cat: &'a Catalog,
    encoding: Encoding,
    rows: CsvRows,
}

/// How the batch's CSV writer writes a record, once it has the header: on
/// the thread that writes, or on a worker into memory.
#[derive(Clone)]
pub struct CsvRows {
    delimiter: u8,
    terminator: &'static [u8],
    width: usize,
    /// Per tier, the appended fields as bytes of the output, worked out once;
    /// then those of a blank record.
    tails: Vec<Vec<u8>>,
}

impl CsvRows {
    /// The appended fields of a row priced or blank, as bytes of the output;
    /// `None` for a row in error, whose fields are worded.
    fn known_tail(&self, outcome: &Outcome) -> Option<&[u8]> {
        match outcome {
            Outcome::Priced(p) => Some(&self.tails[p.tier]),
            Outcome::Blank => self.tails.last().map(Vec::as_slice),
            Outcome::Error(_) => None,
        }
    }

    /// Writes a record, then `tail`, its appended fields.
    fn write(&self, out: &mut impl Write, record: &RawRecord, tail: &[u8]) -> io::Result<()> {
        let split = (record.len() > self.width)
            .then(|| field_end(record.raw, self.delimiter, self.width.checked_sub(1)?))
            .flatten();
        let (head, surplus) = record.raw.split_at(split.unwrap_or(record.raw.len()));
        // Empty lines before the record come back empty.
        for _ in 0..record.blank_lines {
            out.write_all(self.terminator)?;
        }
        out.write_all(head)?;
        if record.unclosed_quote && surplus.is_empty() {
            out.write_all(b"\"")?;
        }
        // A short row is padded so that the appended columns line up.
        for _ in record.len()..self.width {
            out.write_all(&[self.delimiter])?;
        }
        out.write_all(tail)?;
        out.write_all(surplus)?;
        if record.unclosed_quote && !surplus.is_empty() {
            out.write_all(b"\"")?;
        }
        out.write_all(self.terminator)
    }
}

impl RenderRows for CsvRows {
    fn render(&self, record: &RawRecord, outcome: &Outcome, out: &mut Vec<u8>) {
        if let Some(tail) = self.known_tail(outcome) {
            // Writing to memory cannot fail.
            let _ = self.write(out, record, tail);
        }
    }
}

impl<'a> CsvSink<'a> {
    pub fn new(output: impl Write + 'a, table: &'a Table, cat: &'a Catalog) -> Self {
        CsvSink {
            target: Some(Box::new(output)),
            out: None,
            table,
            cat,
            encoding: Encoding::Utf8,
            rows: CsvRows {
                delimiter: b',',
                terminator: b"\n",
                width: 0,
                tails: Vec::new(),
            },
        }
    }

    /// The appended fields of an outcome, as bytes of the output: `;tier;fee;basis;error`.
    fn tail(&self, outcome: Appended) -> Vec<u8> {
        let mut tail = Vec::new();
        for (i, field) in appended(self.table, outcome).into_iter().enumerate() {
            let field = field.unwrap_or_default();
            // The `;` dialect is French Excel's: a fee with cents gets a decimal comma.
            let field = if i == 1 && self.rows.delimiter == b';' {
                Cow::Owned(field.replace('.', ","))
            } else {
                field
            };
            let field = self.encoding.encode(&field);
            push_field(&mut tail, &field, self.rows.delimiter);
        }
        tail
    }
}

impl RowSink for CsvSink<'_> {
    fn header(&mut self, header: &Header) -> Result<(), BatchError> {
        let dialect = header.dialect;
        self.rows.delimiter = dialect.delimiter;
        self.rows.terminator = dialect.line_ending.bytes();
        self.encoding = dialect.encoding;
        self.rows.width = header.names.len();
        let tiers = (0..self.table.tiers.len()).map(Appended::Tier);
        self.rows.tails = tiers
            .chain([Appended::Blank])
            .map(|a| self.tail(a))
            .collect();
        let Some(target) = self.target.take() else {
            return Ok(()); // a second header: nothing to do
        };
        // UTF-16 goes back out as it came in.
        let target: Box<dyn Write> = match dialect.encoding {
            Encoding::Utf16(endian) => Box::new(utf16::Encoder::new(target, endian)),
            _ => target,
        };
        let mut out = BufWriter::with_capacity(1 << 16, target);
        let mut write = || -> io::Result<()> {
            if dialect.bom {
                out.write_all(BOM)?;
            }
            out.write_all(header.raw)?;
            for column in APPENDED {
                out.write_all(&[dialect.delimiter])?;
                out.write_all(column.as_bytes())?;
            }
            out.write_all(dialect.line_ending.bytes())
        };
        write().map_err(BatchError::Write)?;
        self.out = Some(out);
        Ok(())
    }

    fn row(&mut self, record: &RawRecord, outcome: &Outcome) -> io::Result<()> {
        let error_tail;
        let tail = match outcome {
            Outcome::Error(e) => {
                error_tail = self.tail(Appended::Error(row_error(self.cat, self.table, e)));
                &error_tail
            }
            // None before the header, when nothing is written anyway.
            _ => self.rows.known_tail(outcome).unwrap_or_default(),
        };
        match self.out.as_mut() {
            Some(out) => self.rows.write(out, record, tail),
            None => Ok(()), // no header: [`crate::batch::run`] always gives one first
        }
    }

    fn renderer(&self) -> Option<Box<dyn RenderRows>> {
        Some(Box::new(self.rows.clone()))
    }

    fn rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.out.as_mut() {
            Some(out) => out.write_all(bytes),
            None => Ok(()),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

/// Appends a delimiter and a field of ours, quoted if it must be.
fn push_field(out: &mut Vec<u8>, field: &[u8], delimiter: u8) {
    out.push(delimiter);
    if field
        .iter()
        .any(|&b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r')
    {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

/// The header of `quote --format csv`: the input, then the appended fields.
pub const QUOTE_HEADER: [&str; 8] = [
    "name",
    "kind",
    "budget",
    "network_strategy",
    "tier",
    "fee",
    "fee_basis",
    "error",
];

/// `quote --format csv`: a header and one row; `input` are its first four
/// fields (name, kind, budget, strategy answer), `outcome` the tier or the
/// error's text.
pub fn quote_csv(table: &Table, input: [&str; 4], outcome: Result<usize, String>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let outcome = outcome.map_or_else(Appended::Error, Appended::Tier);
    let fields = appended(table, outcome);
    let fields = fields.iter().map(|f| f.as_deref().unwrap_or(""));
    let row: Vec<&str> = input.into_iter().chain(fields).collect();
    // Writing to memory cannot fail.
    let _ = writer.write_record(QUOTE_HEADER);
    let _ = writer.write_record(row);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
