/*!
[`classify`], remembered, for a batch: its rows repeat a handful of kinds and
strategy answers, and a budget counts only by the tiers whose bounds hold it.
So the table's bounds cut the budgets into regions, and each kind, answer and
region is decided once, by [`classify`] itself, the first time a row meets it;
the rows after it are looked up.
*/

use crate::classify::{Decision, Org, Quote, QuoteError, classify, decision};
use crate::table::Table;
use crate::table::interval::cents;

/// A [`classify`] that remembers what it decided. Memory stays small and
/// flat: a slot for each kind, answer and region of the table.
#[derive(Debug, Clone)]
pub struct Classifier<'t> {
    table: &'t Table,
    /// The whole cents where some tier's budgets start, or start again after
    /// they end: sorted, each once, but for the lowest (0 in a valid table),
    /// where every budget is. The budgets between two of them are held by
    /// the same tiers. `None` if some bound is no whole cent.
    starts: Option<Vec<i128>>,
    /// By kind, answer and region: the decision, once made.
    known: Vec<Option<Decision>>,
}

impl<'t> Classifier<'t> {
    pub fn new(table: &'t Table) -> Self {
        let ranges: Option<Vec<_>> = table
            .tiers
            .iter()
            .filter_map(|tier| tier.budget)
            .map(|budget| budget.cent_range())
            .collect();
        let starts = ranges.map(|ranges| {
            let ends = ranges.iter().filter_map(|&(_, last)| last).map(|c| c + 1);
            let mut starts: Vec<i128> =
                ranges.iter().map(|&(first, _)| first).chain(ends).collect();
            starts.sort_unstable();
            starts.dedup();
            starts.into_iter().skip(1).collect::<Vec<_>>()
        });
        let regions = starts.as_ref().map_or(0, |s| s.len() + 1);
        Classifier {
            table,
            known: vec![None; table.kinds.len() * 3 * regions],
            starts,
        }
    }

    /// What [`classify`] answers.
    #[inline]
    pub fn classify(&mut self, org: Org) -> Result<Quote, QuoteError> {
        let table = self.table;
        let Some(known) = self.slot(org).and_then(|slot| self.known.get_mut(slot)) else {
            return classify(table, org);
        };
        known.get_or_insert_with(|| decision(table, org)).quote(org)
    }

    /// Where the decision for `org` is kept, if it can be.
    fn slot(&self, org: Org) -> Option<usize> {
        let starts = self.starts.as_ref()?;
        let budget = cents(org.budget)?;
        let region = starts.partition_point(|&start| start <= budget);
        let answer = match org.strategy {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        Some((org.kind * 3 + answer) * (starts.len() + 1) + region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn leaflet() -> Table {
        crate::leaflet()
    }

    /// The leaflet with a rule tier that also has budgets, and bounds that
    /// are not its budget tiers'.
    fn ruled() -> Table {
        let source = crate::LEAFLET_SOURCE.replace(
            "rule = { kinds = [\"region\", \"departement\", \"metropole\"], network_strategy = true }",
            "rule = { kinds = [\"region\", \"departement\", \"metropole\"], network_strategy = true }\n\
             budget = { above = 2_000_000, below = 7_000_000 }",
        );
        crate::table::Table::parse(&source, "ruled.toml").expect("a valid table")
    }

    fn decided(classifier: &Classifier) -> usize {
        classifier.known.iter().flatten().count()
    }

    fn org(cents: i64, kind: usize, strategy: Option<bool>) -> Org {
        Org {
            kind,
            budget: Decimal::new(cents, 2).normalize(),
            strategy,
        }
    }

    #[test]
    fn a_kind_answer_and_region_is_decided_once() {
        let table = leaflet();
        let mut classifier = Classifier::new(&table);
        // The leaflet's starts past 0: 1 500 000 and 10 000 000,01 €.
        assert_eq!(classifier.starts, Some(vec![150_000_000, 1_000_000_001]));
        for cents in [100, 200, 149_999_999] {
            classifier.classify(org(cents, 3, None)).unwrap();
        }
        assert_eq!(decided(&classifier), 1);
        classifier.classify(org(150_000_000, 3, None)).unwrap();
        classifier.classify(org(100, 3, Some(false))).unwrap();
        classifier.classify(org(100, 4, None)).unwrap();
        assert_eq!(decided(&classifier), 4);
        // The last kind, answer and region have their slot too.
        let last = table.kinds.len() - 1;
        classifier
            .classify(org(2_000_000_000, last, Some(true)))
            .unwrap();
        assert_eq!(decided(&classifier), 5);
    }

    #[test]
    fn each_region_of_each_answer_has_its_own_slot() {
        // A Région without an answer, above 10 M€ (the last region), then
        // one answering no, under 1,5 M€ (the first region of the next
        // answer): two decisions, not one taken for the other.
        let table = leaflet();
        let mut classifier = Classifier::new(&table);
        for org in [org(2_000_000_000, 0, None), org(100, 0, Some(false))] {
            assert_eq!(classifier.classify(org), classify(&table, org));
        }
    }

    #[test]
    fn a_budget_of_no_whole_cent_is_classified_and_not_remembered() {
        let table = leaflet();
        let mut classifier = Classifier::new(&table);
        let org = Org {
            budget: Decimal::new(1_499_999_999, 3),
            ..org(0, 3, None)
        };
        assert_eq!(classifier.classify(org), classify(&table, org));
        assert_eq!(decided(&classifier), 0);
    }

    /// Budgets at the table's bounds, a cent either side, and anywhere.
    fn budget() -> impl Strategy<Value = i64> {
        let bounds = [0i64, 200_000_000, 150_000_000, 700_000_000, 1_000_000_000];
        prop_oneof![
            (prop::sample::select(bounds.to_vec()), -1i64..=1).prop_map(|(b, d)| (b + d).max(0)),
            0i64..2_000_000_000,
        ]
    }

    fn answer() -> impl Strategy<Value = Option<bool>> {
        prop::sample::select(vec![None, Some(false), Some(true)])
    }

    proptest! {
        #[test]
        fn it_answers_what_classify_answers_whatever_it_met_before(
            rows in prop::collection::vec((budget(), 0usize..7, answer()), 1..60),
        ) {
            for table in [leaflet(), ruled()] {
                let mut classifier = Classifier::new(&table);
                for &(cents, kind, strategy) in &rows {
                    let org = org(cents, kind, strategy);
                    prop_assert_eq!(classifier.classify(org), classify(&table, org), "{:?}", org);
                }
            }
        }
    }
}
