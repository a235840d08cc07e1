//! Records as csv reads them, with their raw bytes kept, so that a batch can
//! write the input back byte for byte — quoting included — and only append.

use std::io::{self, Read};

use super::scan::{self, NotPlain};

/// A record as read: its bytes exactly as in the file (without line ending),
/// its unescaped fields, and the line it starts on.
pub struct RawRecord<'a> {
    pub raw: &'a [u8],
    /// Its fields one after the other, `gap` bytes apart: unquoted by
    /// csv_core (no gap), or the raw bytes of a line split at its
    /// delimiters (a gap of one, the delimiter).
    fields: &'a [u8],
    /// Where each field ends in `fields`.
    ends: &'a [usize],
    gap: usize,
    pub line: u64,
    /// Empty lines just before the record (csv skips them; a batch keeps
    /// them, as blank rows).
    pub blank_lines: u64,
    /// A quoted field still open at the end of the file: it swallowed every
    /// line after its opening quote.
    pub unclosed_quote: bool,
    /// A workbook's row: its cells as typed (numbers, dates…); `None` for
    /// a text file.
    pub cells: Option<&'a [super::sheet::Cell]>,
}

// A record csv reads has a field at least: no `is_empty` to ask.
#[allow(clippy::len_without_is_empty)]
impl<'a> RawRecord<'a> {
    /// A record of a text file from its parts: its bytes, its fields and
    /// where each ends, `gap` bytes apart (see [`RawRecord::parts`]).
    pub(super) fn from_parts(
        raw: &'a [u8],
        (fields, ends, gap): (&'a [u8], &'a [usize], usize),
        line: u64,
        blank_lines: u64,
        unclosed_quote: bool,
    ) -> Self {
        RawRecord {
            raw,
            fields,
            ends,
            gap,
            line,
            blank_lines,
            unclosed_quote,
            cells: None,
        }
    }

