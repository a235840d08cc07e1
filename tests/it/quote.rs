use serde_json::Value;

use crate::{data, dues, plain, run_code, stdout_ok};

/// The leaflet's benefits, in French, as `plain()` shows them (the typographic
/// spaces before `;` and `:` made plain; the apostrophes stay typographic).
const BENEFITS: [&str; 5] = [
    "La possibilité de participer aux programmes de recherche-action ;",
    "La possibilité de participer aux activités du centre-ressources et de bénéficier de notre rôle de veille, de sensibilisation, d’orientation et de mise en réseau ;",
    "La participation à la gouvernance de la 27e Région ;",
    "L’accès prioritaire aux événements professionnels : webconférences, webinaires adhérents, voyages d’étude, rencontres internationales, workshops, Semaine/ Mois de l’innovation publique.",
    "Un compagnonnage, sous la forme d’un temps d’échange régulier avec l’équipe de la 27e Région pour bénéficier de son regard extérieur et de son expertise sur les démarches d’innovation menées par l’adhérent",
];

#[test]
fn readme_first_quote_is_2500_with_the_five_benefits() {
    let (stdout, stderr) = run_code(&["quote", "--budget", "2,3 M€", "--kind", "commune"], 0);
    let expected = format!(
        "Cotisation 2022  2 500 €\n\
         Tranche          Budget annuel entre 1,5 M€ et 10 M€\n\
         Type             Commune\n\
         Budget annuel    2 300 000 €\n\
         \n\
         L’adhésion à la 27e Région donne droit à :\n\
         {}\n\
         \n\
         Source : La 27e Région, dépliant « Adhésion 2022 »\n",
        BENEFITS.map(|b| format!("• {b}")).join("\n")
    );
    assert_eq!(plain(&stdout), expected);
    assert!(stderr.is_empty());
}

#[test]
fn amounts_use_french_typographic_spaces() {
    dues()
        .args(["quote", "--budget", "2300000", "--kind", "commune"])
        .assert()
        .success()
        .stdout(predicates::str::contains("2\u{202f}500\u{a0}€"))
        .stdout(predicates::str::contains("2\u{202f}300\u{202f}000\u{a0}€"));
}

fn fee(budget: &str, kind: &str, strategy: Option<&str>) -> (String, String) {
    let mut cmd = dues();
    cmd.args([
        "quote", "--budget", budget, "--kind", kind, "--format", "json",
    ]);
    if let Some(s) = strategy {
        cmd.args(["--network-strategy", s]);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    (
        v["tier"]["id"].as_str().unwrap().to_string(),
        v["fee"]["amount"].as_str().unwrap().to_string(),
    )
}

#[test]
fn the_leaflet_boundaries_to_the_cent_through_the_binary() {
    let t = |id: &str, amount: &str| (id.to_string(), amount.to_string());
    assert_eq!(fee("1 499 999,99 €", "commune", None), t("small", "1000"));
    assert_eq!(fee("1 500 000 €", "commune", None), t("medium", "2500"));
    assert_eq!(fee("10 000 000 €", "commune", None), t("medium", "2500"));
    assert_eq!(fee("10 000 000,01 €", "commune", None), t("large", "5000"));
}

#[test]
fn every_accepted_amount_form() {
    let forms = [
        ("2300000", "2300000"),
        ("2300000.50", "2300000.5"),
        ("2 300 000", "2300000"),
        ("2 300 000,50", "2300000.5"),
        ("2\u{a0}300\u{a0}000,50", "2300000.5"),
        ("2\u{202f}300\u{202f}000,50", "2300000.5"),
        ("2 300 000 €", "2300000"),
        ("€ 2 300 000", "2300000"),
        ("2300000 EUR", "2300000"),
        ("EUR 2300000", "2300000"),
        ("2,3M", "2300000"),
        ("2.3 M€", "2300000"),
        ("850 k€", "850000"),
        ("1,2 Md€", "1200000000"),
        ("1 500 000,00 €", "1500000"),
    ];
    for (form, exact) in forms {
        let out = stdout_ok(&[
            "quote",
            "--budget",
            form,
            "--kind",
            "association",
            "--format",
            "json",
        ]);
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["input"]["budget"], exact, "{form}");
    }
}

