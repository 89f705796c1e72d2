import pytest
from helpers import checker, claim, evidence

from factcheck import check_claims
from factcheck.checks import speaker
from factcheck.model import Verdict
from factcheck.sources import parse_source
from factcheck.verify import verify

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


NARRATED = "Mayor Ruth Banda also criticised the port authority for raising its fees."


def test_a_claim_restating_the_reporters_account_of_a_source_is_no_misattribution():
    assert (
        check(claim("Ruth Banda criticised the port authority for its fees."), evidence(NARRATED))
        == []
    )


def test_another_name_for_the_reporters_account_is_a_changed_fact():
    # the evidence names Okafor elsewhere; in the claim's place it names Ruth Banda
    found = check_claims(
        [claim("Okafor criticised the port authority for raising its fees.")],
        [
            parse_source(
                "Mayor Ruth Banda also criticised the port authority for raising its fees, "
                "a move Okafor had backed.",
                "src.txt",
            )
        ],
    )[0]
    assert found.verdict is Verdict.CONTRADICTED


def test_unnamed_sources_must_carry_every_place_the_claim_names():
    found = check(
        claim("Officials in Lagos and Accra said the talks would resume."),
        evidence("Officials in Abuja and Accra said the talks would resume."),
    )
    assert [f.code for f in found] == ["speaker-mismatch"]


def test_a_claim_that_reports_the_evidences_source_itself_is_no_misattribution():
    # the Courier reports what Okafor told donors; the evidence gives Okafor's own words
    found = check(
        claim("The Courier reported that Okafor had told donors to wait for the audit."),
        evidence("Okafor told donors to wait for the audit."),
    )
    assert found == []


def test_the_evidences_source_named_elsewhere_in_the_claim_is_no_excuse():
    # Kenya is where the missiles go, not who said so
    found = check(
        claim("Japan will sell missiles to Kenya, Ghanaian officials said."),
        evidence("Japan will sell missiles to Kenya, Kenyan officials said."),
    )
    assert [f.code for f in found] == ["speaker-mismatch"]


# (claim, evidence, the codes expected): whether a name in the claim is the subject of a
# speech cue there, so that the claim itself reports the evidence's source
CUE_SUBJECTS = {
    "a possessive is no subject: 'Kenya's claims' is a noun phrase": (
        "The court ruled on Kenya's claims, which Accra has vowed to ignore.",
        "The court ruled on Kenya's claims, which Nairobi has vowed to ignore.",
        ["speaker-mismatch"],
    ),
    "nor a name with another unit between it and the cue": (
        "The court ruled on the Kenya Sea claims, which Accra has vowed to ignore.",
        "The court ruled on the Kenya Sea claims, which Nairobi has vowed to ignore.",
        ["speaker-mismatch"],
    ),
    "nor a possessive after a cue that may precede its subject ('said Starr's ...')": (
        "Banda said Okafor's plan reminds him of the 1969 harbor strike.",
        "Okafor said Banda's plan reminds him of the 1969 harbor strike.",
        ["speaker-mismatch"],
    ),
    "nor a name before a comma: the participle after it is the subject's": (
        "Banda hammered Okafor, calling him a wreck, and praised the harbor plan.",
        "Okafor hammered Banda, calling him a wreck, and praised the harbor plan.",
        ["speaker-mismatch"],
    ),
    "an appositive's closing comma leaves the name the subject ('Gen Nakatani, said')": (
        "Kenya's defence minister, Gen Okafor, said Nairobi would help.",
        "Kenyan Defence Minister Gen Okafor said his country would help.",
        [],
    ),
    "a name right before the cue is its subject ('Kenya claims')": (
        "The court heard that Kenya claims the harbor, Accra said.",
        "Kenya claims the harbor, Nairobi said.",
        [],
    ),
}


@pytest.mark.parametrize("case", CUE_SUBJECTS)
def test_a_name_reports_the_source_only_as_the_subject_of_a_cue(case):
    mine, theirs, codes = CUE_SUBJECTS[case]
    assert [f.code for f in check(claim(mine), evidence(theirs))] == codes


def test_two_descriptions_stating_a_role_differently_are_two_sources():
    quote = "“We will not change course,” a senior Kenyan official said."
    found = check(
        claim("“We will not change course,” a junior Kenyan official said."), evidence(quote)
    )
    assert [f.code for f in found] == ["speaker-mismatch"]
    assert (
        check(claim("“We will not change course,” a Kenyan official said."), evidence(quote)) == []
    )
    # a plain word put for one WordNet relates in no sense: another source ("distract" for
    # "district"), while one sharing a sense may describe the same ("veteran" / "expert")
    quote = "“We will not change course,” said one district KANU leader."
    found = check(claim(quote.replace("district", "distract")), evidence(quote))
    assert [f.code for f in found] == ["speaker-mismatch"]
    quote = "“We will not change course,” said a KANU campaign veteran."
    assert check(claim(quote.replace("veteran", "expert")), evidence(quote)) == []


def test_a_name_after_said_that_is_what_was_said_not_who_said_it():
    found = check(
        claim("Okafor also said that Banda shows great charm."),
        evidence("Banda also said that Okafor shows great charm."),
    )
    assert [f.code for f in found] == ["speaker-mismatch"]


def test_a_quotation_the_source_names_no_speaker_for_leaves_the_claims_speaker_unconfirmed():
    found = check(
        claim("Okafor said “We will not reopen the mine.”"),
        evidence("“We will not reopen the mine.” Talks resume on Monday."),
    )
    assert [f.code for f in found] == ["speaker-unconfirmed"]


def test_of_two_candidates_holding_the_quote_the_one_that_says_who_spoke_is_read():
    unread = evidence("“We will not reopen the mine,” a their Kenyan progress.")
    read = evidence("“We will not reopen the mine,” a Kenyan official said.")
    result = verify(claim("Okafor said “We will not reopen the mine.”"), unread + read)
    assert result.verdict is Verdict.MISATTRIBUTED


def test_a_speaker_restated_with_another_quantifier_is_another_source():
    found = check(
        claim("All Democrats have warned the bank not to act."),
        evidence("Some Democrats have warned the bank not to act."),
    )
    assert [f.code for f in found] == ["speaker-mismatch"]
    found = check(
        claim("Few Democrats have warned the bank not to act."),
        evidence("Many Democrats have warned the bank not to act."),
    )
    assert [f.code for f in found] == ["speaker-mismatch"]


def test_a_pronoun_speaker_is_not_compared_with_the_sources():
    # "She said ...": the draft's sentence before says who she is, the claim does not
    named = "Ann Roe, the mayor of Lyon, said on Friday that the harbor plan would fail."
    assert check(claim("She said the harbor plan would fail."), evidence(named)) == []
    unnamed = "A senior official in Lyon said on Friday that the harbor plan would fail."
    assert check(claim("He said the harbor plan would fail."), evidence(unnamed)) == []
    # what the source states in its own voice is still nobody's words to give
    narrated = "The harbor plan in Lyon will fail, the council's own report shows."
    found = check(claim("She said the harbor plan in Lyon will fail."), evidence(narrated))
    assert [f.code for f in found] == ["speaker-mismatch"]
