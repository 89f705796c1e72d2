"""Verdict accuracy and macro-F1 on claim sets with `expect` values.

    python bench/accuracy.py [claims/us-japan-alliance.yaml ...]

Prints a confusion matrix (rows: expected, columns: found), per-verdict precision, recall and
F1, accuracy and macro-F1, as Markdown tables ready for the README.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from factcheck import check_claims, load_sources
from factcheck.claims import load_claims
from factcheck.model import Verdict

DEFAULT = [Path(__file__).resolve().parent.parent / "claims" / "us-japan-alliance.yaml"]


def main(paths: list[str]) -> int:
    pairs: list[tuple[Verdict, Verdict]] = []
    started = time.perf_counter()
    for path in paths or [str(p) for p in DEFAULT]:
        claim_set = load_claims(path)
        results = check_claims(claim_set.claims, load_sources(claim_set.sources))
        pairs += [(r.claim.expect, r.verdict) for r in results if r.claim.expect is not None]
    elapsed = time.perf_counter() - started
    verdicts = list(Verdict)
    print(f"{len(pairs)} claims with `expect`, checked in {elapsed:.2f} s\n")
    print("| expected \\ found | " + " | ".join(v.value for v in verdicts) + " |")
    print("|---" * (len(verdicts) + 1) + "|")
    for expected in verdicts:
        row = [sum(1 for e, f in pairs if e is expected and f is found) for found in verdicts]
        print(f"| {expected.value} | " + " | ".join(str(n) for n in row) + " |")
    print("\n| verdict | claims | precision | recall | F1 |\n|---|---|---|---|---|")
    f1s = []
    for verdict in verdicts:
        true_pos = sum(1 for e, f in pairs if e is verdict and f is verdict)
        found = sum(1 for _, f in pairs if f is verdict)
        expected = sum(1 for e, _ in pairs if e is verdict)
        precision = true_pos / found if found else 0.0
        recall = true_pos / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"| {verdict.value} | {expected} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    accuracy = sum(e is f for e, f in pairs) / len(pairs)
    print(f"\naccuracy {accuracy:.3f}, macro-F1 {sum(f1s) / len(f1s):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
