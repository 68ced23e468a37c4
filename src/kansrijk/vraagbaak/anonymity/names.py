"""Names: deduce's proposals trimmed and filtered, and our rules for names deduce misses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Final

from kansrijk.vraagbaak.anonymity.engine import _deduce
from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import (
    ENGLISH_COMMON,
    FREQUENT_WORD,
    _dictionary_word,
    _english,
    _english_word,
    _frequencies,
    _frequent_word,
    _is_first_name,
    _is_name_word,
    _is_surname,
    _listed_name,
    _looks_like_name,
    _titles,
    is_word,
)
from kansrijk.vraagbaak.anonymity.normalise import _is_cap, _sentence_starts, _tokens
from kansrijk.vraagbaak.anonymity.patterns import _CUE_WORDS, _INTERFIX, _PARTICIPLES, _SENTENCE_VERBS


def _english_text(finding: Finding) -> bool:
    """A lower-case run of common English words ("can refer", "has zero network here") is English text."""
    parts = finding.text.split()
    return finding.text.islower() and all(_english_word(part) for part in parts)


def _lowercase_word(finding: Finding) -> bool:
    """A single lower-case word that is a common Dutch word and no listed name ("terecht", "graag")."""
    word = finding.text
    return word.isalpha() and word.islower() and not _listed_name(word) and _frequencies().get(word, 0) >= FREQUENT_WORD


def _role_word(finding: Finding) -> bool:
    """ "JGZ-verpleegkundige Oost", "Wijkverpleegkundige": a job title signs off, not a name."""
    first = finding.text.split()[0]
    return "-" in first and _dictionary_word(first.rsplit("-", 1)[-1]) and not _listed_name(first.rsplit("-", 1)[-1])


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:de|het|een|the|a|an)\s+$", re.IGNORECASE)


def _word_after_article(text: str, finding: Finding) -> bool:
    """ "de Nota Kansrijke Start", "aan de Amstel": one capitalised ordinary word after an article is a
    thing or a place, not a person (a surname after "de" is written with its title: "mevrouw de Vries")."""
    if " " in finding.text or not _ARTICLE_BEFORE.search(text[max(0, finding.start - 8) : finding.start]):
        return False
    return not _listed_name(finding.text) and _dictionary_word(finding.text)


_AFTER_NAME = re.compile(r"\s*(?:\(\s*\d|,\s*\d{1,2}\s*(?:jaar|jr|j)\b)")


def _sentence_word(text: str, finding: Finding, sentence_starts: set[int]) -> bool:
    """A single capitalised word at the start of a sentence that is an ordinary word ("Roos en lavendel",
    "Schimmel in de slaapkamer"), with no other name signal: no verb such as "belt" after it, no age."""
    if finding.start not in sentence_starts or not re.fullmatch(r"[^\W\d_][\w'\u2019-]*", finding.text):
        return False
    before = _word_before(text, finding.start)
    if before and (before.lower() in _titles() or before.lower() in _CUE_WORDS):
        return False  # "mw. Wang": the full stop ends a title, not a sentence
    if _english().get(finding.text.lower(), 0) >= ENGLISH_COMMON:
        return True  # "Does the Gemeente ...", "Will you ...": an English sentence
    if not _listed_name(finding.text) and (len(finding.text) <= 2 or _dictionary_word(finding.text)):
        return True  # an ordinary word or abbreviation that no name list holds ("Logopedie is ...", "Hb was ...")
    if not (_is_name_word(finding.text) or is_word(finding.text) or _frequent_word(finding.text)):
        return False
    following = _NEXT_WORD.match(text, finding.end)
    if following and following.group(1).lower() in _SENTENCE_VERBS | _PARTICIPLES:
        return False
    return not _AFTER_NAME.match(text, finding.end)


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


_LETTER = re.compile(r"[^\W\d_]")


_LONGEST_CUE = 40  # longer than any title or cue word


def _word_before(text: str, position: int) -> str | None:
    """The word just before `position`, skipping white space and one full stop ("mw. |Wang" -> "mw").
    Reads backwards a bounded stretch, so that checking every finding stays linear in the text."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end > 0 and text[end - 1] == ".":
        end -= 1
    start = end
    while start > 0 and end - start <= _LONGEST_CUE and _LETTER.match(text, start - 1):
        start -= 1
    if start == end or end - start > _LONGEST_CUE:
        return None  # no word, or one too long to be a title or cue word
    return text[start:end]


