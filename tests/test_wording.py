"""A word put in the source's place (checks/wording.py) and one word spelt two ways
(align.py), on passages written for each rule."""

import pytest
from helpers import checker, claim, evidence

from factcheck import analysis
from factcheck.align import matches, spelling_variants
from factcheck.analysis import analyse_text, share_a_sense
from factcheck.checks import wording
from factcheck.codes import CODES
from factcheck.verify import build_case

check = checker(wording.check)


# (claim, source, the findings expected: (code, what its message says) in order)
CASES = {
    "a word put for another in its place": (
        "The council will cancel the vote on the harbor plan.",
        "The council will delay the vote on the harbor plan.",
        [("word-mismatch", "claim says \u201ccancel\u201d, source says \u201cdelay\u201d")],
    ),
    "a word where the source has a figure": (
        "The council approved right new ferry routes for Lyon.",
        "The council approved eight new ferry routes for Lyon.",
        [("word-mismatch", "claim says \u201cright\u201d, source says \u201ceight\u201d")],
    ),
    "the claim's last word, one neighbour": (
        "The Lyon council inspected the ferry.",
        "The Lyon council inspected the bridge.",
        [("word-mismatch", "claim says \u201cferry\u201d, source says \u201cbridge\u201d")],
    ),
    "a large number for another: WordNet's one synset for them is not read": (
        "The Lyon foundation will give away millions.",
        "The Lyon foundation will give away billions.",
        [("word-mismatch", "claim says \u201cmillions\u201d, source says \u201cbillions\u201d")],
    ),
    "a word put for one the source's attribution says again": (
        "Attempts to curb the fights of renters in Lyon have spiked sharply this year, "
        "according to rights groups.",
        "Attempts to curb the rights of renters in Lyon have spiked sharply this year, "
        "according to rights groups.",
        [("word-mismatch", "claim says \u201cfights\u201d, source says \u201crights\u201d")],
    ),
    "a letter changed in a source's word no lexicon knows, making one they know": (
        "The Lyon council voted on Friday to defend the harbor agency.",
        "The Lyon council voted on Friday to defund the harbor agency.",
        [("word-mismatch", "one letter from a word no lexicon knows (\u201cdefund\u201d)")],
    ),
    "a word sharing a rarer sense with the source's: a warning": (
        "The council will shift the vote on the harbor plan.",
        "The council will move the vote on the harbor plan.",
        [("word-substituted", "share only a rarer sense")],
    ),
    "one letter apart, a rarer sense shared: no rewording writes one for the other": (
        "The mayor takes the case for the harbor plan every week in Lyon.",
        "The mayor makes the case for the harbor plan every week in Lyon.",
        [("word-mismatch", "two words one letter apart")],
    ),
    "a dictionary word beside a rare one, one letter apart: the rare one is a word too": (
        "The harbor plan gained fraction with young voters in the spring.",
        "The harbor plan gained traction with young voters in the spring.",
        [("word-mismatch", "claim says \u201cfraction\u201d, source says \u201ctraction\u201d")],
    ),
    "two letters apart, a rarer sense shared: a warning as for any such pair": (
        "The council will cease the harbor market in June.",
        "The council will close the harbor market in June.",
        [("word-substituted", "share only a rarer sense")],
    ),
    "a word put for one word of the source's two-word phrase": (
        "When the family loved back to rural Ohio in 1990, the boy was twelve years old.",
        "When the family moved back to rural Ohio in 1990, the boy was twelve years old.",
        [("word-mismatch", "claim says \u201cloved\u201d, source says \u201cmoved\u201d")],
    ),
    "two words where the source's phrase has two others": (
        "When the family drove home to rural Ohio in 1990, the boy was twelve years old.",
        "When the family moved back to rural Ohio in 1990, the boy was twelve years old.",
        [],
    ),
    "a phrase one letter from the source's: no slip, every word known": (
        "In Ohio, the governor kicked up all 66 delegates on Tuesday night.",
        "In Ohio, the governor picked up all 66 delegates on Tuesday night.",
        [("word-mismatch", "claim says \u201ckicked up\u201d, source says \u201cpicked up\u201d")],
    ),
    "a slip in a phrase's word the lexicons do not know matches": (
        "In Ohio, the governor pickd up all 66 delegates on Tuesday night.",
        "In Ohio, the governor picked up all 66 delegates on Tuesday night.",
        [],
    ),
    "a word put for the word beside a particle of the source's phrase": (
        "In Ohio, the governor packed up all 66 delegates on Tuesday night.",
        "In Ohio, the governor picked up all 66 delegates on Tuesday night.",
        [("word-mismatch", "claim says \u201cpacked\u201d, source says \u201cpicked\u201d")],
    ),
    "a particle of the source's phrase changed is the polarity check's": (
        "In Ohio, the governor picked down all 66 delegates on Tuesday night.",
        "In Ohio, the governor picked up all 66 delegates on Tuesday night.",
        [],
    ),
    "a word negated where the source's verb is a negative one: a warning": (
        "The council chose not to renew the harbor lease with the ferry company on Friday.",
        "The council declined to renew the harbor lease with the ferry company on Friday.",
        [("word-substituted", "negates what the source's verb does")],
    ),
    "the same word not negated: no denial to pair": (
        "The council chose to renew the harbor lease with the ferry company on Friday.",
        "The council declined to renew the harbor lease with the ferry company on Friday.",
        [("word-mismatch", "claim says \u201cchose\u201d, source says \u201cdeclined\u201d")],
    ),
    "a word no lexicon knows: a warning": (
        "The council will frobnicate the vote on the harbor plan.",
        "The council will delay the vote on the harbor plan.",
        [("word-substituted", "no lexicon knows \u201cfrobnicate\u201d")],
    ),
    "a source word no lexicon knows: a warning": (
        "The council will delay the vote on the harbor plan.",
        "The council will frobnicate the vote on the harbor plan.",
        [("word-substituted", "no lexicon knows \u201cfrobnicate\u201d")],
    ),
    "a dictionary form shares the sense ('declined' / 'refused')": (
        "The council declined the offer for the harbor plan.",
        "The council refused the offer for the harbor plan.",
        [],
    ),
    "what two quantities count, in one unit once converted, is the number check's": (
        "The council has run the harbor for more than two decades.",
        "The council has run the harbor for more than 20 years.",
        [],
    ),
    "what a number counts, where only the numbers agree (a year matches a year)": (
        "The council published its 2016 resort on the harbor plan.",
        "The council published its 2016 report on the harbor plan.",
        [("word-mismatch", "claim says \u201cresort\u201d, source says \u201creport\u201d")],
    ),
    "a word where the source has a hedge, the words around it the same": (
        "The harbor plan is lively to pass the council in June.",
        "The harbor plan is likely to pass the council in June.",
        [("word-mismatch", "claim says \u201clively\u201d, source says \u201clikely\u201d")],
    ),
    "a word after a title the claim's shorter title stands on whole": (
        "The mayor met the secretary of slate in Lyon last week.",
        "The mayor met the secretary of state in Lyon last week.",
        [("word-mismatch", "claim says \u201cslate\u201d, source says \u201cstate\u201d")],
    ),
    "a phrase of the claim where the source has its words as units of their own": (
        "Harbor fees in Lyon have been picking up since the ferry strike.",
        "Harbor fees in Lyon have been ticking up since the ferry strike.",
        [("word-mismatch", "claim says \u201cpicking up\u201d, source says \u201cticking\u201d")],
    ),
    "the same phrase with a word more in the source's: no word put for another": (
        "Harbor fees in Lyon have been picking up since the ferry strike.",
        "Harbor fees in Lyon have been ticking up again since the ferry strike.",
        [],
    ),
    "a word put for one of a phrase the source says whole, the word matched elsewhere": (
        "Lyon sets its harbor apart as a leader on the putting edge of ferry design.",
        "Lyon sets its harbor apart as a leader on the cutting edge of ferry design.",
        [("word-mismatch", "claim says \u201cputting\u201d, source says \u201ccutting\u201d")],
    ),
    "a name put for a word of a phrase the source says whole is the entity check's": (
        "Lyon sets its harbor apart as a leader on the Boston edge of ferry design.",
        "Lyon sets its harbor apart as a leader on the cutting edge of ferry design.",
        [],
    ),
    "a word before a figure where the source's figure opens with another": (
        "The city will spend nearby 150,000 euros on the ferry.",
        "The city will spend nearly 150,000 euros on the ferry.",
        [("word-mismatch", "claim says \u201cnearby\u201d, source says \u201cnearly\u201d")],
    ),
    "a word where the source has a function word: added, not put for it": (
        "He was formerly the mayor of Lyon and the head of its harbor board.",
        "He was then the mayor of Lyon and the head of its harbor board.",
        [("word-added", "the claim adds \u201cformerly\u201d")],
    ),
    "a hedge put for a hedge: the hedge check's": (
        "The harbor plan is expected to pass the council in June.",
        "The harbor plan is likely to pass the council in June.",
        [("word-added", "the claim adds \u201cexpected\u201d")],
    ),
    "a word where the source has another, the words around it differing": (
        "The harbor plan is so lively to pass the council in June.",
        "The harbor plan is likely to pass the council in June.",
        [("word-added", "the claim adds \u201clively\u201d")],
    ),
    "a word after a determiner written against a bracket": (
        "The mayor backed the ferry plan (a secret arrangement with Lyon) on Friday.",
        "The mayor backed the ferry plan (an arrangement with Lyon) on Friday.",
        [("modifier-added", "the claim adds \u201csecret\u201d")],
    ),
    "a word after a determiner written against a dash": (
        "The ferry links Nice with Lyon\u2014a secret partner city of Turin\u2014every day.",
        "The ferry links Nice with Lyon\u2014a partner city of Turin\u2014every day.",
        [("modifier-added", "the claim adds \u201csecret\u201d")],
    ),
    "a word after a comma is after no determiner": (
        "The ferry links Nice with Lyon, secretly, every day.",
        "The ferry links Nice with Lyon, every day.",
        [("word-added", "the claim adds \u201csecretly\u201d")],
    ),
    "a word matched by derivation to one another claim word says: added there": (
        "The informal information was sent to the council in June.",
        "The information was sent to the council in June.",
        [("modifier-added", "the claim adds \u201cinformal\u201d")],
    ),
    "a word matched by a related sense to one another claim word says: added there": (
        "Two volunteers ran an unpaid phone bank in Lyon on Friday.",
        "Two volunteers ran a phone bank in Lyon on Friday.",
        [("modifier-added", "the claim adds \u201cunpaid\u201d")],
    ),
    "two words matched to one the claim never says as written: neither is told added": (
        "The informal informative note was sent to the council in June.",
        "The information was sent to the council in June.",
        [("word-added", "the claim adds \u201cnote\u201d")],
    ),
    "a word matched to one another claim word says, the source's own between": (
        "In a poll released Monday, 31% of Republicans and Republican-leaning voters said they "
        'were "very keen" about voting, compared with 23% of Democrats and Democratic-leaning '
        "voters.",
        "In a poll released Monday, 31% of Republicans and Republican-leaning voters said they "
        'were "very keen" about voting, compared with 23% of Democrats and Democratic-leaning '
        "voters.",
        [],
    ),
    "a word the claim repeats as written is no word added": (
        "The council approved the harbor plan; the plan costs 5 million euros.",
        "The council approved the harbor plan, which costs 5 million euros.",
        [],
    ),
    "a short verb form no dictionary lists, read by its stem ('sued' / 'sue')": (
        "The mayor sued the harbor board over the ferry contract in June.",
        "The mayor criticized the harbor board over the ferry contract in June.",
        [("word-mismatch", "claim says \u201csued\u201d, source says \u201ccriticized\u201d")],
    ),
    "a word put for the first of the source's phrase, its particle a unit of the claim": (
        "The harbor board founded out its list of ferry routes on Friday.",
        "The harbor board rounded out its list of ferry routes on Friday.",
        [("word-mismatch", "the two words share no sense")],
    ),
    "a word put for the last word of a quantity the source writes in several": (
        "The ferry company has run the harbor route for more than a decide.",
        "The ferry company has run the harbor route for more than a decade.",
        [("word-mismatch", "the two words share no sense")],
    ),
    "a word put inside a phrase the source says whole": (
        "The harbor board is in the secret midst of a long budget fight with the city of Lyon "
        "over ferry fares and port fees.",
        "The harbor board is in the midst of a long budget fight with the city of Lyon over "
        "ferry fares and port fees.",
        [("modifier-added", "the claim adds \u201csecret\u201d inside \u201cin the midst\u201d")],
    ),
    "a word put inside an idiom at the claim's end": (
        "The new harbor master of Lyon said he would learn about ferry fares and port fees on "
        "the controversial job.",
        "The new harbor master of Lyon said he would learn about ferry fares and port fees on "
        "the job.",
        [("modifier-added", "the claim adds \u201ccontroversial\u201d inside")],
    ),
    "a word put inside a phrase of the claim's quotation is the quote checks'": (
        'The mayor said the harbor board was "in the secret midst of a long budget fight" with '
        "the city of Lyon over ferry fares.",
        'The mayor said the harbor board was "in the midst of a long budget fight" with the '
        "city of Lyon over ferry fares.",
        [],
    ),
    "a word put for one word of a phrase the source says whole": (
        "In other works, the harbor board will not vote on the ferry plan for Lyon before June.",
        "In other words, the harbor board will not vote on the ferry plan for Lyon before June.",
        [("word-mismatch", "claim says \u201cworks\u201d, source says \u201cwords\u201d")],
    ),
    "a function word put inside a phrase adds nothing": (
        "The harbor board is in the very midst of a long budget fight with the city of Lyon "
        "over ferry fares and port fees.",
        "The harbor board is in the midst of a long budget fight with the city of Lyon over "
        "ferry fares and port fees.",
        [],
    ),
    "a word after the determiner of a source named after a word the evidence says twice": (
        "In June the harbor board asked the city to buy the ferry company, according to a "
        "secret court filing.",
        "The board met in May. In June the harbor board asked the city to buy the ferry "
        "company, according to a court filing.",
        [("modifier-added", "the claim adds \u201csecret\u201d")],
    ),
    "a word put for one of the words naming the source": (
        "According to a decent poll of Lyon voters, the harbor plan has the support of 40% of "
        "them.",
        "According to a recent poll of Lyon voters, the harbor plan has the support of 40% of "
        "them.",
        [("word-mismatch", "claim says \u201cdecent\u201d, source says \u201crecent\u201d")],
    ),
    "a word every unnamed source shares put for another: the speaker check's": (
        "According to a top official, the harbor board will vote on the ferry plan in June.",
        "According to a senior official, the harbor board will vote on the ferry plan in June.",
        [],
    ),
    "a word in place of one a derivation of the claim's stands on": (
        "The board seeks to present harbor accidents through what it calls accident "
        "prevention rules for ferries.",
        "The board seeks to prevent harbor accidents through what it calls accident "
        "prevention rules for ferries.",
        [("word-mismatch", "claim says \u201cpresent\u201d, source says \u201cprevent\u201d")],
    ),
    "a phrase of the claim put for a word: its content word is compared, not 'the'": (
        "Being convicted of a crime, no matter how minor, can raise the states exponentially "
        "for a harbor worker in Lyon.",
        "Being convicted of a crime, no matter how minor, can raise the stakes exponentially "
        "for a harbor worker in Lyon.",
        [("word-mismatch", "the two words share no sense")],
    ),
    "a synonym the lexicons know": (
        "The council will purchase the harbor land in March.",
        "The council will buy the harbor land in March.",
        [],
    ),
    "the words reordered: no place to stand in": (
        "The council will cancel the vote on the harbor plan.",
        "The vote on the harbor plan will be delayed, the council said.",
        [],
    ),
    "a word of the claim's own quotation is the quote check's": (
        "Residents said the toll was \u201ca cruel tax\u201d on commuters.",
        "Residents said the toll was \u201ca cruel fee\u201d on commuters.",
        [],
    ),
    "a name substituted is the entity check's": (
        "Harbor officials met the mayor in Lyon on Friday.",
        "Harbor officials met the mayor in Paris on Friday.",
        [],
    ),
    "an opposite is the polarity check's": (
        "The bakery fired twelve bakers from Lyon last spring.",
        "The bakery hired twelve bakers from Lyon last spring.",
        [],
    ),
    "a word added where the source has nothing": (
        "The council will vote on the new harbor plan.",
        "The council will vote on the harbor plan.",
        [("modifier-added", "the claim adds \u201cnew\u201d ")],
    ),
    "the source's word in that place is where another claim word stands": (
        "Officials said the bakers praised the harbor plan and the union.",
        "Officials said the union praised the harbor plan.",
        [],
    ),
    "evidence that does not bear on the claim": (
        "The council will cancel the marathon in Lyon next spring after a long debate.",
        "The council will delay the marathon.",
        [],
    ),
    "an adjective between two words side by side": (
        "The council approved the secret harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
        [("modifier-added", "the claim adds \u201csecret\u201d ")],
    ),
    "an adjective after a possessive name": (
        "The council approved Lyon's secret harbor plan on Friday.",
        "The council approved Lyon's harbor plan on Friday.",
        [("modifier-added", "the claim adds \u201csecret\u201d ")],
    ),
    "a word after a word that opens no noun phrase": (
        "The council approved harbor plans quickly on Friday.",
        "The council approved harbor plans on Friday.",
        [("word-added", "the claim adds \u201cquickly\u201d ")],
    ),
    "an adverb before the verb": (
        "The council unanimously approved the harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
        [("word-added", "the claim adds \u201cunanimously\u201d ")],
    ),
    "the source has a word of its own there (a substitution, not an addition)": (
        "The council approved the secret harbor plan on Friday.",
        "The council approved the new harbor plan on Friday.",
        [("word-mismatch", "claim says \u201csecret\u201d, source says \u201cnew\u201d")],
    ),
    "after the source's last word": (
        "The council approved the harbor plan on Friday evening.",
        "The council approved the harbor plan on Friday.",
        [("word-added", "the claim adds \u201cevening\u201d ")],
    ),
    "before the source's first word": (
        "Temporary harbor fees were approved by the council on Friday.",
        "Harbor fees were approved by the council on Friday.",
        [("word-added", "the claim adds \u201cTemporary\u201d ")],
    ),
    "the claim's last word where the source goes on": (
        "The council approved the harbor plan on Friday evening.",
        "The council approved the harbor plan on Friday after a long debate.",
        [],
    ),
    "the neighbours stand apart in the source (reordered)": (
        "The council approved the harbor plan quickly on Friday.",
        "On Friday the harbor plan was approved by the council.",
        [],
    ),
    "a word of the claim's quotation is the quote check's": (
        "The mayor called the harbor plan \u201ca secret deal\u201d on Friday.",
        "The mayor called the harbor plan \u201ca deal\u201d on Friday.",
        [],
    ),
    "a word describing the claim's source is the speaker check's": (
        "Local officials said the council approved the harbor plan on Friday.",
        "Officials said the council approved the harbor plan on Friday.",
        [],
    ),
    "a word after the determiner of the words naming the claim's source": (
        "A secret senior official said the council approved the harbor plan on Friday.",
        "A senior official said the council approved the harbor plan on Friday.",
        [("modifier-added", "the claim adds \u201csecret\u201d before \u201csenior\u201d")],
    ),
    "a name after the determiner of the words naming the claim's source": (
        "A Japanese official said the council approved the harbor plan on Friday.",
        "An official said the council approved the harbor plan on Friday.",
        [("modifier-added", "the claim adds \u201cJapanese\u201d before \u201cofficial\u201d")],
    ),
    "a word naming the claim's source that the source says elsewhere": (
        "A defense official said the council approved the harbor plan on Friday.",
        "An official said the council approved the harbor plan on Friday, the defense ministry "
        "said.",
        [],
    ),
    "a word naming the claim's source, put for a word every unnamed source shares": (
        # the claim describes its source with what the source does not say; the speaker
        # check takes the two for one unnamed source
        "A secret official said the council approved the harbor plan on Friday.",
        "A senior official said the council approved the harbor plan on Friday.",
        [("word-mismatch", "claim says \u201csecret\u201d, source says \u201csenior\u201d")],
    ),
    "a word every unnamed source shares, added to the words naming it": (
        "A senior official said the council approved the harbor plan on Friday.",
        "An official said the council approved the harbor plan on Friday.",
        [],
    ),
    "a word naming the claim's source put for another is the speaker check's": (
        "A harbor official said the council approved the harbor plan on Friday.",
        "A port official said the council approved the harbor plan on Friday.",
        [],
    ),
    "a name added is claim-adds'": (
        "The council approved the Lyon harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
        [],
    ),
    "a word the source says elsewhere, put in another's place": (
        "The new command is armed at giving the armed forces more power in Tokyo.",
        "The new command is aimed at giving the armed forces more power in Tokyo.",
        [("word-mismatch", "claim says \u201carmed\u201d, source says \u201caimed\u201d")],
    ),
    "a word matching another of the sentence by its stem, put in another's place": (
        "The mayor's slow handling of the polite shooting in Chicago made him a political pariah.",
        "The mayor's slow handling of the police shooting in Chicago made him a political pariah.",
        [("word-mismatch", "claim says \u201cpolite\u201d, source says \u201cpolice\u201d")],
    ),
    "a word a rewording moves: the claim says it once, as the source does": (
        "In Lyon the harbor mayor won about 40 percent of the vote in the race.",
        "In Lyon the harbor mayor received about 40 percent of the vote to win the race.",
        [],
    ),
    "a word said elsewhere where the source has two words between: none it stands for": (
        "The mayor visited the port on Monday and the port on Friday.",
        "The mayor visited the busy old harbor on Monday and the port on Friday.",
        [],
    ),
    "a name said elsewhere, put in another's place, is not a plain word": (
        "Officials from Lyon met officials from Lyon at the harbor on Monday.",
        "Officials from Lyon met officials from Paris at the harbor on Monday.",
        [],
    ),
    "a word said elsewhere, naming the claim's source, is the speaker check's": (
        "Harbor council said the council approved the harbor plan on Friday.",
        "Harbor officials said the council approved the harbor plan on Friday.",
        [],
    ),
    "a word said elsewhere in place of one the claim says later: still put for it": (
        "On Monday the mayor thanked the council and thanked the port staff in Lyon, and "
        "praised them.",
        "On Monday the mayor praised the council and thanked the port staff in Lyon.",
        [("word-mismatch", "claim says \u201cthanked\u201d, source says \u201cpraised\u201d")],
    ),
    "a word said twice, the alignment reading the other one": (
        "The mayor rejoiced in Lyon with fishermen, declaring it \u201canother fine season for "
        "our harbor\u201d and said it was another step closer to building the port.",
        "The mayor rejoiced in Lyon with fishermen, declaring it \u201canother fine season for "
        "our harbor\u201d and said it was another step closer to building the port.",
        [],
    ),
    "a neighbour that is itself no match": (
        "On Friday the city council approved the secret ferry plan for the port of Lyon.",
        "On Friday the city council approved the harbor plan for the port of Lyon.",
        [],
    ),
}


