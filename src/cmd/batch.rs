//! `dues batch`: price a list, every row back in order, to stdout or `-o`.

use std::cell::Cell;
use std::fs;
use std::io::{self, IsTerminal, Read, Seek, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::time::{Duration, Instant};

use dues::batch::{self, BatchError, Named, Opened, Options, RowSink, Summary};
use dues::failure::{Failure, Target};
use dues::i18n::Catalog;
use dues::i18n::batch::{closing_line, progress, strict_stop, warning};
use dues::output::csv::CsvSink;
use dues::output::jsonl::JsonlSink;
use dues::output::xlsx::XlsxSink;
use dues::output::{human, json};
use dues_core::Table;

use super::outfile::OutFile;
use super::{warn, warn_partial};
use crate::config::{self, Color};

pub fn run(
    cat: &Catalog,
    table: &Table,
    args: &config::Batch,
    color: Color,
) -> Result<ExitCode, Failure> {
    if let Some(extension) = &args.other_workbook {
        return Err(Failure::WorkbookFormat(extension.clone()));
    }
    if let (true, Some(format)) = (args.xlsx, &args.format_given) {
        return Err(Failure::XlsxFormat(format.clone()));
    }
    let input = Input::open(cat, args.input.as_deref(), &args.options)?;
    // The summary's file is checked, and made ready, before any row is read.
    let mut summary_out = match &args.summary_json {
        Some(path) => Some(summary_target(&input, path, args.output.as_deref())?),
        None => None,
    };
    let progress = Progress::new(cat, input.size, input.read.clone());
    let origin = input.origin.clone();
    let (outcome, target) = match &args.output {
        Some(path) => {
            input.refuse_as_output("-o", path)?;
            let mut out = OutFile::create(path)?;
            let outcome = price_into(cat, table, input, out.writer(), args, |rows| {
                progress.show(rows)
            });
            match &outcome {
                Ok(_) => out.commit().map_err(|error| Failure::Output {
                    target: Target::File(path.clone()),
                    error,
                })?,
                Err(_) => out.abandon(),
            }
            (outcome, Target::File(path.clone()))
        }
        None => {
            input.refuse_as_output_stream(io::stdout().as_fd())?;
            let mut stdout = io::stdout().lock();
            let outcome = price_into(cat, table, input, &mut stdout, args, |rows| {
                progress.show(rows)
            });
            (outcome, Target::Stdout)
        }
    };
    progress.clear();
    let (summary, code) = match outcome {
        Ok(summary) => {
            let code = report(cat, table, &summary, args, color);
            (summary, code)
        }
        Err(BatchError::Strict(row, summary)) => {
            let message = strict_stop(cat, table, &origin, &row);
            warn(&dues::msg!(cat, "error", message = message));
            (*summary, ExitCode::from(1))
        }
        Err(error) => {
            if let Some(out) = summary_out.take() {
                out.abandon();
            }
            return Err(match error {
                BatchError::Write(error) => Failure::Output { target, error },
                error => Failure::Batch { origin, error },
            });
        }
    };
    if let (Some(out), Some(path)) = (summary_out, &args.summary_json) {
        write_summary(out, path, &json::batch_summary(cat, table, &summary))?;
    }
    Ok(code)
}

/// The file `--summary-json` names, ready to be written: never the input
/// nor the `-o` file, whose rows it would replace.
fn summary_target(input: &Input, path: &Path, output: Option<&Path>) -> Result<OutFile, Failure> {
    input.refuse_as_output("--summary-json", path)?;
    let same_as_output = output.is_some_and(|o| {
        o == path
            || matches!((fs::metadata(o), fs::metadata(path)), (Ok(a), Ok(b)) if same_file(&a, &b))
    });
    if same_as_output {
        return Err(Failure::SameOutputs(path.to_path_buf()));
    }
    OutFile::create(path)
}

fn write_summary(
    mut out: OutFile,
    path: &Path,
    summary: &serde_json::Value,
) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(summary).unwrap_or_default();
    text.push('\n');
    let failed = |error| Failure::Output {
        target: Target::File(path.to_path_buf()),
        error,
    };
    out.writer().write_all(text.as_bytes()).map_err(failed)?;
    out.commit().map_err(failed)
}

