//! What staff send and copy (issue 9): `--format letter`, `--format html`,
//! `--format text`; the names they use; the issuer the table names.

use std::fs;

use super::pty::Session;
use super::{data, dues, plain, run_code, stdout_ok};

const BENEFITS_FR: &str = "- La possibilité de participer aux programmes de recherche-action ;\n\
- La possibilité de participer aux activités du centre-ressources et de bénéficier de notre rôle de veille, de sensibilisation, d’orientation et de mise en réseau ;\n\
- La participation à la gouvernance de la 27e Région ;\n\
- L’accès prioritaire aux événements professionnels : webconférences, webinaires adhérents, voyages d’étude, rencontres internationales, workshops, Semaine/ Mois de l’innovation publique.\n\
- Un compagnonnage, sous la forme d’un temps d’échange régulier avec l’équipe de la 27e Région pour bénéficier de son regard extérieur et de son expertise sur les démarches d’innovation menées par l’adhérent\n";

#[test]
fn a_letter_says_who_when_to_whom_the_fee_the_benefits_and_the_source() {
    let out = stdout_ok(&[
        "quote",
        "-b",
        "98,5 M€",
        "-k",
        "Ville",
        "-n",
        "Ville de Quimper",
        "-f",
        "letter",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(
        plain(&out),
        format!(
            "**La 27e Région**  \n\
             https://www.la27eregion.fr\n\
             \n\
             Le 1er décembre 2026\n\
             \n\
             À l’attention de : Ville de Quimper\n\
             \n\
             **Objet : Adhésion 2022 à La 27e Région**\n\
             \n\
             Madame, Monsieur,\n\
             \n\
             Pour Ville de Quimper, organisation de type Commune au budget annuel de 98 500 000 €, \
             la cotisation d’adhésion à La 27e Région (Adhésion 2022) est de **5 000 €** \
             (tranche : Budget annuel supérieur à 10 M€).\n\
             \n\
             L’adhésion à la 27e Région donne droit à :\n\
             \n\
             {BENEFITS_FR}\
             \n\
             Source : La 27e Région, dépliant « Adhésion 2022 »\n\
             \n\
             Nous restons à votre disposition pour toute question, et serions heureux de vous \
             compter parmi nos adhérents.\n\
             \n\
             Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.\n\
             \n\
             L’équipe de La 27e Région\n"
        )
    );
}

#[test]
fn a_minimum_fee_reads_from_with_its_note_and_dates_follow_the_language() {
    let out = stdout_ok(&[
        "--lang",
        "en",
        "quote",
        "-b",
        "1,2 Md€",
        "-k",
        "Conseil régional",
        "-s",
        "yes",
        "-f",
        "letter",
        "--date",
        "2026-03-21",
    ]);
    let text = plain(&out);
    assert!(text.contains("\n21 March 2026\n"), "{text}");
    assert!(
        !text.contains("For the attention of"),
        "no --name, no recipient"
    );
    assert!(
        text.contains(
            "For an organisation of the kind “Region” with an annual budget of €1,200,000,000, the \
             membership fee of La 27e \
             Région (Membership 2022) is as follows: **from €8,000, to be set case by case \
             depending on the grouping** (tier: Region, département or metropolis with a network \
             strategy).\n"
        ),
        "{text}"
    );
    let fr = plain(&stdout_ok(&[
        "quote",
        "-b",
        "1,2 Md€",
        "-k",
        "région",
        "-s",
        "oui",
        "-f",
        "letter",
        "--date",
        "2026-03-21",
    ]));
    assert!(fr.contains("\nLe 21 mars 2026\n"), "{fr}");
    assert!(
        fr.contains("est la suivante : **à partir de 8 000 €, à définir au cas par cas en fonction du groupement**"),
        "{fr}"
    );
    // Without --date, today.
    let today = jiff::ZonedDateTime::now().date();
    let text = plain(&stdout_ok(&[
        "--lang", "en", "quote", "-b", "5 M€", "-k", "asso", "-f", "letter",
    ]));
    assert!(text.contains(&format!(" {}\n", today.year())), "{text}");
    for day in ["1/12/2026", "2026-12-1", "2026-12-011", "02026-12-01", ""] {
        let (_, stderr) = run_code(&["quote", "-b", "5 M€", "-k", "asso", "--date", day], 2);
        assert!(stderr.contains("--date <DATE>"), "{day}: {stderr}");
    }
}

#[test]
fn the_html_page_is_self_contained_escaped_and_a4() {
    let out = stdout_ok(&[
        "quote",
        "-b",
        "98,5 M€",
        "-k",
        "commune",
        "-n",
        "Café <b>&\"Co\"",
        "-f",
        "html",
        "--date",
        "2026-12-01",
    ]);
    let page = String::from_utf8(out).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(page.ends_with("</body>\n</html>\n"));
    assert!(page.contains("@page{size:A4;"));
    assert!(page.contains("Café &lt;b&gt;&amp;&quot;Co&quot;"));
    assert!(!page.contains("<b>&"));
    assert!(page.contains("Le 1<sup>er</sup> décembre 2026"));
    assert!(page.contains("<strong>5\u{202f}000\u{a0}€</strong>"));
    // Nothing loaded from outside: no script, link, image, import or url().
    for outside in ["<script", "<link", "<img", "@import", "url(", "src="] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert_eq!(page.matches("<li>").count(), 5);
    // The issuer's header: its name, then how to reach it.
    assert!(
        page.contains("<p class=\"contact\">https://www.la27eregion.fr</p>\n</header>"),
        "{page}"
    );
}

#[test]
fn a_letter_needs_the_tables_issuer_which_dues_check_checks() {
    let dir = tempfile::tempdir().unwrap();
    let source = fs::read_to_string(data("../../tiers-2022.toml")).unwrap();
    let start = source.find("[issuer]").unwrap();
    let end = start + source[start..].find("\n\n").unwrap();
    let without = dir.path().join("sans-issuer.toml");
    fs::write(&without, format!("{}{}", &source[..start], &source[end..])).unwrap();
    let t = without.to_str().unwrap();
    let (_, stderr) = run_code(
        &[
            "--tiers", t, "quote", "-b", "5 M€", "-k", "asso", "-f", "letter",
        ],
        2,
    );
    assert!(
        stderr.contains("n’a pas de section [issuer] : une lettre dit qui l’envoie"),
        "{stderr}"
    );
    // The other formats do without.
    stdout_ok(&[
        "--tiers", t, "quote", "-b", "5 M€", "-k", "asso", "-f", "text",
    ]);

    let bad = dir.path().join("bad-issuer.toml");
    let issuer = "[issuer]\nname = \" \"\naddress = [\"1 rue X\", \"\"]\nemail = \"contact at 27\"\n\
                  phone = \"01 23\"\nwebsite = \"www.example.org\"\n";
    fs::write(
        &bad,
        format!("{}{issuer}{}", &source[..start], &source[end..]),
    )
    .unwrap();
    let (_, stderr) = run_code(&["--lang", "en", "check", bad.to_str().unwrap()], 2);
    for problem in [
        "[issuer]: `name` cannot be empty",
        "[issuer]: `address` cannot be empty",
        "[issuer]: `email` cannot be “contact at 27”; an email address is written name@domain.org",
        "[issuer]: `phone` cannot be “01 23”; a phone number is written in digits",
        "[issuer]: `website` cannot be “www.example.org”; a website is written with its scheme, https or http",
    ] {
        assert!(stderr.contains(problem), "{problem}\n{stderr}");
    }
    let unreachable = dir.path().join("unreachable.toml");
    let issuer = "[issuer]\nname = \"La 27e Région\"\n";
    fs::write(
        &unreachable,
        format!("{}{issuer}{}", &source[..start], &source[end..]),
    )
    .unwrap();
    let (_, stderr) = run_code(&["--lang", "en", "check", unreachable.to_str().unwrap()], 2);
    assert!(
        stderr.contains("[issuer] says no way to reach it"),
        "{stderr}"
    );
}

#[test]
fn text_is_plain_even_in_a_terminal() {
    let s = Session::spawn(&["quote", "-b", "2,3 M€", "-k", "commune", "-f", "text"]);
    let (code, screen) = s.finish();
    assert_eq!(code, 0);
    assert!(screen.contains("Cotisation 2022  2 500 €"), "{screen}");
    assert!(!screen.contains(['│', '╭', '─']), "{screen}");
    // While the default view draws its box there.
    let s = Session::spawn(&["quote", "-b", "2,3 M€", "-k", "commune"]);
    let (_, screen) = s.finish();
    assert!(screen.contains('│'), "{screen}");
}

#[test]
fn a_terminal_that_reports_no_width_gets_columns_else_80() {
    let widest = |screen: &str| screen.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let s = Session::spawn_sized(
        0,
        &["quote", "-b", "2,3 M€", "-k", "commune"],
        &[("COLUMNS", "60")],
    );
    let (code, screen) = s.finish();
    assert_eq!(code, 0);
    assert!(screen.contains('│'), "{screen}");
    assert!(widest(&screen) <= 60 && widest(&screen) > 40, "{screen}");
    let s = Session::spawn_sized(0, &["quote", "-b", "2,3 M€", "-k", "commune"], &[]);
    let (_, screen) = s.finish();
    assert!(widest(&screen) <= 80 && widest(&screen) > 60, "{screen}");
    // A batch's summary: boxes, as 80 columns allow, not the plain text of
    // a terminal too narrow for them.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let input = data("readme/prospects.csv");
    let args = ["batch", &input, "--summary", "-o", out.to_str().unwrap()];
    let (code, screen) = Session::spawn_sized(0, &args, &[]).finish();
    assert_eq!(code, 1, "a row in error: {screen}");
    let top = screen
        .lines()
        .find(|l| l.starts_with('╭'))
        .unwrap_or_default();
    assert!((60..=80).contains(&top.chars().count()), "{screen}");
}

#[test]
fn the_names_staff_use_are_known_and_a_slip_gets_the_closest() {
    let kind = |name: &str| {
        let out = stdout_ok(&["quote", "-b", "5 M€", "-k", name, "-s", "non", "-f", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["input"]["kind"].as_str().unwrap().to_string()
    };
    for (name, expected) in [
        ("CCAS", "public"),
        ("CIAS", "public"),
        ("université", "public"),
        ("CHU", "public"),
        ("EPCC", "public"),
        ("PNR", "public"),
        ("GIP", "public"),
        ("lycée", "public"),
        ("Collège", "public"),
        ("EPLE", "public"),
        ("SIVU", "epci"),
        ("SIVOM", "epci"),
        ("syndicat de communes", "epci"),
        ("Syndicat intercommunal", "epci"),
        ("Eurométropole", "metropole"),
        ("Eurométropole de Strasbourg", "metropole"),
        ("Métropole du Grand Paris", "metropole"),
        ("Métropole d'Aix-Marseille-Provence", "metropole"),
        ("association loi 1901", "private"),
        ("asso", "private"),
        ("SEM", "private"),
        ("SPL", "private"),
        ("Communes", "commune"),
        ("Régions", "region"),
        ("Départements", "departement"),
        ("Conseils départementaux", "departement"),
    ] {
        assert_eq!(kind(name), expected, "{name}");
    }
    let (_, stderr) = run_code(&["--lang", "en", "quote", "-b", "5 M€", "-k", "comune"], 1);
    assert!(
        stderr.starts_with(
            "dues: error: --kind: unknown kind “comune”; did you mean “Commune”? Accepted:"
        ),
        "{stderr}"
    );
}

#[test]
fn completions_offer_the_kinds_and_the_answers() {
    let bash = String::from_utf8(stdout_ok(&["completions", "bash"])).unwrap();
    for word in ["commune", "CCAS", "Asso", "Eurométropole", "SIVU"] {
        assert!(bash.contains(word), "{word}");
    }
    // One-word names only: bash and fish split on spaces, fish runs what
    // parentheses hold.
    assert!(!bash.contains("Conseil régional"));
    assert!(!bash.contains("(intercommunalité)"));
    let fish = String::from_utf8(stdout_ok(&["completions", "fish"])).unwrap();
    for answer in ["oui", "non", "yes", "no"] {
        assert!(fish.contains(&format!("{answer}\\t")), "{answer}");
    }
    // --format and --lang, as before; --delimiter by words a shell takes.
    assert!(fish.contains("letter\\t"));
    assert!(fish.contains("en\\t"));
    assert!(fish.contains("pipe\\t") && !fish.contains("|\\t"));
    // The scripts load, where the shells are installed.
    let dir = tempfile::tempdir().unwrap();
    for (shell, check) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        let script = dir.path().join(shell);
        fs::write(&script, stdout_ok(&["completions", shell])).unwrap();
        match std::process::Command::new(shell)
            .arg(check)
            .arg(&script)
            .status()
        {
            Ok(status) => assert!(status.success(), "{shell}"),
            Err(_) => eprintln!("{shell} not installed: its script left unchecked"),
        }
    }
}

// ─── What an adversarial pass found ──────────────────────────────────────────

#[test]
fn only_the_fee_is_bold_and_a_name_is_text_whatever_it_holds() {
    let text = plain(&stdout_ok(&[
        "quote",
        "-b",
        "11000",
        "-k",
        "commune",
        "-n",
        "**Café** & [Co]",
        "-f",
        "letter",
        "--date",
        "2026-12-01",
    ]));
    assert!(
        text.contains(
            "Pour \\*\\*Café\\*\\* & \\[Co\\], organisation de type Commune au budget annuel de \
             11 000 €, la cotisation d’adhésion à La 27e Région (Adhésion 2022) est de **1 000 €**"
        ),
        "{text}"
    );
    let page = String::from_utf8(stdout_ok(&[
        "--lang",
        "en",
        "quote",
        "-b",
        "1000000",
        "-k",
        "commune",
        "-n",
        "שלום",
        "-f",
        "html",
        "--date",
        "2026-12-01",
    ]))
    .unwrap();
    assert!(page.contains(
        "For <bdi>שלום</bdi>, of the kind “Municipality”, with an annual budget of €1,000,000"
    ));
    assert_eq!(page.matches("<strong>").count(), 1);
    assert!(page.contains("<strong>€1,000</strong>"));
}

#[test]
fn a_name_with_invisible_characters_is_refused_and_a_blank_one_is_none() {
    // Controls, bidirectional marks, embeddings and isolates, and the
    // private use area (a logo pasted from a Mac): the error shows the
    // name without them.
    let names = [
        ("Ville\u{202e}de", "Villede", "U+202E"),
        ("Ville\nde", "Villede", "U+000A"),
        ("Ville\u{1b}[31m", "Ville[31m", "U+001B"),
        ("Ville\u{200f}de", "Villede", "U+200F"),
        ("Ville\u{2067}de", "Villede", "U+2067"),
        ("Ville\u{f8ff} de", "Ville de", "U+F8FF"),
    ];
    for (name, shown, code) in names {
        let (_, stderr) = run_code(
            &[
                "--lang", "en", "quote", "-b", "5 M€", "-k", "asso", "-n", name,
            ],
            2,
        );
        assert_eq!(
            stderr,
            format!(
                "dues: error: --name: “{shown}” holds an invisible control or formatting \
                 character ({code}); write the name without it\n"
            )
        );
    }
    let text = plain(&stdout_ok(&[
        "quote",
        "-b",
        "5 M€",
        "-k",
        "asso",
        "-n",
        "  ",
        "-f",
        "letter",
        "--date",
        "2026-12-01",
    ]));
    assert!(!text.contains("À l’attention de"), "{text}");
    assert!(
        text.contains("Pour une organisation de type Organisme privé"),
        "{text}"
    );
}

#[test]
fn dates_are_days_of_the_calendar_written_year_month_day() {
    for date in [
        "2026-12-1",
        "2026-02-29",
        "2026-12-01T10:00",
        "0999-01-01",
        "1/12/2026",
    ] {
        let (_, stderr) = run_code(
            &[
                "quote", "-b", "5 M€", "-k", "asso", "-f", "letter", "--date", date,
            ],
            2,
        );
        assert!(
            stderr.contains("une date s’écrit AAAA-MM-JJ et doit exister, par exemple 2026-12-01"),
            "{date}: {stderr}"
        );
    }
    stdout_ok(&[
        "quote",
        "-b",
        "5 M€",
        "-k",
        "asso",
        "-f",
        "letter",
        "--date",
        "2028-02-29",
    ]);
    let (_, stderr) = run_code(
        &["quote", "-b", "5 M€", "-k", "asso", "--date", "2026-12-01"],
        0,
    );
    assert_eq!(
        stderr,
        "dues : attention : --date ne sert qu’aux formats letter et html : elle est ignorée ici\n"
    );
}

#[test]
fn acronyms_are_not_plurals_and_ambiguous_ones_are_no_names() {
    for unknown in ["CAS", "CUS", "CCS", "CEA", "SA", "CCI"] {
        let out = dues()
            .args(["quote", "-b", "5 M€", "-k", unknown, "-f", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{unknown}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["error"]["code"], "unknown_kind");
        assert_eq!(
            v["error"]["suggestions"],
            serde_json::json!([]),
            "{unknown}"
        );
    }
    let out = dues()
        .args(["quote", "-b", "5 M€", "-k", "fondaton", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["suggestions"], serde_json::json!(["Fondation"]));
    let out = stdout_ok(&["quote", "-b", "5 M€", "-k", "Mairies", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["input"]["kind"], "commune");
    for (name, kind) in [("EPIC", "public"), ("EPA", "public")] {
        let out = stdout_ok(&["quote", "-b", "5 M€", "-k", name, "-f", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["input"]["kind"], kind, "{name}");
    }
}

#[test]
fn a_narrow_terminal_gets_plain_text() {
    let s = Session::spawn_sized(30, &["quote", "-b", "2,3 M€", "-k", "commune"], &[]);
    let (code, screen) = s.finish();
    assert_eq!(code, 0);
    assert!(!screen.contains('│'), "{screen}");
    assert!(screen.contains("Cotisation 2022  2 500 €"), "{screen}");
}

#[test]
fn a_guided_letter_needs_its_issuer_before_any_question() {
    let dir = tempfile::tempdir().unwrap();
    let source = fs::read_to_string(data("../../tiers-2022.toml")).unwrap();
    let start = source.find("[issuer]").unwrap();
    let end = start + source[start..].find("\n\n").unwrap();
    let without = dir.path().join("sans-issuer.toml");
    fs::write(&without, format!("{}{}", &source[..start], &source[end..])).unwrap();
    let s = Session::spawn(&[
        "--tiers",
        without.to_str().unwrap(),
        "quote",
        "-f",
        "letter",
    ]);
    let (code, screen) = s.finish();
    assert_eq!(code, 2, "{screen}");
    assert!(!screen.contains("Budget annuel :"), "{screen}");
    // An empty signature is refused; http is a website too.
    let bad = dir.path().join("signature.toml");
    let issuer = "[issuer]\nname = \"La 27e Région\"\nwebsite = \"http://example.org\"\n\
                  signature = { fr = \"\", en = \"\" }\n";
    fs::write(
        &bad,
        format!("{}{issuer}{}", &source[..start], &source[end..]),
    )
    .unwrap();
    let (_, stderr) = run_code(&["--lang", "en", "check", bad.to_str().unwrap()], 2);
    assert!(
        stderr.contains("[issuer]: `signature` cannot be empty"),
        "{stderr}"
    );
    assert!(!stderr.contains("website"), "{stderr}");
}

#[test]
fn a_letter_is_dated_from_the_year_1000() {
    let quote = |date: &str| {
        let args = [
            "quote", "-b", "5 M€", "-k", "commune", "-f", "letter", "--date", date,
        ];
        dues().args(args).output().unwrap()
    };
    let out = quote("1000-01-01");
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(
        plain(&out.stdout).contains("1er janvier 1000"),
        "{}",
        plain(&out.stdout)
    );
    assert_eq!(quote("0999-12-31").status.code(), Some(2));
    assert_eq!(quote("1000-1-1").status.code(), Some(2));
}

#[test]
fn color_never_holds_in_a_terminal() {
    let quote = ["quote", "-b", "2,3 M€", "-k", "commune"];
    let (_, colored) = Session::spawn_sized(100, &quote, &[]).wait();
    assert!(
        colored.windows(2).any(|w| w == b"\x1b["),
        "a terminal gets styles"
    );
    let mut never = quote.to_vec();
    never.extend(["--color", "never"]);
    let (code, plain_bytes) = Session::spawn_sized(100, &never, &[]).wait();
    assert_eq!(code, 0);
    assert!(
        !plain_bytes.windows(2).any(|w| w == b"\x1b["),
        "{}",
        String::from_utf8_lossy(&plain_bytes)
    );
}

#[test]
fn columns_of_zero_is_no_width() {
    let widest = |screen: &str| screen.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let args = ["quote", "-b", "2,3 M€", "-k", "commune"];
    let (_, screen) = Session::spawn_sized(0, &args, &[("COLUMNS", "0")]).finish();
    assert!(widest(&screen) <= 80 && widest(&screen) > 60, "{screen}");
}
