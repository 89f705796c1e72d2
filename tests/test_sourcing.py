from helpers import checker, claim, evidence

from factcheck.checks import sourcing
from factcheck.model import Severity

check = checker(sourcing.check)


def test_anonymous_claim_stated_as_fact_warns():
    found = check(
        claim("Japan will sell 10 interceptors."),
        evidence("Japan will sell 10 interceptors, U.S. officials said."),
    )
    assert [(f.code, f.severity) for f in found] == [("attribution-dropped", Severity.WARNING)]


def test_media_report_stated_as_fact_warns():
    found = check(
        claim("Officials will discuss nuclear deterrence."),
        evidence(
            "Officials will discuss nuclear deterrence, the Yomiuri Shimbun newspaper reported."
        ),
    )
    assert found[0].code == "attribution-dropped"


def test_attributed_claim_does_not_warn():
    assert (
        check(
            claim("U.S. officials said Japan will sell 10 interceptors."),
            evidence("Japan will sell 10 interceptors, U.S. officials said."),
        )
        == []
    )


def test_reporter_voice_does_not_warn():
    assert (
        check(
            claim("Japan will sell 10 interceptors."), evidence("Japan will sell 10 interceptors.")
        )
        == []
    )
