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

use crate::money::{AmountError, Reading, Unit, is_plain, parse_amount_as};
use crate::table::{ErrorCode, Interval, Table, UnknownKind};
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
    /// The answer `yes` was given but changes nothing for this kind.
    pub strategy_ignored: bool,
    /// The budget, a plain number, is below what its kind's can be.
    pub implausible: Option<Implausible>,
}

impl Quote {
    /// Why, step by step, in table order (worked out again on demand, so that
    /// a batch pays nothing for explanations it does not print).
    pub fn steps(&self, table: &Table) -> Vec<Step> {
        let mut steps = Vec::new();
        let by_budget = budget_tier(table, self.org.budget);
        let strategy = self.org.strategy.unwrap_or(false);
        decide(table, self.org, strategy, by_budget, |s| steps.push(s));
        steps
    }

    /// What the user should know about this quote, beside the fee.
    pub fn warnings(&self) -> Vec<Warning> {
        let ignored = self.strategy_ignored.then_some(Warning::StrategyIgnored);
        let implausible = self.implausible.map(Warning::ImplausibleBudget);
        ignored.into_iter().chain(implausible).collect()
    }

    /// The next budget tier up, if the quote is by budget and there is one.
    pub fn next(&self, table: &Table) -> Option<Next> {
        match table.tiers[self.tier].rule {
            Some(_) => None,
            None => next_tier(table, self.org.budget),
        }
    }
}

/// Something a quote's user should know, that changes nothing to the fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// The answer `yes` was given, but the kind has no tier by strategy.
    StrategyIgnored,
    /// A plain-number budget below its kind's floor: perhaps k€ or M€.
    ImplausibleBudget(Implausible),
}

impl Warning {
    /// A stable name, for scripts.
    pub fn code(self) -> &'static str {
        match self {
            Warning::StrategyIgnored => "network_strategy_ignored",
            Warning::ImplausibleBudget(_) => "implausible_budget",
        }
    }
}

/// One step of the reasoning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Budget to add to reach the tier (to its first whole cent).
    pub gap: Decimal,
}

/// Why an organisation cannot be quoted. The text layer words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error(transparent)]
    Budget(#[from] AmountError),
    #[error(transparent)]
    Kind(#[from] UnknownKind),
    #[error(transparent)]
    Strategy(#[from] StrategyError),
    /// The answer decides the tier but was not given; both outcomes attached.
    #[error("network_strategy_required")]
    StrategyRequired { yes: Box<Quote>, no: Box<Quote> },
}

/// An input of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Budget,
    Kind,
    NetworkStrategy,
}

impl Field {
    /// Its stable name: `budget`, `kind`, `network_strategy`.
    pub fn id(self) -> &'static str {
        match self {
            Field::Budget => "budget",
            Field::Kind => "kind",
            Field::NetworkStrategy => "network_strategy",
        }
    }
}

impl QuoteError {
    /// The input field at fault.
    pub fn field(&self) -> Field {
        match self {
            QuoteError::Budget(_) => Field::Budget,
            QuoteError::Kind(_) => Field::Kind,
            QuoteError::Strategy(_) | QuoteError::StrategyRequired { .. } => Field::NetworkStrategy,
        }
    }

    /// A stable name for scripts and for the table's examples.
    pub fn code(&self) -> ErrorCode {
        match self {
            QuoteError::Budget(_) => ErrorCode::InvalidBudget,
            QuoteError::Kind(_) => ErrorCode::UnknownKind,
            QuoteError::Strategy(_) => ErrorCode::InvalidNetworkStrategy,
            QuoteError::StrategyRequired { .. } => ErrorCode::NetworkStrategyRequired,
        }
    }
}

/// An answer to the strategy question that is neither yes nor no.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid_network_strategy: `{value}`")]
pub struct StrategyError {
    pub value: String,
}

/// The answers read as yes and as no, in pairs (compared after [`fold`]).
pub const ANSWERS: [(&str, &str); 7] = [
    ("oui", "non"),
    ("yes", "no"),
    ("o", "n"),
    ("y", "n"),
    ("true", "false"),
    ("vrai", "faux"),
    ("1", "0"),
];

