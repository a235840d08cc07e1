/*!
From clap's matches to settings: what each command is asked to do, checked
and typed, as fd's `config.rs` does. The language is settled first, before
clap runs, since `--help` and clap's errors are in it.
*/

use std::ffi::OsString;
use std::io::IsTerminal;
use std::os::fd::AsFd;
use std::path::PathBuf;

use clap::ArgMatches;
use clap::parser::ValueSource;
use dues::batch::{Encoding, Endian, Options};
use dues::output::human::Style;
use dues_core::classify::parse_strategy;
use dues_core::money::Unit;
use dues_core::text::Lang;

/// The language: `--lang`, else `DUES_LANG`, else French. Read from the raw
/// arguments, so that clap's own help and errors are already in it: a
/// `--lang` that is neither `fr` nor `en` is left for clap to refuse, in the
/// language of `DUES_LANG`. `DUES_LANG` may be a locale (`fr_FR.UTF-8`);
/// empty, it is unset. The second value: a `DUES_LANG` naming no language of
/// `dues`, to warn about.
pub fn lang(args: &[OsString], env: Option<OsString>) -> (Lang, Option<String>) {
    let mut from_args = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            from_args = args.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            from_args = Some(value.to_string());
        }
    }
    let named = |value: &str| match value {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    };
    let env = env
        .map(|v| v.to_string_lossy().into_owned())
        .filter(|v| !v.is_empty());
    // `fr_FR.UTF-8`, `en-GB`: the language before the region.
    let from_env = env.as_deref().map(|v| {
        let language = v.split(['_', '-', '.', '@']).next().unwrap_or(v);
        named(&language.to_ascii_lowercase())
    });
    let lang = from_args
        .as_deref()
        .and_then(named)
        .or(from_env.flatten())
        .unwrap_or(Lang::Fr);
    let unknown = env.filter(|_| from_env == Some(None));
    (lang, unknown)
}

/// Where the tier table comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableSource {
    BuiltIn,
    Stdin,
    File(PathBuf),
}

impl TableSource {
    /// `-`: stdin; empty (`DUES_TIERS=`): the built-in table.
    fn from(value: Option<&OsString>) -> TableSource {
        match value {
            None => TableSource::BuiltIn,
            Some(v) if v.is_empty() => TableSource::BuiltIn,
            Some(v) if v == "-" => TableSource::Stdin,
            Some(v) => TableSource::File(PathBuf::from(v)),
        }
    }
}

/// When to use bold and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// How the human view looks on a stream: boxes on a terminal; bold as
    /// `--color` says (`auto`: on a terminal, unless NO_COLOR is set).
    pub fn style(self, stream: &(impl IsTerminal + AsFd)) -> Style {
        let terminal = stream.is_terminal();
        let width = terminal.then(|| terminal_width(stream));
        // Too narrow for a box to hold its figures whole: plain text.
        let boxed = terminal && width.is_some_and(|w| w >= 40);
        Style {
            terminal: boxed,
            width,
            color: match self {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            },
        }
    }
}

/// A terminal's width: as it reports it, else `COLUMNS`, else 80 (a
/// terminal that reports 0 would get boxes one character wide).
fn terminal_width(stream: &impl AsFd) -> u16 {
    // terminal_size reports no size for a terminal 0 columns wide.
    let reported = terminal_size::terminal_size_of(stream.as_fd()).map(|(w, _)| w.0);
    let columns = || std::env::var("COLUMNS").ok()?.trim().parse::<u16>().ok();
    reported
        .or_else(|| columns().filter(|&w| w > 0))
        .unwrap_or(80)
}

pub struct Config {
    pub table: TableSource,
    pub color: Color,
    pub command: Action,
}

