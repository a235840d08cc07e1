/*!
The table's own examples, run by `dues check`.

Each example is quoted through [`crate::classify::quote`], exactly as a user's
input would be, and compared with the tier and fee (or the error) it expects.
*/

use crate::classify::{Request, quote};
use crate::money::plain;
use crate::tiers::{Expect, Problem, Table, TableError};

/// Parses and validates a table, then runs its examples: what every command
/// loads, so that a table `dues check` refuses is refused everywhere.
pub fn load(text: &str, origin: &str) -> Result<Table, TableError> {
    let table = Table::parse(text, origin)?;
    let problems = run(&table);
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(TableError::Invalid {
            origin: origin.to_string(),
            problems,
        })
    }
}

/// Runs every example; returns one problem per example that does not hold.
pub fn run(table: &Table) -> Vec<Problem> {
    table
        .examples
        .iter()
        .filter_map(|example| {
            let request = Request {
                budget: &example.budget,
                kind: &example.kind,
                strategy: example.network_strategy.as_deref(),
            };
            let got = match quote(table, request) {
                Ok(q) => {
                    let tier = &table.tiers[q.tier];
                    match &example.expect {
                        Expect::Quote { tier: id, fee }
                            if *id == tier.id && *fee == tier.fee.amount =>
                        {
                            return None;
                        }
                        _ => format!("tier `{}` at {}", tier.id, plain(tier.fee.amount)),
                    }
                }
                Err(e) => {
                    if example.expect == Expect::Error(e.code().to_string()) {
                        return None;
                    }
                    format!("error `{}`: {e}", e.code())
                }
            };
            let wanted = match &example.expect {
                Expect::Quote { tier, fee } => format!("tier `{tier}` at {}", plain(*fee)),
                Expect::Error(code) => format!("error `{code}`"),
            };
            let strategy = example
                .network_strategy
                .as_deref()
                .map_or(String::new(), |s| format!(", network_strategy `{s}`"));
            Some(Problem {
                line: Some(example.line),
                message: format!(
                    "example (budget `{}`, kind `{}`{strategy}) expects {wanted}, got {got}",
                    example.budget, example.kind
                ),
            })
        })
        .collect()
}
