/*!
Language and text matching.

The table carries every text of its own in French and English ([`Text`]); the
user picks one with `--lang`. (The words of `dues` itself are in the message
catalogues of the binary, not here.) Names typed by people (kinds, strategy answers,
CSV headers) are compared after [`fold`], which ignores case, accents,
ligatures, apostrophe style, hyphens and runs of spaces, so that « Conseil
Régional », `conseil regional` and `CONSEIL-RÉGIONAL` are the same name.
*/

use serde::{Deserialize, Serialize};
use unicode_normalization::char::decompose_canonical;

/// The language of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French, the language of the leaflet and the default.
    #[default]
    Fr,
    En,
}

/// A text of the table, in both languages.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

/// Folds a name for comparison: lower case, no accents (`é` → `e`), ligatures
/// spelt out (`œ` → `oe`), every apostrophe, hyphen, underscore and space
/// run turned into a single space, and no space at either end.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if is_separator(c) {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            // `é` decomposes into `e` and a combining accent, which goes.
            decompose_canonical(c, |d| {
                if !('\u{0300}'..='\u{036f}').contains(&d) {
                    push(d, &mut out);
                }
            });
        }
    }
    out
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '-' | '‐' | '‑' | '–' | '—' | '_'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_ligatures_apostrophes_and_spacing() {
        assert_eq!(fold("Conseil Régional"), "conseil regional");
        assert_eq!(fold("  CONSEIL-RÉGIONAL "), "conseil regional");
        assert_eq!(
            fold("Communauté d’agglomération"),
            "communaute d agglomeration"
        );
        assert_eq!(
            fold("communaute d'agglomeration"),
            "communaute d agglomeration"
        );
        assert_eq!(fold("Œuvre\u{a0}sociale"), "oeuvre sociale");
        assert_eq!(fold("ÉTABLISSEMENT_PUBLIC"), "etablissement public");
        assert_eq!(fold(""), "");
    }
}

/// Whether two short byte strings are the same, compared in place. A batch
/// compares a field with a handful of spellings met before on every row:
/// there, a call to the C library's `memcmp` costs more than the comparison
/// (28 % of a batch's time, measured with perf on a 2-core machine).
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    // A fold without an early exit, which the compiler keeps in place.
    a.len() == b.len() && a.iter().zip(b).fold(0, |diff, (x, y)| diff | (x ^ y)) == 0
}

#[cfg(test)]
mod same_bytes_tests {
    use super::same_bytes;

    #[test]
    fn bytes_are_the_same_only_all_of_them_and_as_many() {
        assert!(same_bytes(b"", b""));
        assert!(same_bytes(b"commune", b"commune"));
        assert!(!same_bytes(b"commune", b"communes"));
        assert!(!same_bytes(b"communes", b"commune"));
        assert!(!same_bytes(b"commune", b"Commune"));
        assert!(!same_bytes(b"commune", b"communE"));
        // Two differences that would cancel out.
        assert!(!same_bytes(b"ab", b"ba"));
    }
}
