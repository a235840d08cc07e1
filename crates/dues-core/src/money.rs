/*!
Amounts of money: read the way French people type them, written the French way.

Everything is a [`Decimal`]; no float is ever involved, not even while parsing:
the digits are collected as text and handed to `Decimal::from_str_exact`, which
refuses rather than rounds.

[`parse_amount`] accepts `2300000`, `2300000.50`, `2 300 000`, `2 300 000,50`
(plain space, U+00A0 or U+202F between groups of three), a currency marker
before or after (`€`, `EUR`…, from the table), and the multipliers `k`, `M`,
`Md` (also `Mds`, `Mrd`, `million(s)`, `milliard(s)`), with a decimal comma or
point: `2,3M`, `2.3 M€`, `850 k€`, `1,2 Md€`, `1,5 M d'€`. `1,500,000` and
`1.500.000,50` are read too, since a mark that repeats can only group digits.

It refuses, naming the value and saying what it accepts: an empty value, a
sign, text, NaN or infinity, scientific notation, badly grouped digits, more
digits than a decimal holds exactly, a fraction of a cent, and the ambiguous
`1,500` / `1.500` — one mark followed by exactly three digits, which is a
thousands separator to some and a decimal mark to others.
*/

use rust_decimal::Decimal;

use crate::text::Lang;

/// A value that is not an amount, with the reason. The text layer words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an amount ({}): `{value}`", problem.code())]
pub struct AmountError {
    /// The value as it was given.
    pub value: String,
    pub problem: AmountProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    Negative,
    Signed,
    Scientific,
    NotANumber,
    CurrencyTwice,
    Grouping,
    Misplaced(char),
    TooManyDigits,
    SubCent,
    /// A spreadsheet's formula whose value the file does not hold.
    Uncomputed,
    /// `1 500 000,-`: « no cents » as some accounts write it (`mark`: the
    /// `,` or `.` before the dash); the amount without it, if it is one.
    DashCents {
        mark: char,
        whole: Option<Decimal>,
    },
    /// The value's own unit (`850 k€`, or `€` alone: euros) is not the
    /// unit its column or the user set for plain numbers.
    UnitContradiction {
        written: Unit,
        expected: Unit,
    },
    /// A mark used against the file's convention: `mark` is, there, `role`;
    /// `stated`: the user said so (`--decimal-mark`), else the column's
    /// values show it.
    AgainstConvention {
        mark: char,
        role: Mark,
        stated: bool,
    },
    /// `1,500`: one mark followed by three digits, read both ways.
    Ambiguous {
        mark: char,
        thousands: Decimal,
        decimal: Decimal,
    },
}

impl AmountProblem {
    /// A stable name, for scripts.
    pub fn code(&self) -> &'static str {
        use AmountProblem::*;
        match self {
            Empty => "empty",
            Negative => "negative",
            Signed => "signed",
            Scientific => "scientific",
            NotANumber => "not_a_number",
            CurrencyTwice => "currency_twice",
            Grouping => "grouping",
            Misplaced(_) => "misplaced",
            TooManyDigits => "too_many_digits",
            SubCent => "sub_cent",
            Uncomputed => "uncomputed_formula",
            DashCents { .. } => "dash_cents",
            UnitContradiction { .. } => "unit_contradiction",
            AgainstConvention { .. } => "against_convention",
            Ambiguous { .. } => "ambiguous",
        }
    }
}

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// A space that may group digits or sit between an amount and its unit.
pub fn is_space(c: char) -> bool {
    SPACES.contains(&c)
}

/// Without the spaces around (every space of [`SPACES`] is white space).
fn trim(s: &str) -> &str {
    s.trim()
}

/// Multipliers, longest spelling first so that `Md` is not read as `M` + `d`;
/// the last, empty, is none.
pub const MULTIPLIERS: [(&str, u64); 10] = [
    ("milliards", 1_000_000_000),
    ("milliard", 1_000_000_000),
    ("millions", 1_000_000),
    ("million", 1_000_000),
    ("mds", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("md", 1_000_000_000),
    ("k", 1_000),
    ("m", 1_000_000),
    ("", 1),
];

/// A unit of plain numbers: euros, thousands or millions of euros; or the
/// unit a value is written in, which may also be billions (`3,6 Md€`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Euro,
    Thousand,
    Million,
    Billion,
}

impl Unit {
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Unit::Euro => 1u64,
            Unit::Thousand => 1_000,
            Unit::Million => 1_000_000,
            Unit::Billion => 1_000_000_000,
        })
    }

    /// The unit of a multiplier, if it is one of the four.
    fn of(factor: Decimal) -> Option<Unit> {
        [Unit::Euro, Unit::Thousand, Unit::Million, Unit::Billion]
            .into_iter()
            .find(|u| u.factor() == factor)
    }
}

/// What a mark is in a given file or column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Decimal,
    Group,
}

/// How to read amounts whose writing alone does not say everything: the
/// unit of plain numbers (`92,4` in a `Budget (M€)` column) and what `,` and
/// `.` are (a file that writes `57,300,000` reads `850,000` as 850 000).
/// The default reads amounts as written, refusing what is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    pub unit: Option<Unit>,
    pub comma: Option<Mark>,
    pub dot: Option<Mark>,
    /// The marks' roles were stated by the user, not learnt from values.
    pub stated: bool,
}

impl Reading {
    /// The convention of a file whose decimal mark is `mark` (`,` or `.`):
    /// the other mark groups thousands.
    pub fn decimal_mark(mark: char) -> Reading {
        let (comma, dot) = if mark == ',' {
            (Mark::Decimal, Mark::Group)
        } else {
            (Mark::Group, Mark::Decimal)
        };
        Reading {
            unit: None,
            comma: Some(comma),
            dot: Some(dot),
            stated: true,
        }
    }

    fn role(&self, mark: char) -> Option<Mark> {
        if mark == ',' { self.comma } else { self.dot }
    }
}

/// Parses an amount of money as written; `currency` lists the markers (`€`,
/// `EUR`, …) allowed before or after it, compared without regard to case.
pub fn parse_amount<S: AsRef<str>>(input: &str, currency: &[S]) -> Result<Decimal, AmountError> {
    parse_amount_as(input, currency, Reading::default())
}

/// Significant digits a spreadsheet keeps and shows of a number (Excel,
/// LibreOffice): what a formula leaves past them is binary noise.
const SHOWN_DIGITS: usize = 15;

