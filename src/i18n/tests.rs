//! The catalogues agree, are complete, and write French the French way.

use std::collections::{BTreeMap, BTreeSet};

use dues_core::text::Lang;
use fluent_syntax::ast;

use super::{Catalog, EN, FR, french};

type Variables = BTreeMap<String, BTreeSet<String>>;

/// Every message of a catalogue, with the variables it uses.
fn messages(source: &str) -> Variables {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
    };
    let mut out = Variables::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern_variables(value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for v in variants {
                pattern_variables(&v.value, vars);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

/// Every message id the code uses, with the arguments it passes.
fn used_ids() -> Variables {
    let mut used = Variables::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/tests.rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        // Each `msg!(cat, "id", name = …)`: the id, then the names up to the
        // matching parenthesis.
        for (at, _) in code.match_indices("msg!(") {
            let call = balanced(&code[at + 4..]);
            let Some(start) = call.find('"') else {
                continue;
            };
            let Some(len) = call[start + 1..].find('"') else {
                continue;
            };
            let id = &call[start + 1..start + 1 + len];
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                continue;
            }
            let rest = &call[start + 1 + len..];
            let names = used.entry(id.to_string()).or_default();
            for part in top_level_args(rest) {
                if let Some((name, _)) = part.split_once('=')
                    && !name.trim().is_empty()
                    && name
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_')
                {
                    names.insert(name.trim().to_string());
                }
            }
        }
    }
    used
}

/// The text of a parenthesised group, from its `(`.
fn balanced(text: &str) -> &str {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..=i];
                }
            }
            _ => {}
        }
    }
    text
}

/// The comma-separated parts of a call's arguments, not split inside nested groups.
fn top_level_args(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[test]
fn both_catalogues_define_the_same_messages_with_the_same_variables() {
    let (fr, en) = (messages(FR), messages(EN));
    let fr_ids: BTreeSet<_> = fr.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        fr_ids.symmetric_difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "ids in one catalogue only"
    );
    for (id, vars) in &fr {
        assert_eq!(Some(vars), en.get(id), "variables of {id}");
    }
}

#[test]
fn every_message_the_code_uses_exists_with_the_arguments_it_is_given() {
    let fr = messages(FR);
    let used = used_ids();
    assert!(used.len() > 200, "the scan found the calls: {}", used.len());
    for (id, args) in &used {
        let Some(vars) = fr.get(id) else {
            panic!("{id} is used but not in the catalogues");
        };
        assert_eq!(args, vars, "arguments given to {id} and variables it uses");
    }
    let unused: Vec<_> = fr.keys().filter(|id| !used.contains_key(*id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// The text between placeables of each French message (placeables are code).
fn french_segments() -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in FR.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let text = line.split_once(" = ").map_or(line, |(_, value)| value);
        let (mut depth, mut segment) = (0, String::new());
        for c in text.chars() {
            match c {
                '{' => {
                    depth += 1;
                    out.push((n + 1, std::mem::take(&mut segment)));
                }
                '}' => depth -= 1,
                c if depth == 0 => segment.push(c),
                _ => {}
            }
        }
        out.push((n + 1, segment));
    }
    out
}

#[test]
fn french_is_written_with_french_typography() {
    for (line, segment) in french_segments() {
        let chars: Vec<char> = segment.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let fine = match c {
                // At a segment's start, the mark follows a placeable (`{ $a }:{ $b }`).
                ':' | ';' | '!' | '?' => before.is_none_or(|b| b == '\u{202f}'),
                '«' => after == Some('\u{202f}'),
                '»' => before == Some('\u{202f}'),
                '\'' => false,
                _ => true,
            };
            assert!(fine, "line {line}: {c:?} in {segment:?}");
        }
    }
    assert_eq!(
        french("L'adhésion donne droit à :"),
        "L’adhésion donne droit à\u{202f}:"
    );
}

#[test]
fn plurals_follow_each_language() {
    let fr = Catalog::new(Lang::Fr);
    let en = Catalog::new(Lang::En);
    let line = |cat: &Catalog, priced: u64, errors: u64| {
        cat.clauses(&[
            msg!(
                cat,
                "batch-done",
                tool = msg!(cat, "batch-tool"),
                priced = priced,
                minimum = 0u64
            ),
            msg!(cat, "batch-done-errors", count = errors),
        ])
    };
    assert_eq!(
        line(&fr, 0, 0),
        "dues batch\u{202f}: 0 ligne chiffrée\u{202f}; 0 en erreur"
    );
    assert_eq!(
        line(&fr, 1, 1),
        "dues batch\u{202f}: 1 ligne chiffrée\u{202f}; 1 en erreur"
    );
    assert_eq!(
        line(&fr, 12345, 2),
        "dues batch\u{202f}: 12\u{202f}345 lignes chiffrées\u{202f}; 2 en erreur"
    );
    assert_eq!(line(&en, 0, 0), "dues batch: 0 rows priced; 0 in error");
    assert_eq!(line(&en, 1, 0), "dues batch: 1 row priced; 0 in error");
    assert_eq!(
        line(&en, 12345, 0),
        "dues batch: 12,345 rows priced; 0 in error"
    );
}

#[test]
fn an_interval_reads_each_of_its_edges_open_or_closed() {
    use dues_core::table::Edge;
    use rust_decimal::Decimal;

    let en = Catalog::new(Lang::En);
    let edge = |units: i64, side: i8| Edge {
        amount: Decimal::from(units),
        side,
    };
    let text = |first, last| super::quote::interval(&en, "€", first, last);
    let zero = edge(0, 0);
    assert_eq!(text(zero, None), "any budget");
    assert_eq!(text(edge(5, 1), None), "budget > €5");
    assert_eq!(text(edge(5, 0), None), "budget ≥ €5");
    assert_eq!(text(zero, Some(edge(5, -1))), "budget < €5");
    assert_eq!(text(zero, Some(edge(5, 0))), "budget ≤ €5");
    assert_eq!(text(edge(5, 0), Some(edge(5, 0))), "budget = €5");
    assert_eq!(text(edge(5, 0), Some(edge(9, 0))), "€5 ≤ budget ≤ €9");
    assert_eq!(text(edge(5, 1), Some(edge(9, -1))), "€5 < budget < €9");
}
