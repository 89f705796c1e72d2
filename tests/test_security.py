"""The attacks of a hostile pull request, each run as a user would run factcheck in CI: the
draft, its front matter, the claim set, the configuration and the sources are the
attacker's; the report goes to a PR comment, annotations, SARIF, JUnit, HTML and the log.

Every file is built in a temporary checkout (a directory with `.git/`), with a secret
outside it and a token in `.git/config`, as actions/checkout leaves one."""

import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.cache import ANALYSIS_VERSION, Cache, source_entry, source_key
from factcheck.cli import main

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


def test_paths_typed_on_the_command_line_are_read_where_they_are(repo):
    """The invoker's own choice, without a symlink: read, confined or not."""
    outside = repo.parent / "outside" / "plant.txt"
    outside.write_text(SOURCE, encoding="utf-8")
    result = run("verify", CONTRADICTED, "-s", outside, "--format", "json")
    assert result.exit_code == 1 and '"contradicted"' in result.stdout


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
