"""Who said what: an `Attribution` for every source sentence.

Deterministic rules over lexicons kept as data (`factcheck/lexicon/*.txt`). A sentence is
first read on its own (`attribute_sentence`): find a reporting cue outside quotation marks,
then the noun phrase that names the source, before the cue ("X said") or after it
("said X", "according to X"). `attribute` then reads the sentences of one source in order
to carry context: a quote paragraph continuing the previous speaker, pronouns and
surnames resolved to the full name given earlier, "the defense official" resolved to the
earlier "senior defense official", a reporting clause split off by a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import UNATTRIBUTED, Attribution, AttributionKind, Sentence
from .text import fold, lexicon, normalize

OPEN_QUOTES = '\u201c"'
CLOSE_QUOTES = '\u201d"'
QUOTE_CHARS = '\u201c\u201d"'
# A quoted span this short, with no reporting cue, is a name or a term ("Joint Force"), not speech.
TERM_MAX_WORDS = 4
NP_MAX_WORDS = 12

_ABBREVIATION = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Adm|Rep|Sen|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Gov|Jr|Sr|St|Capt|Maj|Sgt|Cmdr|Ret|"
    r"Prof|Rev|Gens?|Reps|Sens|No|Mt|Ft)\.$"
)
_CAPITALIZED = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|(?:[A-Z]\.)+[A-Z]?\.?)$")
_HARD_STOPS = frozenset(
    "who which whose that in on at during after before while when as about last this "
    "yesterday today tonight earlier later adding noting citing told because since if though "
    "although but via through from with without for".split()
)
_SOFT_STOPS = frozenset({"and", "to", "of"})  # stop only when a lowercase word follows
_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_TRAILING_ADVERBS = frozenset(
    "also later then previously recently once again has have had reportedly repeatedly "
    "publicly privately first further simply has already often frequently flatly even still".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "one", "two", "three", "several", "some", "many"})
_NAME_PARTICLES = frozenset("de da di del della der van von la le du bin ibn al el st.".split())
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "will", "would", "to"})


def _ruled(attribution: Attribution, name: str) -> Attribution:
    """The attribution with one more named rule recorded as having decided it."""
    return replace(attribution, rules=(*attribution.rules, name))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


_QUOTE_CHAR = re.compile('[\u201c\u201d"]')


def quote_spans(text: str) -> list[Span]:
    """Quotations in a sentence, including one left open at the end (it continues into the
    next sentence) and one closed without opening (it continued from the previous one)."""
    spans: list[Span] = []
    opened: int | None = None
    for found in _QUOTE_CHAR.finditer(text):
        index, char = found.start(), found.group()
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


_PARTY_LABEL = re.compile(r"\s\((?:[DRI]|[DRI]-[A-Za-z. ]{2,15}|[A-Z][a-z]+\.?)\)")


def _mask_quotes(text: str, spans: list[Span]) -> str:
    """The sentence with quoted words blanked, so that cues inside a quote are not cues, and
    party labels ("(R-Utah)", "(D)") blanked, so they do not cut a speaker's name off."""
    chars = list(text)
    for span in spans:
        for index in range(span.start + 1, span.end - 1):
            if chars[index] != "\n":
                chars[index] = " "
    masked = "".join(chars)
    return _PARTY_LABEL.sub(lambda m: " " * len(m.group()), masked)


@dataclass(frozen=True)
class Cue:
    """A cue word or phrase where it stands in a sentence (read like a regex match)."""

    text: str
    at: int
    stop: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _cue_table(name: str) -> dict[str, list[list[str]]]:
    """A cue lexicon's entries by first word, longest first (as an alternation would try)."""
    table: dict[str, list[list[str]]] = {}
    for entry in sorted(lexicon(name), key=len, reverse=True):
        parts = entry.split(" ")
        table.setdefault(parts[0], []).append(parts)
    return table


def find_cues(text: str, name: str = "reporting_verbs") -> list[Cue]:
    """Whole-word occurrences of a cue lexicon's entries, left to right, not overlapping:
    a word lookup instead of one regular expression of every entry (several times faster)."""
    table = _cue_table(name)
    words = list(_WORD_RUN.finditer(text))
    found: list[Cue] = []
    index = 0
    while index < len(words):
        size = 0
        for parts in table.get(words[index].group().lower(), ()):
            size = len(parts)
            if index + size <= len(words) and all(
                words[index + k].group().lower() == parts[k]
                and text[words[index + k - 1].end() : words[index + k].start()] == " "
                for k in range(1, size)
            ):
                break
            size = 0
        if size:
            start, end = words[index].start(), words[index + size - 1].end()
            found.append(Cue(text[start:end], start, end))
            index += size
        else:
            index += 1
    return found


def _cues(masked: str, spans: list[Span]) -> list[Cue]:
    """Reporting cues, and stance verbs ("branded", "rated") that a quotation follows."""
    found = [
        cue
        for cue in find_cues(masked)
        if cue.group()[:1].islower() or cue.start() == 0  # not "the United States"
    ]
    if spans:
        found += [
            cue
            for cue in find_cues(masked, "stance_verbs")
            if any(span.start >= cue.end() for span in spans)
        ]
    return found


@lru_cache(maxsize=32)
def _phrase_table(name: str) -> tuple[frozenset[str], int]:
    entries = lexicon(name)
    return entries, max((len(entry.split(" ")) for entry in entries), default=0)


def _has_phrase(norm_words: list[str], name: str) -> bool:
    """Whether any entry of lexicon `name` occurs as a whole-word sequence in `norm_words`."""
    entries, longest = _phrase_table(name)
    for size in range(1, longest + 1):
        for index in range(len(norm_words) - size + 1):
            if " ".join(norm_words[index : index + size]) in entries:
                return True
    return False


def _word_norm(token: str) -> str:
    return normalize(token).removesuffix("'s")


def _is_capitalized(token: str) -> bool:
    return bool(_CAPITALIZED.match(token)) and token.lower() not in _DETERMINERS


