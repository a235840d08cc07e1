//! A proposal to send a prospect: `dues quote --format letter` (plain text
//! with a little Markdown, to paste into an email) and `--format html` (one
//! self-contained page, A4 when printed, that loads nothing from outside).
//! Both say the same: who issues it, the date, to whom, the fee with its
//! basis in words, the benefits, the source leaflet. Every word comes from
//! the catalogue or the table.

use jiff::civil::Date;

use dues_core::classify::Quote;
use dues_core::table::{Basis, Issuer, Table};

use crate::i18n::Catalog;
use crate::i18n::quote::{fee_short, kind_label, money};
use crate::msg;

/// What a letter says beside the quote.
pub struct Letter<'a> {
    /// To whom (`--name`), if said.
    pub recipient: Option<&'a str>,
    pub date: Date,
}

/// The date as the language writes it: « 1er décembre 2026 », "1 December 2026".
pub fn long_date(cat: &Catalog, date: Date) -> String {
    msg!(
        cat,
        "date-long",
        day = u64::from(date.day().unsigned_abs()),
        month = u64::from(date.month().unsigned_abs()),
        year = date.year().to_string(),
    )
}

/// Where the sentences hold the fee and the recipient's name: each format
/// puts them in with its own markup (bold; a name's text set apart), never
/// by searching the finished sentence for them.
const FEE: &str = "\u{e000}";
const NAME: &str = "\u{e001}";

/// The parts of a letter, in words, in order.
struct Parts {
    issuer: Vec<String>,
    contact: Vec<String>,
    date: String,
    recipient: Option<String>,
    subject: String,
    greeting: String,
    fee_sentence: String,
    fee: String,
    benefits_intro: String,
    benefits: Vec<String>,
    source: String,
    closing: String,
    regards: String,
    signature: String,
}

fn parts(cat: &Catalog, table: &Table, quote: &Quote, letter: &Letter, issuer: &Issuer) -> Parts {
    let tier = &table.tiers[quote.tier];
    let kind = kind_label(cat, table, quote.org.kind);
    let budget = money(cat, table, quote.org.budget);
    let fee = match (tier.fee.basis, &tier.fee.note) {
        (Basis::Minimum, Some(note)) => msg!(
            cat,
            "letter-fee-minimum",
            amount = money(cat, table, tier.fee.amount),
            note = cat.table_text(note)
        ),
        _ => fee_short(cat, table, tier),
    };
    let who = match letter.recipient {
        Some(_) => msg!(
            cat,
            "letter-who-named",
            name = NAME,
            kind = kind,
            budget = budget
        ),
        None => msg!(cat, "letter-who", kind = kind, budget = budget),
    };
    let basis = match tier.fee.basis {
        Basis::Fixed => "fixed",
        Basis::Minimum => "minimum",
    };
    let fee_sentence = msg!(
        cat,
        "letter-fee",
        title = cat.table_text(&table.title),
        issuer = issuer.name.as_str(),
        who = who,
        basis = basis,
        fee = FEE,
        tier = cat.table_text(&tier.label),
    );
    let contact = [&issuer.email, &issuer.phone, &issuer.website]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let signature = issuer
        .signature
        .as_ref()
        .map_or_else(|| issuer.name.clone(), |s| cat.table_text(s).into_owned());
    Parts {
        issuer: std::iter::once(issuer.name.clone())
            .chain(issuer.address.iter().cloned())
            .collect(),
        contact,
        date: msg!(cat, "letter-date", date = long_date(cat, letter.date)),
        recipient: letter
            .recipient
            .map(|_| msg!(cat, "letter-recipient", name = NAME)),
        subject: msg!(
            cat,
            "letter-subject",
            title = cat.table_text(&table.title),
            issuer = issuer.name.as_str()
        ),
        greeting: msg!(cat, "letter-greeting"),
        fee_sentence,
        fee,
        benefits_intro: cat.table_text(&table.benefits_intro).into_owned(),
        benefits: table
            .benefits
            .iter()
            .map(|b| cat.table_text(b).into_owned())
            .collect(),
        source: msg!(cat, "view-source", source = cat.table_text(&table.source)),
        closing: msg!(cat, "letter-closing"),
        regards: msg!(cat, "letter-regards"),
        signature,
    }
}

/// The letter as text with a little Markdown: bold for the fee, a list for
/// the benefits; readable as it is, pasted into an email.
pub fn markdown(
    cat: &Catalog,
    table: &Table,
    quote: &Quote,
    letter: &Letter,
    issuer: &Issuer,
) -> String {
    let p = parts(cat, table, quote, letter, issuer);
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    // The head is one block: each line but the last ends with two spaces,
    // Markdown's line break.
    let mut head = vec![format!("**{}**", p.issuer[0])];
    head.extend(p.issuer[1..].iter().cloned());
    if !p.contact.is_empty() {
        head.push(p.contact.join(" · "));
    }
    line(&head.join("  \n"));
    line("");
    line(&p.date);
    line("");
    let name = letter.recipient.map(markdown_text).unwrap_or_default();
    let fill = |text: &str| {
        text.replacen(FEE, &format!("**{}**", p.fee), 1)
            .replacen(NAME, &name, 1)
    };
    if let Some(recipient) = &p.recipient {
        line(&fill(recipient));
        line("");
    }
    line(&format!("**{}**", p.subject));
    line("");
    line(&p.greeting);
    line("");
    line(&fill(&p.fee_sentence));
    line("");
    line(&p.benefits_intro);
    line("");
    for benefit in &p.benefits {
        line(&format!("- {benefit}"));
    }
    line("");
    line(&p.source);
    line("");
    line(&p.closing);
    line("");
    line(&p.regards);
    line("");
    line(&p.signature);
    out
}

