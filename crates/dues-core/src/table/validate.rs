/*!
From the TOML shape to a [`Table`], checking that the table is coherent, one
named step at a time. Each step adds what it finds to a list of problems, so
that `dues check` shows them all at once:

- [`currency`]: the markers a user may type beside an amount;
- [`kinds`]: ids and names unique once folded;
- [`tier`]: each tier's id, amounts, bounds, fee and rule;
- [`coverage`]: the budget tiers cover every budget from 0 up, once;
- [`rule_clashes`]: no two rule tiers claim the same organisation;
- [`examples`]: each example expects a tier the table has, or a known error.
*/

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::error::{BoundKey, IssuerField, MarkerFault, Problem, ProblemKind};
use super::interval::{CENT, Edge, Interval};
use super::schema::{Lines, RawBudget, RawExample, RawKind, RawTable, RawTier};
use super::{Currency, ErrorCode, Example, Expect, Fee, Issuer, Kind, MAX_FEE, Rule, Table, Tier};
use crate::money::{MULTIPLIERS, is_space};
use crate::text::fold;

/// The problems found so far, each with its line.
#[derive(Default)]
pub(super) struct Problems(pub Vec<Problem>);

impl Problems {
    fn add(&mut self, line: impl Into<Option<usize>>, kind: ProblemKind) {
        self.0.push(Problem {
            line: line.into(),
            kind,
        });
    }
}

/// Builds the table, listing in `problems` every way it is not coherent.
pub(super) fn build(raw: RawTable, text: &str, origin: &str, problems: &mut Problems) -> Table {
    let lines = Lines::new(text);
    let currency_line = lines.of(raw.table.currency.span().start);
    let currency = raw.table.currency.into_inner();
    check_currency(&currency, currency_line, problems);
    let floor = raw.table.budget_floor.map(|m| m.0);
    let (kinds, names) = kinds(raw.kind, floor, &lines, problems);
    let mut tiers: Vec<Tier> = Vec::new();
    for spanned in raw.tier {
        let line = lines.of(spanned.span().start);
        let built = tier(spanned.into_inner(), line, &tiers, &kinds, problems);
        tiers.push(built);
    }
    coverage(&tiers, problems);
    rule_clashes(&tiers, &kinds, problems);
    let examples = examples(raw.example, &lines, &tiers, problems);
    let issuer = raw.issuer.map(|spanned| {
        let line = lines.of(spanned.span().start);
        let issuer = spanned.into_inner();
        check_issuer(&issuer, line, problems);
        issuer
    });
    Table {
        origin: origin.to_string(),
        title: raw.table.title,
        year: raw.table.year,
        source: raw.table.source,
        currency,
        budget_floor: floor,
        tiers,
        kinds,
        benefits_intro: raw.benefits.intro,
        benefits: raw.benefits.item,
        issuer,
        examples,
        names,
    }
}

/// The issuer of proposals: a name, address lines, and at least one way to
/// reach them, each of which looks like what it says.
fn check_issuer(issuer: &Issuer, line: usize, problems: &mut Problems) {
    if issuer.name.trim().is_empty() {
        problems.add(line, ProblemKind::IssuerEmpty(IssuerField::Name));
    }
    if issuer.address.iter().any(|l| l.trim().is_empty()) {
        problems.add(line, ProblemKind::IssuerEmpty(IssuerField::Address));
    }
    let blank = |t: &crate::text::Text| t.fr.trim().is_empty() || t.en.trim().is_empty();
    if issuer.signature.as_ref().is_some_and(blank) {
        problems.add(line, ProblemKind::IssuerEmpty(IssuerField::Signature));
    }
    let checks: [(IssuerField, &Option<String>, Check); 3] = [
        (IssuerField::Email, &issuer.email, is_email),
        (IssuerField::Phone, &issuer.phone, is_phone),
        (IssuerField::Website, &issuer.website, is_website),
    ];
    for (field, value, valid) in checks {
        if let Some(value) = value.as_ref().filter(|v| !valid(v)) {
            let value = value.clone();
            problems.add(line, ProblemKind::IssuerInvalid { field, value });
        }
    }
    if checks.iter().all(|(_, value, _)| value.is_none()) {
        problems.add(line, ProblemKind::IssuerUnreachable);
    }
}

