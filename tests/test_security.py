"""The attacks of a hostile pull request, each run as a user would run factcheck in CI: the
draft, its front matter, the claim set, the configuration and the sources are the
attacker's; the report goes to a PR comment, annotations, SARIF, JUnit, HTML and the log.

Every file is built in a temporary checkout (a directory with `.git/`), with a secret
outside it and a token in `.git/config`, as actions/checkout leaves one."""

import errno
import hashlib
import io
import json
import os
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console
from test_formats import sarif_validator

from factcheck import segment
from factcheck.cache import ANALYSIS_VERSION, Cache, source_entry, source_key
from factcheck.claims import _ignores, parse_draft
from factcheck.cli import main
from factcheck.codes import finding
from factcheck.formats import (
    CheckReport,
    concise,
    github,
    html,
    jsonl,
    junit,
    markdown,
    sarif,
    terminal,
)
from factcheck.formats import json as json_format
from factcheck.model import (
    Attribution,
    AttributionKind,
    Claim,
    Evidence,
    Result,
    Sentence,
    Severity,
    Source,
    Verdict,
)
from factcheck.segment import mask_inline, text_blocks
from factcheck.sources import parse_source

# What no output may carry raw (newlines and tabs aside): C0/C1 controls, separators, bidi
# controls, surrogates, noncharacters.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

SECRET = "hunter2-outside-the-checkout"
TOKEN = "ghp_checkouttoken0123456789"
SOURCE = (
    "Harbor Steel will close its Riverside plant in 2026, the company said on Monday.\n\n"
    "About 400 workers will lose their jobs, according to the mayor, Dana Ortiz.\n\n"
    '"We did everything we could to keep the plant open," Ortiz said.\n'
)
OTHER_SOURCE = "Harbor Steel will close its Riverside plant in 2027, the company said.\n"
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]
CONTRADICTED = "Harbor Steel will close its Riverside plant in 2027."


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def assert_refused(result, *fragments):
    """Exit 2, one line on stderr naming the problem, and no secret anywhere."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert SECRET not in result.output and TOKEN not in result.output
    assert "Traceback" not in result.output


def draft(sources: list[str], body: str = CONTRADICTED) -> str:
    return f"---\nsources: {json.dumps(sources)}\n---\n\n{body}\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A checkout at tmp/repo (the working directory), a secret beside it."""
    checkout = tmp_path / "repo"
    (checkout / ".git").mkdir(parents=True)
    (checkout / ".git" / "config").write_text(
        f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {TOKEN}\n'
    )
    (checkout / "sources").mkdir()
    (checkout / "sources" / "plant.txt").write_text(SOURCE, encoding="utf-8")
    (checkout / "docs").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(f"The password is {SECRET} today.\n")
    monkeypatch.chdir(checkout)
    return checkout


# --- High 1: reads outside the repository ------------------------------------------------


@pytest.mark.parametrize(
    "source, fragment",
    [
        ("{outside}/secret.txt", "refusing to read outside"),
        ("../../outside/secret.txt", "refusing to read outside"),
        ("../.git/config", "inside a .git directory"),
        ("/etc/passwd", "refusing to read outside"),
    ],
)
def test_front_matter_cannot_read_outside_the_checkout(repo, source, fragment):
    outside = repo.parent / "outside"
    (repo / "docs" / "draft.md").write_text(draft([source.format(outside=outside)]))
    for format_name in ("markdown", "sarif", "json", "html", "github", "terminal", "junit"):
        result = run("check", "docs/draft.md", "--format", format_name)
        assert_refused(result, fragment)


@pytest.mark.parametrize(
    "pattern", ["/**", "/etc/", "../../outside/*.txt", "../.git/*", "../.git/"]
)
def test_globs_and_directories_in_front_matter_walk_nothing_outside(repo, pattern):
    """`sources: ["/**"]` would walk the whole runner before the first read was refused."""
    (repo / "docs" / "draft.md").write_text(draft([pattern]))
    result = run("check", "docs/draft.md")
    assert_refused(result, "refusing to read")
    assert "secret.txt" not in result.stderr


