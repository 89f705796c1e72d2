"""Claims and evidence analysed once, for every check: the units of meaning a text holds.

A unit is one content word or one multiword thing that carries a fact: a quantity with what it
counts ("10 Patriot interceptors"), a country under any of its names ("Tokyo", "Japanese",
"Japan's"), an acronym or its expansion, a name, a title word, a quantifier or comparative
("only", "both", "more"). Stopwords, hedges and negators are not units; negation and hedges
are kept beside them. The same analysis serves claims and source sentences, so the two sides
are compared in one vocabulary (`align.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import lexicon as lexicons
from .attribution import attribute_sentence
from .model import Attribution, Claim, Quote
from .quantities import SCALES, Quantity, quantities
from .tables import precomputed
from .text import POSSESSIVE, find_quotes, fold, lexicon, lexicon_lines, normalize, words

# The longest lexicon entry matched as one unit, in words ("Democratic People's Republic of
# Korea" is five); longer runs are never names in the lexicons.
MAX_PHRASE_WORDS = 6
# Content words after a negator that it governs: "did not [sell] [weapons]", "had not [kept]
# [track]". Two covers a verb and its object; bench/perturb.py sweeps it.
NEGATION_REACH = 2
# Content words after a hedge that it qualifies ("could [include] [missiles]").
HEDGE_REACH = 3
# "both" that opens a coordination of two ("both the 2004 and the 2008 conventions").
_COORDINATION = re.compile(r"(?:\s+[\w.'\u2019-]+){1,6}?\s+and\s")
# What ends the clause a negator or hedge governs.
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014\u201c\u201d\"]|\s-\s|\.\s")
# Words before which a negative verb is a noun ("in decline", "a refusal"), which negates
# nothing that follows it.
NOUN_MARKERS = frozenset("a an the in of its their his her our this that".split())

# Kinds of unit that carry a fact on their own; "act" is a claim's cue verb that says what a
# source did ("condemned", "denied"), not only that it spoke.
FACT_KINDS = frozenset({"name", "title", "number", "quantifier", "act"})


@dataclass(frozen=True)
class Unit:
    """One unit of meaning, with where it stands in the analysed text."""

    start: int
    end: int
    norm: str
    keys: frozenset[str]  # forms under which it matches: stem, lemma, canonical name
    kind: str  # word, name, title, number, quantifier, relation, act, forename
    group: str | None = None  # a quantifier's class ("exclusive", "more" ...), a relation's side
    quantity: Quantity | None = None
    capitalised: bool = False  # written with a capital (a sentence's first word included)
    # a run of names' initials on its first unit ("usfl" for United States Football League):
    # it matches an acronym's key, never another run with the same initials
    initials: str = ""
    run_end: int = 0  # where that run ends: its other units are said by the acronym too

    @property
    def carries_fact(self) -> bool:
        """A name, title, number or quantifier: changing it changes what the text asserts."""
        return self.kind in FACT_KINDS


@dataclass(frozen=True)
class Analysis:
    """A text read for comparison: its units, quotes, and what negators and hedges govern."""

    text: str
    units: tuple[Unit, ...]
    quotes: tuple[Quote, ...]
    # per negator, the keys of each unit it governs, in order
    negations: tuple[tuple[frozenset[str], ...], ...]
    hedges: tuple[tuple[str, frozenset[str]], ...]  # (hedge, keys of the words it qualifies)
    denied: frozenset[int] = frozenset()  # starts of the units a "not" or "never" governs first

    @property
    def negated(self) -> frozenset[str]:
        """Keys of every unit some negator governs."""
        return frozenset().union(*(keys for scope in self.negations for keys in scope))


@dataclass(frozen=True)
class AnalysedClaim:
    """A claim, its analysis, and the source it names ("Kamikawa said ..."), whose words are
    the speaker check's business, not the alignment's."""

    claim: Claim
    analysis: Analysis
    attribution: Attribution | None
    speaker_units: frozenset[int]  # indexes into analysis.units that name the speaker or cue
    cue_units: frozenset[int] = frozenset()  # of those, the neutral cue ("said", "told")

    @property
    def source_units(self) -> frozenset[int]:
        """The units that name the claim's source, its cue left out ("Kamikawa" of
        "Kamikawa said")."""
        return self.speaker_units - self.cue_units

    @property
    def content(self) -> list[tuple[int, Unit]]:
        return [(i, u) for i, u in enumerate(self.analysis.units) if i not in self.speaker_units]


# --- lexicons ---------------------------------------------------------------------------------


@cache
def _stemmer():
    """The Snowball English stemmer: PyStemmer's (C; 6 ms to import where snowballstemmer's
    package imports the pure-Python stemmers of 30 languages in 40 ms), as
    `snowballstemmer.stemmer("english")` also picks it when installed, else snowballstemmer's.
    The two gave the same stem for all 65,685 distinct words of PolNeAR and the lexicons."""
    try:
        import Stemmer
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A word's Snowball stem, kept: a check's claims and evidence repeat their words."""
    return _stemmer().stemWord(word)


def _irregular_base(form: str) -> str:
    """The base of an irregular form ("sold" -> "sell"), else the form itself."""
    found = _irregular().get(form)
    return next(iter(found)) if found else form


@cache
def _irregular() -> Mapping[str, frozenset[str]]:
    """Irregular forms to their one base (`_irregular_by_form`), read per word from the table
    precomputed from the lexicons (`tables.py`): building it took 5-7 ms of every verify."""
    return precomputed("irregular", _build_irregular)


def _build_irregular() -> dict[str, frozenset[str]]:
    return {form: frozenset({base}) for form, base in _irregular_by_form().items()}