/// Whether a value looks like what its field says.
type Check = fn(&str) -> bool;

/// `name@domain.tld`, no space.
fn is_email(value: &str) -> bool {
    let Some((user, domain)) = value.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// Digits, spaces, dots, dashes and an optional leading `+`: 6 digits at least.
fn is_phone(value: &str) -> bool {
    let rest = value.trim().strip_prefix('+').unwrap_or(value.trim());
    let allowed = rest
        .chars()
        .all(|c| c.is_ascii_digit() || [' ', '.', '-', '\u{a0}', '(', ')'].contains(&c));
    allowed && rest.chars().filter(char::is_ascii_digit).count() >= 6
}

/// `https://…` or `http://…`, no space.
fn is_website(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|r| r.contains('.') && !r.contains(char::is_whitespace))
}

/// A marker is typed beside an amount: it holds no digit, sign or separator,
/// and no multiplier at either end, lest `2,3 M€` read as 2,30 €.
fn check_currency(currency: &Currency, line: usize, problems: &mut Problems) {
    let symbol = &currency.symbol;
    if !currency
        .accepted
        .iter()
        .any(|m| m.eq_ignore_ascii_case(symbol))
    {
        let symbol = symbol.clone();
        problems.add(line, ProblemKind::SymbolNotAccepted { symbol });
    }
    for marker in &currency.accepted {
        if let Some(fault) = marker_fault(marker) {
            problems.add(
                line,
                ProblemKind::MarkerRefused {
                    marker: marker.clone(),
                    fault,
                },
            );
        }
    }
}

fn marker_fault(marker: &str) -> Option<MarkerFault> {
    let folded = marker.trim().to_lowercase();
    let multiplier_at_an_end = MULTIPLIERS
        .iter()
        .any(|&(w, _)| !w.is_empty() && (folded.starts_with(w) || folded.ends_with(w)));
    if folded.is_empty() {
        Some(MarkerFault::Empty)
    } else if marker.chars().any(char::is_numeric) {
        Some(MarkerFault::Digit)
    } else if marker.contains(['+', '-', '−', '–']) {
        Some(MarkerFault::Sign)
    } else if marker.contains([',', '.']) || marker.chars().any(is_space) {
        Some(MarkerFault::Separator)
    } else if multiplier_at_an_end {
        Some(MarkerFault::Multiplier)
    } else {
        None
    }
}