def _name_finding(text: str, start: int, end: int) -> Finding | None:
    """Trim role words and ordinary words off a proposed name; None when nothing name-like is left."""
    tokens = _tokens(text, start, end)
    titles = _titles()
    kept: list[tuple[int, int]] = []
    has_title = False
    core = 0
    for t_start, t_end in tokens:
        word = text[t_start:t_end].rstrip(".")
        lower = word.lower()
        if lower in titles:
            has_title = True
            kept.append((t_start, t_end))
            continue
        if lower in _CUE_WORDS and not kept:
            continue  # "Kindje Amir" -> "Amir"
        if re.fullmatch(_INTERFIX, lower) or (len(word) == 1 and word.isalpha()):
            kept.append((t_start, t_end))
            continue
        if is_word(word) and not (has_title or (word[:1].isupper() and _looks_like_name(word))):
            if kept and core:
                kept.append((t_start, t_end))  # "Sanne Bos": a surname that is also a word
            continue
        kept.append((t_start, t_end))
        core += 1
    if not core:
        return None
    first, last = kept[0][0], kept[-1][1]
    return Finding("name", text[first:last], first, last)


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*|[.(),;:!?/]|\d+")


def _names(text: str) -> Iterator[Finding]:
    tokens = [(m.start(), m.end()) for m in _NAME_TOKEN.finditer(text)]
    sentence_starts = _sentence_starts(text)
    runs: dict[int, int] = {}
    yield from _names_after_cue(text, tokens, runs)
    yield from _names_before_age(text, tokens, sentence_starts)
    yield from _capitalised_runs(text, tokens, sentence_starts, runs)
    yield from _lowercase_names(text, tokens)
    yield from _lowercase_first_names(text, tokens)
    yield from _capital_names(text)
    yield from _named(text)
    yield from _particle_surnames(text, sentence_starts)
    yield from _nicknamed(text)


# A surname on its own with its particle capitalised, as Dutch writes it without a first name: "Van Leeuwen,
# de vader, ...", "de Van Rooijens", "belde Ter Horst". "De", "Den", "El" and "Al" are articles in other
# languages and start place names ("in Den Haag", "bij De Regenboog"), so they count only inside a sentence,
# not after a preposition, before a word that is in no word list ("De Vries", "El Amrani").
_PARTICLE_SURNAME = re.compile(
    r"(?<![\w'\u2019-])(?P<p>(?:Van(?:\s+(?:der|den|de|het|'t))?|Ver|Ter|Ten|Op\s+de|Op\s+den|In\s+'t|De|Den|El|Al|Ait)\s+)"
    r"(?P<s>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\u2019]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\u2019]+)?)(?![\w-])"
)


_ARTICLE_PARTICLES: Final = frozenset(["De", "Den", "El", "Al"])


# before a place or an organisation, not a person: "in Den Haag", "naar Ter Apel", "bij De Regenboog"
_PLACE_PREPOSITIONS: Final = frozenset(
    ["in", "naar", "uit", "bij", "op", "aan", "te", "via", "vanuit", "richting", "rond", "door", "tot", "nabij"]
)


# famous bearers that a question names as a thing: a museum, a dictionary
_NOT_PERSONS: Final = frozenset(["Gogh", "Dale", "Goyen", "Wiechen"])  # "de Van Wiechen": the JGZ milestones


def _particle_surnames(text: str, sentence_starts: set[int]) -> Iterator[Finding]:
    structs = _deduce().lookup_structs
    with_particle = structs["interfix_surname"]
    for m in _PARTICLE_SURNAME.finditer(text):
        particle, surname = m.group("p").split()[0], m.group("s")
        if surname in _NOT_PERSONS or surname.endswith(_STREET_ENDINGS):
            continue
        before = _word_before(text, m.start())
        if before and before.lower() in _PLACE_PREPOSITIONS:
            continue
        listed = surname in with_particle or _is_surname(surname)
        unknown = not _dictionary_word(surname) and not is_word(surname)
        if particle in _ARTICLE_PARTICLES:
            if m.start() in sentence_starts or not unknown:
                continue
        elif not (listed or unknown):
            continue
        yield Finding("name", m.group(), m.start(), m.end())


