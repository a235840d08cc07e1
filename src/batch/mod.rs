/*!
Batch pricing: a CSV of prospects in, the same rows out with their dues.

What people have is mostly French Excel: `;`, Windows-1252 or UTF-8 with a BOM,
CRLF, `1 500 000,00 €`. This module reads that as it is and writes back the
same dialect ([`Dialect`]), so the file goes back into Excel with its accents:

- the dialect is sniffed from the first bytes ([`sniff`]): BOM, encoding (strict
  UTF-8 first, Windows-1252 only when the bytes are not UTF-8), line ending,
  and the delimiter that gives the most consistent field count;
- the columns are found by header ([`Columns::find`]), in French or English;
- every row goes through the very same [`quote_with`] as `dues quote`;
- every row is written back, in order, with its fields byte for byte, plus
  `tier`, `fee`, `fee_basis` and `error`. A bad row is flagged, never dropped.

It streams: a [`RawReader`] hands out one record at a time, its raw bytes
sliced from the read buffer, and fields are decoded only where they are read,
so memory stays flat whatever the size of the file.
*/

mod utf16;

use std::borrow::Cow;
use std::io::{self, Cursor, Read, Write};

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs::WINDOWS_1252;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::classify::{QuoteError, Request, quote_with};
use crate::money::machine;
use crate::render::{OUTCOME_COLUMNS, error_message};
use crate::text::{Lang, fold};
use crate::tiers::{Basis, Table, UnknownKind};

pub use utf16::Endian;

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How many bytes are read ahead to sniff the dialect.
pub const SNIFF_BYTES: usize = 1 << 20;
/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    /// Excel's « Texte Unicode »: read as UTF-8 and written back as UTF-16.
    Utf16(Endian),
}

impl Encoding {
    /// The encoding of the bytes the batch works on: UTF-16 is turned into
    /// UTF-8 as it is read, and back as it is written.
    fn text(self) -> Encoding {
        match self {
            Encoding::Utf16(_) => Encoding::Utf8,
            other => other,
        }
    }
}

/// How a CSV file is written; the output mirrors the input's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    pub encoding: Encoding,
    pub bom: bool,
    pub line_ending: LineEnding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    /// Old Mac files: a lone CR.
    Cr,
}

impl LineEnding {
    fn bytes(self) -> &'static [u8] {
        match self {
            LineEnding::Lf => b"\n",
            LineEnding::CrLf => b"\r\n",
            LineEnding::Cr => b"\r",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Csv,
    Jsonl,
}

/// What the user forced; `None` everywhere means: work it out.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub delimiter: Option<u8>,
    pub encoding: Option<Encoding>,
    pub name_column: Option<String>,
    pub kind_column: Option<String>,
    pub budget_column: Option<String>,
    pub strategy_column: Option<String>,
    pub format: Format,
    pub strict: bool,
    pub lang: Lang,
}

/// Why a batch could not start, or stopped (`--strict`).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("the input is empty: a CSV needs at least a header line")]
    Empty,
    #[error(
        "the input looks like UTF-16 ({}) without a byte-order mark; read it with \
         --encoding {}",
        if *big_endian { "big-endian" } else { "little-endian" },
        if *big_endian { "utf-16be" } else { "utf-16le" }
    )]
    Utf16WithoutBom { big_endian: bool },
    #[error(
        "the input holds NUL bytes, so it is not a text CSV (a spreadsheet? save it as CSV first)"
    )]
    Binary,
    #[error(
        "line {0}: a quote opened in the header is never closed, so the whole file went into \
         one header field; close the quote"
    )]
    UnclosedHeaderQuote(u64),
    #[error(
        "cannot tell the delimiter: {0} split the first lines equally well; say which with \
         --delimiter"
    )]
    AmbiguousDelimiter(String),
    #[error("no {role} column; headers found: {headers}{hint}")]
    MissingColumn {
        role: &'static str,
        headers: String,
        hint: String,
    },
    #[error("{flag} `{wanted}` names no column; headers found: {headers}")]
    NoSuchColumn {
        flag: &'static str,
        wanted: String,
        headers: String,
    },
    #[error(
        "columns {first} and {second} could both be the {role} column; say which with --{role}-column"
    )]
    AmbiguousColumn {
        role: &'static str,
        first: String,
        second: String,
    },
    #[error(
        "the input already has a column `{0}`; dues appends the columns tier, fee, fee_basis and \
         error, so rename that column first"
    )]
    ColumnClash(String),
    #[error(
        "header `{0}` appears twice; JSON objects need distinct keys (rename one, or use --format csv)"
    )]
    DuplicateHeader(String),
    #[error(
        "header `{0}` is the name JSON lines give the fields past the header's width; rename \
         that column, or use --format csv"
    )]
    ReservedHeader(String),
    #[error("{0}")]
    Strict(String),
    /// The input could not be read.
    #[error(transparent)]
    Read(io::Error),
    /// The output could not be written.
    #[error(transparent)]
    Write(io::Error),
}

