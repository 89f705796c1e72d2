"""The word alignment of a claim with one piece of evidence (align.py), on passages written
for each rule."""

import pytest

from factcheck.align import align
from factcheck.analysis import analyse_text, with_forenames
from factcheck.model import WordStatus


def links(claim, evidence):
    units = list(analyse_text(claim).units)
    return [
        (
            claim[link.unit.start : link.unit.end],
            link.status,
            evidence[link.counterpart.start : link.counterpart.end] if link.counterpart else None,
        )
        for link in align(units, analyse_text(evidence), claim_text=claim).links
    ]


def statuses(claim, evidence):
    return {word: (status, other) for word, status, other in links(claim, evidence)}


def speaker_links(claim, evidence, naming):
    """The links of `claim` against `evidence` with the claim units `naming` holds (a test on
    a unit) naming the claim's source, as the attribution stage marks them."""
    units = list(analyse_text(claim).units)
    speaker = frozenset(i for i, u in enumerate(units) if naming(u))
    return align(units, analyse_text(evidence), speaker=speaker, claim_text=claim).links


def test_same_words_in_other_inflections_match():
    found = statuses("Norway sold two frigates.", "Norway is selling two frigates.")
    assert all(status is WordStatus.MATCHED for status, _ in found.values())


def test_synonym_from_wordnet_matches():
    found = statuses("The council set up a panel.", "The council established a panel.")
    assert found["set up"][0] is WordStatus.MATCHED


def test_derived_form_matches():
    found = statuses(
        "Chile entered the alliance in 1990.", "Chile's entry into the alliance in 1990."
    )
    assert found["entered"][0] is WordStatus.MATCHED


def test_a_changed_name_is_substituted_with_its_counterpart():
    found = statuses("The envoy flew to Lagos on Monday.", "The envoy flew to Kano on Monday.")
    assert found["Lagos"] == (WordStatus.SUBSTITUTED, "Kano")
    found = statuses("The envoy flew to Ghana on Monday.", "The envoy flew to Kenya on Monday.")
    assert found["Ghana"] == (WordStatus.SUBSTITUTED, "Kenya")
    # a city for a country is no swap of one for the other: the claim names a new place
    found = statuses("The envoy flew to Lagos on Monday.", "The envoy flew to Kenya on Monday.")
    assert found["Lagos"][0] is WordStatus.ADDED


def test_an_appended_place_is_added():
    found = statuses(
        "The envoy flew to Nairobi on Monday with Kenya's president.",
        "The envoy flew to Nairobi on Monday.",
    )
    assert found["president"][0] is WordStatus.ADDED


def test_a_name_moved_into_another_relation_is_substituted():
    first, second = [
        (status, other)
        for word, status, other in links(
            "With fighting in Sudan, Chad agreed to send 300 doctors to Sudan.",
            "With fighting in Sudan, Chad agreed to send 300 doctors to Niger.",
        )
        if word == "Sudan"
    ]
    assert first[0] is WordStatus.MATCHED and second == (WordStatus.SUBSTITUTED, "Niger")
    found = statuses(
        "Chad agreed to send 300 doctors to Sudan.",
        "With fighting in Sudan, Chad agreed to send 300 doctors to Niger.",
    )
    assert found["Sudan"] == (WordStatus.SUBSTITUTED, "Niger")


def test_a_phrase_moved_whole_is_word_order():
    found = statuses(
        "Ana Lopez, Peru's former minister, criticised the plan.",
        "LIMA, May 3 — Former Peruvian minister Ana Lopez criticised the plan.",
    )
    assert found["Ana"][0] is WordStatus.MATCHED and found["Lopez"][0] is WordStatus.MATCHED


def test_opposite_relation_words_are_substituted():
    found = statuses("Exports to Chile rose.", "Exports from Chile rose.")
    assert found["to"] == (WordStatus.SUBSTITUTED, "from")


def test_quantifier_of_another_class_is_substituted():
    found = statuses(
        "The unit will command only Dutch troops.",
        "The unit will command both Dutch and Belgian troops.",
    )
    assert found["only"] == (WordStatus.SUBSTITUTED, "both")


def test_support_counts_matched_units_only():
    units = list(analyse_text("The mayor opened three new bridges.").units)
    alignment = align(units, analyse_text("The mayor closed three old bridges."))
    assert 0 < alignment.support < 1
    assert align(units, analyse_text("The mayor opened three new bridges.")).support == 1.0