# a street, a neighbourhood or an institution named after someone: "Van Woustraat", "Van Eesterenbuurt"
_STREET_ENDINGS = (
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "park",
    "hof",
    "dreef",
    "buurt",
    "wijk",
    "kwartier",
    "school",
    "college",
    "lyceum",
    "museum",
    "fonds",
    "prijs",
    "onderzoek",
    "schema",
    "methode",
)


# A name with a nickname in quotes: "Shaniece 'Nee-Nee' Kromodimedjo", 'Mohamed "Mo" El Idrissi'
_NICKNAME = re.compile(
    r"(?<![\w'\u2019-])(?P<a>[A-ZÀ-ÖØ-Þ][\w\u2019-]+)\s+['\"\u2018\u201c][A-ZÀ-ÖØ-Þ][^'\"\u2018\u2019\u201c\u201d\n]{0,24}['\"\u2019\u201d]"
    r"\s+(?P<b>(?:(?:van|de|der|den|el|al|ter|ten|Van|De|El|Al)\s+){0,3}[A-ZÀ-ÖØ-Þ][\w\u2019-]+)"
)


def _nicknamed(text: str) -> Iterator[Finding]:
    for m in _NICKNAME.finditer(text):
        first, last = m.group("a"), m.group("b").split()[-1]
        first_like = (_is_first_name(first) and not is_word(first)) or not _dictionary_word(first)
        last_like = (_is_surname(last) and not is_word(last)) or not _dictionary_word(last)
        if first_like or last_like:  # a quoted nickname between two capitalised words, one of them a name
            yield Finding("name", m.group(), m.start(), m.end())


# A run of words in capitals ("JAN DE VRIES, 19 jaar"): a name when one word is a listed first name that is no
# ordinary word and the run has another name part; headings and acronyms ("ZEER DRINGEND", "OKT NOORD") are not.
_CAPITALS_RUN = re.compile(r"(?<![\w'\u2019-])[A-ZÀ-ÖØ-Þ]{2,}(?:[ -][A-ZÀ-ÖØ-Þ'\u2019]{2,}){1,5}(?![\w'\u2019-])")


def _capital_names(text: str) -> Iterator[Finding]:
    for m in _CAPITALS_RUN.finditer(text):
        words = [w.capitalize() for w in re.split(r"[ -]", m.group())]
        parts = [w for w in words if not re.fullmatch(_INTERFIX, w.lower())]
        first = [w for w in parts if _is_first_name(w) and not is_word(w) and not _english_word(w)]
        others = [w for w in parts if w not in first and (_listed_name(w) or not is_word(w))]
        if first and (others or len(first) >= 2):
            yield Finding("name", m.group(), m.start(), m.end())


# "His name is Yonas", "ze heet Senait", "a boy called Kidane": a capitalised word after a naming phrase
_NAMED = re.compile(
    r"\b(?:[Nn]ame\s+is|[Nn]aam\s+is|named|called|heet|heette|genaamd|roepnaam|bijnaam"
    r"|noem(?:t|en|de|den)\s+(?:haar|hem|hen|ze))\s*:?\s+"
    r"(?P<n>[A-ZÀ-ÖØ-Þ][\w'\u2019-]+)"
)


def _named(text: str) -> Iterator[Finding]:
    for m in _NAMED.finditer(text):
        word = m.group("n")
        if not _dictionary_word(word) or (_is_first_name(word) and not _english_word(word) and not is_word(word)):
            yield Finding("name", word, m.start("n"), m.end("n"))


# A listed first name typed in lower case is a name when it is hardly a Dutch word: below this count in
# the word list ("fatima", "kenneth", "merel" sit at 50-60; "roos", "storm", "winter" far above).
RARE_AS_WORD = 100


