//! Every kind of message a user reads, word for word: French, the default,
//! for each kind, and English for a sample. The typed values come from the
//! library; the words from the catalogues (issue 7).

use std::io::ErrorKind;
use std::str::FromStr;

use dues::batch::{BatchError, Role, RowError, RowProblem};
use dues::failure::{Failure, Target};
use dues::i18n::{Catalog, batch, failure, table};
use dues_core::table::{
    BoundKey, Edge, ErrorCode, ExampleOutcome, MAX_FEE, MarkerFault, Problem, ProblemKind, Syntax,
    TableError, TomlProblem,
};
use dues_core::text::Lang;
use rust_decimal::Decimal;

use crate::dues;

/// `dues ARGS`: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = dues().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const ACCEPTED_FR: &str = "\u{202f}; écrivez un montant positif ou nul, comme 2300000, 2 300 000, 2 300 000,50 €, 2,3 M€, 850 k€ ou 1,2 Md€\n";

#[test]
fn why_an_amount_is_refused_in_french() {
    let cases: [(&str, &str); 13] = [
        (
            "",
            "«\u{202f}\u{202f}» n’est pas un montant\u{202f}: il est vide",
        ),
        (
            "-5",
            "«\u{202f}-5\u{202f}» n’est pas un montant\u{202f}: un budget ne peut pas être négatif",
        ),
        (
            "+5",
            "«\u{202f}+5\u{202f}» n’est pas un montant\u{202f}: écrivez-le sans signe",
        ),
        (
            "1,5E+06",
            "«\u{202f}1,5E+06\u{202f}» n’est pas un montant\u{202f}: la notation scientifique est refusée, car le tableur qui l’a écrite a pu arrondir le chiffre (élargissez la colonne ou mettez-la au format nombre)",
        ),
        (
            "abc",
            "«\u{202f}abc\u{202f}» n’est pas un montant\u{202f}: ce n’est pas un nombre",
        ),
        (
            "€ 5 €",
            "«\u{202f}€ 5 €\u{202f}» n’est pas un montant\u{202f}: la devise est écrite deux fois",
        ),
        (
            "2 30 000",
            "«\u{202f}2 30 000\u{202f}» n’est pas un montant\u{202f}: les chiffres se groupent par trois, avec une seule espace, U+00A0 ou U+202F entre les groupes (2 300 000)",
        ),
        (
            "5,",
            "«\u{202f}5,\u{202f}» n’est pas un montant\u{202f}: «\u{202f},\u{202f}» n’est pas à sa place",
        ),
        (
            "99999999999999999999999999999",
            "«\u{202f}99999999999999999999999999999\u{202f}» n’est pas un montant\u{202f}: il a plus de chiffres qu’un décimal exact n’en tient (28 chiffres)",
        ),
        (
            "12,3456",
            "«\u{202f}12,3456\u{202f}» n’est pas un montant\u{202f}: il est plus précis que le centime",
        ),
        (
            "1 500 000,-",
            "«\u{202f}1 500 000,-\u{202f}» n’est pas un montant\u{202f}: «\u{202f},-\u{202f}» pour «\u{202f}sans centimes\u{202f}» n’est pas lu\u{202f}; écrivez 1 500 000 ou 1 500 000,00",
        ),
        (
            "1,500",
            "«\u{202f}1,500\u{202f}» n’est pas un montant\u{202f}: il est ambigu\u{202f}: «\u{202f},\u{202f}» suivi de trois chiffres peut séparer les milliers (1 500) ou marquer les décimales (1,50)\u{202f}; écrivez 1 500 pour la première lecture ou 1,50 pour la seconde",
        ),
        (
            "1.500 k",
            "«\u{202f}1.500 k\u{202f}» n’est pas un montant\u{202f}: il est ambigu\u{202f}: «\u{202f}.\u{202f}» suivi de trois chiffres peut séparer les milliers (1 500 000) ou marquer les décimales (1 500)\u{202f}; écrivez 1 500 000 pour la première lecture ou 1 500 pour la seconde",
        ),
    ];
    for (budget, why) in cases {
        let (code, stdout, stderr) = run(&["quote", "--budget", budget, "--kind", "commune"]);
        assert_eq!((code, stdout.as_str()), (1, ""), "{budget:?}");
        assert_eq!(
            stderr,
            format!("dues\u{202f}: erreur\u{202f}: --budget\u{202f}: {why}{ACCEPTED_FR}"),
            "{budget:?}"
        );
    }
}

