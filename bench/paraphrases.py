"""Do reworded true claims stay supported, and do reworded false ones stay out?

    python bench/paraphrases.py                  # bench/paraphrases.yaml
    python bench/paraphrases.py --show           # every claim whose verdict is not the expected one
    python bench/paraphrases.py --show --detail  # ... with its evidence, the claim's words that
                                                 # differ from it, and the findings

bench/paraphrases.yaml holds claims written for this benchmark over eight PolNeAR train
articles other than the bundled one, reworded as a reporter would (numbers in words, rounded
figures, clauses reordered, active for passive, synonyms, capitals and demonyms for countries,
acronyms for expansions), each naming the article line it restates. True ones expect
`supported`; false ones change one fact while rewording and expect `contradicted` or
`unsupported`. Each claim is checked against its whole article through the public API, the
article read at run time from ../shared/polnear-train into a temporary copy (its text is never
stored in the project).

Prints how many true paraphrases stay supported (by kind of rewording), how many false ones
pass as supported, and the confusion matrix of expected against found verdicts.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from perturb import POLNEAR, Article, analysed, percent, warned

from factcheck import check_claims
from factcheck.claims import single_claim
from factcheck.model import Verdict

DEFAULT_SET = Path(__file__).resolve().parent / "paraphrases.yaml"
COPIED_RUN = 10  # this many words in a row as in the article read as pasted, not reworded


@dataclass(frozen=True)
class Paraphrase:
    article: str
    line: int
    kinds: tuple[str, ...]
    expect: Verdict
    text: str


def load_set(path: Path) -> list[Paraphrase]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    return [
        Paraphrase(e["article"], int(e["line"]), tuple(e["kind"]), Verdict(e["expect"]), e["text"])
        for e in entries
    ]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def longest_shared_run(claim: str, article: str) -> int:
    """The longest run of words the claim shares, in order, with the article."""
    claim_words, article_text = _words(claim), " ".join(_words(article))
    best = 0
    for start in range(len(claim_words)):
        for end in range(start + best + 1, len(claim_words) + 1):
            if " ".join(claim_words[start:end]) in article_text:
                best = end - start
            else:
                break
    return best


def problems(item: Paraphrase, text: str) -> list[str]:
    """What makes an entry unfit: a line that is not in the article, or wording pasted from it."""
    lines = text.splitlines()
    found = []
    if not 1 <= item.line <= len(lines) or not lines[item.line - 1].strip():
        found.append(f"line {item.line} is not a line of text in {item.article}")
    if longest_shared_run(item.text, text) >= COPIED_RUN:
        found.append(f"{COPIED_RUN}+ words in a row as in the article: reword it")
    return found


@dataclass
class Checked:
    item: Paraphrase
    verdict: Verdict
    score: float
    codes: tuple[str, ...]
    detail: str = ""
    warned: bool = False  # a warning-severity finding beside the verdict


def prepare(items: list[Paraphrase], corpus: Path, workdir: Path):
    """Each article's analysed sources with its claims; entries with problems reported."""
    groups: dict[str, list[Paraphrase]] = {}
    for item in items:
        groups.setdefault(item.article, []).append(item)
    prepared = []
    for name, group in groups.items():
        path = corpus / f"{name}.txt"
        if not path.is_file():
            sys.exit(f"error: {path} not found (PolNeAR train split)")
        article = Article(path.name, path.read_text(encoding="utf-8"))
        for item in group:
            for problem in problems(item, article.text):
                print(f"warning: {name}:{item.line} {item.text[:50]!r}: {problem}")
        prepared.append((analysed(article, workdir), group))
    return prepared


def run(prepared) -> list[Checked]:
    checked = []
    for sources, group in prepared:
        results = check_claims([single_claim(item.text) for item in group], sources)
        checked += [
            Checked(
                item,
                r.verdict,
                r.score,
                tuple(f.code for f in r.findings),
                explain(r),
                warned(r),
            )
            for item, r in zip(group, results, strict=True)
        ]
    return checked


