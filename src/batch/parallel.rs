/*!
Both cores: the input cut into chunks at record boundaries, each chunk read
and priced on a worker thread, the outcomes taken back in the input's order.

The reading thread cuts after the last line ending of a chunk that is not
inside a quoted field, following quotes exactly as csv does: a quote opens a
field only at its start, and `""` inside one is a quote. Every chunk thus
starts a record, as the reader that reads the file whole would find it. A
worker checks it still: a chunk that does not end right after its last
record's line ending (the cut was inside a field after all) has the rest of
the file read again from its start, one record after the other, on the
reading thread; so has the rest after a record no MiB holds.

Memory stays flat: at most [`IN_FLIGHT`] bytes of chunks are in flight,
whatever the size of the file and the number of threads, and at most
[`WRITTEN`] bytes of what workers write of each.
*/

use std::io::{self, Read};
use std::sync::mpsc;
use std::thread;

use super::price::Pricer;
use super::reader::{RawReader, RawRecord, Rest, core_past_start, past_start};
use super::{BatchError, Count, Counted, Outcome, RenderRows, Tally, one_by_one};

/// The bytes a chunk holds, at most (but for a record longer than that).
const CHUNK: usize = 1 << 16;

/// A record longer than this is not waited for: the rest of the input is
/// read one record at a time, in the memory a record needs, as on one thread.
const LONGEST: usize = 1 << 20;

/// Input bytes in flight, read ahead and priced ahead, whatever the threads
/// (but for one chunk, however long): enough that a worker rarely waits for
/// the reading thread to take back a slower one's chunk.
const IN_FLIGHT: usize = 8 * CHUNK;

/// What a worker writes of a chunk's rows, at most (but for one row). Rows
/// padded to a wide header can weigh many times their input: past this, the
/// rest of the chunk's rows go to the sink one by one from the reading
/// thread, which writes them through its buffer.
const WRITTEN: usize = 4 * CHUNK;

