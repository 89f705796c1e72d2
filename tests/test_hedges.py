from helpers import claim, evidence

from factcheck.checks.hedges import check, hedges


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


def test_hedges_lists_qualified_words():
    assert hedges("Talks could resume soon.") == [("could", ["resume", "soon"])]
