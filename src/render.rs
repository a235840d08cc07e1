/*!
Every output of `dues`, one function per format: the human view (comfy-table),
JSON and CSV for quotes; the human view and JSON for the whole table; the
sentences of an explanation; the messages of the errors a user can fix.

Rendering reads a [`Quote`] and the [`Table`]; it decides nothing. The human
view adapts to where it goes ([`Style`]): boxes, wrapping at the terminal's
width and bold when stdout is a terminal (and `NO_COLOR` is unset), plain
aligned text otherwise.
*/

use comfy_table::{Attribute, Cell, ContentArrangement, Table as Grid, presets};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::batch::Summary;
use crate::classify::{Next, Quote, QuoteError, Step};
use crate::money::machine;
use crate::text::Lang;
use crate::tiers::{Basis, Table, Tier};

/// Where the human view goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Stdout is a terminal: draw boxes and wrap to its width.
    pub terminal: bool,
    /// Bold and colour allowed.
    pub color: bool,
}

/// The CSV columns a quote adds to its input, in order; batch appends the same.
pub const OUTCOME_COLUMNS: [&str; 4] = ["tier", "fee", "fee_basis", "error"];

/// The fee in words: `2 500 €`, `à partir de 8 000 €`.
pub fn fee_short(table: &Table, tier: &Tier, lang: Lang) -> String {
    let amount = table.money(tier.fee.amount, lang);
    match tier.fee.basis {
        Basis::Fixed => amount,
        Basis::Minimum => format!("{} {amount}", lang.pick("à partir de", "from")),
    }
}

/// The fee with its note: `à partir de 8 000 € — à définir au cas par cas…`.
pub fn fee_long(table: &Table, tier: &Tier, lang: Lang) -> String {
    match &tier.fee.note {
        Some(note) => format!("{} — {}", fee_short(table, tier, lang), note.get(lang)),
        None => fee_short(table, tier, lang),
    }
}

/// The condition of a tier in words.
pub fn condition(table: &Table, tier: &Tier, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(rule) = &tier.rule {
        let kinds = rule
            .kinds
            .iter()
            .map(|&k| table.kinds[k].label.get(lang))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(match rule.network_strategy {
            Some(true) => format!(
                "{kinds} {}",
                lang.pick(
                    "avec une stratégie d'entraînement",
                    "with a network strategy"
                )
            ),
            Some(false) => format!(
                "{kinds} {}",
                lang.pick(
                    "sans stratégie d'entraînement",
                    "without a network strategy"
                )
            ),
            None => kinds,
        });
    }
    if let Some(budget) = &tier.budget {
        parts.push(budget.describe(lang, &table.currency.symbol));
    }
    parts.join(lang.pick(", et ", ", and "))
}

fn strategy_word(strategy: Option<bool>, lang: Lang) -> &'static str {
    match strategy {
        Some(true) => lang.pick("oui", "yes"),
        Some(false) => lang.pick("non", "no"),
        None => lang.pick("non précisée", "not given"),
    }
}

