import math

from helpers import checker, claim, evidence

from factcheck.checks import numbers
from factcheck.model import Verdict
from factcheck.quantities import quantities
from factcheck.verify import verify

check = checker(numbers.check)


def values(text):
    return [(q.kind, q.low, q.high, q.unit) for q in quantities(text)]


def test_number_words_equal_digits():
    assert (
        check(
            claim("Japan will sell ten Patriot interceptors."),
            evidence("Japan will sell 10 Patriot interceptors."),
        )
        == []
    )


def test_twelve_vs_ten_is_number_mismatch():
    found = check(
        claim("Japan will sell twelve Patriot interceptors."),
        evidence("Japan will sell 10 Patriot interceptors."),
    )
    assert [f.code for f in found] == ["number-mismatch"]
    assert "twelve Patriot interceptors" in found[0].message and "10 Patriot interceptors" in (
        found[0].message
    )


def test_three_star_vs_four_star_is_contradicted():
    assert check(claim("led by a four-star commander"), evidence("led by a three-star commander."))


def test_durations_and_hyphenated_durations():
    assert values("Japan's 35-year occupation") == [("count", 35, 35, "year")]
    assert check(claim("the first time in 20 years"), evidence("the first time in 15 years."))


def test_vague_quantities_are_ranges():
    assert values("dozens of interceptors") == [("count", 24, 199, "interceptor")]
    assert values("many interceptors") == [("count", 5, math.inf, "interceptor")]
    # a writer says "hundreds" from 200 on: dozens are fewer
    assert check(
        claim("Washington hoped for hundreds of interceptors."),
        evidence("Washington hoped for dozens of interceptors."),
    )
    assert (
        check(
            claim("Washington hoped for 30 interceptors."),
            evidence("Washington hoped for dozens of interceptors."),
        )
        == []
    )
    assert check(
        claim("Washington hoped for 10 interceptors."),
        evidence("Washington hoped for dozens of interceptors."),
    )
    assert check(claim("They have up to 80 missiles."), evidence("They have 60 missiles.")) == []


def test_months_weekdays_percent_money_ordinals():
    assert check(
        claim("It starts in April of next year."), evidence("It starts in March of next year.")
    )
    assert check(claim("They meet on Saturday."), evidence("They meet on Sunday."))
    assert check(claim("Spending rose 5 percent."), evidence("Spending rose 4%."))
    assert check(claim("It cost $5 billion."), evidence("It cost $6 billion."))
    assert check(
        claim("It is the second time the two navies have trained together."),
        evidence("It is the first time the two navies have trained together."),
    )


def test_modal_may_is_not_a_month():
    assert values("They may agree.") == []


def test_unrelated_units_are_not_compared():
    assert check(claim("Ten ships sailed."), evidence("Twelve planes flew.")) == []


def test_same_modifier_with_different_values_disagrees():
    assert check(claim("The army has up to 800 drones."), evidence("The army has up to 80 drones."))
    assert check(claim("The army has up to 80 drones."), evidence("The army has 60 drones.")) == []


def test_a_changed_year_is_a_mismatch():
    assert check(
        claim("The treaty was signed in 2019 in Geneva."),
        evidence("The treaty was signed in 2021 in Geneva."),
    )


def test_a_figure_with_a_thousands_separator_is_a_count_never_a_year():
    assert [q.kind for q in quantities("another says there are about 1,800.")] == ["count"]
    assert values("The mill opened in 1800.") == [("year", 1800, 1800, None)]
    # a count in the years' range may be a year ("the 2000 nominee"), never one so written
    assert quantities("the 2000 nominee")[0].could_be_year
    assert not quantities("the 2,000 nominees")[0].could_be_year
    # read as a year, "about 1,800" was no counterpart for the count "about 18,000", which
    # then matched the sentence's other figure, "more than 2,400"
    source = "One firm says there are more than 2,400 billionaires, another says about 1,800."
    found = check(
        claim("One firm says there are more than 2,400 billionaires, another says about 18,000."),
        evidence(source),
    )
    assert [f.code for f in found] == ["number-mismatch"]
    assert "about 1,800" in found[0].message


def test_a_decade_is_ten_years():
    assert values("over the next decade") == [("count", 10, 10, "year")]
    assert (
        check(
            claim("Fleet size will grow from eleven to twenty-six over the next decade."),
            evidence("Fleet size will grow from 11 to 26 over the next 10 years."),
        )
        == []
    )


def test_centuries_are_a_hundred_years_each_with_or_without_a_count():
    # "centuries" once read as the unit "centurie", no duration: a KeyError without a count
    assert values("The port has traded for centuries.") == [("count", 100, 100, "year")]
    assert values("two centuries ago") == [("count", 200, 200, "year")]
    assert (
        check(
            claim("The harbor wall has stood for two centuries."),
            evidence("The harbor wall has stood for 200 years."),
        )
        == []
    )


def test_quantities_report_offsets_in_the_original_text():
    text = "It rose — by 12 percent — in 2023."
    assert [text[q.start : q.end] for q in quantities(text)] == ["12 percent", "2023"]


def test_a_number_word_with_nothing_counted_is_a_count_but_one_is_not():
    assert values("Nonetheless, the two are on air again.") == [("count", 2, 2, None)]
    assert check(claim("Now the five are on air again."), evidence("Now the two are on air again."))
    assert values("She is one of the critics.") == []


def test_a_vague_count_against_a_quantifier_is_no_number_finding():
    found = check(
        claim("Few voters came, but many aides think it matters."),
        evidence("Few voters came, but few aides think it matters."),
    )
    assert "number-mismatch" not in [f.code for f in found]


def test_a_number_before_a_comma_counts_nothing_after_it():
    # "Ruiz, 61, won" gives an age; the comma ends the number, "won" is no unit of it
    assert values("Mayor Ana Ruiz, 61, won the race.") == [("count", 61, 61, None)]
    assert values("It cost 1,250 dollars.") == [("count", 1250, 1250, "dollar")]
    assert (
        check(
            claim("Ruiz, who is 61, won a third term."),
            evidence("Mayor Ana Ruiz, 61, won a third term."),
        )
        == []
    )


def test_an_n_way_contest_counts_its_parties():
    assert values("a three-way race for mayor") == [("count", 3, 3, None)]
    assert (
        check(claim("She won a race with three candidates."), evidence("She won a three-way race."))
        == []
    )
    found = verify(
        claim("She won a race with four candidates."), evidence("She won a three-way race.")
    )
    assert found.verdict is not Verdict.SUPPORTED
