"""Cold start of `factcheck verify` on the bundled article, as a pre-commit hook pays it.

    python bench/coldstart.py [--runs 15] [--baseline OTHER/bin/factcheck ...]

Each run is a fresh process, with Python's bytecode cache as a pip install leaves it
(PYTHONDONTWRITEBYTECODE is dropped for these runs: with it set and no `.pyc` written, every
run compiles factcheck's modules again, 0.15 s more). Interleaved in the same loop, the order
turned by one each round, so that load on the machine falls on all of them alike:

- `python -c pass`: the interpreter alone, the floor no change to factcheck can go below;
- every module a repeated verify imports that is not factcheck's own (the standard library's,
  click's, rapidfuzz's), imported by name: the floor that factcheck's own modules and its
  work on the claim stand on, which only dropping a library could lower;
- `python -c "import factcheck.cli"`: imports only;
- `factcheck verify` of the README's first example against the article, repeated: its
  analysis is read from the cache the first run stored (what a hook pays from its second
  commit on), in the terminal format and in JSON, both written to a pipe;
- the same verify with `--no-cache` (reads, segments and attributes the article);
- the first verify, into an empty cache directory made before each run (it analyses and
  stores the article);
- with `--baseline` (repeatable), other installations' `factcheck verify` (say, main before
  a change) in the same loop, and each command's median difference from the first of
  them, round by round.

The cache lives in a temporary directory (FACTCHECK_CACHE_DIR), never the user's. Medians
of wall time are printed with their range, the ratio to the interpreter's, and the median
CPU time (user + system, from `wait4`); the load average before and after.

Then the phases of a verify, timed in fresh interpreters (imports, the article analysed or
read from the cache, the first claim, a second claim, rendering for a pipe); and one
`python -X importtime` of the repeated verify lists the largest imports (cumulative ms,
where each is first imported) and says whether the modules a verify has no use for (rich,
markdown_it, numpy, yaml, the store, multiprocessing, the attribution's context passes)
were imported at all.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")  # the installed command
CLAIM = 'A senior Japanese official said "We will never change our course."'  # README's example
RUNS = 15  # runs of each command; the median of 15 is stable to ~10 ms under this load
LARGEST_IMPORTS = 12  # rows of the importtime table
ON_DEMAND = (
    "rich",
    "markdown_it",
    "numpy",
    "yaml",
    "factcheck.store",
    "factcheck.formats.html",
    "multiprocessing",
    "factcheck.attribution.context",
)
FIRST = "factcheck verify, first (empty cache)"  # run in a directory made for each run


STACK = "the same imports, factcheck's own left out"  # the floor factcheck's code stands on

# Run in a fresh interpreter: the modules a repeated verify imports that are not factcheck's
# own (Python's standard library, click, rapidfuzz and what they import), in import order.
STACK_PROBE = """
import contextlib, io, json, sys
before = set(sys.modules)
from factcheck.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["verify", CLAIM, "--source", ARTICLE])
print(json.dumps([m for m in sys.modules if m not in before and m.split(".")[0] != "factcheck"]))
"""


def stack_modules(env: dict[str, str]) -> list[str]:
    """What a repeated verify imports besides factcheck itself: importing just these in a
    fresh interpreter is a floor no change to factcheck's own code can go below."""
    code = STACK_PROBE.replace("CLAIM", repr(CLAIM)).replace("ARTICLE", repr(str(ARTICLE)))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stdout.splitlines()[-1])


def commands(baselines: list[str], stack: list[str]) -> dict[str, list[str]]:
    verify = [FACTCHECK, "verify", CLAIM, "--source", str(ARTICLE)]  # as timed_run writes it
    imports = f"import importlib\nfor name in {stack!r}:\n    importlib.import_module(name)"
    timed = {
        "python -c pass": [sys.executable, "-c", "pass"],
        STACK: [sys.executable, "-c", imports],
        "import factcheck.cli": [sys.executable, "-c", "import factcheck.cli"],
        "factcheck verify (cached)": verify,
        "factcheck verify --format json (cached)": [*verify, "--format", "json"],
        "factcheck verify --no-cache": [*verify, "--no-cache"],
        FIRST: [*verify, "--cache-dir"],  # the directory is added run by run
    }
    for baseline in baselines:
        timed[f"{baseline} verify"] = [baseline, "verify", CLAIM, "--source", str(ARTICLE)]
    return timed


