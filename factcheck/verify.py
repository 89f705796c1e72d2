"""One verdict per claim from the checks' findings: the only place verdict rules live.

Rules, in order:
1. Each candidate piece of evidence is aligned with the claim (`align.py`); the one holding a
   quote of the claim word for word comes first, else the one that says most of the claim
   (ties go to the retrieval ranking). That choice reads only the claim and the candidates,
   never the rest of the corpus.
2. Every check runs on that case and argues for verdicts through its findings.
3. The verdict is the most serious one argued by a finding, in `PRECEDENCE` order; with none,
   the claim is supported (warnings may still stand).
4. Policy comes last: inline ignores and configured severities change what is reported and
   what fails the run, never the verdict.
"""

from __future__ import annotations

from dataclasses import replace

from .align import Alignment, Case, align_claim, sentence_breaks
from .analysis import analyse_claim, analyse_text, with_antecedents, with_forenames
from .checks import CHECKS
from .checks.quotes import is_verbatim
from .model import Claim, Code, Evidence, Finding, Result, Severity, Verdict, WordStatus

# A misquote is the most specific diagnosis, then who said it, then what was said, then
# whether anything says it at all.
PRECEDENCE = (Verdict.MISQUOTED, Verdict.MISATTRIBUTED, Verdict.CONTRADICTED, Verdict.UNSUPPORTED)

EXPECTATION_MISMATCH = Code(
    "expectation-mismatch",
    Severity.ERROR,
    None,
    "A claim set's `expect` verdict differs from the verdict found.",
    "a claim set says `expect: supported` and the sources contradict the claim",
)
CODES = (EXPECTATION_MISMATCH,)


def _applies(claim: Claim, item: Finding) -> bool:
    return not claim.ignore_all and item.code not in claim.ignored_codes


def _with_policy(findings: list[Finding], severity: dict[str, Severity | None]) -> list[Finding]:
    """Findings with configured severities; a code set to None (off) is dropped."""
    adjusted = []
    for item in findings:
        if item.code not in severity:
            adjusted.append(item)
        elif severity[item.code] is not None:
            adjusted.append(replace(item, severity=severity[item.code]))
    return adjusted


def decide(findings: list[Finding]) -> Verdict:
    """The most serious verdict argued by any finding. Severity is policy (does it fail the
    run?); the verdict is what the sources say, whatever severity a team gives a code."""
    argued = {f.verdict for f in findings if f.verdict}
    return next((v for v in PRECEDENCE if v in argued), Verdict.SUPPORTED)


def build_case(claim: Claim, evidence: list[Evidence], threshold: float | None = None) -> Case:
    """The claim analysed, and the candidate that bears on it best put first: one holding
    a quote of the claim word for word, else one that bears on the claim at all (a pair must
    say all of it), then the one that says most of it, a single sentence before a pair, then
    the one that states most of it as the claim does, and for a claim naming its source
    one that names a source."""
    analysed = analyse_claim(claim)
    quotes = analysed.analysis.quotes
    ranked = []
    for rank, candidate in enumerate(evidence):
        breaks = sentence_breaks(candidate)
        analysis = with_antecedents(analyse_text(candidate.text), breaks, candidate.context)
        analysis = with_forenames(analysis, candidate.forenames)
        held = tuple((q.start, q.end) for q in quotes if is_verbatim(q.text, candidate.text))
        narrated = candidate.attribution is None or not candidate.attribution.is_attributed
        alignment = align_claim(analysed, analysis, breaks, held, narrated)
        case = Case(analysed, [candidate], analysis, alignment, bool(held))
        case.threshold = threshold
        single = len(candidate.sentences) == 1
        # of two that say as much, one that says who spoke bears on the claim's speaker too
        says_who = analysed.attribution is not None and not narrated
        # of two about the same fact, the one that says it as the claim does: a near copy
        # with one figure changed is no better evidence than the sentence itself
        key = (
            case.quote_located,
            case.bears_on_claim,
            alignment.bearing,
            single,
            alignment.support,
            _exact_figures(alignment),
            says_who,
            -rank,
        )
        ranked.append((key, case))
    if not ranked:
        return Case(analysed, [], None, align_claim(analysed, analyse_text("")))
    ranked.sort(key=lambda item: item[0], reverse=True)
    best = ranked[0][1]
    best.evidence = best.evidence + [case.evidence[0] for _, case in ranked[1:]]
    return best


def _exact_figures(alignment: Alignment) -> int:
    """How many of the claim's figures the evidence states as the claim does, not only in a
    range that holds them: of two candidates that say all of "Okafor has 70 delegates", the
    one saying "70" is read before the one saying "about 70" (the order `build_case`'s
    docstring gives, "the one that states most of it as the claim does")."""
    return sum(
        link.status is WordStatus.MATCHED
        and link.unit.quantity is not None
        and link.counterpart is not None
        and link.counterpart.quantity is not None
        and (link.unit.quantity.low, link.unit.quantity.high)
        == (link.counterpart.quantity.low, link.counterpart.quantity.high)
        for link in alignment.links
    )


def verify(
    claim: Claim,
    evidence: list[Evidence],
    threshold: float | None = None,
    severity: dict[str, Severity | None] | None = None,
) -> Result:
    """The verdict on `claim` given its candidate evidence."""
    case = build_case(claim, evidence, threshold)
    findings = [item for check in CHECKS.values() for item in check(case)]
    verdict = decide(findings)  # what the sources say, before any policy
    findings = _with_policy([f for f in findings if _applies(claim, f)], severity or {})
    spans = case.alignment.spans() if case.evidence else []
    result = Result(claim, verdict, round(case.support, 4), case.evidence[:3], findings, spans)
    if claim.expect is not None and claim.expect is not result.verdict:
        mismatch = EXPECTATION_MISMATCH.finding(
            f"expected {claim.expect.value}, found {result.verdict.value}"
        )
        result.findings += _with_policy([mismatch], severity or {})
    return result