def _irregular_by_form() -> dict[str, str]:
    """Irregular forms to their base ("sold" -> "sell", "better" -> "good"): the hand list
    of irregular verbs, then WordNet's exception lists."""
    table = {}
    for line in lexicon_lines("irregular_verbs"):
        forms = [normalize(f) for f in line.split()]
        for form in forms:
            table.setdefault(form, forms[0])
    for line in lexicon_lines("inflections"):
        form, base = line.split()
        table.setdefault(form, base)
    return table


@cache
def _relations() -> dict[str, str]:
    """Relation words to their side ("to" -> "0a", "from" -> "0b"): each line of
    lexicon/relations.txt holds two opposite sides."""
    table = {}
    for number, line in enumerate(lexicon_lines("relations")):
        for side, forms in zip("ab", line.split("="), strict=True):
            for form in forms.split("|"):
                table[normalize(form)] = f"{number}{side}"
    return table


def is_word(form: str) -> bool:
    """Whether a form is a word the lexicons know (lexicon/common_words.txt, or a key of the
    synonym, derivation or sense tables, the last holding every word of WordNet): the forms
    `base_forms` cuts from a word ("succe" from "succeed") may be none."""
    return (
        form in lexicon("common_words")
        or form in _synonyms()
        or form in _derivations()
        or form in _senses()
    )


def known_word(norm: str) -> bool:
    """Whether a word, or a dictionary form `base_forms` cuts from it ("hired" -> "hire"), is
    a word the lexicons know."""
    return any(is_word(form) for form in base_forms(norm))


def opposite_relations(mine: str, theirs: str) -> bool:
    """Whether two relation words are the two sides of one line of lexicon/relations.txt
    ("up" / "down", "before" / "after")."""
    a, b = _relations().get(mine), _relations().get(theirs)
    return a is not None and b is not None and a[:-1] == b[:-1] and a != b


@cache
def _quantifiers() -> dict[str, str]:
    """Quantifier and comparative words to their meaning class."""
    table = {}
    for line in lexicon_lines("quantifiers"):
        group, forms = (part.strip() for part in line.split(":", 1))
        for form in forms.split("|"):
            table[normalize(form)] = group
    return table


class NameTable:
    """The name table read by word sequence, over its precomputed form: each sequence as its
    words joined by spaces, to the one value "KIND:KEY" ("name:country:japan")."""

    def __init__(self, table: Mapping[str, frozenset[str]]) -> None:
        self._table = table

    def get(self, tokens: tuple[str, ...]) -> tuple[str, str] | None:
        """(canonical key, "name" or "acronym") of the sequence, or None."""
        found = self._table.get(" ".join(tokens))
        if found is None:
            return None
        kind, _, key = next(iter(found)).partition(":")
        return key, kind

    def __contains__(self, tokens: tuple[str, ...]) -> bool:
        return " ".join(tokens) in self._table


@cache
def _names() -> NameTable:
    """Word sequences that name one thing (`_names_by_words`), read per sequence from the
    table precomputed from the lexicons (`tables.py`): building it took 16-28 ms of every
    verify's first claim."""
    return NameTable(precomputed("names", _build_names))


def _build_names() -> dict[str, frozenset[str]]:
    table = {}
    for tokens, (key, kind) in _names_by_words().items():
        if any(" " in token for token in tokens):
            raise ValueError(f"names: {tokens!r} holds a word with a space")
        table[" ".join(tokens)] = frozenset({f"{kind}:{key}"})
    return table


def _names_by_words() -> dict[tuple[str, ...], tuple[str, str]]:
    """Word sequences that name one thing, to (canonical key, "name" or "acronym"): every
    country's names, demonyms and capitals; every acronym and its expansions; the aliases."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(form: str, key: str, acronym: bool = False) -> None:
        tokens = tuple(w.norm for w in words(form))
        if tokens and len(tokens) <= MAX_PHRASE_WORDS:
            table.setdefault(tokens, (key, "acronym" if acronym else "name"))

    for line in lexicon_lines("countries"):
        fields = [f.strip() for f in line.split("|")]
        key = "country:" + normalize(fields[0])
        for field in fields:
            for form in field.split(";"):
                if form.strip():
                    add(form.strip(), key)
    for line in lexicon_lines("acronyms"):
        acronym, _, expansions = line.partition("|")
        key = "acronym:" + normalize(acronym)
        for form in [acronym, *expansions.split(";")]:
            if form.strip():
                add(form.strip(), key, acronym=form.strip() == acronym.strip())
    for line in lexicon_lines("aliases"):
        names = [n.strip() for n in line.split("|")]
        key = "alias:" + normalize(names[0])
        for name in names:
            existing = table.get(tuple(w.norm for w in words(name)))
            add(name, existing[0] if existing else key)
    return table


# Prefixes that negate the word they attach to (un-likely, in-complete, dis-agree, non-
# binding), from English morphology; the bare word must be 4 letters or more so that
# "inform" is not read as "not form".
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def listed_opposites(form: str) -> frozenset[str]:
    """Dictionary forms opposite to `form` by a list: WordNet's antonyms and the one-word
    pairs of lexicon/antonyms.txt."""
    return _antonyms().get(form, frozenset()) | _hand_opposites().get(form, frozenset())


def opposites(form: str) -> set[str]:
    """Dictionary forms opposite to `form`: WordNet's antonyms, the one-word pairs of
    lexicon/antonyms.txt and the negating prefixes."""
    opposites = set(listed_opposites(form))
    for prefix in NEGATING_PREFIXES:
        if form.startswith(prefix) and len(form) - len(prefix) >= 4:
            opposites.add(form[len(prefix) :])
        if len(form) >= 4:
            opposites.add(prefix + form)
    return opposites


@cache
def _antonyms() -> Mapping[str, frozenset[str]]:
    """WordNet's antonyms (lexicon/antonyms_wordnet.txt), both ways; read per word from the
    table precomputed from the lexicon (`tables.py`)."""
    return precomputed("antonyms_wordnet", _build_antonyms)


def _build_antonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in lexicon_lines("antonyms_wordnet"):
        left, right = (side.strip() for side in line.split("="))
        table.setdefault(left, set()).add(right)
        table.setdefault(right, set()).add(left)
    return {word: frozenset(others) for word, others in table.items()}


@cache
def _hand_opposites() -> dict[str, frozenset[str]]:
    """The one-word forms of lexicon/antonyms.txt, each to the forms of the other side."""
    table: dict[str, set[str]] = {}
    for line in lexicon_lines("antonyms"):
        left, right = (
            {normalize(w) for w in side.split("|") if " " not in w.strip()}
            for side in line.split("=")
        )
        for mine, theirs in ((left, right), (right, left)):
            for word in mine:
                table.setdefault(word, set()).update(theirs)
    return {word: frozenset(others) for word, others in table.items()}


def are_opposites(mine: str, theirs: str) -> bool:
    """Whether two words are opposites by any of their dictionary forms (closed / opened,
    vetoed / approved): WordNet's antonyms, negating prefixes, lexicon/antonyms.txt."""
    theirs_forms = set(base_forms(theirs)) | {theirs}
    return any(opposites(form) & theirs_forms for form in set(base_forms(mine)) | {mine})


