"""Context passes: `attribute` reads one source's sentences in order and decides each by the
first of the named passes in `CONTEXT_PASSES` that applies (its own statement resolved
against earlier names and pronouns, an open quote carried on, a quote-only sentence continuing
the speaker, a connective or fragment continuing the sentence before); a dash byline then
back-fills the sentences of its quote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import UNATTRIBUTED, Attribution, AttributionKind, Sentence
from ..text import lexicon
from .clauses import clause_subject
from .cues import anonymity_reason, attribute_sentence
from .phrases import describe, ruled
from .quotes import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTE_CHARS,
    Span,
    is_speech_quote,
    mask_quotes,
    quote_spans,
    speech_form,
)
from .words import CONTINUATIONS, alternation, function_words, word_norm


@dataclass
class Context:
    """What earlier sentences of the same source established."""

    names: dict[str, Attribution]
    speakers: list[Attribution]

    def resolve(self, attribution: Attribution) -> Attribution:
        speaker = attribution.speaker or ""
        norm = speaker.lower()
        if norm in lexicon("pronouns"):
            return self._pronoun(attribution, norm)
        if attribution.kind is AttributionKind.NAMED:
            known = self.names.get(word_norm(speaker.split()[-1]))
            if known and _shortens(speaker, known.speaker or ""):
                found = replace(
                    attribution, speaker=known.speaker, role=attribution.role or known.role
                )
                return ruled(found, "context:surname-to-full-name")
        if attribution.kind is AttributionKind.ANONYMOUS and norm.startswith("the "):
            wanted = set(word_norm(t) for t in speaker.split()[1:])
            for earlier in reversed(self.speakers):
                if earlier.kind is AttributionKind.ANONYMOUS and wanted <= set(
                    word_norm(t) for t in (earlier.speaker or "").split()
                ):
                    found = replace(
                        attribution,
                        speaker=earlier.speaker,
                        role=attribution.role or earlier.role,
                        anonymity_reason=attribution.anonymity_reason or earlier.anonymity_reason,
                    )
                    return ruled(found, "context:the-description-to-earlier")
        return attribution

    def _pronoun(self, attribution: Attribution, pronoun: str) -> Attribution:
        people = pronoun in {"he", "she", "i"}
        for earlier in reversed(self.speakers):
            plural = (earlier.speaker or "").lower().endswith("s")
            if people and earlier.kind is AttributionKind.NAMED:
                found = replace(
                    attribution, kind=earlier.kind, speaker=earlier.speaker, role=earlier.role
                )
                return ruled(found, "context:pronoun-to-earlier-speaker")
            if (
                not people
                and earlier.kind is not AttributionKind.NAMED
                and (plural or pronoun == "it")
            ):
                found = replace(
                    attribution,
                    kind=earlier.kind,
                    speaker=earlier.speaker,
                    role=earlier.role,
                    anonymity_reason=earlier.anonymity_reason,
                )
                return ruled(found, "context:pronoun-to-earlier-speaker")
        return attribution


def _shortens(speaker: str, full: str) -> bool:
    """Whether `speaker` is `full` written shorter: its words, the surname last, all words of
    the full name ("Clinton", "Hillary Clinton" of "Hillary Rodham Clinton"). Another forename
    names another person ("Hillary Clinton" is not "Bill Clinton", "Melania Trump" not
    "Donald Trump")."""
    mine = [word_norm(word) for word in speaker.split()]
    theirs = [word_norm(word) for word in full.split()]
    return len(mine) <= len(theirs) and set(mine) <= set(theirs)


NAME_RUN = re.compile(
    r"(?:(?:retired|former|then)\s+)?"
    r"(?:(?:[A-Z][\w'\u2019.\-]*|(?:[A-Z]\.)+)(?:\s+(?:of|to|for)\s+|\s+)){1,7}"
    r"[A-Z][\w'\u2019\-]*"
)


def known_names(text: str) -> dict[str, Attribution]:
    """Full names given anywhere in a source, by surname, with the title that precedes them.
    A surname the source gives two people (Bill and Hillary Clinton) is left out: which one a
    lone "Clinton" is, no rule here can tell."""
    names: dict[str, Attribution] = {}
    shared: set[str] = set()
    for match in NAME_RUN.finditer(text):
        described = describe(match.group())
        if described is None or described.kind is not AttributionKind.NAMED:
            continue
        parts = re.sub(r"(?:'s|\u2019s)$", "", described.speaker or "").split()
        described = replace(described, speaker=" ".join(parts))
        if len(parts) >= 2:
            key = word_norm(parts[-1])
            if key in names and not _one_person(described.speaker, names[key].speaker or ""):
                shared.add(key)
            if key not in names or (described.role and not names[key].role):
                names[key] = described
    return {key: known for key, known in names.items() if key not in shared}


def _one_person(a: str, b: str) -> bool:
    """Whether two full names can name one person: one is the other written shorter, or
    their first names are one the other's short form ("Ken Starr", "Kenneth Starr")."""
    first_a, first_b = word_norm(a.split()[0]), word_norm(b.split()[0])
    return (
        _shortens(a, b)
        or _shortens(b, a)
        or first_a.startswith(first_b)
        or first_b.startswith(first_a)
    )