def test_a_clause_moved_whole_is_matched_and_its_words_are_no_counterparts():
    # "Okafor" comes after the year in the claim and before it in the evidence; the name
    # beside it in the evidence ("Liberals") is matched by "Liberal", so no substitution
    found = statuses(
        "In 2004 Okafor was the Liberal candidate for mayor and lost to Ruth Banda.",
        "Okafor, the Liberals' 2004 mayoral candidate who lost to Ruth Banda, spoke first.",
    )
    assert found["Okafor"][0] is WordStatus.MATCHED
    assert found["Liberal"] == (WordStatus.MATCHED, "Liberals")


def test_a_moved_name_with_another_name_in_its_place_is_still_substituted():
    found = statuses(
        "Ruth Banda beat Okafor, Mensah said.",
        "Okafor beat Ruth Banda in the race for mayor, and Mensah conceded.",
    )
    assert WordStatus.SUBSTITUTED in {status for status, _ in found.values()}


def test_one_word_names_match_by_stem():
    found = statuses("The Liberal candidate lost.", "The Liberals' candidate lost.")
    assert found["Liberal"][0] is WordStatus.MATCHED


def test_an_initial_ends_no_sentence():
    # "Banda" after "R." is inside a name, not a sentence's first word
    units = {u.norm: u.kind for u in analyse_text("The award went to Ruth R. Banda.").units}
    assert units["banda"] == "name"


def test_a_relation_word_counts_only_in_its_place():
    # "outside" also stands in the evidence, but about another place
    found = links(
        "The troops outside Chad, based at a camp outside Abeche, will move.",
        "The troops in Chad, based at a camp outside Abeche, will move.",
    )
    assert found[1] == ("outside", WordStatus.SUBSTITUTED, "in")


def test_a_word_in_a_roles_place_is_substituted_beside_the_same_anchor():
    found = links(
        "The Nordic finance ministers met in Oslo.", "The Nordic foreign ministers met in Oslo."
    )
    assert ("finance", WordStatus.SUBSTITUTED, "foreign") in found
    # a verb elsewhere is no role: "served" does not stand for "vice"
    found = statuses(
        "Okafor later served as minister of health.",
        "He later became minister of health before becoming vice president.",
    )
    assert found["served"] != (WordStatus.SUBSTITUTED, "vice")


def test_a_capitalised_word_in_a_names_place_is_a_changed_name():
    # "Wells" is also a common word; at a sentence's start it may still be a name
    found = links("Wells is now poised to face Kim Ode.", "Tenney is now poised to face Kim Ode.")
    assert found[0] == ("Wells", WordStatus.SUBSTITUTED, "Tenney")
    # a place WordNet only writes with a capital is a name there
    units = analyse_text("Michigan and Ohio look good for her.").units
    assert units[0].kind == "name"


def test_names_swapped_around_a_relation_word_swap_roles():
    found = statuses(
        "Migration from Ghana to Togo is in decline.", "Migration from Togo to Ghana is in decline."
    )
    assert found["Ghana"] == (WordStatus.SUBSTITUTED, "Togo")


# (claim, evidence, where its second sentence starts, the claim's speaker unit, the claim
# word read or None for all of them, whether it is matched)
PAIRS = {
    "a stray word in the later sentence is no anchor": (
        "The panel will study the port's budget, along with Chad.",
        "The panel will study the port's budget. Chad has no port.",
        "Chad",
        "",
        "Chad",
        False,
    ),
    "nor a name alone there": (
        "The fund gave grants to the Lagos State Museum.",
        "The fund gave grants to the Abuja Arts Trust. The Lagos State Museum praised it.",
        "The Lagos",
        "",
        "Lagos",
        False,
    ),
    "two words of the claim's own clause there are no stray: the pair says them": (
        "The fund gave grants, and the museum praised it.",
        "The fund gave grants. The museum praised it.",
        "The museum",
        "",
        None,
        True,
    ),
    "a plain word alone in the earlier sentence is no anchor": (
        "Okafor voted that the harbor plan would fail in June.",
        "Okafor spoke to voters in Lagos. Okafor noted that the harbor plan would fail in June.",
        "Okafor noted",
        "okafor",
        "voted",
        False,
    ),
    "a name alone there stays: the next sentence's pronoun may stand for it": (
        "Lagos said it would close the harbor in June.",
        "Lagos spoke first. It said it would close the harbor in June.",
        "It said",
        "",
        None,
        True,
    ),
    "a unit both sentences say tells no sentence from the other ('Ardent' in both)": (
        "He lost his job with the firm Ardent as part of a secret deal.",
        "He lost his job with the firm Ardent. The Ardent team had to deal with it.",
        "The Ardent",
        "",
        "deal",
        False,
    ),
}