# --- units ------------------------------------------------------------------------------------


def _bare(norm: str) -> str:
    """A word without a possessive ending ("japan's" -> "japan")."""
    for ending in ("'s", "s'"):
        if norm.endswith(ending) and len(norm) > len(ending) + 1:
            return norm[: -len(ending)] + ("s" if ending == "s'" else "")
    return norm


# WordNet's detachment rules (morphy): suffixes an inflected form may end with, and what
# replaces each to give a base form.
_DETACH = (
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
    ("men", "man"),
)


@lru_cache(maxsize=65536)
def base_forms(norm: str) -> tuple[str, ...]:
    """Candidate dictionary forms of a word: itself, an irregular verb's base, and what
    each detachment rule leaves (a doubled final consonant undone: "planned" -> "plan").
    Kept per word: the analysis of one check asks for 10,000 words' forms."""
    bare = _bare(norm)
    forms = [bare, _irregular_base(bare)]
    for suffix, replacement in _DETACH:
        if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
            stem = bare[: -len(suffix)] + replacement
            forms.append(stem)
            if replacement == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
        elif bare.endswith(suffix) and len(bare) > len(suffix) and not is_word(bare):
            # a short form no dictionary lists ("sued", "owes"): only a stem of three letters
            # or more that is a word ("sue", "owe"); shorter ones are letters and symbols
            # WordNet lists ("l" of "led", "fe" of "fed")
            stem = bare[: -len(suffix)] + replacement
            if len(stem) >= 3 and is_word(stem):
                forms.append(stem)
    return tuple(dict.fromkeys(forms))


@cache
def _synonyms() -> Mapping[str, frozenset[str]]:
    """Each word or phrase of lexicon/synonyms.txt to the synsets it belongs to; read per
    word from the table precomputed from the lexicon (`tables.py`)."""
    return precomputed("synonyms", _build_synonyms)


def _build_synonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for number, line in enumerate(lexicon_lines("synonyms")):
        for form in line.split("|"):
            table.setdefault(form.strip(), set()).add(f"syn:{number}")
    return {form: frozenset(groups) for form, groups in table.items()}


# How many of WordNet's links (lexicon/senses.txt) may lie between a sense of one word and a
# sense of the other for the two to share a meaning: 1 takes a hypernym, a similar adjective
# or a derivation ("shift" / "move"). `bench/perturb.py --threshold-sweep --constants
# SENSE_LINKS_APART --kinds word letter --articles 60 --per-article 0` (seed 11) with the
# paraphrase set: 0 keeps 59 of 68 true paraphrases and lets 11.6% of the words changed pass,
# 1 keeps 60 (15.4%), 2 keeps 60 (19.1%), 3 keeps 62 (31.5%), 4 keeps 63 (50.8%). 0-2 score
# within a point; 1 is where the paraphrases' plateau begins.
SENSE_LINKS_APART = 1


@cache
def _senses() -> Mapping[str, frozenset[str]]:
    """Each word of lexicon/senses.txt to the lines of the synsets it has a sense in, every
    sense; read per word from the table precomputed from the lexicon (`tables.py`)."""
    return precomputed("senses", _build_senses)


def _build_senses() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for number, line in enumerate(lexicon_lines("senses")):
        for word in line.partition("\t")[0].split("|"):
            table.setdefault(word, set()).add(str(number))
    return {word: frozenset(lines) for word, lines in table.items()}


@cache
def _sense_links() -> Mapping[str, frozenset[str]]:
    """Each line of lexicon/senses.txt that WordNet links to others, to the lines it links
    to; read per line from the precomputed table (parsing the 43,441 lines' links took a
    run's first substituted word 0.1 s; there are 78,559 lines now)."""
    return precomputed("sense_links", _build_sense_links)


def _build_sense_links() -> dict[str, frozenset[str]]:
    table = {}
    for number, line in enumerate(lexicon_lines("senses")):
        links = line.partition("\t")[2].split()
        if links:
            table[str(number)] = frozenset(links)
    return table