#[test]
fn every_refused_amount_exits_1_naming_the_value() {
    let refused = [
        ("", "it is empty"),
        ("-5", "a budget cannot be negative"),
        ("beaucoup", "it is not a number"),
        ("NaN", "it is not a number"),
        ("inf", "it is not a number"),
        ("1,5E+06", "scientific notation is refused"),
        (
            "99999999999999999999999999999",
            "it has more digits than an exact decimal holds",
        ),
        ("1,500", "it is ambiguous"),
        ("1.500", "it is ambiguous"),
        ("2 30 000", "digits must be grouped by three"),
        ("12,345 6", "digits must be grouped by three"),
    ];
    for (value, reason) in refused {
        let (stdout, stderr) = run_code(
            &[
                "--lang", "en", "quote", "--budget", value, "--kind", "commune",
            ],
            1,
        );
        assert!(
            stderr.starts_with(&format!(
                "dues: error: --budget: “{value}” is not an amount: {reason}"
            )),
            "{value}: {stderr}"
        );
        assert!(
            stderr
                .contains("such as 2300000, 2 300 000, 2 300 000,50 €, 2,3 M€, 850 k€ or 1,2 Md€")
        );
        assert!(stdout.is_empty(), "{value}");
    }
}

#[test]
fn an_ambiguous_amount_says_both_readings_and_how_to_write_each() {
    let (stdout, stderr) = run_code(
        &[
            "--lang", "en", "quote", "--budget", "1.500", "--kind", "commune",
        ],
        1,
    );
    assert!(stdout.is_empty());
    assert!(stderr.contains(
        "“.” followed by three digits may separate thousands (1 500) or mark decimals (1,50); \
         write 1 500 for the first reading or 1,50 for the second"
    ));
}

#[test]
fn an_unknown_kind_exits_1_listing_the_accepted_kinds() {
    let (stdout, stderr) = run_code(
        &[
            "--lang",
            "en",
            "quote",
            "--budget",
            "1000",
            "--kind",
            "Mairie de quartier",
        ],
        1,
    );
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("dues: error: --kind: unknown kind “Mairie de quartier”; accepted"));
    assert!(stderr.contains("commune (Municipality), epci (Inter-municipal body (EPCI))"));
}

#[test]
fn an_eligible_kind_without_strategy_exits_1_with_both_outcomes() {
    let (stdout, stderr) = run_code(
        &[
            "--lang",
            "en",
            "quote",
            "--budget",
            "12 M€",
            "--kind",
            "Conseil départemental",
        ],
        1,
    );
    assert_eq!(
        stderr,
        "dues: error: --network-strategy: the network strategy (yes or no) is needed to quote a \
         Département (departement): with a strategy of drawing the smaller authorities of its \
         territory along, tier network, from €8,000 — to be set case by case depending on \
         the grouping; without one, tier large, €5,000; answer with \
         --network-strategy yes or no\n"
    );
    assert!(stdout.is_empty());
}

#[test]
fn strategy_answers_in_every_accepted_spelling() {
    for yes in ["yes", "oui", "true", "1", "o", "y", "OUI"] {
        assert_eq!(fee("2 M€", "région", Some(yes)).0, "network", "{yes}");
    }
    for no in ["no", "non", "false", "0", "n", "Non"] {
        assert_eq!(fee("2 M€", "région", Some(no)).0, "medium", "{no}");
    }
    dues()
        .args([
            "quote",
            "--budget",
            "2 M€",
            "--kind",
            "région",
            "--network-strategy",
            "peut-être",
        ])
        .env("DUES_LANG", "en")
        .assert()
        .code(1)
        .stderr(
            "dues: error: --network-strategy: “peut-être” is not an answer to the network-strategy \
             question; accepted: oui/non, yes/no, o/n, y/n, true/false, vrai/faux, 1/0\n",
        );
}

