"""The fail policy and the reading order of a check, shared by every output format.

Which claims fail the run, at what level each finding is reported, which findings repeat one
another, and in what order an editor reads them are decisions about the check, not about how
it is drawn: formats ask the report and draw.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Finding, Result, Severity, Source, Verdict

# When two findings on one claim name the same words, the one earlier here is kept: it says
# more about what went wrong (a number is a sharper diagnosis than "a name differs").
KEEP_FIRST = (
    "quote-altered",
    "speaker-mismatch",
    "number-mismatch",
    "negation-mismatch",
    "antonym-mismatch",
    "entity-mismatch",
)
_QUOTED = re.compile(r"“([^”]+)”")
_WORD = re.compile(r"[\w'-]+")
SHORT_WORD = 2  # words this short ("of", "to") name nothing; they never make two findings one


@dataclass(frozen=True)
class Skipped:
    """A file the run did not check: `kind` says why for scripts (one of `SKIP_KINDS`, part
    of the JSON contract), `reason` for people, as a clause after "skipped 2 files" (said
    once per reason, at info level)."""

    path: str
    kind: str
    reason: str


# Why a file is skipped, as the JSON contract names it, with the clause a person reads.
NOT_A_DRAFT = Skipped(
    "", "not-a-draft", "not covered by any [[drafts]] entry and naming no sources"
)
NO_PROSE = Skipped("", "no-prose", "with no prose to check")
EXCLUDED = Skipped("", "excluded", "named but excluded by the configuration")
SKIP_KINDS = (NOT_A_DRAFT.kind, NO_PROSE.kind, EXCLUDED.kind)


@dataclass
class CheckReport:
    """What a check produced, as every output format reads it."""

    results: list[Result]
    sources: list[Source] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    texts: dict[str, str] = field(default_factory=dict)  # draft or claim-set text, by path
    root: str | None = None  # the repository root that annotation paths are relative to
    skipped: list[Skipped] = field(default_factory=list)

    def failing(self, result: Result) -> bool:
        """Whether a result fails the run: an unmet `expect`, else a finding at `fail_on`."""
        if result.claim.expect is not None:
            return result.expectation_met is False
        return any(f.severity.rank >= self.fail_on.rank for f in self.findings(result))

    @staticmethod
    def level(result: Result, item: Finding) -> Severity:
        """The severity to report: a finding on a claim whose `expect` is met is expected,
        so it is information only (a notice, in every format)."""
        return Severity.INFO if result.expectation_met else item.severity

    def warned(self, result: Result) -> bool:
        """Whether a result that does not fail the run carries a warning an editor should
        read (a supported claim with a word no lexicon relates to the source's, say)."""
        return not self.failing(result) and any(
            self.level(result, f) is Severity.WARNING for f in self.findings(result)
        )

    @property
    def failed(self) -> bool:
        return any(self.failing(r) for r in self.results)

    def counts(self) -> dict[str, int]:
        return {v.value: sum(r.verdict is v for r in self.results) for v in Verdict}

    def findings(self, result: Result) -> list[Finding]:
        """The result's findings with repeats folded: a date flagged both as a number and
        as a name, or a speaker flagged both as misattributed and as a different name, is
        one finding (it also spends one of GitHub's per-step annotations, not two)."""
        return dedupe(result.findings)

    def ordered(self) -> list[Result]:
        """Failing claims first, then claims with findings, then clean ones; file order
        within each group, so an editor reads what needs work before what does not."""

        def rank(result: Result) -> int:
            if self.failing(result):
                return 0
            return 1 if self.findings(result) else 2

        return sorted(self.results, key=rank)

    def relative(self, path: str) -> str:
        """`path` relative to the repository root, with forward slashes (GitHub attaches an
        annotation to the diff only for such a path); unchanged when outside the root."""
        if self.root is None or path.startswith("<"):
            return path.replace("\\", "/")
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.root)
        if os.path.commonpath([absolute, root]) != root:
            return path.replace("\\", "/")
        return Path(os.path.relpath(absolute, root)).as_posix()

    def statistics(self) -> list[tuple[str, Severity, int]]:
        """(code, reported level, count) per code, most frequent first, as ruff's
        --statistics: what to fix first across a whole tree."""
        counted = Counter(
            (item.code, self.level(result, item))
            for result in self.results
            for item in self.findings(result)
        )
        ranked = sorted(counted.items(), key=lambda row: (-row[1], -row[0][1].rank, row[0][0]))
        return [(code, level, n) for (code, level), n in ranked]


def _named_words(item: Finding) -> set[str]:
    """The claim words a finding names: inside its first “…”, else its whole message."""
    quoted = _QUOTED.search(item.message)
    text = quoted.group(1) if quoted else item.message
    return {w.lower() for w in _WORD.findall(text) if len(w) > SHORT_WORD}


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Fold verdict-arguing findings that name the same claim words into the one `KEEP_FIRST`
    prefers, at the higher of their severities; other findings pass through in order."""
    by_precedence = sorted(range(len(findings)), key=lambda i: _precedence(findings[i]))
    kept: dict[int, Finding] = {}
    for i in by_precedence:
        item = findings[i]
        twin = next((j for j, k in kept.items() if _same_words(k, item)), None)
        if twin is None:
            kept[i] = item
        elif item.severity.rank > kept[twin].severity.rank:
            kept[twin] = replace(kept[twin], severity=item.severity)
    return [kept[i] for i in sorted(kept)]


def _precedence(item: Finding) -> int:
    return KEEP_FIRST.index(item.code) if item.code in KEEP_FIRST else len(KEEP_FIRST)


def _same_words(kept: Finding, item: Finding) -> bool:
    if kept.code == item.code or item.code not in KEEP_FIRST or kept.code not in KEEP_FIRST:
        return False
    return bool(_named_words(item) & {w.lower() for w in _WORD.findall(kept.message)})
