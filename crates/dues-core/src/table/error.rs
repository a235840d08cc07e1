/*!
What can be wrong with a table, as typed values: the text layer of the binary
words them, in the user's language. Every problem carries its line and what
it is about (tier, kind, amount, interval), never a sentence.
*/

use rust_decimal::Decimal;

use super::interval::Edge;

/// A table that cannot be used, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// The file is not a table's TOML: where, and why.
    #[error("{origin}:{line}:{column}: {problem:?}")]
    Toml {
        origin: String,
        line: usize,
        column: usize,
        problem: TomlProblem,
    },
    /// The TOML is well formed, but the table is not coherent.
    #[error("{origin}: {} problem(s)", problems.len())]
    Invalid {
        origin: String,
        /// The table's currency symbol, to show the amounts of problems.
        symbol: String,
        problems: Vec<Problem>,
    },
}

/// What is malformed in TOML that does not parse, as the parser says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    String,
    Key,
    Table,
    InlineTable,
    Array,
    Number,
    Date,
    Boolean,
    Comment,
    Comma,
    Assignment,
    Value,
    /// Nested deeper than the parser goes.
    TooDeep,
    Other,
}

/// Why a text is not a table's TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    /// Not TOML: what is malformed, at the error's line and column.
    Syntax(Syntax),
    /// A key the schema does not have (a typo): the keys it has there.
    UnknownKey {
        key: String,
        expected: Vec<String>,
    },
    MissingKey(String),
    /// A value of the wrong type: the value found, when the parser says it.
    WrongType(Option<String>),
    /// A number out of the range its key allows (a year of 99999).
    OutOfRange(String),
    /// A word that is not one of those allowed (`basis = "fix"`).
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    /// Money written as a TOML float, which cannot hold every cent.
    FloatMoney(String),
    NegativeMoney(i64),
    /// A string that is not a plain decimal.
    NotMoney(String),
    /// More than [`super::MAX_AMOUNT`].
    MoneyTooLarge(Decimal),
}

/// One thing wrong with a table, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub kind: ProblemKind,
}

/// Why a currency marker is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerFault {
    Empty,
    Digit,
    Sign,
    Separator,
    Multiplier,
}

/// A bound of a tier's budget, by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundKey {
    AtLeast,
    Above,
    Below,
    AtMost,
}

impl BoundKey {
    /// The key as the TOML writes it.
    pub fn key(self) -> &'static str {
        match self {
            BoundKey::AtLeast => "at_least",
            BoundKey::Above => "above",
            BoundKey::Below => "below",
            BoundKey::AtMost => "at_most",
        }
    }
}

/// What an example expects, or what it got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleOutcome {
    Quote { tier: String, fee: Decimal },
    Error(super::ErrorCode),
}

/// A field of `[issuer]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerField {
    Name,
    Address,
    Email,
    Phone,
    Website,
    Signature,
}

impl IssuerField {
    /// Its key in the table.
    pub fn key(self) -> &'static str {
        match self {
            IssuerField::Name => "name",
            IssuerField::Address => "address",
            IssuerField::Email => "email",
            IssuerField::Phone => "phone",
            IssuerField::Website => "website",
            IssuerField::Signature => "signature",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `[issuer]` has an empty name, or an empty address line.
    IssuerEmpty(IssuerField),
    /// An `[issuer]` field that cannot be what it says.
    IssuerInvalid {
        field: IssuerField,
        value: String,
    },
    /// `[issuer]` gives no way to reach it: no email, phone nor website.
    IssuerUnreachable,
    /// The symbol `dues` prints is not among the markers it reads back.
    SymbolNotAccepted {
        symbol: String,
    },
    MarkerRefused {
        marker: String,
        fault: MarkerFault,
    },
    NoKind,
    DuplicateKindId(String),
    EmptyKindName {
        kind: String,
    },
    KindNameClash {
        first: String,
        second: String,
        name: String,
    },
    EmptyTierId,
    DuplicateTierId(String),
    SubCent {
        tier: String,
        key: Option<BoundKey>,
        amount: Decimal,
    },
    BothLowerBounds {
        tier: String,
    },
    BothUpperBounds {
        tier: String,
    },
    NoLowerBound {
        tier: String,
    },
    EmptyBudget {
        tier: String,
    },
    FeeNotPositive {
        tier: String,
        fee: Decimal,
    },
    FeeTooLarge {
        tier: String,
        fee: Decimal,
        max: Decimal,
    },
    RuleNamesNoKind {
        tier: String,
    },
    RuleUnknownKind {
        tier: String,
        kind: String,
        known: Vec<String>,
    },
    NeitherBudgetNorRule {
        tier: String,
    },
    NoBudgetTier,
    /// No tier from 0 up to `last` (the lowest tier starts after it).
    NotFromZero {
        tier: String,
        last: Edge,
    },
    Gap {
        below: String,
        above: String,
        first: Edge,
        last: Edge,
    },
    Overlap {
        below: String,
        above: String,
        first: Edge,
        last: Edge,
    },
    /// The tier below has no upper bound, so it covers all of the one above.
    Unbounded {
        below: String,
        above: String,
        first: Edge,
        last: Option<Edge>,
    },
    /// Nothing covers budgets from `first` up (the highest tier stops before).
    NoCeiling {
        tier: String,
        first: Edge,
    },
    RulesClash {
        first: String,
        second: String,
        kind: String,
    },
    ExampleUnknownTier(String),
    ExampleUnknownError {
        error: String,
        known: Vec<String>,
    },
    ExampleShape,
    ExampleFails {
        budget: String,
        kind: String,
        strategy: Option<String>,
        expected: ExampleOutcome,
        got: ExampleOutcome,
    },
    /// The built-in table, as encoded at build time, cannot be decoded.
    BuiltInUndecodable,
}