@pytest.mark.parametrize(
    ("claim_text", "source_text", "expected"), CASES.values(), ids=CASES.keys()
)
def test_word_in_the_sources_place(claim_text, source_text, expected):
    found = check(claim(claim_text), evidence(source_text))
    assert [f.code for f in found] == [code for code, _ in expected]
    for finding, (_, said) in zip(found, expected, strict=True):
        assert finding.verdict is CODES[finding.code].verdict and said in finding.message


def test_the_claims_last_word_where_two_evidence_units_share_a_span():
    # A forename the source puts before a surname stands on the surname's span as a unit of
    # its own ("Bush" also reads "George"): the end of the evidence lies past its last unit,
    # not past its last span, or the claim's last word reads as one added at the end.
    source = "Former President Bush said the inquiry did not warrant criminal charges."
    text = "Former President Bush said the inquiry did not warrant criminal changes."
    (passage,) = evidence(source)
    passage.forenames = {"bush": frozenset({"george"})}
    case = build_case(claim(text), [passage])
    assert len({(u.start, u.end) for u in case.best.units}) < len(case.best.units)
    found = wording.check(case)
    assert [f.code for f in found] == ["word-mismatch"]
    assert "claim says \u201cchanges\u201d, source says \u201ccharges\u201d" in found[0].message


