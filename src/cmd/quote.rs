//! `dues quote`: the fee of one organisation, why, and the benefits.

use std::process::ExitCode;

use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::i18n::quote::{quote_error, warning};
use dues::msg;
use dues::output::{csv, human, json};
use dues_core::Table;
use dues_core::classify::{Field, QuoteError, Request, quote};

use super::{print, print_json, warn};
use crate::config::{Color, Quote};

pub fn run(cat: &Catalog, table: &Table, args: &Quote, color: Color) -> Result<ExitCode, Failure> {
    let request = Request {
        budget: &args.budget,
        kind: &args.kind,
        strategy: args.strategy.as_deref(),
    };
    let outcome = quote(table, request);
    let name = args.name.as_deref();
    match args.format.as_str() {
        "csv" => {
            let input = match &outcome {
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
                    args.kind.clone(),
                    args.budget.clone(),
                    args.strategy.clone().unwrap_or_default(),
                ],
            };
            let fields = input.each_ref().map(String::as_str);
            let result = outcome
                .as_ref()
                .map(|q| q.tier)
                .map_err(|e| quote_error(cat, table, e));
            print(&csv::quote_csv(table, fields, result))?;
        }
        "json" => match &outcome {
            Ok(q) => print_json(&json::quote(cat, table, q, name))?,
            Err(e) => {
                let echo = json::InputEcho {
                    name,
                    kind: &args.kind,
                    budget: &args.budget,
                    strategy: args.strategy.as_deref(),
                };
                print_json(&json::quote_error_object(cat, table, e, &echo))?
            }
        },
        _ => {
            if let Ok(q) = &outcome {
                let style = color.style(&std::io::stdout());
                print(&human::quote(cat, table, q, name, args.explain, style))?;
            }
        }
    }
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
