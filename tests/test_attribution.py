from pathlib import Path

import pytest
import yaml
from helpers import claim, evidence

from factcheck.attribution import attribute, attribute_sentence, describe, known_names
from factcheck.attribution.context import Context
from factcheck.attribution.phrases import SPEAKER_RULES, decide
from factcheck.model import Attribution, AttributionKind, Verdict
from factcheck.sources import parse_source
from factcheck.verify import verify

GOLD = yaml.safe_load(
    (Path(__file__).parent / "gold" / "us-japan-alliance-attribution.yaml").read_text(
        encoding="utf-8"
    )
)


def attributed(text):
    source = parse_source(text, "passage.txt")
    attribute(source.sentences, source.text)
    return source.content


def test_inverted_said_with_appositive_role():
    found = attribute_sentence("“We are ready,” said Jane Doe, president of the Acme Institute.")
    assert (found.kind, found.speaker, found.role) == (
        AttributionKind.NAMED,
        "Jane Doe",
        "president of the Acme Institute",
    )
    assert found.cue == "said" and found.speech == "direct"


def test_speaker_before_cue_after_quote():
    found = attribute_sentence("“We are ready,” Jane Doe said on Monday.")
    assert found.speaker == "Jane Doe" and found.kind is AttributionKind.NAMED


def test_according_to():
    found = attribute_sentence("The talks collapsed, according to two people familiar with them.")
    assert found.kind is AttributionKind.ANONYMOUS
    assert found.speaker == "two people familiar" or found.speaker.startswith("two people")
    assert found.cue == "according to" and found.speech == "indirect"


def test_title_before_name_goes_to_role():
    found = attribute_sentence("The plan is sound, Defense Minister Minoru Kihara said.")
    assert (found.speaker, found.role) == ("Minoru Kihara", "Defense Minister")
    found = attribute_sentence("“It works,” said retired Rear Admiral Michael Studeman.")
    assert found.speaker == "Michael Studeman" and found.role == "retired Rear Admiral"


def test_name_then_role_then_cue():
    found = attribute_sentence("“A good plan,” Ann Lee, the mayor of Springfield, said Tuesday.")
    assert (found.speaker, found.role) == ("Ann Lee", "the mayor of Springfield")


def test_anonymous_with_reason():
    found = attribute_sentence(
        "The deal is done, said a senior official, who spoke on condition of anonymity "
        "because the talks are private."
    )
    assert found.kind is AttributionKind.ANONYMOUS
    assert found.speaker == "a senior official"
    assert found.anonymity_reason == "the talks are private"


def test_media_and_document_kinds():
    assert attribute_sentence("Talks will start soon, the Asahi newspaper reported.").kind is (
        AttributionKind.MEDIA
    )
    found = attribute_sentence("The allies will cooperate, the joint statement said.")
    assert found.kind is AttributionKind.DOCUMENT and found.speaker == "the joint statement"


def test_organization_speaking_as_itself():
    found = attribute_sentence("The Defense Ministry said the drills would continue.")
    assert found.kind is AttributionKind.ORGANIZATION


def test_quoted_term_is_not_speech():
    assert attribute_sentence("They signed a formal “commitment to consult” last year.") is None
    content = attributed("The unit is a “Joint Force” headquarters.")
    assert content[0].attribution.kind is AttributionKind.UNATTRIBUTED


def test_hedge_is_said_to_is_not_attribution():
    assert attribute_sentence("The plan is said to include new missiles.") is None


def test_pronoun_resolves_to_earlier_named_speaker():
    content = attributed("“We are ready,” said Jane Doe, the mayor.\n\n“We will win,” she said.")
    assert content[1].attribution.speaker == "Jane Doe"
    assert content[1].attribution.kind is AttributionKind.NAMED


def test_surname_resolves_to_full_name_and_title():
    content = attributed(
        "Foreign Minister Yoko Kamikawa arrived.\n\n“It is serious,” Kamikawa said."
    )
    assert content[1].attribution.speaker == "Yoko Kamikawa"
    assert content[1].attribution.role == "Foreign Minister"


def test_a_full_name_with_another_forename_is_another_person():
    content = attributed(
        "Former President Bill Clinton arrived.\n\n"
        "Hillary Clinton argued that the harbor plan would fail."
    )
    assert content[1].attribution.speaker == "Hillary Clinton"
    # a lone surname two people share stays a surname: which one, nothing here tells
    content = attributed(
        "Bill Clinton arrived with Hillary Clinton.\n\n“It is serious,” Clinton said."
    )
    assert content[1].attribution.speaker == "Clinton"
    # while a short form of one forename names the same man
    content = attributed(
        "Ken Starr arrived.\n\nKenneth Starr spoke.\n\n“It is serious,” Starr said."
    )
    assert content[2].attribution.speaker == "Ken Starr"


def test_a_name_resolves_only_to_a_full_name_it_shortens():
    known = Context({"clinton": Attribution(AttributionKind.NAMED, "Bill Clinton")}, [])
    named = Attribution(AttributionKind.NAMED, "Hillary Clinton")
    assert known.resolve(named).speaker == "Hillary Clinton"
    assert known.resolve(Attribution(AttributionKind.NAMED, "Clinton")).speaker == "Bill Clinton"


def test_definite_description_resolves_to_earlier_anonymous_source():
    content = attributed(
        "“It is historic,” said a senior defense official.\n\n"
        "The goal is unity, the defense official said."
    )
    assert content[1].attribution.speaker == "a senior defense official"


def test_quote_paragraph_continues_previous_speaker():
    content = attributed("“We are ready,” said Jane Doe.\n\n“And we will stay ready.”")
    assert content[1].attribution.speaker == "Jane Doe"


def test_quote_spanning_sentences_keeps_speaker():
    content = attributed("“We are ready. We have trained for years,” said Jane Doe.")
    assert all(s.attribution.speaker == "Jane Doe" for s in content)


def test_reporting_clause_split_by_paragraph_break():
    content = attributed("“We will never give up on this city”\n\nsaid the mayor of Springfield.")
    assert content[0].attribution.is_attributed
    assert "mayor" in content[0].attribution.speaker


def test_known_names_collects_titles():
    names = known_names("Defense Secretary Lloyd Austin met Prime Minister Fumio Kishida.")
    assert names["austin"].speaker == "Lloyd Austin" and names["austin"].role == "Defense Secretary"
    assert names["kishida"].role == "Prime Minister"


def test_describe_rejects_non_speakers():
    assert describe("the plan") is None
    assert describe("it has") is None


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: f"{g['line']}:{g['starts'][:20]}")
def test_article_gold_attribution(article, gold):
    sentence = next(
        s for s in article.content if s.line == gold["line"] and s.text.startswith(gold["starts"])
    )
    found = sentence.attribution
    assert found.kind.value == gold["kind"]
    assert found.speaker == gold["speaker"]
    if "role" in gold:
        assert found.role == gold["role"]
    if "speech" in gold:
        assert found.speech == gold["speech"]
    if "reason" in gold:
        assert found.anonymity_reason == gold["reason"]


