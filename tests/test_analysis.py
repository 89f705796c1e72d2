"""Units of meaning read from a text (analysis.py), on passages written for each rule."""

from helpers import evidence

from factcheck.analysis import (
    analyse_claim,
    analyse_text,
    base_forms,
    opposite_relations,
    with_antecedents,
    with_forenames,
)
from factcheck.model import Claim, Verdict
from factcheck.text import forenames
from factcheck.verify import verify


def kinds(text):
    return {text[u.start : u.end]: u.kind for u in analyse_text(text).units}


def test_a_sentence_first_word_is_a_name_only_when_no_common_word():
    assert kinds("Kowalczyk will visit Gdansk.")["Kowalczyk"] == "name"
    assert kinds("Details will follow in Gdansk.")["Details"] == "word"
    assert kinds("Officials in Gdansk said so.")["Officials"] == "word"


def test_country_names_capitals_and_demonyms_share_one_key():
    keys = [analyse_text(t).units[0].keys for t in ("Nairobi agreed.", "Kenya agreed.")]
    assert keys[0] == keys[1]
    assert analyse_text("The Kenyan side agreed.").units[0].keys == keys[1]


def test_acronym_written_in_lower_case_is_a_word():
    assert kinds("The WHO report arrived.")["WHO"] == "name"
    assert "who" not in {u.norm for u in analyse_text("She asked who came.").units}


def test_quantity_value_is_its_own_unit_and_counts_its_noun():
    units = analyse_text("They bought 12 Patriot interceptors.").units
    number = next(u for u in units if u.kind == "number")
    assert number.norm == "12" and number.quantity.unit == "interceptor"
    assert {"patriot", "interceptors"} <= {u.norm for u in units}


def test_hyphenated_prefix_keeps_one_word():
    assert "co-produce" in {u.norm for u in analyse_text("They will co-produce drones.").units}


def test_negative_verb_negates_what_follows():
    assert analyse_text("The firm declined to renew the deal.").negated
    assert not analyse_text("The firm agreed to renew the deal.").negated


def test_base_forms_undo_inflection_and_doubling():
    assert "plan" in base_forms("planned") and "sell" in base_forms("sold")


def test_a_short_form_no_dictionary_lists_has_a_stem_that_is_a_word():
    # "sued" is no dictionary word and too short for the general rule: its stem is "sue"
    assert "sue" in base_forms("sued") and "owe" in base_forms("owes")
    # a dictionary word keeps its own form only ("bed" is no form of "be"), and a stem of
    # fewer than three letters is a letter or a symbol, never taken ("fed" -> not "fe")
    assert base_forms("bed") == ("bed",) and "see" not in base_forms("seed")
    assert not {"fe", "f"} & set(base_forms("fed"))
    # no stem that is no word either ("qued" is no form of "que")
    assert base_forms("qued") == ("qued",)


def test_claim_speaker_words_are_set_apart():
    analysed = analyse_claim(Claim("t", "Ana Lopez said the port will reopen."))
    named = {analysed.analysis.units[i].norm for i in analysed.speaker_units}
    assert {"ana", "lopez"} <= named and "port" not in named


def test_a_non_neutral_cue_is_an_act_to_check():
    analysed = analyse_claim(Claim("t", "Ana Lopez condemned the port closure."))
    assert "act" in {u.kind for u in analysed.analysis.units}


def test_a_subject_pronoun_takes_the_name_the_sentence_before_opens_with():
    text = "She will face Kofi Mensah in November."
    found = with_antecedents(analyse_text(text), (), "Ruth Banda won the primary.")
    assert found.units[0].kind == "name" and "banda" in found.units[0].keys
    # a sentence that opens otherwise, or with a country, gives the pronoun no name
    for before in ("In Lagos, Ruth Banda won the primary.", "Ghana sent Ruth Banda."):
        assert with_antecedents(analyse_text(text), (), before) == analyse_text(text)


