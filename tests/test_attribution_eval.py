"""The attribution benchmark's matching rules (bench/attribution_eval.py), on names written
for them: a surname alone cannot tell Bill Clinton from Hillary Clinton."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import attribution_eval as bench  # noqa: E402

from factcheck.model import Attribution, AttributionKind  # noqa: E402


def named(speaker):
    return Attribution(AttributionKind.NAMED, speaker)


def test_the_forename_rule_tells_two_people_of_one_surname_apart():
    assert bench.matches(named("Bill Clinton"), "Hillary Clinton")  # the surname rule
    assert not bench.matches_forename(named("Bill Clinton"), "Hillary Clinton")
    assert bench.matches_forename(named("Hillary Clinton"), "Hillary Clinton, the nominee,")


def test_the_forename_rule_reads_no_title_initial_or_short_form_as_another_forename():
    assert bench.matches_forename(named("Barack Obama"), "President Obama")
    assert bench.matches_forename(named("Bernie Sanders"), "Sen. Sanders (I-Vt.)")
    assert bench.matches_forename(named("John D. Podesta"), "John Podesta")
    assert bench.matches_forename(named("Ken Starr"), "Kenneth Starr")
    assert bench.matches_forename(named("Donald Trump"), "This Trump doppelganger")
    # where the gold span's forename stands before the surname, not at the span's end
    assert not bench.matches_forename(named("Mo Elleithee"), "Jo Elleithee, a Clinton aide")
