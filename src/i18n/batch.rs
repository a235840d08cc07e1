//! The words of a batch: why it could not start or stopped, what is wrong
//! with a row (the `error` column), its closing line and progress line.

use dues_core::table::Table;

use super::Catalog;
use super::quote::quote_error;
use crate::batch::{BatchError, BatchWarning, Role, RowError, RowProblem, Summary};
use crate::msg;
use dues_core::classify::QuoteError;
use dues_core::money::Unit;

/// A delimiter by name: « tabulation », « `;` ».
pub fn delimiter(cat: &Catalog, d: u8) -> String {
    match d {
        b'\t' => msg!(cat, "delimiter-tab"),
        d => msg!(cat, "delimiter-char", char = (d as char).to_string()),
    }
}

fn role(cat: &Catalog, role: Role) -> String {
    match role {
        Role::Name => msg!(cat, "role-name"),
        Role::Kind => msg!(cat, "role-kind"),
        Role::Budget => msg!(cat, "role-budget"),
        Role::Strategy => msg!(cat, "role-strategy"),
    }
}

/// The option that names a column of `role`.
fn role_option(role: Role) -> &'static str {
    match role {
        Role::Name => "--name-column",
        Role::Kind => "--kind-column",
        Role::Budget => "--budget-column",
        Role::Strategy => "--strategy-column",
    }
}

fn quoted(cat: &Catalog, items: &[impl AsRef<str>]) -> Vec<String> {
    items
        .iter()
        .map(|h| msg!(cat, "quoted", value = h.as_ref()))
        .collect()
}

fn quoted_list(cat: &Catalog, items: &[impl AsRef<str>]) -> String {
    quoted(cat, items).join(", ")
}

/// Why a workbook could not be read, or which sheet to read is unknown.
fn sheet_error(cat: &Catalog, error: &BatchError) -> String {
    let sheets = |names: &[String]| quoted_list(cat, names);
    match error {
        BatchError::SheetUnreadable { protected: true } => msg!(cat, "sheet-protected"),
        BatchError::NoSuchSheet {
            wanted,
            sheets: names,
        } => msg!(
            cat,
            "sheet-no-such",
            wanted = wanted,
            sheets = sheets(names),
            count = names.len()
        ),
        BatchError::AmbiguousSheet { sheets: names } => {
            msg!(cat, "sheet-ambiguous", sheets = sheets(names))
        }
        BatchError::TooManyRowsForXlsx => msg!(cat, "sheet-too-many-rows"),
        BatchError::SheetOfText => msg!(cat, "sheet-of-text"),
        BatchError::XlsxCellTooLong {
            line,
            column,
            chars,
        } => msg!(
            cat,
            "xlsx-cell-too-long",
            line = line.to_string(),
            column = column,
            chars = cat.count(*chars as u64)
        ),
        BatchError::XlsxTooWide { line, columns } => msg!(
            cat,
            "xlsx-too-wide",
            line = line.to_string(),
            columns = cat.count(*columns as u64)
        ),
        BatchError::EncodingOfWorkbook => msg!(cat, "sheet-encoding"),
        BatchError::SheetTooLarge { sheet, first, last } => {
            msg!(
                cat,
                "sheet-too-large",
                sheet = sheet,
                first = first,
                last = last
            )
        }
        _ => msg!(cat, "sheet-unreadable"),
    }
}

/// No column for `roles`, with what would be one.
fn missing_columns(cat: &Catalog, roles: &[Role], headers: &[String]) -> String {
    let names: Vec<String> = roles.iter().map(|r| role(cat, *r)).collect();
    let hints: Vec<String> = roles
        .iter()
        .map(|r| {
            msg!(
                cat,
                "batch-column-hint",
                role = role(cat, *r),
                known = cat.alternatives(&quoted(cat, r.known_headers())),
                option = role_option(*r),
            )
        })
        .collect();
    msg!(
        cat,
        "batch-missing-columns",
        count = roles.len(),
        roles = cat.list(&names),
        headers = quoted_list(cat, headers),
        hints = cat.clauses(&hints),
    )
}

