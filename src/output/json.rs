//! JSON, for scripts: a quote, an input that cannot be quoted, the whole
//! table. Keys, ids, codes and amounts (as exact decimal strings) are the
//! same in every language; the texts follow the user's.

use dues_core::classify::{Quote, QuoteError};
use dues_core::money::machine;
use dues_core::table::{Table, Tier};
use serde_json::{Value, json};

use crate::batch::{Summary, Total};
use crate::i18n::quote::{condition, explain, fee_long, quote_error, warning};
use crate::i18n::{Catalog, batch};

/// The user's input as given, echoed where it could not be quoted.
#[derive(Debug, Clone, Copy)]
pub struct InputEcho<'a> {
    pub name: Option<&'a str>,
    pub kind: &'a str,
    pub budget: &'a str,
    pub strategy: Option<&'a str>,
}

/// A tier's fee: the exact amount as a string, its basis and note, in words.
fn fee(cat: &Catalog, table: &Table, tier: &Tier) -> Value {
    json!({
        "amount": machine(tier.fee.amount),
        "currency": table.currency.code,
        "basis": tier.fee.basis.as_str(),
        "note": tier.fee.note.as_ref().map(|n| cat.table_text(n)),
        "text": fee_long(cat, table, tier),
    })
}

/// The JSON object of a quote.
pub fn quote(cat: &Catalog, table: &Table, quote: &Quote, name: Option<&str>) -> Value {
    let tier = &table.tiers[quote.tier];
    let kind = &table.kinds[quote.org.kind];
    let warnings: Vec<Value> = quote
        .warnings()
        .into_iter()
        .map(|w| json!({ "code": w.code(), "message": warning(cat, table, quote, w) }))
        .collect();
    json!({
        "input": {
            "name": name,
            "kind": kind.id,
            "budget": machine(quote.org.budget),
            "network_strategy": quote.org.strategy,
        },
        "tier": { "id": tier.id, "label": cat.table_text(&tier.label) },
        "fee": fee(cat, table, tier),
        "benefits": table.benefits.iter().map(|b| cat.table_text(b)).collect::<Vec<_>>(),
        "explanation": explain(cat, table, quote),
        "warnings": warnings,
        "table": {
            "title": cat.table_text(&table.title),
            "year": table.year,
            "source": cat.table_text(&table.source),
        },
    })
}

/// The JSON object of an input that cannot be quoted.
pub fn quote_error_object(
    cat: &Catalog,
    table: &Table,
    error: &QuoteError,
    input: &InputEcho,
) -> Value {
    json!({
        "input": {
            "name": input.name,
            "kind": input.kind,
            "budget": input.budget,
            "network_strategy": input.strategy,
        },
        "error": {
            "code": error.code().as_str(),
            "field": error.field().id(),
            "message": quote_error(cat, table, error),
            "suggestions": match error {
                QuoteError::Kind(e) => e.suggestions.clone(),
                _ => Vec::new(),
            },
        },
    })
}

/// `dues tiers --format json`: the whole table.
pub fn tiers(cat: &Catalog, table: &Table) -> Value {
    json!({
        "title": cat.table_text(&table.title),
        "year": table.year,
        "source": cat.table_text(&table.source),
        "currency": table.currency.code,
        "tiers": table.tiers.iter().map(|t| json!({
            "id": t.id,
            "label": cat.table_text(&t.label),
            "leaflet": cat.table_text(&t.leaflet),
            "condition": condition(cat, table, t),
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
            "fee": fee(cat, table, t),
        })).collect::<Vec<_>>(),
        "kinds": table.kinds.iter().map(|k| json!({
            "id": k.id,
            "label": cat.table_text(&k.label),
            "aliases": k.aliases,
        })).collect::<Vec<_>>(),
        "benefits": table.benefits.iter().map(|b| cat.table_text(b)).collect::<Vec<_>>(),
    })
}

/// `--summary-json`: the figures of a batch, for scripts and dashboards.
/// Amounts are exact decimals as strings; `total.max` is `null` when the
/// range has no upper end (a minimum fee is involved).
pub fn batch_summary(cat: &Catalog, table: &Table, summary: &Summary) -> Value {
    let by_tier: Vec<Value> = table
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({
                "tier": t.id,
                "label": cat.table_text(&t.label),
                "rows": summary.per_tier[i],
                "fee_basis": t.fee.basis.as_str(),
                "dues": range(summary.tier_dues(table, i)),
            })
        })
        .collect();
    let by_kind: Vec<Value> = table
        .kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            json!({
                "kind": kind.id,
                "label": cat.table_text(&kind.label),
                "rows": summary.per_kind[k],
                "at_minimum": summary.kind_at_minimum(k),
                "dues": range(Some(summary.kind_dues(k))),
            })
        })
        .collect();
    let errors_by_code: Vec<Value> = summary
        .errors_by_code
        .iter()
        .map(|g| json!({ "code": g.code, "count": g.count, "lines": g.lines }))
        .collect();
    let warnings: Vec<Value> = summary
        .warnings
        .iter()
        .map(|w| json!({ "code": w.code(), "message": batch::warning(cat, table, w) }))
        .collect();
    json!({
        "sheet": summary.sheet,
        "rows": summary.rows,
        "priced": summary.priced(),
        "at_minimum": summary.at_minimum(table),
        "errors": summary.errors,
        "blank": summary.blank,
        "undecided": summary.undecided_rows(),
        "undecided_lines": summary.undecided_lines,
        "undecided_dues": range(summary.undecided_dues(table)),
        "currency": table.currency.code,
        "total": range(summary.total(table)),
        "network_strategy": summary.network_strategy,
        "stopped_at_line": summary.stopped_at,
        "by_tier": by_tier,
        "by_kind": by_kind,
        "errors_by_code": errors_by_code,
        "warnings": warnings,
    })
}

/// Dues as `{"min": "…", "max": "…"}`, exact decimals; `max` null when open
/// above (a minimum fee). Both null past what a decimal holds (out of reach).
fn range(total: Option<Total>) -> Value {
    json!({
        "min": total.map(|t| machine(t.min)),
        "max": total.and_then(|t| t.max).map(machine),
    })
}
