/*!
Classification: from an organisation to its tier, with the reasons.

[`quote`] is the one entry point for every caller — `dues quote`, each row of a
batch, each example of a table — so that they all parse and decide alike. It
parses the user's words (budget, kind, strategy answer), then [`classify`]
decides, purely, over the table:

1. the tiers with a `rule` are tried first, in table order;
2. otherwise the one budget tier containing the budget applies (validation
   guarantees there is exactly one).

The network-strategy answer is never guessed: the organisation is classified
both ways, and if the two outcomes differ and no answer was given, the quote is
refused with both outcomes ([`QuoteError::StrategyRequired`]). An answer that
changes nothing but was `yes` earns a warning.

Every step taken is recorded as a [`Step`], for `--explain` and JSON.
*/

use rust_decimal::Decimal;

use crate::money::{AmountError, parse_amount};
use crate::tiers::{Interval, Table, UnknownKind};
use crate::text::fold;

/// An organisation to quote, already parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Org {
    /// Index into [`Table::kinds`].
    pub kind: usize,
    pub budget: Decimal,
    pub strategy: Option<bool>,
}

/// An organisation to quote, as a user wrote it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub budget: &'a str,
    pub kind: &'a str,
    /// `None` or an empty string: not answered.
    pub strategy: Option<&'a str>,
}

/// The answer for one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub org: Org,
    /// Index into [`Table::tiers`].
    pub tier: usize,
    /// Why, step by step, in table order.
    pub steps: Vec<Step>,
    /// The next budget tier up, if the quote is by budget and there is one.
    pub next: Option<Next>,
    /// The answer `yes` was given but changes nothing for this kind.
    pub strategy_ignored: bool,
}

/// One step of the reasoning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A rule tier applies.
    RuleApplies { tier: usize },
    /// A rule tier does not name this kind.
    KindNotEligible { tier: usize },
    /// A rule tier names this kind but asks for the other strategy answer.
    StrategyMismatch { tier: usize },
    /// A rule tier names this kind but its budget bounds exclude the budget.
    RuleBudgetOutside { tier: usize },
    /// The budget tier containing the budget.
    BudgetIn { tier: usize },
    /// A budget tier whose bounds exclude the budget.
    BudgetOut { tier: usize },
    /// A rule tier applied; by budget alone this tier would have.
    BudgetNotUsed { tier: usize },
}

/// How far the budget is from the next tier up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Next {
    pub tier: usize,
    /// Budget to add to reach the tier's lower bound.
    pub gap: Decimal,
    /// The bound is exclusive (`above`): the budget must exceed it.
    pub strictly_more: bool,
}

/// Why an organisation cannot be quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error(transparent)]
    Budget(#[from] AmountError),
    #[error(transparent)]
    Kind(#[from] UnknownKind),
    #[error(transparent)]
    Strategy(#[from] StrategyError),
    /// The answer decides the tier but was not given; both outcomes attached.
    #[error("the network strategy (yes or no) is needed to quote this organisation")]
    StrategyRequired { yes: Box<Quote>, no: Box<Quote> },
}

impl QuoteError {
    /// The input field at fault: `budget`, `kind` or `network_strategy`.
    pub fn field(&self) -> &'static str {
        match self {
            QuoteError::Budget(_) => "budget",
            QuoteError::Kind(_) => "kind",
            QuoteError::Strategy(_) | QuoteError::StrategyRequired { .. } => "network_strategy",
        }
    }

    /// A stable name for scripts and for the table's examples.
    pub fn code(&self) -> &'static str {
        match self {
            QuoteError::Budget(_) => "invalid_budget",
            QuoteError::Kind(_) => "unknown_kind",
            QuoteError::Strategy(_) => "invalid_network_strategy",
            QuoteError::StrategyRequired { .. } => "network_strategy_required",
        }
    }
}

/// An answer to the strategy question that is neither yes nor no.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not an answer to the network-strategy question; accepted: {STRATEGY_WORDS}")]
pub struct StrategyError {
    pub value: String,
}

/// The accepted answers, for messages.
pub const STRATEGY_WORDS: &str = "yes/no, oui/non, true/false, 1/0, y/n, o/n";

