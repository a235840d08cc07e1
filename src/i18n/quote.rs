//! The words of a quote: fees, conditions, the explanation, warnings, and
//! why an organisation cannot be quoted.

use dues_core::classify::{ANSWERS, Next, Quote, QuoteError, Step, Warning};
use dues_core::money::{AmountError, AmountProblem, Mark, Unit, format_amount, plain};
use dues_core::table::{Basis, Edge, Table, Tier};
use rust_decimal::Decimal;

use super::Catalog;
use crate::msg;

/// An amount in the table's currency, the language's way: `2 500 €`, `€2,500`.
pub fn money(cat: &Catalog, table: &Table, amount: Decimal) -> String {
    table.money(amount, cat.lang())
}

/// The fee in words: `2 500 €`, `à partir de 8 000 €`.
pub fn fee_short(cat: &Catalog, table: &Table, tier: &Tier) -> String {
    let amount = money(cat, table, tier.fee.amount);
    match tier.fee.basis {
        Basis::Fixed => amount,
        Basis::Minimum => msg!(cat, "fee-from", amount = amount),
    }
}

/// The fee with its note: `à partir de 8 000 € — à définir au cas par cas…`.
pub fn fee_long(cat: &Catalog, table: &Table, tier: &Tier) -> String {
    let short = fee_short(cat, table, tier);
    match &tier.fee.note {
        Some(note) => msg!(
            cat,
            "fee-with-note",
            fee = short,
            note = cat.table_text(note)
        ),
        None => short,
    }
}

/// A tier with its fee: `medium (2 500 €)`.
pub fn tier_fee(cat: &Catalog, table: &Table, tier: usize) -> String {
    let t = &table.tiers[tier];
    msg!(
        cat,
        "tier-fee",
        tier = &t.id,
        fee = fee_short(cat, table, t)
    )
}

/// A kind by its label in the user's language.
pub fn kind_label(cat: &Catalog, table: &Table, kind: usize) -> String {
    cat.table_text(&table.kinds[kind].label).into_owned()
}

/// The budgets from `first` to `last`: `budget < 1 500 000 €`,
/// `1 500 000 € ≤ budget ≤ 10 000 000 €`, `tout budget`; `symbol`: the
/// table's currency.
pub fn interval(cat: &Catalog, symbol: &str, first: Edge, last: Option<Edge>) -> String {
    let m = |d| format_amount(d, cat.lang(), symbol);
    if let Some(last) = last
        && first == last
    {
        return msg!(cat, "budget-equals", amount = m(first.amount));
    }
    let lower = (!first.is_zero()).then_some(first);
    match (lower, last) {
        (Some(l), Some(u)) => msg!(
            cat,
            "budget-between",
            low = m(l.amount),
            low_op = if l.side > 0 { "<" } else { "≤" },
            high = m(u.amount),
            high_op = if u.side < 0 { "<" } else { "≤" },
        ),
        (Some(l), None) if l.side > 0 => msg!(cat, "budget-above", amount = m(l.amount)),
        (Some(l), None) => msg!(cat, "budget-at-least", amount = m(l.amount)),
        (None, Some(u)) if u.side < 0 => msg!(cat, "budget-below", amount = m(u.amount)),
        (None, Some(u)) => msg!(cat, "budget-at-most", amount = m(u.amount)),
        (None, None) => msg!(cat, "budget-any"),
    }
}

/// The condition of a tier: its kinds and strategy, its budgets.
pub fn condition(cat: &Catalog, table: &Table, tier: &Tier) -> String {
    let mut parts = Vec::new();
    if let Some(rule) = &tier.rule {
        let labels: Vec<String> = rule
            .kinds
            .iter()
            .map(|&k| kind_label(cat, table, k))
            .collect();
        let kinds = labels.join(", ");
        parts.push(match rule.network_strategy {
            Some(true) => msg!(cat, "condition-with-strategy", kinds = kinds),
            Some(false) => msg!(cat, "condition-without-strategy", kinds = kinds),
            None => kinds,
        });
    }
    if let Some(budget) = &tier.budget {
        parts.push(interval(
            cat,
            &table.currency.symbol,
            budget.first,
            budget.last,
        ));
    }
    match parts.as_slice() {
        [a, b] => msg!(cat, "condition-and", first = a, second = b),
        _ => parts.concat(),
    }
}