/// Reads a yes/no answer, in French or English, ignoring case and accents.
/// An empty answer is no answer: `Ok(None)`.
pub fn parse_strategy(value: &str) -> Result<Option<bool>, StrategyError> {
    // The usual answers need no folding (a batch meets them on every row).
    let plain = value.trim();
    for (word, answer) in [("oui", true), ("non", false), ("yes", true), ("no", false)] {
        if plain.eq_ignore_ascii_case(word) {
            return Ok(Some(answer));
        }
    }
    let folded = fold(value);
    if folded.is_empty() {
        Ok(None)
    } else if ANSWERS.iter().any(|(yes, _)| *yes == folded) {
        Ok(Some(true))
    } else if ANSWERS.iter().any(|(_, no)| *no == folded) {
        Ok(Some(false))
    } else {
        Err(StrategyError {
            value: value.to_string(),
        })
    }
}

/// Parses a request and classifies it.
pub fn quote(table: &Table, request: Request) -> Result<Quote, QuoteError> {
    let mut quote = quote_with(table, request, Reading::default(), |name| table.kind(name))?;
    quote.implausible = implausible(table, request.budget, &quote.org);
    Ok(quote)
}

/// [`quote`], the budget read as `reading` says (a batch column's unit and
/// convention), the kind looked up by `kind` (a batch caches the look-up).
pub fn quote_with(
    table: &Table,
    request: Request,
    reading: Reading,
    kind: impl FnOnce(&str) -> Result<usize, UnknownKind>,
) -> Result<Quote, QuoteError> {
    let budget = parse_amount_as(request.budget, &table.currency.accepted, reading)?;
    classify(table, org(budget, request, kind)?)
}

/// The organisation a request names, its budget already read: its kind
/// looked up by `kind`, its strategy answer parsed.
#[inline]
pub fn org(
    budget: Decimal,
    request: Request,
    kind: impl FnOnce(&str) -> Result<usize, UnknownKind>,
) -> Result<Org, QuoteError> {
    let kind = kind(request.kind)?;
    let strategy = match request.strategy {
        Some(s) => parse_strategy(s)?,
        None => None,
    };
    Ok(Org {
        kind,
        budget,
        strategy,
    })
}

/// A budget written as a plain number, below what its kind's smallest
/// budget can be: perhaps meant in thousands, millions or billions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Implausible {
    pub floor: Decimal,
    /// The smallest unit that would make it plausible, if one does.
    pub reading: Option<Unit>,
}

/// Whether the budget `written` (as the user typed it) for `org` cannot
/// be right as read; the fee stays that of the budget as read.
pub fn implausible(table: &Table, written: &str, org: &Org) -> Option<Implausible> {
    let floor = table.kinds[org.kind].budget_floor?;
    if org.budget >= floor || !is_plain(written, &table.currency.accepted) {
        return None;
    }
    // A unit is suggested for the short numbers people type with one in
    // mind (`2,3`, `850`): `49999999` in k€ would be no likelier.
    let short = org.budget < Decimal::from(1000);
    let reading = [Unit::Thousand, Unit::Million, Unit::Billion]
        .into_iter()
        .filter(|_| short)
        .find(|unit| {
            org.budget
                .checked_mul(unit.factor())
                .is_some_and(|b| b >= floor)
        });
    Some(Implausible { floor, reading })
}

/// Classifies a parsed organisation.
pub fn classify(table: &Table, org: Org) -> Result<Quote, QuoteError> {
    decision(table, org).quote(org)
}

/// What [`classify`] decides, the organisation aside: a tier, or the two
/// the strategy answer chooses between. A budget counts only by the tiers
/// whose bounds hold it, which is what lets a
/// [`Classifier`](crate::classifier::Classifier) remember it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    Tier { tier: usize, strategy_ignored: bool },
    Required { yes: usize, no: usize },
}

pub(crate) fn decision(table: &Table, org: Org) -> Decision {
    let by_budget = budget_tier(table, org.budget);
    let yes = decide(table, org, true, by_budget, |_| {}).tier;
    let no = decide(table, org, false, by_budget, |_| {}).tier;
    let tier = |tier, strategy_ignored| Decision::Tier {
        tier,
        strategy_ignored,
    };
    match org.strategy {
        Some(true) => tier(yes, yes == no),
        Some(false) => tier(no, false),
        None if yes == no => tier(no, false),
        None => Decision::Required { yes, no },
    }
}