/// Reads a yes/no answer, in French or English, ignoring case and accents.
/// An empty answer is no answer: `Ok(None)`.
pub fn parse_strategy(value: &str) -> Result<Option<bool>, StrategyError> {
    match fold(value).as_str() {
        "" => Ok(None),
        "yes" | "y" | "oui" | "o" | "true" | "vrai" | "1" => Ok(Some(true)),
        "no" | "n" | "non" | "false" | "faux" | "0" => Ok(Some(false)),
        _ => Err(StrategyError {
            value: value.to_string(),
        }),
    }
}

/// Parses a request and classifies it.
pub fn quote(table: &Table, request: Request) -> Result<Quote, QuoteError> {
    let budget = parse_amount(request.budget, &table.currency.accepted)?;
    let kind = table.kind(request.kind)?;
    let strategy = match request.strategy {
        Some(s) => parse_strategy(s)?,
        None => None,
    };
    classify(
        table,
        Org {
            kind,
            budget,
            strategy,
        },
    )
}

/// Classifies a parsed organisation.
pub fn classify(table: &Table, org: Org) -> Result<Quote, QuoteError> {
    let yes = decide(table, org, true);
    let no = decide(table, org, false);
    let indifferent = yes.tier == no.tier;
    match org.strategy {
        Some(true) => Ok(Quote {
            strategy_ignored: indifferent,
            ..yes
        }),
        Some(false) => Ok(no),
        None if indifferent => Ok(no),
        None => Err(QuoteError::StrategyRequired {
            yes: Box::new(yes),
            no: Box::new(no),
        }),
    }
}

/// Classifies as if the strategy answer were `strategy`; `org.strategy` is kept
/// as given, for the record.
fn decide(table: &Table, org: Org, strategy: bool) -> Quote {
    let mut steps = Vec::new();
    let mut ruled = None;
    for (i, tier) in table.tiers.iter().enumerate() {
        let Some(rule) = &tier.rule else { continue };
        let step = if !rule.kinds.contains(&org.kind) {
            Step::KindNotEligible { tier: i }
        } else if rule.network_strategy.is_some_and(|wanted| wanted != strategy) {
            Step::StrategyMismatch { tier: i }
        } else if tier.budget.is_some_and(|b| !b.contains(org.budget)) {
            Step::RuleBudgetOutside { tier: i }
        } else if ruled.is_none() {
            ruled = Some(i);
            Step::RuleApplies { tier: i }
        } else {
            // Validation forbids two rule tiers claiming one organisation.
            continue;
        };
        steps.push(step);
    }
    let by_budget = table
        .tiers
        .iter()
        .position(|t| t.rule.is_none() && t.budget.is_some_and(|b| b.contains(org.budget)))
        .expect("a validated table covers every budget from 0 upwards");
    for (i, tier) in table.tiers.iter().enumerate() {
        if tier.rule.is_some() {
            continue;
        }
        steps.push(match (i == by_budget, ruled) {
            (true, Some(_)) => Step::BudgetNotUsed { tier: i },
            (true, None) => Step::BudgetIn { tier: i },
            (false, _) => Step::BudgetOut { tier: i },
        });
    }
    let next = match ruled {
        Some(_) => None,
        None => next_tier(table, org.budget),
    };
    Quote {
        org,
        tier: ruled.unwrap_or(by_budget),
        steps,
        next,
        strategy_ignored: false,
    }
}

/// The nearest budget tier that starts above the budget.
fn next_tier(table: &Table, budget: Decimal) -> Option<Next> {
    table
        .tiers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.rule.is_none())
        .filter_map(|(i, t)| t.budget.map(|b: Interval| (i, b.first)))
        .filter(|(_, first)| first.amount > budget || (first.amount == budget && first.side > 0))
        .min_by_key(|(_, first)| *first)
        .map(|(tier, first)| Next {
            tier,
            gap: first.amount - budget,
            strictly_more: first.side > 0,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategy_answers_in_french_and_english() {
        for yes in ["yes", "YES", "y", "oui", "Oui", "o", "true", "1", " vrai "] {
            assert_eq!(parse_strategy(yes), Ok(Some(true)), "{yes}");
        }
        for no in ["no", "n", "non", "NON", "false", "0", "faux"] {
            assert_eq!(parse_strategy(no), Ok(Some(false)), "{no}");
        }
        assert_eq!(parse_strategy(""), Ok(None));
        assert_eq!(parse_strategy("  "), Ok(None));
        assert_eq!(
            parse_strategy("peut-être").unwrap_err().to_string(),
            "`peut-être` is not an answer to the network-strategy question; accepted: \
             yes/no, oui/non, true/false, 1/0, y/n, o/n"
        );
    }
}
