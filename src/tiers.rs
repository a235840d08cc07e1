/*!
The tier table: its TOML schema, its validation, and look-ups into it.

The table is data. Every fee, bound, label, kind, alias and benefit comes from a
TOML file (`tiers-2022.toml` is built in); this module only knows the *shape*
of a table and what makes one coherent. [`Table::parse`] refuses, with the file
and line:
- malformed TOML, unknown keys, a float where money is expected;
- budget tiers that leave a gap or overlap anywhere from 0 upwards, or a bound
  that makes a tier empty;
- duplicate tier or kind ids, two kinds sharing a name once folded, a rule
  naming a kind that does not exist, two rule tiers claiming the same kind;
- a fee that is not positive, money more precise than a cent.

Every problem is listed, not just the first, so that `dues check` can show
them all at once.
*/

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::money::format_amount;
use crate::text::{Lang, Text, fold};

/// The table built into the binary.
pub const BUILT_IN: &str = include_str!("../tiers-2022.toml");
/// How the built-in table names itself in messages.
pub const BUILT_IN_NAME: &str = "tiers-2022.toml (built in)";

/// A validated tier table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    /// Where the table came from: a path, or [`BUILT_IN_NAME`].
    pub origin: String,
    pub title: Text,
    pub year: u16,
    pub source: Text,
    pub currency: Currency,
    pub tiers: Vec<Tier>,
    pub kinds: Vec<Kind>,
    pub benefits_intro: Text,
    pub benefits: Vec<Text>,
    pub examples: Vec<Example>,
    names: HashMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: String,
    /// Printed with amounts, e.g. `€`.
    pub symbol: String,
    /// Markers a user may type before or after an amount.
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tier {
    pub id: String,
    pub label: Text,
    /// The leaflet's own wording of the tier.
    pub leaflet: Text,
    /// The budgets this tier covers; `None`: any budget.
    pub budget: Option<Interval>,
    pub rule: Option<Rule>,
    pub fee: Fee,
    /// Line of the tier in its file.
    pub line: usize,
}

/// A condition on the kind of organisation, tried before the budget tiers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    /// Indices into [`Table::kinds`].
    pub kinds: Vec<usize>,
    /// If set, the rule applies only to organisations whose answer to the
    /// network-strategy question is this value.
    pub network_strategy: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fee {
    #[serde(with = "decimal_bytes")]
    pub amount: Decimal,
    pub basis: Basis,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The fee is the price.
    Fixed,
    /// « À partir de »: the fee is a floor; the price is negotiated.
    Minimum,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Fixed => "fixed",
            Basis::Minimum => "minimum",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Kind {
    pub id: String,
    pub label: Text,
    pub aliases: Vec<String>,
}

/// A test vector of the table, run by `dues check`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Example {
    pub line: usize,
    pub budget: String,
    pub kind: String,
    pub network_strategy: Option<String>,
    pub expect: Expect,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expect {
    Quote {
        tier: String,
        #[serde(with = "decimal_bytes")]
        fee: Decimal,
    },
    Error(String),
}

/// A decimal in the encoded built-in table: its 16 bytes, exactly (serde's
/// own form for it asks for a self-describing format).
mod decimal_bytes {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        Decimal::serialize(d).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        <[u8; 16]>::deserialize(d).map(Decimal::deserialize)
    }
}

/// The errors an example may expect, by name.
pub const EXAMPLE_ERRORS: [&str; 1] = ["network_strategy_required"];

// ─── Intervals ────────────────────────────────────────────────────────────────

/// A point on the budget line, or just before or after it: `below X` ends at
/// `X⁻`, `at_most X` at `X`, `above X` starts at `X⁺`. Ordering these makes gaps,
/// overlaps and empty intervals plain comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Edge {
    #[serde(with = "decimal_bytes")]
    pub amount: Decimal,
    /// -1: just before `amount`; 0: `amount` itself; 1: just after.
    pub side: i8,
}

const CENT: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// An amount in whole cents, if it is one.
fn cents(amount: Decimal) -> Option<i128> {
    let scale = amount.scale();
    (scale <= 2).then(|| amount.mantissa() * [100, 10, 1][scale as usize])
}