/// What a batch says once its rows are written: its warnings, its closing
/// line, and the summary asked for. Exit 1 when a row is in error or
/// undecided.
fn report(
    cat: &Catalog,
    table: &Table,
    summary: &Summary,
    args: &config::Batch,
    color: Color,
) -> ExitCode {
    for w in &summary.warnings {
        warn(&dues::msg!(
            cat,
            "warning",
            message = warning(cat, table, w)
        ));
    }
    warn(&closing_line(cat, table, summary));
    if args.summary {
        let style = color.style(&io::stderr());
        warn(&human::batch_summary(cat, table, summary, style));
    }
    if summary.errors + summary.undecided_rows() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Prices `input` into `output`; with `--strict`, into a spool first, so
/// that a bad row leaves nothing written, whatever `output` is (a FIFO or
/// a device cannot be written whole or not at all, nor can stdout).
fn price_into(
    cat: &Catalog,
    table: &Table,
    input: Input,
    output: &mut dyn io::Write,
    args: &config::Batch,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    // A workbook is only written at the end: nothing to hold back.
    if !args.options.strict || args.xlsx {
        return price(cat, table, input, output, args, progress);
    }
    let mut spool = tempfile::tempfile().map_err(BatchError::Write)?;
    let summary = price(cat, table, input, &mut spool, args, progress)?;
    spool
        .seek(io::SeekFrom::Start(0))
        .map_err(BatchError::Write)?;
    io::copy(&mut spool, output).map_err(BatchError::Write)?;
    Ok(summary)
}

/// The progress line, on a terminal only, for runs longer than a second:
/// rows done, and the share read and the time left when the input's size
/// is known.
struct Progress<'a> {
    cat: &'a Catalog,
    started: Instant,
    shown: Cell<bool>,
    size: Option<u64>,
    read: Rc<Cell<u64>>,
    terminal: bool,
}

impl<'a> Progress<'a> {
    fn new(cat: &'a Catalog, size: Option<u64>, read: Rc<Cell<u64>>) -> Self {
        Progress {
            cat,
            started: Instant::now(),
            shown: Cell::new(false),
            size,
            read,
            terminal: io::stderr().is_terminal(),
        }
    }

    fn show(&self, rows: u64) {
        let elapsed = self.started.elapsed();
        if !self.terminal || elapsed.as_secs() < 1 {
            return;
        }
        let done = self
            .size
            .and_then(|size| share_and_left(elapsed, self.read.get(), size));
        warn_partial(&format!("\r\x1b[K{}", progress(self.cat, rows, done)));
        self.shown.set(true);
    }

    fn clear(&self) {
        if self.shown.get() {
            warn_partial("\r\x1b[K");
        }
    }
}

/// The share of an input of `size` bytes read (in whole percent) once `read`
/// of them took `elapsed`, and the time left at that pace, in whole seconds
/// rounded up: « encore 0 s » only at the very end. Nothing for an empty
/// input; a file grown since it was opened counts as read whole.
fn share_and_left(elapsed: Duration, read: u64, size: u64) -> Option<(u64, Duration)> {
    if size == 0 {
        return None;
    }
    let read = read.clamp(1, size);
    let (done, size) = (u128::from(read), u128::from(size));
    let left = elapsed.as_millis() * (size - done) / done;
    let left = u64::try_from(left.div_ceil(1000)).unwrap_or(u64::MAX);
    // At most 100: no overflow, whatever size a (sparse) file says it has.
    let share = (done * 100 / size) as u64;
    Some((share, Duration::from_secs(left)))
}