def _lowercase_first_names(text: str, tokens: list[tuple[int, int]]) -> Iterator[Finding]:
    """ "moeder (fatima, 24 jr)", "bij kenneth en zijn vriendin", "mo (vader, 28)": a lower-case listed
    first name that is no ordinary word (3 letters or more, or 2 before a bracket)."""
    frequencies = _frequencies()
    for start, end in tokens:
        word = text[start:end]
        if not word.isalpha() or not word.islower():
            continue
        if len(word) < 3 and not _BRACKET_NEXT.match(text, end):
            continue
        if len(word) < 2 or word in _CUE_WORDS or is_word(word) or _is_name_word(word) or _english_word(word):
            continue
        if frequencies.get(word, 0) < RARE_AS_WORD and _is_first_name(word):
            yield Finding("name", word, start, end)
    for m in _TITLE_LOWER_SURNAME.finditer(text):
        surname = m.group("surname")
        particles = m.start("surname") > m.start("name")
        # after particles a listed surname counts even when it is a word too ("fam van der berg", "mw de boer")
        if (not is_word(surname) and frequencies.get(surname, 0) < RARE_AS_WORD) or (
            particles and _is_surname(surname) and surname not in _CUE_WORDS
        ):
            yield Finding("name", text[m.start("name") : m.end()], m.start("name"), m.end())


_BRACKET_NEXT = re.compile(r"\s*\(")


# "mevr. el amrani", "dhr van der hoek": a title, particles, and a lower-case surname that is no word
_TITLE_LOWER_SURNAME = re.compile(
    r"(?<!\w)(?:mevr|mevrouw|mw|mvr|dhr|meneer|mr|fam|familie)\.?\s+"
    r"(?P<name>(?:(?:el|al|van|de|der|den|ter|ten|bin|ben|abu|ould|da|dos|du|le|la|op|in|'t)\s+){0,3}"
    r"(?P<surname>[a-z][a-z'\u2019-]{2,}))(?![\w])"
)


def _unknown_cap(word: str) -> bool:
    """A capitalised word that is no ordinary word: a candidate name part."""
    bare = word.rstrip(".")
    return _is_cap(bare) and len(bare) >= 2 and (not is_word(bare) or _looks_like_name(bare))


def _name_run(text: str, tokens: list[tuple[int, int]], index: int, memo: dict[int, int] | None = None) -> int:
    """Index after a run of name parts starting at `index` ("Sanne de Vries", "A. Tahiri").

    `memo` (shared by the calls on one text) remembers where a run that reached a token ends, so that
    runs starting inside a long run ("Jan Jan Jan ...") do not walk it again: linear, not quadratic."""
    end = index
    visited: list[int] = []
    while end < len(tokens):
        if end > index:  # from here on the walk does not depend on where it started
            if memo is not None and end in memo:
                end = memo[end]
                break
            visited.append(end)
        word = text[tokens[end][0] : tokens[end][1]]
        if _is_initial(text, tokens, end):
            end += 2
            continue
        if _unknown_cap(word):
            end += 1
            continue
        if end > index and re.fullmatch(_INTERFIX, word.lower()) and end + 1 < len(tokens):
            following = text[tokens[end + 1][0] : tokens[end + 1][1]]
            if _is_cap(following) or re.fullmatch(_INTERFIX, following.lower()):
                end += 1
                continue
        break
    if memo is not None:
        memo.update(dict.fromkeys(visited, end))
    return end


