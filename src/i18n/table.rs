//! The words of a table's problems: what `dues check` lists, with the file
//! and line of each, and what every command says of an invalid table.

use dues_core::money::{format_amount, format_number};
use dues_core::table::{
    BoundKey, ExampleOutcome, MarkerFault, Problem, ProblemKind, Syntax, Table, TableError,
    TomlProblem,
};
use rust_decimal::Decimal;

use super::Catalog;
use super::quote::interval;
use crate::msg;

/// A table error, whole: the file, and each problem on a line of its own.
pub fn table_error(cat: &Catalog, error: &TableError) -> String {
    match error {
        TableError::Toml {
            origin,
            line,
            column,
            problem,
        } => msg!(
            cat,
            "table-toml",
            origin = origin,
            line = line.to_string(),
            column = column.to_string(),
            problem = toml_problem(cat, problem),
        ),
        TableError::Invalid {
            origin,
            symbol,
            problems,
        } => {
            let mut text = msg!(cat, "table-invalid", origin = origin);
            for p in problems {
                text.push_str("\n  ");
                text.push_str(&located(cat, symbol, origin, p));
            }
            text
        }
    }
}

/// `origin:line: problem`.
fn located(cat: &Catalog, symbol: &str, origin: &str, p: &Problem) -> String {
    let problem = problem(cat, symbol, &p.kind);
    match p.line {
        Some(line) => msg!(
            cat,
            "table-problem-at",
            origin = origin,
            line = line.to_string(),
            problem = problem
        ),
        None => msg!(cat, "table-problem", origin = origin, problem = problem),
    }
}

fn toml_problem(cat: &Catalog, problem: &TomlProblem) -> String {
    match problem {
        TomlProblem::Syntax(what) => msg!(cat, "toml-syntax", what = syntax(*what)),
        TomlProblem::UnknownKey { key, expected } => {
            let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
            msg!(
                cat,
                "toml-unknown-key",
                key = key,
                expected = cat.alternatives(&expected)
            )
        }
        TomlProblem::MissingKey(key) => msg!(cat, "toml-missing-key", key = key),
        TomlProblem::WrongType(Some(value)) => msg!(cat, "toml-wrong-type", value = value),
        TomlProblem::WrongType(None) => msg!(cat, "toml-wrong-type-unnamed"),
        TomlProblem::OutOfRange(value) => msg!(cat, "toml-out-of-range", value = value),
        TomlProblem::UnknownVariant { found, expected } => {
            let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
            msg!(
                cat,
                "toml-unknown-variant",
                found = found,
                expected = cat.alternatives(&expected)
            )
        }
        TomlProblem::FloatMoney(value) => msg!(cat, "toml-float-money", value = value),
        TomlProblem::NegativeMoney(value) => {
            msg!(cat, "toml-negative-money", value = value.to_string())
        }
        TomlProblem::NotMoney(value) => msg!(cat, "toml-not-money", value = value),
        TomlProblem::MoneyTooLarge(value) => msg!(
            cat,
            "toml-money-too-large",
            value = format_number(*value, cat.lang()),
            max = format_number(dues_core::table::MAX_AMOUNT, cat.lang()),
        ),
    }
}

/// What is malformed, in TOML that does not parse.
fn syntax(what: Syntax) -> &'static str {
    match what {
        Syntax::String => "string",
        Syntax::Key => "key",
        Syntax::Table => "table",
        Syntax::InlineTable => "inline-table",
        Syntax::Array => "array",
        Syntax::Number => "number",
        Syntax::Date => "date",
        Syntax::Boolean => "boolean",
        Syntax::Comment => "comment",
        Syntax::Comma => "comma",
        Syntax::Assignment => "assignment",
        Syntax::Value => "value",
        Syntax::TooDeep => "too-deep",
        Syntax::Other => "other",
    }
}

/// One problem; amounts are shown in the table's currency, `symbol`.
fn problem(cat: &Catalog, symbol: &str, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        MarkerRefused { marker, fault } => {
            msg!(
                cat,
                "table-marker",
                marker = marker,
                fault = fault_code(*fault)
            )
        }
        SymbolNotAccepted { symbol } => {
            msg!(cat, "table-symbol-not-accepted", symbol = symbol)
        }
        NoKind => msg!(cat, "table-no-kind"),
        IssuerEmpty(field) => msg!(cat, "table-issuer-empty", key = field.key()),
        IssuerInvalid { field, value } => msg!(
            cat,
            "table-issuer-invalid",
            key = field.key(),
            value = value
        ),
        IssuerUnreachable => msg!(cat, "table-issuer-unreachable"),
        DuplicateKindId(id) => msg!(cat, "table-duplicate-kind", id = id),
        EmptyKindName { kind } => msg!(cat, "table-empty-kind-name", kind = kind),
        KindNameClash {
            first,
            second,
            name,
        } => msg!(
            cat,
            "table-kind-name-clash",
            first = first,
            second = second,
            name = name
        ),
        EmptyTierId => msg!(cat, "table-empty-tier-id"),
        DuplicateTierId(id) => msg!(cat, "table-duplicate-tier", id = id),
        RuleNamesNoKind { tier } => msg!(cat, "table-rule-no-kind", tier = tier),
        RuleUnknownKind { tier, kind, known } => msg!(
            cat,
            "table-rule-unknown-kind",
            tier = tier,
            kind = kind,
            known = known.join(", "),
        ),
        NeitherBudgetNorRule { tier } => msg!(cat, "table-neither-budget-nor-rule", tier = tier),
        RulesClash {
            first,
            second,
            kind,
        } => msg!(
            cat,
            "table-rules-clash",
            first = first,
            second = second,
            kind = kind
        ),
        BuiltInUndecodable => msg!(cat, "table-built-in-undecodable"),
        ExampleUnknownTier(_) | ExampleUnknownError { .. } | ExampleShape | ExampleFails { .. } => {
            example_problem(cat, symbol, kind)
        }
        budget => budget_problem(cat, symbol, budget),
    }
}

