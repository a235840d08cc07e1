//! The guided quote: in a terminal, `dues quote` asks for what it lacks — the
//! budget, the kind (offering the table's names as one types), the answer to
//! the strategy question — and has a budget that cannot be right confirmed.
//! Every word of the prompts comes from the catalogue. Scripts are never
//! asked: [`Asker::new`] is `None` unless stdin, stdout and stderr are all a
//! terminal, and `--no-input` was not given.

use std::io::{self, IsTerminal};

use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::i18n::quote::{amount_error, in_unit, kind_label, money, quote_error};
use dues::msg;
use dues_core::Table;
use dues_core::classify::{Implausible, QuoteError, parse_strategy};
use dues_core::money::parse_amount;
use dues_core::text::fold;
use inquire::autocompletion::{Autocomplete, Replacement};
use inquire::ui::{RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{CustomUserError, InquireError, Text};
use rust_decimal::Decimal;

/// Asks the user, in their language.
pub struct Asker<'a> {
    cat: &'a Catalog,
    table: &'a Table,
    color: bool,
    /// « (abandonné) »: what a prompt given up shows, in the catalogue's words.
    canceled: String,
}

impl<'a> Asker<'a> {
    /// An asker, if the user can be asked: every standard stream a
    /// terminal, and no `--no-input`.
    pub fn new(cat: &'a Catalog, table: &'a Table, color: bool, no_input: bool) -> Option<Self> {
        let terminal =
            io::stdin().is_terminal() && io::stdout().is_terminal() && io::stderr().is_terminal();
        let canceled = msg!(cat, "ask-canceled");
        (terminal && !no_input).then_some(Asker {
            cat,
            table,
            color,
            canceled,
        })
    }

    /// A prompt, with the help line given, started from `initial` (a value
    /// given on the command line and refused, to correct rather than
    /// retype).
    fn text(&'a self, message: &'a str, help: &'a str, initial: Option<&'a str>) -> Text<'a, 'a> {
        let mut render = if self.color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        render.canceled_prompt_indicator = Styled::new(self.canceled.as_str());
        let text = Text::new(message)
            .with_help_message(help)
            .with_render_config(render);
        match initial {
            Some(value) => text.with_initial_value(value),
            None => text,
        }
    }

    /// The annual budget, as typed: it must be an amount.
    pub fn budget(&self, initial: Option<&str>) -> Result<String, Failure> {
        let (cat, table) = (self.cat, self.table);
        let message = msg!(cat, "ask-budget");
        let help = msg!(cat, "ask-budget-help");
        let valid = move |input: &str| -> Result<Validation, CustomUserError> {
            if input.trim().is_empty() {
                return Ok(invalid(msg!(cat, "ask-answer-needed-value")));
            }
            Ok(match parse_amount(input, &table.currency.accepted) {
                Ok(_) => Validation::Valid,
                Err(e) => invalid(amount_error(cat, &table.currency.symbol, &e)),
            })
        };
        let prompt = self.text(&message, &help, initial);
        answer(prompt.with_validator(valid).prompt())
    }

    /// The kind, as typed: one of the table's names, offered as one types.
    pub fn kind(&self, initial: Option<&str>) -> Result<String, Failure> {
        let (cat, table) = (self.cat, self.table);
        let message = msg!(cat, "ask-kind");
        let help = msg!(cat, "ask-kind-help");
        let valid = move |input: &str| -> Result<Validation, CustomUserError> {
            if input.trim().is_empty() {
                return Ok(invalid(msg!(cat, "ask-answer-needed-value")));
            }
            Ok(match table.kind(input) {
                Ok(_) => Validation::Valid,
                Err(e) => invalid(quote_error(cat, table, &QuoteError::Kind(e))),
            })
        };
        let names = KindNames::new(cat, table);
        let prompt = self
            .text(&message, &help, initial)
            .with_autocomplete(names)
            .with_page_size(8);
        answer(prompt.with_validator(valid).prompt())
    }

    /// The answer to the strategy question, which decides between `yes` and
    /// `no` (the two outcomes, in words).
    pub fn strategy(&self, yes: &str, no: &str) -> Result<String, Failure> {
        let cat = self.cat;
        let message = msg!(cat, "ask-strategy");
        let help = msg!(cat, "ask-strategy-help", yes = yes, no = no);
        let valid = move |input: &str| -> Result<Validation, CustomUserError> {
            Ok(match parse_strategy(input) {
                Ok(Some(_)) => Validation::Valid,
                Ok(None) => invalid(msg!(cat, "ask-answer-needed")),
                Err(e) => invalid(quote_error(cat, self.table, &QuoteError::Strategy(e))),
            })
        };
        let prompt = self.text(&message, &help, None);
        answer(prompt.with_validator(valid).prompt())
    }

