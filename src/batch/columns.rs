//! Which columns hold the name, kind, budget and strategy answer: named by
//! the user (by header or by number), or found by header in French or
//! English, whatever the case, accents and punctuation, with years and units
//! set aside (`Budget 2024 (€)` and `BP 2024` are budget columns). A budget
//! header may also say the unit of its plain numbers: `Budget (M€)`.

use dues_core::money::Unit;
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
    /// The headers that name a column of this role, as people write them;
    /// a header matches one when both read the same once case, accents,
    /// punctuation, years and units are set aside ([`header_key`]). They
    /// describe exports (French CRMs, Excel lists, HubSpot, Dolibarr), not
    /// the leaflet. A revenue (`Chiffre d'affaires`) is no budget, and
    /// Dolibarr's `Type du tiers` (prospect, client) is no kind: neither is
    /// here.
    pub fn known_headers(self) -> &'static [&'static str] {
        match self {
            Role::Name => &[
                "Nom",
                "Raison sociale",
                "Dénomination",
                "Nom du tiers",
                "Nom de l'organisation",
                "Organisation",
                "Collectivité",
                "Name",
                "Company name",
                "Organization",
            ],
            Role::Kind => &[
                "Type",
                "Type de structure",
                "Type d'organisation",
                "Forme juridique",
                "Catégorie",
                "Catégorie juridique",
                "Nature",
                "Statut",
                "Statut juridique",
                "Kind",
                "Category",
                "Company type",
                "Organisation type",
                "Organization type",
            ],
            Role::Budget => &[
                "Budget",
                "Budget annuel",
                "Budget primitif",
                "BP",
                "Budget total",
                "Annual budget",
                "Total budget",
            ],
            Role::Strategy => &[
                "Stratégie d'entraînement",
                "Stratégie",
                "Network strategy",
                "Strategy",
            ],
        }
    }

    /// The [`header_key`]s that name a column of this role.
    fn known_keys(self) -> Vec<String> {
        self.known_headers().iter().map(|h| header_key(h)).collect()
    }

    /// All four, in the order they are reported.
    pub const ALL: [Role; 4] = [Role::Name, Role::Kind, Role::Budget, Role::Strategy];
}

/// Units a header may name, as words of [`words`], the longest first; « en »
/// or « in » before one is part of it.
const UNITS: [(&[&str], Unit); 25] = [
    (&["thousands", "of", "euros"], Unit::Thousand),
    (&["millions", "of", "euros"], Unit::Million),
    (&["billions", "of", "euros"], Unit::Billion),
    (&["milliers", "d", "euros"], Unit::Thousand),
    (&["millions", "d", "euros"], Unit::Million),
    (&["milliards", "d", "euros"], Unit::Billion),
    (&["milliers", "d", "eur"], Unit::Thousand),
    (&["millions", "d", "eur"], Unit::Million),
    (&["milliards", "d", "eur"], Unit::Billion),
    (&["k", "euros"], Unit::Thousand),
    (&["m", "euros"], Unit::Million),
    (&["k", "eur"], Unit::Thousand),
    (&["m", "eur"], Unit::Million),
    (&["md", "eur"], Unit::Billion),
    (&["milliers"], Unit::Thousand),
    (&["thousands"], Unit::Thousand),
    (&["millions"], Unit::Million),
    (&["milliards"], Unit::Billion),
    (&["billions"], Unit::Billion),
    (&["keur"], Unit::Thousand),
    (&["meur"], Unit::Million),
    (&["mdeur"], Unit::Billion),
    (&["eur"], Unit::Euro),
    (&["euros"], Unit::Euro),
    (&["euro"], Unit::Euro),
];