def _in_titles(token: str) -> bool:
    """A title word, written with or without its abbreviation dot ("Adm." / "Adm")."""
    word = _word_norm(token)
    return word in lexicon("titles") or word.rstrip(".") in lexicon("titles")


def _is_title_word(token: str) -> bool:
    """A word of a title or role ("Minister", "retired", "lawyer" in "Trump lawyer X")."""
    return _in_titles(token) or _word_norm(token) in lexicon("unnamed_sources")


def _name_length(tokens: list[str]) -> int:
    """How many of the last tokens form a name: capitalised words that are not titles, with
    the particles inside a name ("Bill de Blasio") and a surname that is also a title word
    ("Charlie King", "Howard Dean") when a given name precedes it."""
    trailing = 0
    while trailing < len(tokens) and _word_norm(tokens[-1 - trailing]) in lexicon("title_surnames"):
        trailing += 1
    length = trailing
    while length < len(tokens):
        token = tokens[-1 - length]
        particle = (
            0 < length < len(tokens) - 1
            and token in _NAME_PARTICLES
            and _is_capitalized(tokens[-2 - length])
        )
        if not particle and not (_is_capitalized(token) and not _in_titles(token)):
            break
        length += 1
    if length == trailing:
        # no given name before the title-like word: "Mr. King", "the Dean", "President"
        length = 0
        while (
            length < len(tokens)
            and _is_capitalized(tokens[-1 - length])
            and not _in_titles(tokens[-1 - length])
        ):
            length += 1
    return length