pub enum Action {
    Quote(Quote),
    Batch(Batch),
    Tiers {
        format: String,
    },
    Check {
        file: Option<TableSource>,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    /// `dues help [COMMAND]`.
    Help {
        command: Option<String>,
    },
}

pub struct Quote {
    /// `None`: not given (asked in a terminal).
    pub budget: Option<String>,
    pub kind: Option<String>,
    pub strategy: Option<String>,
    pub name: Option<String>,
    pub format: String,
    pub explain: bool,
    /// `--no-input`: never ask, even in a terminal.
    pub no_input: bool,
    /// The date of a letter; `None`: today.
    pub date: Option<jiff::civil::Date>,
}

pub struct Batch {
    /// `None`: stdin.
    pub input: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub jsonl: bool,
    /// `-o FILE.xlsx`: a workbook out.
    pub xlsx: bool,
    /// `-o` names a workbook of another format (`ods`, `xls`…): its extension.
    pub other_workbook: Option<String>,
    /// `--format`, when the user gave it.
    pub format_given: Option<String>,
    pub summary: bool,
    pub summary_json: Option<PathBuf>,
    pub options: Options,
}

impl Config {
    pub fn from_matches(matches: &ArgMatches) -> Config {
        let color = match text(matches, "color").as_deref() {
            Some("always") => Color::Always,
            Some("never") => Color::Never,
            _ => Color::Auto,
        };
        let (name, sub) = matches.subcommand().unwrap_or(("help", matches));
        let command = match name {
            "quote" => Action::Quote(Quote {
                budget: text(sub, "budget"),
                kind: text(sub, "kind"),
                strategy: text(sub, "network_strategy"),
                name: text(sub, "name"),
                format: text(sub, "format").unwrap_or_default(),
                explain: sub.get_flag("explain"),
                no_input: sub.get_flag("no_input"),
                date: sub.get_one::<jiff::civil::Date>("date").copied(),
            }),
            "batch" => Action::Batch(batch(sub)),
            "tiers" => Action::Tiers {
                format: text(sub, "format").unwrap_or_default(),
            },
            "check" => Action::Check {
                file: sub
                    .get_one::<PathBuf>("file")
                    .map(|f| TableSource::from(Some(&f.clone().into_os_string()))),
            },
            "completions" => Action::Completions {
                shell: *sub
                    .get_one::<clap_complete::Shell>("shell")
                    .unwrap_or(&clap_complete::Shell::Bash),
            },
            "man" => Action::Man,
            _ => Action::Help {
                command: text(sub, "command"),
            },
        };
        Config {
            table: TableSource::from(matches.get_one::<OsString>("tiers")),
            color,
            command,
        }
    }
}

/// `--budget-unit`, by any of the spellings it accepts (`k€`, `k`, `kEUR`…).
fn budget_unit(value: &str) -> Option<Unit> {
    match value.to_lowercase().as_str() {
        "€" | "eur" | "euros" => Some(Unit::Euro),
        "k€" | "k" | "keur" => Some(Unit::Thousand),
        "m€" | "m" | "meur" => Some(Unit::Million),
        _ => None,
    }
}

fn text(matches: &ArgMatches, id: &str) -> Option<String> {
    matches.get_one::<String>(id).cloned()
}

fn batch(sub: &ArgMatches) -> Batch {
    let input = sub
        .get_one::<PathBuf>("input")
        .filter(|p| p.as_os_str() != "-")
        .cloned();
    let delimiter = match text(sub, "delimiter").as_deref() {
        Some("tab" | "\t") => Some(b'\t'),
        Some("semicolon" | ";") => Some(b';'),
        Some("comma" | ",") => Some(b','),
        Some("pipe" | "|") => Some(b'|'),
        _ => None,
    };
    let encoding = match text(sub, "encoding").as_deref() {
        Some("utf-8") => Some(Encoding::Utf8),
        Some("windows-1252") => Some(Encoding::Windows1252),
        Some("utf-16le") => Some(Encoding::Utf16(Endian::Little)),
        Some("utf-16be") => Some(Encoding::Utf16(Endian::Big)),
        _ => None,
    };
    let out_extension = sub
        .get_one::<PathBuf>("output")
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    Batch {
        input,
        output: sub.get_one::<PathBuf>("output").cloned(),
        jsonl: text(sub, "format").as_deref() == Some("jsonl"),
        xlsx: out_extension.as_deref() == Some("xlsx"),
        other_workbook: out_extension
            .filter(|e| e != "xlsx" && dues::batch::sheet::EXTENSIONS.contains(&e.as_str())),
        format_given: text(sub, "format").filter(|_| {
            matches!(
                sub.value_source("format"),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            )
        }),
        summary: sub.get_flag("summary"),
        summary_json: sub.get_one::<PathBuf>("summary_json").cloned(),
        options: Options {
            delimiter,
            encoding,
            name_column: text(sub, "name_column"),
            kind_column: text(sub, "kind_column"),
            budget_column: text(sub, "budget_column"),
            strategy_column: text(sub, "strategy_column"),
            strict: sub.get_flag("strict"),
            budget_unit: text(sub, "budget_unit").and_then(|u| budget_unit(&u)),
            decimal_mark: text(sub, "decimal_mark").and_then(|m| m.chars().next()),
            sheet: text(sub, "sheet"),
            threads: sub.get_one::<u8>("threads").map(|&n| usize::from(n)),
            network_strategy: text(sub, "network_strategy")
                .and_then(|answer| parse_strategy(&answer).ok().flatten()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_the_flag_else_the_environment_else_french() {
        let lang = |a: &[&str], env: Option<&str>| lang(&args(a), env.map(OsString::from));
        assert_eq!(lang(&["dues", "tiers"], None), (Lang::Fr, None));
        assert_eq!(
            lang(&["dues", "--lang", "en", "tiers"], None),
            (Lang::En, None)
        );
        assert_eq!(
            lang(&["dues", "tiers", "--lang=en"], None),
            (Lang::En, None)
        );
        assert_eq!(lang(&["dues", "tiers"], Some("en")), (Lang::En, None));
        assert_eq!(
            lang(&["dues", "tiers"], Some("en_GB.UTF-8")),
            (Lang::En, None)
        );
        assert_eq!(
            lang(&["dues", "tiers"], Some("fr_FR.UTF-8")),
            (Lang::Fr, None)
        );
        assert_eq!(lang(&["dues", "tiers"], Some("")), (Lang::Fr, None));
        let unknown = Some("de".to_string());
        assert_eq!(lang(&["dues", "tiers"], Some("de")), (Lang::Fr, unknown));
        let flag_wins = lang(&["dues", "--lang", "fr", "tiers"], Some("en"));
        assert_eq!(flag_wins, (Lang::Fr, None));
        // A --lang clap will refuse: its error in DUES_LANG's language.
        let refused = lang(&["dues", "--lang", "de", "tiers"], Some("en"));
        assert_eq!(refused, (Lang::En, None));
        assert_eq!(
            lang(&["dues", "--", "--lang", "en"], None),
            (Lang::Fr, None)
        );
    }

    #[test]
    fn every_spelling_of_budget_unit_sets_its_unit() {
        let cat = dues::i18n::Catalog::new(Lang::Fr);
        let unit = |value: &str| {
            let matches = crate::cli::command(&cat)
                .try_get_matches_from(["dues", "batch", "--budget-unit", value])
                .expect("accepted");
            let sub = matches.subcommand_matches("batch").unwrap();
            batch(sub).options.budget_unit
        };
        for value in ["€", "eur", "EUR", "euros", "Euros"] {
            assert_eq!(unit(value), Some(Unit::Euro), "{value}");
        }
        for value in ["k€", "K€", "k", "K", "keur", "kEUR", "KEUR"] {
            assert_eq!(unit(value), Some(Unit::Thousand), "{value}");
        }
        for value in ["M€", "m€", "M", "meur", "MEUR"] {
            assert_eq!(unit(value), Some(Unit::Million), "{value}");
        }
    }
}
