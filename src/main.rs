//! The `dues` binary: parse the arguments, call the library, print, exit.
//! Exit codes: 0 done; 1 the input cannot be quoted; 2 usage or table error.

mod cli;

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cli::{Cli, ColorArg, Command, LangArg, QuoteArgs, QuoteFormat, TiersFormat};
use dues::classify::{QuoteError, Request, quote};
use dues::render::{self, InputEcho, Style};
use dues::text::Lang;
use dues::tiers::{BUILT_IN, BUILT_IN_NAME, Table};

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
    let terminal = io::stdout().is_terminal();
    let style = Style {
        terminal,
        color: match cli.global.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        },
    };
    let tiers = cli.global.tiers.as_deref();
    match cli.command {
        Command::Quote(args) => quote_command(&load_table(tiers)?, &args, lang, style),
        Command::Tiers { format } => {
            let table = load_table(tiers)?;
            match format {
                TiersFormat::Table => print(&render::tiers_human(&table, lang, style))?,
                TiersFormat::Json => print_json(&render::tiers_json(&table, lang))?,
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
        return Ok(Table::parse(BUILT_IN, BUILT_IN_NAME)?);
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