/// The reasoning of a quote, one sentence a step, then the distance to the next tier.
pub fn explain(table: &Table, quote: &Quote, lang: Lang) -> Vec<String> {
    let kind = table.kinds[quote.org.kind].label.get(lang);
    let budget = table.money(quote.org.budget, lang);
    let tier_fee = |i: usize| {
        let t = &table.tiers[i];
        format!("{} ({})", t.id, fee_short(table, t, lang))
    };
    let colon = lang.pick(" : ", ": ");
    let mut lines: Vec<String> = quote
        .steps(table)
        .iter()
        .map(|step| match *step {
            Step::RuleApplies { tier } => format!(
                "{kind}{}{colon}{} {}",
                strategy_clause(table, tier, lang),
                lang.pick("tranche", "tier"),
                tier_fee(tier)
            ),
            Step::KindNotEligible { tier } => format!(
                "{kind}{colon}{} {}, {} {}",
                lang.pick("non éligible à la tranche", "not eligible for tier"),
                tier_fee(tier),
                lang.pick("réservée à :", "which is for:"),
                condition(table, &table.tiers[tier], lang)
            ),
            Step::StrategyMismatch { tier } => format!(
                "{kind} {}{colon}{} {}",
                match quote.org.strategy {
                    Some(true) => lang.pick(
                        "avec une stratégie d'entraînement",
                        "with a network strategy"
                    ),
                    _ => lang.pick(
                        "sans stratégie d'entraînement",
                        "without a network strategy"
                    ),
                },
                lang.pick("pas la tranche", "not tier"),
                tier_fee(tier)
            ),
            Step::RuleBudgetOutside { tier } => format!(
                "budget {budget} {} {}{colon}{} {}",
                lang.pick("hors de", "outside"),
                condition(table, &table.tiers[tier], lang),
                lang.pick("pas la tranche", "not tier"),
                tier_fee(tier)
            ),
            Step::BudgetIn { tier } => format!(
                "{}{colon}{} {}",
                budget_test(table, quote.org.budget, tier, lang),
                lang.pick("tranche", "tier"),
                tier_fee(tier)
            ),
            Step::BudgetOut { tier } => format!(
                "{}{colon}{} {}",
                budget_test(table, quote.org.budget, tier, lang),
                lang.pick("pas la tranche", "not tier"),
                tier_fee(tier)
            ),
            Step::BudgetNotUsed { tier } => format!(
                "{}{colon}{} {}",
                budget_test(table, quote.org.budget, tier, lang),
                lang.pick(
                    "par le budget seul, ce serait la tranche",
                    "by budget alone, it would be tier"
                ),
                tier_fee(tier)
            ),
        })
        .collect();
    if let Some(next) = quote.next(table) {
        lines.push(next_tier(table, next, lang));
    }
    lines
}

fn strategy_clause(table: &Table, tier: usize, lang: Lang) -> &'static str {
    match table.tiers[tier]
        .rule
        .as_ref()
        .and_then(|r| r.network_strategy)
    {
        Some(true) => lang.pick(
            " avec une stratégie d'entraînement",
            " with a network strategy",
        ),
        Some(false) => lang.pick(
            " sans stratégie d'entraînement",
            " without a network strategy",
        ),
        None => "",
    }
}

/// `budget 2 300 000 € ≥ 1 500 000 € et ≤ 10 000 000 €`, or the bound it fails:
/// `budget 2 300 000 € n'est pas < 1 500 000 €`.
fn budget_test(table: &Table, budget: Decimal, tier: usize, lang: Lang) -> String {
    let interval = table.tiers[tier].budget.expect("a budget tier");
    let money = |d| table.money(d, lang);
    let lower = match interval.first.side {
        _ if interval.first.amount.is_zero() && interval.first.side == 0 => None,
        1 => Some(("> ", interval.first.amount, budget > interval.first.amount)),
        _ => Some(("≥ ", interval.first.amount, budget >= interval.first.amount)),
    };
    let upper = interval.last.map(|last| match last.side {
        -1 => ("< ", last.amount, budget < last.amount),
        _ => ("≤ ", last.amount, budget <= last.amount),
    });
    let head = format!("budget {}", money(budget));
    let parts: Vec<_> = lower.into_iter().chain(upper).collect();
    if let Some((op, bound, _)) = parts.iter().find(|(_, _, holds)| !holds) {
        return format!(
            "{head} {} {op}{}",
            lang.pick("n'est pas", "is not"),
            money(*bound)
        );
    }
    let conditions: Vec<String> = parts
        .iter()
        .map(|(op, bound, _)| format!("{op}{}", money(*bound)))
        .collect();
    if conditions.is_empty() {
        head
    } else {
        format!("{head} {}", conditions.join(lang.pick(" et ", " and ")))
    }
}

fn next_tier(table: &Table, next: Next, lang: Lang) -> String {
    let tier = &table.tiers[next.tier];
    let gap = table.money(next.gap, lang);
    let distance = match lang {
        Lang::Fr => format!("{gap} de plus"),
        Lang::En => format!("{gap} more"),
    };
    format!(
        "{}{} {} ({}) {} {}, {distance}",
        lang.pick("tranche suivante", "next tier"),
        lang.pick(" :", ":"),
        tier.id,
        fee_short(table, tier, lang),
        lang.pick("pour", "for"),
        condition(table, tier, lang),
    )
}

/// Warning for a `yes` that changes nothing.
pub fn strategy_ignored(table: &Table, quote: &Quote, lang: Lang) -> String {
    let kind = table.kinds[quote.org.kind].label.get(lang);
    match lang {
        Lang::Fr => format!(
            "la stratégie d'entraînement ne change rien pour « {kind} » : cotisation selon le budget"
        ),
        Lang::En => {
            format!("the network strategy changes nothing for “{kind}”: the fee is by budget")
        }
    }
}