/// How many threads price rows: one per core, up to 4, and none but the
/// reading one on a single core. The reading thread mostly waits: workers
/// write the rows of a CSV themselves. Speed alone: any count writes the
/// same bytes.
pub fn threads() -> usize {
    thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// Prices the records after a header, on `threads` workers.
pub(super) fn run<R: Read>(
    rest: Rest<R>,
    delimiter: u8,
    pricer: &Pricer,
    tally: &mut Tally,
    threads: usize,
) -> Result<(), BatchError> {
    let chunks = Chunker::new(rest, delimiter, CHUNK, last_record_end);
    run_chunks(chunks, pricer, tally, threads)
}

/// Prices the chunks `chunks` cuts, on `threads` workers.
fn run_chunks<R: Read>(
    mut chunks: Chunker<R>,
    pricer: &Pricer,
    tally: &mut Tally,
    threads: usize,
) -> Result<(), BatchError> {
    let delimiter = chunks.delimiter;
    let Some(first) = chunks.next(None).map_err(BatchError::Read)? else {
        return read_on(Vec::new(), chunks.after_cr, chunks, pricer, tally);
    };
    // Rows in error, and all of them under --strict, are given to the sink
    // one by one, here: the others are written by the workers.
    let renderer = (!tally.strict).then(|| tally.sink.renderer()).flatten();
    let count = tally.count.fresh();
    let writer = renderer.as_deref().map(|rows| (rows, &count));
    thread::scope(move |scope| {
        let (jobs, results) = workers(scope, threads, pricer, delimiter, writer);
        let mut next = Some(first);
        // Chunks taken, their memory handed to the next ones.
        let mut spare = Vec::new();
        let (mut sent, mut taken, mut flight) = (0, 0, Flight::default());
        let mut failed = None;
        loop {
            while flight.room() {
                let Some(chunk) = next.take() else { break };
                flight.send(chunk.bytes.len());
                // A worker gone has panicked: the scope tells it.
                let _ = jobs[sent % threads].send(chunk);
                sent += 1;
                // A read that fails: the rows read before it are priced first.
                next = chunks.next(spare.pop()).unwrap_or_else(|e| {
                    failed = Some(e);
                    None
                });
            }
            if taken == sent {
                break;
            }
            let Ok(mut done) = results[taken % threads].recv() else {
                return Ok(());
            };
            taken += 1;
            flight.land(done.input.len());
            // (The last chunk is clean: more input follows a chunk that is not.)
            if !done.clean {
                let mut read = done.input;
                for i in taken..sent {
                    let Ok(later) = results[i % threads].recv() else {
                        return Ok(());
                    };
                    read.extend_from_slice(&later.input);
                }
                read.extend(next.take().map(|c| c.bytes).unwrap_or_default());
                return read_on(read, done.after_cr, chunks, pricer, tally);
            }
            take(&mut done, tally, &mut chunks.lines)?;
            if worth_keeping(&done) {
                spare.push(done);
            }
        }
        match failed {
            None => read_on(Vec::new(), chunks.after_cr, chunks, pricer, tally),
            Some(error) => {
                // The whole records read before the failure, then the failure.
                let whole = last_record_end(&chunks.pending, delimiter).unwrap_or(0);
                chunks.pending.truncate(whole);
                chunks.eof = true;
                read_on(Vec::new(), chunks.after_cr, chunks, pricer, tally)?;
                Err(BatchError::Read(error))
            }
        }
    })
}

/// Starts `threads` workers, each pricing the chunks sent to it in the order
/// sent: where to send them, and where each gives them back priced.
fn workers<'scope>(
    scope: &'scope thread::Scope<'scope, '_>,
    threads: usize,
    pricer: &Pricer<'scope>,
    delimiter: u8,
    writer: Option<Writer<'scope>>,
) -> (Vec<mpsc::Sender<Chunk>>, Vec<mpsc::Receiver<Done>>) {
    let mut jobs = Vec::new();
    let mut results = Vec::new();
    for _ in 0..threads {
        let (job, todo) = mpsc::channel::<Chunk>();
        let (done, result) = mpsc::channel::<Done>();
        let mut pricer = pricer.clone();
        let mut writer = writer.map(|(rows, count)| (rows, count.fresh()));
        scope.spawn(move || {
            let mut core = core_past_start(delimiter);
            for chunk in todo {
                let writer = writer.as_mut().map(|(rows, count)| (*rows, count));
                let priced = price(&mut pricer, chunk, &mut core, delimiter, writer);
                if done.send(priced).is_err() {
                    break;
                }
            }
        });
        jobs.push(job);
        results.push(result);
    }
    (jobs, results)
}

/// The chunks sent and not yet taken back. Memory and speed alone: any
/// bound writes the same bytes.
#[derive(Default)]
struct Flight {
    chunks: usize,
    bytes: usize,
}

impl Flight {
    /// Whether one more chunk may be sent: one at least, then up to
    /// [`IN_FLIGHT`] bytes.
    fn room(&self) -> bool {
        self.chunks == 0 || self.bytes < IN_FLIGHT
    }

    fn send(&mut self, bytes: usize) {
        self.chunks += 1;
        self.bytes += bytes;
    }

    fn land(&mut self, bytes: usize) {
        self.chunks -= 1;
        self.bytes -= bytes;
    }
}

/// Whether a chunk's memory is worth keeping for the next ones: not that of
/// a long record's. Memory alone, as [`Flight`].
fn worth_keeping(done: &Done) -> bool {
    done.input.capacity() <= 2 * CHUNK && done.out.capacity() <= 2 * WRITTEN
}

/// Reads on, one record after the other, on this thread: `read` (a chunk
/// whose cut was no record's end, and those read after it), then the rest:
/// what was read and not handed out, and the input if it did not end.
fn read_on<R: Read>(
    read: Vec<u8>,
    after_cr: bool,
    chunks: Chunker<R>,
    pricer: &Pricer,
    tally: &mut Tally,
) -> Result<(), BatchError> {
    let delimiter = chunks.delimiter;
    let unread = if chunks.eof { 0 } else { u64::MAX };
    let input = io::Cursor::new(read)
        .chain(io::Cursor::new(chunks.pending))
        .chain(chunks.inner.take(unread));
    let mut reader = RawReader::resume(input, delimiter, chunks.lines, after_cr);
    one_by_one(&mut reader, &mut pricer.clone(), tally, None)
}

