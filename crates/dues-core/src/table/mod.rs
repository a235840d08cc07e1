/*!
The tier table: its data, loading and validation, and look-ups into it.

The table is data. Every fee, bound, label, kind, alias and benefit comes from a
TOML file (`tiers-2022.toml` is built into the binary); this module only knows
the *shape* of a table (`schema`) and what makes one coherent (`validate`).
[`crate::load`] refuses, with the line of each problem ([`error`]):
- malformed TOML, unknown keys, a float where money is expected, an amount
  past [`MAX_AMOUNT`];
- budget tiers that leave a gap or overlap anywhere from 0 upwards, or a bound
  that makes a tier empty ([`interval`]);
- no kind, empty or duplicate ids, two kinds sharing a name once folded, a
  rule naming a kind that does not exist, two rule tiers claiming one kind;
- a fee that is not positive or past [`MAX_FEE`], money finer than a cent, a
  currency marker that would misread an amount;
- an example the table does not pass.

Every problem is listed, not just the first, so that `dues check` can show
them all at once.
*/

pub mod error;
pub mod interval;
mod names;
mod schema;
mod validate;

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::format_amount;
use crate::text::{Lang, Text, fold};
pub use error::{
    BoundKey, ExampleOutcome, MarkerFault, Problem, ProblemKind, Syntax, TableError, TomlProblem,
};
pub use interval::{Edge, Interval};

/// The largest amount a table may hold (10¹⁵ €, a million times the largest
/// budget of any French authority): every sum and comparison on budgets
/// then stays exact, far from what a decimal holds (7,9 × 10²⁸).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// The largest fee a tier may have (10⁹ €): a batch's total of up to 2⁶⁴
/// rows at that fee still fits a decimal.
pub const MAX_FEE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// A validated tier table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Where the table came from: a path, or how the binary names its own.
    pub origin: String,
    pub title: Text,
    pub year: u16,
    pub source: Text,
    pub currency: Currency,
    /// No member's budget is below this: a list whose budgets mostly are was
    /// probably written in thousands or millions (`None`: no such check).
    #[serde(with = "option_decimal_bytes")]
    pub budget_floor: Option<Decimal>,
    pub tiers: Vec<Tier>,
    pub kinds: Vec<Kind>,
    pub benefits_intro: Text,
    pub benefits: Vec<Text>,
    /// Who issues the proposals (`dues quote --format letter`), if the
    /// table says.
    pub issuer: Option<Issuer>,
    pub examples: Vec<Example>,
    names: HashMap<String, usize>,
}

/// Who issues the proposals sent to prospects: printed at the head and
/// foot of a letter. At least one way to reach them is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: String,
    /// The postal address, a line each, as printed under the name.
    #[serde(default)]
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// Who signs, e.g. « L'équipe de La 27e Région ».
    pub signature: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: String,
    /// Printed with amounts, e.g. `€`.
    pub symbol: String,
    /// Markers a user may type before or after an amount.
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Indices into [`Table::kinds`].
    pub kinds: Vec<usize>,
    /// If set, the rule applies only to organisations whose answer to the
    /// network-strategy question is this value.
    pub network_strategy: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    pub id: String,
    pub label: Text,
    pub aliases: Vec<String>,
    /// No organisation of this kind has a smaller budget: a plain number
    /// below it was probably meant in thousands or millions (the kind's own,
    /// else the table's; `None`: no such check).
    #[serde(with = "option_decimal_bytes")]
    pub budget_floor: Option<Decimal>,
}

/// A test vector of the table, run by `dues check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    Error(ErrorCode),
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

/// An optional decimal in the encoded built-in table.
mod option_decimal_bytes {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        d.map(|d| d.serialize()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<[u8; 16]>::deserialize(d)?.map(Decimal::deserialize))
    }
}

/// The stable codes of the errors a quote can end in: what scripts read,
/// and what an example may expect, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    InvalidBudget,
    UnknownKind,
    InvalidNetworkStrategy,
    NetworkStrategyRequired,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 4] = [
        ErrorCode::InvalidBudget,
        ErrorCode::UnknownKind,
        ErrorCode::InvalidNetworkStrategy,
        ErrorCode::NetworkStrategyRequired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidBudget => "invalid_budget",
            ErrorCode::UnknownKind => "unknown_kind",
            ErrorCode::InvalidNetworkStrategy => "invalid_network_strategy",
            ErrorCode::NetworkStrategyRequired => "network_strategy_required",
        }
    }

    pub fn from_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