def explain(result) -> str:
    """The best evidence, the claim's words that differ from it, and the findings' messages."""
    if not result.evidence:
        return "    no evidence"
    evidence = result.evidence[0]
    claim = result.claim.text
    spans = [
        f"{claim[s.start : s.end]}={s.status.value}"
        + (f"->{evidence.text[s.counterpart[0] : s.counterpart[1]]}" if s.counterpart else "")
        for s in result.alignment
        if s.status.value != "matched"
    ]
    lines = [f"    evidence: {evidence.text}", f"    differs: {'; '.join(spans)}"]
    lines += [f"    {f.code}: {f.message}" for f in result.findings]
    return "\n".join(lines)


def summary(checked: list[Checked]) -> tuple[float, float]:
    """(share of true paraphrases supported, share of false ones passing as supported)."""
    true = [c for c in checked if c.item.expect is Verdict.SUPPORTED]
    false = [c for c in checked if c.item.expect is not Verdict.SUPPORTED]
    kept = sum(c.verdict is Verdict.SUPPORTED for c in true) / max(1, len(true))
    passed = sum(c.verdict is Verdict.SUPPORTED for c in false) / max(1, len(false))
    return kept, passed


def report(checked: list[Checked]) -> None:
    true = [c for c in checked if c.item.expect is Verdict.SUPPORTED]
    false = [c for c in checked if c.item.expect is not Verdict.SUPPORTED]
    kept = sum(c.verdict is Verdict.SUPPORTED for c in true)
    passed = sum(c.verdict is Verdict.SUPPORTED for c in false)
    print(
        f"true paraphrases supported: {kept}/{len(true)} ({percent(kept, len(true))}, "
        "target >= 95%)"
    )
    print(
        f"false paraphrases passing as supported: {passed}/{len(false)} "
        f"({percent(passed, len(false))}, target <= 2%)"
    )
    flagged = sum(c.verdict is Verdict.SUPPORTED and c.warned for c in true)
    print(
        f"  of which with a warning beside the verdict: {flagged}/{len(true)}; supported "
        f"with none: {kept - flagged}/{len(true)} ({percent(kept - flagged, len(true))})"
    )
    flagged = sum(c.verdict is Verdict.SUPPORTED and c.warned for c in false)
    print(f"  false ones supported, with a warning beside: {flagged}/{len(false)}")
    right = sum(c.verdict is c.item.expect for c in checked)
    print(f"verdict as expected: {right}/{len(checked)} ({percent(right, len(checked))})\n")
    print("| kind of rewording | true claims | supported |\n|---|---|---|")
    kinds = Counter(kind for c in true for kind in c.item.kinds)
    for kind, n in kinds.most_common():
        ok = sum(c.verdict is Verdict.SUPPORTED for c in true if kind in c.item.kinds)
        print(f"| {kind} | {n} | {ok} ({percent(ok, n)}) |")
    verdicts = list(Verdict)
    print("\n| expected \\ found | " + " | ".join(v.value for v in verdicts) + " |")
    print("|---" * (len(verdicts) + 1) + "|")
    for expected in verdicts:
        row = [sum(c.item.expect is expected and c.verdict is v for c in checked) for v in verdicts]
        if any(row):
            print(f"| {expected.value} | " + " | ".join(str(n) for n in row) + " |")


def show(checked: list[Checked], detail: bool = False) -> None:
    wrong = [c for c in checked if c.verdict is not c.item.expect]
    print(f"\n{len(wrong)} claims not as expected:")
    for c in wrong:
        print(
            f"- {c.item.article}:{c.item.line} [{', '.join(c.item.kinds)}] expected "
            f"{c.item.expect.value}, found {c.verdict.value} {c.score:.2f} {', '.join(c.codes)}"
            f"\n  {c.item.text}" + (f"\n{c.detail}" if detail else "")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("claims", nargs="?", default=str(DEFAULT_SET), help="paraphrase set")
    parser.add_argument("--corpus", default=str(POLNEAR), help="folder of PolNeAR .txt files")
    parser.add_argument("--show", action="store_true", help="print claims not as expected")
    parser.add_argument("--detail", action="store_true", help="with --show: evidence, findings")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    items = load_set(Path(args.claims))
    with tempfile.TemporaryDirectory(prefix="paraphrases-") as tmp:
        checked = run(prepare(items, Path(args.corpus), Path(tmp)))
    articles = len({i.article for i in items})
    print(
        f"{len(checked)} claims over {articles} articles in {time.perf_counter() - started:.1f} s\n"
    )
    report(checked)
    if args.show:
        show(checked, args.detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
