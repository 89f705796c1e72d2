"""Speaker-phrase rules: is this noun phrase a source, and of which kind?

`describe` runs the ordered table `SPEAKER_RULES`; the first rule whose test holds decides,
either accepting the phrase as a speaker of the rule's kind or refusing it (kind None).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Attribution, AttributionKind
from ..text import lexicon
from .words import (
    ABBREVIATION,
    AGENT_NOUN,
    APPROXIMATORS,
    CONNECTORS,
    DAYS,
    DETERMINERS,
    LEADING_CLAUSE,
    NAME_PARTICLES,
    OWNERS,
    SENTENCE_ADVERB,
    alternation,
    can_open_speaker,
    has_phrase,
    head_noun,
    in_titles,
    is_capitalized,
    is_title_word,
    participle_cut,
    split_name,
    word_norm,
)

NP_MAX_WORDS = 12


def ruled(attribution: Attribution, name: str) -> Attribution:
    """The attribution with one more named rule recorded as having decided it."""
    return replace(attribution, rules=(*attribution.rules, name))


@lru_cache(maxsize=8192)
def describe(phrase: str) -> Attribution | None:
    """Classify a noun phrase naming a source; None when it does not name one."""
    phrase = phrase.strip(" ,;:-\u2014\u2013()\"\u201c\u201d'")
    phrase = re.sub(r"^(?:and|but|so|while)\s+", "", phrase, flags=re.IGNORECASE)
    phrase = SENTENCE_ADVERB.sub("", phrase)
    tokens = trim_leading(phrase.split())
    phrase = " ".join(tokens)
    if not tokens or len(tokens) > NP_MAX_WORDS:
        return None
    if sum(t.isupper() and t.isalpha() and len(t) > 1 for t in tokens) >= 3:
        return None  # a headline in capitals ("CONGRESS HAS INVESTIGATED HIM")
    if any(t in {"\u2014", "\u2015", "--"} for t in tokens):
        return None
    norm = [word_norm(t) for t in tokens]
    if norm[0] in {"one", "another"} and (len(norm) == 1 or norm[0] == "another"):
        # "one said", "said another", "another commenter": a new unnamed speaker
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("one-or-another",))
    cut = participle_cut(norm)
    if cut is not None:
        # "Protesters marching through the streets": the source is the head noun phrase
        tokens, norm = tokens[:cut], norm[:cut]
        phrase = " ".join(tokens)
    if (
        tokens[0][:1].islower()
        and not can_open_speaker(norm[0])
        and head_noun(norm) not in lexicon("unnamed_sources")
        and len(split_name(tokens)[1]) < 2
    ):
        return None  # "that some people", "at a Washington event": not a noun phrase
    head = head_noun(norm)
    if tokens[0][:1].islower() and head == norm[0] and in_titles(tokens[0]) and len(tokens) > 1:
        return None  # "president of the United Federation of Teachers": a role, not a source
    if len(tokens) == 1 and head in lexicon("pronouns"):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("pronoun",))
    if len(tokens) == 1 and is_capitalized(tokens[0]) and head in lexicon("title_surnames"):
        # "White said": a surname that is also a title word, standing alone
        return Attribution(AttributionKind.NAMED, speaker=phrase, rules=("surname-that-is-a-word",))
    has_capital = any(is_capitalized(t) for t in tokens)
    if has_phrase(norm, "media") and (has_capital or head in lexicon("media")):
        return Attribution(AttributionKind.MEDIA, speaker=phrase, rules=("media-name",))
    if head in lexicon("documents") or (
        len(norm) > 1 and " ".join(norm[-2:]) in lexicon("documents")
    ):
        return Attribution(AttributionKind.DOCUMENT, speaker=phrase, rules=("document-noun",))
    if SHARE.match(phrase):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("poll-share",))
    organization = organization_run(tokens) if head not in lexicon("unnamed_sources") else None
    if organization is not None:
        return organization
    pair = two_names(tokens)
    if pair is not None:
        return pair
    title, name = split_name(tokens)
    if title and title[-1].lower() in {"of", "for", "to", "in"} and len(name) == 1:
        title, name = tokens, []  # "the mayor of Springfield": a place, not a name
    name_norm = [word_norm(t) for t in name]
    if name and all(n in DAYS for n in name_norm):
        return None  # "said Tuesday"
    if (
        name
        and not has_phrase(name_norm, "organizations")
        and head not in lexicon("unnamed_sources")
    ):
        role = " ".join(title) if any(is_title_word(t) for t in title) else None
        rule = "role-then-name"
        if title and (not role or title[0].lower() in {"of", "from"}):
            rule = untitled_lead(title)
            if rule is None:
                return None  # capitalised words after a non-title phrase: not a speaker
            role = " ".join(title) if rule != "article-adjective-name" else None
        return Attribution(AttributionKind.NAMED, speaker=" ".join(name), role=role, rules=(rule,))
    if head in lexicon("unnamed_sources"):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("unnamed-noun",))
    if norm[0] == "the" and head in lexicon("titles"):
        # "the mayor of Springfield": one identifiable person, described by office
        return Attribution(AttributionKind.NAMED, speaker=phrase, rules=("the-office",))
    if (has_capital or norm[0] in OWNERS) and has_phrase(norm, "organizations"):
        return Attribution(
            AttributionKind.ORGANIZATION, speaker=phrase, rules=("organization-noun",)
        )
    if norm[0] in DETERMINERS and len(tokens) <= 6 and AGENT_NOUN.search(head):
        # "a narrator in the Clinton ad", "the New York businessman": a described source
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("agent-noun",))
    return None


def untitled_lead(title: list[str]) -> str | None:
    """The rule that accepts words before a name that are not title words, or None: a place
    or organisation after the name ("Jane Roe | of the Acme Institute"), a lower-case
    descriptor ending in a person noun ("psychologist | Jane Roe"), or an article with
    adjectives ("a smiling | Roe")."""
    if title[0].lower() in {"of", "from"}:
        return "name-of-place"
    lower = all(t[:1].islower() and t.replace("-", "").isalpha() for t in title[1:])
    last = word_norm(title[-1])
    if title[-1][:1].islower() and (AGENT_NOUN.search(last) or last in lexicon("unnamed_sources")):
        return "descriptor-then-name"
    if lower and title[0].lower() in {"a", "an", "the"} and len(title) <= 3:
        return "article-adjective-name"
    return None


def two_names(tokens: list[str]) -> Attribution | None:
    """Two people named together ("Smith and Jones wrote"): one speaker, both names."""
    if "and" not in tokens:
        return None
    index = tokens.index("and")
    left, right = tokens[:index], tokens[index + 1 :]
    if not left or not right or not all(is_capitalized(t) for t in left + right):
        return None
    if any(is_title_word(t) or has_phrase([word_norm(t)], "organizations") for t in left + right):
        return None
    if len(left) > 3 or len(right) > 3:
        return None
    return Attribution(AttributionKind.NAMED, speaker=" ".join(tokens), rules=("two-names",))


SHARE = re.compile(
    r"^(?:(?:" + alternation(APPROXIMATORS) + r")\s+)?"
    r"(?:\d+(?:\.\d+)?\s*|[a-z]+(?:-[a-z]+)?\s+)(?:percent|per cent|%)(?:\s+of\s+\S.*)?$",
    re.IGNORECASE,
)


def organization_run(tokens: list[str]) -> Attribution | None:
    """An organization named by a proper-noun run joined by connectors ("the Association of
    Flight Attendants", "Alliance to Reclaim Our Schools"); a title before it is its role."""
    start, index, joined = None, len(tokens), False
    while index > 0:
        token = tokens[index - 1]
        if is_capitalized(token):
            start, index = index - 1, index - 1
        elif start is not None and token.lower() in CONNECTORS and index >= 2:
            if not is_capitalized(tokens[index - 2]):
                break
            joined, index = True, index - 1
        else:
            break
    if start is None or not joined:
        return None
    run = tokens[start:]
    if not any(word_norm(t) in lexicon("organizations") for t in run):
        return None
    before = tokens[:start]
    if before and before[-1].lower() == "the":
        before, run = before[:-1], ["the", *run]
    if before and (
        before[-1].lower() in {"of", "for", "at", "in", "with"}
        or not any(is_title_word(t) for t in before)
    ):
        return None  # "president of the United Federation of Teachers": a person's role
    return Attribution(
        AttributionKind.ORGANIZATION,
        speaker=" ".join(run),
        role=" ".join(before) or None,
        rules=("organization-run",),
    )


def trim_leading(tokens: list[str]) -> list[str]:
    """Drop what precedes the subject: a sentence that ended inside the span ("Trump. Bernie
    Sanders"), or an opening clause ("When Clinton", "In a Bloomberg interview Trump")."""
    for index in range(len(tokens) - 1, 0, -1):
        previous = tokens[index - 1]
        ends = previous.endswith((".", ".\u2019", ".\u201d", '."'))
        if ends and not ABBREVIATION.match(previous) and tokens[index][:1].isupper():
            tokens = tokens[index:]
            break
    if tokens and tokens[0].lower() in LEADING_CLAUSE:
        lower = [
            i
            for i, t in enumerate(tokens)
            if t[:1].islower() and not is_title_word(t) and t not in NAME_PARTICLES
        ]
        tokens = tokens[lower[-1] + 1 :] if lower else tokens[1:]
    return tokens
