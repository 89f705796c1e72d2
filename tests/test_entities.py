from helpers import claim, evidence

from factcheck.checks.entities import check, swapped_names, swapped_titles


def test_swapped_air_base():
    assert swapped_names(
        "Forces are stationed at Kadena Air Base outside Tokyo.",
        "Forces are stationed at Yokota Air Base outside Tokyo.",
    ) == [("Kadena", "Yokota")]


def test_swapped_title_for_same_person():
    assert swapped_titles(
        "They met Foreign Minister Minoru Kihara.",
        "They met Defense Minister Minoru Kihara and Foreign Minister Yoko Kamikawa.",
    ) == [("Minoru Kihara", "Foreign Minister", "Defense Minister")]


def test_aliases_are_not_swaps():
    assert (
        check(
            claim("Japan will sell interceptors to the US stockpile."),
            evidence("Japan will sell interceptors to the United States stockpile."),
        )
        == []
    )


def test_same_names_pass():
    assert (
        check(
            claim("Blinken will be in Tokyo."), evidence("Blinken will be in Tokyo this weekend.")
        )
        == []
    )


def test_swapped_place_at_the_end_of_the_claim():
    assert swapped_names(
        "Japan agreed to let Marines redeploy a regiment to Hokkaido.",
        "Japan agreed to let Marines redeploy a regiment to Okinawa, allowing it to spread out.",
    ) == [("Hokkaido", "Okinawa")]