impl Decision {
    /// The quote of `org`, decided so.
    #[inline]
    pub(crate) fn quote(self, org: Org) -> Result<Quote, QuoteError> {
        let quote = |tier| Quote {
            org,
            tier,
            strategy_ignored: false,
            implausible: None,
        };
        match self {
            Decision::Tier {
                tier,
                strategy_ignored,
            } => Ok(Quote {
                strategy_ignored,
                ..quote(tier)
            }),
            Decision::Required { yes, no } => Err(QuoteError::StrategyRequired {
                yes: Box::new(quote(yes)),
                no: Box::new(quote(no)),
            }),
        }
    }
}

/// The one budget tier (no rule) whose bounds hold the budget.
fn budget_tier(table: &Table, budget: Decimal) -> usize {
    table
        .tiers
        .iter()
        .position(|t| t.rule.is_none() && t.budget.is_some_and(|b| b.contains(budget)))
        .expect("a validated table covers every budget from 0 upwards")
}

/// Classifies as if the strategy answer were `strategy`, `by_budget` being the
/// budget tier, telling `step` each step of the reasoning; `org.strategy` is
/// kept as given, for the record.
fn decide(
    table: &Table,
    org: Org,
    strategy: bool,
    by_budget: usize,
    mut step: impl FnMut(Step),
) -> Quote {
    let mut ruled = None;
    for (i, tier) in table.tiers.iter().enumerate() {
        let Some(rule) = &tier.rule else { continue };
        if !rule.kinds.contains(&org.kind) {
            step(Step::KindNotEligible { tier: i });
        } else if rule
            .network_strategy
            .is_some_and(|wanted| wanted != strategy)
        {
            step(Step::StrategyMismatch { tier: i });
        } else if tier.budget.is_some_and(|b| !b.contains(org.budget)) {
            step(Step::RuleBudgetOutside { tier: i });
        } else if ruled.is_none() {
            // Validation forbids two rule tiers claiming one organisation.
            ruled = Some(i);
            step(Step::RuleApplies { tier: i });
        }
    }
    for (i, tier) in table.tiers.iter().enumerate() {
        if tier.rule.is_some() {
            continue;
        }
        step(match (i == by_budget, ruled) {
            (true, Some(_)) => Step::BudgetNotUsed { tier: i },
            (true, None) => Step::BudgetIn { tier: i },
            (false, _) => Step::BudgetOut { tier: i },
        });
    }
    Quote {
        org,
        tier: ruled.unwrap_or(by_budget),
        strategy_ignored: false,
        implausible: None,
    }
}