@dataclass
class Reading:
    """What reading one source's sentences in order has established so far."""

    content: list[Sentence]
    context: Context
    previous: Sentence | None = None
    open_quote: Attribution | None = None  # the speaker of a quote left open
    stated_at: set[int] = field(default_factory=set)  # sentences that state their own source


@dataclass(frozen=True)
class Step:
    """One sentence being read: where it stands, its quotes, what it states on its own."""

    index: int
    sentence: Sentence
    spans: list[Span]
    stated: Attribution | None


def _stated(reading: Reading, step: Step) -> Attribution | None:
    """A sentence that states its source: the source resolved against earlier names and
    pronouns; a bare reporting clause split off by a break also gives the quote before it."""
    if step.stated is None:
        return None
    stated = reading.context.resolve(step.stated)
    if (stated.speaker or "").lower() in {"he", "she"}:
        stated = _pronoun_to_previous_subject(reading, step, stated)
    if stated.kind is AttributionKind.ANONYMOUS and stated.anonymity_reason is None:
        stated = reason_from_next(stated, reading.content, step.index)
    previous = reading.previous
    if (
        is_bare_clause(step.sentence.text, step.spans)
        and previous is not None
        and (previous.attribution is UNATTRIBUTED and quote_spans(previous.text))
    ):
        previous.attribution = ruled(replace(stated, speech="direct"), "context:clause-after-break")
    elif _reporting_clause_after_quote(reading, step):
        previous.attribution = ruled(
            replace(stated, speech="direct"), "context:reporting-clause-after-quote"
        )
    reading.context.speakers.append(stated)
    return stated


def _pronoun_to_previous_subject(reading: Reading, step: Step, stated: Attribution) -> Attribution:
    """ "He said" that no earlier speaker resolves: the person the sentence before is about
    (its subject, when that names someone: "Mara Lindqvist runs the port. She said ...")."""
    for back in (1, 2):
        if step.index < back:
            break
        earlier = reading.content[step.index - back]
        if earlier.paragraph < step.sentence.paragraph - 1:
            break
        subject = clause_subject(mask_quotes(earlier.text, quote_spans(earlier.text)))
        if subject is not None and subject.kind is AttributionKind.NAMED:
            subject = reading.context.resolve(subject)
            found = replace(stated, speaker=subject.speaker, role=subject.role, kind=subject.kind)
            return ruled(found, "context:pronoun-to-previous-subject")
    return stated


# What may follow the cue of a reporting clause split from its quote ("Roe asked | reporters
# during a briefing"): a clause of its own opens with "that", a subject pronoun or a name and
# a verb ("Roe said | he would ...") and reports something new.
_NEW_CLAUSE = function_words("new-clause")


def _reporting_clause_after_quote(reading: Reading, step: Step) -> bool:
    """ "“Who pays for it?” | Roe asked reporters." The sentence splitter cuts after a quote
    ending in "?" or "!"; the next sentence, a speaker and a cue with no clause of its own,
    is the quote's reporting clause, whatever a context pass guessed for the quote."""
    return _follows_asking_quote(reading, step) and _only_reporting(step.sentence.text, step.stated)


