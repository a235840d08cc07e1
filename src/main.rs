//! The `dues` binary: parse the arguments, call the library, print, exit.
//! Exit codes: 0 done; 1 the input cannot be quoted; 2 usage or table error.

mod cli;

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cli::{
    BatchArgs, BatchFormat, Cli, ColorArg, Command, EncodingArg, LangArg, QuoteArgs, QuoteFormat,
    TiersFormat,
};
use dues::batch::{self, BatchError, Encoding, Format, Options};
use dues::classify::{QuoteError, Request, quote};
use dues::render::{self, InputEcho, Style};
use dues::text::Lang;
use dues::tiers::Table;

/// An input that cannot be quoted: exit 1. Its message is already rendered.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Unquotable(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dues: error: {err:#}");
            if err.chain().any(|e| e.is::<Unquotable>()) {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
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
    match cli.command {
        Command::Quote(args) => quote_command(&load_table(tiers)?, &args, lang, style),
        Command::Batch(args) => {
            let tiers_from_stdin = tiers == Some(Path::new("-"));
            batch_command(
                &load_table(tiers)?,
                args,
                lang,
                cli.global.color,
                tiers_from_stdin,
            )
        }
        Command::Tiers { format } => {
            let table = load_table(tiers)?;
            match format {
                TiersFormat::Table => print(&render::tiers_human(&table, lang, style))?,
                TiersFormat::Json => print_json(&render::tiers_json(&table, lang))?,
                // The source, to start next year's table from.
                TiersFormat::Toml => match tiers {
                    None => print(dues::tiers::BUILT_IN)?,
                    Some(path) => print(&read_text(path)?.0)?,
                },
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

/// The built-in table, or the file given (`-`: stdin).
fn load_table(path: Option<&Path>) -> Result<Table> {
    let Some(path) = path else {
        return Ok(Table::built_in()?);
    };
    let (text, origin) = read_text(path)?;
    Ok(Table::parse(&text, &origin)?)
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
                eprintln!(
                    "dues: warning: {}",
                    render::strategy_ignored(table, &q, lang)
                );
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

fn batch_command(
    table: &Table,
    args: BatchArgs,
    lang: Lang,
    color: ColorArg,
    tiers_from_stdin: bool,
) -> Result<ExitCode> {
    let options = Options {
        delimiter: args.delimiter.0,
        encoding: match args.encoding {
            EncodingArg::Auto => None,
            EncodingArg::Utf8 => Some(Encoding::Utf8),
            EncodingArg::Windows1252 => Some(Encoding::Windows1252),
        },
        name_column: args.name_column,
        kind_column: args.kind_column,
        budget_column: args.budget_column,
        strategy_column: args.strategy_column,
        format: match args.format {
            BatchFormat::Csv => Format::Csv,
            BatchFormat::Jsonl => Format::Jsonl,
        },
        strict: args.strict,
        lang,
    };
    let input_path = args.input.filter(|p| p != Path::new("-"));
    if input_path.is_none() && tiers_from_stdin {
        anyhow::bail!("--tiers - and the batch input both read stdin; give one of them as a file");
    }
    let origin = input_path
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let mut source: Box<dyn Read> = match &input_path {
        Some(path) => {
            Box::new(fs::File::open(path).with_context(|| format!("cannot read {origin}"))?)
        }
        None => Box::new(io::stdin().lock()),
    };
    let mut sample = Vec::new();
    source
        .by_ref()
        .take(batch::SNIFF_BYTES as u64)
        .read_to_end(&mut sample)
        .with_context(|| format!("cannot read {origin}"))?;
    let at_eof = sample.len() < batch::SNIFF_BYTES;
    let tsv = input_path
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    // A file can be read to its end to settle the encoding; stdin or a pipe
    // cannot be read twice, so its first MiB decides.
    let rest_is_utf8 = || match &input_path {
        // Only a regular file can be opened again: reading a pipe or a
        // process substitution a second time would eat the rows themselves.
        Some(path) if fs::metadata(path).is_ok_and(|m| m.is_file()) => {
            batch::is_utf8(fs::File::open(path)?)
        }
        _ => Ok(true),
    };
    let dialect = batch::sniff(&sample, at_eof, &options, tsv, rest_is_utf8)
        .with_context(|| origin.clone())?;
    let skip = if dialect.bom { 3 } else { 0 };
    let input = io::Cursor::new(sample).chain(source);
    let mut input = input;
    io::copy(&mut input.by_ref().take(skip), &mut io::sink())?;

    let progress_shown = std::cell::Cell::new(false);
    let started = std::time::Instant::now();
    let progress = |rows: u64| {
        if io::stderr().is_terminal() && started.elapsed().as_secs() >= 1 {
            eprint!("\rdues batch: {rows} rows…");
            progress_shown.set(true);
        }
    };
    let outcome = match &args.output {
        Some(out_path) => {
            refuse_same_file(input_path.as_deref(), out_path)?;
            let dir = out_path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut temp = temp_file_for(out_path, dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            let summary = batch::run(
                table,
                dialect,
                input,
                temp.as_file_mut(),
                &options,
                progress,
            );
            if summary.is_ok() {
                temp.persist(out_path)
                    .with_context(|| format!("cannot write {}", out_path.display()))?;
            }
            summary
        }
        None => batch::run(
            table,
            dialect,
            input,
            io::stdout().lock(),
            &options,
            progress,
        ),
    };
    if progress_shown.get() {
        eprint!("\r\x1b[K");
    }
    let summary = match outcome {
        Ok(summary) => summary,
        Err(e) if is_broken_pipe_batch(&e) => return Ok(ExitCode::SUCCESS),
        Err(BatchError::Strict(message)) => {
            return Err(
                Unquotable(format!("{origin}: {message} (--strict: stopped there)")).into(),
            );
        }
        Err(e) => return Err(anyhow::Error::new(e).context(origin)),
    };
    eprintln!("{}", render::batch_line(table, &summary, lang));
    if args.summary {
        let style = style_for(color, io::stderr().is_terminal());
        eprintln!("{}", render::batch_summary(table, &summary, lang, style));
    }
    Ok(if summary.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn is_broken_pipe_batch(err: &BatchError) -> bool {
    matches!(err, BatchError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
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

/// A temporary file beside `target`, with the permissions `target` has, or
/// else those a new file gets (0666 less the umask), not tempfile's 0600.
fn temp_file_for(target: &Path, dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dues-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = match fs::metadata(target) {
            Ok(meta) => meta.permissions(),
            Err(_) => fs::Permissions::from_mode(0o666),
        };
        builder.permissions(permissions);
    }
    builder.tempfile_in(dir)
}

/// `-o` must not overwrite the input it is reading.
fn refuse_same_file(input: Option<&Path>, output: &Path) -> Result<()> {
    let (Some(input), Ok(out_meta)) = (input, fs::metadata(output)) else {
        return Ok(());
    };
    let in_meta = fs::metadata(input)?;
    #[cfg(unix)]
    let same = {
        use std::os::unix::fs::MetadataExt;
        in_meta.dev() == out_meta.dev() && in_meta.ino() == out_meta.ino()
    };
    #[cfg(not(unix))]
    let same = {
        let _ = (in_meta, out_meta);
        fs::canonicalize(input)? == fs::canonicalize(output)?
    };
    if same {
        anyhow::bail!(
            "-o {} is the input file; write the priced rows to another file",
            output.display()
        );
    }
    Ok(())
}

fn check_command(path: Option<&Path>) -> Result<ExitCode> {
    let table = load_table(path)?;
    let failures = dues::examples::run(&table);
    if !failures.is_empty() {
        return Err(dues::tiers::TableError::Invalid {
            origin: table.origin.clone(),
            problems: failures,
        }
        .into());
    }
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
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}
