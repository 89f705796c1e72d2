from helpers import checker, claim, evidence

from factcheck.checks import speaker

check = checker(speaker.check)

QUOTE = "“China is the biggest bully,” said retired Rear Admiral Michael Studeman."


def test_same_named_speaker_by_surname():
    assert check(claim('Studeman said "China is the biggest bully."'), evidence(QUOTE)) == []


def test_other_named_speaker_is_misattributed():
    found = check(claim('Samuel Paparo said "China is the biggest bully."'), evidence(QUOTE))
    assert [f.code for f in found] == ["speaker-mismatch"]
    assert "Samuel Paparo" in found[0].message and "Michael Studeman" in found[0].message


def test_anonymous_source_presented_as_named():
    found = check(
        claim("Lloyd Austin said the alliance is historic."),
        evidence("The alliance is historic, said a senior defense official."),
    )
    assert found and "a senior defense official (anonymous)" in found[0].message


def test_named_source_presented_as_anonymous():
    assert check(claim('A defense official said "China is the biggest bully."'), evidence(QUOTE))


def test_compatible_anonymous_descriptions():
    assert (
        check(
            claim("Officials said Japan will sell 10 interceptors."),
            evidence("Japan will sell 10 interceptors, U.S. officials said."),
        )
        == []
    )
    assert check(
        claim("Japanese officials said Japan will sell 10 interceptors."),
        evidence("Japan will sell 10 interceptors, U.S. officials said."),
    )


def test_unattributed_claim_is_not_checked_here():
    assert check(claim("China is the biggest bully."), evidence(QUOTE)) == []
