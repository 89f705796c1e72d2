"""Every finding code is documented in the README and raised by a passage written for it:
each check's code by the (claim, source) example it declares, through the whole pipeline."""

import re
from pathlib import Path

import pytest

from factcheck import check_claims, load_sources
from factcheck.checks import CODES as CHECK_CODES
from factcheck.claims import single_claim
from factcheck.codes import CODES

README = Path(__file__).resolve().parent.parent / "README.md"
TESTS = Path(__file__).resolve().parent


def test_every_code_is_in_the_readme_table():
    table = README.read_text(encoding="utf-8").split("## Finding codes", 1)[1]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE))
    assert set(CODES) <= documented


def test_every_check_code_declares_an_example_case():
    assert [c.code for c in CHECK_CODES if len(c.case) != 2] == []


@pytest.mark.parametrize("code", [c.code for c in CHECK_CODES], ids=str)
def test_the_declared_example_raises_its_code(code, tmp_path, monkeypatch):
    claim_text, source_text = CODES[code].case
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source.txt").write_text(source_text + "\n", encoding="utf-8")
    (result,) = check_claims([single_claim(claim_text)], load_sources(["source.txt"]))
    assert code in [f.code for f in result.findings], result.findings
    if CODES[code].verdict is not None:
        assert result.verdict is CODES[code].verdict


def test_codes_outside_the_checks_are_raised_by_some_test():
    others = set(CODES) - {c.code for c in CHECK_CODES}
    text = "".join(
        p.read_text(encoding="utf-8")
        for p in TESTS.glob("test_*.py")
        if p.name != Path(__file__).name
    )
    assert {code for code in others if code not in text} == set()
