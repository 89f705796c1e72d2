from helpers import checker, claim, evidence

from factcheck.checks import relations

check = checker(relations.check)


def test_only_for_both_is_a_relation_mismatch():
    found = check(
        claim("The unit will command only Dutch troops."),
        evidence("The unit will command both Dutch and Belgian troops."),
    )
    assert [f.code for f in found] == ["relation-mismatch"]


def test_less_for_greater_is_a_relation_mismatch():
    assert check(
        claim("The mayor will be given less authority over the port."),
        evidence("The mayor will be given greater authority over the port."),
    )


def test_from_for_to_is_a_relation_mismatch():
    assert check(
        claim("Peru will ship copper from China next year."),
        evidence("Peru will ship copper to China next year."),
    )


def test_same_relation_in_other_words_passes():
    assert (
        check(
            claim("Peru will ship copper into China next year."),
            evidence("Peru will ship copper to China next year."),
        )
        == []
    )
