"""Compare three maintained sentence splitters (sentencex, pysbd, syntok) on the bundled article.

Reports, for each: sentence count, time per article, throughput on a long synthetic text,
and the article's hard cases: abbreviations (U.S., Adm.), a quote spanning two sentences,
and the broken sentence fragment.

    python bench/splitters.py
"""

from __future__ import annotations

import time
from pathlib import Path

import pysbd
import sentencex
import syntok.segmenter as syntok

ARTICLE = Path(__file__).resolve().parent.parent / "claims" / "us-japan-alliance.txt"
CASES = {
    "U.S. kept inside a sentence": "to expand operational cooperation with Japan’s new joint "
    "command.",
    "Adm. kept inside a sentence": "Under the plan, proposed by the head of the U.S. Indo-Pacific",
    "two-sentence quote kept whole": "“It’s very clear that they have a multinational problem, and "
    "China is the biggest bully. That’s why they’re trying to strengthen the alliance.”",
    "broken fragment kept separate": "condition of anonymity because the announcement has not yet "
    "been made.",
}


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def with_pysbd(text: str) -> list[str]:
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for p in paragraphs(text) for s in segmenter.segment(p) if s.strip()]


def with_sentencex(text: str) -> list[str]:
    return [s.strip() for p in paragraphs(text) for s in sentencex.segment("en", p) if s.strip()]


def with_syntok(text: str) -> list[str]:
    return [
        "".join(t.spacing + t.value for t in sentence).strip()
        for p in paragraphs(text)
        for para in syntok.analyze(p)
        for sentence in para
    ]


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    long_text = "\n\n".join(["The U.S. plan is sound, Adm. Lee said. It works."] * 2000)
    print(f"{'splitter':<10} {'sentences':>9} {'ms':>7} {'sent/s':>9}  " + "  ".join(CASES))
    for name, split in (
        ("sentencex", with_sentencex),
        ("pysbd", with_pysbd),
        ("syntok", with_syntok),
    ):
        split(text)  # warm up (regex compilation)
        start = time.perf_counter()
        for _ in range(5):
            sentences = split(text)
        elapsed = (time.perf_counter() - start) / 5 * 1000
        start = time.perf_counter()
        count = len(split(long_text))
        rate = count / (time.perf_counter() - start)
        passed = []
        for case, expected in CASES.items():
            if case.startswith("U.S.") or case.startswith("Adm."):
                ok = any(s.startswith(expected) or expected in s for s in sentences) and not any(
                    s.endswith("U.S.") or s.endswith("Adm.") for s in sentences
                )
            else:
                ok = expected in sentences
            passed.append("yes" if ok else "no")
        print(f"{name:<10} {len(sentences):>9} {elapsed:>7.1f} {rate:>9,.0f}  " + "  ".join(passed))


if __name__ == "__main__":
    main()
