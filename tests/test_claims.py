import pytest

from factcheck.claims import parse_claim_set, parse_draft
from factcheck.errors import FactcheckError
from factcheck.model import Verdict


def test_claim_set_positions_and_expect(tmp_path):
    (tmp_path / "a.txt").write_text("Japan agreed to sell ten.", encoding="utf-8")
    claim_set = parse_claim_set(
        "sources: [a.txt]\nclaims:\n  - id: one\n    text: Japan agreed to sell ten.\n"
        "    expect: supported\n",
        str(tmp_path / "set.yaml"),
    )
    claim = claim_set.claims[0]
    assert (claim.id, claim.line, claim.column, claim.expect) == ("one", 4, 11, Verdict.SUPPORTED)
    assert claim_set.sources == [str(tmp_path / "a.txt")]


def test_claim_set_with_missing_source_names_its_line(tmp_path):
    (tmp_path / "a.txt").write_text("Japan agreed.", encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"set.yaml:3: source .*gone.txt does not exist"):
        parse_claim_set(
            "sources:\n  - a.txt\n  - gone.txt\nclaims: [{text: x}]\n", str(tmp_path / "set.yaml")
        )


@pytest.mark.parametrize(
    "text, message",
    [
        ("claims:\n  - text: x\n    expected: supported\n", "set.yaml:3: unknown key 'expected'"),
        ("claims:\n  - text: x\n    expect: maybe\n", "set.yaml:3: unknown verdict 'maybe'"),
        ("claims: [\n", "set.yaml:2: malformed YAML"),
        ("sources: a.txt\nclaims: []\n", "set.yaml:1: sources must be a list"),
        ("claims:\n  - id: a\n", "set.yaml:2: claim has no 'text'"),
        ("claims:\n  - {id: a, text: x}\n  - {id: a, text: y}\n", "duplicate claim id 'a'"),
        ("nonsense: 1\n", "unknown key 'nonsense' in claim set"),
        ("claims:\n  - text: [1, 2]\n", "text must be a string"),
    ],
)
def test_claim_set_errors_name_file_and_line(text, message):
    with pytest.raises(FactcheckError, match=message):
        parse_claim_set(text, "set.yaml")


def test_draft_claims_skip_headings_code_and_short_lines(tmp_path):
    (tmp_path / "src.txt").write_text("Japan agreed to sell ten interceptors.", encoding="utf-8")
    text = (
        "---\nsources: [src.txt]\n---\n# A heading that is long\n\n"
        "Japan agreed to sell ten interceptors. See [this](http://x).\n\n"
        "The [Yomiuri Shimbun](https://y.test) reported the *talks*.\n\n"
        "```\nNot a claim at all here.\n```\n\nThanks!\n"
    )
    claims = parse_draft(text, str(tmp_path / "draft.md"))
    assert [c.text for c in claims] == [
        "Japan agreed to sell ten interceptors.",
        "The Yomiuri Shimbun reported the talks.",
    ]
    assert (claims[0].line, claims[0].column) == (6, 1)
    assert claims[0].sources == [str(tmp_path / "src.txt")]


def test_draft_column_inside_a_list_item():
    claims = parse_draft("- Japan agreed to sell ten interceptors.\n", "d.md")
    assert (claims[0].line, claims[0].column) == (1, 3)


def test_ignore_comments_apply_to_next_sentence_only():
    text = (
        "<!-- factcheck: ignore -->\nJapan agreed to sell ten interceptors. "
        "The deal was signed in Tokyo.\n\n"
        "<!-- factcheck: ignore number-mismatch -->\nThe regiment moved to Okinawa quickly.\n"
    )
    claims = parse_draft(text, "d.md")
    assert [c.text for c in claims] == [
        "The deal was signed in Tokyo.",
        "The regiment moved to Okinawa quickly.",
    ]
    assert claims[0].ignored_codes == frozenset()
    assert claims[1].ignored_codes == frozenset({"number-mismatch"})


def test_draft_without_prose_is_an_error():
    with pytest.raises(FactcheckError, match="no prose"):
        parse_draft("# Only a heading\n\n```\ncode\n```\n", "d.md")


def test_front_matter_unknown_key_is_an_error():
    with pytest.raises(FactcheckError, match="unknown key 'sorces'"):
        parse_draft("---\nsorces: [a.txt]\n---\nJapan agreed to sell ten.\n", "d.md")


def test_off_and_on_comments_switch_a_block_off():
    text = (
        "Japan agreed to sell ten interceptors.\n\n<!-- factcheck: off -->\n"
        "The regiment moved to Okinawa quickly.\n\nThe deal was signed in Tokyo.\n\n"
        "<!-- factcheck: on -->\nThe minister visited Seoul on Sunday.\n\n"
        "<!-- factcheck: off -->\nNothing after this is checked at all.\n"
    )
    assert [c.text for c in parse_draft(text, "d.md")] == [
        "Japan agreed to sell ten interceptors.",
        "The minister visited Seoul on Sunday.",
    ]


def test_unknown_code_in_an_ignore_comment_is_flagged(article):
    from factcheck import check_claims

    text = "<!-- factcheck: ignore hedge-droped -->\nJapan will station nuclear weapons here.\n"
    claims = parse_draft(text, "d.md")
    assert claims[0].ignored_codes == frozenset({"hedge-droped"})
    [result] = check_claims(claims, [article])
    flagged = [f for f in result.findings if f.code == "unknown-ignore-code"]
    assert len(flagged) == 1 and "did you mean 'hedge-dropped'" in flagged[0].message
    assert flagged[0].verdict is None  # policy only: it never changes the verdict
