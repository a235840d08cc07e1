//! `dues batch` on exports shaped like the real ones (issue 8): a French
//! Excel CRM list, an English CRM export, a Dolibarr export, a list in
//! millions, the Régions and Départements without a strategy column. Each
//! test checks the fees, the exit code, the summary JSON and the warnings.

use std::fs;

use serde_json::{Value, json};

use super::{data, dues, plain, rows};

/// A batch run on a fixture, with `--summary-json`: the rows written, the
/// stderr (plain spaces), the exit code and the summary.
struct Run {
    out: Vec<u8>,
    stderr: String,
    code: i32,
    summary: Value,
}

fn run(fixture: &str, args: &[&str]) -> Run {
    run_on(Some(fixture), None, args)
}

fn run_stdin(input: &str, args: &[&str]) -> Run {
    run_on(None, Some(input), args)
}

fn run_on(fixture: Option<&str>, input: Option<&str>, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.json");
    let mut cmd = dues();
    cmd.arg("batch");
    if let Some(fixture) = fixture {
        cmd.arg(data(&format!("batch/{fixture}")));
    }
    cmd.args(["--summary-json", summary.to_str().unwrap()]);
    cmd.args(args);
    if let Some(input) = input {
        cmd.write_stdin(input);
    }
    let out = cmd.output().unwrap();
    let summary = fs::read_to_string(&summary).unwrap_or_else(|_| "null".into());
    Run {
        out: out.stdout,
        stderr: plain(&out.stderr),
        code: out.status.code().unwrap(),
        summary: serde_json::from_str(&summary).unwrap(),
    }
}

/// `(name, tier, fee)` of the row named `name`: the name in column 0, the
/// tier and fee in the first two appended columns.
fn fee_of<'a>(rows: &'a [Vec<String>], name: &str, width: usize) -> (&'a str, &'a str) {
    let row = rows
        .iter()
        .find(|r| r[0] == name)
        .unwrap_or_else(|| panic!("no row {name}"));
    (&row[width], &row[width + 1])
}

/// The figures of `by_tier` (rows per tier) of a summary.
fn tier_rows(summary: &Value) -> Vec<u64> {
    summary["by_tier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rows"].as_u64().unwrap())
        .collect()
}