/// Is the whole of `reader` strict UTF-8? Reads it once, in constant memory.
pub fn is_utf8(mut reader: impl Read) -> io::Result<bool> {
    let mut buf = vec![0; 1 << 16];
    let mut carry = 0;
    loop {
        let n = reader.read(&mut buf[carry..])?;
        if n == 0 {
            return Ok(carry == 0);
        }
        let filled = carry + n;
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => carry = 0,
            // A character cut at the end of the buffer: keep its bytes for the next read.
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Reads up to [`SNIFF_BYTES`] of `source`.
fn read_sample(source: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut sample = Vec::new();
    source.take(SNIFF_BYTES as u64).read_to_end(&mut sample)?;
    Ok(sample)
}

const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Opens an input for [`run`]: works out its dialect from its first bytes,
/// and returns it with the rows to read, past any BOM and, for UTF-16,
/// decoded to UTF-8. `tsv`: the file is named `.tsv`. `rest_is_utf8`: asked
/// only when the first MiB is plain ASCII (a file can be scanned to its end;
/// a pipe cannot be read twice).
pub fn open<'a>(
    mut source: Box<dyn Read + 'a>,
    options: &Options,
    tsv: bool,
    rest_is_utf8: impl FnOnce() -> io::Result<bool>,
) -> Result<(Dialect, Box<dyn Read + 'a>), BatchError> {
    let mut sample = read_sample(&mut source).map_err(BatchError::Read)?;
    let utf16 = match options.encoding {
        Some(Encoding::Utf16(endian)) => Some(endian),
        Some(_) => None,
        None if sample.starts_with(UTF16_LE_BOM) => Some(Endian::Little),
        None if sample.starts_with(UTF16_BE_BOM) => Some(Endian::Big),
        None => None,
    };
    let Some(endian) = utf16 else {
        let at_eof = sample.len() < SNIFF_BYTES;
        let dialect = sniff(&sample, at_eof, options, tsv, rest_is_utf8)?;
        if dialect.bom {
            sample.drain(..BOM.len());
        }
        return Ok((dialect, Box::new(Cursor::new(sample).chain(source))));
    };
    let bom = match endian {
        Endian::Little => UTF16_LE_BOM,
        Endian::Big => UTF16_BE_BOM,
    };
    let has_bom = sample.starts_with(bom);
    if has_bom {
        sample.drain(..bom.len());
    }
    let offset = if has_bom { 2 } else { 0 };
    let mut decoded: Box<dyn Read + 'a> = Box::new(utf16::Decoder::new(
        Cursor::new(sample).chain(source),
        endian,
        offset,
    ));
    let sample = read_sample(&mut decoded).map_err(BatchError::Read)?;
    let at_eof = sample.len() < SNIFF_BYTES;
    let as_utf8 = Options {
        encoding: Some(Encoding::Utf8),
        ..options.clone()
    };
    let mut dialect = sniff(&sample, at_eof, &as_utf8, tsv, || Ok(true))?;
    dialect.encoding = Encoding::Utf16(endian);
    dialect.bom = has_bom;
    Ok((dialect, Box::new(Cursor::new(sample).chain(decoded))))
}