impl Edge {
    /// The nearest whole cent on the edge's side: `above X` starts at X + 0,01,
    /// `below X` ends at X − 0,01. Gaps and overlaps are judged on these, as
    /// no budget lies between two cents.
    pub fn cent(self) -> Decimal {
        match self.side {
            1 => self.amount + CENT,
            -1 => self.amount - CENT,
            _ => self.amount,
        }
    }

    fn at(amount: Decimal) -> Edge {
        Edge { amount, side: 0 }
    }
    fn next(self) -> Edge {
        Edge {
            side: self.side + 1,
            ..self
        }
    }
    fn prev(self) -> Edge {
        Edge {
            side: self.side - 1,
            ..self
        }
    }
}

/// The budgets a tier covers, `first` to `last` (no `last`: no upper limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub first: Edge,
    pub last: Option<Edge>,
    /// The same, as a closed range of whole cents, when the bounds are whole
    /// cents (always, in a valid table): what a batch compares on every row.
    cents: Option<(i128, Option<i128>)>,
}

impl Interval {
    pub fn new(first: Edge, last: Option<Edge>) -> Interval {
        let low = cents(first.cent());
        let high = match last {
            Some(l) => cents(l.cent()).map(Some),
            None => Some(None),
        };
        Interval {
            first,
            last,
            cents: low.zip(high),
        }
    }

    pub fn contains(&self, budget: Decimal) -> bool {
        if let (Some((low, high)), Some(b)) = (self.cents, cents(budget)) {
            return low <= b && high.is_none_or(|h| b <= h);
        }
        let p = Edge::at(budget);
        self.first <= p && self.last.is_none_or(|last| p <= last)
    }

    /// No whole-cent budget in it (budgets are amounts of cents).
    fn is_empty(&self) -> bool {
        self.last
            .is_some_and(|last| self.first.cent() > last.cent())
    }

    /// The condition in words: `1 500 000 € ≤ budget ≤ 10 000 000 €`,
    /// `budget < 1 500 000 €` (a lower bound of 0 goes without saying).
    pub fn describe(&self, lang: Lang, symbol: &str) -> String {
        describe_span(self.first, self.last, lang, symbol)
    }
}

fn describe_span(first: Edge, last: Option<Edge>, lang: Lang, symbol: &str) -> String {
    let money = |d| format_amount(d, lang, symbol);
    let budget = lang.pick("budget", "budget");
    if let Some(last) = last
        && first == last
    {
        return format!("{budget} = {}", money(first.amount));
    }
    let lower = match first.side {
        _ if first == Edge::at(Decimal::ZERO) => None,
        1 => Some(format!("{} <", money(first.amount))),
        _ => Some(format!("{} ≤", money(first.amount))),
    };
    let upper = last.map(|last| match last.side {
        -1 => format!("< {}", money(last.amount)),
        _ => format!("≤ {}", money(last.amount)),
    });
    match (lower, upper) {
        (Some(l), Some(u)) => format!("{l} {budget} {u}"),
        (Some(l), None) => flip_lower(&l, budget),
        (None, Some(u)) => format!("{budget} {u}"),
        (None, None) => lang.pick("tout budget", "any budget").to_string(),
    }
}

/// `X <` alone reads better as `budget > X`.
fn flip_lower(lower: &str, budget: &str) -> String {
    if let Some(x) = lower.strip_suffix(" <") {
        format!("{budget} > {x}")
    } else {
        format!("{budget} ≥ {}", lower.trim_end_matches(" ≤"))
    }
}

// ─── Errors ───────────────────────────────────────────────────────────────────

/// A table that cannot be used, with every reason.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TableError {
    #[error("{origin}:{line}:{column}: {message}")]
    Toml {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: invalid tier table:{}", list(origin, problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
}

/// One thing wrong with a table, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

fn list(origin: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.line {
            Some(line) => format!("\n  {origin}:{line}: {}", p.message),
            None => format!("\n  {origin}: {}", p.message),
        })
        .collect()
}