@pytest.mark.parametrize("case", PAIRS)
def test_a_pair_of_sentences_says_what_both_say_of_the_claims_clause(case):
    claim, evidence, second, speaker, word, matched = PAIRS[case]
    units = list(analyse_text(claim).units)
    naming = frozenset(i for i, u in enumerate(units) if u.norm == speaker)
    found = align(
        units,
        analyse_text(evidence),
        breaks=(evidence.index(second),),
        speaker=naming,
        claim_text=claim,
    ).links
    read = [link for link in found if word in (None, claim[link.unit.start : link.unit.end])]
    assert read and all((link.status is WordStatus.MATCHED) is matched for link in read)


def test_an_acronym_the_evidence_spells_out_or_writes_otherwise_matches():
    found = statuses(
        "Okafor owned a team of the WAFL in 1990.",
        "Okafor owned a team of the West African Football League in 1990.",
    )
    assert found["WAFL"][0] is WordStatus.MATCHED
    found = statuses("The ECOWAS treaty dates from 1975.", "The Ecowas treaty of 1975.")
    assert found["ECOWAS"][0] is WordStatus.MATCHED
    found = statuses("Chad joined the WTO.", "Chad joined the W.T.O.")
    assert found["WTO"][0] is WordStatus.MATCHED
    # the whole run is said by the acronym
    found = statuses("The West African Football League folded.", "The WAFL folded.")
    assert found["League"] == (WordStatus.MATCHED, "WAFL")
    # two names' initials are no acronym: "Dan Tripp" is not "Donald Trump"
    found = statuses("He hinted at Dan Tripp.", "He hinted at Donald Trump.")
    assert found["Dan"][0] is not WordStatus.MATCHED
    # nor are two runs of three with the same initials the same names
    found = statuses(
        "The letters went between Cook and Eric Fanning.",
        "The letters went between Carter and Eric Fanning.",
    )
    assert found["Cook"] == (WordStatus.SUBSTITUTED, "Carter")


def test_both_before_a_coordination_adds_nothing_and_one_of_is_no_count():
    claim = "Okafor spoke at both the 1998 and the 2002 congresses."
    alignment = align(
        list(analyse_text(claim).units),
        analyse_text("Okafor spoke at the 1998 and 2002 congresses."),
    )
    assert all(link.status is WordStatus.MATCHED for link in alignment.counted)
    # "both sides" on its own still counts
    assert analyse_text("Both sides agreed.").units[0].group == "inclusive"
    assert not [
        u for u in analyse_text("Okafor is one of Banda's critics.").units if u.kind == "number"
    ]


def test_a_rank_word_dropped_before_a_title_names_another_office():
    # lexicon/title_modifiers.txt: "Vice President" is not the President
    found = statuses(
        "Okafor had ties to President Ruth Banda.", "Okafor had ties to Vice President Ruth Banda."
    )
    assert found["President"] == (WordStatus.SUBSTITUTED, "Vice")
    found = statuses(
        "Okafor had ties to President Ruth Banda.",
        "Okafor had ties to former President Ruth Banda.",
    )
    assert found["President"][0] is WordStatus.MATCHED


def test_an_office_in_lower_case_is_a_title():
    claim = "The debate pitted former attorney general Ruth Banda against Kofi Mensah."
    evidence = "The debate pitted former secretary of state Ruth Banda against Kofi Mensah."
    units = {u.norm: u.kind for u in analyse_text(claim).units}
    assert units["attorney general"] == "title"
    found = statuses(claim, evidence)
    assert found["attorney general"] == (WordStatus.SUBSTITUTED, "secretary of state")
    # a phrase with a common word in it is no office
    units = {u.norm: u.kind for u in analyse_text("They set up a panel.").units}
    assert units["set up"] == "word"


def test_a_figure_already_matched_stands_for_no_other():
    found = links(
        "Thousands of the town's 60,000 voters queued.",
        "Thousands of the town's 30,000 voters queued.",
    )
    assert ("60,000", WordStatus.SUBSTITUTED, "30,000") in found


