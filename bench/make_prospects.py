#!/usr/bin/env python3
"""Writes a prospects file for the batch benchmark. Deterministic.

Usage: make_prospects.py ROWS OUT.csv [--excel]

Plain (default): `name,kind,budget,network_strategy,contact`, UTF-8, LF,
budgets as plain numbers.

--excel: what French Excel writes for « CSV (séparateur : point-virgule) »
from a sheet whose budget cells are in the currency format: Windows-1252,
`;`, CRLF, French headers, kinds as people write them, amounts as displayed
(`1 712 000,00 €`, the thousands grouped by a no-break space, 0xA0), a field
quoted only when it holds `;`, a quote or a line break."""
import random
import sys

KINDS = ["commune", "epci", "association", "fondation", "entreprise", "établissement public",
         "région", "département", "métropole"]
EXCEL_KINDS = {"commune": "Commune", "epci": "Communauté de communes",
               "association": "Association", "fondation": "Fondation",
               "entreprise": "Entreprise", "établissement public": "Établissement public",
               "région": "Conseil régional", "département": "Conseil départemental",
               "métropole": "Métropole"}
ELIGIBLE = {"région", "département", "métropole"}
PLACES = ["Saint-Étienne", "Aix-en-Provence", "Cœur de Savoie", "L'Haÿ-les-Roses", "Brest",
          "Besançon", "Villeneuve-d'Ascq", "Nîmes", "Évry-Courcouronnes", "Châlons-en-Champagne"]
# What a colleague types in a name cell, that Excel then quotes.
EXCEL_PLACES = PLACES + ["Ville; Centre", 'Le "Grand" Ouest', "Syndicat mixte « Ouest »"]


def euros(cents):
    """1712000.00 as French Excel displays it: `1 712 000,00 €` (NBSP)."""
    units, rest = divmod(cents, 100)
    grouped = f"{units:,}".replace(",", "\u00a0")
    return f"{grouped},{rest:02d}\u00a0€"


def excel_field(text):
    if any(c in text for c in ';"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    excel = "--excel" in sys.argv[3:]
    rnd = random.Random(2022)
    if excel:
        f = open(out, "w", encoding="cp1252", newline="")
        f.write("Nom;Type;Budget annuel;Stratégie d'entraînement;Contact\r\n")
    else:
        f = open(out, "w", encoding="utf-8", newline="")
        f.write("name,kind,budget,network_strategy,contact\n")
    with f:
        for i in range(rows):
            kind = rnd.choice(KINDS)
            budget = rnd.randrange(0, 2_000_000_000) if kind in ELIGIBLE else rnd.randrange(0, 40_000_000)
            strategy = rnd.choice(["oui", "non"]) if kind in ELIGIBLE else ""
            place = rnd.choice(EXCEL_PLACES if excel else PLACES)
            if excel:
                fields = [f"{place} {i}", EXCEL_KINDS[kind], euros(budget * 100 + rnd.randrange(100)),
                          strategy, f"c{i}@example.org"]
                f.write(";".join(excel_field(x) for x in fields) + "\r\n")
            else:
                f.write(f"{place} {i},{kind},{budget},{strategy},c{i}@example.org\n")


if __name__ == "__main__":
    main()
