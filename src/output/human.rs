//! The views for people: a quote, the whole table, a batch's summary. In a
//! terminal they are drawn in boxes wrapped to its width, with bold where
//! colour is allowed; elsewhere they are plain aligned text.

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table as Grid, Width,
    presets,
};
use dues_core::classify::Quote;
use dues_core::table::Table;

use crate::batch::{ErrorGroup, Summary, Total};
use crate::i18n::Catalog;
use crate::i18n::batch::first_lines;
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
    /// The terminal's width, if known.
    pub width: Option<u16>,
}

fn grid(style: Style) -> Grid {
    let mut grid = Grid::new();
    if style.terminal {
        grid.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = style.width {
            grid.set_width(width);
        }
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
    pad(&mut grid, style);
    grid.lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Plain text has no padding at the start of a line, two spaces between columns.
fn pad(grid: &mut Grid, style: Style) {
    if !style.terminal {
        for column in grid.column_iter_mut() {
            column.set_padding((0, 2));
        }
    }
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
    let mut grid = grid(style);
    grid.add_row(vec![
        strong(msg!(cat, "view-dues", year = table.year.to_string()), style),
        strong(fee_long(cat, table, tier), style),
    ]);
    let label = cat.table_text(&tier.label);
    grid.add_row(vec![msg!(cat, "view-tier"), label.into_owned()]);
    if let Some(name) = name {
        grid.add_row(vec![msg!(cat, "view-organisation"), name.to_string()]);
    }
    grid.add_row(vec![
        msg!(cat, "view-kind"),
        kind_label(cat, table, quote.org.kind),
    ]);
    grid.add_row(vec![
        msg!(cat, "view-budget"),
        money(cat, table, quote.org.budget),
    ]);
    if strategy_matters(table, quote.org.kind) {
        grid.add_row(vec![
            msg!(cat, "view-strategy"),
            strategy_answer(cat, quote.org.strategy),
        ]);
    }
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

/// Whether the strategy answer can change the fee of `kind`: a rule tier
/// names it and asks for an answer.
fn strategy_matters(table: &Table, kind: usize) -> bool {
    table
        .tiers
        .iter()
        .filter_map(|t| t.rule.as_ref())
        .any(|rule| rule.network_strategy.is_some() && rule.kinds.contains(&kind))
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
    out.push_str(&kinds(cat, table, style));
    out.push_str("\n\n");
    out.push_str(&benefits(cat, table, style));
    out.push('\n');
    out
}

/// The kinds, by id and label, with every other name they answer to.
fn kinds(cat: &Catalog, table: &Table, style: Style) -> String {
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(msg!(cat, "view-kind"), style),
        strong(msg!(cat, "tiers-other-names"), style),
    ]);
    for kind in &table.kinds {
        let label = cat.table_text(&kind.label);
        let other = match cat.lang() {
            dues_core::text::Lang::Fr => &kind.label.en,
            dues_core::text::Lang::En => &kind.label.fr,
        };
        let mut names: Vec<String> = Vec::new();
        for name in std::iter::once(other).chain(&kind.aliases) {
            if *name != *label && !names.contains(name) {
                names.push(name.clone());
            }
        }
        grid.add_row(vec![
            msg!(cat, "kind-with-label", id = &kind.id, label = label),
            cat.typeset(&names.join(", ")).into_owned(),
        ]);
    }
    finish(grid, style)
}

/// A right-aligned cell (numbers).
fn number(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

/// Dues as shown in a summary: exact, a floor (« ≥ »), or a range.
fn dues(cat: &Catalog, table: &Table, total: Option<Total>) -> String {
    let money = |a| money(cat, table, a);
    match total {
        None => "—".to_string(),
        Some(Total { min, max: None }) => msg!(cat, "summary-at-least", amount = money(min)),
        Some(Total {
            min,
            max: Some(max),
        }) if max == min => money(min),
        Some(Total {
            min,
            max: Some(max),
        }) => {
            msg!(cat, "summary-range", min = money(min), max = money(max))
        }
    }
}

/// A grid of a summary: `title`, rows, dues.
fn summary_grid(cat: &Catalog, title: String, style: Style) -> Grid {
    let mut grid = grid(style);
    grid.set_header(vec![
        strong(title, style),
        strong(msg!(cat, "summary-rows"), style).set_alignment(CellAlignment::Right),
        strong(msg!(cat, "summary-dues"), style).set_alignment(CellAlignment::Right),
    ]);
    grid
}

/// `--summary`: rows and dues per tier and per kind; blank, undecided and
/// error rows (errors by reason); the total, exact or a range. Minimum fees
/// count at their minimum, shown « ≥ ».
pub fn batch_summary(cat: &Catalog, table: &Table, summary: &Summary, style: Style) -> String {
    let mut tiers = summary_grid(cat, msg!(cat, "view-tier"), style);
    for (i, tier) in table.tiers.iter().enumerate() {
        let rows = summary.per_tier[i];
        let label = cat.table_text(&tier.label);
        tiers.add_row(vec![
            Cell::new(msg!(
                cat,
                "summary-tier",
                label = label,
                fee = fee_short(cat, table, tier)
            )),
            number(cat.count(rows)),
            number(dues(cat, table, summary.tier_dues(table, i))),
        ]);
    }
    let mut kinds = summary_grid(cat, msg!(cat, "view-kind"), style);
    for (k, &rows) in summary.per_kind.iter().enumerate().filter(|(_, n)| **n > 0) {
        kinds.add_row(vec![
            Cell::new(kind_label(cat, table, k)),
            number(cat.count(rows)),
            number(dues(cat, table, Some(summary.kind_dues(k)))),
        ]);
    }
    let rest = rest_grid(cat, table, summary, style);
    let mut grids = vec![tiers];
    if summary.priced() > 0 {
        grids.push(kinds);
    }
    grids.push(rest);
    align(&mut grids, style);
    let mut parts: Vec<String> = grids.into_iter().map(|grid| finish(grid, style)).collect();
    if let Some(answer) = summary.network_strategy {
        let answer = strategy_answer(cat, Some(answer));
        parts.insert(0, msg!(cat, "summary-strategy-given", answer = answer));
    }
    parts.join("\n\n")
}

/// The rows neither priced nor of a kind: to confirm, blank, in error (by
/// reason); and the total.
fn rest_grid(cat: &Catalog, table: &Table, summary: &Summary, style: Style) -> Grid {
    let mut rest = grid(style);
    let undecided = summary.undecided_rows();
    let label = if undecided > 0 {
        let lines = first_lines(cat, &summary.undecided_lines, undecided);
        msg!(
            cat,
            "summary-undecided-lines",
            count = undecided,
            lines = lines
        )
    } else {
        msg!(cat, "summary-undecided")
    };
    rest.add_row(vec![
        Cell::new(label),
        number(cat.count(undecided)),
        number(if undecided > 0 {
            dues(cat, table, summary.undecided_dues(table))
        } else {
            String::new()
        }),
    ]);
    rest.add_row(vec![
        Cell::new(msg!(cat, "summary-blank")),
        number(cat.count(summary.blank)),
        number(String::new()),
    ]);
    rest.add_row(vec![
        Cell::new(msg!(cat, "summary-errors")),
        number(cat.count(summary.errors)),
        number(String::new()),
    ]);
    for group in &summary.errors_by_code {
        rest.add_row(vec![
            Cell::new(format!("• {}", error_group(cat, group))),
            number(cat.count(group.count)),
            number(String::new()),
        ]);
    }
    rest.add_row(vec![
        strong(msg!(cat, "summary-total"), style),
        number(cat.count(summary.rows)).add_attributes(bold(style)),
        number(dues(cat, table, summary.total(table))).add_attributes(bold(style)),
    ]);
    rest
}

/// Gives the grids of one view the same column widths, so that their
/// figures line up from one to the next.
fn align(grids: &mut [Grid], style: Style) {
    let mut widths: Vec<u16> = Vec::new();
    for grid in grids.iter_mut() {
        pad(grid, style);
        for (i, width) in grid.column_max_content_widths().into_iter().enumerate() {
            match widths.get_mut(i) {
                Some(max) => *max = (*max).max(width),
                None => widths.push(width),
            }
        }
    }
    // In a terminal too narrow for the widest labels, the first column
    // takes what the figures leave, its labels wrapped. Each column of a box
    // is its content, a space either side and a border.
    let mut fixed = false;
    if let (true, Some(width), [labels, figures @ ..]) =
        (style.terminal, style.width, &mut widths[..])
    {
        let figures: usize = figures.iter().map(|&w| usize::from(w) + 3).sum();
        let room = usize::from(width).saturating_sub(figures + 4);
        if usize::from(*labels) > room {
            *labels = u16::try_from(room.max(10)).unwrap_or(u16::MAX);
            fixed = true;
        }
    }
    for grid in grids {
        for (i, column) in grid.column_iter_mut().enumerate() {
            let width = Width::Fixed(widths[i] + column.padding_width());
            column.set_constraint(if i == 0 && fixed {
                ColumnConstraint::Absolute(width)
            } else {
                ColumnConstraint::LowerBoundary(width)
            });
        }
    }
}

fn bold(style: Style) -> Vec<Attribute> {
    if style.color {
        vec![Attribute::Bold]
    } else {
        Vec::new()
    }
}

/// `budget illisible (invalid_budget) : lignes 3, 8, …`
fn error_group(cat: &Catalog, group: &ErrorGroup) -> String {
    msg!(
        cat,
        "summary-error-group",
        reason = reason(cat, group.code),
        code = group.code,
        count = group.count,
        lines = first_lines(cat, &group.lines, group.count),
    )
}

/// The reason of an error code, in words.
pub fn reason(cat: &Catalog, code: &str) -> String {
    match code {
        "invalid_budget" => msg!(cat, "reason-invalid-budget"),
        "unknown_kind" => msg!(cat, "reason-unknown-kind"),
        "invalid_network_strategy" => msg!(cat, "reason-invalid-strategy"),
        "network_strategy_required" => msg!(cat, "reason-strategy-required"),
        "unclosed_quote" => msg!(cat, "reason-unclosed-quote"),
        "too_few_fields" => msg!(cat, "reason-too-few-fields"),
        "too_many_fields" => msg!(cat, "reason-too-many-fields"),
        "not_utf8" => msg!(cat, "reason-not-utf8"),
        // A code this view has no words for yet: the code itself.
        other => other.to_string(),
    }
}