def split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(title tokens, name tokens): the name is the trailing run of capitalised words that
    are not title words ("Defense Minister | Minoru Kihara")."""
    index = len(tokens) - _name_length(tokens)
    title, name = tokens[:index], tokens[index:]
    if (
        not name
        and len(tokens) >= 2
        and _ABBREVIATION.match(tokens[-2])
        and _is_capitalized(tokens[-1])
    ):
        title, name = tokens[:-1], tokens[-1:]  # "Mr. King": a surname that is also a title
    # "Gov. Earl Ray Tomblin of West Virginia": the name comes before "of Place".
    joins = 2 if len(title) >= 4 and [t.lower() for t in title[-2:]] == ["of", "the"] else 1
    if len(title) >= 3 and title[-joins].lower() in {"of", "from"}:
        before, place = title[:-joins], title[-joins:] + name
        run = _name_length(before)
        if run >= 2:
            return before[:-run] + place, before[-run:]
    # "Ambassador to Japan Rahm Emanuel", "Ambassador to South Korea Philip Goldberg": the
    # place after to/of belongs to the title; the name is its last two words.
    linked = title and (
        title[-1].lower() in {"to", "of", "for"}
        or (len(title) >= 2 and title[-1].lower() == "the" and title[-2].lower() in {"to", "of"})
    )
    if linked and len(name) >= 3:
        title, name = title + name[:-2], name[-2:]
    return title, name


_QUANTIFIERS = frozenset("both most other others many some several few all two three four".split())


def _can_open_speaker(word: str) -> bool:
    """Lower-case words a speaker phrase may start with ("the", "senior", "experts")."""
    return (
        word in _DETERMINERS
        or word in _QUANTIFIERS
        or word in lexicon("titles")
        or word in lexicon("unnamed_sources")
        or word in lexicon("pronouns")
        or word in _OWNERS
    )


# Nouns for people by what they do (narrator, businessman, economist, spokesperson).
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee)s?$")

_POST_MODIFIERS = frozenset(
    "in of from at with for close familiar released published issued obtained seen signed".split()
)


def _head(norm: list[str]) -> str:
    """The head noun: the last word before a post-modifier ("officials | in Washington",
    "a report | released last year", "protesters | marching through the streets")."""
    return norm[_head_index(norm)]


def _head_index(norm: list[str]) -> int:
    for index, word in enumerate(norm[1:], start=1):
        if word in _POST_MODIFIERS or _is_participle(norm, index):
            return index - 1
    return len(norm) - 1


def _participle_cut(norm: list[str]) -> int | None:
    """Where a participle clause after the head noun starts ("Protesters | marching ..."),
    or None when the phrase has none."""
    cut = _head_index(norm) + 1 if norm else 0
    return cut if cut < len(norm) and _is_participle(norm, cut) else None


def _is_participle(norm: list[str], index: int) -> bool:
    word = norm[index]
    return (
        word.endswith("ing")
        and len(word) > 5
        and norm[index - 1] not in _DETERMINERS
        and word not in lexicon("documents")
    )


@lru_cache(maxsize=8192)
def describe(phrase: str) -> Attribution | None:
    """Classify a noun phrase naming a source; None when it does not name one."""
    phrase = phrase.strip(" ,;:-\u2014\u2013()\"\u201c\u201d'")
    phrase = re.sub(r"^(?:and|but|so|while)\s+", "", phrase, flags=re.IGNORECASE)
    phrase = _SENTENCE_ADVERB.sub("", phrase)
    tokens = _trim_leading(phrase.split())
    phrase = " ".join(tokens)
    if not tokens or len(tokens) > NP_MAX_WORDS:
        return None
    if sum(t.isupper() and t.isalpha() and len(t) > 1 for t in tokens) >= 3:
        return None  # a headline in capitals ("CONGRESS HAS INVESTIGATED HIM")
    if any(t in {"\u2014", "\u2015", "--"} for t in tokens):
        return None
    norm = [_word_norm(t) for t in tokens]
    if norm[0] in {"one", "another"} and (len(norm) == 1 or norm[0] == "another"):
        # "one said", "said another", "another commenter": a new unnamed speaker
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("one-or-another",))
    cut = _participle_cut(norm)
    if cut is not None:
        # "Protesters marching through the streets": the source is the head noun phrase
        tokens, norm = tokens[:cut], norm[:cut]
        phrase = " ".join(tokens)
    if (
        tokens[0][:1].islower()
        and not _can_open_speaker(norm[0])
        and _head(norm) not in lexicon("unnamed_sources")
        and len(split_name(tokens)[1]) < 2
    ):
        return None  # "that some people", "at a Washington event": not a noun phrase
    head = _head(norm)
    if tokens[0][:1].islower() and head == norm[0] and _in_titles(tokens[0]) and len(tokens) > 1:
        return None  # "president of the United Federation of Teachers": a role, not a source
    if len(tokens) == 1 and head in lexicon("pronouns"):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("pronoun",))
    if len(tokens) == 1 and _is_capitalized(tokens[0]) and head in lexicon("title_surnames"):
        # "White said": a surname that is also a title word, standing alone
        return Attribution(AttributionKind.NAMED, speaker=phrase, rules=("surname-that-is-a-word",))
    has_capital = any(_is_capitalized(t) for t in tokens)
    if _has_phrase(norm, "media") and (has_capital or head in lexicon("media")):
        return Attribution(AttributionKind.MEDIA, speaker=phrase, rules=("media-name",))
    if head in lexicon("documents") or (
        len(norm) > 1 and " ".join(norm[-2:]) in lexicon("documents")
    ):
        return Attribution(AttributionKind.DOCUMENT, speaker=phrase, rules=("document-noun",))
    if _SHARE.match(phrase):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("poll-share",))
    organization = _organization_run(tokens) if head not in lexicon("unnamed_sources") else None
    if organization is not None:
        return organization
    pair = _two_names(tokens)
    if pair is not None:
        return pair
    title, name = split_name(tokens)
    if title and title[-1].lower() in {"of", "for", "to", "in"} and len(name) == 1:
        title, name = tokens, []  # "the mayor of Springfield": a place, not a name
    name_norm = [_word_norm(t) for t in name]
    if name and all(n in _DAYS for n in name_norm):
        return None  # "said Tuesday"
    if (
        name
        and not _has_phrase(name_norm, "organizations")
        and head not in lexicon("unnamed_sources")
    ):
        role = " ".join(title) if any(_is_title_word(t) for t in title) else None
        rule = "role-then-name"
        if title and (not role or title[0].lower() in {"of", "from"}):
            rule = _untitled_lead(title)
            if rule is None:
                return None  # capitalised words after a non-title phrase: not a speaker
            role = " ".join(title) if rule != "article-adjective-name" else None
        return Attribution(AttributionKind.NAMED, speaker=" ".join(name), role=role, rules=(rule,))
    if head in lexicon("unnamed_sources"):
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("unnamed-noun",))
    if norm[0] == "the" and head in lexicon("titles"):
        # "the mayor of Springfield": one identifiable person, described by office
        return Attribution(AttributionKind.NAMED, speaker=phrase, rules=("the-office",))
    if (has_capital or norm[0] in _OWNERS) and _has_phrase(norm, "organizations"):
        return Attribution(
            AttributionKind.ORGANIZATION, speaker=phrase, rules=("organization-noun",)
        )
    if norm[0] in _DETERMINERS and len(tokens) <= 6 and _AGENT_NOUN.search(head):
        # "a narrator in the Clinton ad", "the New York businessman": a described source
        return Attribution(AttributionKind.ANONYMOUS, speaker=phrase, rules=("agent-noun",))
    return None


_OWNERS = frozenset({"the", "his", "her", "their", "its", "our"})


def _untitled_lead(title: list[str]) -> str | None:
    """The rule that accepts words before a name that are not title words, or None: a place
    or organisation after the name ("Jane Roe | of the Acme Institute"), a lower-case
    descriptor ending in a person noun ("psychologist | Jane Roe"), or an article with
    adjectives ("a smiling | Roe")."""
    if title[0].lower() in {"of", "from"}:
        return "name-of-place"
    lower = all(t[:1].islower() and t.replace("-", "").isalpha() for t in title[1:])
    last = _word_norm(title[-1])
    if title[-1][:1].islower() and (_AGENT_NOUN.search(last) or last in lexicon("unnamed_sources")):
        return "descriptor-then-name"
    if lower and title[0].lower() in {"a", "an", "the"} and len(title) <= 3:
        return "article-adjective-name"
    return None


def _two_names(tokens: list[str]) -> Attribution | None:
    """Two people named together ("Smith and Jones wrote"): one speaker, both names."""
    if "and" not in tokens:
        return None
    index = tokens.index("and")
    left, right = tokens[:index], tokens[index + 1 :]
    if not left or not right or not all(_is_capitalized(t) for t in left + right):
        return None
    if any(
        _is_title_word(t) or _has_phrase([_word_norm(t)], "organizations") for t in left + right
    ):
        return None
    if len(left) > 3 or len(right) > 3:
        return None
    return Attribution(AttributionKind.NAMED, speaker=" ".join(tokens), rules=("two-names",))


_SHARE = re.compile(
    r"^(?:(?:only|just|about|nearly|almost|some|roughly|more than|fewer than|over)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*|[a-z]+(?:-[a-z]+)?\s+)(?:percent|per cent|%)(?:\s+of\s+\S.*)?$",
    re.IGNORECASE,
)
_CONNECTORS = frozenset({"of", "to", "for", "and", "on", "the", "&"})


def _organization_run(tokens: list[str]) -> Attribution | None:
    """An organization named by a proper-noun run joined by connectors ("the Association of
    Flight Attendants", "Alliance to Reclaim Our Schools"); a title before it is its role."""
    start, index, joined = None, len(tokens), False
    while index > 0:
        token = tokens[index - 1]
        if _is_capitalized(token):
            start, index = index - 1, index - 1
        elif start is not None and token.lower() in _CONNECTORS and index >= 2:
            if not _is_capitalized(tokens[index - 2]):
                break
            joined, index = True, index - 1
        else:
            break
    if start is None or not joined:
        return None
    run = tokens[start:]
    if not any(_word_norm(t) in lexicon("organizations") for t in run):
        return None
    before = tokens[:start]
    if before and before[-1].lower() == "the":
        before, run = before[:-1], ["the", *run]
    if before and (
        before[-1].lower() in {"of", "for", "at", "in", "with"}
        or not any(_is_title_word(t) for t in before)
    ):
        return None  # "president of the United Federation of Teachers": a person's role
    return Attribution(
        AttributionKind.ORGANIZATION,
        speaker=" ".join(run),
        role=" ".join(before) or None,
        rules=("organization-run",),
    )


def _np_after(masked: str, start: int) -> tuple[str, int]:
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
        if lower in _HARD_STOPS or lower in _DAYS:
            break
        after_the = words[index + 2].group() if index + 2 < len(words) else ""
        if (
            taken
            and lower in _SOFT_STOPS
            and not following[:1].isupper()
            and not (following == "the" and after_the[:1].isupper())  # "of the Acme Group"
        ):
            break
        if token[0] in '(\u201c"' or not bare:
            break
        end = start + match.end()
        if token[-1] in ",;:" or (token.endswith(".") and not _ABBREVIATION.match(token)):
            taken.append(token.rstrip(",;:."))
            end -= 1
            break
        taken.append(token)
    return " ".join(taken), end


_LEADING_CLAUSE = frozenset(
    "when after before while as if because since then and but so although though once "
    "in on at during with by from for that".split()
)


def _trim_leading(tokens: list[str]) -> list[str]:
    """Drop what precedes the subject: a sentence that ended inside the span ("Trump. Bernie
    Sanders"), or an opening clause ("When Clinton", "In a Bloomberg interview Trump")."""
    for index in range(len(tokens) - 1, 0, -1):
        previous = tokens[index - 1]
        ends = previous.endswith((".", ".\u2019", ".\u201d", '."'))
        if ends and not _ABBREVIATION.match(previous) and tokens[index][:1].isupper():
            tokens = tokens[index:]
            break
    if tokens and tokens[0].lower() in _LEADING_CLAUSE:
        lower = [
            i
            for i, t in enumerate(tokens)
            if t[:1].islower() and not _is_title_word(t) and t not in _NAME_PARTICLES
        ]
        tokens = tokens[lower[-1] + 1 :] if lower else tokens[1:]
    return tokens


def _is_adverb(token: str) -> bool:
    """A lower-case -ly word ("forcefully told", "cynically dismissed")."""
    return token.endswith("ly") and token.isalpha() and token.islower() and len(token) > 4


def _np_before(masked: str, end: int) -> str:
    """The noun phrase ending at `end` ("..., U.S. officials said"), back to a boundary."""
    region = masked[:end].rstrip()
    boundary = max(region.rfind(c) for c in ',;:\u2015\u2014\u2013()\u201c\u201d"')
    if " -- " in region:
        boundary = max(boundary, region.rindex(" -- ") + 3)
    phrase = region[boundary + 1 :].strip()
    tokens = phrase.split()
    if tokens and tokens[0][:1].islower() and not _can_open_speaker(tokens[0].lower()):
        articles = [i for i, t in enumerate(tokens) if t in {"the", "a", "an"}]
        if articles:
            tokens = tokens[articles[-1] :]  # "meddling | the California congressman said"
    relative = [
        i
        for i, t in enumerate(tokens)
        if t in {"that", "which", "what", "whom"}
        and not (i and tokens[i - 1].lower() in lexicon("reporting_verbs"))  # "noted that"
    ]
    if relative:
        tokens = tokens[relative[-1] + 1 :]  # "an explosion that Mayor Bill de Blasio described"
    while tokens and (tokens[-1].lower() in _TRAILING_ADVERBS or _is_adverb(tokens[-1])):
        tokens.pop()
    tokens = _trim_leading(tokens)
    if (
        tokens
        and tokens[-1].lower() in {"is", "are", "was", "were"}
        and masked[end:].lstrip()[:1].isalpha()
        and masked[end:].split()[0].lower().endswith("ing")
    ):
        tokens.pop()  # "Clinton is describing": progressive, active
    if tokens and tokens[-1].lower() in _BE:
        return ""
    return " ".join(tokens)


def _appositive(masked: str, start: int) -> str | None:
    """A role after the speaker: ", president of the Center ..." up to the clause end."""
    rest = masked[start:]
    match = re.match(r"\s*,\s*([^,;\u201c\u201d\"]+)", rest)
    if not match:
        return None
    role = match.group(1).strip()
    role = re.split(r"\.\s|\.$", role)[0].strip()
    first = role.split()[0].lower() if role else ""
    if not role or first in {
        "who",
        "which",
        "adding",
        "noting",
        "saying",
        "citing",
        "according",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "when",
        "while",
        "but",
        "and",
        "as",
        "because",
        "though",
        "although",
        "where",
    }:
        return None
    if len(role.split()) > 20:
        return None
    return role


def _name_before_role(masked: str, end: int) -> tuple[str, str] | None:
    """The "Mira Rapp-Hooper, the White House senior director ..., said" form: (name, role),
    the role being one or more appositives ("Scott Pruitt, the attorney general of Oklahoma,
    one of the states suing the EPA, said")."""
    region = masked[:end].rstrip().rstrip(",").rstrip()
    region = region[max(region.rfind(c) for c in ';:\u201c\u201d"()') + 1 :]
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
        if not role or len(role.split()) > 20 or _has_verb_cue(role):
            break  # a clause, not a role: "However, Ivana Trump's brief said that ..."
        found.append((name, role))
    # a proper name beats a description ("Scott Pruitt" over "the attorney general of ...")
    proper = [pair for pair in found if not pair[0][:1].islower() and pair[0].split()[0] != "the"]
    return (proper or found or [None])[0]


def _has_verb_cue(text: str) -> bool:
    return any(m.group().lower() not in _NOUN_LIKE_CUES for m in find_cues(text))


@lru_cache(maxsize=1)
def _anonymity_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon("anonymity"), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(p) for p in phrases) + r")", re.IGNORECASE)


