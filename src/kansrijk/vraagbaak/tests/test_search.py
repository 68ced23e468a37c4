"""Searching the Vraagbaak: visible questions only, found by their own words, their answers' and their
solution's, with the Kaart's hybrid engine; the index follows publications in any process."""

from __future__ import annotations

import pytest

from kansrijk.core import clock
from kansrijk.kaart import search as kaart_search_module
from kansrijk.vraagbaak import search as search_module
from kansrijk.vraagbaak.models import AnswerState, QuestionState
from kansrijk.vraagbaak.search import forget_index, is_relevant, question_search, similar_questions, snippet
from kansrijk.vraagbaak.tests.factories import answer, feedback, question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    forget_index()
    kaart_search_module.forget_index()
    yield
    forget_index()
    kaart_search_module.forget_index()


@pytest.fixture
def vraagbaak(db):
    schulden = question(
        "Moeder met schulden wil geen budgetcoach",
        "Een moeder van een baby heeft veel rekeningen open staan. Ze schaamt zich en wil niet naar een "
        "budgetcoach. Hoe krijg ik haar toch in beweging?",
        tags=["hulpvraag:geldzorgen-en-schulden"],
    )
    solution = answer(
        schulden,
        "Vraag de buurtcoach om samen met haar naar het Geldplein te gaan. Een warme overdracht werkt beter "
        "dan een folder meegeven.",
        solution=True,
    )
    answer(schulden, "Bij ons helpt een maatje van de vrijwilligerspool.")
    answer(schulden, "Deze tekst over een xylofoon is verborgen.", state=AnswerState.HIDDEN)
    feedback(schulden, "Samen gaan werkte: ze heeft nu een vaste afspraak bij de schuldhulpverlener.")
    borstvoeding = question(
        "Borstvoeding lukt niet na een keizersnede",
        "Een jonge moeder wil graag borstvoeding geven maar de baby drinkt slecht. Wie kan langskomen?",
        tags=["hulpvraag:voeding-en-borstvoeding"],
    )
    taal = question(
        "Taalcursus voor een vader",
        "Een vader spreekt weinig Nederlands en wil de consultatiebureau-afspraken zelf kunnen volgen.",
        state=QuestionState.CLOSED,
    )
    in_review = question(
        "Huurachterstand bij een jonge vader",
        "Hij heeft drie maanden huurachterstand en de verhuurder dreigt met ontruiming.",
        state=QuestionState.IN_REVIEW,
    )
    rejected = question(
        "Deurwaarder staat voor de deur",
        "De deurwaarder komt morgen beslag leggen.",
        state=QuestionState.REJECTED,
    )
    return {
        "schulden": schulden,
        "solution": solution,
        "borstvoeding": borstvoeding,
        "taal": taal,
        "in_review": in_review,
        "rejected": rejected,
    }


def ids(hits) -> list[int]:
    return [hit.question.pk for hit in hits]


def test_finds_a_solved_question_by_its_own_words(vraagbaak):
    hits = question_search(query="budgetcoach")
    assert ids(hits)[0] == vraagbaak["schulden"].pk
    assert hits[0].hit.lexical_rank == 1
    assert "budgetcoach" in hits[0].snippet
    assert len(hits[0].snippet) <= 202


def test_finds_a_question_by_its_solution_and_its_other_answers(vraagbaak):
    by_solution = question_search(query="warme overdracht", mode="lexical")
    assert ids(by_solution) == [vraagbaak["schulden"].pk]
    assert "warme overdracht" in by_solution[0].snippet
    assert ids(question_search(query="vrijwilligerspool", mode="lexical")) == [vraagbaak["schulden"].pk]
    assert ids(question_search(query="schuldhulpverlener", mode="lexical")) == [vraagbaak["schulden"].pk]  # feedback


def test_hidden_answers_are_not_searched(vraagbaak):
    assert question_search(query="xylofoon", mode="lexical") == []


def test_questions_that_are_not_visible_are_never_found(vraagbaak):
    invisible = {vraagbaak["in_review"].pk, vraagbaak["rejected"].pk}
    for query in ("huurachterstand ontruiming", "deurwaarder beslag", ""):
        for mode in ("hybrid", "lexical"):
            assert not invisible & set(ids(question_search(query=query, mode=mode, limit=50)))
    everything = question_search(query="", limit=50)
    assert set(ids(everything)) == {vraagbaak["schulden"].pk, vraagbaak["borstvoeding"].pk, vraagbaak["taal"].pk}


