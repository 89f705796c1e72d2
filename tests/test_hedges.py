from helpers import checker, claim, evidence

from factcheck.analysis import analyse_text
from factcheck.checks import hedges

check = checker(hedges.check)


def test_could_became_will():
    found = check(
        claim("Future projects will include air-to-air missiles."),
        evidence("Future projects could also include air-to-air missiles."),
    )
    assert [f.code for f in found] == ["hedge-dropped"] and "could" in found[0].message


def test_expected_to_became_flat_statement():
    assert check(
        claim("Austin will announce an upgrade on Sunday."),
        evidence("Austin is expected to announce an upgrade on Sunday."),
    )


def test_kept_hedge_is_fine():
    assert (
        check(
            claim("Projects may include missiles."),
            evidence("Projects could also include missiles."),
        )
        == []
    )


def test_hedge_on_another_part_of_the_sentence_is_ignored():
    assert (
        check(
            claim("Japan agreed to sell interceptors."),
            evidence("Japan agreed to sell interceptors; Washington could transfer others."),
        )
        == []
    )


def test_hedge_qualifies_the_next_three_units_only():
    ((hedge, qualified),) = analyse_text(
        "Talks could resume soon after the long summer break."
    ).hedges
    assert hedge == "could"
    assert {"resum", "soon"} <= qualified and "break" not in qualified
