"""Understanding questions in plain words, against the real taxonomy and gebiedsindeling files."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from kansrijk.kaart.tests.vocabulary_files import vocabulary_from_files
from kansrijk.kaart.understanding import (
    MAX_QUERY_CHARS,
    Chip,
    LanguageName,
    Place,
    Term,
    Understood,
    Vocabulary,
    understand,
    without,
)
from kansrijk.kaart.understanding.tokens import phrase_key, tokenize


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return vocabulary_from_files()


def _check(understood: Understood, expected: dict[str, Any]) -> None:
    actual = {name: getattr(understood, name) for name in expected}
    assert actual == expected, understood


# --- Places --------------------------------------------------------------------------------------

PLACES = [
    # stadsdelen in common spellings and case
    ("Nieuw-West", ("F",), ()),
    ("nieuw west", ("F",), ()),
    ("Nieuwwest", ("F",), ()),
    ("NIEUW-WEST", ("F",), ()),
    ("Zuidoost", ("T",), ()),
    ("Zuid-Oost", ("T",), ()),
    ("zuid oost", ("T",), ()),
    ("Amsterdam-Noord", ("N",), ()),
    ("Noord", ("N",), ()),
    ("Centrum", ("A",), ()),
    ("Oost", ("M",), ()),
    ("West", ("E",), ()),
    ("Zuid", ("K",), ()),
    ("Weesp", ("S",), ()),
    ("Driemond", ("S",), ("GS25",)),
    ("in West", ("E",), ()),
    ("Amsterdam West", ("E",), ()),
    ("opvoedhulp in het centrum", ("A",), ()),
    ("babyspullen in Noord of Oost", ("N", "M"), ()),
    # gebieden, also parts of names with a comma
    ("Osdorp", ("F",), ("GF08",)),
    ("Slotervaart", ("F",), ("GF10",)),
    ("De Pijp", ("K",), ("GK13",)),
    ("Bos en Lommer", ("E",), ("GE04",)),
    ("Bos & Lommer", ("E",), ("GE04",)),
    ("Geuzenveld", ("F",), ("GF07",)),
    ("Slotermeer", ("F",), ("GF07",)),
    ("Geuzenveld-Slotermeer", ("F",), ("GF07",)),
    ("IJburg", ("M",), ("GM17",)),
    ("Bijlmer-Oost", ("T",), ("GT23",)),
    ("Gaasperdam", ("T",), ("GT24",)),
    ("Oud-Noord", ("N",), ("GN19",)),
    ("Westerpark", ("E",), ("GE03",)),
    ("Indische Buurt", ("M",), ("GM15",)),
    # popular names and wijken
    ("de Bijlmer", ("T",), ()),
    ("Bijlmer", ("T",), ()),
    ("de Jordaan", ("A",), ("GA01",)),
    ("Venserpolder", ("T",), ("GT22",)),
    ("Buikslotermeer", ("N",), ("GN20",)),
    ("Kolenkit", ("E",), ("GE04",)),
    ("Osdorp-Oost", ("F",), ("GF08",)),
    ("Zuidoost-Amsterdam", ("T",), ()),
    ("gratis luiers Noord en Oost", ("N", "M"), ()),
    # postcodes
    ("1064", ("F",), ("GF07",)),
    ("1064 AB", ("F",), ("GF07",)),
    ("1064AB", ("F",), ("GF07",)),
    ("ik woon op 1102 XX", ("T",), ("GT22",)),
    ("Weesp 1382", ("S",), ("GS25",)),
]


@pytest.mark.parametrize(("query", "stadsdelen", "gebieden"), PLACES, ids=[case[0] for case in PLACES])
def test_places(vocabulary, query, stadsdelen, gebieden):
    _check(understand(query, vocabulary), {"stadsdelen": stadsdelen, "gebieden": gebieden})


NOT_PLACES = [
    "20 weken",
    "2026",
    "1041",  # Westpoort only: not in the lookup
    "ik heb 1064 euro schuld",
    "Noord-Holland",
    "familie in Noord-Holland",
    "hulp in Zuid-Afrika",
    "Zuid Afrika",
    "Oost-Europese moeders",
    "Oostenrijk",
    "gezondheidscentrum",
    "buurtcentrum",
    "Centrum voor Jeugd en Gezin",
    "ik zoek hulp bij het Centrum voor Jeugd en Gezin",
    "ik zoek een centrum voor moeders",
    "in West-Afrika geboren",
    "westers",
    "babyspullen noord gratis",  # no cue, not capitalised, not at the end
]


@pytest.mark.parametrize("query", NOT_PLACES)
def test_words_that_are_no_places(vocabulary, query):
    _check(understand(query, vocabulary), {"stadsdelen": (), "gebieden": ()})


def test_longest_place_match_wins(vocabulary):
    assert understand("Zuidoost", vocabulary).chips == (Chip("place", "T", "Zuidoost"),)
    assert understand("in Nieuw-West", vocabulary).chips == (Chip("place", "F", "Nieuw-West"),)
    westerpark = understand("gratis spullen Westerpark", vocabulary)
    assert [chip.value for chip in westerpark.chips if chip.kind == "place"] == ["GE03"]


def test_a_place_word_that_is_not_a_place_stays_for_text_ranking(vocabulary):
    understood = understand("buurtcentrum in Oost", vocabulary)
    assert understood.stadsdelen == ("M",)
    assert understood.remaining == "buurtcentrum"
    assert understand("Centrum voor Jeugd en Gezin", vocabulary).remaining == "centrum jeugd gezin"


# --- Needs ---------------------------------------------------------------------------------------

NEEDS = [
    ("geen geld", ("geldzorgen-en-schulden",)),
    ("ik heb schulden", ("geldzorgen-en-schulden",)),
    ("spullen voor de baby", ("babyspullen",)),
    ("kinderwagen", ("babyspullen",)),
    ("Kinderwagens en wiegjes", ("babyspullen",)),
    ("luiers", ("babyspullen",)),
    ("ik ben zwanger", ("zwangerschap",)),
    ("borstvoeding", ("voeding-en-borstvoeding",)),
    ("Nederlands leren", ("taal-en-lezen",)),
    ("Nederlandse les", ("taal-en-lezen",)),
    ("taalcafé", ("taal-en-lezen",)),
    ("stoppen met roken", ("roken-alcohol-en-drugs",)),
    ("vadergroep", ("vaders",)),
    ("voedselbank", ("eten-en-boodschappen",)),
    ("huiselijk geweld", ("veiligheid-en-huiselijk-geweld",)),
    ("mijn baby drinkt slecht", ("voeding-en-borstvoeding",)),
    ("schulden en een kinderwagen", ("geldzorgen-en-schulden", "babyspullen")),
    ("kinderwagen en schulden", ("babyspullen", "geldzorgen-en-schulden")),
    ("ik ben alleen en eenzaam", ("contact-met-andere-ouders",)),
    ("heb ik recht op kinderbijslag", ("regelingen-en-toeslagen",)),
    ("postnatale depressie", ("stress-en-psychische-klachten",)),
    ("I need a food bank", ("eten-en-boodschappen",)),
    ("help with debts", ("geldzorgen-en-schulden",)),
    # ordinary words that must not trigger a need
    ("Ik woon in Noord", ()),
    ("alleen in het Engels", ()),
    ("ik voel me schuldig", ()),
    ("werkende moeder", ()),
    ("in West-Afrika geboren", ()),
    ("de ouderen", ()),
    ("het mag geen geld kosten", ()),
]


@pytest.mark.parametrize(("query", "categories"), NEEDS, ids=[case[0] for case in NEEDS])
def test_needs(vocabulary, query, categories):
    _check(understand(query, vocabulary), {"categories": categories})


# --- Cost ----------------------------------------------------------------------------------------

COST = [
    ("gratis", True),
    ("Gratis babyspullen", True),
    ("kosteloos", True),
    ("kost niks", True),
    ("kost niets", True),
    ("voor niks", True),
    ("zonder kosten", True),
    ("het mag geen geld kosten", True),
    ("free", True),
    ("baby clothes for free", True),
    ("geen geld", None),
    ("betaald", None),
    ("mag wat kosten", None),
    ("niet gratis", None),
    ("smoke-free", None),
]


@pytest.mark.parametrize(("query", "free"), COST, ids=[case[0] for case in COST])
def test_cost(vocabulary, query, free):
    _check(understand(query, vocabulary), {"free": free})


# --- Languages -----------------------------------------------------------------------------------

LANGUAGES = [
    ("iemand die Arabisch spreekt", ("ar",)),
    ("in het Turks", ("tr",)),
    ("Engelstalig", ("en",)),
    ("Engelstalige verloskundige", ("en",)),
    ("spreekt Engels", ("en",)),
    ("Arabic speaking", ("ar",)),
    ("help in English", ("en",)),
    ("hulp in het Pools", ("pl",)),
    ("Tigrinya", ("ti",)),
    ("hulp in het Oekraïens", ("uk",)),
    ("in het Nederlands", ("nl",)),
    ("Nederlandstalig", ("nl",)),
    ("Marokkaans-Arabisch", ("ar",)),
    ("spreekt Marokkaans", ("ar",)),
    ("ik spreek geen Nederlands, wel Arabisch", ("ar",)),
    ("Nederlands", ()),
    ("Nederlands leren", ()),
    ("Nederlandse les", ()),
    ("learn Dutch", ()),
    ("Marokkaans", ()),
    ("Marokkaanse moeder", ()),
    ("spreekt geen Engels", ()),
]


@pytest.mark.parametrize(("query", "languages"), LANGUAGES, ids=[case[0] for case in LANGUAGES])
def test_languages(vocabulary, query, languages):
    _check(understand(query, vocabulary), {"languages": languages})


# --- Phase and age -------------------------------------------------------------------------------

AFTER = "na-de-geboorte"
PREGNANT = "zwangerschap-en-bevalling"
BEFORE = "voor-de-zwangerschap"

PHASES = [
    ("baby van 3 maanden", AFTER, 3, None),
    ("baby van drie maanden", AFTER, 3, None),
    ("mijn zoon is 8 maanden", AFTER, 8, None),
    ("dochter van 1 jaar", AFTER, 12, None),
    ("dochter van 1,5 jaar", AFTER, 18, None),
    ("peuter van anderhalf", AFTER, 18, None),
    ("mijn kind is tweeënhalf jaar", AFTER, 30, None),
    ("mijn zoon is 3 jaar", AFTER, 36, None),  # older than 24 months: still after birth
    ("baby van 6 weken", AFTER, 1, None),
    ("pasgeboren", AFTER, None, None),
    ("net bevallen", AFTER, None, None),
    ("my baby is 3 months", AFTER, 3, None),
    ("20 weken zwanger", PREGNANT, None, 20),
    ("zwanger van 30 weken", PREGNANT, None, 30),
    ("week 12 van de zwangerschap", PREGNANT, None, 12),
    ("ik ben 12 weken", PREGNANT, None, 12),
    ("ik ben 5 maanden zwanger", PREGNANT, None, 22),
    ("ik ben zwanger", PREGNANT, None, None),
    ("20 weeks pregnant", PREGNANT, None, 20),
    ("I am pregnant", PREGNANT, None, None),
    ("spullen voor de baby, ik ben 30 weken zwanger", PREGNANT, None, 30),
    ("kinderwens", BEFORE, None, None),
    ("zwanger worden", BEFORE, None, None),
    ("wil zwanger worden", BEFORE, None, None),
    ("trying to get pregnant", BEFORE, None, None),
    ("spullen voor de baby", None, None, None),  # "baby" inside a need says nothing about the phase
    ("20 weken", None, None, None),
    ("ik ben 25 jaar", None, None, None),
]


@pytest.mark.parametrize(("query", "phase", "months", "weeks"), PHASES, ids=[case[0] for case in PHASES])
def test_phase_and_age(vocabulary, query, phase, months, weeks):
    _check(
        understand(query, vocabulary),
        {"phase": phase, "child_age_months": months, "pregnancy_weeks": weeks},
    )


# --- Target groups -------------------------------------------------------------------------------

TARGET_GROUPS = [
    ("vader", ("vaders",)),
    ("alleenstaande moeder", ("alleenstaande-ouders",)),
    ("tienermoeder", ("jonge-ouders",)),
    ("ik ben 19 en zwanger", ("jonge-ouders",)),
    ("zonder papieren", ("ongedocumenteerden",)),
    ("andere ouders ontmoeten", ()),  # the default audience does not count inside a need
]


@pytest.mark.parametrize(("query", "target_groups"), TARGET_GROUPS, ids=[case[0] for case in TARGET_GROUPS])
def test_target_groups(vocabulary, query, target_groups):
    _check(understand(query, vocabulary), {"target_groups": target_groups})


def test_a_word_may_mean_a_need_and_a_target_group(vocabulary):
    understood = understand("vader", vocabulary)
    assert understood.categories == ("vaders",)
    assert understood.target_groups == ("vaders",)
    zonder = understand("zonder papieren", vocabulary)
    assert zonder.categories == ("verblijfsstatus-en-juridisch",)


# --- Remaining words -----------------------------------------------------------------------------

REMAINING = [
    ("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen", ""),
    ("waar kan ik hulp krijgen bij huiselijk geweld", ""),
    ("iemand die Arabisch spreekt", ""),
    ("Mijn baby huilt veel en ik ben moe", "moe"),
    ("zwangerschapsyoga in Oost", "zwangerschapsyoga"),
    ("hulp aan huis bij borstvoeding", "huis"),
    ("Ik woon in Noord en zoek een speeltuin", "speeltuin"),
]


@pytest.mark.parametrize(("query", "remaining"), REMAINING, ids=[case[0] for case in REMAINING])
def test_remaining(vocabulary, query, remaining):
    _check(understand(query, vocabulary), {"remaining": remaining})


# --- Whole questions -----------------------------------------------------------------------------


def test_the_example_question(vocabulary):
    understood = understand("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen", vocabulary)
    assert understood == Understood(
        query="Ik zoek een organisatie in Nieuw-West voor gratis babyspullen",
        stadsdelen=("F",),
        gebieden=(),
        categories=("babyspullen",),
        free=True,
        languages=(),
        phase=None,
        child_age_months=None,
        pregnancy_weeks=None,
        target_groups=(),
        remaining="",
        chips=(
            Chip("place", "F", "Nieuw-West"),
            Chip("free", "true", "Gratis"),
            Chip("category", "babyspullen", "Babyspullen"),
        ),
        ranking_text="babyspullen",
    )


WHOLE = [
    (
        "Mijn vrouw is 32 weken zwanger en we wonen in Osdorp. Zoeken zwangerschapscursus in het Arabisch",
        {
            "stadsdelen": ("F",),
            "gebieden": ("GF08",),
            "categories": ("zwangerschap",),
            "languages": ("ar",),
            "phase": PREGNANT,
            "pregnancy_weeks": 32,
            "remaining": "vrouw",
        },
    ),
    (
        "where can I find a food bank in Zuidoost for free",
        {"stadsdelen": ("T",), "categories": ("eten-en-boodschappen",), "free": True, "remaining": ""},
    ),
    (
        "mijn baby van 4 maanden slaapt slecht, ik woon in 1102",
        {
            "stadsdelen": ("T",),
            "gebieden": ("GT22",),
            "categories": ("opvoeden-en-opgroeien",),
            "phase": AFTER,
            "child_age_months": 4,
        },
    ),
    (
        "hulp bij schulden voor een alleenstaande moeder in de Bijlmer",
        {
            "stadsdelen": ("T",),
            "categories": ("geldzorgen-en-schulden",),
            "target_groups": ("alleenstaande-ouders",),
            "remaining": "",
        },
    ),
    (
        "borstvoeding, Somalisch sprekend, Zuidoost, gratis",
        {"stadsdelen": ("T",), "categories": ("voeding-en-borstvoeding",), "languages": ("so",), "free": True},
    ),
    (
        "waar vind ik een lactatiekundige in IJburg die Engels spreekt",
        {"gebieden": ("GM17",), "categories": ("voeding-en-borstvoeding",), "languages": ("en",), "remaining": ""},
    ),
    (
        "my son is 1 year old and I need help with sleep",
        {"categories": ("opvoeden-en-opgroeien",), "phase": AFTER, "child_age_months": 12, "remaining": ""},
    ),
]


@pytest.mark.parametrize(("query", "expected"), WHOLE, ids=[case[0][:40] for case in WHOLE])
def test_whole_questions(vocabulary, query, expected):
    _check(understand(query, vocabulary), expected)


# --- Chips and removing them ---------------------------------------------------------------------


def test_chips_carry_dutch_labels_from_the_data(vocabulary):
    understood = understand("gratis babyspullen in Nieuw-West, baby van 3 maanden, in het Arabisch", vocabulary)
    assert [(chip.kind, chip.label) for chip in understood.chips] == [
        ("free", "Gratis"),
        ("category", "Babyspullen"),
        ("place", "Nieuw-West"),
        ("phase", "Na de geboorte (baby van 3 maanden)"),
        ("language", "Arabisch"),
    ]


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("20 weken zwanger", "Zwangerschap en bevalling (20 weken zwanger)"),
        ("dochter van 1 jaar", "Na de geboorte (kind van 1 jaar)"),
        ("peuter van anderhalf", "Na de geboorte (kind van anderhalf jaar)"),
        ("baby van 1 maand", "Na de geboorte (baby van 1 maand)"),
        ("kinderwens", "Voor de zwangerschap"),
    ],
)
def test_phase_chip_label_names_the_age(vocabulary, query, label):
    chips = [chip for chip in understand(query, vocabulary).chips if chip.kind == "phase"]
    assert [chip.label for chip in chips] == [label]


def test_postcode_chip_names_its_gebied(vocabulary):
    assert understand("1064AB", vocabulary).chips == (Chip("place", "1064", "1064 (Geuzenveld, Slotermeer)"),)


def test_without_a_place_recomputes_the_areas(vocabulary):
    understood = understand("babyspullen in Osdorp of Zuidoost", vocabulary)
    assert (understood.stadsdelen, understood.gebieden) == (("F", "T"), ("GF08",))
    fewer = without(understood, "place", "GF08", vocabulary)
    assert (fewer.stadsdelen, fewer.gebieden) == (("T",), ())
    assert [chip.value for chip in fewer.chips] == ["babyspullen", "T"]
    assert fewer.categories == ("babyspullen",)
    none_left = without(fewer, "place", "T", vocabulary)
    assert (none_left.stadsdelen, none_left.gebieden) == ((), ())


def test_without_each_kind(vocabulary):
    understood = understand(
        "gratis babyspullen in Noord voor een alleenstaande moeder, 20 weken zwanger, in het Turks", vocabulary
    )
    assert understood.free is True and understood.languages == ("tr",)
    assert without(understood, "free", "true", vocabulary).free is None
    assert without(understood, "category", "babyspullen", vocabulary).categories == ("zwangerschap",)
    assert without(understood, "language", "tr", vocabulary).languages == ()
    assert without(understood, "target_group", "alleenstaande-ouders", vocabulary).target_groups == ()
    no_phase = without(understood, "phase", PREGNANT, vocabulary)
    assert (no_phase.phase, no_phase.pregnancy_weeks, no_phase.child_age_months) == (None, None, None)
    assert "phase" not in {chip.kind for chip in no_phase.chips}
    assert no_phase.remaining == understood.remaining  # removing a filter broadens, it adds no words


def test_without_an_unknown_chip_changes_nothing(vocabulary):
    understood = understand("gratis babyspullen", vocabulary)
    assert without(understood, "place", "F", vocabulary) is understood
    assert without(understood, "nonsense", "x", vocabulary) is understood


# --- Robustness and speed ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\n\t",
        "!!!???...",
        "🍼🍼🍼",
        "😀 gratis!!! luiers??? 😀",
        "\uff21\uff22\uff23 \uff11\uff10\uff16\uff14",  # full-width letters and digits
        "'s 't &&& --",
        "0",
        "1,2,3",
        "9" * 400,
        "ik ben " + "9" * 400 + " jaar",
        "baby van " + "1" * 300 + ",5 maanden",
    ],
)
def test_odd_input_never_raises(vocabulary, query):
    understood = understand(query, vocabulary)
    assert understood.query == query.strip()


def test_emoji_and_punctuation_do_not_hide_words(vocabulary):
    _check(understand("🍼 GRATIS!!! luiers??? 😀", vocabulary), {"free": True, "categories": ("babyspullen",)})


def test_long_input_is_capped(vocabulary):
    understood = understand("gratis babyspullen in Nieuw-West " * 100, vocabulary)
    assert len(understood.query) <= MAX_QUERY_CHARS
    assert understood.stadsdelen == ("F",) and understood.free is True


def test_random_input_never_raises(vocabulary):
    generator = random.Random(20261123)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 -,.'&/()€éëïĳ🍼\u200b\u0301"
    words = ["noord", "West", "1064", "weken", "zwanger", "gratis", "van", "jaar", "in", "het", "baby", "en", "een"]
    for _ in range(500):
        chars = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 60)))
        mixed = " ".join(generator.choice(words) for _ in range(generator.randint(0, 12)))
        for query in (chars, mixed, chars + " " + mixed):
            assert isinstance(understand(query, vocabulary), Understood)


def test_understanding_is_fast(vocabulary):
    queries = [case[0] for case in PLACES + NEEDS + LANGUAGES + PHASES][:50]
    repeats = 1000 // len(queries)
    started = time.perf_counter()
    for _ in range(repeats):
        for query in queries:
            understand(query, vocabulary)
    per_query = (time.perf_counter() - started) / (repeats * len(queries))
    assert per_query < 0.005  # measured around 0.1 ms; 5 ms is the budget


# --- The vocabulary ------------------------------------------------------------------------------


def test_vocabulary_from_files_holds_all_areas_and_terms(vocabulary):
    kinds = [place.kind for place in vocabulary.places]
    assert (kinds.count("stadsdeel"), kinds.count("gebied"), kinds.count("wijk")) == (8, 25, 108)
    assert len(vocabulary.postcodes) == 81
    assert sum(1 for taxonomy, _ in vocabulary.terms if taxonomy == "hulpvraag") == 20
    assert sum(1 for taxonomy, _ in vocabulary.terms if taxonomy == "fase") == 3
    assert vocabulary.language("ti") is not None
    assert vocabulary.place("AB") == Place("wijk", "AB", "Jordaan", "A", "GA01")


def test_tokenize_normalises_case_accents_and_hyphens():
    assert [token.text for token in tokenize("Taalcafe\u0301 in Nieuw-West, \u2019s avonds!")] == [
        "taalcafe",
        "in",
        "nieuw",
        "west",
        "s",
        "avonds",
    ]
    assert phrase_key("Oekraïens") == "oekraiens"
    assert phrase_key("1064AB") == "1064 ab"


def test_vocabulary_can_be_built_from_other_data():
    """The caller builds the vocabulary from the database: no data file is needed."""
    stadsdeel = Place("stadsdeel", "X", "Havenstad", "X", None)
    vocabulary = Vocabulary(
        places=[stadsdeel],
        postcodes={"1999": Place("postcode", "1999", "1999", "X", None)},
        terms=[Term("hulpvraag", "fietsen", "Fietsen", "Cycling", ("fietsles", "bakfiets"))],
        languages=[LanguageName("fy", "Fries", "Frisian", ("fries", "frysk"))],
    )
    understood = understand("fietsles in Havenstad, in het Fries, postcode 1999", vocabulary)
    assert understood.stadsdelen == ("X",)
    assert understood.categories == ("fietsen",)
    assert understood.languages == ("fy",)
    assert understood.phase is None and understood.remaining == "postcode"


@pytest.mark.parametrize(
    ("query", "ranking_text"),
    [
        ("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen", "babyspullen"),
        ("iemand die Arabisch spreekt voor hulp bij schulden in 1064", "schulden"),
        ("gratis in Noord", ""),
        ("kinderwagen nodig", "kinderwagen nodig"),
    ],
)
def test_ranking_text_keeps_the_need_and_drops_what_only_filters(vocabulary, query, ranking_text):
    assert understand(query, vocabulary).ranking_text == ranking_text