/// The message of an input error, with both outcomes when the strategy is missing.
pub fn error_message(table: &Table, error: &QuoteError, lang: Lang) -> String {
    match error {
        QuoteError::StrategyRequired { yes, no } => {
            let kind = &table.kinds[yes.org.kind];
            let outcome = |q: &Quote| {
                let t = &table.tiers[q.tier];
                format!("tier {}, {}", t.id, fee_long(table, t, lang))
            };
            format!(
                "the network strategy (yes or no) is needed to quote a {} ({}): with a strategy \
                 of drawing the smaller authorities of its territory along, {}; without one, {}",
                kind.label.get(lang),
                kind.id,
                outcome(yes),
                outcome(no)
            )
        }
        other => other.to_string(),
    }
}

fn grid(style: Style) -> Grid {
    let mut grid = Grid::new();
    if style.terminal {
        grid.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
            .set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        grid.force_no_tty()
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled);
        if style.color {
            grid.enforce_styling();
        }
    }
    grid
}

/// Renders a grid: as drawn for a terminal, or as plain aligned text with no
/// padding at the start of a line nor spaces at its end.
fn finish(mut grid: Grid, style: Style) -> String {
    if style.terminal {
        return grid.to_string();
    }
    for column in grid.column_iter_mut() {
        column.set_padding((0, 2));
    }
    grid.lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn strong(text: String, style: Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn list_block(title: &str, items: impl IntoIterator<Item = String>, style: Style) -> String {
    let mut grid = grid(style);
    grid.set_header(vec![strong(title.to_string(), style)]);
    for item in items {
        grid.add_row(vec![format!("• {item}")]);
    }
    finish(grid, style)
}

/// The human view of a quote.
pub fn quote_human(
    table: &Table,
    quote: &Quote,
    name: Option<&str>,
    lang: Lang,
    with_explanation: bool,
    style: Style,
) -> String {
    let tier = &table.tiers[quote.tier];
    let kind = &table.kinds[quote.org.kind];
    let mut grid = grid(style);
    let fee_title = format!("{} {}", lang.pick("Cotisation", "Dues"), table.year);
    grid.add_row(vec![
        strong(fee_title, style),
        strong(fee_long(table, tier, lang), style),
    ]);
    grid.add_row(vec![
        lang.pick("Tranche", "Tier").to_string(),
        format!("{} — {}", tier.id, tier.label.get(lang)),
    ]);
    if let Some(name) = name {
        grid.add_row(vec![lang.pick("Organisation", "Organisation"), name]);
    }
    grid.add_row(vec![
        lang.pick("Type", "Kind").to_string(),
        format!("{} ({})", kind.label.get(lang), kind.id),
    ]);
    grid.add_row(vec![
        lang.pick("Budget annuel", "Annual budget").to_string(),
        table.money(quote.org.budget, lang),
    ]);
    grid.add_row(vec![
        lang.pick("Stratégie d'entraînement", "Network strategy"),
        strategy_word(quote.org.strategy, lang),
    ]);
    let mut out = finish(grid, style);
    out.push_str("\n\n");
    out.push_str(&list_block(
        table.benefits_intro.get(lang),
        table.benefits.iter().map(|b| b.get(lang).to_string()),
        style,
    ));
    if with_explanation {
        out.push_str("\n\n");
        out.push_str(&list_block(
            lang.pick("Explication :", "Explanation:"),
            explain(table, quote, lang),
            style,
        ));
    }
    out.push_str(&format!(
        "\n\n{} {}\n",
        lang.pick("Source :", "Source:"),
        table.source.get(lang)
    ));
    out
}

/// The JSON object of a quote.
pub fn quote_json(table: &Table, quote: &Quote, name: Option<&str>, lang: Lang) -> Value {
    let tier = &table.tiers[quote.tier];
    let kind = &table.kinds[quote.org.kind];
    json!({
        "input": {
            "name": name,
            "kind": kind.id,
            "budget": machine(quote.org.budget),
            "network_strategy": quote.org.strategy,
        },
        "tier": { "id": tier.id, "label": tier.label.get(lang) },
        "fee": {
            "amount": machine(tier.fee.amount),
            "currency": table.currency.code,
            "basis": tier.fee.basis.as_str(),
            "note": tier.fee.note.as_ref().map(|n| n.get(lang)),
            "text": fee_long(table, tier, lang),
        },
        "benefits": table.benefits.iter().map(|b| b.get(lang)).collect::<Vec<_>>(),
        "explanation": explain(table, quote, lang),
        "warnings": Vec::from_iter(quote.strategy_ignored.then(|| strategy_ignored(table, quote, lang))),
        "table": {
            "title": table.title.get(lang),
            "year": table.year,
            "source": table.source.get(lang),
        },
    })
}

/// The JSON object of an input that cannot be quoted.
pub fn error_json(table: &Table, error: &QuoteError, input: &InputEcho, lang: Lang) -> Value {
    json!({
        "input": {
            "name": input.name,
            "kind": input.kind,
            "budget": input.budget,
            "network_strategy": input.strategy,
        },
        "error": {
            "code": error.code(),
            "field": error.field(),
            "message": error_message(table, error, lang),
        },
    })
}

/// The user's input as given, echoed where it could not be quoted.
#[derive(Debug, Clone, Copy)]
pub struct InputEcho<'a> {
    pub name: Option<&'a str>,
    pub kind: &'a str,
    pub budget: &'a str,
    pub strategy: Option<&'a str>,
}

/// The CSV header of `quote --format csv`.
pub const QUOTE_CSV_HEADER: [&str; 8] = [
    "name",
    "kind",
    "budget",
    "network_strategy",
    "tier",
    "fee",
    "fee_basis",
    "error",
];

/// The four appended fields of a quote, or of its error.
pub fn outcome_fields(
    table: &Table,
    outcome: &Result<Quote, QuoteError>,
    lang: Lang,
) -> [String; 4] {
    match outcome {
        Ok(q) => {
            let tier = &table.tiers[q.tier];
            [
                tier.id.clone(),
                machine(tier.fee.amount),
                tier.fee.basis.as_str().to_string(),
                String::new(),
            ]
        }
        Err(e) => [
            String::new(),
            String::new(),
            String::new(),
            error_message(table, e, lang),
        ],
    }
}

/// `quote --format csv`: a header and one row.
pub fn quote_csv(
    table: &Table,
    outcome: &Result<Quote, QuoteError>,
    input: &InputEcho,
    lang: Lang,
) -> String {
    let (kind, budget, strategy) = match outcome {
        Ok(q) => (
            table.kinds[q.org.kind].id.clone(),
            machine(q.org.budget),
            q.org
                .strategy
                .map_or("", |s| if s { "yes" } else { "no" })
                .to_string(),
        ),
        Err(_) => (
            input.kind.to_string(),
            input.budget.to_string(),
            input.strategy.unwrap_or("").to_string(),
        ),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    let [tier, fee, basis, error] = outcome_fields(table, outcome, lang);
    let row = [
        input.name.unwrap_or(""),
        &kind,
        &budget,
        &strategy,
        &tier,
        &fee,
        &basis,
        &error,
    ];
    writer
        .write_record(QUOTE_CSV_HEADER)
        .and_then(|()| writer.write_record(row))
        .expect("writing to memory");
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8 fields")
}

/// `dues tiers`: the leaflet in a terminal.
pub fn tiers_human(table: &Table, lang: Lang, style: Style) -> String {
    let mut out = format!("{} — {}\n\n", table.title.get(lang), table.source.get(lang));
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(lang.pick("Tranche", "Tier").to_string(), style),
        strong(lang.pick("Condition", "Condition").to_string(), style),
        strong(lang.pick("Cotisation", "Dues").to_string(), style),
    ]);
    for tier in &table.tiers {
        grid.add_row(vec![
            tier.id.clone(),
            condition(table, tier, lang),
            fee_long(table, tier, lang),
        ]);
    }
    out.push_str(&finish(grid, style));
    out.push_str("\n\n");
    out.push_str(&list_block(
        table.benefits_intro.get(lang),
        table.benefits.iter().map(|b| b.get(lang).to_string()),
        style,
    ));
    out.push('\n');
    out
}