/// The answer to the strategy question, as shown: oui, non, non précisée.
pub fn strategy_answer(cat: &Catalog, strategy: Option<bool>) -> String {
    match strategy {
        Some(true) => msg!(cat, "strategy-yes"),
        Some(false) => msg!(cat, "strategy-no"),
        None => msg!(cat, "strategy-not-given"),
    }
}

/// The reasoning of a quote, one sentence a step, then the distance to the
/// next tier.
pub fn explain(cat: &Catalog, table: &Table, quote: &Quote) -> Vec<String> {
    let mut lines: Vec<String> = quote
        .steps(table)
        .iter()
        .map(|step| explain_step(cat, table, quote, *step))
        .collect();
    if let Some(next) = quote.next(table) {
        lines.push(next_tier(cat, table, next));
    }
    lines
}

fn explain_step(cat: &Catalog, table: &Table, quote: &Quote, step: Step) -> String {
    let kind = kind_label(cat, table, quote.org.kind);
    let budget = |tier| budget_test(cat, table, quote.org.budget, tier);
    let tier_fee = |tier| tier_fee(cat, table, tier);
    match step {
        Step::RuleApplies { tier } => {
            let strategy = table.tiers[tier]
                .rule
                .as_ref()
                .and_then(|r| r.network_strategy);
            let with = match strategy {
                Some(true) => "yes",
                Some(false) => "no",
                None => "any",
            };
            msg!(
                cat,
                "explain-rule-applies",
                kind = kind,
                strategy = with,
                tier = tier_fee(tier)
            )
        }
        Step::KindNotEligible { tier } => msg!(
            cat,
            "explain-kind-not-eligible",
            kind = kind,
            tier = tier_fee(tier),
            condition = condition(cat, table, &table.tiers[tier]),
        ),
        Step::StrategyMismatch { tier } => msg!(
            cat,
            "explain-strategy-mismatch",
            kind = kind,
            strategy = if quote.org.strategy == Some(true) {
                "yes"
            } else {
                "no"
            },
            tier = tier_fee(tier),
        ),
        Step::RuleBudgetOutside { tier } => msg!(
            cat,
            "explain-rule-budget-outside",
            budget = money(cat, table, quote.org.budget),
            condition = condition(cat, table, &table.tiers[tier]),
            tier = tier_fee(tier),
        ),
        Step::BudgetIn { tier } => {
            msg!(
                cat,
                "explain-budget-in",
                test = budget(tier),
                tier = tier_fee(tier)
            )
        }
        Step::BudgetOut { tier } => {
            msg!(
                cat,
                "explain-budget-out",
                test = budget(tier),
                tier = tier_fee(tier)
            )
        }
        Step::BudgetNotUsed { tier } => {
            msg!(
                cat,
                "explain-budget-not-used",
                test = budget(tier),
                tier = tier_fee(tier)
            )
        }
    }
}

/// `budget 2 300 000 € ≥ 1 500 000 € et ≤ 10 000 000 €`, or the bound it
/// fails: `budget 2 300 000 € n’est pas < 1 500 000 €`.
fn budget_test(cat: &Catalog, table: &Table, budget: Decimal, tier: usize) -> String {
    let Some(interval) = table.tiers[tier].budget else {
        return String::new();
    };
    let lower = match interval.first.side {
        _ if interval.first.is_zero() => None,
        1 => Some((">", interval.first.amount, budget > interval.first.amount)),
        _ => Some(("≥", interval.first.amount, budget >= interval.first.amount)),
    };
    let upper = interval.last.map(|last| match last.side {
        -1 => ("<", last.amount, budget < last.amount),
        _ => ("≤", last.amount, budget <= last.amount),
    });
    let shown = money(cat, table, budget);
    let parts: Vec<_> = lower.into_iter().chain(upper).collect();
    if let Some((op, bound, _)) = parts.iter().find(|(_, _, holds)| !holds) {
        let bound = money(cat, table, *bound);
        return msg!(cat, "test-fails", budget = shown, op = *op, bound = bound);
    }
    let tests: Vec<String> = parts
        .iter()
        .map(|(op, bound, _)| format!("{op} {}", money(cat, table, *bound)))
        .collect();
    match tests.as_slice() {
        [] => msg!(cat, "test-any", budget = shown),
        [one] => msg!(cat, "test-holds", budget = shown, test = one),
        [a, b, ..] => msg!(
            cat,
            "test-holds-both",
            budget = shown,
            first = a,
            second = b
        ),
    }
}

