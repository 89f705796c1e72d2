"""Cue finders: each finds cues of one form in a sentence and returns candidates with a named
rank; `attribute_sentence` keeps the best. The forms: a transcript label, a dash byline, a
reporting verb (speaker before or after it, a participle's subject, "according to"), the
possessor of a speech noun, and the agent of a passive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache

from ..lexicon import having
from ..model import Attribution, AttributionKind
from ..text import fold, lexicon
from .clauses import (
    COORDINATED,
    SUBORDINATORS,
    appositive_role,
    clause_subject,
    name_before_role,
    phrase_after,
    phrase_before,
    skip_relative_clauses,
    slot_speaker,
    subject_at,
)
from .phrases import describe, ruled
from .quotes import (
    AFTER_CLOSING_QUOTE,
    TERM_MAX_WORDS,
    Span,
    mask_quotes,
    quote_grade,
    quote_spans,
    speech_form,
)
from .words import (
    BE,
    DETERMINERS,
    INVERTIBLE_CUES,
    LEADING_CLAUSE,
    NOUN_LIKE_CUES,
    OPENING_PREPOSITIONS,
    OWNERS,
    STOPWORDS,
    Cue,
    alternation,
    find_cues,
    name_length,
    participle_cut,
    word_norm,
)


def sentence_cues(masked: str, spans: list[Span]) -> list[Cue]:
    """Reporting cues, and stance verbs ("branded", "rated", "agrees") beside a quotation:
    before it, or right after it with the speaker inverted."""
    found = [
        cue
        for cue in find_cues(masked)
        if cue.group()[:1].islower() or cue.start() == 0  # not "the United States"
    ]
    if spans:
        # a stance verb with a quotation after it, or right after one ("“...,” agrees Roe")
        found += [
            cue
            for cue in find_cues(masked, "quote")
            if any(span.start >= cue.end() for span in spans)
            or (
                AFTER_CLOSING_QUOTE.search(masked[: cue.start()])
                and _INVERTED_SPEAKER.match(masked, cue.end())
            )
        ]
    return found


# What follows a stance verb inverted after a quote: a name or a described speaker ("“...,”
# agrees Ann Roe", "... agreed the harbor master"), not an object ("denounced her record").
_INVERTED_SPEAKER = re.compile(r"\s+(?:[A-Z]|(?:the|a|an|another|one)\b)")


@lru_cache(maxsize=1)
def anonymity_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon("anonymity"), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(p) for p in phrases) + r")", re.IGNORECASE)


def anonymity_reason(text: str) -> tuple[bool, str | None]:
    """(whether the text says a source is unnamed, the reason it gives if any)."""
    folded = fold(text)
    match = anonymity_pattern().search(folded)
    if not match:
        return False, None
    reason = re.match(
        r"\s*(?:,\s*)?(?:because|as|since|in order to|to)\s+(.+?)\s*(?:[.;]|$)",
        folded[match.end() :],
    )
    return True, reason.group(1).strip() if reason else None


DASH_BYLINE = re.compile(
    r"[\u201d\"]\s*(?P<dash>[\u2015\u2014\u2013-])+\s*"
    r"(?P<name>[A-Z](?:[^.\u201c\"]|\.(?=\s*[A-Z])){1,60}?)\.?\s*$"
)


SPEAKER_LABEL = re.compile(r"^[\"\u201c\u201d]?(?P<name>[A-Z][A-Z.'\u2019\- ]{1,30}[A-Z]):\s+\S")


def find_label(text: str, spans: list[Span]) -> Attribution | None:
    """Speech marked without a verb: a transcript label ("PENCE: Well, ...") or a dash
    byline after a quote ("“...” \u2015 Carlos Raúl")."""
    label = SPEAKER_LABEL.match(text)
    if label:
        return Attribution(
            AttributionKind.NAMED,
            speaker=label.group("name"),
            cue=":",
            speech="direct",
            rules=("label:transcript",),
        )
    byline = DASH_BYLINE.search(text)
    if byline and spans:
        found = describe(byline.group("name"))
        if found is not None:
            return ruled(replace(found, cue=byline.group("dash"), speech="direct"), "dash-byline")
    return None


class Rank(IntEnum):
    """How strongly a cue's candidate claims its sentence, weakest first."""

    NO_QUOTE = 0  # a reporting verb that introduces no quotation
    OTHER_FORM = 1  # a possessor of a speech noun or a passive agent introducing a quotation
    QUOTE_IN_CLAUSE = 2  # a reporting verb with a quotation later in its clause
    QUOTE_BESIDE = 3  # a reporting verb with a quotation right beside it