def share_a_sense(mine: str, theirs: str) -> bool | None:
    """Whether WordNet relates two words in any sense of each (lexicon/senses.txt): a sense
    they share ("critic" / "knocker"), or senses at most `SENSE_LINKS_APART` links apart
    ("shift" / "move"). None when either is no word it knows: nothing can be said of it."""
    a, b = _sense_lines(mine), _sense_lines(theirs)
    if not a or not b:
        return None
    reached = set(a)
    for _ in range(SENSE_LINKS_APART):
        reached |= {t for line in reached for t in _sense_links().get(line, ())}
    return bool(reached & b)


def _sense_lines(norm: str) -> frozenset[str]:
    """The senses of every dictionary form a word may be ("declined" -> "decline")."""
    table = _senses()
    return frozenset(n for form in base_forms(norm) for n in table.get(form, ()))


@cache
def _derivations() -> Mapping[str, frozenset[str]]:
    """Each word of lexicon/derivations.txt to its links, one key per linked pair: "entry"
    matches "enter", "presidential" matches "president", without chaining further; read per
    word from the table precomputed from the lexicon (`tables.py`)."""
    return precomputed("derivations", _build_derivations)


def _build_derivations() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for number, line in enumerate(lexicon_lines("derivations")):
        for word in line.split():
            table.setdefault(word, set()).add(f"der:{number}")
    return {word: frozenset(links) for word, links in table.items()}


# The tables read from lexicon/tables/ (tools/build_lexicon_tables.py writes them with these
# builders; tests/test_tables.py holds each file equal to what its builder makes).
PRECOMPUTED_TABLES = {
    "irregular": _build_irregular,
    "names": _build_names,
    "synonyms": _build_synonyms,
    "derivations": _build_derivations,
    "antonyms_wordnet": _build_antonyms,
    "senses": _build_senses,
    "sense_links": _build_sense_links,
}


def name_keys(bare: str) -> frozenset[str]:
    """A one-word name matches itself and the names sharing its stem ("Democrats" /
    "Democratic", "Republicans" / "Republican"): a name's inflections and adjectives name the
    same thing. Never its synonyms: "Bush" is no shrub."""
    return frozenset({bare, _stem(bare)})


# Words that name a number ("millions", "a dozen"). WordNet puts the large ones in one synset
# ("a large indefinite quantity": millions, billions, zillions) and "dozens" among "scores"
# and "lots": read by their synsets, "millions" would say "billions". Each matches only
# itself (a count beside them is compared as a quantity, `quantities`).
NUMBER_WORDS = frozenset(SCALES) | {"dozen"}


@lru_cache(maxsize=65536)
def word_keys(norm: str) -> frozenset[str]:
    """The forms under which a word matches another: itself, its stem, its verb base, the
    synsets of its dictionary form (lexicon/synonyms.txt) and its derivational links
    (lexicon/derivations.txt). Kept per word: claims and their evidence repeat words."""
    prefix, _, rest = norm.partition("-")
    if rest and prefix in lexicon("prefixes"):
        return frozenset({norm.replace("-", "")}) | word_keys(rest)
    forms = base_forms(norm)
    base = _irregular_base(forms[0])
    keys = {forms[0], base, _stem(base)}
    if not NUMBER_WORDS.isdisjoint(forms):
        return frozenset(keys)
    for table in (_synonyms(), _derivations()):
        for form in forms:  # every dictionary form it may be: "established" adj. and verb
            keys |= table.get(form, frozenset())
    return frozenset(keys)


# Words that end no synonym phrase in running text: after a verb they usually open a
# prepositional phrase ("closed in 2010", "moved to Iowa"), unlike particles ("set up").
PREPOSITIONS = frozenset(
    "in into to toward towards for against from with within inside outside before after "
    "behind ahead at by of on".split()
)


def _phrase_keys(
    pieces: list[tuple[str, int, int]], index: int, text: str = ""
) -> tuple[int, frozenset[str]]:
    """(width, synsets) of a two- or three-word synonym phrase ("set up", "work out") at
    `index`, its first word in any inflection; (0, empty) when there is none. A phrase
    that opens with a quantifier ("every year", "all day") is none: the quantifier is a
    fact of its own ("every year" / "no year"). Nor does one whose later word is written
    with a capital: "in the South China Sea" holds a name, not WordNet's "in the south";
    nor one whose earlier word is a possessive: "the city's block" is no "city block"."""
    if pieces[index][0] in _quantifiers():
        return 0, frozenset()
    for width in (3, 2):
        if index + width > len(pieces):
            continue
        if any(text[p[1] : p[1] + 1].isupper() for p in pieces[index + 1 : index + width]):
            continue
        if any(POSSESSIVE.search(p[0]) for p in pieces[index : index + width - 1]):
            continue
        if pieces[index + width - 1][0] in PREPOSITIONS:
            continue  # "closed in 2010" is no "close in"; particles ("set up") stay
        rest = " ".join(p[0] for p in pieces[index + 1 : index + width])
        for form in base_forms(pieces[index][0]):
            groups = _synonyms().get(f"{form} {rest}")
            if groups:
                return width, groups
    return 0, frozenset()


def _is_title_phrase(pieces: list[tuple[str, int, int]]) -> bool:
    """Whether every word of a phrase is a title word or a connector ("secretary of state")."""
    return all(p[0] in lexicon("titles") or p[0] in _UNINITIALLED for p in pieces)