fn next_tier(cat: &Catalog, table: &Table, next: Next) -> String {
    let tier = &table.tiers[next.tier];
    msg!(
        cat,
        "explain-next-tier",
        tier = tier_fee(cat, table, next.tier),
        condition = condition(cat, table, tier),
        gap = money(cat, table, next.gap),
    )
}

/// A warning about a quote.
pub fn warning(cat: &Catalog, table: &Table, quote: &Quote, warning: Warning) -> String {
    match warning {
        Warning::StrategyIgnored => msg!(
            cat,
            "warn-strategy-ignored",
            kind = kind_label(cat, table, quote.org.kind)
        ),
        Warning::ImplausibleBudget(implausible) => {
            let amount = money(cat, table, quote.org.budget);
            let kind = kind_label(cat, table, quote.org.kind);
            let floor = money(cat, table, implausible.floor);
            match implausible.reading {
                Some(reading) => msg!(
                    cat,
                    "warn-implausible-budget",
                    amount = amount,
                    kind = kind,
                    floor = floor,
                    reading = in_unit(cat, quote.org.budget, reading, &table.currency.symbol),
                ),
                None => msg!(
                    cat,
                    "warn-implausible-budget-alone",
                    amount = amount,
                    kind = kind,
                    floor = floor
                ),
            }
        }
    }
}

/// Why an organisation cannot be quoted, with what would be accepted.
pub fn quote_error(cat: &Catalog, table: &Table, error: &QuoteError) -> String {
    match error {
        QuoteError::Budget(e) => amount_error(cat, &table.currency.symbol, e),
        QuoteError::Kind(e) => {
            let kinds: Vec<String> = table
                .kinds
                .iter()
                .map(|k| {
                    msg!(
                        cat,
                        "kind-with-label",
                        id = &k.id,
                        label = cat.table_text(&k.label)
                    )
                })
                .collect();
            let kinds = kinds.join(", ");
            if e.suggestions.is_empty() {
                return msg!(cat, "err-unknown-kind", value = &e.value, kinds = kinds);
            }
            let close: Vec<String> = e
                .suggestions
                .iter()
                .map(|name| msg!(cat, "quoted", value = name.as_str()))
                .collect();
            msg!(
                cat,
                "err-unknown-kind-close",
                value = &e.value,
                close = cat.alternatives(&close),
                kinds = kinds
            )
        }
        QuoteError::Strategy(e) => msg!(
            cat,
            "err-invalid-strategy",
            value = &e.value,
            accepted = strategy_words()
        ),
        QuoteError::StrategyRequired { yes, no } => msg!(
            cat,
            "err-strategy-required",
            kind = kind_label(cat, table, yes.org.kind),
            id = &table.kinds[yes.org.kind].id,
            yes = outcome(cat, table, yes),
            no = outcome(cat, table, no),
        ),
    }
}

/// One outcome of a quote: `tranche network, à partir de 8 000 € — …`.
pub fn outcome(cat: &Catalog, table: &Table, quote: &Quote) -> String {
    let tier = &table.tiers[quote.tier];
    msg!(
        cat,
        "outcome-tier",
        tier = &tier.id,
        fee = fee_long(cat, table, tier)
    )
}

/// The answers read as yes or no, in pairs: `oui/non, yes/no, …`.
pub fn strategy_words() -> String {
    let pairs: Vec<String> = ANSWERS.iter().map(|(y, n)| format!("{y}/{n}")).collect();
    pairs.join(", ")
}

