"""What starting factcheck imports: heavy libraries only where a run uses them.

A pre-commit hook pays every import on every run (bench/coldstart.py times it); these tests
hold the import structure that keeps that cost down, not a time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
# Imported only by the commands or formats that use them: rich by the terminal format on a
# terminal (a pipe or a file is written without it) and by `sources`' tables, markdown_it by
# the HTML format and Markdown sources, numpy and the store by `index` and `check` against
# an index, yaml by claim sets, dask by --scheduler.
ON_DEMAND = ("rich", "markdown_it", "numpy", "yaml", "factcheck.store", "dask")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def cli_run(*args: str) -> str:
    """Python code that runs the command line with `args` in-process and carries on."""
    return (
        "import contextlib, io\n"
        "from factcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({list(args)!r})"
    )


def test_importing_the_command_line_imports_no_heavy_library():
    loaded = modules_after("import factcheck.cli")
    assert not loaded & set(ON_DEMAND)
    assert not any(
        name.startswith("factcheck.formats.")
        for name in loaded
        - {
            "factcheck.formats.base",
            "factcheck.formats.concise",  # --statistics, a few lines with no dependency
        }
    )


def test_verify_in_json_imports_only_the_json_format():
    loaded = modules_after(
        cli_run("verify", "Japan sells interceptors.", "-s", str(ARTICLE), "--format", "json")
    )
    assert "factcheck.formats.json" in loaded
    assert not loaded & {*ON_DEMAND, "factcheck.formats.terminal", "factcheck.formats.html"}


# Standard modules `verify` has no use for: they go with writing (the cache, a report to a
# file), reading package data through importlib.resources, printing a traceback, and
# forking workers for many claims (fanout.py).
UNUSED_BY_VERIFY = (
    "shutil",
    "tempfile",
    "zipfile",
    "importlib.resources",
    "traceback",
    "multiprocessing",
)


def test_verify_imports_no_standard_module_it_has_no_use_for():
    verify = ("verify", "Japan sells interceptors.", "-s", str(ARTICLE))
    loaded = modules_after(cli_run(*verify, "--no-cache"))
    assert not loaded & set(UNUSED_BY_VERIFY)


def test_a_repeated_verify_reads_its_source_without_the_attribution_passes():
    """What a pre-commit hook pays from its second run: the source's analysis is read from
    the cache (the first run stored it), so the context passes that attribute a whole
    source are never imported, nor anything writing needs."""
    verify = ("verify", "Japan sells interceptors.", "-s", str(ARTICLE))
    first = modules_after(cli_run(*verify))
    assert "factcheck.attribution.context" in first  # analysed, then stored
    loaded = modules_after(cli_run(*verify))
    assert not loaded & {*UNUSED_BY_VERIFY, "factcheck.attribution.context"}
    assert not loaded & {"factcheck.segment", "sentencex"}  # the sentences are cached too
    assert "factcheck.attribution.cues" in loaded  # a claim's stated speaker still needs it


def test_the_terminal_format_in_a_pipe_is_written_without_rich():
    loaded = modules_after(cli_run("verify", "Japan sells interceptors.", "-s", str(ARTICLE)))
    assert "factcheck.formats.terminal" in loaded
    assert not loaded & {*ON_DEMAND, "factcheck.formats.html"}


def test_the_terminal_format_brings_rich_when_it_draws_for_a_terminal():
    loaded = modules_after(
        "from factcheck.formats import CheckReport, Target, terminal\n"
        "terminal.render_check(CheckReport([]), Target(color=True, width=80))"
    )
    assert "rich" in loaded
    assert "rich.table" not in loaded  # only `sources` draws tables


def test_every_dataclass_has_its_own_docstring():
    # Without one, `dataclass` writes its signature as the docstring, through
    # inspect.signature, at import: a cost every run pays for a docstring nobody wrote.
    import dataclasses
    import importlib
    import pkgutil

    import factcheck

    undocumented = []
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == info.name
                and (value.__doc__ or "").startswith(f"{value.__name__}(")
            ):
                undocumented.append(f"{info.name}.{value.__qualname__}")
    assert not undocumented