/// A spreadsheet's number cell as the spreadsheet shows it, in decimal:
/// the binary float's digits rounded to the 15 significant digits a
/// spreadsheet keeps, by formatting, never by arithmetic. A number typed
/// in the cell comes back as typed (`1499999.99`, every decimal of at most
/// 15 digits surviving a float); a formula's `309640.35000000003` comes
/// back as the `309640.35` the sheet shows. Plain decimal notation, but for
/// magnitudes no amount has (`1E+300`, `1E-30`), written as a spreadsheet
/// writes them. `None` for an infinity or NaN.
pub fn number_cell_text(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    if value == 0.0 {
        return Some("0".to_string());
    }
    // `d.dddddddddddddde±x`: 15 significant digits and the exponent.
    let scientific = format!("{:.*e}", SHOWN_DIGITS - 1, value.abs());
    let (mantissa, exponent) = scientific.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let point = exponent + 1;
    let count = digits.len() as i32;
    let text = if !(-20..=30).contains(&exponent) {
        let rest = &digits[1..];
        let dot = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exponent.is_negative() { '-' } else { '+' };
        format!(
            "{}{dot}{rest}E{exp_sign}{:02}",
            &digits[..1],
            exponent.abs()
        )
    } else if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point >= count {
        format!("{digits}{}", "0".repeat((point - count) as usize))
    } else {
        let (whole, frac) = digits.split_at(point as usize);
        format!("{whole}.{frac}")
    };
    Some(format!("{sign}{text}"))
}

/// The amount a spreadsheet's number cell holds, as the spreadsheet shows
/// it ([`number_cell_text`]): `1499999.99` stays 1 499 999,99, never
/// 1 499 999,989 999 999 9; then scaled by the column's unit like a plain
/// number. Refused as text would be: negative, finer than a cent, past what
/// a decimal holds.
pub fn from_number_cell(value: f64, reading: Reading) -> Result<Decimal, AmountError> {
    let Some(shown) = number_cell_text(value) else {
        let value = if value.is_nan() { "NaN" } else { "∞" };
        return Err(AmountError {
            value: value.to_string(),
            problem: AmountProblem::NotANumber,
        });
    };
    let fail = |problem| AmountError {
        value: shown.clone(),
        problem,
    };
    if shown.starts_with('-') {
        return Err(fail(AmountProblem::Negative));
    }
    if let Some((_, exponent)) = shown.split_once('E') {
        let tiny = exponent.starts_with('-');
        return Err(fail(if tiny {
            AmountProblem::SubCent
        } else {
            AmountProblem::TooManyDigits
        }));
    }
    let number = shown
        .parse::<Decimal>()
        .map_err(|_| fail(AmountProblem::TooManyDigits))?;
    cell_amount(number, reading).map_err(fail)
}

/// The amount a spreadsheet's integer cell holds (ods, xls), exactly.
pub fn from_int_cell(value: i64, reading: Reading) -> Result<Decimal, AmountError> {
    cell_amount(Decimal::from(value), reading).map_err(|problem| AmountError {
        value: value.to_string(),
        problem,
    })
}

/// A cell's number as an amount: positive, in the column's unit, to the cent.
fn cell_amount(number: Decimal, reading: Reading) -> Result<Decimal, AmountProblem> {
    if number.is_sign_negative() && !number.is_zero() {
        return Err(AmountProblem::Negative);
    }
    let unit = reading.unit.map_or(Decimal::ONE, Unit::factor);
    let amount = scaled(Ok(number), unit)?;
    if amount.scale() > 2 {
        return Err(AmountProblem::SubCent);
    }
    Ok(amount)
}

/// Whether an amount is written as a plain number, with no unit nor
/// currency (`2,3`, not `2,3 M€` nor `2,30 €`).
pub fn is_plain<S: AsRef<str>>(input: &str, currency: &[S]) -> bool {
    matches!(strip_words(trim(input), currency), Ok((_, None)))
}

/// The bytes, in a file's encoding, of the spaces that may group digits and
/// of the currency markers, for [`amount_from_bytes`].
#[derive(Debug, Clone, Default)]
pub struct ByteMarks {
    pub spaces: Vec<Vec<u8>>,
    pub currency: Vec<Vec<u8>>,
}

/// An amount as spreadsheets and CRMs write it, read straight from its
/// bytes, with no text decoded: digits, grouped by threes with spaces or
/// not (`1 712 000`), cents after a comma (`,50`), a currency marker at the
/// end (` €`). `None` for anything else, or anything [`parse_amount_as`]
/// might read otherwise or refuse: then it must be asked. Where this
/// answers, it answers exactly what [`parse_amount_as`] does (a property
/// test holds it to that); it only answers faster.
pub fn amount_from_bytes(bytes: &[u8], marks: &ByteMarks, reading: Reading) -> Option<Decimal> {
    let mut read = AmountBytes {
        bytes,
        marks,
        at: 0,
    };
    let whole = read.whole()?;
    let (mantissa, scale) = read.cents(whole, reading)?;
    let factor = match (read.currency()?, reading.unit) {
        (true, None | Some(Unit::Euro)) | (false, None) => None,
        (true, Some(_)) => return None,
        (false, Some(unit)) => Some(unit.factor()),
    };
    // At most 20 digits: 67 bits of the 96 a Decimal holds.
    let part = |shift: u32| (mantissa >> shift) as u32;
    let amount = Decimal::from_parts(part(0), part(32), part(64), false, scale);
    // Euros in whole units, most budgets, are already what the parser gives.
    match factor {
        None if scale == 0 => Some(amount),
        None => Some(amount.normalize()),
        Some(factor) => amount.checked_mul(factor).map(|a| a.normalize()),
    }
}

/// The bytes of an amount, read from the left by [`amount_from_bytes`].
struct AmountBytes<'b> {
    bytes: &'b [u8],
    marks: &'b ByteMarks,
    /// Where the part not read yet starts.
    at: usize,
}

