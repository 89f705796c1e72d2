"""Word-level tests the rules share: names, titles, head nouns, cue look-up.

Every English word list here is read from `factcheck/lexicon/` (`cues.txt`,
`function_words.txt`, `calendar.txt`, and the plain lists): the code holds the few generic
tests, the lexicon says which words they apply to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import having
from ..text import lexicon, lexicon_lines, normalize


def alternation(words: frozenset[str]) -> str:
    """A regular-expression alternation of lexicon entries, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def function_words(behaviour: str) -> frozenset[str]:
    """The words of `lexicon/function_words.txt` with one behaviour."""
    return having("function_words", behaviour)


HARD_STOPS = function_words("hard-stop")
SOFT_STOPS = function_words("soft-stop")  # stop only when a lowercase word follows
DAYS = having("calendar", "month") | having("calendar", "weekday")
TRAILING_ADVERBS = function_words("trailing-adverb")
DETERMINERS = function_words("determiner")
NAME_PARTICLES = function_words("name-particle")
BE = function_words("be")
QUANTIFIERS = function_words("quantifier")
POST_MODIFIERS = function_words("post-modifier")
OWNERS = function_words("owner")
LEADING_CLAUSE = function_words("leading-clause")
CONNECTORS = function_words("connector")
OPENING_PREPOSITIONS = function_words("opening-preposition")
NOT_A_SPEAKER = function_words("not-a-speaker")
APPOSITIVE_STOPS = function_words("appositive-stop")
CONTINUATIONS = function_words("continuation")
APPROXIMATORS = function_words("approximator")
# Cues that can come before their speaker ("said Jane Doe"); the others ("called", "urged",
# "described") take the speaker as their subject only ("Jane Doe called it ...").
INVERTIBLE_CUES = having("cues", "invert")
# Cues that are also plural nouns ("the two Asian states and Biden"): as cues they end the
# clause or introduce what was said.
NOUN_LIKE_CUES = having("cues", "noun")
SPEECH_CUES = having("cues", "speech")
ABBREVIATION = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:"
    + "|".join(
        re.escape(word[:-1].capitalize())
        for word in sorted(function_words("abbreviation"), key=len, reverse=True)
    )
    + r")\.$"
)
SENTENCE_ADVERB = re.compile(
    r"^(?:(?:" + alternation(function_words("sentence-adverb")) + r")\b,?\s*)+", re.IGNORECASE
)


# Function words, and the few other words marked not-a-name, are never part of a name.
STOPWORDS = lexicon("stopwords")
NOT_NAMES = STOPWORDS | function_words("not-a-name")
# A name's letters may include Latin-1 signs where a source's accents were garbled by a wrong
# decoding ("TrÃ©vidic" for "Trévidic"): they stay part of the word.
CAPITALIZED = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-\u0080-\u00ff\u0300-\u036f]*|(?:[A-Z]\.)+[A-Z]?\.?)$"
)


@dataclass(frozen=True)
class Cue:
    """A cue word or phrase where it stands in a sentence (read like a regex match)."""

    text: str
    at: int
    stop: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop


WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4)
def cue_table(behaviour: str) -> dict[str, list[list[str]]]:
    """The cues (`lexicon/cues.txt`) with one behaviour, by first word, longest first (as an
    alternation would try them)."""
    table: dict[str, list[list[str]]] = {}
    for entry in sorted(having("cues", behaviour), key=len, reverse=True):
        parts = entry.split(" ")
        table.setdefault(parts[0], []).append(parts)
    return table


def find_cues(text: str, behaviour: str = "speech") -> list[Cue]:
    """Whole-word occurrences of the cues with one behaviour, left to right, not overlapping:
    a word lookup instead of one regular expression of every entry (several times faster)."""
    table = cue_table(behaviour)
    words = list(WORD_RUN.finditer(text))
    found: list[Cue] = []
    index = 0
    while index < len(words):
        size = 0
        for parts in table.get(words[index].group().lower(), ()):
            size = len(parts)
            if index + size <= len(words) and all(
                words[index + k].group().lower() == parts[k]
                and text[words[index + k - 1].end() : words[index + k].start()] == " "
                for k in range(1, size)
            ):
                break
            size = 0
        if size:
            start, end = words[index].start(), words[index + size - 1].end()
            found.append(Cue(text[start:end], start, end))
            index += size
        else:
            index += 1
    return found


