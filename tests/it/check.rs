use crate::{data, dues, run_code};

#[test]
fn the_built_in_table_checks_clean() {
    dues().arg("check").assert().success().stdout(
        "tiers-2022.toml (intégrée)\u{202f}: valide — 4 tranches (3 selon le budget, 1 selon une règle), \
         7 types, 5 avantages\u{202f}; 11 exemples vérifiés\n",
    );
    dues().args(["--lang", "en", "check"]).assert().success().stdout(
        "tiers-2022.toml (built in): valid — 4 tiers (3 by budget, 1 by rule), 7 kinds, 5 benefits; 11 examples pass\n",
    );
}

#[test]
fn the_repository_table_is_the_built_in_one() {
    let path = format!("{}/tiers-2022.toml", env!("CARGO_MANIFEST_DIR"));
    dues().args(["check", &path]).assert().success();
    dues().args(["--tiers", &path, "check"]).assert().success();
}

/// Each kind of invalid table: the file, the line (and column where TOML gives
/// one) and what is wrong, exit 2.
#[test]
fn every_kind_of_invalid_table_exits_2_naming_file_and_line() {
    let cases = [
        (
            "gap",
            "gap.toml:48: tiers `small` and `medium` leave €1,500,000 ≤ budget < €1,600,000 uncovered\n",
        ),
        (
            "overlap",
            "overlap.toml:56: tiers `medium` and `large` both cover budget = €10,000,000\n",
        ),
        (
            "float-money",
            "float-money.toml:45:34: money cannot be a TOML float (1500000.0): a float is a binary \
             fraction that cannot hold every cent exactly; write an integer (1_500_000) or a string \
             (\"1500000.50\")\n",
        ),
        (
            "unknown-key",
            "unknown-key.toml:54:42: unknown key `ammount`; expected `amount`, `basis` or `note`\n",
        ),
        (
            "duplicate-id",
            "duplicate-id.toml:56: tier id `medium` is used twice\n",
        ),
        (
            "broken",
            "broken.toml:49:13: not valid TOML: a malformed string (a missing quote?)\n",
        ),
        (
            "unknown-rule-kind",
            "unknown-rule-kind.toml:63: tier `network`: the rule names kind `metropol`, which is not \
             a kind id of this table (region, departement, metropole, commune, epci, public, private)\n",
        ),
        (
            "alias-clash",
            "alias-clash.toml:139: kinds `epci` and `public` both answer to `Communauté urbaine`\n",
        ),
        (
            "zero-fee",
            "zero-fee.toml:41: tier `small`: the fee must be positive, not €0\n",
        ),
        (
            "failing-example",
            "failing-example.toml:216: example (budget `1 500 000 €`, kind `commune`) expects tier `small` at €1,000, got tier `medium` at €2,500\n",
        ),
    ];
    for (name, message) in cases {
        let (stdout, stderr) = run_code(
            &[
                "--lang",
                "en",
                "check",
                &data(&format!("tables/{name}.toml")),
            ],
            2,
        );
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{name}: {}", stderr);
    }
}

#[test]
fn check_lists_every_problem() {
    let (stdout, stderr) = run_code(&["check", &data("tables/many-problems.toml")], 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
}

#[test]
fn check_reads_stdin() {
    let text = std::fs::read(data("tables/tiers-2023.toml")).unwrap();
    dues()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(
            "<entrée standard>\u{202f}: valide — 4 tranches (3 selon le budget, 1 selon une règle), 7 types, \
             5 avantages\u{202f}; 2 exemples vérifiés (sans section [issuer]\u{202f}: pas de lettre ni de \
             page à imprimer)\n",
        );
}

#[test]
fn an_empty_dues_tiers_means_the_built_in_table() {
    dues()
        .env("DUES_TIERS", "")
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "tiers-2022.toml (intégrée)\u{202f}: valide — ",
        ));
}
