"""Layers 1 and 2: deduce's proposals mapped to our kind codes and filtered."""

from __future__ import annotations

from collections.abc import Iterator

from kansrijk.vraagbaak.anonymity.addresses import _location_finding
from kansrijk.vraagbaak.anonymity.contact import _url_finding
from kansrijk.vraagbaak.anonymity.dates import _date_finding
from kansrijk.vraagbaak.anonymity.engine import _deduce
from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.names import _name_finding
from kansrijk.vraagbaak.anonymity.numbers import _number_finding


def _from_deduce(text: str, organisations: list[tuple[int, int]]) -> Iterator[Finding]:
    document = _deduce().deidentify(text, disabled={"age", "redactor"})
    for annotation in document.annotations:
        start, end, tag = int(annotation.start_char), int(annotation.end_char), str(annotation.tag)
        if not 0 <= start < end <= len(text):
            continue
        if tag in {"ziekenhuis", "zorginstelling", "instelling"}:
            organisations.append((start, end))
            continue
        finding = _map_deduce(text, tag, start, end)
        if finding is not None:
            yield finding


def _map_deduce(text: str, tag: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    if tag in {"persoon", "patient"} or "naam" in tag or tag in {"voornaam", "achternaam", "initiaal"}:
        return _name_finding(text, start, end)
    if tag in {"locatie", "straat"}:
        return _location_finding(text, start, end)
    if tag == "datum":
        return _date_finding(text, start, end)
    if tag == "bsn" or tag == "id":
        return _number_finding(text, start, end)
    if tag == "telefoonnummer":
        return Finding("phone", span, start, end)
    if tag == "emailadres":
        return Finding("email", span, start, end)
    if tag == "url":
        return _url_finding(text, start, end)
    return None
