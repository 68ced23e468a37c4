"""The anonymity guard: each kind in realistic sentences, allowed places and organisations, the caller's
extra phrases, sentence-initial words, odd input, and the held-out split in data/guard_cases.json."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kansrijk.vraagbaak import anonymity
from kansrijk.vraagbaak.anonymity import KINDS, Finding, check

CASES = Path(__file__).with_name("data") / "guard_cases.json"


@pytest.fixture(scope="session", autouse=True)
def _deduce_loaded() -> Iterator[None]:
    anonymity.warm()  # deduce takes ~6 s to load: once per test session
    yield


def kinds(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in check(text, **kwargs)]  # type: ignore[arg-type]


def only(text: str, kind: str, span: str) -> Finding:
    """The one finding of `text`; it must be `kind` and cover exactly `span`, with correct offsets."""
    findings = check(text)
    assert [f.kind for f in findings] == [kind], findings
    finding = findings[0]
    assert finding.text == span
    assert text[finding.start : finding.end] == span
    assert finding.start == text.index(span)
    return finding


class TestKinds:
    def test_name_after_role_word(self) -> None:
        only("Moeder Fatima is 28 en heeft een baby van 3 maanden.", "name", "Fatima")

    def test_full_name_and_title(self) -> None:
        found = kinds("Ik heb mevrouw Nadia Bouzid doorverwezen naar het Buurtteam Nieuw-West.")
        assert len(found) == 1
        assert found[0][0] == "name"
        assert "Nadia Bouzid" in found[0][1]

    def test_initial_and_surname(self) -> None:
        assert kinds("De vader, J. de Vries, werkt bij de GVB.")[0][0] == "name"

    def test_lowercase_name_typed_sloppily(self) -> None:
        only("ik heb contact met fatima el amrani over haar dochter van 1.", "name", "fatima el amrani")

    def test_name_before_age(self) -> None:
        only("Hatice (23) zoekt een moedergroep in Osdorp.", "name", "Hatice")

    def test_bsn_with_and_without_dots(self) -> None:
        only("Haar BSN is 123.456.782, ze is niet verzekerd.", "bsn", "123.456.782")
        only("Het burgerservicenummer van moeder is 111222333.", "bsn", "111222333")

    def test_dates(self) -> None:
        only("De moeder is geboren op 3-4-1995 en is zwanger.", "date", "3-4-1995")
        only("De baby kwam op 22 december 2024 met 32 weken.", "date", "22 december 2024")
        only("Moeder, geb. 03/04/95, gebruikt middelen.", "date", "03/04/95")

    def test_day_and_month_only_near_birth_words(self) -> None:
        assert kinds("We hebben op 12 maart een MDO in Zuidoost.") == []
        assert kinds("De baby is geboren op 12 maart en drinkt slecht.") == [("date", "12 maart")]

    def test_address_with_addition(self) -> None:
        only("Het gezin woont op de Kinkerstraat 12-2 in West.", "address", "Kinkerstraat 12-2")
        assert kinds("Adres: Burgemeester de Vlugtlaan 125 hs.")[0] == ("address", "Burgemeester de Vlugtlaan 125 hs")

    def test_postcode_with_house_number(self) -> None:
        only("Ze woont op 1068 AB 14 met haar twee kinderen.", "postcode", "1068 AB 14")
        only("Postcode 1055AB, eerste verdieping.", "postcode", "1055AB")

    def test_phone_formats(self) -> None:
        for phone in ("06-12345678", "020-5551234", "+31 6 2345 6789", "06 1234 5678", "0612345678"):
            only(f"Je kunt haar bellen op {phone} na vijf uur.", "phone", phone)

    def test_email_iban_plate_url(self) -> None:
        only("Mail moeder op lisa.vandijk@hotmail.com voor de afspraak.", "email", "lisa.vandijk@hotmail.com")
        only("Haar rekeningnummer is NL91 ABNA 0417 1643 00 voor de gift.", "iban", "NL91 ABNA 0417 1643 00")
        only("De auto met kenteken KL-123-P staat elke nacht voor de deur.", "licence_plate", "KL-123-P")
        only("Zie instagram.com/mama_aisha_020 voor de foto's.", "url", "instagram.com/mama_aisha_020")
        only("Ze post alles op TikTok (@sabrina.mama020) en ik maak me zorgen.", "url", "@sabrina.mama020")

    def test_case_numbers(self) -> None:
        only("Graag overleg over dossier VT-2024-118832 van het gezin.", "case_number", "VT-2024-118832")
        only("Cliëntnummer JGZ-20391, het kind groeit slecht.", "case_number", "JGZ-20391")

    def test_rare_details(self) -> None:
        only("Ze is zwanger van een drieling en woont bij haar ouders.", "rare_detail", "drieling")
        only("Het gezin heeft 11 kinderen en woont in een driekamerwoning.", "rare_detail", "11 kinderen")
        only("De vader is wethouder in een andere gemeente.", "rare_detail", "wethouder")
        only("Het kind heeft het syndroom van Prader-Willi.", "rare_detail", "syndroom van Prader-Willi")

    def test_kind_codes_are_stable(self) -> None:
        assert set(KINDS) == {
            "name", "bsn", "date", "address", "postcode", "phone", "email", "iban",
            "licence_plate", "url", "case_number", "rare_detail",
        }  # fmt: skip

    def test_label_and_hint_are_dutch(self) -> None:
        finding = only("Moeder Fatima belt vaak.", "name", "Fatima")
        assert finding.label == "Naam"
        assert "moeder" in finding.hint


class TestAllowed:
    @pytest.mark.parametrize(
        "text",
        [
            "Ik werk in Slotervaart en zie veel gezinnen zonder huisarts.",
            "Het Buurtteam Nieuw-West en de GGD werken hier samen.",
            "Een moeder in Zuidoost is doorverwezen naar het OLVG.",
            "Veilig Thuis heeft de melding aangenomen; de JGZ blijft betrokken.",
            "Wie kent Home-Start, Combiwel of Altra in Bos en Lommer?",
            "Het Ouder- en Kindteam in De Pijp heeft een wachtlijst.",
            "Een moeder van 24 uit Eritrea in Geuzenveld, 3 kinderen, schulden bij de Belastingdienst.",
            "Vader is 35, Syrisch, werkt als kok en spreekt Arabisch en een beetje Engels.",
            "De baby van 3 maanden huilt veel sinds vorige week.",
            "Wij wonen in de Indische Buurt. Er is veel lawaai.",
        ],
    )
    def test_areas_organisations_and_ordinary_facts(self, text: str) -> None:
        assert check(text) == []

    def test_extra_allowed_phrases(self) -> None:
        text = "Kraamzorg helpt niet; Stichting Mahoro en Mama Aisha's Kookclub wel."
        assert check(text, allowed=["Mama Aisha's Kookclub"]) == []
        assert kinds("Ze gaat naar Amina Yusuf in Noord.", allowed=["amina yusuf"]) == []

    def test_allowed_is_whole_phrase(self) -> None:
        assert kinds("Moeder Aisha Bakari belt vaak.", allowed=["Aisha"]) != []

    def test_street_with_allowed_area_name_keeps_its_number(self) -> None:
        assert kinds("Ze woont op de Weesperzijde 12.") == [("address", "Weesperzijde 12")]


class TestRobustness:
    def test_sentence_initial_words_are_not_names(self) -> None:
        text = "Engels spreekt ze goed. Kindje huilt veel. Kraamzorg is gestopt. Oud-West is haar wijk."
        assert check(text) == []

    def test_lowercase_words_are_not_names(self) -> None:
        assert check("ik ken de babyspullenbank en de voedselbank, maar die zitten vol tot juni.") == []

    @pytest.mark.parametrize("text", ["", "   ", "\n\n", "🙂👶🏽", "\x00\ufeff\u200b", "…" * 50])
    def test_odd_input(self, text: str) -> None:
        assert check(text) == []

    def test_long_text_and_offsets(self) -> None:
        base = "Een moeder van 24 in Nieuw-West vraagt om hulp bij de aanvraag van toeslagen. "
        text = base * 250 + "Bel mevrouw Jansen op 06-12345678."
        assert len(text) > 19_000
        findings = check(text)
        assert [f.kind for f in findings] == ["name", "phone"]
        for f in findings:
            assert text[f.start : f.end] == f.text

    def test_findings_sorted_and_not_overlapping(self) -> None:
        text = "Moeder Sanne de Vries, Pieter Calandlaan 240, 1068 AB, NL20INGB0001234567, geboren 07-11-1998."
        findings = check(text)
        assert findings == sorted(findings, key=lambda f: f.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
        assert {f.kind for f in findings} >= {"name", "address", "postcode", "iban", "date"}


class TestHeldOutSplit:
    """Texts written after tuning: does the guard generalise? (Small split, so looser thresholds.)"""

    def test_recall_and_false_positive_rate(self) -> None:
        corpus = json.loads(CASES.read_text(encoding="utf-8"))
        spans = found = 0
        for item in corpus["planted"]:
            findings = check(item["text"])
            for span in item["spans"]:
                assert item["text"][span["start"] : span["end"]] == span["text"]
                spans += 1
                found += any(f.start < span["end"] and span["start"] < f.end for f in findings)
        flagged = sum(bool(check(item["text"])) for item in corpus["clean"])
        assert found / spans >= 0.9
        assert flagged / len(corpus["clean"]) <= 0.15


EVALUATOR_SETS = [
    Path(__file__).resolve().parents[4] / "benchmarks" / "data" / name
    for name in (
        "vraagbaak_guard_blind.json",
        "vraagbaak_guard_blind2.json",
        "vraagbaak_guard_blind3.json",
        "vraagbaak_guard_blind4.json",
        "vraagbaak_guard_blind5.json",
        "vraagbaak_guard_blind6.json",
        "vraagbaak_guard_blind7.json",
    )
]


@pytest.mark.parametrize("corpus_path", EVALUATOR_SETS, ids=lambda p: p.stem)
def test_the_evaluators_sets_stay_within_the_targets(corpus_path: Path) -> None:
    """Sets written by independent evaluators who never saw the guard's code (the guard was then
    improved on what they found, so they are regression sets now): recall >= 0.95, false positives <= 10%."""
    corpus = json.loads(corpus_path.read_text(encoding="utf-8"))
    spans = found = 0
    for item in corpus["planted"]:
        findings = check(item["text"])
        for span in item["spans"]:
            spans += 1
            found += any(f.start < span["end"] and span["start"] < f.end for f in findings)
    flagged = sum(1 for item in corpus["clean"] if check(item["text"]))
    assert found / spans >= 0.95
    assert flagged / len(corpus["clean"]) <= 0.10


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("BSN 1234\u200b56782, graag advies", "bsn", "1234\u200b56782"),
        ("bel haar op 06-1234\u200d5678 morgen", "phone", "06-1234\u200d5678"),
        ("bsn 1234\u00ad56782", "bsn", "1234\u00ad56782"),
        (
            "tel \uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18 graag",
            "phone",
            "\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",
        ),
    ],
)
def test_invisible_or_wide_characters_do_not_hide_an_identifier(text: str, kind: str, shown: str) -> None:
    """Zero-width characters, soft hyphens and full-width digits look like the plain number to a reader."""
    findings = check(text)
    match = [f for f in findings if f.kind == kind]
    assert match, findings
    assert shown in match[0].text and text[match[0].start : match[0].end] == match[0].text


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        # digit groups of a BSN in any grouping, with dots, spaces or dashes (elfproef or a BSN cue)
        ("zijn bsn is 111.22.2333, klopt dat?", "bsn", "111.22.2333"),
        ("nummer 12-345-67-82 staat erop", "bsn", "12-345-67-82"),
        # an email address written out against harvesters
        ("mail naar p.devos (at) zorg-west (dot) nl", "email", "p.devos (at) zorg-west (dot) nl"),
        ("of kim[at]voorbeeld[punt]com", "email", "kim[at]voorbeeld[punt]com"),
        ("write to kim at voorbeeld (dot) com", "email", "kim at voorbeeld (dot) com"),
        # a postcode in lower case with a space and nothing after it
        ("ze zijn verhuisd naar 2015 kp.", "postcode", "2015 kp"),
        # the only one of a kind in a named area, in Dutch and English
        (
            "Hij is de enige Koerdische kapper in Slotervaart.",
            "rare_detail",
            "de enige Koerdische kapper in Slotervaart",
        ),
        (
            "She runs the only Somali bakery in Amsterdam-Oost.",
            "rare_detail",
            "the only Somali bakery in Amsterdam-Oost",
        ),
        # acting in a named series: the title
        ("Vader speelt in Het Huis Anubis en wil anoniem blijven.", "rare_detail", "Het Huis Anubis"),
        # leading a named congregation
        (
            "Opa is voorzitter van de Turkse moskee in Slotervaart.",
            "rare_detail",
            "voorzitter van de Turkse moskee in Slotervaart",
        ),
        # the name of a rare condition in brackets after it
        ("kind met dwerggroei (achondroplasie) zoekt", "rare_detail", "dwerggroei (achondroplasie)"),
        # a name in capitals, and a name after an English or Dutch naming phrase
        ("SARA DE GROOT, 22 jaar, woont bij haar moeder", "name", "SARA DE GROOT"),
        ("Her name is Semhar and she is 3 months.", "name", "Semhar"),
    ],
)
def test_written_out_or_described_identifiers_are_found(text: str, kind: str, shown: str) -> None:
    assert (kind, shown) in {(f.kind, f.text) for f in check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "In 1104 de moeder en in 2019 al twee keer gezien.",
        "Ze krijgt 1500 mg ijzer per dag.",
        "De enige die in Noord nog plek heeft is de Buurtteam.",
        "Het kind speelt in Nieuw-West bij een club.",
        "ZEER DRINGEND: VRAAG OVER KRAAMZORG IN NIEUW-WEST",
        "We meet at school. Do you know a group called support?",
        "Het bedrag is 1.250.000 euro en om 12.30 uur.",
    ],
)
def test_text_like_the_new_rules_is_not_flagged(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        # names from other languages' name lists (data/world_names.txt), in running text
        ("Gisteren sprak ik Agnieszka over de voeding.", "name", "Agnieszka"),
        ("Het gezin van Kofi Boateng woont in Noord.", "name", "Kofi Boateng"),
        # accents do not hide a listed name
        ("Het dochtertje van Aïsha is nog niet gezien.", "name", "Aïsha"),
        # a name in brackets after a role word, and a second name joined by "en"
        ("Ouders (Nowakowski) spreken alleen Pools.", "name", "Nowakowski"),
        ("De ouders Senait en Dawit zijn net gehuisvest.", "name", "Dawit"),
        ("Moeder (Yaa) durft niet te praten.", "name", "Yaa"),
        # two unlisted words at a sentence start before a comma
        ("Selamawit Haile, 24 jaar, is net bevallen.", "name", "Selamawit Haile"),
        # after "met", a word that no word list holds
        ("Morgen een afspraak met Mulugeta over de baby.", "name", "Mulugeta"),
        # a lower-case surname with particles after "fam", even when it is a word too
        ("het gaat om fam van den bosch uit oost", "name", "van den bosch"),
        # e-mail written out with bracketed symbols, bare words or spaces round the "@"
        ("mail naar k.boateng[at]voorbeeld[.]nl", "email", "k.boateng[at]voorbeeld[.]nl"),
        ("mail naar k.boateng(@)voorbeeld(.)com", "email", "k.boateng(@)voorbeeld(.)com"),
        ("mail naar kboateng at voorbeeld dot nl", "email", "kboateng at voorbeeld dot nl"),
        ("mail naar kboateng @ voorbeeld . nl", "email", "kboateng @ voorbeeld . nl"),
        # a phone number with a space between every digit, and a foreign number
        ("haar nummer: 0 6 1 2 3 4 5 6 7 8, bel gerust", "phone", "0 6 1 2 3 4 5 6 7 8"),
        ("Oma in Ghana belt via +233 24 123 4567 elke dag.", "phone", "+233 24 123 4567"),
        ("Zijn Poolse nummer is 0048 512 345 678.", "phone", "0048 512 345 678"),
        # an account name after its platform, without an "@"
        ("Ze staat op TikTok als mama_mila_020 met filmpjes.", "url", "mama_mila_020"),
        ("Insta: lisa.vd.berg voor de foto's", "url", "lisa.vd.berg"),
        # a street name with years in it and "nr" before the number
        ("Het gezin woont op Plein '40-'45 nr 12 in West.", "address", "Plein '40-'45 nr 12"),
        ("Ze wonen aan Laan 1940-1945 no. 7 in Noord.", "address", "Laan 1940-1945 no. 7"),
        # a role in a named congregation
        (
            "Vader is voorganger van de Pinkstergemeente Sion in Zuidoost.",
            "rare_detail",
            "voorganger van de Pinkstergemeente Sion in Zuidoost",
        ),
        ("Opa is pastor van de Eritrese kerk in Noord.", "rare_detail", "pastor van de Eritrese kerk in Noord"),
    ],
)
def test_more_kinds_of_identifiers_are_found(text: str, kind: str, shown: str) -> None:
    assert (kind, shown) in {(f.kind, f.text) for f in check(text)}


@pytest.mark.parametrize(
    "text",
    [
        # public service lines are an organisation's number, not a person's
        "Bel de Kindertelefoon op 0800-0432 of de Rijksoverheid op 0900-1234.",
        # an approximate day without a year narrows nothing down
        "Bevalling verwacht rond 25 december, wie kan de kraamzorg regelen?",
        "De baby is uitgerekend omstreeks 3 maart.",
        # national knowledge centres that professionals cite
        "Lareb zegt dat het kan, het RIVM ook.",
        # ordinary words after a platform, numbers in sums and scores, and words after "met"
        "Ik zag het op Instagram als reclame voor de GGD.",
        "De zwangerschap is 30+2 weken en de score was 00 42.",
        "Ik werk veel met Excel en met Zoom.",
        "Ouders (beiden 30) en de ouders (Marokkaans) willen hulp.",
    ],
)
def test_text_like_the_newest_rules_is_not_flagged(text: str) -> None:
    assert check(text) == []


def test_the_phrase_index_finds_what_the_alternation_regex_found() -> None:
    """The allow-list's dictionary lookup behaves as the regular expression it replaced."""
    import re

    from kansrijk.vraagbaak.anonymity.allowlist import Phrases

    phrases = ["GGD", "GGD Amsterdam", "St. Jan", "Jan-Willem", "Noord  Oost", "(VVE) Noord", "Buurtteam", "de"]
    cleaned = sorted({p.strip() for p in phrases}, key=lambda p: (-len(p), p))
    body = "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in cleaned)
    regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    index = Phrases(phrases)
    words = ["GGD", "ggd", "Amsterdam", "St.", "Jan", "Jan-Willem", "Noord", "Oost", "(VVE)", "de", "x", "Buurtteams"]
    for combination in itertools.product(words, repeat=3):
        for glue in (" ", "  ", "\n", "-", ""):
            text = glue.join(combination)
            assert index.spans(text) == [(m.start(), m.end()) for m in regex.finditer(text)], text


