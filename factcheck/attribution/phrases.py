"""Speaker-phrase rules: is this noun phrase a source, and of which kind?

`describe` runs the ordered table `SPEAKER_RULES`; the first rule whose test holds decides,
either accepting the phrase as a speaker of the rule's kind or refusing it (kind None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from ..model import Attribution, AttributionKind
from ..text import lexicon
from .words import (
    ABBREVIATION,
    APPROXIMATORS,
    CONNECTORS,
    DAYS,
    DETERMINERS,
    LEADING_CLAUSE,
    NAME_PARTICLES,
    NOT_NAMES,
    NOUN_LIKE_CUES,
    OWNERS,
    QUANTIFIERS,
    SENTENCE_ADVERB,
    SPEECH_CUES,
    STATES,
    alternation,
    can_open_speaker,
    function_words,
    government_seats,
    has_phrase,
    head_noun,
    in_titles,
    is_capitalized,
    is_person_noun,
    is_title_word,
    participle_cut,
    place_key,
    split_name,
    word_norm,
)

NP_MAX_WORDS = 12
# Title words that qualify an office but never name one alone ("the first", "the vast
# majority of them"): not the head of "the-office".
TITLE_MODIFIERS = function_words("title-modifier")


def ruled(attribution: Attribution, name: str) -> Attribution:
    """The attribution with one more named rule recorded as having decided it."""
    return replace(attribution, rules=(*attribution.rules, name))


@dataclass
class Phrase:
    """A candidate speaker phrase, read once for all rules: its words before and after a
    participle clause is cut off ("Protesters | marching through the streets")."""

    whole: list[str]  # the words as found
    tokens: list[str]  # without a participle clause after the head noun
    norm: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @cached_property
    def head(self) -> str:
        return head_noun(self.norm)

    @cached_property
    def has_capital(self) -> bool:
        return any(is_capitalized(t) for t in self.tokens)

    @cached_property
    def title_and_name(self) -> tuple[list[str], list[str]]:
        title, name = split_name(self.tokens)
        if title and title[-1].lower() in {"of", "for", "to", "in"} and len(name) == 1:
            return self.tokens, []  # "the mayor of Springfield": a place, not a name
        return title, name

    @cached_property
    def naming(self) -> tuple[str | None, str | None] | None:
        """(rule, role) when the phrase ends in a person's name; rule None when words that
        are no title stand before the name; None when the phrase names nobody."""
        title, name = self.title_and_name
        if (
            not name
            or has_phrase([word_norm(t) for t in name], "organizations")
            or self.head in lexicon("unnamed_sources")
        ):
            return None
        role = " ".join(title) if any(is_title_word(t) for t in title) else None
        if title and (not role or title[0].lower() in {"of", "from"}):
            rule = untitled_lead(title)
            return rule, (" ".join(title) if rule != "article-adjective-name" else None)
        return "role-then-name", role


Test = Callable[[Phrase], "bool | Attribution | None"]


@dataclass(frozen=True)
class PhraseRule:
    """One speaker-phrase rule: when `test` holds (True, or an Attribution it builds), the
    phrase is a speaker of `kind`, or, with kind None, no speaker at all."""

    name: str
    test: Test
    kind: AttributionKind | None


def _named(rule: str) -> Test:
    """The test for one way a phrase ends in a name (see `Phrase.naming`)."""

    def test(phrase: Phrase) -> Attribution | None:
        if phrase.naming is None or phrase.naming[0] != rule:
            return None
        return Attribution(
            AttributionKind.NAMED, speaker=" ".join(phrase.title_and_name[1]), role=phrase.naming[1]
        )

    return test


def _not_a_noun_phrase(phrase: Phrase) -> bool:
    """ "that some people", "at a Washington event": lower-case words no speaker opens with."""
    return (
        phrase.tokens[0][:1].islower()
        and not can_open_speaker(phrase.norm[0])
        and phrase.head not in lexicon("unnamed_sources")
        and len(split_name(phrase.tokens)[1]) < 2
    )


# The speaker-phrase rules, in the order they are tried; the first that holds decides.
SPEAKER_RULES: tuple[PhraseRule, ...] = (
    # a headline in capitals ("CONGRESS HAS INVESTIGATED HIM")
    PhraseRule(
        "headline-in-capitals",
        lambda p: sum(t.isupper() and t.isalpha() and len(t) > 1 for t in p.whole) >= 3,
        None,
    ),
    PhraseRule(
        "dash-inside", lambda p: any(t in {"\u2014", "\u2015", "--"} for t in p.whole), None
    ),
    # "the actor held a fake audition and", "the tycoon told Reuters in an interview when": a
    # clause with its own verb, read past the subject's end
    PhraseRule("clause-inside", lambda p: clause_inside(p.whole), None),
    # "Speaking in Salem, New Hampshire, ...", "Concord, N.H.": a US state is no speaker
    PhraseRule("state-name", lambda p: place_key(p.norm) in STATES, None),
    # "Berlin said", "Japan said", "the United States said": the government of the country
    PhraseRule(
        "country-or-capital",
        lambda p: place_key(p.norm) in government_seats(),
        AttributionKind.ORGANIZATION,
    ),
    # "one said", "said another", "another commenter": a new unnamed speaker
    PhraseRule(
        "one-or-another",
        lambda p: (
            Attribution(AttributionKind.ANONYMOUS, speaker=" ".join(p.whole))
            if word_norm(p.whole[0]) in {"one", "another"}
            and (len(p.whole) == 1 or word_norm(p.whole[0]) == "another")
            else None
        ),
        AttributionKind.ANONYMOUS,
    ),
    # "Several said", "Many say": an unnamed group given by a quantifier alone
    PhraseRule(
        "quantifier-alone",
        lambda p: len(p.whole) == 1 and word_norm(p.whole[0]) in QUANTIFIERS,
        AttributionKind.ANONYMOUS,
    ),
    PhraseRule("not-a-noun-phrase", _not_a_noun_phrase, None),
    # "president of the United Federation of Teachers": a role, not a source
    PhraseRule(
        "role-without-name",
        lambda p: (
            p.tokens[0][:1].islower()
            and p.head == p.norm[0]
            and in_titles(p.tokens[0])
            and len(p.tokens) > 1
        ),
        None,
    ),
    PhraseRule(
        "pronoun",
        lambda p: len(p.tokens) == 1 and p.head in lexicon("pronouns"),
        AttributionKind.ANONYMOUS,
    ),
    # "White said": a surname that is also a title word, standing alone
    PhraseRule(
        "surname-that-is-a-word",
        lambda p: (
            len(p.tokens) == 1
            and is_capitalized(p.tokens[0])
            and p.head in lexicon("title_surnames")
        ),
        AttributionKind.NAMED,
    ),
    PhraseRule(
        "media-name",
        lambda p: has_phrase(p.norm, "media") and (p.has_capital or p.head in lexicon("media")),
        AttributionKind.MEDIA,
    ),
    PhraseRule(
        "document-noun",
        lambda p: (
            p.head in lexicon("documents")
            or (len(p.norm) > 1 and " ".join(p.norm[-2:]) in lexicon("documents"))
        ),
        AttributionKind.DOCUMENT,
    ),
    # "63 percent (of voters)", "Forty-one percent of respondents", "four in 10 voters",
    # "at least half of voters"
    PhraseRule("poll-share", lambda p: bool(SHARE.match(p.text)), AttributionKind.ANONYMOUS),
    PhraseRule(
        "organization-run",
        lambda p: organization_run(p.tokens) if p.head not in lexicon("unnamed_sources") else None,
        AttributionKind.ORGANIZATION,
    ),
    PhraseRule("two-names", lambda p: two_names(p.tokens), AttributionKind.NAMED),
    # "Here", "What", "Adding": a capitalised function word or cue, not a name
    PhraseRule(
        "word-not-a-name",
        lambda p: (
            len(p.tokens) == 1
            and p.head not in lexicon("title_surnames")
            and (p.head in NOT_NAMES or p.head in SPEECH_CUES)
        ),
        None,
    ),
    # "said Tuesday"
    PhraseRule(
        "calendar-word",
        lambda p: (
            bool(p.title_and_name[1]) and all(word_norm(t) in DAYS for t in p.title_and_name[1])
        ),
        None,
    ),
    # capitalised words after a phrase that is no title: not a speaker
    PhraseRule(
        "capitals-after-no-title", lambda p: p.naming is not None and p.naming[0] is None, None
    ),
    PhraseRule("role-then-name", _named("role-then-name"), AttributionKind.NAMED),
    PhraseRule("name-of-place", _named("name-of-place"), AttributionKind.NAMED),
    PhraseRule("descriptor-then-name", _named("descriptor-then-name"), AttributionKind.NAMED),
    PhraseRule("article-adjective-name", _named("article-adjective-name"), AttributionKind.NAMED),
    PhraseRule("age-then-name", _named("age-then-name"), AttributionKind.NAMED),
    PhraseRule(
        "unnamed-noun", lambda p: p.head in lexicon("unnamed_sources"), AttributionKind.ANONYMOUS
    ),
    # "Jane Roe's campaign manager", "its senior vice president": one person, by office
    PhraseRule("owner-and-role", lambda p: owner_and_role(p), AttributionKind.NAMED),
    # "the mayor of Springfield": one identifiable person, described by office
    PhraseRule(
        "the-office",
        lambda p: (
            p.norm[0] == "the" and p.head in lexicon("titles") and p.head not in TITLE_MODIFIERS
        ),
        AttributionKind.NAMED,
    ),
    # "the Pentagon", "her campaign", "the Tax Foundation": the head noun is the body's
    PhraseRule(
        "organization-noun",
        lambda p: (
            (p.has_capital or p.norm[0] in OWNERS)
            and has_phrase(p.norm, "organizations")
            and (
                p.head in lexicon("organizations") or is_capitalized(p.tokens[p.norm.index(p.head)])
            )
        ),
        AttributionKind.ORGANIZATION,
    ),
    # "a narrator in the Clinton ad", "the New York businessman": a described source
    PhraseRule(
        "agent-noun",
        lambda p: p.norm[0] in DETERMINERS and len(p.tokens) <= 6 and is_person_noun(p.head),
        AttributionKind.ANONYMOUS,
    ),
)


# Words that only a clause holds: a finite verb of being or having, or a conjunction left
# at the end of a phrase cut short ("the actor held an audition and").
CLAUSE_WORDS = frozenset("is are was were will would has have had did does".split())
CLAUSE_ENDS = frozenset({"and", "or", "but", "when", "while", "if", "because"})


def clause_inside(words: list[str]) -> bool:
    """Whether a phrase runs on into a clause: a conjunction at its end, or a lower-case
    reporting verb or finite verb after its first word with no capitalised word after it
    (a name after one is the subject a phrase read backwards ends with: "move is notable
    because House Speaker Paul Ryan")."""
    if len(words) < 2:
        return False
    if words[-1].lower() in CLAUSE_ENDS:
        return True
    verbs = [
        index
        for index, w in enumerate(words[1:], start=1)
        if w[:1].islower() and (w in CLAUSE_WORDS or (w in SPEECH_CUES and w not in NOUN_LIKE_CUES))
    ]
    return bool(verbs) and not any(w[:1].isupper() for w in words[verbs[-1] + 1 :])


def read_phrase(phrase: str) -> Phrase | None:
    """The words of a phrase that may name a source, trimmed of what cannot be part of it
    (punctuation, a leading conjunction or sentence adverb, an opening clause); None when
    nothing or too much is left."""
    phrase = phrase.strip(" ,;:-\u2014\u2013()\"\u201c\u201d'")
    phrase = re.sub(r"^(?:and|but|so|while)\s+", "", phrase, flags=re.IGNORECASE)
    phrase = SENTENCE_ADVERB.sub("", phrase)
    whole = trim_leading(phrase.split())
    if not whole or len(whole) > NP_MAX_WORDS:
        return None
    norm = [word_norm(t) for t in whole]
    cut = participle_cut(norm)
    tokens = whole if cut is None else whole[:cut]
    return Phrase(whole=whole, tokens=tokens, norm=norm if cut is None else norm[:cut])


@lru_cache(maxsize=8192)
def describe(phrase: str) -> Attribution | None:
    """Classify a noun phrase naming a source by the first rule of `SPEAKER_RULES` that holds;
    None when it does not name one."""
    return decide(phrase)[1]


def decide(phrase: str) -> tuple[PhraseRule | None, Attribution | None]:
    """The rule of `SPEAKER_RULES` that decides a phrase (None when none does) and the
    attribution it gives (None when it refuses the phrase)."""
    read = read_phrase(phrase)
    if read is None:
        return None, None
    for rule in SPEAKER_RULES:
        verdict = rule.test(read)
        if not verdict:
            continue
        if rule.kind is None:
            return rule, None
        if not isinstance(verdict, Attribution):
            verdict = Attribution(rule.kind, speaker=read.text)
        return rule, replace(verdict, rules=(rule.name,))
    return None, None


def untitled_lead(title: list[str]) -> str | None:
    """The rule that accepts words before a name that are not title words, or None: a place
    or organisation after the name ("Jane Roe | of the Acme Institute"), a lower-case
    descriptor ending in a person noun ("psychologist | Jane Roe"), or an article with
    adjectives ("a smiling | Roe")."""
    if title[0].lower() in {"of", "from"}:
        return "name-of-place"
    lower = all(t[:1].islower() and t.replace("-", "").isalpha() for t in title[1:])
    last = word_norm(title[-1])
    if title[-1][:1].islower() and (is_person_noun(last) or last in lexicon("unnamed_sources")):
        return "descriptor-then-name"
    if AGE.match(title[-1]) and len(title) <= 2:
        return "age-then-name"  # "17-year-old Jane Roe", "the 42-year-old Roe"
    if lower and title[0].lower() in {"a", "an", "the"} and len(title) <= 3:
        return "article-adjective-name"
    return None


# An age standing before a name as its descriptor ("17-year-old", "42-year-old").
AGE = re.compile(r"^\d{1,3}-year-old$")


POSSESSIVE_ENDINGS = ("'s", "\u2019s", "s'", "s\u2019")


def owner_and_role(phrase: Phrase) -> bool:
    """An owner (a name in the possessive, or "its"/"his"/"her"/"their") and then lower-case
    words ending in a title or a person noun ("Jane Roe's campaign manager")."""
    tokens = phrase.tokens
    owner = next((i for i, t in enumerate(tokens[:4]) if t.endswith(POSSESSIVE_ENDINGS)), None)
    if owner is None:
        if phrase.norm[0] not in OWNERS or phrase.norm[0] in DETERMINERS:
            return False
        owner = 0
    elif not all(t[:1].isupper() for t in tokens[: owner + 1]):
        return False
    rest = tokens[owner + 1 :]
    return (
        bool(rest)
        and all(t[:1].islower() for t in rest)
        and (phrase.head in lexicon("titles") or is_person_noun(phrase.head))
    )


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
    r"(?:(?:\d+(?:\.\d+)?\s*|[a-z]+(?:-[a-z]+)?\s+)(?:percent|per cent|%)"
    r"|(?:\d+|[a-z]+)\s+(?:in|out of)\s+(?:\d+|[a-z]+)|half|a third|two-thirds|a quarter)"
    r"(?:\s+(?:of\s+)?\S.*)?$",
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
    if len(tokens) > 1 and tokens[0].lower() in {"and", "but", "so"} and tokens[1][:1].islower():
        tokens = tokens[1:]  # "But a source familiar with ...": a conjunction, then the subject
    if tokens and tokens[0].lower() in LEADING_CLAUSE:
        lower = [
            i
            for i, t in enumerate(tokens)
            if t[:1].islower() and not is_title_word(t) and t not in NAME_PARTICLES
        ]
        tokens = tokens[lower[-1] + 1 :] if lower else tokens[1:]
    return tokens