def test_a_word_naming_the_office_before_a_title_is_a_title_word():
    kinds = {u.norm: u.kind for u in analyse_text("The Ghanaian trade minister spoke.").units}
    assert kinds["trade"] == "title"
    found = statuses(
        "The Ghanaian trade minister visited Lome.", "The Ghanaian interior minister visited Lome."
    )
    assert found["trade"] == (WordStatus.SUBSTITUTED, "interior")
    # a verb before a title opens no office
    kinds = {u.norm: u.kind for u in analyse_text("Mensah told Foreign Minister Roe.").units}
    assert kinds["told"] == "word"


def test_a_name_with_a_number_in_it_matches_its_aliases():
    found = statuses(
        "Since the Second World War the treaty has held.",
        "The treaty has held since World War Two.",
    )
    assert found["Second World War"] == (WordStatus.MATCHED, "World War Two")
    found = statuses(
        "Since the First World War the treaty has held.", "The treaty has held since World War Two."
    )
    assert found["First World War"][0] is not WordStatus.MATCHED


def test_a_comparative_already_matched_stands_for_no_other():
    found = links(
        "Voters there are more devout and more rural.",
        "Voters there are less devout and more rural.",
    )
    assert found[1] == ("more", WordStatus.SUBSTITUTED, "less")


def test_a_counterpart_stands_in_the_slots_own_sentence_of_a_pair():
    claim = "The fund's grants will go to the museum in Lagos."
    evidence = (
        "The fund's grants will go to the museum. Citing costs in Abuja, it will open in Lagos."
    )
    units = list(analyse_text(claim).units)
    found = align(
        units, analyse_text(evidence), breaks=(evidence.index("Citing"),), claim_text=claim
    ).links
    lagos = next(link for link in found if claim[link.unit.start : link.unit.end] == "Lagos")
    assert lagos.status is not WordStatus.SUBSTITUTED


def test_a_quantifier_and_a_vague_count_stand_for_each_other():
    found = statuses(
        "Few voters came, but few aides think it matters.",
        "Few voters came, but many aides think it matters.",
    )
    assert found["few"] == (WordStatus.SUBSTITUTED, "many")


# Two names that trade roles, each rule with a passage: (claim, evidence, the claim's word
# that must read as substituted, the evidence word it is substituted by or None)
SWAPPED_ROLES = {
    # a passive names its agent after the name it acts on: the active order swaps them
    "active order against a passive": (
        "Okafor defeated Banda in the 2004 primary.",
        "Okafor was defeated in the 2004 primary by Banda.",
        "Okafor",
        "Banda",
    ),
    # "beaten" stands where the claim has "defeated": the names are the parties of one verb
    "verb reworded between the names": (
        "Okafor defeated Banda in the 2004 primary.",
        "Okafor was beaten in the 2004 primary by Banda.",
        "Okafor",
        "Banda",
    ),
    # a passive's agent may take an article
    "agent with article": (
        "The Gambia took steps, encouraged by Senegal.",
        "Senegal took steps, encouraged by the Gambia.",
        "Senegal",
        None,
    ),
    # "purchases of Okafor's land": the possessive, not "of", says whose
    "possessive after of": (
        "Mensah's letter spoke of the sale of Okafor's land.",
        "Okafor's letter spoke of the sale of Mensah's land.",
        "Mensah's",
        "Okafor's",
    ),
    # "the report of X" and "X's reply" are two relations, not one reworded
    "of-phrase and possessive of other nouns": (
        "The report of Mensah speaking at the rally led to Okafor's reply.",
        "The report of Okafor speaking at the rally led to Mensah's reply.",
        "Mensah",
        None,
    ),
    # "at" places one name in the other; it is no unit, so the words between are read
    "names joined by at": (
        "Ana Ruiz directs the Harbor Program at the Accra Law School at the Volta Institute.",
        "Ana Ruiz directs the Harbor Program at the Volta Institute at the Accra Law School.",
        "Volta",
        "School",
    ),
    # "than" compares the one with the other, one way
    "names joined by than": (
        "Voters in Lyon preferred Banda than Okafor on trade, the poll found.",
        "Voters in Lyon preferred Okafor than Banda on trade, the poll found.",
        "Banda",
        "Okafor",
    ),
    # "but" sets the one against the other, the preposition said again after it
    "names joined by but": (
        "The harbor plan was not opposed by Banda, but by Okafor's aides.",
        "The harbor plan was not opposed by Okafor, but by Banda's aides.",
        "Banda",
        "Okafor",
    ),
    "names set against each other by not": (
        "Okafor, not Banda, will lead the harbor board in Lyon, the council said.",
        "Banda, not Okafor, will lead the harbor board in Lyon, the council said.",
        "Okafor",
        "Banda",
    ),
    # "Fed" opens the claim, where a common word may stand; the evidence has the name
    "first word matched to a name": (
        "Fed is likely to say that the Mensah plan would pause hikes.",
        "Mensah is likely to say that the Fed plan would pause hikes.",
        "Fed",
        None,
    ),
}