def anonymity_reason(text: str) -> tuple[bool, str | None]:
    """(whether the text says a source is unnamed, the reason it gives if any)."""
    folded = fold(text)
    match = _anonymity_pattern().search(folded)
    if not match:
        return False, None
    reason = re.match(
        r"\s*(?:,\s*)?(?:because|as|since|in order to|to)\s+(.+?)\s*(?:[.;]|$)",
        folded[match.end() :],
    )
    return True, reason.group(1).strip() if reason else None


def _speech(text: str, spans: list[Span]) -> str:
    """Direct when the sentence opens with the quote, mixed when it quotes part of itself."""
    if not spans:
        return "indirect"
    return "direct" if spans[0].start == 0 else "mixed"


def is_speech_quote(text: str, spans: list[Span]) -> bool:
    """Whether a quote looks like speech rather than a quoted name or term."""
    return any(len(text[s.start : s.end].split()) > TERM_MAX_WORDS for s in spans) or any(
        s.start == 0 for s in spans
    )


_DASH_BYLINE = re.compile(
    r"[\u201d\"]\s*(?P<dash>[\u2015\u2014\u2013-])+\s*"
    r"(?P<name>[A-Z](?:[^.\u201c\"]|\.(?=\s*[A-Z])){1,60}?)\.?\s*$"
)
_SPEAKER_LABEL = re.compile(r"^[\"\u201c\u201d]?(?P<name>[A-Z][A-Z.'\u2019\- ]{1,30}[A-Z]):\s+\S")