/// The nearest budget tier that starts above the budget.
fn next_tier(table: &Table, budget: Decimal) -> Option<Next> {
    table
        .tiers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.rule.is_none())
        .filter_map(|(i, t)| t.budget.map(|b: Interval| (i, b.first.cent())))
        .filter(|&(_, first)| first > budget)
        .min_by_key(|&(_, first)| first)
        .map(|(tier, first)| Next {
            tier,
            gap: first - budget,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn table() -> Table {
        crate::leaflet()
    }

    /// Tier id and fee, or the error code.
    fn outcome(
        table: &Table,
        budget: &str,
        kind: &str,
        strategy: Option<&str>,
    ) -> Result<(String, Decimal), String> {
        quote(
            table,
            Request {
                budget,
                kind,
                strategy,
            },
        )
        .map(|q| {
            (
                table.tiers[q.tier].id.clone(),
                table.tiers[q.tier].fee.amount,
            )
        })
        .map_err(|e| e.code().as_str().to_string())
    }

    fn tier(id: &str, fee: &str) -> Result<(String, Decimal), String> {
        Ok((id.to_string(), Decimal::from_str(fee).unwrap()))
    }

    #[test]
    fn the_leaflet_table_at_each_boundary_to_the_cent() {
        let t = table();
        let cases = [
            ("0", tier("small", "1000")),
            ("0,01", tier("small", "1000")),
            ("1 499 999,99", tier("small", "1000")),
            ("1 500 000", tier("medium", "2500")),
            ("1 500 000,01", tier("medium", "2500")),
            ("9 999 999,99", tier("medium", "2500")),
            ("10 000 000", tier("medium", "2500")),
            ("10 000 000,01", tier("large", "5000")),
            ("1,2 Md€", tier("large", "5000")),
        ];
        for (budget, expected) in cases {
            for kind in ["commune", "epci", "public", "private"] {
                assert_eq!(outcome(&t, budget, kind, None), expected, "{budget} {kind}");
            }
        }
    }

    #[test]
    fn every_kind_with_every_strategy_answer() {
        let t = table();
        let by_budget = [
            ("800 000", tier("small", "1000")),
            ("4 M€", tier("medium", "2500")),
            ("40 M€", tier("large", "5000")),
        ];
        for kind in ["region", "departement", "metropole"] {
            for (budget, expected) in &by_budget {
                assert_eq!(
                    outcome(&t, budget, kind, Some("oui")),
                    tier("network", "8000")
                );
                assert_eq!(outcome(&t, budget, kind, Some("non")), *expected);
                assert_eq!(
                    outcome(&t, budget, kind, None),
                    Err("network_strategy_required".to_string())
                );
                assert_eq!(
                    outcome(&t, budget, kind, Some("")),
                    Err("network_strategy_required".to_string())
                );
            }
        }
        for kind in ["commune", "epci", "public", "private"] {
            for (budget, expected) in &by_budget {
                for strategy in [None, Some("yes"), Some("no")] {
                    assert_eq!(
                        outcome(&t, budget, kind, strategy),
                        *expected,
                        "{kind} {strategy:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_missing_strategy_carries_both_outcomes() {
        let t = table();
        let err = quote(
            &t,
            Request {
                budget: "12 M€",
                kind: "Département",
                strategy: None,
            },
        )
        .unwrap_err();
        let QuoteError::StrategyRequired { yes, no } = err else {
            panic!("{err:?}")
        };
        assert_eq!(t.tiers[yes.tier].id, "network");
        assert_eq!(t.tiers[no.tier].id, "large");
    }

    #[test]
    fn a_yes_that_changes_nothing_is_flagged() {
        let t = table();
        let q = |kind, s| {
            quote(
                &t,
                Request {
                    budget: "1 M€",
                    kind,
                    strategy: Some(s),
                },
            )
            .unwrap()
        };
        assert!(q("commune", "oui").strategy_ignored);
        assert!(!q("commune", "non").strategy_ignored);
        assert!(!q("région", "oui").strategy_ignored);
    }

    #[test]
    fn kinds_match_labels_and_aliases_whatever_the_case_accents_or_apostrophes() {
        let t = table();
        let id = |name: &str| {
            t.kinds[t.kind(name).unwrap_or_else(|e| panic!("{e:?}"))]
                .id
                .as_str()
        };
        let cases = [
            ("Région", "region"),
            ("REGION", "region"),
            ("conseil regional", "region"),
            ("Collectivité de Corse", "region"),
            ("Collectivité territoriale de Martinique", "region"),
            ("Collectivité territoriale de Guyane", "region"),
            ("collectivite territoriale unique", "region"),
            ("Département", "departement"),
            ("Conseil départemental", "departement"),
            ("Collectivité européenne d’Alsace", "departement"),
            ("Ville de Paris", "departement"),
            ("Métropole", "metropole"),
            ("Métropole de Lyon", "metropole"),
            ("commune", "commune"),
            ("Ville", "commune"),
            ("EPCI", "epci"),
            ("Communauté de communes", "epci"),
            ("Communauté d’agglomération", "epci"),
            ("communaute d'agglomeration", "epci"),
            ("Communauté urbaine", "epci"),
            ("Établissement public", "public"),
            ("etablissement public", "public"),
            ("Association", "private"),
            ("Fondation", "private"),
            ("Entreprise", "private"),
        ];
        for (name, expected) in cases {
            assert_eq!(id(name), expected, "{name}");
        }
    }

    #[test]
    fn an_unknown_kind_keeps_the_value_as_given() {
        assert_eq!(
            table().kind("Maison de quartier").unwrap_err(),
            UnknownKind {
                value: "Maison de quartier".to_string(),
                suggestions: Vec::new(),
            }
        );
    }

    #[test]
    fn plurals_name_their_singular_kind() {
        let id = |name: &str| table().kinds[table().kind(name).unwrap()].id.clone();
        for (name, expected) in [
            ("Communes", "commune"),
            ("Régions", "region"),
            ("Départements", "departement"),
            ("Conseils départementaux", "departement"),
            ("Communautés de communes", "epci"),
            ("Associations", "private"),
            ("Companies", "private"),
        ] {
            assert_eq!(id(name), expected, "{name}");
        }
    }

    #[test]
    fn an_unknown_kind_comes_with_the_closest_names() {
        let suggest = |name: &str| table().kind(name).unwrap_err().suggestions;
        assert_eq!(suggest("comune"), ["Commune"]);
        assert_eq!(suggest("Comunne"), ["Commune"]);
        assert_eq!(suggest("departemnt"), ["Département"]);
        // An acronym-sized slip suggests nothing.
        assert!(suggest("SA").is_empty());
        assert!(suggest("CCI").is_empty());
        assert_eq!(suggest("fondaton"), ["Fondation"]);
        assert!(suggest("xyzzy").is_empty());
    }

    #[test]
    fn explains_the_distance_to_the_next_tier() {
        let t = table();
        let q = |budget| {
            quote(
                &t,
                Request {
                    budget,
                    kind: "commune",
                    strategy: None,
                },
            )
            .unwrap()
            .next(&t)
        };
        let next = q("1 499 999,99").unwrap();
        assert_eq!(t.tiers[next.tier].id, "medium");
        assert_eq!(next.gap, Decimal::from_str("0.01").unwrap());
        let next = q("10 000 000").unwrap();
        assert_eq!(t.tiers[next.tier].id, "large");
        assert_eq!(next.gap, Decimal::from_str("0.01").unwrap());
        assert_eq!(q("10 000 000,01"), None);
    }

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
            parse_strategy("peut-être"),
            Err(StrategyError {
                value: "peut-être".to_string()
            })
        );
    }

    #[test]
    fn a_rule_tier_with_bounds_applies_only_within_them() {
        // The network tier for the biggest budgets alone (0,5 Md€ up); the
        // leaflet's examples, which no longer hold, left out.
        let examples = crate::LEAFLET_SOURCE.find("[[example]]").unwrap();
        let source = crate::LEAFLET_SOURCE[..examples].replace(
            "network_strategy = true }",
            "network_strategy = true }\nbudget = { at_least = 500_000_000 }",
        );
        let t = crate::load(&source, "bounded.toml").unwrap();
        let network = t.tiers.iter().position(|t| t.id == "network").unwrap();
        assert_eq!(
            outcome(&t, "1 Md€", "region", Some("oui")),
            tier("network", "8000")
        );
        assert_eq!(
            outcome(&t, "500 M€", "region", Some("oui")),
            tier("network", "8000")
        );
        assert_eq!(
            outcome(&t, "499 M€", "region", Some("oui")),
            tier("large", "5000")
        );
        // Below the bounds the answer changes nothing: none is asked.
        assert_eq!(outcome(&t, "400 M€", "region", None), tier("large", "5000"));
        let request = Request {
            budget: "400 M€",
            kind: "region",
            strategy: Some("oui"),
        };
        let q = quote(&t, request).unwrap();
        assert!(
            q.steps(&t)
                .contains(&Step::RuleBudgetOutside { tier: network })
        );
        assert!(q.strategy_ignored);
        assert_eq!(q.warnings(), [Warning::StrategyIgnored]);
    }

    #[test]
    fn an_implausible_budget_is_told_with_the_unit_that_would_fit() {
        let t = table();
        let implausible_of = |budget: &str, kind: &str| {
            let request = Request {
                budget,
                kind,
                strategy: Some("non"),
            };
            quote(&t, request).unwrap().implausible
        };
        let reading = |budget: &str, kind: &str| implausible_of(budget, kind).map(|i| i.reading);
        // A commune's floor is 10 000 €: `999` is 999 k€, `1000` no shorthand.
        assert_eq!(reading("999", "commune"), Some(Some(Unit::Thousand)));
        assert_eq!(reading("1000", "commune"), Some(None));
        assert_eq!(reading("9999,99", "commune"), Some(None));
        assert_eq!(reading("10000", "commune"), None);
        assert_eq!(reading("999 €", "commune"), None, "a unit was written");
        // A région's floor is 100 M€: `2,3` is 2,3 Md€.
        assert_eq!(reading("2,3", "region"), Some(Some(Unit::Billion)));
        assert_eq!(reading("50", "region"), Some(Some(Unit::Billion)));
        let q = quote(
            &t,
            Request {
                budget: "999",
                kind: "commune",
                strategy: None,
            },
        )
        .unwrap();
        let codes: Vec<&str> = q.warnings().into_iter().map(Warning::code).collect();
        assert_eq!(codes, ["implausible_budget"]);
        assert_eq!(Warning::StrategyIgnored.code(), "network_strategy_ignored");
    }
}