    /// A budget that cannot be right for `kind`, confirmed: `None` to keep
    /// it (Enter, or a yes), or the amount typed instead.
    pub fn confirm_budget(
        &self,
        budget: Decimal,
        kind: usize,
        implausible: Implausible,
    ) -> Result<Option<String>, Failure> {
        let (cat, table) = (self.cat, self.table);
        let symbol = &table.currency.symbol;
        let message = msg!(
            cat,
            "ask-budget-check",
            amount = money(cat, table, budget),
            kind = kind_label(cat, table, kind),
            floor = money(cat, table, implausible.floor),
        );
        let help = match implausible.reading {
            Some(unit) => msg!(
                cat,
                "ask-budget-check-help",
                reading = in_unit(cat, budget, unit, symbol)
            ),
            None => msg!(cat, "ask-budget-check-keep"),
        };
        let keep = |input: &str| input.trim().is_empty() || parse_strategy(input) == Ok(Some(true));
        let valid = move |input: &str| -> Result<Validation, CustomUserError> {
            if keep(input) {
                return Ok(Validation::Valid);
            }
            if parse_strategy(input) == Ok(Some(false)) {
                return Ok(invalid(msg!(cat, "ask-budget-check-no")));
            }
            Ok(match parse_amount(input, &table.currency.accepted) {
                Ok(_) => Validation::Valid,
                Err(e) => invalid(amount_error(cat, symbol, &e)),
            })
        };
        let prompt = self.text(&message, &help, None);
        let typed = answer(prompt.with_validator(valid).prompt())?;
        Ok(Some(typed).filter(|t| !keep(t)))
    }
}

fn invalid(message: String) -> Validation {
    Validation::Invalid(message.into())
}

/// A prompt's answer; Ctrl-C or Esc end the run as an interruption (130),
/// a terminal that fails is an error.
fn answer(result: Result<String, InquireError>) -> Result<String, Failure> {
    match result {
        Ok(text) => Ok(text),
        Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => {
            Err(Failure::Reported(130))
        }
        Err(InquireError::IO(error)) => Err(Failure::Terminal(error)),
        Err(other) => Err(Failure::Terminal(io::Error::other(other.to_string()))),
    }
}

/// The names of the kinds, offered as one types: the labels in the user's
/// language first, then every other name, those that start with what was
/// typed before those that merely contain it.
#[derive(Clone)]
struct KindNames {
    /// Each name, and its folded form.
    names: Vec<(String, String)>,
    /// The labels, offered before anything is typed.
    labels: Vec<String>,
}

impl KindNames {
    fn new(cat: &Catalog, table: &Table) -> Self {
        let labels: Vec<String> = (0..table.kinds.len())
            .map(|k| kind_label(cat, table, k))
            .collect();
        let mut names: Vec<(String, String)> = Vec::new();
        let others = table.kinds.iter().flat_map(|k| {
            [k.label.fr.clone(), k.label.en.clone()]
                .into_iter()
                .chain(k.aliases.iter().cloned())
        });
        for name in labels.iter().cloned().chain(others) {
            let name = cat.typeset(&name).into_owned();
            let folded = fold(&name);
            if !names.iter().any(|(_, f)| *f == folded) {
                names.push((name, folded));
            }
        }
        KindNames { names, labels }
    }
}

impl Autocomplete for KindNames {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, CustomUserError> {
        let typed = fold(input);
        if typed.is_empty() {
            return Ok(self.labels.clone());
        }
        // Names that start with what was typed, then those with a word that
        // does, then (from three letters) those that merely contain it.
        let rank = |folded: &str| {
            if folded.starts_with(&typed) {
                Some(0)
            } else if folded.split(' ').any(|word| word.starts_with(&typed)) {
                Some(1)
            } else if typed.chars().count() >= 3 && folded.contains(&typed) {
                Some(2)
            } else {
                None
            }
        };
        let mut ranked: Vec<(u8, &String)> = self
            .names
            .iter()
            .filter_map(|(name, folded)| Some((rank(folded)?, name)))
            .collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        Ok(ranked.into_iter().map(|(_, name)| name.clone()).collect())
    }

    fn get_completion(
        &mut self,
        input: &str,
        highlighted: Option<String>,
    ) -> Result<Replacement, CustomUserError> {
        let first = || self.get_suggestions(input).ok()?.into_iter().next();
        Ok(highlighted.or_else(first))
    }
}
