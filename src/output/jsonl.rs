//! `dues batch --format jsonl`: one JSON object per row, for scripts — the
//! fields by header (`null` for those a short row lacks), the appended
//! fields, what the quote read (`error_code`, `budget_parsed` as an exact
//! decimal, `kind_id`), and the fields that have no header name (under an
//! empty header, or past the header's width) as an array under
//! [`EXTRA_FIELDS`], in order, so that no value overwrites another.

use std::io::{self, BufWriter, Write};

use dues_core::table::Table;
use serde_json::{Map, Value};

use dues_core::money::machine;

use super::outcome::{APPENDED, Appended, appended};
use crate::batch::{BatchError, Encoding, Header, Outcome, RawRecord, RowSink};
use crate::i18n::Catalog;
use crate::i18n::batch::row_error;

/// The JSON key of the fields a row has past the header's width.
pub const EXTRA_FIELDS: &str = "extra_fields";

/// The keys JSON lines add beside the appended fields: a header of one of
/// these names (or of [`EXTRA_FIELDS`]) is refused, as no key may be lost.
pub const QUOTE_KEYS: [&str; 3] = ["error_code", "budget_parsed", "kind_id"];

pub struct JsonlSink<'a, W: Write> {
    out: BufWriter<W>,
    table: &'a Table,
    cat: &'a Catalog,
    names: Vec<String>,
    encoding: Encoding,
}

impl<'a, W: Write> JsonlSink<'a, W> {
    pub fn new(output: W, table: &'a Table, cat: &'a Catalog) -> Self {
        JsonlSink {
            out: BufWriter::with_capacity(1 << 16, output),
            table,
            cat,
            names: Vec::new(),
            encoding: Encoding::Utf8,
        }
    }
}

impl<W: Write> RowSink for JsonlSink<'_, W> {
    fn header(&mut self, header: &Header) -> Result<(), BatchError> {
        let mut seen = std::collections::HashSet::new();
        let named = header.names.iter().filter(|h| !h.is_empty());
        if let Some(dup) = named.clone().find(|h| !seen.insert(h.as_str())) {
            return Err(BatchError::DuplicateHeader(dup.clone()));
        }
        let reserved = |h: &&String| *h == EXTRA_FIELDS || QUOTE_KEYS.contains(&h.as_str());
        if let Some(reserved) = named.clone().find(reserved) {
            return Err(BatchError::ReservedHeader(reserved.clone()));
        }
        self.names = header.names.to_vec();
        self.encoding = header.dialect.encoding;
        Ok(())
    }

    fn row(&mut self, record: &RawRecord, outcome: &Outcome) -> io::Result<()> {
        // Empty lines before the record: blank rows, every field null.
        for _ in 0..record.blank_lines {
            let mut object = Map::new();
            let keys = self
                .names
                .iter()
                .filter(|n| !n.is_empty())
                .map(String::as_str);
            for key in keys.chain(APPENDED).chain(QUOTE_KEYS) {
                object.insert(key.to_string(), Value::Null);
            }
            serde_json::to_writer(&mut self.out, &object).map_err(io::Error::from)?;
            self.out.write_all(b"\n")?;
        }
        let text =
            |i: usize| Value::String(self.encoding.decode_lossy(record.field(i)).into_owned());
        let width = self.names.len();
        let mut object = Map::new();
        let mut extra = Vec::new();
        for (i, name) in self.names.iter().enumerate() {
            let value = if i < record.len() {
                text(i)
            } else {
                Value::Null
            };
            if name.is_empty() {
                extra.push(value);
            } else {
                object.insert(name.clone(), value);
            }
        }
        extra.extend((width..record.len()).map(text));
        let (fields, code, budget, kind) = match outcome {
            Outcome::Priced(p) => (
                Appended::Tier(p.tier),
                None,
                Some(machine(p.budget)),
                Some(self.table.kinds[p.kind].id.clone()),
            ),
            Outcome::Blank => (Appended::Blank, None, None, None),
            Outcome::Error(e) => {
                let text = row_error(self.cat, self.table, e);
                let read = e.read();
                (
                    Appended::Error(text),
                    Some(e.code().to_string()),
                    read.map(|(budget, _)| machine(budget)),
                    read.map(|(_, kind)| self.table.kinds[kind].id.clone()),
                )
            }
        };
        let string = |v: Option<String>| v.map_or(Value::Null, Value::String);
        for (name, value) in APPENDED.iter().zip(appended(self.table, fields)) {
            object.insert(name.to_string(), string(value.map(|v| v.into_owned())));
        }
        for (name, value) in QUOTE_KEYS.iter().zip([code, budget, kind]) {
            object.insert(name.to_string(), string(value));
        }
        if !extra.is_empty() {
            object.insert(EXTRA_FIELDS.into(), Value::Array(extra));
        }
        serde_json::to_writer(&mut self.out, &object).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
