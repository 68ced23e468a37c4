"""The B1 checker: syllables, sentences, each kind of flag, and calibration on realistic service descriptions."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.utils import translation

from kansrijk.kaart import readability
from kansrijk.kaart.readability import (
    LEVEL_ABOVE_B1,
    LEVEL_B1,
    LEVEL_HARD,
    check_text,
    count_syllables,
    split_sentences,
)

# Plain service descriptions, written after the B1 guidelines: these must pass.
PLAIN_TEXTS = [
    "Heb je weinig geld? Bij de Babybank krijg je gratis kleding en spullen voor je baby. "
    "Je hebt een verwijzing nodig van bijvoorbeeld het Ouder- en Kindteam.",
    "Ben je zwanger? De verloskundige helpt je tijdens je zwangerschap en bij de bevalling. "
    "Je kunt haar altijd bellen. Ook 's nachts. Je hebt geen verwijzing nodig van de huisarts.",
    "Op het consultatiebureau kijken we hoe je kind groeit. Je krijgt ook advies over eten, slapen en opvoeden. "
    "Je baby krijgt hier de prikken. Kom je voor het eerst? Dan krijg je een brief met een afspraak. "
    "Bel ons als je vragen hebt: 020 555 5555.",
    "Wil je beter Nederlands leren? Kom naar het Taalcafé in de bibliotheek. "
    "We praten samen over je kind, school en de buurt. Je kind mag mee. Er is speelgoed. Het is gratis. "
    "Elke dinsdag van 9.30 tot 11.30 uur. Je hoeft je niet aan te melden.",
    "Na de bevalling komt de kraamverzorgende bij je thuis. Zij helpt je met borstvoeding of de fles. "
    "Ze let op jou en je baby. Meld je vóór week 16 van je zwangerschap aan. "
    "Dat kan op www.kraamzorg-amsterdam.nl of via 0800-1234.",
    "Heb je geldzorgen?\n"
    "- Je kunt gratis hulp krijgen bij het Buurtteam.\n"
    "- Samen maken we een plan.\n"
    "- We helpen je ook met brieven van de gemeente.\n"
    "Loop binnen op maandag of donderdag tussen 13.00 en 16.00 uur.",
]

# Officialese and professional jargon about the same kind of help: these must not pass.
OFFICIALESE_TEXTS = [
    "Indien u woonachtig bent in het stadsdeel en in aanmerking wenst te komen voor ondersteuning middels de "
    "inkomensondersteuningsregeling, dient u teneinde een beschikking te verkrijgen een aanvraag in te dienen.",
    "Het Ouder- en Kindteam biedt ondersteuning aan de doelgroep van zwangeren en ouders met kinderen tot 18 jaar "
    "in het kader van preventieve jeugdgezondheidszorg. Toeleiding geschiedt via ketenpartners na signalering van "
    "psychosociale problematiek. Een multidisciplinaire intake vindt plaats alvorens een passend traject wordt "
    "ingezet.",
    "Cliënten die reeds een indicatie hebben verkregen, dienen zich ten behoeve van de continuïteit van zorg tijdig "
    "te melden bij de casemanager, teneinde de verstrekking van de voorzieningen conform de beschikking te "
    "waarborgen.",
    "Voor informatie over de mogelijkheden van financiële ondersteuning bij de aanschaf van babyuitzetartikelen "
    "kunt u zich wenden tot de medewerkers van het wijkcentrum. Zij beoordelen uw aanvraag op basis van de "
    "geldende criteria en informeren u over de uitkomst van de beoordeling.",
]


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    with translation.override("nl"):
        yield


def kinds(text: str) -> list[str]:
    return [flag.kind for flag in check_text(text).flags]


def words(count: int) -> str:
    """A plain sentence of exactly count words."""
    return " ".join(["kom"] * count) + "."


# --- syllables -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("je", 1),
        ("baby", 2),
        ("ouder", 2),
        ("zwangerschap", 3),
        ("verloskundige", 5),
        ("consultatiebureau", 6),
        ("inkomensondersteuningsregeling", 10),
        ("koeien", 2),
        ("bureau", 2),
        ("radio", 3),
        ("ideeën", 3),
        ("geïnteresseerd", 5),
        ("e-mailadres", 4),
        ("Baby.", 2),
    ],
)
def test_count_syllables_of_dutch_words(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    "token",
    [
        "",
        "09.00",
        "9.30-11.30",
        "020-5551234",
        "info@babybank.nl",
        "https://www.babybank.nl/aanmelden",
        "t/m",
        "GGD",
        "bijv",
    ],
)
def test_numbers_addresses_and_abbreviations_have_no_syllables(token: str) -> None:
    assert count_syllables(token) == 0


# --- sentences -------------------------------------------------------------------------------


def test_split_on_full_stop_question_and_exclamation_mark() -> None:
    text = "Heb je vragen? Bel ons! Of kom langs. Wij helpen je graag."
    assert split_sentences(text) == ["Heb je vragen?", "Bel ons!", "Of kom langs.", "Wij helpen je graag."]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Neem bijv. een boek mee. Er zijn o.a. spelletjes en ca. 10 boeken. Dhr. Jansen en J. de Vries helpen je."
    assert split_sentences(text) == [
        "Neem bijv. een boek mee.",
        "Er zijn o.a. spelletjes en ca. 10 boeken.",
        "Dhr. Jansen en J. de Vries helpen je.",
    ]


def test_times_and_day_ranges_do_not_end_a_sentence() -> None:
    text = "Open ma. t/m vr. van 09.00 tot 17.00 uur. Kom gerust langs."
    assert split_sentences(text) == ["Open ma. t/m vr. van 09.00 tot 17.00 uur.", "Kom gerust langs."]


def test_list_items_and_line_breaks_are_sentences_without_bullets() -> None:
    text = "Wat krijg je?\n- kleding\n* een bedje\n• luiers\n1. een kinderwagen\n\nKom langs"
    assert split_sentences(text) == ["Wat krijg je?", "kleding", "een bedje", "luiers", "een kinderwagen", "Kom langs"]


def test_web_and_email_addresses_stay_whole() -> None:
    text = "Kijk op www.babybank.nl. Of mail naar info@babybank.nl! Meer op https://kansrijk.amsterdam/kaart?wijk=3."
    assert split_sentences(text) == [
        "Kijk op www.babybank.nl.",
        "Of mail naar info@babybank.nl!",
        "Meer op https://kansrijk.amsterdam/kaart?wijk=3.",
    ]


def test_abbreviation_that_ends_a_list_can_end_a_sentence() -> None:
    assert split_sentences("Je krijgt kleding, speelgoed enz. Kom gerust langs.") == [
        "Je krijgt kleding, speelgoed enz.",
        "Kom gerust langs.",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n - \n\n") == []


# --- report ----------------------------------------------------------------------------------


def test_empty_text_gives_an_empty_report() -> None:
    report = check_text("")
    assert (report.sentences, report.words, report.average_sentence_length, report.flags) == (0, 0, 0.0, ())
    assert report.level == LEVEL_B1
    assert report.ok


def test_counts_words_and_sentences() -> None:
    report = check_text(PLAIN_TEXTS[0])
    assert (report.sentences, report.words, report.average_sentence_length) == (3, 27, 9.0)


def test_score_is_flesch_douma() -> None:
    # 5 words, 1 sentence, 9 syllables: wij hel-pen ou-ders met kin-de-ren.
    expected = 206.835 - 0.93 * 5 - 77 * 9 / 5
    assert check_text("Wij helpen ouders met kinderen.").score == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (100.0, LEVEL_B1),
        (60.0, LEVEL_B1),
        (59.9, LEVEL_ABOVE_B1),
        (45.0, LEVEL_ABOVE_B1),
        (44.9, LEVEL_HARD),
        (0, LEVEL_HARD),
    ],
)
def test_level_thresholds(score: float, level: str) -> None:
    assert readability._level(score) == level


def test_contact_details_and_opening_times_give_no_flags() -> None:
    text = (
        "Bel 020 - 555 12 34 of +31 6 1234 5678. Mail naar info@ouderenkindteam.nl. "
        "Kijk op https://www.oktamsterdam.nl/aanmelden?wijk=oost. Open ma. t/m vr. van 09.00 - 17.00 uur."
    )
    report = check_text(text)
    assert report.flags == ()
    assert report.ok


def test_flags_are_ordered_and_point_into_the_text() -> None:
    text = OFFICIALESE_TEXTS[0]
    flags = check_text(text).flags
    assert [flag.start for flag in flags] == sorted(flag.start for flag in flags)
    assert all(text[flag.start : flag.start + len(flag.text)] == flag.text for flag in flags)


# --- long sentences --------------------------------------------------------------------------


def test_sentence_of_15_words_is_fine() -> None:
    assert "long_sentence" not in kinds(words(15))


def test_sentence_of_16_to_20_words_gets_advice() -> None:
    (flag,) = check_text(words(17)).flags
    assert (flag.kind, flag.serious) == ("long_sentence", False)
    assert flag.message == "Deze zin heeft 17 woorden. Kan de zin korter? Liever niet meer dan 15 woorden."
    assert check_text(words(17)).ok


def test_sentence_of_more_than_20_words_is_serious() -> None:
    text = "Hallo. " + words(24)
    (flag,) = check_text(text).flags
    assert (flag.kind, flag.serious, flag.start) == ("long_sentence", True, 7)
    assert flag.message == "Deze zin heeft 24 woorden. Maak er twee zinnen van (liever niet meer dan 15 woorden)."
    assert not check_text(text).ok


# --- long words ------------------------------------------------------------------------------


def test_long_officialese_word_is_flagged() -> None:
    (flag,) = check_text("Vraag de inkomensondersteuningsregeling aan.").flags
    assert (flag.kind, flag.text, flag.start, flag.serious) == ("long_word", "inkomensondersteuningsregeling", 9, False)
    assert "10 lettergrepen" in flag.message


def test_common_long_words_of_the_domain_are_not_flagged() -> None:
    text = (
        "De verloskundige en de verloskundigen van het consultatiebureau helpen je. "
        "Vraag kinderopvangtoeslag aan voor het kinderdagverblijf."
    )
    assert "long_word" not in kinds(text)


def test_names_in_a_sentence_are_not_flagged_as_long_words() -> None:
    assert kinds("Je kunt ook naar Stichting Vluchtelingenwerk gaan.") == []


# --- jargon ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "suggestion"),
    [
        ("Bel ons indien je vragen hebt.", "indien", "als"),
        ("Meld je aan middels het formulier.", "middels", "met"),
        ("Je hebt reeds een afspraak.", "reeds", "al"),
        ("Daar is thans een spreekuur.", "thans", "nu"),
        ("Derhalve is het gratis.", "Derhalve", "daarom"),
        ("Je krijgt eerst een intakegesprek.", "intakegesprek", "eerste gesprek"),
        ("Wij verstrekken luiers.", "verstrekken", "geven"),
        ("Dit is voor cliënten uit Oost.", "cliënten", "u of je"),
    ],
)
def test_jargon_has_a_plain_suggestion(text: str, found: str, suggestion: str) -> None:
    (flag,) = check_text(text).flags
    assert (flag.kind, flag.text, flag.suggestion, flag.serious) == ("jargon", found, suggestion, True)
    assert flag.start == text.index(found)
    assert flag.message == f'Het woord "{found}" is moeilijk. Schrijf liever: {suggestion}.'


def test_jargon_matches_whole_words_in_any_case() -> None:
    assert kinds("INDIEN je wilt, kom dan.") == ["jargon"]
    assert kinds("De rechter beslist over de voogdij.") == []  # contains "echter"


def test_jargon_phrase_matches_across_spaces_and_line_breaks() -> None:
    (flag,) = check_text("Dit is ten  behoeve\nvan ouders.").flags
    assert (flag.text, flag.suggestion) == ("ten  behoeve\nvan", "voor")
    assert flag.message == 'De woorden "ten  behoeve\nvan" zijn moeilijk. Schrijf liever: voor.'


def test_longest_jargon_phrase_wins() -> None:
    flags = check_text("Je kunt een aanvraag indienen.").flags
    assert [(flag.text, flag.suggestion) for flag in flags] == [("aanvraag indienen", "aanvragen")]


def test_plain_words_are_not_jargon() -> None:
    assert kinds("Je kunt de toeslag online aanvragen. Meld je aan voor een afspraak.") == []


def test_jargon_is_not_also_flagged_as_a_long_word() -> None:
    assert kinds("Wij werken multidisciplinair.") == ["jargon"]


def test_word_list_has_enough_well_formed_entries() -> None:
    data = json.loads(readability.DATA_FILE.read_text(encoding="utf-8"))
    phrases = [phrase for item in data["jargon"] for phrase in [item["term"], *item.get("variants", [])]]
    assert len(data["jargon"]) >= 60
    assert all(item["suggestion"].strip() for item in data["jargon"])
    assert len(phrases) == len({phrase.lower() for phrase in phrases})
    assert "aanvragen" not in phrases
    assert all(count_syllables(word) > readability.LONG_WORD_SYLLABLES for word in data["common_long_words"])


# --- passive ---------------------------------------------------------------------------------


def test_passive_sentence_gets_advice() -> None:
    (flag,) = check_text("Je wordt gebeld door de verloskundige.").flags
    assert (flag.kind, flag.serious) == ("passive", False)
    assert "Wij helpen je" in flag.message


@pytest.mark.parametrize(
    "text", ["Je wordt moeder.", "Het eten wordt gezond.", "Kom om te genieten, je wordt er blij van."]
)
def test_worden_without_participle_is_not_passive(text: str) -> None:
    assert "passive" not in kinds(text)


# --- calibration -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_service_descriptions_are_b1(text: str) -> None:
    report = check_text(text)
    assert report.level == LEVEL_B1, report
    assert report.ok, report.flags


@pytest.mark.parametrize("text", OFFICIALESE_TEXTS)
def test_officialese_is_not_b1(text: str) -> None:
    report = check_text(text)
    assert report.level == LEVEL_HARD, report
    assert not report.ok
    assert any(flag.serious for flag in report.flags)


def test_officialese_example_gets_all_its_suggestions() -> None:
    flags = check_text(OFFICIALESE_TEXTS[0]).flags
    suggestions = {flag.text.lower(): flag.suggestion for flag in flags if flag.kind == "jargon"}
    assert suggestions == {
        "indien": "als",
        "woonachtig": "wonen",
        "in aanmerking": "recht hebben op, of: mogen meedoen",
        "wenst te": "wilt",
        "middels": "met",
        "dient u": "moeten",
        "teneinde": "om",
        "beschikking": "besluit (een brief met de beslissing)",
        "verkrijgen": "krijgen",
        "aanvraag in te dienen": "aanvragen",
    }
    assert {"long_sentence", "long_word"} <= {flag.kind for flag in flags}


def test_long_sentences_of_plain_words_are_not_ok() -> None:
    text = (
        "Als je zwanger bent en je weet nog niet goed welke verloskundige of welk ziekenhuis bij jou past, kun je "
        "bij ons langskomen voor een gesprek waarin we samen alle mogelijkheden bekijken."
    )
    report = check_text(text)
    assert report.level != LEVEL_HARD
    assert not report.ok
    assert [flag.kind for flag in report.flags if flag.serious] == ["long_sentence"]


def test_lowercase_after_a_full_stop_splits_unless_abbreviated() -> None:
    assert split_sentences("Welkom. kom gerust langs. Dat kan vgl. de vorige keer.") == [
        "Welkom.",
        "kom gerust langs.",
        "Dat kan vgl. de vorige keer.",
    ]
