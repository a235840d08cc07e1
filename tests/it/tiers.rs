use serde_json::Value;

use crate::{plain, stdout_ok};

#[test]
fn tiers_prints_the_leaflet() {
    let out = stdout_ok(&["tiers"]);
    let text = plain(&out);
    assert!(text.starts_with(
        "Adhésion 2022 — La 27e Région, dépliant « Adhésion 2022 »\n\n\
         Tranche  Condition                                                         Cotisation\n\
         small    budget < 1 500 000 €                                              1 000 €\n\
         medium   1 500 000 € ≤ budget ≤ 10 000 000 €                               2 500 €\n\
         large    budget > 10 000 000 €                                             5 000 €\n\
         network  Région, Département, Métropole avec une stratégie d’entraînement  à partir de 8 000 € — à définir au cas par cas en fonction du groupement\n\n\
         Type                                                            Autres noms (au singulier ou au pluriel)\n\
         region (Région)                                                 Region, Conseil régional, Collectivité territoriale unique, CTU,"
    ), "{text}");
    // Every kind, with every other name it answers to.
    for line in [
        "commune (Commune)                                               Municipality, Ville, Mairie, Municipalité, Town, City, Town hall\n",
        "private (Organisme privé (association, fondation, entreprise))  Private body (association, foundation, company), Association, Association loi 1901, Asso,",
        "\n\nL’adhésion à la 27e Région donne droit à :\n• La possibilité de participer aux programmes de recherche-action ;\n",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn tiers_json_holds_bounds_with_their_inclusivity() {
    let out = stdout_ok(&["tiers", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["year"], 2022);
    assert_eq!(v["currency"], "EUR");
    let tiers = v["tiers"].as_array().unwrap();
    assert_eq!(tiers.len(), 4);
    assert_eq!(
        tiers[0]["budget"],
        serde_json::json!({"min": "0", "min_inclusive": true, "max": "1500000", "max_inclusive": false})
    );
    assert_eq!(
        tiers[1]["budget"],
        serde_json::json!({"min": "1500000", "min_inclusive": true, "max": "10000000", "max_inclusive": true})
    );
    assert_eq!(
        tiers[2]["budget"],
        serde_json::json!({"min": "10000000", "min_inclusive": false, "max": null, "max_inclusive": null})
    );
    assert_eq!(tiers[3]["budget"], Value::Null);
    assert_eq!(
        tiers[3]["rule"],
        serde_json::json!({"kinds": ["region", "departement", "metropole"], "network_strategy": true})
    );
    assert_eq!(tiers[3]["fee"]["basis"], "minimum");
    assert_eq!(v["kinds"].as_array().unwrap().len(), 7);
    assert_eq!(v["benefits"].as_array().unwrap().len(), 5);
}

#[test]
fn tiers_toml_writes_out_the_built_in_source() {
    let out = stdout_ok(&["tiers", "--format", "toml"]);
    let repo = std::fs::read(format!("{}/tiers-2022.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(out, repo);
}