def _follows_asking_quote(reading: Reading, step: Step) -> bool:
    """Whether the sentence has no quote and follows, in its paragraph, a sentence that is a
    quote ending in "?" or "!" and states no source of its own."""
    previous = reading.previous
    if previous is None or step.spans or step.index - 1 in reading.stated_at:
        return False
    if previous.paragraph != step.sentence.paragraph or not _QUOTE_ENDS_ASKING.search(
        previous.text
    ):
        return False
    spans = quote_spans(previous.text)
    return bool(spans) and spans[0].start == 0


# "Roe pressed.", "The harbor master repeated softly.": a speaker and a past-tense verb alone.
_SPEAKER_AND_VERB = re.compile(
    r"^(?P<phrase>[^,;:]{1,60}?)\s+(?P<verb>[a-z]{3,}ed)(?:\s+[a-z]+ly)?\.?$"
)


def _verb_alone_after_quote(reading: Reading, step: Step) -> Attribution | None:
    """ "“Is that negotiable?” | Roe pressed." A sentence that is only a speaker and a verb
    the cue lexicon lacks, after a quote ending in "?" or "!", is that quote's reporting
    clause: both sentences are the speaker's."""
    if step.stated is not None or not _follows_asking_quote(reading, step):
        return None
    match = _SPEAKER_AND_VERB.match(step.sentence.text.strip())
    speaker = describe(match.group("phrase")) if match else None
    if speaker is None or speaker.kind is AttributionKind.DOCUMENT:
        return None
    speaker = reading.context.resolve(replace(speaker, cue=match.group("verb"), speech="direct"))
    found = ruled(speaker, "context:reporting-clause-after-quote")
    reading.previous.attribution = found
    return found


_QUOTE_ENDS_ASKING = re.compile(r"[?!]\s*[\u201d\"]\s*$")


def _only_reporting(text: str, stated: Attribution) -> bool:
    """Whether a sentence is a speaker, its cue and adjuncts only ("Roe asked reporters
    during a briefing", "Roe said as she left"), with the speaker first."""
    if not stated.cue or "speaker-then-verb" not in stated.rules:
        return False
    at = re.search(r"\b" + re.escape(stated.cue) + r"\b", text)
    if at is None:
        return False
    rest = text[at.end() :].strip(" .").split()
    if not rest:
        return True
    first = rest[0].lower().strip(",")
    if first in _NEW_CLAUSE or first in lexicon("pronouns"):
        return False
    return not (len(rest) > 1 and rest[1].lower() in BE_WORDS and rest[0][:1].isupper())


BE_WORDS = function_words("be")


def _colon_introduces_quote(reading: Reading, step: Step) -> Attribution | None:
    """ "Roe continued:" or "The council released the following statement:", then a
    paragraph that opens with a quotation: the sentence ending in a colon names its speaker."""
    previous = reading.previous
    if (
        previous is None
        or not step.spans
        or step.spans[0].start != 0
        or previous.paragraph < step.sentence.paragraph - 1
        or not previous.text.rstrip().endswith(":")
    ):
        return None
    introducing = previous.attribution
    if introducing is None or not introducing.is_attributed:
        introducing = _statement_subject(previous.text)
    if introducing is None or (introducing.speaker or "").lower() in lexicon("pronouns"):
        return None  # "It would be hard to overstate ...:" names nobody
    found = replace(introducing, speech=speech_form(step.sentence.text, step.spans))
    return ruled(found, "context:colon-introduces-quote")


def _statement_subject(text: str) -> Attribution | None:
    """The subject of a sentence that announces a statement ("Roe issued the following
    statement:"): a speech noun in the clause, its subject the speaker."""
    words = {word_norm(w) for w in re.findall(r"[\w'\u2019]+", text)}
    if not words & lexicon("speech_nouns"):
        return None
    subject = clause_subject(mask_quotes(text, quote_spans(text)))
    return None if subject is None or subject.kind is AttributionKind.DOCUMENT else subject


def _open_quote_continues(reading: Reading, step: Step) -> Attribution | None:
    """A quote left open at the end of a sentence goes on in the next one."""
    if reading.open_quote is not None and step.spans and step.spans[0].start == 0:
        return ruled(reading.open_quote, "context:open-quote-continues")
    return None


