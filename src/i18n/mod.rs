/*!
The text layer: every word a user reads, from one message catalogue per
language, in Project Fluent (`i18n/fr/dues.ftl`, `i18n/en/dues.ftl`, embedded
in the binary).

The library below this layer returns typed values only (errors, warnings and
outcomes carrying their data and a stable code); the modules here turn them
into sentences: [`quote`] (the explanation, conditions, quote errors),
[`table`] (what is wrong with a table), [`batch`] (batch errors and lines) and
[`failure`] (whatever ends a run). Plurals follow each language's CLDR rules
(« 0 ligne », « 2 lignes »; "0 rows"), counts are grouped the language's way,
and French text from the tier table gets French typography on the way out.

Identifiers that scripts parse (column names, ids, codes, JSON keys) are not
words: they never go through here.
*/

pub mod batch;
pub mod failure;
pub mod quote;
pub mod table;
mod typography;
pub mod usage;

use std::borrow::Cow;

use dues_core::text::{Lang, Text};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub use typography::french;

/// The catalogues, as written: `i18n/<lang>/dues.ftl`.
pub const FR: &str = include_str!("../../i18n/fr/dues.ftl");
pub const EN: &str = include_str!("../../i18n/en/dues.ftl");

/// The catalogue of one language.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

/// A message's arguments: name and value (text or number).
pub type Args<'a> = &'a [(&'a str, Arg<'a>)];

/// The value of a message argument.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// A count: selects the plural form, shown grouped the language's way.
    Count(u64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Count(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}

/// A message of the catalogue, by its id, with its arguments if it has any:
/// `msg!(cat, "fee-from", amount = text)`. The ids are literals, so that a
/// test can check that every one the code uses is in both catalogues.
#[macro_export]
macro_rules! msg {
    ($cat:expr, $id:literal) => {
        $cat.get($id, &[])
    };
    ($cat:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $cat.get($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

impl Catalog {
    pub fn new(lang: Lang) -> Catalog {
        let (source, tag, formatter): (_, _, fn(&FluentValue, &_) -> Option<String>) = match lang {
            Lang::Fr => (FR, unic_langid::langid!("fr"), format_fr),
            Lang::En => (EN, unic_langid::langid!("en"), format_en),
        };
        let mut bundle = FluentBundle::new(vec![tag]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(formatter));
        // The catalogues are ours and tested: a syntax error in them is a
        // bug caught by `cargo test`; what parsed is still used.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        Catalog { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`. A missing message (which the tests rule
    /// out) shows as its id rather than stopping the run.
    pub fn get(&self, id: &str, args: Args) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
                Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A text of the tier table in this language, with French typography in
    /// French.
    pub fn table_text<'t>(&self, text: &'t Text) -> Cow<'t, str> {
        match self.lang {
            Lang::Fr => french(&text.fr),
            Lang::En => Cow::Borrowed(&text.en),
        }
    }

    /// Text from the table that is not translated (a name, an alias), with
    /// the typography of the user's language.
    pub fn typeset<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.lang {
            Lang::Fr => french(text),
            Lang::En => Cow::Borrowed(text),
        }
    }

    /// Items joined as a list: « a, b et c », "a, b and c".
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => msg!(self, "list-and", init = init.join(", "), last = last),
        }
    }

    /// Items joined as alternatives: « a, b ou c », "a, b or c".
    pub fn alternatives(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => msg!(self, "list-or", init = init.join(", "), last = last),
        }
    }

    /// Clauses joined by semicolons: « a ; b ; c », "a; b; c".
    pub fn clauses(&self, items: &[String]) -> String {
        let mut items = items.iter();
        let first = items.next().cloned().unwrap_or_default();
        items.fold(first, |init, last| {
            msg!(self, "list-semicolon", init = init, last = last)
        })
    }

    /// A count grouped the language's way: « 12 345 », "12,345".
    pub fn count(&self, n: u64) -> String {
        group(n, self.separator())
    }

    fn separator(&self) -> char {
        match self.lang {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        }
    }
}

fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn format_number(value: &FluentValue, separator: char) -> Option<String> {
    match value {
        // Counts only, whole and positive: money never goes through
        // Fluent's numbers.
        FluentValue::Number(n) => Some(group(n.value as u64, separator)),
        _ => None,
    }
}

fn format_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, '\u{202f}')
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ',')
}

#[cfg(test)]
mod tests;
