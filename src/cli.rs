/*!
The command line, as clap sees it, in the user's language: every about line,
option, value and heading comes from the message catalogue. Nothing here
decides anything: [`crate::config`] turns the matches into settings. The same
[`command`] feeds `--help`, the shell completions and the man page.

clap's own annotations (`[default: …]`, `[possible values: …]`, `[env: …]`)
are English: they are hidden, and each help text says the same in the
user's language.
*/

use std::ffi::OsString;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, ArgAction, Command, value_parser};
use dues::i18n::Catalog;
use dues::i18n::usage::{BadDate, BadThreads, MAX_THREADS};
use dues::msg;
use dues_core::classify::{ANSWERS, StrategyError};

/// The languages `--lang` takes, and `DUES_LANG`.
pub const LANGS: [&str; 2] = ["fr", "en"];

/// The whole command line of `dues`.
pub fn command(cat: &Catalog) -> Command {
    let command = Command::new("dues")
        .version(env!("CARGO_PKG_VERSION"))
        .about(msg!(cat, "help-about"))
        .after_help(format!(
            "{}\n\n{}\n\n{}",
            msg!(cat, "help-description"),
            msg!(cat, "help-examples"),
            msg!(cat, "help-exit-codes")
        ))
        .override_usage(msg!(cat, "usage-dues"))
        .subcommand_help_heading(msg!(cat, "help-heading-commands"))
        .subcommand_value_name(msg!(cat, "value-command"))
        .subcommand_required(true)
        .arg(
            global(cat, "tiers")
                .long("tiers")
                .env("DUES_TIERS")
                .value_name(msg!(cat, "value-file"))
                .value_parser(value_parser!(OsString))
                .help(msg!(cat, "help-tiers")),
        )
        .arg(
            global(cat, "lang")
                .long("lang")
                .value_name(msg!(cat, "value-lang"))
                .value_parser(LANGS)
                .help(msg!(cat, "help-lang")),
        )
        .arg(
            global(cat, "color")
                .long("color")
                .value_name(msg!(cat, "value-when"))
                .value_parser(["auto", "always", "never"])
                .default_value("auto")
                .help(msg!(cat, "help-color")),
        )
        .subcommand(quote(cat))
        .subcommand(batch(cat))
        .subcommand(tiers(cat))
        .subcommand(check(cat))
        .subcommand(completions(cat))
        .subcommand(man(cat))
        .subcommand(help(cat));
    localized(cat, command)
}

/// Help and version flags, headings and usage in the user's language, on
/// the command and every subcommand.
fn localized(cat: &Catalog, command: Command) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        msg!(cat, "help-usage-heading")
    );
    let command = command
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .help_template(&template)
        .arg(
            flag_like(cat, "help")
                .help_heading(msg!(cat, "help-heading-global"))
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(msg!(cat, "help-help")),
        )
        .arg(
            flag_like(cat, "version")
                .help_heading(msg!(cat, "help-heading-global"))
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(msg!(cat, "help-version")),
        );
    command.mut_subcommands(|sub| sub.help_template(&template).disable_help_flag(true))
}

/// An option, under the options heading.
fn flag_like(cat: &Catalog, id: &'static str) -> Arg {
    Arg::new(id).help_heading(msg!(cat, "help-heading-options"))
}

/// An option that takes a value, its clap annotations hidden (the help
/// text says them in the user's language).
fn option(cat: &Catalog, id: &'static str) -> Arg {
    flag_like(cat, id)
        .action(ArgAction::Set)
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true)
}

/// An option of every command, listed after each command's own.
fn global(cat: &Catalog, id: &'static str) -> Arg {
    option(cat, id)
        .global(true)
        .help_heading(msg!(cat, "help-heading-global"))
}

/// A positional argument, under the arguments heading.
fn positional(cat: &Catalog, id: &'static str) -> Arg {
    option(cat, id).help_heading(msg!(cat, "help-heading-arguments"))
}

/// `--format`: one of `values`, each with its help.
fn format(cat: &Catalog, values: Vec<PossibleValue>) -> Arg {
    option(cat, "format")
        .long("format")
        .value_name(msg!(cat, "value-format"))
        .value_parser(choice(values))
}