def _pieces(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end), hyphenated compounds split into their parts, so that
    "X-class" and "X class" read the same; a compound the name lexicon knows whole ("PAC-3",
    "U.S.") stays one piece."""
    pieces = []
    for word in words(text):
        if "-" not in word.norm or (word.norm,) in _names():
            pieces.append((word.norm, word.start, word.end))
            continue
        if word.norm.split("-")[0] in lexicon("prefixes"):
            # "co-produce" is one word; it matches "co-production" through "produce"
            pieces.append((word.norm, word.start, word.end))
            continue
        offset = word.start
        for part in word.norm.split("-"):
            position = fold(text[offset : word.end]).lower().find(part)
            start = offset + max(position, 0)
            if part:
                pieces.append((part, start, start + len(part)))
            offset = start + len(part)
    return pieces


def _is_name(text: str, pieces: list[tuple[str, int, int]], index: int) -> bool:
    """A capitalised word that is a name: anywhere but at a sentence's start, where it must be
    followed by another capitalised word ("Lloyd Austin said") or a relative "who" ("Black,
    who runs ...") or be no common English word ("Kishida will", but not "Details of")."""
    norm, start, _ = pieces[index]
    if not text[start : start + 1].isupper() or norm in lexicon("stopwords"):
        return False
    opening = index == 0 or (
        text[pieces[index - 1][2] : start].strip(" \t\"'\u201c\u2018(")[-1:] in {".", ":", "?", "!"}
        and not _abbreviation(text, pieces[index - 1])
    )
    if not opening:
        return True
    following = pieces[index + 1][1] if index + 1 < len(pieces) else None
    if following is not None and text[following : following + 1].isupper():
        return True
    if _PERSON_CLAUSE.match(text, pieces[index][2]):
        return True  # "Black, who has ...": a relative "who" follows a person
    return not any(form in lexicon("common_words") for form in base_forms(norm))


_PERSON_CLAUSE = re.compile(r",?\s+who\b")


def _abbreviation(text: str, piece: tuple[str, int, int]) -> bool:
    """Whether a word before a full stop is an initial or a title's abbreviation ("George W.
    Bush", "Sen. Cruz"), whose stop ends no sentence."""
    norm, start, end = piece
    return text[end : end + 1] == "." and (
        (len(norm) == 1 and text[start:end].isupper()) or norm + "." in lexicon("titles")
    )


def _phrase_at(text: str, pieces: list[tuple[str, int, int]], index: int) -> tuple[int, str] | None:
    """(width, canonical key) of the longest lexicon name starting at `index`, written as a
    name: capitalised, and an acronym in capitals ("WHO", never "who")."""
    start = pieces[index][1]
    if not text[start : start + 1].isupper():
        return None
    for width in range(min(MAX_PHRASE_WORDS, len(pieces) - index), 0, -1):
        tokens = [p[0] for p in pieces[index : index + width]]
        tokens[-1] = _bare(tokens[-1])
        hit = _names().get(tuple(tokens))
        if hit is None:
            continue
        written = text[start : pieces[index + width - 1][2]]
        if hit[1] == "acronym" and width == 1 and written.upper() != written:
            continue
        return width, hit[0]
    return None


def _units(text: str) -> tuple[list[Unit], list[tuple[str, int]]]:
    """The units of `text`, and the positions of its negators and hedges among them."""
    found = quantities(text)
    pieces = _pieces(text)
    units: list[Unit] = []
    markers: list[tuple[str, int]] = []  # ("negation" | hedge word, number of units before it)
    hedge_words = {h for h in lexicon("hedges") if " " not in h}
    index = 0
    while index < len(pieces):
        norm, start, end = pieces[index]
        quantity = next((q for q in found if q.start <= start < max(q.end, q.start + 1)), None)
        phrase = _phrase_at(text, pieces, index)
        if quantity is not None and phrase is not None and phrase[0] > 1:
            quantity = None  # a name with a number in it: "Second World War", "Group of Seven"
        if quantity is not None:
            # the value is the unit; the words of what it counts stay words of their own
            while index < len(pieces) and pieces[index][1] < quantity.value_end:
                index += 1
            key = f"{quantity.kind}:{quantity.unit}"
            stop = max(quantity.value_end, pieces[index - 1][2])
            written = normalize(text[quantity.start : stop])
            units.append(
                Unit(quantity.start, stop, written, frozenset({key}), "number", quantity=quantity)
            )
            found.remove(quantity)
            continue
        if phrase is not None:
            width, key = phrase
            stop = pieces[index + width - 1][2]
            units.append(
                Unit(
                    start,
                    stop,
                    normalize(text[start:stop]),
                    frozenset({key}),
                    "name",
                    capitalised=True,
                )
            )
            index += width
            continue
        # a synonym phrase is common words: "set up", never "Foreign Minister"; nor does a
        # title opening the sentence open one ("Republican party leaders": a role, as
        # anywhere else in a sentence, not WordNet's "Republican Party")
        capitalised = text[start : start + 1].isupper() and (
            index > 0 or _is_name(text, pieces, index) or norm in lexicon("titles")
        )
        width, groups = (0, frozenset()) if capitalised else _phrase_keys(pieces, index, text)
        if width:
            stop = pieces[index + width - 1][2]
            phrase = normalize(text[start:stop])
            # an office written in lower case ("attorney general", "secretary of state") is
            # a title as much as when capitalised: another one in its place is a new fact
            kind = "title" if _is_title_phrase(pieces[index : index + width]) else "word"
            units.append(Unit(start, stop, phrase, groups | word_keys(norm), kind))
            if pieces[index][0] in lexicon("negation"):
                markers.append(("negation", len(units)))  # "no longer owns" negates owns
            index += width
            continue
        index += 1
        bare = _bare(norm)
        capital = text[start : start + 1].isupper()
        if bare in lexicon("negation") or norm.endswith("n't"):
            markers.append(("negation", len(units)))
        elif bare in _relations():
            side = _relations()[bare]
            units.append(Unit(start, end, bare, frozenset({side}), "relation", side))
        elif bare in _quantifiers():
            group = _quantifiers()[bare]
            if bare == "both" and _COORDINATION.match(text, end):
                group = "~" + group  # "both X and Y" says no more than "X and Y"
            units.append(Unit(start, end, bare, frozenset({group}), "quantifier", group))
        elif bare in hedge_words:
            markers.append((bare, len(units)))
        elif bare in lexicon("stopwords") or bare in lexicon("modals"):
            continue
        elif bare in lexicon("titles") and capital:
            units.append(Unit(start, end, bare, word_keys(norm), "title", capitalised=True))
        elif _is_name(text, pieces, index - 1):
            units.append(Unit(start, end, bare, name_keys(bare), "name", capitalised=True))
        elif bare in lexicon("titles"):
            units.append(Unit(start, end, bare, word_keys(norm), "title"))
        else:
            units.append(Unit(start, end, bare, word_keys(norm), "word", capitalised=capital))
            if _negates(norm, pieces, index):
                # "declined to renew" negates renew; "skipped the vote" is itself "not ..."
                markers.append(("negative-verb", len(units)))
    return units, markers


def is_negative_verb(norm: str) -> bool:
    """Whether a word is a form of a verb of lexicon/negative_verbs.txt ("declined")."""
    return bool(_negative_verb_behaviours(norm))


def _negative_verb_behaviours(norm: str) -> list[frozenset[str]]:
    """The behaviours of each dictionary form of a word that lexicon/negative_verbs.txt
    lists ("declined" -> decline's {"infinitive"}); none for another word."""
    verbs = lexicons.table("negative_verbs")
    return [verbs[form] for form in base_forms(norm) if form in verbs]


def _negates(norm: str, pieces: list[tuple[str, int, int]], after: int) -> bool:
    """Whether the word before `pieces[after]` is a negative verb that negates what follows
    (lexicon/negative_verbs.txt): not after an article or preposition, where it is a noun
    ("a decline"), and for an implicative verb only before its infinitive ("failed to")."""
    if after > 1 and pieces[after - 2][0] in NOUN_MARKERS:
        return False
    return any(
        "infinitive" not in behaviours or (after < len(pieces) and pieces[after][0] == "to")
        for behaviours in _negative_verb_behaviours(norm)
    )


# Words a name's initials leave out ("United States Football League" is USFL, "Bank of
# England" BoE), and the lengths an acronym has: two letters (UN) to six (ECOWAS), which
# holds 243 of the 248 entries of lexicon/acronyms.txt by their letters.
_UNINITIALLED = frozenset({"of", "and", "the", "for", "&"})
ACRONYM_LENGTHS = range(2, 7)
# Initials of a run of names stand for an acronym from three letters: two are any person's
# ("Donald Trump", "Dan Tripp"); the two-letter acronyms are in lexicon/acronyms.txt.
RUN_ACRONYM_LENGTHS = range(3, 7)


def _with_acronym_keys(text: str, units: list[Unit]) -> list[Unit]:
    """Units that may also stand for an acronym: a one-word name under its letters in any
    case ("Nafta", "W.T.O." for NAFTA, WTO), and the first unit of a run of capitalised
    words with the run's initials ("United States Football League" for USFL), so that an
    acronym a text spells out is found with no lexicon entry. Two runs with the same
    initials are different names ("Carter and Eric Fanning" / "Cook and Eric Fanning")."""
    keys = [set(unit.keys) for unit in units]
    initials = [("", 0)] * len(units)
    for index, unit in enumerate(units):
        canonical = any(":" in key for key in unit.keys)  # a lexicon name has its key
        if unit.kind == "name" and " " not in unit.norm and not canonical:
            letters = "".join(c for c in unit.norm if c.isalpha())
            if len(letters) in ACRONYM_LENGTHS:
                keys[index].add("acronym:" + letters)
    for run in _name_runs(text, units):
        words = text[units[run[0]].start : units[run[-1]].end].split()
        letters = "".join(w[0] for w in words if w.lower() not in _UNINITIALLED).lower()
        if len(letters) in RUN_ACRONYM_LENGTHS and letters.isalpha():
            initials[run[0]] = (letters, units[run[-1]].end)  # the others stay themselves
    return [
        replace(u, keys=frozenset(k), initials=i[0], run_end=i[1]) if k != u.keys or i[0] else u
        for u, k, i in zip(units, keys, initials, strict=True)
    ]


def _name_runs(text: str, units: list[Unit]) -> list[list[int]]:
    """Runs of two or more consecutive capitalised name and title units with nothing but
    words initials leave out between them ("Bank of England"), as unit indexes."""
    runs: list[list[int]] = []
    for index, unit in enumerate(units):
        if not (unit.capitalised and unit.kind in ("name", "title")):
            continue
        gap = text[units[index - 1].end : unit.start].split() if index else []
        if runs and runs[-1][-1] == index - 1 and all(w.lower() in _UNINITIALLED for w in gap):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) >= 2]


