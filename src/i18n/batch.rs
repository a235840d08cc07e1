//! The words of a batch: why it could not start or stopped, what is wrong
//! with a row (the `error` column), its closing line and progress line.

use dues_core::table::Table;

use super::Catalog;
use super::quote::quote_error;
use crate::batch::{BatchError, Role, RowError, RowProblem, Summary};
use crate::msg;

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

fn quoted_list(cat: &Catalog, items: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|h| msg!(cat, "quoted", value = h.as_ref()))
        .collect();
    quoted.join(", ")
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
        BatchError::MissingColumn { role: r, headers } => msg!(
            cat,
            "batch-missing-column",
            role = role(cat, *r),
            headers = quoted_list(cat, headers),
            known = quoted_list(cat, r.known_headers()),
            option = role_option(*r),
        ),
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
        BatchError::ColumnClash(header) => msg!(cat, "batch-column-clash", header = header),
        BatchError::DuplicateHeader(header) => msg!(cat, "batch-duplicate-header", header = header),
        BatchError::ReservedHeader(header) => msg!(cat, "batch-reserved-header", header = header),
        BatchError::Strict(row) => msg!(cat, "batch-strict-line", line = row.line.to_string()),
        BatchError::Read(e) | BatchError::Write(e) => super::failure::io_error(cat, e),
    }
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
    let mut line = msg!(
        cat,
        "batch-done",
        priced = summary.priced(),
        minimum = summary.at_minimum(table),
        errors = summary.errors,
    );
    if !summary.error_lines.is_empty() {
        let mut lines: Vec<String> = summary.error_lines.iter().map(u64::to_string).collect();
        if summary.errors > summary.error_lines.len() as u64 {
            lines.push("…".to_string());
        }
        line.push(' ');
        line.push_str(&msg!(
            cat,
            "batch-error-lines",
            count = summary.errors,
            lines = lines.join(", ")
        ));
    }
    line
}

/// The progress line of a long batch, on a terminal.
pub fn progress(cat: &Catalog, rows: u64) -> String {
    msg!(cat, "batch-progress", rows = rows)
}
