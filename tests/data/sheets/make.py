#!/usr/bin/env python3
"""How the workbooks of this folder were made (openpyxl; truncated.xls and damaged.xls
are a LibreOffice .xls cut at 5 120 bytes and one with bytes flipped). Rerun from
this folder: python3 make.py (needs `pip install openpyxl`)."""
import sys, os, re, zipfile, shutil
import openpyxl
from openpyxl.chart import BarChart, Reference
os.makedirs("fx", exist_ok=True)  # written to fx/, then copied here by hand
"""Helpers: patch the XML of an xlsx written by openpyxl, to make cells as
Excel writes them (17-digit doubles, formulas with/without cached values,
error cells...)."""
import zipfile, shutil, re

def patch(path, member, fn, out=None):
    out = out or path
    tmp = out + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == member:
                data = fn(data.decode()).encode()
            zout.writestr(item, data)
    shutil.move(tmp, out)

def set_cell(xml, ref, new_c):
    """Replace the <c r=ref ...>...</c> element with new_c."""
    pat = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref)
    assert pat.search(xml), ref
    return pat.sub(new_c, xml, count=1)
# --- mk_formula.py
# Budget computed as a sum of two cent amounts (a realistic =SUM of budget sections),
# and a k€ -> € conversion; written without cached values by openpyxl, then
# recalculated and saved by LibreOffice (fx/formula_lo.xlsx), which writes cached values.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Prospects"
ws.append(["Nom", "Type", "Fonctionnement", "Investissement", "Budget"])
rows = [("Ville A", "Commune", 38261.45, 271378.9),
        ("Ville B", "Commune", 302445.88, 1074802.4),
        ("Ville C", "Commune", 1203716.46, 882546.15),
        ("Ville D", "Commune", 1000000.33, 499999.66),
        ("Asso E", "Association", 65572.42, 756358.8)]
for i, (n, k, a, b) in enumerate(rows, start=2):
    ws.append([n, k, a, b, f"=C{i}+D{i}"])
wb.save("fx/formula_nocache.xlsx")
# --- mk_excel17.py
# Number cells as Excel writes a computed budget: a 17-significant-digit
# double in <v>, with and without the formula that computed it.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Prospects"
ws.append(["Nom", "Type", "Fonctionnement", "Investissement", "Budget"])
rows = [("Ville A", "Commune", 38261.45, 271378.9, "309640.35000000003"),
        ("Ville B", "Commune", 302445.88, 1074802.4, "1377248.2799999998"),
        ("Ville C", "Commune", 1203716.46, 882546.15, "2086262.6099999999"),
        ("Asso D", "Association", 65572.42, 756358.8, "821931.22000000009"),
        ("Ville E", "Commune", 0, 0, "10000000.010000002"),]
for (n, k, a, b, v) in rows:
    ws.append([n, k, a, b, 0])
wb.save("fx/excel17.xlsx")
def fn(x):
    for i, r in enumerate(rows, start=2):
        x = set_cell(x, f"E{i}", f'<c r="E{i}"><f>C{i}+D{i}</f><v>{r[4]}</v></c>')
    return x
