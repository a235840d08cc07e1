/*!
Budget intervals: the bounds of a tier, compared at the cent.

A bound is a point on the budget line, or just before or after it ([`Edge`]):
`below X` ends at `X⁻`, `at_most X` at `X`, `above X` starts at `X⁺`. Ordering
these makes gaps, overlaps and empty intervals plain comparisons, and since
no budget lies between two cents, they are judged on whole cents.
*/

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::decimal_bytes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Edge {
    #[serde(with = "decimal_bytes")]
    pub amount: Decimal,
    /// -1: just before `amount`; 0: `amount` itself; 1: just after.
    pub side: i8,
}

pub(crate) const CENT: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// An amount in whole cents, if it is one.
pub(crate) fn cents(amount: Decimal) -> Option<i128> {
    let scale = amount.scale();
    (scale <= 2).then(|| amount.mantissa() * [100, 10, 1][scale as usize])
}

impl Edge {
    /// The nearest whole cent on the edge's side: `above X` starts at X + 0,01,
    /// `below X` ends at X − 0,01.
    pub fn cent(self) -> Decimal {
        match self.side {
            1 => self.amount + CENT,
            -1 => self.amount - CENT,
            _ => self.amount,
        }
    }

    pub fn at(amount: Decimal) -> Edge {
        Edge { amount, side: 0 }
    }

    /// Just after this edge.
    pub fn next(self) -> Edge {
        Edge {
            side: self.side + 1,
            ..self
        }
    }

    /// Just before this edge.
    pub fn prev(self) -> Edge {
        Edge {
            side: self.side - 1,
            ..self
        }
    }

    /// Zero itself, where every table starts.
    pub fn is_zero(self) -> bool {
        self == Edge::at(Decimal::ZERO)
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

    /// The budgets it covers as whole cents, `first` to `last` included
    /// (`None`: no upper limit), when its bounds are whole cents.
    pub(crate) fn cent_range(&self) -> Option<(i128, Option<i128>)> {
        self.cents
    }

    pub fn contains(&self, budget: Decimal) -> bool {
        if let (Some((low, high)), Some(b)) = (self.cents, cents(budget)) {
            return low <= b && high.is_none_or(|h| b <= h);
        }
        let p = Edge::at(budget);
        self.first <= p && self.last.is_none_or(|last| p <= last)
    }

    /// No whole-cent budget in it (budgets are amounts of cents).
    pub fn is_empty(&self) -> bool {
        self.last
            .is_some_and(|last| self.first.cent() > last.cent())
    }

    /// Do the two share a budget?
    pub fn meets(&self, other: &Interval) -> bool {
        self.last.is_none_or(|l| other.first <= l) && other.last.is_none_or(|l| self.first <= l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// `at_least 1 500 000, at_most 10 000 000`, and `above 10 000 000`.
    fn medium() -> Interval {
        Interval::new(Edge::at(d("1500000")), Some(Edge::at(d("10000000"))))
    }

    fn large() -> Interval {
        Interval::new(Edge::at(d("10000000")).next(), None)
    }

    #[test]
    fn an_interval_holds_its_bounds_to_the_cent_and_nothing_past_them() {
        let (m, l) = (medium(), large());
        for (budget, in_medium, in_large) in [
            ("1499999.99", false, false),
            ("1500000", true, false),
            ("1500000.00", true, false),
            ("10000000", true, false),
            ("10000000.01", false, true),
            ("99999999999", false, true),
            // Finer than a cent (never a budget, but never a crash): judged
            // on the bounds themselves.
            ("1499999.995", false, false),
            ("10000000.005", false, true),
        ] {
            assert_eq!(m.contains(d(budget)), in_medium, "{budget} in medium");
            assert_eq!(l.contains(d(budget)), in_large, "{budget} in large");
        }
    }

    #[test]
    fn empty_and_meeting_intervals_are_judged_at_the_cent() {
        let at = |s: &str| Edge::at(d(s));
        // `above 5, below 5,02` holds 5,01; `above 5, below 5,01` nothing.
        assert!(!Interval::new(at("5").next(), Some(at("5.02").prev())).is_empty());
        assert!(Interval::new(at("5").next(), Some(at("5.01").prev())).is_empty());
        assert!(!Interval::new(at("5"), Some(at("5"))).is_empty());
        assert!(!large().is_empty());
        // Medium and large share no budget; medium and `at_least 10 000 000` do.
        assert!(!medium().meets(&large()));
        assert!(!large().meets(&medium()));
        let from_ten = Interval::new(at("10000000"), None);
        assert!(medium().meets(&from_ten));
        assert!(from_ten.meets(&medium()));
        assert!(large().meets(&from_ten));
        let small = Interval::new(at("0"), Some(at("1500000").prev()));
        assert!(!small.meets(&medium()) && !medium().meets(&small));
        assert!(at("0").is_zero() && !at("0").next().is_zero() && !at("1").is_zero());
    }
}
