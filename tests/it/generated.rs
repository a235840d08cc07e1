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

#[test]
fn man_page_is_roff_from_the_clap_definition() {
    let out = stdout_ok(&["man"]);
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &text[..80]
    );
    assert!(text.contains(".TH dues 1"));
    assert!(text.contains(".SH SUBCOMMANDS"));
    for command in ["quote", "batch", "tiers", "check", "completions", "man"] {
        assert!(text.contains(&format!("dues\\-{command}(1)")), "{command}");
    }
}
