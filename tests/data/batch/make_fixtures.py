#!/usr/bin/env python3
"""Generate the CSV fixtures of `dues batch` that live next to this script.

Regenerate (from the repository root; standard library only, no network):

    python3 tests/data/batch/make_fixtures.py

Real names, codes and populations come from `etalab-extract.json`, a small
extract of the npm package `@etalab/decoupage-administratif` version 6.0.0
(millésime 2026; files data/regions.json, data/departements.json,
data/epci.json, data/communes.json). The npm package is not available in CI, so
normal runs read only that committed extract. The extract itself was made once,
outside the repository, with:

    mkdir -p /tmp/etalab && cd /tmp/etalab
    npm install @etalab/decoupage-administratif@6.0.0
    python3 tests/data/batch/make_fixtures.py --extract \
        /tmp/etalab/node_modules/@etalab/decoupage-administratif/data

`--extract DIR` rewrites etalab-extract.json from the package's data/ folder and
then regenerates every fixture. What the extract keeps:
  * all 26 entries of regions.json and all 109 of departements.json, each with a
    `population` that is the sum of its communes' populations (etalab gives no
    population for régions and départements);
  * every EPCI of type METRO (métropole), MET69 (Métropole de Lyon), CU and CA,
    plus a dozen CC (communautés de communes) chosen for awkward names;
    population = populationMunicipale;
  * the 300 most populous communes of type "commune-actuelle" (`"sel": "top"`)
    and ~50 smaller ones whose names hold an apostrophe, œ/Œ or a rare accent
    (`"sel": "small"`).

Everything is deterministic: inputs are sorted by code, and every "random"
choice (budget per inhabitant, oui/non answers...) is a hash of SEED and the
entity's code, so adding a row never changes the others.

Budgets are made up but plausible: population × 1 000–1 500 € for régions and
départements, × 800–1 200 € for métropoles, EPCI and communes, with a few
set exactly on the tier boundaries 1 499 999,99 / 1 500 000 / 10 000 000 /
10 000 000,01 € (whole-euro files: 1 499 999 / 1 500 000 / 10 000 000 /
10 000 001). regions-departements.csv has rates of its own (RD_RATES), kept
within 0,5–4 Md€ for régions and 0,2–2 Md€ for départements. Contacts use the
reserved `.example` domain.
"""

import csv
import hashlib
import io
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRACT = os.path.join(HERE, "etalab-extract.json")
SEED = "dues-batch-fixtures-2022"
PACKAGE = "@etalab/decoupage-administratif"
PACKAGE_VERSION = "6.0.0"

NBSP = "\u00a0"   # no-break space: cp1252 0xA0
NNBSP = "\u202f"  # narrow no-break space: not in cp1252
RSQUO = "\u2019"  # ’ : cp1252 0x92

# ─── Determinism helpers ─────────────────────────────────────────────────────


def unit(*parts):
    """A stable pseudo-random number in [0, 1) for the given key."""
    h = hashlib.sha256("\x1f".join((SEED,) + tuple(str(p) for p in parts)).encode("utf-8"))
    return int.from_bytes(h.digest()[:8], "big") / 2**64


def hash_order(items, key, *salt):
    return sorted(items, key=lambda x: (unit("order", *salt, key(x)), key(x)))


# ─── Extract (run once, with the npm package at hand) ─────────────────────────

SMALL_MUST = ["Œ", "ÿ", "ü", "ó", "Ô"]  # rare letters: keep every small commune holding one


def _interesting(name):
    return "'" in name or "œ" in name or "Œ" in name or any(c in name for c in "ÿüóôÔÎîûïëêâàçÈ")


def make_extract(data_dir):
    def load(name):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            return json.load(f)

    regions = load("regions.json")
    departements = load("departements.json")
    epcis = load("epci.json")
    communes = [c for c in load("communes.json") if c.get("type") == "commune-actuelle"]

    reg_pop, dep_pop = Counter(), Counter()
    for c in communes:
        reg_pop[c.get("region")] += c.get("population", 0)
        dep_pop[c.get("departement")] += c.get("population", 0)

    out_regions = [
        {"code": r["code"], "nom": r["nom"], "zone": r["zone"], "population": reg_pop[r["code"]]}
        for r in sorted(regions, key=lambda r: r["code"])
    ]
    out_deps = [
        {"code": d["code"], "nom": d["nom"], "region": d["region"], "zone": d["zone"],
         "population": dep_pop[d["code"]]}
        for d in sorted(departements, key=lambda d: d["code"])
    ]

    keep_types = {"METRO", "MET69", "CU", "CA"}
    chosen = [e for e in epcis if e["type"] in keep_types]
    ccs = sorted((e for e in epcis if e["type"] == "CC"), key=lambda e: e["code"])
    odd = [e for e in ccs if any(c in e["nom"] for c in '",;ó') or "Presqu'" in e["nom"]]
    odd = hash_order(odd, lambda e: e["code"], "cc-odd")[:8]
    plain = [e for e in ccs if e not in odd and "'" not in e["nom"] and "," not in e["nom"]]
    plain = hash_order(plain, lambda e: e["code"], "cc-plain")[:4]
    must_cc = [e for e in ccs if "ó" in e["nom"] or '"' in e["nom"]]
    for e in must_cc:
        if e not in odd:
            odd.append(e)
    chosen += odd + plain
    out_epci = [
        {"code": e["code"], "nom": e["nom"], "type": e["type"], "population": e["populationMunicipale"]}
        for e in sorted(chosen, key=lambda e: e["code"])
    ]

    with_pop = [c for c in communes if c.get("population")]
    top = sorted(with_pop, key=lambda c: (-c["population"], c["code"]))[:300]
    top_codes = {c["code"] for c in top}
    cutoff = top[-1]["population"]
    rest = sorted((c for c in with_pop if c["code"] not in top_codes and _interesting(c["nom"])),
                  key=lambda c: c["code"])
    small = [c for c in rest if any(ch in c["nom"] for ch in SMALL_MUST)]
    picked = {c["code"] for c in small}

    def take(pred, n, salt):
        got = [c for c in hash_order(rest, lambda c: c["code"], salt)
               if c["code"] not in picked and pred(c)][:n]
        for c in got:
            picked.add(c["code"])
            small.append(c)

    apos = lambda c: "'" in c["nom"]  # noqa: E731
    oe = lambda c: "œ" in c["nom"]  # noqa: E731
    # Candidates for budgets on the tier boundaries (1,5 M€ and 10 M€).
    take(lambda c: apos(c) and 1300 <= c["population"] <= 1700, 2, "b15")
    take(lambda c: (apos(c) or oe(c)) and 8500 <= c["population"] <= 11500, 2, "b10")
    for lo, hi, n_apos, n_oe in [(0, 500, 5, 3), (500, 2000, 6, 3), (2000, 8000, 5, 3),
                                 (8000, 15000, 3, 2), (15000, cutoff, 3, 2)]:
        take(lambda c: apos(c) and lo <= c["population"] < hi, n_apos, f"apos{lo}")
        take(lambda c: oe(c) and lo <= c["population"] < hi, n_oe, f"oe{lo}")
    out_communes = [
        {"code": c["code"], "nom": c["nom"], "departement": c["departement"],
         "population": c["population"], "sel": "top" if c["code"] in top_codes else "small"}
        for c in sorted(top + small, key=lambda c: c["code"])
    ]

    extract = {
        "source": {
            "package": PACKAGE,
            "version": PACKAGE_VERSION,
            "files": ["data/regions.json", "data/departements.json", "data/epci.json",
                      "data/communes.json"],
            "made_by": "python3 tests/data/batch/make_fixtures.py --extract <node_modules/"
                       + PACKAGE + "/data>",
            "notes": [
                "regions/departements: population = sum of the populations of their "
                "communes of type commune-actuelle (etalab gives none)",
                "epci: every METRO, MET69, CU and CA, plus a few CC; population = "
                "populationMunicipale",
                "communes: type commune-actuelle only; sel=top: the 300 most populous; "
                "sel=small: smaller ones with an apostrophe, oe ligature or rare accent",
            ],
        },
        "regions": out_regions,
        "departements": out_deps,
        "epci": out_epci,
        "communes": out_communes,
    }
    with open(EXTRACT, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump_extract(extract))
    print(f"wrote {EXTRACT}: {len(out_regions)} régions, {len(out_deps)} départements, "
          f"{len(out_epci)} EPCI, {len(out_communes)} communes")


FIELDS = {
    "regions": ["code", "nom", "zone", "population"],
    "departements": ["code", "nom", "region", "zone", "population"],
    "epci": ["code", "nom", "type", "population"],
    "communes": ["code", "nom", "departement", "population", "sel"],
}