def test_article_unlisted_sentences_are_unattributed(article):
    listed = {(g["line"], g["starts"]) for g in GOLD}
    for sentence in article.content:
        if not any(
            sentence.line == line and sentence.text.startswith(starts) for line, starts in listed
        ):
            assert sentence.attribution.kind is AttributionKind.UNATTRIBUTED, sentence.text


def test_party_label_does_not_cut_the_name():
    found = attribute_sentence("“Deals are bad,” Oversight Chairman Jason Chaffetz (R-Utah) said.")
    assert (found.speaker, found.role) == ("Jason Chaffetz", "Oversight Chairman")


def test_role_noun_before_name():
    found = attribute_sentence("“We are pleased,” Trump lawyer Marc Kasowitz said.")
    assert (found.speaker, found.role) == ("Marc Kasowitz", "Trump lawyer")


def test_dash_byline_after_quote():
    found = attribute_sentence("“The most unqualified child to ever run.” \u2015 Francisco Herrero")
    assert found.speaker == "Francisco Herrero" and found.speech == "direct"


def test_transcript_label():
    found = attribute_sentence("PENCE: Well, look, this is serious business.")
    assert found.speaker == "PENCE" and found.kind is AttributionKind.NAMED


def test_participle_cue_takes_the_clause_subject():
    found = attribute_sentence(
        "During a speech, Trump attacked Clinton for her record, saying, “She is unstable.”"
    )
    assert found.speaker == "Trump"


def test_finite_cue_beats_participle():
    found = attribute_sentence(
        "Details are being worked out, defense officials said, noting that talks continue."
    )
    assert found.speaker == "defense officials"


def test_leading_clause_is_trimmed():
    found = attribute_sentence("When Clinton said that “we will win,” the crowd cheered.")
    assert found.speaker == "Clinton"


def test_honorific_with_surname_that_is_also_a_title():
    found = attribute_sentence('"It is all about enthusiasm," Mr. King added.')
    assert (found.speaker, found.role) == ("King", "Mr.")


def test_lowercase_role_words_before_a_name():
    found = attribute_sentence("According to talk radio host Rush Limbaugh, the move reeks.")
    assert (found.speaker, found.role) == ("Rush Limbaugh", "talk radio host")


def test_described_person_after_quote():
    found = attribute_sentence("“You pay your taxes,” a narrator in the Clinton ad asks.")
    assert found.kind is AttributionKind.ANONYMOUS and found.speaker.startswith("a narrator")


def test_lowercase_institution():
    found = attribute_sentence("The commission says that there were issues with the audio.")
    assert found.kind is AttributionKind.ORGANIZATION


def test_verbs_that_take_their_speaker_as_subject_do_not_invert():
    found = attribute_sentence("That Clinton once described the Trade Pact as “gold.”")
    assert found.speaker == "Clinton"
    assert attribute_sentence("Aides described the Trade Pact as a “gold standard.”").speaker == (
        "Aides"
    )


def test_name_comes_before_of_place():
    found = describe("Gov. Earl Ray Tomblin of West Virginia")
    assert (found.speaker, found.role) == ("Earl Ray Tomblin", "Gov. of West Virginia")


def test_role_then_name_then_cue():
    found = attribute_sentence("Another critic, Laurence H. Tribe, likened it to “burning it.”")
    assert (found.speaker, found.role) == ("Laurence H. Tribe", "Another critic")


def test_chained_dash_bylines_each_own_their_quote():
    content = attributed(
        "“He scares me.” \u2015 Krystal Correa “He is obsessed.” \u2015 Esther Tapia"
    )
    assert [s.attribution.speaker for s in content] == ["Krystal Correa", "Esther Tapia"]


# Forms found while measuring on PolNeAR; every passage below is written for these tests.


def test_name_particles_and_surnames_that_are_title_words():
    found = attribute_sentence("“We will rebuild,” said Mayor Bill de Blasio.")
    assert (found.speaker, found.role) == ("Bill de Blasio", "Mayor")
    found = attribute_sentence("“It matters,” said Charlie King, a New York Democrat.")
    assert (found.speaker, found.role) == ("Charlie King", "a New York Democrat")
    assert describe("Mr. King").speaker == "King"  # no given name: still a surname


def test_organization_named_with_connectors():
    found = attribute_sentence(
        "In a statement, the Association of Flight Attendants called the plan a “betrayal.”"
    )
    assert found.kind is AttributionKind.ORGANIZATION
    assert found.speaker == "the Association of Flight Attendants"
    # a title of the organization is a person's role, not the organization speaking
    assert describe("president of the United Federation of Teachers") is None


def test_poll_share_speaks_as_an_anonymous_group():
    found = attribute_sentence('Only 41 percent of likely voters said the plan was "fair."')
    assert found.kind is AttributionKind.ANONYMOUS
    assert found.speaker == "Only 41 percent of likely voters"


def test_relative_clause_and_stacked_appositives_before_the_cue():
    found = attribute_sentence(
        "Maria Lopez, president of the teachers union, which represents 5,000 educators, "
        'said the cuts were "reckless."'
    )
    assert found.speaker == "Maria Lopez"
    found = attribute_sentence(
        "“It is an overreach,” Dana Ortiz, the attorney general of Nevada, one of the states "
        "suing the agency, said on Monday."
    )
    assert found.speaker == "Dana Ortiz"
    assert found.role == "the attorney general of Nevada, one of the states suing the agency"


def test_coordinated_verb_shares_the_subject():
    found = attribute_sentence(
        'Governor Ana Ruiz toured the plant and said the closure was "a gut punch."'
    )
    assert (found.speaker, found.role, found.cue) == ("Ana Ruiz", "Governor", "said")


def test_stance_verb_counts_only_before_a_quotation():
    found = attribute_sentence('The council branded the proposal "a land grab."')
    assert (found.kind, found.speaker) == (AttributionKind.ORGANIZATION, "The council")
    assert attribute_sentence("The ranchers branded the cattle in May.") is None


def test_pronoun_is_the_subject_of_its_own_sentence():
    sentences = attributed(
        "Dr. Paul Reyes testified first. Senator Claire Dunn pressed the witness: "
        "“Why were the warnings ignored?” she said."
    )
    assert sentences[1].attribution.speaker == "Claire Dunn"


def test_main_clause_cue_wins_over_a_nested_one():
    found = attribute_sentence(
        "Mr. Hale said at a rally on Friday that his rival once described the deal as "
        "“the gold standard.”"
    )
    assert found.speaker == "Hale" and found.cue == "said"


