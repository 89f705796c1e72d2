"""Where the speaker phrase stands relative to its cue: the noun phrase after a cue, before
it, the subject of the clause, an appositive role, a described speaker beside a quote."""

from __future__ import annotations

import re

from ..model import Attribution, AttributionKind
from ..text import lexicon
from .phrases import CLAUSE_WORDS, NP_MAX_WORDS, clause_inside, describe, ruled, trim_leading
from .quotes import Span, speaker_between, speech_form
from .words import (
    ABBREVIATION,
    APPOSITIVE_STOPS,
    BE,
    DAYS,
    DETERMINERS,
    HARD_STOPS,
    LEADING_CLAUSE,
    NOT_NAMES,
    OPENING_PREPOSITIONS,
    OWNERS,
    QUANTIFIERS,
    SENTENCE_ADVERB,
    SOFT_STOPS,
    SPEECH_CUES,
    TRAILING_ADVERBS,
    Cue,
    alternation,
    can_open_speaker,
    function_words,
    has_verb_cue,
    head_noun,
    is_adverb,
    is_capitalized,
    name_length,
    word_norm,
)


def phrase_after(masked: str, start: int) -> tuple[str, int]:
    """The noun phrase starting at `start` ("said a senior defense official, who ...")
    and the offset where it ends."""
    words = list(re.finditer(r"\S+", masked[start:]))
    taken: list[str] = []
    end = start
    for index, match in enumerate(words):
        token = match.group()
        bare = token.strip("\u201c\u201d\"'()")
        following = words[index + 1].group() if index + 1 < len(words) else ""
        lower = bare.lower()
        if lower in HARD_STOPS or lower in DAYS:
            break
        after_the = words[index + 2].group() if index + 2 < len(words) else ""
        if (
            taken
            and lower in SOFT_STOPS
            and not following[:1].isupper()
            and not (following == "the" and after_the[:1].isupper())  # "of the Acme Group"
        ):
            break
        if token[0] in '(\u201c"' or not bare:
            break
        end = start + match.end()
        if token[-1] in ')\u201d"' and token.rstrip(')\u201d"')[-1:] in ",;:.":
            # "(“...,” said one pilot.)": the sentence closes inside a bracket or quote
            end -= len(token) - len(token.rstrip(')\u201d"'))
            token = token.rstrip(')\u201d"')
        if token[-1] in ",;:" or (token.endswith(".") and not ABBREVIATION.match(token)):
            taken.append(token.rstrip(",;:."))
            end -= 1
            break
        taken.append(token)
    return " ".join(taken), end


def phrase_before(masked: str, end: int) -> str:
    """The noun phrase ending at `end` ("..., U.S. officials said"), back to a boundary."""
    region = _ASIDE_BEFORE_CUE.sub("", masked[:end].rstrip())
    boundary = max(region.rfind(c) for c in ',;:\u2015\u2014\u2013()\u201c\u201d"')
    if " -- " in region:
        boundary = max(boundary, region.rindex(" -- ") + 3)
    phrase = region[boundary + 1 :].strip()
    tokens = phrase.split()
    if tokens and tokens[0][:1].islower() and not can_open_speaker(tokens[0].lower()):
        articles = [i for i, t in enumerate(tokens) if t in {"the", "a", "an"}]
        if articles:
            tokens = tokens[articles[-1] :]  # "meddling | the California congressman said"
    relative = [
        i
        for i, t in enumerate(tokens)
        if t in {"that", "which", "what", "whom"}
        and not (i and tokens[i - 1].lower() in SPEECH_CUES)  # "noted that"
    ]
    if relative:
        tokens = tokens[relative[-1] + 1 :]  # "an explosion that Mayor Bill de Blasio described"
    elif "who" in tokens[1:]:
        tokens = tokens[: tokens.index("who", 1)]  # "an official | who spoke anonymously said"
    while tokens and (tokens[-1].lower() in TRAILING_ADVERBS or is_adverb(tokens[-1])):
        tokens.pop()
    tokens = _after_coordinated_clause(
        _without_time_adjunct(_after_subordinator(trim_leading(tokens)))
    )
    if (
        tokens
        and tokens[-1].lower() in {"is", "are", "was", "were"}
        and masked[end:].lstrip()[:1].isalpha()
        and masked[end:].split()[0].lower().endswith("ing")
    ):
        tokens.pop()  # "Clinton is describing": progressive, active
    if tokens and tokens[-1].lower() in BE:
        return ""
    return " ".join(tokens)