/// Hands a priced chunk's records to the tally, in order, with what its
/// worker wrote of them; `lines`: the lines before it, then after it.
fn take(done: &mut Done, tally: &mut Tally, lines: &mut u64) -> Result<(), BatchError> {
    let base = *lines;
    // The rows a worker wrote come, in the file, before any it left to this
    // thread but those in error, which note nothing: its counts first.
    if let Some(counted) = done.counted.take() {
        tally.take_counted(counted);
    }
    let mut rows = std::mem::take(&mut done.rows);
    // What the worker wrote, up to `to`, from where the last write ended.
    let mut written = 0;
    let mut write_up_to = |tally: &mut Tally, to: usize| {
        let bytes = &done.out[written..to];
        written = to;
        if bytes.is_empty() {
            return Ok(());
        }
        tally.sink.rendered(bytes).map_err(BatchError::Write)
    };
    for row in rows.drain(..) {
        write_up_to(tally, row.out_at)?;
        let raw = done.raw(row.raw);
        // Fields apart are the raw bytes themselves.
        let fields = match row.gap {
            0 => &done.fields[row.fields.0..row.fields.1],
            _ => raw,
        };
        let record = RawRecord::from_parts(
            raw,
            (fields, &done.ends[row.ends.0..row.ends.1], row.gap),
            base + row.line,
            row.blank_lines,
            row.unclosed_quote,
        );
        let mut outcome = row.outcome;
        if let Outcome::Error(error) = &mut outcome {
            error.line += base;
        }
        tally.take(&record, &outcome)?;
    }
    write_up_to(tally, done.out.len())?;
    done.rows = rows;
    *lines = base + done.newlines;
    Ok(())
}

/// Where the last record of some bytes (`delimiter` between fields) ends.
type Cut = fn(&[u8], u8) -> Option<usize>;

/// How workers write rows themselves: the sink's renderer, and the count
/// to count them from.
type Writer<'w> = (&'w dyn RenderRows, &'w Count<'w>);

/// Input bytes from a record's start to a record's end.
struct Chunk {
    bytes: Vec<u8>,
    /// The record before ended at a `\r`.
    after_cr: bool,
    /// The input ends with this chunk.
    last: bool,
    /// A chunk taken before: its memory, to price this one in.
    reuse: Done,
}

/// A chunk priced: its records, their lines counted from the chunk's start.
#[derive(Default)]
struct Done {
    /// The chunk's bytes, where its records' raw bytes are.
    input: Vec<u8>,
    after_cr: bool,
    /// The raw bytes of a last record without a line ending.
    spill: Vec<u8>,
    fields: Vec<u8>,
    ends: Vec<usize>,
    rows: Vec<Row>,
    /// The `\n`s of the chunk: the lines the next one starts after.
    newlines: u64,
    /// With a [`Writer`]: what the worker wrote of the rows it counted (all
    /// but those of `rows`: in error, or past [`WRITTEN`]), and what it
    /// counted.
    out: Vec<u8>,
    counted: Option<Counted>,
    /// It ends with its last record's line ending, or with the input.
    clean: bool,
}

impl Done {
    /// A record's raw bytes: in the input, or spilt past its end.
    fn raw(&self, (start, end): (usize, usize)) -> &[u8] {
        match start.checked_sub(self.input.len()) {
            Some(at) => &self.spill[at..end - self.input.len()],
            None => &self.input[start..end],
        }
    }
}

/// A record of a chunk: where its parts are, and its outcome; `out_at`:
/// where it goes in what the worker wrote.
struct Row {
    out_at: usize,
    raw: (usize, usize),
    /// Its unquoted fields, or none for fields `gap` bytes apart in `raw`.
    fields: (usize, usize),
    ends: (usize, usize),
    gap: usize,
    line: u64,
    blank_lines: u64,
    unclosed_quote: bool,
    outcome: Outcome,
}

