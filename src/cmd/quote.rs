//! `dues quote`: the fee of one organisation, why, and the benefits — for a
//! person, a script, or a prospect (a letter, a page to print). In a
//! terminal, what is missing is asked ([`super::ask`]).

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::i18n::quote::{outcome as in_words, quote_error, warning};
use dues::i18n::usage::usage_error;
use dues::msg;
use dues::output::{csv, human, json, letter};
use dues_core::Table;
use dues_core::classify::{Field, Quote, QuoteError, Request, quote};

use super::ask::Asker;
use super::{print, print_json, warn};
use crate::config::{Color, Quote as Args};

/// What the user gave, or answered.
struct Given {
    budget: String,
    kind: String,
    strategy: Option<String>,
}

pub fn run(cat: &Catalog, table: &Table, args: &Args, color: Color) -> Result<ExitCode, Failure> {
    let colored = color.style(&std::io::stderr()).color;
    let asker = Asker::new(cat, table, colored, args.no_input);
    let given = gather(cat, args, asker.as_ref())?;
    let outcome = match &asker {
        Some(asker) => guided(cat, table, given, asker)?,
        None => {
            let outcome = quote(table, request(&given));
            (given, outcome)
        }
    };
    let (given, outcome) = outcome;
    render(cat, table, args, &given, &outcome, color)?;
    match outcome {
        Ok(q) => {
            for w in q.warnings() {
                warn(&msg!(cat, "warning", message = warning(cat, table, &q, w)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            warn(&msg!(cat, "error", message = unquotable(cat, table, &e)));
            Err(Failure::Reported(1))
        }
    }
}

fn request(given: &Given) -> Request<'_> {
    Request {
        budget: &given.budget,
        kind: &given.kind,
        strategy: given.strategy.as_deref(),
    }
}

/// The budget and kind, from the command line, else asked; without a
/// terminal to ask on, a missing one is a usage error, as it always was.
fn gather(cat: &Catalog, args: &Args, asker: Option<&Asker>) -> Result<Given, Failure> {
    let missing: Vec<String> = [
        (args.budget.is_none(), "--budget", msg!(cat, "value-amount")),
        (args.kind.is_none(), "--kind", msg!(cat, "value-kind")),
    ]
    .into_iter()
    .filter(|(missing, ..)| *missing)
    .map(|(_, option, value)| format!("{option} <{value}>"))
    .collect();
    let Some(asker) = asker else {
        if !missing.is_empty() {
            return Err(missing_arguments(cat, &missing));
        }
        return Ok(Given {
            budget: args.budget.clone().unwrap_or_default(),
            kind: args.kind.clone().unwrap_or_default(),
            strategy: args.strategy.clone(),
        });
    };
    let budget = match &args.budget {
        Some(budget) => budget.clone(),
        None => asker.budget()?,
    };
    let kind = match &args.kind {
        Some(kind) => kind.clone(),
        None => asker.kind()?,
    };
    Ok(Given {
        budget,
        kind,
        strategy: args.strategy.clone(),
    })
}

/// The guided quote: a value that cannot be read is asked again, a budget
/// that cannot be right for its kind is confirmed, and the strategy
/// question is asked when its answer decides the fee.
fn guided(
    cat: &Catalog,
    table: &Table,
    mut given: Given,
    asker: &Asker,
) -> Result<(Given, Result<Quote, QuoteError>), Failure> {
    let mut confirmed = false;
    loop {
        let outcome = quote(table, request(&given));
        let org = match &outcome {
            Ok(q) => q.org,
            Err(QuoteError::StrategyRequired { yes, .. }) => yes.org,
            Err(QuoteError::Budget(_)) => {
                given.budget = asker.budget()?;
                continue;
            }
            Err(QuoteError::Kind(_)) => {
                given.kind = asker.kind()?;
                continue;
            }
            Err(QuoteError::Strategy(_)) => {
                given.strategy = None;
                continue;
            }
        };
        let implausible = dues_core::classify::implausible(table, &given.budget, &org);
        if let (false, Some(implausible)) = (confirmed, implausible) {
            confirmed = true;
            if let Some(budget) = asker.confirm_budget(org.budget, org.kind, implausible)? {
                given.budget = budget;
                continue;
            }
        }
        if let Err(QuoteError::StrategyRequired { yes, no }) = &outcome {
            let (yes, no) = (in_words(cat, table, yes), in_words(cat, table, no));
            given.strategy = Some(asker.strategy(&yes, &no)?);
            continue;
        }
        return Ok((given, outcome));
    }
}

/// The quote in the format asked for, on stdout.
fn render(
    cat: &Catalog,
    table: &Table,
    args: &Args,
    given: &Given,
    outcome: &Result<Quote, QuoteError>,
    color: Color,
) -> Result<(), Failure> {
    let name = args.name.as_deref();
    match (args.format.as_str(), outcome) {
        ("csv", _) => print(&csv_row(cat, table, name, given, outcome)),
        ("json", Ok(q)) => print_json(&json::quote(cat, table, q, name)),
        ("json", Err(e)) => {
            let echo = json::InputEcho {
                name,
                kind: &given.kind,
                budget: &given.budget,
                strategy: given.strategy.as_deref(),
            };
            print_json(&json::quote_error_object(cat, table, e, &echo))
        }
        ("letter", Ok(q)) => print(&letter::markdown(
            cat,
            table,
            q,
            &letter_of(args),
            issuer(table)?,
        )),
        ("html", Ok(q)) => print(&letter::html(
            cat,
            table,
            q,
            &letter_of(args),
            issuer(table)?,
        )),
        ("text", Ok(q)) => {
            let style = human::Style {
                terminal: false,
                color: false,
                width: None,
            };
            print(&human::quote(cat, table, q, name, args.explain, style))
        }
        (_, Ok(q)) => {
            let style = color.style(&std::io::stdout());
            print(&human::quote(cat, table, q, name, args.explain, style))
        }
        (_, Err(_)) => Ok(()),
    }
}

/// Who sends a letter: the table's `[issuer]`, which a letter cannot do
/// without.
fn issuer(table: &Table) -> Result<&dues_core::table::Issuer, Failure> {
    table.issuer.as_ref().ok_or_else(|| Failure::NoIssuer {
        origin: table.origin.clone(),
    })
}

/// What a letter says beside the quote: to whom, and when.
fn letter_of(args: &Args) -> letter::Letter<'_> {
    letter::Letter {
        recipient: args.name.as_deref(),
        date: args
            .date
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
    }
}

fn csv_row(
    cat: &Catalog,
    table: &Table,
    name: Option<&str>,
    given: &Given,
    outcome: &Result<Quote, QuoteError>,
) -> String {
    let input = match outcome {
        Ok(q) => [
            name.unwrap_or("").to_string(),
            table.kinds[q.org.kind].id.clone(),
            dues_core::money::machine(q.org.budget),
            q.org
                .strategy
                .map_or("", |s| if s { "yes" } else { "no" })
                .to_string(),
        ],
        Err(_) => [
            name.unwrap_or("").to_string(),
            given.kind.clone(),
            given.budget.clone(),
            given.strategy.clone().unwrap_or_default(),
        ],
    };
    let fields = input.each_ref().map(String::as_str);
    let result = outcome
        .as_ref()
        .map(|q| q.tier)
        .map_err(|e| quote_error(cat, table, e));
    csv::quote_csv(table, fields, result)
}

/// `--budget` or `--kind` missing where nobody can be asked: clap's usage
/// error, in the user's language.
fn missing_arguments(cat: &Catalog, args: &[String]) -> Failure {
    let mut command = crate::cli::command(cat);
    command.build();
    let mut quote = command
        .find_subcommand("quote")
        .cloned()
        .unwrap_or_default()
        .bin_name("dues quote");
    let usage = quote.render_usage();
    let mut error = clap::Error::new(ErrorKind::MissingRequiredArgument).with_cmd(&quote);
    let names = args.to_vec();
    error.insert(ContextKind::InvalidArg, ContextValue::Strings(names));
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    warn(&usage_error(cat, &error));
    Failure::Reported(2)
}

/// Why the input cannot be quoted, naming the option at fault.
fn unquotable(cat: &Catalog, table: &Table, error: &QuoteError) -> String {
    let option = match error.field() {
        Field::Budget => "--budget",
        Field::Kind => "--kind",
        Field::NetworkStrategy => "--network-strategy",
    };
    let message = quote_error(cat, table, error);
    match error {
        QuoteError::StrategyRequired { .. } => {
            msg!(
                cat,
                "err-option-strategy-required",
                option = option,
                message = message
            )
        }
        _ => msg!(cat, "err-option", option = option, message = message),
    }
}
