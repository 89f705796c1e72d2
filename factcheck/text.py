"""Normalisation for matching, words with their original offsets, quotes and line numbers.

Matching happens on normalised text (quotes, dashes, spaces and case folded); every
position reported to a user is computed on the original text, through `words()`.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from .model import Quote

_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",  # hyphens join words ...
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2013": " - ",  # ... dashes separate them, even unspaced ("problem\u2014they")
    "\u2014": " - ",
    "\u2015": " - ",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\u200b": None,
    "\u200c": None,
    "\u200d": None,
    "\u2060": None,
    "\ufeff": None,
}
# One pass of a character class finds what to fold: str.translate looks every character of a
# non-ASCII text up in a table, 2.8x slower over the sentences of news text that need it.
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLD)) + "]")


def _folded(match: re.Match[str]) -> str:
    return _FOLD[match.group()] or ""


# Words may carry combining marks (casefolding "İ" gives "i" + U+0307) and zero-width
# characters, which normalisation drops: "Pat\u200briot" is one word, "patriot".
_INNER = "[\\w\u0300-\u036f\u200b-\u200d\u2060\ufeff]*"
# Inside a word: apostrophes, hyphens, dots, and every character that folds to one of them.
_JOINERS = "'`.\\-\u2018\u2019\u201a\u201b\u2032\u2010\u2011\u2012\u2212"
_ZERO_WIDTH = "[\u200b-\u200d\u2060\ufeff]*"
WORD = re.compile(rf"\w{_INNER}(?:{_ZERO_WIDTH}[{_JOINERS}]{_ZERO_WIDTH}\w{_INNER})*")


def fold(text: str) -> str:
    """Fold quotes, dashes, odd spaces and zero-width characters to ASCII forms; keeps case."""
    if text.isascii() and "`" not in text:
        return text  # the common case, and nothing to fold
    return _FOLDABLE.sub(_folded, unicodedata.normalize("NFKC", _FOLDABLE.sub(_folded, text)))


def fold_with_map(text: str) -> tuple[str, Callable[[int], int]]:
    """`fold(text)` and a function from its offsets back to offsets in `text` (folding can
    lengthen a dash to " - " or shorten a ligature), so that matches on folded text are
    reported where they stand in the original."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded, lambda offset: offset
    starts: list[int] = []
    for index, char in enumerate(text):
        starts.extend([index] * len(fold(char)))
    starts.append(len(text))
    if len(starts) != len(folded) + 1:  # NFKC joined characters: fall back to proportion
        return folded, lambda offset: round(offset * len(text) / max(len(folded), 1))
    return folded, lambda offset: starts[min(offset, len(folded))]


def normalize(text: str) -> str:
    """The form used for matching: folded, lower-cased, whitespace collapsed (split and
    joined: the same whitespace as `\\s+`, both being `str.isspace`, at a sixth of the
    regular expression's time; this runs for every sentence an archive indexes)."""
    return " ".join(fold(text).casefold().split())