@pytest.mark.parametrize(
    ("claim", "evidence", "word", "counterpart"), SWAPPED_ROLES.values(), ids=SWAPPED_ROLES
)
def test_names_trading_roles_are_substituted(claim, evidence, word, counterpart):
    status, found = statuses(claim, evidence)[word]
    assert status is WordStatus.SUBSTITUTED
    assert counterpart is None or found == counterpart


# The same relation in another form: (claim, evidence, the claim's word that must read as
# matched, or None for every word)
ROLES_KEPT = {
    # "and" joins two names both ways: no one-way word between them
    "names joined by and": (
        "Okafor and Banda will lead the harbor board in Lyon, the council said.",
        "Banda and Okafor will lead the harbor board in Lyon, the council said.",
        None,
    ),
    "names joined by and, the preposition said again": (
        "The plan was backed by Okafor and by Banda in Lyon.",
        "The plan was backed by Banda and by Okafor in Lyon.",
        None,
    ),
    "passive agent": (
        "Banda defeated Okafor in the 2004 primary.",
        "Okafor was defeated in the 2004 primary by Banda.",
        None,
    ),
    "passive with a reworded verb": (
        "Banda defeated Okafor in the 2004 primary.",
        "Okafor was beaten in the 2004 primary by Banda.",
        "Banda",
    ),
    # a name after the agent is no party to the passive
    "name after the agent": (
        "Chile was warned by Admiral Ruth Banda against drills near the Falkland Islands.",
        "Admiral Ruth Banda warned Chile against drills near the Falkland Islands.",
        None,
    ),
    # "at" between the names on one side only: no phrase of names to swap
    "names joined by at on one side": (
        "Ana Ruiz spoke at the Volta Institute in Accra on Monday.",
        "In Accra, Ana Ruiz spoke on Monday at the Volta Institute.",
        "Volta",
    ),
    # a possessive reworded as an of-phrase around the same noun
    "possessive reworded as a phrase": (
        "The council praised Ruth Banda, the new mayor of Lagos, for her budget.",
        "The council praised Lagos's new mayor Ruth Banda for her budget.",
        None,
    ),
}


@pytest.mark.parametrize(("claim", "evidence", "word"), ROLES_KEPT.values(), ids=ROLES_KEPT)
def test_a_relation_in_another_form_keeps_the_roles(claim, evidence, word):
    found = statuses(claim, evidence)
    kept = [found[word]] if word else found.values()
    assert all(status is WordStatus.MATCHED for status, _ in kept)


def test_a_figure_fronted_in_its_own_phrase_is_said_of_the_clause_after_it():
    source = (
        "At 61 percent, turnout in the coastal wards is well above its low of 40 percent "
        "in 2018, but remains below the national figure of 70 percent."
    )
    moved = "Turnout in the coastal wards, which was 40 percent in 2018, now stands at 61 percent."
    assert statuses(moved, source)["61 percent"] == (WordStatus.MATCHED, "61 percent")
    # a figure the claim puts in the fronted one's place, or swaps with another, is no match
    for changed in (
        "Turnout in the coastal wards, which was 40 percent in 2018, now stands at 65 percent.",
        "Turnout in the coastal wards, which was 61 percent in 2018, now stands at 40 percent.",
    ):
        assert statuses(changed, source)[changed[-11:-1]][0] is not WordStatus.MATCHED


def test_a_figure_stands_on_no_figure_another_claim_figure_stands_on():
    # "more than 200" agrees with 400 in range, but says the claim's first figure already
    source = "The firm has more than 200 employees in Ohio and sold 40 trucks last year."
    claim = "The firm has more than 200 employees in Ohio and hired 400 employees last year."
    found = statuses(claim, source)
    assert found["more than 200"] == (WordStatus.MATCHED, "more than 200")
    assert found["400"][0] is not WordStatus.MATCHED
    # a figure the claim states twice may stand twice on the source's one
    source = "The plant employs 200 people, all of them in the union."
    found = links("The plant employs 200 people, and all 200 are in the union.", source)
    assert [(w, s) for w, s, _ in found if w == "200"] == [("200", WordStatus.MATCHED)] * 2