def _labelled(text: str, spans: list[Span]) -> Attribution | None:
    """Speech marked without a verb: a transcript label ("PENCE: Well, ...") or a dash
    byline after a quote ("“...” \u2015 Carlos Raúl")."""
    label = _SPEAKER_LABEL.match(text)
    if label:
        return Attribution(
            AttributionKind.NAMED,
            speaker=label.group("name"),
            cue=":",
            speech="direct",
            rules=("label:transcript",),
        )
    byline = _DASH_BYLINE.search(text)
    if byline and spans:
        found = describe(byline.group("name"))
        if found is not None:
            return _ruled(replace(found, cue=byline.group("dash"), speech="direct"), "dash-byline")
    return None


@lru_cache(maxsize=4096)
def attribute_sentence(text: str) -> Attribution | None:
    """The attribution a sentence states on its own, or None when it states none. Cached:
    pure, its result immutable, and asked for twice per claim (speaker and sourcing checks)."""
    spans = quote_spans(text)
    labelled = _labelled(text, spans)
    if labelled is not None:
        return labelled
    masked = _mask_quotes(text, spans)
    candidates = []
    for cue in _cues(masked, spans):
        found = _from_cue(text, masked, spans, cue)
        if found is not None:
            governs = _governs(masked, spans, cue.start(), cue.end())
            candidates.append((governs, -cue.start() if governs else cue.start(), found))
    for start, end, found in _other_forms(text, masked, spans):
        if _governs(masked, spans, start, end):  # ranked below a verb introducing a quote
            candidates.append((0.5, -start, found))
    if not candidates:
        return None
    # A cue that introduces a quote wins; then a finite cue ("said") over a participle
    # ("noting", whose speaker is only guessed from the subject); then, among cues that
    # introduce quotes, the main clause's, which comes first ("Trump said ... that Clinton
    # once described it as “the gold standard”"), and among the others the last.
    candidates.sort(key=lambda c: (c[0], c[2].cue.lower().endswith("ing") is False, c[1]))
    chosen = candidates[-1][2]
    vouching = _ACCORDING_TO_LAST.search(masked)
    if vouching and len(candidates) > 1:
        # "“...,” O'Malley said, according to the Sun": the quote reaches the reader through
        # the source named last, which vouches for the whole report
        last = next((c[2] for c in candidates if c[2].cue == vouching.group(1)), None)
        chosen = _ruled(last, "according-to-vouches") if last is not None else chosen
    attribution = _resolve_in_sentence(chosen, masked)
    if attribution.kind is AttributionKind.ANONYMOUS:
        _, reason = anonymity_reason(text)
        attribution = replace(attribution, anonymity_reason=reason)
    return attribution


@lru_cache(maxsize=1)
def _possessive_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, lexicon("speech_nouns")), key=len, reverse=True))
    return re.compile(
        r"(?P<owner>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)(?:'s|\u2019s|')\s+"
        r"(?:[a-z]+\s+){0,2}?(?P<cue>" + nouns + r")\b"
    )


_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?P<cue>(?:written|described|"
    r"called|coined|dubbed|labeled|labelled|branded|termed|characterized|sung|quoted)\s+by)\s+"
)


def _other_forms(text: str, masked: str, spans: list[Span]) -> list[tuple[int, int, Attribution]]:
    """Attributions without a reporting verb, with where their cue stands: a possessor of a
    speech noun ("Trump's claim that “...”") and a passive agent ("“American Skin” was
    written by Springsteen")."""
    if not spans:
        return []
    found: list[tuple[re.Match[str], Attribution, str]] = []
    for match in _possessive_pattern().finditer(masked):
        owner = describe(match.group("owner"))
        if owner is not None and owner.kind is not AttributionKind.DOCUMENT:
            found.append((match, owner, "possessor-of-speech-noun"))
    for match in _PASSIVE.finditer(masked):
        agent = describe(_np_after(masked, match.end())[0])
        if agent is not None:
            found.append((match, agent, "passive-agent"))
    return [
        (
            match.start("cue"),
            match.end("cue"),
            _ruled(replace(attribution, cue=match.group("cue"), speech=_speech(text, spans)), rule),
        )
        for match, attribution, rule in found
    ]


_ACCORDING_TO_LAST = re.compile(r",\s*(according to)\b[^,;:]*[.!?]?\s*$", re.IGNORECASE)
_QUOTE_TO_CUE = re.compile(r"^[\s,:\u2014\u2013-]*(?:\S+\s+){0,7}$")
_NOT_A_SPEAKER = frozenset("what which that who whom where when whose while".split())


