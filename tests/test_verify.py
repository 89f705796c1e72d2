from helpers import claim, evidence

from factcheck.codes import finding
from factcheck.model import Severity, Verdict
from factcheck.verify import decide, verify

SOURCE = "Japan has agreed to sell 10 Patriot interceptors to the United States, officials said."


def test_precedence_misquote_over_misattribution_over_contradiction():
    findings = [
        finding("number-mismatch", "x"),
        finding("speaker-mismatch", "y"),
        finding("quote-altered", "z"),
    ]
    assert decide(findings) is Verdict.MISQUOTED
    assert decide(findings[:2]) is Verdict.MISATTRIBUTED
    assert decide(findings[:1]) is Verdict.CONTRADICTED
    assert decide([finding("hedge-dropped", "w")]) is Verdict.SUPPORTED


def test_low_score_is_unsupported():
    result = verify(claim("North Korea condemned the summit."), evidence(SOURCE, score=0.3))
    assert result.verdict is Verdict.UNSUPPORTED
    assert [f.code for f in result.findings] == ["no-evidence"]


def test_altered_quote_is_misquoted_even_below_threshold():
    result = verify(
        claim('Officials said "Japan has agreed to sell 12 Patriot missiles."'),
        evidence(SOURCE, score=0.3),
    )
    assert result.verdict is Verdict.MISQUOTED


def test_inline_ignore_drops_the_finding_but_keeps_the_verdict():
    item = claim("Japan has agreed to sell 12 Patriot interceptors.")
    item.ignored_codes = frozenset({"number-mismatch"})
    result = verify(item, evidence(SOURCE))
    assert result.verdict is Verdict.CONTRADICTED
    assert "number-mismatch" not in [f.code for f in result.findings]


def test_severity_override_changes_severity_only():
    result = verify(
        claim("Japan has agreed to sell 12 Patriot interceptors."),
        evidence(SOURCE),
        severity={"number-mismatch": Severity.WARNING},
    )
    assert result.verdict is Verdict.CONTRADICTED
    mismatch = next(f for f in result.findings if f.code == "number-mismatch")
    assert mismatch.severity is Severity.WARNING


def test_threshold_is_configurable():
    loose = verify(
        claim("Japan agreed to sell missiles."), evidence(SOURCE, score=0.5), threshold=0.4
    )
    assert loose.verdict is not Verdict.UNSUPPORTED