/// Works out the dialect from the first bytes of the input. `at_eof`: the
/// sample is the whole input. `rest_is_utf8`: asked only when the sample is
/// UTF-8 and is not the whole input (a file can be scanned to its end).
pub fn sniff(
    sample: &[u8],
    at_eof: bool,
    options: &Options,
    tsv: bool,
    rest_is_utf8: impl FnOnce() -> io::Result<bool>,
) -> Result<Dialect, BatchError> {
    let bom = sample.starts_with(BOM);
    let body = if bom { &sample[BOM.len()..] } else { sample };
    if body.is_empty() {
        return Err(BatchError::Empty);
    }
    if body.contains(&0) {
        return Err(nul_bytes(body));
    }
    let encoding = match options.encoding {
        Some(e) => e,
        None if bom => Encoding::Utf8,
        None => match std::str::from_utf8(body) {
            Ok(_) if at_eof => Encoding::Utf8,
            Err(e) if at_eof || e.error_len().is_some() => Encoding::Windows1252,
            // Accented letters already seen as valid UTF-8 sequences: Windows-1252
            // text does not form those by chance, so the rest need not be read twice.
            _ if !body.is_ascii() => Encoding::Utf8,
            // Plain ASCII so far says nothing: the first `é` may be further on.
            _ => {
                if rest_is_utf8().map_err(BatchError::Read)? {
                    Encoding::Utf8
                } else {
                    Encoding::Windows1252
                }
            }
        },
    };
    let delimiter = match options.delimiter {
        Some(d) => d,
        None if tsv => b'\t',
        None => sniff_delimiter(body, at_eof)?,
    };
    // The header record's own ending tells the file's: not a line break
    // inside a quoted header cell (Excel writes LF there, CRLF between rows).
    let mut header_end = None;
    scan_fields(body, delimiter, |i, b| {
        let eol = b == b'\n' || b == b'\r';
        if eol {
            header_end = Some(i);
        }
        !eol
    });
    let line_ending = match header_end {
        Some(i) if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') => LineEnding::CrLf,
        Some(i) if body[i] == b'\r' => LineEnding::Cr,
        _ => LineEnding::Lf,
    };
    Ok(Dialect {
        delimiter,
        encoding,
        bom,
        line_ending,
    })
}

/// Why a sample holds NUL bytes, which text never does: UTF-16 read byte by
/// byte has one in every other byte of its ASCII characters.
fn nul_bytes(body: &[u8]) -> BatchError {
    let pairs = body.len().min(4096) / 2;
    let zeros_at = |parity| (0..pairs).filter(|i| body[2 * i + parity] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let mostly = |n: usize| pairs > 0 && n * 3 >= pairs * 2;
    if mostly(odd) && even == 0 {
        BatchError::Utf16WithoutBom { big_endian: false }
    } else if mostly(even) && odd == 0 {
        BatchError::Utf16WithoutBom { big_endian: true }
    } else {
        BatchError::Binary
    }
}

/// Walks `raw` the way csv reads it, calling `outside(i, byte)` for each byte
/// that is not inside a quoted field, until it returns false. Returns whether
/// the walk ended inside a quoted field.
fn scan_fields(raw: &[u8], delimiter: u8, mut outside: impl FnMut(usize, u8) -> bool) -> bool {
    let (mut quoted, mut field_start) = (false, true);
    let mut bytes = raw.iter().copied().enumerate().peekable();
    while let Some((i, b)) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek().is_some_and(|&(_, next)| next == b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if !outside(i, b) {
            return false;
        }
        quoted = b == b'"' && field_start;
        field_start = b == delimiter || b == b'\n' || b == b'\r';
    }
    quoted
}

/// The delimiter whose records agree best with the header's field count.
fn sniff_delimiter(body: &[u8], at_eof: bool) -> Result<u8, BatchError> {
    let mut scored = Vec::new();
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(body);
        let mut counts: Vec<usize> = Vec::new();
        let mut record = ByteRecord::new();
        while counts.len() < SNIFF_RECORDS && reader.read_byte_record(&mut record).unwrap_or(false)
        {
            counts.push(record.len());
        }
        // The last record of a sample cut short may itself be cut.
        if !at_eof && counts.len() > 1 && counts.len() < SNIFF_RECORDS {
            counts.pop();
        }
        let Some(&width) = counts.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == width).count();
        // Agreement as a fraction, compared exactly: agreeing / total.
        scored.push((delimiter, agreeing, counts.len(), width));
    }
    scored.sort_by(|a, b| {
        let (fa, fb) = (a.1 * b.2, b.1 * a.2);
        fb.cmp(&fa).then(b.3.cmp(&a.3))
    });
    match scored.as_slice() {
        [] => Ok(b','),
        [only] => Ok(only.0),
        [best, second, ..] => {
            if best.1 * second.2 == second.1 * best.2 && best.3 == second.3 {
                Err(BatchError::AmbiguousDelimiter(format!(
                    "{} and {}",
                    delimiter_name(best.0),
                    delimiter_name(second.0)
                )))
            } else {
                Ok(best.0)
            }
        }
    }
}

pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".to_string(),
        d => format!("`{}`", d as char),
    }
}

// ─── Columns ─────────────────────────────────────────────────────────────────

const NAME_HEADERS: &[&str] = &[
    "name",
    "nom",
    "organisation",
    "organization",
    "raison sociale",
    "denomination",
    "nom de l organisation",
];
const KIND_HEADERS: &[&str] = &[
    "kind",
    "type",
    "categorie",
    "category",
    "nature",
    "type d organisation",
    "type de structure",
];
const BUDGET_HEADERS: &[&str] = &["budget", "budget annuel", "annual budget"];
const STRATEGY_HEADERS: &[&str] = &[
    "network strategy",
    "strategy",
    "strategie",
    "strategie d entrainement",
];

/// A header as compared: folded, without punctuation such as `(€)`.
fn header_key(header: &str) -> String {
    let folded = fold(header);
    let kept: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the fields a quote needs are, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub name: Option<usize>,
    pub kind: usize,
    pub budget: usize,
    pub strategy: Option<usize>,
}

impl Columns {
    /// Finds the columns in a header, by the user's `--…-column` or by name.
    pub fn find(headers: &[String], options: &Options) -> Result<Columns, BatchError> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let listed = || {
            headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let find = |role: &'static str,
                    flag: &'static str,
                    forced: &Option<String>,
                    known: &[&str]|
         -> Result<Option<usize>, BatchError> {
            if let Some(wanted) = forced {
                let exact = headers.iter().position(|h| h == wanted);
                let loose = || keys.iter().position(|k| *k == header_key(wanted));
                return exact
                    .or_else(loose)
                    .map(Some)
                    .ok_or_else(|| BatchError::NoSuchColumn {
                        flag,
                        wanted: wanted.clone(),
                        headers: listed(),
                    });
            }
            let mut found = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| known.contains(&k.as_str()))
                .map(|(i, _)| i);
            let first = found.next();
            if let (Some(a), Some(b)) = (first, found.next()) {
                return Err(BatchError::AmbiguousColumn {
                    role,
                    first: format!("`{}`", headers[a]),
                    second: format!("`{}`", headers[b]),
                });
            }
            Ok(first)
        };
        let missing = |role: &'static str, flag: &str, known: &[&str]| BatchError::MissingColumn {
            role,
            headers: listed(),
            hint: format!(
                "; a {role} column is headed {} (any case, accents or punctuation), or name it with {flag}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let columns = Columns {
            name: find("name", "--name-column", &options.name_column, NAME_HEADERS)?,
            kind: find("kind", "--kind-column", &options.kind_column, KIND_HEADERS)?
                .ok_or_else(|| missing("kind", "--kind-column", KIND_HEADERS))?,
            budget: find(
                "budget",
                "--budget-column",
                &options.budget_column,
                BUDGET_HEADERS,
            )?
            .ok_or_else(|| missing("budget", "--budget-column", BUDGET_HEADERS))?,
            strategy: find(
                "strategy",
                "--strategy-column",
                &options.strategy_column,
                STRATEGY_HEADERS,
            )?,
        };
        for (header, key) in headers.iter().zip(&keys) {
            if OUTCOME_COLUMNS.iter().any(|c| header_key(c) == *key) {
                return Err(BatchError::ColumnClash(header.clone()));
            }
        }
        Ok(columns)
    }
}