#[test]
fn a_yes_for_a_kind_that_is_not_eligible_warns_and_quotes_by_budget() {
    let (stdout, stderr) = run_code(
        &[
            "quote",
            "--budget",
            "2 M€",
            "--kind",
            "commune",
            "--network-strategy",
            "oui",
        ],
        0,
    );
    assert_eq!(
        stderr,
        "dues : attention : la stratégie d’entraînement ne change rien pour « Commune » : cotisation selon le budget\n"
    );
    assert!(plain(&stdout).starts_with("Cotisation 2022  2 500 €\n"));
}

#[test]
fn the_minimum_tier_is_shown_as_a_floor_with_its_note() {
    let (stdout, stderr) = run_code(
        &[
            "quote",
            "--budget",
            "1,2 Md€",
            "--kind",
            "Région",
            "--network-strategy",
            "oui",
        ],
        0,
    );
    assert!(stderr.is_empty());
    assert!(plain(&stdout).starts_with(
        "Cotisation 2022           à partir de 8 000 € — à définir au cas par cas en fonction du groupement\n"
    ));
}

#[test]
fn json_has_the_documented_shape() {
    let out = stdout_ok(&[
        "quote",
        "--budget",
        "2 300 000,50 €",
        "--kind",
        "Communauté d'agglomération",
        "--name",
        "Grand Besançon Métropole",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["tier"]["id"], "medium");
    assert_eq!(
        v["tier"]["label"],
        "Budget annuel entre 1,5\u{a0}M€ et 10\u{a0}M€"
    );
    assert_eq!(v["fee"]["amount"], "2500");
    assert_eq!(v["fee"]["currency"], "EUR");
    assert_eq!(v["fee"]["basis"], "fixed");
    let benefits: Vec<String> = v["benefits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| plain(s.as_str().unwrap().as_bytes()))
        .collect();
    assert_eq!(benefits, BENEFITS);
    assert_eq!(
        v["benefits"][0],
        "La possibilité de participer aux programmes de recherche-action\u{202f};"
    );
    assert_eq!(v["table"]["year"], 2022);
    assert_eq!(
        v["table"]["source"],
        "La 27e Région, dépliant «\u{202f}Adhésion 2022\u{202f}»"
    );
    assert_eq!(v["input"]["name"], "Grand Besançon Métropole");
    assert_eq!(v["input"]["kind"], "epci");
    assert_eq!(v["input"]["budget"], "2300000.5");
    assert_eq!(v["input"]["network_strategy"], Value::Null);
    let explanation: Vec<String> = v["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| plain(s.as_str().unwrap().as_bytes()))
        .collect();
    assert_eq!(
        explanation,
        [
            "EPCI (intercommunalité) : non éligible à la tranche network (à partir de 8 000 €), réservée à : Région, Département, Métropole avec une stratégie d’entraînement",
            "budget 2 300 000,50 € n’est pas < 1 500 000 € : pas la tranche small (1 000 €)",
            "budget 2 300 000,50 € ≥ 1 500 000 € et ≤ 10 000 000 € : tranche medium (2 500 €)",
            "budget 2 300 000,50 € n’est pas > 10 000 000 € : pas la tranche large (5 000 €)",
            "tranche suivante : large (5 000 €) pour budget > 10 000 000 €, avec 7 699 999,51 € de budget en plus",
        ]
    );
}

#[test]
fn json_of_the_minimum_tier_says_minimum() {
    let out = stdout_ok(&[
        "quote",
        "--budget",
        "40 M€",
        "--kind",
        "metropole",
        "--network-strategy",
        "yes",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["fee"]["amount"], "8000");
    assert_eq!(v["fee"]["basis"], "minimum");
    assert_eq!(
        v["fee"]["note"],
        "to be set case by case depending on the grouping"
    );
    assert_eq!(v["input"]["network_strategy"], true);
    assert_eq!(
        v["explanation"][0],
        "Metropolis with a network strategy: tier network (from €8,000)"
    );
}

#[test]
fn json_of_an_unquotable_input_names_the_error_and_exits_1() {
    let out = dues()
        .args([
            "quote", "--budget", "1,500", "--kind", "commune", "--format", "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["input"]["budget"], "1,500");
    assert_eq!(v["error"]["code"], "invalid_budget");
    assert_eq!(v["error"]["field"], "budget");
}

#[test]
fn csv_prints_a_header_and_one_row() {
    dues()
        .args([
            "quote",
            "--budget",
            "850 k€",
            "--kind",
            "Association",
            "--name",
            "Les Ateliers, Lyon",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(
            "name,kind,budget,network_strategy,tier,fee,fee_basis,error\n\
             \"Les Ateliers, Lyon\",private,850000,,small,1000,fixed,\n",
        );
    dues()
        .args([
            "quote",
            "--budget",
            "1,2 Md€",
            "--kind",
            "region",
            "--network-strategy",
            "oui",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(
            "name,kind,budget,network_strategy,tier,fee,fee_basis,error\n\
             ,region,1200000000,yes,network,8000,minimum,\n",
        );
}

#[test]
fn csv_of_an_unquotable_input_fills_the_error_column_and_exits_1() {
    let out = dues()
        .args([
            "quote",
            "--budget",
            "4 M€",
            "--kind",
            "Métropole",
            "--format",
            "csv",
        ])
        .env("DUES_LANG", "en")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let fields: Vec<&str> = rows[0].iter().collect();
    assert_eq!(fields[..7], ["", "Métropole", "4 M€", "", "", "", ""]);
    assert_eq!(
        fields[7],
        "the network strategy (yes or no) is needed to quote a Metropolis (metropole): with a \
         strategy of drawing the smaller authorities of its territory along, tier network, from \
         €8,000 — to be set case by case depending on the grouping; without one, tier medium, \
         €2,500"
    );
}

#[test]
fn explain_lists_each_rule_with_the_numbers() {
    let out = stdout_ok(&[
        "quote",
        "--budget",
        "2,3 M€",
        "--kind",
        "commune",
        "--explain",
    ]);
    let text = plain(&out);
    assert!(text.contains(
        "Explication :\n\
         • Commune : non éligible à la tranche network (à partir de 8 000 €), réservée à : Région, Département, Métropole avec une stratégie d’entraînement\n\
         • budget 2 300 000 € n’est pas < 1 500 000 € : pas la tranche small (1 000 €)\n\
         • budget 2 300 000 € ≥ 1 500 000 € et ≤ 10 000 000 € : tranche medium (2 500 €)\n\
         • budget 2 300 000 € n’est pas > 10 000 000 € : pas la tranche large (5 000 €)\n\
         • tranche suivante : large (5 000 €) pour budget > 10 000 000 €, avec 7 700 000,01 € de budget en plus\n"
    ), "{text}");
}

#[test]
fn explain_tests_each_bound_at_the_cent() {
    // Both sides of each bound: an upper bound `<` or `≤`, a lower bound
    // `≥` or `>`, and none below the first tier, which starts at 0.
    let cases = [
        (
            "1499999.99",
            [
                "budget €1,499,999.99 < €1,500,000: tier small",
                "budget €1,499,999.99 is not ≥ €1,500,000: not tier medium",
            ],
        ),
        (
            "1500000",
            [
                "budget €1,500,000 is not < €1,500,000: not tier small",
                "budget €1,500,000 ≥ €1,500,000 and ≤ €10,000,000: tier medium",
            ],
        ),
        (
            "10000000",
            [
                "budget €10,000,000 ≥ €1,500,000 and ≤ €10,000,000: tier medium",
                "budget €10,000,000 is not > €10,000,000: not tier large",
            ],
        ),
        (
            "10000000.01",
            [
                "budget €10,000,000.01 is not ≤ €10,000,000: not tier medium",
                "budget €10,000,000.01 > €10,000,000: tier large",
            ],
        ),
    ];
    for (budget, lines) in cases {
        let out = stdout_ok(&[
            "--lang",
            "en",
            "quote",
            "--budget",
            budget,
            "--kind",
            "commune",
            "--explain",
        ]);
        let text = plain(&out);
        for line in lines {
            assert!(text.contains(&format!("• {line} (")), "{line}\n{text}");
        }
    }
}

#[test]
fn english_output() {
    let out = stdout_ok(&[
        "--lang", "en", "quote", "--budget", "2,3 M€", "--kind", "commune",
    ]);
    let text = plain(&out);
    assert!(text.starts_with("Dues 2022      €2,500\nTier           Annual budget from €1.5M to €10M\nKind           Municipality\n"), "{text}");
    assert!(text.contains("Membership of La 27e Région entitles you to:\n• The opportunity to take part in the action-research programmes;\n"));
}

#[test]
fn another_years_table_needs_no_code_change() {
    let table = data("tables/tiers-2023.toml");
    let run = |cmd: &mut assert_cmd::Command| {
        let out = cmd
            .args([
                "quote",
                "--budget",
                "1 999 999,99",
                "--kind",
                "commune",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        (v["fee"]["amount"].clone(), v["table"]["year"].clone())
    };
    let expected = (Value::from("1200.5"), Value::from(2023));
    assert_eq!(run(dues().args(["--tiers", &table])), expected);
    assert_eq!(run(dues().env("DUES_TIERS", &table)), expected);
    let text = std::fs::read(&table).unwrap();
    assert_eq!(
        run(dues().args(["--tiers", "-"]).write_stdin(text)),
        expected
    );
}

#[test]
fn an_invalid_table_exits_2_before_quoting() {
    dues()
        .env("DUES_LANG", "en")
        .args([
            "--tiers",
            &data("tables/gap.toml"),
            "quote",
            "--budget",
            "1",
            "--kind",
            "commune",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "gap.toml:48: tiers `small` and `medium` leave €1,500,000 ≤ budget < €1,600,000 uncovered\n",
        ));
    dues()
        .env("DUES_LANG", "en")
        .args([
            "--tiers",
            "/nonexistent/tiers.toml",
            "quote",
            "--budget",
            "1",
            "--kind",
            "commune",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "dues: error: cannot read tier table /nonexistent/tiers.toml: no such file or folder\n",
        ));
}

#[test]
fn usage_errors_exit_2() {
    dues().args(["quote", "--budget", "1000"]).assert().code(2);
    dues()
        .args([
            "quote", "--budget", "1000", "--kind", "commune", "--format", "xml",
        ])
        .assert()
        .code(2);
    dues().args(["--lang", "de", "tiers"]).assert().code(2);
    dues().assert().code(2);
}

#[test]
fn no_escape_codes_in_a_pipe_unless_asked() {
    let out = stdout_ok(&["quote", "--budget", "1000", "--kind", "commune"]);
    assert!(!out.contains(&0x1b));
    let out = stdout_ok(&[
        "--color", "always", "quote", "--budget", "1000", "--kind", "commune",
    ]);
    assert!(String::from_utf8(out).unwrap().contains("\u{1b}[1m"));
}

#[test]
fn help_shows_examples() {
    dues()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Exemples\u{202f}:\n  dues quote --budget \"2,3 M€\" --kind commune\n",
        ));
    dues()
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Examples:\n  dues quote --budget \"2,3 M€\" --kind commune\n",
        ));
    dues()
        .args(["quote", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "«\u{202f}1,500\u{202f}» et «\u{202f}1.500\u{202f}» sont refusés comme ambigus.",
        ));
    dues()
        .args(["--lang", "en", "quote", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "“1,500” and “1.500” are refused as ambiguous.",
        ));
}
