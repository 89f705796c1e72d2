"""The perturbation benchmark's generators (bench/perturb_edits.py) change a fact, or refuse.

A generator that edits without changing the fact (a capital for its own country, "A and B"
for "B and A", a number inside a quotation) would count factcheck's right answers as
failures; one that produces a double negative would measure nothing. Passages written here.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import perturb_edits as edits  # noqa: E402

ARTICLE = [
    "Japan agreed on Monday to sell missiles to Poland, officials in Tokyo said.",
    "Defense Minister Anna Kowalska welcomed the deal in Warsaw.",
    "Kowalska said China had not been told.",
    "Foreign Minister Kenji Sato will visit Poland in May.",
    "Sato met Kowalska last year.",
]


def context(article: list[str] = ARTICLE, seed: int = 1) -> edits.Context:
    return edits.Context(edits.build_inventory(article), "\n".join(article), random.Random(seed))


def made(outcomes: list[edits.Outcome]) -> list[str]:
    return [o.claim for o in outcomes if isinstance(o, edits.Edit)]


def reasons(outcomes: list[edits.Outcome]) -> list[str]:
    return [o.reason for o in outcomes if isinstance(o, edits.Skip)]


def test_inventory_finds_people_by_title_or_surname_reuse():
    inventory = edits.build_inventory(ARTICLE)
    assert inventory.people == {"Anna Kowalska": "Kowalska", "Kenji Sato": "Sato"}
    assert {"Japan", "Poland", "China"} <= set(inventory.places)


def test_a_country_is_never_swapped_for_its_own_capital():
    for seed in range(20):
        for claim in made(
            edits.swap_name("Japan will sell missiles to Poland.", context(seed=seed))
        ):
            assert "Tokyo" not in claim


def test_a_surname_is_swapped_for_another_persons_surname():
    claims = made(edits.swap_name("Sato will visit Poland in May.", context()))
    assert "Kowalska will visit Poland in May." in claims


def test_symmetric_names_are_not_swapped_but_directed_ones_are():
    symmetric = edits.swap_roles("Japan and China held talks on Monday.", context())
    assert made(symmetric) == [] and "symmetric" in reasons(symmetric)[0]
    directed = edits.swap_roles("Japan agreed to sell missiles to Poland.", context())
    assert made(directed) == ["Poland agreed to sell missiles to Japan."]


def test_negation_is_added_after_the_first_auxiliary():
    claims = made(edits.negate("The deal will be signed in Warsaw next week.", context()))
    assert claims == ["The deal will not be signed in Warsaw next week."]


def test_negation_is_removed_where_there_is_one():
    claims = made(edits.negate("The deal has not yet been signed by Poland.", context()))
    assert claims == ["The deal has already been signed by Poland."]


def test_no_double_negative_is_made():
    outcomes = edits.negate("None of the missiles will be delivered before May.", context())
    assert made(outcomes) == [] and reasons(outcomes) == ["negated in a form no rule removes"]


def test_edits_inside_quotations_are_refused():
    claim = 'Kowalska said "we will buy 40 missiles" at the ceremony in Warsaw.'
    outcomes = edits.change_number(claim, context())
    assert made(outcomes) == [] and reasons(outcomes) == ["inside a quote"]


def test_a_bounded_figure_is_scaled_not_nudged():
    for seed in range(20):
        claims = made(
            edits.change_number("Over 1,000 workers lost their jobs.", context(seed=seed))
        )
        assert claims and all("1,001" not in claim for claim in claims)


def test_a_digit_inside_a_garbled_name_is_no_figure():
    # "G\u00c3\u00bclen" read through NFKD is "GA\u03031\u20444len": its "1" counts nothing
    claim = "Kowalska met GA\u03031\u20444len and 40 others in Warsaw."
    assert all("1\u20444" in edited for edited in made(edits.change_number(claim, context())))


def test_only_meaning_merely_is_left_alone():
    outcomes = edits.change_quantifier(
        "Price is only one factor among many in the deal.", context()
    )
    assert made(outcomes) == []
    restricting = made(edits.change_quantifier("The unit will only defend Poland.", context()))
    assert restricting == ["The unit will also defend Poland."]


def test_a_phrase_the_article_states_is_not_appended():
    article = [*ARTICLE, "Poland bought missiles from Japan for the first time."]
    for seed in range(10):
        claims = made(
            edits.append_fact("Japan agreed to sell missiles to Poland.", context(article, seed))
        )
        assert all("first time" not in claim for claim in claims)


def test_an_appended_phrase_goes_before_a_closing_attribution():
    claim = "Japan agreed to sell missiles to Poland, officials said."
    for seed in range(10):
        for edited in made(edits.append_fact(claim, context(seed=seed))):
            assert edited.endswith(", officials said.") and edited != claim


def test_two_figures_trade_places_unless_only_listed():
    made = edits.swap_figures(
        "Turnout peaked at 61 percent in 2018 and now stands at 40 percent.", context()
    )
    assert [o.claim for o in made if isinstance(o, edits.Edit)] == [
        "Turnout peaked at 40 percent in 2018 and now stands at 61 percent."
    ]
    for listed in (
        "Turnout was 61 and 40 percent in the two wards.",
        "Turnout was between 40 and 61 percent.",
        "Turnout was 61 percent, with 40 voters turned away.",
    ):
        assert not [o for o in edits.swap_figures(listed, context()) if isinstance(o, edits.Edit)]


def test_a_verbs_direction_particle_is_flipped_never_a_bound_or_a_quote():
    made = edits.flip_particle("Rents went up in the spring and fees came down.", context())
    assert [o.claim for o in made if isinstance(o, edits.Edit)] == [
        "Rents went down in the spring and fees came down.",
        "Rents went up in the spring and fees came up.",
    ]
    assert not [
        o
        for text in ("Fees rose up to $40.", 'She said: "Prices will go up."', "Ups and downs.")
        for o in edits.flip_particle(text, context())
        if isinstance(o, edits.Edit)
    ]


def test_a_future_is_stated_as_done_never_a_name_a_noun_or_a_negation():
    made = edits.future_to_past(
        "The mayors will meet in May and will agree on a budget.", context()
    )
    assert [o.claim for o in made if isinstance(o, edits.Edit)] == [
        "The mayors met in May and will agree on a budget.",
        "The mayors will meet in May and agreed on a budget.",
    ]
    assert not [
        o
        for text in (
            "Critics say Will wrote the column.",  # a name
            "It is the will of the voters.",  # the noun
            "The council will not vote.",
            "The plan will be costly.",
            "The mayor will soon resign.",
            'She said: "We will win."',
        )
        for o in edits.future_to_past(text, context())
        if isinstance(o, edits.Edit)
    ]


def test_a_word_is_replaced_within_its_group_never_in_a_quote_or_a_name():
    made = edits.replace_word("The board voted to delay the hearing.", context())
    (edit,) = [o for o in made if isinstance(o, edits.Edit)]
    new = edit.claim.split()[4]
    assert edit.claim.replace(new, "delay") == "The board voted to delay the hearing."
    assert new != "delay" and any(
        "delay" in group and new in group for group in edits.words.REPLACEABLE
    )
    assert not [
        o
        for text in ('She said: "We will delay it."', "Delay Street was closed.")
        for o in edits.replace_word(text, context())
        if isinstance(o, edits.Edit)
    ]


def test_a_letter_makes_another_content_word_never_a_spelling_a_form_or_a_quote():
    corpus = ["the bakery fired them and hired others; tired crews aired claims"] * 5
    vocabulary = edits.corpus_vocabulary(corpus + ["organize realize woman women began begun"] * 5)
    assert edits.corpus_vocabulary(corpus[:4]) == frozenset()  # seen under five times
    assert sorted(edits.letter_neighbours("hired", vocabulary)) == ["aired", "fired", "tired"]
    assert edits.letter_neighbours("organise", vocabulary) == []  # a spelling of one word
    agents = vocabulary | {"advisor", "advisors", "lover", "lever"}
    assert edits.letter_neighbours("adviser", agents) == []  # "-er" / "-or": one word
    assert edits.letter_neighbours("advisers", agents) == []
    assert edits.letter_neighbours("lover", agents) == ["lever"]  # "o" / "e" elsewhere
    assert edits.letter_neighbours("woman", vocabulary) == []  # a form of one word
    assert edits.letter_neighbours("begun", vocabulary) == []
    greek = vocabulary | {"crises", "thesis", "theses"}
    assert edits.letter_neighbours("crisis", greek) == []  # "-is" / "-es": a noun's plural
    assert edits.letter_neighbours("thesis", greek | {"thesps"}) == ["thesps"]
    assert edits.letter_neighbours("hires", vocabulary | {"hired"}) == []  # an ending
    with_words = edits.Context(
        edits.build_inventory(ARTICLE), "\n".join(ARTICLE), random.Random(1), vocabulary
    )
    (edit,) = made(edits.change_letter("The bakery hired twelve bakers.", with_words))
    assert edit.split()[2] in {"aired", "fired", "tired"}
    quoted = edits.change_letter('She said: "We hired twelve bakers."', with_words)
    assert made(quoted) == [] and reasons(quoted) == ["inside a quote"]


def test_a_modifier_goes_after_a_determiner_the_article_agreeing_never_in_a_quote():
    (edit,) = made(edits.insert_modifier("Poland signed a deal on Monday.", context()))
    det, modifier, noun = edit.split()[2:5]
    assert modifier in edits.words.MODIFIERS and noun == "deal"
    assert det == ("an" if modifier[0] in "aeiou" else "a")
    # before a function word or an adverb there is no noun to qualify
    assert made(edits.insert_modifier("Poland signed the only copy.", context())) == []
    assert made(edits.insert_modifier("It was the quickly made thing.", context())) == []
    quoted = edits.insert_modifier('She said: "Sign the deal."', context())
    assert made(quoted) == [] and reasons(quoted) == ["inside a quote"]
    # a modifier the article itself uses is refused: it may be what the article says
    said = context(ARTICLE + [f"It was a {m} plan." for m in edits.words.MODIFIERS])
    assert reasons(edits.insert_modifier("Poland signed a deal.", said)) == [
        "the article says the modifier"
    ]
