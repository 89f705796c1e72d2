"""Direct quotes must appear in a source word for word.

Allowed differences: case, punctuation and its spacing, curly vs straight marks, and an
ellipsis standing for left-out words. A near match that differs is `quote-altered`, with the
word-level difference; no near match at all is `quote-not-found`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..align import Case
from ..model import Code, Evidence, Finding, Quote, Severity, Verdict
from ..text import words

NEAR_MATCH = 75  # rapidfuzz partial_ratio at which a differing quote counts as an altered one
QUOTE_ALTERED = Code(
    "quote-altered",
    Severity.ERROR,
    Verdict.MISQUOTED,
    "A direct quote differs from the words in the source.",
    case=(
        'The mayor said, "We will never close the harbour."',
        '"We will not close the harbour," the mayor said.',
    ),
)
QUOTE_NOT_FOUND = Code(
    "quote-not-found",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "A direct quote appears in no source, not even approximately.",
    case=(
        'The mayor said, "The stadium will be demolished in spring."',
        '"We will not close the harbour," the mayor said.',
    ),
)
CODES = (QUOTE_ALTERED, QUOTE_NOT_FOUND)
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026|\[\s*\.\.\.\s*\]")


@lru_cache(maxsize=4096)
def quote_parts(quote: str) -> tuple[tuple[str, ...], ...]:
    """The quote's words, in runs separated by ellipses (kept per quote: a draft's every
    quote is tried against every candidate)."""
    runs = (tuple(w.norm for w in words(part)) for part in _ELLIPSIS.split(quote))
    return tuple(run for run in runs if run)


@lru_cache(maxsize=1024)
def _normal_words(text: str) -> tuple[str, ...]:
    """The normalised words of a candidate, kept per text: one candidate is searched for
    each of a claim's quotes, and a draft may hold thousands."""
    return tuple(w.norm for w in words(text))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...], start: int = 0) -> int:
    """Index just past the first occurrence of `needle` in `haystack` from `start`, or -1."""
    width = len(needle)
    for index in range(start, len(haystack) - width + 1):
        if haystack[index : index + width] == needle:
            return index + width
    return -1


def is_verbatim(quote: str, text: str) -> bool:
    """Whether every run of the quote appears in `text`, in order."""
    haystack = _normal_words(text)
    cursor = 0
    for part in quote_parts(quote):
        cursor = _contains(haystack, part, cursor)
        if cursor < 0:
            return False
    return bool(quote_parts(quote))


def locate(quote: Quote, evidence: list[Evidence]) -> int | None:
    """Position in `evidence` of the best candidate that holds the quote verbatim, single
    sentences before pairs (a pair holds the quote only because one of its sentences does)."""
    holding = [i for i, candidate in enumerate(evidence) if is_verbatim(quote.text, candidate.text)]
    return min(holding, key=lambda i: (len(evidence[i].sentences), i), default=None)


def word_diff(quote: str, text: str) -> tuple[tuple[str, str], ...]:
    """Word-level difference between a quote and the closest passage of `text`:
    ("=", w) kept, ("-", w) only in the source, ("+", w) only in the quote."""
    quoted = [w.norm for w in words(quote)]
    source_words = [w.norm for w in words(text)]
    alignment = fuzz.partial_ratio_alignment(" ".join(quoted), " ".join(source_words))
    source, cursor = [], 0
    for word in source_words:  # widen the aligned characters to whole words
        if cursor < alignment.dest_end and cursor + len(word) > alignment.dest_start:
            source.append(word)
        cursor += len(word) + 1
    import difflib  # here: only a quote that differs is diffed, and every verify would pay it

    diff: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=source, b=quoted, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            diff.extend(("=", w) for w in source[a0:a1])
        else:
            diff.extend(("-", w) for w in source[a0:a1])
            diff.extend(("+", w) for w in quoted[b0:b1])
    return tuple(diff)


def render_diff(diff: tuple[tuple[str, str], ...]) -> str:
    """A compact one-line diff: [-source-] {+quote+}."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(word) for op, word in diff)


def check(case: Case) -> list[Finding]:
    findings = []
    evidence = case.evidence
    for quote in case.claim.analysis.quotes:
        if locate(quote, evidence) is not None:
            continue
        joined = " ".join(w.norm for w in words(quote.text))
        nearest = max(
            evidence,
            key=lambda e: fuzz.partial_ratio(joined, " ".join(w.norm for w in words(e.text))),
            default=None,
        )
        near = (
            nearest is not None
            and fuzz.partial_ratio(joined, " ".join(w.norm for w in words(nearest.text)))
            >= NEAR_MATCH
        )
        if near:
            diff = word_diff(quote.text, nearest.text)
            findings.append(
                QUOTE_ALTERED.finding(
                    f"quote differs from {nearest.source}:{nearest.line}: {render_diff(diff)}",
                    diff,
                )
            )
        else:
            findings.append(
                QUOTE_NOT_FOUND.finding(f"quote \u201c{quote.text}\u201d appears in no source")
            )
    return findings
