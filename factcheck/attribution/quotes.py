"""Quotation marks: where quotes stand in a sentence, and how plainly a cue introduces one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import ABBREVIATION, NOT_A_SPEAKER, function_words

OPEN_QUOTES = '\u201c"'


CLOSE_QUOTES = '\u201d"'


QUOTE_CHARS = '\u201c\u201d"'


# A quoted span this short, with no reporting cue, is a name or a term ("Joint Force"), not speech.
TERM_MAX_WORDS = 4


@dataclass(frozen=True)
class Span:
    """Where a quotation stands in a sentence: the offsets of its marks."""

    start: int
    end: int


QUOTE_CHAR = re.compile('[\u201c\u201d"]')


def quote_spans(text: str) -> list[Span]:
    """Quotations in a sentence, including one left open at the end (it continues into the
    next sentence) and one closed without opening (it continued from the previous one)."""
    spans: list[Span] = []
    opened: int | None = None
    for found in QUOTE_CHAR.finditer(text):
        index, char = found.start(), found.group()
        if char == "\u201c" and opened is not None and text[index - 1] in ",.!?":
            char = "\u201d"  # an opening mark typed to close a quote ("... here,\u201c said")
        if char == '"' and opened is None and _CLOSES_EARLIER_QUOTE.match(text, index - 1):
            char = "\u201d"  # "... from Vermont," Roe said: a quote opened sentences before
        if char == "\u201c" or (char == '"' and opened is None):
            if opened is None:
                opened = index
        elif char == "\u201d" or char == '"':
            if opened is None:
                spans = spans if spans else [Span(0, index + 1)]
            else:
                spans.append(Span(opened, index + 1))
                opened = None
    if opened is not None:
        spans.append(Span(opened, len(text)))
    return spans


# A straight mark after a quote's closing punctuation and before a space ("... Vermont,"
# Roe said), with no mark open: it closes a quote that began in an earlier sentence.
_CLOSES_EARLIER_QUOTE = re.compile(r'[,.!?]"(?:\s|$)')


PARTY_LABEL = re.compile(r"\s\((?:[DRI]|[DRI]-[A-Za-z. ]{2,15}|[A-Z][a-z]+\.?)\)")


def mask_quotes(text: str, spans: list[Span]) -> str:
    """The sentence with quoted words blanked, so that cues inside a quote are not cues, and
    party labels ("(R-Utah)", "(D)") blanked, so they do not cut a speaker's name off."""
    chars = list(text)
    for span in spans:
        for index in range(span.start + 1, span.end - 1):
            if chars[index] != "\n":
                chars[index] = " "
    masked = "".join(chars)
    return PARTY_LABEL.sub(lambda m: " " * len(m.group()), masked)


def speech_form(text: str, spans: list[Span]) -> str:
    """Direct when the sentence opens with the quote, mixed when it quotes part of itself."""
    if not spans:
        return "indirect"
    return "direct" if spans[0].start == 0 else "mixed"


def is_speech_quote(text: str, spans: list[Span]) -> bool:
    """Whether a quote looks like speech rather than a quoted name or term."""
    return any(len(text[s.start : s.end].split()) > TERM_MAX_WORDS for s in spans) or any(
        s.start == 0 for s in spans
    )


# Conjunctions that join a second verb to the clause a quote stands in.
COORDINATORS = function_words("coordinator")
QUOTE_TO_CUE = re.compile(r"^[\s,:\u2014\u2013-]*(?:\S+\s+){0,7}$")


def speaker_between(gap: str) -> bool:
    """Whether the words between a quote and a cue can only be its speaker ("” the union");
    a conjunction opening them ("” and cut the budget, he said") goes on with the clause
    the quote stands in, whose subject may be another."""
    words = gap.strip(" ,:\u2014\u2013-").split()
    if words and words[0] in COORDINATORS:
        return False
    return bool(QUOTE_TO_CUE.match(gap)) and not any(
        word in NOT_A_SPEAKER or (word.endswith("ing") and word.islower()) for word in gap.split()
    )


def quote_grade(masked: str, spans: list[Span], start: int, end: int) -> int:
    """How plainly the cue introduces a quotation: 2 when one stands right beside it
    ("“...,” the union wrote", "said: “..."), 1 when one follows later in its clause."""
    grade = 0
    for span in spans:
        if span.start >= end:
            gap = masked[end : span.start].split()
            ends = any(w[-1] in ".;!?" and not ABBREVIATION.match(w) for w in gap)
            if len(gap) <= 1:
                return 2
            if not ends and len(gap) <= 25:
                grade = 1
        elif span.end <= start and speaker_between(masked[span.end : start]):
            return 2
    return grade


AFTER_CLOSING_QUOTE = re.compile(r"[\u201d\"][\s,]*$")