impl Table {
    /// Decodes a table [`Table::encode`] wrote: the built-in one, parsed and
    /// validated when `dues` was built, so that a run only decodes it.
    pub fn decode(bytes: &[u8], origin: &str) -> Result<Table, TableError> {
        postcard::from_bytes(bytes).map_err(|_| TableError::Invalid {
            origin: origin.to_string(),
            symbol: String::new(),
            problems: vec![Problem {
                line: None,
                kind: ProblemKind::BuiltInUndecodable,
            }],
        })
    }

    /// The table in a form [`Table::decode`] reads.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a table always encodes")
    }

    /// Parses and validates a table, without running its examples ([`crate::load`]
    /// does both).
    pub fn parse(text: &str, origin: &str) -> Result<Table, TableError> {
        let raw: schema::RawTable = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            TableError::Toml {
                origin: origin.to_string(),
                line: schema::line_of(text, at),
                column: schema::column_of(text, at),
                problem: schema::toml_problem(e.message().trim_end()),
            }
        })?;
        let mut problems = validate::Problems::default();
        let table = validate::build(raw, text, origin, &mut problems);
        let mut problems = problems.0;
        problems.sort_by_key(|p| p.line);
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(TableError::Invalid {
                origin: origin.to_string(),
                symbol: table.currency.symbol,
                problems,
            })
        }
    }

    /// The kind a user's word names, compared after [`fold`]; a plural
    /// (`Communes`, `Conseils départementaux`) names its singular's kind.
    /// Unknown, it comes with the closest names the table knows.
    pub fn kind(&self, name: &str) -> Result<usize, UnknownKind> {
        let folded = fold(name);
        if let Some(&kind) = self.names.get(&folded) {
            return Ok(kind);
        }
        names::singular_forms(&folded)
            .iter()
            .find_map(|form| self.names.get(form).copied())
            .ok_or_else(|| UnknownKind {
                value: name.to_string(),
                suggestions: names::suggestions(&self.kinds, name),
            })
    }

    /// Formats an amount in this table's currency.
    pub fn money(&self, amount: Decimal, lang: Lang) -> String {
        format_amount(amount, lang, &self.currency.symbol)
    }
}

/// A kind of organisation that the table does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown_kind: `{value}`")]
pub struct UnknownKind {
    pub value: String,
    /// The closest names the table knows, closest first (at most three).
    pub suggestions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::error::IssuerField;
    use super::*;
    use crate::leaflet;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The problems of a table that must be refused.
    fn problems(text: &str) -> Vec<(Option<usize>, ProblemKind)> {
        let found = problems_or_none(text);
        assert!(!found.is_empty(), "accepted");
        found
    }