def test_cue_beside_the_quote_wins_over_a_distant_one():
    found = attribute_sentence(
        "When Ms. Park noted the unpaid taxes, Mr. Hale boasted, “That makes me smart.”"
    )
    assert found.speaker == "Hale" and found.cue == "boasted"


def test_dash_byline_reaches_back_over_the_whole_quote():
    # opened with a closing mark, as in the web text this form was found in, the quote is
    # split into sentences, and only the last carries the byline
    sentences = attributed(
        "“Nobody listens to us.” \u2015 Carlos Vega\n"
        "\u201dFear. I am truly afraid that the measure will pass. The support it has is "
        "scary.\u201d \u2015 Rosa Mendez\n"
    )
    assert [s.attribution.speaker for s in sentences] == ["Carlos Vega"] + ["Rosa Mendez"] * 3


def test_participle_takes_the_name_it_follows():
    found = attribute_sentence("The ad shows footage of Senator Mark Lee asking, “Where is it?”")
    assert found.speaker == "Mark Lee" and found.cue == "asking"


def test_subject_after_an_opening_phrase_without_one():
    found = attribute_sentence(
        "Following a hastily called, late-night meeting, the board issued a statement "
        'calling the vote "a mistake."'
    )
    assert (found.kind, found.speaker) == (AttributionKind.ORGANIZATION, "the board")


def test_transcript_label_inside_an_opening_quote():
    found = attribute_sentence('"HOLT: Let me ask you about trade.')
    assert found.speaker == "HOLT" and found.speech == "direct"


def test_possessor_of_a_speech_noun_ranks_below_a_verb():
    found = attribute_sentence(
        "Fact-checkers examined Mr. Hale\u2019s claim that crime had reached “record levels.”"
    )
    assert found.speaker == "Hale" and found.cue == "claim"
    found = attribute_sentence("Ms. Park called Mr. Hale\u2019s remarks “a disgrace.”")
    assert found.speaker == "Park" and found.cue == "called"


def test_passive_agent():
    found = attribute_sentence("“Night Train” was written by Jimmy Forrest in 1951.")
    assert found.speaker == "Jimmy Forrest" and found.cue == "written by"


def test_document_nouns_and_outlets():
    found = attribute_sentence("“The state cannot purge voters for not voting,” said the ruling.")
    assert (found.kind, found.speaker) == (AttributionKind.DOCUMENT, "the ruling")
    found = attribute_sentence(
        "He was seen, as The New Yorker put it in a long profile, “the operator.”"
    )
    assert (found.kind, found.speaker) == (AttributionKind.MEDIA, "The New Yorker")


def test_speaker_is_cut_before_a_participle_clause():
    found = attribute_sentence('Protesters marching through the streets chanted "No justice."')
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "Protesters")
    # after an inverted cue, a name followed by a participle is an object, not the speaker
    found = attribute_sentence(
        'Ben Rhodes, an aide, recalled Mr. Obama talking about "Collapse," a best seller.'
    )
    assert found.speaker == "Ben Rhodes"


def test_headline_in_capitals_is_not_a_speaker():
    assert describe("CONGRESS HAS INVESTIGATED HIM") is None


def test_without_saying_is_not_speech():
    assert attribute_sentence("It goes without saying that taxes are unpopular.") is None


# Speaker-phrase rules: each on a passage written for it, asserting the rule that decided.


def decided(text):
    found = attribute_sentence(text)
    assert found is not None, text
    return found