    /// Its fields one after the other, where each ends, and the bytes
    /// between two: none once unquoted; one, the delimiter, when the fields
    /// are the raw bytes themselves.
    pub(super) fn parts(&self) -> (&'a [u8], &'a [usize], usize) {
        (self.fields, self.ends, self.gap)
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`, unquoted.
    pub fn field(&self, i: usize) -> &'a [u8] {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] + self.gap
        };
        &self.fields[start..self.ends[i]]
    }

    /// Everything read of it, for tests to compare two readings: raw bytes,
    /// fields, where each ends, line, blank lines before, open quote.
    #[cfg(test)]
    pub(super) fn describe(&self) -> String {
        format!(
            "{:?} {:?} {} {} {}",
            String::from_utf8_lossy(self.raw),
            (0..self.len())
                .map(|i| String::from_utf8_lossy(self.field(i)))
                .collect::<Vec<_>>(),
            self.line,
            self.blank_lines,
            self.unclosed_quote
        )
    }
}

/// A CSV reader that also keeps each record's raw bytes, so that a batch can
/// write the input back byte for byte — quoting included — and only append.
pub struct RawReader<R> {
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
    /// The last record read ended at a `\r`: a `\n` next is its CRLF's.
    after_cr: bool,
    delimiter: u8,
    /// Lines end with a lone CR, which csv_core does not count as lines.
    cr_lines: bool,
    /// Lines before the input csv_core reads (the reader resumes a file).
    base: u64,
    /// Lines without quotes split without csv_core (tests turn it off to
    /// compare with csv_core's reading).
    split_plain: bool,
    /// From there to the buffer's end, no `\n`: no line to split there.
    no_newline_from: usize,
    /// Where the fields of a line split end, in its bytes.
    line_ends: Vec<usize>,
}

impl RawReader<io::Empty> {
    /// A reader of `bytes`, which start a record, with a csv reader
    /// [`past_start`] put at a record's start; `lines` before them, `after_cr` as
    /// [`Rest`] tells. [`RawReader::into_input`] gives the bytes back.
    pub fn over(
        bytes: Vec<u8>,
        core: csv_core::Reader,
        delimiter: u8,
        lines: u64,
        after_cr: bool,
    ) -> Self {
        RawReader {
            inner: io::empty(),
            core,
            len: bytes.len(),
            buf: bytes,
            pos: 0,
            eof: false,
            raw: Vec::new(),
            fields: vec![0; 1 << 10],
            ends: vec![0; 64],
            lines,
            after_cr,
            delimiter,
            cr_lines: false,
            base: lines,
            split_plain: !matches!(delimiter, b'"' | b'\r' | b'\n'),
            no_newline_from: usize::MAX,
            line_ends: Vec::new(),
        }
    }

    /// The bytes it read, whole, where the records' `raw` are (but for a
    /// last one without a line ending), and its csv reader.
    pub fn into_input(self) -> (Vec<u8>, csv_core::Reader) {
        (self.buf, self.core)
    }

    /// Where the bytes it reads are, in memory.
    pub fn input_at(&self) -> std::ops::Range<usize> {
        let range = self.buf.as_ptr_range();
        range.start as usize..range.end as usize
    }
}

/// A csv reader for input that goes on past a file's start: see [`past_start`].
pub fn core_past_start(delimiter: u8) -> csv_core::Reader {
    let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    past_start(&mut core);
    core
}

/// Puts `core` at a record's start, as if past a file's start: csv_core
/// drops a UTF-8 BOM at the start of the first input it reads after a reset,
/// and there it would be a field's first character. (Reset, never cloned: a
/// clone of a csv_core 0.1.13 reader misreads, every byte a record.)
pub fn past_start(core: &mut csv_core::Reader) {
    core.reset();
    // An empty line, skipped, and counted as none.
    let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
    core.set_line(1);
}

/// What a [`RawReader`] leaves when it stops between two records: the bytes
/// it read past them, the rest of its input, and where it stands.
pub struct Rest<R> {
    pub read: Vec<u8>,
    pub inner: R,
    pub eof: bool,
    /// Lines before `read`.
    pub lines: u64,
    /// The last record ended at a `\r`: a `\n` next is its CRLF's.
    pub after_cr: bool,
}

impl<R: Read> RawReader<R> {
    /// `lone_cr`: lines end with a lone CR (old Mac files).
    pub fn new(inner: R, delimiter: u8, lone_cr: bool) -> Self {
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
            after_cr: false,
            delimiter,
            cr_lines: lone_cr,
            base: 0,
            split_plain: !matches!(delimiter, b'"' | b'\r' | b'\n'),
            no_newline_from: usize::MAX,
            line_ends: Vec::new(),
        }
    }

    /// A reader that goes on where another stopped, between two records:
    /// `lines` before its input, `after_cr` as [`Rest`] tells.
    pub fn resume(inner: R, delimiter: u8, lines: u64, after_cr: bool) -> Self {
        RawReader {
            core: core_past_start(delimiter),
            lines,
            base: lines,
            after_cr,
            ..RawReader::new(inner, delimiter, false)
        }
    }

    /// Stops between two records: what was read past them, and the rest.
    pub fn into_rest(self) -> Rest<R> {
        Rest {
            read: self.buf[self.pos..self.len].to_vec(),
            inner: self.inner,
            eof: self.eof,
            lines: self.lines,
            after_cr: self.after_cr,
        }
    }

    /// Reads the next block of input into the buffer.
    fn refill(&mut self) -> io::Result<()> {
        self.len = loop {
            match self.inner.read(&mut self.buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.pos = 0;
        self.eof = self.len == 0;
        self.no_newline_from = usize::MAX;
        Ok(())
    }

    pub fn read(&mut self) -> io::Result<Option<RawRecord<'_>>> {
        let Some((body, line)) = self.split_line() else {
            return self.read_core();
        };
        let raw = &self.buf[body];
        Ok(Some(RawRecord::from_parts(
            raw,
            (raw, &self.line_ends, 1),
            line,
            0,
            false,
        )))
    }

    /// A record csv_core would only split at its delimiters, at `pos` (or
    /// past the `\n` of a split CRLF): a line whole in the buffer and ended
    /// by `\n`, not empty, no `"` in it, no `\r` but one just before its
    /// `\n`. Split as csv_core would (where each field ends in
    /// `line_ends`), and csv_core told of its line: where its bytes are in
    /// the buffer, and its line. `None` leaves it to csv_core.
    fn split_line(&mut self) -> Option<(std::ops::Range<usize>, u64)> {
        // A file's first record is never split here, but read by csv_core,
        // which drops a BOM there: a reader made by `new` has nothing in its
        // buffer before csv_core reads, and the others' cores are past the
        // file's start.
        if !self.split_plain || self.cr_lines {
            return None;
        }
        // The `\n` of a CRLF whose `\r` ended the record before (csv_core
        // stops there) is that record's.
        let crlf_end = self.after_cr && self.buf[self.pos..self.len].first() == Some(&b'\n');
        let start = self.pos + usize::from(crlf_end);
        let rest = &self.buf[start..self.len];
        if matches!(rest.first(), None | Some(b'\r' | b'\n')) || start >= self.no_newline_from {
            return None;
        }
        let length = match scan::plain_line(rest, self.delimiter, &mut self.line_ends) {
            Ok(length) => length,
            Err(NotPlain::Special) => return None,
            Err(NotPlain::NoNewline) => {
                // Lines ended by a lone `\r` are csv_core's to read: do not
                // search their bytes again for each.
                self.no_newline_from = start;
                return None;
            }
        };
        let body = length - usize::from(rest[length - 1] == b'\r');
        self.line_ends.push(body);
        self.pos = start + length + 1;
        let line = self.lines + 1 + u64::from(crlf_end);
        self.core
            .set_line(self.core.line() + 1 + u64::from(crlf_end));
        self.lines = line;
        self.after_cr = false;
        Some((start..start + body, line))
    }

    /// The next record as csv_core reads it.
    fn read_core(&mut self) -> io::Result<Option<RawRecord<'_>>> {
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
                self.refill()?;
                begin = 0;
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
        // The line breaks before the record are empty lines — but for the
        // `\n` of a CRLF whose `\r` ended the record before.
        let prefix = &raw[..start];
        let split_crlf = self.after_cr && prefix.first() == Some(&b'\n');
        let blank_lines = terminators(prefix) - u64::from(split_crlf);
        self.lines = if self.cr_lines {
            self.lines + count(raw)
        } else {
            // csv_core numbers the line it is on, from 1.
            self.base + self.core.line() - 1
        };
        self.after_cr = raw[end..].ends_with(b"\r");
        Ok(Some(RawRecord {
            raw: &raw[start..end],
            fields: &self.fields[..nout],
            ends: &self.ends[..nends],
            gap: 0,
            line,
            blank_lines,
            unclosed_quote,
            cells: None,
        }))
    }
}

