from helpers import claim, evidence

from factcheck.codes import finding
from factcheck.model import Severity, Verdict, WordStatus
from factcheck.verify import build_case, decide, verify

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


def test_evidence_that_says_little_of_the_claim_is_no_evidence():
    result = verify(claim("North Korea condemned the summit."), evidence(SOURCE))
    assert result.verdict is Verdict.UNSUPPORTED
    assert [f.code for f in result.findings] == ["no-evidence"]


def test_altered_quote_is_misquoted_even_when_little_else_matches():
    result = verify(
        claim('Officials said "Japan has agreed to sell 12 Patriot missiles."'), evidence(SOURCE)
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


def test_an_unmet_expectation_is_its_own_finding():
    item = claim("Japan has agreed to sell 12 Patriot interceptors.")
    item.expect = Verdict.SUPPORTED
    result = verify(item, evidence(SOURCE))
    assert result.verdict is Verdict.CONTRADICTED
    assert "expectation-mismatch" in [f.code for f in result.findings]


def test_threshold_is_configurable():
    text = "Japan agreed to sell missiles."  # "missiles" for "interceptors": 3 of 4 words
    assert verify(claim(text), evidence(SOURCE)).verdict is Verdict.SUPPORTED
    assert verify(claim(text), evidence(SOURCE), threshold=0.9).verdict is Verdict.UNSUPPORTED


def test_verdict_ignores_the_retrieval_score():
    # the same evidence scored anything by retrieval (which depends on the corpus) gives the
    # same verdict: support is read from the claim and the evidence alone
    text = "Japan has agreed to sell ten Patriot interceptors."
    verdicts = {verify(claim(text), evidence(SOURCE, score=s)).verdict for s in (0.1, 0.5, 0.99)}
    assert verdicts == {Verdict.SUPPORTED}


def test_the_candidate_holding_more_of_the_claim_is_chosen():
    loose = evidence("Officials discussed the United States stockpile.", score=0.9)[0]
    close = evidence(SOURCE, score=0.5)[0]
    case = build_case(claim("Japan agreed to sell 10 Patriot interceptors."), [loose, close])
    assert case.evidence[0] is close


def test_of_two_candidates_saying_all_of_it_the_one_stating_its_figure_exactly_is_chosen():
    rounded = evidence("Okafor has about 70 delegates in Lagos.", score=0.9)[0]
    exact = evidence("Okafor has 70 delegates in Lagos.", score=0.5)[0]
    case = build_case(claim("Okafor has 70 delegates in Lagos."), [rounded, exact])
    assert case.evidence[0] is exact


def test_result_carries_the_alignment():
    result = verify(
        claim("Japan has agreed to sell 10 Patriot interceptors to Ukraine."), evidence(SOURCE)
    )
    statuses = {result.claim.text[s.start : s.end]: s.status for s in result.alignment}
    assert statuses["Ukraine"] is WordStatus.SUBSTITUTED and statuses["Japan"] is WordStatus.MATCHED


def test_names_inside_a_verbatim_quote_trade_no_places():
    # "Okafor" in the quote is also found earlier: a quote's words stand in no place
    text = (
        'The suit accuses the Okafor campaign of "trying to silence Mr. Banda, though he '
        'never criticised Mr. Okafor or the party."'
    )
    assert verify(claim(text), evidence(text)).verdict is Verdict.SUPPORTED


def test_of_two_candidates_about_one_fact_the_one_saying_it_as_the_claim_does_is_read():
    # a near copy with the figure changed stands beside the sentence itself (an archive)
    same = evidence("It is the first visit in 15 years by a Ghanaian trade minister to Togo.")
    changed = evidence("It is the first visit in 22 years by a Ghanaian trade minister to Togo.")
    said = claim("It is the first visit in fifteen years by a Ghanaian trade minister to Togo.")
    assert verify(said, changed + same).verdict is Verdict.SUPPORTED
    assert verify(said, same + changed).verdict is Verdict.SUPPORTED
