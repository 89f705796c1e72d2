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
        ("sources: {a: b}\nclaims: []\n", "set.yaml:1: sources must be a list"),
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


HARBOUR = (
    "The city council approved the harbour plan on Tuesday.\n\n"
    "The plan could add 400 jobs by 2027, according to the mayor's office.\n"
)


@pytest.fixture
def harbour(tmp_path):
    from factcheck import load_sources

    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return load_sources([str(tmp_path / "harbour.txt")])


def _checked(text, sources, settings=None):
    from factcheck import check_claims

    [result] = check_claims(parse_draft(text, "d.md"), sources, settings=settings)
    return result


def test_an_ignore_comment_that_switches_off_nothing_is_flagged(harbour):
    text = (
        "<!-- factcheck: ignore hedge-dropped -->\n"
        "The city council approved the harbour plan on Tuesday.\n"
    )
    result = _checked(text, harbour)
    assert result.verdict is Verdict.SUPPORTED
    [flagged] = result.findings
    assert flagged.code == "unused-ignore" and "'hedge-dropped'" in flagged.message
    assert flagged.verdict is None  # policy only: it never changes the verdict


def test_an_ignore_comment_that_switches_off_a_finding_is_not_flagged(harbour):
    text = "The plan will add 400 jobs by 2027, according to the mayor's office.\n"
    assert [f.code for f in _checked(text, harbour).findings] == ["hedge-dropped"]
    ignored = _checked("<!-- factcheck: ignore hedge-dropped -->\n" + text, harbour)
    assert ignored.findings == []


@pytest.mark.parametrize(
    "text, said",
    [
        (  # only the code with nothing to switch off
            "<!-- factcheck: ignore hedge-dropped number-mismatch -->\n"
            "The plan will add 400 jobs by 2027, according to the mayor's office.\n",
            "'number-mismatch'",
        ),
        (  # a comment whose sentence is too short to check reaches no claim
            "The city council approved the harbour plan on Tuesday.\n\n"
            "<!-- factcheck: ignore hedge-dropped -->\nThanks, all.\n",
            "'Thanks, all.', is too short",
        ),
    ],
)
def test_an_ignore_comment_that_switches_off_nothing_says_what(harbour, text, said):
    [flagged] = _checked(text, harbour).findings
    assert flagged.code == "unused-ignore" and said in flagged.message


def test_a_code_switched_off_by_the_configuration_is_not_an_unused_ignore(harbour):
    from factcheck.config import Settings

    text = (
        "<!-- factcheck: ignore hedge-dropped -->\n"
        "The city council approved the harbour plan on Tuesday.\n"
    )
    off = Settings(severity={"hedge-dropped": None})
    assert _checked(text, harbour, off).findings == []


def test_unused_ignore_is_itself_a_code_to_ignore_or_switch_off(harbour):
    from factcheck.config import Settings
    from factcheck.model import Severity

    sentence = "The city council approved the harbour plan on Tuesday.\n"
    both = "<!-- factcheck: ignore hedge-dropped unused-ignore -->\n" + sentence
    assert _checked(both, harbour).findings == []
    single = "<!-- factcheck: ignore hedge-dropped -->\n" + sentence
    assert _checked(single, harbour, Settings(severity={"unused-ignore": None})).findings == []
    [raised] = _checked(
        single, harbour, Settings(severity={"unused-ignore": Severity.ERROR})
    ).findings
    assert raised.severity is Severity.ERROR


def test_an_unknown_code_is_not_also_an_unused_one(harbour):
    text = (
        "<!-- factcheck: ignore hedge-droped -->\n"
        "The city council approved the harbour plan on Tuesday.\n"
    )
    assert [f.code for f in _checked(text, harbour).findings] == ["unknown-ignore-code"]


def test_an_ignore_comment_before_a_sentence_too_short_to_check_stops_there():
    """'Thanks.' is the next sentence: the comment is about it, not the claim after it."""
    text = (
        "<!-- factcheck: ignore number-mismatch -->\nThanks, all.\n\n"
        "Construction will cost 15 million euros this year.\n"
    )
    [claim] = parse_draft(text, "d.md")
    assert claim.ignored_codes == frozenset() and not claim.ignore_all
    skipped = "<!-- factcheck: ignore -->\nThanks, all.\n\nThe plan was approved on Tuesday.\n"
    assert [c.text for c in parse_draft(skipped, "d.md")] == ["The plan was approved on Tuesday."]


@pytest.mark.parametrize(
    "comment", ["<!-- factcheck: ignore hedge-dropped -->", "<!-- factcheck: ignore -->"]
)
@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_an_ignore_comment_at_the_end_of_the_file_is_an_unused_ignore(harbour, comment, ending):
    """Nothing follows it, so it switches nothing off; it was most likely meant for the
    sentence above it (as a trailing noqa), and is reported there, naming its own line."""
    text = f"The city council approved the harbour plan on Tuesday.\n{comment}{ending}"
    [claim] = parse_draft(text, "d.md")
    assert claim.ignored_codes == frozenset() and not claim.ignore_all
    result = _checked(text, harbour)
    assert result.verdict is Verdict.SUPPORTED
    [flagged] = result.findings
    assert flagged.code == "unused-ignore"
    assert "the ignore comment on line 2 switches nothing off: no sentence follows it" in (
        flagged.message
    )