// ─── The TOML shape ───────────────────────────────────────────────────────────

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    table: RawMeta,
    tier: Vec<Spanned<RawTier>>,
    kind: Vec<Spanned<RawKind>>,
    benefits: RawBenefits,
    #[serde(default)]
    example: Vec<Spanned<RawExample>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    title: Text,
    year: u16,
    source: Text,
    currency: Spanned<Currency>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    id: String,
    label: Text,
    leaflet: Text,
    budget: Option<RawBudget>,
    rule: Option<RawRule>,
    fee: RawFee,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBudget {
    at_least: Option<Money>,
    above: Option<Money>,
    below: Option<Money>,
    at_most: Option<Money>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    kinds: Vec<String>,
    network_strategy: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFee {
    amount: Money,
    basis: Basis,
    note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    id: String,
    label: Text,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBenefits {
    intro: Text,
    item: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    budget: String,
    kind: String,
    network_strategy: Option<String>,
    tier: Option<String>,
    fee: Option<Money>,
    error: Option<String>,
}

/// Money in the table: a TOML integer or a string holding a plain decimal.
struct Money(Decimal);

/// The largest amount a table may hold (10¹⁵ €, a million times the largest
/// budget of any French authority): every sum and comparison on budgets
/// then stays exact, far from what a decimal holds (7,9 × 10²⁸).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// The largest fee a tier may have (10⁹ €): a batch's total of up to 2⁶⁴
/// rows at that fee still fits a decimal.
pub const MAX_FEE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

impl Money {
    fn within_range<E: de::Error>(amount: Decimal) -> Result<Money, E> {
        if amount > MAX_AMOUNT {
            return Err(E::custom(format!(
                "{amount} is more than a table may hold: amounts are at most {}",
                crate::money::plain(MAX_AMOUNT)
            )));
        }
        Ok(Money(amount))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl Visitor<'_> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "an amount of money: an integer (1_500_000) or a string (\"1500000.50\")",
                )
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                if v < 0 {
                    return Err(E::custom(format!("money cannot be negative: {v}")));
                }
                Money::within_range(Decimal::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Money::within_range(Decimal::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(format!(
                    "money cannot be a TOML float ({v:?}): a float is a binary fraction that \
                     cannot hold every cent exactly; write an integer (1_500_000) or a string \
                     (\"1500000.50\")"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                let well_formed = v.split_once('.').map_or(
                    !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()),
                    |(int, frac)| {
                        !int.is_empty()
                            && !frac.is_empty()
                            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
                    },
                );
                let parsed = well_formed
                    .then(|| Decimal::from_str_exact(v).ok())
                    .flatten();
                let parsed = parsed.ok_or_else(|| {
                    E::custom(format!(
                        "`{v}` is not money as the table writes it: digits with an optional \
                         decimal point, such as \"1500000\" or \"1500000.50\""
                    ))
                })?;
                Money::within_range(parsed.normalize())
            }
        }
        deserializer.deserialize_any(MoneyVisitor)
    }
}

// ─── Loading and validation ──────────────────────────────────────────────────

/// Byte offsets of the line starts of a text, to turn a TOML span into a line.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    /// The 1-based line holding byte `offset`.
    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// `offset`, moved back to a character boundary of `text` if need be.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn line_of(text: &str, offset: usize) -> usize {
    Lines::new(&text[..char_floor(text, offset)]).0.len()
}

fn column_of(text: &str, offset: usize) -> usize {
    let offset = char_floor(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset].chars().count() + 1
}

impl Table {
    /// The built-in 2022 table: parsed and validated when `dues` was built
    /// (`build.rs`; an invalid table fails the build), so that a run only
    /// decodes it — parsing TOML would cost more than the whole rest of a quote.
    pub fn built_in() -> Result<Table, TableError> {
        postcard::from_bytes(crate::BUILT_IN_VALIDATED).map_err(|e| TableError::Invalid {
            origin: BUILT_IN_NAME.to_string(),
            problems: vec![Problem {
                line: None,
                message: format!("the built-in table cannot be decoded ({e}); rebuild dues"),
            }],
        })
    }

    /// The table in a form [`Table::built_in`] decodes, for `build.rs`.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a table always encodes")
    }

    /// Parses and validates a table; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<Table, TableError> {
        let raw: RawTable = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            TableError::Toml {
                origin: origin.to_string(),
                line: line_of(text, at),
                column: column_of(text, at),
                message: e.message().trim_end().to_string(),
            }
        })?;
        let mut problems = Vec::new();
        let table = build(raw, text, origin, &mut problems);
        problems.sort_by_key(|p| p.line);
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(TableError::Invalid {
                origin: origin.to_string(),
                problems,
            })
        }
    }

    /// The kind a user's word names, compared after [`fold`].
    pub fn kind(&self, name: &str) -> Result<usize, UnknownKind> {
        self.names
            .get(&fold(name))
            .copied()
            .ok_or_else(|| UnknownKind {
                value: name.to_string(),
                accepted: self
                    .kinds
                    .iter()
                    .map(|k| format!("{} ({})", k.id, k.label.fr))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// Formats an amount in this table's currency.
    pub fn money(&self, amount: Decimal, lang: Lang) -> String {
        format_amount(amount, lang, &self.currency.symbol)
    }
}

/// A kind of organisation that the table does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown kind `{value}`; accepted: {accepted}, or an alias of one (`dues tiers --format json` \
     lists them; case, accents and apostrophes do not matter)"
)]
pub struct UnknownKind {
    pub value: String,
    pub accepted: String,
}

