"""Time and peak memory of factcheck on pathological inputs, each in a fresh process.

    python bench/limits.py [--quick]

For each input: build it, run the whole `check` path (read, segment, attribute, index, one
claim verified) and report wall time and peak resident memory. Shows that time and memory
grow about linearly with input size.

A second table doubles the inputs that made regular expressions quadratic before issue 15
(a source line of 200,000 spaces, a draft of 200,000 "[", an unterminated ignore comment
followed by spaces: minutes each, 4x per doubling); linear now means 2x per doubling.
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
LEAD = "The plan is sound, officials said.\n\n"  # so each input has prose to check
# name -> (builder of about n characters, suffix: .txt is read as a source, .md as a draft)
QUADRATIC_BEFORE = {
    "source line of spaces": (lambda n: LEAD + " " * n + "\n", ".txt"),
    'draft of "[" only': (lambda n: LEAD + "[" * n + "\n", ".md"),
    "unterminated ignore comment + spaces": (
        lambda n: LEAD + "<!-- factcheck: ignore" + " " * n + "\n",
        ".md",
    ),
}
# Drafts are only read and parsed (where the quadratic patterns were), after one warm-up run
# on a small file so that loading lexicons and the splitter is not counted; best of three.
DRAFT_CHILD = r"""
import json, resource, sys, time
from factcheck.claims import load_claims
load_claims(sys.argv[2])
elapsed = float("inf")
for _ in range(3):  # best of three: the machine is shared
    start = time.perf_counter()
    claims = load_claims(sys.argv[1]).claims
    elapsed = min(elapsed, time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "sentences": len(claims)}))
"""
CHILD = r"""
import json, resource, sys, time
from factcheck import check_claims, load_sources
from factcheck.claims import single_claim
warm = len(sys.argv) > 2
if warm:  # warm up on a small file first, then best of three (as the drafts' child)
    check_claims([single_claim("Officials said it.")], load_sources([sys.argv[2]]))
elapsed = float("inf")
for _ in range(3 if warm else 1):
    start = time.perf_counter()
    sources = load_sources([sys.argv[1]])
    results = check_claims([single_claim("Officials said the plan is sound.")], sources)
    elapsed = min(elapsed, time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak,
                  "sentences": sum(len(s.sentences) for s in sources)}))
"""


def measure(text: str, suffix: str = ".txt", warm: bool = False) -> dict:
    """Time the child on `text`; `warm`: after a run on a small file of the same kind."""
    with tempfile.TemporaryDirectory() as directory:
        path, small = Path(directory) / f"input{suffix}", Path(directory) / f"small{suffix}"
        path.write_text(text, encoding="utf-8")
        small.write_text(LEAD, encoding="utf-8")
        child = CHILD if suffix == ".txt" else DRAFT_CHILD
        command = [sys.executable, "-c", child, str(path), *([str(small)] if warm else [])]
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 5 MB only")
    parser.add_argument(
        "--doubling-only", action="store_true", help="only the inputs that were quadratic"
    )
    args = parser.parse_args()
    sizes = [1_000_000, 5_000_000] if args.quick else [1_000_000, 10_000_000, 50_000_000]
    print("| input | size | sentences | seconds | peak MB | seconds per MB |")
    print("|---|---|---|---|---|---|")
    for name, build in {} if args.doubling_only else CASES.items():
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
    print()
    print("| input | size | claims or sentences | seconds | peak MB | time vs half the size |")
    print("|---|---|---|---|---|---|")
    doubling = [200_000, 400_000, 800_000] if args.quick else [200_000, 400_000, 800_000, 1_600_000]
    for name, (build, suffix) in QUADRATIC_BEFORE.items():
        previous = None
        for size in doubling:
            result = measure(build(size), suffix, warm=True)
            ratio = f"{result['seconds'] / previous:.1f}x" if previous else "-"
            previous = max(result["seconds"], 1e-6)
            print(
                f"| {name} | {size // 1000} KB | {result['sentences']:,} | "
                f"{result['seconds']:.3f} | {result['peak_mb']:.0f} | {ratio} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