impl AmountBytes<'_> {
    fn digit(&self, i: usize) -> bool {
        self.bytes.get(i).is_some_and(u8::is_ascii_digit)
    }

    /// The space at `i`, if one is. A mark is a byte or a few: compared in
    /// place, not through memcmp.
    fn space_at(&self, i: usize) -> Option<&[u8]> {
        let rest = &self.bytes[i..];
        let here = |mark: &&Vec<u8>| {
            rest.len() >= mark.len() && rest.iter().zip(mark.iter()).all(|(a, b)| a == b)
        };
        self.marks.spaces.iter().find(here).map(Vec::as_slice)
    }

    /// The whole euros: a first group of digits, no leading zero (`0500`)
    /// unless it is `0` alone; then groups of three after a space, the first
    /// group having one to three digits and being no zero. At most 18
    /// digits, which a u64 holds.
    fn whole(&mut self) -> Option<u64> {
        let bytes = self.bytes;
        let mut first = 0;
        let mut whole: u64 = 0;
        for &b in bytes.iter().take_while(|b| b.is_ascii_digit()) {
            if first == 18 {
                return None;
            }
            whole = whole * 10 + u64::from(b - b'0');
            first += 1;
        }
        if first == 0 || (bytes[0] == b'0' && first > 1) {
            return None;
        }
        let (mut i, mut digits) = (first, first);
        while let Some(width) = self.space_at(i).map(<[u8]>::len) {
            let at = i + width;
            if !(self.digit(at) && self.digit(at + 1) && self.digit(at + 2)) {
                break;
            }
            if self.digit(at + 3) || first > 3 || bytes[0] == b'0' || digits > 15 {
                return None;
            }
            for &b in &bytes[at..at + 3] {
                whole = whole * 10 + u64::from(b - b'0');
            }
            digits += 3;
            i = at + 3;
        }
        self.at = i;
        Some(whole)
    }

    /// The amount in cents' units and its scale: the cents after a comma,
    /// one or two digits, where a comma may be decimal; none, scale 0.
    fn cents(&mut self, whole: u64, reading: Reading) -> Option<(u128, u32)> {
        let mut mantissa = u128::from(whole);
        let mut scale = 0;
        if self.bytes.get(self.at) != Some(&b',') {
            return Some((mantissa, scale));
        }
        if reading.comma == Some(Mark::Group) {
            return None;
        }
        let mut i = self.at + 1;
        while self.digit(i) && scale < 2 {
            mantissa = mantissa * 10 + u128::from(self.bytes[i] - b'0');
            i += 1;
            scale += 1;
        }
        if scale == 0 || self.digit(i) {
            return None;
        }
        self.at = i;
        Some((mantissa, scale))
    }

    /// Whether a currency marker ends the amount, a space or none before
    /// it; `None` for anything else after its digits.
    fn currency(&self) -> Option<bool> {
        if self.at == self.bytes.len() {
            return Some(false);
        }
        let rest = &self.bytes[self.at + self.space_at(self.at).map_or(0, <[u8]>::len)..];
        let marker = |c: &Vec<u8>| crate::text::same_bytes(c, rest);
        self.marks.currency.iter().any(marker).then_some(true)
    }
}

/// [`parse_amount`], reading plain numbers and marks as `reading` says.
pub fn parse_amount_as<S: AsRef<str>>(
    input: &str,
    currency: &[S],
    reading: Reading,
) -> Result<Decimal, AmountError> {
    let fail = |problem| AmountError {
        value: input.to_string(),
        problem,
    };
    let unit = reading.unit.map_or(Decimal::ONE, Unit::factor);
    // Machine-written budgets are plain digits: read them straight away.
    if (1..=19).contains(&input.len()) && input.bytes().all(|b| b.is_ascii_digit()) {
        let value: u64 = input.bytes().fold(0, |v, b| v * 10 + u64::from(b - b'0'));
        return scaled(Ok(Decimal::from(value)), unit).map_err(fail);
    }
    let (core, written) = strip_words(trim(input), currency).map_err(fail)?;
    // A value's own unit is read as written, unless plain numbers are in
    // thousands or millions: then another one (`850 k€`, or `92,4 €` in a
    // `Budget (M€)` column) may be a slip, and is refused.
    let multiplier = match (written, reading.unit) {
        (None, _) => unit,
        (Some(factor), None | Some(Unit::Euro)) => factor,
        (Some(factor), Some(expected)) => match Unit::of(factor) {
            Some(u) if u == expected => factor,
            // The multipliers are the four units.
            written => {
                let written = written.unwrap_or(Unit::Billion);
                return Err(fail(AmountProblem::UnitContradiction { written, expected }));
            }
        },
    };
    let amount = scaled(parse_number(core, reading), multiplier).map_err(fail)?;
    if amount.scale() > 2 {
        return Err(fail(AmountProblem::SubCent));
    }
    Ok(amount)
}

/// Takes the currency marker (before or after), the sign checks and the
/// multiplier off an amount: its digits and separators, and the unit it was
/// written in, if any (a multiplier, or a currency marker alone: euros).
fn strip_words<'a, S: AsRef<str>>(
    mut s: &'a str,
    currency: &[S],
) -> Result<(&'a str, Option<Decimal>), AmountProblem> {
    if s.is_empty() {
        return Err(AmountProblem::Empty);
    }
    // Markers and multipliers are never digits: a value that starts (ends)
    // with a digit has none before (after), which spares most rows of a batch.
    let digit_first = s.starts_with(|c: char| c.is_ascii_digit());
    let digit_last = s.ends_with(|c: char| c.is_ascii_digit());
    let marker_after = |s: &'a str| longest(currency, |m| strip_suffix_ci(s, &[m]));
    let before = (!digit_first)
        .then(|| longest(currency, |m| strip_prefix_ci(s, &[m])))
        .flatten();
    if let Some(rest) = before {
        s = trim(rest);
    }
    // `1 500 000,- €`: the dash shows once the currency is off.
    let without_marker = if digit_last { None } else { marker_after(s) };
    if let Some(problem) =
        dash_cents(s).or_else(|| without_marker.and_then(|r| dash_cents(trim(r))))
    {
        return Err(problem);
    }
    // A dash alone is how some sheets write « nothing »: no number at all.
    if s.chars().all(|c| ['-', '−', '–', '—'].contains(&c)) {
        return Err(AmountProblem::NotANumber);
    }
    if s.starts_with(['-', '−', '–']) || s.ends_with(['-', '−', '–']) {
        return Err(AmountProblem::Negative);
    }
    if s.starts_with('+') {
        return Err(AmountProblem::Signed);
    }
    let after = without_marker.is_some();
    if let Some(rest) = without_marker {
        if before.is_some() {
            return Err(AmountProblem::CurrencyTwice);
        }
        s = trim(rest);
    }
    // « 1,5 M d'€ », « 2 millions d'euros »: only between a multiplier and the currency.
    let mut needs_multiplier = false;
    if after && let Some(rest) = strip_suffix_ci(s, &["d'", "d’", "de"]) {
        s = trim(rest);
        needs_multiplier = true;
    }
    let multipliers = if digit_last {
        &MULTIPLIERS[MULTIPLIERS.len() - 1..]
    } else {
        &MULTIPLIERS[..]
    };
    multipliers
        .iter()
        .find_map(|&(word, factor)| {
            let rest = strip_suffix_ci(s, &[word])?;
            let fits = if word.is_empty() {
                !needs_multiplier
            } else {
                rest.ends_with(|c: char| c.is_ascii_digit() || is_space(c))
            };
            let unit =
                (!word.is_empty() || after || before.is_some()).then(|| Decimal::from(factor));
            fits.then(|| (trim(rest), unit))
        })
        .ok_or_else(|| classify_garbage(s))
}

/// The number times its multiplier, exactly (both readings, if ambiguous).
fn scaled(
    number: Result<Decimal, AmountProblem>,
    multiplier: Decimal,
) -> Result<Decimal, AmountProblem> {
    let times = |d: Decimal| {
        d.checked_mul(multiplier)
            .ok_or(AmountProblem::TooManyDigits)
    };
    match number {
        Ok(n) if multiplier == Decimal::ONE => Ok(n.normalize()),
        Ok(n) => Ok(times(n)?.normalize()),
        Err(AmountProblem::Ambiguous {
            mark,
            thousands,
            decimal,
        }) => Err(AmountProblem::Ambiguous {
            mark,
            thousands: times(thousands)?,
            decimal: times(decimal)?,
        }),
        Err(other) => Err(other),
    }
}

