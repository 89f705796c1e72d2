"""factcheck as a CI check: a Markdown draft with front matter, an ignore comment and claims of
every verdict, checked through the CLI in every CI format; the HTML report opened in headless
Chromium (Debian's package, driven by Playwright) with a screenshot in test-output/."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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
    assert all("file=tests/fixtures/alliance-draft.md," in line for line in errors)  # root-relative


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

        # the draft as an article: headings, a list, a link; no front matter, no comments
        article = page.locator("article")
        assert article.locator("h1").inner_text() == "The alliance, explained"
        assert article.locator("h2").inner_text() == "What changes"
        assert article.locator("li mark").count() == 2
        assert article.locator("a").get_attribute("href") == "https://example.invalid/alliance"
        text = article.inner_text()
        assert "title:" not in text and "factcheck:" not in text and "**" not in text
        assert "Japan will station nuclear weapons" in text  # ignored: shown, not marked

        marks = page.locator("mark[data-claim]")
        assert marks.count() == len(EXPECTED)
        shown = [marks.nth(i).inner_text() for i in range(marks.count())]
        for start in EXPECTED:
            assert any(start in text for text in shown), start
        verdicts = sorted(marks.nth(i).get_attribute("data-verdict") for i in range(marks.count()))
        assert verdicts == sorted(EXPECTED.values())
        assert "7 claims checked" in page.locator("#summary").inner_text()
        warned = page.locator("mark.warn")  # supported, with a warning: not like a clean one
        assert warned.count() == 1 and "Future co-production" in warned.inner_text()
        assert "4 on anonymous sources" in page.locator("#sourcing").inner_text()

        # the findings list, failing first, walked with the keyboard
        listed = page.locator("#findings li")
        assert listed.count() == 5
        assert listed.nth(0).get_attribute("data-tags").endswith("failing")
        page.keyboard.press("j")
        first = page.locator(".detail:not([hidden])")
        assert "entity-mismatch" in first.inner_text()
        assert "Yokota Air Base" in first.locator(".evidence").first.inner_text()
        assert "the reporter (unattributed)" in first.locator(".who").first.inner_text()
        page.keyboard.press("j")
        quote = page.locator(".detail:not([hidden])")
        assert quote.locator("del").inner_text() == "not"  # the quote diff, struck through
        assert quote.locator("ins").inner_text() == "never"
        page.keyboard.press("k")
        assert "entity-mismatch" in page.locator(".detail:not([hidden])").inner_text()

        # a chip filters the list and fades the other marks
        page.locator(".chip[data-filter=warning]").click()
        assert [listed.nth(i).is_visible() for i in range(listed.count())].count(True) == 1
        assert page.locator("mark.faded").count() == len(EXPECTED) - 1
        page.locator(".chip[data-filter=warning]").click()

        kadena = page.locator("mark", has_text="Kadena Air Base")
        assert "contradicted" in kadena.get_attribute("title")
        kadena.click()
        page.screenshot(path=str(SCREENSHOTS / "html-report.png"), full_page=True)
        browser.close()
    assert requests == [page_path.as_uri()]  # self-contained: nothing else was fetched
    print(f"screenshot: {SCREENSHOTS / 'html-report.png'}")


def test_html_report_marks_what_differs_and_offers_every_candidate():
    from test_formats import aligned_result

    from factcheck.formats import html
    from factcheck.report import CheckReport

    result = aligned_result()
    result.evidence.append(result.evidence[0])
    page = html.render_check(CheckReport([result]))
    assert '<span class="substituted">twelve</span>' in page
    assert '<span class="added">nuclear</span>' in page
    assert '<span class="counterpart">10</span>' in page
    assert "<summary>1 other candidates</summary>" in page


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


def test_action_runs_factcheck_with_github_annotations():
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "factcheck check" in commands and "--format github" in commands
    assert "--format sarif" in commands and set(action["inputs"]) >= {"paths", "fail-on", "sarif"}


# --- a newsroom repository, checked the way the README tells a new user to -------------------

GIT = shutil.which("git")
BIN = Path(sys.executable).parent  # the factcheck and pre-commit of this environment
ALLIANCE = """\
# The alliance in 2024

Japan has agreed to sell 10 Patriot interceptors to the United States.

The American armed forces in Japan are stationed at Kadena Air Base outside Tokyo.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        [GIT, "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def readme_action_inputs() -> dict[str, str]:
    """The `with:` of the README's workflow snippet, as a user would paste it."""
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in readme.split("```yaml\n")[1:] if "uses: factcheck/factcheck" in b)
    workflow = yaml.safe_load(block.split("```")[0])
    steps = workflow["jobs"]["factcheck"]["steps"]
    step = next(s for s in steps if str(s.get("uses", "")).startswith("factcheck/factcheck"))
    return {k: str(v) for k, v in step["with"].items()}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    if GIT is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("newsroom")
    (repo / "docs" / "2024").mkdir(parents=True)
    (repo / "docs" / "2024" / "alliance.md").write_text(ALLIANCE, encoding="utf-8")
    (repo / "docs" / "archive").mkdir()
    (repo / "docs" / "archive" / "old.md").write_text(
        "Japan will station nuclear weapons at Yokota Air Base.\n", encoding="utf-8"
    )
    (repo / "sources").mkdir()
    shutil.copy(ROOT / "claims" / "us-japan-alliance.txt", repo / "sources" / "alliance.txt")
    (repo / "README.md").write_text("# Newsroom\n\nHow we write and check our drafts.\n")
    (repo / "factcheck.toml").write_text(
        'exclude = ["docs/archive/**"]\n\n[[drafts]]\npaths = ["docs/**/*.md"]\n'
        'sources = ["sources/*.txt"]\n',
        encoding="utf-8",
    )
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "drafts")
    return repo