def test_a_first_word_a_relative_who_follows_is_a_name():
    assert kinds("Black, who runs the county party, backed the slate.")["Black"] == "name"
    assert kinds("Black paint covered the wall.")["Black"] != "name"


def test_forenames_are_read_from_full_names_in_the_source():
    text = "Former Mayor Ana M. Ruiz won. Ruiz's aide, Tomas Ortega, left. The Ruiz plan failed."
    known = forenames(text)
    assert known["ruiz"] == {"ana"} and known["ortega"] == {"tomas"}
    assert "mayor" not in {first for firsts in known.values() for first in firsts}
    # a word that is someone's forename is no surname, whatever run ends with it
    assert "ana" not in forenames("Ana Ruiz spoke. The Shop Ana brand grew.")
    # a common word is no forename, an institution's head word no surname
    assert forenames("She taught at Volta University in New Accra.") == {}


def test_a_surname_alone_takes_the_one_forename_its_source_gives_it():
    text = "Ruiz will skip the vote."
    found = with_forenames(analyse_text(text), {"ruiz": frozenset({"ana"})})
    assert [u.norm for u in found.units][:2] == ["ana", "ruiz"]
    # two forenames for one surname (two Ruizes): no guess; a full name keeps its own
    two = {"ruiz": frozenset({"ana", "luis"})}
    assert with_forenames(analyse_text(text), two) == analyse_text(text)
    full = "Ana Ruiz will skip the vote."
    assert with_forenames(analyse_text(full), {"ruiz": frozenset({"ana"})}) == analyse_text(full)
    # nor does a name that opens a run ("Ruiz Lopez" is no lone Ruiz)
    run = "Ruiz Lopez will skip the vote."
    assert with_forenames(analyse_text(run), {"ruiz": frozenset({"ana"})}) == analyse_text(run)


def test_a_quantifier_opens_no_synonym_phrase():
    # WordNet's "every year" (annually) would swallow the quantifier, and "no year" with it
    found = kinds("The port adds 12 berths every year.")
    assert found["every"] == "quantifier" and found["year"] == "word"
    claim_, source = "The port adds 12 berths no year.", "The port adds 12 berths every year."
    assert verify(Claim("t", claim_), evidence(source)).verdict is Verdict.CONTRADICTED


def test_a_synonym_phrase_holds_no_capitalised_word_after_its_first():
    # WordNet's "in the south" is not the start of "in the South China Sea"
    found = kinds("Boats fish in the South China Sea.")
    assert found["South"] == "name" and found["Sea"] == "name"
    assert kinds("Boats fish in the south of the bay.")["in the south"] == "word"


def test_a_synonym_phrase_runs_through_no_possessive():
    # "the city's block" is no WordNet "city block", which then matched the source's "city"
    found = kinds("Voters in the city's block clubs met.")
    assert found["city's"] == "word" and found["block"] == "word"
    assert kinds("A city block in Lyon burned.")["city block"] == "word"


def test_relation_words_are_opposites_only_across_one_line():
    # relations.txt: "up = down", "before|ahead = after|behind", "to|into|... = from"
    assert opposite_relations("up", "down") and opposite_relations("after", "ahead")
    assert not opposite_relations("up", "up")
    assert not opposite_relations("before", "ahead")  # one side of one line
    assert not opposite_relations("up", "after")  # sides of two lines
    assert not opposite_relations("up", "sharply")  # no relation word


def test_a_title_opening_the_sentence_opens_no_synonym_phrase():
    # "Republican party" is a WordNet phrase; a role opening the sentence is read as the
    # same words are read anywhere else in it
    first = [(u.norm, u.kind) for u in analyse_text("Republican party leaders are nervous.").units]
    later = analyse_text("Leaders of the Republican party are nervous.").units
    assert first[:2] == [("republican", "title"), ("party", "word")]
    assert [(u.norm, u.kind) for u in later][1:3] == first[:2]
    # a common word opening the sentence still opens one
    assert analyse_text("Set up the harbor plan.").units[0].norm == "set up"
