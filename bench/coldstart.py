"""Cold start of `factcheck verify` on the bundled article, as a pre-commit hook pays it.

    python bench/coldstart.py [--runs 15]

Each run is a fresh process, with Python's bytecode cache as a pip install leaves it
(PYTHONDONTWRITEBYTECODE is dropped for these runs: with it set and no `.pyc` written, every
run compiles factcheck's modules again, 0.15 s more). Interleaved in the same loop, so that
load on the machine falls on all of them alike: `python -c pass` (the interpreter alone: the
floor no change to factcheck can go below), `python -c "import factcheck.cli"` (imports
only), and `factcheck verify` of the README's first example against the article (which
reads, segments and attributes the source every time: verify keeps no cache), in the
terminal format and in JSON.
Medians are printed with their ratio to the interpreter's.

Then the phases of a verify, timed in fresh interpreters (imports, reading the article, the
first claim, which builds the lexicon tables, a second claim, rendering); and one `python -X
importtime` of `factcheck.cli` lists the largest imports (cumulative ms, where each is first
imported) and says whether the heavy libraries that only some commands need (rich,
markdown_it, numpy, yaml, the store) were imported at all.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")  # the installed command
CLAIM = 'A senior Japanese official said "We will never change our course."'  # README's example
RUNS = 15  # runs of each command; the median of 15 is stable to ~10 ms under this load
LARGEST_IMPORTS = 12  # rows of the importtime table
ON_DEMAND = ("rich", "markdown_it", "numpy", "yaml", "factcheck.store", "factcheck.formats.html")


def commands() -> dict[str, list[str]]:
    verify = [FACTCHECK, "verify", CLAIM, "--source", str(ARTICLE)]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import factcheck.cli": [sys.executable, "-c", "import factcheck.cli"],
        "factcheck verify": verify,
        "factcheck verify --format json": [*verify, "--format", "json"],
    }


# The environment of every timed process: bytecode written once and read after (see above).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str]) -> float:
    """Seconds the command took; one that fails (exit 2) is no measurement of a verify."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=ENVIRONMENT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.strip()}")
    return time.perf_counter() - started


def medians(runs: int) -> dict[str, float]:
    timed = commands()
    for command in timed.values():
        wall(command)  # warm the file cache and write .pyc files
    walls: dict[str, list[float]] = {name: [] for name in timed}
    for _ in range(runs):
        for name, command in timed.items():
            walls[name].append(wall(command))
    return {name: statistics.median(times) for name, times in walls.items()}


def largest_imports() -> tuple[list[tuple[str, float]], dict[str, bool]]:
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import factcheck.cli"],
        capture_output=True,
        text=True,
        check=True,
        env=ENVIRONMENT,
    ).stderr
    cumulative = {}
    for line in trace.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            cumulative[parts[2].strip()] = int(parts[1]) / 1000
    top = sorted(cumulative.items(), key=lambda item: -item[1])[:LARGEST_IMPORTS]
    return top, {name: name in cumulative for name in ON_DEMAND}


PHASES = """
import json, time
started = time.perf_counter()
marks = {}
import factcheck.cli
from factcheck import check_claims, load_sources
from factcheck.claims import single_claim
from factcheck.formats import FORMATS, PLAIN
from factcheck.report import CheckReport
marks["import factcheck.cli"] = time.perf_counter()
sources = load_sources([ARTICLE])
marks["read, segment, attribute the article"] = time.perf_counter()
results = check_claims([single_claim(CLAIM)], sources)
marks["check the claim (first: builds the lexicon tables)"] = time.perf_counter()
check_claims([single_claim(CLAIM)], sources)
marks["check it again (tables built)"] = time.perf_counter()
FORMATS["terminal"].check(CheckReport(results, sources), PLAIN)
marks["render for the terminal (imports rich)"] = time.perf_counter()
previous, spans = started, {}
for name, moment in marks.items():
    spans[name], previous = moment - previous, moment
print(json.dumps(spans))
"""


def phases(runs: int) -> dict[str, float]:
    """Median seconds of each phase of a verify, in fresh interpreters: where the time goes."""
    code = PHASES.replace("ARTICLE", repr(str(ARTICLE))).replace("CLAIM", repr(CLAIM))
    spans: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=ENVIRONMENT,
        )
        for name, seconds in json.loads(done.stdout.splitlines()[-1]).items():
            spans.setdefault(name, []).append(seconds)
    return {name: statistics.median(times) for name, times in spans.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average {os.getloadavg()[0]:.1f}"
    )
    figures = medians(args.runs)
    floor = figures["python -c pass"]
    print(f"\n| command (median of {args.runs}) | seconds | x python -c pass |")
    print("|---|---|---|")
    for name, seconds in figures.items():
        print(f"| {name} | {seconds:.3f} | {seconds / floor:.1f} |")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"\n| phase of a verify, in process (median of {args.runs}) | seconds |")
    print("|---|---|")
    for name, seconds in phases(args.runs).items():
        print(f"| {name} | {seconds:.3f} |")
    top, imported = largest_imports()
    print("\nlargest imports of factcheck.cli (cumulative ms): ")
    print(", ".join(f"{name} {ms:.0f}" for name, ms in top))
    print(
        "imported at start: "
        + ", ".join(f"{name} {'yes' if on else 'no'}" for name, on in imported.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