@lru_cache(maxsize=32)
def phrase_table(name: str) -> tuple[frozenset[str], int]:
    entries = lexicon(name)
    return entries, max((len(entry.split(" ")) for entry in entries), default=0)


def has_phrase(norm_words: list[str], name: str) -> bool:
    """Whether any entry of lexicon `name` occurs as a whole-word sequence in `norm_words`."""
    entries, longest = phrase_table(name)
    for size in range(1, longest + 1):
        for index in range(len(norm_words) - size + 1):
            if " ".join(norm_words[index : index + size]) in entries:
                return True
    return False


def word_norm(token: str) -> str:
    return normalize(token).removesuffix("'s")


def is_capitalized(token: str) -> bool:
    """A capitalised word that may be part of a name: not a determiner or a function word
    capitalised at a sentence's start ("While Roe ...", "Not everyone ...")."""
    lower = token.lower().replace("\u2019", "'")  # "I’m" is "i'm"
    return bool(CAPITALIZED.match(token)) and lower not in DETERMINERS and lower not in NOT_NAMES


def in_titles(token: str) -> bool:
    """A title word, written with or without its abbreviation dot ("Adm." / "Adm")."""
    word = word_norm(token)
    return word in lexicon("titles") or word.rstrip(".") in lexicon("titles")


def is_title_word(token: str) -> bool:
    """A word of a title or role ("Minister", "retired", "lawyer" in "Trump lawyer X")."""
    return in_titles(token) or word_norm(token) in lexicon("unnamed_sources")


def name_length(tokens: list[str]) -> int:
    """How many of the last tokens form a name: capitalised words that are not titles, with
    the particles inside a name ("Bill de Blasio") and a surname that is also a title word
    ("Charlie King", "Howard Dean") when a given name precedes it."""
    trailing = 0
    while trailing < len(tokens) and word_norm(tokens[-1 - trailing]) in lexicon("title_surnames"):
        trailing += 1
    length = trailing
    while length < len(tokens):
        token = tokens[-1 - length]
        particle = (
            length > 0
            and token in NAME_PARTICLES
            # inside a name ("Bill de Blasio"), or opening a surname ("de Blasio said")
            and (length == len(tokens) - 1 or is_capitalized(tokens[-2 - length]))
        )
        if not particle and not (is_capitalized(token) and not in_titles(token)):
            break
        length += 1
    if length == trailing:
        # no given name before the title-like word: "Mr. King", "the Dean", "President"
        length = 0
        while (
            length < len(tokens)
            and is_capitalized(tokens[-1 - length])
            and not in_titles(tokens[-1 - length])
        ):
            length += 1
    return length