fn fault_code(fault: MarkerFault) -> &'static str {
    match fault {
        MarkerFault::Empty => "empty",
        MarkerFault::Digit => "digit",
        MarkerFault::Sign => "sign",
        MarkerFault::Separator => "separator",
        MarkerFault::Multiplier => "multiplier",
    }
}

/// A problem with one of the table's examples.
fn example_problem(cat: &Catalog, symbol: &str, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        ExampleUnknownTier(tier) => msg!(cat, "table-example-unknown-tier", tier = tier),
        ExampleUnknownError { error, known } => msg!(
            cat,
            "table-example-unknown-error",
            error = error,
            known = known.join(", ")
        ),
        ExampleFails {
            budget,
            kind,
            strategy,
            expected,
            got,
        } => msg!(
            cat,
            "table-example-fails",
            budget = budget,
            kind = kind,
            strategy = strategy.clone().unwrap_or_default(),
            answered = if strategy.is_some() { "yes" } else { "no" },
            expected = example_outcome(cat, symbol, expected),
            got = example_outcome(cat, symbol, got),
        ),
        _ => msg!(cat, "table-example-shape"),
    }
}

/// A problem with a tier's budget or fee, or with how the tiers cover the
/// budgets.
fn budget_problem(cat: &Catalog, symbol: &str, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let span = |first, last| interval(cat, symbol, first, last);
    let money = |amount: &Decimal| format_amount(*amount, cat.lang(), symbol);
    match kind {
        SubCent { tier, key, amount } => msg!(
            cat,
            "table-sub-cent",
            tier = tier,
            key = key.map_or("fee.amount", BoundKey::key),
            amount = money(amount),
        ),
        BothLowerBounds { tier } => msg!(cat, "table-both-lower-bounds", tier = tier),
        BothUpperBounds { tier } => msg!(cat, "table-both-upper-bounds", tier = tier),
        NoLowerBound { tier } => msg!(cat, "table-no-lower-bound", tier = tier),
        EmptyBudget { tier } => msg!(cat, "table-empty-budget", tier = tier),
        NoBudgetTier => msg!(cat, "table-no-budget-tier"),
        NotFromZero { tier, last } => {
            let from_zero = span(dues_core::table::Edge::at(Default::default()), Some(*last));
            msg!(cat, "table-not-from-zero", span = from_zero, tier = tier)
        }
        Gap {
            below,
            above,
            first,
            last,
        } => msg!(
            cat,
            "table-gap",
            below = below,
            above = above,
            span = span(*first, Some(*last))
        ),
        Overlap {
            below,
            above,
            first,
            last,
        } => msg!(
            cat,
            "table-overlap",
            below = below,
            above = above,
            span = span(*first, Some(*last))
        ),
        Unbounded {
            below,
            above,
            first,
            last,
        } => msg!(
            cat,
            "table-unbounded",
            below = below,
            above = above,
            span = span(*first, *last)
        ),
        NoCeiling { tier, first } => {
            msg!(
                cat,
                "table-no-ceiling",
                span = span(*first, None),
                tier = tier
            )
        }
        FeeNotPositive { tier, fee } => {
            msg!(cat, "table-fee-not-positive", tier = tier, fee = money(fee))
        }
        FeeTooLarge { tier, fee, max } => msg!(
            cat,
            "table-fee-too-large",
            tier = tier,
            fee = money(fee),
            max = money(max)
        ),
        // Worded by `problem`.
        other => format!("{other:?}"),
    }
}

fn example_outcome(cat: &Catalog, symbol: &str, outcome: &ExampleOutcome) -> String {
    match outcome {
        ExampleOutcome::Quote { tier, fee } => msg!(
            cat,
            "example-quote",
            tier = tier,
            fee = format_amount(*fee, cat.lang(), symbol)
        ),
        ExampleOutcome::Error(code) => msg!(cat, "example-error", code = code.as_str()),
    }
}

/// What `dues check` says of a valid table.
pub fn valid(cat: &Catalog, table: &Table) -> String {
    let by_rule = table.tiers.iter().filter(|t| t.rule.is_some()).count();
    let valid = msg!(
        cat,
        "check-valid",
        origin = &table.origin,
        tiers = table.tiers.len(),
        by_budget = table.tiers.len() - by_rule,
        by_rule = by_rule,
        kinds = table.kinds.len(),
        benefits = table.benefits.len(),
        examples = table.examples.len(),
    );
    match table.issuer {
        Some(_) => valid,
        None => format!("{valid} {}", msg!(cat, "check-no-issuer")),
    }
}