def test_rule_one_or_another_is_a_new_unnamed_speaker():
    found = decided("“The bridge will not open this year,” said another.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "another")
    assert "one-or-another" in found.rules
    found = decided("“The bridge will not open this year,” one said.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "one")
    passage = (
        "“The toll is too high,” Mara Lindqvist said.\n\n“The bridge will not open,” one said."
    )
    assert attributed(passage)[1].attribution.speaker == "one"  # not the previous speaker


def test_rule_surname_that_is_a_word():
    found = decided("White said: “The budget holds no surprises for anyone.”")
    assert (found.kind, found.speaker) == (AttributionKind.NAMED, "White")
    assert "surname-that-is-a-word" in found.rules


def test_rule_two_names():
    found = decided(
        "Okafor and Lindqvist wrote that the survey was “deeply flawed from the start.”"
    )
    assert (found.kind, found.speaker) == (AttributionKind.NAMED, "Okafor and Lindqvist")
    assert "two-names" in found.rules


def test_rule_name_of_place():
    found = decided("“Turnout will be low,” said Priya Raman of the Harbor Research Group.")
    assert (found.speaker, found.role) == ("Priya Raman", "of the Harbor Research Group")
    assert "name-of-place" in found.rules


def test_rule_descriptor_then_name():
    found = decided("“Sleep matters more than diet,” psychologist Jane Roe says.")
    assert (found.speaker, found.role) == ("Jane Roe", "psychologist")
    assert "descriptor-then-name" in found.rules


def test_rule_article_adjective_name():
    found = decided("A smiling Roe said the vote was “a clear win for the valley towns.”")
    assert (found.kind, found.speaker, found.role) == (AttributionKind.NAMED, "Roe", None)
    assert "article-adjective-name" in found.rules


def test_rule_role_with_a_multi_word_place():
    found = decided("Ambassador to South Korea Philip Goldberg said the talks would resume.")
    assert (found.speaker, found.role) == ("Philip Goldberg", "Ambassador to South Korea")
    found = decided("Ambassador to the United Nations Mary Adeyemi said the vote was close.")
    assert found.speaker == "Mary Adeyemi"


def test_rule_slot_described_speaker():
    found = decided("“The harvest came late and small,” said an Iowa Democrat.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "an Iowa Democrat")
    assert "slot:described-speaker" in found.rules
    found = decided("“We will not sign it,” the progressive heavyweights wrote in a letter.")
    assert found.speaker == "the progressive heavyweights"
    found = decided("“Prices will rise,” the 46-year-old said.")
    assert found.speaker == "the 46-year-old"


def test_slot_needs_the_quote_beside_the_cue():
    # the same phrase with no quote beside the cue is not vouched for by its position
    assert attribute_sentence("After the storm the 46-year-old said nothing at all.") is None


def test_rule_media_head_noun_and_owner_organization():
    found = decided("News reports said the plant had “never passed an inspection.”")
    assert found.kind is AttributionKind.MEDIA
    found = decided("The network said the interview was “edited for length and clarity.”")
    assert found.kind is AttributionKind.MEDIA
    found = decided("On Monday, her campaign said it would “fight on until the convention.”")
    assert (found.kind, found.speaker) == (AttributionKind.ORGANIZATION, "her campaign")
    found = decided("“We are ready for the final,” the team wrote.")
    assert found.kind is AttributionKind.ORGANIZATION


def test_rule_poll_share_in_words():
    found = decided("Forty-one percent of respondents say the economy is “getting worse.”")
    assert found.kind is AttributionKind.ANONYMOUS and "poll-share" in found.rules


def test_speech_verb_inverts_right_after_a_quote():
    found = decided("“Nobody reads the fine print,” mused Blaze host Tom Ekwueme.")
    assert found.speaker == "Tom Ekwueme"
    found = decided("“We will rebuild the pier by spring,” Roe vowed.")
    assert found.speaker == "Roe" and found.cue == "vowed"


def test_rule_according_to_vouches_for_an_earlier_cue():
    found = decided(
        "“The pier stays shut,” Roe said at a briefing, according to the Harbor Gazette."
    )
    assert found.speaker.endswith("Harbor Gazette") and "according-to-vouches" in found.rules
    # without the closing "according to" the verb's speaker stands
    assert decided("“The pier stays shut,” Roe said at a briefing.").speaker == "Roe"


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        # "according to X" opening the sentence, or set off by commas
        ("According to the Harbor Gazette, Roe said: “The pier stays shut.”", "the Harbor Gazette"),
        ("“The pier stays shut,” Roe told reporters, according to Reuters, on Friday.", "Reuters"),
        # an outlet's "reported" closing it
        (
            "“The pier stays shut,” Roe said on Friday, the Bangor Sentinel reported.",
            "the Bangor Sentinel",
        ),
        (
            "Roe called the toll “a tax on fishermen,” reported the Harbor Herald.",
            "the Harbor Herald",
        ),
        # inside the reported clause: the speaker's own source, not the reporter's
        ("Roe said that according to its survey the pier is “beyond repair.”", "Roe"),
        # "as first reported by": where a document surfaced, not who reports the quote
        ("“The pier stays shut,” Roe wrote in a memo first reported by CNN.", "Roe"),
    ],
)
def test_rule_outer_source_vouches(passage, speaker):
    assert decided(passage).speaker == speaker


def test_outer_source_vouching_is_recorded():
    found = decided("“The pier stays shut,” Roe said on Friday, the Bangor Sentinel reported.")
    assert found.kind is AttributionKind.MEDIA and "according-to-vouches" in found.rules


def test_opening_participle_phrase_is_not_the_subject():
    found = decided(
        "Speaking in Ohio on Tuesday, Mara Lindqvist defended the budget, saying it was "
        "“the best we could do with the money we had.”"
    )
    assert found.speaker == "Mara Lindqvist" and "participle-of-subject" in found.rules


def test_speaker_summary_counts_sentences_and_the_anonymous_share():
    from factcheck.attribution.summary import speaker_summary

    source = parse_source(
        "The harbor will close in May, a port official said.\n\n"
        "The official spoke on condition of anonymity.\n\n"
        "“We have no choice,” Mara Lindqvist said.\n\n"
        "Repairs could cost more than planned, a second official said.\n",
        "passage.txt",
    )
    attribute(source.sentences, source.text)
    summary = speaker_summary(source.sentences)
    by_speaker = {(c.speaker, c.kind): c.sentences for c in summary.speakers}
    assert by_speaker[("Mara Lindqvist", AttributionKind.NAMED)] == 1
    assert by_speaker[(None, AttributionKind.UNATTRIBUTED)] == 1
    assert (summary.anonymous, summary.attributed) == (2, 3)
    assert summary.anonymous_share == pytest.approx(2 / 3)


def test_sources_json_carries_the_speaker_summary():
    import json

    from factcheck.formats.json import render_sources

    source = parse_source("“We have no choice,” Mara Lindqvist said.\n", "passage.txt")
    attribute(source.sentences, source.text)
    document = json.loads(render_sources([source]))["sources"][0]
    assert document["speakers"] == [{"speaker": "Mara Lindqvist", "kind": "named", "sentences": 1}]
    assert document["anonymous"] == {"sentences": 0, "attributed": 1, "share": 0.0}


def test_rule_slot_described_name():
    found = decided("“He keeps his word,” said longtime pal Tomas Okafor.")
    assert (found.speaker, found.role) == ("Tomas Okafor", "longtime pal")
    assert "slot:described-name" in found.rules


def test_rule_colon_before_quote():
    found = decided("Lindqvist resisted: “The council cannot suspend the rules on its own.”")
    assert found.speaker == "Lindqvist" and "colon-before-quote" in found.rules
    found = decided("From the report: “Four of the six pumps failed their last inspection.”")
    assert (found.kind, found.speaker) == (AttributionKind.DOCUMENT, "the report")
    found = decided("In an interview on Friday, Roe went further: “We will close the pier.”")
    assert found.speaker == "Roe"


def test_colon_after_a_long_clause_names_no_speaker():
    text = "The mayor has adopted the view common among harbor towns: “small is beautiful.”"
    found = attribute_sentence(text)
    assert found is None or "colon-before-quote" not in found.rules


def test_dateline_is_never_a_speaker():
    found = decided("HARBORVILLE, Maine \u2014 Roe defended the budget, saying it was “enough.”")
    assert found.speaker == "Roe"
    found = decided("PORT ELLIS \u2013 The ministers agreed, saying the deal was “overdue.”")
    assert found.speaker == "The ministers"


def test_opening_time_phrase_and_subordinate_clause_are_not_the_subject():
    found = decided("Hours later, Roe returned the favor, telling reporters, “We are friends.”")
    assert found.speaker == "Roe"
    found = decided(
        "In June, after Okafor lost the vote, Lindqvist wrote to him, saying “we need you.”"
    )
    assert found.speaker == "Lindqvist"


def test_time_phrase_after_a_name_is_not_part_of_it():
    found = decided("Roe at the time said the pier was “beyond repair.”")
    assert (found.speaker, found.rules[-1]) == ("Roe", "speaker-then-verb")
    assert decided("Gov. Mara Lind on Thursday said the pier was “unsafe.”").speaker == "Mara Lind"


def test_rule_quote_closed_back_gives_the_whole_quote_its_speaker():
    passage = "“We planned for this.\nThat is why the pier closed,” Mara Lindqvist said.\n"
    content = attributed(passage)
    assert all(s.attribution.speaker == "Mara Lindqvist" for s in content)
    assert "context:quote-closed-back" in content[0].attribution.rules


# Every speaker-phrase rule decides a phrase written for it (refusing rules refuse it).
PHRASE_PASSAGES = {
    "headline-in-capitals": ("THE HARBOR WILL CLOSE", None),
    "dash-inside": ("Roe \u2014 and Lind", None),
    "clause-inside": ("the pilot held a meeting and", None),
    "state-name": ("New Hampshire", None),
    "country-or-capital": ("Berlin", "Berlin"),
    "one-or-another": ("another harbor pilot", "another harbor pilot"),
    "quantifier-alone": ("Several", "Several"),
    "not-a-noun-phrase": ("whether the pilots", None),
    "role-without-name": ("president of the Harbor Pilots Guild", None),
    "pronoun": ("she", "she"),
    "surname-that-is-a-word": ("White", "White"),
    "media-name": ("the Harbor Gazette newspaper", "the Harbor Gazette newspaper"),
    "document-noun": ("a memo from the port office", "a memo from the port office"),
    "poll-share": ("63 percent of pilots", "63 percent of pilots"),
    "organization-run": ("the Association of Harbor Pilots", "the Association of Harbor Pilots"),
    "two-names": ("Okafor and Lindqvist", "Okafor and Lindqvist"),
    "word-not-a-name": ("Here", None),
    "calendar-word": ("Tuesday", None),
    "capitals-after-no-title": ("many Harborville Pilots", None),
    "role-then-name": ("Port Commissioner Mara Lindqvist", "Mara Lindqvist"),
    "name-of-place": ("Priya Raman of the Harbor Research Group", "Priya Raman"),
    "descriptor-then-name": ("psychologist Priya Raman", "Priya Raman"),
    "article-adjective-name": ("a weary Lindqvist", "Lindqvist"),
    "unnamed-noun": ("two harbor officials", "two harbor officials"),
    "owner-and-role": ("Mara Lindqvist's campaign manager", "Mara Lindqvist's campaign manager"),
    "the-office": ("the mayor of Harborville", "the mayor of Harborville"),
    "organization-noun": ("Harbor Pilots Union", "Harbor Pilots Union"),
    "age-then-name": ("19-year-old Priya Raman", "Priya Raman"),
    "agent-noun": ("a retired fisherman", "a retired fisherman"),
}


@pytest.mark.parametrize("rule", [rule.name for rule in SPEAKER_RULES])
def test_every_speaker_phrase_rule_decides_its_passage(rule):
    phrase, speaker = PHRASE_PASSAGES[rule]
    decided_by, found = decide(phrase)
    assert decided_by is not None and decided_by.name == rule, (phrase, decided_by)
    assert (found.speaker if found else None) == speaker


def test_surname_opening_with_a_particle():
    found = decided("Asked about the storm, van Dijk said, “We were ready for it.”")
    assert (found.kind, found.speaker) == (AttributionKind.NAMED, "van Dijk")


def test_subject_relative_clause_is_cut_from_the_speaker():
    found = decided(
        "A port official who spoke anonymously to discuss the talks said, “Nothing is settled.”"
    )
    assert found.speaker == "A port official"


def test_organization_noun_needs_the_body_as_its_head():
    assert describe("her campaign") is not None
    # an organisation word inside a clause is not an organisation speaking
    assert describe("his campaign shelled out to broadcast a film") is None


def test_opening_mark_typed_to_close_a_quote():
    found = decided("\u201cThe pier is unsafe,\u201c said Mara Lindqvist, the harbor master.")
    assert found.speaker == "Mara Lindqvist" and found.speech == "direct"


def test_long_appositive_role_between_name_and_verb():
    found = decided(
        "Tomas Okafor, a Harborville fisherman who had served on the port board for a decade "
        "before leaving last month over the dredging plan, said the pier was “unsafe.”"
    )
    assert found.speaker == "Tomas Okafor" and "name-comma-role-verb" in found.rules


def test_quoted_question_after_a_quote_is_not_continued():
    passage = (
        "“We will rebuild the pier,” Mara Lindqvist said.\n\n"
        "“By when?”\n\n"
        "“By spring, if the money comes.”\n"
    )
    content = attributed(passage)
    assert not content[1].attribution.is_attributed  # the other side of the exchange
    passage = "“We will rebuild the pier,” Mara Lindqvist said.\n\n“The money is there.”\n"
    assert attributed(passage)[1].attribution.speaker == "Mara Lindqvist"


def test_rule_pronoun_to_previous_subject():
    content = attributed(
        "Mara Lindqvist runs the port.\n\nShe said the pier would reopen in May.\n"
    )
    assert content[1].attribution.speaker == "Mara Lindqvist"
    assert "context:pronoun-to-previous-subject" in content[1].attribution.rules


def test_rule_reporting_clause_after_quote_split_by_the_splitter():
    content = attributed("“Who will pay for the pier?” Mara Lindqvist asked the harbor board.\n")
    assert [s.attribution.speaker for s in content] == ["Mara Lindqvist", "Mara Lindqvist"]
    assert "context:reporting-clause-after-quote" in content[0].attribution.rules
    content = attributed("“Not again!” Tomas Okafor shouted as the crane tipped.\n")
    assert content[0].attribution.speaker == "Tomas Okafor"


def test_reporting_clause_with_a_clause_of_its_own_reports_something_new():
    content = attributed("“Who will pay for the new pier?” Mara Lindqvist said she would ask.\n")
    assert not content[0].attribution.is_attributed
    content = attributed("“Who will pay?” Mara Lindqvist said that the board must decide.\n")
    assert not content[0].attribution.is_attributed


def test_rule_colon_introduces_quote():
    content = attributed("Mara Lindqvist continued:\n\n“The pier will close for a year.”\n")
    assert content[1].attribution.speaker == "Mara Lindqvist"
    assert "context:colon-introduces-quote" in content[1].attribution.rules
    content = attributed(
        "After the storm, the Harbor Pilots Union released the following statement:\n\n"
        "“We thank every crew that stayed ashore.”\n"
    )
    assert content[1].attribution.speaker == "the Harbor Pilots Union"


def test_colon_without_a_speaker_introduces_nobody():
    content = attributed("The mood on the pier was grim:\n\n“We lost everything.”\n")
    assert not content[1].attribution.is_attributed


def test_name_before_a_long_place_of_origin():
    found = decided("“It is safe,” said Priya Raman of the University of Maine School of Law.")
    assert (found.speaker, found.rules[0]) == ("Priya Raman", "name-of-place")
    found = decided("“The pier is safe,” said Tomas Okafor of the Maine delegation.")
    assert found.speaker == "Tomas Okafor"
    # a title's own "of" keeps the name after it
    assert describe("Secretary of State Mara Lindqvist").speaker == "Mara Lindqvist"


def test_adjective_before_a_title_is_not_a_participle_clause():
    found = describe("Harbor ranking Democrat Mara Lindqvist")
    assert (found.speaker, found.role) == ("Mara Lindqvist", "Harbor ranking Democrat")


def test_comma_after_a_blanked_party_label_does_not_end_the_subject():
    found = decided("Sen. Mara Lind (D-Me.), said the pier was “beyond repair.”")
    assert (found.speaker, found.role) == ("Mara Lind", "Sen.")


def test_poll_respondents_as_speakers():
    found = decided("Those surveyed said the pier was “beyond repair.”")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "Those surveyed")
    found = decided("About four in 10 said they were “angry” about the pier.")
    assert (found.speaker, found.rules[0]) == ("About four in 10", "poll-share")


