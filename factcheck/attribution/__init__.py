"""Who said what: an `Attribution` for every source sentence.

Deterministic rules over lexicons kept as data (`factcheck/lexicon/*.txt`), laid out as the
method runs:

1. `quotes`: where the quotations stand; cues inside them are not cues.
2. `cues`: cue finders (transcript label, dash byline, reporting verb, "according to",
   possessor of a speech noun, passive agent), each returning candidates with a named rank;
   `attribute_sentence` keeps the best one a sentence states on its own.
3. `clauses` and `phrases`: the noun phrase standing where the speaker stands, classified by
   the ordered table of named speaker-phrase rules in `phrases.SPEAKER_RULES`.
4. `context`: `attribute` reads a source's sentences in order through named context passes
   (names and pronouns resolved, an open quote carried, a quote-only sentence continuing its
   speaker, a dash byline back-filled).

Every decision leaves its rule's name in `Attribution.rules`, so bench/attribution_eval.py
can count what each rule decides and how often it is right.
"""

from .cues import anonymity_reason, attribute_sentence
from .phrases import describe
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_CHARS, Span, is_speech_quote, quote_spans
from .words import Cue, find_cues, split_name

__all__ = [
    "CLOSE_QUOTES",
    "OPEN_QUOTES",
    "QUOTE_CHARS",
    "Cue",
    "Span",
    "anonymity_reason",
    "attribute",
    "attribute_sentence",
    "describe",
    "find_cues",
    "is_speech_quote",
    "known_names",
    "quote_spans",
    "split_name",
]


def __getattr__(name: str) -> object:
    """`attribute` and `known_names`, the context passes over a whole source, are imported
    when first asked for: a claim needs only `attribute_sentence`, and a `verify` whose
    source's analysis is cached never runs them (importing `context` is 5-7 ms of its start,
    `python -X importtime`)."""
    if name in ("attribute", "known_names"):
        from . import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