def _governed(
    text: str, units: list[Unit], markers: list[tuple[str, int]], marker: str, reach: int
):
    """(marker, the `reach` units after it in its clause), relation words skipped ("not to
    renew"): a comma, dash, colon or bracket ends what a negator or hedge governs ("on
    about no metric, but we don't know" negates no knowing). A negator with nothing after
    it governs the unit before it. A negative verb governs itself too: "skipped the vote"
    says "did not attend the vote", and a claim's "did not attend" pairs with it."""
    for name, position in markers:
        negator = name in ("negation", "negative-verb")
        if (marker == "negation") != negator:
            continue
        following: list[Unit] = []
        for unit in units[position:]:
            if following and CLAUSE_BREAK.search(text, following[-1].end, unit.start):
                break
            if unit.kind != "relation":
                following.append(unit)
            if len(following) == reach:
                break
        if not following and name == "negation" and 0 < position <= len(units):
            # nothing follows in its clause: an ellipsis ("Cruz had staff there; Kasich did
            # not") negates what stands before it
            following = [units[position - 1]]
        elif name == "negative-verb":
            following = [units[position - 1], *following]
        yield name, following


@lru_cache(maxsize=4096)
def analyse_text(text: str) -> Analysis:
    """The analysis of one text (a claim or an evidence passage); cached, as one source
    sentence is evidence for many claims."""
    units, markers = _units(text)
    units = _with_acronym_keys(text, _with_role_words(text, units))
    negators = list(_governed(text, units, markers, "negation", NEGATION_REACH))
    negations = tuple(tuple(unit.keys for unit in governed) for _, governed in negators)
    denied = frozenset(
        governed[0].start for name, governed in negators if name == "negation" and governed
    )
    hedges = [
        (hedge, frozenset(k for u in governed for k in u.keys))
        for hedge, governed in _governed(text, units, markers, "hedge", HEDGE_REACH)
    ]
    hedges += _phrase_hedges(text, units)
    quotes = tuple(find_quotes(text))
    return Analysis(text, tuple(units), quotes, negations, tuple(hedges), denied)


