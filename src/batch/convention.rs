//! What a budget column's own values say of its marks: a column that writes
//! `57,300,000` uses `,` to group thousands, so its `850,000` is 850 000
//! rather than ambiguous. Learned from the first MiB of the file (the sniffed
//! sample), and only where the column never contradicts it; a row further
//! on that does (`12,5`) is refused with the convention named, never misread.

use dues_core::money::{Mark, Reading};

/// What one value shows of a mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Evidence {
    group: u64,
    decimal: u64,
}

/// The evidence of a column, mark by mark, and a value it would settle.
#[derive(Debug, Clone, Default)]
pub struct Column {
    comma: Evidence,
    dot: Evidence,
    /// A value that shows `,` (`.`) grouping, to quote in the note.
    comma_example: Option<String>,
    dot_example: Option<String>,
}

impl Column {
    /// Looks at one value of the column.
    pub fn see(&mut self, value: &str) {
        match shape(value) {
            // A value either reading could explain shows nothing.
            Shape::None | Shape::Ambiguous(_) => {}
            Shape::Group(mark) => self.group(mark, value),
            Shape::Decimal(mark) => self.evidence(mark).decimal += 1,
            Shape::Both { decimal, group } => {
                self.evidence(decimal).decimal += 1;
                self.group(group, value);
            }
        }
    }

    fn group(&mut self, mark: char, value: &str) {
        self.evidence(mark).group += 1;
        let example = if mark == ',' {
            &mut self.comma_example
        } else {
            &mut self.dot_example
        };
        example.get_or_insert_with(|| value.to_string());
    }

    fn evidence(&mut self, mark: char) -> &mut Evidence {
        if mark == ',' {
            &mut self.comma
        } else {
            &mut self.dot
        }
    }

    /// The marks this column settles: a mark it only ever uses to group
    /// thousands. (A mark seen only as a decimal mark settles nothing: a
    /// budget of 1,50 € is no reading to adopt without being told.)
    pub fn reading(&self) -> Reading {
        let settled = |e: Evidence| (e.group > 0 && e.decimal == 0).then_some(Mark::Group);
        Reading {
            unit: None,
            comma: settled(self.comma),
            dot: settled(self.dot),
            stated: false,
        }
    }

    /// A value of the sample that shows `mark` grouping thousands.
    pub fn example(&self, mark: char) -> Option<String> {
        if mark == ',' {
            self.comma_example.clone()
        } else {
            self.dot_example.clone()
        }
    }
}

/// What a value's marks show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No mark.
    None,
    /// A mark used more than once: it groups thousands (`57,300,000`).
    Group(char),
    /// One mark that cannot group thousands (`12,5`, `1500000,00`).
    Decimal(char),
    /// One mark before exactly three digits (`850,000`): either.
    Ambiguous(char),
    /// Both marks: the last is the decimal mark (`1,500,000.50`).
    Both { decimal: char, group: char },
}

/// What the marks of `value` show.
pub fn shape(value: &str) -> Shape {
    let digits: String = value
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let (commas, dots) = (digits.matches(',').count(), digits.matches('.').count());
    match (commas, dots) {
        (0, 0) => Shape::None,
        (_, 0) if commas > 1 => Shape::Group(','),
        (0, _) if dots > 1 => Shape::Group('.'),
        (1, 0) | (0, 1) => {
            let mark = if commas == 1 { ',' } else { '.' };
            let (int, frac) = digits.split_once(mark).unwrap_or_default();
            // No-break spaces (U+00A0, U+202F) are white space too.
            let spaced = value.contains(char::is_whitespace);
            if frac.len() == 3 && !int.starts_with('0') && (int.len() <= 3 || spaced) {
                Shape::Ambiguous(mark)
            } else {
                Shape::Decimal(mark)
            }
        }
        _ => {
            let last = digits.rfind([',', '.']).map(|i| digits.as_bytes()[i]);
            let (decimal, group) = if last == Some(b',') {
                (',', '.')
            } else {
                ('.', ',')
            };
            Shape::Both { decimal, group }
        }
    }
}

/// Whether a value whose bytes are these (in an encoding that holds ASCII
/// as ASCII) may be [`Shape::Ambiguous`]: one mark, three digits after it.
/// A batch asks this of each value before decoding it for [`shape`].
pub fn may_be_ambiguous(bytes: &[u8]) -> bool {
    let mut marks = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b',' | b'.'));
    match (marks.next(), marks.next()) {
        // The digits from the mark on (the mark is none of them).
        (Some((at, _)), None) => bytes[at..].iter().filter(|b| b.is_ascii_digit()).count() == 3,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn an_ambiguous_value_is_seen_as_one_from_its_bytes(value in "[0-9,. \u{a0}\u{202f}€a]{0,12}") {
            if let Shape::Ambiguous(_) = shape(&value) {
                prop_assert!(may_be_ambiguous(value.as_bytes()), "{}", value);
            }
            let latin1: Vec<u8> = value.chars().map(|c| if c.is_ascii() { c as u8 } else { 0xa0 }).collect();
            if let Shape::Ambiguous(_) = shape(&value) {
                prop_assert!(may_be_ambiguous(&latin1), "{}", value);
            }
        }
    }

    #[test]
    fn a_value_with_no_mark_or_two_or_not_three_digits_after_it_is_not_ambiguous() {
        for value in [
            "1500",
            "1,500",
            "1.500",
            "1 500,00",
            "1,500.00",
            "1,5",
            "1,5000",
            "12,345 €",
        ] {
            assert_eq!(
                may_be_ambiguous(value.as_bytes()),
                matches!(shape(value), Shape::Ambiguous(_)),
                "{value}"
            );
        }
    }

    fn column(values: &[&str]) -> Column {
        let mut c = Column::default();
        for v in values {
            c.see(v);
        }
        c
    }

    #[test]
    fn a_mark_only_ever_grouping_thousands_settles_it() {
        let c = column(&["57,300,000", "850,000", "1,500"]);
        assert_eq!(c.reading().comma, Some(Mark::Group));
        assert_eq!(c.example(','), Some("57,300,000".to_string()));
        let c = column(&["1.500.000", "850.000"]);
        assert_eq!(c.reading().dot, Some(Mark::Group));
        let c = column(&["1,500,000.50", "850,000"]);
        assert_eq!(c.reading().comma, Some(Mark::Group));
    }

    #[test]
    fn a_mark_grouping_beside_a_decimal_one_settles_only_itself() {
        let c = column(&["1.234.567", "1,234.50"]);
        assert_eq!(c.reading().comma, Some(Mark::Group));
        assert_eq!(c.reading().dot, None, "`.` is a decimal mark in 1,234.50");
    }

    #[test]
    fn one_mark_before_three_digits_is_ambiguous_in_a_short_or_spaced_number() {
        assert_eq!(shape("850,000"), Shape::Ambiguous(','));
        assert_eq!(shape("1 850.000"), Shape::Ambiguous('.'));
        assert_eq!(shape("1\u{a0}850,000 €"), Shape::Ambiguous(','));
        assert_eq!(shape("1850,000"), Shape::Decimal(','));
        assert_eq!(shape("0,500"), Shape::Decimal(','));
        assert_eq!(shape("850,00"), Shape::Decimal(','));
    }

    #[test]
    fn contradicting_values_settle_nothing() {
        let c = column(&["57,300,000", "12,5", "850,000"]);
        assert_eq!(c.reading().comma, None);
        let c = column(&["1 500 000,00 €", "1,500"]);
        assert_eq!(c.reading().comma, None, "a decimal comma settles nothing");
        assert_eq!(column(&["850,000"]).reading().comma, None);
    }
}