/// Reads and prices a chunk's records; `core`: the csv reader to read them
/// with, built once; `writer`: to write and count rows priced or blank here,
/// up to [`WRITTEN`] bytes of them.
fn price(
    pricer: &mut Pricer,
    chunk: Chunk,
    core: &mut csv_core::Reader,
    delimiter: u8,
    mut writer: Option<(&dyn RenderRows, &mut Count)>,
) -> Done {
    let newlines = memchr::memchr_iter(b'\n', &chunk.bytes).count() as u64;
    let len = chunk.bytes.len();
    past_start(core);
    let mut reader = RawReader::over(
        chunk.bytes,
        std::mem::take(core),
        delimiter,
        0,
        chunk.after_cr,
    );
    let at = reader.input_at();
    let mut done = chunk.reuse;
    (done.after_cr, done.newlines) = (chunk.after_cr, newlines);
    done.spill.clear();
    done.fields.clear();
    done.ends.clear();
    done.rows.clear();
    done.out.clear();
    let mut last = None;
    // Reading bytes in memory fails never.
    while let Ok(Some(record)) = reader.read() {
        let outcome = pricer.outcome(&record);
        let start = record.raw.as_ptr() as usize;
        let raw = if at.contains(&start) {
            (start - at.start, start - at.start + record.raw.len())
        } else {
            // Read past the input's end: the last record, without a line
            // ending, alone.
            done.spill.extend_from_slice(record.raw);
            (len, len + record.raw.len())
        };
        last = Some(raw.1);
        if let Some((rows, count)) = writer.as_mut()
            && !matches!(outcome, Outcome::Error(_))
            && done.out.len() < WRITTEN
        {
            count.take(&record, &outcome);
            rows.render(&record, &outcome, &mut done.out);
            continue;
        }
        let (fields, ends, gap) = record.parts();
        let fields = if gap == 0 { fields } else { &[] };
        let next = |v: usize, n: usize| (v, v + n);
        done.rows.push(Row {
            out_at: done.out.len(),
            raw,
            fields: next(done.fields.len(), fields.len()),
            ends: next(done.ends.len(), ends.len()),
            gap,
            line: record.line,
            blank_lines: record.blank_lines,
            unclosed_quote: record.unclosed_quote,
            outcome,
        });
        done.fields.extend_from_slice(fields);
        done.ends.extend_from_slice(ends);
    }
    (done.input, *core) = reader.into_input();
    done.counted = writer.map(|(_, count)| count.split());
    // Nothing after the last record but its line ending: no blank line to
    // give the next record, no field cut.
    let whole = last.and_then(|end| done.input.get(end..));
    done.clean = chunk.last || matches!(whole, Some(b"\n" | b"\r\n" | b"\r"));
    done
}

/// The input after the header, cut into chunks at record boundaries.
struct Chunker<R> {
    inner: R,
    /// Bytes read and not yet handed out: a record's start, then more.
    pending: Vec<u8>,
    eof: bool,
    after_cr: bool,
    delimiter: u8,
    size: usize,
    /// Where the last record of some bytes ends: [`last_record_end`].
    cut: Cut,
    /// Lines before the chunks not yet taken back.
    lines: u64,
    ended: bool,
}

impl<R: Read> Chunker<R> {
    fn new(rest: Rest<R>, delimiter: u8, size: usize, cut: Cut) -> Self {
        Chunker {
            inner: rest.inner,
            pending: rest.read,
            eof: rest.eof,
            after_cr: rest.after_cr,
            delimiter,
            size,
            cut,
            lines: rest.lines,
            ended: false,
        }
    }

    /// The next chunk, `None` past the last; `reuse`: a chunk taken, whose
    /// memory to fill.
    fn next(&mut self, reuse: Option<Done>) -> io::Result<Option<Chunk>> {
        if self.ended {
            return Ok(None);
        }
        let mut want = self.size;
        while want <= LONGEST {
            self.fill(want)?;
            let cut = if self.eof && self.pending.len() <= want {
                Some(self.pending.len())
            } else {
                let window = &self.pending[..want.min(self.pending.len())];
                (self.cut)(window, self.delimiter)
            };
            if let Some(cut) = cut {
                // The chunk is the pending bytes, cut; what follows the cut
                // goes on pending in the memory of a chunk taken before.
                let mut reuse = reuse.unwrap_or_default();
                let mut rest = std::mem::take(&mut reuse.input);
                rest.clear();
                rest.extend_from_slice(&self.pending[cut..]);
                let mut bytes = std::mem::replace(&mut self.pending, rest);
                bytes.truncate(cut);
                let after_cr = std::mem::replace(&mut self.after_cr, bytes.last() == Some(&b'\r'));
                self.ended = self.eof && self.pending.is_empty();
                return Ok(Some(Chunk {
                    bytes,
                    after_cr,
                    last: self.ended,
                    reuse,
                }));
            }
            // No record ends in so many bytes: a longer one.
            want *= 2;
        }
        // No record ends in a MiB: no more chunks, the rest is read on.
        self.ended = true;
        Ok(None)
    }