/// An answer to the strategy question, checked as `dues quote` reads it.
fn strategy_answer(value: &str) -> Result<String, StrategyError> {
    match dues_core::classify::parse_strategy(value)? {
        Some(_) => Ok(value.to_string()),
        None => Err(StrategyError {
            value: value.to_string(),
        }),
    }
}

/// Any value, with `values` offered to shell completion (`--kind`: the
/// table's names; `--network-strategy`: the answers). The command checks
/// the value itself, and says what it accepts.
#[derive(Clone)]
pub struct Suggested(pub Vec<String>);

impl clap::builder::TypedValueParser for Suggested {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(PossibleValue::new)))
    }
}

/// The answers to the strategy question, checked as they are read, and
/// offered to shell completion.
#[derive(Clone)]
struct Answers;

impl clap::builder::TypedValueParser for Answers {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::TypedValueParser::parse_ref(&strategy_answer, cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let words = ANSWERS.iter().flat_map(|(yes, no)| [*yes, *no]);
        Some(Box::new(words.map(PossibleValue::new)))
    }
}

/// The answers to the strategy question, for completion.
fn answers() -> Suggested {
    let words = ANSWERS.iter().flat_map(|(yes, no)| [*yes, *no]);
    Suggested(words.map(str::to_string).collect())
}

/// A thread count: a whole number from 1 to [`MAX_THREADS`].
fn threads(value: &str) -> Result<u8, BadThreads> {
    let n: u8 = value.trim().parse().map_err(|_| BadThreads)?;
    (1..=MAX_THREADS)
        .contains(&n)
        .then_some(n)
        .ok_or(BadThreads)
}

/// `--date`: a day of the calendar, written `YYYY-MM-DD`, from year 1000.
fn date(value: &str) -> Result<jiff::civil::Date, BadDate> {
    let value = value.trim();
    // Digits and dashes where a YYYY-MM-DD has them; its length is jiff's
    // to check, which reads nothing shorter nor longer.
    let shape = value.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let date: jiff::civil::Date = shape.then(|| value.parse().ok()).flatten().ok_or(BadDate)?;
    if date.year() < 1000 {
        return Err(BadDate);
    }
    Ok(date)
}

/// A choice among values, each with its help.
fn choice(values: Vec<PossibleValue>) -> PossibleValuesParser {
    PossibleValuesParser::new(values)
}

fn flag(cat: &Catalog, id: &'static str) -> Arg {
    flag_like(cat, id).long(id).action(ArgAction::SetTrue)
}

fn quote(cat: &Catalog) -> Command {
    Command::new("quote")
        .about(msg!(cat, "help-quote"))
        .after_help(msg!(cat, "help-quote-after"))
        .override_usage(msg!(cat, "usage-quote"))
        .arg(
            option(cat, "budget")
                .short('b')
                .long("budget")
                .allow_hyphen_values(true)
                .value_name(msg!(cat, "value-amount"))
                .help(msg!(cat, "help-quote-budget")),
        )
        .arg(
            option(cat, "kind")
                .short('k')
                .long("kind")
                .value_name(msg!(cat, "value-kind"))
                .help(msg!(cat, "help-quote-kind")),
        )
        .arg(
            option(cat, "network_strategy")
                .short('s')
                .long("network-strategy")
                .allow_hyphen_values(true)
                .value_name(msg!(cat, "value-answer"))
                .value_parser(answers())
                .help(msg!(cat, "help-quote-strategy")),
        )
        .arg(
            option(cat, "name")
                .short('n')
                .long("name")
                .value_name(msg!(cat, "value-name"))
                .help(msg!(cat, "help-quote-name")),
        )
        .arg(
            format(
                cat,
                vec![
                    PossibleValue::new("table").help(msg!(cat, "help-format-table")),
                    PossibleValue::new("text").help(msg!(cat, "help-format-text")),
                    PossibleValue::new("letter").help(msg!(cat, "help-format-letter")),
                    PossibleValue::new("html").help(msg!(cat, "help-format-html")),
                    PossibleValue::new("json").help(msg!(cat, "help-format-json")),
                    PossibleValue::new("csv").help(msg!(cat, "help-format-csv")),
                ],
            )
            .short('f')
            .default_value("table")
            .help(msg!(cat, "help-quote-format")),
        )
        .arg(
            option(cat, "date")
                .long("date")
                .value_name(msg!(cat, "value-date"))
                .value_parser(date)
                .help(msg!(cat, "help-quote-date")),
        )
        .arg(flag(cat, "explain").help(msg!(cat, "help-quote-explain")))
        .arg(
            flag(cat, "no_input")
                .long("no-input")
                .help(msg!(cat, "help-quote-no-input")),
        )
}

