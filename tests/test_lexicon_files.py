"""The country and acronym lexicons are data other stages load by splitting on " | " and
"; "; these tests hold the files to that shape so a typo fails here, not in a check."""

import unicodedata
from importlib import resources

import pytest

# UN member states as of 2011 (South Sudan the latest admitted): the country list must hold
# at least these, plus observers and territories.
UN_MEMBER_STATES = 193


def _rows(name):
    """Non-comment lines of `factcheck/lexicon/NAME.txt`, each split into fields, each field
    into its alternatives (an empty field gives an empty list)."""
    text = resources.files("factcheck.lexicon").joinpath(f"{name}.txt").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split(" | ")
        rows.append((line, [field.split("; ") if field else [] for field in fields]))
    return rows


def _forms(fields):
    return {alt.casefold() for field in fields for alt in field}


@pytest.mark.parametrize(("name", "width"), [("countries", 4), ("acronyms", 2)])
def test_every_line_has_its_fields(name, width):
    for line, fields in _rows(name):
        assert len(fields) == width and line.count("|") == width - 1, line


@pytest.mark.parametrize("name", ["countries", "acronyms"])
def test_no_stray_spaces_empty_alternatives_or_inline_comments(name):
    for line, fields in _rows(name):
        assert "#" not in line, line  # the shared lexicon loader cuts a line at "#"
        for field in fields:
            for alt in field:
                assert alt and alt == alt.strip() and "  " not in alt, line


@pytest.mark.parametrize("name", ["countries", "acronyms"])
def test_no_control_characters(name):
    text = resources.files("factcheck.lexicon").joinpath(f"{name}.txt").read_text("utf-8")
    for line in text.splitlines():
        assert not any(unicodedata.category(ch).startswith("C") for ch in line), repr(line)


def test_every_country_has_a_name_and_at_least_the_un_members():
    rows = _rows("countries")
    assert all(fields[0] for _, fields in rows)
    assert len(rows) >= UN_MEMBER_STATES


def test_no_form_names_two_countries():
    owner = {}
    for _, fields in _rows("countries"):
        name = fields[0][0]
        for form in _forms(fields):
            assert owner.setdefault(form, name) == name, f"{form!r}: {owner[form]} and {name}"


def test_countries_hold_the_usual_news_forms():
    by_name = {fields[0][0]: _forms(fields) for _, fields in _rows("countries")}
    assert {"u.s.", "america", "american", "washington"} <= by_name["United States"]
    assert {"korea", "korean", "seoul"} <= by_name["South Korea"]
    assert "korea" not in by_name["North Korea"]
    assert {"japanese", "tokyo"} <= by_name["Japan"]


def test_acronyms_are_listed_once_each():
    keys = [fields[0][0] for _, fields in _rows("acronyms")]
    assert len(keys) == len(set(keys))
    assert all(len(fields[0]) == 1 and fields[1] for _, fields in _rows("acronyms"))