def _speaker_between(gap: str) -> bool:
    """Whether the words between a quote and a cue can only be its speaker ("” the union")."""
    return bool(_QUOTE_TO_CUE.match(gap)) and not any(
        word in _NOT_A_SPEAKER or (word.endswith("ing") and word.islower()) for word in gap.split()
    )


def _governs(masked: str, spans: list[Span], start: int, end: int) -> int:
    """How plainly the cue introduces a quotation: 2 when one stands right beside it
    ("“...,” the union wrote", "said: “..."), 1 when one follows later in its clause."""
    grade = 0
    for span in spans:
        if span.start >= end:
            gap = masked[end : span.start].split()
            ends = any(w[-1] in ".;!?" and not _ABBREVIATION.match(w) for w in gap)
            if len(gap) <= 1:
                return 2
            if not ends and len(gap) <= 25:
                grade = 1
        elif span.end <= start and _speaker_between(masked[span.end : start]):
            return 2
    return grade


def _resolve_in_sentence(attribution: Attribution, masked: str) -> Attribution:
    """A pronoun speaker stands for the subject of its own sentence when that subject agrees
    with it ("Sen. Claire McCaskill scolded him: “...” she said", "the Council ... pledged
    sanctions against what it called ...")."""
    pronoun = (attribution.speaker or "").lower()
    if pronoun not in {"he", "she", "it", "they"}:
        return attribution
    subject = _subject(masked)
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
    return _ruled(
        replace(subject, cue=attribution.cue, speech=attribution.speech), "pronoun-is-subject"
    )


# Cues that can come before their speaker ("said Jane Doe"); the others ("called", "urged",
# "described") take the speaker as their subject only ("Jane Doe called it ...").
_INVERTIBLE_CUES = frozenset(
    "said says say added adds noted notes wrote writes asked asks continued explained explains "
    "recalled replied responded reported reports stated states tweeted observed remarked "
    "quipped joked warned argued insisted declared cautioned conceded acknowledged admitted "
    "concluded".split()
) | {"according to", "went on"}
# Cues that are also plural nouns ("the two Asian states and Biden"): as cues they end the
# clause or introduce what was said.
_NOUN_LIKE_CUES = frozenset({"states", "claims", "reports", "notes", "remarks", "tweets", "posts"})
_CLAUSE_GOES_ON = re.compile(r"\s*(?:that\b|[,.;:!?\"\u201c\u201d]|$|(?:on|in|at|during|to)\b)")


_SENTENCE_ADVERB = re.compile(
    r"^(?:(?:however|meanwhile|still|yet|instead|indeed|moreover|separately|now|later|earlier|"
    r"also|even|in turn|by contrast|for (?:his|her|their|its) part)\b,?\s*)+",
    re.IGNORECASE,
)


def _head_follows(words: list[str], index: int) -> bool:
    """Whether a lower-case word at `index` is an adjective before a source noun within two
    words ("several environmental | groups")."""
    if words[index].endswith("ed"):
        return False  # a verb: "Cruz exhorted | Republicans"
    for word in words[index + 1 : index + 3]:
        norm = _word_norm(word.rstrip(",;:"))
        if word[:1].islower() and (
            norm in lexicon("unnamed_sources") or norm in lexicon("documents")
        ):
            return True
        if word.endswith((",", ";", ":")):
            return False
    return False


def _subject(masked: str) -> Attribution | None:
    """The subject of the sentence's main clause, for "X did Y, saying ..." forms: the words
    from the start (after an opening phrase set off by a comma) up to the first verb-like
    lower-case word."""
    clause = masked
    first = clause.split()[0].lower() if clause.split() else ""
    opener = first in _LEADING_CLAUSE or first in _OPENING_PREPOSITIONS or first.endswith("ing")
    if opener and "," in clause:
        # "Speaking in Ohio on Tuesday, Roe insisted ...", "Amid the protests, the mayor ...":
        # the subject comes after the opening phrase
        clause = clause[clause.index(",") + 1 :]
    found = _subject_at(clause)
    # an opening phrase with no subject in it ("Following a swiftly called, late-afternoon
    # meeting, the Security Council ..."; a headline in capitals before a dash)
    for match in list(_OPENING_BREAK.finditer(clause))[:3]:
        if found is not None:
            break
        found = _subject_at(clause[match.end() :])
    return found


_OPENING_PREPOSITIONS = frozenset(
    "amid alongside despite among following like unlike beyond under against throughout "
    "without within across".split()
)
_OPENING_BREAK = re.compile(r",\s+|\s[\u2014\u2015]\s")


def _subject_at(clause: str) -> Attribution | None:
    clause = _SENTENCE_ADVERB.sub("", clause.lstrip())
    tokens: list[str] = []
    words = clause.split()
    for token in words:
        bare = token.rstrip(",;:")
        norm = _word_norm(bare)
        possessed = tokens and tokens[-1].endswith(("'s", "\u2019s"))
        if (
            tokens
            and bare[:1].islower()
            and not _can_open_speaker(norm)
            and not possessed
            and norm not in lexicon("documents")
            and norm not in lexicon("organizations")
            and not _head_follows(words, len(tokens))
        ):
            break
        tokens.append(bare)
        if token.endswith((",", ";", ":")):
            break
    return describe(" ".join(tokens)) if tokens else None