/// What is wrong with a currency marker, if anything.
fn marker_problem(marker: &str) -> Option<&'static str> {
    let folded = marker.trim().to_lowercase();
    if folded.is_empty() {
        Some("is empty")
    } else if marker.chars().any(char::is_numeric) {
        Some("holds a digit")
    } else if marker.contains(['+', '-', '−', '–']) {
        Some("holds a sign")
    } else if marker.contains([',', '.']) || marker.chars().any(crate::money::is_space) {
        Some("holds a separator")
    } else if crate::money::MULTIPLIERS
        .iter()
        .any(|&(w, _)| !w.is_empty() && (folded.starts_with(w) || folded.ends_with(w)))
    {
        Some("begins or ends with a multiplier")
    } else {
        None
    }
}

fn build(raw: RawTable, text: &str, origin: &str, problems: &mut Vec<Problem>) -> Table {
    let lines = Lines::new(text);
    let mut problem =
        |line: Option<usize>, message: String| problems.push(Problem { line, message });
    let currency_line = lines.of(raw.table.currency.span().start);
    let currency = raw.table.currency.into_inner();
    for marker in &currency.accepted {
        if let Some(why) = marker_problem(marker) {
            problem(
                Some(currency_line),
                format!(
                    "currency marker `{marker}` {why}: a marker is typed beside an amount, so it \
                     holds no digit, sign or separator (`,`, `.`, space), and does not begin or \
                     end with a multiplier (k, M, Md…), lest `2,3 M€` read as 2,30 €"
                ),
            );
        }
    }
    if raw.kind.is_empty() {
        problem(
            None,
            "the table defines no kind: add a [[kind]] for each kind of organisation".to_string(),
        );
    }

    // Kinds and their names.
    let mut kinds = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for spanned in raw.kind {
        let line = lines.of(spanned.span().start);
        let k = spanned.into_inner();
        let index = kinds.len();
        if kinds.iter().any(|other: &Kind| other.id == k.id) {
            problem(Some(line), format!("kind id `{}` is used twice", k.id));
        }
        let all_names = [&k.id, &k.label.fr, &k.label.en]
            .into_iter()
            .chain(k.aliases.iter());
        for name in all_names {
            let folded = fold(name);
            if folded.is_empty() {
                problem(Some(line), format!("kind `{}` has an empty name", k.id));
                continue;
            }
            match names.get(&folded) {
                Some(&other) if other != index && kinds[other].id != k.id => problem(
                    Some(line),
                    format!(
                        "kinds `{}` and `{}` both answer to `{name}`",
                        kinds[other].id, k.id
                    ),
                ),
                _ => {
                    names.insert(folded, index);
                }
            }
        }
        kinds.push(Kind {
            id: k.id,
            label: k.label,
            aliases: k.aliases,
        });
    }

    // Tiers.
    let mut tiers: Vec<Tier> = Vec::new();
    for spanned in raw.tier {
        let line = lines.of(spanned.span().start);
        let t = spanned.into_inner();
        if t.id.trim().is_empty() {
            problem(Some(line), "a tier has an empty id".to_string());
        } else if tiers.iter().any(|other| other.id == t.id) {
            problem(Some(line), format!("tier id `{}` is used twice", t.id));
        }
        let mut amounts = vec![("fee", t.fee.amount.0)];
        if let Some(b) = &t.budget {
            for (what, m) in [
                ("at_least", &b.at_least),
                ("above", &b.above),
                ("below", &b.below),
                ("at_most", &b.at_most),
            ] {
                amounts.extend(m.as_ref().map(|m| (what, m.0)));
            }
        }
        for (what, amount) in amounts {
            if amount.scale() > 2 {
                problem(
                    Some(line),
                    format!(
                        "tier `{}`: {what} {amount} is more precise than a cent",
                        t.id
                    ),
                );
            }
        }
        let budget = t.budget.map(|b| {
            let first = match (b.at_least, b.above) {
                (Some(x), None) => Edge::at(x.0),
                (None, Some(x)) => Edge::at(x.0).next(),
                (Some(_), Some(_)) => {
                    problem(
                        Some(line),
                        format!("tier `{}`: give `at_least` or `above`, not both", t.id),
                    );
                    Edge::at(Decimal::ZERO)
                }
                (None, None) => {
                    problem(
                        Some(line),
                        format!(
                            "tier `{}`: the budget needs a lower bound, `at_least` or `above` \
                             (`at_least = 0` for the first tier)",
                            t.id
                        ),
                    );
                    Edge::at(Decimal::ZERO)
                }
            };
            let last = match (b.below, b.at_most) {
                (Some(x), None) => Some(Edge::at(x.0).prev()),
                (None, Some(x)) => Some(Edge::at(x.0)),
                (None, None) => None,
                (Some(_), Some(_)) => {
                    problem(
                        Some(line),
                        format!("tier `{}`: give `below` or `at_most`, not both", t.id),
                    );
                    None
                }
            };
            Interval::new(first, last)
        });
        if let Some(interval) = budget
            && interval.is_empty()
        {
            problem(
                Some(line),
                format!("tier `{}`: its budget bounds leave no budget in it", t.id),
            );
        }
        if t.fee.amount.0 <= Decimal::ZERO {
            problem(
                Some(line),
                format!(
                    "tier `{}`: the fee must be positive, not {}",
                    t.id, t.fee.amount.0
                ),
            );
        } else if t.fee.amount.0 > MAX_FEE {
            problem(
                Some(line),
                format!(
                    "tier `{}`: the fee must be at most {}, not {}",
                    t.id,
                    crate::money::plain(MAX_FEE),
                    crate::money::plain(t.fee.amount.0)
                ),
            );
        }
        let rule = t.rule.map(|r| {
            if r.kinds.is_empty() {
                problem(
                    Some(line),
                    format!("tier `{}`: the rule names no kind", t.id),
                );
            }
            let kinds = r
                .kinds
                .iter()
                .filter_map(|id| {
                    let found = kinds.iter().position(|k| &k.id == id);
                    if found.is_none() {
                        problem(
                            Some(line),
                            format!(
                                "tier `{}`: the rule names kind `{id}`, which is not a kind id \
                                 of this table ({})",
                                t.id,
                                kinds
                                    .iter()
                                    .map(|k| k.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                    found
                })
                .collect();
            Rule {
                kinds,
                network_strategy: r.network_strategy,
            }
        });
        if budget.is_none() && rule.is_none() {
            problem(
                Some(line),
                format!("tier `{}` has neither a `budget` nor a `rule`", t.id),
            );
        }
        tiers.push(Tier {
            id: t.id,
            label: t.label,
            leaflet: t.leaflet,
            budget,
            rule,
            fee: Fee {
                amount: t.fee.amount.0,
                basis: t.fee.basis,
                note: t.fee.note,
            },
            line,
        });
    }

    // Budget tiers: from 0 upwards, no gap, no overlap.
    let mut by_budget: Vec<(&Tier, Interval)> = tiers
        .iter()
        .filter(|t| t.rule.is_none())
        .filter_map(|t| t.budget.map(|b| (t, b)))
        .filter(|(_, b)| !b.is_empty())
        .collect();
    by_budget.sort_by_key(|(_, b)| b.first);
    let describe =
        |first: Edge, last: Option<Edge>| describe_span(first, last, Lang::Fr, &currency.symbol);
    match by_budget.first() {
        None => problem(
            None,
            "no tier applies by budget alone: the tiers without a `rule` must cover every \
             budget from 0 upwards"
                .to_string(),
        ),
        Some((t, b)) if b.first.cent() > Decimal::ZERO => problem(
            Some(t.line),
            format!(
                "no tier covers {} (the lowest tier, `{}`, starts there)",
                describe(Edge::at(Decimal::ZERO), Some(b.first.prev())),
                t.id
            ),
        ),
        Some(_) => {}
    }
    for pair in by_budget.windows(2) {
        let ((a, ab), (b, bb)) = (pair[0], pair[1]);
        let Some(a_last) = ab.last else {
            problem(
                Some(b.line),
                format!(
                    "tiers `{}` and `{}` both cover {} (`{}` has no upper bound)",
                    a.id,
                    b.id,
                    describe(bb.first, bb.last),
                    a.id
                ),
            );
            continue;
        };
        let expected = a_last.next();
        if bb.first.cent() > a_last.cent() + CENT {
            problem(
                Some(b.line),
                format!(
                    "tiers `{}` and `{}` leave {} uncovered",
                    a.id,
                    b.id,
                    describe(expected, Some(bb.first.prev()))
                ),
            );
        } else if bb.first.cent() <= a_last.cent() {
            let overlap_last = match bb.last {
                Some(b_last) if b_last < a_last => b_last,
                _ => a_last,
            };
            problem(
                Some(b.line),
                format!(
                    "tiers `{}` and `{}` both cover {}",
                    a.id,
                    b.id,
                    describe(bb.first, Some(overlap_last))
                ),
            );
        }
    }
    if let Some((t, b)) = by_budget.last()
        && let Some(last) = b.last
    {
        problem(
            Some(t.line),
            format!(
                "no tier covers {} (the highest tier, `{}`, stops there)",
                describe(last.next(), None),
                t.id
            ),
        );
    }

    // Rule tiers must not claim the same organisation twice.
    let ruled: Vec<&Tier> = tiers.iter().filter(|t| t.rule.is_some()).collect();
    for (i, a) in ruled.iter().enumerate() {
        for b in &ruled[i + 1..] {
            let (ra, rb) = (
                a.rule.as_ref().expect("ruled"),
                b.rule.as_ref().expect("ruled"),
            );
            let strategies_meet = match (ra.network_strategy, rb.network_strategy) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let budgets_meet = match (a.budget, b.budget) {
                (Some(x), Some(y)) => {
                    x.last.is_none_or(|l| y.first <= l) && y.last.is_none_or(|l| x.first <= l)
                }
                _ => true,
            };
            if let Some(&k) = ra.kinds.iter().find(|k| rb.kinds.contains(k))
                && strategies_meet
                && budgets_meet
            {
                problem(
                    Some(b.line),
                    format!(
                        "tiers `{}` and `{}` both apply to kind `{}`",
                        a.id, b.id, kinds[k].id
                    ),
                );
            }
        }
    }

    // Examples.
    let mut examples = Vec::new();
    for spanned in raw.example {
        let line = lines.of(spanned.span().start);
        let e = spanned.into_inner();
        let expect = match (e.tier, e.fee, e.error) {
            (Some(tier), Some(fee), None) => {
                if !tiers.iter().any(|t| t.id == tier) {
                    problem(
                        Some(line),
                        format!("example expects tier `{tier}`, which the table does not have"),
                    );
                }
                Expect::Quote { tier, fee: fee.0 }
            }
            (None, None, Some(error)) => {
                if !EXAMPLE_ERRORS.contains(&error.as_str()) {
                    problem(
                        Some(line),
                        format!(
                            "example expects error `{error}`; known errors: {}",
                            EXAMPLE_ERRORS.join(", ")
                        ),
                    );
                }
                Expect::Error(error)
            }
            _ => {
                problem(
                    Some(line),
                    "an example expects either `tier` and `fee`, or `error`".to_string(),
                );
                Expect::Error(String::new())
            }
        };
        examples.push(Example {
            line,
            budget: e.budget,
            kind: e.kind,
            network_strategy: e.network_strategy,
            expect,
        });
    }

    Table {
        origin: origin.to_string(),
        title: raw.table.title,
        year: raw.table.year,
        source: raw.table.source,
        currency,
        tiers,
        kinds,
        benefits_intro: raw.benefits.intro,
        benefits: raw.benefits.item,
        examples,
        names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(name: &str, text: &str) -> String {
        match Table::parse(text, name) {
            Ok(_) => panic!("{name} accepted"),
            Err(e) => e.to_string(),
        }
    }

    macro_rules! fixture {
        ($name:literal) => {
            problems(
                $name,
                include_str!(concat!("../tests/data/tables/", $name, ".toml")),
            )
        };
    }

    #[test]
    fn the_built_in_table_is_the_leaflet() {
        let t = Table::built_in().unwrap();
        assert_eq!(t.year, 2022);
        assert_eq!(t.currency.code, "EUR");
        let ids: Vec<_> = t.tiers.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["small", "medium", "large", "network"]);
        let fees: Vec<_> = t
            .tiers
            .iter()
            .map(|t| (t.fee.amount.to_string(), t.fee.basis))
            .collect();
        assert_eq!(
            fees,
            [
                ("1000".to_string(), Basis::Fixed),
                ("2500".to_string(), Basis::Fixed),
                ("5000".to_string(), Basis::Fixed),
                ("8000".to_string(), Basis::Minimum),
            ]
        );
        let conditions: Vec<_> = t
            .tiers
            .iter()
            .filter_map(|t| t.budget.map(|b| b.describe(Lang::Fr, "€")))
            .collect();
        assert_eq!(
            conditions,
            [
                "budget < 1\u{202f}500\u{202f}000\u{a0}€",
                "1\u{202f}500\u{202f}000\u{a0}€ ≤ budget ≤ 10\u{202f}000\u{202f}000\u{a0}€",
                "budget > 10\u{202f}000\u{202f}000\u{a0}€",
            ]
        );
        assert_eq!(t.benefits.len(), 5);
        assert_eq!(
            t.tiers[3].fee.note.as_ref().unwrap().fr,
            "à définir au cas par cas en fonction du groupement"
        );
        let ruled = t.tiers[3].rule.as_ref().unwrap();
        let kinds: Vec<_> = ruled
            .kinds
            .iter()
            .map(|&k| t.kinds[k].id.as_str())
            .collect();
        assert_eq!(kinds, ["region", "departement", "metropole"]);
        assert_eq!(ruled.network_strategy, Some(true));
    }

    #[test]
    fn a_gap_is_named_with_its_interval() {
        assert_eq!(
            fixture!("gap").replace(['\u{202f}', '\u{a0}'], " "),
            "gap: invalid tier table:\n  gap:48: tiers `small` and `medium` leave \
             1 500 000 € ≤ budget < 1 600 000 € uncovered"
        );
    }

    #[test]
    fn an_overlap_is_named_with_its_interval() {
        assert_eq!(
            fixture!("overlap").replace(['\u{202f}', '\u{a0}'], " "),
            "overlap: invalid tier table:\n  overlap:56: tiers `medium` and `large` both cover \
             budget = 10 000 000 €"
        );
    }

    #[test]
    fn float_money_is_refused_with_the_reason_and_position() {
        assert_eq!(
            fixture!("float-money"),
            "float-money:45:34: money cannot be a TOML float (1500000.0): a float is a binary \
             fraction that cannot hold every cent exactly; write an integer (1_500_000) or a \
             string (\"1500000.50\")"
        );
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        assert_eq!(
            fixture!("unknown-key"),
            "unknown-key:54:42: unknown field `ammount`, expected one of `amount`, `basis`, `note`"
        );
    }

    #[test]
    fn broken_toml_gives_line_and_column() {
        assert_eq!(
            fixture!("broken"),
            "broken:49:13: invalid basic string, expected `\"`"
        );
    }

    #[test]
    fn duplicate_ids_and_clashing_names_are_refused() {
        assert!(
            fixture!("duplicate-id").contains("duplicate-id:56: tier id `medium` is used twice")
        );
        assert_eq!(
            fixture!("alias-clash"),
            "alias-clash: invalid tier table:\n  alias-clash:139: kinds `epci` and `public` both \
             answer to `Communauté urbaine`"
        );
    }

    #[test]
    fn rules_must_name_existing_kinds_and_fees_must_be_positive() {
        assert!(fixture!("unknown-rule-kind").contains(
            "unknown-rule-kind:63: tier `network`: the rule names kind `metropol`, which is not a \
             kind id of this table"
        ));
        assert!(
            fixture!("zero-fee")
                .contains("zero-fee:41: tier `small`: the fee must be positive, not 0")
        );
    }

    #[test]
    fn every_problem_is_listed_in_line_order() {
        assert_eq!(
            fixture!("many-problems").replace(['\u{202f}', '\u{a0}'], " "),
            "many-problems: invalid tier table:\n\
             \x20 many-problems:48: tiers `small` and `medium` leave 1 500 000 € ≤ budget < 1 600 000 € uncovered\n\
             \x20 many-problems:48: no tier covers budget > 10 000 000 € (the highest tier, `medium`, stops there)\n\
             \x20 many-problems:56: tier `large`: its budget bounds leave no budget in it\n\
             \x20 many-problems:121: kind id `commune` is used twice"
        );
    }

    #[test]
    fn money_strings_must_be_plain_decimals() {
        let text = BUILT_IN.replace("amount = 1_000,", "amount = \"1 000\",");
        assert!(problems("t", &text).contains("`1 000` is not money as the table writes it"));
        let text = BUILT_IN.replace("amount = 1_000,", "amount = -1_000,");
        assert!(problems("t", &text).contains("money cannot be negative: -1000"));
        let text = BUILT_IN.replace("amount = 1_000,", "amount = \"1000.001\",");
        assert!(
            problems("t", &text).contains("tier `small`: fee 1000.001 is more precise than a cent")
        );
    }

    #[test]
    fn a_table_must_start_at_zero_and_have_no_ceiling() {
        let text = BUILT_IN.replace("at_least = 0, below", "at_least = 100, below");
        assert!(
            problems("t", &text)
                .replace(['\u{202f}', '\u{a0}'], " ")
                .contains("no tier covers budget < 100 € (the lowest tier, `small`, starts there)")
        );
        let text = BUILT_IN.replace(
            "budget = { above = 10_000_000 }",
            "budget = { above = 10_000_000, at_most = 20_000_000 }",
        );
        assert!(
            problems("t", &text)
                .replace(['\u{202f}', '\u{a0}'], " ")
                .contains(
                    "no tier covers budget > 20 000 000 € (the highest tier, `large`, stops there)"
                )
        );
    }

    #[test]
    fn gaps_and_overlaps_are_judged_at_the_cent() {
        let text = BUILT_IN.replace(
            "at_least = 0, below = 1_500_000",
            "at_least = 0, at_most = \"1499999.99\"",
        );
        assert!(
            Table::parse(&text, "t").is_ok(),
            "no cent lies between 1 499 999,99 and 1 500 000"
        );
        let text = BUILT_IN.replace(
            "budget = { above = 10_000_000 }",
            "budget = { above = 10_000_000, below = \"10000000.01\" }",
        );
        assert!(
            problems("t", &text).contains("tier `large`: its budget bounds leave no budget in it")
        );
        let text = BUILT_IN.replace(
            "at_least = 0, below = 1_500_000",
            "at_least = 0, at_most = \"1499999.98\"",
        );
        assert!(
            problems("t", &text)
                .replace(['\u{202f}', '\u{a0}'], " ")
                .contains("tiers `small` and `medium` leave 1 499 999,98 € < budget < 1 500 000 € uncovered")
        );
    }
}