/// A header's words: folded, punctuation set aside, units written as
/// symbols spelt out (`k€` → `keur`, `M€` → `meur`, `€` → `eur`).
fn words(header: &str) -> Vec<String> {
    let spelt = header
        .replace("k€", " keur ")
        .replace("K€", " keur ")
        .replace("M€", " meur ")
        .replace('€', " eur ");
    let folded = fold(&spelt);
    let kept: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().map(str::to_string).collect()
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// The unit named at the start of `words`, and how many words name it.
fn unit_at(words: &[String]) -> Option<(Unit, usize)> {
    let preposition = usize::from(matches!(
        words.first().map(String::as_str),
        Some("en" | "in")
    ));
    let rest = &words[preposition..];
    UNITS.iter().find_map(|(unit, factor)| {
        let named = rest.len() >= unit.len() && unit.iter().zip(rest).all(|(a, b)| *a == b);
        named.then_some((*factor, preposition + unit.len()))
    })
}

/// The header as compared: its words, with years and units set aside.
pub fn header_key(header: &str) -> String {
    let words = words(header);
    let mut kept: Vec<&str> = Vec::new();
    let mut rest = &words[..];
    while let Some(word) = rest.first() {
        if let Some((_, len)) = unit_at(rest) {
            rest = &rest[len..];
            continue;
        }
        if !is_year(word) {
            kept.push(word);
        }
        rest = &rest[1..];
    }
    kept.join(" ")
}

/// The unit a header names for its plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderUnit {
    /// No unit named: plain numbers are euros, as written.
    None,
    One(Unit),
    /// Two different scales (`Budget (k€, en millions)`): which one is meant
    /// is for the user to say.
    Conflict(Unit, Unit),
}

/// The unit a header names for its plain numbers: `Budget (M€)`, « en
/// milliers d'euros », `(kEUR)`, `in millions`. A scale wins over the
/// currency beside it (`Budget (€, en milliers)` is in k€).
pub fn header_unit(header: &str) -> HeaderUnit {
    let words = words(header);
    let mut named: Vec<Unit> = Vec::new();
    let mut rest = &words[..];
    while !rest.is_empty() {
        match unit_at(rest) {
            Some((unit, len)) => {
                if !named.contains(&unit) {
                    named.push(unit);
                }
                rest = &rest[len..];
            }
            None => rest = &rest[1..],
        }
    }
    let scales: Vec<Unit> = named.iter().copied().filter(|u| *u != Unit::Euro).collect();
    match (scales.as_slice(), named.is_empty()) {
        ([], true) => HeaderUnit::None,
        ([], false) => HeaderUnit::One(Unit::Euro),
        ([one], _) => HeaderUnit::One(*one),
        ([first, second, ..], _) => HeaderUnit::Conflict(*first, *second),
    }
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
    /// Finds the columns in a header, as the user named them or by header;
    /// every required column that is missing is reported at once. The name
    /// column decides nothing: two candidates for it leave it unset rather
    /// than stop the batch.
    pub fn find(headers: &[String], options: &Options) -> Result<Columns, BatchError> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let column = |role, forced| column(headers, &keys, role, forced);
        let name = match column(Role::Name, &options.name_column) {
            Err(BatchError::AmbiguousColumn { .. }) if options.name_column.is_none() => None,
            other => other?,
        };
        let kind = column(Role::Kind, &options.kind_column)?;
        let budget = column(Role::Budget, &options.budget_column)?;
        let strategy = column(Role::Strategy, &options.strategy_column)?;
        let (Some(kind), Some(budget)) = (kind, budget) else {
            let roles = [(Role::Kind, kind), (Role::Budget, budget)]
                .into_iter()
                .filter(|(_, found)| found.is_none())
                .map(|(role, _)| role)
                .collect();
            return Err(BatchError::MissingColumns {
                roles,
                headers: headers.to_vec(),
            });
        };
        let appended: Vec<String> = APPENDED.iter().map(|c| header_key(c)).collect();
        for (header, key) in headers.iter().zip(&keys) {
            if appended.contains(key) {
                return Err(BatchError::ColumnClash(header.clone()));
            }
        }
        Ok(Columns {
            name,
            kind,
            budget,
            strategy,
        })
    }
}

/// A header as the user may spell it on the command line: case, accents and
/// punctuation aside, but every word kept (`budget 2024` is not `Budget
/// 2023`).
fn spelling(header: &str) -> String {
    words(header).join(" ")
}

/// The one index of `candidates`, `None` if there is none; two are refused.
fn one(
    headers: &[String],
    role: Role,
    mut candidates: impl Iterator<Item = usize>,
) -> Result<Option<usize>, BatchError> {
    let first = candidates.next();
    if let (Some(a), Some(b)) = (first, candidates.next()) {
        return Err(BatchError::AmbiguousColumn {
            role,
            first: headers[a].clone(),
            second: headers[b].clone(),
        });
    }
    Ok(first)
}