# Words that open a noun phrase: the word after one and before a title is that title's
# modifier ("the trade minister"), not a verb ("told Interior Minister Roe").
_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "whose"})


def _with_role_words(text: str, units: list[Unit]) -> list[Unit]:
    """A lower-case word between a noun phrase's opening (an article, a possessive, a name)
    and a title names the office ("the trade minister", "the French health secretary"):
    it is a title word as much as "defense" in "defense minister", so another word in its
    place is another office."""
    out = list(units)
    for index, unit in enumerate(units[:-1]):
        following = units[index + 1]
        if unit.kind != "word" or unit.capitalised or following.kind != "title":
            continue
        if following.capitalised:  # "told Foreign Minister Roe": a title before a name
            continue
        if text[unit.end : following.start] != " ":
            continue
        opener = (text[max(0, unit.start - 8) : unit.start].split() or [""])[-1].lower()
        previous = units[index - 1] if index else None
        after_name = (
            previous is not None
            and previous.kind in ("name", "title")
            and text[previous.end : unit.start] == " "
        )
        if opener in _OPENERS or after_name:
            out[index] = replace(unit, kind="title")
    return out


# Pronouns that open a sentence as its subject and stand for one person named before.
_SUBJECT_PRONOUNS = re.compile(r"(?:He|She)\b")


def with_antecedents(analysis: Analysis, breaks: tuple[int, ...], context: str) -> Analysis:
    """The analysis with a name unit where a sentence of it opens with "He" or "She" and
    the sentence before (`context` for the first) opens with a person's name: the pronoun
    continues that subject ("Liz Cheney won the primary. She will now face Ryan Greene"),
    the reading centering theory gives a subject pronoun (Grosz, Joshi & Weinstein 1995).
    Only an opening name counts: one named later in the sentence before is no sure
    antecedent. Likewise "the area", "the region" or "the waters" stand for the last place
    the sentence before names (`_last_place`)."""
    starts = (0, *breaks)
    added = []
    for k, start in enumerate(starts):
        pronoun = _SUBJECT_PRONOUNS.match(analysis.text, start)
        if pronoun is None:
            continue
        before = context if k == 0 else analysis.text[starts[k - 1] : start]
        name = _opening_name(before)
        if name:
            added.append(_standing_for(name, start, pronoun.end()))
    for anaphor in _PLACE_ANAPHOR.finditer(analysis.text):
        k = sum(anaphor.start() >= b for b in breaks)
        before = context if k == 0 else analysis.text[starts[k - 1] : starts[k]]
        place = _last_place(before)
        if place:
            added.append(_standing_for(place, anaphor.start(), anaphor.end()))
    if not added:
        return analysis
    units = tuple(sorted((*analysis.units, *added), key=lambda u: u.start))
    return replace(analysis, units=units)


def _standing_for(names: list[Unit], start: int, end: int) -> Unit:
    """One name unit at `start:end` ("She", "the area") that matches what the run of
    `names` it stands for matches."""
    keys = frozenset().union(*(u.keys for u in names))
    norm = " ".join(u.norm for u in names)
    return Unit(start, end, norm, keys, "name", capitalised=True)


# A definite noun phrase that stands for a place named before ("claims in the area").
_PLACE_ANAPHOR = re.compile(r"\bthe (?:area|region|waters)\b")


def _last_place(text: str) -> list[Unit]:
    """The last run of names in `text` (an "of" inside it) that holds a country or a capital
    ("the South China Sea", "the Gulf of Guinea"): what "the area" or "the region" in the
    next sentence stands for, the most recent place named (the recency preference of
    definite-description anaphora)."""
    runs: list[list[Unit]] = []
    for unit in analyse_text(text).units:
        if unit.kind != "name":
            continue
        if runs and text[runs[-1][-1].end : unit.start].strip() in ("", "of"):
            runs[-1].append(unit)
        else:
            runs.append([unit])
    places = [run for run in runs if any(k.startswith("country:") for u in run for k in u.keys)]
    return places[-1] if places else []