@pytest.mark.parametrize("key", ["paths", "sources"])
def test_configured_globs_walk_nothing_outside(repo, key):
    globs = {"paths": '["docs/*.md"]', "sources": '["sources/*.txt"]'}
    globs[key] = '["/**"]'
    (repo / "factcheck.toml").write_text(
        f"[[drafts]]\npaths = {globs['paths']}\nsources = {globs['sources']}\n"
    )
    (repo / "docs" / "draft.md").write_text(f"{CONTRADICTED}\n")
    assert_refused(run("check"), "/: refusing to read outside")
    assert_refused(run("check", "docs/draft.md"), "/: refusing to read outside")


def test_claim_set_sources_are_confined_too(repo):
    (repo / "claims.yaml").write_text(
        f"sources: [../outside/secret.txt]\nclaims: [{{text: {CONTRADICTED}}}]\n"
    )
    assert_refused(run("check", "claims.yaml"), "refusing to read outside")


def test_symlinked_source_pointing_outside_is_refused(repo):
    (repo / "sources" / "innocent.txt").symlink_to(repo.parent / "outside" / "secret.txt")
    (repo / "docs" / "draft.md").write_text(draft(["../sources/innocent.txt"]))
    assert_refused(run("check", "docs/draft.md"), "innocent.txt", "refusing to read outside")


def test_symlinked_draft_matched_by_a_glob_is_refused(repo):
    (repo / "factcheck.toml").write_text(
        '[[drafts]]\npaths = ["docs/*.md"]\nsources = ["sources/*.txt"]\n'
    )
    (repo / "docs" / "notes.md").symlink_to(repo.parent / "outside" / "secret.txt")
    for format_name in ("markdown", "json"):
        assert_refused(run("check", "--format", format_name), "notes.md", "refusing")


def test_symlinked_draft_named_on_the_command_line_is_refused(repo):
    """A shell glob in the workflow (`docs/*.md`) expands to the attacker's symlink too."""
    (repo / "docs" / "notes.md").symlink_to(repo.parent / "outside" / "secret.txt")
    assert_refused(run("check", "docs/notes.md", "-s", "sources/plant.txt"), "refusing")


def test_git_directory_is_refused_even_when_named(repo):
    assert_refused(run("sources", ".git/config"), "inside a .git directory")


@pytest.mark.parametrize("command", ["check", "verify", "sources", "index"])
def test_paths_typed_on_the_command_line_outside_the_checkout_are_refused(repo, command):
    """A workflow's file list or a pre-commit hook's is the pull request's choice as much as
    the invoker's, so a typed path gets no exception: refused, not skipped as a non-draft
    (exit 0 would look like a clean run), and readable with --allow-outside-root."""
    outside = repo.parent / "outside" / "secret.txt"
    arguments = {
        "check": ["check", outside],
        "verify": ["verify", CONTRADICTED, "-s", outside],
        "sources": ["sources", outside],
        "index": ["index", outside, "--cache-dir", repo.parent / "cache"],
    }[command]
    assert_refused(run(*arguments), "secret.txt", "refusing to read outside")
    allowed = run(*arguments, "--allow-outside-root")
    assert allowed.exit_code in (0, 1), allowed.output


def test_check_of_etc_passwd_is_refused_not_skipped(repo):
    result = run("check", "/etc/passwd")
    assert_refused(result, "/etc/passwd", "--allow-outside-root")
    assert "skipped" not in result.output


def test_allow_outside_root_reads_anywhere(repo):
    (repo / "docs" / "draft.md").write_text(draft(["../../outside/secret.txt"]))
    assert_refused(run("check", "docs/draft.md"), "--allow-outside-root")
    result = run("check", "docs/draft.md", "--allow-outside-root", "--format", "json")
    assert result.exit_code in (0, 1) and "secret.txt" in result.stdout


def test_configuration_cannot_widen_the_root(repo):
    (repo / "factcheck.toml").write_text("allow-outside-root = true\n")
    result = run("check", "docs/draft.md")
    assert result.exit_code == 2 and "unknown key 'allow-outside-root'" in result.stderr


# --- Medium 3: devices, FIFOs, size ------------------------------------------------------


