//! What a batch did, counted as it goes: rows per tier and per kind, blank,
//! undecided and error rows (errors grouped by reason), the warnings, and
//! the expected dues income of the list — an exact amount, or a range when
//! some rows are undecided or a fee is a minimum.

use dues_core::table::{Basis, Table};
use rust_decimal::Decimal;

use super::{BatchWarning, RowError};

/// The dues of a list: from `min` to `max`; `max` `None`: no upper end (a
/// minimum fee is involved, to be negotiated upwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    pub min: Decimal,
    pub max: Option<Decimal>,
}

/// Error rows of one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorGroup {
    /// The stable code of the reason.
    pub code: &'static str,
    pub count: u64,
    /// The first lines (at most [`Summary::LINES_KEPT`]).
    pub lines: Vec<u64>,
}

/// Rows whose answer to the strategy question would change the fee, and was
/// not given: `count` rows that would be `yes` or `no` tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecided {
    pub yes: usize,
    pub no: usize,
    pub count: u64,
}

/// What a batch did, for the closing line, `--summary` and `--summary-json`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: u64,
    /// Priced rows per tier, in table order.
    pub per_tier: Vec<u64>,
    /// Priced rows per kind, in table order.
    pub per_kind: Vec<u64>,
    /// Priced rows per kind and tier: kind by kind, each tier in table order.
    per_kind_tier: Vec<u64>,
    /// Each tier's fee, and whether it is a minimum.
    fees: Vec<(Decimal, bool)>,
    /// Records with every field empty: neither priced nor in error.
    pub blank: u64,
    /// Rows in error, the undecided ones aside.
    pub errors: u64,
    pub undecided: Vec<Undecided>,
    /// The first undecided lines (at most [`Summary::LINES_KEPT`]).
    pub undecided_lines: Vec<u64>,
    /// The rows in error, undecided ones aside, by reason.
    pub errors_by_code: Vec<ErrorGroup>,
    /// The first lines in error or undecided (at most [`Summary::LINES_KEPT`]).
    pub error_lines: Vec<u64>,
    pub warnings: Vec<BatchWarning>,
    /// The answer `--network-strategy` gave for rows without their own.
    pub network_strategy: Option<bool>,
    /// The workbook's sheet priced, for a workbook.
    pub sheet: Option<String>,
    /// `--strict` stopped at this line: the figures are those of the rows
    /// read until it, and none was written.
    pub stopped_at: Option<u64>,
}

impl Summary {
    pub const LINES_KEPT: usize = 10;

    pub fn new(table: &Table) -> Summary {
        Summary {
            per_tier: vec![0; table.tiers.len()],
            per_kind: vec![0; table.kinds.len()],
            per_kind_tier: vec![0; table.kinds.len() * table.tiers.len()],
            fees: table
                .tiers
                .iter()
                .map(|t| (t.fee.amount, t.fee.basis == Basis::Minimum))
                .collect(),
            ..Summary::default()
        }
    }

    pub fn priced(&self) -> u64 {
        self.per_tier.iter().sum()
    }

    pub fn undecided_rows(&self) -> u64 {
        self.undecided.iter().map(|u| u.count).sum()
    }

    /// Rows at a minimum fee (to be negotiated).
    pub fn at_minimum(&self, table: &Table) -> u64 {
        table
            .tiers
            .iter()
            .zip(&self.per_tier)
            .filter(|(t, _)| t.fee.basis == Basis::Minimum)
            .map(|(_, n)| n)
            .sum()
    }

    pub(super) fn priced_row(&mut self, tier: usize, kind: usize) {
        self.per_tier[tier] += 1;
        self.per_kind[kind] += 1;
        self.per_kind_tier[kind * self.fees.len() + tier] += 1;
    }

    /// Adds the rows priced or blank that `part` counted (it has no row in
    /// error), of the same table.
    pub(super) fn absorb(&mut self, part: &Summary) {
        debug_assert!(part.errors == 0 && part.undecided.is_empty() && part.error_lines.is_empty());
        self.rows += part.rows;
        self.blank += part.blank;
        let add =
            |to: &mut Vec<u64>, from: &[u64]| to.iter_mut().zip(from).for_each(|(t, f)| *t += f);
        add(&mut self.per_tier, &part.per_tier);
        add(&mut self.per_kind, &part.per_kind);
        add(&mut self.per_kind_tier, &part.per_kind_tier);
    }

