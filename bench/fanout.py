"""When sharing a check's claims among forked workers pays: `factcheck check` of the first N
claims of a claim set, on one process (`-j 1`) and on two (`-j 2`, the fan-out forced even
below its own minimum of claims per worker), for several N.

    python bench/fanout.py [--runs 5] [--claims claims/us-japan-alliance.yaml] [--cache-dir D]

Each measurement is a fresh `factcheck` process, as a user runs it: a worker forked at the
start of the claims has built none of the tables a check builds as it goes, and pays for
them itself; the fixed costs (imports, reading the sources or opening the store, the
report) are the same on both sides, so the difference is what the fan-out gains or costs.
Runs are interleaved so that load on the machine falls on both alike; medians of wall and
CPU (getrusage of the waited process tree) are printed with the load average. With a claim
set that names bench/scale.py's archive (`/tmp/factcheck-scale/archive-1000000/claims.yaml`)
and its `--cache-dir`, the same for a 1M-sentence archive.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")  # the installed command
COUNTS = (2, 4, 8, 16, 32)  # claims checked; the bundled set has 46
# bytecode cached as a pip install leaves it (bench/coldstart.py says why)
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# the fan-out's own minimum lifted, so that two workers are timed at every count
FORCED = "import sys, factcheck.fanout as f; f.MIN_PER_WORKER = 1; from factcheck.cli import run; "


def claim_subset(claim_set: Path, count: int, directory: Path) -> Path:
    """The claim set with its first `count` claims, its sources made absolute."""
    document = yaml.safe_load(claim_set.read_text(encoding="utf-8"))
    base = claim_set.parent
    sources = document.get("sources", [])
    sources = [sources] if isinstance(sources, str) else sources
    document["sources"] = [str((base / s).resolve()) for s in sources]
    document["claims"] = document["claims"][:count]
    path = directory / f"claims-{count}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (CPU of the process and every child it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=ENVIRONMENT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"factcheck failed: {done.stderr.decode()[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--claims", type=Path, default=ROOT / "claims" / "us-japan-alliance.yaml")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--counts", type=int, nargs="+", default=list(COUNTS))
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average {os.getloadavg()[0]:.1f}; "
        f"claims from {args.claims}"
    )
    cache = ["--cache-dir", str(args.cache_dir)] if args.cache_dir else ["--no-cache"]
    print("\n| claims | one process: wall s (CPU s) | two: wall s (CPU s) | two / one (wall) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for count in args.counts:
            path = claim_subset(args.claims, count, Path(scratch))
            base = ["check", str(path), "--format", "json", "--allow-outside-root", *cache]
            # the forced run: the command's entry, with the fan-out's minimum lifted first
            forced = FORCED + f"sys.argv = ['factcheck', *{[*base, '-j', '2']!r}]; run()"
            commands = {1: [FACTCHECK, *base, "-j", "1"], 2: [sys.executable, "-c", forced]}
            times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
            for _ in range(args.runs):
                for jobs, command in commands.items():
                    times[jobs].append(timed(command))
            walls = {j: statistics.median(w for w, _ in t) for j, t in times.items()}
            cpus = {j: statistics.median(c for _, c in t) for j, t in times.items()}
            print(
                f"| {count} | {walls[1]:.2f} ({cpus[1]:.2f}) | {walls[2]:.2f} ({cpus[2]:.2f}) | "
                f"{walls[2] / walls[1]:.2f} |"
            )
            sys.stdout.flush()
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
