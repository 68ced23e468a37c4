"""Rebuild ../amsterdam_gebiedsindeling.json from the two source tables in this directory.

Run from the repository root: `python src/kansrijk/geo/data/sources/build.py`. The output is
deterministic; `geo/tests/test_fixture_file.py` checks that the packaged file is what this produces.

- indeling_wijk.tsv: wijk -> gebied -> stadsdeel, copied from the INDELING_WIJK export (see README.md).
- cbs2024_buurten.tsv: CBS 2024 buurten with inhabitants and their most common PC4 (see README.md).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "amsterdam_gebiedsindeling.json"
STADSDEEL_ORDER = ["A", "E", "F", "K", "M", "N", "T", "S"]
WESTPOORT = "B"  # in the statistical division, but without gebied: left out (see the notes below)


def _rows(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def build() -> dict[str, Any]:
    wijken = {r["code"]: r for r in _rows("indeling_wijk.tsv") if r["stadsdeel_code"] != WESTPOORT}
    stadsdelen: dict[str, str] = {}
    gebieden: dict[str, tuple[str, str]] = {}
    for w in wijken.values():
        stadsdelen.setdefault(w["stadsdeel_code"], w["stadsdeel_naam"])
        gebieden.setdefault(w["gebied_code"], (w["gebied_naam"], w["stadsdeel_code"]))

    # PC4 -> (stadsdeel, gebied) or Westpoort -> [inhabitants, number of buurten]
    per_pc4: dict[str, dict[tuple[str, str] | str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for buurt in _rows("cbs2024_buurten.tsv"):
        pc4 = buurt["meest_voorkomende_postcode"]
        if pc4 == "-":
            continue
        wijk = wijken.get(buurt["buurtcode"][:2])
        key: tuple[str, str] | str = WESTPOORT if wijk is None else (wijk["stadsdeel_code"], wijk["gebied_code"])
        per_pc4[pc4][key][0] += int(buurt["aantal_inwoners"])
        per_pc4[pc4][key][1] += 1

    postcodes: list[dict[str, Any]] = []
    for pc4 in sorted(per_pc4):
        parts = per_pc4[pc4]
        areas = {k: v for k, v in parts.items() if isinstance(k, tuple)}
        if not areas:
            continue  # only Westpoort port areas
        total = sum(v[0] for v in parts.values())
        ranked = sorted(areas.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        (stadsdeel, gebied), (main_inhabitants, _count) = ranked[0]
        entry: dict[str, Any] = {"pc4": pc4, "stadsdeel": stadsdeel, "gebied": gebied, "straddles": len(parts) > 1}
        if entry["straddles"]:
            entry["main_share"] = round(main_inhabitants / total, 3)
            others = [{"stadsdeel": k[0], "gebied": k[1], "share": round(v[0] / total, 3)} for k, v in ranked[1:]]
            if others:
                entry["other_areas"] = others
            if WESTPOORT in parts:
                entry["also_westpoort_share"] = round(parts[WESTPOORT][0] / total, 3)
        postcodes.append(entry)
    port_only = sorted(p for p, parts in per_pc4.items() if all(k == WESTPOORT for k in parts))

    return {
        "header": _header(port_only),
        "stadsdelen": [{"code": c, "naam": stadsdelen[c]} for c in STADSDEEL_ORDER],
        "gebieden": [{"code": c, "naam": n, "stadsdeel": s} for c, (n, s) in sorted(gebieden.items())],
        "wijken": [{"code": c, "naam": w["naam"], "gebied": w["gebied_code"]} for c, w in sorted(wijken.items())],
        "postcodes": postcodes,
    }


def _header(port_only: list[str]) -> dict[str, Any]:
    return {
        "version": "2026-11",
        "source": (
            "Gemeente Amsterdam, Onderzoek en Statistiek: gebiedsindeling (stadsdelen, gebieden, wijken) in force "
            "since 24 March 2022, as published in the city's open geo data (maps.amsterdam.nl, layer "
            "INDELING_WIJK; same data as api.data.amsterdam.nl gebieden). Codes and names copied from the "
            "INDELING_WIJK CSV export committed in github.com/linguistcrg/safepath-project, path "
            "data/INDELING_WIJK.csv, commit fc63e1d0d3f65d9b1fac44431593b046ebda11e3. PC4 mapping compiled (not "
            "copied) from CBS Wijk- en Buurtkaart 2024 buurt attributes (meestVoorkomendePostcode, "
            "aantalInwoners; via PDOK) as committed in github.com/bpais88/cityscan, path "
            "src/data/amsterdam.geo.json, commit 066ec65831bdf69ef7fe870be33cca3ce1ca45e1."
        ),
        "source_date": "2022-03-24",
        "compiled_on": "2026-11-22",
        "notes": [
            "Stadsdelen, gebieden and wijken (codes, names, membership) are copied verbatim from the "
            "INDELING_WIJK export: 8 areas at stadsdeel level (Weesp, code S, is formally a 'stadsgebied' since "
            "24 March 2022), 25 gebieden (GA01..GT24, GS25) and 108 wijken. Wijk codes are the two-letter codes "
            "of the 2022 division (CBS code WK0363 + code); the older codes such as 'F75' belong to the pre-2022 "
            "division and are not used.",
            "Gebied names are the official ones, with commas (e.g. 'Geuzenveld, Slotermeer', 'Weesp, Driemond').",
            "Westpoort (code B, wijken BA Havens-West and BB Coenhaven/Minervahaven) is still listed as a "
            "stadsdeel in the statistical division but belongs to no gebied. It is deliberately left out: it is a "
            "port and business area (about 1,500 inhabitants in Coenhaven/Minervahaven in CBS 2024), "
            "administratively run by stadsdelen West and Nieuw-West. PC4s that only occur in Westpoort ("
            + ", ".join(port_only)
            + ") are therefore not in the lookup; PC4s partly in Westpoort carry also_westpoort_share.",
            "The PC4 lookup is COMPILED, not an official table. Method: every CBS 2024 buurt has a most common "
            "PC4 (meestVoorkomendePostcode) and an inhabitant count; each PC4 gets the gebied holding the most "
            "inhabitants among the buurten whose most common PC4 it is. straddles is true when those buurten lie "
            "in more than one gebied (or partly in Westpoort); main_share and other_areas[].share are the "
            "inhabitant shares on that basis. PC4 boundaries do not follow area boundaries, and a PC4 that is "
            "never the most common one in any buurt is missing (and a PC4's minor parts in other buurten are not "
            "seen), so the mapping is approximate, most of all for straddling PC4s such as 1013, 1058, 1059 and "
            "1061.",
            "Not included: PC4s that are not the most common postcode of any CBS buurt inside the municipality "
            "(for instance PO-box-only or business-only codes), and the four IJburg buurten without inhabitants "
            "or postcode (MK01-MK03, MK05; their wijk MK is included).",
        ],
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
