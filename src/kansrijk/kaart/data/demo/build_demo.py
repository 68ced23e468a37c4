#!/usr/bin/env python3
"""Build the fictional demo map of the Gezonde en Kansrijke Kaart.

Usage:  python src/kansrijk/kaart/data/demo/build_demo.py

Reads the content modules next to this file (content_*.py, each with a ``build(demo)`` function),
checks everything against taxonomie.json and the geography fixture, prints coverage figures and
writes demo_kaart.json (docs/kaart-hsds.md) and service_slugs.json. Standard library only;
the output is deterministic (ids are uuid5 of a fixed namespace and a human-readable slug).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

HERE = Path(__file__).resolve().parent
TAXONOMY_FILE = HERE.parent / "taxonomie.json"
GEO_FILE = HERE.parents[2] / "geo" / "data" / "amsterdam_gebiedsindeling.json"
OUT_FILE = HERE / "demo_kaart.json"
SLUGS_FILE = HERE / "service_slugs.json"

NAMESPACE = uuid.UUID("5b0c3f6e-2d4a-5c8e-9f17-a1e2d3c4b5a6")
PROFILE = "kansrijk-gks/2026-11"
GENERATED_AT = "2026-11-23T09:00:00+01:00"
STALE_BEFORE = date(2026, 5, 23)
REDACTIE = "redactie@example.org"
ZOMERSTOP = ("2026-07-20", "2026-08-14", "Zomerstop")

TAXONOMY = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
GEO = json.loads(GEO_FILE.read_text(encoding="utf-8"))
TERMS = {t["id"]: {term["code"]: term for term in t["terms"]} for t in TAXONOMY["taxonomies"]}
CATEGORIES, PHASES, TARGETS = TERMS["gks-hulpvraag"], TERMS["gks-fase"], TERMS["gks-doelgroep"]
LANGUAGES = {lang["code"]: lang["name_nl"] for lang in TAXONOMY["languages"]}
STADSDELEN = {s["code"]: s["naam"] for s in GEO["stadsdelen"]}
GEBIEDEN = {g["code"]: g for g in GEO["gebieden"]}
PC4 = {p["pc4"]: p for p in GEO["postcodes"]}

# Short names the content modules may use instead of the full codes.
CATEGORY_ALIASES = {
    "baby": "babyspullen",
    "eten": "eten-en-boodschappen",
    "geld": "geldzorgen-en-schulden",
    "regel": "regelingen-en-toeslagen",
    "wonen": "wonen",
    "kinderwens": "zwanger-worden-en-kinderwens",
    "zwanger": "zwangerschap",
    "bevalling": "bevalling",
    "kraam": "kraamtijd",
    "voeding": "voeding-en-borstvoeding",
    "opvoeden": "opvoeden-en-opgroeien",
    "psyche": "stress-en-psychische-klachten",
    "roken": "roken-alcohol-en-drugs",
    "veilig": "veiligheid-en-huiselijk-geweld",
    "taal": "taal-en-lezen",
    "werk": "werk-en-inkomen",
    "contact": "contact-met-andere-ouders",
    "vaders": "vaders",
    "juridisch": "verblijfsstatus-en-juridisch",
    "gezond": "gezondheid-van-de-baby",
}
PHASE_ALIASES = {"voor": "voor-de-zwangerschap", "zwanger": "zwangerschap-en-bevalling", "na": "na-de-geboorte"}
DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
DAY_ORDER = list(DAYS)
# Rough centre of each gebied, for fictional coordinates (a location gets a small offset from it).
CENTRES = {
    "GA01": (52.376, 4.889),
    "GA02": (52.366, 4.904),
    "GE03": (52.386, 4.874),
    "GE04": (52.378, 4.849),
    "GE05": (52.366, 4.862),
    "GF06": (52.386, 4.812),
    "GF07": (52.378, 4.808),
    "GF08": (52.358, 4.794),
    "GF09": (52.343, 4.800),
    "GF10": (52.357, 4.829),
    "GK11": (52.354, 4.870),
    "GK12": (52.330, 4.875),
    "GK13": (52.348, 4.898),
    "GM14": (52.358, 4.921),
    "GM15": (52.368, 4.940),
    "GM16": (52.350, 4.940),
    "GM17": (52.355, 5.000),
    "GN18": (52.400, 4.899),
    "GN19": (52.392, 4.921),
    "GN20": (52.398, 4.951),
    "GS25": (52.307, 5.040),
    "GT21": (52.313, 4.955),
    "GT22": (52.318, 4.975),
    "GT23": (52.322, 4.991),
    "GT24": (52.300, 4.990),
}


class DemoError(Exception):
    pass


def fail(message: str) -> NoReturn:
    raise DemoError(message)


def ident(slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, slug))


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)


def phone(
    number: str, description: str = "", kind: str = "voice", languages: Sequence[str] = ("nl",)
) -> dict[str, Any]:
    return {
        "number": number,
        "type": kind,
        "description": description,
        "languages": [{"code": code} for code in languages],
    }


def _days(text: str) -> list[str]:
    if text == "dagelijks":
        return [DAYS[d] for d in DAY_ORDER]
    found: list[str] = []
    for part in text.split(","):
        if "-" in part:
            first, last = part.split("-")
            span = DAY_ORDER[DAY_ORDER.index(first) : DAY_ORDER.index(last) + 1]
            if not span:
                fail(f"bad day range {part!r}")
            found += [DAYS[d] for d in span]
        elif part in DAYS:
            found.append(DAYS[part])
        else:
            fail(f"unknown day {part!r} in {text!r}")
    return found


_SEGMENT = re.compile(r"^(\S+) (\d\d:\d\d)-(\d\d:\d\d)(?: (.+))?$")


def schedules(text: str | None, attending: str = "in_person") -> list[dict[str, Any]]:
    """'ma-vr 09:00-17:00; za 10:00-12:00 Inloop' -> HSDS weekly schedules."""
    result: list[dict[str, Any]] = []
    for segment in filter(None, (s.strip() for s in (text or "").split(";"))):
        match = _SEGMENT.match(segment)
        if not match:
            fail(f"cannot read opening hours {segment!r}")
        days, opens, closes, description = match.groups()
        result.append(
            {
                "freq": "WEEKLY",
                "byday": ",".join(_days(days)),
                "opens_at": opens,
                "closes_at": closes,
                "attending_type": attending,
                "valid_from": None,
                "valid_to": None,
                "description": description or "",
            }
        )
    return result


def media(kind: str, caption: str, alt_text: str) -> tuple[str, str, str]:
    return (kind, caption, alt_text)


class Demo:
    """Collects organisations, locations and services; content modules call its methods."""

    def __init__(self) -> None:
        self.organizations: dict[str, dict[str, Any]] = {}
        self.locations: dict[str, dict[str, Any]] = {}
        self.services: dict[str, dict[str, Any]] = {}
        self.org_kind: dict[str, str] = {}
        self.org_phone: dict[str, str] = {}
        self._phones = 100

    def _new_phone(self) -> str:
        self._phones += 1
        return f"020 555 {self._phones // 100:02d} {self._phones % 100:02d}"

    def org(
        self,
        slug: str,
        name: str,
        description: str,
        *,
        kind: str = "formeel",
        alt: str = "",
        phone_number: str | None = None,
        email: str | None = None,
        website: str | None = None,
    ) -> str:
        key = "org:" + slug
        if key in self.organizations:
            fail(f"duplicate slug {key}")
        number = phone_number or self._new_phone()
        self.org_kind[slug], self.org_phone[slug] = kind, number
        self.organizations[key] = {
            "id": ident(key),
            "name": name,
            "alternate_name": alt,
            "description": description,
            "email": email or f"{slug}@example.org",
            "website": website or f"https://example.org/{slug}",
            "phones": [phone(number, "Algemeen nummer")],
            "x_gks": {"kind": kind, "is_demo": True},
        }
        return slug

    def loc(
        self,
        slug: str,
        org: str,
        name: str,
        street: str,
        postcode: str,
        *,
        transport: str = "",
        access: tuple[str, str] = ("Rolstoeltoegankelijk", "Ingang op de begane grond"),
        description: str = "",
        hours: str | None = None,
    ) -> str:
        key = "loc:" + slug
        if key in self.locations:
            fail(f"duplicate slug {key}")
        if "org:" + org not in self.organizations:
            fail(f"{key}: unknown organisation {org}")
        pc4 = postcode[:4]
        if pc4 not in PC4:
            fail(f"{key}: postcode {postcode} is not an Amsterdam PC4 in the geography file")
        lat, lon = CENTRES[PC4[pc4]["gebied"]]
        h = _hash(key)
        lat += ((h % 81) - 40) / 10000
        lon += (((h // 81) % 121) - 60) / 10000
        city = "Weesp" if pc4.startswith("138") else "Amsterdam"
        self.locations[key] = {
            "id": ident(key),
            "organization_id": ident("org:" + org),
            "location_type": "physical",
            "name": name,
            "description": description,
            "transportation": transport,
            "latitude": round(lat, 5),
            "longitude": round(lon, 5),
            "addresses": [
                {
                    "address_1": street,
                    "postal_code": postcode,
                    "city": city,
                    "country": "NL",
                    "address_type": "physical",
                }
            ],
            "accessibility": [{"description": access[0], "details": access[1]}] if access else [],
            "phones": [],
            "schedules": schedules(hours),
            "x_gks": {"is_demo": True},
        }
        return slug

    def service(
        self,
        slug: str,
        org: str,
        name: str,
        description: str,
        categories: str,
        phases: str,
        areas: str,
        *,
        free: bool = True,
        fees: str | None = None,
        amount: float | None = None,
        languages: str = "nl",
        hours: str | None = "ma-vr 09:00-17:00",
        phone_hours: str | None = None,
        online_hours: str | None = None,
        locations: tuple[str, ...] | list[str] = (),
        targets: str = "ouders",
        formal: bool | None = None,
        referral: bool = False,
        wait_days: int | None = None,
        wait: str = "",
        apply: str | None = None,
        eligibility: str = "",
        interpretation: str = "",
        phone_number: str | None = None,
        whatsapp: str | None = None,
        email: str | None = None,
        url: str | None = None,
        verified: str | None = None,
        closures: Sequence[tuple[str, str, str]] = (),
        media_items: Sequence[tuple[str, str, str]] = (),
        holidays: bool = True,
        status: str = "active",
        contact: tuple[str, str] | None = None,
        min_age: int | None = None,
        max_age: int | None = None,
        alt: str = "",
    ) -> str:
        key = "svc:" + slug
        if key in self.services:
            fail(f"duplicate slug {key}")
        if org not in self.org_kind:
            fail(f"{key}: unknown organisation {org}")
        cats = [CATEGORY_ALIASES.get(c.strip(), c.strip()) for c in categories.split(",")]
        phs = list(PHASES) if phases == "alle" else [PHASE_ALIASES.get(p.strip(), p.strip()) for p in phases.split(",")]
        langs = [code.strip() for code in languages.split(",")]
        whole_city = areas == "stad"
        parts = [] if whole_city else [a.strip() for a in areas.split(",")]
        stadsdelen = [a for a in parts if not a.startswith("G")]
        gebieden = [a for a in parts if a.startswith("G")]
        if formal is None:
            formal = self.org_kind[org] == "formeel"
        day = verified or self._verified(key)
        number = phone_number or self.org_phone[org]
        phones = [phone(number, "Bel ons", languages=langs)]
        if whatsapp:
            phones.append(phone(whatsapp, "Ook via WhatsApp", kind="whatsapp", languages=langs))
        areas_hsds = (
            [{"name": "Amsterdam", "extent_type": "gemeente", "uri": "gks:gemeente:0363"}]
            if whole_city
            else [
                {"name": STADSDELEN.get(s, s), "extent_type": "stadsdeel", "uri": f"gks:stadsdeel:{s}"}
                for s in stadsdelen
            ]
            + [
                {"name": GEBIEDEN.get(g, {}).get("naam", g), "extent_type": "gebied", "uri": f"gks:gebied:{g}"}
                for g in gebieden
            ]
        )
        if apply is None:
            apply = (
                "Je hebt een verwijzing nodig. Vraag je verloskundige, huisarts of het Ouder- en Kindteam."
                if referral
                else "Bel, mail of kom langs."
                if locations
                else "Bel of mail ons."
            )
        items = [
            {
                "kind": k,
                "url": f"https://example.org/media/{slug}-{i + 1}.{'mp4' if k == 'video' else 'jpg'}",
                "caption": c,
                "alt_text": a,
            }
            for i, (k, c, a) in enumerate(media_items)
        ]
        self.services[key] = {
            "id": ident(key),
            "organization_id": ident("org:" + org),
            "name": name,
            "alternate_name": alt,
            "description": description,
            "url": url or f"https://example.org/{org}/{slug}",
            "email": email or f"{org}@example.org",
            "status": status,
            "interpretation_services": interpretation,
            "application_process": apply,
            "eligibility_description": eligibility,
            "fees_description": fees or ("Gratis" if free else ""),
            "wait_time": wait,
            "minimum_age": min_age,
            "maximum_age": max_age,
            "assured_date": day,
            "assurer_email": REDACTIE,
            "phones": phones,
            "schedules": schedules(hours) + schedules(phone_hours, "phone") + schedules(online_hours, "online"),
            "contacts": (
                [
                    {
                        "name": contact[0],
                        "title": contact[1],
                        "email": email or f"{org}@example.org",
                        "phones": [phone(number)],
                    }
                ]
                if contact
                else []
            ),
            "languages": [{"code": code, "name": LANGUAGES.get(code, code)} for code in langs],
            "cost_options": (
                [{"option": "Gratis", "amount": 0, "currency": "EUR"}]
                if free
                else [{"option": fees or "Eigen bijdrage", "amount": amount, "currency": "EUR"}]
            ),
            "service_areas": areas_hsds,
            "service_at_locations": [
                {"id": ident(f"sal:{slug}:{loc}"), "location_id": ident("loc:" + loc), "description": ""}
                for loc in locations
            ],
            "attributes": [{"taxonomy_term_id": f"gks-hulpvraag:{c}"} for c in cats],
            "x_gks": {
                "categories": cats,
                "phases": phs,
                "target_groups": [t.strip() for t in targets.split(",")],
                "formal": formal,
                "free": free,
                "referral_required": referral,
                "wait_time_days": wait_days,
                "whole_city": whole_city,
                "stadsdelen": stadsdelen,
                "gebieden": gebieden,
                "closed_on_public_holidays": holidays,
                "closures": [{"start": s, "end": e, "reason": r} for s, e, r in closures],
                "media": items,
                "last_verified_at": day,
                "last_verified_by": "Redactie Kansrijke Kaart (demo)" if _hash(key) % 3 else "Eigen organisatie",
                "is_demo": True,
            },
        }
        return slug

    @staticmethod
    def _verified(key: str) -> str:
        """A fixed date for each service: about 15% before the stale line, the rest after it."""
        h = _hash("verified:" + key)
        if h % 100 < 15:
            start, span = date(2025, 9, 1), (STALE_BEFORE - date(2025, 9, 1)).days
        else:
            start, span = STALE_BEFORE, (date(2026, 11, 20) - STALE_BEFORE).days
        return (start + timedelta(days=(h // 100) % span)).isoformat()

    def document(self) -> dict[str, Any]:
        return {
            "hsds_version": "3.0",
            "profile": PROFILE,
            "generated_at": GENERATED_AT,
            "taxonomies": [
                {"id": t["id"], "name": t["name"], "version": TAXONOMY["header"]["version"]}
                for t in TAXONOMY["taxonomies"]
            ],
            "taxonomy_terms": [
                {
                    "id": f"{t['id']}:{term['code']}",
                    "taxonomy_id": t["id"],
                    "code": term["code"],
                    "name": term["label_nl"],
                    "description": term.get("description_nl", ""),
                    "language": "nl",
                }
                for t in TAXONOMY["taxonomies"]
                for term in t["terms"]
            ],
            "organizations": list(self.organizations.values()),
            "locations": list(self.locations.values()),
            "services": list(self.services.values()),
        }


def serves(service: dict[str, Any]) -> set[str]:
    extra = service["x_gks"]
    if extra["whole_city"]:
        return set(STADSDELEN)
    return set(extra["stadsdelen"]) | {GEBIEDEN[g]["stadsdeel"] for g in extra["gebieden"] if g in GEBIEDEN}


def check(demo: Demo, doc: dict[str, Any]) -> list[str]:
    """All problems in the document; an empty list means it passes."""
    problems: list[str] = []
    ids: Counter[str] = Counter()
    orgs = {o["id"]: o for o in doc["organizations"]}
    locs = {loc["id"]: loc for loc in doc["locations"]}
    used_locations: set[str] = set()
    for kind, items in (
        ("organization", doc["organizations"]),
        ("location", doc["locations"]),
        ("service", doc["services"]),
    ):
        for item in items:
            ids[item["id"]] += 1
            if item.get("x_gks", {}).get("is_demo") is not True:
                problems.append(f"{kind} {item['name']}: x_gks.is_demo must be true")
    problems += [f"id {i} occurs {n} times" for i, n in ids.items() if n > 1]
    for slug_map in (demo.organizations, demo.locations, demo.services):
        for slug, item in slug_map.items():
            if item["id"] != ident(slug):
                problems.append(f"{slug}: id does not match its slug")
    for org in doc["organizations"]:
        if not org["name"].endswith(" (demo)"):
            problems.append(f"organisation {org['name']!r} must end with ' (demo)'")
        if org["x_gks"]["kind"] not in ("formeel", "informeel"):
            problems.append(f"organisation {org['name']}: bad kind")
    for loc in doc["locations"]:
        if loc["organization_id"] not in orgs:
            problems.append(f"location {loc['name']}: unknown organisation")
        postcode = loc["addresses"][0]["postal_code"]
        if not re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", postcode) or postcode[:4] not in PC4:
            problems.append(f"location {loc['name']}: postcode {postcode} not in the geography file")
    for svc in doc["services"]:
        where, extra = f"service {svc['name']!r}", svc["x_gks"]
        if svc["organization_id"] not in orgs:
            problems.append(f"{where}: unknown organisation")
        for field, known in (
            ("categories", CATEGORIES),
            ("phases", PHASES),
            ("target_groups", TARGETS),
            ("stadsdelen", STADSDELEN),
            ("gebieden", GEBIEDEN),
        ):
            problems += [f"{where}: unknown {field} code {c!r}" for c in extra[field] if c not in known]
        problems += [
            f"{where}: unknown language {lang['code']!r}" for lang in svc["languages"] if lang["code"] not in LANGUAGES
        ]
        for ph in svc["phones"]:
            problems += [
                f"{where}: unknown phone language {c['code']!r}" for c in ph["languages"] if c["code"] not in LANGUAGES
            ]
        if not extra["categories"]:
            problems.append(f"{where}: no category")
        if not extra["phases"]:
            problems.append(f"{where}: no phase")
        if not (extra["whole_city"] or extra["stadsdelen"] or extra["gebieden"]):
            problems.append(f"{where}: no area")
        if extra["whole_city"] and (extra["stadsdelen"] or extra["gebieden"]):
            problems.append(f"{where}: whole_city together with areas")
        if not 2 <= len(re.findall(r"[.!?](?:\s|$)", svc["description"])) <= 5 or len(svc["description"]) > 600:
            problems.append(f"{where}: description should be 2-4 short sentences")
        if extra["free"] != (svc["cost_options"][0]["amount"] == 0):
            problems.append(f"{where}: free and cost_options disagree")
        for sal in svc["service_at_locations"]:
            loc = locs.get(sal["location_id"])
            if loc is None:
                problems.append(f"{where}: unknown location {sal['location_id']}")
                continue
            used_locations.add(loc["id"])
            if loc["organization_id"] != svc["organization_id"]:
                problems.append(f"{where}: location {loc['name']} belongs to another organisation")
            pc4 = PC4.get(loc["addresses"][0]["postal_code"][:4])
            if pc4 is None:
                continue  # reported with the location
            sd = pc4["stadsdeel"]
            if sd not in serves(svc):
                problems.append(f"{where}: location {loc['name']} lies in {sd}, outside the area it serves")
        for sch in svc["schedules"]:
            if sch["attending_type"] not in ("in_person", "phone", "online"):
                problems.append(f"{where}: bad attending_type")
        for field in ("email",):
            if not svc[field].endswith("@example.org"):
                problems.append(f"{where}: email must be @example.org")
        if not svc["url"].startswith("https://example.org/"):
            problems.append(f"{where}: url must be on example.org")
        for ph in svc["phones"]:
            if not re.fullmatch(r"(020|0800) 555 \d\d \d\d", ph["number"]):
                problems.append(f"{where}: phone {ph['number']} is not a visibly fictional number")
        for item in extra["media"]:
            if not (item["caption"] and item["alt_text"] and item["url"].startswith("https://example.org/")):
                problems.append(f"{where}: media needs caption, alt_text and an example.org url")
        date.fromisoformat(extra["last_verified_at"])
    problems += [
        f"location {loc['name']}: no service uses it" for loc in doc["locations"] if loc["id"] not in used_locations
    ]
    for org in doc["organizations"]:
        if not org["email"].endswith("@example.org") or not org["website"].startswith("https://example.org/"):
            problems.append(f"organisation {org['name']}: contact details must be on example.org")
    return problems


def coverage(doc: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Coverage lines to print, and the targets that are not met."""
    services = doc["services"]
    n = len(services)
    per_sd_direct = Counter(sd for s in services if not s["x_gks"]["whole_city"] for sd in serves(s))
    per_sd_all = Counter(sd for s in services for sd in serves(s))
    per_cat = Counter(c for s in services for c in s["x_gks"]["categories"])
    per_phase = Counter(p for s in services for p in s["x_gks"]["phases"])
    per_lang = Counter(lang["code"] for s in services for lang in s["languages"] if lang["code"] != "nl")

    def count(pred: Callable[[dict[str, Any]], object]) -> int:
        return sum(1 for s in services if pred(s))

    informal = count(lambda s: not s["x_gks"]["formal"])
    free = count(lambda s: s["x_gks"]["free"])
    other_lang = count(lambda s: any(lang["code"] != "nl" for lang in s["languages"]))
    whole = count(lambda s: s["x_gks"]["whole_city"])
    with_media = count(lambda s: s["x_gks"]["media"])
    stale = count(lambda s: date.fromisoformat(s["x_gks"]["last_verified_at"]) < STALE_BEFORE)
    referral = count(lambda s: s["x_gks"]["referral_required"])
    waits = count(lambda s: s["x_gks"]["wait_time_days"] is not None)
    closures = count(lambda s: s["x_gks"]["closures"])
    phone_hours = count(lambda s: any(x["attending_type"] == "phone" for x in s["schedules"]))
    evening = count(lambda s: any(x["closes_at"] > "18:00" or x["closes_at"] <= x["opens_at"] for x in s["schedules"]))
    weekend = count(lambda s: any(d in x["byday"] for x in s["schedules"] for d in ("SA", "SU")))
    orgs_informal = sum(1 for o in doc["organizations"] if o["x_gks"]["kind"] == "informeel")
    lines = [
        f"organisations: {len(doc['organizations'])} ({orgs_informal} informal), "
        f"locations: {len(doc['locations'])}, services: {n}",
        "services per stadsdeel (own area / incl. whole-city): "
        + ", ".join(f"{code} {STADSDELEN[code]} {per_sd_direct[code]}/{per_sd_all[code]}" for code in STADSDELEN),
        "services per category: " + ", ".join(f"{c} {per_cat[c]}" for c in CATEGORIES),
        "services per phase: " + ", ".join(f"{p} {per_phase[p]}" for p in PHASES),
        f"formal {n - informal} / informal {informal}; free {free} / paid {n - free}",
        f"with a language besides Dutch: {other_lang} ("
        + ", ".join(f"{code} {k}" for code, k in sorted(per_lang.items(), key=lambda kv: (-kv[1], kv[0])))
        + ")",
        f"whole-city: {whole}; with media: {with_media}; stale (verified before {STALE_BEFORE}): {stale} "
        f"({100 * stale / max(n, 1):.0f}%)",
        f"referral required: {referral}; with wait_time_days: {waits}; with closures: {closures}; "
        f"separate phone hours: {phone_hours}; evening/night hours: {evening}; weekend hours: {weekend}",
    ]
    unmet = []
    if n < 160:
        unmet.append(f"only {n} services (target >= 160)")
    if not 60 <= len(doc["organizations"]) <= 80:
        unmet.append(f"{len(doc['organizations'])} organisations (target 60-80)")
    unmet += [f"category {c}: {per_cat[c]} services (target >= 5)" for c in CATEGORIES if per_cat[c] < 5]
    unmet += [f"phase {p}: {per_phase[p]} services (target >= 30)" for p in PHASES if per_phase[p] < 30]
    unmet += [f"stadsdeel {sd} has no own services" for sd in STADSDELEN if per_sd_direct[sd] == 0]
    focus, other = ("T", "F", "N"), [sd for sd in STADSDELEN if sd not in ("T", "F", "N")]
    if min(per_sd_direct[sd] for sd in focus) <= max(per_sd_direct[sd] for sd in other):
        unmet.append("focus districts (T, F, N) should have more services than the others")
    if informal < 40:
        unmet.append(f"only {informal} informal services (target >= 40)")
    if other_lang < 30:
        unmet.append(f"only {other_lang} services with another language (target >= 30)")
    if not 10 <= with_media <= 25:
        unmet.append(f"{with_media} services with media (target about 15)")
    if not 0.10 <= stale / max(n, 1) <= 0.20:
        unmet.append(f"{stale} stale services (target about 15%)")
    for label, value in (
        ("whole-city", whole),
        ("referral", referral),
        ("wait_time_days", waits),
        ("closures", closures),
        ("phone hours", phone_hours),
        ("paid", n - free),
    ):
        if value < 3:
            unmet.append(f"too few services with {label}: {value}")
    return lines, unmet


def main(argv: list[str]) -> int:
    demo = Demo()
    sys.path.insert(0, str(HERE))
    modules = sorted(p.stem for p in HERE.glob("content_*.py"))
    for name in modules:
        importlib.import_module(name).build(demo)
    doc = demo.document()
    problems = check(demo, doc)
    lines, unmet = coverage(doc)
    print("content modules: " + ", ".join(modules))
    print("\n".join(lines))
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s):", file=sys.stderr)
        print("\n".join("  - " + p for p in problems), file=sys.stderr)
        return 1
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    json.loads(text)  # valid JSON, no comments
    OUT_FILE.write_text(text, encoding="utf-8")
    SLUGS_FILE.write_text(
        json.dumps({slug: s["id"] for slug, s in demo.services.items()}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"\nwrote {OUT_FILE.name} ({len(text) // 1024} KB) and {SLUGS_FILE.name}")
    if unmet:
        print("\nTARGETS NOT MET:\n" + "\n".join("  - " + u for u in unmet), file=sys.stderr)
        return 0 if "--draft" in argv else 2
    print("all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except DemoError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
