/*!
The table's own examples, run on every load and by `dues check`.

Each example is quoted through [`crate::classify::quote`], exactly as a user's
input would be, and compared with the tier and fee (or the error) it expects.
*/

use crate::classify::{Request, quote};
use crate::table::{Example, ExampleOutcome, Expect, Problem, ProblemKind, Table};

/// Runs every example; returns one problem per example that does not hold.
pub fn run(table: &Table) -> Vec<Problem> {
    table
        .examples
        .iter()
        .filter_map(|example| {
            let got = outcome(table, example);
            let expected = match &example.expect {
                Expect::Quote { tier, fee } => ExampleOutcome::Quote {
                    tier: tier.clone(),
                    fee: *fee,
                },
                Expect::Error(code) => ExampleOutcome::Error(*code),
            };
            (got != expected).then(|| Problem {
                line: Some(example.line),
                kind: ProblemKind::ExampleFails {
                    budget: example.budget.clone(),
                    kind: example.kind.clone(),
                    strategy: example.network_strategy.clone(),
                    expected,
                    got,
                },
            })
        })
        .collect()
}

fn outcome(table: &Table, example: &Example) -> ExampleOutcome {
    let request = Request {
        budget: &example.budget,
        kind: &example.kind,
        strategy: example.network_strategy.as_deref(),
    };
    match quote(table, request) {
        Ok(q) => {
            let tier = &table.tiers[q.tier];
            ExampleOutcome::Quote {
                tier: tier.id.clone(),
                fee: tier.fee.amount,
            }
        }
        Err(e) => ExampleOutcome::Error(e.code()),
    }
}