/// How many line breaks `bytes` (nothing but `\r` and `\n`) hold, a CRLF
/// counting once.
fn terminators(bytes: &[u8]) -> u64 {
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        i += if bytes[i..].starts_with(b"\r\n") {
            2
        } else {
            1
        };
        count += 1;
    }
    count
}

/// Does this record end inside a quoted field? (csv accepts that at the end of
/// a file, and the field then holds every line after its opening quote.)
fn ends_in_open_quote(raw: &[u8], delimiter: u8) -> bool {
    scan_fields(raw, delimiter, |_, _| true)
}

/// Where field `n` (from 0) of a record ends: the offset of the delimiter
/// after it, if the record has more fields.
pub fn field_end(raw: &[u8], delimiter: u8, n: usize) -> Option<usize> {
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

/// Walks `raw` the way csv reads it, calling `outside(i, byte)` for each byte
/// that is not inside a quoted field, until it returns false. Returns whether
/// the walk ended inside a quoted field. `raw` is one record, or the walk
/// stops at the first line ending outside quotes: a field starts after a
/// delimiter, never after a line ending.
pub fn scan_fields(raw: &[u8], delimiter: u8, mut outside: impl FnMut(usize, u8) -> bool) -> bool {
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
        field_start = b == delimiter;
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Gives at most `step` bytes a read, so that lines span refills.
    struct Dribble<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Dribble<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    /// Every record of a reader: raw bytes, fields, line, blank lines, open quote.
    fn records<R: Read>(mut reader: RawReader<R>, split_plain: bool) -> Vec<String> {
        reader.split_plain = split_plain;
        let mut all = Vec::new();
        while let Some(r) = reader.read().unwrap() {
            all.push(r.describe());
        }
        all
    }

    #[test]
    fn a_line_without_quotes_is_split_as_csv_core_splits_it() {
        // A CRLF header, whose `\n` csv_core leaves; a BOM, a quote, a blank line.
        let input = b"h,i\r\nPau,64000,\r\n,\n\xef\xbb\xbfa,b\nx\"y,z\n\nlast,1";
        let plain = records(RawReader::new(&input[..], b',', false), true);
        assert_eq!(
            plain,
            records(RawReader::new(&input[..], b',', false), false)
        );
        assert_eq!(plain[1], r#""Pau,64000," ["Pau", "64000", ""] 2 0 false"#);
        // A file's first record is csv_core's: it drops a BOM there.
        let bom = "\u{feff}h,i\nx,y\n".as_bytes();
        let read = |split| records(RawReader::new(bom, b',', false), split);
        assert_eq!(read(true), read(false));
        assert!(
            read(true)[0].starts_with(r#""\u{feff}h,i" ["h", "i"]"#),
            "{}",
            read(true)[0]
        );
        // A line wider and longer than the buffers first made for fields.
        let wide = format!("h\n{}\n", vec!["Saint-Rémy-de-Provence"; 100].join(","));
        let read = |split| records(RawReader::new(wide.as_bytes(), b',', false), split);
        assert_eq!(read(true), read(false));
        // Each name in the raw bytes, then as a field.
        assert_eq!(read(true)[1].matches("Saint-Rémy").count(), 200);
    }

    proptest! {
        #[test]
        fn lines_split_without_csv_core_are_read_as_csv_core_reads_them(
            tokens in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just("bc"), Just(","), Just(";"), Just("\""), Just("\n"),
                    Just("\r"), Just("\r\n"), Just("\u{feff}"),
                ],
                0..80,
            ),
            step in 1usize..12,
            delimiter in prop_oneof![Just(b','), Just(b';')],
            after_cr in any::<bool>(),
            lone_cr in any::<bool>(),
        ) {
            let input = tokens.concat().into_bytes();
            let dribble = || Dribble { data: &input, step };
            let new = || RawReader::new(dribble(), delimiter, lone_cr);
            prop_assert_eq!(records(new(), true), records(new(), false));
            // Chunks and the rest of a file, which may start with the `\n`
            // of a CRLF whose `\r` ended the record before.
            let over = || {
                RawReader::over(input.clone(), core_past_start(delimiter), delimiter, 3, after_cr)
            };
            prop_assert_eq!(records(over(), true), records(over(), false));
            let resume = || RawReader::resume(dribble(), delimiter, 3, after_cr);
            prop_assert_eq!(records(resume(), true), records(resume(), false));
        }
    }
}
