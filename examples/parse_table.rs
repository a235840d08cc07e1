//! In-process cost of what every `dues` run does before printing: decode the
//! built-in table (`build.rs` parsed, validated and encoded it), load the
//! message catalogue, then quote; and, for comparison, what parsing and
//! validating the table's TOML costs, as a `--tiers FILE` run does. Run by
//! `bench/quote.sh`: `cargo run --release --example parse_table`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dues::i18n::Catalog;
use dues::output::json;
use dues_core::Table;
use dues_core::classify::{Request, quote};
use dues_core::text::Lang;

const SOURCE: &str = include_str!("../tiers-2022.toml");
const RUNS: u32 = 20_000;

fn per_run(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..RUNS {
        f();
    }
    start.elapsed() / RUNS
}

fn main() {
    let table = dues_core::load(SOURCE, "tiers-2022.toml").expect("valid");
    let encoded = table.encode();
    let decode = per_run(|| {
        black_box(Table::decode(black_box(&encoded), "t").expect("valid"));
    });
    let parse = per_run(|| {
        black_box(dues_core::load(black_box(SOURCE), "t").expect("valid"));
    });
    let catalog = per_run(|| {
        black_box(Catalog::new(black_box(Lang::Fr)));
    });
    let cat = Catalog::new(Lang::Fr);
    let one = per_run(|| {
        let request = Request {
            budget: black_box("2,3 M€"),
            kind: black_box("commune"),
            strategy: None,
        };
        let q = quote(&table, request).expect("quoted");
        black_box(json::quote(&cat, &table, &q, None).to_string());
    });
    println!("decode the built-in table:              {decode:?} per run");
    println!("parse + validate + examples (--tiers):  {parse:?} per run");
    println!("load the French message catalogue:      {catalog:?} per run");
    println!("quote + JSON rendering:                 {one:?} per run");
}