/// The shortest remainder left by stripping any one marker: the longest marker
/// wins, so that `euros` is not read as `euro` followed by `s`.
fn longest<'a, S: AsRef<str>>(
    markers: &[S],
    strip: impl Fn(&str) -> Option<&'a str>,
) -> Option<&'a str> {
    markers
        .iter()
        .filter_map(|m| strip(m.as_ref()))
        .min_by_key(|rest| rest.len())
}

/// `1 500 000,-` or `1.500.000,-`: a decimal mark followed by a dash.
fn dash_cents(s: &str) -> Option<AmountProblem> {
    let rest = [",-", ".-", ",–", ".–"]
        .iter()
        .find_map(|dash| s.strip_suffix(dash))?;
    let mark = s[rest.len()..].chars().next().unwrap_or(',');
    let whole = parse_number(trim(rest), Reading::default()).ok();
    Some(AmountProblem::DashCents { mark, whole })
}

/// Why a value with no recognisable number shape was refused.
fn classify_garbage(s: &str) -> AmountProblem {
    let looks_scientific = s.find(['e', 'E']).is_some_and(|i| {
        let (mantissa, exponent) = (&s[..i], &s[i + 1..]);
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        !mantissa.is_empty()
            && mantissa
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && !exponent.is_empty()
            && exponent.chars().all(|c| c.is_ascii_digit())
    });
    if looks_scientific {
        AmountProblem::Scientific
    } else {
        AmountProblem::NotANumber
    }
}

fn strip_prefix_ci<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| {
        let head = s.get(..w.len())?;
        head.eq_ignore_ascii_case(w).then(|| &s[w.len()..])
    })
}

fn strip_suffix_ci<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| {
        let cut = s.len().checked_sub(w.len())?;
        let tail = s.get(cut..)?;
        tail.eq_ignore_ascii_case(w).then(|| &s[..cut])
    })
}

/// Refuses what cannot be digits and separators: another character, or a
/// separator at either end.
fn check_shape(s: &str) -> Result<(), AmountProblem> {
    if let Some(bad) = s
        .chars()
        .find(|&c| !(c.is_ascii_digit() || c == ',' || c == '.' || is_space(c)))
    {
        return Err(if c_is_sign(bad) {
            AmountProblem::Misplaced(bad)
        } else {
            classify_garbage(s)
        });
    }
    if s.is_empty() {
        return Err(AmountProblem::NotANumber);
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) || !s.ends_with(|c: char| c.is_ascii_digit()) {
        let bad = s.chars().find(|c| !c.is_ascii_digit()).unwrap_or(' ');
        return Err(AmountProblem::Misplaced(bad));
    }
    Ok(())
}

/// The commas, the dots, and whether there are spaces, in a checked number.
fn count_marks(s: &str) -> (usize, usize, bool) {
    let (mut commas, mut dots, mut has_spaces) = (0, 0, false);
    for b in s.bytes() {
        match b {
            b',' => commas += 1,
            b'.' => dots += 1,
            b'0'..=b'9' => {}
            // Every other byte here belongs to a space (plain, U+00A0, U+202F, U+2009).
            _ => has_spaces = true,
        }
    }
    (commas, dots, has_spaces)
}

/// Parses the digits and separators of an amount, without currency or
/// multiplier; `reading` says what `,` and `.` are, where known.
fn parse_number(s: &str, reading: Reading) -> Result<Decimal, AmountProblem> {
    check_shape(s)?;
    let (commas, dots, has_spaces) = count_marks(s);
    let spaces = has_spaces.then_some(' ');
    let (int_part, frac_part, group_mark): (&str, &str, Option<char>) = match (commas, dots) {
        (0, 0) => (s, "", spaces),
        (1, 0) | (0, 1) => {
            let mark = if commas == 1 { ',' } else { '.' };
            let (int, frac) = s.split_once(mark).unwrap_or((s, ""));
            match reading.role(mark) {
                Some(Mark::Group) => {
                    let against = || AmountProblem::AgainstConvention {
                        mark,
                        role: Mark::Group,
                        stated: reading.stated,
                    };
                    if has_spaces {
                        return Err(against());
                    }
                    return exact(digits_of(s, Some(mark)).map_err(|_| against())?, "");
                }
                Some(Mark::Decimal) => (int, frac, spaces),
                None => {
                    one_mark_ambiguity(int, frac, mark, spaces)?;
                    (int, frac, spaces)
                }
            }
        }
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            if reading.role(mark) == Some(Mark::Decimal) {
                return Err(AmountProblem::AgainstConvention {
                    mark,
                    role: Mark::Decimal,
                    stated: reading.stated,
                });
            }
            if has_spaces {
                return Err(AmountProblem::Grouping);
            }
            (s, "", Some(mark))
        }
        _ => {
            // Both marks: the last one is the decimal mark and appears once.
            let last = s.rfind([',', '.']).unwrap_or(0);
            let decimal_mark = if s.as_bytes()[last] == b',' { ',' } else { '.' };
            let group = if decimal_mark == ',' { '.' } else { ',' };
            if reading.role(decimal_mark) == Some(Mark::Group) {
                return Err(AmountProblem::AgainstConvention {
                    mark: decimal_mark,
                    role: Mark::Group,
                    stated: reading.stated,
                });
            }
            (&s[..last], &s[last + 1..], Some(group))
        }
    };
    if frac_part.contains(|c: char| !c.is_ascii_digit()) {
        return Err(AmountProblem::Grouping);
    }
    exact(digits_of(int_part, group_mark)?, frac_part)
}

/// One mark followed by exactly three digits (`1,500`) reads two ways,
/// unless the digits before it cannot be a first group of thousands:
/// `0,500` (no group starts with 0) or `1500000,000` (a first group has 1 to
/// 3 digits).
fn one_mark_ambiguity(
    int: &str,
    frac: &str,
    mark: char,
    spaces: Option<char>,
) -> Result<(), AmountProblem> {
    let could_group = !int.starts_with('0') && (spaces.is_some() || int.len() <= 3);
    if could_group && frac.len() == 3 && frac.chars().all(|c| c.is_ascii_digit()) {
        let int_digits = digits_of(int, spaces)?;
        return Err(AmountProblem::Ambiguous {
            mark,
            thousands: exact(accumulate(int_digits, frac)?, "")?,
            decimal: exact(int_digits, frac)?,
        });
    }
    Ok(())
}

fn c_is_sign(c: char) -> bool {
    matches!(c, '-' | '+' | '−' | '–')
}

