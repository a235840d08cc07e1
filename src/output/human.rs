//! The views for people: a quote, the whole table, a batch's summary. In a
//! terminal they are drawn in boxes wrapped to its width, with bold where
//! colour is allowed; elsewhere they are plain aligned text.

use comfy_table::{Attribute, Cell, ContentArrangement, Table as Grid, presets};
use dues_core::classify::Quote;
use dues_core::table::{Basis, Table};
use rust_decimal::Decimal;

use crate::batch::Summary;
use crate::i18n::Catalog;
use crate::i18n::quote::{
    condition, explain, fee_long, fee_short, kind_label, money, strategy_answer,
};
use crate::msg;

/// Where the human view goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// A terminal: draw boxes and wrap to its width.
    pub terminal: bool,
    /// Bold and colour allowed.
    pub color: bool,
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

fn list_block(title: String, items: impl IntoIterator<Item = String>, style: Style) -> String {
    let mut grid = grid(style);
    grid.set_header(vec![strong(title, style)]);
    for item in items {
        grid.add_row(vec![format!("• {item}")]);
    }
    finish(grid, style)
}

fn benefits(cat: &Catalog, table: &Table, style: Style) -> String {
    list_block(
        cat.table_text(&table.benefits_intro).into_owned(),
        table
            .benefits
            .iter()
            .map(|b| cat.table_text(b).into_owned()),
        style,
    )
}

/// The human view of a quote.
pub fn quote(
    cat: &Catalog,
    table: &Table,
    quote: &Quote,
    name: Option<&str>,
    with_explanation: bool,
    style: Style,
) -> String {
    let tier = &table.tiers[quote.tier];
    let kind = &table.kinds[quote.org.kind];
    let mut grid = grid(style);
    grid.add_row(vec![
        strong(msg!(cat, "view-dues", year = table.year.to_string()), style),
        strong(fee_long(cat, table, tier), style),
    ]);
    let label = cat.table_text(&tier.label);
    grid.add_row(vec![
        msg!(cat, "view-tier"),
        msg!(cat, "view-tier-value", id = &tier.id, label = label),
    ]);
    if let Some(name) = name {
        grid.add_row(vec![msg!(cat, "view-organisation"), name.to_string()]);
    }
    grid.add_row(vec![
        msg!(cat, "view-kind"),
        msg!(
            cat,
            "view-kind-value",
            label = kind_label(cat, table, quote.org.kind),
            id = &kind.id
        ),
    ]);
    grid.add_row(vec![
        msg!(cat, "view-budget"),
        money(cat, table, quote.org.budget),
    ]);
    grid.add_row(vec![
        msg!(cat, "view-strategy"),
        strategy_answer(cat, quote.org.strategy),
    ]);
    let mut out = finish(grid, style);
    out.push_str("\n\n");
    out.push_str(&benefits(cat, table, style));
    if with_explanation {
        out.push_str("\n\n");
        out.push_str(&list_block(
            msg!(cat, "view-explanation"),
            explain(cat, table, quote),
            style,
        ));
    }
    out.push_str("\n\n");
    out.push_str(&msg!(
        cat,
        "view-source",
        source = cat.table_text(&table.source)
    ));
    out.push('\n');
    out
}

/// `dues tiers`: the leaflet in a terminal.
pub fn tiers(cat: &Catalog, table: &Table, style: Style) -> String {
    let mut out = msg!(
        cat,
        "tiers-title",
        title = cat.table_text(&table.title),
        source = cat.table_text(&table.source)
    );
    out.push_str("\n\n");
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(msg!(cat, "view-tier"), style),
        strong(msg!(cat, "tiers-condition"), style),
        strong(msg!(cat, "tiers-dues"), style),
    ]);
    for tier in &table.tiers {
        grid.add_row(vec![
            tier.id.clone(),
            condition(cat, table, tier),
            fee_long(cat, table, tier),
        ]);
    }
    out.push_str(&finish(grid, style));
    out.push_str("\n\n");
    out.push_str(&benefits(cat, table, style));
    out.push('\n');
    out
}

/// `--summary`: rows and dues per tier, errors and the total; minimum fees
/// are counted at their minimum, shown « ≥ ».
pub fn batch_summary(cat: &Catalog, table: &Table, summary: &Summary, style: Style) -> String {
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(msg!(cat, "view-tier"), style),
        strong(msg!(cat, "summary-rows"), style),
        strong(msg!(cat, "summary-dues"), style),
    ]);
    let amount = |amount: Option<Decimal>, floor: bool| match amount {
        Some(a) if floor => msg!(cat, "summary-at-least", amount = money(cat, table, a)),
        Some(a) => money(cat, table, a),
        None => "—".to_string(),
    };
    for (tier, &rows) in table.tiers.iter().zip(&summary.per_tier) {
        let dues = tier.fee.amount.checked_mul(Decimal::from(rows));
        let floor = tier.fee.basis == Basis::Minimum && rows > 0;
        grid.add_row(vec![
            msg!(
                cat,
                "tier-fee",
                tier = &tier.id,
                fee = fee_short(cat, table, tier)
            ),
            cat.count(rows),
            amount(dues, floor),
        ]);
    }
    grid.add_row(vec![
        msg!(cat, "summary-errors"),
        cat.count(summary.errors),
        "—".to_string(),
    ]);
    let floor = summary.at_minimum(table) > 0;
    grid.add_row(vec![
        strong(msg!(cat, "summary-total"), style),
        strong(cat.count(summary.rows), style),
        strong(amount(summary.total(table), floor), style),
    ]);
    finish(grid, style)
}