@pytest.mark.parametrize(
    ("mine", "theirs", "same"),
    [
        ("millions", "billions", False),  # "a large indefinite quantity", one synset
        ("billion", "trillion", False),
        ("dozens", "lots", False),  # "a large number"
        ("millions", "million", True),  # one word, two numbers of it
        ("lots", "heaps", True),  # no number word: read by their synsets as before
    ],
)
def test_a_number_word_matches_only_itself(mine, theirs, same):
    assert matches(claim_word(mine), claim_word(theirs)) is same


def claim_word(norm):
    (unit,) = analyse_text(norm).units
    return unit


@pytest.mark.parametrize(
    ("mine", "theirs", "shared"),
    [
        ("fall", "drop", True),  # one synset, not among the most frequent senses of both
        ("shifting", "moved", True),  # "shift" links to "move" (dictionary forms of both)
        ("declined", "refused", True),
        ("council", "committee", False),  # two bodies, no sense in common
        ("lively", "likely", False),  # one letter apart, nothing else
        ("frobnicate", "delay", None),  # a word WordNet does not know
        ("delay", "frobnicate", None),
    ],
)
def test_words_share_a_sense_in_any_sense_of_each(mine, theirs, shared):
    assert share_a_sense(mine, theirs) is shared


def test_how_many_links_apart_two_senses_may_be(monkeypatch):
    monkeypatch.setattr(analysis, "SENSE_LINKS_APART", 0)
    assert share_a_sense("fall", "drop") is True
    assert share_a_sense("shift", "move") is False
    monkeypatch.setattr(analysis, "SENSE_LINKS_APART", 1)
    assert share_a_sense("shift", "move") is True