    fn toml_problem(text: &str) -> (usize, usize, TomlProblem) {
        match Table::parse(text, "t") {
            Err(TableError::Toml {
                line,
                column,
                problem,
                ..
            }) => (line, column, problem),
            other => panic!("{other:?}"),
        }
    }

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/../../tests/data/tables/{name}.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).unwrap()
    }

    fn source() -> String {
        crate::LEAFLET_SOURCE.to_string()
    }

    #[test]
    fn the_built_in_table_is_the_leaflet() {
        let t = leaflet();
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
        let bounds: Vec<_> = t
            .tiers
            .iter()
            .filter_map(|t| t.budget.map(|b| (b.first, b.last)))
            .collect();
        let m = |s: &str| Edge::at(d(s));
        assert_eq!(
            bounds,
            [
                (m("0"), Some(m("1500000").prev())),
                (m("1500000"), Some(m("10000000"))),
                (m("10000000").next(), None),
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
    fn encoding_and_decoding_gives_the_same_table() {
        let t = leaflet();
        assert_eq!(Table::decode(&t.encode(), "x").unwrap(), t);
        assert!(matches!(
            Table::decode(b"garbage", "x"),
            Err(TableError::Invalid { .. })
        ));
    }

    #[test]
    fn a_gap_is_named_with_its_interval() {
        assert_eq!(
            problems(&fixture("gap")),
            [(
                Some(48),
                ProblemKind::Gap {
                    below: "small".into(),
                    above: "medium".into(),
                    first: Edge::at(d("1500000")),
                    last: Edge::at(d("1600000")).prev(),
                }
            )]
        );
    }

    #[test]
    fn an_overlap_is_named_with_its_interval() {
        assert_eq!(
            problems(&fixture("overlap")),
            [(
                Some(56),
                ProblemKind::Overlap {
                    below: "medium".into(),
                    above: "large".into(),
                    first: Edge::at(d("10000000")),
                    last: Edge::at(d("10000000")),
                }
            )]
        );
    }

    #[test]
    fn toml_problems_are_typed_with_line_and_column() {
        assert_eq!(
            toml_problem(&fixture("float-money")),
            (45, 34, TomlProblem::FloatMoney("1500000.0".into()))
        );
        assert_eq!(
            toml_problem(&fixture("unknown-key")),
            (
                54,
                42,
                TomlProblem::UnknownKey {
                    key: "ammount".into(),
                    expected: vec!["amount".into(), "basis".into(), "note".into()]
                }
            )
        );
        let (line, column, problem) = toml_problem(&fixture("broken"));
        assert_eq!((line, column), (49, 13));
        assert_eq!(problem, TomlProblem::Syntax(Syntax::String));
        let text = source().replace("year = 2022", "year = 99999");
        assert_eq!(
            toml_problem(&text).2,
            TomlProblem::OutOfRange("99999".into())
        );
        let text = source().replace("basis = \"fixed\"", "basis = \"fix\"");
        assert_eq!(
            toml_problem(&text).2,
            TomlProblem::UnknownVariant {
                found: "fix".into(),
                expected: vec!["fixed".into(), "minimum".into()]
            }
        );
        let text = source().replace("amount = 1_000,", "amount = true,");
        assert_eq!(
            toml_problem(&text).2,
            TomlProblem::WrongType(Some("true".into()))
        );
        let text = source().replace("amount = 1_000,", "amount = -1_000,");
        assert_eq!(toml_problem(&text).2, TomlProblem::NegativeMoney(-1000));
        let text = source().replace("amount = 1_000,", "amount = \"1 000\",");
        assert_eq!(toml_problem(&text).2, TomlProblem::NotMoney("1 000".into()));
        let text = source().replace("amount = 1_000,", "amount = \"1000000000000000.01\",");
        assert_eq!(
            toml_problem(&text).2,
            TomlProblem::MoneyTooLarge(d("1000000000000000.01"))
        );
        let text = source().replace("year = 2022", "");
        assert_eq!(
            toml_problem(&text).2,
            TomlProblem::MissingKey("year".into())
        );
    }

    #[test]
    fn duplicate_ids_and_clashing_names_are_refused() {
        assert!(
            problems(&fixture("duplicate-id"))
                .contains(&(Some(56), ProblemKind::DuplicateTierId("medium".into())))
        );
        assert_eq!(
            problems(&fixture("alias-clash")),
            [(
                Some(139),
                ProblemKind::KindNameClash {
                    first: "epci".into(),
                    second: "public".into(),
                    name: "Communauté urbaine".into()
                }
            )]
        );
    }

    #[test]
    fn rules_must_name_existing_kinds_and_fees_must_be_positive() {
        let found = problems(&fixture("unknown-rule-kind"));
        assert!(matches!(
            &found[0],
            (Some(63), ProblemKind::RuleUnknownKind { tier, kind, .. })
                if tier == "network" && kind == "metropol"
        ));
        assert!(problems(&fixture("zero-fee")).contains(&(
            Some(41),
            ProblemKind::FeeNotPositive {
                tier: "small".into(),
                fee: Decimal::ZERO
            }
        )));
    }

    #[test]
    fn every_problem_is_listed_in_line_order() {
        let found = problems(&fixture("many-problems"));
        let lines: Vec<_> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [Some(48), Some(48), Some(56), Some(121)]);
        assert!(matches!(found[0].1, ProblemKind::Gap { .. }));
        assert!(matches!(found[1].1, ProblemKind::NoCeiling { .. }));
        assert!(matches!(found[2].1, ProblemKind::EmptyBudget { .. }));
        assert_eq!(found[3].1, ProblemKind::DuplicateKindId("commune".into()));
    }

    #[test]
    fn money_finer_than_a_cent_or_past_the_bounds_is_refused() {
        let text = source().replace("amount = 1_000,", "amount = \"1000.001\",");
        assert!(problems(&text).contains(&(
            Some(49),
            ProblemKind::SubCent {
                tier: "small".into(),
                key: None,
                amount: d("1000.001")
            }
        )));
        let text = source().replace("amount = 1_000,", "amount = 1_000_000_001,");
        assert!(problems(&text).contains(&(
            Some(49),
            ProblemKind::FeeTooLarge {
                tier: "small".into(),
                fee: d("1000000001"),
                max: MAX_FEE
            }
        )));
    }

    #[test]
    fn a_table_must_start_at_zero_and_have_no_ceiling() {
        let text = source().replace("at_least = 0, below", "at_least = 100, below");
        assert!(problems(&text).contains(&(
            Some(49),
            ProblemKind::NotFromZero {
                tier: "small".into(),
                last: Edge::at(d("100")).prev()
            }
        )));
        let text = source().replace(
            "budget = { above = 10_000_000 }",
            "budget = { above = 10_000_000, at_most = 20_000_000 }",
        );
        assert!(problems(&text).contains(&(
            Some(64),
            ProblemKind::NoCeiling {
                tier: "large".into(),
                first: Edge::at(d("20000000")).next()
            }
        )));
    }

    #[test]
    fn gaps_and_overlaps_are_judged_at_the_cent() {
        let text = source().replace(
            "at_least = 0, below = 1_500_000",
            "at_least = 0, at_most = \"1499999.99\"",
        );
        assert!(
            Table::parse(&text, "t").is_ok(),
            "no cent lies between 1 499 999,99 and 1 500 000"
        );
        let text = source().replace(
            "budget = { above = 10_000_000 }",
            "budget = { above = 10_000_000, below = \"10000000.01\" }",
        );
        assert!(problems(&text).contains(&(
            Some(64),
            ProblemKind::EmptyBudget {
                tier: "large".into()
            }
        )));
        let text = source().replace(
            "at_least = 0, below = 1_500_000",
            "at_least = 0, at_most = \"1499999.98\"",
        );
        assert!(problems(&text).iter().any(|(_, p)| matches!(
            p,
            ProblemKind::Gap { first, last, .. }
                if *first == Edge::at(d("1499999.98")).next() && *last == Edge::at(d("1500000")).prev()
        )));
    }

    #[test]
    fn markers_no_kind_and_empty_ids_are_refused() {
        let text = source().replace(
            "\"euros\"]",
            "\"euros\", \"M€\", \"-\", \"\", \"€1\", \"e.\"]",
        );
        let faults: Vec<_> = problems(&text)
            .into_iter()
            .filter_map(|(_, p)| match p {
                ProblemKind::MarkerRefused { fault, .. } => Some(fault),
                _ => None,
            })
            .collect();
        use MarkerFault::*;
        assert_eq!(faults, [Multiplier, Sign, Empty, Digit, Separator]);
        let text = source().replace("id = \"small\"", "id = \" \"");
        assert!(problems(&text).contains(&(Some(49), ProblemKind::EmptyTierId)));
    }

    /// The leaflet's table with its `[issuer]` section replaced by `issuer`.
    fn with_issuer(issuer: &str) -> String {
        let source = source();
        let start = source.find("[issuer]").unwrap();
        let end = source.find("# ─── Examples").unwrap();
        format!("{}[issuer]\n{issuer}\n{}", &source[..start], &source[end..])
    }

    #[test]
    fn an_issuer_is_named_and_reachable_by_what_looks_like_an_address() {
        let accepted = [
            "name = \"A\"\nemail = \"contact@la27eregion.fr\"",
            "name = \"A\"\nphone = \"+33 (0)1 23 45 67 89\"",
            "name = \"A\"\nphone = \"01.23.45.67.89\"",
            "name = \"A\"\nwebsite = \"http://la27eregion.fr\"",
            "name = \"A\"\naddress = [\"1 rue X\", \"75000 Paris\"]\nwebsite = \"https://a.fr\"",
        ];
        for issuer in accepted {
            assert!(Table::parse(&with_issuer(issuer), "t").is_ok(), "{issuer}");
        }
        let invalid = |field: IssuerField, value: &str| ProblemKind::IssuerInvalid {
            field,
            value: value.to_string(),
        };
        let refused = [
            (
                "email = \"contact\"",
                invalid(IssuerField::Email, "contact"),
            ),
            (
                "email = \"@la27eregion.fr\"",
                invalid(IssuerField::Email, "@la27eregion.fr"),
            ),
            ("email = \"a@fr\"", invalid(IssuerField::Email, "a@fr")),
            ("email = \"a@.fr\"", invalid(IssuerField::Email, "a@.fr")),
            (
                "email = \"a@b.fr.\"",
                invalid(IssuerField::Email, "a@b.fr."),
            ),
            (
                "email = \"a b@c.fr\"",
                invalid(IssuerField::Email, "a b@c.fr"),
            ),
            (
                "email = \"a@b@c.fr\"",
                invalid(IssuerField::Email, "a@b@c.fr"),
            ),
            ("phone = \"12345\"", invalid(IssuerField::Phone, "12345")),
            (
                "phone = \"01 23 45 67 8x\"",
                invalid(IssuerField::Phone, "01 23 45 67 8x"),
            ),
            (
                "phone = \"++33 1 23 45 67\"",
                invalid(IssuerField::Phone, "++33 1 23 45 67"),
            ),
            (
                "website = \"la27eregion.fr\"",
                invalid(IssuerField::Website, "la27eregion.fr"),
            ),
            (
                "website = \"https://localhost\"",
                invalid(IssuerField::Website, "https://localhost"),
            ),
            (
                "website = \"https://a b.fr\"",
                invalid(IssuerField::Website, "https://a b.fr"),
            ),
        ];
        for (field, problem) in refused {
            let issuer = format!("name = \"A\"\n{field}");
            let found: Vec<ProblemKind> = problems(&with_issuer(&issuer))
                .into_iter()
                .map(|(_, kind)| kind)
                .collect();
            assert_eq!(found, [problem], "{field}");
        }
    }

    #[test]
    fn an_issuer_has_a_name_and_no_blank_line() {
        let found = problems(&with_issuer(
            "name = \" \"\naddress = [\"\"]\nsignature = { fr = \"\", en = \"x\" }",
        ));
        let kinds: Vec<ProblemKind> = found.into_iter().map(|(_, kind)| kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::IssuerEmpty(IssuerField::Name),
                ProblemKind::IssuerEmpty(IssuerField::Address),
                ProblemKind::IssuerEmpty(IssuerField::Signature),
                ProblemKind::IssuerUnreachable,
            ]
        );
        assert_eq!(IssuerField::Email.key(), "email");
        assert_eq!(IssuerField::Signature.key(), "signature");
    }

    #[test]
    fn an_overlap_inside_a_tier_is_named_by_its_own_bounds() {
        // `medium` shrunk inside `small`: the overlap is all of medium.
        let text = source()
            .replace(
                "at_least = 0, below = 1_500_000",
                "at_least = 0, at_most = 20_000_000",
            )
            .replace(
                "at_least = 1_500_000, at_most = 10_000_000",
                "at_least = 2_000_000, at_most = 5_000_000",
            );
        let overlaps: Vec<(Edge, Edge)> = problems(&text)
            .into_iter()
            .filter_map(|(_, p)| match p {
                ProblemKind::Overlap { first, last, .. } => Some((first, last)),
                _ => None,
            })
            .collect();
        assert_eq!(
            overlaps[0],
            (Edge::at(d("2000000")), Edge::at(d("5000000")))
        );
    }

    #[test]
    fn two_rules_may_not_claim_one_organisation() {
        let second = |rule: &str, budget: &str| {
            format!(
                "[[tier]]\nid = \"pilot\"\nlabel = {{ fr = \"P\", en = \"P\" }}\n\
                 leaflet = {{ fr = \"P\", en = \"P\" }}\nrule = {rule}\n{budget}\
                 fee = {{ amount = 9_000, basis = \"fixed\" }}\n\n"
            )
        };
        let with = |tier: String| source().replacen("[[tier]]", &format!("{tier}[[tier]]"), 1);
        let clash = |text: &str| {
            Table::parse(text, "t").err().is_some_and(|e| match e {
                TableError::Invalid { problems, .. } => problems.iter().any(
                    |p| matches!(&p.kind, ProblemKind::RulesClash { kind, .. } if kind == "region"),
                ),
                _ => false,
            })
        };
        let yes = "{ kinds = [\"region\"], network_strategy = true }";
        let no = "{ kinds = [\"region\"], network_strategy = false }";
        let any = "{ kinds = [\"region\"] }";
        let other = "{ kinds = [\"commune\"] }";
        assert!(clash(&with(second(yes, ""))), "the same kind and answer");
        assert!(clash(&with(second(any, ""))), "any answer meets yes");
        assert!(!clash(&with(second(no, ""))), "the other answer");
        assert!(!clash(&with(second(other, ""))), "another kind");
        // Both with budgets: a clash only where they meet.
        let bounded = |tier: String| {
            with(tier).replace(
                "network_strategy = true }\nfee = { amount = 8_000",
                "network_strategy = true }\nbudget = { at_least = 500_000_000 }\nfee = { amount = 8_000",
            )
        };
        let below = "budget = { at_least = 0, below = 500_000_000 }\n";
        let up_to = "budget = { at_least = 0, at_most = 500_000_000 }\n";
        assert!(!clash(&bounded(second(yes, below))), "no budget both hold");
        assert!(clash(&bounded(second(yes, up_to))), "500 M€ both hold");
    }

    #[test]
    fn examples_are_kept_and_must_name_a_tier_of_the_table() {
        let t = leaflet();
        assert_eq!(t.examples.len(), 11);
        assert!(t.examples.iter().all(|e| e.line > 0));
        let text = source().replacen("tier = \"small\"", "tier = \"tiny\"", 1);
        assert!(
            problems(&text)
                .iter()
                .any(|(_, p)| *p == ProblemKind::ExampleUnknownTier("tiny".into()))
        );
    }

    #[test]
    fn a_fee_up_to_the_maximum_is_accepted() {
        let text = source().replace("amount = 5_000", "amount = 1_000_000_000");
        assert!(
            problems_or_none(&text)
                .iter()
                .all(|(_, p)| !matches!(p, ProblemKind::FeeTooLarge { .. }))
        );
        let text = source().replace("amount = 5_000", "amount = 1_000_000_001");
        assert!(
            problems(&text)
                .iter()
                .any(|(_, p)| matches!(p, ProblemKind::FeeTooLarge { .. }))
        );
    }

    /// The problems of a table, none if it is accepted.
    fn problems_or_none(text: &str) -> Vec<(Option<usize>, ProblemKind)> {
        match Table::parse(text, "t") {
            Ok(_) => Vec::new(),
            Err(TableError::Invalid { problems, .. }) => {
                problems.into_iter().map(|p| (p.line, p.kind)).collect()
            }
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn money_is_digits_with_one_point_up_to_the_largest_amount() {
        let amount = |value: &str| {
            let text = source().replace("amount = 1_000,", &format!("amount = {value},"));
            match Table::parse(&text, "t") {
                Err(TableError::Toml { problem, .. }) => Err(problem),
                _ => Ok(()),
            }
        };
        for bad in [
            "\"1.\"",
            "\".5\"",
            "\"1.5.0\"",
            "\"\"",
            "\"1,5\"",
            "\"-5\"",
            "\"+5\"",
        ] {
            let value = bad.trim_matches('"').to_string();
            assert_eq!(amount(bad), Err(TomlProblem::NotMoney(value)), "{bad}");
        }
        // 10^15 is the largest amount a table holds (as a budget bound; a
        // fee stops well before).
        let bound = |value: &str| {
            let text = source().replace(
                "budget = { above = 10_000_000 }",
                &format!("budget = {{ above = {value} }}"),
            );
            match Table::parse(&text, "t") {
                Err(TableError::Toml { problem, .. }) => Some(problem),
                _ => None,
            }
        };
        assert_eq!(bound("1_000_000_000_000_000"), None);
        assert_eq!(bound("\"1000000000000000\""), None);
        assert_eq!(
            bound("1_000_000_000_000_001"),
            Some(TomlProblem::MoneyTooLarge(d("1000000000000001")))
        );
    }
}