/// Text for Markdown: its own marks (`*`, `_`, `[`…) taken literally.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's style: A4 with print margins, system fonts, nothing loaded.
const STYLE: &str = "@page{size:A4;margin:22mm 20mm}\
*{box-sizing:border-box}\
body{overflow-wrap:anywhere;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;\
font-size:11pt;line-height:1.5;color:#1a1a1a;max-width:170mm;margin:12mm auto;padding:0 6mm}\
header{border-bottom:2px solid #1a1a1a;padding-bottom:4mm;margin-bottom:8mm}\
header .name{font-size:15pt;font-weight:700;margin:0}\
header p{margin:0}\
header .contact{color:#444;font-size:9.5pt;margin-top:2mm}\
.date{text-align:right;margin:0 0 6mm}\
.recipient{margin:0 0 6mm}\
h1{font-size:12pt;margin:0 0 6mm}\
.fee{border:1.5px solid #1a1a1a;border-radius:2mm;padding:4mm 5mm;margin:6mm 0;font-size:12pt}\
.fee strong{font-size:14pt}\
ul{padding-left:6mm;margin:2mm 0 6mm}\
li{margin:1mm 0}\
.source{color:#444;font-size:9.5pt}\
.signature{margin-top:10mm;font-weight:600}\
sup{line-height:0;font-size:.7em}\
@media print{body{margin:0;padding:0;max-width:none}}";

/// The letter as one self-contained HTML page.
pub fn html(
    cat: &Catalog,
    table: &Table,
    quote: &Quote,
    letter: &Letter,
    issuer: &Issuer,
) -> String {
    let p = parts(cat, table, quote, letter, issuer);
    let lang = match cat.lang() {
        dues_core::text::Lang::Fr => "fr",
        dues_core::text::Lang::En => "en",
    };
    let title = match letter.recipient {
        Some(name) => format!("{} — {}", p.subject, name),
        None => p.subject.clone(),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n",
        escape(&title)
    );
    out.push_str(&format!("<p class=\"name\">{}</p>\n", escape(&p.issuer[0])));
    for address in &p.issuer[1..] {
        out.push_str(&format!("<p>{}</p>\n", escape(address)));
    }
    if !p.contact.is_empty() {
        let contact: Vec<String> = p.contact.iter().map(|c| escape(c)).collect();
        out.push_str(&format!(
            "<p class=\"contact\">{}</p>\n",
            contact.join(" · ")
        ));
    }
    out.push_str("</header>\n");
    // « 1er », as print writes it: the ordinal's letters raised.
    let date = escape(&p.date).replacen("1er ", "1<sup>er</sup> ", 1);
    out.push_str(&format!("<p class=\"date\">{date}</p>\n"));
    // The name is set apart (`<bdi>`): a right-to-left one stays whole and
    // leaves the sentence around it in order.
    let name = letter
        .recipient
        .map(|n| format!("<bdi>{}</bdi>", escape(n)))
        .unwrap_or_default();
    let fill = |text: &str| {
        escape(text)
            .replacen(FEE, &format!("<strong>{}</strong>", escape(&p.fee)), 1)
            .replacen(NAME, &name, 1)
    };
    if let Some(recipient) = &p.recipient {
        out.push_str(&format!("<p class=\"recipient\">{}</p>\n", fill(recipient)));
    }
    out.push_str(&format!("<h1>{}</h1>\n", escape(&p.subject)));
    out.push_str(&format!("<p>{}</p>\n", escape(&p.greeting)));
    out.push_str(&format!("<p class=\"fee\">{}</p>\n", fill(&p.fee_sentence)));
    out.push_str(&format!("<p>{}</p>\n<ul>\n", escape(&p.benefits_intro)));
    for benefit in &p.benefits {
        out.push_str(&format!("<li>{}</li>\n", escape(benefit)));
    }
    out.push_str("</ul>\n");
    out.push_str(&format!("<p class=\"source\">{}</p>\n", escape(&p.source)));
    out.push_str(&format!("<p>{}</p>\n", escape(&p.closing)));
    out.push_str(&format!("<p>{}</p>\n", escape(&p.regards)));
    out.push_str(&format!(
        "<p class=\"signature\">{}</p>\n</body>\n</html>\n",
        escape(&p.signature)
    ));
    out
}