/// Prices `input` into `output`, through the writer of the format asked for.
fn price(
    cat: &Catalog,
    table: &Table,
    input: Input,
    mut output: impl io::Write,
    args: &config::Batch,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    if args.xlsx {
        // A workbook is written whole, once every row is priced.
        let mut sink = XlsxSink::new(table, cat);
        let summary = batch::run(table, input.opened, &mut sink, &args.options, progress)?;
        let bytes = sink.workbook(&summary)?;
        output.write_all(&bytes).map_err(BatchError::Write)?;
        return Ok(summary);
    }
    let mut sink: Box<dyn RowSink + '_> = if args.jsonl {
        Box::new(JsonlSink::new(output, table, cat))
    } else {
        Box::new(CsvSink::new(output, table, cat))
    };
    batch::run(table, input.opened, sink.as_mut(), &args.options, progress)
}

/// The input as a batch reads it: the bytes read are counted, for the
/// progress line, and it ends once. A terminal's end of input (Ctrl-D) is a
/// single read of nothing, and reading on would wait for more typing: past
/// its first end, this reader answers the end again without reading.
struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    ended: bool,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ended {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        // Nothing read into no room is not the end.
        self.ended = n == 0 && !buf.is_empty();
        Ok(n)
    }
}

/// The input of a batch, opened and sniffed.
struct Input {
    /// The file, or `None` for stdin.
    path: Option<PathBuf>,
    /// How messages name it.
    origin: String,
    opened: Opened<'static>,
    /// Its size, when known (a regular file), and the bytes read so far.
    size: Option<u64>,
    read: Rc<Cell<u64>>,
}

impl Input {
    fn open(cat: &Catalog, path: Option<&Path>, options: &Options) -> Result<Input, Failure> {
        let path = path.map(Path::to_path_buf);
        let origin = path.as_ref().map_or_else(
            || dues::msg!(cat, "origin-stdin"),
            |p| p.display().to_string(),
        );
        let read = Rc::new(Cell::new(0));
        let file: Box<dyn Read> = match &path {
            Some(p) => Box::new(fs::File::open(p).map_err(|error| Failure::InputOpen {
                origin: origin.clone(),
                error,
            })?),
            None => Box::new(io::stdin().lock()),
        };
        let source = Box::new(Counted {
            inner: file,
            read: read.clone(),
            ended: false,
        });
        let size = path
            .as_ref()
            .and_then(|p| fs::metadata(p).ok())
            .filter(|m| m.is_file())
            .map(|m| m.len());
        let extension = path
            .as_ref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        let named = match extension.as_deref() {
            Some("tsv") => Named::Tsv,
            Some(e) if batch::sheet::EXTENSIONS.contains(&e) => Named::Sheet,
            _ => Named::Csv,
        };
        // Only a regular file can be read a second time to settle its
        // encoding: reading a pipe or a process substitution again would eat
        // the rows themselves.
        let rest_is_utf8 = || match &path {
            Some(p) if fs::metadata(p).is_ok_and(|m| m.is_file()) => {
                batch::is_utf8(fs::File::open(p)?)
            }
            _ => Ok(true),
        };
        let opened =
            batch::open(source, options, named, rest_is_utf8).map_err(|error| Failure::Batch {
                origin: origin.clone(),
                error,
            })?;
        Ok(Input {
            path,
            origin,
            opened,
            size,
            read,
        })
    }

    /// What the input is, on disk.
    fn metadata(&self) -> Option<fs::Metadata> {
        match &self.path {
            Some(p) => fs::metadata(p).ok(),
            None => stream_metadata(io::stdin().as_fd()),
        }
    }

    /// `-o` must not overwrite the input it is reading, given as a path or as stdin.
    fn refuse_as_output(&self, option: &'static str, output: &Path) -> Result<(), Failure> {
        match (self.metadata(), fs::metadata(output)) {
            (Some(input), Ok(out)) if same_file(&input, &out) => Err(Failure::OutputIsInput {
                option,
                path: output.to_path_buf(),
            }),
            _ => Ok(()),
        }
    }

