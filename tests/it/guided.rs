//! The guided quote, in a pseudo-terminal: what is missing is asked, typed
//! answers are read as `--budget`, `--kind` and `--network-strategy` are,
//! and nothing is ever asked of a script.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::pty::Session;
use super::{dues, plain};

#[test]
fn dues_quote_alone_asks_for_the_budget_and_the_kind() {
    let mut s = Session::spawn(&["quote"]);
    s.expect("Budget annuel :");
    s.answer("2,3 M€");
    s.expect("Type d’organisation :");
    s.send("comm");
    // The table's names, offered as one types.
    s.expect("Communauté de communes");
    s.answer("une");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Cotisation 2022"), "{screen}");
    assert!(screen.contains("2 500 €"), "{screen}");
    assert!(
        screen.contains("Budget annuel entre 1,5 M€ et 10 M€"),
        "{screen}"
    );
}

#[test]
fn the_strategy_question_is_asked_when_it_decides_the_fee() {
    let mut s = Session::spawn(&["quote", "-b", "1,2 Md€", "-k", "Conseil régional"]);
    s.expect(
        "A-t-elle une stratégie d’entraînement des collectivités plus petites de son territoire ?",
    );
    // Its help gives both outcomes.
    s.expect(
        "oui : à partir de 8 000 € — à définir au cas par cas en fonction du groupement ; non :",
    );
    s.answer("peut-être");
    s.expect("ne répond pas à la question");
    s.erase("peut-être".chars().count());
    s.answer("oui");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("à partir de 8 000 €"), "{screen}");
}

#[test]
fn a_budget_too_small_for_its_kind_is_confirmed_or_corrected() {
    let mut s = Session::spawn(&["quote", "-b", "2,3", "-k", "commune", "--lang", "en"]);
    s.expect(
        "A budget of €2.30 for the kind “Municipality” (usually at least €10,000): is that right?",
    );
    s.expect("e.g. €2.3M");
    s.answer("€2.3M");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("€2,500"), "{screen}");
    // Kept as typed (Enter, or a yes): the fee of the budget as read, and no
    // warning after the question.
    for keep in ["", "yes", "oui"] {
        let mut s = Session::spawn(&["quote", "-b", "2,3", "-k", "commune", "--lang", "en"]);
        s.expect("is that right?");
        s.answer(keep);
        let (code, screen) = s.finish();
        assert_eq!(code, 0, "{screen}");
        assert!(screen.contains("€1,000"), "{screen}");
        assert!(!screen.contains("did you mean"), "{screen}");
    }
    // « non » is no amount: the right one is asked for.
    let mut s = Session::spawn(&["quote", "-b", "2,3", "-k", "commune"]);
    s.expect("bien cela ?");
    s.answer("non");
    s.expect("tapez le bon montant, ou Entrée pour garder celui-ci");
    s.erase(3);
    s.answer("2,3 M€");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("2 500 €"), "{screen}");
}

#[test]
fn a_value_that_cannot_be_read_is_asked_again() {
    let mut s = Session::spawn(&["quote", "-b", "beaucoup", "-k", "comune"]);
    // Why it was refused, then the prompt, started from what was typed.
    s.expect("--budget : « beaucoup » n’est pas un montant : ce n’est pas un nombre");
    s.expect("Budget annuel : beaucoup");
    s.erase("beaucoup".chars().count());
    s.answer("1,500");
    s.expect("il est ambigu");
    s.erase(5);
    s.answer("1 500 000");
    s.expect("vouliez-vous dire « Commune » ?");
    s.expect("Type d’organisation : comune");
    s.erase(6);
    s.answer("");
    s.expect("une réponse est nécessaire");
    s.answer("Communes");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("2 500 €"), "{screen}");
}

#[test]
fn ctrl_c_at_a_prompt_ends_the_run_as_an_interruption() {
    let mut s = Session::spawn(&["quote"]);
    s.expect("Budget annuel :");
    s.send("\x03");
    let (code, _) = s.finish();
    assert_eq!(code, 130);
}

#[test]
fn no_input_asks_nothing_even_in_a_terminal() {
    let s = Session::spawn(&["quote", "--no-input", "-k", "commune"]);
    let (code, screen) = s.finish();
    assert_eq!(code, 2, "{screen}");
    assert!(
        screen.contains("il manque des arguments obligatoires : --budget <MONTANT>"),
        "{screen}"
    );
}

#[test]
fn a_script_is_never_asked_and_never_waits() {
    // Stdin left open: a prompt would wait for ever.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dues"))
        .arg("quote")
        .env_remove("DUES_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "it waited");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2));
    let mut stderr = Vec::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    assert_eq!(
        plain(&stderr),
        "dues : erreur : il manque des arguments obligatoires : --budget <MONTANT>, --kind <TYPE>\n\n\
         Utilisation : dues quote --budget <MONTANT> --kind <TYPE> [options]\n\n\
         Pour en savoir plus, essayez « --help ».\n"
    );
    // The strategy question, without a terminal: today's refusal, exit 1.
    let out = dues()
        .args(["quote", "-b", "1,2 Md€", "-k", "région"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // A budget too small: a warning, the fee as read.
    let out = dues()
        .args(["quote", "-b", "2,3", "-k", "commune", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        plain(&out.stderr),
        "dues: warning: a budget of €2.30 is implausible for the kind “Municipality” (at least \
         €10,000): did you mean €2.3M? The fee given is that of a budget of €2.30.\n"
    );
}

#[test]
fn from_three_letters_a_kind_is_offered_by_what_its_name_contains() {
    let mut s = Session::spawn(&["quote"]);
    s.expect("Budget annuel :");
    s.answer("2,3 M€");
    s.expect("Type d’organisation :");
    // No name has a word starting with « tropo »: it is inside one, and
    // Tab completes to the first name offered, the only kind that has it.
    s.send("tropo");
    s.expect("Type d’organisation : tropo");
    s.send("\t");
    s.answer("");
    s.expect("A-t-elle une stratégie d’entraînement");
    s.answer("non");
    let (code, screen) = s.finish();
    assert_eq!(code, 0, "{screen}");
    let kind = screen.lines().rfind(|l| l.starts_with("│ Type "));
    assert!(kind.is_some_and(|l| l.contains("┆ Métropole ")), "{screen}");
}