def split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(title tokens, name tokens): the name is the trailing run of capitalised words that
    are not title words ("Defense Minister | Minoru Kihara")."""
    placed = _name_before_place(tokens)
    if placed is not None:
        return placed
    index = len(tokens) - name_length(tokens)
    title, name = tokens[:index], tokens[index:]
    if (
        not name
        and len(tokens) >= 2
        and ABBREVIATION.match(tokens[-2])
        and is_capitalized(tokens[-1])
    ):
        title, name = tokens[:-1], tokens[-1:]  # "Mr. King": a surname that is also a title
    # "Gov. Earl Ray Tomblin of West Virginia": the name comes before "of Place".
    joins = 2 if len(title) >= 4 and [t.lower() for t in title[-2:]] == ["of", "the"] else 1
    if len(title) >= 3 and title[-joins].lower() in {"of", "from"}:
        before, place = title[:-joins], title[-joins:] + name
        run = name_length(before)
        if run >= 2:
            return before[:-run] + place, before[-run:]
    # "Ambassador to Japan Rahm Emanuel", "Ambassador to South Korea Philip Goldberg": the
    # place after to/of belongs to the title; the name is its last two words.
    linked = title and (
        title[-1].lower() in {"to", "of", "for"}
        or (len(title) >= 2 and title[-1].lower() == "the" and title[-2].lower() in {"to", "of"})
    )
    if linked and len(name) >= 3:
        title, name = title + name[:-2], name[-2:]
    return title, name


def _name_before_place(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """ "Priya Raman of the University of Maine School of Law": a full name, then where the
    person is from however long (title, name); None when no name of two words or more stands
    before the first "of"/"from" (a title's "of": "Secretary of State John Kerry")."""
    for index, token in enumerate(tokens):
        if token in {"of", "from"}:
            run = name_length(tokens[:index])
            if run >= 2 and index + 1 < len(tokens) and tokens[index + 1][:1].isupper():
                return tokens[: index - run] + tokens[index:], tokens[index - run : index]
            if run >= 2 and tokens[index + 1 : index + 2] == ["the"]:
                return tokens[: index - run] + tokens[index:], tokens[index - run : index]
            return None
    return None


def can_open_speaker(word: str) -> bool:
    """Lower-case words a speaker phrase may start with ("the", "senior", "experts")."""
    return (
        word in DETERMINERS
        or word in QUANTIFIERS
        or word in lexicon("titles")
        or word in lexicon("unnamed_sources")
        or word in lexicon("pronouns")
        or word in OWNERS
    )


# Nouns for people by what they do (narrator, businessman, economist, spokesperson).
AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee)s?$")


def is_person_noun(word: str) -> bool:
    """A noun for a person: an agent-noun ending, or a word of lexicon/person_nouns.txt
    ("tycoon", "judge", "actress"), singular or plural."""
    if AGENT_NOUN.search(word):
        return True
    people = lexicon("person_nouns")
    return word in people or any(
        word.endswith(ending) and word[: -len(ending)] in people for ending in ("s", "es")
    )


def head_noun(norm: list[str]) -> str:
    """The head noun: the last word before a post-modifier ("officials | in Washington",
    "a report | released last year", "protesters | marching through the streets")."""
    return norm[head_index(norm)]


def head_index(norm: list[str]) -> int:
    for index, word in enumerate(norm[1:], start=1):
        if word in POST_MODIFIERS or is_participle(norm, index):
            return index - 1
    return len(norm) - 1


def participle_cut(norm: list[str]) -> int | None:
    """Where a participle clause after the head noun starts ("Protesters | marching ..."),
    or None when the phrase has none."""
    cut = head_index(norm) + 1 if norm else 0
    return cut if cut < len(norm) and is_participle(norm, cut) else None


def is_participle(norm: list[str], index: int) -> bool:
    word = norm[index]
    return (
        word.endswith("ing")
        and len(word) > 5
        and norm[index - 1] not in DETERMINERS
        and word not in lexicon("documents")
        # "ranking Democrat", "visiting professor": an adjective before a title, not a clause
        and not (index + 1 < len(norm) and is_title_word(norm[index + 1]))
    )


def is_adverb(token: str) -> bool:
    """A lower-case -ly word ("forcefully told", "cynically dismissed")."""
    return token.endswith("ly") and token.isalpha() and token.islower() and len(token) > 4


def has_verb_cue(text: str) -> bool:
    return any(m.group().lower() not in NOUN_LIKE_CUES for m in find_cues(text))


@lru_cache(maxsize=1)
def government_seats() -> frozenset[str]:
    """Countries' names and capitals (`lexicon/countries.txt`: name, other names, capitals),
    normalised: as a speaker each stands for its government ("Berlin said", "Japan said")."""
    seats = set()
    for line in lexicon_lines("countries"):
        fields = [field.strip() for field in line.split("|")]
        for field in (fields[0], fields[1], fields[3]):
            seats.update(normalize(form) for form in field.split(";") if form.strip())
    return frozenset(seats)


STATES = having("places", "state")


def place_key(norm: list[str]) -> str:
    """A phrase's words as a place would be looked up: without a leading "the"."""
    return " ".join(norm[1:] if norm[:1] == ["the"] else norm)