def _unit(word: str):
    (unit,) = [u for u in analyse_text(f"They saw the {word} there.").units if u.norm == word]
    return unit


@pytest.mark.parametrize(
    ("mine", "theirs", "same"),
    [
        # British and American spellings of one word
        ("organisation", "organization", True),
        ("offence", "offense", True),
        ("colour", "color", True),
        ("travelled", "traveled", True),
        ("judgement", "judgment", True),
        # a typing slip of a word the lexicons know
        ("goverment", "government", True),
        # but a word the lexicons know is no slip for a source's word they do not: the
        # source's is as written, a word newer than the lexicons ("defund") or a slip there
        ("defend", "defund", False),
        ("government", "goverment", False),
        # two words the lexicons know, one letter apart
        ("rises", "rides", False),
        ("cause", "pause", False),
        ("lower", "power", False),
        ("later", "latter", False),
        # words of the dictionary never seen in WordNet's sense-tagged corpus are words too,
        # not typing slips of the word one letter away
        ("fraction", "traction", False),
        ("rapid", "rabid", False),
        ("expensive", "expansive", False),
        ("tracton", "traction", True),  # a slip of such a word still matches it
        # one letter apart, linked only by a derivation: another part of speech or word
        ("identify", "identity", False),
        ("qualify", "quality", False),
        ("economies", "economics", False),
        # while an inflection, or one word spelt two ways, shares a form or a synset
        ("crises", "crisis", True),
        ("advisor", "adviser", True),
        # and a derivation more than a letter apart still matches ("decided" / "decision")
        ("decision", "decided", True),
    ],
)
def test_one_word_spelt_two_ways_matches_another_word_does_not(mine, theirs, same):
    assert matches(_unit(mine), _unit(theirs)) is same