def test_word_counts_are_cached_on_disk_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kansrijk.vraagbaak.anonymity import diskcache, lexicon

    monkeypatch.setattr(diskcache, "folder", lambda: tmp_path)
    built = dict(lexicon._word_counts.__wrapped__("en"))  # builds and writes the cache file
    files = list(tmp_path.glob("word-counts-en-*.marshal"))
    assert len(files) == 1
    assert dict(lexicon._word_counts.__wrapped__("en")) == built  # read back from the file
    assert built["the"] > 1_000_000


def test_a_sorted_trie_answers_as_deduces_lookup_trie() -> None:
    """deduce's large tries are loaded as sorted phrases (anonymity.tries): the same longest matches."""
    from docdeid.ds.lookup import LookupTrie
    from docdeid.str.processor import LowercaseString

    from kansrijk.vraagbaak.anonymity import tries

    trie = LookupTrie(matching_pipeline=[LowercaseString()])
    phrases = [["jan", "steen", "straat"], ["jan"], ["jan", "steen"], ["de", "kade"], ["de"], ["a-b", "c"], ["ab"]]
    for phrase in phrases:
        trie.add_item(phrase)
    flat = tries.from_trie(trie)
    assert flat is not None
    assert set(flat.children) == set(trie.children)
    words = ["Jan", "jan", "Steen", "straat", "De", "kade", "a-b", "c", "ab", "x", "", "jan steen"]
    for item in itertools.product(words, repeat=3):
        for start in range(3):
            assert flat.longest_matching_prefix(list(item), start_i=start) == trie.longest_matching_prefix(
                list(item), start_i=start
            ), item
    assert ["de", "kade"] in flat and ["de", "ka"] not in flat