fn warning_codes(summary: &Value) -> Vec<&str> {
    summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a_french_excel_crm_export_keeps_its_blank_rows_and_prices_the_rest() {
    let r = run("crm-excel-1252.csv", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "dues batch : 40 lignes chiffrées, dont 3 au tarif minimum (à négocier) ; 0 en erreur ; \
         2 lignes vides\n"
    );
    // Still Windows-1252 and CRLF; Excel's `;;;;;` rows back, with empty
    // appended fields.
    assert!(std::str::from_utf8(&r.out).is_err());
    assert!(r.out.ends_with(b"\r\n;;;;;;;;;\r\n;;;;;;;;;\r\n"));
    let rows = rows(&r.out, b';', true);
    assert_eq!(rows.len(), 43);
    assert_eq!(
        rows[0],
        [
            "Raison sociale",
            "Type de structure",
            "Budget 2024 (€)",
            "Stratégie",
            "Ville",
            "Contact",
            "tier",
            "fee",
            "fee_basis",
            "error"
        ]
    );
    // The boundaries at the cent, and the strategy answers.
    for (name, tier, fee) in [
        ("L'Escale", "small", "1000"),
        ("Sainte-Foy-l'Argentière", "medium", "2500"),
        ("Condé-sur-l'Escaut", "medium", "2500"),
        ("Annœullin", "large", "5000"),
        ("Bretagne", "network", "8000"),
        ("Pays de la Loire", "large", "5000"),
        ("Morbihan", "large", "5000"),
        ("Côtes-d'Armor", "network", "8000"),
    ] {
        assert_eq!(fee_of(&rows, name, 6), (tier, fee), "{name}");
    }
    let s = &r.summary;
    assert_eq!(
        (
            &s["rows"],
            &s["priced"],
            &s["blank"],
            &s["errors"],
            &s["undecided"]
        ),
        (&json!(42), &json!(40), &json!(2), &json!(0), &json!(0))
    );
    assert_eq!(s["total"], json!({ "min": "160000", "max": null }));
    assert_eq!(tier_rows(s), [6, 10, 21, 3]);
    assert_eq!(s["errors_by_code"], json!([]));
    assert!(warning_codes(s).is_empty());
}

#[test]
fn an_english_crm_export_reads_its_comma_thousands_and_says_so() {
    let r = run("hubspot-export.csv", &["--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warning = "dues: warning: column “Annual budget” separates thousands with “,” (e.g. \
                   “3,472,904,543”), so a value like “850,000” there is read as 850 thousand, \
                   not 850; give --decimal-mark if that is wrong\n";
    assert_eq!(
        r.stderr,
        format!(
            "{warning}dues batch: 30 rows priced, 1 of them at a minimum fee (to be \
             negotiated); 0 in error\n"
        )
    );
    let rows = rows(&r.out, b',', false);
    for (name, tier) in [
        ("Association Kerlann", "small"), // "850,000": 850 000 €
        ("Vogüé", "small"),               // "913,361"
        ("L'Escale", "small"),            // "1,499,999"
        ("Sainte-Foy-l'Argentière", "medium"),
        ("Condé-sur-l'Escaut", "medium"), // "10,000,000"
        ("Annœullin", "large"),           // "10,000,001"
        ("Bretagne", "network"),
        ("Occitanie", "large"),
    ] {
        assert_eq!(fee_of(&rows, name, 6).0, tier, "{name}");
    }
    let s = &r.summary;
    assert_eq!(s["total"], json!({ "min": "99500", "max": null }));
    assert_eq!(tier_rows(s), [9, 7, 13, 1]);
    assert_eq!(warning_codes(s), ["convention"]);
    assert_eq!(
        format!(
            "dues: warning: {}\n",
            s["warnings"][0]["message"].as_str().unwrap()
        )
        .replace('\u{202f}', " "),
        warning
    );

    // Told otherwise, `,` is the decimal mark: `57,300,000` is then no amount.
    let r = run("hubspot-export.csv", &["--decimal-mark", ","]);
    assert_eq!(r.code, 1);
    // 23 values of two groups or more, and `913,361`, `899,327` (sub-cent).
    assert_eq!(r.summary["errors"], json!(25));
    // …and what is left reads below 10 000 €.
    assert_eq!(warning_codes(&r.summary), ["small_budgets"]);
    // Said as it is, no warning is needed.
    let r = run("hubspot-export.csv", &["--decimal-mark", "."]);
    assert_eq!(r.code, 0);
    assert_eq!(r.summary["total"], json!({ "min": "99500", "max": null }));
    assert!(warning_codes(&r.summary).is_empty());
    assert!(!r.stderr.contains("attention"));
}

#[test]
fn a_dolibarr_export_prices_by_forme_juridique_and_budget_not_revenue() {
    let r = run("dolibarr-export.csv", &["--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let objects: Vec<Value> = String::from_utf8(r.out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 20);
    let by_name = |name: &str| {
        objects
            .iter()
            .find(|o| o["Nom du tiers"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let rennes = by_name("Rennes");
    assert_eq!(rennes["Type du tiers"], "Prospect / Client");
    assert_eq!(rennes["kind_id"], "commune");
    assert_eq!(rennes["budget_parsed"], "232367594");
    assert_eq!(rennes["tier"], "large");
    assert_eq!(rennes["Code postal"], "35000");
    for (name, budget, tier) in [
        ("L'Escale", "1499999.99", "small"),
        ("Sainte-Foy-l'Argentière", "1500000", "medium"),
        ("Condé-sur-l'Escaut", "10000000", "medium"),
        ("Annœullin", "10000000.01", "large"),
    ] {
        let o = by_name(name);
        assert_eq!(
            (&o["budget_parsed"], &o["tier"]),
            (&json!(budget), &json!(tier))
        );
    }
    let kinds: std::collections::BTreeSet<&str> = objects
        .iter()
        .map(|o| o["kind_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["commune", "epci", "private", "public"]
    );
    let s = &r.summary;
    assert_eq!(s["total"], json!({ "min": "60000", "max": "60000" }));
    assert_eq!(tier_rows(s), [5, 8, 7, 0]);
    assert!(warning_codes(s).is_empty());

    // The revenue is used only when named, by header or by number.
    let by_header = run(
        "dolibarr-export.csv",
        &["--budget-column", "Chiffre d'affaires"],
    );
    let by_number = run("dolibarr-export.csv", &["--budget-column", "6"]);
    assert_eq!(by_header.code, 0);
    assert_eq!(by_header.out, by_number.out);
    assert_ne!(tier_rows(&by_header.summary), [5, 8, 7, 0]);
    let changed = rows(&by_header.out, b',', false)
        .iter()
        .zip(rows(&run("dolibarr-export.csv", &[]).out, b',', false).iter())
        .filter(|(a, b)| a[7] != b[7])
        .count();
    assert_eq!(changed, 17);
}

#[test]
fn a_list_in_millions_is_read_in_millions_and_a_contradicting_unit_is_an_error() {
    let r = run("budget-millions.csv", &[]);
    assert_eq!(r.code, 1);
    let rows = rows(&r.out, b';', false);
    for (name, tier) in [
        ("Poitiers", "large"),                       // 93,3
        ("CC Aubrac, Carladez et Viadène", "large"), // 10,5
        ("Condé-sur-l'Escaut", "medium"),            // 10
        ("Sainte-Foy-l'Argentière", "medium"),       // 1,5
        ("Labastide-d'Anjou", "small"),              // 1,3
        ("Nogent-l'Artaud", "medium"),               // 2,3 M€
        ("Kœur-la-Petite", "small"),                 // 0,24
    ] {
        assert_eq!(fee_of(&rows, name, 3).0, tier, "{name}");
    }
    let agen = rows.iter().find(|r| r[0] == "Agen-d'Aveyron").unwrap();
    assert_eq!(agen[3..6], ["", "", ""]);
    assert_eq!(
        agen[6].replace('\u{202f}', " "),
        "ligne 15, colonne « Budget (M€) » : « 850 k€ » ne peut pas se lire ici : il est écrit \
         en k€, mais les montants de sa colonne sont en M€ (d’après son en-tête ou \
         --budget-unit) ; corrigez l’un ou l’autre"
    );
    let s = &r.summary;
    assert_eq!((&s["priced"], &s["errors"]), (&json!(15), &json!(1)));
    assert_eq!(
        s["errors_by_code"],
        json!([{ "code": "invalid_budget", "count": 1, "lines": [15] }])
    );
    assert_eq!(s["total"], json!({ "min": "50500", "max": "50500" }));
    assert!(
        warning_codes(s).is_empty(),
        "a unit is named: no scale warning"
    );
}

#[test]
fn budget_unit_wins_over_the_header() {
    // In euros, as the user says: small but `2,3 M€`, and `850 k€` is
    // euros too.
    let r = run("budget-millions.csv", &["--budget-unit", "€"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(tier_rows(&r.summary), [15, 1, 0, 0]);
    assert!(warning_codes(&r.summary).is_empty(), "the user said euros");
    let r = run("budget-millions.csv", &["--budget-unit", "k€"]);
    assert_eq!(r.code, 1);
    // `850 k€` is in the unit given; `2,3 M€` contradicts it.
    assert_eq!(
        r.summary["errors_by_code"],
        json!([{ "code": "invalid_budget", "count": 1, "lines": [12] }])
    );
}

#[test]
fn small_budgets_in_a_column_without_unit_are_warned_once() {
    let text = fs::read_to_string(data("batch/budget-millions.csv")).unwrap();
    let text = text.replacen("Budget (M€)", "Budget", 1);
    let r = run_stdin(&text, &["--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Priced as read: 93,3 € is a small budget.
    assert_eq!(tier_rows(&r.summary), [15, 1, 0, 0]);
    assert_eq!(
        r.stderr,
        "dues: warning: most budgets of column “Budget” (14 of 16) are smaller than their kind's \
         can be, e.g. “93,3” for the kind “Municipality” (at least €10,000): if they are in thousands or \
         millions of euros, say so with --budget-unit k€ or M€ (they were priced as read)\n\
         dues batch: 16 rows priced; 0 in error\n"
    );
    assert_eq!(warning_codes(&r.summary), ["small_budgets"]);
    let r = run_stdin(&text, &["--budget-unit", "M€"]);
    assert_eq!(r.code, 1);
    assert_eq!(tier_rows(&r.summary), [3, 5, 7, 0]);
    assert!(warning_codes(&r.summary).is_empty());
}

#[test]
fn regions_and_departements_without_an_answer_are_undecided_never_guessed() {
    let r = run("regions-departements.csv", &["--format", "jsonl"]);
    assert_eq!(r.code, 1);
    let text = String::from_utf8(r.out).unwrap();
    assert_eq!(text.lines().count(), 135);
    for line in text.lines() {
        let o: Value = serde_json::from_str(line).unwrap();
        assert_eq!(o["tier"], Value::Null);
        assert_eq!(o["error_code"], "network_strategy_required");
        assert!(["region", "departement"].contains(&o["kind_id"].as_str().unwrap()));
        assert!(o["budget_parsed"].is_string());
    }
    let s = &r.summary;
    assert_eq!(
        (&s["priced"], &s["undecided"], &s["errors"]),
        (&json!(0), &json!(135), &json!(0))
    );
    assert_eq!(
        s["undecided_lines"],
        json!([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    );
    // Each at least large (5 000 €), open above: the network fee is a minimum.
    assert_eq!(s["total"], json!({ "min": "675000", "max": null }));
    assert_eq!(s["undecided_dues"], s["total"]);
    assert_eq!(s["errors_by_code"], json!([]));
    assert!(r.stderr.starts_with(
        "dues batch : 0 ligne chiffrée ; 135 à confirmer, \
         faute de réponse sur la stratégie d’entraînement (lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, \
         11, …) ; 0 en erreur\n"
    ));
}

#[test]
fn network_strategy_answers_for_rows_without_one_and_is_echoed() {
    let r = run(
        "regions-departements.csv",
        &["--network-strategy", "non", "--summary"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(tier_rows(&r.summary), [0, 0, 135, 0]);
    assert_eq!(
        r.summary["total"],
        json!({ "min": "675000", "max": "675000" })
    );
    assert_eq!(r.summary["network_strategy"], json!(false));
    assert!(
        r.stderr.contains(
            "Stratégie d’entraînement donnée par --network-strategy pour les lignes sans \
             réponse : non"
        ),
        "{}",
        r.stderr
    );
    let r = run("regions-departements.csv", &["--network-strategy", "yes"]);
    assert_eq!(r.code, 0);
    assert_eq!(tier_rows(&r.summary), [0, 0, 0, 135]);
    assert_eq!(r.summary["total"], json!({ "min": "1080000", "max": null }));
    assert_eq!(r.summary["network_strategy"], json!(true));
    // A row's own answer is never overridden.
    let r = run_stdin(
        "nom,type,budget,stratégie\nA,Région,5000000000,non\nB,Région,5000000000,\n",
        &["--network-strategy", "oui"],
    );
    assert_eq!(
        String::from_utf8(r.out).unwrap(),
        "nom,type,budget,stratégie,tier,fee,fee_basis,error\n\
         A,Région,5000000000,non,large,5000,fixed,\n\
         B,Région,5000000000,,network,8000,minimum,\n"
    );
}

#[test]
fn the_summary_groups_and_aligns_figures_and_errors_by_reason() {
    let r = run("bad-rows.csv", &["--summary", "--network-strategy", "non"]);
    assert_eq!(r.code, 1);
    let summary = r.stderr.split_once('\n').unwrap().1;
    insta_like(
        summary,
        "Stratégie d’entraînement donnée par --network-strategy pour les lignes sans réponse : non

Tranche                                                                                   Lignes  Cotisations
Budget annuel inférieur à 1,5 M€ (1 000 €)                                                     2      2 000 €
Budget annuel entre 1,5 M€ et 10 M€ (2 500 €)                                                  0          0 €
Budget annuel supérieur à 10 M€ (5 000 €)                                                      1      5 000 €
Région, Département ou Métropole avec une stratégie d’entraînement (à partir de 8 000 €)       0          0 €

Type                                                                                      Lignes  Cotisations
Département                                                                                    1      5 000 €
Commune                                                                                        2      2 000 €

À confirmer, faute de réponse sur la stratégie d’entraînement                                  0
Lignes vides                                                                                   0
Erreurs                                                                                       10
• budget illisible (invalid_budget) : lignes 3, 4, 5, 6, 7, 8                                  6
• type inconnu (unknown_kind) : ligne 9                                                        1
• réponse de stratégie illisible (invalid_network_strategy) : ligne 11                         1
• champs manquants (too_few_fields) : ligne 12                                                 1
• champs en trop (too_many_fields) : ligne 13                                                  1
Total                                                                                         13      7 000 €
",
    );
    let s = &r.summary;
    assert_eq!(s["rows"], json!(13));
    let codes: Vec<(&str, u64)> = s["errors_by_code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["code"].as_str().unwrap(), g["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("invalid_budget", 6),
            ("unknown_kind", 1),
            ("invalid_network_strategy", 1),
            ("too_few_fields", 1),
            ("too_many_fields", 1)
        ]
    );
}

/// `actual` equals `expected`, shown line by line when not.
fn insta_like(actual: &str, expected: &str) {
    if actual != expected {
        for (a, e) in actual.lines().zip(expected.lines()) {
            if a != e {
                panic!("line differs:\n  got  {a:?}\n  want {e:?}\nwhole:\n{actual}");
            }
        }
        panic!("lengths differ:\n{actual}");
    }
}

#[test]
fn jsonl_blank_rows_and_unnamed_columns() {
    let r = run_stdin(
        "nom;type;budget;\nA;commune;5;x\n;;;\n",
        &["--format", "jsonl"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<Value> = String::from_utf8(r.out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["extra_fields"], json!(["x"]));
    assert_eq!(lines[0]["kind_id"], "commune");
    assert_eq!(lines[0]["budget_parsed"], "5");
    assert_eq!(
        lines[1],
        json!({
            "nom": "", "type": "", "budget": "", "tier": null, "fee": null,
            "fee_basis": null, "error": null, "error_code": null,
            "budget_parsed": null, "kind_id": null, "extra_fields": [""]
        })
    );
    assert_eq!(r.summary["blank"], json!(1));
}

// ─── What an adversarial pass found ──────────────────────────────────────────

#[test]
fn a_header_naming_euros_and_a_scale_is_in_that_scale_and_two_scales_are_refused() {
    for header in [
        "Budget (€, en milliers)",
        "Budget en € (milliers)",
        "Budget (k euros)",
    ] {
        let r = run_stdin(&format!("Nom;Type;{header}\nA;Commune;2 300\n"), &[]);
        assert_eq!(tier_rows(&r.summary), [0, 1, 0, 0], "{header}");
    }
    let r = run_stdin(
        "Nom;Type;Budget (Md€)\nA;Région;1,2\n",
        &["--network-strategy", "non"],
    );
    assert_eq!(tier_rows(&r.summary), [0, 0, 1, 0]);
    let r = run_stdin(
        "Nom;Type;Budget (k€, en millions)\nA;Commune;2\n",
        &["--lang", "en"],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "dues: error: <stdin>: header “Budget (k€, en millions)” names two scales, thousands and \
         millions; say which one plain numbers are in with --budget-unit\n"
    );
    let r = run_stdin(
        "Nom;Type;Budget (k€, en millions)\nA;Commune;2\n",
        &["--budget-unit", "M€"],
    );
    assert_eq!(tier_rows(&r.summary), [0, 1, 0, 0]);
}

#[test]
fn a_named_column_is_matched_with_its_year_and_two_candidates_are_refused() {
    let input = "Nom;Type;Budget 2023;Budget 2024\nA;Commune;1000000;12000000\n";
    for name in ["budget 2024", "Budget 2024", "BUDGET-2024", "4"] {
        let r = run_stdin(input, &["--budget-column", name]);
        assert_eq!(tier_rows(&r.summary), [0, 0, 1, 0], "{name}");
    }
    // Two exact spellings of one header: which is meant is unknown.
    let twice = "Nom;Type;Budget;Budget\nA;Commune;1000000;12000000\n";
    let r = run_stdin(twice, &["--budget-column", "Budget", "--lang", "en"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("could both be the budget column"),
        "{}",
        r.stderr
    );
    // A number out of range says where numbers go.
    let r = run_stdin(input, &["--budget-column", "0", "--lang", "en"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.ends_with("by its number, from 1 to 4\n"),
        "{}",
        r.stderr
    );
    // An empty header is no name to give.
    let r = run_stdin(
        "Nom;Type;;Budget\nA;Commune;5;12000000\n",
        &["--budget-column", "2024"],
    );
    assert_eq!(r.code, 2);
}

#[test]
fn two_name_columns_leave_the_name_unset_and_the_batch_goes_on() {
    let input = "Nom;Raison sociale;Type;Budget\nA;SA A;Commune;5000000\n";
    let r = run_stdin(input, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(tier_rows(&r.summary), [0, 1, 0, 0]);
    // And the missing columns are all reported, the name clash aside.
    let r = run_stdin("Nom;Raison sociale;Budget\nA;B;5\n", &["--lang", "en"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no kind column"), "{}", r.stderr);
}

#[test]
fn the_summary_json_never_replaces_the_rows_nor_the_input_and_is_checked_first() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    let out = dir.path().join("out.csv");
    fs::write(&input, "Nom;Type;Budget\nA;Commune;5000000\n").unwrap();
    let batch = |args: &[&std::path::Path]| {
        let mut cmd = dues();
        cmd.arg("batch").arg(&input).env("DUES_LANG", "en");
        cmd.arg("-o")
            .arg(args[0])
            .arg("--summary-json")
            .arg(args[1]);
        cmd.output().unwrap()
    };
    let o = batch(&[&out, &out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "nothing written");
    assert!(
        plain(&o.stderr).contains("--summary-json"),
        "{}",
        plain(&o.stderr)
    );
    let o = batch(&[&out, &input]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(&input).unwrap(),
        "Nom;Type;Budget\nA;Commune;5000000\n"
    );
    // A folder, or a folder that does not exist: refused before any row.
    let missing = dir.path().join("no/such/summary.json");
    for target in [dir.path(), missing.as_path()] {
        let o = batch(&[&out, target]);
        assert_eq!(o.status.code(), Some(2), "{}", target.display());
        assert!(!out.exists(), "no rows written for {}", target.display());
    }
}

#[test]
fn a_strict_stop_writes_the_summary_of_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("s.json");
    fs::write(&json, "{\"stale\": true}").unwrap();
    let o = dues()
        .args([
            "batch",
            "--strict",
            "--summary-json",
            json.to_str().unwrap(),
        ])
        .write_stdin("Nom;Type;Budget\nA;Commune;5000000\nB;Région;12000000\nC;Commune;1\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let s: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(s["stopped_at_line"], json!(3));
    assert_eq!(
        (&s["rows"], &s["priced"], &s["undecided"]),
        (&json!(2), &json!(1), &json!(1))
    );
}

#[test]
fn empty_and_whitespace_lines_come_back_as_blank_rows() {
    let r = run_stdin(
        "Nom;Type;Budget\nA;Commune;5000000\n\nB;Commune;6000000\n ; ;\t\nC;Commune;7000000\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        String::from_utf8(r.out).unwrap(),
        "Nom;Type;Budget;tier;fee;fee_basis;error\n\
         A;Commune;5000000;medium;2500;fixed;\n\
         \n\
         B;Commune;6000000;medium;2500;fixed;\n \
         ; ;\t;;;;\n\
         C;Commune;7000000;medium;2500;fixed;\n"
    );
    assert_eq!(
        (&r.summary["rows"], &r.summary["blank"]),
        (&json!(5), &json!(2))
    );
    let r = run_stdin(
        "Nom;Type;Budget\n\nA;Commune;5000000\n",
        &["--format", "jsonl"],
    );
    let first: Value =
        serde_json::from_str(String::from_utf8(r.out).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["Nom"], Value::Null);
    assert_eq!(first["tier"], Value::Null);
}

#[test]
fn a_convention_learnt_early_is_told_when_a_later_value_needs_it() {
    let mut text = String::from("name,kind,budget\nA,commune,\"57,300,000\"\n");
    while text.len() < (1 << 20) + 4096 {
        text.push_str("B,commune,5000000\n");
    }
    text.push_str("C,commune,\"850,000\"\n");
    let r = run_stdin(&text, &["--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(warning_codes(&r.summary), ["convention"]);
    let last = String::from_utf8(r.out).unwrap();
    assert!(last.ends_with("C,commune,\"850,000\",small,1000,fixed,\n"));
}

#[test]
fn messages_say_what_the_user_stated_and_what_is_accepted() {
    let r = run_stdin(
        "Nom;Type;Budget\nA;Commune;1 234,56\n",
        &["--decimal-mark", ".", "--lang", "en", "--format", "jsonl"],
    );
    let row: Value = serde_json::from_str(String::from_utf8(r.out).unwrap().trim()).unwrap();
    assert!(
        row["error"]
            .as_str()
            .unwrap()
            .contains("as --decimal-mark says"),
        "{}",
        row["error"]
    );
    let r = run_stdin(
        "Nom;Type;Budget\nA;Commune;-\n",
        &["--lang", "en", "--format", "jsonl"],
    );
    let row: Value = serde_json::from_str(String::from_utf8(r.out).unwrap().trim()).unwrap();
    assert!(
        row["error"]
            .as_str()
            .unwrap()
            .contains("it is not a number"),
        "{}",
        row["error"]
    );
    let r = run_stdin(
        "Nom;Type;Budget\n",
        &["--network-strategy", "peut-être", "--lang", "en"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("possible values: oui/non, yes/no"),
        "{}",
        r.stderr
    );
    let r = run_stdin(
        "Nom;Type;Budget;Stratégie\nA;Région;12000000;\n",
        &["--lang", "en", "--format", "jsonl"],
    );
    let row: Value = serde_json::from_str(String::from_utf8(r.out).unwrap().trim()).unwrap();
    assert!(
        row["error"]
            .as_str()
            .unwrap()
            .ends_with("or for every row without an answer with --network-strategy yes or no"),
        "{}",
        row["error"]
    );
}

#[test]
fn a_header_word_of_four_letters_is_no_year() {
    // « Budget voté » is another column than « Budget »: only years are set
    // aside when headers are matched.
    let run = run_stdin(
        "Nom,Type,Budget,Budget voté\nLyon,commune,2000000,1800000\n",
        &["--lang", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = rows(&run.out, b',', false);
    assert_eq!(fee_of(&rows, "Lyon", 4), ("medium", "2500"));
}

#[test]
fn undecided_rows_count_at_the_least_of_their_own_two_fees() {
    // Two large régions (8 000 € with a strategy, 5 000 € without) and a
    // small one (8 000 € or 1 000 €), none answered: at least 11 000 €.
    let run = run_stdin(
        "Nom,Type,Budget\nBretagne,region,1712000000\nNormandie,region,1500000000\n\
         Mayotte,region,1000000\n",
        &["--lang", "en"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.summary["undecided"], json!(3));
    assert_eq!(run.summary["total"], json!({ "min": "11000", "max": null }));
}

#[test]
fn undecided_rows_between_two_fixed_fees_have_a_closed_range() {
    // A table whose network fee is a price, not a minimum: two régions
    // without an answer owe 5 000 € or 8 000 € each, 10 000 € to 16 000 €.
    let dir = tempfile::tempdir().unwrap();
    let tiers = dir.path().join("tiers-fixe.toml");
    let leaflet = std::fs::read_to_string(data("../../tiers-2022.toml")).unwrap();
    let fixed = leaflet.replace(
        r#"fee = { amount = 8_000, basis = "minimum", note = { fr = "à définir au cas par cas en fonction du groupement", en = "to be set case by case depending on the grouping" } }"#,
        r#"fee = { amount = 8_000, basis = "fixed" }"#,
    );
    assert_ne!(fixed, leaflet);
    std::fs::write(&tiers, fixed).unwrap();
    let run = run_stdin(
        "Nom,Type,Budget\nBretagne,region,1712000000\nNormandie,region,1500000000\n",
        &["--lang", "en", "--tiers", tiers.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.summary["total"],
        json!({ "min": "10000", "max": "16000" })
    );
}

#[test]
fn an_error_group_names_its_first_ten_lines() {
    let mut list = String::from("Nom,Type,Budget\n");
    for i in 0..12 {
        list.push_str(&format!("Ville {i},commune,beaucoup\n"));
    }
    let run = run_stdin(&list, &["--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let group = &run.summary["errors_by_code"][0];
    assert_eq!(group["count"], json!(12));
    assert_eq!(group["lines"], json!([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
}

#[test]
fn a_number_in_a_header_is_set_aside_only_as_a_year() {
    // « Budget 2 » (a second budget, kept by a colleague) is no « Budget
    // 2024 »: it does not make the list's « Budget » ambiguous.
    let run = run_stdin(
        "Nom,Type,Budget,Budget 2\nLyon,commune,2000000,800000\n",
        &["--lang", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = rows(&run.out, b',', false);
    assert_eq!(fee_of(&rows, "Lyon", 4), ("medium", "2500"));
}

#[test]
fn a_name_column_asked_for_and_found_twice_is_refused() {
    let run = run_stdin(
        "Nom,NOM,Type,Budget\nLyon,LYON,commune,2000000\n",
        &["--lang", "en", "--name-column", "nom"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("“Nom” and “NOM”"), "{}", run.stderr);
    assert!(run.out.is_empty());
    // Unasked, the name column is left unset, and the list priced.
    let run = run_stdin("Nom,NOM,Type,Budget\nLyon,LYON,commune,2000000\n", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_forced_tab_or_pipe_settles_a_delimiter_the_file_leaves_open() {
    // Each line holds two commas and two tabs (or pipes): either could be
    // the delimiter, and the user says which.
    for (delimiter, names) in [("tab", ["tab", "\t"]), ("pipe", ["pipe", "|"])] {
        let d = if delimiter == "tab" { "\t" } else { "|" };
        let input = format!(
            "Nom, ville, quartier{d}Type{d}Budget\nLyon, centre, est{d}commune{d}2000000\n"
        );
        let run = run_stdin(&input, &["--lang", "en"]);
        assert_eq!(run.code, 2, "{delimiter}: {}", run.stderr);
        for name in names {
            let run = run_stdin(&input, &["--lang", "en", "--delimiter", name]);
            assert_eq!(run.code, 0, "{name:?}: {}", run.stderr);
            let rows = rows(&run.out, d.as_bytes()[0], false);
            assert_eq!(fee_of(&rows, "Lyon, centre, est", 3), ("medium", "2500"));
        }
    }
}

#[test]
fn the_summary_counts_each_kind_s_rows_at_a_minimum_fee_and_its_dues() {
    // Two Régions with a strategy (8 000 €, a minimum), one without
    // (by budget), and a commune.
    let list = "nom,type,budget,stratégie\n\
                A,Région,2000000000,oui\n\
                B,Région,900000000,oui\n\
                C,Région,1200000,non\n\
                D,Commune,2300000,\n";
    let run = run_stdin(list, &["-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let by_kind = run.summary["by_kind"].as_array().unwrap();
    let kind = |id: &str| by_kind.iter().find(|k| k["kind"] == id).unwrap().clone();
    let region = kind("region");
    assert_eq!(region["rows"], 3);
    assert_eq!(region["at_minimum"], 2);
    // 2 × 8 000 € and 1 000 €, open above: two are minimums.
    assert_eq!(region["dues"]["min"], "17000");
    assert_eq!(region["dues"]["max"], Value::Null);
    let commune = kind("commune");
    assert_eq!(
        (commune["rows"].clone(), commune["at_minimum"].clone()),
        (1.into(), 0.into())
    );
    assert_eq!(commune["dues"]["max"], "2500");
    assert_eq!(kind("epci")["dues"]["min"], "0");
}

#[test]
fn json_lines_refuse_a_header_twice_or_named_as_a_key_of_theirs() {
    let jsonl = ["--format", "jsonl", "--lang", "en"];
    let r = run_stdin("Nom,Type,Budget,Nom\nA,commune,1000,B\n", &jsonl);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("header “Nom” appears twice"),
        "{}",
        r.stderr
    );
    for key in ["kind_id", "extra_fields"] {
        let r = run_stdin(
            &format!("Nom,Type,Budget,{key}\nA,commune,1000,x\n"),
            &jsonl,
        );
        assert_eq!(r.code, 2, "{key}");
        assert!(
            r.stderr.contains(&format!("header “{key}”")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn json_lines_keep_columns_without_a_name_apart_and_blank_lines_as_nulls() {
    let jsonl = ["--format", "jsonl", "--lang", "en"];
    // Two columns without a name are no header twice.
    let r = run_stdin("Nom,,Type,,Budget\n\nA,x,commune,y,100000\n", &jsonl);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = String::from_utf8(r.out).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[1]["extra_fields"], json!(["x", "y"]));
    // The blank line: every named column, and nothing else, null.
    let blank = lines[0].as_object().unwrap();
    let keys: Vec<&str> = blank.keys().map(String::as_str).collect();
    let named = ["Nom", "Type", "Budget", "tier", "fee", "fee_basis", "error"];
    let quote = ["error_code", "budget_parsed", "kind_id"];
    assert_eq!(keys, [&named[..], &quote[..]].concat());
    assert!(blank.values().all(Value::is_null));
}