// ─── Running ─────────────────────────────────────────────────────────────────

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

/// Text for the output, in its encoding: Windows-1252 has no `≤` nor U+202F,
/// so those become `<=` and U+00A0 rather than `&#8804;`.
fn encode(text: &str, encoding: Encoding) -> Cow<'_, [u8]> {
    match encoding.text() {
        Encoding::Utf8 | Encoding::Utf16(_) => Cow::Borrowed(text.as_bytes()),
        Encoding::Windows1252 => {
            let text = text
                .replace('≤', "<=")
                .replace('≥', ">=")
                .replace('\u{202f}', "\u{a0}");
            Cow::Owned(WINDOWS_1252.encode(&text).0.into_owned())
        }
    }
}

fn decode(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, ()> {
    match encoding.text() {
        Encoding::Utf8 | Encoding::Utf16(_) => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| ()),
        Encoding::Windows1252 => Ok(WINDOWS_1252.decode_without_bom_handling(bytes).0),
    }
}

/// Per-tier output fields, worked out once: as CSV bytes in the output's
/// encoding and dialect, and as text for JSON.
struct TierFields {
    /// The fields a priced CSV row gets after the header's width: `;tier;fee;basis;`.
    csv_tail: Vec<u8>,
    id: String,
    fee: String,
    basis: &'static str,
}

/// Prices every record of `input` (already past any BOM) into `output`.
/// `progress` is called now and then with the number of rows done.
pub fn run<'o>(
    table: &Table,
    dialect: Dialect,
    input: impl Read,
    output: impl Write + 'o,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut reader = RawReader::new(input, dialect.delimiter, dialect.line_ending);
    let Some(header) = reader.read().map_err(BatchError::Read)? else {
        return Err(BatchError::Empty);
    };
    if header.unclosed_quote {
        return Err(BatchError::UnclosedHeaderQuote(header.line));
    }
    let width = header.len();
    let headers: Vec<String> = (0..width)
        .map(|i| {
            let h = header.field(i);
            decode(h, dialect.encoding).map_or_else(
                |()| String::from_utf8_lossy(h).into_owned(),
                Cow::into_owned,
            )
        })
        .collect();
    let columns = Columns::find(&headers, options)?;
    // UTF-16 is written back as it came; JSON is always UTF-8.
    let output: Box<dyn Write + 'o> = match (dialect.encoding, options.format) {
        (Encoding::Utf16(endian), Format::Csv) => Box::new(utf16::Encoder::new(output, endian)),
        _ => Box::new(output),
    };
    let mut sink = Sink::new(dialect, output, options.format, header.raw, &headers)?;

    let decimal_comma = dialect.delimiter == b';';
    let tier_fields: Vec<TierFields> = table
        .tiers
        .iter()
        .map(|t| {
            let fee = machine(t.fee.amount);
            let fee_bytes = if decimal_comma {
                fee.replace('.', ",")
            } else {
                fee.clone()
            };
            let basis = t.fee.basis.as_str();
            let mut csv_tail = Vec::new();
            for field in [
                &encode(&t.id, dialect.encoding)[..],
                fee_bytes.as_bytes(),
                basis.as_bytes(),
                b"",
            ] {
                push_field(&mut csv_tail, field, dialect.delimiter);
            }
            TierFields {
                csv_tail,
                id: t.id.clone(),
                fee,
                basis,
            }
        })
        .collect();

    let mut summary = Summary {
        per_tier: vec![0; table.tiers.len()],
        ..Summary::default()
    };
    let mut kinds = KindCache::default();
    while let Some(record) = reader.read().map_err(BatchError::Read)? {
        let outcome = price(
            table,
            &record,
            width,
            columns,
            &headers,
            dialect,
            options.lang,
            &mut kinds,
        );
        summary.rows += 1;
        match &outcome {
            Ok(tier) => summary.per_tier[*tier] += 1,
            Err(message) => {
                if options.strict {
                    return Err(BatchError::Strict(message.clone()));
                }
                summary.errors += 1;
                if summary.error_lines.len() < Summary::LINES_KEPT {
                    summary.error_lines.push(record.line);
                }
            }
        }
        sink.write(&record, width, &headers, outcome.map(|t| &tier_fields[t]))
            .map_err(BatchError::Write)?;
        if summary.rows.is_multiple_of(1 << 16) {
            progress(summary.rows);
        }
    }
    sink.finish().map_err(BatchError::Write)?;
    Ok(summary)
}