/// Checks that `group` (if any) separates groups of three digits after a
/// first group of one to three, and returns the digits' mantissa so far.
fn digits_of(int: &str, group: Option<char>) -> Result<u128, AmountProblem> {
    // No group mark: `int` is digits (the shape is checked), one or more.
    let Some(group) = group else {
        return accumulate(0, int);
    };
    let is_group_mark = |c: char| {
        if group == ' ' {
            is_space(c)
        } else {
            c == group
        }
    };
    let mut mantissa = 0;
    for (i, g) in int.split(is_group_mark).enumerate() {
        let ok_len = if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            // `0 500` or `05 000` is no grouping of a number.
            g.len() == 3 && !int.starts_with('0')
        };
        if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountProblem::Grouping);
        }
        mantissa = accumulate(mantissa, g)?;
    }
    Ok(mantissa)
}

/// Appends ASCII digits to a mantissa, refusing what a decimal cannot hold.
fn accumulate(mantissa: u128, digits: &str) -> Result<u128, AmountProblem> {
    digits
        .bytes()
        .try_fold(mantissa, |m, b| {
            m.checked_mul(10)?.checked_add(u128::from(b - b'0'))
        })
        .ok_or(AmountProblem::TooManyDigits)
}

/// The exact decimal of an integer-part mantissa followed by `frac` digits.
fn exact(int: u128, frac: &str) -> Result<Decimal, AmountProblem> {
    let mantissa = accumulate(int, frac)?;
    let scale = u32::try_from(frac.len()).map_err(|_| AmountProblem::TooManyDigits)?;
    i128::try_from(mantissa)
        .ok()
        .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
        .ok_or(AmountProblem::TooManyDigits)
}

/// An amount for a person to read: `2 500 €` (U+202F between groups, U+00A0
/// before the symbol) in French, `€2,500` in English; cents only when there are.
pub fn format_amount(amount: Decimal, lang: Lang, symbol: &str) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}{symbol}", grouped(amount, '\u{202f}', ',')),
        Lang::En => format!("{symbol}{}", grouped(amount, ',', '.')),
    }
}

/// A number the language's way, without currency: `1 500 000` (U+202F
/// between groups) in French, `1,500,000` in English.
pub fn format_number(amount: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Fr => grouped(amount, '\u{202f}', ','),
        Lang::En => grouped(amount, ',', '.'),
    }
}

/// An amount as a user would type it back: `1 500 000`, `1,5`.
pub fn plain(amount: Decimal) -> String {
    grouped(amount, ' ', ',')
}

/// The exact decimal as a machine reads it: `2500`, `1499999.99`.
pub fn machine(amount: Decimal) -> String {
    amount.normalize().to_string()
}

