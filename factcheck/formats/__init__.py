"""Output formats: one module per format, registered here in one line each.

A format module offers `render_check(report) -> str` and may offer
`render_sources(sources) -> str`; the terminal format returns rich renderables instead,
which the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Finding, Result, Severity, Source, Verdict

JSON_VERSION = "1.0"


@dataclass
class CheckReport:
    results: list[Result]
    sources: list[Source] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    texts: dict[str, str] = field(default_factory=dict)  # draft or claim-set text, by path

    def failing(self, result: Result) -> bool:
        """Whether a result fails the run: an unmet `expect`, else a finding at `fail_on`."""
        if result.claim.expect is not None:
            return result.expectation_met is False
        return any(f.severity.rank >= self.fail_on.rank for f in result.findings)

    @staticmethod
    def level(result: Result, item: Finding) -> Severity:
        """The severity to report: a finding on a claim whose `expect` is met is expected,
        so it is information only."""
        return Severity.INFO if result.expectation_met else item.severity

    @property
    def failed(self) -> bool:
        return any(self.failing(r) for r in self.results)

    def counts(self) -> dict[str, int]:
        return {v.value: sum(r.verdict is v for r in self.results) for v in Verdict}


FORMATS = ("terminal", "json", "sarif", "github", "junit", "markdown", "html")