def _is_initial(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """An initial: one capital letter followed by a full stop and then a capitalised word ("A. Tahiri")."""
    if index + 2 >= len(tokens):
        return False
    word = text[tokens[index][0] : tokens[index][1]]
    dot = text[tokens[index + 1][0] : tokens[index + 1][1]]
    following = text[tokens[index + 2][0] : tokens[index + 2][1]]
    return len(word) == 1 and word.isupper() and dot == "." and (_is_cap(following) or len(following) == 1)


def _names_after_cue(text: str, tokens: list[tuple[int, int]], runs: dict[int, int]) -> Iterator[Finding]:
    """ "moeder Fatima", "mevrouw Van den Berg", "mw. De Graaf", "Cliënt A. Tahiri"."""
    titles = _titles()
    for index, (start, end) in enumerate(tokens[:-1]):
        word = text[start:end].lower()
        if word not in _CUE_WORDS and word not in titles:
            continue
        first = index + 1
        if text[tokens[first][0] : tokens[first][1]] in {".", ":", ",", "("}:
            first += 1  # "mw. Bos", "Naam: Selam Tesfay", "statushouder, Yonas, ...", "Moeder (Abena)"
        if first >= len(tokens):
            continue
        name_start = first
        if word in titles:
            # an interfix right after a title starts the surname
            while first < len(tokens) and re.fullmatch(_INTERFIX, text[tokens[first][0] : tokens[first][1]].lower()):
                first += 1
        if first >= len(tokens):
            continue
        stop = _name_run(text, tokens, first, runs)
        if stop == first and word in titles and _is_cap(text[tokens[first][0] : tokens[first][1]]):
            stop = first + 1  # after a title any capitalised word is a surname ("mevrouw Bos")
        if stop > first and stop + 1 < len(tokens) and text[tokens[stop][0] : tokens[stop][1]] == ",":
            following = text[tokens[stop + 1][0] : tokens[stop + 1][1]]
            after = text[tokens[stop + 2][0] : tokens[stop + 2][1]] if stop + 2 < len(tokens) else ""
            lone = not after or not after[:1].isalpha() or after.islower()  # not "Pieter Calandlaan 240"
            if lone and _unknown_cap(following) and (_is_first_name(following) or not _dictionary_word(following)):
                stop += 2  # "Nnamdi-Okafor, Chiamaka": surname, first name
        if stop > first:
            yield Finding(
                "name", text[tokens[name_start][0] : tokens[stop - 1][1]], tokens[name_start][0], tokens[stop - 1][1]
            )
            joined = stop + 1
            if joined < len(tokens) and text[tokens[stop][0] : tokens[stop][1]].lower() in {"en", "&"}:
                other = _name_run(text, tokens, joined, runs)  # "ouders Tesfay en Awet": the second name too
                if other > joined:
                    yield Finding(
                        "name", text[tokens[joined][0] : tokens[other - 1][1]], tokens[joined][0], tokens[other - 1][1]
                    )


def _names_before_age(text: str, tokens: list[tuple[int, int]], sentence_starts: set[int]) -> Iterator[Finding]:
    ends = [t_end for _t_start, t_end in tokens]  # increasing: tokens do not overlap
    for m in re.finditer(r"\(\s*\d{1,2}\s*(?:jaar|jr\.?|j\.?)?\s*[,)]", text):
        stop = bisect.bisect_right(ends, m.start())
        before = tokens[max(0, stop - 4) : stop]
        run: list[tuple[int, int]] = []
        for t_start, t_end in reversed(before):
            word = text[t_start:t_end]
            name_like = not is_word(word) or t_start not in sentence_starts or _looks_like_name(word)
            if (_is_cap(word) and name_like) or (run and re.fullmatch(_INTERFIX, word.lower())):
                run.insert(0, (t_start, t_end))
            else:
                break
        while run and re.fullmatch(_INTERFIX, text[run[0][0] : run[0][1]].lower()):
            run.pop(0)
        if run and any(not is_word(text[s:e]) or _looks_like_name(text[s:e]) for s, e in run):
            yield Finding("name", text[run[0][0] : run[-1][1]], run[0][0], run[-1][1])


def _capitalised_runs(
    text: str, tokens: list[tuple[int, int]], sentence_starts: set[int], runs: dict[int, int]
) -> Iterator[Finding]:
    """Unknown capitalised words: two or more in a row, or one followed by a sentence verb."""
    index = 0
    while index < len(tokens):
        stop = _name_run(text, tokens, index, runs)
        if stop == index:
            index += 1
            continue
        words = [text[s:e] for s, e in tokens[index:stop]]
        caps = [w for w in words if _is_cap(w) and len(w) > 1]
        at_start = tokens[index][0] in sentence_starts
        next_word = text[tokens[stop][0] : tokens[stop][1]].lower() if stop < len(tokens) else ""
        previous = text[tokens[index - 1][0] : tokens[index - 1][1]].lower() if index else ""
        listed = any(_is_first_name(w) for w in caps) or any(_is_surname(w) and not is_word(w) for w in caps)
        # at a sentence start two or more words that are in no word list, before a comma or a bracket, are a
        # name too ("Mehret Ghebremedhin, geb. ..."); a heading or organisation has some ordinary word in it
        unknown = (
            len(caps) >= 2
            and next_word in {",", "("}
            and not any(is_word(w) for w in caps)
            and not all(_dictionary_word(w) for w in caps)
        )
        if (len(caps) >= 2 and (listed or not at_start or next_word in _SENTENCE_VERBS or unknown)) or (
            len(caps) == 1
            and (
                (next_word in _SENTENCE_VERBS and (listed or at_start))
                or next_word in _PARTICIPLES
                or (next_word in {"ken", "kent", "kennen", "kende"} and not at_start)
                or (previous in {"ken", "kent", "heet", "genaamd", "met", "over"} and listed)
                # "afspraak met Tesfay": after a meeting and "met", a word that no word list holds
                or (previous == "met" and not _dictionary_word(caps[0]) and _after_meeting(text, tokens, index - 1))
            )
        ):
            yield Finding("name", text[tokens[index][0] : tokens[stop - 1][1]], tokens[index][0], tokens[stop - 1][1])
        index = stop


# "een afspraak met", "gesprek gehad met", "contact opgenomen met": what comes after "met" is a person
_MEETING_WORDS: Final = frozenset(
    ["afspraak", "gesprek", "contact", "overleg", "huisbezoek", "gesproken", "gebeld", "kennismaking", "intake"]
)


def _after_meeting(text: str, tokens: list[tuple[int, int]], met: int) -> bool:
    """One of the three words before the token `met` names a meeting."""
    return any(text[s:e].lower() in _MEETING_WORDS for s, e in tokens[max(0, met - 3) : met])


_NAMING_VERBS: Final = frozenset(
    ["heet", "heette", "heten", "noemt", "noemen", "noemde", "noemden", "genaamd", "alias", "roepnaam", "bijnaam"]
)


_OBJECT_PRONOUNS: Final = frozenset(["haar", "hem", "zich", "ze", "hen", "hun", "het", "hij", "zij", "mij", "me"])


_CONJUNCTIONS: Final = frozenset(["en", "&", ",", "of"])


_VERBS: Final = _SENTENCE_VERBS | _PARTICIPLES | _NAMING_VERBS


def _lowercase_names(text: str, tokens: list[tuple[int, int]]) -> Iterator[Finding]:
    """Names typed in lower case: a listed first name (or an initial) that is no word, after a cue or
    before a lower-case surname ("contact met fatima el amrani", "moeder j. bakker"); a surname with
    its particles after a title ("mw el idrissi"); a name after "heet"/"noemt haar" ("noemt haar mimi");
    a listed first name before an age ("sara (2)") or joined by "en" to another name ("kwame en abena");
    an unlisted non-word after a role word and before a verb ("moeder abena belt")."""
    titles = _titles()

    def word_at(i: int) -> str:
        return text[tokens[i][0] : tokens[i][1]] if 0 <= i < len(tokens) else ""

    # Both memoised, so that a long run of surname-like words is walked once, not once per word in it.
    run_ends: dict[int, int] = {}
    interfix_before = [0]  # interfix_before[i]: how many interfixes end right before token i
    for index in range(len(tokens)):
        interfix_before.append(interfix_before[-1] + 1 if re.fullmatch(_INTERFIX, word_at(index)) else 0)

    def surname_run(stop: int) -> int:
        visited = []
        while stop < len(tokens):
            if stop in run_ends:
                stop = run_ends[stop]
                break
            visited.append(stop)
            following = word_at(stop)
            if re.fullmatch(_INTERFIX, following) and stop + 1 < len(tokens):
                stop += 1
                continue
            if _lower_surname(text, tokens[stop]):
                stop += 1
                continue
            break
        run_ends.update(dict.fromkeys(visited, stop))
        return stop

    def span(first: int, stop: int) -> Finding:
        stop = max(min(stop, first + 1), stop - interfix_before[stop])  # no particles at the end
        return Finding("name", text[tokens[first][0] : tokens[stop - 1][1]], tokens[first][0], tokens[stop - 1][1])

    for index, (start, _end) in enumerate(tokens):
        word = word_at(index)
        previous = word_at(index - 1).lower()
        title_before = previous.rstrip(".") in titles or (previous == "." and word_at(index - 2).lower() in titles)
        after_cue = previous in _CUE_WORDS or title_before or previous in {"met", "over"}
        if len(word) == 1 and word.islower() and after_cue and index + 2 < len(tokens):
            if word_at(index + 1) == "." and _lower_surname(text, tokens[index + 2]):
                yield Finding("name", text[start : tokens[index + 2][1]], start, tokens[index + 2][1])
            continue
        naming = previous in _NAMING_VERBS or (
            previous in _OBJECT_PRONOUNS and word_at(index - 2).lower() in _NAMING_VERBS
        )
        listed_any = _is_first_name(word) or _is_surname(word)
        if naming and word.isalpha() and listed_any and not is_word(word) and not _is_name_word(word):
            yield span(index, surname_run(index + 1))  # "iedereen noemt haar mimi", "hij heet ahmed"
            continue
        if title_before and word.islower() and re.fullmatch(_INTERFIX, word):
            last = index + 1
            while re.fullmatch(_INTERFIX, word_at(last)):
                last += 1
            surname = word_at(last)
            # after a title and a particle, a listed surname counts even when it is also a word ("hoek")
            listed_surname = surname.isalpha() and surname.islower() and _is_surname(surname)
            unlisted = _lower_surname(text, tokens[last]) if last < len(tokens) else False
            if surname not in _CUE_WORDS and (listed_surname or (unlisted and word_at(last + 1).lower() in _VERBS)):
                yield span(index, last + 1)  # "mw el idrissi", "dhr van der hoek"
            continue
        if title_before and _lower_surname(text, tokens[index]) and word not in _VERBS:
            after = word_at(index + 1).lower()
            if _is_surname(word) or after in _VERBS or after in {"(", ","}:
                yield span(index, surname_run(index + 1))  # "mw idrissi", "dhr amrani belt"
            continue
        if not word.islower() or len(word) < 3 or is_word(word) or _is_name_word(word):
            continue
        listed = _is_first_name(word)
        following = word_at(index + 1)
        if (
            not listed
            and previous in _CUE_WORDS
            and _lower_surname(text, tokens[index])
            and word not in _VERBS
            and following.lower() in _VERBS
        ):
            yield span(index, index + 1)  # "moeder abena belt"
            continue
        if not listed:
            continue
        stop = surname_run(index + 1)
        aged = following == "(" and word_at(index + 2).isdigit()
        joined = (following in _CONJUNCTIONS and _other_name(text, tokens, index + 2)) or (
            previous in _CONJUNCTIONS and _other_name(text, tokens, index - 2)
        )
        if after_cue or stop > index + 1 or aged or joined:
            yield span(index, stop)
        if following in _CONJUNCTIONS and _other_name(text, tokens, index + 2):
            other = index + 2
            yield span(other, surname_run(other + 1))  # "kwame en abena asante": the second name too


def _other_name(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """The token at `index` is a name too: a listed first name or a non-word (any case), no ordinary word."""
    if not 0 <= index < len(tokens):
        return False
    word = text[tokens[index][0] : tokens[index][1]]
    if not word.isalpha() or len(word) < 3 or is_word(word) or _is_name_word(word) or word.lower() in _CUE_WORDS:
        return False
    return _is_first_name(word) or _is_surname(word) or word.islower()


def _lower_surname(text: str, token: tuple[int, int]) -> bool:
    word = text[token[0] : token[1]]
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 2
        and word not in _VERBS
        and not is_word(word)
        and not _is_name_word(word)
    )