@dataclass(frozen=True)
class Word:
    """A word of a text: its normalised form and its offsets in the text."""

    norm: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """Words of `text` with offsets into `text` itself and their normalised form."""
    return [Word(_normal_word(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


@lru_cache(maxsize=65536)
def _normal_word(word: str) -> str:
    """`normalize` of one word, kept: the analysis of a check's claims and evidence meets the
    same words again and again (52,000 words for 46 claims against a 1M archive)."""
    return normalize(word)


@cache
def lexicon(name: str) -> frozenset[str]:
    """A lexicon from `factcheck/lexicon/NAME.txt`: one entry per line, `#` starts a comment."""
    return normalized(lexicon_lines(name))


def normalized(entries: tuple[str, ...]) -> frozenset[str]:
    """`normalize` of each entry. Where that is each ASCII entry's lower case, one pass in C
    over them all instead of a call per entry (common_words.txt: 2 ms against 11)."""
    joined = "\n".join(entries)
    # `normalize` of an ASCII entry is its lower case unless a backtick (`fold` makes it a
    # quote), another space or two spaces in a row (collapsed) stand in it
    if joined.isascii() and not _has_any(joined, _OTHER_SPACES + "`") and "  " not in joined:
        return frozenset(joined.lower().split("\n")) if entries else frozenset()
    return frozenset(normalize(entry) for entry in entries)


def content_words(text: str) -> list[str]:
    """Normalised words that carry meaning (stopwords dropped), in order. Folds the text
    once rather than word by word, and leaves its spaces as they are (no word holds one):
    this runs for every sentence of an archive, where collapsing spaces took a third of it."""
    stop = lexicon("stopwords")
    return [w for w in WORD.findall(fold(text).casefold()) if w not in stop]


_QUOTE_PAIRS = re.compile(
    r"\u201c(?P<curly>[^\u201c\u201d]{1,2000}?)\u201d"
    r"|\"(?P<straight>[^\"]{1,2000}?)\""
    r"|(?<!\w)\u2018(?P<single>[^\u2018\u2019]{2,500}?)\u2019(?!\w)"
)


def find_quotes(text: str) -> list[Quote]:
    """Balanced quotations in `text`; an unbalanced mark opens nothing."""
    quotes = []
    for match in _QUOTE_PAIRS.finditer(text):
        group = next(g for g in ("curly", "straight", "single") if match.group(g) is not None)
        inner = match.group(group)
        if inner.strip():
            quotes.append(Quote(inner, match.start(group), match.end(group)))
    return quotes


class LineIndex:
    """Line and column (both 1-based) of a character offset."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def column(self, offset: int) -> int:
        return offset - self._starts[self.line(offset) - 1] + 1


def lexicon_file(*parts: str) -> str:
    """The path of a file under `factcheck/lexicon/` (package data, installed beside the
    modules; found by path, as importlib.resources and the zipfile module it imports cost
    every run 10 ms to start)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon", *parts)


# The ASCII characters `str.splitlines` and `str.split` count as line ends or spaces besides
# "\n" and " ": a text without them reads the same split at "\n" alone.
_OTHER_SPACES = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_COMMENT = re.compile(r"#[^\n]*")


def _has_any(text: str, characters: str) -> bool:
    return any(c in text for c in characters)  # one search in C each, ~2 µs in 150 KB


@cache
def lexicon_lines(name: str) -> tuple[str, ...]:
    """Raw entries of a lexicon file (comments and blank lines dropped), in file order."""
    with open(lexicon_file(f"{name}.txt"), encoding="utf-8") as handle:
        return lexicon_entries(handle.read())


def lexicon_entries(raw: str) -> tuple[str, ...]:
    """Each line's text before any `#`, stripped, where it has any. An ASCII text with no
    other spaces or line ends than " " and "\n", and no space at either end of a line once
    its comment is cut, is read by splitting it in C (common_words.txt: 1.5 ms against 5 for
    the loop over its 16,000 lines; a regular expression of the whole rule took 8)."""
    if raw.isascii() and not _has_any(raw, _OTHER_SPACES):
        body = _COMMENT.sub("", raw) if "#" in raw else raw
        if " \n" not in body and "\n " not in body and body.strip(" ") == body:
            return tuple(filter(None, body.split("\n")))
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(entry for entry in entries if entry)


# A run of capitalised words, middle initials allowed ("George W. Bush", "Vice President Al
# Gore"): where a person is named in full.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z]\.\s+)*[A-Z][\w'\u2019-]*)+")
# a possessive ending ("Gore's", "Gore\u2019s", "Jones'"), dropped before a name is compared
POSSESSIVE = re.compile(r"['\u2019]s?$")
_INITIAL = re.compile(r"[A-Z]\.")


@cache
def _no_forenames() -> frozenset[str]:
    """Titles, common English words and stopwords: words no forename is. One set, made once
    (made per name run, the union of 16,000 words took 2.7 s of a 1M check's evidence)."""
    return lexicon("titles") | lexicon("common_words") | lexicon("stopwords")


def name_pairs(text: str) -> list[tuple[str, str]]:
    """(forename, surname), normalised, of each run of capitalised words in `text`: its last
    two words, initials skipped ("George W. Bush" gives (george, bush)). Read without a
    lexicon, so that a claim's pairs cost nothing to find."""
    pairs = []
    for run in _CAPITALISED_RUN.finditer(text):
        names = [w for w in run.group().split() if not _INITIAL.fullmatch(w)]
        if len(names) >= 2:
            pairs.append((normalize(names[-2]), normalize(POSSESSIVE.sub("", names[-1]))))
    return pairs


def forenames(text: str) -> dict[str, frozenset[str]]:
    """Normalised surname -> the forenames it follows in `text` ("Al Gore" gives gore: {al}):
    the last two capitalised words of a run, initials and titles skipped. A source that
    names someone in full once and by surname after ("Gore plans to skip ...") tells a
    reader, and the checker, who the surname is."""
    # a person's forename is no common English word ("New York", "Shop Ivanka" are no
    # people), and an institution's head word no surname ("Syracuse University")
    no_forename, institutions = _no_forenames(), lexicon("organizations")
    found: dict[str, set[str]] = {}
    for first, last in name_pairs(text):
        person = first.isalpha() and first not in no_forename and last not in institutions
        if person:
            found.setdefault(last, set()).add(first)
    # a word that is someone's forename here ("Ivanka Trump") is no surname here, whatever
    # run ends with it ("Shop Ivanka", a brand)
    given = set().union(*found.values()) if found else set()
    return {last: frozenset(firsts) for last, firsts in found.items() if last not in given}