# A sentence adverb set off by commas between the subject and its cue ("Supporters of the
# plan, however, say"), or a comma typed after a name whose party label was blanked
# ("Sen. Mara Lind (D-Me.), said"): neither ends the subject.
_ASIDE_BEFORE_CUE = re.compile(
    r"(?:\s*,\s*(?:" + alternation(function_words("sentence-adverb")) + r")\s*,|(?<=\w)\s+,)$",
    re.IGNORECASE,
)
_TIME_OPENERS = function_words("time-opener")


def _after_subordinator(tokens: list[str]) -> list[str]:
    """The subject of a subordinate clause that ends at the cue ("hours after | Roe said",
    "a day before | the council said"): after the last subordinating word inside the phrase
    that a capitalised word or a determiner follows, when no reporting verb stands before
    it. "as" is left out: there mostly a preposition ("as the harbor talks")."""
    for index in range(len(tokens) - 2, 0, -1):
        following = tokens[index + 1]
        if tokens[index] in SUBORDINATORS - {"as"} and (
            is_capitalized(following) or following.lower() in DETERMINERS
        ):
            if any(t in SPEECH_CUES for t in tokens[:index]):
                break  # "Roe said | when the mayor asked": the clause after the reporting verb
            return tokens[index + 1 :]
    return tokens


def _after_coordinated_clause(tokens: list[str]) -> list[str]:
    """The subject of the second of two joined clauses ("a woman asked for a photo and |
    Roe said"): after the last "and"/"but" that a verb precedes and a capital follows."""
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index] in {"and", "but"} and tokens[index + 1][:1].isupper():
            if any(_verb_like(t) for t in tokens[1:index]):
                return tokens[index + 1 :]
            break
    return tokens


def _verb_like(token: str) -> bool:
    """A lower-case past-tense word, reporting cue or finite verb ("asked", "has")."""
    return token[:1].islower() and (
        token.endswith("ed") or token in SPEECH_CUES or token.lower() in BE
    )


def _without_time_adjunct(tokens: list[str]) -> list[str]:
    """A name without the time phrase after it ("Trump | at the time said", "Gov. Mike Pence
    | on Thursday blamed"): the adjunct's words are lower case or calendar words."""
    for index in range(1, len(tokens)):
        if tokens[index].lower() in _TIME_OPENERS and is_capitalized(tokens[index - 1]):
            tail = tokens[index + 1 :]
            if tail and all(t[:1].islower() or word_norm(t) in DAYS for t in tail):
                return tokens[:index]
    return tokens


def appositive_role(masked: str, start: int) -> str | None:
    """A role after the speaker: ", president of the Center ..." up to the clause end."""
    rest = masked[start:]
    match = re.match(r"\s*,\s*([^,;\u201c\u201d\"]+)", rest)
    if not match:
        return None
    role = match.group(1).strip()
    role = re.split(r"\.\s|\.$", role)[0].strip()
    first = role.split()[0].lower() if role else ""
    if not role or first in APPOSITIVE_STOPS:
        return None
    if len(role.split()) > 20:
        return None
    return role


# Appositive roles between a name and its verb run long in news prose ("Bill Roe, a North
# Carolina businessman who had been a member of the campaign's board before leaving last
# month, said"): 35 words keeps those, measured on PolNeAR train, where 20 cut them off.
ROLE_MAX_WORDS = 35


def name_before_role(masked: str, end: int) -> tuple[str, str] | None:
    """The "Mira Rapp-Hooper, the White House senior director ..., said" form: (name, role),
    the role being one or more appositives ("Scott Pruitt, the attorney general of Oklahoma,
    one of the states suing the EPA, said")."""
    region = masked[:end].rstrip().rstrip(",").rstrip()
    region = region[max(region.rfind(c) for c in ';:\u201c\u201d"()\u2014\u2015') + 1 :]
    chunks = [chunk.strip() for chunk in region.split(",")]
    if len(chunks) < 2:
        return None
    first_role = chunks[-1]
    named = describe(chunks[-2])
    if (named is None or named.kind is not AttributionKind.NAMED) and first_role:
        swapped = describe(first_role)  # "Another critic, Laurence H. Tribe, likened ..."
        if swapped is not None and swapped.kind is AttributionKind.NAMED and " " in first_role:
            return first_role, chunks[-2]
    found = []
    for count in range(1, min(3, len(chunks) - 1) + 1):
        name, role = chunks[-1 - count], ", ".join(chunks[-count:])
        described = named if count == 1 else describe(name)
        if described is None or described.kind is not AttributionKind.NAMED:
            continue
        aside = role.split()[0].endswith("ing")  # "Roe, noting the size of the fleet, said"
        if not role or len(role.split()) > ROLE_MAX_WORDS or (has_verb_cue(role) and not aside):
            break  # a clause, not a role: "However, Ivana Trump's brief said that ..."
        found.append((name, role))
    # a proper name beats a description ("Scott Pruitt" over "the attorney general of ...")
    proper = [pair for pair in found if not pair[0][:1].islower() and pair[0].split()[0] != "the"]
    return (proper or found or [None])[0]