def test_solved_only(vraagbaak):
    assert ids(question_search(query="borstvoeding keizersnede"))[0] == vraagbaak["borstvoeding"].pk
    solved = question_search(query="borstvoeding keizersnede", solved_only=True, limit=50)
    assert ids(solved) == [vraagbaak["schulden"].pk]  # the only solved one, whatever the words
    assert all(hit.hit.id and hit.question.solution_id is not None for hit in solved)


def test_every_chosen_tag_must_be_on_the_question(vraagbaak):
    money = question_search(query="", tags=["hulpvraag:geldzorgen-en-schulden"], limit=50)
    assert ids(money) == [vraagbaak["schulden"].pk]
    both = question_search(query="", tags=["hulpvraag:geldzorgen-en-schulden", "hulpvraag:voeding-en-borstvoeding"])
    assert both == []


def test_the_index_follows_a_publication(vraagbaak):
    assert vraagbaak["in_review"].pk not in ids(question_search(query="huurachterstand", limit=50))
    old = search_module._bundle
    assert old is not None

    in_review = vraagbaak["in_review"]
    in_review.state = QuestionState.PUBLISHED
    in_review.published_at = clock.now()
    in_review.save(update_fields=["state", "published_at"])

    # The same process, with its index of before: the version tells it to rebuild.
    hits = question_search(query="huurachterstand")
    assert ids(hits)[0] == in_review.pk
    new = search_module._bundle
    assert new is not None and new is not old
    assert new.version != old.version


def test_a_new_answer_is_searchable_at_once(vraagbaak):
    assert question_search(query="kraamverzorgster", mode="lexical") == []
    answer(vraagbaak["borstvoeding"], "Vraag de kraamverzorgster om een lactatiekundige.")
    assert ids(question_search(query="kraamverzorgster", mode="lexical")) == [vraagbaak["borstvoeding"].pk]


def test_the_index_is_reused_while_nothing_changed(vraagbaak, django_assert_max_num_queries):
    question_search(query="budgetcoach")
    with django_assert_max_num_queries(2):  # the version check only
        question_search(query="schulden")


def test_lexical_only_without_a_sentence_model(vraagbaak, settings):
    settings.KANSRIJK_SEARCH_EMBEDDER = "none"
    forget_index()
    hits = question_search(query="budgetcoach")
    assert ids(hits) == [vraagbaak["schulden"].pk]  # only what shares a word
    assert hits[0].hit.semantic_rank is None


def test_similar_questions_while_typing(vraagbaak):
    found = similar_questions(
        title="Budgetcoach voor een moeder met schulden", text="Ze schaamt zich voor de rekeningen."
    )
    assert ids(found)[0] == vraagbaak["schulden"].pk
    assert all(is_relevant(hit, query="Budgetcoach moeder schulden schaamt rekeningen") for hit in found)
    assert vraagbaak["borstvoeding"].pk not in ids(found)  # nearest by meaning is not enough


def test_similar_questions_needs_three_meaningful_words(vraagbaak):
    assert similar_questions(title="schulden", text="") == []
    assert similar_questions(title="Ik heb een vraag over", text="de schulden") == []  # stop words do not count


def test_similar_questions_leaves_out_the_question_itself(vraagbaak):
    schulden = vraagbaak["schulden"]
    found = similar_questions(title=schulden.title, text=schulden.text, exclude_id=schulden.pk)
    assert schulden.pk not in ids(found)


def test_similar_questions_of_an_unrelated_subject(vraagbaak):
    assert similar_questions(title="Parkeervergunning voor de dienstauto", text="Wie regelt die op kantoor?") == []


def test_snippet_is_cut_around_the_matched_word():
    text = "Begin. " + "woord " * 60 + "Hier staat de budgetcoach die helpt. " + "einde " * 60
    cut = snippet([text], ["budgetcoach"])
    assert "budgetcoach" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 202
    assert snippet(["Kort."], ["iets"]) == "Kort."