def _quote_only_continues(reading: Reading, step: Step) -> Attribution | None:
    """A sentence opening with speech, right after a quoting sentence of the same or the
    previous paragraph, continues that speaker."""
    previous, text, spans = reading.previous, step.sentence.text, step.spans
    if (
        spans
        and spans[0].start == 0
        and is_speech_quote(text, spans)
        and len(re.findall(r"\w+", mask_quotes(text, spans))) <= _WORDS_BESIDE_QUOTE_ONLY
        and not _QUESTION.search(text)
        and previous is not None
        and (
            previous.attribution is not None
            and previous.attribution.is_attributed
            and previous.paragraph >= step.sentence.paragraph - 1
        )
    ):
        return ruled(
            replace(previous.attribution, speech=speech_form(text, spans)),
            "context:quote-only-continues",
        )
    return None


def _quote_after_speaker_and_verb(reading: Reading, step: Step) -> Attribution | None:
    """ "Roe agreed. | “The pier is safe.”", "Roe echoed: | “...”": a quote-only sentence
    right after a sentence that is only a speaker and a verb (a cue or a verb the lexicon
    lacks, with no quote and no object) is that speaker's."""
    previous, text, spans = reading.previous, step.sentence.text, step.spans
    if (
        not spans
        or spans[0].start != 0
        or not is_speech_quote(text, spans)
        or previous is None
        or previous.attribution.is_attributed
        or previous.paragraph < step.sentence.paragraph - 1
        or quote_spans(previous.text)
    ):
        return None
    match = _SPEAKER_AND_VERB_ALONE.match(previous.text.strip())
    speaker = describe(match.group("phrase")) if match else None
    if speaker is None or speaker.kind is AttributionKind.DOCUMENT:
        return None
    speaker = reading.context.resolve(replace(speaker, cue=match.group("verb")))
    return ruled(
        replace(speaker, speech=speech_form(text, spans)), "context:quote-after-speaker-and-verb"
    )


# "Roe agreed.", "Roe echoed:", "The harbor master concurs.": a speaker and one verb (past
# tense or present) closing the sentence, with at most an adverb after it.
_SPEAKER_AND_VERB_ALONE = re.compile(
    r"^(?P<phrase>[^,;:]{1,60}?)\s+(?P<verb>[a-z]{3,}(?:ed|es))(?:\s+[a-z]+ly)?\s*[.:]$"
)


# A sentence that is "only a quotation" may keep a word or two beside it ("“...,” in Spanish");
# more is a clause of its own ("“...,” agrees Ann Roe of Bangor"), which a continuation
# would override.
_WORDS_BESIDE_QUOTE_ONLY = 2


# A quoted question on its own, after someone's quote, is most often the other side of an
# exchange (an interviewer's, a heckler's), not the same speaker going on.
_QUESTION = re.compile(r"\?[\u201d\"]?\s*$")


def _connective_continues(reading: Reading, step: Step) -> Attribution | None:
    """A quoting sentence opening with a connective ("And that's ...") goes on from the
    attributed sentence before it in the paragraph."""
    previous = reading.previous
    if (
        step.spans
        and previous is not None
        and previous.paragraph == step.sentence.paragraph
        and (
            previous.attribution is not None
            and previous.attribution.is_attributed
            and continues(step.sentence.text)
        )
    ):
        return ruled(replace(previous.attribution, speech="mixed"), "context:connective-continues")
    return None


def _lowercase_fragment(reading: Reading, step: Step) -> Attribution | None:
    """A sentence starting in lower case is a fragment of the attributed one before it."""
    previous = reading.previous
    if (
        step.sentence.text[:1].islower()
        and previous is not None
        and (
            previous.paragraph == step.sentence.paragraph
            and previous.attribution is not None
            and previous.attribution.is_attributed
        )
    ):
        return ruled(previous.attribution, "context:lowercase-fragment")
    return None


# The context passes, in order: the first that gives an attribution decides a sentence.
CONTEXT_PASSES = (
    _stated,
    _verb_alone_after_quote,
    _colon_introduces_quote,
    _open_quote_continues,
    _quote_only_continues,
    _quote_after_speaker_and_verb,
    _connective_continues,
    _lowercase_fragment,
)