fn batch(cat: &Catalog) -> Command {
    Command::new("batch")
        .about(msg!(cat, "help-batch"))
        .after_help(msg!(cat, "help-batch-after"))
        .override_usage(msg!(cat, "usage-batch"))
        .arg(
            positional(cat, "input")
                .value_name(msg!(cat, "value-input"))
                .value_parser(value_parser!(std::path::PathBuf))
                .help(msg!(cat, "help-batch-input")),
        )
        .arg(
            option(cat, "output")
                .short('o')
                .long("output")
                .value_name(msg!(cat, "value-file"))
                .value_parser(value_parser!(std::path::PathBuf))
                .help(msg!(cat, "help-batch-output")),
        )
        .arg(
            format(
                cat,
                vec![
                    PossibleValue::new("csv").help(msg!(cat, "help-format-batch-csv")),
                    PossibleValue::new("jsonl").help(msg!(cat, "help-format-jsonl")),
                ],
            )
            .default_value("csv")
            .help(msg!(cat, "help-batch-format")),
        )
        .arg(delimiter(cat))
        .arg(encoding(cat))
        .arg(
            option(cat, "sheet")
                .long("sheet")
                .value_name(msg!(cat, "value-sheet"))
                .help(msg!(cat, "help-batch-sheet")),
        )
        .args(columns(cat))
        .args(readings(cat))
        .arg(
            option(cat, "summary_json")
                .long("summary-json")
                .value_name(msg!(cat, "value-file"))
                .value_parser(value_parser!(std::path::PathBuf))
                .help(msg!(cat, "help-batch-summary-json")),
        )
        .arg(flag(cat, "strict").help(msg!(cat, "help-batch-strict")))
        .arg(
            option(cat, "threads")
                .long("threads")
                .short('j')
                .env("DUES_THREADS")
                .value_name(msg!(cat, "value-threads"))
                .value_parser(threads)
                .help(msg!(cat, "help-batch-threads")),
        )
        .arg(flag(cat, "summary").help(msg!(cat, "help-batch-summary")))
}

/// `--name-column` and the others: a column by header or number.
fn columns(cat: &Catalog) -> [Arg; 4] {
    let column = |id: &'static str, long: &'static str, help: String| {
        option(cat, id)
            .long(long)
            .value_name(msg!(cat, "value-column"))
            .help(help)
    };
    [
        column(
            "name_column",
            "name-column",
            msg!(cat, "help-batch-name-column"),
        ),
        column(
            "kind_column",
            "kind-column",
            msg!(cat, "help-batch-kind-column"),
        ),
        column(
            "budget_column",
            "budget-column",
            msg!(cat, "help-batch-budget-column"),
        ),
        column(
            "strategy_column",
            "strategy-column",
            msg!(cat, "help-batch-strategy-column"),
        ),
    ]
}

/// How the rows are read where they do not say: the budgets' unit, the
/// decimal mark, the strategy answer.
fn readings(cat: &Catalog) -> [Arg; 3] {
    [
        option(cat, "budget_unit")
            .long("budget-unit")
            .value_name(msg!(cat, "value-unit"))
            .value_parser(choice(vec![
                PossibleValue::new("€").aliases(["eur", "EUR", "euros"]),
                PossibleValue::new("k€").aliases(["k", "keur", "kEUR", "K€"]),
                PossibleValue::new("M€").aliases(["M", "meur", "MEUR", "m€"]),
            ]))
            .ignore_case(true)
            .help(msg!(cat, "help-batch-budget-unit")),
        option(cat, "decimal_mark")
            .long("decimal-mark")
            .value_name(msg!(cat, "value-mark"))
            .value_parser(choice(vec![
                PossibleValue::new(","),
                PossibleValue::new("."),
            ]))
            .help(msg!(cat, "help-batch-decimal-mark")),
        option(cat, "network_strategy")
            .long("network-strategy")
            .value_name(msg!(cat, "value-answer"))
            .value_parser(Answers)
            .help(msg!(cat, "help-batch-strategy")),
    ]
}

