//! Property tests of the parsers and the classifier, on the built-in table.

use std::str::FromStr;

use dues::i18n::Catalog;
use dues::output::csv::CsvSink;
use dues_core::Table;
use dues_core::classify::{Org, classify, parse_strategy};
use dues_core::money::{format_amount, parse_amount, plain};
use dues_core::text::Lang;
use proptest::prelude::*;
use rust_decimal::Decimal;

const EUR: [&str; 4] = ["€", "EUR", "euro", "euros"];

/// Any amount in cents from 0 to 10^15 €.
fn cents() -> impl Strategy<Value = Decimal> {
    (0u64..=100_000_000_000_000_000).prop_map(|c| Decimal::new(c as i64, 2).normalize())
}

fn table() -> Table {
    crate::table()
}

proptest! {
    #[test]
    fn what_dues_prints_it_reads_back(amount in cents()) {
        prop_assert_eq!(parse_amount(&plain(amount), &EUR), Ok(amount));
        prop_assert_eq!(parse_amount(&format_amount(amount, Lang::Fr, "€"), &EUR), Ok(amount));
        prop_assert_eq!(parse_amount(&amount.to_string(), &EUR), Ok(amount));
    }

    #[test]
    fn french_grouping_with_any_space_reads_the_same(amount in cents(), sep in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}"]), euro in any::<bool>()) {
        let text = plain(amount).replace(' ', sep);
        let text = if euro { format!("{text} €") } else { text };
        prop_assert_eq!(parse_amount(&text, &EUR), Ok(amount));
    }

    #[test]
    fn the_parser_never_panics(s in "\\PC{0,40}") {
        let _ = parse_amount(&s, &EUR);
        let _ = parse_strategy(&s);
    }

    #[test]
    fn the_parser_never_panics_on_number_like_text(s in "[-+0-9 ,.\u{a0}\u{202f}€kKMdeE]{0,24}") {
        if let Ok(d) = parse_amount(&s, &EUR) {
            prop_assert!(d >= Decimal::ZERO);
            prop_assert!(d.scale() <= 2);
        }
    }

    #[test]
    fn one_mark_then_three_digits_is_always_refused(int in 1u32..1000, frac in 0u32..1000, mark in prop::sample::select(vec![',', '.'])) {
        let text = format!("{int}{mark}{frac:03}");
        prop_assert!(parse_amount(&text, &EUR).is_err());
    }

    #[test]
    fn suffixes_scale_exactly(int in 0u32..100_000, frac in 0u32..100) {
        let k = parse_amount(&format!("{int},{frac:02} k€"), &EUR).unwrap();
        let m = parse_amount(&format!("{int},{frac:02} M€"), &EUR).unwrap();
        let base = Decimal::from_str(&format!("{int}.{frac:02}")).unwrap();
        prop_assert_eq!(k, base * Decimal::from(1000));
        prop_assert_eq!(m, base * Decimal::from(1_000_000));
    }

    #[test]
    fn every_budget_falls_in_exactly_one_budget_tier(budget in cents()) {
        let t = table();
        let holders = t.tiers.iter().filter(|tier| tier.rule.is_none() && tier.budget.is_some_and(|b| b.contains(budget))).count();
        prop_assert_eq!(holders, 1);
    }

    #[test]
    fn the_fee_never_decreases_as_the_budget_grows(a in cents(), b in cents(), kind in 0usize..7, strategy in any::<bool>()) {
        let t = table();
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let fee = |budget| {
            let q = classify(&t, Org { kind, budget, strategy: Some(strategy) }).unwrap();
            t.tiers[q.tier].fee.amount
        };
        prop_assert!(fee(low) <= fee(high), "{} at {} > {} at {}", fee(low), low, fee(high), high);
    }
}

/// A field as people and spreadsheets write them: delimiters, quotes, line
/// breaks, accents, spaces, amounts.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèœ’' ,;\t\"\r\n0-9€|-]{0,12}",
        Just("commune".to_string()),
        Just("Région".to_string()),
        Just("1 500 000,00 €".to_string()),
        Just("2,3 M€".to_string()),
        Just("oui".to_string()),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_batch_keeps_every_row_in_order_with_its_fields_unchanged(
        body in prop::collection::vec(prop::collection::vec(field(), 1..7), 0..20),
        delimiter in prop::sample::select(vec![b',', b';', b'\t', b'|']),
        crlf in any::<bool>(),
    ) {
        let header = ["nom", "type", "budget", "stratégie", "contact"];
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        writer.write_record(header).unwrap();
        for row in &body {
            writer.write_record(row).unwrap();
        }
        let input = writer.into_inner().unwrap();

        let table = table();
        let options = dues::batch::Options { delimiter: Some(delimiter), ..Default::default() };
        let opened = dues::batch::open(Box::new(input.as_slice()), &options, dues::batch::Named::Csv, || Ok(true)).unwrap();
        let mut output = Vec::new();
        let cat = Catalog::new(Lang::Fr);
        let mut sink = CsvSink::new(&mut output, &table, &cat);
        let summary = dues::batch::run(&table, opened, &mut sink, &options, |_| {}).unwrap();
        drop(sink);
        prop_assert_eq!(summary.rows as usize, body.len());
        let is_blank = |row: &Vec<String>| row.iter().all(|f| f.trim().is_empty());
        let blank = body.iter().filter(|row| is_blank(row)).count();
        prop_assert_eq!(summary.blank as usize, blank);
        prop_assert_eq!(
            summary.rows,
            summary.priced() + summary.undecided_rows() + summary.errors + summary.blank
        );

        let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(output.as_slice())
            .records()
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(records.len(), body.len() + 1);
        prop_assert_eq!(records[0].iter().collect::<Vec<_>>(), [&header[..], &["tier", "fee", "fee_basis", "error"]].concat());
        for (row, record) in body.iter().zip(&records[1..]) {
            let fields: Vec<&str> = record.iter().collect();
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            // Read by header, each field under its own; any surplus after the quote.
            let width = header.len();
            let kept = row.len().min(width);
            prop_assert_eq!(&fields[..kept], &row[..kept]);
            prop_assert_eq!(&fields[width.max(kept) + 4..], &row[kept..]);
            prop_assert_eq!(fields.len(), row.len().max(width) + 4);
            let (tier, error) = (fields[width], fields[width + 3]);
            if row.iter().all(|f| f.trim().is_empty()) {
                // A blank record: neither priced nor flagged.
                prop_assert!(fields[width..width + 4].iter().all(|f| f.is_empty()), "{:?}", fields);
            } else {
                prop_assert!(error.is_empty() != tier.is_empty(), "a row is priced or flagged: {:?}", fields);
            }
        }
    }
}
