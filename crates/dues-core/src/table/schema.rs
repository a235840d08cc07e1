/*!
The TOML shape of a table, as serde reads it, and where things are in the
text (lines and columns), for the problems found later.

Money is a TOML integer or a string holding a plain decimal, never a float,
and at most [`MAX_AMOUNT`]; what is wrong with it is told by a typed
[`TomlProblem`], carried through serde's string-only custom errors by a
marker the loader reads back.
*/

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

use super::error::{Syntax, TomlProblem};
use super::{Basis, Currency, MAX_AMOUNT};
use crate::text::Text;

use super::Issuer;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTable {
    pub table: RawMeta,
    pub tier: Vec<Spanned<RawTier>>,
    pub kind: Vec<Spanned<RawKind>>,
    pub benefits: RawBenefits,
    pub issuer: Option<Spanned<Issuer>>,
    #[serde(default)]
    pub example: Vec<Spanned<RawExample>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    pub title: Text,
    pub year: u16,
    pub source: Text,
    pub currency: Spanned<Currency>,
    pub budget_floor: Option<Money>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTier {
    pub id: String,
    pub label: Text,
    pub leaflet: Text,
    pub budget: Option<RawBudget>,
    pub rule: Option<RawRule>,
    pub fee: RawFee,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBudget {
    pub at_least: Option<Money>,
    pub above: Option<Money>,
    pub below: Option<Money>,
    pub at_most: Option<Money>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub kinds: Vec<String>,
    pub network_strategy: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFee {
    pub amount: Money,
    pub basis: Basis,
    pub note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKind {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub budget_floor: Option<Money>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBenefits {
    pub intro: Text,
    pub item: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExample {
    pub budget: String,
    pub kind: String,
    pub network_strategy: Option<String>,
    pub tier: Option<String>,
    pub fee: Option<Money>,
    pub error: Option<String>,
}

/// Money in the table: a TOML integer or a string holding a plain decimal.
pub(super) struct Money(pub Decimal);

/// Starts a serde custom error that stands for a [`TomlProblem`] of ours.
const MARK: &str = "\u{1}dues:";

fn money_error<E: de::Error>(problem: &str, value: impl fmt::Display) -> E {
    E::custom(format!("{MARK}{problem}:{value}"))
}

/// The typed problem behind a serde error message, ours or serde's own.
pub(super) fn toml_problem(message: &str) -> TomlProblem {
    if let Some(ours) = message.strip_prefix(MARK) {
        let (problem, value) = ours.split_once(':').unwrap_or((ours, ""));
        let value = value.to_string();
        return match problem {
            "float" => TomlProblem::FloatMoney(value),
            "negative" => TomlProblem::NegativeMoney(value.parse().unwrap_or_default()),
            "large" => TomlProblem::MoneyTooLarge(value.parse().unwrap_or_default()),
            _ => TomlProblem::NotMoney(value),
        };
    }
    // serde's words, whose parts are picked up here to be told in ours.
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        if let Some((key, expected)) = names.split_first() {
            return TomlProblem::UnknownKey {
                key: key.clone(),
                expected: expected.to_vec(),
            };
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ")
        && let Some(key) = quoted(rest).first()
    {
        return TomlProblem::MissingKey(key.clone());
    }
    if message.starts_with("invalid type") {
        return TomlProblem::WrongType(quoted(message).into_iter().next());
    }
    if message.starts_with("invalid value") {
        return TomlProblem::OutOfRange(quoted(message).into_iter().next().unwrap_or_default());
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = quoted(rest);
        if let Some((found, expected)) = names.split_first() {
            return TomlProblem::UnknownVariant {
                found: found.clone(),
                expected: expected.to_vec(),
            };
        }
    }
    TomlProblem::Syntax(syntax(message))
}

/// The words between backquotes in a serde message.
fn quoted(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// What the TOML parser's message is about (its words are English: only
/// what they are about is told to the user, at the error's position).
fn syntax(message: &str) -> Syntax {
    let what = message.split(", expected").next().unwrap_or(message);
    let has = |words: &[&str]| words.iter().any(|w| what.contains(w));
    let number = [
        "number",
        "integer",
        "float",
        "mantissa",
        "exponent",
        "fraction",
        "octal",
        "hexadecimal",
        "binary",
        "leading zero",
        "sign",
    ];
    let kinds: [(&[&str], Syntax); 13] = [
        (&["recurse", "recursion"], Syntax::TooDeep),
        (&["comma"], Syntax::Comma),
        (&["assignment", "`=`"], Syntax::Assignment),
        (&["inline table"], Syntax::InlineTable),
        (&["array"], Syntax::Array),
        (&["table"], Syntax::Table),
        (&["string", "quote", "escape"], Syntax::String),
        (&["key"], Syntax::Key),
        (&["date", "time"], Syntax::Date),
        (&number, Syntax::Number),
        (&["boolean"], Syntax::Boolean),
        (&["comment"], Syntax::Comment),
        (&["value", "content"], Syntax::Value),
    ];
    kinds
        .iter()
        .find(|(words, _)| has(words))
        .map_or(Syntax::Other, |(_, kind)| *kind)
}

impl Money {
    fn within_range<E: de::Error>(amount: Decimal) -> Result<Money, E> {
        if amount > MAX_AMOUNT {
            return Err(money_error("large", amount));
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
                f.write_str("money: an integer or a string holding a decimal")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                if v < 0 {
                    return Err(money_error("negative", v));
                }
                Money::within_range(Decimal::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Money::within_range(Decimal::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Err(money_error("float", format!("{v:?}")))
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
                    .flatten()
                    .ok_or_else(|| money_error("string", v))?;
                Money::within_range(parsed.normalize())
            }
        }
        deserializer.deserialize_any(MoneyVisitor)
    }
}

/// Byte offsets of the line starts of a text, to turn a TOML span into a line.
pub(super) struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    /// The 1-based line holding byte `offset`.
    pub fn of(&self, offset: usize) -> usize {
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

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    Lines::new(&text[..char_floor(text, offset)]).0.len()
}

pub(super) fn column_of(text: &str, offset: usize) -> usize {
    let offset = char_floor(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_inside_a_wide_character_counts_from_its_start() {
        // Byte 2 is inside « é » (bytes 1 and 2): column 2, the é's.
        assert_eq!(column_of("aé b", 2), 2);
        assert_eq!(column_of("aé b", 3), 3);
        assert_eq!(column_of("x\naé b", 4), 2);
        assert_eq!(line_of("x\naé b", 4), 2);
        assert_eq!(line_of("x\naé b", 99), 2);
    }
}
