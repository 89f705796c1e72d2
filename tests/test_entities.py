from helpers import checker, claim, evidence

from factcheck.checks import entities

check = checker(entities.check)


def messages(claim_text, source_text):
    return [f.message for f in check(claim(claim_text), evidence(source_text))]


def test_swapped_air_base():
    found = messages(
        "Forces are stationed at Kadena Air Base outside Tokyo.",
        "Forces are stationed at Yokota Air Base outside Tokyo.",
    )
    assert len(found) == 1 and "Kadena" in found[0] and "Yokota" in found[0]


def test_swapped_title_for_same_person():
    found = messages(
        "They met Foreign Minister Minoru Kihara.",
        "They met Defense Minister Minoru Kihara and Foreign Minister Yoko Kamikawa.",
    )
    assert len(found) == 1 and "Foreign" in found[0] and "Defense" in found[0]


def test_aliases_are_not_swaps():
    assert (
        messages(
            "Japan will sell interceptors to the US stockpile.",
            "Japan will sell interceptors to the United States stockpile.",
        )
        == []
    )


def test_same_names_pass():
    assert messages("Blinken will be in Tokyo.", "Blinken will be in Tokyo this weekend.") == []


def test_swapped_place_at_the_end_of_the_claim():
    found = messages(
        "Japan agreed to let Marines redeploy a regiment to Hokkaido.",
        "Japan agreed to let Marines redeploy a regiment to Okinawa, allowing it to spread out.",
    )
    assert len(found) == 1 and "Hokkaido" in found[0] and "Okinawa" in found[0]


def test_a_name_moved_into_another_relation_is_a_swap():
    # the source names Ukraine, but not as the buyer
    found = messages(
        "Norway has agreed to sell 10 radars to Ukraine.",
        "With its defenses in Ukraine stretched thin, Norway has agreed to sell 10 radars to "
        "Poland, officials said.",
    )
    assert len(found) == 1 and "Ukraine" in found[0] and "Poland" in found[0]


def test_capital_demonym_and_possessive_stand_for_their_country():
    source = "Kenya's government agreed to send 400 police officers to Haiti."
    assert messages("Nairobi agreed to send 400 police officers to Haiti.", source) == []
    assert (
        messages("The Kenyan government agreed to send 400 police officers to Haiti.", source) == []
    )


def test_acronym_matches_its_expansion():
    assert (
        messages(
            "The IAEA will inspect the plant in May.",
            "The International Atomic Energy Agency will inspect the plant in May.",
        )
        == []
    )


def test_hyphenated_compound_is_the_same_words():
    assert (
        messages(
            "The navy ordered two Arleigh-class destroyers.",
            "The navy ordered two Arleigh class destroyers.",
        )
        == []
    )


def test_loosely_related_evidence_gives_no_entity_mismatch():
    # three of six claim words found: not the same fact, so no contradiction is drawn
    assert (
        messages(
            "Fiji will host a climate summit in Suva next spring.",
            "Samoa hosted a regional summit on fisheries in Apia last year.",
        )
        == []
    )


def test_a_name_the_sentence_says_elsewhere_put_in_anothers_place():
    # "Lyon" matches the source's "Lyon", so it was never read against "Paris" in its place
    found = messages(
        "Officials from Lyon met officials from Lyon at the harbor on Monday.",
        "Officials from Lyon met officials from Paris at the harbor on Monday.",
    )
    assert len(found) == 1 and "says \u201cLyon\u201d, source says \u201cParis\u201d" in found[0]


def test_a_name_said_twice_as_the_source_says_it_twice_is_no_swap():
    assert (
        messages(
            "Officials from Lyon met officials from Lyon at the harbor on Monday.",
            "Officials from Lyon met officials from Lyon at the harbor on Monday.",
        )
        == []
    )


def test_a_name_said_elsewhere_where_the_source_has_a_plain_word_is_no_swap():
    # "from abroad": no name stands there to be contradicted (the word check reads words)
    assert (
        messages(
            "Officials from Lyon met officials from Lyon at the harbor on Monday.",
            "Officials from Lyon met officials from abroad at the harbor on Monday.",
        )
        == []
    )


def test_a_name_trading_places_with_the_claims_speaker_is_a_swap():
    # the claim's speaker ("Luis Vega has told") stands on the evidence's "Luis Vega", the
    # place the claim gives "Ana Vega": that name keeps the counterpart it was put for
    source = (
        "With her husband, former Mayor Luis Vega, standing by her side, Ana Vega has told "
        "her supporters that \u201cwe will win this together.\u201d"
    )
    swapped = (
        "With her husband, former Mayor Ana Vega, standing by her side, Luis Vega has told "
        "her supporters that \u201cwe will win this together.\u201d"
    )
    assert [f.code for f in check(claim(swapped), evidence(source))] == ["entity-mismatch"]


def test_a_word_beside_a_name_is_put_for_no_role_the_source_sets_off():
    source = "Ann Roe, the mayor of Lyon, said on Friday that the harbor plan would fail."
    # "spoke" stands beside "Roe" where the source's role stands beside it, but the source
    # sets the role off with commas: the claim leaves the appositive out, puts no word for it
    assert check(claim("Ann Roe spoke in Lyon on Friday."), evidence(source)) == []
    # a role in the role's own place is still read against it
    other = "Ann Roe, the governor of Lyon, said on Friday that the harbor plan would fail."
    assert [f.code for f in check(claim(other), evidence(source))] == ["entity-mismatch"]
    # and a word right beside a role in one phrase still stands for it
    found = check(
        claim("The finance ministers of Lyon met on Friday."),
        evidence("The foreign ministers of Lyon met on Friday."),
    )
    assert [f.code for f in found] == ["entity-mismatch"]