def _from_cue(text: str, masked: str, spans: list[Span], cue: Cue) -> Attribution | None:
    word = cue.group().lower()
    if word in _NOUN_LIKE_CUES and not _CLAUSE_GOES_ON.match(masked[cue.end() :]):
        return None
    before = masked[: cue.start()].rstrip()
    preceding_word = before.split()[-1].lower() if before.split() else ""
    if preceding_word in _BE and not word.endswith("ing"):
        return None  # "is said to", "will say": a hedge or a future, not an attribution
    if word.endswith("ing") and preceding_word == "without":
        return None  # "it goes without saying", "left without saying goodbye"
    if word.endswith("ing"):
        # "footage of Hillary Clinton asking, “...”": the name the participle follows;
        # "Trump attacked Clinton ..., saying, “...”": the subject of the clause
        tokens = before.split()
        named = None
        if not before.endswith(","):
            run = _name_length(tokens)
            named = describe(" ".join(tokens[len(tokens) - run :])) if run else None
        subject = named if named is not None else _subject(masked)
        if subject is None:
            return None
        rule = "participle-after-name" if named is not None else "participle-of-subject"
        return _ruled(replace(subject, cue=cue.group(), speech=_speech(text, spans)), rule)
    cue_start = _skip_relative_clauses(masked, cue.start())
    before = masked[:cue_start].rstrip()
    inverted = word == "according to" or not before or before[-1] in ',\u201d"' or (cue.start() < 3)
    attempts = ["after", "before"] if inverted else ["before", "after"]
    after_quote = bool(_AFTER_CLOSING_QUOTE.search(masked[: cue.start()]))
    if word not in _INVERTIBLE_CUES and not after_quote:
        attempts = ["before"]  # any speech verb inverts right after a quote ("” mused X")
    for attempt in attempts:
        if attempt == "after":
            phrase, end = _np_after(masked, cue.end())
            if _participle_cut([_word_norm(t) for t in phrase.split()]) is not None:
                continue  # "recalled Mr. Obama talking about ...": an object, not the speaker
            described = describe(phrase)
            if described is not None:
                role = _appositive(masked, end) if word != "according to" else None
                if role and described.kind is not AttributionKind.DOCUMENT:
                    joined = f"{described.role}, {role}" if described.role else role
                    described = replace(described, role=joined)
                found = replace(described, cue=cue.group(), speech=_speech(text, spans))
                return _ruled(
                    found, "according-to" if word == "according to" else "verb-then-speaker"
                )
        else:
            phrase = _np_before(masked, cue_start)
            described = describe(phrase) if phrase else None
            rule = "speaker-then-verb"
            if described is None and _COORDINATED.search(masked[: cue.start()]):
                # "Trump bemoaned the unrest and said ...", "Dean ... began by saying ...":
                # the cue shares the subject of the clause's first verb
                described, rule = _subject(masked), "coordinated-verb-subject"
            elif described is None:
                pair = _name_before_role(masked, cue_start)
                rule = "name-comma-role-verb"
                if pair:
                    named = describe(pair[0])
                    described = replace(named, role=pair[1]) if named else None
            if described is not None and word != "according to":
                found = replace(described, cue=cue.group(), speech=_speech(text, spans))
                return _ruled(found, rule)
    return _slot_speaker(text, masked, spans, cue, after_quote)


_AFTER_CLOSING_QUOTE = re.compile(r"[\u201d\"][\s,]*$")
_SLOT_OPENERS = _DETERMINERS | _OWNERS | {"another"}


def _slot_speaker(
    text: str, masked: str, spans: list[Span], cue: Cue, after_quote: bool
) -> Attribution | None:
    """A described speaker standing where only a speaker can stand: between a quote and its
    cue ("“...,” the progressive heavyweights wrote") or right after a cue that follows a
    quote ("“...,” said an Iowa Democrat"). The position vouches for the phrase, so any noun
    phrase opened by an article or possessive names a person or body without a name."""
    if after_quote:
        phrase = _np_after(masked, cue.end())[0]
    else:
        closing = [span for span in spans if span.end <= cue.start()]
        if not closing or not _speaker_between(masked[closing[-1].end : cue.start()]):
            return None
        phrase = masked[closing[-1].end : cue.start()]
    tokens = phrase.strip(" ,;:").split()
    if not tokens or tokens[0].lower() not in _SLOT_OPENERS or len(tokens) > NP_MAX_WORDS:
        return None
    norm = [_word_norm(t) for t in tokens]
    head = _head(norm)
    if head in _SLOT_OPENERS or not head.replace("-", "").isalnum():
        return None
    kind = AttributionKind.ANONYMOUS
    if head in lexicon("media"):
        kind = AttributionKind.MEDIA
    elif head in lexicon("documents"):
        kind = AttributionKind.DOCUMENT
    elif head in lexicon("organizations"):
        kind = AttributionKind.ORGANIZATION
    found = Attribution(
        kind, speaker=" ".join(tokens), cue=cue.group(), speech=_speech(text, spans)
    )
    return _ruled(found, "slot:described-speaker")


_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,;:]*,\s*$")


def _skip_relative_clauses(masked: str, end: int) -> int:
    """Where the subject's phrase ends when a relative clause stands between it and the cue
    ("Michael Mulgrew, president of the union, which represents teachers, said")."""
    while match := _RELATIVE_CLAUSE.search(masked[:end]):
        end = match.start()
    return end


_COORDINATED = re.compile(r"\b(?:and|then|by)(?:\s+[a-z]+ly)?\s*$")


@dataclass
class _Context:
    """What earlier sentences of the same source established."""

    names: dict[str, Attribution]
    speakers: list[Attribution]

    def resolve(self, attribution: Attribution) -> Attribution:
        speaker = attribution.speaker or ""
        norm = speaker.lower()
        if norm in lexicon("pronouns"):
            return self._pronoun(attribution, norm)
        if attribution.kind is AttributionKind.NAMED:
            known = self.names.get(_word_norm(speaker.split()[-1]))
            if known and len(known.speaker.split()) >= len(speaker.split()):
                found = replace(
                    attribution, speaker=known.speaker, role=attribution.role or known.role
                )
                return _ruled(found, "context:surname-to-full-name")
        if attribution.kind is AttributionKind.ANONYMOUS and norm.startswith("the "):
            wanted = set(_word_norm(t) for t in speaker.split()[1:])
            for earlier in reversed(self.speakers):
                if earlier.kind is AttributionKind.ANONYMOUS and wanted <= set(
                    _word_norm(t) for t in (earlier.speaker or "").split()
                ):
                    found = replace(
                        attribution,
                        speaker=earlier.speaker,
                        role=attribution.role or earlier.role,
                        anonymity_reason=attribution.anonymity_reason or earlier.anonymity_reason,
                    )
                    return _ruled(found, "context:the-description-to-earlier")
        return attribution

    def _pronoun(self, attribution: Attribution, pronoun: str) -> Attribution:
        people = pronoun in {"he", "she", "i"}
        for earlier in reversed(self.speakers):
            plural = (earlier.speaker or "").lower().endswith("s")
            if people and earlier.kind is AttributionKind.NAMED:
                found = replace(
                    attribution, kind=earlier.kind, speaker=earlier.speaker, role=earlier.role
                )
                return _ruled(found, "context:pronoun-to-earlier-speaker")
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
                return _ruled(found, "context:pronoun-to-earlier-speaker")
        return attribution