def dump_extract(extract):
    """Compact JSON, one record (a list, see "fields") per line: small and diff-friendly."""
    lines = ["{", '  "source": ' + json.dumps(extract["source"], ensure_ascii=False) + ",",
             '  "fields": ' + json.dumps(FIELDS, ensure_ascii=False) + ","]
    keys = list(FIELDS)
    for i, k in enumerate(keys):
        lines.append(f'  "{k}": [')
        recs = extract[k]
        for j, r in enumerate(recs):
            row = [r[f] for f in FIELDS[k]]
            lines.append("    " + json.dumps(row, ensure_ascii=False) + ("," if j < len(recs) - 1 else ""))
        lines.append("  ]" + ("," if i < len(keys) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def load_extract():
    with open(EXTRACT, encoding="utf-8") as f:
        raw = json.load(f)
    out = {"source": raw["source"]}
    for k, fields in raw["fields"].items():
        out[k] = [dict(zip(fields, row)) for row in raw[k]]
    return out


# ─── The data, with the special collectivités resolved ───────────────────────


class Data:
    """Lookups into the extract, and the budget of every entity."""

    def __init__(self, extract):
        self.regions = {r["code"]: r for r in extract["regions"]}
        self.deps = {d["code"]: d for d in extract["departements"]}
        self.epci = {e["code"]: e for e in extract["epci"]}
        self.communes = {c["code"]: c for c in extract["communes"]}
        self.lyon = next(e for e in extract["epci"] if e["type"] == "MET69")

    def get(self, table, code):
        src = {"region": self.regions, "dep": self.deps, "epci": self.epci, "commune": self.communes}[table]
        if code not in src:
            raise SystemExit(f"etalab-extract.json has no {table} {code}: regenerate the fixture rows")
        return src[code]

    def pop(self, table, code):
        if (table, code) == ("dep", "6AE"):  # Collectivité européenne d'Alsace = Bas-Rhin + Haut-Rhin
            return self.deps["67"]["population"] + self.deps["68"]["population"]
        if (table, code) == ("dep", "69"):  # Département du Rhône, without the Métropole de Lyon
            return self.deps["69"]["population"] - self.lyon["population"]
        return self.get(table, code)["population"]

    def name(self, table, code):
        if (table, code) == ("dep", "6AE"):
            return CEA_NAME
        return self.get(table, code)["nom"]


CEA_NAME = "Collectivité européenne d'Alsace"

# Budget per inhabitant, in euros (lo, hi), by budget family.
RATES = {"region": (1000, 1500), "dep": (1000, 1500), "epci": (800, 1200), "commune": (800, 1200)}

# Communes whose budget sits exactly on a tier boundary (amounts in cents).
BOUNDARY_CENTS = {
    "04079": 1_499_999_99,   # L'Escale (1 427 inhabitants): last cent of "small"
    "69201": 1_500_000_00,   # Sainte-Foy-l'Argentière (1 312): first cent of "medium"
    "59153": 10_000_000_00,  # Condé-sur-l'Escaut (9 253): last cent of "medium"
    "59011": 10_000_000_01,  # Annœullin (10 847): first cent of "large"
}


def budget_cents(data, table, code):
    """Plausible annual budget in cents: population × a per-entity rate, whole euros."""
    if table == "commune" and code in BOUNDARY_CENTS:
        data.get(table, code)
        return BOUNDARY_CENTS[code]
    lo, hi = RATES[table]
    rate = lo + (hi - lo) * unit("rate", table, code)
    return round(data.pop(table, code) * rate) * 100


def strategy_answer(table, code, yes="oui", no="non"):
    return yes if unit("strategy", table, code) < 0.45 else no


# ─── Money as people write it (amounts in integer cents) ─────────────────────


def group(n, sep):
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


def fr_money(cents, sep=NBSP, cur=None, decimals=True, euro=True):
    """'1 500 000,00 €' (sep between groups; cur before €, defaults to sep)."""
    euros, c = divmod(cents, 100)
    s = group(euros, sep)
    if decimals:
        s += ",%02d" % c
    elif c:
        raise ValueError(f"{cents} cents written without decimals")
    if euro:
        s += (sep if cur is None else cur) + "€"
    return s


def plain_money(cents):
    """'2300000' or '2300000.50'."""
    euros, c = divmod(cents, 100)
    return str(euros) if c == 0 else f"{euros}.{c:02d}"


def short_money(cents, unit_, sep=" "):
    """'850 k€', '2,3 M€', '1,2 Md€' (rounded the way a person would)."""
    if unit_ == "k":
        return f"{round(cents / 100_000)}{sep}k€"
    div = {"M": 100_000_000, "Md": 100_000_000_000}[unit_]
    tenths = round(cents * 10 / div)
    n = str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10},{tenths % 10}"
    return f"{n}{sep}{unit_}€"


# ─── Writing CSV byte-exactly ────────────────────────────────────────────────


def csv_field(value, delim):
    """Quote like Excel and most writers: only when the field needs it."""
    if any(c in value for c in (delim, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(rows, delim, eol, quote_all=False):
    if quote_all:  # Dolibarr, LibreOffice « Quote all text cells »: every field in "…"
        field = lambda f: '"' + f.replace('"', '""') + '"'  # noqa: E731
    else:
        field = lambda f: csv_field(f, delim)  # noqa: E731
    return "".join(delim.join(field(f) for f in row) + eol for row in rows)


# cp1252 cannot hold every character. None of the etalab names met so far needs it,
# but any that does is handled here, explicitly, never by a silent "?".
CP1252_REPLACEMENTS = {
    NNBSP: NBSP,  # narrow no-break space (recent Windows French locales) -> NBSP
}


def encode_cp1252(text, what):
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            if ch not in CP1252_REPLACEMENTS:
                raise SystemExit(f"{what}: U+{ord(ch):04X} {ch!r} is not in cp1252 and has no "
                                 "replacement in CP1252_REPLACEMENTS")
            out.append(CP1252_REPLACEMENTS[ch])
    return "".join(out).encode("cp1252")


WRITTEN = []  # (file name, encoding, delimiter, eol, bom) for the final check


def write(name, rows, delim, eol, encoding="utf-8", bom=False, quote_all=False):
    text = csv_text(rows, delim, eol, quote_all)
    if encoding == "cp1252":
        data = encode_cp1252(text, name)
    else:
        data = text.encode("utf-8")
        if bom:
            data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    WRITTEN.append((name, encoding, delim, eol, bom))


def rsquo(s):
    """The typographic apostrophe that Word/Excel autocorrect puts in names."""
    return s.replace("'", RSQUO)


# ─── 1. prospects-utf8.csv ───────────────────────────────────────────────────


def prospects_utf8(d):
    """UTF-8, no BOM, ',' and LF; budgets as plain numbers; every row valid."""
    B = lambda t, c, extra=0: plain_money(budget_cents(d, t, c) + extra)  # noqa: E731
    N = d.name
    rows = [
        [N("region", "53"), "region", B("region", "53"), "oui", "innovation@bretagne.example"],
        [N("region", "84"), "Région", B("region", "84", 50), "non", "Claire Dubois"],
        [N("region", "28"), "REGION", B("region", "28"), "yes", ""],
        [N("region", "76"), "Conseil régional", B("region", "76"), "no", "labo@occitanie.example"],
        [N("region", "94"), "Collectivité territoriale unique", B("region", "94"), "true", ""],
        [N("region", "03"), "collectivite territoriale unique", B("region", "03"), "0", "guyane@ctg.example"],
        [N("dep", "35"), "departement", B("dep", "35"), "1", "Yann Le Goff"],
        [N("dep", "93"), "Département", B("dep", "93", 50), "false", ""],
        [N("dep", "48"), "Conseil départemental", B("dep", "48"), "o", "contact@lozere.example"],
        [CEA_NAME, CEA_NAME, B("dep", "6AE"), "n", ""],
        [N("commune", "75056"), "Ville de Paris", plain_money(budget_cents(d, "commune", "75056")),
         "y", "innovation@paris.example"],
        [N("epci", "243500139"), "metropole", B("epci", "243500139"), "oui", ""],
        [N("epci", "200046977"), "Métropole de Lyon", B("epci", "200046977"), "non", "Lucie Martin"],
        [N("epci", "200093201") + ", direction de l'innovation", "Métropole", B("epci", "200093201"),
         "OUI", "innovation@mel.example"],
        [N("epci", "200054781"), "METROPOLE", B("epci", "200054781"), "Non", ""],
        [N("epci", "242900314"), "métropole", B("epci", "242900314", 50), "Y", "Erwan Kerouac"],
        [N("commune", "13055"), "commune", B("commune", "13055"), "", "mairie@marseille.example"],
        [N("commune", "59009"), "Commune", B("commune", "59009"), "", ""],
        [N("commune", "44109"), "Ville", B("commune", "44109"), "", "Paul Durand"],
        [N("commune", "54547"), "ville", B("commune", "54547", 50), "", ""],
        [N("commune", "04079"), "Commune", B("commune", "04079"), "", "mairie@lescale.example"],
        [N("commune", "69201"), "commune", B("commune", "69201"), "", ""],
        [N("commune", "59153"), "Commune", B("commune", "59153"), "", ""],
        [N("commune", "59011"), "COMMUNE", B("commune", "59011"), "", "dgs@annoeullin.example"],
        [N("epci", "200006682"), "Communauté d'agglomération", B("epci", "200006682"), "",
         "Sophie Bernard"],
        [N("epci", "200033579"), "Communauté urbaine", B("epci", "200033579"), "", ""],
        [N("epci", "200067171"), "Communauté de communes", B("epci", "200067171"), "", ""],
        [N("epci", "200042174"), "epci", B("epci", "200042174"), "", "projets@lorient-agglo.example"],
        [N("epci", "200049211"), "EPCI", B("epci", "200049211"), "", ""],
        ["Association Tiers-Lieux Bretagne, collectif régional", "Association", "412000.50", "",
         "contact@tierslieux-bzh.example"],
        ["Fondation pour l'innovation territoriale", "Fondation", "2300000.50", "", ""],
        ["Coopérative Territoires & Communs, SCIC", "Entreprise", "850000", "", "Julien Moreau"],
        ["Agence régionale de la biodiversité", "Établissement public", "6200000", "", ""],
        ["Établissement public foncier de Bretagne", "public", "12500000", "", "epf@bretagne.example"],
        ["Les Ateliers du Bocage", "private", "1500000", "", ""],
        ["Association des petites villes, antenne Grand Est", "association", "0", "", ""],
        ["Groupement d'intérêt public Territoires numériques", "public", "1499999.99", "", ""],
        ["Martin & Fils", "entreprise", "10000000.01", "", "Jean Martin"],
        ["Fondation Horizon Territoires", "fondation", "10000000", "", ""],
        [N("commune", "97411"), "commune", B("commune", "97411"), "non", "Note: an answer from a commune is ignored"],
        [N("commune", "97209"), "Commune", B("commune", "97209"), "", ""],
    ]
    write("prospects-utf8.csv", [["name", "kind", "budget", "network_strategy", "contact"]] + rows, ",", "\n")


# ─── 2. prospects-utf8-bom.csv ───────────────────────────────────────────────


def prospects_utf8_bom(d):
    """UTF-8 with BOM, ';' and CRLF, French headers; '1 500 000,00 €' with NBSP or NNBSP."""
    N = d.name

    def F(t, c, sep):
        return fr_money(budget_cents(d, t, c), sep)

    def S(t, c, unit_, sep=NBSP):
        return short_money(budget_cents(d, t, c), unit_, sep)

    A, Z = NBSP, NNBSP
    rows = [
        [rsquo(N("region", "93")), "Région", F("region", "93", A), "oui", "Hélène Lefèvre <h.lefevre@maregionsud.example>"],
        [N("region", "27"), "Région", S("region", "27", "Md"), "non", ""],
        [N("region", "32"), "Conseil régional", F("region", "32", Z), "Non", "Benoît Lemaître"],
        [N("region", "02"), "Collectivité territoriale unique", F("region", "02", A), "O", ""],
        [N("region", "06"), "Collectivité territoriale unique", F("region", "06", Z), "N", "Zaïnaba Ahmed"],
        [rsquo(N("dep", "22")), "Département", F("dep", "22", Z), "oui", ""],
        [rsquo(N("dep", "95")), "Conseil départemental", F("dep", "95", A), "non", "Noël Caré"],
        [N("dep", "29"), "Département", S("dep", "29", "Md", Z), "Oui", ""],
        [N("dep", "70"), "département", F("dep", "70", A), "NON", ""],
        [rsquo(N("epci", "200054807")), "Métropole", F("epci", "200054807", Z), "oui", "Maëlle Géraud"],
        [rsquo(N("epci", "200030195")), "Métropole", F("epci", "200030195", A), "non", ""],
        [N("epci", "246700488"), "Métropole", S("epci", "246700488", "M"), "non", "Jérôme Kœnig"],
        [N("epci", "244200770"), "Métropole", F("epci", "244200770", Z), "oui", ""],
        [N("commune", "59378"), "Commune", F("commune", "59378", A), "", "Cécile Dupré"],
        [rsquo(N("commune", "94038")), "Ville", F("commune", "94038", Z), "", ""],
        [rsquo(N("commune", "85194")), "Commune", S("commune", "85194", "M"), "", "Gaëlle Léger"],
        [N("commune", "02565"), "Commune", S("commune", "02565", "k"), "", ""],
        [N("commune", "57521"), "Commune", F("commune", "57521", Z), "", "Frédéric Hœrner"],
        [N("commune", "55264"), "Commune", F("commune", "55264", A), "", ""],
        [N("commune", "97229"), "Commune", S("commune", "97229", "M", Z), "", ""],
        [rsquo(N("commune", "02532")), "Commune", F("commune", "02532", A), "", "Aurélie Thérèse"],
        [rsquo(N("commune", "95572")), "Ville", F("commune", "95572", Z), "", ""],
        ["CA Cœur d’Essonne Agglomération", "Communauté d’agglomération", F("epci", "200057859", A), "",
         "Raphaël Séguin"],
        [N("epci", "247200132"), "Communauté urbaine", F("epci", "247200132", Z), "", ""],
        [N("epci", "200035863"), "Communauté de communes", F("epci", "200035863", A), "", ""],
        ["Association Cœur de Bourg", "Association", fr_money(45_000_00, A), "", "Anaïs Bœuf"],
        ["Fondation Œuvres & Territoires", "Fondation", fr_money(1_500_000_00, Z), "", ""],
        ["Société d’économie mixte Énergies de l’Ouest", "Entreprise", fr_money(10_000_000_01, Z), "",
         "Éloïse Müller"],
        ["Établissement public de coopération culturelle Hôtel-Dieu", "Établissement public",
         fr_money(1_499_999_99, A), "", ""],
        ["Syndicat mixte des transports de l’aire grenobloise", "Établissement public",
         fr_money(10_000_000_00, A, Z), "", "Zoé Châtelain"],
    ]
    header = ["Nom", "Type", "Budget annuel (€)", "Stratégie d'entraînement", "Contact"]
    write("prospects-utf8-bom.csv", [header] + rows, ";", "\r\n", bom=True)


# ─── 3. prospects-excel-1252.csv ─────────────────────────────────────────────


def prospects_excel_1252(d):
    """What French Excel's « CSV (séparateur: point-virgule) » writes: cp1252, ';', CRLF."""
    N = d.name

    def F(t, c):
        return fr_money(budget_cents(d, t, c))

    rows = [
        [N("region", "44"), "Région", F("region", "44"), "oui", "Rencontre prévue en février"],
        [N("region", "75"), "Région", F("region", "75"), "non", ""],
        [N("region", "52"), "Région", F("region", "52"), "Oui", "Élue référente : Mme Lebœuf"],
        [rsquo(N("region", "93")), "Région", F("region", "93"), "non", ""],
        [N("region", "01"), "Région", F("region", "01"), "oui", "Même nom que le Département"],
        [N("dep", "971"), "Département", F("dep", "971"), "non", "Même nom que la Région"],
        [N("dep", "974"), "Département", F("dep", "974"), "oui", ""],
        [N("region", "94"), "Collectivité territoriale unique", F("region", "94"), "oui", "Collectivité de Corse"],
        [rsquo(N("dep", "21")), "Département", F("dep", "21"), "non", ""],
        [N("dep", "19"), "Département", F("dep", "19"), "oui", ""],
        [N("dep", "34"), "Département", F("dep", "34"), "non", "Budget primitif voté ; à confirmer"],
        [N("dep", "07"), "Conseil départemental", F("dep", "07"), "NON", ""],
        [rsquo(CEA_NAME), rsquo(CEA_NAME), F("dep", "6AE"), "oui", "Bas-Rhin + Haut-Rhin depuis 2021"],
        [N("commune", "75056"), "Ville de Paris", F("commune", "75056"), "non", ""],
        [N("epci", "200046977"), "Métropole de Lyon", F("epci", "200046977"), "oui", ""],
        [N("epci", "200023414"), "Métropole", F("epci", "200023414"), "non", ""],
        [N("epci", "243400017"), "Métropole", F("epci", "243400017"), "oui", "Contact via l’élu à l’innovation"],
        [N("epci", "200040715"), "Métropole", F("epci", "200040715"), "non", ""],
        [N("epci", "245400676"), "Métropole", F("epci", "245400676"), "Oui", ""],
        [rsquo(N("commune", "33550")), "Commune", F("commune", "33550"), "", ""],
        [rsquo(N("commune", "38421")), "Commune", F("commune", "38421"), "", "Relance envoyée"],
        [N("commune", "59410"), "Commune", F("commune", "59410"), "", ""],
        [N("commune", "62617"), "Commune", F("commune", "62617"), "", ""],
        [N("commune", "67204"), "Commune", F("commune", "67204"), "", ""],
        [N("commune", "07348"), "Commune", F("commune", "07348"), "", "Petite commune ardéchoise"],
        [N("commune", "80485"), "Commune", F("commune", "80485"), "", ""],
        [N("commune", "97352"), "Commune", F("commune", "97352"), "", ""],
        [N("commune", "51030"), "Ville", F("commune", "51030"), "", ""],
        [N("commune", "40163"), "Commune", F("commune", "40163"), "", ""],
        [N("epci", "200006682"), "Communauté d'agglomération", F("epci", "200006682"), "",
         "Nom avec virgule, non guillemeté par Excel"],
        [rsquo(N("epci", "200036473")), "Communauté d’agglomération", F("epci", "200036473"), "",
         'Nom avec des "guillemets"'],
        [N("epci", "200030385"), "Communauté d'agglomération", F("epci", "200030385"), "", ""],
        [N("epci", "200065597"), "Communauté urbaine", F("epci", "200065597"), "", ""],
        [N("epci", "200049211"), "Communauté de communes", F("epci", "200049211"), "", ""],
        ["Maison de l’Europe ; centre Europe Direct", "Association", fr_money(380_000_00), "",
         "Nom contenant un point-virgule"],
        ["Fondation de l’Œuvre des Écoles", "Fondation", fr_money(10_000_000_00), "", ""],
        ["Bureau d’études Générale, Conseil & Ingénierie", "Entreprise", fr_money(10_000_000_01), "", ""],
        ["Association Cœur de Ville", "Association", fr_money(1_499_999_99), "", "Adhérente en 2021"],
        ["Office de tourisme Côte d’Émeraude", "Établissement public", fr_money(1_500_000_00), "", ""],
        ["Lycée agricole de Bréhoulou", "Établissement public", "2300000", "",
         "Cellule au format Standard : pas de €"],
        ["Centre communal d’action sociale de Pontivy", "Établissement public", "850000,5", "", ""],
    ]
    header = ["Nom", "Type", "Budget annuel (€)", "Stratégie d'entraînement", "Commentaire"]
    write("prospects-excel-1252.csv", [header] + rows, ";", "\r\n", encoding="cp1252")


# ─── 4. prospects.tsv ────────────────────────────────────────────────────────


def prospects_tsv(d):
    """UTF-8, tab, LF, English headers; ',' and ';' inside fields need no quoting."""
    N = d.name
    B = lambda t, c: budget_cents(d, t, c)  # noqa: E731
    rows = [
        [N("region", "53"), "region", group(B("region", "53") // 100, " "), "yes", "innovation@bretagne.example"],
        [N("dep", "33"), "departement", plain_money(B("dep", "33")), "no", ""],
        [N("epci", "243300316"), "metropole", short_money(B("epci", "243300316"), "M"), "true", ""],
        [N("epci", "243100518"), "Metropole", plain_money(B("epci", "243100518")), "false", "Anne Petit"],
        [N("commune", "35238"), "commune", fr_money(B("commune", "35238")), "", ""],
        [N("commune", "29232"), "Ville", plain_money(B("commune", "29232")), "", ""],
        [N("epci", "200068120"), "epci", short_money(B("epci", "200068120"), "M"), "", "Loïc Prigent"],
        [N("epci", "240900431"), "Communauté de communes", plain_money(B("epci", "240900431")), "", ""],
        ["Association Kerlann; tiers-lieu, Vannes", "private", "850 k€", "", "kerlann@asso.example"],
        ["Fondation Solidarité, Bretagne", "Fondation", "2,3 M€", "", ""],
        ["Agence de l'eau Loire-Bretagne", "public", "1,2 Md€", "", ""],
        [N("commune", "56260"), "commune", group(B("commune", "56260") // 100, NBSP), "y", ""],
        [N("commune", "56121"), "commune", plain_money(B("commune", "56121")), "", ""],
        [N("dep", "56"), "departement", plain_money(B("dep", "56")), "n", "Morbihan, service innovation"],
        [N("dep", "92"), "Département", group(B("dep", "92") // 100, NNBSP), "1", ""],
    ]
    write("prospects.tsv", [["name", "kind", "budget", "network_strategy", "contact"]] + rows, "\t", "\n")


# ─── 5. quoted-newlines.csv ──────────────────────────────────────────────────


def quoted_newlines(d):
    """UTF-8, ',' and CRLF; fields with LF and CRLF inside quotes, "" and commas."""
    N = d.name
    P = lambda t, c: plain_money(budget_cents(d, t, c))  # noqa: E731
    rows = [
        [N("epci", "200093201") + "\nDirection de l'innovation", "Métropole", P("epci", "200093201"), "oui",
         "Camille Lefebvre\r\ncamille.lefebvre@mel.example"],
        ['Association "Les Communs", Roubaix', "Association", fr_money(1_500_000_00), "",
         "Siège : 12, rue de la Paix\nRoubaix"],
        [N("commune", "59350"), "Commune", P("commune", "59350"), "",
         'Accueil "Mairie", poste 12\r\nlundi-vendredi'],
        [N("dep", "59"), "Département", P("dep", "59"), "non",
         "Service innovation\r\nHôtel du Département\n51, rue Gustave Delory"],
        [N("region", "32"), "Région", P("region", "32"), "oui", ""],
        [N("epci", "200072460"), "Communauté d'agglomération", P("epci", "200072460"), "",
         "Premier paragraphe\n\nSecond paragraphe, après une ligne vide"],
        ['Fondation "Lumière, Nord"\r\n(antenne lilloise)', "Fondation", "1499999.99", "",
         '"Entre guillemets"'],
        [N("commune", "59009"), "Commune", P("commune", "59009"), "", "Direction générale des services\n"],
    ]
    write("quoted-newlines.csv", [["name", "kind", "budget", "network_strategy", "contact"]] + rows, ",", "\r\n")


# ─── 6. bad-rows.csv ─────────────────────────────────────────────────────────


def bad_rows(d):
    """UTF-8, ';', LF; a good row, one row per error (what it tests in « cas »), a good row."""
    N = d.name

    def F(t, c):
        return fr_money(budget_cents(d, t, c), " ", decimals=False)

    rows = [
        [N("commune", "11178"), "Commune", F("commune", "11178"), "", "ligne valide"],
        [N("commune", "12001"), "Commune", "", "", "budget vide"],
        ["Association Les Amis du Bocage", "Association", "-5 000", "", "budget négatif (-5 000)"],
        ["Fondation Horizon Territoires", "Fondation", "beaucoup", "", "budget en toutes lettres (« beaucoup »)"],
        [N("commune", "31245"), "Commune", "1,500", "",
         "budget ambigu (1,500 : virgule décimale ou séparateur de milliers ?)"],
        [N("commune", "31431"), "Commune", "1.500", "",
         "budget ambigu (1.500 : point décimal ou séparateur de milliers ?)"],
        [N("commune", "14334"), "Commune", "1,5E+06", "", "notation scientifique (1,5E+06)"],
        ["Mairie annexe de Bellevue", "Mairie de quartier", "350 000", "", "type inconnu (« Mairie de quartier »)"],
        [N("dep", "48"), "Département", F("dep", "48"), "",
         "Département sans réponse à la stratégie d'entraînement"],
        [N("region", "28"), "Région", F("region", "28"), "peut-être",
         "réponse invalide à la stratégie (« peut-être »)"],
        # Short row: 3 fields for 5 columns, so it cannot carry its « cas » (see README.md).
        [N("commune", "50281"), "Commune", F("commune", "50281")],
        [N("commune", "30239"), "Commune", F("commune", "30239"), "",
         "champ en trop (6 champs pour 5 colonnes)", "valeur en trop"],
        [N("commune", "82011"), "Commune", F("commune", "82011"), "", "ligne valide"],
    ]
    header = ["Nom", "Type", "Budget annuel (€)", "Stratégie d'entraînement", "cas"]
    write("bad-rows.csv", [header] + rows, ";", "\n")


# ─── 7–9. Missing columns, header only, empty ────────────────────────────────


def no_strategy_column(d):
    """UTF-8, ',' and LF, no strategy column: fine for communes and associations,
    the missing-strategy error for the Région (its only eligible row)."""
    P = lambda t, c: plain_money(budget_cents(d, t, c))  # noqa: E731
    rows = [
        [d.name("commune", "02555"), "commune", P("commune", "02555")],
        ["Association Trame Verte", "association", "120000"],
        [d.name("region", "53"), "Région", P("region", "53")],
        [d.name("commune", "14371"), "Commune", P("commune", "14371")],
        ["Fondation Horizon Territoires", "fondation", "3200000"],
        [d.name("commune", "51410"), "commune", P("commune", "51410")],
    ]
    write("no-strategy-column.csv", [["name", "kind", "budget"]] + rows, ",", "\n")


def missing_budget_column(d):
    """UTF-8, ';' and LF, no budget column at all."""
    rows = [
        [d.name("commune", "35238"), "Commune", str(d.pop("commune", "35238"))],
        [d.name("region", "53"), "Région", str(d.pop("region", "53"))],
        ["Association Trame Verte", "Association", ""],
    ]
    write("missing-budget-column.csv", [["Nom", "Type", "Population"]] + rows, ";", "\n")


def header_only_and_empty():
    write("header-only.csv", [["name", "kind", "budget", "network_strategy"]], ",", "\n")
    with open(os.path.join(HERE, "empty.csv"), "wb"):
        pass
    WRITTEN.append(("empty.csv", "utf-8", ",", "\n", False))


# ─── 10. collectivites-excel-1252.csv ────────────────────────────────────────

# How the special collectivités appear in etalab 6.0.0, and what this file does:
# * Corse: région 94 « Corse »; its former départements 2A and 2B are still listed
#   but are no longer collectivités (merged into the Collectivité de Corse in 2018).
# * Martinique, Guyane, Mayotte: each is listed twice, as a région (02, 03, 06) and
#   as a département (972, 973, 976), for one single collectivité.
#   -> these four are written once, from their région entry, as
#      « Collectivité territoriale unique »; 2A, 2B, 972, 973, 976 are left out.
# * Guadeloupe and La Réunion keep a région AND a département (two collectivités
#   with the same name): both are written, as Région and Département.
# * Collectivité européenne d'Alsace: absent from etalab (no 6AE), which still lists
#   67 Bas-Rhin and 68 Haut-Rhin -> one row « Collectivité européenne d'Alsace »,
#   code 6AE, population 67 + 68, replaces them.
# * Paris: département 75 « Paris » and commune 75056 « Paris » are one
#   collectivité -> one row « Paris », kind « Ville de Paris », code 75056.
# * Métropole de Lyon: EPCI 200046977 of type MET69 -> kind « Métropole de Lyon »;
#   département 69 « Rhône » (no 69D/69M in etalab) stays a Département, its
#   population less the Métropole's.
# * The collectivités d'outre-mer (zone "com": 975, 977, 978, 984, 986-989) are listed
#   by etalab as both régions and départements; they are neither -> left out. Their
#   communes (e.g. Nouméa) are kept when populous enough.
CTU_REGIONS = {"94", "02", "03", "06"}
SKIPPED_DEPS = {"2A", "2B", "972", "973", "976", "67", "68", "75"}
EPCI_KIND = {"METRO": "Métropole", "MET69": "Métropole de Lyon", "CU": "Communauté urbaine",
             "CA": "Communauté d'agglomération", "CC": "Communauté de communes"}
BIG_GROUP_ORDER = {"METRO": 0, "MET69": 0, "CU": 1, "CA": 2}


def collectivites_excel_1252(d):
    """The big realistic export: every région, département, métropole, CU, CA and the
    extracted communes, names exactly as etalab writes them."""
    out = []

    def row(name, kind, table, code, strategy, population):
        out.append([name, kind, fr_money(budget_cents(d, table, code)), strategy, code, str(population)])

    for code, r in sorted(d.regions.items()):
        if r["zone"] == "com":
            continue
        kind = "Collectivité territoriale unique" if code in CTU_REGIONS else "Région"
        row(r["nom"], kind, "region", code, strategy_answer("region", code), r["population"])
    deps = [(code, "dep") for code, dd in d.deps.items() if dd["zone"] != "com" and code not in SKIPPED_DEPS]
    deps.append(("6AE", "cea"))
    for code, what in sorted(deps):
        kind = CEA_NAME if what == "cea" else "Département"
        row(d.name("dep", code), kind, "dep", code, strategy_answer("dep", code), d.pop("dep", code))
    epcis = [e for e in d.epci.values() if e["type"] in BIG_GROUP_ORDER]
    for e in sorted(epcis, key=lambda e: (BIG_GROUP_ORDER[e["type"]], e["code"])):
        eligible = e["type"] in ("METRO", "MET69")
        row(e["nom"], EPCI_KIND[e["type"]], "epci", e["code"],
            strategy_answer("epci", e["code"]) if eligible else "", e["population"])
    for code, c in sorted(d.communes.items()):
        if code == "75056":
            row(c["nom"], "Ville de Paris", "commune", code, strategy_answer("commune", code), c["population"])
        else:
            row(c["nom"], "Commune", "commune", code, "", c["population"])

    header = ["Nom", "Type", "Budget annuel (€)", "Stratégie d'entraînement", "Code INSEE", "Population"]
    write("collectivites-excel-1252.csv", [header] + out, ";", "\r\n", encoding="cp1252")
    return out


# ─── 11. crm-excel-1252.csv ──────────────────────────────────────────────────


def crm_excel_1252(d):
    """A CRM's prospect list saved by French Excel as « CSV (séparateur: point-virgule) »:
    cp1252, ';', CRLF, budgets '1 500 000,00 €' with NBSP, kinds as people write them,
    and the two all-empty rows Excel adds when the sheet's used range is taller than
    the data. Stratégie is filled for the 2 Régions and 3 Départements only."""
    N = d.name

    def F(t, c):
        return fr_money(budget_cents(d, t, c))

    def commune(code, contact=""):
        return [N("commune", code), "Commune", F("commune", code), "", N("commune", code), contact]

    def epci(code, kind, ville, contact=""):
        return [N("epci", code), kind, F("epci", code), "", ville, contact]

    CC, CA = "Communauté de communes", "Communauté d'agglomération"
    rows = [
        [N("region", "53"), "Région", F("region", "53"), "oui", "Rennes", "Gwenaëlle Le Bihan"],
        [N("region", "52"), "Région", F("region", "52"), "non", "Nantes", "innovation@paysdelaloire.example"],
        [N("dep", "35"), "Département", F("dep", "35"), "oui", "Rennes", "Yannick Rouxel"],
        [N("dep", "56"), "Département", F("dep", "56"), "non", "Vannes", ""],
        [N("dep", "22"), "Département", F("dep", "22"), "oui", "Saint-Brieuc", "labo@cotesdarmor.example"],
        commune("35238", "Direction de la transformation"),
        commune("56260"),
        commune("56121", "Maëlle Guillou"),
        commune("29232"),
        commune("29019", "dgs@brest.example"),
        commune("35288"),
        commune("22278", "Cabinet du maire"),
        commune("44109"),
        commune("44184", "Hervé Quéré"),
        commune("49007"),
        commune("04079", "mairie@lescale.example"),  # 1 499 999,99 € (last cent of small)
        commune("69201"),                            # 1 500 000,00 € (first cent of medium)
        commune("59153", "Bérénice Lefèvre"),        # 10 000 000,00 € (last cent of medium)
        commune("59011"),                            # 10 000 000,01 € (first cent of large)
        commune("07348", "Secrétariat de mairie"),
        commune("02555"),
        commune("57521", "Jérôme Kœnig"),
        commune("62557"),
        commune("50281", "mairie@lucerne-outremer.example"),
        commune("80485"),
        commune("51030", "Élodie Charpentier"),
        commune("24442"),
        epci("200039022", CA, "Vitré", "Service développement"),
        epci("200042174", CA, "Lorient"),
        epci("200068120", CA, "Quimper", "Nolwenn Cariou"),
        epci("200072452", CA, "Fougères"),
        epci("243500782", CA, "Saint-Malo", "projets@stmalo-agglo.example"),
        epci("200049211", CC, "Prades"),
        epci("240900431", CC, "Tarascon-sur-Ariège", "Mathilde Rouzaud"),
        epci("244000543", CC, "Mimizan"),
        ["Association Tiers-Lieux en Cornouaille", "Association", fr_money(185_000_00), "", "Quimper",
         "contact@tierslieux-cornouaille.example"],
        ["Association Réseau des Fabriques Citoyennes", "Association", fr_money(2_450_000_00), "", "Rennes",
         "Loïc Péron"],
        ["Association Les Écluses du Blavet", "Association", fr_money(64_500_50), "", "Pontivy", ""],
        ["Fondation pour l'Action Publique Ouverte", "Fondation", fr_money(12_750_000_00), "", "Paris",
         "Anne-Sophie Mercier"],
        ["Fondation Océane des Territoires", "Fondation", fr_money(3_200_000_00), "", "Brest", ""],
    ]
    header = ["Raison sociale", "Type de structure", "Budget 2024 (€)", "Stratégie", "Ville", "Contact"]
    blank = [""] * len(header)  # Excel writes them as ;;;;;
    write("crm-excel-1252.csv", [header] + rows + [blank, blank], ";", "\r\n", encoding="cp1252")


# ─── 12. hubspot-export.csv ──────────────────────────────────────────────────

# Whole-euro budgets on the tier boundaries for files whose budgets have no cents
# (1 499 999 is the last whole euro of "small").
BOUNDARY_EUROS = {"04079": 1_499_999, "69201": 1_500_000, "59153": 10_000_000, "59011": 10_000_001}


def en_money(euros):
    """'57,300,000': ',' between thousands, no decimals (an English CRM number field)."""
    return group(euros, ",")


def hubspot_export(d):
    """An English CRM export (HubSpot style): UTF-8 without BOM, ',' and LF; budgets with
    ',' thousands separators (quoted when they hold one), never a '.'; English kinds."""
    N = d.name

    def E(t, c):
        cents = budget_cents(d, t, c)
        assert cents % 100 == 0, (t, c)
        return en_money(cents // 100)

    rows = [
        [N("region", "53"), "Region", E("region", "53"), "yes", "Rennes", "Camille Roux"],
        [N("region", "76"), "Region", E("region", "76"), "no", "Toulouse", "Hugo Lambert"],
        [N("commune", "35238"), "City", E("commune", "35238"), "", "Rennes", "Camille Roux"],
        [N("commune", "44109"), "City", E("commune", "44109"), "", "Nantes", "Camille Roux"],
        [N("commune", "33063"), "City", E("commune", "33063"), "", "Bordeaux", "Inès Bouvier"],
        [N("commune", "59350"), "City", E("commune", "59350"), "", "Lille", ""],
        [N("commune", "38185"), "City", E("commune", "38185"), "", "Grenoble", "Hugo Lambert"],
        [N("commune", "67482"), "City", E("commune", "67482"), "", "Strasbourg", ""],
        [N("commune", "29232"), "Municipality", E("commune", "29232"), "", "Quimper", "Inès Bouvier"],
        [N("commune", "04079"), "Municipality", en_money(BOUNDARY_EUROS["04079"]), "", "L'Escale", ""],
        [N("commune", "69201"), "Municipality", en_money(BOUNDARY_EUROS["69201"]), "", "Sainte-Foy-l'Argentière",
         "Hugo Lambert"],
        [N("commune", "59153"), "Municipality", en_money(BOUNDARY_EUROS["59153"]), "", "Condé-sur-l'Escaut", ""],
        [N("commune", "59011"), "Municipality", en_money(BOUNDARY_EUROS["59011"]), "", "Annœullin",
         "Camille Roux"],
        [N("commune", "07348"), "Municipality", E("commune", "07348"), "", "Vogüé", ""],
        [N("commune", "12001"), "Municipality", E("commune", "12001"), "", "Agen-d'Aveyron", "Inès Bouvier"],
        [N("commune", "69127"), "Municipality", E("commune", "69127"), "", "Marcy-l'Étoile", ""],
        [N("commune", "62617"), "Municipality", E("commune", "62617"), "", "Nœux-les-Mines", "Hugo Lambert"],
        ["Fondation Territoires Solidaires", "Foundation", en_money(2_750_000), "", "Paris", "Camille Roux"],
        ["Fondation Horizon Numérique", "Foundation", en_money(420_000), "", "Lyon", ""],
        ["Fondation pour les Communs Urbains", "Foundation", en_money(14_200_000), "", "Marseille",
         "Inès Bouvier"],
        ["Civic Tech Partners Ltd", "Company", en_money(4_200_000), "", "Paris", "Hugo Lambert"],
        ["Martin, Roux & Associés", "Company", en_money(320_000), "", "Nantes", ""],
        ["Atelier des Communs SCOP", "Company", en_money(1_499_999), "", "Lille", "Inès Bouvier"],
        ["Association Kerlann", "Association", en_money(850_000), "", "Vannes", "Camille Roux"],
        ["Association Les Jardins du Faubourg", "Association", en_money(1_500), "", "Rennes", ""],
        ["Association Tiers-Lieux Occitanie", "Association", en_money(1_500_000), "", "Montpellier",
         "Hugo Lambert"],
        ["Agence de l'eau Loire-Bretagne", "Public body", en_money(57_300_000), "", "Orléans", "Inès Bouvier"],
        ["Établissement public foncier de Bretagne", "Public body", en_money(10_000_000), "", "Rennes", ""],
        ["Groupement d'intérêt public Territoires numériques", "Public body", en_money(975_500), "", "Dijon",
         "Camille Roux"],
        ["Office de tourisme de Saint-Malo", "Public body", en_money(10_000_001), "", "Saint-Malo", ""],
    ]
    header = ["Company name", "Company type", "Annual budget", "Network strategy", "City", "Company owner"]
    write("hubspot-export.csv", [header] + rows, ",", "\n")


# ─── 13. dolibarr-export.csv ─────────────────────────────────────────────────


def dolibarr_export(d):
    """A Dolibarr third-party (« tiers ») export: UTF-8 with BOM, ',' and LF, every field
    in double quotes. « Type du tiers » is the commercial status, not the kind (that is
    « Forme juridique »); « Chiffre d'affaires » is a revenue that is not the budget: on
    most rows it falls in another tier than « Budget primitif 2024 »."""
    N = d.name
    def money(cents):
        return "%d.%02d" % divmod(cents, 100)  # Dolibarr always writes two decimals

    def B(t, c):
        return money(budget_cents(d, t, c))

    PC, CL, PCL = "Prospect", "Client", "Prospect / Client"
    rows = [
        [N("commune", "35238"), PCL, "Commune", "35000", "Rennes", money(4_850_000_00), B("commune", "35238")],
        [N("commune", "56260"), PC, "Commune", "56000", "Vannes", money(1_250_000_00), B("commune", "56260")],
        [N("commune", "29019"), CL, "Commune", "29200", "Brest", money(9_600_000_00), B("commune", "29019")],
        [N("commune", "04079"), PC, "Commune", "04160", "L'Escale", money(12_500_00), B("commune", "04079")],
        [N("commune", "69201"), PC, "Commune", "69610", "Sainte-Foy-l'Argentière", money(48_200_00),
         B("commune", "69201")],
        [N("commune", "59153"), CL, "Commune", "59163", "Condé-sur-l'Escaut", money(310_000_00),
         B("commune", "59153")],
        [N("commune", "59011"), PC, "Commune", "59112", "Annœullin", money(1_750_000_00), B("commune", "59011")],
        [N("commune", "07348"), PC, "Commune", "07200", "Vogüé", money(64_800_00), B("commune", "07348")],
        [N("commune", "51030"), PCL, "Commune", "51160", "Aÿ-Champagne", money(125_000_00), B("commune", "51030")],
        [N("commune", "69127"), PC, "Commune", "69280", "Marcy-l'Étoile", money(95_400_00), B("commune", "69127")],
        [N("epci", "240900431"), PC, "Communauté de communes", "09400", "Tarascon-sur-Ariège",
         money(215_000_00), B("epci", "240900431")],
        [N("epci", "244000543"), CL, "Communauté de communes", "40200", "Mimizan", money(2_900_000_00),
         B("epci", "244000543")],
        [N("epci", "246800494"), PC, "Communauté de communes", "68250", "Rouffach", money(640_000_00),
         B("epci", "246800494")],
        ["Syndicat mixte du bassin versant de l'Oust", PC, "Syndicat mixte", "56800", "Ploërmel",
         money(38_000_00), money(1_480_000_00)],
        ["Syndicat mixte des transports du Trégor", PCL, "Syndicat mixte", "22300", "Lannion",
         money(3_400_000_00), money(11_250_000_00)],
        ["Centre communal d'action sociale de Vannes", CL, "Établissement public", "56000", "Vannes",
         money(1_350_000_00), money(6_800_000_00)],
        ["Office de tourisme Cœur de Bretagne", PC, "Établissement public", "22600", "Loudéac",
         money(2_100_000_00), money(1_200_000_50)],
        ["Association Tiers-Lieux en Cornouaille", PCL, "Association", "29000", "Quimper", money(125_000_00),
         money(2_300_000_00)],
        ["Association Les Communs d'Armor", PC, "Association", "22000", "Saint-Brieuc", money(1_620_000_00),
         money(1_450_000_00)],
        ["Fondation Territoires Solidaires", CL, "Fondation", "75011", "Paris", money(10_400_000_00),
         money(9_850_000_00)],
    ]
    header = ["Nom du tiers", "Type du tiers", "Forme juridique", "Code postal", "Ville",
              "Chiffre d'affaires", "Budget primitif 2024"]
    write("dolibarr-export.csv", [header] + rows, ",", "\n", bom=True, quote_all=True)


# ─── 14. budget-millions.csv ─────────────────────────────────────────────────


def millions(cents):
    """A colleague's figure in M€, decimal comma, no unit: '92,4', '10', '0,78'
    (two decimals under 1 M€, one above, no trailing ',0')."""
    places = 2 if cents < 100_000_000 else 1
    n = round(cents * 10**places / 100_000_000)
    whole, frac = divmod(n, 10**places)
    s = str(whole)
    if frac:
        s += "," + ("%0*d" % (places, frac)).rstrip("0")
    return s


def budget_millions(d):
    """UTF-8, ';' and LF; header `Budget (M€)`, cells in M€ with a decimal comma and no
    unit, except one cell with its own matching unit (`2,3 M€`) and one with a
    contradicting unit (`850 k€`). Exactly two cells sit on the tier boundaries
    (`1,5` and `10`)."""
    N = d.name
    M = lambda t, c: millions(budget_cents(d, t, c))  # noqa: E731
    rows = [
        [N("commune", "86194"), "Commune", M("commune", "86194")],
        [N("epci", "200065928"), "Communauté d'agglomération", M("epci", "200065928")],
        [N("commune", "34032"), "Commune", M("commune", "34032")],
        [N("epci", "200033579"), "Communauté urbaine", M("epci", "200033579")],
        [N("commune", "29232"), "Commune", M("commune", "29232")],
        [N("epci", "247100290"), "CU", M("epci", "247100290")],
        [N("epci", "200067171"), "Communauté de communes", M("epci", "200067171")],
        [N("commune", "59153"), "Commune", M("commune", "59153")],      # 10 000 000,00 € -> "10"
        [N("epci", "240900431"), "CC", M("epci", "240900431")],
        [N("commune", "59206"), "Commune", M("commune", "59206")],
        [N("commune", "02555"), "Commune", short_money(budget_cents(d, "commune", "02555"), "M")],  # "2,3 M€"
        [N("commune", "69201"), "Commune", M("commune", "69201")],      # 1 500 000,00 € -> "1,5"
        [N("commune", "11178"), "Commune", M("commune", "11178")],
        [N("commune", "12001"), "Commune", "850 k€"],  # the colleague's own figure, in k€
        [N("commune", "50281"), "Commune", M("commune", "50281")],
        [N("commune", "55264"), "Commune", M("commune", "55264")],
    ]
    assert rows[10][2] == "2,3 M€", rows[10]
    write("budget-millions.csv", [["Collectivité", "Type", "Budget (M€)"]] + rows, ";", "\n")


# ─── 15. regions-departements.csv ────────────────────────────────────────────

# Budgets of this file only: a per-inhabitant rate nearer the real ones than RATES
# (régions 250–320 €, départements 500–750 €), kept inside 0,5–4 Md€ for régions and
# 0,2–2 Md€ for départements: an entity whose product falls below the floor (the small
# régions and départements, and the uninhabited Clipperton and TAAF) gets the floor
# plus up to 30 %.
RD_RATES = {"region": (250, 320), "dep": (500, 750)}
RD_BOUNDS = {"region": (500_000_000, 4_000_000_000), "dep": (200_000_000, 2_000_000_000)}


def rd_budget(d, table, code):
    lo, hi = RD_RATES[table]
    floor, ceiling = RD_BOUNDS[table]
    euros = round(d.pop(table, code) * (lo + (hi - lo) * unit("rd-rate", table, code)))
    if euros < floor:
        euros = floor + round(floor * 0.3 * unit("rd-floor", table, code))
    assert floor <= euros <= ceiling, (table, code, euros)
    return euros


def regions_departements(d):
    """Every région and every département of the extract, as etalab lists them (names
    exactly as spelled, etalab's codes order; the collectivités d'outre-mer and the
    single collectivités appear in both lists), UTF-8, ',' and LF, no strategy column:
    every row is of a kind whose fee needs the strategy answer."""
    rows = [[r["nom"], "Région", str(rd_budget(d, "region", code))] for code, r in sorted(d.regions.items())]
    rows += [[x["nom"], "Département", str(rd_budget(d, "dep", code))] for code, x in sorted(d.deps.items())]
    write("regions-departements.csv", [["name", "kind", "budget"]] + rows, ",", "\n")


# ─── 16. README.md ───────────────────────────────────────────────────────────

README = """\
# Fixtures for `dues batch`

Generated by `make_fixtures.py` (Python 3, standard library only, deterministic).
Do not edit the CSV files by hand: change the script and regenerate with

    python3 tests/data/batch/make_fixtures.py

Real names, codes and populations come from `etalab-extract.json`, an extract of
the npm package `@etalab/decoupage-administratif` 6.0.0 (see the top of the
script for how it was made). Budgets are made up (population × a plausible rate
per inhabitant, a few exactly on the tier boundaries 1 499 999,99 / 1 500 000 /
10 000 000 / 10 000 000,01 €); contacts use the `.example` domain. Every file
except `bad-rows.csv`, `no-strategy-column.csv`, `missing-budget-column.csv` and
`regions-departements.csv` has only valid rows, but for three cases whose outcome
their tests decide: the two all-empty rows that end `crm-excel-1252.csv`, the
`850 k€` cell of `budget-millions.csv` (a unit contradicting its column's M€), and
the budgets of `hubspot-export.csv` with one comma group only (`"850,000"`), read
as thousands only by the rest of their column.

| file | what it is for |
| --- | --- |
| `make_fixtures.py` | The generator; `--extract DIR` rebuilds `etalab-extract.json` from the npm package's `data/` folder. |
| `etalab-extract.json` | Régions, départements, métropoles, CU/CA (+ a few CC), 300 largest + ~50 small communes from etalab. |
| `prospects-utf8.csv` | UTF-8 without BOM, `,`, LF, `name,kind,budget,network_strategy,contact`; plain-number budgets (some `.50`, the four tier boundaries, `0`), every strategy spelling (oui/non, yes/no, true/false, 1/0, o/n, y/n, any case), kind ids and labels in any case, names with commas (quoted). |
| `prospects-utf8-bom.csv` | UTF-8 with BOM, `;`, CRLF, French headers; budgets `1 500 000,00 €` with U+00A0 or U+202F separators (mixed, one cell with both) and short forms (`1,2 Md€`, `578,7 M€`, `325 k€`); names with accents, œ, ’ (U+2019). |
| `prospects-excel-1252.csv` | Exactly what French Excel's « CSV (séparateur: point-virgule) » writes: Windows-1252, `;`, CRLF; € (0x80), ’ (0x92), œ (0x9C), é (0xE9), NBSP (0xA0) separators; a name with `,` (not quoted), a name and a comment with `;` (quoted), a name with `"` (quoted, doubled), cells in Excel's Standard format (`2300000`, `850000,5`). |
| `prospects.tsv` | UTF-8, tab, LF, English headers; `,` and `;` inside unquoted fields, budgets in every style. |
| `quoted-newlines.csv` | UTF-8, `,`, CRLF; quoted fields holding LF, CRLF, blank lines, a trailing newline, `""` and commas. 8 records on more physical lines. |
| `bad-rows.csv` | UTF-8, `;`, LF; a valid row, then one row per error in this order (the `cas` column says which): empty budget, `-5 000`, `beaucoup`, `1,500`, `1.500`, `1,5E+06`, kind `Mairie de quartier`, Département without strategy, strategy `peut-être`, a short row (3 fields: it has no `cas`), a row with a 6th field, then a valid row. |
| `no-strategy-column.csv` | Header `name,kind,budget` only: communes, associations, a fondation are fine; the one Région must get the missing-strategy error. |
| `missing-budget-column.csv` | Header `Nom;Type;Population`: no budget column at all (3 rows). |
| `header-only.csv` | A header line and no row. |
| `empty.csv` | Zero bytes. |
| `collectivites-excel-1252.csv` | The big realistic French Excel export (Windows-1252, `;`, CRLF), header `Nom;Type;Budget annuel (€);Stratégie d'entraînement;Code INSEE;Population`: every région, département, métropole, CU and CA and the extracted communes, names exactly as etalab spells them, budgets `1 234 567,00 €` with NBSP, oui/non for the eligible kinds. Special collectivités: see the comment above `CTU_REGIONS` in the script. |
| `crm-excel-1252.csv` | A CRM list saved by French Excel (« CSV (séparateur: point-virgule) »): Windows-1252, `;`, CRLF, header `Raison sociale;Type de structure;Budget 2024 (€);Stratégie;Ville;Contact`; 40 rows (22 communes, 5 CA, 3 CC, 3 associations, 2 fondations, 3 Départements and 2 Régions, the only rows with `oui`/`non`), kinds as people write them, budgets `1 500 000,00 €` with NBSP, the four tier boundaries on communes (L'Escale, Sainte-Foy-l'Argentière, Condé-sur-l'Escaut, Annœullin), then two all-empty rows `;;;;;` (Excel's used range taller than the data). |
| `hubspot-export.csv` | An English CRM export (HubSpot style): UTF-8 without BOM, `,`, LF, header `Company name,Company type,Annual budget,Network strategy,City,Company owner`; 30 rows, kinds `City`, `Municipality`, `Foundation`, `Company`, `Association`, `Public body` and 2 `Region` (the only rows with `yes`/`no`); budgets with `,` between thousands, quoted, never a `.`: 7 have a single comma group (`"850,000"`, `"1,500"`, `"913,361"`…: ambiguous alone), 23 two or more (`"57,300,000"`); whole-euro boundaries `"1,499,999"`, `"1,500,000"`, `"10,000,000"`, `"10,000,001"`. |
| `dolibarr-export.csv` | A Dolibarr third-party (« tiers ») export: UTF-8 with BOM, `,`, LF, every field in `"…"`, header `"Nom du tiers","Type du tiers","Forme juridique","Code postal","Ville","Chiffre d'affaires","Budget primitif 2024"`; 20 rows. `Type du tiers` (`Prospect`, `Client`, `Prospect / Client`) is not the kind, `Forme juridique` is (`Commune`, `Communauté de communes`, `Syndicat mixte`, `Établissement public`, `Association`, `Fondation`); `Chiffre d'affaires` is a revenue, not the budget, and falls in another tier on 17 rows. Amounts `2300000.00` (`.` decimal point, two decimals), the four boundaries on communes, postal codes with a leading `0`. |
| `budget-millions.csv` | A colleague's list in millions: UTF-8, `;`, LF, header `Collectivité;Type;Budget (M€)`; 16 communes and EPCI, cells in M€ with a decimal comma and no unit (`93,3`, `89`, `0,78`), exactly one `1,5` and one `10` (the tier boundaries), one cell with its own matching unit (`2,3 M€`) and one with a contradicting unit (`850 k€`). |
| `regions-departements.csv` | Every région (26) and every département (109) of the extract, names exactly as etalab spells them (outre-mer and single collectivités appear in both lists), UTF-8, `,`, LF, header `name,kind,budget` and no strategy column: every row is of a kind whose fee needs the strategy answer. Plain-integer budgets, régions 0,5–4 Md€, départements 0,2–2 Md€ (see `RD_RATES` in the script). |
"""


# ─── Self-check and summary ──────────────────────────────────────────────────


def check_and_summarise(big_rows):
    print(f"{'file':32} {'bytes':>7} {'records':>7}  encoding / delimiter / line ends")
    for name, encoding, delim, eol, bom in WRITTEN:
        path = os.path.join(HERE, name)
        raw = open(path, "rb").read()
        if bom:
            assert raw.startswith(b"\xef\xbb\xbf"), name
        else:
            assert not raw.startswith(b"\xef\xbb\xbf"), name
        text = raw.decode("utf-8-sig" if bom else encoding)
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        n = max(len(records) - 1, 0)
        if eol == "\r\n":
            # every line end outside quotes is CRLF: strip quoted parts, look for a bare LF
            outside = "".join(text.split('"')[::2])
            assert "\n" not in outside.replace("\r\n", ""), name
        else:
            outside = "".join(text.split('"')[::2])
            assert "\r" not in outside, name
        if name != "collectivites-excel-1252.csv":
            assert len(raw) < 60_000, (name, len(raw))
        if name == "prospects-excel-1252.csv":
            for b in (b"\x80", b"\x92", b"\x9c", b"\xe9", b"\xa0"):
                assert b in raw, (name, b)
        if name not in ("bad-rows.csv", "empty.csv"):
            widths = {len(r) for r in records}
            assert len(widths) <= 1, (name, widths)
        enc = ("UTF-8+BOM" if bom else encoding.upper().replace("CP", "Windows-"))
        d = {",": "','", ";": "';'", "\t": "tab"}[delim]
        e = {"\n": "LF", "\r\n": "CRLF"}[eol]
        print(f"{name:32} {len(raw):>7} {n:>7}  {enc} / {d} / {e}")
    counts = Counter(r[1] for r in big_rows)
    print("collectivites-excel-1252.csv kinds:", dict(sorted(counts.items())))
    dup = sorted(n for n, k in Counter(r[0] for r in big_rows).items() if k > 1)
    print("collectivites-excel-1252.csv names met more than once:", dup)


def check_new_fixtures():
    """What the briefs of files 11–15 promise, checked on the bytes written."""
    def read(name):
        with open(os.path.join(HERE, name), "rb") as f:
            return f.read()

    def records(raw, encoding, delim):
        return list(csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delim))

    raw = read("crm-excel-1252.csv")
    assert raw.endswith(b"\r\n;;;;;\r\n;;;;;\r\n"), "crm: two empty rows at the end"
    for b in (b"\x80", b"\xa0", b"\x8c", b"\x9c", b"\xe9"):  # €, NBSP, Œ, œ, é
        assert b in raw, ("crm", b)
    rec = records(raw, "cp1252", ";")[1:-2]
    assert all(len(r) == 6 and any(r) for r in rec)
    for r in rec:
        assert (r[3] in ("oui", "non")) == (r[1] in ("Région", "Département")), r
    assert Counter(r[1] for r in rec)["Région"] == 2 and Counter(r[1] for r in rec)["Département"] == 3
    money = {r[2] for r in rec if r[1] == "Commune"}
    for s in ("1 499 999,99 €", "1 500 000,00 €", "10 000 000,00 €", "10 000 000,01 €"):
        assert s.replace(" ", NBSP) in money, s

    rec = records(read("hubspot-export.csv"), "utf-8", ",")[1:]
    assert all("." not in r[2] and r[2].replace(",", "").isdigit() for r in rec)
    assert sum(r[2].count(",") == 1 for r in rec) >= 3 and sum(r[2].count(",") >= 2 for r in rec) >= 5
    for r in rec:
        assert (r[3] != "") == (r[1] == "Region"), r
    assert read("hubspot-export.csv").count(b"\n") == len(rec) + 1  # no quoted line breaks

    raw = read("dolibarr-export.csv")
    assert raw.startswith(b"\xef\xbb\xbf\"")
    for line in raw[3:].decode("utf-8").split("\n")[:-1]:
        assert line.startswith('"') and line.endswith('"') and len(line[1:-1].split('","')) == 7, line
    for r in records(raw[3:], "utf-8", ",")[1:]:
        assert r[1] in ("Prospect", "Client", "Prospect / Client"), r
        for cell in r[5:7]:
            whole, _, dec = cell.partition(".")
            assert whole.isdigit() and len(dec) == 2 and dec.isdigit(), r

    rec = records(read("budget-millions.csv"), "utf-8", ";")[1:]
    cells = [r[2] for r in rec]
    assert cells.count("1,5") == 1 and cells.count("10") == 1, cells
    assert [c for c in cells if "€" in c] == ["2,3 M€", "850 k€"], cells

    rec = records(read("regions-departements.csv"), "utf-8", ",")
    assert rec[0] == ["name", "kind", "budget"] and len(rec) == 1 + 26 + 109, len(rec)
    for name, kind, budget in rec[1:]:
        lo, hi = RD_BOUNDS["region" if kind == "Région" else "dep"]
        assert kind in ("Région", "Département") and budget.isdigit() and lo <= int(budget) <= hi


def main(argv):
    if len(argv) == 3 and argv[1] == "--extract":
        make_extract(argv[2])
    elif len(argv) != 1:
        raise SystemExit(__doc__)
    d = Data(load_extract())
    prospects_utf8(d)
    prospects_utf8_bom(d)
    prospects_excel_1252(d)
    prospects_tsv(d)
    quoted_newlines(d)
    bad_rows(d)
    no_strategy_column(d)
    missing_budget_column(d)
    header_only_and_empty()
    big = collectivites_excel_1252(d)
    crm_excel_1252(d)
    hubspot_export(d)
    dolibarr_export(d)
    budget_millions(d)
    regions_departements(d)
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(README)
    check_and_summarise(big)
    check_new_fixtures()


if __name__ == "__main__":
    main(sys.argv)
