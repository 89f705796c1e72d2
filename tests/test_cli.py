"""End-to-end tests of the command line on the bundled claim set and small drafts."""

import json
import re
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ARTICLE, CLAIM_SET, ROOT

from factcheck.cli import main
from factcheck.codes import CODES

SCHEMA = json.loads(resources.files("factcheck.schema").joinpath("check-1.2.json").read_text())


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
    result = run("check", draft, "--format", "json", "--allow-outside-root")  # tmp: no checkout
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


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A small newsroom repository: drafts under docs/, sources/, a factcheck.toml mapping
    one to the other, and a README that is no draft."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "alliance.txt").write_bytes(ARTICLE.read_bytes())
    drafts = tmp_path / "docs" / "2024"
    drafts.mkdir(parents=True)
    (drafts / "good.md").write_text(
        "# Alliance\n\nJapan has agreed to sell 10 Patriot interceptors to the United States.\n",
        encoding="utf-8",
    )
    (drafts / "bad.md").write_text(
        "Japan has agreed to sell 12 Patriot interceptors to the United States.\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "archive").mkdir()
    (tmp_path / "docs" / "archive" / "old.md").write_text(
        "Japan will station nuclear weapons at Yokota Air Base.\n", encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("# Newsroom\n\nHow we work on drafts here.\n")
    (tmp_path / "factcheck.toml").write_text(
        'exclude = ["docs/archive/**"]\n\n[[drafts]]\npaths = ["docs/**/*.md"]\n'
        'sources = ["sources/*.txt"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


def claims_checked(result) -> set[str]:
    return {r["path"] for r in json.loads(result.stdout)["results"]}


@pytest.mark.parametrize("paths", [["docs/"], ["docs"], ["docs/**/*.md"], []])
def test_directories_globs_and_configured_drafts_are_walked(newsroom, paths):
    result = run("check", *paths, "--format", "json")
    assert result.exit_code == 1, result.output
    assert claims_checked(result) == {"docs/2024/bad.md", "docs/2024/good.md"}  # archive excluded


def test_markdown_no_draft_covers_is_skipped_once_at_info_level(newsroom):
    result = run("check", "README.md", "docs/2024/good.md", "--format", "json")
    assert result.exit_code == 0
    assert claims_checked(result) == {"docs/2024/good.md"}
    assert result.stderr.count("info: skipped 1 file ") == 1 and "README.md" in result.stderr
    only_readme = run("check", "README.md")
    assert only_readme.exit_code == 0 and "skipped" in only_readme.stderr


def test_json_and_json_lines_list_the_files_a_check_skipped(newsroom):
    """Contract 1.2: a script sees what the check left alone, not only stderr's info lines."""
    (newsroom / "docs" / "2024" / "links.md").write_text("# Links\n\n- [a](good.md)\n")
    result = run("check", "README.md", "docs/", "--format", "json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["version"] == "1.2"
    assert document["skipped"] == [
        {"path": "README.md", "reason": "not-a-draft"},
        {"path": "docs/2024/links.md", "reason": "no-prose"},
    ]
    stream = run("check", "README.md", "docs/", "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in stream]
    assert [r["type"] for r in records][-3:] == ["skipped", "skipped", "summary"]
    assert {(r["path"], r["reason"]) for r in records if r["type"] == "skipped"} == {
        ("README.md", "not-a-draft"),
        ("docs/2024/links.md", "no-prose"),
    }
    assert json.loads(run("check", "docs/2024/bad.md", "--format", "json").stdout)["skipped"] == []


def test_an_excluded_file_named_one_by_one_is_said_to_be_skipped(newsroom):
    """pre-commit names each staged file: one under `exclude` used to vanish without a word
    (0 claims, exit 0); one found by walking a directory is left out quietly as before."""
    named = run("check", "docs/archive/old.md", "docs/2024/good.md", "--format", "json")
    assert named.exit_code == 0
    assert json.loads(named.stdout)["skipped"] == [
        {"path": "docs/archive/old.md", "reason": "excluded"}
    ]
    assert "info: skipped 1 file named but excluded by the configuration: docs/archive/old.md" in (
        named.stderr
    )
    walked = run("check", "docs/", "--format", "json")
    assert json.loads(walked.stdout)["skipped"] == [] and "skipped" not in walked.stderr


def test_the_schema_names_every_reason_a_file_is_skipped():
    from factcheck.report import SKIP_KINDS

    assert SCHEMA["$defs"]["skipped"]["properties"]["reason"]["enum"] == list(SKIP_KINDS)


def test_run_from_a_subdirectory_shows_paths_from_there_and_annotates_from_the_root(
    newsroom, monkeypatch
):
    monkeypatch.chdir(newsroom / "docs")
    terminal = run("check", "2024/bad.md", "--format", "concise")
    assert terminal.stdout.startswith("2024/bad.md:1:1: error number-mismatch")
    github = run("check", "2024/bad.md", "--format", "github")
    assert "::error file=docs/2024/bad.md,line=1,col=1," in github.stdout
    monkeypatch.setenv("GITHUB_WORKSPACE", str(newsroom / "docs"))
    assert "file=2024/bad.md," in run("check", "2024/bad.md", "--format", "github").stdout


def test_sources_the_configuration_names_are_never_shown_as_absolute_paths(newsroom, monkeypatch):
    """From docs/, the configured source lies outside the working directory but inside the
    checkout: messages say ../sources/..., never the runner's /home/runner/work/... path."""
    monkeypatch.chdir(newsroom / "docs")
    result = run("check", "2024/bad.md", "--format", "json")
    [source] = {e["source"] for r in json.loads(result.stdout)["results"] for e in r["evidence"]}
    assert source == "../sources/alliance.txt"
    assert str(newsroom) not in run("check", "2024/bad.md", "--format", "github").stdout


def test_glob_matching_nothing_is_an_error(newsroom):
    result = run("check", "drafts/*.md")
    assert result.exit_code == 2 and "drafts/*.md: no file matches" in result.stderr


def test_sources_and_index_take_directories(newsroom, tmp_path_factory):
    listed = run("sources", "sources/", "--format", "json")
    assert [s["path"] for s in json.loads(listed.stdout)["sources"]] == ["sources/alliance.txt"]
    indexed = run("index", "sources", "--cache-dir", tmp_path_factory.mktemp("cache"))
    assert indexed.exit_code == 0 and indexed.stdout.startswith("indexed 1 source (")


def test_index_with_no_paths_indexes_the_configured_sources(newsroom, tmp_path_factory):
    indexed = run("index", "--cache-dir", tmp_path_factory.mktemp("cache"))
    assert indexed.exit_code == 0 and indexed.stdout.startswith("indexed 1 source (")
    (newsroom / "factcheck.toml").write_text('exclude = ["docs/archive/**"]\n')
    nothing = run("index", "--cache-dir", tmp_path_factory.mktemp("cache"))
    assert nothing.exit_code == 2 and "nothing to index" in nothing.stderr


def test_exit_zero_quiet_and_statistics(newsroom):
    assert run("check", "--exit-zero").exit_code == 0
    quiet = run("check", "--quiet", "--format", "concise")
    assert quiet.exit_code == 1
    assert quiet.stdout.splitlines() == [
        line for line in quiet.stdout.splitlines() if line.startswith("docs/2024/bad.md:1:1:")
    ]
    assert quiet.stderr == ""
    stats = run("check", "--statistics")
    assert stats.exit_code == 1
    rows = [line.split()[:3] for line in stats.stdout.splitlines()]
    assert rows == [["2", "attribution-dropped", "warning"], ["1", "number-mismatch", "error"]]


def test_select_and_ignore_on_the_command_line(newsroom):
    assert run("check", "--ignore", "number-mismatch,attribution-dropped").exit_code == 0
    selected = run("check", "--select", "hedge-dropped", "--format", "json")
    findings = [f for r in json.loads(selected.stdout)["results"] for f in r["findings"]]
    assert selected.exit_code == 0 and findings == []
    typo = run("check", "--ignore", "number-mismatc")
    assert typo.exit_code == 2 and "did you mean 'number-mismatch'" in typo.stderr


def test_stdin_filename_names_the_draft_and_finds_its_sources(newsroom):
    result = run(
        "check",
        "-",
        "--stdin-filename",
        "docs/2024/new.md",
        "--format",
        "json",
        input="Japan has agreed to sell 12 Patriot interceptors to the United States.\n",
    )
    assert result.exit_code == 1, result.output
    assert claims_checked(result) == {"docs/2024/new.md"}
    # named for no draft read from -, it would be dropped unseen: a usage error
    result = run("check", "docs/2024", "--stdin-filename", "docs/2024/new.md")
    assert result.exit_code == 2 and "no - was given" in result.stderr


def test_rule_explains_a_code_and_lists_them_all():
    explained = run("rule", "hedge-dropped")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("hedge-dropped (default severity: warning)")
    assert "<!-- factcheck: ignore hedge-dropped -->" in explained.stdout
    listing = run("rule").stdout.splitlines()
    assert [line.split()[0] for line in listing] == list(CODES)
    unknown = run("rule", "hedge-droped")
    assert unknown.exit_code == 2 and "did you mean 'hedge-dropped'" in unknown.stderr


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "markdown", "html", "concise"])
def test_sources_refuses_formats_that_cannot_show_sources_at_parse_time(name):
    result = run("sources", "no-such-file.txt", "--format", name)
    assert result.exit_code == 2 and "--format" in result.stderr
    assert "no-such-file" not in result.stderr  # refused before any file is read


def test_claim_set_passed_as_a_source_is_refused(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Japan will station nuclear weapons at Yokota Air Base.\n")
    result = run("check", draft, "-s", CLAIM_SET, "--allow-outside-root")  # tmp: no checkout
    assert result.exit_code == 2
    assert "is a claim set, not a source" in result.stderr


def test_terminal_report_in_a_pipe_puts_failures_first_and_never_wraps():
    draft = ROOT / "tests" / "fixtures" / "alliance-draft.md"
    result = run("check", draft, env={"COLUMNS": "60"})
    lines = result.stdout.splitlines()
    verdicts = [line.split()[0] for line in lines if line.startswith(" ") and line[1].isupper()]
    assert verdicts[:4] == ["CONTRADICTED", "MISQUOTED", "MISATTRIBUTED", "UNSUPPORTED"]
    assert set(verdicts[4:]) == {"SUPPORTED"}
    evidence = "The modernization of the American armed forces in Japan, stationed at Yokota"
    assert any(line.strip().startswith(evidence) and len(line) > 150 for line in lines)


def test_expected_findings_are_notices_in_the_terminal(bundled):
    result = run("check", CLAIM_SET)
    assert result.exit_code == 0
    assert "  notice number-mismatch (expected): " in result.stdout
    assert "  error " not in result.stdout


def test_concise_and_json_lines_formats():
    concise = run("check", CLAIM_SET, "--format", "concise", "--fail-on", "info")
    lines = concise.stdout.splitlines()
    assert lines[0].startswith("claims/") or ":" in lines[0]
    assert all(
        re.match(r"\S+:\d+:\d+: (notice|info|warning|error) [a-z-]+ \[[a-z]+\] ", line)
        for line in lines[:-1]
    )
    stream = run("check", CLAIM_SET, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in stream]
    assert {r["type"] for r in records[:-1]} == {"result"} and records[-1]["type"] == "summary"
    assert records[-1]["claims"] == len(records) - 1


def readme_examples() -> list[tuple[str, str]]:
    """(command, the output the README shows for it) for every `$ factcheck ...` line in the
    README's code blocks that is followed by output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", readme, flags=re.S | re.M):
        for chunk in re.split(r"^(?=\$ factcheck )", block, flags=re.M):
            if chunk.startswith("$ factcheck "):
                command, _, shown = chunk.partition("\n")
                if shown.strip():
                    examples.append((command[2:], shown))
    return examples


@pytest.mark.parametrize("command, shown", readme_examples())
def test_readme_examples_print_what_the_readme_shows(command, shown, monkeypatch):
    import shlex

    monkeypatch.chdir(ROOT)
    result = run(*shlex.split(command)[1:])
    assert result.stdout.rstrip() == shown.rstrip()


def test_the_readme_has_examples_with_output():
    """The parser above finds the examples (else the test above would check nothing)."""
    assert len(readme_examples()) >= 5


def test_factcheck_alone_prints_the_help_not_an_escaped_error():
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "\n  check " in result.stdout
    assert "\\n" not in result.output


@pytest.mark.parametrize(
    "arguments",
    [
        ["verify", "Japan agreed to sell ten interceptors.", "-s", "-"],
        ["check", "-", "-s", "-"],
        ["sources", "-"],
        ["index", "-"],
    ],
)
def test_standard_input_is_no_source(arguments):
    result = run(*arguments, input="Japan agreed to sell ten interceptors.\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: -: only a draft or claim set")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("format_name", ["sarif", "json", "github"])
def test_quiet_leaves_the_action_formats_whole(newsroom, format_name):
    """The Action writes SARIF with --quiet: code scanning must still get every warning."""
    whole = run("check", "--format", format_name)
    quiet = run("check", "--format", format_name, "--quiet")
    assert quiet.stdout == whole.stdout and "warning" in whole.stdout


def test_empty_standard_input_is_skipped_under_its_name():
    result = run("check", "-", "-s", ARTICLE, "--stdin-filename", "docs/new.md", input="")
    assert result.exit_code == 0
    assert "skipped 1 file with no prose to check: docs/new.md" in result.stderr


@pytest.mark.parametrize("listed", ["../../sources/", "../../sources/*.txt", "../../**/*.txt"])
def test_front_matter_and_claim_sets_name_directories_and_globs(newsroom, listed):
    (newsroom / "notes").mkdir()
    draft = newsroom / "notes" / "2024" / "draft.md"
    draft.parent.mkdir()
    draft.write_text(
        f'---\nsources: ["{listed}"]\n---\nJapan has agreed to sell 12 Patriot interceptors '
        "to the United States.\n",
        encoding="utf-8",
    )
    result = run("check", draft.relative_to(newsroom), "--format", "json")
    assert result.exit_code == 1, result.output
    [checked] = json.loads(result.stdout)["results"]
    assert checked["verdict"] == "contradicted"
    assert checked["evidence"][0]["source"] == "sources/alliance.txt"
    claim_set = newsroom / "notes" / "claims.yaml"
    claim_set.write_text(
        f'sources: ["{listed[3:]}"]\nclaims: [{{text: Japan has agreed to sell 12 Patriot '
        "interceptors to the United States.}]\n",
        encoding="utf-8",
    )
    assert run("check", "notes/claims.yaml").exit_code == 1


def test_a_glob_in_front_matter_that_matches_nothing_is_an_error(newsroom):
    (newsroom / "docs" / "2024" / "bad.md").write_text(
        '---\nsources: ["../../sources/*.txtt"]\n---\nJapan agreed to sell ten.\n'
    )
    result = run("check", "docs/2024/bad.md")
    assert result.exit_code == 2 and "sources/*.txtt: no file matches" in result.stderr


@pytest.mark.parametrize("listed", ['"sources/"', '"sources"', '["sources"]'])
def test_configured_sources_and_exclude_may_name_directories(newsroom, listed):
    """`sources = ["sources/"]` gave no file (a directory is no glob match), so every draft
    without front matter was skipped as "not covered by any [[drafts]] entry"."""
    (newsroom / "factcheck.toml").write_text(
        f'exclude = ["docs/archive"]\n\n[[drafts]]\npaths = ["docs"]\nsources = {listed}\n',
        encoding="utf-8",
    )
    result = run("check", "--format", "json")
    assert result.exit_code == 1, result.output
    assert claims_checked(result) == {"docs/2024/bad.md", "docs/2024/good.md"}
    assert "skipped" not in result.stderr


def test_a_configured_source_glob_that_matches_nothing_is_an_error(newsroom):
    (newsroom / "factcheck.toml").write_text(
        '[[drafts]]\npaths = ["docs/**/*.md"]\nsources = ["sources/*.txt", "sorces/*.txt"]\n'
    )
    result = run("check")
    assert result.exit_code == 2
    assert "factcheck.toml: [[drafts]] sources: " in result.stderr
    assert "sorces/*.txt: no file matches" in result.stderr


class _Terminal:
    """A standard stream that says it is a terminal, as `script` or a real TTY would."""

    def isatty(self):
        return True


@pytest.mark.parametrize("no_color, colored", [(None, True), ("1", False), ("", True)])
def test_colour_on_a_terminal_unless_no_color_is_set(monkeypatch, no_color, colored):
    from factcheck import cli

    monkeypatch.setattr(cli.sys, "stdout", _Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert cli._target(None).color is colored
    assert cli._target("report.txt").color is False  # a file never gets colour
    assert cli._target("report.txt").width is None


@pytest.mark.parametrize(
    "terminal, ci, long_run, drawn",
    [
        (True, None, True, True),
        (False, None, True, False),
        (True, "true", True, False),
        (True, None, False, False),
    ],
)
def test_progress_bar_only_on_an_interactive_terminal_for_long_runs(
    monkeypatch, terminal, ci, long_run, drawn
):
    from factcheck import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: terminal)
    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    claims = cli.PROGRESS_MIN_CLAIMS - (0 if long_run else 1)
    with cli._progress(claims) as advance:
        assert (advance is not None) is drawn
        # drawn by this thread alone, so that check can still fork its workers
        assert threading.active_count() == 1
        if advance:
            advance(claims)


# --- the installed command ends without the interpreter's teardown ---------------------------

INSTALLED = Path(sys.executable).parent / "factcheck"


def test_the_installed_command_writes_its_report_and_exit_code_before_it_ends(tmp_path):
    """The installed command skips the interpreter's teardown (`cli.run`): what it
    writes, on standard output or to a file, and its exit code are those of the same run
    in process."""
    if not INSTALLED.is_file():
        pytest.skip(f"no installed factcheck command beside {sys.executable}")
    claim = 'A senior Japanese official said "We will never change our course."'
    args = ["verify", claim, "-s", str(ARTICLE)]
    in_process = run(*args)
    ran = subprocess.run([INSTALLED, *args], capture_output=True, text=True, check=False)
    assert ran.returncode == in_process.exit_code == 1
    assert ran.stdout == in_process.output
    report = tmp_path / "report.json"
    written = subprocess.run([INSTALLED, *args, "--format", "json", "-o", report], check=False)
    assert written.returncode == 1
    assert json.loads(report.read_text(encoding="utf-8"))["results"][0]["verdict"] == "misquoted"
    refused = subprocess.run(
        [INSTALLED, "verify", claim], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