/// The kinds, and every name they answer to (folded) with the kind's index.
fn kinds(
    raw: Vec<toml::Spanned<RawKind>>,
    floor: Option<Decimal>,
    lines: &Lines,
    problems: &mut Problems,
) -> (Vec<Kind>, HashMap<String, usize>) {
    if raw.is_empty() {
        problems.add(None, ProblemKind::NoKind);
    }
    let mut kinds: Vec<Kind> = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for spanned in raw {
        let line = lines.of(spanned.span().start);
        let k = spanned.into_inner();
        let index = kinds.len();
        if kinds.iter().any(|other| other.id == k.id) {
            problems.add(line, ProblemKind::DuplicateKindId(k.id.clone()));
        }
        let all_names = [&k.id, &k.label.fr, &k.label.en]
            .into_iter()
            .chain(k.aliases.iter());
        for name in all_names {
            let folded = fold(name);
            if folded.is_empty() {
                problems.add(line, ProblemKind::EmptyKindName { kind: k.id.clone() });
                continue;
            }
            match names.get(&folded) {
                Some(&other) if other != index && kinds[other].id != k.id => problems.add(
                    line,
                    ProblemKind::KindNameClash {
                        first: kinds[other].id.clone(),
                        second: k.id.clone(),
                        name: name.clone(),
                    },
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
            budget_floor: k.budget_floor.map(|m| m.0).or(floor),
        });
    }
    (kinds, names)
}

/// One tier: its id, amounts, budget, fee and rule.
fn tier(t: RawTier, line: usize, before: &[Tier], kinds: &[Kind], problems: &mut Problems) -> Tier {
    let id = t.id.clone();
    if t.id.trim().is_empty() {
        problems.add(line, ProblemKind::EmptyTierId);
    } else if before.iter().any(|other| other.id == t.id) {
        problems.add(line, ProblemKind::DuplicateTierId(id.clone()));
    }
    amounts_in_cents(&t, line, problems);
    let budget = t.budget.map(|b| interval(b, &id, line, problems));
    if budget.is_some_and(|b| b.is_empty()) {
        problems.add(line, ProblemKind::EmptyBudget { tier: id.clone() });
    }
    fee_in_range(t.fee.amount.0, &id, line, problems);
    let rule = t.rule.map(|r| {
        if r.kinds.is_empty() {
            problems.add(line, ProblemKind::RuleNamesNoKind { tier: id.clone() });
        }
        let indices = r
            .kinds
            .iter()
            .filter_map(|name| {
                let found = kinds.iter().position(|k| &k.id == name);
                if found.is_none() {
                    problems.add(
                        line,
                        ProblemKind::RuleUnknownKind {
                            tier: id.clone(),
                            kind: name.clone(),
                            known: kinds.iter().map(|k| k.id.clone()).collect(),
                        },
                    );
                }
                found
            })
            .collect();
        Rule {
            kinds: indices,
            network_strategy: r.network_strategy,
        }
    });
    if budget.is_none() && rule.is_none() {
        problems.add(line, ProblemKind::NeitherBudgetNorRule { tier: id.clone() });
    }
    Tier {
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
    }
}

/// Money is whole cents: a budget, and so a bound or fee, is never finer.
fn amounts_in_cents(t: &RawTier, line: usize, problems: &mut Problems) {
    let mut amounts = vec![(None, t.fee.amount.0)];
    if let Some(b) = &t.budget {
        for (key, m) in [
            (BoundKey::AtLeast, &b.at_least),
            (BoundKey::Above, &b.above),
            (BoundKey::Below, &b.below),
            (BoundKey::AtMost, &b.at_most),
        ] {
            amounts.extend(m.as_ref().map(|m| (Some(key), m.0)));
        }
    }
    for (key, amount) in amounts {
        if amount.scale() > 2 {
            problems.add(
                line,
                ProblemKind::SubCent {
                    tier: t.id.clone(),
                    key,
                    amount,
                },
            );
        }
    }
}

fn fee_in_range(fee: Decimal, tier: &str, line: usize, problems: &mut Problems) {
    let tier = tier.to_string();
    if fee <= Decimal::ZERO {
        problems.add(line, ProblemKind::FeeNotPositive { tier, fee });
    } else if fee > MAX_FEE {
        problems.add(
            line,
            ProblemKind::FeeTooLarge {
                tier,
                fee,
                max: MAX_FEE,
            },
        );
    }
}

/// A tier's budget bounds, each key saying its inclusivity.
fn interval(b: RawBudget, tier: &str, line: usize, problems: &mut Problems) -> Interval {
    let tier = tier.to_string();
    let first = match (b.at_least, b.above) {
        (Some(x), None) => Edge::at(x.0),
        (None, Some(x)) => Edge::at(x.0).next(),
        (Some(_), Some(_)) => {
            problems.add(line, ProblemKind::BothLowerBounds { tier: tier.clone() });
            Edge::at(Decimal::ZERO)
        }
        (None, None) => {
            problems.add(line, ProblemKind::NoLowerBound { tier: tier.clone() });
            Edge::at(Decimal::ZERO)
        }
    };
    let last = match (b.below, b.at_most) {
        (Some(x), None) => Some(Edge::at(x.0).prev()),
        (None, Some(x)) => Some(Edge::at(x.0)),
        (None, None) => None,
        (Some(_), Some(_)) => {
            problems.add(line, ProblemKind::BothUpperBounds { tier });
            None
        }
    };
    Interval::new(first, last)
}

/// The tiers without a rule cover every budget from 0 upwards: no gap, no
/// overlap, no ceiling; judged at the cent.
fn coverage(tiers: &[Tier], problems: &mut Problems) {
    let mut by_budget: Vec<(&Tier, Interval)> = tiers
        .iter()
        .filter(|t| t.rule.is_none())
        .filter_map(|t| t.budget.map(|b| (t, b)))
        .filter(|(_, b)| !b.is_empty())
        .collect();
    by_budget.sort_by_key(|(_, b)| b.first);
    match by_budget.first() {
        None => problems.add(None, ProblemKind::NoBudgetTier),
        Some((t, b)) if b.first.cent() > Decimal::ZERO => problems.add(
            t.line,
            ProblemKind::NotFromZero {
                tier: t.id.clone(),
                last: b.first.prev(),
            },
        ),
        Some(_) => {}
    }
    for pair in by_budget.windows(2) {
        let ((a, ab), (b, bb)) = (pair[0], pair[1]);
        let (below, above) = (a.id.clone(), b.id.clone());
        let Some(a_last) = ab.last else {
            let (first, last) = (bb.first, bb.last);
            problems.add(
                b.line,
                ProblemKind::Unbounded {
                    below,
                    above,
                    first,
                    last,
                },
            );
            continue;
        };
        if bb.first.cent() > a_last.cent() + CENT {
            let (first, last) = (a_last.next(), bb.first.prev());
            problems.add(
                b.line,
                ProblemKind::Gap {
                    below,
                    above,
                    first,
                    last,
                },
            );
        } else if bb.first.cent() <= a_last.cent() {
            let last = bb.last.map_or(a_last, |l| l.min(a_last));
            let first = bb.first;
            problems.add(
                b.line,
                ProblemKind::Overlap {
                    below,
                    above,
                    first,
                    last,
                },
            );
        }
    }
    if let Some((t, b)) = by_budget.last()
        && let Some(last) = b.last
    {
        problems.add(
            t.line,
            ProblemKind::NoCeiling {
                tier: t.id.clone(),
                first: last.next(),
            },
        );
    }
}

/// Two rule tiers must not claim the same organisation: a kind they share,
/// with strategies and budgets that can meet.
fn rule_clashes(tiers: &[Tier], kinds: &[Kind], problems: &mut Problems) {
    let ruled: Vec<(&Tier, &Rule)> = tiers
        .iter()
        .filter_map(|t| t.rule.as_ref().map(|r| (t, r)))
        .collect();
    for (i, &(a, ra)) in ruled.iter().enumerate() {
        for &(b, rb) in &ruled[i + 1..] {
            let strategies_meet = match (ra.network_strategy, rb.network_strategy) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let budgets_meet = match (a.budget, b.budget) {
                (Some(x), Some(y)) => x.meets(&y),
                _ => true,
            };
            if let Some(&k) = ra.kinds.iter().find(|k| rb.kinds.contains(k))
                && strategies_meet
                && budgets_meet
            {
                problems.add(
                    b.line,
                    ProblemKind::RulesClash {
                        first: a.id.clone(),
                        second: b.id.clone(),
                        kind: kinds[k].id.clone(),
                    },
                );
            }
        }
    }
}

/// The examples, each expecting a tier the table has and its fee, or an
/// error it knows.
fn examples(
    raw: Vec<toml::Spanned<RawExample>>,
    lines: &Lines,
    tiers: &[Tier],
    problems: &mut Problems,
) -> Vec<Example> {
    let mut examples = Vec::new();
    for spanned in raw {
        let line = lines.of(spanned.span().start);
        let e = spanned.into_inner();
        let expect = match (e.tier, e.fee, e.error) {
            (Some(tier), Some(fee), None) => {
                if !tiers.iter().any(|t| t.id == tier) {
                    problems.add(line, ProblemKind::ExampleUnknownTier(tier.clone()));
                }
                Expect::Quote { tier, fee: fee.0 }
            }
            (None, None, Some(error)) => match ErrorCode::from_code(&error) {
                Some(code) => Expect::Error(code),
                None => {
                    let known = ErrorCode::ALL
                        .iter()
                        .map(|c| c.as_str().to_string())
                        .collect();
                    problems.add(line, ProblemKind::ExampleUnknownError { error, known });
                    continue;
                }
            },
            _ => {
                problems.add(line, ProblemKind::ExampleShape);
                continue;
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
    examples
}