fn grouped(amount: Decimal, group: char, decimal_mark: char) -> String {
    let mut a = amount.normalize();
    // Cents in full: `0,50`, not `0,5`.
    if a.scale() == 1 {
        a.rescale(2);
    }
    let text = a.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 2);
    if a.is_sign_negative() && !a.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal_mark);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    const EUR: [&str; 4] = ["€", "EUR", "euro", "euros"];

    fn ok(s: &str) -> String {
        match parse_amount(s, &EUR) {
            Ok(d) => machine(d),
            Err(e) => panic!("{s:?} refused: {e:?}"),
        }
    }

    fn problem(s: &str) -> AmountProblem {
        match parse_amount(s, &EUR) {
            Ok(d) => panic!("{s:?} accepted as {d}"),
            Err(e) => e.problem,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn accepts_every_form_of_the_issue() {
        assert_eq!(ok("2300000"), "2300000");
        assert_eq!(ok("2300000.50"), "2300000.5");
        assert_eq!(ok("2 300 000"), "2300000");
        assert_eq!(ok("2 300 000,50"), "2300000.5");
        assert_eq!(ok("2\u{a0}300\u{a0}000,50"), "2300000.5");
        assert_eq!(ok("2\u{202f}300\u{202f}000,50"), "2300000.5");
        assert_eq!(ok("2 300 000 €"), "2300000");
        assert_eq!(ok("€ 2 300 000"), "2300000");
        assert_eq!(ok("€2300000"), "2300000");
        assert_eq!(ok("2300000 EUR"), "2300000");
        assert_eq!(ok("EUR 2300000"), "2300000");
        assert_eq!(ok("2,3M"), "2300000");
        assert_eq!(ok("2.3 M€"), "2300000");
        assert_eq!(ok("2,3 M€"), "2300000");
        assert_eq!(ok("850 k€"), "850000");
        assert_eq!(ok("850k"), "850000");
        assert_eq!(ok("850 K€"), "850000");
        assert_eq!(ok("1,2 Md€"), "1200000000");
        assert_eq!(ok("1,2 Mds €"), "1200000000");
        assert_eq!(ok("1,5M d'€"), "1500000");
        assert_eq!(ok("2 millions d’euros"), "2000000");
        assert_eq!(ok("1 500 000,00 €"), "1500000");
        assert_eq!(ok("1\u{202f}500\u{202f}000,00\u{a0}€"), "1500000");
        assert_eq!(ok("  42 "), "42");
        assert_eq!(ok("0"), "0");
        assert_eq!(ok("0,5"), "0.5");
        assert_eq!(ok("0,500"), "0.5");
        assert_eq!(ok("0,001 M"), "1000");
        assert_eq!(ok("0.25 k€"), "250");
    }

    #[test]
    fn repeated_marks_can_only_group_digits() {
        assert_eq!(ok("1,500,000"), "1500000");
        assert_eq!(ok("1.500.000"), "1500000");
        assert_eq!(ok("1,500,000.50"), "1500000.5");
        assert_eq!(ok("1.500.000,50"), "1500000.5");
    }

    #[test]
    fn a_mark_after_more_than_three_ungrouped_digits_is_a_decimal_mark() {
        assert_eq!(ok("1500000,000"), "1500000");
        assert_eq!(ok("1500000.500"), "1500000.5");
        assert_eq!(ok("2300,000 €"), "2300");
        assert_eq!(problem("1500000,123"), AmountProblem::SubCent);
        // With grouping, the thousands reading is possible: still ambiguous.
        assert_eq!(
            problem("1 500,000"),
            AmountProblem::Ambiguous {
                mark: ',',
                thousands: d("1500000"),
                decimal: d("1500")
            }
        );
    }

    proptest::proptest! {
        /// Every amount to the cent of up to 15 digits that a spreadsheet
        /// holds as a float is read back to the cent.
        #[test]
        fn every_typed_amount_comes_back_exactly(cents in 0i64..1_000_000_000_000_000) {
            let typed = Decimal::new(cents, 2);
            let float: f64 = typed.to_string().parse().unwrap();
            let read = from_number_cell(float, Reading::default()).unwrap();
            proptest::prop_assert_eq!(read, typed);
        }
    }

    proptest::proptest! {
        /// Where the byte reading answers, it answers what the parser does.
        #[test]
        fn reading_bytes_agrees_with_the_parser(
            text in "[0-9 \u{a0}\u{202f},.€E]{0,26}",
            unit in proptest::option::of(proptest::sample::select(vec![
                Unit::Euro, Unit::Thousand, Unit::Million, Unit::Billion,
            ])),
            comma in proptest::option::of(proptest::sample::select(vec![Mark::Decimal, Mark::Group])),
        ) {
            let marks = ByteMarks {
                spaces: SPACES.iter().map(|c| c.to_string().into_bytes()).collect(),
                currency: vec!["€".into(), "EUR".into()],
            };
            let reading = Reading { unit, comma, ..Reading::default() };
            if let Some(fast) = amount_from_bytes(text.as_bytes(), &marks, reading) {
                // The same value, written the same (`1.5`, not `1.50`).
                let parsed = parse_amount_as(&text, &EUR, reading).map(|d| d.to_string());
                proptest::prop_assert_eq!(parsed, Ok(fast.to_string()));
            }
        }
    }

    proptest::proptest! {
        /// Amounts shaped as spreadsheets write them: read from bytes,
        /// always, and to what the parser reads.
        #[test]
        fn written_amounts_are_read_from_bytes(
            int in 0u64..1_000_000_000_000_000_000,
            separator in proptest::sample::select(vec!["", " ", "\u{a0}", "\u{202f}"]),
            cents in proptest::option::of(0u32..100),
            one_digit in proptest::bool::ANY,
            currency in proptest::option::of(proptest::sample::select(vec!["€", " €", "\u{a0}€", "EUR"])),
            unit in proptest::option::of(proptest::sample::select(vec![Unit::Euro, Unit::Million])),
        ) {
            let digits = int.to_string();
            let mut text = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    text.push_str(separator);
                }
                text.push(c);
            }
            if let Some(cents) = cents {
                if one_digit { text.push_str(&format!(",{}", cents % 10)) } else { text.push_str(&format!(",{cents:02}")) }
            }
            if let Some(currency) = currency {
                text.push_str(currency);
            }
            let marks = ByteMarks {
                spaces: SPACES.iter().map(|c| c.to_string().into_bytes()).collect(),
                currency: vec!["€".into(), "EUR".into()],
            };
            let reading = Reading { unit, ..Reading::default() };
            let fast = amount_from_bytes(text.as_bytes(), &marks, reading);
            let parsed = parse_amount_as(&text, &EUR, reading);
            let contradiction = currency.is_some() && unit == Some(Unit::Million);
            proptest::prop_assert_eq!(fast.is_some(), !contradiction, "{}", text);
            if let Some(fast) = fast {
                proptest::prop_assert_eq!(parsed.map(|d| d.to_string()), Ok(fast.to_string()));
            }
        }
    }

    #[test]
    fn amounts_are_read_from_bytes_as_excel_writes_them() {
        let marks = ByteMarks {
            spaces: vec![b" ".to_vec(), vec![0xa0]],
            currency: vec![vec![0x80]],
        };
        let read = |bytes: &[u8]| amount_from_bytes(bytes, &marks, Reading::default()).map(machine);
        // Windows-1252: `1 712 000,00 €` with no-break spaces.
        assert_eq!(
            read(b"1\xa0712\xa0000,00\xa0\x80"),
            Some("1712000".to_string())
        );
        assert_eq!(read(b"1499999,99"), Some("1499999.99".to_string()));
        assert_eq!(read(b"0,5"), Some("0.5".to_string()));
        assert_eq!(read(b"2500000"), Some("2500000".to_string()));
        // Up to 18 digits, grouped or not, are read from bytes.
        assert_eq!(
            read(b"123456789012345678"),
            Some("123456789012345678".to_string())
        );
        assert_eq!(
            read(b"123 456 789 012 345 678"),
            Some("123456789012345678".to_string())
        );
        // With their cents: 20 digits, past what a u64 holds (2^64 is
        // 18 446 744 073 709 551 616), which once made this one zero.
        assert_eq!(
            read(b"184467440737095516,16"),
            Some("184467440737095516.16".to_string())
        );
        assert_eq!(
            read(b"999 999 999 999 999 999,99"),
            Some("999999999999999999.99".to_string())
        );
        // More digits are the parser's to refuse, however many.
        assert_eq!(read(b"1234567890123456789"), None);
        assert_eq!(read("9".repeat(60).as_bytes()), None);
        for asked in [
            &b"1,500"[..],
            b"1 5,5",
            b"1 55,",
            b"1 5000",
            b"1500 000",
            b"0 500",
            b"05",
            b"1,",
            b"-5",
            b" 5",
            b"5 ",
            b"5 \x80 ",
            b"1.5",
        ] {
            assert_eq!(read(asked), None, "{}", String::from_utf8_lossy(asked));
        }
        let thousands = Reading {
            unit: Some(Unit::Thousand),
            ..Reading::default()
        };
        assert_eq!(
            amount_from_bytes(b"850", &marks, thousands).map(machine),
            Some("850000".to_string())
        );
        assert_eq!(
            amount_from_bytes(b"850 \x80", &marks, thousands),
            None,
            "a unit to check"
        );
    }

    #[test]
    fn a_number_cell_is_shown_with_the_fifteen_digits_a_spreadsheet_keeps() {
        let shown = |v: f64| number_cell_text(v).unwrap();
        assert_eq!(shown(1_499_999.99), "1499999.99");
        assert_eq!(shown(10_000_000.01), "10000000.01");
        assert_eq!(shown(1_500_000.0), "1500000");
        assert_eq!(shown(0.5), "0.5");
        assert_eq!(shown(0.015), "0.015");
        assert_eq!(shown(-2.5), "-2.5");
        assert_eq!(shown(5.110251509999999), "5.11025151");
        assert_eq!(shown(123_456_789_012_345_680.0), "123456789012346000");
        assert_eq!(shown(1e30), "1000000000000000000000000000000");
        assert_eq!(shown(1e31), "1E+31");
        assert_eq!(shown(1.5e-20), "0.000000000000000000015");
        assert_eq!(shown(2.25e-21), "2.25E-21");
        assert_eq!(number_cell_text(f64::INFINITY), None);
        assert_eq!(number_cell_text(f64::NAN), None);
    }

    #[test]
    fn a_number_cell_is_read_through_its_shortest_decimal_form() {
        let cell = |v: f64| from_number_cell(v, Reading::default()).map(machine);
        assert_eq!(cell(1_499_999.99), Ok("1499999.99".to_string()));
        assert_eq!(cell(1_500_000.0), Ok("1500000".to_string()));
        assert_eq!(cell(10_000_000.01), Ok("10000000.01".to_string()));
        // What a formula leaves past 15 digits is noise: the sheet shows 0,3.
        assert_eq!(cell(0.1 + 0.2), Ok("0.3".to_string()));
        assert_eq!(cell(38261.45 + 271378.9), Ok("309640.35".to_string()));
        assert_eq!(
            cell(0.001).map_err(|e| e.problem),
            Err(AmountProblem::SubCent)
        );
        assert_eq!(
            cell(1e-30).map_err(|e| (e.value, e.problem)),
            Err(("1E-30".to_string(), AmountProblem::SubCent))
        );
        assert_eq!(
            cell(-5.0).map_err(|e| e.problem),
            Err(AmountProblem::Negative)
        );
        assert_eq!(
            cell(f64::NAN).map_err(|e| e.problem),
            Err(AmountProblem::NotANumber)
        );
        assert_eq!(
            cell(1e300).map_err(|e| (e.value, e.problem)),
            Err(("1E+300".to_string(), AmountProblem::TooManyDigits))
        );
        assert_eq!(cell(-0.0), Ok("0".to_string()));
        let millions = Reading {
            unit: Some(Unit::Million),
            ..Reading::default()
        };
        assert_eq!(
            from_number_cell(92.4, millions).map(machine),
            Ok("92400000".to_string())
        );
    }

    #[test]
    fn a_column_unit_scales_plain_numbers_and_refuses_another_unit() {
        let m = Reading {
            unit: Some(Unit::Million),
            ..Reading::default()
        };
        let read = |s: &str, r: Reading| parse_amount_as(s, &EUR, r).map(machine);
        assert_eq!(read("92,4", m), Ok("92400000".to_string()));
        assert_eq!(read("10", m), Ok("10000000".to_string()));
        assert_eq!(read("1,5", m), Ok("1500000".to_string()));
        assert_eq!(read("2,3 M€", m), Ok("2300000".to_string()));
        let contradiction =
            |written, expected| Err(AmountProblem::UnitContradiction { written, expected });
        assert_eq!(
            parse_amount_as("850 k€", &EUR, m).map_err(|e| e.problem),
            contradiction(Unit::Thousand, Unit::Million)
        );
        assert_eq!(
            parse_amount_as("2 300 000 €", &EUR, m).map_err(|e| e.problem),
            contradiction(Unit::Euro, Unit::Million)
        );
        let k = Reading {
            unit: Some(Unit::Thousand),
            ..Reading::default()
        };
        assert_eq!(read("850", k), Ok("850000".to_string()));
        assert_eq!(read("1 499,99", k), Ok("1499990".to_string()));
        let euros = Reading {
            unit: Some(Unit::Euro),
            ..Reading::default()
        };
        assert_eq!(read("1 500 000,00 €", euros), Ok("1500000".to_string()));
        // In euros, a multiplier is still euros.
        assert_eq!(read("3,6 Md€", euros), Ok("3600000000".to_string()));
        assert_eq!(read("850 k€", euros), Ok("850000".to_string()));
        assert_eq!(
            parse_amount_as("1,2 Md€", &EUR, k).map_err(|e| e.problem),
            contradiction(Unit::Billion, Unit::Thousand)
        );
    }

    #[test]
    fn a_known_convention_settles_what_a_mark_is() {
        let comma = Reading::decimal_mark(',');
        let dot = Reading::decimal_mark('.');
        let read = |s: &str, r: Reading| {
            parse_amount_as(s, &EUR, r)
                .map(machine)
                .map_err(|e| e.problem)
        };
        assert_eq!(read("1,500", comma), Ok("1.5".to_string()));
        assert_eq!(read("1.500", comma), Ok("1500".to_string()));
        assert_eq!(read("1.500.000,50", comma), Ok("1500000.5".to_string()));
        assert_eq!(read("850,000", dot), Ok("850000".to_string()));
        assert_eq!(read("1.500", dot), Ok("1.5".to_string()));
        assert_eq!(
            read("1,500,000", comma),
            Err(AmountProblem::AgainstConvention {
                mark: ',',
                role: Mark::Decimal,
                stated: true
            })
        );
        assert_eq!(
            read("1,500,000.50", comma),
            Err(AmountProblem::AgainstConvention {
                mark: '.',
                role: Mark::Group,
                stated: true
            })
        );
        // Known for one mark only (a column that writes 57,300,000).
        let grouping = Reading {
            comma: Some(Mark::Group),
            ..Reading::default()
        };
        assert_eq!(read("850,000", grouping), Ok("850000".to_string()));
        assert_eq!(
            read("12,5", grouping),
            Err(AmountProblem::AgainstConvention {
                mark: ',',
                role: Mark::Group,
                stated: false
            })
        );
        assert_eq!(
            read("1 234,56", dot),
            Err(AmountProblem::AgainstConvention {
                mark: ',',
                role: Mark::Group,
                stated: true
            })
        );
        assert!(matches!(
            read("1.500", grouping),
            Err(AmountProblem::Ambiguous { .. })
        ));
    }

    #[test]
    fn dash_cents_are_named_not_called_negative() {
        let whole = AmountProblem::DashCents {
            mark: ',',
            whole: Some(d("1500000")),
        };
        assert_eq!(problem("1 500 000,-"), whole);
        assert_eq!(problem("1.500.000,-"), whole);
        assert_eq!(
            problem("1 500 000.-"),
            AmountProblem::DashCents {
                mark: '.',
                whole: Some(d("1500000"))
            }
        );
        assert_eq!(problem("1 500 000,- €"), whole);
        assert_eq!(problem("€ 1 500 000,-"), whole);
        assert_eq!(
            problem("abc,-"),
            AmountProblem::DashCents {
                mark: ',',
                whole: None
            }
        );
        // A dash alone still means negative.
        assert_eq!(problem("1 500 000-"), AmountProblem::Negative);
    }

    #[test]
    fn boundaries_are_exact_to_the_cent() {
        assert_eq!(parse_amount("1 499 999,99", &EUR), Ok(d("1499999.99")));
        assert_eq!(parse_amount("10 000 000,01", &EUR), Ok(d("10000000.01")));
    }

    #[test]
    fn refuses_the_ambiguous_thousands_or_decimals() {
        assert_eq!(
            problem("1,500"),
            AmountProblem::Ambiguous {
                mark: ',',
                thousands: d("1500"),
                decimal: d("1.5")
            }
        );
        assert_eq!(
            problem("1.500"),
            AmountProblem::Ambiguous {
                mark: '.',
                thousands: d("1500"),
                decimal: d("1.5")
            }
        );
        assert_eq!(
            problem("2,345 M€"),
            AmountProblem::Ambiguous {
                mark: ',',
                thousands: d("2345000000"),
                decimal: d("2345000")
            }
        );
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        use AmountProblem::*;
        assert_eq!(problem(""), Empty);
        assert_eq!(problem("   "), Empty);
        assert_eq!(problem("-5"), Negative);
        assert_eq!(problem("−1 500"), Negative);
        assert_eq!(problem("€ -5"), Negative);
        assert_eq!(problem("+5"), Signed);
        assert_eq!(problem("abc"), NotANumber);
        assert_eq!(problem("NaN"), NotANumber);
        assert_eq!(problem("inf"), NotANumber);
        assert_eq!(problem("infinity"), NotANumber);
        assert_eq!(problem("∞"), NotANumber);
        assert_eq!(problem("12 $"), NotANumber);
        assert_eq!(problem("M€"), NotANumber);
        assert_eq!(problem("1,5E+06"), Scientific);
        assert_eq!(problem("1.5e6"), Scientific);
        assert_eq!(problem("€ 5 €"), CurrencyTwice);
        assert_eq!(problem("2 30 000"), Grouping);
        assert_eq!(problem("2  300"), Grouping);
        assert_eq!(problem("1,50,000"), Grouping);
        assert_eq!(problem("1 500.000,00"), Grouping);
        assert_eq!(problem("1.5.0,0"), Grouping);
        assert_eq!(problem(",5"), Misplaced(','));
        assert_eq!(problem("5,"), Misplaced(','));
        assert_eq!(problem("12,3456"), SubCent);
        assert_eq!(problem("99999999999999999999999999999"), TooManyDigits);
        assert_eq!(problem("99999999999999999999999999 Md"), TooManyDigits);
        assert_eq!(problem("1,5 d'€"), NotANumber);
        assert_eq!(problem("€"), NotANumber);
        assert_eq!(problem("EUR"), NotANumber);
        assert_eq!(problem("€€5"), NotANumber);
        assert_eq!(problem("0 500"), Grouping);
        assert_eq!(problem("05 000"), Grouping);
        assert_eq!(problem("10000000000000000000000000,000 M"), TooManyDigits);
    }

    #[test]
    fn formats_the_french_and_english_way() {
        assert_eq!(
            format_amount(d("2500"), Lang::Fr, "€"),
            "2\u{202f}500\u{a0}€"
        );
        assert_eq!(
            format_amount(d("1499999.99"), Lang::Fr, "€"),
            "1\u{202f}499\u{202f}999,99\u{a0}€"
        );
        assert_eq!(format_amount(d("0.5"), Lang::Fr, "€"), "0,50\u{a0}€");
        assert_eq!(format_amount(d("999"), Lang::Fr, "€"), "999\u{a0}€");
        assert_eq!(format_amount(d("2500"), Lang::En, "€"), "€2,500");
        assert_eq!(
            format_amount(d("10000000.01"), Lang::En, "€"),
            "€10,000,000.01"
        );
        assert_eq!(plain(d("1500000")), "1 500 000");
        assert_eq!(machine(d("2500.00")), "2500");
        assert_eq!(
            format_number(d("1500000"), Lang::Fr),
            "1\u{202f}500\u{202f}000"
        );
        assert_eq!(format_number(d("1500000.5"), Lang::En), "1,500,000.50");
        // Typed back with its cents, or none when it has none.
        assert_eq!(plain(d("1.5")), "1,50");
        assert_eq!(plain(d("1.500")), "1,50");
        assert_eq!(plain(d("0.05")), "0,05");
        assert_eq!(plain(d("1500000.00")), "1 500 000");
        // A table's error may show a negative amount; zero has no sign.
        assert_eq!(format_amount(d("-2.5"), Lang::Fr, "€"), "-2,50\u{a0}€");
        assert_eq!(format_amount(d("-0"), Lang::En, "€"), "€0");
        assert_eq!(format_amount(d("1234.567"), Lang::En, "€"), "€1,234.567");
    }

    #[test]
    fn every_reason_has_its_stable_code() {
        use AmountProblem::*;
        let codes: Vec<&str> = [
            Empty,
            Negative,
            Signed,
            Scientific,
            NotANumber,
            CurrencyTwice,
            Grouping,
            Misplaced(','),
            TooManyDigits,
            SubCent,
            Uncomputed,
        ]
        .iter()
        .map(AmountProblem::code)
        .collect();
        assert_eq!(
            codes,
            [
                "empty",
                "negative",
                "signed",
                "scientific",
                "not_a_number",
                "currency_twice",
                "grouping",
                "misplaced",
                "too_many_digits",
                "sub_cent",
                "uncomputed_formula"
            ]
        );
        let error = parse_amount("+5", &EUR).unwrap_err();
        assert_eq!(error.to_string(), "not an amount (signed): `+5`");
    }

    #[test]
    fn every_sign_and_grouping_slip_is_refused_for_what_it_is() {
        use AmountProblem::*;
        assert_eq!(problem("–2 500"), Negative);
        assert_eq!(problem("1 500-000"), Misplaced('-'));
        assert_eq!(problem("12+5"), Misplaced('+'));
        assert_eq!(ok("\t2 500\n"), "2500");
        assert_eq!(problem("1 000.000,00"), Grouping);
        assert_eq!(problem("1.000,000,00"), Grouping);
        assert_eq!(problem("- 2 500"), Negative);
        assert_eq!(problem("+ 2 500"), Signed);
        assert_eq!(problem("1.500.000,50,5"), Grouping);
        assert_eq!(problem("1,500,000.50.5"), Grouping);
        assert_eq!(problem("1 500,000.50"), Grouping);
        assert_eq!(ok("1.500.000,50"), "1500000.5");
        assert_eq!(ok("1,500,000.50"), "1500000.5");
        assert_eq!(ok("2 500 000"), "2500000");
        assert_eq!(ok("12 345 678,90"), "12345678.9");
        assert_eq!(problem("1e"), NotANumber);
        assert_eq!(problem("e5"), NotANumber);
        assert_eq!(problem("1,5e+"), NotANumber);
        assert_eq!(problem("1x5e6"), NotANumber);
        assert_eq!(problem("1.5E-3"), Scientific);
        // What an exact decimal holds, to the last digit (2^96 − 1), and no more.
        assert_eq!(
            ok("79 228 162 514 264 337 593 543 950 335"),
            "79228162514264337593543950335"
        );
        assert_eq!(
            problem("79 228 162 514 264 337 593 543 950 336"),
            TooManyDigits
        );
    }

    #[test]
    fn an_integer_cell_is_an_amount_scaled_by_its_column() {
        let read = |v: i64, unit: Option<Unit>| {
            let reading = Reading {
                unit,
                ..Reading::default()
            };
            from_int_cell(v, reading)
                .map(machine)
                .map_err(|e| e.problem)
        };
        assert_eq!(read(1_500_000, None), Ok("1500000".to_string()));
        assert_eq!(read(850, Some(Unit::Thousand)), Ok("850000".to_string()));
        assert_eq!(read(-3, None), Err(AmountProblem::Negative));
    }
}