/// A record as read: its bytes exactly as in the file (without line ending),
/// its unescaped fields, and the line it starts on.
struct RawRecord<'a> {
    raw: &'a [u8],
    fields: &'a [u8],
    ends: &'a [usize],
    line: u64,
    /// A quoted field still open at the end of the file: it swallowed every
    /// line after its opening quote.
    unclosed_quote: bool,
}

impl RawRecord<'_> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.fields[start..self.ends[i]]
    }
}

/// A CSV reader that also keeps each record's raw bytes, so that a batch can
/// write the input back byte for byte — quoting included — and only append.
struct RawReader<R> {
    inner: R,
    core: csv_core::Reader,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    raw: Vec<u8>,
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// Lines consumed before the current record.
    lines: u64,
    delimiter: u8,
    /// Lines end with a lone CR, which csv_core does not count as lines.
    cr_lines: bool,
}

impl<R: Read> RawReader<R> {
    fn new(inner: R, delimiter: u8, line_ending: LineEnding) -> Self {
        RawReader {
            inner,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            buf: vec![0; 1 << 16],
            pos: 0,
            len: 0,
            eof: false,
            raw: Vec::with_capacity(1 << 10),
            fields: vec![0; 1 << 10],
            ends: vec![0; 64],
            lines: 0,
            delimiter,
            cr_lines: line_ending == LineEnding::Cr,
        }
    }

    fn read(&mut self) -> io::Result<Option<RawRecord<'_>>> {
        use csv_core::ReadRecordResult::*;
        // The record's bytes are sliced from the buffer, or, when it spans a
        // refill, gathered in `raw`.
        self.raw.clear();
        let mut begin = self.pos;
        let mut spanning = false;
        let (mut nout, mut nends) = (0, 0);
        let ended_at_eof = loop {
            if self.pos == self.len && !self.eof {
                self.raw.extend_from_slice(&self.buf[begin..self.len]);
                spanning = true;
                self.len = loop {
                    match self.inner.read(&mut self.buf) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
                };
                self.pos = 0;
                begin = 0;
                self.eof = self.len == 0;
            }
            let input = &self.buf[self.pos..self.len];
            let (result, nin, out, end) =
                self.core
                    .read_record(input, &mut self.fields[nout..], &mut self.ends[nends..]);
            self.pos += nin;
            nout += out;
            nends += end;
            match result {
                InputEmpty => continue,
                OutputFull => self.fields.resize(self.fields.len() * 2, 0),
                OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                Record => break input.is_empty(),
                End => return Ok(None),
            }
        };
        if spanning {
            self.raw.extend_from_slice(&self.buf[begin..self.pos]);
        }
        let raw: &[u8] = if spanning {
            &self.raw
        } else {
            &self.buf[begin..self.pos]
        };
        // The raw bytes hold the blank lines before the record (csv skips
        // them) and its line ending: neither belongs to the record.
        let is_eol = |c: &u8| *c == b'\r' || *c == b'\n';
        let start = raw.iter().take_while(|c| is_eol(c)).count();
        let unclosed_quote = ended_at_eof && ends_in_open_quote(&raw[start..], self.delimiter);
        let trailing = if unclosed_quote {
            0
        } else {
            raw[start..].iter().rev().take_while(|c| is_eol(c)).count()
        };
        let end = raw.len() - trailing;
        let line_byte = if self.cr_lines { b'\r' } else { b'\n' };
        let count = |bytes: &[u8]| bytes.iter().filter(|&&c| c == line_byte).count() as u64;
        let line = self.lines + count(&raw[..start]) + 1;
        self.lines = if self.cr_lines {
            self.lines + count(raw)
        } else {
            // csv_core numbers the line it is on, from 1.
            self.core.line() - 1
        };
        Ok(Some(RawRecord {
            raw: &raw[start..end],
            fields: &self.fields[..nout],
            ends: &self.ends[..nends],
            line,
            unclosed_quote,
        }))
    }
}

