"""factcheck at archive scale: the BM25 index against brute force, on synthetic corpora.

    python bench/scale.py                       # 10k, 100k and 1M sentences
    python bench/scale.py --sizes 10000 100000  # a quicker run

Corpora are built from real article text: the sentences of the bundled article and, where
`../shared/polnear-dev/` is present, of the PolNeAR articles (read at run time, never stored),
shuffled and varied (clauses reordered, words swapped for others from the same texts). The
bundled article's own sentences, the true evidence for the bundled claims, are planted among
them once each. For every size, in a fresh process, the script reports:

- index build time (word ids, document frequencies, bm25s) and peak resident memory;
- per-claim latency of `Index.search` (median and p95, warm);
- recall@5: how often the true evidence is among the five results, for the index and for
  brute force (the same scorer applied to every sentence), and their ratio;
- the speed ratio to brute force, and to a cheaper obvious baseline (rapidfuzz `cdist` with
  `token_set_ratio` over every sentence, all cores), on the sizes where they finish in the
  time budget (brute force on a sample of claims where the full set would not).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
CLAIM_SET = ROOT / "claims" / "us-japan-alliance.yaml"
POLNEAR = ROOT.parent / "shared" / "polnear-dev"


def real_sentences() -> list[str]:
    from factcheck.sources import parse_source

    texts = [path.read_text(encoding="utf-8") for path in sorted(POLNEAR.glob("*.txt"))]
    pool = []
    for number, text in enumerate(texts):
        pool += [s.text for s in parse_source(text, f"polnear-{number}").content]
    return [s for s in pool if len(s.split()) >= 6]


def corpus(size: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """(sentences, planted evidence): varied real sentences with the article planted in."""
    from factcheck.sources import parse_source

    article = [s.text for s in parse_source(ARTICLE.read_text(encoding="utf-8"), "a").content]
    pool = real_sentences() + article
    vocabulary = [w for s in pool for w in s.split() if w.isalpha()]
    rng = random.Random(seed)
    sentences = []
    for _ in range(size - len(article)):
        clauses = re.split(r"(?<=,) ", rng.choice(pool))
        rng.shuffle(clauses)
        words = " ".join(clauses).split()
        for _ in range(max(1, len(words) // 4)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        sentences.append(" ".join(words))
    for text in article:
        sentences.insert(rng.randrange(len(sentences) + 1), text)
    return sentences, article


def claims_with_evidence() -> list[tuple[str, str]]:
    """(claim, true evidence sentence) for the bundled claims that have evidence: the
    sentence factcheck picks on the article alone."""
    from factcheck import check_claims, load_sources
    from factcheck.claims import load_claims
    from factcheck.model import Verdict

    claim_set = load_claims(str(CLAIM_SET))
    results = check_claims(claim_set.claims, load_sources(claim_set.sources))
    return [
        (r.claim.text, r.evidence[0].sentences[0].text)
        for r in results
        if r.claim.expect is not Verdict.UNSUPPORTED and r.evidence
    ]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def recall(results: list[list[str]], truth: list[str]) -> float:
    return sum(t in found for found, t in zip(results, truth, strict=True)) / len(truth)


def measure(size: int, budget: float) -> dict:
    """One size, in this process: build, latency, recall, baselines."""
    from rapidfuzz import fuzz, process

    from factcheck.model import Sentence, Source
    from factcheck.retrieve import Index
    from factcheck.text import normalize

    pairs = claims_with_evidence()
    claims, truth = [c for c, _ in pairs], [t for _, t in pairs]
    texts, _ = corpus(size)
    objects, cursor = [], 0
    for line, text in enumerate(texts, start=1):
        objects.append(Sentence(text, cursor, cursor + len(text), line))
        cursor += len(text) + 1
    sources = [Source("corpus.txt", "", objects)]
    corpus_mb = rss_mb()

    started = time.perf_counter()
    index = Index(sources)
    build = time.perf_counter() - started
    peak_mb = rss_mb()

    def top5(engine, claim):
        return [s.text for e in engine.search(claim) for s in e.sentences][:10]

    for claim in claims[:3]:
        index.search(claim)  # warm: caches, page-ins
    latencies, found = [], []
    for claim in claims:
        started = time.perf_counter()
        found.append(top5(index, claim))
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    row = {
        "size": len(texts),
        "claims": len(claims),
        "build_s": build,
        "peak_mb": peak_mb,
        "corpus_mb": corpus_mb,
        "median_ms": statistics.median(latencies),
        "p95_ms": latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))],
        "recall_index": recall(found, truth),
    }

    # the cheap obvious baseline: rapidfuzz over every sentence, all cores
    norms = [normalize(t) for t in texts]
    started = time.perf_counter()
    baseline_found = []
    sample = (
        claims[: max(3, int(budget / 4 / max(1, size / 100_000)))] if size > 100_000 else claims
    )
    for claim in sample:
        scores = process.cdist([normalize(claim)], norms, scorer=fuzz.token_set_ratio, workers=-1)[
            0
        ]
        best = scores.argsort()[::-1][:5]
        baseline_found.append([texts[i] for i in best])
    baseline_ms = (time.perf_counter() - started) / len(sample) * 1000
    row.update(
        baseline_ms=baseline_ms,
        baseline_claims=len(sample),
        recall_baseline=recall(baseline_found, truth[: len(sample)]),
    )

    # brute force: the same scorer on every sentence (the reference the index must match)
    brute = Index(sources, brute_force=True)
    started = time.perf_counter()
    first = top5(brute, claims[0])
    per_claim = time.perf_counter() - started
    count = max(1, min(len(claims), int(budget / max(per_claim, 1e-9))))
    if count > 1:
        brute_found = [first] + [top5(brute, claim) for claim in claims[1:count]]
    else:
        brute_found = [first]
    brute_ms = (time.perf_counter() - started) / count * 1000
    index_sample = recall(found[:count], truth[:count])
    row.update(
        brute_ms=brute_ms,
        brute_claims=count,
        recall_brute=recall(brute_found, truth[:count]),
        recall_index_on_brute_sample=index_sample,
    )
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--budget",
        type=float,
        default=300.0,
        help="seconds of brute force per size (a sample of claims beyond it)",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.budget)))
        return 0
    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"machine: {machine}; PolNeAR text {'used' if POLNEAR.is_dir() else 'absent'}\n")
    print(
        "| sentences | build s | peak MB | median ms | p95 ms | recall@5 index | "
        "recall@5 brute force | recall ratio | brute force ms (claims) | speed-up | "
        "rapidfuzz cdist ms | speed-up |"
    )
    print("|" + "---|" * 12)
    rows = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--budget", str(args.budget)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        ratio = (
            row["recall_index_on_brute_sample"] / row["recall_brute"]
            if row["recall_brute"]
            else float("nan")
        )
        print(
            f"| {row['size']:,} | {row['build_s']:.1f} | {row['peak_mb']:.0f} | "
            f"{row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['recall_index']:.3f} | "
            f"{row['recall_brute']:.3f} | {ratio:.3f} | "
            f"{row['brute_ms']:,.0f} ({row['brute_claims']}) | "
            f"{row['brute_ms'] / row['median_ms']:,.0f}x | {row['baseline_ms']:,.0f} | "
            f"{row['baseline_ms'] / row['median_ms']:,.0f}x |",
            flush=True,
        )
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "scale.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