def test_a_stray_ignore_comment_follows_the_unused_ignore_policy(harbour):
    from factcheck.config import Settings

    text = "The city council approved the harbour plan on Tuesday.\n<!-- factcheck: ignore -->"
    assert _checked(text, harbour, Settings(severity={"unused-ignore": None})).findings == []
    silenced = "<!-- factcheck: ignore unused-ignore -->\n" + text
    assert _checked(silenced, harbour).findings == []


def test_an_ignore_comment_inside_an_off_block_or_before_a_claim_is_not_stray(harbour):
    switched_off = (
        "The city council approved the harbour plan on Tuesday.\n\n<!-- factcheck: off -->\n"
        "Draft notes to self.\n<!-- factcheck: ignore -->"
    )
    assert _checked(switched_off, harbour).findings == []
    before_a_claim = (
        "The city council approved the harbour plan on Tuesday.\n\n"
        "<!-- factcheck: ignore -->\nThe harbour will be closed to tourists forever.\n"
    )
    assert [c.stray_ignores for c in parse_draft(before_a_claim, "d.md")] == [()]


@pytest.mark.parametrize(
    "shown",
    [
        "```markdown\n<!-- factcheck: ignore -->\n```",
        "~~~\n<!-- factcheck: off -->\n~~~",
        "    <!-- factcheck: ignore -->",
        "Write `<!-- factcheck: ignore -->` before it.",
        "Or ``<!-- factcheck: off -->`` to stop.",
    ],
)
def test_a_comment_shown_as_code_is_no_directive(shown):
    """A how-to in a draft shows the comment as code: it switched off the next claim (or,
    `off`, the rest of the draft) before, and now switches off nothing."""
    text = f"{shown}\n\nThe council approved the harbour plan on Tuesday.\n"
    claims = parse_draft(text, "d.md")
    harbour = [c for c in claims if c.text.startswith("The council")]
    assert len(harbour) == 1 and harbour[0].ignored_codes == frozenset()
    assert all(c.stray_ignores == () for c in claims)


def test_a_real_comment_beside_code_still_applies():
    text = (
        "Write `<!-- factcheck: ignore -->` before it.\n\n<!-- factcheck: ignore -->\n"
        "The council approved the harbour plan on Tuesday.\n"
    )
    assert [c.text for c in parse_draft(text, "d.md")] == ["Write before it."]


@pytest.mark.parametrize(
    "text",
    ["`" * 5000, "`a``b" * 1000, "```\n" * 1000, "a `b\nc` d ``e`` `", "---\nk: `v`\n---\n`x`"],
)
def test_blanking_code_keeps_every_offset(text):
    from factcheck.segment import blank_code

    blanked = blank_code(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    assert all(b in (t, " ") for b, t in zip(blanked, text, strict=True))


def test_one_source_may_be_named_without_a_list(tmp_path):
    (tmp_path / "src.txt").write_text("The plan was approved on Tuesday.\n", encoding="utf-8")
    draft = "---\nsources: src.txt\n---\nThe plan was approved on Tuesday.\n"
    [claim] = parse_draft(draft, str(tmp_path / "d.md"))
    assert claim.sources == [str(tmp_path / "src.txt")]
    claim_set = "sources: src.txt\nclaims: [{text: The plan was approved.}]\n"
    assert parse_claim_set(claim_set, str(tmp_path / "c.yaml")).sources == claim.sources
    for empty in ("sources:\n", "sources: 12\n", "sources: {a: b}\n"):
        with pytest.raises(FactcheckError, match="c.yaml:1: "):
            parse_claim_set(empty + "claims: [{text: a b c}]\n", str(tmp_path / "c.yaml"))


def test_front_matter_keys_of_the_site_generator_are_left_alone(tmp_path):
    (tmp_path / "src.txt").write_text("The plan was approved on Tuesday.\n", encoding="utf-8")
    text = (
        "---\ntitle: Harbour\nlayout: post\ncategories: [city]\nresources: [{src: a.jpg}]\n"
        "series: harbour\nsources: [src.txt]\n---\nThe plan was approved on Tuesday.\n"
    )
    [claim] = parse_draft(text, str(tmp_path / "d.md"))
    assert claim.sources == [str(tmp_path / "src.txt")]


@pytest.mark.parametrize("key", ["sorces", "source", "Sources", "sourcse"])
def test_a_misspelt_sources_key_is_an_error_at_its_line(key):
    text = f"---\ntitle: Harbour\n{key}: [a.txt]\n---\nThe plan was approved on Tuesday.\n"
    with pytest.raises(FactcheckError, match=rf"d.md:3: unknown key '{key}' .*'sources'"):
        parse_draft(text, "d.md")