# Kinds from the seventh evaluator's set (now a regression set): each rule with what it finds and what it
# leaves alone. The texts here are new; they are not the set's texts.
@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        # a specific job at a named employer, with where it is
        (
            "Vader werkt als nachtportier bij het Krasnapolsky aan de Dam en slaapt overdag.",
            "rare_detail",
            "nachtportier bij het Krasnapolsky aan de Dam",
        ),
        (
            "Moeder is vakkenvuller in de avondploeg bij het Hoogvliet-distributiecentrum in Westpoort.",
            "rare_detail",
            "vakkenvuller in de avondploeg bij het Hoogvliet-distributiecentrum in Westpoort",
        ),
        (
            "Hij werkt als afwasser bij restaurant De Blauwe Lotus op de Nieuwmarkt.",
            "rare_detail",
            "afwasser bij restaurant De Blauwe Lotus op de Nieuwmarkt",
        ),
        ("Father works as a barista at Coffee Corner in Oost.", "rare_detail", "barista at Coffee Corner in Oost"),
        # a class at a named school
        ("Ze zit in klas 3C van het Hervormd Lyceum en is zwanger.", "rare_detail", "klas 3C van het Hervormd Lyceum"),
        ("Zijn zus zit in groep 7 van De Zonnewijzer.", "rare_detail", "groep 7 van De Zonnewijzer"),
        ("Ze zit in 4 havo op het Barlaeus.", "rare_detail", "4 havo op het Barlaeus"),
        # the only one of a kind in a building or street, and a national title
        (
            "Het is de enige Amhaars-sprekende familie in het trappenhuis.",
            "rare_detail",
            "de enige Amhaars-sprekende familie in het trappenhuis",
        ),
        (
            "Zij is als enige gesluierde vrouw op de galerij bekend.",
            "rare_detail",
            "als enige gesluierde vrouw op de galerij",
        ),
        ("Haar team werd vorig jaar landskampioen handbal.", "rare_detail", "landskampioen handbal"),
        ("Vader was Nederlands kampioen kickboksen.", "rare_detail", "Nederlands kampioen kickboksen"),
        # a phone number partly in words
        ("Haar nummer is nul zes 12 34 56 78, bel na vijven.", "phone", "nul zes 12 34 56 78"),
        ("Het nummer: nul twintig... nee: nul zes een twee 34 56 78, graag.", "phone", "nul zes een twee 34 56 78"),
        # a postcode with a dash
        ("Ze wonen in 1093-KL, vlak bij het park.", "postcode", "1093-KL"),
        # a surname alone with its particle capitalised
        ("Van Dijken, de vader, neemt niet op.", "name", "Van Dijken"),
        ("Ik heb Van der Kolk gisteren gesproken.", "name", "Van der Kolk"),
        ("Het gaat om de Van Rooijens uit Oost.", "name", "Van Rooijens"),
        # a name with a nickname in quotes
        ("Iedereen noemt hem Raoul 'Rocky' Brunings.", "name", "Raoul 'Rocky' Brunings"),
        ('Het gaat om Tanisha "Tee" Sabajo.', "name", 'Tanisha "Tee" Sabajo'),
        # a case number of letters, a team letter and digit groups
        ("Hij staat bij de ggz onder patiëntnummer ACT-N 31-07-552.", "case_number", "ACT-N 31-07-552"),
        # an account name without "@" after its platform
        ("Ze zit op insta, haar account is mama_ravi_020.", "url", "mama_ravi_020"),
        ("Contact via Telegram, her ID is lotus88amsterdam.", "url", "lotus88amsterdam"),
    ],
)
def test_identifying_context_is_found(text: str, kind: str, shown: str) -> None:
    assert (kind, shown) in {(f.kind, f.text) for f in check(text)}