def _may_head(norm: str) -> bool:
    """Whether a lower-case word after a count may be the noun it counts: not a verb's form
    in "-ed" or "-ing" or of "be" ("Five | resigned", "Five | were hurt", "the two | leading
    Republicans", where the subject's words end with the count, as they did before counts
    took nouns), nor a clause word."""
    return not (norm.endswith(("ed", "ing")) or norm in BE or norm in CLAUSE_WORDS or norm == "not")


def head_follows(words: list[str], index: int) -> bool:
    """Whether a lower-case word at `index` is an adjective before a source noun within two
    words ("several environmental | groups")."""
    word = words[index].lower()
    if word.endswith("ed") or word in BE or word in CLAUSE_WORDS or word == "not":
        return False  # a verb: "Cruz exhorted | Republicans", "Roe did | not release details"
    if index + 1 < len(words) and words[index + 1].lower() in DETERMINERS:
        return False  # a verb before its object: "Mills forwards | an email"
    for word in words[index + 1 : index + 3]:
        norm = word_norm(word.rstrip(",;:"))
        if word[:1].islower() and (
            norm in lexicon("unnamed_sources")
            or norm in lexicon("documents")
            or norm in lexicon("person_nouns")
        ):
            return True
        if word.endswith((",", ";", ":")):
            return False
    return False


def _compound_before_name(words: list[str], index: int) -> bool:
    """A hyphenated lower-case descriptor before a name ("Republican front-runner | Donald
    Trump"): part of the subject's role, not its verb."""
    following = words[index + 1 : index + 3]
    return "-" in words[index].strip("-") and any(w[:1].isupper() for w in following)


def clause_subject(masked: str) -> Attribution | None:
    """The subject of the sentence's main clause, for "X did Y, saying ..." forms: the words
    from the start (after an opening phrase set off by a comma) up to the first verb-like
    lower-case word."""
    clause = _LEADING_CONJUNCTION.sub("", DATELINE.sub("", masked))
    first = clause.split()[0].lower() if clause.split() else ""
    opener = (
        first in LEADING_CLAUSE
        or first in OPENING_PREPOSITIONS
        or first.endswith("ing")
        or (first.endswith(("ed", "ly")) and first in lexicon("common_words"))
    )
    if opener and "," in clause:
        # "Speaking in Ohio on Tuesday, Roe insisted ...", "Amid the protests, the mayor ...",
        # "Reached by phone, Roe said ...", "Shortly after the vote, the council ...": the
        # subject comes after the opening phrase
        clause = clause[clause.index(",") + 1 :]
    found = subject_at(clause)
    # an opening phrase with no subject in it ("Following a swiftly called, late-afternoon
    # meeting, the Security Council ..."; a headline in capitals before a dash)
    for match in list(OPENING_BREAK.finditer(clause))[:3]:
        if found is not None:
            break
        found = subject_at(clause[match.end() :])
    return found


OPENING_BREAK = re.compile(r",\s+|\s[\u2014\u2015]\s")
# A dateline opening a news story ("CAMP FOSTER, Okinawa \u2014 ", "SINGAPORE \u2013 ",
# "LONDON, June 3 (Reuters) - "): never a speaker.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\u2019 -]+,?(?:\s+(?:[A-Z][\w.]*|\d{1,2}|\([A-Z][\w ]*\)),?)*"
    r"\s+[-\u2013\u2014\u2015]+\s+"
)
# Conjunctions that open a subordinate clause: a subject after one is not the main clause's.
SUBORDINATORS = function_words("subordinator")


def subject_at(clause: str) -> Attribution | None:
    clause = SENTENCE_ADVERB.sub("", _LEADING_CONJUNCTION.sub("", clause.lstrip()))
    tokens: list[str] = []
    words = clause.split()
    for token in words:
        bare = token.rstrip(",;:")
        norm = word_norm(bare)
        possessed = tokens and tokens[-1].endswith(("'s", "\u2019s"))
        # the noun a count is of ("five | questioners", "Obama's first five | questioners")
        counted = tokens and word_norm(tokens[-1]) in QUANTIFIERS and _may_head(norm)
        if (
            tokens
            and bare[:1].islower()
            and not can_open_speaker(norm)
            and not possessed
            and not counted
            and norm not in lexicon("documents")
            and norm not in lexicon("organizations")
            and norm not in lexicon("person_nouns")
            and not head_follows(words, len(tokens))
            and not _compound_before_name(words, len(tokens))
        ):
            break
        tokens.append(bare)
        if token.endswith((",", ";", ":")):
            break
    if not tokens or tokens[0].lower() in SUBORDINATORS:
        return None  # "after Clinton suffered a concussion, ...": not the main clause
    if len(tokens) < len(words) and words[len(tokens)].endswith(","):
        return None  # "Hours later, ...", "To wit, ...": an opening phrase, not a subject
    return describe(" ".join(tokens))