def test_a_word_stands_on_no_word_the_claims_other_word_stands_on():
    source = "When Okafor walks onstage at the fair, Banda is due to talk to the donors."
    claim = "When Okafor talks onstage at the fair, Banda is due to talk to the donors."
    found = links(claim, source)
    assert [s for w, s, _ in found if w == "talks"] == [WordStatus.SUBSTITUTED]
    assert [s for w, s, _ in found if w == "talk"] == [WordStatus.MATCHED]


def test_a_title_stands_on_none_another_claim_unit_stands_on():
    # the claim's second "Gov." and second "Democratic" are the sentence's other ones
    source = "Lt. Gov. Ann Roe says Sen. Ted Okafor is standing tall after the vote."
    found = links("Lt. Gov. Ann Roe says Gov. Ted Okafor is standing tall after the vote.", source)
    assert [(s, o) for w, s, o in found if w == "Gov"][1] == (WordStatus.SUBSTITUTED, "Sen")
    source = "Roe and Okafor, the likely Democratic and Republican candidates, met in Lagos."
    found = links(source.replace("Republican", "Democratic"), source)
    assert [s for w, s, _ in found if w == "Democratic"][1] is WordStatus.SUBSTITUTED


def test_a_bound_open_on_one_side_says_no_figure_only_a_bound():
    # "at least 69" admits 700 but does not say it; a claim's own, wider bound it says
    source = "Including the new pledges, Okafor now has at least 69 delegates."
    found = statuses("Including the new pledges, Okafor now has 700 delegates.", source)
    assert found["700"][0] is not WordStatus.MATCHED
    found = statuses("Including the new pledges, Okafor now has more than 60 delegates.", source)
    assert found["more than 60"][0] is WordStatus.MATCHED
    found = statuses("The ferry carries 50 cars.", "The ferry carries up to 80 cars.")
    assert found["50"][0] is not WordStatus.MATCHED


def test_two_figures_that_trade_places_are_not_both_matched():
    # each is moved onto the other's match; the other still stands in its place
    source = "At 61 percent, turnout in the coastal wards is well above its low of 40 percent."
    swapped = "At 40 percent, turnout in the coastal wards is well above its low of 61 percent."
    found = statuses(swapped, source)
    assert found["40 percent"][0] is WordStatus.SUBSTITUTED
    assert found["61 percent"][0] is WordStatus.SUBSTITUTED
    # a figure between two anchors, where the source has its rival, is no fronted figure
    moved = "Turnout in the coastal wards rose from 61 percent in 2018."
    source = (
        "At 61 percent, turnout in the coastal wards is well above its low of 40 percent in 2018."
    )
    assert statuses(moved, source)["61 percent"] == (WordStatus.SUBSTITUTED, "40 percent")


def forename_links(claim, evidence, known):
    analysis = with_forenames(analyse_text(evidence), known)
    return {
        claim[link.unit.start : link.unit.end]: link.status
        for link in align(list(analyse_text(claim).units), analysis, claim_text=claim).links
    }


def test_a_forename_the_source_supplies_matches_only_before_its_surname():
    known = {"ruiz": frozenset({"ana"})}
    found = forename_links("Ana Ruiz praised the plan.", "Ruiz praised the plan.", known)
    assert found["Ana"] is WordStatus.MATCHED
    # elsewhere the forename names someone the evidence does not
    found = forename_links("Ruiz praised the plan Ana wrote.", "Ruiz praised the plan.", known)
    assert found["Ana"] is not WordStatus.MATCHED
    # and the full name moved into another name's place is no phrase moved whole
    found = forename_links(
        "Senators on Ana Ruiz faced a hard task, giving Ruiz their support.",
        "Senators on Capitol Hill faced a hard task, giving Ruiz their support.",
        known,
    )
    assert found["Ana"] is WordStatus.SUBSTITUTED
    # a claim naming the surname twice against one lone surname: the full name may stand in
    # another name's place, so the forename matches nothing
    found = forename_links(
        "The Ana Ruiz part of Ruiz's talk starts at the 7 minute mark.",
        "The Luis Vega part of Ruiz's talk starts at the 7 minute mark.",
        known,
    )
    assert found["Ana"] is not WordStatus.MATCHED