/// The column of `role`: the one the user named — a header spelt exactly so,
/// else the one spelt so but for case, accents and punctuation, else its
/// number from 1 — or else the one header that names it. Two candidates are
/// refused rather than picked.
fn column(
    headers: &[String],
    keys: &[String],
    role: Role,
    forced: &Option<String>,
) -> Result<Option<usize>, BatchError> {
    let Some(wanted) = forced else {
        let known = role.known_keys();
        let named = keys.iter().enumerate().filter(|(_, k)| known.contains(k));
        return one(headers, role, named.map(|(i, _)| i));
    };
    let exact = headers.iter().enumerate().filter(|(_, h)| *h == wanted);
    if let Some(i) = one(headers, role, exact.map(|(i, _)| i))? {
        return Ok(Some(i));
    }
    let spelt = spelling(wanted);
    let loose = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !spelt.is_empty() && spelling(h) == spelt);
    if let Some(i) = one(headers, role, loose.map(|(i, _)| i))? {
        return Ok(Some(i));
    }
    let number = wanted.trim().parse::<usize>().ok();
    match number.filter(|n| (1..=headers.len()).contains(n)) {
        Some(n) => Ok(Some(n - 1)),
        None => Err(BatchError::NoSuchColumn {
            role,
            wanted: wanted.clone(),
            headers: headers.to_vec(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_units_and_punctuation_are_set_aside() {
        for (header, key) in [
            ("Budget 2024 (€)", "budget"),
            ("Budget annuel 2023", "budget annuel"),
            ("BP 2024", "bp"),
            ("Budget (M€)", "budget"),
            ("Budget (kEUR)", "budget"),
            ("Budget en milliers d'euros", "budget"),
            ("Annual budget (in millions)", "annual budget"),
            ("Stratégie d'entraînement", "strategie d entrainement"),
            ("network_strategy", "network strategy"),
            ("Type du tiers", "type du tiers"),
            ("Budget en k€", "budget"),
            ("Budget (M €)", "budget"),
            ("Budget, in thousands of euros", "budget"),
            ("Montant en euros", "montant"),
        ] {
            assert_eq!(header_key(header), key, "{header}");
        }
    }

    #[test]
    fn two_scales_in_a_header_are_for_the_user_to_settle() {
        assert_eq!(
            header_unit("Budget (k€, en millions)"),
            HeaderUnit::Conflict(Unit::Thousand, Unit::Million)
        );
        assert_eq!(header_unit("Budget"), HeaderUnit::None);
    }

    #[test]
    fn a_budget_header_may_name_its_unit() {
        for (header, unit) in [
            ("Budget (€)", Some(Unit::Euro)),
            ("Budget (k€)", Some(Unit::Thousand)),
            ("Budget (K€)", Some(Unit::Thousand)),
            ("Budget (M€)", Some(Unit::Million)),
            ("Budget (kEUR)", Some(Unit::Thousand)),
            ("Budget (MEUR)", Some(Unit::Million)),
            ("Budget en milliers d'euros", Some(Unit::Thousand)),
            ("Budget en millions d’euros", Some(Unit::Million)),
            ("Annual budget (in thousands)", Some(Unit::Thousand)),
            ("Annual budget, in millions", Some(Unit::Million)),
            ("Budget en k€", Some(Unit::Thousand)),
            ("Budget (millions)", Some(Unit::Million)),
            ("Budget, in thousands of euros", Some(Unit::Thousand)),
            ("Budget (€, en milliers)", Some(Unit::Thousand)),
            ("Budget en € (milliers)", Some(Unit::Thousand)),
            ("Budget (k euros)", Some(Unit::Thousand)),
            ("Budget (Md€)", Some(Unit::Billion)),
            ("Budget (milliards d'euros)", Some(Unit::Billion)),
            ("Budget (M€) 2024", Some(Unit::Million)),
            ("Budget 2024", None),
            ("Budget annuel", None),
        ] {
            let named = match header_unit(header) {
                HeaderUnit::One(unit) => Some(unit),
                _ => None,
            };
            assert_eq!(named, unit, "{header}");
        }
    }
}
