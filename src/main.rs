//! The `dues` binary: parse the arguments, call the library, print, exit.
//! Exit codes: 0 done; 1 the input cannot be quoted; 2 usage or table error.

mod cli;
mod outfile;

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cli::{
    BatchArgs, BatchFormat, Cli, ColorArg, Command, EncodingArg, LangArg, QuoteArgs, QuoteFormat,
    TiersFormat,
};
use dues::batch::{self, BatchError, Encoding, Endian, Format, Options};
use dues::classify::{QuoteError, Request, quote};
use dues::render::{self, InputEcho, Style};
use dues::text::Lang;
use dues::tiers::Table;
use outfile::OutFile;

/// An input that cannot be quoted: exit 1. Its message is already rendered.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Unquotable(String);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            warn(&format!("dues: error: {err:#}"));
            if err.chain().any(|e| e.is::<Unquotable>()) {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

/// Help and version go to stdout, and a failure to write them is an error
/// (exit 2) like any other; usage errors go to stderr, exit 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let printed = e.print().and_then(|()| io::stdout().flush());
    if e.use_stderr() {
        return ExitCode::from(2);
    }
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            warn(&format!("dues: error: cannot write to stdout: {err}"));
            ExitCode::from(2)
        }
    }
}

/// A line on stderr. If stderr itself cannot be written (closed, full),
/// there is nowhere left to say so: the exit code still tells.
fn warn(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}").and_then(|()| err.flush());
}