/// `dues tiers --format json`: the whole table.
pub fn tiers_json(table: &Table, lang: Lang) -> Value {
    json!({
        "title": table.title.get(lang),
        "year": table.year,
        "source": table.source.get(lang),
        "currency": table.currency.code,
        "tiers": table.tiers.iter().map(|t| json!({
            "id": t.id,
            "label": t.label.get(lang),
            "leaflet": t.leaflet.get(lang),
            "condition": condition(table, t, lang),
            "budget": t.budget.map(|b| json!({
                "min": machine(b.first.amount),
                "min_inclusive": b.first.side == 0,
                "max": b.last.map(|l| machine(l.amount)),
                "max_inclusive": b.last.map(|l| l.side == 0),
            })),
            "rule": t.rule.as_ref().map(|r| json!({
                "kinds": r.kinds.iter().map(|&k| &table.kinds[k].id).collect::<Vec<_>>(),
                "network_strategy": r.network_strategy,
            })),
            "fee": {
                "amount": machine(t.fee.amount),
                "currency": table.currency.code,
                "basis": t.fee.basis.as_str(),
                "note": t.fee.note.as_ref().map(|n| n.get(lang)),
                "text": fee_long(table, t, lang),
            },
        })).collect::<Vec<_>>(),
        "kinds": table.kinds.iter().map(|k| json!({
            "id": k.id,
            "label": k.label.get(lang),
            "aliases": k.aliases,
        })).collect::<Vec<_>>(),
        "benefits": table.benefits.iter().map(|b| b.get(lang)).collect::<Vec<_>>(),
    })
}