    /// Writing onto the file being read (`dues batch f.csv >> f.csv`) would
    /// read its own output until the disk is full: refused, as `cat` does.
    fn refuse_as_output_stream(&self, stream: BorrowedFd) -> Result<(), Failure> {
        match (self.metadata(), stream_metadata(stream)) {
            (Some(input), Some(out)) if same_file(&input, &out) => Err(Failure::InputIsOutput {
                origin: self.origin.clone(),
            }),
            _ => Ok(()),
        }
    }
}

/// What an open stream (stdin, stdout) is, on disk.
fn stream_metadata(fd: BorrowedFd) -> Option<fs::Metadata> {
    let file = fs::File::from(fd.try_clone_to_owned().ok()?);
    file.metadata().ok()
}

/// The same file, read and written at once: not a device such as
/// `/dev/null`, which can be both harmlessly.
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let device = a.file_type().is_char_device() || a.file_type().is_block_device();
    a.dev() == b.dev() && a.ino() == b.ino() && !device
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the progress line says after `millis` with `read` of `size` bytes read.
    fn line(millis: u64, read: u64, size: u64) -> String {
        let cat = Catalog::new(dues_core::text::Lang::En);
        let done = share_and_left(Duration::from_millis(millis), read, size);
        progress(&cat, 1000, done)
    }

    #[test]
    fn the_progress_line_gives_the_share_read_and_the_time_left_at_that_pace() {
        // A quarter in 1.5 s: three quarters in 4.5 s, shown as 5 s.
        assert_eq!(line(1500, 250, 1000), line_of(25, "5 s"));
        // Exactly 3 s left, and a millisecond more.
        assert_eq!(line(1000, 250, 1000), line_of(25, "3 s"));
        assert_eq!(line(1001, 250, 1000), line_of(25, "4 s"));
        // Minutes past sixty seconds; shares rounded down.
        assert_eq!(line(30_000, 333, 1000), line_of(33, "1 min 1 s"));
        // Nothing read yet counts as one byte, not a division by zero;
        // read whole, or more (a file that grew), nothing is left.
        assert_eq!(line(2000, 0, 1000), line_of(0, "33 min 18 s"));
        assert_eq!(line(2000, 1000, 1000), line_of(100, "0 s"));
        assert_eq!(line(2000, 5000, 1000), line_of(100, "0 s"));
        // A sparse file of 16 EiB, a quarter read (less a hair): no overflow.
        assert_eq!(line(1000, u64::MAX / 4, u64::MAX), line_of(24, "3 s"));
    }

    #[test]
    fn an_empty_input_has_no_share_nor_time_left() {
        assert_eq!(share_and_left(Duration::from_secs(3), 10, 0), None);
    }

    /// A terminal's input: what each read gets (nothing: an end, Ctrl-D).
    struct Typed(Vec<&'static [u8]>);

    impl Read for Typed {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let part = self.0.remove(0);
            buf[..part.len()].copy_from_slice(part);
            Ok(part.len())
        }
    }

    #[test]
    fn an_input_ends_at_its_first_end_not_at_a_read_into_no_room() {
        let typed = Typed(vec![b"", b"a,b\n", b"", b"typed after the end"]);
        let read = Rc::new(Cell::new(0));
        let mut input = Counted {
            inner: typed,
            read: read.clone(),
            ended: false,
        };
        assert_eq!(input.read(&mut []).unwrap(), 0);
        let mut text = Vec::new();
        input.read_to_end(&mut text).unwrap();
        assert_eq!(text, b"a,b\n");
        assert_eq!(input.read(&mut [0; 32]).unwrap(), 0);
        assert_eq!(read.get(), 4);
    }

    fn line_of(percent: u64, left: &str) -> String {
        format!("dues batch: 1,000 rows, {percent}%, {left} left…")
    }
}