def action_step(repo: Path, name: str, inputs: dict[str, str]) -> subprocess.CompletedProcess:
    """Run one `run:` step of action.yml with bash, its `env:` filled from `inputs` as GitHub
    would, in the repository as the workspace."""
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("name") == name)
    env = {**os.environ, "GITHUB_WORKSPACE": str(repo), "PATH": f"{BIN}{os.pathsep}/usr/bin:/bin"}
    for key, template in step.get("env", {}).items():
        env[key] = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], template)
    return subprocess.run(
        ["bash", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True
    )


KADENA_LINE = ALLIANCE.splitlines().index(next(x for x in ALLIANCE.splitlines() if "Kadena" in x))


@pytest.mark.parametrize("paths", ["README", "", "docs/**/*.md"])
def test_the_readme_action_annotates_root_relative_paths(newsroom, paths, tmp_path):
    inputs = {"fail-on": "error", **readme_action_inputs()}
    if paths != "README":
        inputs["paths"] = paths
    assert inputs["fail-on"] == "warning" and inputs["sarif"] == "factcheck.sarif"
    inputs["sarif"] = str(tmp_path / "factcheck.sarif")

    sarif_step = action_step(newsroom, "SARIF report", inputs)
    assert sarif_step.returncode == 0, sarif_step.stderr  # findings go to code scanning
    document = json.loads(Path(inputs["sarif"]).read_text(encoding="utf-8"))
    errors = list(sarif_validator().iter_errors(document))
    assert not errors, errors[0].message
    run_ = document["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == newsroom.as_uri() + "/"
    located = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]
        for r in run_["results"]
    }
    assert set(located) == {"docs/2024/alliance.md"}  # the archive is excluded
    kadena = located["docs/2024/alliance.md"]["physicalLocation"]
    assert kadena["artifactLocation"]["uriBaseId"] == "%SRCROOT%"

    check_step = action_step(newsroom, "Check drafts", inputs)
    assert check_step.returncode == 1, check_step.stderr
    annotations = [x for x in check_step.stdout.splitlines() if x.startswith("::")]
    assert f"::error file=docs/2024/alliance.md,line={KADENA_LINE + 1},col=1," in "\n".join(
        annotations
    )
    assert all("file=docs/2024/alliance.md," in x for x in annotations)
    assert "::warning file=docs/2024/alliance.md,line=3," in check_step.stdout


def test_the_action_passes_once_the_draft_is_fixed(newsroom, tmp_path):
    fixed = tmp_path / "repo"
    shutil.copytree(newsroom, fixed)
    draft = fixed / "docs" / "2024" / "alliance.md"
    draft.write_text(ALLIANCE.replace("Kadena", "Yokota"), encoding="utf-8")
    inputs = {**readme_action_inputs(), "fail-on": "error", "sarif": str(tmp_path / "f.sarif")}
    assert action_step(fixed, "Check drafts", inputs).returncode == 0
    inputs["fail-on"] = "warning"  # the attribution the draft dropped still stands
    assert action_step(fixed, "Check drafts", inputs).returncode == 1


def hook_repository(tmp_path: Path) -> Path:
    """This project as a hook repository, committed (pre-commit clones it). The hook's
    `language: python` makes pre-commit build a virtualenv and pip-install factcheck, which
    needs a package index; offline, the test runs the same hook as `language: system`, using
    the factcheck of this environment (same entry, same file types)."""
    import yaml

    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("factcheck", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, hooks / name)
    [hook] = yaml.safe_load((hooks / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["language"] == "python" and hook["types_or"] == ["markdown"]
    hook["language"] = "system"
    (hooks / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump([hook]), encoding="utf-8")
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-q", "-m", "hook")
    return hooks


def test_pre_commit_hook_checks_staged_drafts_and_skips_other_markdown(newsroom, tmp_path):
    if shutil.which("pre-commit", path=str(BIN)) is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    hooks = hook_repository(tmp_path)
    repo = tmp_path / "repo"
    shutil.copytree(newsroom, repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("GITHUB_WORKSPACE", None)

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "pre-commit"), "try-repo", "--verbose", str(hooks), "factcheck"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
        )

    (repo / "README.md").write_text("# Newsroom\n\nNow with a style guide for drafts.\n")
    git(repo, "add", "README.md")
    readme_only = try_repo()
    assert readme_only.returncode == 0, readme_only.stdout
    assert "factcheck....Passed" in re.sub(r"\.{4,}", "....", readme_only.stdout)
    assert "skipped 1 file " in readme_only.stdout and "README.md" in readme_only.stdout

    draft = repo / "docs" / "2024" / "alliance.md"
    draft.write_text(
        ALLIANCE + "\nIt is the first time in 15 years that a South Korean "
        "defense minister has visited Japan.\n",
        encoding="utf-8",
    )
    git(repo, "add", "docs/2024/alliance.md")
    both = try_repo()
    assert both.returncode == 1, both.stdout
    assert f"docs/2024/alliance.md:{KADENA_LINE + 1}:1: error entity-mismatch" in both.stdout
    assert "skipped 1 file " in both.stdout  # the README, said once
    assert "error: " not in both.stdout.replace("error entity-mismatch", "")
