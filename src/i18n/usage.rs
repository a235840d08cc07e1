//! clap's usage errors, worded from their kind and context in the user's
//! language: a missing argument, an unknown one (with « did you mean »), an
//! invalid value (with the values accepted), and the rest.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Catalog;
use crate::msg;

fn text(value: Option<&ContextValue>) -> String {
    match value {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => {
            let v: Vec<String> = v.iter().map(ToString::to_string).collect();
            v.join(", ")
        }
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// The whole message: `dues: error: …`, any suggestion, the usage, and how
/// to learn more.
pub fn usage_error(cat: &Catalog, e: &clap::Error) -> String {
    let get = |kind| text(e.get(kind));
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => msg!(cat, "clap-missing-argument", args = arg),
        ErrorKind::UnknownArgument => msg!(cat, "clap-unknown-argument", arg = arg),
        ErrorKind::InvalidValue if value.is_empty() => msg!(cat, "clap-empty-value", arg = arg),
        ErrorKind::InvalidValue => msg!(cat, "clap-invalid-value", value = value, arg = arg),
        ErrorKind::ValueValidation => msg!(cat, "clap-invalid-value", value = value, arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            cat,
            "clap-unknown-command",
            command = get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!(
                cat,
                "clap-missing-command",
                commands = get(ContextKind::ValidSubcommand)
            )
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            if other == arg {
                msg!(cat, "clap-repeated", arg = arg)
            } else {
                msg!(cat, "clap-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::NoEquals => msg!(cat, "clap-no-equals", arg = arg),
        ErrorKind::TooManyValues => msg!(cat, "clap-too-many-values", value = value, arg = arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!(cat, "clap-wrong-number-of-values", arg = arg)
        }
        ErrorKind::InvalidUtf8 => msg!(cat, "clap-invalid-utf8"),
        _ => msg!(cat, "clap-other"),
    };
    let mut out = msg!(cat, "error", message = what);
    for tip in tips(cat, e) {
        out.push_str("\n\n  ");
        out.push_str(&tip);
    }
    let usage = get(ContextKind::Usage);
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
    if !usage.is_empty() {
        out.push_str("\n\n");
        out.push_str(&msg!(cat, "clap-usage", usage = usage));
    }
    out.push_str("\n\n");
    out.push_str(&msg!(cat, "clap-more"));
    out
}

/// A `--date` that is no day written `YYYY-MM-DD` (from year 1000), or no
/// day of the calendar (`2026-02-29`).
#[derive(Debug, thiserror::Error)]
#[error("bad date")]
pub struct BadDate;

/// A `--threads` that is no whole number from 1 to [`MAX_THREADS`].
#[derive(Debug, thiserror::Error)]
#[error("bad thread count")]
pub struct BadThreads;

/// The most threads `--threads` takes.
pub const MAX_THREADS: u8 = 64;

/// What would be accepted, or was probably meant.
fn tips(cat: &Catalog, e: &clap::Error) -> Vec<String> {
    let get = |kind| text(e.get(kind));
    let mut tips = Vec::new();
    if let (ErrorKind::InvalidValue, Some(ContextValue::Strings(values))) =
        (e.kind(), e.get(ContextKind::ValidValue))
    {
        let quoted: Vec<String> = values
            .iter()
            .map(|v| msg!(cat, "quoted", value = v.as_str()))
            .collect();
        tips.push(msg!(
            cat,
            "clap-possible-values",
            values = quoted.join(", ")
        ));
    }
    // A strategy answer refused by its parser: the answers it reads.
    let source = std::error::Error::source(e);
    if source.is_some_and(|s| s.is::<BadDate>()) {
        tips.push(msg!(cat, "clap-date-format"));
    }
    if source.is_some_and(|s| s.is::<BadThreads>()) {
        tips.push(msg!(cat, "clap-threads", most = u64::from(MAX_THREADS)));
    }
    if source.is_some_and(|s| s.is::<dues_core::classify::StrategyError>()) {
        let values = super::quote::strategy_words();
        tips.push(msg!(cat, "clap-possible-values", values = values));
    }
    let arg = get(ContextKind::SuggestedArg);
    let command = get(ContextKind::SuggestedSubcommand);
    let value = get(ContextKind::SuggestedValue);
    for (found, tip) in [
        (
            !arg.is_empty(),
            msg!(cat, "clap-similar-argument", arg = arg.as_str()),
        ),
        (
            !command.is_empty(),
            msg!(cat, "clap-similar-command", command = command.as_str()),
        ),
        (
            !value.is_empty(),
            msg!(cat, "clap-similar-value", value = value.as_str()),
        ),
    ] {
        if found {
            tips.push(tip);
        }
    }
    tips
}
