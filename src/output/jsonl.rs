//! `dues batch --format jsonl`: one JSON object per row, for scripts — the
//! fields by header (`null` for those a short row lacks), the appended
//! fields, and any fields past the header's width as an array under
//! [`EXTRA_FIELDS`], so that no value overwrites another.

use std::io::{self, BufWriter, Write};

use dues_core::table::Table;
use serde_json::{Map, Value};

use super::outcome::{APPENDED, appended};
use crate::batch::{BatchError, Encoding, Header, RawRecord, RowError, RowSink};
use crate::i18n::Catalog;
use crate::i18n::batch::row_error;

/// The JSON key of the fields a row has past the header's width.
pub const EXTRA_FIELDS: &str = "extra_fields";

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
        if let Some(dup) = header.names.iter().find(|h| !seen.insert(h.as_str())) {
            return Err(BatchError::DuplicateHeader(dup.clone()));
        }
        if let Some(reserved) = header.names.iter().find(|h| *h == EXTRA_FIELDS) {
            return Err(BatchError::ReservedHeader(reserved.clone()));
        }
        self.names = header.names.to_vec();
        self.encoding = header.dialect.encoding;
        Ok(())
    }

    fn row(&mut self, record: &RawRecord, outcome: Result<usize, &RowError>) -> io::Result<()> {
        let text =
            |i: usize| Value::String(self.encoding.decode_lossy(record.field(i)).into_owned());
        let width = self.names.len();
        let mut object = Map::new();
        for (i, name) in self.names.iter().enumerate() {
            let value = if i < record.len() {
                text(i)
            } else {
                Value::Null
            };
            object.insert(name.clone(), value);
        }
        let outcome = outcome.map_err(|e| row_error(self.cat, self.table, e));
        for (name, value) in APPENDED.iter().zip(appended(self.table, outcome)) {
            let value = value.map_or(Value::Null, |v| Value::String(v.into_owned()));
            object.insert(name.to_string(), value);
        }
        if record.len() > width {
            let extra = (width..record.len()).map(text).collect();
            object.insert(EXTRA_FIELDS.into(), Value::Array(extra));
        }
        serde_json::to_writer(&mut self.out, &object).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
