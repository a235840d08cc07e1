use crate::{dues, stdout_ok};

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_dues()"),
        ("zsh", "#compdef dues"),
        ("fish", "complete -c dues"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[dues]"),
    ] {
        let out = stdout_ok(&["completions", shell]);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(marker), "{shell}");
        assert!(text.contains("network-strategy"), "{shell}");
    }
    dues().args(["completions", "tcsh"]).assert().code(2);
}

/// The man page's `.SH` titles, in order.
fn man_sections(page: &str) -> Vec<&str> {
    page.lines().filter(|l| l.starts_with(".SH ")).collect()
}

/// Each `.SS` section of the man page (one per command): its title, and the
/// synopsis of each option (the line after each `.TP`).
fn man_commands(page: &str) -> Vec<(&str, Vec<&str>)> {
    let mut commands: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        if line.starts_with(".SH ") {
            if !commands.is_empty() {
                break;
            }
        } else if let Some(title) = line.strip_prefix(".SS ") {
            commands.push((title, Vec::new()));
        } else if line == ".TP"
            && let Some((_, options)) = commands.last_mut()
        {
            options.push(lines.next().expect("a line after .TP"));
        }
    }
    commands
}

#[test]
fn man_page_is_roff_from_the_clap_definition() {
    let out = stdout_ok(&["man"]);
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH DUES 1 "),
        "{}",
        &text[..80]
    );
    assert!(
        text.contains("\n.SH NOM\ndues \\- Chiffrer la cotisation d’adhésion à La 27e Région.\n"),
        "{text}"
    );
    assert_eq!(
        man_sections(&text),
        [
            ".SH NOM",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH COMMANDES",
            ".SH \"CODES DE RETOUR\"",
            ".SH ENVIRONNEMENT",
            ".SH EXEMPLES",
        ]
    );
    assert_eq!(
        man_commands(&text),
        [
            (
                "\"dues quote\"",
                vec![
                    "\\fB\\-b\\fR, \\fB\\-\\-budget\\fR \\fIMONTANT\\fR",
                    "\\fB\\-k\\fR, \\fB\\-\\-kind\\fR \\fITYPE\\fR",
                    "\\fB\\-s\\fR, \\fB\\-\\-network\\-strategy\\fR \\fIRÉPONSE\\fR",
                    "\\fB\\-n\\fR, \\fB\\-\\-name\\fR \\fINOM\\fR",
                    "\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFORMAT\\fR",
                    "\\fB\\-\\-date\\fR \\fIDATE\\fR",
                    "\\fB\\-\\-explain\\fR",
                    "\\fB\\-\\-no\\-input\\fR",
                ]
            ),
            (
                "\"dues batch\"",
                vec![
                    "\\fIENTRÉE\\fR",
                    "\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFICHIER\\fR",
                    "\\fB\\-\\-format\\fR \\fIFORMAT\\fR",
                    "\\fB\\-\\-delimiter\\fR \\fISÉPARATEUR\\fR",
                    "\\fB\\-\\-encoding\\fR \\fIENCODAGE\\fR",
                    "\\fB\\-\\-sheet\\fR \\fIFEUILLE\\fR",
                    "\\fB\\-\\-name\\-column\\fR \\fICOLONNE\\fR",
                    "\\fB\\-\\-kind\\-column\\fR \\fICOLONNE\\fR",
                    "\\fB\\-\\-budget\\-column\\fR \\fICOLONNE\\fR",
                    "\\fB\\-\\-strategy\\-column\\fR \\fICOLONNE\\fR",
                    "\\fB\\-\\-budget\\-unit\\fR \\fIUNITÉ\\fR",
                    "\\fB\\-\\-decimal\\-mark\\fR \\fIMARQUE\\fR",
                    "\\fB\\-\\-network\\-strategy\\fR \\fIRÉPONSE\\fR",
                    "\\fB\\-\\-summary\\-json\\fR \\fIFICHIER\\fR",
                    "\\fB\\-\\-strict\\fR",
                    "\\fB\\-j\\fR, \\fB\\-\\-threads\\fR \\fIN\\fR",
                    "\\fB\\-\\-summary\\fR",
                ]
            ),
            (
                "\"dues tiers\"",
                vec!["\\fB\\-\\-format\\fR \\fIFORMAT\\fR"]
            ),
            ("\"dues check\"", vec!["\\fIFICHIER\\fR"]),
            ("\"dues completions\"", vec!["\\fISHELL\\fR"]),
            ("\"dues man\"", vec![]),
            ("\"dues help\"", vec!["\\fICOMMANDE\\fR"]),
        ]
    );
    for usage in [
        "\\fBdues quote \\-\\-budget <MONTANT> \\-\\-kind <TYPE> [options]\\fR\n",
        "\\fBdues batch [<ENTRÉE>] [options]\\fR\n",
        "\\fBdues tiers [options]\\fR\n",
        "\\fBdues check [<FICHIER>]\\fR\n",
        "\\fBdues completions <SHELL>\\fR\n",
        "\\fBdues man\\fR\n",
    ] {
        assert!(text.contains(&format!(".PP\n{usage}")), "{usage}");
    }
    // The page names no other page: there is one, dues(1), and no dues-quote(1).
    assert!(!text.contains("(1)"), "{text}");
    // The options of every command, --version among them, once, up front.
    let options = &text[text.find(".SH OPTIONS").unwrap()..text.find(".SH COMMANDES").unwrap()];
    let listed: Vec<&str> = options.lines().filter(|l| l.starts_with("\\fB")).collect();
    assert_eq!(listed.len(), 5, "{options}");
    assert!(
        listed[4].starts_with("\\fB\\-V\\fR, \\fB\\-\\-version"),
        "{options}"
    );
    assert_eq!(text.matches("\\-\\-version").count(), 1);
    // Paragraphs one after the other, never an empty one.
    assert!(
        text.contains("refusés comme ambigus.\n.PP\nExemples"),
        "{text}"
    );
    assert!(!text.contains(".PP\n.PP"), "{text}");
    // Lines of a paragraph each on their own, not filled into one.
    assert!(
        text.contains(
            ".SH \"CODES DE RETOUR\"\n0\u{202f}: fait (chiffré, table valide).\n.br\n1\u{202f}: "
        ),
        "{text}"
    );
    // A command's examples after its options, as written, line by line.
    assert!(
        text.contains(
            ".PP\nExemples\u{202f}:\n.nf\n  dues tiers\n  dues tiers \\-\\-format json \\-\\-lang en\n"
        ),
        "{text}"
    );

    let out = stdout_ok(&["--lang", "en", "man"]);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\n.TH DUES 1 "));
    assert!(
        text.contains("\n.SH NAME\ndues \\- Quote the membership dues of La 27e Région.\n"),
        "{text}"
    );
    assert_eq!(
        man_sections(&text),
        [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH EXAMPLES",
        ]
    );
    let commands = man_commands(&text);
    let titles: Vec<&str> = commands.iter().map(|(title, _)| *title).collect();
    assert_eq!(
        titles,
        [
            "\"dues quote\"",
            "\"dues batch\"",
            "\"dues tiers\"",
            "\"dues check\"",
            "\"dues completions\"",
            "\"dues man\"",
            "\"dues help\"",
        ]
    );
    assert_eq!(
        commands[0].1,
        [
            "\\fB\\-b\\fR, \\fB\\-\\-budget\\fR \\fIAMOUNT\\fR",
            "\\fB\\-k\\fR, \\fB\\-\\-kind\\fR \\fIKIND\\fR",
            "\\fB\\-s\\fR, \\fB\\-\\-network\\-strategy\\fR \\fIANSWER\\fR",
            "\\fB\\-n\\fR, \\fB\\-\\-name\\fR \\fINAME\\fR",
            "\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFORMAT\\fR",
            "\\fB\\-\\-date\\fR \\fIDATE\\fR",
            "\\fB\\-\\-explain\\fR",
            "\\fB\\-\\-no\\-input\\fR",
        ]
    );
    assert!(!text.contains("(1)"), "{text}");
}

#[test]
fn completions_offer_the_strategy_answers_in_quote_and_in_batch() {
    let out = String::from_utf8(stdout_ok(&["completions", "fish"])).unwrap();
    for command in ["quote", "batch"] {
        // The option's entry runs to the next `complete` (its values are one
        // per line, `oui\t''`).
        let start = out
            .find(&format!(
                "__fish_dues_using_subcommand {command}\" -s s -l network-strategy"
            ))
            .or_else(|| {
                out.find(&format!(
                    "__fish_dues_using_subcommand {command}\" -l network-strategy"
                ))
            })
            .unwrap_or_else(|| panic!("no --network-strategy for {command}"));
        let entry = &out[start..];
        let entry = &entry[..entry.find("\ncomplete ").unwrap_or(entry.len())];
        for answer in ["oui", "non", "yes", "no", "vrai", "faux"] {
            let offered = entry.contains(&format!("\"{answer}\\t"))
                || entry.contains(&format!("\n{answer}\\t"));
            assert!(offered, "{command}: {answer}: {entry}");
        }
    }
}