def test_quote_closed_inside_brackets():
    found = decided("(“I do not want a fight,” said one harbor pilot.)")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "one harbor pilot")


def test_bare_adjective_before_a_surname_in_the_speaker_slot():
    found = decided("“We did not discuss that,” weary Okafor said.")
    assert (found.speaker, found.role, found.rules) == ("Okafor", None, ("slot:described-name",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Mara Lindqvist is telling supporters that the pier will be “ready by June.”",
        "Roe thanked the council for “doing the right thing at last.”",
        "Roe is praising the mayor as “a woman who never quit.”",
        "Roe heralded the deal as a “breakthrough.”",
    ],
)
def test_progressive_and_stance_verbs_before_a_quote(sentence):
    assert decided(sentence).kind is AttributionKind.NAMED


def test_a_country_or_capital_speaks_for_its_government():
    found = decided("Oslo said the new quota was “a step backwards.”")
    assert (found.kind, found.speaker) == (AttributionKind.ORGANIZATION, "Oslo")
    found = decided("“We will not sign,” Norway said.")
    assert found.kind is AttributionKind.ORGANIZATION


def test_a_phrase_running_into_a_clause_is_no_speaker():
    assert describe("the harbor master told reporters at the pier when") is None
    assert describe("the new pilot will say") is None
    # a name read backwards past a clause is still the subject
    assert describe("the vote is close because Port Commissioner Mara Lindqvist").speaker == (
        "Mara Lindqvist"
    )


