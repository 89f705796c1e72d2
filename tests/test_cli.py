"""End-to-end tests of the command line on the bundled claim set and small drafts."""

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ARTICLE, CLAIM_SET

from factcheck.cli import main

SCHEMA = json.loads(resources.files("factcheck.schema").joinpath("check-1.0.json").read_text())


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env)


@pytest.fixture(scope="module")
def bundled():
    result = run("check", CLAIM_SET, "--format", "json")
    return result.exit_code, json.loads(result.output)


def test_bundled_claim_set_meets_every_expectation(bundled):
    exit_code, report = bundled
    assert exit_code == 0
    assert report["summary"]["expectations"] == {"met": 46, "total": 46}
    for result in report["results"]:
        assert result["verdict"] == result["expect"], result["id"]


def test_bundled_claim_set_covers_every_verdict_five_times(bundled):
    counts = bundled[1]["summary"]["verdicts"]
    assert all(counts[v] >= 5 for v in counts), counts


def test_bundled_evidence_lines_and_attribution(bundled):
    by_id = {r["id"]: r for r in bundled[1]["results"]}
    patriot = by_id["patriot-twelve"]
    assert patriot["evidence"][0]["line"] == 42
    assert any(f["code"] == "number-mismatch" for f in patriot["findings"])
    historic = by_id["austin-historic"]["evidence"][0]
    assert historic["line"] == 16
    assert historic["attribution"]["kind"] == "anonymous"
    assert historic["attribution"]["anonymity_reason"] == "the announcement has not yet been made"
    assert by_id["kadena"]["evidence"][0]["line"] == 24
    misquote = next(f for f in by_id["never-change"]["findings"] if f["code"] == "quote-altered")
    assert ["+", "never"] in misquote["diff"] and ["-", "not"] in misquote["diff"]


def test_json_output_follows_the_published_schema(bundled):
    jsonschema.validate(bundled[1], SCHEMA)


def test_evidence_offsets_slice_the_source(bundled):
    text = ARTICLE.read_text(encoding="utf-8")
    for result in bundled[1]["results"]:
        for evidence in result["evidence"]:
            if evidence["source"].endswith("us-japan-alliance.txt"):
                assert text[evidence["start"] : evidence["end"]].startswith(
                    evidence["sentence"][:40]
                )


def test_verify_exit_codes():
    good = run("verify", "Japan agreed to sell 10 Patriot interceptors.", "-s", ARTICLE)
    assert good.exit_code == 0 and "SUPPORTED" in good.output
    bad = run("verify", "Japan agreed to sell 12 Patriot interceptors.", "-s", ARTICLE)
    assert bad.exit_code == 1 and "CONTRADICTED" in bad.output


def test_terminal_report_shows_evidence_line_and_attribution():
    result = run(
        "verify", "The U.S. Joint Force headquarters will only command U.S. forces.", "-s", ARTICLE
    )
    assert "us-japan-alliance.txt:24" in result.output
    assert "a senior defense official (anonymous" in result.output


def test_draft_from_stdin(tmp_path):
    result = run(
        "check",
        "-",
        "-s",
        ARTICLE,
        "--format",
        "json",
        input="# Notes\n\nJapan has agreed to sell 10 Patriot interceptors.\n",
    )
    report = json.loads(result.output)
    assert result.exit_code == 0
    assert report["results"][0]["path"] == "<stdin>" and report["results"][0]["line"] == 3


def test_draft_with_findings_exits_1(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        f"---\nsources: [{ARTICLE}]\n---\n\nJapan will station nuclear weapons "
        "at Yokota Air Base.\n",
        encoding="utf-8",
    )
    result = run("check", draft, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["results"][0]["verdict"] == "unsupported"


def test_sources_json_has_attribution():
    result = run("sources", ARTICLE, "--format", "json")
    document = json.loads(result.output)
    jsonschema.validate(document, SCHEMA)
    speakers = {
        s["attribution"]["speaker"]
        for s in document["sources"][0]["sentences"]
        if s["attribution"] and s["attribution"]["speaker"]
    }
    assert {"Christopher Johnstone", "a senior defense official", "Yoko Kamikawa"} <= speakers


def test_sources_table_counts_speakers():
    result = run("sources", ARTICLE, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Speakers in" in result.output and "rest on anonymous sources" in result.output
    assert "\x1b[" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.yaml"], "missing.yaml: no such file"),
        (["verify", "Japan agreed."], "verify needs at least one --source"),
        (["check", "-", "-s", "nope.txt"], "nope.txt: no such file"),
    ],
)
def test_input_errors_exit_2_with_one_line(args, message):
    result = run(*args, input="Japan agreed to sell ten interceptors.\n")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_format_is_a_usage_error():
    assert run("check", CLAIM_SET, "--format", "yaml").exit_code == 2


def test_output_file_is_written(tmp_path):
    out = tmp_path / "report.json"
    result = run(
        "verify",
        "Japan agreed to sell 10 Patriot interceptors.",
        "-s",
        ARTICLE,
        "--format",
        "json",
        "-o",
        out,
    )
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text())["results"][0]["verdict"] == "supported"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_rich_markup_in_a_claim_prints_literally():
    result = run(
        "verify",
        "[bold red]Japan[/] agreed to sell 10 Patriot interceptors.",
        "-s",
        ARTICLE,
        env={"NO_COLOR": "1"},
    )
    assert "[bold red]Japan[/]" in result.output


def test_heldout_claim_set_meets_every_expectation():
    heldout = CLAIM_SET.with_name("us-japan-alliance-heldout.yaml")
    result = run("check", heldout, "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 0, [r["id"] for r in report["results"] if r["failing"]]
    assert report["summary"]["expectations"]["met"] == report["summary"]["claims"] == 26
