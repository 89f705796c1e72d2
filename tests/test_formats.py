"""Each output format against its schema or consumer, on the bundled claim set."""

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from conftest import CLAIM_SET, ROOT

from factcheck import check_claims, load_sources
from factcheck.claims import load_claims
from factcheck.formats import PLAIN, CheckReport, github, html, junit, markdown, sarif
from factcheck.model import Claim, Result, Severity, Verdict

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"official SARIF schema not found at {SARIF_SCHEMA} (shared/ is absent)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.fixture(scope="module")
def report():
    claim_set = load_claims(str(CLAIM_SET))
    sources = load_sources(claim_set.sources)
    results = check_claims(claim_set.claims, sources)
    return CheckReport(results, sources, Severity.ERROR, {claim_set.path: claim_set.text})


def test_sarif_is_valid_against_the_official_schema(report):
    document = json.loads(sarif.render_check(report))
    errors = sorted(sarif_validator().iter_errors(document), key=str)
    assert not errors, errors[0].message
    run = document["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "number-mismatch" in rule_ids and "quote-altered" in rule_ids
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_region_points_at_the_claim_text(report):
    document = json.loads(sarif.render_check(report))
    lines = CLAIM_SET.read_text(encoding="utf-8").splitlines()
    for result in document["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        claim = result["properties"]["claim"]
        assert line[region["startColumn"] - 1 :].lstrip('"“').startswith(claim[:15].lstrip("“"))


def test_github_annotations_are_workflow_commands(report):
    output = github.render_check(report).splitlines()
    annotations = [line for line in output if line.startswith("::")]
    assert len(annotations) == sum(len(report.findings(r)) for r in report.results)
    first = annotations[0]
    assert first.startswith(("::notice file=", "::warning file=", "::error file="))
    assert ",line=" in first and ",col=" in first and "::" in first[2:]
    assert output[-1].startswith("factcheck: 46 claims")


def test_github_escapes_newlines_and_separators():
    claim = Claim(id="x", text="a", path="dir/a,b:c.md", line=3, column=1)
    result = Result(claim, Verdict.UNSUPPORTED, 0.1, [], [])
    from factcheck.codes import finding

    result.findings = [finding("no-evidence", "two\nlines 100%")]
    line = github.render_check(CheckReport([result])).splitlines()[0]
    assert line == (
        "::error file=dir/a%2Cb%3Ac.md,line=3,col=1,"
        "title=factcheck no-evidence (unsupported)::two%0Alines 100%25"
    )


def test_junit_has_one_case_per_claim(report):
    root = ET.fromstring(junit.render_check(report).split("\n", 1)[1])
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 46
    assert root.get("failures") == "0"
    assert all(case.find("failure") is None for case in cases)


def test_junit_failures_carry_findings():
    claim = Claim(id="c1", text="Japan sold 12 <missiles> & more.", path="d.md", line=4, column=1)
    from factcheck.codes import finding

    result = Result(
        claim,
        Verdict.CONTRADICTED,
        0.8,
        [],
        [finding("number-mismatch", "claim says 12, source says 10")],
    )
    root = ET.fromstring(junit.render_check(CheckReport([result])).split("\n", 1)[1])
    failure = root.find("./testsuite/testcase/failure")
    assert failure.get("type") == "contradicted"
    assert "number-mismatch" in failure.text and "d.md:4" in failure.text


def test_markdown_summary_escapes_table_cells():
    claim = Claim(id="c1", text="A | pipe and <b>tag</b>", path="d.md", line=2, column=1)
    from factcheck.codes import finding

    result = Result(claim, Verdict.UNSUPPORTED, 0.1, [], [finding("no-evidence", "none")])
    text = markdown.render_check(CheckReport([result]))
    assert "**1 claim checked, 1 failing.**" in text
    assert "A \\| pipe and \\<b\\>tag\\</b\\>" in text
    assert "`d.md:2`" in text


def test_html_escapes_untrusted_text():
    claim = Claim(id="c1", text="<script>alert(1)</script> & “quotes”", path=None)
    result = Result(claim, Verdict.UNSUPPORTED, 0.1, [], [])
    page = html.render_check(CheckReport([result]))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert page.count("<script>") == 1  # only the report's own
    assert "http" not in page.split("<body>")[1].split("<script>")[0]


def test_html_marks_every_claim_in_place(report):
    page = html.render_check(report)
    assert page.count('<mark data-claim="') == 46
    assert page.count('class="detail"') == 46


def aligned_result() -> Result:
    """A claim that says "twelve" where its evidence says "10", and adds "nuclear", with the
    alignment issue 11 computes written out by hand."""
    from factcheck.codes import finding
    from factcheck.model import (
        AlignedSpan,
        Attribution,
        AttributionKind,
        Evidence,
        Sentence,
        WordStatus,
    )

    claim_text = "Japan will sell twelve nuclear interceptors to the United States."
    evidence_text = "Japan will sell 10 interceptors to the United States, officials said."
    sentence = Sentence(
        evidence_text,
        100,
        100 + len(evidence_text),
        7,
        attribution=Attribution(AttributionKind.ANONYMOUS, "officials", cue="said"),
    )
    claim = Claim(id="c1", text=claim_text, path="docs/a.md", line=3, column=1)
    twelve = claim_text.index("twelve")
    nuclear = claim_text.index("nuclear")
    ten = evidence_text.index("10")
    return Result(
        claim,
        Verdict.CONTRADICTED,
        0.8,
        [Evidence("sources/s.txt", [sentence], 0.8, [(0, 15)])],
        [finding("number-mismatch", "claim says “twelve”, source says “10” (sources/s.txt:7)")],
        [
            AlignedSpan(0, 5, WordStatus.MATCHED, (0, 5)),
            AlignedSpan(twelve, twelve + 6, WordStatus.SUBSTITUTED, (ten, ten + 2), "number"),
            AlignedSpan(nuclear, nuclear + 7, WordStatus.ADDED),
        ],
    )


def test_terminal_marks_what_differs_not_what_is_shared():
    from rich.text import Text

    from factcheck.formats import terminal

    result = aligned_result()
    claim = terminal.claim_text(result)
    styled = {claim.plain[s.start : s.end]: str(s.style) for s in claim.spans}
    assert set(styled) == {"twelve", "nuclear"}  # "Japan" is shared: not marked
    evidence = terminal.evidence_text(result, result.evidence[0])
    assert [evidence.plain[s.start : s.end] for s in evidence.spans] == ["10"]
    plain = terminal.render_check(CheckReport([result]))
    assert "  differs twelve → 10 · nuclear (added)" in plain
    assert isinstance(terminal.differences(result), Text)


def test_markdown_bolds_differing_words_and_their_counterparts():
    text = markdown.render_check(CheckReport([aligned_result()]))
    assert "Japan will sell **twelve** **nuclear** interceptors" in text
    assert "Japan will sell **10** interceptors" in text
    assert "— officials (anonymous) (`sources/s.txt:7`)" in text


def test_markdown_marks_words_without_moving_the_punctuation_beside_them():
    """The claim cell read "on day **100** ." before: a space was put between every piece."""
    from factcheck.formats.markdown import _marked

    text = "Sold on day 100, Tanaka said."
    assert text[8:11] == "day" and text[12:15] == "100" and text[17:23] == "Tanaka"
    assert _marked(text, [(8, 11), (12, 15)]) == "Sold on **day** **100**, Tanaka said."
    assert _marked(text, [(0, 4), (4, 7)]) == "**Sold on** day 100, Tanaka said."
    assert _marked(text, [(17, 23), (26, 28)]) == "Sold on day 100, **Tanaka** sa**id**."


def test_json_carries_the_alignment_with_offsets():
    from factcheck.formats import json as json_format

    document = json.loads(json_format.render_check(CheckReport([aligned_result()])))
    spans = document["results"][0]["alignment"]
    claim = document["results"][0]["claim"]
    sentence = document["results"][0]["evidence"][0]["sentence"]
    substituted = next(s for s in spans if s["status"] == "substituted")
    assert claim[substituted["start"] : substituted["end"]] == "twelve"
    start, end = substituted["counterpart"]
    assert sentence[start:end] == "10" and substituted["kind"] == "number"
    assert next(s for s in spans if s["status"] == "added")["counterpart"] is None
    assert document["version"] == "1.2"
    schema = json.loads((ROOT / "factcheck" / "schema" / "check-1.2.json").read_text())
    jsonschema.validate(document, schema)


def test_markdown_cuts_long_evidence_at_a_word_and_keeps_the_attribution():
    original = (
        "With air defenses in Ukraine stretched thin, Japan has agreed to sell 10 Patriot "
        "interceptors to the United States to replenish its stockpile, which the Pentagon "
        "has drawn down over two years of shipments to Kyiv and to partners in the Middle "
        "East, according to a plan first reported last spring, U.S. officials said."
    )
    short = markdown.shorten(original)
    assert len(short) <= markdown.EVIDENCE_CHARS + 2 and short.endswith("U.S. officials said.")
    head, tail = short.split(" … ")
    assert original.startswith(head) and original[len(head)] in " ,;:"  # cut between words
    assert original.endswith(tail) and original[-len(tail) - 1] == " "
    assert markdown.shorten("Short evidence, officials said.") == "Short evidence, officials said."


def test_markdown_comment_stays_under_githubs_limit_with_a_summary():
    from factcheck.codes import finding

    results = [
        Result(
            Claim(
                id=f"c{i}",
                text="Japan will sell twelve interceptors. " * 8,
                path="d.md",
                line=i,
                column=1,
            ),
            Verdict.UNSUPPORTED,
            0.1,
            [],
            [finding("no-evidence", "no source sentence supports this claim " * 5)],
        )
        for i in range(1, 400)
    ]
    text = markdown.render_check(CheckReport(results))
    assert len(text) <= markdown.COMMENT_LIMIT
    shown = text.count("| `d.md:")
    assert 0 < shown < 399
    assert f"**{399 - shown} more claims not shown**" in text


def test_one_claim_flagged_twice_for_the_same_words_is_one_finding():
    from factcheck.codes import finding

    claim = Claim(id="c1", text="The command opens in April.", path="d.md", line=1, column=1)
    result = Result(
        claim,
        Verdict.CONTRADICTED,
        0.9,
        [],
        [
            finding("entity-mismatch", "claim says “April”, source says “March” (s.txt:12)"),
            finding("number-mismatch", "claim says “April”, source says “March” (s.txt:12)"),
            finding("attribution-dropped", "the source attributes this to officials"),
        ],
    )
    report = CheckReport([result])
    assert [f.code for f in report.findings(result)] == ["number-mismatch", "attribution-dropped"]
    assert github.render_check(report).count("::error") == 1


def test_sarif_uris_are_relative_to_the_root_with_a_base_id(tmp_path):
    from factcheck.codes import finding

    claim = Claim(id="c1", text="a b c", path=str(tmp_path / "docs" / "a b.md"), line=2, column=1)
    result = Result(claim, Verdict.UNSUPPORTED, 0.1, [], [finding("no-evidence", "none")])
    document = json.loads(sarif.render_check(CheckReport([result], root=str(tmp_path))))
    run = document["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    errors = list(sarif_validator().iter_errors(document))
    assert not errors, errors[0].message


def test_every_format_follows_the_protocol(report):
    from factcheck.formats import FORMATS, SOURCE_FORMATS

    for name, form in FORMATS.items():
        assert form.name == name and form.summary
        assert isinstance(form.check(report, PLAIN), str)
    assert set(SOURCE_FORMATS) == {"terminal", "json"}


def test_terminal_wraps_only_on_a_terminal_and_keeps_the_indent():
    from factcheck.formats import Target, terminal

    report = CheckReport([aligned_result()])
    narrow = terminal.render_check(report, Target(width=40)).splitlines()
    body = [line for line in narrow[1:] if line.strip() and not line[0].isdigit()]
    assert len(body) > 6 and all(line.startswith("  ") for line in body)
    evidence = [line for line in narrow if "officials said" in line]
    assert evidence and evidence[0].startswith("    ")  # a continuation keeps its 4 columns
    plain = terminal.render_check(report, PLAIN).splitlines()
    assert "    Japan will sell 10 interceptors to the United States, officials said." in plain


def odd_result() -> Result:
    """A result whose user text holds what rich could treat apart: wide characters, an
    emoji, a combining accent, markup-like brackets, a tab and an escape sequence (shown
    escaped), and no alignment (the evidence's shared words are marked instead)."""
    from factcheck.codes import finding
    from factcheck.model import Evidence, Sentence

    claim_text = "Japan\tsells 十二 [bold]Patriots[/bold] 🎉 to e\u0301lite \x1b[31munits."
    evidence_text = "Ｊａｐａｎ sells Patriots [red]to\x1b[0m the United States."
    sentence = Sentence(evidence_text, 0, len(evidence_text), 2)
    claim = Claim(id="c2", text=claim_text, path="docs/[b].md", line=1, column=4)
    claim.expect = Verdict.SUPPORTED
    found = finding("no-evidence", "nothing says [bold]十二[/bold]\tor \x1b[2J")
    return Result(
        claim,
        Verdict.UNSUPPORTED,
        0.3,
        [Evidence("s[1].txt", [sentence], 0.3, [(12, 20)])],
        [found],
    )


def test_terminal_lines_written_without_rich_are_what_rich_draws(report):
    """Uncoloured and unwrapped (a pipe, a file, a CI log) the report is written without
    importing rich: byte for byte what rich draws from the same lines, for every kind of
    line (failing, expected, clean, the summary), quiet or not."""
    from rich.console import Group

    from factcheck.formats import Target, terminal

    for checked in (report, CheckReport([aligned_result(), odd_result()])):
        for target in (PLAIN, Target(quiet=True)):
            lines = terminal.report_lines(checked, target)
            drawn = Group(*(terminal.renderable(line, target) for line in lines))
            assert terminal.render_check(checked, target) == terminal.to_text(drawn, target)


def test_markdown_draws_a_quote_diff_struck_through():
    from factcheck.codes import finding

    claim = Claim(id="c1", text='She said "we will never go."', path="d.md", line=2, column=1)
    diff = (("=", "we"), ("=", "will"), ("-", "not"), ("+", "never"), ("=", "go"))
    message = "quote differs from s.txt:4: we will [-not-] {+never+} go"
    result = Result(claim, Verdict.MISQUOTED, 1.0, [], [finding("quote-altered", message, diff)])
    text = markdown.render_check(CheckReport([result]))
    assert "`quote-altered` quote differs from s.txt:4: we will ~~not~~ **never** go |" in text


def test_the_terminal_summary_counts_claims_that_pass_with_a_warning():
    from factcheck.codes import finding
    from factcheck.formats import terminal

    claim = Claim(id="c1", text="The council will cancel the vote.", path="d.md", line=3, column=1)
    message = "claim says \u201ccancel\u201d, source says \u201cdelay\u201d (s.txt:1)"
    warned = Result(claim, Verdict.SUPPORTED, 0.8, [], [finding("word-substituted", message)])
    clean = Result(claim, Verdict.SUPPORTED, 1.0, [], [])
    text = terminal.render_check(CheckReport([warned, clean]))
    assert text.splitlines()[-1].endswith("2 supported \u00b7 0 failing \u00b7 1 with warnings")
    assert "with warnings" not in terminal.render_check(CheckReport([clean]))
    # a warning that fails the run (--fail-on warning) is counted as failing, not twice
    strict = terminal.render_check(CheckReport([warned, clean], fail_on=Severity.WARNING))
    assert strict.splitlines()[-1].endswith("1 failing")