def test_a_capitalised_function_word_is_not_a_name():
    assert describe("What") is None and describe("Adding") is None
    assert describe("White").speaker == "White"  # a surname that is a word stays a name


def test_rule_past_verb_beside_quote():
    found = decided("“I would say this,” Okafor answered.")
    assert (found.speaker, found.rules[-1]) == ("Okafor", "past-verb-beside-quote")
    found = decided("“This is fantastic!” beamed Tomas Okafor of Bangor, who had come early.")
    assert found.speaker == "Tomas Okafor"
    # a past-tense verb with an object is another clause, not a reporting verb
    assert attribute_sentence("“Indeed,” the pier needed repairs.") is None


def test_straight_mark_closing_a_quote_opened_sentences_before():
    passage = (
        "“Most boats come from out of state.\n"
        'And the state with the most of them is Maine," Lindqvist said during a panel.\n'
    )
    content = attributed(passage)
    assert [s.attribution.speaker for s in content] == ["Lindqvist", "Lindqvist"]


def test_rule_reporting_clause_after_quote_with_a_verb_the_lexicon_lacks():
    content = attributed("“Is the pier negotiable?” Okafor pressed.\n")
    assert [s.attribution.speaker for s in content] == ["Okafor", "Okafor"]
    assert "context:reporting-clause-after-quote" in content[0].attribution.rules


def test_function_word_opening_a_sentence_is_not_part_of_a_name():
    found = decided(
        "While Lindqvist has studied the plan, the harbor officials who met her say it is “a trap.”"
    )
    assert found.speaker == "the harbor officials"
    assert describe("Not everyone") is None


def test_rule_subject_of_quoting_sentence():
    found = decided("Okafor believes in a harbor that “serves the people who fish.”")
    assert (found.speaker, found.rules[-1]) == ("Okafor", "subject-of-quoting-sentence")
    found = decided("The Harbor Pilots Union wants a pier that “lasts a hundred years.”")
    assert found.kind is AttributionKind.ORGANIZATION
    # a short quoted term is no one's words, nor one inside a noun phrase
    assert attribute_sentence("The board shelved the so-called “Harbor Plan” on Monday.") is None
    assert attribute_sentence("The Harbor Pilots Union signed a formal “pledge to dredge.”") is None
    # nor does one capitalised common word name a person
    assert attribute_sentence("Boos rose from the pier, a “long and angry sound.”") is None


def test_quote_only_means_nothing_beside_the_quote():
    passage = (
        "“We will rebuild the pier,” Mara Lindqvist said.\n\n"
        "“The money is there,” agrees Tomas Okafor of Bangor.\n"
    )
    assert attributed(passage)[1].attribution.speaker != "Mara Lindqvist"


def test_owner_and_role_is_one_person():
    found = decided("“We are ahead,” said Mara Lindqvist’s campaign manager.")
    assert (found.kind, found.rules[0]) == (AttributionKind.NAMED, "owner-and-role")
    assert describe("its senior vice president").kind is AttributionKind.NAMED
    assert describe("her campaign").kind is AttributionKind.ORGANIZATION  # a body, not a role


