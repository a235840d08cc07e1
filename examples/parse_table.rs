//! In-process cost of what every `dues` run does before printing: load the
//! built-in table (decoded: `build.rs` parsed and validated it), then quote;
//! and, for comparison, what parsing and validating its TOML would cost, as
//! a `--tiers FILE` run does. Run by `bench/quote.sh`:
//! `cargo run --release --example parse_table`.

use std::hint::black_box;
use std::time::Instant;

use dues::classify::{Request, quote};
use dues::render::quote_json;
use dues::text::Lang;
use dues::tiers::{BUILT_IN, Table};

fn main() {
    const RUNS: u32 = 20_000;
    let start = Instant::now();
    for _ in 0..RUNS {
        black_box(Table::built_in().expect("valid"));
    }
    let load = start.elapsed() / RUNS;

    let start = Instant::now();
    for _ in 0..RUNS {
        black_box(Table::parse(black_box(BUILT_IN), "tiers-2022.toml").expect("valid"));
    }
    let parse = start.elapsed() / RUNS;

    let table = Table::built_in().expect("valid");
    let start = Instant::now();
    for _ in 0..RUNS {
        let q = quote(
            &table,
            Request {
                budget: black_box("2,3 M€"),
                kind: black_box("commune"),
                strategy: None,
            },
        )
        .expect("quoted");
        black_box(quote_json(&table, &q, None, Lang::Fr).to_string());
    }
    let one = start.elapsed() / RUNS;
    println!("load the built-in table (decode):       {load:?} per run");
    println!("parse + validate its TOML (--tiers):    {parse:?} per run");
    println!("quote + JSON rendering:                 {one:?} per run");
}
