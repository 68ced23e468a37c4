"""Understand a question in plain words: place, need, cost, language, phase, age and target group.

`understand("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen", vocabulary)` finds the
stadsdeel Nieuw-West, the category babyspullen and "gratis", shows them back as removable chips, and
leaves the words it did not use (minus stop words) in `remaining` for text ranking.

How it works, per query (`reader.understand`):

1. The query is capped, tokenised and normalised (case, accents, hyphens; see `tokens.tokenize`).
2. Every n-gram (longest first, up to the longest phrase in the vocabulary) is looked up once in the
   phrase index, glued n-grams too ("zuid oost" -> "zuidoost"), and single words also by their
   Dutch stem (`matching`). This gives the candidate matches per start position.
3. Postcodes (`places`) and ages ("baby van 3 maanden", "20 weken zwanger"; `ages`) are read from the tokens.
4. Each kind (cost, places, categories, phases, target groups, languages) picks its own longest,
   left-to-right matches among the candidates (`needs`, `places`, `languages`), so a word may mean
   several things ("vader" is both the category and the target group "vaders"); earlier kinds block
   some tokens for later ones (a place name is never a need; "kost geen geld" is no money worry).
5. Place names and language names that are also ordinary words need a cue ("in West",
   "in het Nederlands").
6. The strongest phase evidence wins (`phases`), and the matches become an `Understood` with chips (`result`).

The `Vocabulary` (`vocabulary`) is built once by the caller (`kaart.search.build_vocabulary`, from the
database). Pure Python; after the vocabulary is built, a query takes well under a millisecond.
"""

from kansrijk.kaart.understanding.reader import MAX_QUERY_CHARS, understand, without
from kansrijk.kaart.understanding.result import Chip, Understood
from kansrijk.kaart.understanding.vocabulary import LanguageName, Place, Term, Vocabulary
from kansrijk.kaart.understanding.words import STOP_WORDS

__all__ = [
    "MAX_QUERY_CHARS",
    "STOP_WORDS",
    "Chip",
    "LanguageName",
    "Place",
    "Term",
    "Understood",
    "Vocabulary",
    "understand",
    "without",
]
