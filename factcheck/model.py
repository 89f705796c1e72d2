"""The types that cross pipeline stages.

Offsets (`start`, `end`) are always character offsets into the original text as read;
normalised text never leaves the stage that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """What the sources say about a claim; the string values are part of the JSON contract."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISQUOTED = "misquoted"
    MISATTRIBUTED = "misattributed"
    UNSUPPORTED = "unsupported"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class AttributionKind(StrEnum):
    NAMED = "named"
    ANONYMOUS = "anonymous"
    ORGANIZATION = "organization"
    MEDIA = "media"
    DOCUMENT = "document"
    UNATTRIBUTED = "unattributed"


@dataclass(frozen=True)
class Attribution:
    """Who stands behind a sentence. `speaker` is None only for the reporter's own voice."""

    kind: AttributionKind
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    speech: str | None = None  # "direct", "indirect" or "mixed"; None for unattributed text
    anonymity_reason: str | None = None
    # The named rules that decided it, in the order they applied (cue finder, speaker phrase,
    # context passes): for explaining an attribution and for counting each rule's outcomes in
    # bench/attribution_eval.py. Not part of equality: two readings of the same speaker agree.
    rules: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_attributed(self) -> bool:
        return self.kind is not AttributionKind.UNATTRIBUTED


UNATTRIBUTED = Attribution(AttributionKind.UNATTRIBUTED)


@dataclass(slots=True)
class Sentence:
    """One sentence of a source, exactly as written, with where it stands (slotted: an
    archive holds millions)."""

    text: str
    start: int
    end: int
    line: int
    paragraph: int = 0
    furniture: str | None = None  # why it was set aside (e.g. "navigation"), None for content
    attribution: Attribution | None = None


@dataclass
class Source:
    """A source file as read: its text, and its sentences (where each stands, who says it)."""

    path: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def content(self) -> list[Sentence]:
        """Sentences that can serve as evidence (page furniture excluded)."""
        return [s for s in self.sentences if s.furniture is None]


@dataclass(frozen=True)
class Quote:
    """A direct quotation inside a claim; offsets are into the claim text."""

    text: str
    start: int
    end: int


@dataclass
class Claim:
    """One checkable statement, and where it was written."""

    id: str
    text: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    expect: Verdict | None = None
    sources: list[str] = field(default_factory=list)
    ignored_codes: frozenset[str] = frozenset()  # codes switched off by an inline comment
    ignore_all: bool = False
    # ignore comments near this claim that reach no claim (nothing or a too-short sentence
    # follows them): why each switches nothing off, reported as `unused-ignore`
    stray_ignores: tuple[str, ...] = ()
    start: int | None = None  # offsets of the claim in its file, for reports that mark it up
    end: int | None = None

    @property
    def location(self) -> str:
        """Where the claim was written ("draft.md:12:3"), or its id when given on its own."""
        return f"{self.path}:{self.line}:{self.column}" if self.path else self.id


@dataclass
class Evidence:
    """Source sentences that bear on a claim; usually one, two when adjacent ones are needed."""

    source: str
    sentences: list[Sentence]
    score: float
    matched: list[tuple[int, int]] = field(default_factory=list)  # spans into `text`
    # the sentence before it in its paragraph, read only for what a pronoun opening the
    # evidence stands for ("Liz Cheney won ... She will now face ...")
    context: str = ""
    # forenames its source puts before a surname ("Al Gore" ... "Gore plans"), for the
    # surnames the evidence uses (text.forenames)
    forenames: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def line(self) -> int:
        return self.sentences[0].line

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end

    @property
    def attribution(self) -> Attribution | None:
        """The attribution of the first attributed sentence, else of the first one."""
        for sentence in self.sentences:
            if sentence.attribution is not None and sentence.attribution.is_attributed:
                return sentence.attribution
        return self.sentences[0].attribution


@dataclass(frozen=True)
class Code:
    """A finding code, declared beside the check that emits it (as a ruff rule keeps its
    code, message and docs together). Codes are a public contract: never rename one."""

    code: str
    severity: Severity
    verdict: Verdict | None  # the verdict its findings argue for, None for a warning
    summary: str  # one line, for `factcheck rule` and the README table
    example: str = ""  # how it arises, for the documentation (from `case` when not given)
    case: tuple[str, str] = ()  # (claim, source) that raise it: documented and tested

    def __post_init__(self) -> None:
        if self.case and not self.example:
            claim, source = self.case
            example = f"the claim \u201c{claim}\u201d against the source \u201c{source}\u201d"
            object.__setattr__(self, "example", example)

    def finding(self, message: str, detail: tuple[tuple[str, str], ...] = ()) -> Finding:
        return Finding(self.code, self.severity, message, self.verdict, detail)


@dataclass(frozen=True)
class Finding:
    """One thing a check found about a claim: a code from `codes.CODES`, its severity, a message."""

    code: str
    severity: Severity
    message: str
    verdict: Verdict | None = None  # the verdict this finding argues for, if any
    detail: tuple[tuple[str, str], ...] = ()  # e.g. a word diff: (("-", "word"), ("+", "other"))


class WordStatus(StrEnum):
    """How a claim word stands against the evidence; values are part of the JSON contract."""

    MATCHED = "matched"  # the evidence says it (same word, inflection, alias, number in words)
    SUBSTITUTED = "substituted"  # the evidence has a different word in its place
    ADDED = "added"  # the evidence has no counterpart


@dataclass(frozen=True)
class AlignedSpan:
    """One content word or phrase of the claim, aligned with the best evidence (`Result.
    evidence[0]`), so reports can show what differs rather than what is shared."""

    start: int  # offsets into the claim text
    end: int
    status: WordStatus
    counterpart: tuple[int, int] | None = None  # offsets into that evidence's `text`
    kind: str = "word"  # what it carries: word, name, number, date, negation, quantifier ...


@dataclass
class Result:
    """A claim's verdict, with the evidence it rests on and the findings that argue for it."""

    claim: Claim
    verdict: Verdict
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    alignment: list[AlignedSpan] = field(default_factory=list)  # claim vs evidence[0]

    @property
    def expectation_met(self) -> bool | None:
        return None if self.claim.expect is None else self.claim.expect is self.verdict
