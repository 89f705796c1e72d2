import math

from helpers import claim, evidence

from factcheck.checks.numbers import check, quantities


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
    assert values("dozens of interceptors") == [("count", 24, math.inf, "interceptor")]
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
    assert check(claim("It is the second time."), evidence("It is the first time."))


def test_modal_may_is_not_a_month():
    assert values("They may agree.") == []


def test_unrelated_units_are_not_compared():
    assert check(claim("Ten ships sailed."), evidence("Twelve planes flew.")) == []