/// Text on stderr with no line end (the progress line), on the same terms as [`warn`].
fn warn_partial(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let lang = match cli.global.lang {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    };
    let style = style_for(cli.global.color, io::stdout().is_terminal());
    // `DUES_TIERS=` (set but empty) means no table file: the built-in one.
    let tiers = cli
        .global
        .tiers
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(Path::new);
    let stdin = Path::new("-");
    if let Command::Batch(args) = &cli.command
        && tiers == Some(stdin)
        && args.input.as_deref().is_none_or(|p| p == stdin)
    {
        anyhow::bail!("--tiers - and the batch input both read stdin; give one of them as a file");
    }
    match cli.command {
        Command::Quote(args) => quote_command(&load_table(tiers)?.0, &args, lang, style),
        Command::Batch(args) => batch_command(&load_table(tiers)?.0, args, lang, cli.global.color),
        Command::Tiers { format } => {
            let (table, source) = load_table(tiers)?;
            match format {
                TiersFormat::Table => print(&render::tiers_human(&table, lang, style))?,
                TiersFormat::Json => print_json(&render::tiers_json(&table, lang))?,
                // The source, to start next year's table from.
                TiersFormat::Toml => print(&source)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file } => check_command(file.as_deref().or(tiers)),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dues", &mut out);
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The built-in table, or the file given (`-`: stdin, read once), with its
/// source text. Loading runs the table's examples: a table that fails its
/// own examples is refused like any invalid one.
fn load_table(path: Option<&Path>) -> Result<(Table, String)> {
    let Some(path) = path else {
        return Ok((Table::built_in()?, dues::tiers::BUILT_IN.to_string()));
    };
    let (text, origin) = read_text(path)?;
    let table = dues::examples::load(&text, &origin)?;
    Ok((table, text))
}

fn read_text(path: &Path) -> Result<(String, String)> {
    if path == Path::new("-") {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the tier table from stdin")?;
        return Ok((text, "<stdin>".to_string()));
    }
    let origin = path.display().to_string();
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read tier table {origin}"))?;
    Ok((text, origin))
}

fn quote_command(table: &Table, args: &QuoteArgs, lang: Lang, style: Style) -> Result<ExitCode> {
    let request = Request {
        budget: &args.budget,
        kind: &args.kind,
        strategy: args.network_strategy.as_deref(),
    };
    let echo = InputEcho {
        name: args.name.as_deref(),
        kind: &args.kind,
        budget: &args.budget,
        strategy: args.network_strategy.as_deref(),
    };
    let outcome = quote(table, request);
    match args.format {
        QuoteFormat::Csv => print(&render::quote_csv(table, &outcome, &echo, lang))?,
        QuoteFormat::Json => match &outcome {
            Ok(q) => print_json(&render::quote_json(table, q, echo.name, lang))?,
            Err(e) => print_json(&render::error_json(table, e, &echo, lang))?,
        },
        QuoteFormat::Table => {
            if let Ok(q) = &outcome {
                print(&render::quote_human(
                    table,
                    q,
                    echo.name,
                    lang,
                    args.explain,
                    style,
                ))?;
            }
        }
    }
    match outcome {
        Ok(q) => {
            if q.strategy_ignored {
                warn(&format!(
                    "dues: warning: {}",
                    render::strategy_ignored(table, &q, lang)
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let hint = match e {
                QuoteError::StrategyRequired { .. } => "; answer with --network-strategy yes or no",
                _ => "",
            };
            Err(Unquotable(format!(
                "--{}: {}{hint}",
                e.field().replace('_', "-"),
                render::error_message(table, &e, lang)
            ))
            .into())
        }
    }
}

fn batch_command(table: &Table, args: BatchArgs, lang: Lang, color: ColorArg) -> Result<ExitCode> {
    let options = batch_options(&args, lang);
    let input = Input::open(args.input.as_deref(), &options)?;
    let progress_shown = std::cell::Cell::new(false);
    let started = std::time::Instant::now();
    let progress = |rows: u64| {
        if io::stderr().is_terminal() && started.elapsed().as_secs() >= 1 {
            warn_partial(&format!("\rdues batch: {rows} rows…"));
            progress_shown.set(true);
        }
    };
    let (outcome, output_name) = match &args.output {
        Some(out_path) => {
            input.refuse_as_output(out_path)?;
            let mut out = OutFile::create(out_path)?;
            let outcome = batch::run(
                table,
                input.dialect,
                input.reader,
                out.writer(),
                &options,
                progress,
            );
            match outcome {
                Ok(_) => out
                    .commit()
                    .with_context(|| format!("cannot write {}", out_path.display()))?,
                Err(_) => out.abandon(),
            }
            (outcome, out_path.display().to_string())
        }
        None => {
            input.refuse_as_output_stream(io::stdout().as_fd(), "stdout")?;
            let outcome = batch::run(
                table,
                input.dialect,
                input.reader,
                io::stdout().lock(),
                &options,
                progress,
            );
            (outcome, "stdout".to_string())
        }
    };
    if progress_shown.get() {
        warn_partial("\r\x1b[K");
    }
    let summary = match outcome {
        Ok(summary) => summary,
        Err(BatchError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        Err(BatchError::Strict(message)) => {
            return Err(Unquotable(format!(
                "{}: {message} (--strict: stopped there)",
                input.origin
            ))
            .into());
        }
        Err(BatchError::Write(e)) => {
            return Err(anyhow::Error::new(e).context(format!("cannot write to {output_name}")));
        }
        Err(e) => return Err(anyhow::Error::new(e).context(input.origin)),
    };
    warn(&render::batch_line(table, &summary, lang));
    if args.summary {
        let style = style_for(color, io::stderr().is_terminal());
        warn(&render::batch_summary(table, &summary, lang, style));
    }
    Ok(if summary.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn batch_options(args: &BatchArgs, lang: Lang) -> Options {
    Options {
        delimiter: args.delimiter.0,
        encoding: match args.encoding {
            EncodingArg::Auto => None,
            EncodingArg::Utf8 => Some(Encoding::Utf8),
            EncodingArg::Windows1252 => Some(Encoding::Windows1252),
            EncodingArg::Utf16Le => Some(Encoding::Utf16(Endian::Little)),
            EncodingArg::Utf16Be => Some(Encoding::Utf16(Endian::Big)),
        },
        name_column: args.name_column.clone(),
        kind_column: args.kind_column.clone(),
        budget_column: args.budget_column.clone(),
        strategy_column: args.strategy_column.clone(),
        format: match args.format {
            BatchFormat::Csv => Format::Csv,
            BatchFormat::Jsonl => Format::Jsonl,
        },
        strict: args.strict,
        lang,
    }
}

/// The input of a batch, opened and sniffed.
struct Input {
    /// The file, or `None` for stdin.
    path: Option<PathBuf>,
    /// How messages name it.
    origin: String,
    dialect: batch::Dialect,
    reader: Box<dyn Read>,
}

impl Input {
    fn open(path: Option<&Path>, options: &Options) -> Result<Input> {
        let path = path.filter(|p| *p != Path::new("-")).map(Path::to_path_buf);
        let origin = path
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let source: Box<dyn Read> = match &path {
            Some(p) => {
                Box::new(fs::File::open(p).with_context(|| format!("cannot read {origin}"))?)
            }
            None => Box::new(io::stdin().lock()),
        };
        let tsv = path
            .as_ref()
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        // Only a regular file can be read a second time to settle its
        // encoding: reading a pipe or a process substitution again would eat
        // the rows themselves.
        let rest_is_utf8 = || match &path {
            Some(p) if fs::metadata(p).is_ok_and(|m| m.is_file()) => {
                batch::is_utf8(fs::File::open(p)?)
            }
            _ => Ok(true),
        };
        let (dialect, reader) =
            batch::open(source, options, tsv, rest_is_utf8).with_context(|| origin.clone())?;
        Ok(Input {
            path,
            origin,
            dialect,
            reader,
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
    fn refuse_as_output(&self, output: &Path) -> Result<()> {
        if let (Some(input), Ok(out)) = (self.metadata(), fs::metadata(output))
            && same_file(&input, &out)
        {
            anyhow::bail!(
                "-o {} is the input file; write the priced rows to another file",
                output.display()
            );
        }
        Ok(())
    }

    /// Writing onto the file being read (`dues batch f.csv >> f.csv`) would
    /// read its own output until the disk is full: refused, as `cat` does.
    fn refuse_as_output_stream(&self, stream: std::os::fd::BorrowedFd, name: &str) -> Result<()> {
        if let (Some(input), Some(out)) = (self.metadata(), stream_metadata(stream))
            && same_file(&input, &out)
        {
            anyhow::bail!(
                "{}: the input file is also the output ({name}); write the priced rows to \
                 another file",
                self.origin
            );
        }
        Ok(())
    }
}

/// What an open stream (stdin, stdout) is, on disk.
fn stream_metadata(fd: std::os::fd::BorrowedFd) -> Option<fs::Metadata> {
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

/// How the human view looks on a stream: boxes on a terminal; bold as
/// `--color` says (`auto`: on a terminal, unless NO_COLOR is set).
fn style_for(color: ColorArg, terminal: bool) -> Style {
    Style {
        terminal,
        color: match color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        },
    }
}

fn check_command(path: Option<&Path>) -> Result<ExitCode> {
    let (table, _) = load_table(path)?;
    let by_budget = table.tiers.iter().filter(|t| t.rule.is_none()).count();
    print(&format!(
        "{}: valid — {} tiers ({} by budget, {} by rule), {} kinds, {} benefits; {} examples pass\n",
        table.origin,
        table.tiers.len(),
        by_budget,
        table.tiers.len() - by_budget,
        table.kinds.len(),
        table.benefits.len(),
        table.examples.len()
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn print(text: &str) -> Result<()> {
    write_stdout(text.as_bytes())
}

fn print_json(value: &serde_json::Value) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    print(&text)
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to stdout")
}