def environment(cache: str) -> dict[str, str]:
    """The environment of every timed process: bytecode written once and read after (see
    above), the cache in the bench's own directory, and no working directory on `sys.path`
    (PYTHONSAFEPATH): `python -c "import factcheck.cli"` run in the checkout would import
    the source tree, not the installation measured."""
    chosen = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**chosen, "FACTCHECK_CACHE_DIR": cache, "PYTHONSAFEPATH": "1"}


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, from `wait4`) of the command, its report written
    to /dev/null (not a terminal, as in a hook); one that fails (exit 2) is no measurement
    of a verify."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    with child.stderr:  # one line at most: the pipe never fills
        errors = child.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {status}: {errors.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def run_once(name: str, command: list[str], env: dict[str, str], scratch: Path) -> tuple:
    if name != FIRST:
        return timed_run(command, env)
    empty = Path(tempfile.mkdtemp(dir=scratch))  # made before the clock starts
    try:
        return timed_run([*command, str(empty)], env)
    finally:
        shutil.rmtree(empty, ignore_errors=True)


class Measured:
    """Wall and CPU seconds of each run of one command."""

    def __init__(self) -> None:
        self.walls: list[float] = []
        self.cpus: list[float] = []


def measure(runs: int, baselines: list[str], env: dict[str, str], scratch: Path) -> dict:
    verify = [FACTCHECK, "verify", CLAIM, "--source", str(ARTICLE)]
    timed_run(verify, env)  # the article's analysis stored: what follows reads it back
    timed = commands(baselines, stack_modules(env))
    for name, command in timed.items():
        run_once(name, command, env, scratch)  # warm the file cache, write .pyc, fill the cache
    measured = {name: Measured() for name in timed}
    names = list(timed)
    for round_ in range(runs):
        turn = round_ % len(names)
        for name in names[turn:] + names[:turn]:
            wall, cpu = run_once(name, timed[name], env, scratch)
            measured[name].walls.append(wall)
            measured[name].cpus.append(cpu)
    return measured


def largest_imports(env: dict[str, str]) -> tuple[list[tuple[str, float]], dict[str, bool]]:
    """-X importtime of the repeated (cached) verify."""
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", FACTCHECK, "verify", CLAIM, "-s", str(ARTICLE)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
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
from factcheck import Cache, check_claims, load_sources
from factcheck.cache import default_directory
from factcheck.claims import single_claim
from factcheck.formats import FORMATS, PLAIN
from factcheck.report import CheckReport
marks["import factcheck.cli"] = time.perf_counter()
if CACHED:
    sources = load_sources([ARTICLE], cache=Cache(default_directory(), sweep=False))
    marks["read the article's analysis from the cache"] = time.perf_counter()
else:
    sources = load_sources([ARTICLE])
    marks["read, segment, attribute the article"] = time.perf_counter()
results = check_claims([single_claim(CLAIM)], sources)
marks["check the claim (first: reads the lexicon tables)"] = time.perf_counter()
check_claims([single_claim(CLAIM)], sources)
marks["check it again (tables read)"] = time.perf_counter()
FORMATS["terminal"].check(CheckReport(results, sources), PLAIN)
marks["render the terminal format for a pipe"] = time.perf_counter()
previous, spans = started, {}
for name, moment in marks.items():
    spans[name], previous = moment - previous, moment
print(json.dumps(spans))
"""


def phases(runs: int, cached: bool, env: dict[str, str]) -> dict[str, float]:
    """Median seconds of each phase of a verify, in fresh interpreters: where the time goes."""
    code = PHASES.replace("ARTICLE", repr(str(ARTICLE))).replace("CLAIM", repr(CLAIM))
    code = code.replace("CACHED", repr(cached))
    spans: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        for name, seconds in json.loads(done.stdout.splitlines()[-1]).items():
            spans.setdefault(name, []).append(seconds)
    return {name: statistics.median(times) for name, times in spans.items()}


def installation() -> str:
    """Whether factcheck runs from its source tree (`pip install -e`, whose import finder
    adds to every start) or from site-packages (a wheel)."""
    import factcheck

    where = Path(factcheck.__file__).resolve()
    return "editable (source tree)" if where.is_relative_to(ROOT) else "wheel (site-packages)"


def print_table(measured: dict, runs: int, baseline: str | None) -> None:
    floor = statistics.median(measured["python -c pass"].walls)
    paired = "| paired vs the first baseline: wall (CPU) |" if baseline else ""
    print(f"\n| command (median of {runs}) | wall s [range] | x python -c pass | CPU s {paired}")
    print("|---|---|---|---|" + ("---|" if baseline else ""))
    for name, runs_of in measured.items():
        wall = statistics.median(runs_of.walls)
        row = (
            f"| {name} | {wall:.3f} [{min(runs_of.walls):.3f}-{max(runs_of.walls):.3f}] "
            f"| {wall / floor:.1f} | {statistics.median(runs_of.cpus):.3f} |"
        )
        if baseline:
            against = measured[f"{baseline} verify"]
            walls = zip(runs_of.walls, against.walls, strict=True)
            cpus = zip(runs_of.cpus, against.cpus, strict=True)
            row += (
                f" {1000 * statistics.median(a - b for a, b in walls):+.0f} ms "
                f"({1000 * statistics.median(a - b for a, b in cpus):+.0f} ms) |"
            )
        print(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--baseline",
        action="append",
        default=[],
        help="another installation's factcheck command, timed in the same loop (repeatable)",
    )
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"factcheck {installation()}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        cache.mkdir(mode=0o700)
        env = environment(str(cache))
        measured = measure(args.runs, args.baseline, env, Path(scratch))
        print_table(measured, args.runs, args.baseline[0] if args.baseline else None)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        for cached in (True, False):
            print(f"\n| phase of a verify, in process (median of {args.runs}) | seconds |")
            print("|---|---|")
            for name, seconds in phases(args.runs, cached, env).items():
                print(f"| {name} | {seconds:.3f} |")
        top, imported = largest_imports(env)
    print("\nlargest imports of a repeated verify (cumulative ms): ")
    print(", ".join(f"{name} {ms:.0f}" for name, ms in top))
    print(
        "imported: " + ", ".join(f"{name} {'yes' if on else 'no'}" for name, on in imported.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