/// The one line a batch ends with, on stderr.
pub fn batch_line(table: &Table, summary: &Summary, lang: Lang) -> String {
    let priced = summary.priced();
    let minimum = summary.at_minimum(table);
    let mut line = match lang {
        Lang::Fr => format!(
            "dues batch : {priced} ligne(s) chiffrée(s), dont {minimum} au tarif minimum (à négocier) ; {} en erreur",
            summary.errors
        ),
        Lang::En => format!(
            "dues batch: {priced} row(s) priced, {minimum} of them at a minimum fee (to be negotiated); {} in error",
            summary.errors
        ),
    };
    if !summary.error_lines.is_empty() {
        let lines: Vec<String> = summary.error_lines.iter().map(u64::to_string).collect();
        let more = if summary.errors > summary.error_lines.len() as u64 {
            ", …"
        } else {
            ""
        };
        let word = match (summary.errors, lang) {
            (1, _) => lang.pick("ligne", "line"),
            _ => lang.pick("lignes", "lines"),
        };
        line.push_str(&format!(" ({word} {}{more})", lines.join(", ")));
    }
    line
}

/// `--summary`: rows and dues per tier, errors and the total.
pub fn batch_summary(table: &Table, summary: &Summary, lang: Lang, style: Style) -> String {
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(lang.pick("Tranche", "Tier").to_string(), style),
        strong(lang.pick("Lignes", "Rows").to_string(), style),
        strong(lang.pick("Cotisations", "Dues").to_string(), style),
    ]);
    let at_least = |basis: Basis, rows: u64| match basis {
        Basis::Minimum if rows > 0 => "≥ ",
        _ => "",
    };
    for (tier, &rows) in table.tiers.iter().zip(&summary.per_tier) {
        grid.add_row(vec![
            format!("{} ({})", tier.id, fee_short(table, tier, lang)),
            rows.to_string(),
            format!(
                "{}{}",
                at_least(tier.fee.basis, rows),
                money_or_dash(
                    table,
                    tier.fee.amount.checked_mul(Decimal::from(rows)),
                    lang
                )
            ),
        ]);
    }
    grid.add_row(vec![
        lang.pick("erreurs", "errors").to_string(),
        summary.errors.to_string(),
        "—".to_string(),
    ]);
    let floor = if summary.at_minimum(table) > 0 {
        "≥ "
    } else {
        ""
    };
    grid.add_row(vec![
        strong(lang.pick("Total", "Total").to_string(), style),
        strong(summary.rows.to_string(), style),
        strong(
            format!(
                "{floor}{}",
                money_or_dash(table, summary.total(table), lang)
            ),
            style,
        ),
    ]);
    finish(grid, style)
}

/// An amount, or a dash where it is past what a decimal holds (out of reach
/// for a valid table, whose fees are bounded).
fn money_or_dash(table: &Table, amount: Option<Decimal>, lang: Lang) -> String {
    amount.map_or_else(|| "—".to_string(), |a| table.money(a, lang))
}