def test_a_surname_opening_a_longer_name_takes_no_forename():
    # "Ruiz Harbor Works" is a body named for her, not Ana Ruiz herself
    known = {"ruiz": frozenset({"ana"})}
    found = forename_links(
        "Ana Ruiz hosted the ferry fair in June.", "Ruiz Harbor Works hosted the fair.", known
    )
    assert found["Ana"] is not WordStatus.MATCHED
    # while a surname before a plain word still takes it
    found = forename_links("Ana Ruiz hosted the fair.", "Ruiz hosted the fair.", known)
    assert found["Ana"] is WordStatus.MATCHED


SWAPPED_FIGURES = [
    # both moved onto the other's match
    (
        "The mayor polls at 56 percent favorable and 41 percent unfavorable.",
        "The mayor polls at 41 percent favorable and 56 percent unfavorable.",
    ),
    # one anchored, the other found across it
    (
        "The club lost 11 of the first 10 matches of the season.",
        "The club lost 10 of the first 11 matches of the season.",
    ),
]


@pytest.mark.parametrize(("claim", "evidence"), SWAPPED_FIGURES)
def test_figures_that_trade_places_are_substituted(claim, evidence):
    found = [status for _, status, _ in links(claim, evidence) if status is not WordStatus.ADDED]
    assert found.count(WordStatus.SUBSTITUTED) == 2


def test_figures_reordered_with_their_words_keep_their_places():
    found = links(
        "The plan scared 8% of Democrats and 60% of Republicans.",
        "The plan scared 60% of Republicans and 8% of Democrats.",
    )
    figures = [status for word, status, _ in found if word[0].isdigit()]
    assert figures == [WordStatus.MATCHED, WordStatus.MATCHED]


def test_a_unit_naming_the_source_stands_beside_its_neighbour_in_the_name():
    # "rights groups" names the claim's source: its "rights" stands on the attribution's
    # "rights", beside "groups", not on the first "rights" of the sentence, which the
    # claim's "fights" is put for
    evidence = "Curbs on the rights of renters spiked in Lyon, according to rights groups."
    claim = "Curbs on the fights of renters spiked in Lyon, according to rights groups."
    found = speaker_links(claim, evidence, lambda u: u.start >= claim.index("according"))
    at = {claim[k.unit.start : k.unit.end]: k.counterpart.start for k in found if k.counterpart}
    assert at["fights"] == evidence.index("rights")
    assert at["rights"] == evidence.index("rights groups")
    assert at["groups"] == evidence.index("groups")


def test_a_unit_naming_the_source_first_stands_beside_its_neighbour_in_the_name():
    # the claim names its source first: no word in the order has stood anywhere yet, and
    # "rights" stands on the "rights" of "rights groups", its neighbour's neighbour
    evidence = "Curbs on the rights of renters spiked in Lyon, according to rights groups."
    claim = "Rights groups said curbs on the fights of renters spiked in Lyon."
    found = speaker_links(claim, evidence, lambda u: u.end <= claim.index(" curbs"))
    at = {claim[k.unit.start : k.unit.end]: k.counterpart.start for k in found if k.counterpart}
    assert at["Rights"] == evidence.index("rights groups")
    assert at["fights"] == evidence.index("rights")


def test_a_unit_naming_the_source_stands_where_no_unit_in_the_order_stands():
    evidence = "Officials in Lyon dismissed the harbor plan on Friday, officials said."
    claim = "Officials in Lyon dismissed the harbor plan on Friday, officials said."
    # the name alone, no neighbour in it to stand beside
    found = speaker_links(claim, evidence, lambda u: u.start == claim.index("officials"))
    assert [k.counterpart.start for k in found if k.unit.norm == "officials"] == [
        0,
        evidence.index("officials"),
    ]


def test_words_appended_before_the_attribution_are_put_for_none_of_its_words():
    evidence = "The Lyon council will delay the harbor vote, according to people familiar with it."
    claim = (
        "The Lyon council will delay the harbor vote as part of a secret deal, "
        "according to people familiar with it."
    )
    found = speaker_links(claim, evidence, lambda u: u.start >= claim.index("according"))
    appended = {k.unit.norm: k.status for k in found if k.unit.norm in ("part", "secret", "deal")}
    assert appended == dict.fromkeys(("part", "secret", "deal"), WordStatus.ADDED)