/// Why a batch could not start, or stopped (for `--strict`, see [`strict_stop`]).
pub fn batch_error(cat: &Catalog, error: &BatchError) -> String {
    match error {
        BatchError::Empty => msg!(cat, "batch-empty"),
        BatchError::Utf16WithoutBom { big_endian } => msg!(
            cat,
            "batch-utf16-without-bom",
            order = if *big_endian { "big" } else { "little" }
        ),
        BatchError::Binary => msg!(cat, "batch-binary"),
        BatchError::Utf16Forced => msg!(cat, "batch-utf16-forced"),
        BatchError::UnclosedHeaderQuote(line) => {
            msg!(cat, "batch-unclosed-header-quote", line = line.to_string())
        }
        BatchError::AmbiguousDelimiter(a, b) => msg!(
            cat,
            "batch-ambiguous-delimiter",
            first = delimiter(cat, *a),
            second = delimiter(cat, *b)
        ),
        BatchError::MissingColumns { roles, headers } => missing_columns(cat, roles, headers),
        BatchError::NoSuchColumn {
            role: r,
            wanted,
            headers,
        } => msg!(
            cat,
            "batch-no-such-column",
            option = role_option(*r),
            wanted = wanted,
            headers = quoted_list(cat, headers),
            count = headers.len(),
        ),
        BatchError::AmbiguousColumn {
            role: r,
            first,
            second,
        } => msg!(
            cat,
            "batch-ambiguous-column",
            role = role(cat, *r),
            first = first,
            second = second,
            option = role_option(*r),
        ),
        BatchError::SheetUnreadable { .. }
        | BatchError::NoSuchSheet { .. }
        | BatchError::AmbiguousSheet { .. }
        | BatchError::SheetTooLarge { .. }
        | BatchError::SheetOfText
        | BatchError::XlsxCellTooLong { .. }
        | BatchError::XlsxTooWide { .. }
        | BatchError::EncodingOfWorkbook
        | BatchError::TooManyRowsForXlsx => sheet_error(cat, error),
        BatchError::HeaderUnits {
            header,
            first,
            second,
        } => msg!(
            cat,
            "batch-header-units",
            header = header,
            first = scale(cat, *first),
            second = scale(cat, *second),
        ),
        BatchError::ColumnClash(header) => msg!(cat, "batch-column-clash", header = header),
        BatchError::DuplicateHeader(header) => msg!(cat, "batch-duplicate-header", header = header),
        BatchError::ReservedHeader(header) => msg!(cat, "batch-reserved-header", header = header),
        BatchError::Strict(row, _) => msg!(cat, "batch-strict-line", line = row.line.to_string()),
        BatchError::Read(e) | BatchError::Write(e) => super::failure::io_error(cat, e),
    }
}

/// A scale in words: « les milliers », "thousands".
fn scale(cat: &Catalog, unit: Unit) -> String {
    let unit = match unit {
        Unit::Thousand => "thousand",
        Unit::Million => "million",
        Unit::Euro | Unit::Billion => "billion",
    };
    msg!(cat, "unit-scale", unit = unit)
}

/// `--strict` stopped at a row: what is wrong with it.
pub fn strict_stop(cat: &Catalog, table: &Table, origin: &str, row: &RowError) -> String {
    msg!(
        cat,
        "batch-strict",
        origin = origin,
        error = row_error(cat, table, row)
    )
}

/// What is wrong with a row: what the `error` column says.
pub fn row_error(cat: &Catalog, table: &Table, error: &RowError) -> String {
    let line = error.line.to_string();
    match &error.problem {
        RowProblem::UnclosedQuote => msg!(cat, "row-unclosed-quote", line = line),
        RowProblem::TooFewFields { got, width } => {
            msg!(
                cat,
                "row-too-few-fields",
                line = line,
                got = *got,
                width = *width
            )
        }
        RowProblem::TooManyFields { got, width } => {
            msg!(
                cat,
                "row-too-many-fields",
                line = line,
                got = *got,
                width = *width
            )
        }
        RowProblem::NotUtf8 { column } => msg!(cat, "row-not-utf8", line = line, column = column),
        RowProblem::Quote {
            column: Some(column),
            error: error @ QuoteError::StrategyRequired { .. },
        } => msg!(
            cat,
            "row-strategy-empty",
            line = line,
            column = column,
            error = quote_error(cat, table, error)
        ),
        RowProblem::Quote {
            column: Some(column),
            error,
        } => msg!(
            cat,
            "row-quote-error",
            line = line,
            column = column,
            error = quote_error(cat, table, error)
        ),
        RowProblem::Quote {
            column: None,
            error,
        } => msg!(
            cat,
            "row-no-strategy-column",
            line = line,
            error = quote_error(cat, table, error)
        ),
    }
}