patch("fx/excel17.xlsx", "xl/worksheets/sheet1.xml", fn)
# --- mk_dimension.py
# A small sheet whose <dimension> claims the whole grid (A1:XFD1048576), as
# some exporters write it; and a stray cell at XFD1048576 (Ctrl+End accident).
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["Nom", "Type", "Budget"]); ws.append(["Ville A", "Commune", 2000000])
wb.save("fx/dimension.xlsx")
patch("fx/dimension.xlsx", "xl/worksheets/sheet1.xml", lambda x: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', x))
ws["XFD1048576"] = "x"; wb.save("fx/stray_far.xlsx")
# --- mk_sheets.py
from openpyxl.chart import BarChart, Reference
def base(ws, rows):
    ws.append(["Nom", "Type", "Budget"])
    for r in rows: ws.append(r)
# 1. Visible sheet lacks the columns (headed "Organisme"/"Montant"), a hidden old copy has them.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Liste"
ws.append(["Organisme", "Catégorie", "Montant"]); ws.append(["Ville A", "Commune", 2000000])
h = wb.create_sheet("ancienne liste"); base(h, [["Vieux", "Commune", 100]]); h.sheet_state = "hidden"
wb.save("fx/hidden.xlsx")
# 2. A chart sheet after the data sheet.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Données"
base(ws, [["Ville A", "Commune", 2000000], ["Ville B", "Commune", 12000000]])
cs = wb.create_chartsheet("Graphique")
ch = BarChart(); ch.add_data(Reference(ws, min_col=3, min_row=1, max_row=3), titles_from_data=True); cs.add_chart(ch)
wb.save("fx/chartsheet.xlsx")
# 3. An empty first sheet, data on the 2nd; unicode names.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Vide"
d = wb.create_sheet("Élus 2025 – Bretagne ✓"); base(d, [["Ville A", "Commune", 2000000]])
wb.save("fx/unicode.xlsx")
# 4. Two sheets with the columns.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "2024"; base(ws, [["A", "Commune", 1]])
d = wb.create_sheet("2025"); base(d, [["B", "Commune", 2]])
wb.save("fx/two.xlsx")
# 5. Header only; and empty workbook sheet
wb = openpyxl.Workbook(); ws = wb.active; base(ws, []); wb.save("fx/header_only.xlsx")
wb = openpyxl.Workbook(); wb.save("fx/empty.xlsx")
# 6. A sheet named "2" placed first, and a sheet named "1" second
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "2"; base(ws, [["in sheet named 2", "Commune", 1]])
d = wb.create_sheet("1"); base(d, [["in sheet named 1", "Commune", 2]])
wb.save("fx/numeric_names.xlsx")
# --- mk_header_nl.py
# Wrapped headers typed with Alt+Entrée, as admin spreadsheets have them;
# a bad budget at sheet row 3.
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["Raison\nsociale", "Type de\nstructure", "Budget 2024\n(en €)"])
ws.append(["Ville A", "Commune", 2000000])
ws.append(["Ville B", "Commune", "à venir"])
wb.save("fx/header_nl.xlsx")
# --- mk_offset.py
# Header at B3 (two blank rows, a blank column A) as people lay out sheets;
# a bad budget at sheet row 5.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Feuil1"
ws["B3"], ws["C3"], ws["D3"] = "Nom", "Type", "Budget"
ws["B4"], ws["C4"], ws["D4"] = "Ville A", "Commune", 2000000
ws["B5"], ws["C5"], ws["D5"] = "Ville B", "Commune", "beaucoup"
ws["B7"], ws["C7"], ws["D7"] = "Ville C", "Commune", 12000000   # blank row 6 between
wb.save("fx/offset.xlsx")
# Same with a title in A1 (a very common layout)
ws["A1"] = "Prospects 2025 — à chiffrer"
wb.save("fx/offset_title.xlsx")
# --- mk_multiline.py
# A name cell with a line break (Alt+Entrée in Excel) at row 2; a bad budget at row 3.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Feuil1"
ws.append(["Nom", "Type", "Budget"])
ws.append(["Mairie de Brest\nService culture", "Commune", 2000000])
ws.append(["Ville de Quimper", "Commune", "beaucoup"])
ws.append(["Ville de Morlaix", "Commune", "n/a"])
wb.save("fx/multiline.xlsx")
# --- baddates
vals = ["12000000", "-1", "0.5"]
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["Nom", "Type", "Budget", "Dernier contact"])
for i, v in enumerate(vals): ws.append([f"v={v}", "Commune", 2000000, 45000]); ws.cell(i+2, 4).number_format = "dd/mm/yyyy"
wb.save("fx/baddates.xlsx")
def fn(x):
    for i, v in enumerate(vals):
        x = x.replace(f'<c r="D{i+2}" s="1" t="n"><v>45000</v>', f'<c r="D{i+2}" s="1" t="n"><v>{v}</v>')
    return x
patch("fx/baddates.xlsx", "xl/worksheets/sheet1.xml", fn)
# --- empty first sheet
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Feuil1"
d = wb.create_sheet("Export CRM"); d.append(["Organisme", "Catégorie", "Montant"]); d.append(["Ville A", "Commune", 2000000])
wb.save("fx/empty_first.xlsx")
# --- empty formula
# A cell holding an empty formula element and no value, as some generators
# leave in blank cells of a formatted range: an empty cell, no formula.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Prospects"
ws.append(["Nom", "Type", "Budget", "Stratégie"])
ws.append(["Ville A", "Commune", 2000000, "x"])
ws.append(["Bretagne", "Région", 1712000000, "oui"])
wb.save("fx/empty_formula.xlsx")
patch("fx/empty_formula.xlsx", "xl/worksheets/sheet1.xml",
      lambda x: set_cell(x, "D2", '<c r="D2"><f></f></c>'))
