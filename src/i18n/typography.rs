//! French typography for text that comes from the tier table: the leaflet's
//! words, with the typography of the rest of the French output — a narrow
//! no-break space (U+202F) before `;` `:` `!` `?` and inside « », and ’ for
//! the apostrophe. The catalogue's own French is written that way already.

use std::borrow::Cow;

const NARROW: char = '\u{202f}';

/// `text` with French typography.
pub fn french(text: &str) -> Cow<'_, str> {
    let needs = text.contains(['\'', ':', ';', '!', '?', '«', '»']);
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => out.push('’'),
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
                    .is_some_and(|c| [' ', '\u{a0}', NARROW].contains(c))
                {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
    }
}
