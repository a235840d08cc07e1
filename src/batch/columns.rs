//! Which columns hold the name, kind, budget and strategy answer: named by
//! the user, or found by header in French or English, whatever the case,
//! accents and punctuation (`Budget annuel (€)` is a budget column).

use dues_core::text::fold;

use super::{APPENDED, BatchError, Options};

/// What a column holds, for a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Name,
    Kind,
    Budget,
    Strategy,
}

impl Role {
    /// The headers that name a column of this role, as compared (folded, punctuation aside).
    pub fn known_headers(self) -> &'static [&'static str] {
        match self {
            Role::Name => &[
                "name",
                "nom",
                "organisation",
                "organization",
                "raison sociale",
                "denomination",
                "nom de l organisation",
            ],
            Role::Kind => &[
                "kind",
                "type",
                "categorie",
                "category",
                "nature",
                "type d organisation",
                "type de structure",
            ],
            Role::Budget => &["budget", "budget annuel", "annual budget"],
            Role::Strategy => &[
                "network strategy",
                "strategy",
                "strategie",
                "strategie d entrainement",
            ],
        }
    }
}

/// A header as compared: folded, without punctuation such as `(€)`.
fn header_key(header: &str) -> String {
    let folded = fold(header);
    let kept: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the fields a quote needs are, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub name: Option<usize>,
    pub kind: usize,
    pub budget: usize,
    pub strategy: Option<usize>,
}

impl Columns {
    /// Finds the columns in a header, as the user named them or by header.
    pub fn find(headers: &[String], options: &Options) -> Result<Columns, BatchError> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let find = |role, forced| find(headers, &keys, role, forced);
        let required = |role, forced| {
            find(role, forced)?.ok_or_else(|| BatchError::MissingColumn {
                role,
                headers: headers.to_vec(),
            })
        };
        let columns = Columns {
            name: find(Role::Name, &options.name_column)?,
            kind: required(Role::Kind, &options.kind_column)?,
            budget: required(Role::Budget, &options.budget_column)?,
            strategy: find(Role::Strategy, &options.strategy_column)?,
        };
        for (header, key) in headers.iter().zip(&keys) {
            if APPENDED.iter().any(|c| header_key(c) == *key) {
                return Err(BatchError::ColumnClash(header.clone()));
            }
        }
        Ok(columns)
    }
}

/// The column of `role`: the one the user named, else the one header that
/// names it; two that do are refused rather than picked.
fn find(
    headers: &[String],
    keys: &[String],
    role: Role,
    forced: &Option<String>,
) -> Result<Option<usize>, BatchError> {
    if let Some(wanted) = forced {
        let exact = headers.iter().position(|h| h == wanted);
        let loose = || keys.iter().position(|k| *k == header_key(wanted));
        return exact
            .or_else(loose)
            .map(Some)
            .ok_or_else(|| BatchError::NoSuchColumn {
                role,
                wanted: wanted.clone(),
                headers: headers.to_vec(),
            });
    }
    let known = role.known_headers();
    let mut found = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| known.contains(&k.as_str()))
        .map(|(i, _)| i);
    let first = found.next();
    if let (Some(a), Some(b)) = (first, found.next()) {
        return Err(BatchError::AmbiguousColumn {
            role,
            first: headers[a].clone(),
            second: headers[b].clone(),
        });
    }
    Ok(first)
}
