//! The names of kinds as people write them: plurals (`Communes`, `Conseils
//! départementaux`, `Companies`) read as their singular, and, for a name the
//! table does not know, the closest ones it does (« vouliez-vous dire … »).
//!
//! Both work on folded names ([`fold`]): case, accents, apostrophes and
//! spaces aside.

use crate::text::fold;

use super::Kind;

/// Words after which a French or English noun phrase stops agreeing in
/// number: `communautés de communes` is the plural of `communauté de
/// communes`, not of `communauté de commune`.
const PREPOSITIONS: [&str; 9] = ["de", "d", "du", "des", "la", "le", "l", "of", "en"];

/// The singulars a plural word may have, French and English, likeliest
/// first: `communes`, `départementaux` (→ `departemental`), `bureaux`,
/// `mairies` (→ `mairie`) and `companies` (→ `company`). Words of three
/// letters or fewer are left alone: `CAS` is no plural of `CA`.
fn singulars(word: &str) -> Vec<String> {
    if word.chars().count() < 4 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (plural, singular) in [("eaux", "eau"), ("aux", "al"), ("ies", "ie"), ("ies", "y")] {
        if let Some(stem) = word.strip_suffix(plural) {
            out.push(format!("{stem}{singular}"));
        }
    }
    if out.is_empty()
        && let Some(stem) = word.strip_suffix(['s', 'x'])
    {
        out.push(stem.to_string());
    }
    out
}

/// The singular forms a folded name may stand for, most likely first: every
/// word before the first preposition made singular, then the first alone,
/// then the last alone (`town halls`); each with every singular a word may
/// have (`mairies`: `mairie`, then `mairy`).
pub fn singular_forms(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let head = words
        .iter()
        .position(|w| PREPOSITIONS.contains(w))
        .unwrap_or(words.len());
    let with = |chosen: &dyn Fn(usize) -> bool, variant: usize| -> Option<String> {
        let mut changed = false;
        let out: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let candidates = singulars(w);
                match candidates.get(variant).or(candidates.first()) {
                    Some(s) if chosen(i) => {
                        changed = true;
                        s.clone()
                    }
                    _ => w.to_string(),
                }
            })
            .collect();
        changed.then(|| out.join(" "))
    };
    let mut forms: Vec<String> = Vec::new();
    let last = head.saturating_sub(1);
    for variant in 0..2 {
        let all = with(&|i| i < head, variant);
        let first = with(&|i| i == 0, variant);
        let last = with(&|i| i == last, variant);
        for form in [all, first, last].into_iter().flatten() {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// How many edits a name of `len` characters may be from the one meant:
/// none on an acronym-sized one (`SA` is no slip for `CA`), a slip on a
/// short name, two on a longer one, three on a long one.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// The names of `kinds` closest to `value`, at most three and one per kind,
/// closest first: a name a few edits away (a slip, a missing letter), or
/// starting with what was typed (`asso`, `commu`).
pub fn suggestions(kinds: &[Kind], value: &str) -> Vec<String> {
    let typed = fold(value);
    if typed.chars().count() < 2 {
        return Vec::new();
    }
    let typed_chars = typed.chars().count();
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        // Labels first: a slip on `commune` suggests « Commune », not the id.
        let names = [&kind.label.fr, &kind.label.en]
            .into_iter()
            .chain(kind.aliases.iter())
            .chain([&kind.id]);
        for name in names {
            let folded = fold(name);
            let distance = strsim::osa_distance(&typed, &folded);
            let prefix = typed_chars >= 3 && folded.starts_with(&typed);
            let close = distance <= tolerance(typed_chars);
            if !(close || prefix) {
                continue;
            }
            let score = if close {
                distance
            } else {
                tolerance(typed_chars) + 1
            };
            match found.iter_mut().find(|(kind, ..)| *kind == k) {
                Some(best) if best.1 <= score => {}
                Some(best) => *best = (k, score, name),
                None => found.push((k, score, name)),
            }
        }
    }
    found.sort_by_key(|&(k, score, _)| (score, k));
    found
        .into_iter()
        .take(3)
        .map(|(.., name)| name.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_read_as_their_singular() {
        for (plural, singular) in [
            ("communes", "commune"),
            ("regions", "region"),
            ("conseils departementaux", "conseil departemental"),
            ("communautes de communes", "communaute de communes"),
            ("communautes d agglomeration", "communaute d agglomeration"),
            ("syndicats mixtes", "syndicat mixte"),
            (
                "etablissements publics territoriaux",
                "etablissement public territorial",
            ),
        ] {
            assert_eq!(singular_forms(plural)[0], singular, "{plural}");
        }
        assert!(singular_forms("companies").contains(&"company".to_string()));
        assert!(singular_forms("town halls").contains(&"town hall".to_string()));
        assert!(singular_forms("mairies").contains(&"mairie".to_string()));
        assert!(singular_forms("cc").is_empty());
        assert!(singular_forms("cas").is_empty(), "an acronym, no plural");
    }

    #[test]
    fn every_form_is_listed_once_likeliest_first() {
        // Every word before the preposition, then the first, then the last.
        assert_eq!(
            singular_forms("conseils departementaux"),
            [
                "conseil departemental",
                "conseil departementaux",
                "conseils departemental",
            ]
        );
        assert_eq!(
            singular_forms("town halls"),
            ["town hall"],
            "`town` is no plural"
        );
        assert_eq!(singular_forms("mairies"), ["mairie", "mairy"]);
        // Four letters make a plural; three do not.
        assert_eq!(singular_forms("sems"), ["sem"]);
        assert!(singular_forms("ccs").is_empty());
    }

    fn kind(id: &str, fr: &str, aliases: &[&str]) -> Kind {
        Kind {
            id: id.into(),
            label: crate::text::Text {
                fr: fr.into(),
                en: fr.into(),
            },
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            budget_floor: None,
        }
    }

    #[test]
    fn a_slip_the_length_allows_comes_before_a_beginning() {
        let kinds = [
            kind("association", "Association", &[]),
            kind("assoc", "Assoc", &[]),
            kind("ca", "CA", &["Communauté d'agglomération"]),
            kind("cabinet", "Cabinet", &[]),
        ];
        // A slip of one letter on four (`asso` for `assoc`), then what
        // starts with it (`Association`).
        assert_eq!(suggestions(&kinds, "asso"), ["Assoc", "Association"]);
        // Five letters allow one slip, six two.
        assert_eq!(suggestions(&kinds, "asxoc"), ["Assoc"]);
        assert!(suggestions(&kinds, "axxoc").is_empty());
        assert_eq!(suggestions(&kinds, "asxocx"), ["Assoc"]);
        assert_eq!(suggestions(&kinds, "cabinzz"), ["Cabinet"]);
        // Two letters: only the name itself; three: its beginnings too.
        assert_eq!(suggestions(&kinds, "ca"), ["CA"]);
        assert_eq!(suggestions(&kinds, "cab"), ["Cabinet"]);
        assert!(suggestions(&kinds, "c").is_empty());
        // One per kind, its closest name: an alias closer than the label.
        let typo = [kind("assoc", "Assoc", &["Assox"])];
        assert_eq!(suggestions(&typo, "assox"), ["Assox"]);
        assert_eq!(
            suggestions(&kinds, "communaute d aglomeration"),
            ["Communauté d'agglomération"]
        );
    }
}