@pytest.mark.parametrize(
    "text",
    [
        # a job without a named employer, an employer without a job, the asker's own job, a big allowed employer
        "Vader werkt als nachtportier en moeder werkt in de zorg.",
        "Moeder werkt bij een supermarkt en vader werkt bij Schiphol.",
        "Ik werk als jeugdverpleegkundige bij de GGD in Noord.",
        "Moeder werkt als vakkenvuller bij Albert Heijn.",
        # a class without a named school, a group that is no class
        "Moeder zit in de 3e klas van het vmbo en is 30 weken zwanger.",
        "Vader zit in groep 3 van het inburgeringstraject.",
        # "the only" without a place, and the only way
        "Ze is de enige die nog Tigrinya spreekt in huis.",
        "Dat is de enige manier op de afdeling.",
        # a follower count on its own is no public role
        "Ze heeft 40k volgers op TikTok.",
        # numbers in words that are no phone number
        "Ze heeft een dochter van twee en een zoon van vijf, de baby is 6 weken.",
        # a particle before a place or an organisation, a street
        "Ze verhuist naar Ter Apel en daarna naar De Meern.",
        "Moeder woont aan de Van Woustraat in de Pijp.",
        # a quotation that is no nickname, and a dash between a year and a code
        "Moeder zei 'Nee' Daarna ging ze weg.",
        "De regeling 2024-VT geldt nog.",
        # words with digits without a platform nearby, and a platform without an account
        "Het gaat om een baby met een B12-tekort en moeder leest alles op Instagram.",
        "Via WhatsApp stuurde ze een foto, de covid19 test was negatief.",
        # a title as a figure of speech, or without a sport
        "Ze zegt dat ze wereldkampioen in zorgen maken is.",
        "Vader keek het WK, maar Oranje werd geen wereldkampioen.",
        # an eponym that JGZ uses every day, a chain without a branch, a care organisation
        "We doen de Van Wiechen en de hielprik op het consultatiebureau.",
        "Moeder werkt als verkoopster bij de Hema en heeft wisselende diensten.",
        "Moeder werkt als receptioniste bij Stichting Nidos.",
    ],
)
def test_ordinary_context_is_not_flagged(text: str) -> None:
    assert check(text) == []