_NAME_RUN = re.compile(
    r"(?:(?:retired|former|then)\s+)?"
    r"(?:(?:[A-Z][\w'\u2019.\-]*|(?:[A-Z]\.)+)(?:\s+(?:of|to|for)\s+|\s+)){1,7}"
    r"[A-Z][\w'\u2019\-]*"
)


def known_names(text: str) -> dict[str, Attribution]:
    """Full names given anywhere in a source, by surname, with the title that precedes them."""
    names: dict[str, Attribution] = {}
    for match in _NAME_RUN.finditer(text):
        described = describe(match.group())
        if described is None or described.kind is not AttributionKind.NAMED:
            continue
        parts = re.sub(r"(?:'s|\u2019s)$", "", described.speaker or "").split()
        described = replace(described, speaker=" ".join(parts))
        if len(parts) >= 2:
            key = _word_norm(parts[-1])
            if key not in names or (described.role and not names[key].role):
                names[key] = described
    return names


def attribute(sentences: list[Sentence], text: str | None = None) -> None:
    """Set `attribution` on every content sentence of one source, in reading order."""
    content = [s for s in sentences if s.furniture is None]
    context = _Context(known_names(text or " ".join(s.text for s in content)), [])
    previous: Sentence | None = None
    open_quote: Attribution | None = None
    stated_at: set[int] = set()
    for index, sentence in enumerate(content):
        spans = quote_spans(sentence.text)
        stated = attribute_sentence(sentence.text)
        if stated is not None:
            stated = context.resolve(stated)
            if stated.kind is AttributionKind.ANONYMOUS and stated.anonymity_reason is None:
                stated = _reason_from_next(stated, content, index)
            if (
                _is_bare_clause(sentence.text, spans)
                and previous is not None
                and (previous.attribution is UNATTRIBUTED and quote_spans(previous.text))
            ):
                previous.attribution = _ruled(
                    replace(stated, speech="direct"), "context:clause-after-break"
                )
            sentence.attribution = stated
            context.speakers.append(stated)
        elif open_quote is not None and spans and spans[0].start == 0:
            sentence.attribution = _ruled(open_quote, "context:open-quote-continues")
        elif (
            spans
            and spans[0].start == 0
            and is_speech_quote(sentence.text, spans)
            and previous is not None
            and (
                previous.attribution is not None
                and previous.attribution.speech in {"direct", "mixed"}
                and previous.paragraph >= sentence.paragraph - 1
            )
        ):
            sentence.attribution = _ruled(
                replace(previous.attribution, speech=_speech(sentence.text, spans)),
                "context:quote-only-continues",
            )
        elif (
            spans
            and previous is not None
            and previous.paragraph == sentence.paragraph
            and (
                previous.attribution is not None
                and previous.attribution.is_attributed
                and _continues(sentence.text)
            )
        ):
            sentence.attribution = _ruled(
                replace(previous.attribution, speech="mixed"), "context:connective-continues"
            )
        elif (
            sentence.text[:1].islower()
            and previous is not None
            and (
                previous.paragraph == sentence.paragraph
                and previous.attribution is not None
                and previous.attribution.is_attributed
            )
        ):
            # a fragment of the previous sentence
            sentence.attribution = _ruled(previous.attribution, "context:lowercase-fragment")
        else:
            sentence.attribution = UNATTRIBUTED
        last = spans[-1] if spans else None
        opens = (
            last is not None
            and last.end == len(sentence.text)
            and (sentence.text.rstrip()[-1:] not in CLOSE_QUOTES)
        )
        open_quote = sentence.attribution if opens and sentence.attribution.is_attributed else None
        if stated is not None:
            if stated.cue in _DASHES:
                _byline_back(content, index, stated, stated_at)
            stated_at.add(index)
        previous = sentence


_DASHES = frozenset("\u2015\u2014\u2013-")


def _byline_back(content: list[Sentence], index: int, byline: Attribution, stated: set[int]):
    """A dash byline ("“...” \u2015 Carlos Raúl") ends a quote that may have begun several
    sentences earlier on the same line: those sentences are the byline's speaker's too."""
    line = content[index].line
    first = index
    while first > 0 and content[first - 1].line == line and first - 1 not in stated:
        first -= 1
    if first == index or content[first].text[:1] not in QUOTE_CHARS:
        return
    for sentence in content[first:index]:
        sentence.attribution = _ruled(replace(byline, speech="direct"), "context:byline-back")


def _continues(text: str) -> bool:
    """A sentence that goes on from the previous one ("And that's ...")."""
    return bool(re.match(r"(?:and|but|so|also|that|this)\b", text, re.IGNORECASE))


def _is_bare_clause(text: str, spans: list[Span]) -> bool:
    """A sentence that is only a reporting clause ("said the senator."), split by a break."""
    return (
        not spans
        and len(text.split()) <= 8
        and bool(re.match(r"^\s*(?:[a-z]|\S+\s+said\.?$)", text))
    )


def _reason_from_next(stated: Attribution, content: list[Sentence], index: int) -> Attribution:
    """The anonymity reason, when the clause giving it was broken off into the next fragment."""
    if index + 1 < len(content):
        following = content[index + 1]
        if following.paragraph == content[index].paragraph and following.text[:1].islower():
            _, reason = anonymity_reason(following.text)
            if reason:
                return replace(stated, anonymity_reason=reason)
    return stated