/// The one line a batch ends with, on stderr.
pub fn closing_line(cat: &Catalog, table: &Table, summary: &Summary) -> String {
    let tool = match &summary.sheet {
        Some(sheet) => msg!(cat, "batch-tool-sheet", sheet = sheet),
        None => msg!(cat, "batch-tool"),
    };
    let priced = msg!(
        cat,
        "batch-done",
        tool = tool,
        priced = summary.priced(),
        minimum = summary.at_minimum(table),
    );
    let undecided = summary.undecided_rows();
    let mut clauses = vec![priced];
    if undecided > 0 {
        clauses.push(msg!(cat, "batch-done-undecided", count = undecided));
    }
    clauses.push(msg!(cat, "batch-done-errors", count = summary.errors));
    if let Some((count, lines)) = error_lines(cat, summary) {
        // Alone, the lines go with their clause; with both kinds, apart.
        if undecided > 0 && summary.errors > 0 {
            clauses.push(msg!(
                cat,
                "batch-review-lines",
                count = count,
                lines = lines
            ));
        } else {
            // The clause after the priced rows': the undecided rows', or
            // else the errors'.
            let lines = msg!(cat, "batch-error-lines", count = count, lines = lines);
            clauses[1] = format!("{} {lines}", clauses[1]);
        }
    }
    if summary.blank > 0 {
        clauses.push(msg!(cat, "batch-done-blank", count = summary.blank));
    }
    cat.clauses(&clauses)
}

/// The first lines in error or undecided, if any: their count, and the
/// lines as listed (« 4, 8, … »).
fn error_lines(cat: &Catalog, summary: &Summary) -> Option<(u64, String)> {
    if summary.error_lines.is_empty() {
        return None;
    }
    let count = summary.errors + summary.undecided_rows();
    Some((count, first_lines(cat, &summary.error_lines, count)))
}

/// `3, 8, …`: the first `lines` of `count` rows, « … » when there are more.
pub fn first_lines(cat: &Catalog, lines: &[u64], count: u64) -> String {
    let mut listed: Vec<String> = lines.iter().map(u64::to_string).collect();
    if count > lines.len() as u64 {
        listed.push(msg!(cat, "list-more"));
    }
    listed.join(&msg!(cat, "list-separator"))
}

/// What a batch tells once, beside its rows.
pub fn warning(cat: &Catalog, table: &Table, warning: &BatchWarning) -> String {
    match warning {
        BatchWarning::SmallBudgets {
            column,
            example,
            kind,
            small,
            of,
            floor,
        } => msg!(
            cat,
            "warn-small-budgets",
            column = column,
            small = *small,
            of = *of,
            floor = super::quote::money(cat, table, *floor),
            example = example,
            kind = super::quote::kind_label(cat, table, *kind),
        ),
        BatchWarning::Convention {
            column,
            mark,
            example,
        } => msg!(
            cat,
            "warn-convention",
            column = column,
            mark = mark.to_string(),
            example = example,
        ),
    }
}

/// The progress line of a long batch, on a terminal; with the share of the
/// input read and the time left, when the input's size is known.
pub fn progress(cat: &Catalog, rows: u64, done: Option<(u64, std::time::Duration)>) -> String {
    let Some((percent, left)) = done else {
        return msg!(cat, "batch-progress", rows = rows);
    };
    let secs = left.as_secs();
    let left = msg!(cat, "duration", minutes = secs / 60, seconds = secs % 60);
    msg!(
        cat,
        "batch-progress-known",
        rows = rows,
        percent = percent,
        left = left
    )
}
