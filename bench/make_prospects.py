#!/usr/bin/env python3
"""Writes a prospects CSV for the batch benchmark: `name,kind,budget,network_strategy,contact`,
UTF-8, budgets as plain numbers. Deterministic. Usage: make_prospects.py ROWS OUT.csv"""
import random
import sys

KINDS = ["commune", "epci", "association", "fondation", "entreprise", "établissement public",
         "région", "département", "métropole"]
ELIGIBLE = {"région", "département", "métropole"}
PLACES = ["Saint-Étienne", "Aix-en-Provence", "Cœur de Savoie", "L'Haÿ-les-Roses", "Brest",
          "Besançon", "Villeneuve-d'Ascq", "Nîmes", "Évry-Courcouronnes", "Châlons-en-Champagne"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(2022)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("name,kind,budget,network_strategy,contact\n")
        for i in range(rows):
            kind = rnd.choice(KINDS)
            budget = rnd.randrange(0, 2_000_000_000) if kind in ELIGIBLE else rnd.randrange(0, 40_000_000)
            strategy = rnd.choice(["oui", "non"]) if kind in ELIGIBLE else ""
            place = rnd.choice(PLACES)
            f.write(f"{place} {i},{kind},{budget},{strategy},c{i}@example.org\n")


if __name__ == "__main__":
    main()
