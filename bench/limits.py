"""Time and peak memory of factcheck on pathological inputs, each in a fresh process.

    python bench/limits.py [--quick]

For each input: build it, run the whole `check` path (read, segment, attribute, index, one
claim verified) and report wall time and peak resident memory. Shows that time and memory
grow about linearly with input size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CASES = {
    "single line of words": lambda n: "word " * (n // 5),
    "tiny sentences, one per line": lambda n: "".join(f"Go now {i}.\n" for i in range(n // 12)),
    "one long line of sentences": lambda n: "".join(
        f"The plan {i} is sound, officials said. " for i in range(n // 38)
    ),
    "unbalanced quotes": lambda n: "He said “we will “win and ” go. " * (n // 33),
}
CHILD = r"""
import json, resource, sys, time
from factcheck import check_claims, load_sources
from factcheck.claims import single_claim
start = time.perf_counter()
sources = load_sources([sys.argv[1]])
results = check_claims([single_claim("Officials said the plan is sound.")], sources)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak,
                  "sentences": sum(len(s.sentences) for s in sources)}))
"""


def measure(text: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, f.name], capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)
    finally:
        Path(f.name).unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 5 MB only")
    args = parser.parse_args()
    sizes = [1_000_000, 5_000_000] if args.quick else [1_000_000, 10_000_000, 50_000_000]
    print("| input | size | sentences | seconds | peak MB | seconds per MB |")
    print("|---|---|---|---|---|---|")
    for name, build in CASES.items():
        for size in sizes:
            if name != "single line of words" and size > 10_000_000:
                continue
            result = measure(build(size))
            mb = size / 1e6
            print(
                f"| {name} | {mb:.0f} MB | {result['sentences']:,} | {result['seconds']:.1f} "
                f"| {result['peak_mb']:.0f} | {result['seconds'] / mb:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