def test_a_title_word_one_letter_from_another_by_derivation_is_another_title():
    found = (
        analyse_text("an economies professor").units,
        analyse_text("an economics professor").units,
    )
    (mine, theirs) = (next(u for u in units if u.norm.startswith("econom")) for units in found)
    assert mine.kind == theirs.kind == "title" and not matches(mine, theirs)


def test_a_title_spelt_the_british_way_is_the_same_title():
    found = analyse_text("the defence minister").units, analyse_text("the defense minister").units
    (mine, theirs) = (next(u for u in units if u.norm.startswith("defen")) for units in found)
    assert mine.kind == theirs.kind == "title" and matches(mine, theirs)


@pytest.mark.parametrize(
    ("a", "b", "variants"),
    [
        ("realise", "realize", True),  # s / z
        ("licence", "license", True),  # c / s
        ("humour", "humor", True),  # "u" after "o"
        ("fulfil", "fulfill", True),  # a doubled "l"
        ("acknowledgement", "acknowledgment", True),  # "e" before "ment"
        ("hired", "fired", False),  # another letter exchanged
        ("cause", "case", False),  # a "u" after "a", not "o"
        ("dinner", "diner", False),  # a doubled letter other than "l"
        ("planet", "plane", False),  # a letter at the end
        ("place", "pace", False),  # an "l" beside no "l"
        ("morale", "moral", False),  # an "e" before no "ment"
    ],
)
def test_spelling_variants(a, b, variants):
    assert spelling_variants(a, b) is variants
    assert spelling_variants(b, a) is variants