@dataclass(frozen=True)
class Candidate:
    """One cue's reading of a sentence: who it names, where the cue stands, how it ranks."""

    attribution: Attribution
    start: int
    rank: Rank

    def key(self) -> tuple[Rank, bool, int]:
        """A cue that introduces a quote wins; then a finite cue ("said") over a participle
        ("noting", whose speaker is only guessed from the subject); then, among cues that
        introduce quotes, the main clause's, which comes first ("Trump said ... that Clinton
        once described it as “the gold standard”"), and among the others the last."""
        finite = not (self.attribution.cue or "").lower().endswith("ing")
        return self.rank, finite, -self.start if self.rank > Rank.NO_QUOTE else self.start


_VERB_RANKS = (Rank.NO_QUOTE, Rank.QUOTE_IN_CLAUSE, Rank.QUOTE_BESIDE)  # by quote_grade


def verb_candidates(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """Reporting verbs and "according to", with the speaker each names."""
    found = []
    opening = opening_clause_end(masked)
    for cue in sentence_cues(masked, spans):
        attribution = from_cue(text, masked, spans, cue)
        if attribution is not None:
            own = spans if cue.start() > opening else [s for s in spans if s.start < opening]
            grade = quote_grade(masked, own, cue.start(), cue.end())
            if not grade and reports_an_act(masked, cue):
                continue
            found.append(Candidate(attribution, cue.start(), _VERB_RANKS[grade]))
    return found


ACT_OBJECT = having("cues", "act-object")
ACT_TO = having("cues", "act-to")


def reports_an_act(masked: str, cue: Cue) -> bool:
    """A cue whose next word makes it an act rather than speech ("claimed a victory",
    "maintains his lead", "adding to her lead"; lexicon/cues.txt act-object, act-to)."""
    word = cue.group().lower()
    following = masked[cue.end() :].split()[:1]
    if not following or (word not in ACT_OBJECT and word not in ACT_TO):
        return False
    nxt = following[0].lower()
    if word in ACT_TO and nxt == "to":
        return True
    return word in ACT_OBJECT and (nxt in DETERMINERS or nxt in OWNERS or nxt[:1].isdigit())


def opening_clause_end(masked: str) -> int:
    """Where a subordinate clause opening the sentence ends ("While Roe says the pier is
    safe, | the council ..."): its first comma; 0 when the sentence opens otherwise. A cue
    inside it introduces only the quotes inside it, never the main clause's."""
    first = masked.lstrip(' \u201c\u201d"').split(" ", 1)[0].lower()
    if first not in SUBORDINATORS or "," not in masked:
        return 0
    return masked.index(",")


def possessor_candidates(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """The possessor of a speech noun before a quote ("Trump's claim that “...”")."""
    found = []
    for match in possessive_pattern().finditer(masked) if spans else ():
        owner = describe(match.group("owner"))
        if owner is not None and owner.kind is not AttributionKind.DOCUMENT:
            found.append((match, owner, "possessor-of-speech-noun"))
    return _other_form(text, masked, spans, found)


def passive_candidates(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """The agent of a passive cue ("“American Skin” was written by Springsteen")."""
    found = []
    for match in PASSIVE.finditer(masked) if spans else ():
        agent = describe(phrase_after(masked, match.end())[0])
        if agent is not None:
            found.append((match, agent, "passive-agent"))
    return _other_form(text, masked, spans, found)


def _other_form(
    text: str, masked: str, spans: list[Span], found: list[tuple[re.Match[str], Attribution, str]]
) -> list[Candidate]:
    """Candidates of a form without a reporting verb, kept only where their cue introduces a
    quote, and ranked below a verb that does."""
    speech = speech_form(text, spans)
    return [
        Candidate(
            ruled(replace(attribution, cue=match.group("cue"), speech=speech), rule),
            match.start("cue"),
            Rank.OTHER_FORM,
        )
        for match, attribution, rule in found
        if quote_grade(masked, spans, match.start("cue"), match.end("cue"))
    ]


_COLON_QUOTE = re.compile(r":\s*[\u201c\"]")
_CUT_BEFORE_COLON = re.compile(r".*(?:\s[-\u2013\u2014\u2015]\s|[.!?]\s|\))")
# A clause before a colon this short is a subject and a verb or two ("Roe went even further");
# longer ones describe something else ("Kaine has adopted the stance common among ...").
_SHORT_CLAUSE = 6
_FROM = re.compile(r"^(?:more\s+)?from\s+", re.IGNORECASE)


def _short_clause_subject(region: str) -> Attribution | None:
    """The subject of a short clause ("Kasich resisted", "In an interview, Roe went even
    further"); None for a longer one, which describes something else."""
    first = region.split()[0].lower()
    if "," in region and (first in LEADING_CLAUSE or first in OPENING_PREPOSITIONS):
        region = region[region.rindex(",") + 1 :]
    if "," in region or len(region.split()) > _SHORT_CLAUSE:
        return None
    return subject_at(region)


def colon_candidates(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """A quote introduced by a colon: the phrase before it when it names a source ("Pew
    Research: “...”", "From the report: “...”"), else the subject of the clause before it
    ("Kasich resisted: “...”"). Ranked below a verb that introduces the quote."""
    for match in _COLON_QUOTE.finditer(masked):
        if not any(span.start == match.end() - 1 for span in spans):
            continue
        region = masked[: match.start()]
        cut = _CUT_BEFORE_COLON.match(region)
        region = _FROM.sub("", region[cut.end() if cut else 0 :].strip())
        if not region or find_cues(region):
            continue  # a reporting verb before the colon is the verb finders' to read
        found = describe(region)
        if found is None:
            found = _short_clause_subject(region)
        if found is None:
            continue
        speech = speech_form(text, spans)
        found = ruled(replace(found, cue=":", speech=speech), "colon-before-quote")
        return [Candidate(found, match.start(), Rank.OTHER_FORM)]
    return []


# A past-tense word ("beamed", "pressed", "started") read as a reporting verb only right beside
# a quote; these -ed words are not verbs.
_NOT_PAST_TENSE = frozenset(
    "indeed need speed feed seed breed proceed succeed exceed hundred kindred sacred naked "
    "wicked beloved red bed shed".split()
)
_PAST_BESIDE_QUOTE = re.compile(r"\s+(?:(?P<phrase>(?:[^\s,;:]+\s+){1,6}?))?(?P<cue>[a-z]{3,}ed)\b")


# What may follow a reporting verb that ends its clause ("Roe beamed.", "Roe pressed, ...",
# "Roe charged in her remarks", "Roe repeated softly"): an object after it makes another verb.
_CLAUSE_CLOSES = re.compile(
    r"\s*(?:[.,;:!?\u2014\u2013-]|$|[a-z]+ly\b|(?:"
    + alternation(having("function_words", "after-reporting-verb"))
    + r")\b)"
)


def past_verb_candidates(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """A verb the lexicon lacks, read as a reporting verb where nothing else can be one:
    right after a quote that ends in a comma, "?" or "!" ("“...,” Roe beamed", "“...?” pressed
    Roe"), with a speaker beside it. Ranked below every lexicon cue."""
    found = []
    for span in spans:
        if span.end >= len(text) or span.end < 2 or text[span.end - 2] not in ",!?":
            continue
        match = _PAST_BESIDE_QUOTE.match(masked, span.end)
        if match is None or match.group("cue") in _NOT_PAST_TENSE:
            continue
        if match.group("phrase"):
            if not _CLAUSE_CLOSES.match(masked, match.end()):
                continue  # "“Indeed,” the pier needed repairs": the verb has an object
            speaker = describe(match.group("phrase"))
        else:
            speaker = describe(phrase_after(masked, match.end())[0])
        if speaker is None or speaker.kind is AttributionKind.DOCUMENT and not match["phrase"]:
            continue
        speaker = replace(speaker, cue=match.group("cue"), speech=speech_form(text, spans))
        found.append(
            Candidate(ruled(speaker, "past-verb-beside-quote"), match.start("cue"), Rank.NO_QUOTE)
        )
    return found


# The cue finders, tried on every sentence that has no label; the best-ranked candidate wins.
CUE_FINDERS = (
    verb_candidates,
    possessor_candidates,
    passive_candidates,
    colon_candidates,
    past_verb_candidates,
)


# A quotation this long inside a sentence that no cue introduces is taken as its subject's
# words (subject-of-quoting-sentence); a shorter one is too unless it is in title case
# (subject-of-short-quote). Swept on PolNeAR train (rule right/decided, overall precision,
# over-attribution), before shorter quotes were read: 2 words 113/131, 95.0%, 3.0%; 3 words
# 96/107, 95.2%, 2.8%; 4 words 80/90, 95.2%, 2.6%. With act-object cues no longer
# over-attributing, shorter quotes read apart (title case left out) add 32 right of 43 at
# 95.4% overall precision and 2.7% over-attribution.
SUBJECT_QUOTE_MIN_WORDS = 3


def subject_of_quoting_sentence(text: str, masked: str, spans: list[Span]) -> list[Candidate]:
    """The last resort: a sentence with no cue that quotes someone mid-sentence ("Roe believes
    in journalism that “takes sides.”", "The ad targets a “rigged economy.”"): the quoted
    words are its main clause's subject's, and so are a shorter quote's ("Roe called the plan
    “reckless.”", rule subject-of-short-quote) unless it is in title case ("stars in “Blue
    Harbor Nights”": a work's name, not speech)."""
    quoted = [span for span in spans if span.start > 0 and not _is_term(text, masked, span)]
    long_quotes = [
        span
        for span in quoted
        if len(text[span.start : span.end].split()) >= SUBJECT_QUOTE_MIN_WORDS
    ]
    if long_quotes:
        subject = clause_subject(masked[: long_quotes[0].start])
        rule = "subject-of-quoting-sentence"
    else:
        speech = [s for s in quoted if not _title_case(text[s.start + 1 : s.end - 1])]
        subject = clause_subject(masked[: speech[0].start]) if speech else None
        rule = "subject-of-short-quote"
    if subject is None or _word_not_person(subject):
        return []
    found = replace(subject, cue=None, speech=speech_form(text, spans))
    return [Candidate(ruled(found, rule), 0, Rank.NO_QUOTE)]


def _title_case(quote: str) -> bool:
    """Words of a title ("Blue Harbor Nights", "Party of the Sea"): two words or more, the
    first and every other but short function words capitalised."""
    words = re.findall(r"[\w'\u2019]+", quote)
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in STOPWORDS for w in words)
    )


def _is_term(text: str, masked: str, span: Span) -> bool:
    """A short quote inside a noun phrase, a name for something rather than speech: after a
    determiner with a word between ("signed a formal “commitment to consult”"), or right
    after one when it modifies a noun that follows ("the “harbor first” plan") or is a title
    ("the “Harbor Plan”"). Right after a determiner and ending its noun phrase ("defended
    the toll as an “investment.”", "the epitome of the “rigged system”") it is the words of
    the one who uses it: on PolNeAR train, reading these as speech was right 13 times of 16."""
    if len(text[span.start : span.end].split()) > TERM_MAX_WORDS:
        return False
    before = [word.lower() for word in masked[: span.start].split()[-2:]]
    if not any(word in DETERMINERS for word in before):
        return False
    if before[-1] not in DETERMINERS:
        return True  # "a formal “pledge to dredge”": a word between, a name for something
    after = _NEXT_WORD.match(masked, span.end)
    modifies = after is not None and after.group(1) not in STOPWORDS
    return modifies or _title_case(text[span.start + 1 : span.end - 1])


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _word_not_person(subject: Attribution) -> bool:
    """A subject that names no one by itself: a pronoun, or one capitalised common word
    ("Boos rained down ...", "Likewise, ..."), which a sentence with no cue cannot vouch for."""
    speaker = (subject.speaker or "").lower()
    return speaker in lexicon("pronouns") or (
        subject.kind is AttributionKind.NAMED
        and " " not in speaker
        and any(form in lexicon("common_words") for form in _plain_forms(word_norm(speaker)))
    )


def _plain_forms(word: str) -> set[str]:
    """The word and the dictionary forms it may inflect ("boos" boo, "reached" reach,
    "preceded" precede, "acknowledging" acknowledge)."""
    forms = {word}
    for ending, replacements in (("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.update(word[: -len(ending)] + r for r in replacements)
    return forms


@lru_cache(maxsize=4096)
def attribute_sentence(text: str) -> Attribution | None:
    """The attribution a sentence states on its own, or None when it states none. Cached:
    pure, its result immutable, and asked for twice per claim (speaker and sourcing checks)."""
    spans = quote_spans(text)
    labelled = find_label(text, spans)
    if labelled is not None:
        return labelled  # a transcript label or dash byline decides outright
    masked = mask_quotes(text, spans)
    candidates = [found for finder in CUE_FINDERS for found in finder(text, masked, spans)]
    if not candidates:
        candidates = subject_of_quoting_sentence(text, masked, spans)
    if not candidates:
        return None
    best = max(reversed(candidates), key=Candidate.key)
    chosen = best.attribution
    # "According to the Sun, O'Malley said “...”", "“...,” O'Malley said, the Sun reported.":
    # the quote reaches the reader through the outer source, which vouches for the report
    outer = [c for c in candidates if c is not best and _outer_source(c, best, masked)]
    if outer:
        chosen = ruled(outer[-1].attribution, "according-to-vouches")
    attribution = resolve_in_sentence(chosen, masked)
    if attribution.kind is AttributionKind.ANONYMOUS:
        _, reason = anonymity_reason(text)
        attribution = replace(attribution, anonymity_reason=reason)
    return attribution


@lru_cache(maxsize=1)
def possessive_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, lexicon("speech_nouns")), key=len, reverse=True))
    return re.compile(
        r"(?P<owner>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)(?:'s|\u2019s|')\s+"
        r"(?:[a-z]+\s+){0,2}?(?P<cue>" + nouns + r")\b"
    )


PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?P<cue>(?:"
    + alternation(having("cues", "passive"))
    + r")\s+by)\s+"
)


def _outer_source(candidate: Candidate, inner: Candidate, masked: str) -> bool:
    """Whether a candidate is the outer source through which another's words reach the
    reader: "according to X" closing the sentence ("..., Roe said, according to the
    Ledger"), or opening it or set off by commas when X is no document ("According to the
    Ledger, Roe said ..."), or
    a news outlet's "reported" closing it after a comma ("..., Roe said, the Ledger reported.")."""
    cue = (candidate.attribution.cue or "").lower()
    before = masked[: candidate.start]
    if cue == "according to":
        after = masked[candidate.start :]
        if CLAUSE_TO_END.match(after):
            return True
        # opening the sentence or set off by commas, a person, body or outlet; a document
        # there ("According to the article, Roe said ...") is where the words are read
        opens = not before.strip(' \u201c\u201d"') or before.rstrip().endswith(",")
        return opens and candidate.attribution.kind is not AttributionKind.DOCUMENT
    if (
        cue not in {"reported", "reports"}
        or candidate.attribution.kind is not AttributionKind.MEDIA
    ):
        return False
    return candidate.start > inner.start and bool(OUTLET_CLOSES.search(masked))


# The rest of a sentence from its cue with no further clause ("according to the Ledger.").
CLAUSE_TO_END = re.compile(r"[^,;:]*[.!?]?\s*$")
# A news outlet reporting what the sentence says, set off at its end: ", the Ledger reported."
# or ", reported the Ledger."
OUTLET_CLOSES = re.compile(
    r",\s*(?:[^,;:]{1,60}\s(?:reported|reports)|(?:reported|reports)\s[^,;:]{1,60})[.!?]?\s*$"
)


def resolve_in_sentence(attribution: Attribution, masked: str) -> Attribution:
    """A pronoun speaker stands for the subject of its own sentence when that subject agrees
    with it ("Sen. Claire McCaskill scolded him: “...” she said", "the Council ... pledged
    sanctions against what it called ...")."""
    pronoun = (attribution.speaker or "").lower()
    if pronoun not in {"he", "she", "it", "they"}:
        return attribution
    subject = clause_subject(masked)
    if subject is None or (subject.speaker or "").lower() in lexicon("pronouns"):
        return attribution
    plural = (subject.speaker or "").lower().endswith("s")
    kind = subject.kind
    if pronoun in {"he", "she"}:
        agrees = kind is AttributionKind.NAMED or (kind is AttributionKind.ANONYMOUS and not plural)
    elif pronoun == "it":
        agrees = kind in {AttributionKind.ORGANIZATION, AttributionKind.DOCUMENT} or (
            kind is AttributionKind.MEDIA and not plural
        )
    else:
        agrees = kind in {AttributionKind.ORGANIZATION, AttributionKind.MEDIA} or (
            kind is AttributionKind.ANONYMOUS and plural
        )
    if not agrees:
        return attribution
    return ruled(
        replace(subject, cue=attribution.cue, speech=attribution.speech), "pronoun-is-subject"
    )


def _subordinate_without_quote(masked: str, spans: list[Span], cue: Cue, phrase: str) -> bool:
    """A cue whose subject opens a subordinate clause ("... after Roe questioned the plan")
    with no quote for it to introduce: it reports that clause only, and the sentence is the
    writer's."""
    before = masked[: cue.start()].rstrip()
    opener = before[: len(before) - len(phrase)].split()[-1:] if before.endswith(phrase) else []
    return (
        bool(opener)
        and opener[0] in SUBORDINATORS
        and not quote_grade(masked, spans, cue.start(), cue.end())
    )


def _reporting_clause_speaker(
    text: str, masked: str, spans: list[Span], before: str
) -> Attribution | None:
    """The speaker of a reporting clause that a participle goes on from ("The pier will
    reopen, Roe said, adding, “...”", "..., said Roe, noting ..."): the participle is that
    speaker's, not the sentence subject's."""
    if not before.endswith(","):
        return None
    end = len(before) - 1
    earlier = [cue for cue in find_cues(masked[:end]) if not cue.group().endswith("ing")]
    if not earlier:
        return None
    between = masked[earlier[-1].end() : end]
    if "," in between or len(between.split()) > REPORTING_CLAUSE_TAIL:
        return None
    return from_cue(text, masked, spans, earlier[-1])


# Words that may follow a reporting verb before the comma that ends its clause ("said
# Jane Roe, the harbor master's deputy," is cut at the first comma): a name of up to
# four words with a time word or two ("said Jane Roe on Tuesday").
REPORTING_CLAUSE_TAIL = 6


# Prepositions before a capitalised word that say where or through what, not whose act:
# "footage of Roe asking" names the asker, "replied on Facebook writing" does not.
_PLACE_PREPOSITIONS = frozenset({"on", "in", "at", "from", "to", "via", "for", "through"})


CLAUSE_GOES_ON = re.compile(r"\s*(?:that\b|[,.;:!?\"\u201c\u201d]|$|(?:on|in|at|during|to)\b)")


def from_cue(text: str, masked: str, spans: list[Span], cue: Cue) -> Attribution | None:
    word = cue.group().lower()
    if word in NOUN_LIKE_CUES and not CLAUSE_GOES_ON.match(masked[cue.end() :]):
        return None
    before = masked[: cue.start()].rstrip()
    preceding_word = before.split()[-1].lower() if before.split() else ""
    if preceding_word.endswith(("'s", "\u2019s", "s'", "s\u2019")) or (
        word in NOUN_LIKE_CUES and preceding_word in OWNERS
    ):
        return None  # "Roe's comments “...”", "her notes": a noun, owned
    if preceding_word in BE and not word.endswith("ing"):
        return None  # "is said to", "will say": a hedge or a future, not an attribution
    if word.endswith("ing") and preceding_word == "without":
        return None  # "it goes without saying", "left without saying goodbye"
    if word.endswith("ing"):
        # "footage of Hillary Clinton asking, “...”": the name the participle follows;
        # "Trump attacked Clinton ..., saying, “...”": the subject of the clause
        tokens = before.split()
        named = None
        if not before.endswith(","):
            run = name_length(tokens)
            if run and len(tokens) > run and tokens[-run - 1] in _PLACE_PREPOSITIONS:
                run = 0  # "responded on Facebook writing": where, not who
            named = describe(" ".join(tokens[len(tokens) - run :])) if run else None
        rule = "participle-after-name" if named is not None else "participle-of-subject"
        if named is None:
            named = _reporting_clause_speaker(text, masked, spans, before)
            rule = "participle-after-reporting-clause" if named is not None else rule
        subject = named if named is not None else clause_subject(masked)
        if subject is None:
            return None
        return ruled(replace(subject, cue=cue.group(), speech=speech_form(text, spans)), rule)
    cue_start = skip_relative_clauses(masked, cue.start())
    before = masked[:cue_start].rstrip()
    inverted = word == "according to" or not before or before[-1] in ',\u201d"' or (cue.start() < 3)
    attempts = ["after", "before"] if inverted else ["before", "after"]
    after_quote = bool(AFTER_CLOSING_QUOTE.search(masked[: cue.start()]))
    if word not in INVERTIBLE_CUES and not after_quote:
        attempts = ["before"]  # any speech verb inverts right after a quote ("” mused X")
    for attempt in attempts:
        if attempt == "after":
            phrase, end = phrase_after(masked, cue.end())
            if participle_cut([word_norm(t) for t in phrase.split()]) is not None:
                continue  # "recalled Mr. Obama talking about ...": an object, not the speaker
            described = describe(phrase)
            if described is not None:
                role = appositive_role(masked, end) if word != "according to" else None
                if role and described.kind is not AttributionKind.DOCUMENT:
                    joined = f"{described.role}, {role}" if described.role else role
                    described = replace(described, role=joined)
                found = replace(described, cue=cue.group(), speech=speech_form(text, spans))
                return ruled(
                    found, "according-to" if word == "according to" else "verb-then-speaker"
                )
        else:
            phrase = phrase_before(masked, cue_start)
            if phrase and _subordinate_without_quote(masked, spans, cue, phrase):
                return None
            described = describe(phrase) if phrase else None
            rule = "speaker-then-verb"
            if described is None and COORDINATED.search(masked[: cue.start()]):
                # "Trump bemoaned the unrest and said ...", "Dean ... began by saying ...":
                # the cue shares the subject of the clause's first verb
                described, rule = clause_subject(masked), "coordinated-verb-subject"
            elif described is None:
                pair = name_before_role(masked, cue_start)
                rule = "name-comma-role-verb"
                if pair:
                    named = describe(pair[0])
                    described = replace(named, role=pair[1]) if named else None
            if described is not None and word != "according to":
                found = replace(described, cue=cue.group(), speech=speech_form(text, spans))
                return ruled(found, rule)
    return slot_speaker(text, masked, spans, cue, after_quote)