fn delimiter(cat: &Catalog) -> Arg {
    option(cat, "delimiter")
        .long("delimiter")
        .value_name(msg!(cat, "value-delimiter"))
        .value_parser(choice(vec![
            // Words first (a shell completes them safely), the marks as aliases.
            PossibleValue::new("auto"),
            PossibleValue::new("semicolon").alias(";"),
            PossibleValue::new("comma").alias(","),
            PossibleValue::new("tab").alias("\t"),
            PossibleValue::new("pipe").alias("|"),
        ]))
        .default_value("auto")
        .help(msg!(cat, "help-batch-delimiter"))
}

fn encoding(cat: &Catalog) -> Arg {
    option(cat, "encoding")
        .long("encoding")
        .value_name(msg!(cat, "value-encoding"))
        .value_parser(choice(vec![
            PossibleValue::new("auto"),
            PossibleValue::new("utf-8").alias("utf8"),
            PossibleValue::new("windows-1252").aliases(["cp1252", "latin1"]),
            PossibleValue::new("utf-16le").alias("utf16le"),
            PossibleValue::new("utf-16be").alias("utf16be"),
        ]))
        .default_value("auto")
        .help(msg!(cat, "help-batch-encoding"))
}

fn tiers(cat: &Catalog) -> Command {
    Command::new("tiers")
        .about(msg!(cat, "help-tiers-command"))
        .after_help(msg!(cat, "help-tiers-after"))
        .override_usage(msg!(cat, "usage-tiers"))
        .arg(
            format(
                cat,
                vec![
                    PossibleValue::new("table").help(msg!(cat, "help-format-table")),
                    PossibleValue::new("json").help(msg!(cat, "help-format-tiers-json")),
                    PossibleValue::new("toml").help(msg!(cat, "help-format-toml")),
                ],
            )
            .default_value("table")
            .help(msg!(cat, "help-tiers-format")),
        )
}

fn check(cat: &Catalog) -> Command {
    Command::new("check")
        .about(msg!(cat, "help-check"))
        .after_help(msg!(cat, "help-check-after"))
        .override_usage(msg!(cat, "usage-check"))
        .arg(
            positional(cat, "file")
                .value_name(msg!(cat, "value-file"))
                .value_parser(value_parser!(std::path::PathBuf))
                .help(msg!(cat, "help-check-file")),
        )
}

fn completions(cat: &Catalog) -> Command {
    Command::new("completions")
        .about(msg!(cat, "help-completions"))
        .after_help(msg!(cat, "help-completions-after"))
        .override_usage(msg!(cat, "usage-completions"))
        .arg(
            positional(cat, "shell")
                .required(true)
                .value_name(msg!(cat, "value-shell"))
                .value_parser(value_parser!(clap_complete::Shell))
                .help(msg!(cat, "help-completions-shell")),
        )
}

fn man(cat: &Catalog) -> Command {
    Command::new("man")
        .about(msg!(cat, "help-man"))
        .after_help(msg!(cat, "help-man-after"))
        .override_usage(msg!(cat, "usage-man"))
}

fn help(cat: &Catalog) -> Command {
    Command::new("help")
        .about(msg!(cat, "help-help-command"))
        .override_usage(msg!(cat, "usage-help"))
        .arg(
            positional(cat, "command")
                .value_name(msg!(cat, "value-command"))
                .value_parser(["quote", "batch", "tiers", "check", "completions", "man"])
                .help(msg!(cat, "help-help-command-arg")),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dues_core::text::Lang;

    #[test]
    fn the_clap_definition_is_consistent_in_both_languages() {
        for lang in [Lang::Fr, Lang::En] {
            command(&Catalog::new(lang)).debug_assert();
        }
    }
}