/// Why a value is not an amount, and what would be (`symbol`: the
/// table's currency, in the examples).
pub fn amount_error(cat: &Catalog, symbol: &str, error: &AmountError) -> String {
    let why = amount_problem(cat, symbol, &error.problem);
    // A unit or mark against its column's: the reason says what to do.
    if matches!(
        error.problem,
        AmountProblem::UnitContradiction { .. } | AmountProblem::AgainstConvention { .. }
    ) {
        return msg!(cat, "err-amount-here", value = &error.value, why = why);
    }
    msg!(
        cat,
        "err-not-an-amount",
        value = &error.value,
        why = why,
        symbol = symbol
    )
}

fn amount_problem(cat: &Catalog, symbol: &str, problem: &AmountProblem) -> String {
    use AmountProblem::*;
    match problem {
        Empty => msg!(cat, "amount-empty"),
        Negative => msg!(cat, "amount-negative"),
        Signed => msg!(cat, "amount-signed"),
        Scientific => msg!(cat, "amount-scientific"),
        NotANumber => msg!(cat, "amount-not-a-number"),
        CurrencyTwice => msg!(cat, "amount-currency-twice"),
        Grouping => msg!(cat, "amount-grouping"),
        Misplaced(c) => msg!(cat, "amount-misplaced", char = c.to_string()),
        TooManyDigits => msg!(cat, "amount-too-many-digits"),
        SubCent => msg!(cat, "amount-sub-cent"),
        Uncomputed => msg!(cat, "amount-uncomputed"),
        DashCents {
            mark,
            whole: Some(whole),
        } => msg!(
            cat,
            "amount-dash-cents",
            mark = mark.to_string(),
            whole = plain(*whole)
        ),
        DashCents { mark, whole: None } => {
            msg!(cat, "amount-dash-cents-alone", mark = mark.to_string())
        }
        UnitContradiction { written, expected } => msg!(
            cat,
            "amount-unit-contradiction",
            written = unit(*written, symbol),
            expected = unit(*expected, symbol),
        ),
        AgainstConvention { mark, role, stated } => msg!(
            cat,
            "amount-against-convention",
            mark = mark.to_string(),
            role = match role {
                Mark::Group => "group",
                Mark::Decimal => "decimal",
            },
            stated = if *stated { "yes" } else { "no" },
        ),
        Ambiguous {
            mark,
            thousands,
            decimal,
        } => {
            let whole_cents = decimal.normalize().scale() <= 2;
            msg!(
                cat,
                "amount-ambiguous",
                mark = mark.to_string(),
                thousands = plain(*thousands),
                decimal = plain(*decimal),
                cents = if whole_cents { "yes" } else { "no" },
            )
        }
    }
}

/// A number read in `unit`, as a user would type it back: `2,3 M€`,
/// `€2.3M` (the number is below a thousand: no grouping).
pub fn in_unit(cat: &Catalog, number: Decimal, unit: Unit, symbol: &str) -> String {
    // As typed, in a form `dues` reads back: no cents added (`2,3`, not
    // `2,30`), the language's decimal mark.
    let number = number.normalize();
    let mark = match cat.lang() {
        dues_core::text::Lang::Fr => ",",
        dues_core::text::Lang::En => ".",
    };
    let text = number.to_string().replace('.', mark);
    let prefix = match unit {
        Unit::Euro => "",
        Unit::Thousand => "k",
        Unit::Million => "M",
        Unit::Billion => "Md",
    };
    msg!(
        cat,
        "amount-in-unit",
        number = text,
        prefix = prefix,
        symbol = symbol
    )
}

/// A unit by its symbol, of the table's currency (`symbol`): `€`, `k€`,
/// `M€`, `Md€`.
pub fn unit(unit: Unit, symbol: &str) -> String {
    let prefix = match unit {
        Unit::Euro => "",
        Unit::Thousand => "k",
        Unit::Million => "M",
        Unit::Billion => "Md",
    };
    format!("{prefix}{symbol}")
}