def test_draft_symlinked_to_dev_zero_is_refused_at_once(repo):
    (repo / "docs" / "zero.md").symlink_to("/dev/zero")
    (repo / "sources" / "zero.txt").symlink_to("/dev/zero")
    assert_refused(run("check", "docs/zero.md", "--allow-outside-root"), "not a regular file")
    assert_refused(run("sources", "sources/zero.txt", "--allow-outside-root"), "regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_draft_is_refused_without_blocking(repo):
    os.mkfifo(repo / "docs" / "pipe.md")
    finished = subprocess.run(
        [*FACTCHECK, "check", "docs/pipe.md", "-s", "sources/plant.txt"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=repo,
    )
    assert finished.returncode == 2, finished.stderr
    assert "not a regular file" in finished.stderr and "Traceback" not in finished.stderr


def test_files_over_the_byte_limit_are_refused(repo):
    (repo / "factcheck.toml").write_text("max-file-bytes = 100\n")
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"]))
    assert_refused(run("check", "docs/draft.md"), "plant.txt", "100-byte limit")


# --- High 2: the cache runs no code and cannot flip a verdict ----------------------------


class RunsCode:
    """Unpickling this runs a shell command: what a forged pickle entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def checked(cache_dir: Path, *extra):
    return run("check", "docs/draft.md", "--cache-dir", cache_dir, "--format", "json", *extra)


@pytest.fixture
def cached(repo, tmp_path):
    """A checkout whose draft holds one contradicted claim, its source indexed in a cache."""
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"]))
    cache_dir = tmp_path / "cache"
    assert run("index", "sources/plant.txt", "--cache-dir", cache_dir).exit_code == 0
    result = checked(cache_dir)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["results"][0]["verdict"] == "contradicted"
    return cache_dir


def entry_path(cache_dir: Path, raw: bytes) -> Path:
    key = source_key(raw, "utf-8")
    return cache_dir / "sources" / key[:2] / f"{key}.json"


def test_cache_holds_no_pickle(cached):
    entries = list((cached / "sources").rglob("*"))
    assert entries and not any(p.suffix == ".pickle" for p in entries)
    for entry in (p for p in entries if p.is_file()):
        json.loads(entry.read_bytes())  # plain JSON, nothing else
    package = Path(__file__).resolve().parent.parent / "factcheck"
    assert not [p for p in package.rglob("*.py") if "import pickle" in p.read_text()]


def test_forged_pickle_entry_runs_no_code(cached, repo, tmp_path):
    marker = tmp_path / "pwned"
    payload = pickle.dumps(RunsCode(marker))
    entry = entry_path(cached, (repo / "sources" / "plant.txt").read_bytes())
    entry.write_bytes(payload)
    old_layout = entry.with_suffix(".pickle")  # where the previous release looked
    old_layout.write_bytes(payload)
    result = checked(cached)
    assert not marker.exists()
    assert result.exit_code == 1 and "unusable cache entry (not JSON" in result.stderr
    assert json.loads(result.stdout)["results"][0]["verdict"] == "contradicted"


def test_pickled_numpy_array_in_the_index_runs_no_code(cached, tmp_path):
    marker = tmp_path / "pwned"
    counts = next((cached / "store").rglob("counts.npy"))
    np.save(counts, np.array([RunsCode(marker)], dtype=object), allow_pickle=True)
    result = checked(cached)
    assert not marker.exists() and result.exit_code == 1
    assert json.loads(result.stdout)["results"][0]["verdict"] == "contradicted"


def test_forged_entries_cannot_flip_the_verdict(cached, repo, tmp_path):
    """The previous release's attack: an entry that looks valid but says something else.
    Entries hold spans, never text, and must record the hash of the file's bytes now."""
    raw = (repo / "sources" / "plant.txt").read_bytes()
    entry = entry_path(cached, raw)
    honest = json.loads(entry.read_bytes())
    other = tmp_path / "other.txt"
    other.write_text(OTHER_SOURCE, encoding="utf-8")
    supporting = json.loads(
        source_entry(Cache(tmp_path / "scratch").load_source(str(other))[0], "0" * 64)
    )
    forgeries = {
        # the other file's analysis, under this file's key, claiming this file's hash
        "other file's spans": {**supporting, "sha256": honest["sha256"]},
        # text smuggled in beside the spans
        "text in the entry": {
            **honest,
            "sentences": [
                [*row, "Harbor Steel will close it in 2027."] for row in honest["sentences"]
            ],
        },
        # a span beyond the end of the file
        "span outside the file": {**honest, "sentences": [[0, len(raw) + 50, 0, None, None]]},
        # right shape, stale hash: copied from when the file said something else
        "another file's hash": {**honest, "sha256": hashlib.sha256(b"older bytes").hexdigest()},
        "another version": {**honest, "analysis": ANALYSIS_VERSION + "x"},
    }
    for name, forged in forgeries.items():
        entry.write_text(json.dumps(forged), encoding="utf-8")
        result = checked(cached)
        assert result.exit_code == 1, name
        assert json.loads(result.stdout)["results"][0]["verdict"] == "contradicted", name
        assert "unusable cache entry" in result.stderr, name


def test_cache_writable_by_other_users_is_refused(cached):
    os.chmod(cached, 0o777)
    assert_refused(checked(cached), "writable by other users")
    assert_refused(run("index", "sources/plant.txt", "--cache-dir", cached), "other users")
    os.chmod(cached, 0o700)
    assert checked(cached).exit_code == 1


def test_cache_inside_the_checkout_is_refused(repo):
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"]))
    assert_refused(
        run("index", "sources/plant.txt", "--cache-dir", ".cache"), "cache directory lies inside"
    )
    assert_refused(checked(repo / ".cache"), "cache directory lies inside")
    assert checked(repo / ".cache", "--no-cache").exit_code == 1
    verify = ["verify", CONTRADICTED, "-s", "sources/plant.txt", "--cache-dir", ".cache"]
    assert_refused(run(*verify), "cache directory lies inside")
    assert run(*verify, "--no-cache").exit_code == 1


def test_concurrent_index_runs_never_fail(repo, tmp_path):
    cache_dir = tmp_path / "shared-cache"
    command = [*FACTCHECK, "index", "sources/plant.txt"]
    for _ in range(2):  # a cold cache, then a warm one
        runs = [
            subprocess.Popen(
                [*command, "--cache-dir", str(cache_dir)],
                cwd=repo,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
        assert all(code == 0 for code, _ in outcomes), outcomes
    leftovers = [p for p in cache_dir.rglob(".*")]
    assert not leftovers, leftovers


def test_interrupted_builds_leave_nothing_behind_on_the_next_run(repo, tmp_path):
    cache_dir = tmp_path / "cache"
    assert run("index", "sources/plant.txt", "--cache-dir", cache_dir).exit_code == 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a writer that was killed: its process id no longer runs
    building = cache_dir / "store" / "shards" / f".building.pid{gone.pid}-abc123"
    building.mkdir(parents=True)
    entries = cache_dir / "sources" / "01"  # index analyses lazily: no entry of its own yet
    entries.mkdir(parents=True)
    temp = entries / f".0123.json.pid{gone.pid}-xyz.tmp"
    temp.write_text("{")
    alive = entries / f".4567.json.pid{os.getpid()}-xyz.tmp"  # a concurrent writer's
    alive.write_text("{")
    assert run("index", "sources/plant.txt", "--cache-dir", cache_dir).exit_code == 0
    assert not building.exists() and not temp.exists() and alive.exists()


# --- Medium 4-6: nothing a draft holds can act on a terminal, a log or a PR comment ------

INJECTED = (
    "Harbor Steel \x1b]8;;https://evil.example/\x07will close\x1b]8;;\x07 its plant "
    "\x1b[2J in 2027 \u202eemoc\u202c, @octocat says `x` | ![i](https://e.example/i.png)."
)


def lines_acting_as_workflow_commands(text: str) -> list[str]:
    """Lines GitHub would read as a workflow command (after leading whitespace)."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_newline_and_workflow_commands_in_a_path_stay_on_one_line(repo):
    hostile = "x\\n::error file=a.md::pwned\\n::stop-commands::t0ken\\r\\n::warning::y"
    (repo / "docs" / "draft.md").write_text(
        f'---\nsources: ["{hostile}"]\n---\n\n{CONTRADICTED}\n', encoding="utf-8"
    )
    result = run("check", "docs/draft.md")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert not lines_acting_as_workflow_commands(result.stderr)
    assert "\\n::error" in result.stderr  # shown escaped, not dropped


def test_control_characters_in_claims_and_sources_are_shown_escaped(repo):
    in_source = INJECTED.replace("2027", "2026")  # the evidence, contradicting the claim
    (repo / "sources" / "plant.txt").write_text(SOURCE + f"\n{in_source}\n", encoding="utf-8")
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"], INJECTED))
    outputs = {}
    for format_name in ("terminal", "markdown", "junit", "github", "sarif", "json", "html"):
        result = run("check", "docs/draft.md", "--format", format_name)
        assert result.exit_code in (0, 1), result.output
        outputs[format_name] = result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, format_name
        assert "\u202e" not in result.stdout, format_name
        assert not lines_acting_as_workflow_commands(
            "\n".join(line for line in result.stdout.splitlines() if format_name != "github")
        )
    assert "\\x1b]8;;" in outputs["terminal"] and "\\u202e" in outputs["sarif"]
    assert '"contradicted"' in outputs["json"]
    ET.fromstring(outputs["junit"].split("\n", 1)[1])  # well-formed despite the controls
    claims = [r["claim"] for r in json.loads(outputs["json"])["results"]]
    assert any("\x1b]8;;" in claim for claim in claims)  # JSON keeps the data, escaped


def test_file_name_cannot_break_out_of_its_code_span(repo):
    name = "a`\n# Heading\n![x](p.png) @octocat [l](e.example) <img src=x onerror=alert(1)> `.md"
    (repo / "docs" / name).write_text(draft(["../sources/plant.txt"]))
    result = run("check", f"docs/{name}", "--format", "markdown")
    assert result.exit_code == 1
    assert markdown_elements(result.stdout) <= markdown_elements(baseline_markdown())
    assert "@octocat" in " ".join(code_spans(result.stdout))  # inert: GitHub skips code
    assert "@octocat" not in " ".join(prose(result.stdout))


def test_mentions_in_claim_text_do_not_notify(repo):
    (repo / "docs" / "draft.md").write_text(
        draft(["../sources/plant.txt"], f"@octocat and @github/security say {CONTRADICTED}")
    )
    result = run("check", "docs/draft.md", "--format", "markdown")
    assert result.exit_code == 1
    assert "octocat" in result.stdout
    assert not any(re.search(r"@[\w-]", text) for text in prose(result.stdout))


# --- Medium 7: a crash is exit 2 with one line, never 1 ----------------------------------


def test_lone_surrogate_in_a_claim_is_rejected_at_its_line(repo):
    (repo / "claims.yaml").write_text(
        'sources: [sources/plant.txt]\nclaims:\n  - id: a\n    text: "Harbor \\ud800 Steel"\n'
    )
    assert_refused(run("check", "claims.yaml"), "claims.yaml:4", "surrogate")


@pytest.mark.parametrize(
    "encoding, raw",
    [
        ("unicode_escape", b"Harbor Steel will close \\ud800 its plant.\n"),
        ("raw_unicode_escape", b"Harbor Steel will close \\udfff its plant.\n"),
    ],
)
def test_a_lone_surrogate_decoded_from_a_draft_or_source_is_input_not_a_crash(repo, encoding, raw):
    """An --encoding that can decode to half a UTF-16 pair crashed every format with an
    unexpected UnicodeEncodeError (exit 2, 'a bug')."""
    (repo / "docs" / "draft.md").write_bytes(
        draft(["../sources/plant.txt"], "").encode(encoding) + raw
    )
    result = run("check", "docs/draft.md", "--encoding", encoding, "--format", "json")
    assert_refused(result, "docs/draft.md: a lone surrogate at character", "--encoding")
    (repo / "sources" / "odd.txt").write_bytes(raw)
    result = run("verify", CONTRADICTED, "-s", "sources/odd.txt", "--encoding", encoding)
    assert_refused(result, "sources/odd.txt: a lone surrogate")


def test_a_utf16_draft_is_read_with_its_encoding_not_refused_as_binary(repo):
    """Every ASCII character of UTF-16 holds a NUL byte: the byte sniff refused any such
    file as binary, whatever --encoding said; the decoded text is sniffed instead."""
    text = draft(["../sources/plant.txt"])
    (repo / "docs" / "draft.md").write_text(text, encoding="utf-16")
    (repo / "sources" / "plant.txt").write_text(SOURCE, encoding="utf-16")
    result = run("check", "docs/draft.md", "--encoding", "utf-16", "--format", "json")
    assert result.exit_code == 1, result.output
    [checked] = json.loads(result.stdout)["results"]
    assert checked["claim"] == CONTRADICTED and checked["verdict"] == "contradicted"
    (repo / "docs" / "zeros.md").write_bytes("\x00\x00 binary".encode("utf-16"))
    assert_refused(run("check", "docs/zeros.md", "--encoding", "utf-16"), "binary")


def test_deeply_nested_yaml_and_toml_are_malformed_input(repo):
    depth = 100_000
    (repo / "claims.yaml").write_text("claims: " + "[" * depth + "]" * depth + "\n")
    assert_refused(run("check", "claims.yaml"), "claims.yaml", "malformed YAML")
    (repo / "factcheck.toml").write_text("x = " + "[" * depth + "]" * depth + "\n")
    assert_refused(run("check", "claims.yaml"), "factcheck.toml", "malformed TOML")


def test_unwritable_output_is_exit_2(repo, monkeypatch):
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"]))
    full = OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(full))
        assert_refused(run("check", "docs/draft.md", "-o", "report.txt"), "No space left")
    assert not [p for p in repo.iterdir() if p.name.startswith(".report")]  # no temp left
    read_only = OSError(errno.EROFS, "Read-only file system")
    with monkeypatch.context() as patch:
        patch.setattr("tempfile.mkstemp", lambda **kw: (_ for _ in ()).throw(read_only))
        assert_refused(run("check", "docs/draft.md", "-o", "report.txt"), "Read-only")
    assert_refused(run("check", "docs/draft.md", "-o", "/dev/null"), "not a regular file")


def test_unexpected_exception_is_one_line_and_exit_2(repo, monkeypatch):
    (repo / "docs" / "draft.md").write_text(draft(["../sources/plant.txt"]))

    def boom(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("factcheck.cli.check_claims", boom)
    result = run("check", "docs/draft.md")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "factcheck: error: unexpected ZeroDivisionError: a bug (a bug; --debug shows the traceback)"
    ]
    debug = run("--debug", "check", "docs/draft.md")
    assert debug.exit_code == 2 and "Traceback" in debug.stderr


# --- Medium 9: the report never overwrites an input ------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "sources/plant.txt",
        "./sources/../sources/plant.txt",
        "factcheck.toml",
        "docs/draft.md",
        "docs/link.md",
    ],
)
def test_output_refuses_every_input_the_run_resolved(repo, target):
    (repo / "factcheck.toml").write_text(
        '[[drafts]]\npaths = ["docs/*.md"]\nsources = ["sources/*.txt"]\n'
    )
    (repo / "docs" / "draft.md").write_text(f"{CONTRADICTED}\n")
    (repo / "docs" / "link.md").symlink_to(repo / "sources" / "plant.txt")
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    for args in (["docs/draft.md"], []):
        result = run("check", *args, "--output", target, "--format", "json")
        assert_refused(result, "refusing to overwrite an input")
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before


# --- Every output format of any claim text is valid ------------------------------------

HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b\u2028\u2029\u202a\u202e\u2066\u2069\ufeff")
            + list("\ufffe\uffff\ud800\udfff")
            + list("`*_[]()<>|~$&#!@:%\\-+=.,;'\"{}/")
        ),
        st.characters(),
    ),
    max_size=80,
)


def hostile_report(text: str, path: str, identifier: str) -> CheckReport:
    sentence = Sentence(text or "x", 0, len(text or "x"), 1)
    sentence.attribution = Attribution(AttributionKind.NAMED, speaker=text or "x", role=text)
    evidence = Evidence(path, [sentence], 0.5, [(0, min(3, len(sentence.text)))])
    diff = (("=", "we"), ("-", text or "x"), ("+", f"{text}!"))  # a quote diff: drawn struck
    findings = [
        finding("no-evidence", f"claim says {text!s}"),
        finding("hedge-dropped", text),
        finding("quote-altered", f"quote differs: we [-{text or 'x'}-] {{+{text}!+}}", diff),
    ]
    claim = Claim(identifier, text, path, 1, 1)
    results = [Result(claim, verdict, 0.5, [evidence], findings) for verdict in list(Verdict)[:2]]
    return CheckReport(results, [Source(path, text, [sentence])], Severity.INFO, {path: text})


def markdown_elements(document: str) -> set[str]:
    """The element types markdown-it (as GitHub reads a comment: CommonMark and tables)
    renders, inline ones included."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    found = set()
    for token in parser.parse(document):
        found.add(token.type)
        found |= {child.type for child in token.children or []}
    return found


def inline_tokens(document: str):
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return [child for token in parser.parse(document) for child in token.children or []]


def code_spans(document: str) -> list[str]:
    return [t.content for t in inline_tokens(document) if t.type == "code_inline"]


def prose(document: str) -> list[str]:
    return [t.content for t in inline_tokens(document) if t.type == "text"]


def baseline_markdown() -> str:
    return markdown.render_check(hostile_report("plain words", "docs/a.md", "c1"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE_TEXT, path=HOSTILE_TEXT, identifier=HOSTILE_TEXT)
def test_every_format_of_any_claim_text_is_valid(text, path, identifier):
    report = hostile_report(text, path or "p", identifier or "i")
    for document in (json_format.render_check(report), json_format.render_sources(report.sources)):
        json.loads(document)
    stream = jsonl.render_check(report).splitlines()
    assert len(stream) == len(report.results) + 1 and all(json.loads(line) for line in stream)
    lines = concise.render_check(report).splitlines()  # one line per finding, then the total
    assert len(lines) == sum(len(report.findings(r)) for r in report.results) + 1
    sarif_document = json.loads(sarif.render_check(report))
    errors = list(sarif_validator().iter_errors(sarif_document))
    assert not errors, errors[0].message
    ET.fromstring(junit.render_check(report).split("\n", 1)[1])
    comment = markdown.render_check(report)
    assert markdown_elements(comment) <= markdown_elements(baseline_markdown())
    rows = [line for line in comment.splitlines() if line.startswith("| ")]
    # a count row has 3 cell borders, a finding row 6: no pipe in user text adds a cell
    assert all(len(re.findall(r"(?<!\\)\|", row)) in (3, 6) for row in rows)
    assert not any(re.search(r"@[\w-]", text) for text in prose(comment))
    annotations = github.render_check(report).splitlines()
    assert len(annotations) == 2 * 3 + 1
    assert all(
        line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations[:-1]
    )
    page = html.render_check(report)
    assert "<script>" in page and page.count("<script") == 1
    console = Console(record=True, width=100, file=io.StringIO(), color_system=None)
    # the formats return finished text: printed as markup, a claim's "[/" broke the test
    console.print(terminal.render_check(report), markup=False)
    console.print(terminal.render_sources(report.sources), markup=False)
    shown_text = console.export_text()
    for output in (shown_text, comment, "\n".join(annotations), junit.render_check(report)):
        assert not UNSAFE.search(output.replace("\n", "").replace("\t", "").replace("\r", ""))


# --- action.yml: findings (1) and errors (2) are told apart -----------------------------


@pytest.mark.parametrize("code, sarif_step, check_step", [(0, 0, 0), (1, 0, 1), (2, 2, 2)])
def test_action_fails_the_step_when_factcheck_cannot_run(tmp_path, code, sarif_step, check_step):
    import yaml

    action = yaml.safe_load((Path(__file__).parent.parent / "action.yml").read_text())
    steps = {step.get("name"): step for step in action["runs"]["steps"]}
    fake = tmp_path / "bin" / "factcheck"
    fake.parent.mkdir()
    # a stand-in with factcheck's exit codes: --exit-zero turns findings (1) into 0, not errors
    fake.write_text(
        f'#!/bin/sh\ncode={code}\ncase "$*" in *--exit-zero*) [ $code -eq 1 ] && code=0;; esac\n'
        "exit $code\n"
    )
    fake.chmod(0o755)
    environment = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}"}
    environment |= {"FACTCHECK_PATHS": "docs/a.md $(touch pwned)", "FACTCHECK_FAIL_ON": "error"}
    environment |= {"FACTCHECK_SARIF": "out.sarif"}
    for name, expected in (("SARIF report", sarif_step), ("Check drafts", check_step)):
        step = subprocess.run(
            ["bash", "-e", "-c", steps[name]["run"]],
            env=environment,
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert step.returncode == expected, (name, step.stdout, step.stderr)
        assert ("::error title=factcheck::" in step.stdout) == (code == 2)
    assert not (tmp_path / "pwned").exists()  # inputs are data, not shell code


# --- Medium 8: linear-time text handling ------------------------------------------------

LEAD = "The plan is sound, officials said.\n\n"
LONG = 200_000  # the size: each input took minutes before, 4x per doubling


def test_inputs_that_were_quadratic_are_parsed_correctly():
    source = parse_source(LEAD + " " * LONG + "\nOfficials said the plan is late.\n", "a.txt")
    assert [s.text for s in source.sentences] == [
        "The plan is sound, officials said.",
        "Officials said the plan is late.",
    ]
    assert [c.text for c in parse_draft(LEAD + "[" * LONG + "\n", "d.md")] == [LEAD.strip()]
    unterminated = parse_draft(LEAD + "<!-- factcheck: ignore" + " " * LONG + "\n", "d.md")
    assert [c.text for c in unterminated] == [LEAD.strip()]
    masked = mask_inline("[a](" * (LONG // 4) + "<!--" * (LONG // 4) + "<a" * (LONG // 2))
    assert len(masked) == LONG * 3


def old_text_blocks(text: str) -> list[tuple[str, int]]:
    """The previous regular-expression version, as the reference for what blocks are."""
    blank = re.search(r"\n[ \t]*\n", text)
    pattern = r"(?:[^\n]*\S[^\n]*(?:\n|$))+" if blank else r"[^\n]*\S[^\n]*"
    return [(m.group().rstrip("\n"), m.start()) for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0cab.", max_size=60))
def test_text_blocks_are_the_paragraphs_the_old_pattern_found(text):
    assert [(b.text, b.start) for b in text_blocks(text)] == old_text_blocks(text)


OLD_IGNORE = re.compile(r"<!--\s*factcheck:\s*ignore(?P<codes>[^>]*?)\s*-->")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<!--", " ", "factcheck:", "ignore", " hedge-dropped", ",", "-->", ">", "\n", "x"]
        ),
        max_size=25,
    ).map("".join)
)
def test_ignore_comments_are_read_as_before(text):
    old = [
        (m.end(), frozenset(c for c in re.split(r"[\s,]+", m.group("codes")) if c))
        for m in OLD_IGNORE.finditer(text)
    ]
    assert _ignores(text) == old


MARKUP = ["[", "]", "(", ")", "![", "<", ">", "<!--", "-->", "<a ", "`", "*", "_", "~~", " ", "w"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=60).map("".join), st.integers(1, 40))
def test_masking_keeps_every_offset_in_any_markup(line, window):
    """Masking only ever turns characters into spaces, also when a long line is masked a
    window at a time (here with tiny windows), so every offset still points into the file."""
    masked = "".join(segment._mask_window(piece) for piece in segment._windows(line, window))
    assert len(masked) == len(line)
    assert all(m == c or m == " " for m, c in zip(masked, line, strict=True))
    assert len(mask_inline(line)) == len(line)


def test_a_writer_killed_mid_build_leaves_nothing_after_the_next_run(repo, tmp_path):
    cache_dir = tmp_path / "cache"
    killed_mid_write = (
        "import os, signal, sys\n"
        "import factcheck.store as store\n"
        "def die(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "store.save_postings = die\n"
        "from factcheck.cli import main\n"
        "main()\n"
    )
    command = ["index", "sources/plant.txt", "--cache-dir", str(cache_dir)]
    died = subprocess.run([sys.executable, "-c", killed_mid_write, *command], cwd=repo)
    assert died.returncode == -9
    assert [p for p in cache_dir.rglob(".building*")]  # what a killed build leaves
    assert run(*command).exit_code == 0
    assert not [p for p in cache_dir.rglob(".*")]


def test_a_mention_sign_before_a_character_markdown_escapes_is_still_made_inert():
    # hypothesis found "@_": escaping "_" first hid the word after "@" from the mention rule
    from factcheck.sanitize import WORD_JOINER, markdown_text

    assert markdown_text("@_x") == "@" + WORD_JOINER + "\\_x"