/// Does this record end inside a quoted field? (csv accepts that at the end of
/// a file, and the field then holds every line after its opening quote.)
fn ends_in_open_quote(raw: &[u8], delimiter: u8) -> bool {
    scan_fields(raw, delimiter, |_, _| true)
}

/// Where field `n` (from 0) of a record ends: the offset of the delimiter
/// after it, if the record has more fields.
fn field_end(raw: &[u8], delimiter: u8, n: usize) -> Option<usize> {
    let (mut seen, mut at) = (0, None);
    scan_fields(raw, delimiter, |i, b| {
        if b == delimiter {
            if seen == n {
                at = Some(i);
                return false;
            }
            seen += 1;
        }
        true
    });
    at
}

/// Prices one record: the tier's index, or the error for the `error` column.
#[allow(clippy::too_many_arguments)]
fn price(
    table: &Table,
    record: &RawRecord,
    width: usize,
    columns: Columns,
    headers: &[String],
    dialect: Dialect,
    lang: Lang,
    kinds: &mut KindCache,
) -> Result<usize, String> {
    let line = record.line;
    if record.unclosed_quote {
        return Err(format!(
            "line {line}: a quote opened in this row is never closed, so every line after it went \
             into one field; close the quote (dues closed it at the end of the file to keep the \
             columns apart)"
        ));
    }
    if record.len() < width {
        return Err(format!(
            "line {line}: {} fields where the header has {width}; a field or a delimiter is \
             missing (the row is padded so that the columns line up)",
            record.len()
        ));
    }
    // Surplus fields that are all empty (Excel's trailing `;`) hide no value.
    if (width..record.len()).any(|i| !record.field(i).is_empty()) {
        return Err(format!(
            "line {line}: {} fields where the header has {width}; a field too many, or a \
             delimiter inside a field that should be quoted",
            record.len()
        ));
    }
    let field = |i: usize| {
        decode(record.field(i), dialect.encoding).map_err(|()| {
            format!(
                "line {line}, column `{}`: not valid UTF-8; if the file comes from Excel's plain \
                 « CSV », read it with --encoding windows-1252",
                headers[i]
            )
        })
    };
    let budget = field(columns.budget)?;
    let kind = field(columns.kind)?;
    let strategy = columns.strategy.map(field).transpose()?;
    let kind_bytes = record.field(columns.kind);
    let outcome = quote_with(
        table,
        Request {
            budget: &budget,
            kind: &kind,
            strategy: strategy.as_deref(),
        },
        |name| kinds.get(kind_bytes, || table.kind(name)),
    );
    outcome.map(|q| q.tier).map_err(|e| {
        let column = match &e {
            QuoteError::Budget(_) => Some(columns.budget),
            QuoteError::Kind(_) => Some(columns.kind),
            QuoteError::Strategy(_) | QuoteError::StrategyRequired { .. } => columns.strategy,
        };
        let message = error_message(table, &e, lang);
        match column {
            Some(c) => format!("line {line}, column `{}`: {message}", headers[c]),
            None => format!(
                "line {line}: {message}; the file has no strategy column (add one headed \
                 `network_strategy` or « Stratégie d'entraînement », with oui or non)"
            ),
        }
    })
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

/// The JSON key of the fields a row has past the header's width.
pub const EXTRA_FIELDS: &str = "extra_fields";

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

/// Where priced rows go: the input's own bytes and dialect with the outcome
/// appended, or JSON lines.
struct Sink<W: Write> {
    out: io::BufWriter<W>,
    format: Format,
    delimiter: u8,
    terminator: &'static [u8],
    encoding: Encoding,
}

impl<W: Write> Sink<W> {
    fn new(
        dialect: Dialect,
        output: W,
        format: Format,
        raw_header: &[u8],
        headers: &[String],
    ) -> Result<Self, BatchError> {
        if format == Format::Jsonl {
            let mut seen = std::collections::HashSet::new();
            if let Some(dup) = headers.iter().find(|h| !seen.insert(h.as_str())) {
                return Err(BatchError::DuplicateHeader(dup.clone()));
            }
            if let Some(reserved) = headers.iter().find(|h| *h == EXTRA_FIELDS) {
                return Err(BatchError::ReservedHeader(reserved.clone()));
            }
        }
        let mut sink = Sink {
            out: io::BufWriter::with_capacity(1 << 16, output),
            format,
            delimiter: dialect.delimiter,
            terminator: dialect.line_ending.bytes(),
            encoding: dialect.encoding,
        };
        if format == Format::Csv {
            sink.write_header(dialect.bom, raw_header)
                .map_err(BatchError::Write)?;
        }
        Ok(sink)
    }

    fn write_header(&mut self, bom: bool, raw_header: &[u8]) -> io::Result<()> {
        if bom {
            self.out.write_all(BOM)?;
        }
        self.out.write_all(raw_header)?;
        for column in OUTCOME_COLUMNS {
            self.out.write_all(&[self.delimiter])?;
            self.out.write_all(column.as_bytes())?;
        }
        self.out.write_all(self.terminator)
    }

    fn write(
        &mut self,
        record: &RawRecord,
        width: usize,
        headers: &[String],
        outcome: Result<&TierFields, String>,
    ) -> io::Result<()> {
        match self.format {
            Format::Csv => self.write_csv(record, width, outcome),
            Format::Jsonl => self.write_jsonl(record, width, headers, outcome),
        }
    }

    /// The record's own bytes up to the header's width, the appended fields,
    /// then any surplus fields: read by header, every column is its own.
    fn write_csv(
        &mut self,
        record: &RawRecord,
        width: usize,
        outcome: Result<&TierFields, String>,
    ) -> io::Result<()> {
        let split = if record.len() > width {
            width
                .checked_sub(1)
                .and_then(|last| field_end(record.raw, self.delimiter, last))
        } else {
            None
        };
        let (head, surplus) = record.raw.split_at(split.unwrap_or(record.raw.len()));
        self.out.write_all(head)?;
        if record.unclosed_quote && surplus.is_empty() {
            self.out.write_all(b"\"")?;
        }
        // A short row is padded so that the appended columns line up.
        for _ in record.len()..width {
            self.out.write_all(&[self.delimiter])?;
        }
        match &outcome {
            Ok(t) => self.out.write_all(&t.csv_tail)?,
            Err(message) => {
                let mut tail = vec![self.delimiter; 3];
                push_field(&mut tail, &encode(message, self.encoding), self.delimiter);
                self.out.write_all(&tail)?;
            }
        }
        self.out.write_all(surplus)?;
        if record.unclosed_quote && !surplus.is_empty() {
            self.out.write_all(b"\"")?;
        }
        self.out.write_all(self.terminator)
    }

    /// The fields by header, `null` for those a short row lacks, the quote
    /// fields, and any surplus fields as an array under [`EXTRA_FIELDS`].
    fn write_jsonl(
        &mut self,
        record: &RawRecord,
        width: usize,
        headers: &[String],
        outcome: Result<&TierFields, String>,
    ) -> io::Result<()> {
        let text = |i: usize| {
            let field = record.field(i);
            let value = decode(field, self.encoding).map_or_else(
                |()| String::from_utf8_lossy(field).into_owned(),
                Cow::into_owned,
            );
            Value::String(value)
        };
        let mut object = Map::new();
        for (i, header) in headers.iter().enumerate() {
            let value = if i < record.len() {
                text(i)
            } else {
                Value::Null
            };
            object.insert(header.clone(), value);
        }
        let (tier, fee, basis, error) = match outcome {
            Ok(t) => (
                Value::String(t.id.clone()),
                Value::String(t.fee.clone()),
                Value::String(t.basis.to_string()),
                Value::Null,
            ),
            Err(message) => (
                Value::Null,
                Value::Null,
                Value::Null,
                Value::String(message),
            ),
        };
        object.insert("tier".into(), tier);
        object.insert("fee".into(), fee);
        object.insert("fee_basis".into(), basis);
        object.insert("error".into(), error);
        if record.len() > width {
            let extra = (width..record.len()).map(text).collect();
            object.insert(EXTRA_FIELDS.into(), Value::Array(extra));
        }
        serde_json::to_writer(&mut self.out, &object).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}
