//! French typography for text that comes from the tier table: the leaflet's
//! words, with the typography of the rest of the French output — a narrow
//! no-break space (U+202F) before `;` `:` `!` `?` and inside « », ’ for
//! the apostrophe, and a no-break space (U+00A0) between a number and its
//! unit (`1,5 M€`), so that a narrow column never parts them. The
//! catalogue's own French is written that way already.

use std::borrow::Cow;

const NARROW: char = '\u{202f}';

/// `text` with French typography.
pub fn french(text: &str) -> Cow<'_, str> {
    let needs = text.contains(['\'', ':', ';', '!', '?', '«', '»', '€', '%']);
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &text[i + c.len_utf8()..];
        match c {
            '\'' => out.push('’'),
            ' ' if out.ends_with(|p: char| p.is_ascii_digit()) && starts_with_unit(rest) => {
                out.push('\u{a0}');
            }
            ':' | ';' | '!' | '?' | '»' => {
                let trimmed = out.trim_end_matches([' ', '\u{a0}', NARROW]).len();
                let had_space = trimmed < out.len();
                // A colon glued to what precedes it is no punctuation of
                // prose (a time, a URL): left alone, as `»` never is.
                if had_space || c == '»' {
                    out.truncate(trimmed);
                    out.push(NARROW);
                }
                out.push(c);
            }
            '«' => {
                out.push('«');
                out.push(NARROW);
                while chars
                    .peek()
                    .is_some_and(|(_, c)| [' ', '\u{a0}', NARROW].contains(c))
                {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A unit written after a number: `€`, `%`, `k€`, `M€`, `Md€`.
fn starts_with_unit(text: &str) -> bool {
    ["€", "%", "k€", "K€", "M€", "Md€"]
        .iter()
        .any(|unit| text.starts_with(unit))
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn spaces_before_double_punctuation_and_inside_guillemets() {
        assert_eq!(
            french("L'adhésion à la 27e Région donne droit à :"),
            "L’adhésion à la 27e Région donne droit à\u{202f}:"
        );
        assert_eq!(
            french("dépliant « Adhésion 2022 »"),
            "dépliant «\u{202f}Adhésion 2022\u{202f}»"
        );
        assert_eq!(french("recherche-action ;"), "recherche-action\u{202f};");
        assert_eq!(french("à 10:30"), "à 10:30");
        assert_eq!(french("sans ponctuation"), "sans ponctuation");
        assert_eq!(
            french("Budget annuel entre 1,5 M€ et 10 M€"),
            "Budget annuel entre 1,5\u{a0}M€ et 10\u{a0}M€"
        );
        assert_eq!(
            french("à partir de 8 000 € ; 3 %"),
            "à partir de 8 000\u{a0}€\u{202f}; 3\u{a0}%"
        );
    }
}