    /// Reads until `want` bytes are pending, or the input ends.
    fn fill(&mut self, want: usize) -> io::Result<()> {
        while self.pending.len() < want && !self.eof {
            let len = self.pending.len();
            // A block at a time: memory for what the input holds.
            self.pending.resize(want.min(len + CHUNK), 0);
            let read = loop {
                match self.inner.read(&mut self.pending[len..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            let n = read.inspect_err(|_| self.pending.truncate(len))?;
            self.pending.truncate(len + n);
            self.eof = n == 0;
        }
        Ok(())
    }
}

/// Where the last whole record of `bytes` (which start a record) ends, past
/// its line ending: after the last `\n` outside a quoted field, less the
/// empty lines before it, which belong to the record after them. `None` when
/// no record ends in `bytes`.
fn last_record_end(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let newline = last_newline_outside_quotes(bytes, delimiter)?;
    let is_eol = |b: &u8| *b == b'\n' || *b == b'\r';
    let content = bytes[..newline].iter().rposition(|b| !is_eol(b))? + 1;
    let ending = if bytes[content..].starts_with(b"\r\n") {
        2
    } else {
        1
    };
    Some(content + ending)
}

/// Where the last `\n` of `bytes` outside a quoted field is, as csv reads
/// them: a quote opens a field only at its start, `""` is a quote inside it.
fn last_newline_outside_quotes(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let newline_in = |from: usize, to: usize| memchr::memrchr(b'\n', &bytes[from..to]);
    let (mut quoted, mut outside_from, mut last) = (false, 0, None);
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'"', &bytes[at..]) {
        let quote = at + found;
        at = quote + 1;
        if quoted {
            match bytes.get(quote + 1) {
                Some(b'"') => at += 1,
                // Closing, or doubled past the end: nothing outside follows.
                None => break,
                Some(_) => (quoted, outside_from) = (false, at),
            }
            continue;
        }
        let field_start = quote == 0
            || matches!(bytes[quote - 1], b'\n' | b'\r')
            || bytes[quote - 1] == delimiter;
        if field_start {
            if let Some(newline) = newline_in(outside_from, quote) {
                last = Some(outside_from + newline);
            }
            quoted = true;
        }
    }
    if !quoted && let Some(newline) = newline_in(outside_from, bytes.len()) {
        last = Some(outside_from + newline);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record of `input` as read whole, then as read in chunks of
    /// `size`: raw bytes, fields, line, blank lines, open quote.
    fn both_ways(input: &[u8], size: usize) -> (Vec<String>, Vec<String>) {
        let show = |r: &RawRecord| r.describe();
        let mut whole = Vec::new();
        let mut reader = RawReader::new(input, b',', false);
        while let Some(r) = reader.read().unwrap() {
            whole.push(show(&r));
        }
        let mut cut = Vec::new();
        let mut header = RawReader::new(input, b',', false);
        if let Some(r) = header.read().unwrap() {
            cut.push(show(&r));
        }
        let mut chunks = Chunker::new(header.into_rest(), b',', size, last_record_end);
        let mut lines = chunks.lines;
        while let Some(chunk) = chunks.next(None).unwrap() {
            let newlines = memchr::memchr_iter(b'\n', &chunk.bytes).count() as u64;
            let mut reader = RawReader::resume(&chunk.bytes[..], b',', lines, chunk.after_cr);
            while let Some(r) = reader.read().unwrap() {
                cut.push(show(&r));
            }
            lines += newlines;
        }
        (whole, cut)
    }

    #[test]
    fn quotes_open_a_field_only_at_its_start() {
        let input = b"h\n\"a\nb\",x\"\ny\nz\"\"\n\"q\"\"\n\"\n\n\r\nlast\r\n\r";
        for size in 1..input.len() {
            let (whole, cut) = both_ways(input, size);
            assert_eq!(whole, cut, "chunks of {size}");
        }
    }

    /// The leaflet's table, as built into `dues`.
    fn leaflet() -> dues_core::Table {
        let source = include_str!("../../tiers-2022.toml");
        dues_core::load(source, "tiers-2022.toml").unwrap()
    }

    /// Each record a sink is given, with its outcome: as given one by one,
    /// or (`render`) as written by workers for rows priced or blank.
    struct Rows {
        render: bool,
        rows: Vec<String>,
        /// How many of them workers wrote.
        rendered: usize,
    }

    /// A record as [`Rows`] keeps it, after its line: given one by one, or
    /// `-` written by a worker, which knows only the chunk's lines.
    fn shown(r: &RawRecord, outcome: &Outcome) -> String {
        let raw = String::from_utf8_lossy(r.raw);
        format!("{raw:?} {} {outcome:?}", r.blank_lines)
    }

    struct Render;

    impl RenderRows for Render {
        fn render(&self, r: &RawRecord, outcome: &Outcome, out: &mut Vec<u8>) {
            out.extend(format!("- {}", shown(r, outcome)).bytes().chain([0]));
        }
    }

    impl crate::batch::RowSink for Rows {
        fn header(&mut self, _: &crate::batch::Header) -> Result<(), BatchError> {
            Ok(())
        }
        fn row(&mut self, r: &RawRecord, outcome: &Outcome) -> io::Result<()> {
            self.rows.push(format!("{} {}", r.line, shown(r, outcome)));
            Ok(())
        }
        fn finish(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn renderer(&self) -> Option<Box<dyn RenderRows>> {
            self.render.then(|| Box::new(Render) as Box<dyn RenderRows>)
        }
        fn rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
            let rows = bytes.split(|&b| b == 0).filter(|r| !r.is_empty());
            let rows = rows.map(|r| String::from_utf8_lossy(r).into_owned());
            let before = self.rows.len();
            self.rows.extend(rows);
            self.rendered += self.rows.len() - before;
            Ok(())
        }
    }

    /// What a sink is given of `input`, priced one record after the other,
    /// or in chunks cut by `cut` on 2 threads (`render`: written by them),
    /// and the summary; `strict`: stopping at the first row in error.
    fn priced_as(
        input: &[u8],
        cut: Option<Cut>,
        render: bool,
        strict: bool,
    ) -> (Rows, crate::batch::Summary) {
        use crate::batch::{Columns, Encoding, Learnt, Notes, Options, Summary};
        let table = leaflet();
        let mut reader = RawReader::new(input, b',', false);
        let header = reader.read().unwrap().unwrap();
        let names: Vec<String> = (0..header.len())
            .map(|i| String::from_utf8_lossy(header.field(i)).into_owned())
            .collect();
        let columns = Columns::find(&names, &Options::default()).unwrap();
        let mut pricer = Pricer::new(&table, columns, &names, Encoding::Utf8);
        let mut sink = Rows {
            render,
            rows: Vec::new(),
            rendered: 0,
        };
        let mut tally = Tally {
            count: Count {
                table: &table,
                budget: columns.budget,
                encoding: Encoding::Utf8,
                summary: Summary::new(&table),
                notes: Notes::new(Learnt {
                    reading: Default::default(),
                    marks: Vec::new(),
                }),
            },
            strict,
            sink: &mut sink,
            progress: &mut |_| {},
        };
        let ran = match cut {
            Some(cut) => {
                // The first cut falls inside the first row's quoted field.
                let chunks = Chunker::new(reader.into_rest(), b',', 24, cut);
                run_chunks(chunks, &pricer, &mut tally, 2)
            }
            None => one_by_one(&mut reader, &mut pricer, &mut tally, None),
        };
        let summary = match ran {
            Ok(()) => tally.count.summary,
            Err(BatchError::Strict(_, summary)) => *summary,
            Err(e) => panic!("{e}"),
        };
        (sink, summary)
    }

    /// What a sink is given of `input`, and the summary, as [`priced_as`].
    fn priced(
        input: &[u8],
        cut: Option<Cut>,
        render: bool,
    ) -> (Vec<String>, crate::batch::Summary) {
        let (sink, summary) = priced_as(input, cut, render, false);
        (sink.rows, summary)
    }

    #[test]
    fn a_cut_inside_a_quoted_field_has_the_rest_read_again_one_record_at_a_time() {
        let mut input = String::from("nom,type,budget,notes\n");
        for i in 0..60 {
            input.push_str(&format!("A{i},commune,{i}000,\"deux\nlignes\"\n"));
            if i % 7 == 0 {
                input.push_str("\u{feff}\"B\",commune,1000,\n");
            }
            if i % 9 == 0 {
                input.push_str("\r\n\n");
            }
            if i % 11 == 0 {
                input.push_str("C,commune,\n,,,\n");
            }
        }
        // After any line ending: inside a quoted field, half the time.
        let careless = |bytes: &[u8], _| memchr::memrchr(b'\n', bytes).map(|at| at + 1);
        let one_by_one = priced(input.as_bytes(), None, false);
        assert_eq!(one_by_one.0.len(), 81);
        assert_eq!(one_by_one.1.errors, 6);
        assert_eq!(priced(input.as_bytes(), Some(careless), false), one_by_one);
        let cut = priced(input.as_bytes(), Some(last_record_end), false);
        assert_eq!(cut, one_by_one);
        // Written by workers, the rows have no line to compare.
        let unlined = |(rows, summary): (Vec<String>, _)| {
            let rows: Vec<String> = rows
                .iter()
                .map(|r| r.split_once(' ').unwrap().1.into())
                .collect();
            (rows, summary)
        };
        let written = priced(input.as_bytes(), Some(careless), true);
        assert_eq!(unlined(written), unlined(one_by_one.clone()));
        let written = priced(input.as_bytes(), Some(last_record_end), true);
        // Rows in error, given one by one, keep theirs.
        for (row, alone) in written.0.iter().zip(&one_by_one.0) {
            if !row.starts_with('-') {
                assert_eq!(row, alone);
            }
        }
        assert_eq!(unlined(written), unlined(one_by_one.clone()));
        // Workers wrote the records priced or blank, where the sink let them.
        for (render, rendered) in [(false, 0), (true, 81 - 6)] {
            let (sink, _) = priced_as(input.as_bytes(), Some(last_record_end), render, false);
            assert_eq!(sink.rendered, rendered);
        }
    }

    #[test]
    fn strict_stops_at_the_first_row_in_error_whoever_writes_the_rows() {
        let mut input = String::from("nom,type,budget\n");
        for i in 0..40 {
            input.push_str(&format!("A{i},commune,{i}000\n"));
            input.push_str(if i == 25 { "B,commune\n" } else { "\n" });
        }
        let (sink, summary) = priced_as(input.as_bytes(), None, false, true);
        assert_eq!(summary.stopped_at, Some(53));
        assert_eq!(
            (summary.rows, summary.priced(), summary.blank),
            (52, 26, 25)
        );
        assert_eq!(sink.rows.len(), 26);
        for render in [false, true] {
            let (cut, cut_summary) =
                priced_as(input.as_bytes(), Some(last_record_end), render, true);
            assert_eq!(cut_summary, summary);
            assert_eq!((cut.rows, cut.rendered), (sink.rows.clone(), 0));
        }
    }

    #[test]
    fn a_chunk_ends_after_the_last_line_ending_outside_quotes_and_before_blank_lines() {
        let cases: [(&[u8], Option<usize>); 9] = [
            (b"a,b\nc,d\ne", Some(8)),
            (b"a,b\r\nc,d\r\ne", Some(10)),
            (b"a\n\"b\nc\"\nd", Some(8)),
            (b"a\n\"b\nc", Some(2)),
            (b"a\nb\"c\nd", Some(6)),
            (b"a\n\"b\"\"\nc\"\nd", Some(10)),
            (b"a,\"b\n\"\"c", None),
            (b"a\n\n\r\nb", Some(2)),
            (b"a\r\r\nb", Some(2)),
        ];
        for (bytes, end) in cases {
            let shown = String::from_utf8_lossy(bytes);
            assert_eq!(last_record_end(bytes, b','), end, "{shown:?}");
        }
        assert_eq!(last_record_end(b"\n\n", b','), None);
        // A quote opens a field after the delimiter only.
        assert_eq!(last_record_end(b"a;\"b\nc", b';'), None);
        assert_eq!(last_record_end(b"a;\"b\nc", b','), Some(5));
    }

    /// Reads `data` with an interruption before it, then fails.
    struct Flaky<'a> {
        interrupted: bool,
        data: &'a [u8],
    }

    impl Read for Flaky<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if !std::mem::replace(&mut self.interrupted, true) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            if self.data.is_empty() {
                return Err(io::Error::other("disk gone"));
            }
            let n = self.data.len().min(buf.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_read_interrupted_is_tried_again_and_a_read_that_fails_fails() {
        let rest = Rest {
            read: Vec::new(),
            inner: Flaky {
                interrupted: false,
                data: b"a,bc\nd,e\n",
            },
            eof: false,
            lines: 1,
            after_cr: false,
        };
        // Four bytes hold no whole record: eight are read.
        let mut chunks = Chunker::new(rest, b',', 4, last_record_end);
        let first = chunks.next(None).unwrap().unwrap();
        assert_eq!(first.bytes, b"a,bc\n");
        let second = chunks.next(None).unwrap().unwrap();
        assert_eq!(second.bytes, b"d,e\n");
        let failed = chunks.next(None).map(|_| ()).unwrap_err();
        assert_eq!(failed.to_string(), "disk gone");
    }

    /// The raw bytes of each row of a chunk priced, and whether it is clean.
    fn priced_chunk(bytes: &[u8], last: bool) -> (Vec<String>, bool) {
        let table = leaflet();
        let names = ["nom", "type", "budget"].map(String::from);
        let columns = crate::batch::Columns::find(&names, &Default::default()).unwrap();
        let mut pricer = Pricer::new(&table, columns, &names, crate::batch::Encoding::Utf8);
        let chunk = Chunk {
            bytes: bytes.to_vec(),
            after_cr: false,
            last,
            reuse: Done::default(),
        };
        let mut core = core_past_start(b',');
        let done = price(&mut pricer, chunk, &mut core, b',', None);
        let raws = done
            .rows
            .iter()
            .map(|r| String::from_utf8_lossy(done.raw(r.raw)).into_owned());
        (raws.collect(), done.clean)
    }

    #[test]
    fn a_chunk_priced_keeps_each_row_s_bytes_and_tells_if_it_ends_clean() {
        let rows = |raws: &[&str]| raws.iter().map(|r| r.to_string()).collect::<Vec<_>>();
        let both = rows(&["A,commune,1000", "\"B\nb\",asso,2000"]);
        assert_eq!(
            priced_chunk(b"A,commune,1000\n\"B\nb\",asso,2000\n", false),
            (both.clone(), true)
        );
        assert_eq!(
            priced_chunk(b"A,commune,1000\r\n\"B\nb\",asso,2000\r\n", false),
            (both.clone(), true)
        );
        // The last chunk may end without a line ending, or inside a quote.
        assert_eq!(
            priced_chunk(b"A,commune,1000\n\"B\nb\",asso,2000", true),
            (both, true)
        );
        let open = rows(&["A,commune,1000", "\"B\nb,asso,2000"]);
        assert_eq!(
            priced_chunk(b"A,commune,1000\n\"B\nb,asso,2000", true),
            (open.clone(), true)
        );
        // Another chunk must end with its last row's line ending.
        assert_eq!(
            priced_chunk(b"A,commune,1000\n\"B\nb,asso,2000", false),
            (open, false)
        );
        let blank = rows(&["A,commune,1000"]);
        assert_eq!(priced_chunk(b"A,commune,1000\n\n", false), (blank, false));
    }

    #[test]
    fn a_record_reader_tries_an_interrupted_read_again() {
        let flaky = Flaky {
            interrupted: false,
            data: b"a,b\n",
        };
        let mut reader = RawReader::new(flaky, b',', false);
        assert_eq!(reader.read().unwrap().unwrap().raw, b"a,b");
        assert_eq!(reader.read().err().unwrap().to_string(), "disk gone");
    }

    proptest! {
        #[test]
        fn records_read_in_chunks_are_those_read_whole(
            tokens in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just(","), Just("\""), Just("\n"), Just("\r"), Just("\u{feff}"),
                ],
                0..120,
            ),
            size in 1usize..40,
        ) {
            let input = tokens.concat();
            let (whole, cut) = both_ways(input.as_bytes(), size);
            prop_assert_eq!(whole, cut);
        }
    }
}
