"""Each output format against its schema or consumer, on the bundled claim set."""

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from conftest import CLAIM_SET, ROOT

from factcheck import check_claims, load_sources
from factcheck.claims import load_claims
from factcheck.formats import CheckReport, github, html, junit, markdown, sarif
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
    assert len(annotations) == sum(len(r.findings) for r in report.results)
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
    assert "**1 claims checked, 1 failing.**" in text
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