def test_a_crowd_speaks_together():
    found = decided("“Close the gates!” the crowd chanted as the ferry left.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "the crowd")


def test_a_title_modifier_alone_is_no_office():
    assert describe("the first") is None
    assert describe("the vast majority of them") is None
    assert describe("the mayor").kind is AttributionKind.NAMED


def test_a_clause_in_the_speaker_slot_is_no_speaker():
    found = attribute_sentence(
        "“Nothing prepares you for the harbor,” the new master will say, according to excerpts "
        "of her speech."
    )
    assert found is None or "will say" not in (found.speaker or "")


# The speaker of a sentence written for one construction, by the construction.
SPEAKER_PASSAGES = {
    "however-before-cue": ("Okafor however said the pier was “beyond repair.”", "Okafor"),
    "himself-before-cue": ("Okafor himself said the pier was “beyond repair.”", "Okafor"),
    "however-set-off-by-commas": (
        "Supporters of the new pier, however, say it would be “a lifeline.”",
        "Supporters of the new pier",
    ),
    "state-in-an-opening-phrase": (
        "Speaking at a pier in Portland, Maine, Okafor went after the board, calling it “a club "
        "of landlords.”",
        "Okafor",
    ),
    "owned-noun-cue-is-a-noun": (
        "Mara Lindqvist told reporters that Okafor's comments “show bias.”",
        "Mara Lindqvist",
    ),
    "second-of-two-joined-clauses": (
        "At one point, a pilot asked for a photo and Lindqvist said, “Only one.”",
        "Lindqvist",
    ),
    "dateline-with-date-and-agency": (
        "PORTLAND, June 3 (Harbor Wire) — Mara Lindqvist closed the pier, calling it “a danger to "
        "every crew.”",
        "Mara Lindqvist",
    ),
    "verb-before-its-object": (
        "Lindqvist forwards an email that “closes the matter for good,” aides say.",
        "aides",
    ),
    "hyphenated-descriptor-before-a-name": (
        "Harbor front-runner Mara Lindqvist is questioning whether the pier would stand “if the "
        "storm came back.”",
        "Mara Lindqvist",
    ),
    "base-form-cue-after-a-plural": (
        "The two harbor officials, however, argue that the pier is “beyond saving.”",
        "The two harbor officials",
    ),
    "conjunction-before-a-described-source": (
        "But a source familiar with the port review said the hackers sought “harbor plans.”",
        "a source familiar with the port review",
    ),
    "participle-aside-between-name-and-cue": (
        "But Sen. Mara Lind (D-Me.), noting the size of the fleet, said, “We have a fleet.”",
        "Mara Lind",
    ),
    "poll-share-before-a-noun": (
        "About four in 10 Maine harbor pilots say the pier is “beyond saving.”",
        "About four in 10 Maine harbor pilots",
    ),
    "name-after-a-place-preposition": (
        "Lindqvist replied to the board on Facebook writing, “Yes, I will.”",
        "Lindqvist",
    ),
}


@pytest.mark.parametrize("construction", sorted(SPEAKER_PASSAGES))
def test_speaker_of_a_passage_written_for_a_construction(construction):
    sentence, speaker = SPEAKER_PASSAGES[construction]
    assert decided(sentence).speaker == speaker


def test_rule_quote_only_continues_after_an_indirect_report():
    passage = (
        "Mara Lindqvist told the board the pier would close in May.\n\n“We have no other choice.”\n"
    )
    content = attributed(passage)
    assert content[1].attribution.speaker == "Mara Lindqvist"
    assert "context:quote-only-continues" in content[1].attribution.rules


def test_subject_of_a_subordinate_clause_ending_at_the_cue():
    found = decided(
        "The council voted on Tuesday, hours after Roe said the pier was “beyond repair.”"
    )
    assert found.speaker == "Roe"
    found = decided("The vote was delayed when the harbor master announced a “full inspection.”")
    assert found.speaker == "the harbor master"
    # with no quote for it, the subordinate clause's cue leaves the sentence the writer's
    assert attribute_sentence("The vote was delayed after Roe questioned the plan.") is None
    # after the main clause's reporting verb, the subordinate clause is not the speaker's
    found = decided("Okafor, said when Roe asked him, “We owe the fishermen that much.”")
    assert found.speaker == "Okafor"


def test_quote_before_a_conjunction_is_not_beside_a_later_cue():
    # "and cut the fee" goes on with the clause the quote stands in, not with "she said"
    found = decided(
        "While Okafor said the toll was “a tax on fishermen” and cut the fee, she said the "
        "pier would reopen."
    )
    assert found.speaker == "Okafor"


def test_cue_in_an_opening_subordinate_clause_introduces_only_its_own_quotes():
    found = decided("While not everything Roe says is true, Okafor said the plan was “sound.”")
    assert found.speaker == "Okafor"
    # a quote inside the opening clause stays its cue's
    found = decided("After Roe said the pier was “beyond repair,” the council voted.")
    assert found.speaker == "Roe"


def test_rule_participle_after_reporting_clause():
    found = decided(
        "The pier will reopen in May, Okafor said, adding, “We owe the fishermen that much.”"
    )
    assert found.speaker == "Okafor" and "participle-after-reporting-clause" in found.rules
    found = decided(
        "The pier will reopen in May, said Mara Lindqvist on Tuesday, adding, “We owe them.”"
    )
    assert found.speaker == "Mara Lindqvist"
    # with no reporting clause before it, the participle is the subject's
    found = decided("Okafor reopened the pier in May, adding, “We owe the fishermen that much.”")
    assert found.speaker == "Okafor" and "participle-of-subject" in found.rules


def test_present_tense_cues_after_a_quote():
    assert decided("“The pier stays shut,” Okafor laments in her report.").speaker == "Okafor"
    assert decided("“The toll is a tax,” Okafor points out.").speaker == "Okafor"
    assert decided("“No!” the crowd cried out.").speaker == "the crowd"


def test_cue_before_its_object_reports_an_act():
    # lexicon/cues.txt act-object and act-to: a victory claimed, a lead maintained or added to
    assert attribute_sentence("Okafor claimed a victory in the harbor vote.") is None
    assert attribute_sentence("Okafor maintains a narrow lead over Roe.") is None
    assert attribute_sentence("Okafor won the vote, adding to her lead.") is None
    # before a clause or a quote they still report speech
    assert decided("Okafor maintained that the pier was safe.").speaker == "Okafor"
    assert decided("Okafor claimed the toll was “a tax on fishermen.”").speaker == "Okafor"


def test_rule_slot_capitalised_word():
    # a surname that is also a function word, alone between a quote and its cue
    found = decided("“We owe them that much,” From said.")
    assert (found.kind, found.speaker) == (AttributionKind.NAMED, "From")
    assert found.rules == ("slot:capitalised-word",)
    # a pronoun there stays a pronoun
    assert decided("“We owe them that much,” He said.").rules[0] == "pronoun"


def test_rule_subject_of_short_quote():
    found = decided("Okafor later defended the toll as “fair.”")
    assert (found.speaker, found.rules[-1]) == ("Okafor", "subject-of-short-quote")
    found = decided("The council rejected the plan as “reckless.”")
    assert found.speaker == "The council" and found.rules[-1] == "subject-of-short-quote"
    # a title in capitals names a work, not speech
    assert attribute_sentence("Okafor stars in “Harbor Nights” at the pier theater.") is None
    # a short term after a determiner stays a term
    assert attribute_sentence("The harbor has a new “pier.”") is None


def test_opening_adverb_or_participle_phrase_is_not_the_subject():
    found = decided(
        "Shortly after the vote, Okafor issued a statement saying the pier was “beyond repair.”"
    )
    assert found.speaker == "Okafor" and "participle-of-subject" in found.rules


def test_a_contracted_i_is_no_name():
    # "I’m saying" is someone talking, not a speaker named "I’m" (participle-after-name)
    found = attributed("The mayor spoke on Monday. And I’m saying, you know, what is going on?")
    assert all(s.attribution is None or not s.attribution.speaker for s in found)


def test_name_garbled_by_a_wrong_decoding_is_still_a_name():
    # "Trévidic" decoded as Latin-1 ("TrÃ©vidic"), with a combining mark ("Ã" as A + U+0303)
    found = decided("“The pier stays shut,” said Marc Tr\u00c3\u00a9vidic.")
    assert found.speaker == "Marc Tr\u00c3\u00a9vidic"
    found = decided("“The pier stays shut,” Saruka\u0303\u0083n added.")
    assert found.speaker == "Saruka\u0303\u0083n"


def test_rule_agent_noun_reads_person_nouns_without_an_agent_ending():
    # "tycoon", "judge", "actress" end in none of -er/-or/-ist/...: lexicon/person_nouns.txt
    found = decided("“The pier will pay for itself,” the shipping tycoon told reporters.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "the shipping tycoon")
    assert found.rules[0] == "agent-noun"
    assert decide("a federal judge")[0].name == "agent-noun"
    assert decide("The actresses")[0].name == "agent-noun"
    # a word that is no person stays refused
    assert describe("the shipping lanes") is None


def test_rule_age_then_name():
    found = decided("“I came for the boats,” 19-year-old Priya Raman said.")
    assert (found.speaker, found.role) == ("Priya Raman", "19-year-old")
    assert found.rules[0] == "age-then-name"


def test_rule_quote_after_speaker_and_verb():
    passage = (
        "The harbor board met on Monday.\n\n"
        "Port Commissioner Mara Lindqvist agreed.\n\n"
        "“The pier has to close before the storm season, whatever it costs us.”\n"
    )
    quote = attributed(passage)[2].attribution
    assert quote.speaker == "Mara Lindqvist"
    assert quote.rules[-1] == "context:quote-after-speaker-and-verb"
    colon = "Tomas Okafor echoed:\n\n“We cannot wait another winter for the dredging to start.”\n"
    assert attributed(colon)[1].attribution.speaker == "Tomas Okafor"
    # a sentence with an object is no reporting clause; nor is one ending in a plural noun
    for before in ("Mara Lindqvist closed the pier.", "The pier drew the fishermen."):
        passage = f"{before}\n\n“We cannot wait another winter for the dredging to start.”\n"
        assert not attributed(passage)[1].attribution.is_attributed


def test_short_quote_ending_its_noun_phrase_is_the_subjects_words():
    # a determiner right before a short quote that ends its noun phrase: the subject's phrase
    found = decided("Okafor defended the toll as an “investment.”")
    assert (found.speaker, found.rules[-1]) == ("Okafor", "subject-of-short-quote")
    assert decided("The council saw the plan as the “final straw.”").speaker == "The council"
    # one that modifies a noun after it, or with a word between, names something
    assert attribute_sentence("The council backed the “harbor first” plan on Monday.") is None
    assert attribute_sentence("The council signed a formal “pledge to dredge.”") is None


def test_opening_place_phrase_is_not_the_subject():
    # "Outside ...," / "Inside ...," is set off before the subject, never a speaker itself
    found = decided("Outside the Harbor Office, there is anger at what they call the “betrayal.”")
    assert found.speaker == "they"


def test_subject_read_past_auxiliaries_conjunctions_and_person_nouns():
    # "did not release": an auxiliary and "not" are a verb, never an adjective before a noun
    found = decided("Okafor did not release the figures, saying only that the pier was “unsafe.”")
    assert (found.speaker, found.rules[-1]) == ("Okafor", "participle-of-subject")
    # a person noun of lexicon/person_nouns.txt heads the subject, adjectives before it
    found = decided("The veteran harbor pilot began with the storm, saying the pier was “unsafe.”")
    assert found.speaker == "The veteran harbor pilot"
    assert decided("A federal judge found that the port acted in “bad faith.”").speaker == (
        "A federal judge"
    )
    # "And then" opening the sentence is not part of the subject
    found = decided("And then Okafor went further, saying the pier would stay “open for good.”")
    assert found.speaker == "Okafor"


def test_stance_verb_inverted_right_after_a_quote():
    # "agrees", "echoed" need a quotation beside them: after one, with the speaker inverted
    found = decided("“The pier is our living,” agrees Ann Roe, 52, of Harborville.")
    assert (found.speaker, found.cue) == ("Ann Roe", "agrees")
    assert decided("“The pier must close,” echoed the harbor master.").speaker == (
        "the harbor master"
    )
    # an object after the verb makes it a verb of the clause, not a cue
    assert attribute_sentence("The pier was “unsafe,” denounced her record and more.") is None


def test_written_things_speak_as_documents_and_outlets_as_media():
    # lexicon/documents.txt: a website, a message, a cable, a headline, a sign
    found = decided("The council’s message promises to “put fishing first.”")
    assert (found.kind, found.rules[0]) == (AttributionKind.DOCUMENT, "document-noun")
    found = decided("“The pier is closed until spring,” the port website explains.")
    assert (found.kind, found.speaker) == (AttributionKind.DOCUMENT, "the port website")
    # lexicon/media.txt: outlets in the plural
    found = decided("Several outlets reported that the board had “lost control.”")
    assert (found.kind, found.speaker) == (AttributionKind.MEDIA, "Several outlets")


@pytest.mark.parametrize("count", ["Two", "Four", "Eight", "Twelve", "Fifty"])
def test_a_number_word_is_a_count_of_people_never_a_name(count):
    alone = describe(count)
    assert alone is not None and alone.kind is AttributionKind.ANONYMOUS
    group = describe(f"{count} senators")
    assert group is not None and group.kind is AttributionKind.ANONYMOUS
    assert group.speaker == f"{count} senators"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Eight years ago, she backed the harbor plan and said it would pass.", "she"),
        ("Thirteen years earlier, Ann Roe voted for the plan and said so.", "Ann Roe"),
        ("Two days later, the mayor of Lyon backed the plan and said it would pass.", "the mayor"),
    ],
)
def test_a_span_of_time_set_off_before_the_subject_names_no_one(text, speaker):
    found = attribute_sentence(text)
    assert found.speaker is not None and found.speaker.startswith(speaker)


def test_the_noun_a_count_is_of_ends_the_subject():
    found = attributed(
        "At the hearing on Monday, Roe's first five questioners ranged from skeptical to "
        'hostile: "Is it time for your strategy to change?"'
    )[0].attribution
    assert found.speaker == "Roe's first five questioners"
    # a count with a verb after it counts no noun: the count is the subject
    found = attribute_sentence("Five resigned from the council and said the plan had failed.")
    assert (found.kind, found.speaker) == (AttributionKind.ANONYMOUS, "Five")


def test_a_word_in_ing_after_a_count_is_no_part_of_the_speaker():
    # "the two leading Republicans, Ann Roe and Lee Cruz": the names are the speaker; the
    # words describing them stay words of the claim that the verdict reads ("leaving" put
    # for "leading" is a word the source does not say, not a speaker's description)
    source = (
        "But the two leading Republicans, Ann Roe and Lee Cruz, have questioned the harbor "
        "plan and criticized the Lyon agreement."
    )
    assert attribute_sentence(source).speaker.startswith("Ann Roe")
    result = verify(claim(source.replace("leading", "leaving")), evidence(source))
    assert result.verdict is not Verdict.SUPPORTED
