//! What `dues` writes about itself: shell completions, its man page, and
//! `dues help [COMMAND]` — all from the same localized command line.

use std::process::ExitCode;

use clap::{Arg, Command};
use dues::failure::Failure;
use dues::i18n::Catalog;
use dues::msg;
use dues_core::Table;
use roff::{Roff, bold, italic, roman};

use super::write_stdout;
use crate::cli;

pub fn completions(
    cat: &Catalog,
    table: &Table,
    shell: clap_complete::Shell,
) -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    let mut dues = cli::command(cat).mut_subcommand("quote", |quote| {
        quote.mut_arg("kind", |kind| kind.value_parser(kind_names(table)))
    });
    clap_complete::generate(shell, &mut dues, "dues", &mut out);
    if shell == clap_complete::Shell::Zsh {
        out = zsh_words(cat, &String::from_utf8_lossy(&out)).into_bytes();
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// What `--kind` completes to: the ids, labels and other names of the
/// table's kinds that every shell takes as one word — no space, quote nor
/// bracket (bash and fish split on spaces; fish runs what parentheses hold).
/// The others are still read when typed.
fn kind_names(table: &Table) -> cli::Suggested {
    let plain = |name: &str| {
        name.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '’'))
    };
    let mut names: Vec<String> = Vec::new();
    for kind in &table.kinds {
        let all = [&kind.id, &kind.label.fr, &kind.label.en]
            .into_iter()
            .chain(&kind.aliases);
        for name in all {
            if plain(name) && !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    cli::Suggested(names)
}

/// The few words clap_complete writes into a zsh script itself — the
/// headings of command lists and the names of positional arguments — in the
/// user's language.
fn zsh_words(cat: &Catalog, script: &str) -> String {
    let commands = msg!(cat, "completion-commands");
    let mut script = script.replace(" commands' commands", &format!(" : {commands}' commands"));
    for (id, name) in [
        ("input", msg!(cat, "value-input")),
        ("file", msg!(cat, "value-file")),
        ("command", msg!(cat, "value-command")),
        ("shell", msg!(cat, "value-shell")),
    ] {
        let name = name.to_lowercase();
        script = script
            .replace(&format!("'::{id} -- "), &format!("'::{name} -- "))
            .replace(&format!("':{id} -- "), &format!("':{name} -- "));
    }
    script
}

/// `dues help [COMMAND]`: the help of `dues`, or of one of its commands.
pub fn help(cat: &Catalog, command: Option<&str>) -> Result<ExitCode, Failure> {
    let mut dues = cli::command(cat);
    dues.build();
    let mut shown = match command.and_then(|name| dues.find_subcommand(name)) {
        Some(sub) => sub.clone().bin_name(format!("dues {}", sub.get_name())),
        None => dues,
    };
    write_stdout(shown.render_help().to_string().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The man page: every command and option, in the user's language.
pub fn man(cat: &Catalog) -> Result<ExitCode, Failure> {
    write_stdout(page(cat).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn page(cat: &Catalog) -> String {
    let mut dues = cli::command(cat);
    dues.build();
    let mut roff = Roff::new();
    let version = format!("dues {}", env!("CARGO_PKG_VERSION"));
    // No date: a page built today would differ from one built tomorrow.
    roff.control(
        "TH",
        ["DUES", "1", " ", version.as_str(), &msg!(cat, "man-manual")],
    );
    roff.control("SH", [msg!(cat, "man-name").as_str()]);
    roff.text([roman(format!("dues - {}", plain(dues.get_about())))]);
    roff.control("SH", [msg!(cat, "man-synopsis").as_str()]);
    roff.text([
        bold("dues"),
        roman(" "),
        italic(msg!(cat, "man-synopsis-args")),
    ]);
    roff.control("SH", [msg!(cat, "man-description").as_str()]);
    paragraphs(&mut roff, &msg!(cat, "man-description-text"));
    roff.control("SH", [msg!(cat, "man-options").as_str()]);
    options(&mut roff, &dues, true);
    roff.control("SH", [msg!(cat, "man-commands").as_str()]);
    for sub in dues.get_subcommands() {
        command(&mut roff, sub);
    }
    roff.control("SH", [msg!(cat, "man-exit-status").as_str()]);
    paragraphs(&mut roff, &msg!(cat, "man-exit-status-text"));
    roff.control("SH", [msg!(cat, "man-environment").as_str()]);
    paragraphs(&mut roff, &msg!(cat, "man-environment-text"));
    roff.control("SH", [msg!(cat, "man-examples").as_str()]);
    // The section title says « Examples »: not its first line again.
    let examples = msg!(cat, "help-examples");
    paragraphs(
        &mut roff,
        examples.split_once('\n').map_or("", |(_, rest)| rest),
    );
    roff.render()
}

/// A command: its name, what it does, its usage, its options and examples.
fn command(roff: &mut Roff, sub: &Command) {
    roff.control("SS", [format!("dues {}", sub.get_name()).as_str()]);
    roff.text([roman(plain(sub.get_about()))]);
    if let Some(usage) = sub.get_overridden_usage() {
        roff.control("PP", []);
        roff.text([bold(usage.to_string())]);
    }
    options(roff, sub, false);
    if let Some(after) = sub.get_after_help() {
        roff.control("PP", []);
        paragraphs(roff, &after.to_string());
    }
}

/// The arguments of `command`: all those of `dues` itself (`root`: the
/// global ones and --version), or a command's own, without the global ones
/// the page lists once, up front.
fn options(roff: &mut Roff, command: &Command, root: bool) {
    for arg in command
        .get_arguments()
        .filter(|a| root || !a.is_global_set())
    {
        roff.control("TP", []);
        roff.text(synopsis(arg));
        roff.text([roman(plain(arg.get_help()))]);
    }
}

/// `-o, --output FILE`, `INPUT`.
fn synopsis(arg: &Arg) -> Vec<roff::Inline> {
    let mut parts = Vec::new();
    if let Some(short) = arg.get_short() {
        parts.push(bold(format!("-{short}")));
        if arg.get_long().is_some() {
            parts.push(roman(", "));
        }
    }
    if let Some(long) = arg.get_long() {
        parts.push(bold(format!("--{long}")));
    }
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    if let Some(names) = arg
        .get_value_names()
        .filter(|_| takes_value || arg.is_positional())
    {
        if !parts.is_empty() {
            parts.push(roman(" "));
        }
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        parts.push(italic(names.join(" ")));
    }
    parts
}

/// Text of paragraphs, a blank line between each, each line its own;
/// indented lines (examples) are kept as they are, not filled.
fn paragraphs(roff: &mut Roff, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            roff.control("PP", []);
        }
        let mut literal = false;
        for (j, line) in paragraph.lines().enumerate() {
            let indented = line.starts_with("  ");
            if indented != literal {
                roff.control(if indented { "nf" } else { "fi" }, []);
                literal = indented;
            } else if j > 0 && !literal {
                roff.control("br", []);
            }
            roff.text([roman(line.to_string())]);
        }
        if literal {
            roff.control("fi", []);
        }
    }
}

fn plain(text: Option<&clap::builder::StyledStr>) -> String {
    text.map(ToString::to_string).unwrap_or_default()
}