# A conjunction opening the sentence, with "then" after it ("And then Roe went ..."): not
# part of the subject.
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|yet)\s+(?:then\s+)?", re.IGNORECASE)


RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,;:]*,\s*$")


def skip_relative_clauses(masked: str, end: int) -> int:
    """Where the subject's phrase ends when a relative clause stands between it and the cue
    ("Michael Mulgrew, president of the union, which represents teachers, said")."""
    while match := RELATIVE_CLAUSE.search(masked[:end]):
        end = match.start()
    return end


COORDINATED = re.compile(r"\b(?:and|then|by)(?:\s+[a-z]+ly)?\s*$")


SLOT_OPENERS = DETERMINERS | OWNERS | {"another"}


def _surname_that_is_a_function_word(tokens: list[str]) -> bool:
    """One capitalised word that the phrase rules refuse as a function word ("From",
    "Will", "Young" is a name already), not a pronoun or a determiner."""
    word = tokens[0]
    return (
        len(tokens) == 1
        and word[:1].isupper()
        and word.isalpha()
        and word.lower() in NOT_NAMES
        and word.lower() not in lexicon("pronouns")
        and word.lower() not in DETERMINERS
    )


def slot_speaker(
    text: str, masked: str, spans: list[Span], cue: Cue, after_quote: bool
) -> Attribution | None:
    """A described speaker standing where only a speaker can stand: between a quote and its
    cue ("“...,” the progressive heavyweights wrote") or right after a cue that follows a
    quote ("“...,” said an Iowa Democrat"). The position vouches for the phrase, so any noun
    phrase opened by an article or possessive names a person or body without a name."""
    if after_quote:
        phrase = phrase_after(masked, cue.end())[0]
    else:
        closing = [span for span in spans if span.end <= cue.start()]
        if not closing or not speaker_between(masked[closing[-1].end : cue.start()]):
            return None
        phrase = masked[closing[-1].end : cue.start()]
    tokens = phrase.strip(" ,;:").split()
    if not tokens or len(tokens) > NP_MAX_WORDS or clause_inside(tokens):
        return None  # "“...,” the president will say, according to ...": a clause
    if not after_quote and _surname_that_is_a_function_word(tokens):
        # "“...,” From said.", "“...,” Will wrote": only a name stands alone in the slot
        found = Attribution(
            AttributionKind.NAMED,
            speaker=tokens[0],
            cue=cue.group(),
            speech=speech_form(text, spans),
        )
        return ruled(found, "slot:capitalised-word")
    run = name_length(tokens)
    described_surname = (
        run == 1
        and len(tokens) <= 3
        and all(t[:1].islower() and t.replace("-", "").isalpha() for t in tokens[:-1])
        and tokens[0].lower() not in SLOT_OPENERS
    )
    if (run >= 2 or described_surname) and run < len(tokens) and tokens[-run - 1][:1].islower():
        # a description, then a name: a full name ("“...,” said Clinton ally James
        # Carville", the description its role) or a surname after bare adjectives ("“...,”
        # weary Okafor said", no role)
        found = Attribution(
            AttributionKind.NAMED,
            speaker=" ".join(tokens[-run:]),
            role=None if described_surname else " ".join(tokens[:-run]),
            cue=cue.group(),
            speech=speech_form(text, spans),
        )
        return ruled(found, "slot:described-name")
    if tokens[0].lower() not in SLOT_OPENERS:
        return None
    norm = [word_norm(t) for t in tokens]
    head = head_noun(norm)
    if head in SLOT_OPENERS or not head.replace("-", "").isalnum():
        return None
    kind = AttributionKind.ANONYMOUS
    if head in lexicon("media"):
        kind = AttributionKind.MEDIA
    elif head in lexicon("documents"):
        kind = AttributionKind.DOCUMENT
    elif head in lexicon("organizations"):
        kind = AttributionKind.ORGANIZATION
    found = Attribution(
        kind, speaker=" ".join(tokens), cue=cue.group(), speech=speech_form(text, spans)
    )
    return ruled(found, "slot:described-speaker")