    pub(super) fn error_row(&mut self, error: &RowError, undecided: Option<(usize, usize)>) {
        if self.error_lines.len() < Self::LINES_KEPT {
            self.error_lines.push(error.line);
        }
        if let Some((yes, no)) = undecided {
            match self
                .undecided
                .iter_mut()
                .find(|u| (u.yes, u.no) == (yes, no))
            {
                Some(u) => u.count += 1,
                None => self.undecided.push(Undecided { yes, no, count: 1 }),
            }
            if self.undecided_lines.len() < Self::LINES_KEPT {
                self.undecided_lines.push(error.line);
            }
            return;
        }
        self.errors += 1;
        let code = error.code();
        let group = match self.errors_by_code.iter().position(|g| g.code == code) {
            Some(i) => &mut self.errors_by_code[i],
            None => {
                self.errors_by_code.push(ErrorGroup {
                    code,
                    count: 0,
                    lines: Vec::new(),
                });
                let last = self.errors_by_code.len() - 1;
                &mut self.errors_by_code[last]
            }
        };
        group.count += 1;
        if group.lines.len() < Self::LINES_KEPT {
            group.lines.push(error.line);
        }
    }

    /// The dues of the rows priced at `tier`: exact, or open above for a
    /// minimum fee.
    pub fn tier_dues(&self, table: &Table, tier: usize) -> Option<Total> {
        let fee = &table.tiers[tier].fee;
        let rows = self.per_tier[tier];
        let amount = fee.amount.checked_mul(Decimal::from(rows))?;
        let open = fee.basis == Basis::Minimum && rows > 0;
        Some(Total {
            min: amount,
            max: (!open).then_some(amount),
        })
    }

    /// The dues of the rows priced of `kind`: open above if some are at a
    /// minimum fee.
    pub fn kind_dues(&self, kind: usize) -> Total {
        // Bounded fees (≤ 10⁹) over at most 2⁶⁴ rows cannot overflow:
        // saturate rather than panic all the same.
        let amount = self
            .kind_tiers(kind)
            .try_fold(Decimal::ZERO, |sum, (n, &(fee, _))| {
                sum.checked_add(fee.checked_mul(Decimal::from(n))?)
            })
            .unwrap_or(Decimal::MAX);
        let open = self.kind_at_minimum(kind) > 0;
        Total {
            min: amount,
            max: (!open).then_some(amount),
        }
    }

    /// The rows priced of `kind` at a minimum fee (their dues are a floor).
    pub fn kind_at_minimum(&self, kind: usize) -> u64 {
        self.kind_tiers(kind)
            .filter(|&(_, &(_, minimum))| minimum)
            .map(|(rows, _)| rows)
            .sum()
    }

    /// The rows priced of `kind` at each tier, and the tier's fee.
    fn kind_tiers(&self, kind: usize) -> impl Iterator<Item = (u64, &(Decimal, bool))> {
        let tiers = self.fees.len();
        let rows = &self.per_kind_tier[kind * tiers..(kind + 1) * tiers];
        rows.iter().copied().zip(&self.fees)
    }

    /// The dues of the undecided rows alone: each at its smaller outcome, up
    /// to its larger (open where a minimum fee is one of them).
    pub fn undecided_dues(&self, table: &Table) -> Option<Total> {
        let only = Summary {
            undecided: self.undecided.clone(),
            ..Summary::default()
        };
        only.total(table)
    }

    /// The dues of the list: priced rows at their fee (minimum fees at their
    /// minimum), undecided rows from their smaller outcome to their larger;
    /// no upper end where a minimum fee is involved. `None` past what a
    /// decimal holds (out of reach: fees are at most 10⁹ €).
    pub fn total(&self, table: &Table) -> Option<Total> {
        let mut min = Decimal::ZERO;
        let mut max = Some(Decimal::ZERO);
        for (tier, &n) in table.tiers.iter().zip(&self.per_tier) {
            let dues = tier.fee.amount.checked_mul(Decimal::from(n))?;
            min = min.checked_add(dues)?;
            max = match tier.fee.basis {
                Basis::Minimum if n > 0 => None,
                _ => max.and_then(|m| m.checked_add(dues)),
            };
        }
        for u in &self.undecided {
            let (yes, no) = (&table.tiers[u.yes].fee, &table.tiers[u.no].fee);
            let n = Decimal::from(u.count);
            min = min.checked_add(yes.amount.min(no.amount).checked_mul(n)?)?;
            let open = yes.basis == Basis::Minimum || no.basis == Basis::Minimum;
            max = match max {
                Some(m) if !open => Some(m.checked_add(yes.amount.max(no.amount).checked_mul(n)?)?),
                _ => None,
            };
        }
        Some(Total { min, max })
    }
}
