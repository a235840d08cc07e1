//! Writes a prospects workbook for `bench/sheets.sh`: the columns of
//! `bench/make_prospects.py`, budgets as number cells (some with cents), a
//! date column. Deterministic.
//!
//!     cargo run --release --example make_workbook -- ROWS OUT.xlsx

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

const KINDS: [&str; 9] = [
    "commune",
    "epci",
    "association",
    "fondation",
    "entreprise",
    "établissement public",
    "région",
    "département",
    "métropole",
];

fn main() -> Result<(), XlsxError> {
    let mut args = std::env::args().skip(1);
    let rows: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(100_000);
    let out = args.next().unwrap_or_else(|| "prospects.xlsx".to_string());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, name) in ["name", "kind", "budget", "network_strategy", "contacted"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name)?;
    }
    // A small linear congruential generator: the same file every time.
    let mut state: u64 = 2022;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) % bound
    };
    for r in 1..=rows {
        let kind = KINDS[next(KINDS.len() as u64) as usize];
        let eligible = matches!(kind, "région" | "département" | "métropole");
        let budget = if eligible {
            next(2_000_000_000) as f64
        } else {
            next(4_000_000_000) as f64 / 100.0
        };
        sheet.write_string(r, 0, format!("Prospect {r}"))?;
        sheet.write_string(r, 1, kind)?;
        sheet.write_number(r, 2, budget)?;
        if eligible {
            sheet.write_string(r, 3, if next(2) == 0 { "oui" } else { "non" })?;
        }
        let day = ExcelDateTime::from_ymd(2026, 1 + next(12) as u8, 1 + next(28) as u8)?;
        sheet.write_datetime_with_format(r, 4, &day, &date)?;
    }
    book.save(&out)?;
    Ok(())
}
