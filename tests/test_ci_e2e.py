"""factcheck as a CI check: a Markdown draft with front matter, an ignore comment and claims of
every verdict, checked through the CLI in every CI format; the HTML report opened in headless
Chromium (Debian's package, driven by Playwright) with a screenshot in test-output/."""

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_formats import sarif_validator

from factcheck.cli import main

DRAFT = ROOT / "tests" / "fixtures" / "alliance-draft.md"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "test-output"
EXPECTED = {  # first words of each claim in the draft -> verdict
    "Japan has agreed to sell 10": "supported",
    "The American armed forces": "contradicted",
    "It is the first time in 15": "supported",
    "A senior Japanese official said": "misquoted",
    "Christopher Johnstone said": "misattributed",
    "Future co-production projects": "supported",
    "China has threatened": "unsupported",
}


def line_of(fragment: str) -> int:
    lines = DRAFT.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def json_report():
    result = run("check", DRAFT, "--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_every_verdict_on_its_line(json_report):
    found = {r["claim"]: r for r in json_report["results"]}
    assert len(found) == len(EXPECTED)
    for start, verdict in EXPECTED.items():
        claim = next(c for c in found if c.startswith(start) or start in c)
        assert found[claim]["verdict"] == verdict, claim
        assert found[claim]["line"] == line_of(start.split(" said")[0])


def test_ignore_comment_drops_the_next_sentence(json_report):
    assert not any("nuclear" in r["claim"] for r in json_report["results"])
    hedge = next(r for r in json_report["results"] if r["claim"].startswith("Future"))
    assert [f["code"] for f in hedge["findings"]] == ["attribution-dropped"]


def test_table_heading_and_code_are_not_claims(json_report):
    claims = " ".join(r["claim"] for r in json_report["results"])
    assert "four-star" not in claims and "double" not in claims and "explained" not in claims


def test_sarif_output_is_valid(tmp_path):
    out = tmp_path / "report.sarif"
    assert run("check", DRAFT, "--format", "sarif", "-o", out).exit_code == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    errors = list(sarif_validator().iter_errors(document))
    assert not errors, errors[0].message
    lines = {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in document["runs"][0]["results"]
        if r["level"] == "error"
    }
    assert lines == {
        line_of("Kadena"),
        line_of("never change"),
        line_of("Johnstone"),
        line_of("China has threatened"),
    }


def test_github_annotations_point_at_the_claims():
    result = run("check", DRAFT, "--format", "github")
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    found = {int(re.search(r",line=(\d+),", line).group(1)): line for line in errors}
    assert set(found) == {
        line_of("Kadena"),
        line_of("never change"),
        line_of("Johnstone"),
        line_of("China has threatened"),
    }
    assert "col=3" in found[line_of("Kadena")]  # after the list marker "- "
    assert all(f"file={DRAFT}" in line for line in errors)


def test_fail_on_warning_and_pass_with_severity_off(tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text(
        '[severity]\nno-evidence = "off"\nquote-altered = "warning"\n'
        'speaker-mismatch = "warning"\nentity-mismatch = "info"\nclaim-adds = "warning"\n'
    )
    assert run("check", DRAFT, "--config", config).exit_code == 0
    assert run("check", DRAFT, "--config", config, "--fail-on", "warning").exit_code == 1


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_html_report_in_a_real_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    page_path = tmp_path / "report.html"
    assert run("check", DRAFT, "--format", "html", "-o", page_path).exit_code == 1
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_path.as_uri())
        marks = page.locator("mark[data-claim]")
        assert marks.count() == len(EXPECTED)
        shown = [marks.nth(i).inner_text() for i in range(marks.count())]
        for start in EXPECTED:
            assert any(start in text for text in shown), start
        verdicts = sorted(marks.nth(i).get_attribute("data-verdict") for i in range(marks.count()))
        assert verdicts == sorted(EXPECTED.values())
        assert "7 claims checked" in page.locator("#summary").inner_text()
        kadena = page.locator("mark", has_text="Kadena Air Base")
        assert "contradicted" in kadena.get_attribute("title")
        kadena.click()
        panel = page.locator(".detail:not([hidden])")
        assert "entity-mismatch" in panel.inner_text()
        assert "Yokota Air Base" in panel.locator(".evidence").inner_text()
        assert "the reporter (unattributed)" in panel.locator(".who").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "html-report.png"), full_page=True)
        browser.close()
    assert requests == [page_path.as_uri()]  # self-contained: nothing else was fetched
    print(f"screenshot: {SCREENSHOTS / 'html-report.png'}")


def test_policy_never_changes_the_verdict(tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text('[severity]\nno-evidence = "off"\n')
    result = run("check", DRAFT, "--config", config, "--format", "json")
    china = next(r for r in json.loads(result.stdout)["results"] if r["claim"].startswith("China"))
    assert china["verdict"] == "unsupported" and china["findings"] == []
    assert china["failing"] is False


def test_progress_is_silent_in_pipes_and_ci():
    result = run("check", ROOT / "claims" / "us-japan-alliance.yaml")  # 46 claims, not a tty
    assert result.exit_code == 0 and result.stderr == ""


def test_pre_commit_hook_runs_the_cli_on_drafts():
    import shlex

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *args = shlex.split(hook["entry"])
    assert program == "factcheck" and "markdown" in hook["types_or"]
    result = run(*args, DRAFT)  # pre-commit appends the staged file names
    assert result.exit_code == 1 and "CONTRADICTED" in result.stdout


def test_action_runs_factcheck_with_github_annotations():
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "factcheck check" in commands and "--format github" in commands
    assert "--format sarif" in commands and set(action["inputs"]) >= {"paths", "fail-on", "sarif"}