def with_forenames(analysis: Analysis, known: Mapping[str, frozenset[str]]) -> Analysis:
    """The analysis with a forename unit on each surname standing alone whose source puts
    one forename only before it ("Al Gore" ... "Gore plans to skip"): a claim that names
    him "Al Gore" names the same man, and one that says "Bill Gore" names another. A
    surname the source gives two forenames (two Clintons) stays a surname alone, and so does
    one that opens a longer name, whatever its next word ("Trump National Doral", "Gore
    Foundation": a place or a body named for the man, not the man). The unit is a
    "forename": it matches the claim's forename and stands in no other name's place."""
    units: list[Unit] = []
    for index, unit in enumerate(analysis.units):
        firsts = known.get(unit.norm, frozenset())
        before = analysis.units[index - 1] if index else None
        after = analysis.units[index + 1] if index + 1 < len(analysis.units) else None
        in_run = (before is not None and _adjacent_names(analysis.text, before, unit)) or (
            after is not None
            and after.capitalised
            and not analysis.text[unit.end : after.start].strip()
        )
        if unit.kind == "name" and len(firsts) == 1 and not in_run:
            (first,) = firsts
            units.append(
                Unit(unit.start, unit.end, first, name_keys(first), "forename", capitalised=True)
            )
        units.append(unit)
    if len(units) == len(analysis.units):
        return analysis
    return replace(analysis, units=tuple(units))


def _adjacent_names(text: str, first: Unit, second: Unit) -> bool:
    """Whether two units are names of one run ("Ivanka Trump"): nothing but a space between."""
    return first.kind == second.kind == "name" and not text[first.end : second.start].strip()


def _opening_name(text: str) -> list[Unit]:
    """The name units a sentence opens with, a title before them skipped ("Gov. Ann Roe
    said"); none when it opens otherwise, or with a country."""
    text = text.lstrip()
    run: list[Unit] = []
    end = 0
    for unit in analyse_text(text).units:
        if text[end : unit.start].strip():
            break  # a comma, or a word that is no unit ("the"), ends the opening name
        if unit.kind == "name":
            run.append(unit)
        elif unit.kind != "title" or run:
            break
        end = unit.end
    if any(key.startswith("country:") for unit in run for key in unit.keys):
        return []
    return run


def _phrase_hedges(text: str, units: list[Unit]) -> list[tuple[str, frozenset[str]]]:
    """Hedges of several words ("is expected to"), with the units that follow them."""
    folded = normalize(text)
    found = []
    # longest first, then by spelling: the same hedge is named whatever the set's order
    for hedge in sorted(lexicon("hedges"), key=lambda h: (-len(h), h)):
        if " " not in hedge:
            continue
        at = folded.find(hedge)
        if at >= 0:
            after = [u for u in units if u.start >= at + len(hedge)][:HEDGE_REACH]
            found.append((hedge, frozenset(k for u in after for k in u.keys)))
    return found


def with_denied_opposites(analysis: Analysis) -> Analysis:
    """The analysis with each word a "not" or "never" governs first ("did not attend",
    "never accepted") also matching its dictionary opposites ("skipped", "rejected"), in its
    unit and in its negator's scope: the claim then states less than a source that uses the
    opposite, and follows from it. Only for a claim: a source's "did not attend" does not
    say that a claim's "skipped" is true. Opposites from WordNet and lexicon/antonyms.txt,
    not from negating prefixes, which make words of any string ("form" / "inform")."""
    widened: dict[frozenset[str], frozenset[str]] = {}
    units = []
    for unit in analysis.units:
        if unit.start in analysis.denied and unit.kind in ("word", "act"):
            forms = base_forms(unit.norm)
            found = {o for f in forms for o in listed_opposites(f)}
            if found:
                keys = unit.keys | {k for o in found for k in (o, _stem(o))}
                widened[unit.keys] = keys
                unit = replace(unit, keys=keys)
        units.append(unit)
    if not widened:
        return analysis
    negations = tuple(tuple(widened.get(k, k) for k in scope) for scope in analysis.negations)
    return replace(analysis, units=tuple(units), negations=negations)


def analyse_claim(claim: Claim) -> AnalysedClaim:
    """The claim's analysis and the source it names, if any."""
    analysis = with_denied_opposites(analyse_text(claim.text))
    stated = attribute_sentence(claim.text)
    speaker: set[int] = set()
    cue: set[int] = set()
    if stated is not None:
        # a role stays a fact to check: "former White House aide"
        speaker = _units_of_phrase(claim.text, analysis, stated.speaker)
        verb = _units_of_phrase(claim.text, analysis, stated.cue) - speaker
        # "said" adds nothing; "condemned" is a fact to check, an act
        neutral = bool(stated.cue) and normalize(stated.cue) in lexicon("neutral_cues")
        cue, acts = (verb, set()) if neutral else (set(), verb)
        units = [replace(u, kind="act") if i in acts else u for i, u in enumerate(analysis.units)]
        analysis = replace(analysis, units=tuple(units))
    return AnalysedClaim(claim, analysis, stated, frozenset(speaker | cue), frozenset(cue))


def speech_cue_offsets(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the speech cues of `text` start ("told"), and where those that may stand before
    their speaker end ("according to", "said"): a name just before the one or just after
    the other is a source the text reports."""
    from .attribution.words import find_cues

    return tuple(c.at for c in find_cues(text)), tuple(c.stop for c in find_cues(text, "invert"))


def _units_of_phrase(text: str, analysis: Analysis, phrase: str | None) -> set[int]:
    """Units inside the first occurrence of `phrase` outside the claim's quotes."""
    if not phrase:
        return set()
    quoted = [(q.start, q.end) for q in analysis.quotes]
    lowered, wanted = text.lower(), phrase.lower()
    at = lowered.find(wanted)
    while at >= 0 and any(a <= at < b for a, b in quoted):
        at = lowered.find(wanted, at + 1)
    if at < 0:
        return set()
    return {
        i
        for i, u in enumerate(analysis.units)
        if at <= u.start < at + len(wanted) and not any(a <= u.start < b for a, b in quoted)
    }
