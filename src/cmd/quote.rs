//! `dues quote`: the fee of one organisation, why, and the benefits — for a
//! person, a script, or a prospect (a letter, a page to print). In a
//! terminal, what is missing is asked ([`super::ask`]).

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::i18n::quote::{fee_long, quote_error, warning};
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

/// `--name`, as given: a blank one is none; one with an invisible control or
/// formatting character (a line break, a right-to-left override) is refused,
/// as it would garble a letter or the terminal.
fn checked_name<'a>(cat: &Catalog, name: Option<&'a str>) -> Result<Option<&'a str>, Failure> {
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        return Ok(None);
    };
    let invisible = |c: &char| {
        c.is_control()
            || matches!(*c, '\u{200e}' | '\u{200f}' | '\u{061c}')
            || ('\u{202a}'..='\u{202e}').contains(c)
            || ('\u{2066}'..='\u{2069}').contains(c)
            || ('\u{e000}'..='\u{f8ff}').contains(c)
    };
    match name.chars().find(invisible) {
        None => Ok(Some(name)),
        Some(c) => {
            let shown: String = name.chars().filter(|c| !invisible(c)).collect();
            let code = format!("U+{:04X}", u32::from(c));
            warn(&msg!(
                cat,
                "error",
                message = msg!(cat, "fail-name-control", name = shown, code = code)
            ));
            Err(Failure::Reported(2))
        }
    }
}

pub fn run(cat: &Catalog, table: &Table, args: &Args, color: Color) -> Result<ExitCode, Failure> {
    let name = checked_name(cat, args.name.as_deref())?;
    let letter = matches!(args.format.as_str(), "letter" | "html");
    if letter {
        // Before any question: a letter needs its sender.
        issuer(table)?;
    } else if args.date.is_some() {
        warn(&msg!(
            cat,
            "warning",
            message = msg!(cat, "warn-date-unused")
        ));
    }
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
    render(cat, table, args, name, &given, &outcome, color)?;
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
        None => asker.budget(None)?,
    };
    let kind = match &args.kind {
        Some(kind) => kind.clone(),
        None => asker.kind(None)?,
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
        let mut outcome = quote(table, request(&given));
        let org = match &outcome {
            Ok(q) => q.org,
            Err(QuoteError::StrategyRequired { yes, .. }) => yes.org,
            // A value that cannot be read is said why, and asked again,
            // started from what was typed.
            Err(e @ QuoteError::Budget(_)) => {
                refused(cat, table, e);
                given.budget = asker.budget(Some(&given.budget))?;
                continue;
            }
            Err(e @ QuoteError::Kind(_)) => {
                refused(cat, table, e);
                given.kind = asker.kind(Some(&given.kind))?;
                continue;
            }
            // An answer that is none: said why, then asked where it matters.
            Err(e @ QuoteError::Strategy(_)) => {
                refused(cat, table, e);
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
            // The fee each answer gives: what the person on the phone weighs.
            let fee = |q: &Quote| fee_long(cat, table, &table.tiers[q.tier]);
            let (yes, no) = (fee(yes), fee(no));
            given.strategy = Some(asker.strategy(&yes, &no)?);
            continue;
        }
        // A budget confirmed as typed needs no warning after.
        if confirmed && let Ok(q) = &mut outcome {
            q.implausible = None;
        }
        return Ok((given, outcome));
    }
}

/// A value from the command line that the guided quote asks again: why.
fn refused(cat: &Catalog, table: &Table, error: &QuoteError) {
    warn(&msg!(cat, "error", message = unquotable(cat, table, error)));
}

/// The quote in the format asked for, on stdout.
fn render(
    cat: &Catalog,
    table: &Table,
    args: &Args,
    name: Option<&str>,
    given: &Given,
    outcome: &Result<Quote, QuoteError>,
    color: Color,
) -> Result<(), Failure> {
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
            &letter_of(args, name)?,
            issuer(table)?,
        )),
        ("html", Ok(q)) => print(&letter::html(
            cat,
            table,
            q,
            &letter_of(args, name)?,
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

/// What a letter says beside the quote: to whom, and when (today, unless
/// `--date` says; a clock out of range is an error, not a panic).
fn letter_of<'a>(args: &Args, name: Option<&'a str>) -> Result<letter::Letter<'a>, Failure> {
    let date = match args.date {
        Some(date) => date,
        None => jiff::Timestamp::try_from(std::time::SystemTime::now())
            .map(|now| now.to_zoned_datetime(jiff::tz::TimeZone::system()).date())
            .map_err(|_| Failure::Clock)?,
    };
    Ok(letter::Letter {
        recipient: name,
        date,
    })
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