#[test]
fn kind_strategy_and_warning_messages_in_french() {
    let (code, _, stderr) = run(&["quote", "--budget", "5", "--kind", "Mairie de quartier"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "dues\u{202f}: erreur\u{202f}: --kind\u{202f}: type d’organisation inconnu\u{202f}: \
         «\u{202f}Mairie de quartier\u{202f}»\u{202f}; acceptés\u{202f}: region (Région), departement \
         (Département), metropole (Métropole), commune (Commune), epci (EPCI (intercommunalité)), \
         public (Autre organisme public), private (Organisme privé (association, fondation, \
         entreprise)), ou l’un de leurs autres noms, au singulier ou au pluriel (`dues tiers` les \
         donne\u{202f}; casse, accents et apostrophes n’importent pas)\n"
    );
    let (_, _, stderr) = run(&["quote", "--budget", "5", "--kind", "comune"]);
    assert!(
        stderr.starts_with(
            "dues\u{202f}: erreur\u{202f}: --kind\u{202f}: type d’organisation inconnu\u{202f}: \
         «\u{202f}comune\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}Commune\u{202f}»\u{202f}? \
         Acceptés\u{202f}: region (Région),"
        ),
        "{stderr}"
    );
    let (code, _, stderr) = run(&[
        "quote",
        "--budget",
        "5",
        "--kind",
        "région",
        "--network-strategy",
        "peut-être",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "dues\u{202f}: erreur\u{202f}: --network-strategy\u{202f}: «\u{202f}peut-être\u{202f}» ne \
         répond pas à la question de la stratégie d’entraînement\u{202f}; réponses acceptées\u{202f}: \
         oui/non, yes/no, o/n, y/n, true/false, vrai/faux, 1/0\n"
    );
    let (code, _, stderr) = run(&["quote", "--budget", "12 M€", "--kind", "Département"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "dues\u{202f}: erreur\u{202f}: --network-strategy\u{202f}: la réponse à la question de la \
         stratégie d’entraînement (oui ou non) est nécessaire pour chiffrer une organisation de \
         type Département (departement)\u{202f}: avec une stratégie d’entraînement des \
         collectivités plus petites de son territoire, tranche network, à partir de \
         8\u{202f}000\u{a0}€ — à définir au cas par cas en fonction du groupement\u{202f}; sans, \
         tranche large, 5\u{202f}000\u{a0}€\u{202f}; répondez par --network-strategy oui ou non\n"
    );
    let (code, _, stderr) = run(&[
        "quote",
        "--budget",
        "5",
        "--kind",
        "commune",
        "--network-strategy",
        "oui",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        "dues\u{202f}: attention\u{202f}: la stratégie d’entraînement ne change rien pour \
         «\u{202f}Commune\u{202f}»\u{202f}: cotisation selon le budget\n\
         dues\u{202f}: attention\u{202f}: un budget de 5\u{a0}€ est peu plausible pour une \
         organisation de type Commune (au moins 10\u{202f}000\u{a0}€)\u{202f}: vouliez-vous dire \
         5\u{a0}M€\u{202f}? La cotisation donnée est celle d’un budget de 5\u{a0}€.\n"
    );
}

#[test]
fn the_same_messages_in_english() {
    let (_, _, stderr) = run(&[
        "--lang", "en", "quote", "--budget", "1,500", "--kind", "commune",
    ]);
    assert_eq!(
        stderr,
        "dues: error: --budget: “1,500” is not an amount: it is ambiguous, “,” followed by three \
         digits may separate thousands (1 500) or mark decimals (1,50); write 1 500 for the first \
         reading or 1,50 for the second; write a non-negative amount such as 2300000, \
         2 300 000, 2 300 000,50 €, 2,3 M€, 850 k€ or 1,2 Md€\n"
    );
    let (_, _, stderr) = run(&[
        "--lang",
        "en",
        "quote",
        "--budget",
        "12 M€",
        "--kind",
        "Métropole",
    ]);
    assert_eq!(
        stderr,
        "dues: error: --network-strategy: the network strategy (yes or no) is needed to quote a \
         Metropolis (metropole): with a strategy of drawing the smaller authorities of its \
         territory along, tier network, from €8,000 — to be set case by case depending on the \
         grouping; without one, tier large, €5,000; answer with --network-strategy yes or no\n"
    );
}

#[test]
fn the_language_is_the_flag_else_dues_lang_else_french() {
    let check = |args: &[&str], env: Option<&str>| {
        let mut cmd = dues();
        if let Some(lang) = env {
            cmd.env("DUES_LANG", lang);
        }
        let out = cmd.args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let french = "tiers-2022.toml (intégrée)\u{202f}: valide";
    let english = "tiers-2022.toml (built in): valid";
    assert!(check(&["check"], None).starts_with(french));
    assert!(check(&["check"], Some("en")).starts_with(english));
    assert!(check(&["--lang", "fr", "check"], Some("en")).starts_with(french));
    assert!(check(&["check", "--lang", "en"], Some("fr")).starts_with(english));
    // A language `dues` does not have is a usage error, in French.
    let out = dues().args(["--lang", "de", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("dues\u{202f}: erreur\u{202f}: valeur «\u{202f}de\u{202f}» invalide pour «\u{202f}--lang <LANGUE>\u{202f}»\n\n  valeurs possibles\u{202f}: «\u{202f}fr\u{202f}», «\u{202f}en\u{202f}»")
    );
}

#[test]
fn usage_errors_in_both_languages() {
    assert_eq!(
        run(&["quote", "--bugdet", "5"]),
        (
            2,
            String::new(),
            "dues\u{202f}: erreur\u{202f}: argument inattendu\u{202f}: «\u{202f}--bugdet\u{202f}»\n\n  \
             astuce\u{202f}: un argument proche existe\u{202f}: «\u{202f}--budget\u{202f}»\n\n\
             Utilisation\u{202f}: dues quote --budget <MONTANT> --kind <TYPE> [options]\n\n\
             Pour en savoir plus, essayez «\u{202f}--help\u{202f}».\n"
                .to_string()
        )
    );
    assert_eq!(
        run(&["--lang", "en", "quote", "--budget", "5"]),
        (
            2,
            String::new(),
            "dues: error: the following required arguments were not provided: --kind <KIND>\n\n\
             Usage: dues quote --budget <AMOUNT> --kind <KIND> [options]\n\n\
             For more information, try “--help”.\n"
                .to_string()
        )
    );
    assert_eq!(
        run(&[
            "quote", "--budget", "5", "--kind", "commune", "--format", "xml"
        ])
        .2,
        "dues\u{202f}: erreur\u{202f}: valeur «\u{202f}xml\u{202f}» invalide pour \
         «\u{202f}--format <FORMAT>\u{202f}»\n\n  valeurs possibles\u{202f}: «\u{202f}table\u{202f}», \
         «\u{202f}text\u{202f}», «\u{202f}letter\u{202f}», «\u{202f}html\u{202f}», «\u{202f}json\u{202f}», \
         «\u{202f}csv\u{202f}»\n\n  astuce\u{202f}: une valeur proche existe\u{202f}: «\u{202f}html\u{202f}»\n\n\
         Pour en savoir plus, essayez «\u{202f}--help\u{202f}».\n"
    );
    assert_eq!(
        run(&[
            "quote", "--budget", "1", "--budget", "2", "--kind", "commune"
        ])
        .2,
        "dues\u{202f}: erreur\u{202f}: «\u{202f}--budget <MONTANT>\u{202f}» ne peut être donné \
         qu’une fois\n\nUtilisation\u{202f}: dues quote --budget <MONTANT> --kind <TYPE> \
         [options]\n\nPour en savoir plus, essayez «\u{202f}--help\u{202f}».\n"
    );
    assert_eq!(
        run(&["--lang", "en", "quot"]).2,
        "dues: error: unrecognized command “quot”\n\n  tip: a similar command exists: “quote”\n\n\
         Usage: dues [options] <command>\n\nFor more information, try “--help”.\n"
    );
}

#[test]
fn help_in_both_languages() {
    let (code, french, _) = run(&["quote", "--help"]);
    assert_eq!(code, 0);
    for line in [
        "Chiffrer la cotisation d’une organisation.\n\nUtilisation\u{202f}: dues quote --budget <MONTANT> --kind <TYPE> [options]\n\nOptions\u{202f}:\n",
        "  -b, --budget <MONTANT>            Budget annuel, par exemple 2300000, «\u{202f}2 300 000 €\u{202f}»,",
        "Options de toutes les commandes\u{202f}:\n",
        "  -h, --help             Afficher l’aide\n",
        "Exemples\u{202f}:\n  dues quote\n  dues quote -b \"2,3 M€\" -k commune\n",
    ] {
        assert!(french.contains(line), "{line:?} in\n{french}");
    }
    let (code, english, _) = run(&["--lang", "en", "quote", "--help"]);
    assert_eq!(code, 0);
    for line in [
        "Quote the dues of one organisation.\n\nUsage: dues quote --budget <AMOUNT> --kind <KIND> [options]\n\nOptions:\n",
        "  -b, --budget <AMOUNT>            Annual budget, e.g. 2300000, “2 300 000 €”, “2,3 M€”, “850 k€”.\n",
        "Options of every command:\n",
        "Examples:\n  dues quote\n  dues quote -b \"2,3 M€\" -k commune\n",
    ] {
        assert!(english.contains(line), "{line:?} in\n{english}");
    }
    // No word of clap's own English is left in the French help.
    for english_word in [
        "Usage",
        "Print help",
        "[default",
        "[possible values",
        "[env",
    ] {
        assert!(
            !french.contains(english_word),
            "{english_word} in\n{french}"
        );
    }
    let (_, dues_help, _) = run(&["help", "batch"]);
    let (_, batch_help, _) = run(&["batch", "--help"]);
    assert_eq!(
        dues_help.replace("dues batch", ""),
        batch_help.replace("dues batch", "")
    );
}

fn fr() -> Catalog {
    Catalog::new(Lang::Fr)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn every_table_problem_in_french() {
    let e = |s: &str| Edge::at(d(s));
    let kinds = vec![
        ProblemKind::MarkerRefused {
            marker: "M€".into(),
            fault: MarkerFault::Multiplier,
        },
        ProblemKind::MarkerRefused {
            marker: "".into(),
            fault: MarkerFault::Empty,
        },
        ProblemKind::MarkerRefused {
            marker: "€1".into(),
            fault: MarkerFault::Digit,
        },
        ProblemKind::MarkerRefused {
            marker: "-".into(),
            fault: MarkerFault::Sign,
        },
        ProblemKind::MarkerRefused {
            marker: "e.".into(),
            fault: MarkerFault::Separator,
        },
        ProblemKind::SymbolNotAccepted {
            symbol: "CHF".into(),
        },
        ProblemKind::NoKind,
        ProblemKind::DuplicateKindId("commune".into()),
        ProblemKind::EmptyKindName { kind: "x".into() },
        ProblemKind::KindNameClash {
            first: "epci".into(),
            second: "public".into(),
            name: "CU".into(),
        },
        ProblemKind::EmptyTierId,
        ProblemKind::DuplicateTierId("medium".into()),
        ProblemKind::SubCent {
            tier: "small".into(),
            key: Some(BoundKey::Below),
            amount: d("1.001"),
        },
        ProblemKind::SubCent {
            tier: "small".into(),
            key: None,
            amount: d("1000.001"),
        },
        ProblemKind::BothLowerBounds {
            tier: "small".into(),
        },
        ProblemKind::BothUpperBounds {
            tier: "small".into(),
        },
        ProblemKind::NoLowerBound {
            tier: "small".into(),
        },
        ProblemKind::EmptyBudget {
            tier: "large".into(),
        },
        ProblemKind::FeeNotPositive {
            tier: "small".into(),
            fee: Decimal::ZERO,
        },
        ProblemKind::FeeTooLarge {
            tier: "small".into(),
            fee: d("2000000000"),
            max: MAX_FEE,
        },
        ProblemKind::RuleNamesNoKind {
            tier: "network".into(),
        },
        ProblemKind::RuleUnknownKind {
            tier: "network".into(),
            kind: "metropol".into(),
            known: vec!["region".into(), "metropole".into()],
        },
        ProblemKind::NeitherBudgetNorRule { tier: "x".into() },
        ProblemKind::NoBudgetTier,
        ProblemKind::NotFromZero {
            tier: "small".into(),
            last: e("100").prev(),
        },
        ProblemKind::Gap {
            below: "small".into(),
            above: "medium".into(),
            first: e("1500000"),
            last: e("1600000").prev(),
        },
        ProblemKind::Overlap {
            below: "medium".into(),
            above: "large".into(),
            first: e("10000000"),
            last: e("10000000"),
        },
        ProblemKind::Unbounded {
            below: "medium".into(),
            above: "large".into(),
            first: e("10000000").next(),
            last: None,
        },
        ProblemKind::NoCeiling {
            tier: "large".into(),
            first: e("20000000").next(),
        },
        ProblemKind::RulesClash {
            first: "network".into(),
            second: "other".into(),
            kind: "region".into(),
        },
        ProblemKind::ExampleUnknownTier("huge".into()),
        ProblemKind::ExampleUnknownError {
            error: "oops".into(),
            known: vec!["invalid_budget".into()],
        },
        ProblemKind::ExampleShape,
        ProblemKind::ExampleFails {
            budget: "850 k€".into(),
            kind: "Département".into(),
            strategy: Some("non".into()),
            expected: ExampleOutcome::Quote {
                tier: "medium".into(),
                fee: d("2500"),
            },
            got: ExampleOutcome::Error(ErrorCode::NetworkStrategyRequired),
        },
        ProblemKind::ExampleFails {
            budget: "5".into(),
            kind: "commune".into(),
            strategy: None,
            expected: ExampleOutcome::Quote {
                tier: "medium".into(),
                fee: d("2500"),
            },
            got: ExampleOutcome::Quote {
                tier: "small".into(),
                fee: d("1000"),
            },
        },
        ProblemKind::BuiltInUndecodable,
    ];
    let problems = kinds
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Problem {
            line: (i > 0).then_some(i + 10),
            kind,
        })
        .collect();
    let error = TableError::Invalid {
        origin: "t.toml".into(),
        symbol: "€".into(),
        problems,
    };
    assert_eq!(table::table_error(&fr(), &error), TABLE_PROBLEMS_FR);
}

const TABLE_PROBLEMS_FR: &str = "t.toml\u{202f}: table des tranches invalide\u{202f}:\n  t.toml\u{202f}: marqueur de devise `M€` commençant ou finissant par un multiplicateur\u{202f}: un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur («\u{202f},\u{202f}», «\u{202f}.\u{202f}», une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi «\u{202f}2,3 M€\u{202f}» se lirait 2,30\u{a0}€\n  t.toml:11\u{202f}: marqueur de devise `` vide\u{202f}: un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur («\u{202f},\u{202f}», «\u{202f}.\u{202f}», une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi «\u{202f}2,3 M€\u{202f}» se lirait 2,30\u{a0}€\n  t.toml:12\u{202f}: marqueur de devise `€1` contenant un chiffre\u{202f}: un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur («\u{202f},\u{202f}», «\u{202f}.\u{202f}», une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi «\u{202f}2,3 M€\u{202f}» se lirait 2,30\u{a0}€\n  t.toml:13\u{202f}: marqueur de devise `-` contenant un signe\u{202f}: un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur («\u{202f},\u{202f}», «\u{202f}.\u{202f}», une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi «\u{202f}2,3 M€\u{202f}» se lirait 2,30\u{a0}€\n  t.toml:14\u{202f}: marqueur de devise `e.` contenant un séparateur\u{202f}: un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur («\u{202f},\u{202f}», «\u{202f}.\u{202f}», une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi «\u{202f}2,3 M€\u{202f}» se lirait 2,30\u{a0}€\n  t.toml:15\u{202f}: le symbole `CHF` n’est pas parmi les marqueurs acceptés (`accepted`)\u{202f}: un montant écrit comme dues l’affiche ne se relirait pas\n  t.toml:16\u{202f}: la table ne définit aucun type d’organisation\u{202f}: ajoutez un [[kind]] pour chacun\n  t.toml:17\u{202f}: l’identifiant de type `commune` sert deux fois\n  t.toml:18\u{202f}: le type `x` a un nom vide\n  t.toml:19\u{202f}: les types `epci` et `public` répondent tous deux au nom `CU`\n  t.toml:20\u{202f}: une tranche a un identifiant vide\n  t.toml:21\u{202f}: l’identifiant de tranche `medium` sert deux fois\n  t.toml:22\u{202f}: tranche `small`\u{202f}: below 1,001\u{a0}€ est plus précis que le centime\n  t.toml:23\u{202f}: tranche `small`\u{202f}: fee.amount 1\u{202f}000,001\u{a0}€ est plus précis que le centime\n  t.toml:24\u{202f}: tranche `small`\u{202f}: donnez `at_least` ou `above`, pas les deux\n  t.toml:25\u{202f}: tranche `small`\u{202f}: donnez `below` ou `at_most`, pas les deux\n  t.toml:26\u{202f}: tranche `small`\u{202f}: le budget a besoin d’une borne basse, `at_least` ou `above` (`at_least = 0` pour la première tranche)\n  t.toml:27\u{202f}: tranche `large`\u{202f}: ses bornes de budget n’y laissent aucun budget\n  t.toml:28\u{202f}: tranche `small`\u{202f}: la cotisation doit être positive, pas 0\u{a0}€\n  t.toml:29\u{202f}: tranche `small`\u{202f}: la cotisation va au plus jusqu’à 1\u{202f}000\u{202f}000\u{202f}000\u{a0}€, pas 2\u{202f}000\u{202f}000\u{202f}000\u{a0}€\n  t.toml:30\u{202f}: tranche `network`\u{202f}: la règle ne nomme aucun type\n  t.toml:31\u{202f}: tranche `network`\u{202f}: la règle nomme le type `metropol`, qui n’est pas un identifiant de type de cette table (region, metropole)\n  t.toml:32\u{202f}: la tranche `x` n’a ni `budget` ni `rule`\n  t.toml:33\u{202f}: aucune tranche ne s’applique selon le budget seul\u{202f}: les tranches sans `rule` doivent couvrir tout budget à partir de 0\n  t.toml:34\u{202f}: aucune tranche ne couvre budget < 100\u{a0}€ (la tranche la plus basse, `small`, commence là)\n  t.toml:35\u{202f}: les tranches `small` et `medium` laissent 1\u{202f}500\u{202f}000\u{a0}€ ≤ budget < 1\u{202f}600\u{202f}000\u{a0}€ sans tranche\n  t.toml:36\u{202f}: les tranches `medium` et `large` couvrent toutes deux budget = 10\u{202f}000\u{202f}000\u{a0}€\n  t.toml:37\u{202f}: les tranches `medium` et `large` couvrent toutes deux budget > 10\u{202f}000\u{202f}000\u{a0}€ (`medium` n’a pas de borne haute)\n  t.toml:38\u{202f}: aucune tranche ne couvre budget > 20\u{202f}000\u{202f}000\u{a0}€ (la tranche la plus haute, `large`, s’arrête là)\n  t.toml:39\u{202f}: les tranches `network` et `other` s’appliquent toutes deux au type `region`\n  t.toml:40\u{202f}: un exemple attend la tranche `huge`, que la table n’a pas\n  t.toml:41\u{202f}: un exemple attend l’erreur `oops`\u{202f}; erreurs connues\u{202f}: invalid_budget\n  t.toml:42\u{202f}: un exemple attend soit `tier` et `fee`, soit `error`\n  t.toml:43\u{202f}: l’exemple (budget `850 k€`, type `Département`, network_strategy `non`) attend la tranche `medium` à 2\u{202f}500\u{a0}€, et obtient l’erreur `network_strategy_required`\n  t.toml:44\u{202f}: l’exemple (budget `5`, type `commune`) attend la tranche `medium` à 2\u{202f}500\u{a0}€, et obtient la tranche `small` à 1\u{202f}000\u{a0}€\n  t.toml:45\u{202f}: la table intégrée ne peut pas être décodée\u{202f}; recompilez dues";

#[test]
fn toml_problems_in_french() {
    let problems = [
        TomlProblem::Syntax(Syntax::String),
        TomlProblem::Syntax(Syntax::TooDeep),
        TomlProblem::Syntax(Syntax::Other),
        TomlProblem::UnknownKey {
            key: "ammount".into(),
            expected: vec!["amount".into(), "basis".into(), "note".into()],
        },
        TomlProblem::MissingKey("year".into()),
        TomlProblem::WrongType(Some("true".into())),
        TomlProblem::WrongType(None),
        TomlProblem::OutOfRange("99999".into()),
        TomlProblem::UnknownVariant {
            found: "fix".into(),
            expected: vec!["fixed".into(), "minimum".into()],
        },
        TomlProblem::FloatMoney("1500000.0".into()),
        TomlProblem::NegativeMoney(-5),
        TomlProblem::NotMoney("1 000".into()),
        TomlProblem::MoneyTooLarge(d("1000000000000000.01")),
    ];
    let texts: Vec<String> = problems
        .into_iter()
        .map(|problem| {
            let error = TableError::Toml {
                origin: "t.toml".into(),
                line: 3,
                column: 7,
                problem,
            };
            table::table_error(&fr(), &error)
        })
        .collect();
    assert_eq!(texts.join("\n"), TOML_PROBLEMS_FR);
}

const TOML_PROBLEMS_FR: &str = "t.toml:3:7\u{202f}: TOML invalide\u{202f}: chaîne de caractères mal formée (un guillemet qui manque\u{202f}?)\nt.toml:3:7\u{202f}: TOML invalide\u{202f}: imbrication trop profonde\nt.toml:3:7\u{202f}: TOML invalide\u{202f}: ce qui s’y trouve n’est pas du TOML\nt.toml:3:7\u{202f}: clé inconnue `ammount`\u{202f}; attendue\u{202f}: `amount`, `basis` ou `note`\nt.toml:3:7\u{202f}: il manque la clé `year`\nt.toml:3:7\u{202f}: la valeur `true` n’a pas le type attendu ici\nt.toml:3:7\u{202f}: une valeur n’a pas le type attendu ici\nt.toml:3:7\u{202f}: la valeur `99999` sort des limites permises ici\nt.toml:3:7\u{202f}: `fix` n’est pas une valeur permise ici\u{202f}; valeurs permises\u{202f}: `fixed` ou `minimum`\nt.toml:3:7\u{202f}: un montant ne peut pas être un flottant TOML (1500000.0)\u{202f}: un flottant est une fraction binaire qui ne tient pas exactement chaque centime\u{202f}; écrivez un entier (1_500_000) ou une chaîne (\"1500000.50\")\nt.toml:3:7\u{202f}: un montant ne peut pas être négatif\u{202f}: -5\nt.toml:3:7\u{202f}: `1 000` n’est pas un montant tel que la table l’écrit\u{202f}: des chiffres avec un point décimal facultatif, comme \"1500000\" ou \"1500000.50\"\nt.toml:3:7\u{202f}: 1\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000,01 dépasse ce qu’une table peut tenir\u{202f}: les montants vont jusqu’à 1\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000";

#[test]
fn every_batch_and_row_error_in_french() {
    let cat = fr();
    let headers = vec!["Nom".to_string(), "Population".to_string()];
    let errors = [
        BatchError::Empty,
        BatchError::Utf16WithoutBom { big_endian: false },
        BatchError::Utf16WithoutBom { big_endian: true },
        BatchError::Binary,
        BatchError::UnclosedHeaderQuote(1),
        BatchError::AmbiguousDelimiter(b',', b'\t'),
        BatchError::MissingColumns {
            roles: vec![Role::Budget],
            headers: headers.clone(),
        },
        BatchError::NoSuchColumn {
            role: Role::Kind,
            wanted: "Statut".into(),
            headers,
        },
        BatchError::AmbiguousColumn {
            role: Role::Name,
            first: "Nom".into(),
            second: "Name".into(),
        },
        BatchError::ColumnClash("Fee".into()),
        BatchError::DuplicateHeader("Nom".into()),
        BatchError::ReservedHeader("extra_fields".into()),
        BatchError::SheetTooLarge {
            sheet: "Feuil1".into(),
            first: "A1".into(),
            last: "XFD1048576".into(),
        },
        BatchError::SheetOfText,
        BatchError::EncodingOfWorkbook,
    ];
    let texts: Vec<String> = errors.iter().map(|e| batch::batch_error(&cat, e)).collect();

    assert_eq!(texts.join("\n"), BATCH_ERRORS_FR);
    let table = crate::table();
    let quote = |budget: &str, kind: &str| {
        let request = dues_core::classify::Request {
            budget,
            kind,
            strategy: None,
        };
        dues_core::classify::quote(&table, request).unwrap_err()
    };
    let problems = [
        RowProblem::UnclosedQuote,
        RowProblem::TooFewFields { got: 1, width: 3 },
        RowProblem::TooFewFields { got: 2, width: 3 },
        RowProblem::TooManyFields { got: 4, width: 3 },
        RowProblem::NotUtf8 {
            column: "Nom".into(),
        },
        RowProblem::Quote {
            column: Some("Budget".into()),
            error: quote("1,500", "commune"),
        },
        RowProblem::Quote {
            column: None,
            error: quote("12 M€", "Région"),
        },
    ];
    let texts: Vec<String> = problems
        .into_iter()
        .map(|problem| batch::row_error(&cat, &table, &RowError { line: 7, problem }))
        .collect();
    assert_eq!(texts.join("\n"), ROW_ERRORS_FR);
    assert_eq!(
        batch::progress(&cat, 65536, None),
        "dues batch\u{202f}: 65\u{202f}536 lignes…"
    );
    assert_eq!(
        batch::progress(&cat, 65536, Some((42, std::time::Duration::from_secs(75)))),
        "dues batch\u{202f}: 65\u{202f}536 lignes, 42\u{202f}%, encore 1 min 15 s…"
    );
    assert_eq!(
        batch::progress(
            &Catalog::new(Lang::En),
            2,
            Some((7, std::time::Duration::from_secs(9)))
        ),
        "dues batch: 2 rows, 7%, 9 s left…"
    );
    assert_eq!(
        batch::progress(&Catalog::new(Lang::En), 1, None),
        "dues batch: 1 row…"
    );
}

const BATCH_ERRORS_FR: &str = "l’entrée est vide\u{202f}: un CSV a au moins une ligne d’en-tête\nl’entrée semble en UTF-16 (petit-boutiste) sans indicateur d’ordre des octets (BOM)\u{202f}; lisez-la avec --encoding utf-16le\nl’entrée semble en UTF-16 (gros-boutiste) sans indicateur d’ordre des octets (BOM)\u{202f}; lisez-la avec --encoding utf-16be\nl’entrée contient des octets NUL\u{202f}: ce n’est ni un CSV texte ni un classeur que dues lise (xlsx, xlsm, xls, xlsb, ods)\u{202f}; enregistrez-la en CSV ou en xlsx\nligne 1\u{202f}: un guillemet ouvert dans l’en-tête n’est jamais fermé, si bien que tout le fichier est allé dans un seul champ d’en-tête\u{202f}; fermez le guillemet\nimpossible de dire quel est le séparateur\u{202f}: «\u{202f},\u{202f}» et la tabulation découpent aussi bien les premières lignes\u{202f}; précisez-le avec --delimiter\npas de colonne budget\u{202f}; en-têtes trouvés\u{202f}: «\u{202f}Nom\u{202f}», «\u{202f}Population\u{202f}»\u{202f}; une colonne budget s’intitule «\u{202f}Budget\u{202f}», «\u{202f}Budget annuel\u{202f}», «\u{202f}Budget primitif\u{202f}», «\u{202f}BP\u{202f}», «\u{202f}Budget total\u{202f}», «\u{202f}Annual budget\u{202f}» ou «\u{202f}Total budget\u{202f}», quels que soient la casse, les accents, la ponctuation, l’année ou l’unité, ou se désigne avec --budget-column et son en-tête ou son numéro (à partir de 1)\n--kind-column «\u{202f}Statut\u{202f}» ne nomme aucune colonne\u{202f}; en-têtes trouvés\u{202f}: «\u{202f}Nom\u{202f}», «\u{202f}Population\u{202f}»\u{202f}; une colonne se désigne par son en-tête ou par son numéro, de 1 à 2\nles colonnes «\u{202f}Nom\u{202f}» et «\u{202f}Name\u{202f}» pourraient toutes deux être la colonne nom\u{202f}; précisez-la avec --name-column\nl’entrée a déjà une colonne «\u{202f}Fee\u{202f}»\u{202f}; dues ajoute les colonnes tier, fee, fee_basis et error\u{202f}: renommez d’abord cette colonne\nl’en-tête «\u{202f}Nom\u{202f}» apparaît deux fois\u{202f}; les objets JSON demandent des clés distinctes (renommez-en un, ou utilisez --format csv)\nl’en-tête «\u{202f}extra_fields\u{202f}» est le nom que les lignes JSON donnent aux champs au-delà de la largeur de l’en-tête\u{202f}; renommez cette colonne, ou utilisez --format csv\nla feuille «\u{202f}Feuil1\u{202f}» s’étend de A1 à XFD1048576\u{202f}: plus de cellules qu’une liste n’en a (20 millions au plus)\u{202f}; une cellule isolée loin de la liste\u{202f}? Supprimez les lignes et colonnes qui la séparent de la liste, ou désignez une autre feuille avec --sheet\n--sheet désigne une feuille de classeur, et c’est un fichier texte\u{202f}: retirez --sheet\n--encoding dit l’encodage d’un fichier texte, et c’est un classeur, dont les cellules n’en ont pas besoin\u{202f}: retirez --encoding";
const ROW_ERRORS_FR: &str = "ligne 7\u{202f}: un guillemet ouvert dans cette ligne n’est jamais fermé, si bien que toutes les lignes suivantes sont allées dans un seul champ\u{202f}; fermez le guillemet (dues l’a fermé en fin de fichier pour garder les colonnes séparées)\nligne 7\u{202f}: 1 champ là où l’en-tête en a 3\u{202f}; il manque un champ ou un séparateur (la ligne est complétée pour aligner les colonnes)\nligne 7\u{202f}: 2 champs là où l’en-tête en a 3\u{202f}; il manque un champ ou un séparateur (la ligne est complétée pour aligner les colonnes)\nligne 7\u{202f}: 4 champs là où l’en-tête en a 3\u{202f}; un champ de trop, ou un séparateur dans un champ qui devrait être entre guillemets\nligne 7, colonne «\u{202f}Nom\u{202f}»\u{202f}: UTF-8 invalide\u{202f}; si le fichier vient du «\u{202f}CSV\u{202f}» simple d’Excel, lisez-le avec --encoding windows-1252\nligne 7, colonne «\u{202f}Budget\u{202f}»\u{202f}: «\u{202f}1,500\u{202f}» n’est pas un montant\u{202f}: il est ambigu\u{202f}: «\u{202f},\u{202f}» suivi de trois chiffres peut séparer les milliers (1 500) ou marquer les décimales (1,50)\u{202f}; écrivez 1 500 pour la première lecture ou 1,50 pour la seconde\u{202f}; écrivez un montant positif ou nul, comme 2300000, 2 300 000, 2 300 000,50 €, 2,3 M€, 850 k€ ou 1,2 Md€\nligne 7\u{202f}: la réponse à la question de la stratégie d’entraînement (oui ou non) est nécessaire pour chiffrer une organisation de type Région (region)\u{202f}: avec une stratégie d’entraînement des collectivités plus petites de son territoire, tranche network, à partir de 8\u{202f}000\u{a0}€ — à définir au cas par cas en fonction du groupement\u{202f}; sans, tranche large, 5\u{202f}000\u{a0}€\u{202f}; le fichier n’a pas de colonne de stratégie (ajoutez-en une intitulée «\u{202f}Stratégie d’entraînement\u{202f}», avec oui ou non, ou répondez pour toutes ces lignes avec --network-strategy oui ou non)";

#[test]
fn what_ends_a_run_in_french() {
    let io = std::io::Error::from;
    let failures = [
        Failure::StdinTwice,
        Failure::TableRead {
            path: Some("t.toml".into()),
            error: io(ErrorKind::NotFound),
        },
        Failure::TableRead {
            path: None,
            error: io(ErrorKind::InvalidData),
        },
        Failure::InputOpen {
            origin: "in.csv".into(),
            error: io(ErrorKind::PermissionDenied),
        },
        Failure::Output {
            target: Target::Stdout,
            error: io(ErrorKind::StorageFull),
        },
        Failure::Output {
            target: Target::File("out.csv".into()),
            error: io(ErrorKind::ReadOnlyFilesystem),
        },
        Failure::OutputDir {
            dir: "/ro".into(),
            error: io(ErrorKind::PermissionDenied),
        },
        Failure::OutputIsFolder("out".into()),
        Failure::TooManyLinks("loop.csv".into()),
        Failure::OutputIsInput {
            option: "-o",
            path: "in.csv".into(),
        },
        Failure::SameOutputs("out.csv".into()),
        Failure::InputIsOutput {
            origin: "in.csv".into(),
        },
        Failure::Batch {
            origin: "in.csv".into(),
            error: BatchError::Empty,
        },
    ];
    let texts: Vec<String> = failures
        .iter()
        .map(|f| failure::failure(&fr(), f))
        .collect();
    assert_eq!(texts.join("\n"), FAILURES_FR);
}

const FAILURES_FR: &str = "la table des tranches (--tiers - ou DUES_TIERS=-) et l’entrée du lot lisent toutes deux l’entrée standard\u{202f}; donnez l’une des deux sous forme de fichier\nimpossible de lire la table des tranches t.toml\u{202f}: fichier ou dossier introuvable\nimpossible de lire la table des tranches sur l’entrée standard\u{202f}: le contenu n’est pas du texte UTF-8 valide\nimpossible de lire in.csv\u{202f}: permission refusée\nimpossible d’écrire sur la sortie standard (stdout)\u{202f}: plus de place sur le périphérique\nimpossible d’écrire out.csv\u{202f}: le système de fichiers est en lecture seule\nimpossible d’écrire dans /ro\u{202f}: permission refusée\nout\u{202f}: c’est un dossier\u{202f}; donnez un nom de fichier\nloop.csv\u{202f}: trop de niveaux de liens symboliques\n-o in.csv est le fichier d’entrée\u{202f}; écrivez dans un autre fichier\n--summary-json out.csv est aussi le fichier de -o\u{202f}: le résumé remplacerait les lignes chiffrées\u{202f}; donnez-lui un autre fichier\nin.csv\u{202f}: le fichier d’entrée est aussi la sortie (stdout)\u{202f}; écrivez les lignes chiffrées dans un autre fichier\nin.csv\u{202f}: l’entrée est vide\u{202f}: un CSV a au moins une ligne d’en-tête";

#[test]
fn a_usage_error_words_every_kind_of_value_clap_gives() {
    use clap::builder::StyledStr;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let cat = Catalog::new(Lang::En);
    let worded = |value| {
        let mut e = clap::Error::new(ErrorKind::UnknownArgument);
        e.insert(ContextKind::InvalidArg, value);
        let text = dues::i18n::usage::usage_error(&cat, &e);
        text.lines().next().unwrap_or_default().to_string()
    };
    let styled = ["--budget", "--kind"].map(StyledStr::from).to_vec();
    let cases = [
        (ContextValue::StyledStrs(styled), "--budget, --kind"),
        (ContextValue::Number(7), "7"),
        (ContextValue::Bool(true), "true"),
        (ContextValue::None, ""),
    ];
    for (value, shown) in cases {
        assert_eq!(
            worded(value),
            format!("dues: error: unexpected argument “{shown}” found")
        );
    }
}

#[test]
fn an_empty_value_is_said_to_be_missing_not_invalid() {
    let out = dues()
        .args([
            "--lang", "en", "quote", "--budget", "1", "--kind", "commune",
        ])
        .args(["--format", ""])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = crate::plain(&out.stderr);
    assert!(
        text.starts_with(
            "dues: error: a value is required for “--format <FORMAT>” but none was supplied\n"
        ),
        "{text}"
    );
}