def attribute(sentences: list[Sentence], text: str | None = None) -> None:
    """Set `attribution` on every content sentence of one source, in reading order: each by
    the first of `CONTEXT_PASSES` that applies; then a dash byline back-fills its quote."""
    content = [s for s in sentences if s.furniture is None]
    reading = Reading(content, Context(known_names(text or " ".join(s.text for s in content)), []))
    for index, sentence in enumerate(content):
        spans = quote_spans(sentence.text)
        step = Step(index, sentence, spans, attribute_sentence(sentence.text))
        sentence.attribution = next(
            (found for found in (run(reading, step) for run in CONTEXT_PASSES) if found),
            UNATTRIBUTED,
        )
        last = spans[-1] if spans else None
        opens = (
            last is not None
            and last.end == len(sentence.text)
            and (sentence.text.rstrip()[-1:] not in CLOSE_QUOTES)
        )
        attributed = sentence.attribution.is_attributed
        reading.open_quote = sentence.attribution if opens and attributed else None
        if step.stated is not None:
            if step.stated.cue in DASHES:
                byline_back(content, index, sentence.attribution, reading.stated_at)
            elif spans and spans[0].start == 0 and sentence.text[:1] not in OPEN_QUOTES:
                quote_closed_back(content, index, sentence.attribution, reading.stated_at)
            reading.stated_at.add(index)
        reading.previous = sentence


DASHES = frozenset("\u2015\u2014\u2013-")


def byline_back(content: list[Sentence], index: int, byline: Attribution, stated: set[int]):
    """A dash byline ("“...” \u2015 Carlos Raúl") ends a quote that may have begun several
    sentences earlier on the same line: those sentences are the byline's speaker's too."""
    line = content[index].line
    first = index
    while first > 0 and content[first - 1].line == line and first - 1 not in stated:
        first -= 1
    if first == index or content[first].text[:1] not in QUOTE_CHARS:
        return
    for sentence in content[first:index]:
        sentence.attribution = ruled(replace(byline, speech="direct"), "context:byline-back")


def quote_closed_back(
    content: list[Sentence], index: int, closing: Attribution, stated: set[int]
) -> None:
    """A sentence that closes a quote opened sentences earlier (in its paragraph, or across
    line breaks inside the quote) and names
    the speaker ("“I know. | I know. | That's why ...,” Henry said.") names the speaker of
    the whole quote: the sentences since the opening mark are the speaker's too, whatever a
    context pass had guessed for them."""
    first = index
    while (
        first > 0
        and content[first - 1].paragraph >= content[first].paragraph - 1
        and first - 1 not in stated
        and not any(mark in content[first - 1].text[1:] for mark in QUOTE_CHARS)
    ):
        first -= 1
        if content[first].text[:1] in OPEN_QUOTES:
            break
    if first == index or content[first].text[:1] not in OPEN_QUOTES:
        return
    for sentence in content[first:index]:
        sentence.attribution = ruled(replace(closing, speech="direct"), "context:quote-closed-back")


def continues(text: str) -> bool:
    """A sentence that goes on from the previous one ("And that's ...")."""
    return bool(_CONTINUATION.match(text))


_CONTINUATION = re.compile(r"(?:" + alternation(CONTINUATIONS) + r")\b", re.IGNORECASE)


def is_bare_clause(text: str, spans: list[Span]) -> bool:
    """A sentence that is only a reporting clause ("said the senator."), split by a break."""
    return (
        not spans
        and len(text.split()) <= 8
        and bool(re.match(r"^\s*(?:[a-z]|\S+\s+said\.?$)", text))
    )


def reason_from_next(stated: Attribution, content: list[Sentence], index: int) -> Attribution:
    """The anonymity reason, when the clause giving it was broken off into the next fragment."""
    if index + 1 < len(content):
        following = content[index + 1]
        if following.paragraph == content[index].paragraph and following.text[:1].islower():
            _, reason = anonymity_reason(following.text)
            if reason:
                return replace(stated, anonymity_reason=reason)
    return stated
