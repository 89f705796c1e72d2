"""How often a claim with one fact changed passes as supported, on text nobody here wrote.

    python bench/perturb.py                         # bundled article + 40 PolNeAR train articles
    python bench/perturb.py --articles 10 --show name --show-count 20
    python bench/perturb.py --json bench/out/perturb.json
    python bench/perturb.py --threshold-sweep --constants BEARS_ON_CLAIM SAME_FACT

True claims are content sentences of each article that read as plain statements (page
furniture, questions, headlines, fragments, quotes left open, very short and very long
sentences, and sentences whose subject or speaker is a pronoun are left out; a leading
dateline such as "DALLAS (AP) --" is cut). Each true claim is checked as it stands (it should
stay supported) and with one edit of each kind in `perturb_edits.GENERATORS` (none should be
supported). Every claim is checked against its whole article through the public API
(`load_sources` on a temporary copy of the article, `check_claims`), so factcheck has to find
the evidence as well as judge it.

Articles are the bundled one (claims/us-japan-alliance.txt) and a seeded sample of
../shared/polnear-train, read at run time: that text carries no licence and is never copied
into the project (--json output holds the claims; it belongs in bench/out, never committed).

`--threshold-sweep` reruns the same claims, and the paraphrase set of bench/paraphrases.py,
with each numeric constant of the core modules that can move a verdict (found by walking the
package, so a renamed or moved constant is still found) set to values around its own, and
prints what is kept and what passes at each value: a plateau means the constant is not tuned
to a knife edge.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import perturb_edits as edits

from factcheck import check_claims, load_sources
from factcheck.claims import single_claim
from factcheck.model import Result, Severity, Verdict

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims" / "us-japan-alliance.txt"
POLNEAR = ROOT.parent / "shared" / "polnear-train"
MIN_WORDS = 8  # shorter sentences are mostly fragments and captions ("Read more here.")
MAX_WORDS = 45  # longer ones are run-ons and lists, where one edit is lost in the noise
_DATELINE = re.compile(
    r"^[A-Z][A-Z.,'\u2019 \-]{1,40}(?:\([A-Za-z .]+\))?\s*(?:\u2014|\u2013|--|-)\s+"
)
# A claim whose subject or speaker is a pronoun ("He said the plan...") names no one: as a
# claim on its own it states no checkable fact.
_PRONOUNS = "he she they it we i you his her their its".split()
_PRONOUN_SUBJECT = re.compile(
    rf"^(?:(?:and|but|so|yet|still)\s+)?(?:{'|'.join(_PRONOUNS)})\b", re.IGNORECASE
)
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|it|we|I|you)\s+(?:\w+ly\s+)?(?:said|says|added|told|wrote|argued|noted|"
    r"explained|continued|recalled|acknowledged|acknowledges|insisted|asked)\b"
)
_FURNITURE = re.compile(r"https?://|www\.|@\w|\||\bclick\b|\bsubscribe\b", re.IGNORECASE)


@dataclass
class Article:
    name: str
    text: str


@dataclass
class Record:
    """One checked claim: the edit that made it (none for an original) and the verdict."""

    article: str
    line: int
    kind: str  # "original" or a generator's kind
    rule: str
    original: str
    claim: str
    detail: str
    verdict: str = ""
    score: float = 0.0
    codes: tuple[str, ...] = ()
    warned: bool = False  # a warning-severity finding beside the verdict

    @property
    def clean(self) -> bool:
        """Supported with no warning: the green answer an editor trusts as it stands."""
        return self.verdict == "supported" and not self.warned


def load_articles(count: int, seed: int, bundled: bool, corpus: Path) -> list[Article]:
    """The bundled article and `count` articles sampled from `corpus` with `seed`."""
    articles = [Article(BUNDLED.name, BUNDLED.read_text(encoding="utf-8"))] if bundled else []
    if count:
        if not corpus.is_dir():
            sys.exit(f"error: {corpus} not found (PolNeAR train split); use --articles 0")
        names = sorted(p.name for p in corpus.glob("*.txt"))
        for name in random.Random(seed).sample(names, min(count, len(names))):
            articles.append(Article(name, (corpus / name).read_text(encoding="utf-8")))
    return articles


def plain_statement(text: str) -> tuple[str | None, str]:
    """The sentence as a claim, or None with the reason it is not a plain statement of fact
    that stands on its own."""
    text = _DATELINE.sub("", " ".join(text.split()))
    words = text.split()
    if not (MIN_WORDS <= len(words) <= MAX_WORDS):
        return None, "too short or too long"
    if not text[:1].isupper() and not text.startswith(("\u201c", '"')):
        return None, "a fragment"
    if not re.search(r"[.][\u201d\u2019\"]?$", text) or "?" in text or "!" in text:
        return None, "a question, exclamation or headline"
    capitalised = sum(w[:1].isupper() for w in words if w[:1].isalpha())
    if capitalised > 0.6 * sum(w[:1].isalpha() for w in words):
        return None, "a question, exclamation or headline"
    if _FURNITURE.search(text) or not edits.balanced_quotes(text) or text.isupper():
        return None, "furniture or a quote left open"
    if text.count("(") != text.count(")"):
        return None, "furniture or a quote left open"
    if _PRONOUN_SUBJECT.search(text) or _PRONOUN_SPEAKER.search(text):
        return None, "its subject or speaker is a pronoun"
    return text, ""


def analysed(article: Article, workdir: Path):
    """The article as factcheck reads it, from a temporary copy (the source path factcheck
    sees is that copy, never the shared corpus)."""
    path = workdir / (Path(article.name).stem + ".txt")
    path.write_text(article.text, encoding="utf-8")
    return load_sources([str(path)])


def build_claims(
    article: Article,
    sources,
    seed: int,
    kinds: list[str],
    per_article: int,
    vocabulary: frozenset[str] = frozenset(),
):
    """Originals and one perturbation per kind per original; skipped candidates by reason."""
    content = sources[0].content
    inventory = edits.build_inventory([s.text for s in content])
    rng = random.Random(f"{seed}:{article.name}")
    context = edits.Context(inventory, article.text, rng, vocabulary)
    folded = " ".join(article.text.split()).lower()
    records: list[Record] = []
    skipped: Counter[tuple[str, str]] = Counter()
    chosen = []
    for sentence in content:
        claim, reason = plain_statement(sentence.text)
        skipped[("selection", reason or "taken as a true claim")] += 1
        if claim:
            chosen.append((sentence.line, claim))
    chosen = list(dict.fromkeys(chosen))
    if per_article and len(chosen) > per_article:
        chosen = sorted(rng.sample(chosen, per_article))
    for line, claim in chosen:
        records.append(Record(article.name, line, "original", "", claim, claim, ""))
        for kind in kinds:
            made = []
            for outcome in edits.GENERATORS[kind](claim, context):
                if isinstance(outcome, edits.Skip):
                    skipped[(kind, outcome.reason)] += 1
                elif outcome.claim == claim:
                    skipped[(kind, "edit leaves the sentence as it was")] += 1
                elif " ".join(outcome.claim.split()).lower() in folded:
                    skipped[(kind, "the edited sentence is in the article")] += 1
                else:
                    made.append(outcome)
            if made:
                draw = random.Random(f"{kind}:{claim}") if kind in edits.OWN_DRAW else rng
                edit = draw.choice(made)
                skipped[(kind, "other sites in the same sentence")] += len(made) - 1
                records.append(
                    Record(article.name, line, kind, edit.rule, claim, edit.claim, edit.detail)
                )
    return records, skipped


def check(records: list[Record], sources) -> None:
    """Fill each record's verdict, checking all of an article's claims in one call."""
    results: list[Result] = check_claims([single_claim(r.claim) for r in records], sources)
    for record, result in zip(records, results, strict=True):
        record.verdict = result.verdict.value
        record.score = result.score
        record.codes = tuple(f.code for f in result.findings)
        record.warned = warned(result)


def warned(result: Result) -> bool:
    """Whether a warning-severity finding stands beside the verdict."""
    return any(f.severity is Severity.WARNING for f in result.findings)


@dataclass
class Prepared:
    article: Article
    sources: list
    records: list[Record]


def prepare(args, workdir: Path) -> tuple[list[Prepared], Counter[tuple[str, str]]]:
    prepared = []
    skipped: Counter[tuple[str, str]] = Counter()
    articles = load_articles(args.articles, args.seed, not args.no_bundled, Path(args.corpus))
    vocabulary = frozenset()
    if "letter" in args.kinds and Path(args.corpus).is_dir():
        # the whole corpus, not the sample: the same words whatever the seed
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.corpus).glob("*.txt"))]
        vocabulary = edits.corpus_vocabulary(texts)
    for article in articles:
        sources = analysed(article, workdir)
        records, skips = build_claims(
            article, sources, args.seed, args.kinds, args.per_article, vocabulary
        )
        skipped += skips
        prepared.append(Prepared(article, sources, records))
    return prepared, skipped


def run_checks(prepared: list[Prepared]) -> list[Record]:
    for item in prepared:
        if item.records:
            check(item.records, item.sources)
    return [r for item in prepared for r in item.records]


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(records: list[Record], skipped: Counter[tuple[str, str]], kinds: list[str]) -> None:
    verdicts = [v.value for v in Verdict]
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    skipped_by_kind = Counter()
    for (kind, _), n in skipped.items():
        skipped_by_kind[kind] += n
    header = "| kind | n | supported | false-supported | with no warning | "
    print(header + " | ".join(verdicts[1:]) + " | skipped candidates |")
    print("|---" * (6 + len(verdicts) - 1) + "|")
    total = passed = clean = 0
    for kind in ["original", *kinds]:
        group = by_kind.get(kind, [])
        counts = Counter(r.verdict for r in group)
        rate = percent(counts["supported"], len(group))
        label = "originals (should stay supported)" if kind == "original" else kind
        cells = " | ".join(str(counts[v]) for v in verdicts[1:])
        skips = "-" if kind == "original" else str(skipped_by_kind[kind])
        shown = rate if kind != "original" else "-"
        unwarned = sum(r.clean for r in group)
        quiet = f"{unwarned} ({percent(unwarned, len(group))})"
        print(
            f"| {label} | {len(group)} | {counts['supported']} | {shown} | {quiet} | {cells} "
            f"| {skips} |"
        )
        if kind != "original":
            total += len(group)
            passed += counts["supported"]
            clean += unwarned
    originals = by_kind.get("original", [])
    kept = sum(r.verdict == "supported" for r in originals)
    print(
        f"\noriginals supported: {kept}/{len(originals)} ({percent(kept, len(originals))}, "
        f"target >= 97%)"
    )
    print(
        f"perturbed claims passing as supported: {passed}/{total} ({percent(passed, total)}, "
        "target <= 2% for every kind)"
    )
    print(
        f"  of which with no warning beside the verdict: {clean}/{total} ({percent(clean, total)})"
    )
    by_article = Counter(r.article == BUNDLED.name for r in records if r.kind != "original")
    bundled_pass = sum(
        r.verdict == "supported"
        for r in records
        if r.kind != "original" and r.article == BUNDLED.name
    )
    if by_article[True]:
        print(
            f"  of which on the bundled article: {bundled_pass}/{by_article[True]} "
            f"({percent(bundled_pass, by_article[True])}); on PolNeAR: "
            f"{passed - bundled_pass}/{by_article[False]} "
            f"({percent(passed - bundled_pass, by_article[False])})"
        )
    print("\nsub-rules (n, passing as supported):")
    for kind in kinds:
        rules = Counter(r.rule for r in by_kind.get(kind, []))
        passes = Counter(r.rule for r in by_kind.get(kind, []) if r.verdict == "supported")
        cells = ", ".join(f"{rule} {n}/{passes[rule]}" for rule, n in rules.most_common())
        print(f"  {kind}: {cells}")
    selection = sorted(
        ((r, n) for (k, r), n in skipped.items() if k == "selection"), key=lambda x: -x[1]
    )
    print("\ncontent sentences: " + "; ".join(f"{reason}: {n}" for reason, n in selection))
    print("\nskipped candidates (an edit refused because it would not change the fact):")
    for kind in kinds:
        reasons = [(reason, n) for (k, reason), n in skipped.items() if k == kind]
        if reasons:
            cells = "; ".join(
                f"{reason}: {n}" for reason, n in sorted(reasons, key=lambda x: -x[1])
            )
            print(f"  {kind}: {cells}")


def show(records: list[Record], kind: str, count: int) -> None:
    """Examples of failures: a perturbed claim passing as supported, or an original that is
    not supported."""
    if kind == "original":
        failures = [r for r in records if r.kind == "original" and r.verdict != "supported"]
    else:
        failures = [r for r in records if r.kind == kind and r.verdict == "supported"]
    print(f"\n{len(failures)} failures of kind {kind!r} (showing {min(count, len(failures))}):")
    for record in failures[:count]:
        print(f"\n- {record.article}:{record.line} [{record.rule}] {record.detail}")
        if record.kind != "original":
            print(f"  source : {record.original}")
        print(f"  claim  : {record.claim}")
        print(f"  verdict: {record.verdict} {record.score:.2f} {', '.join(record.codes)}")


# ---------------------------------------------------------------- constant sweep

# Modules whose constants shape sources, not verdicts (sources are analysed once, before the
# sweep, so moving their constants would change nothing), storage and reports.
NOT_SWEPT = re.compile(
    r"^factcheck\.(?:cli|formats|cache|files|config|errors|sanitize|segment|sources|attribution"
    r"|claims|model|codes|store|report)\b"
)
# Constants that name formats, sizes of work, versions or the index (BM25 is not used below
# EXHAUSTIVE_LIMIT sentences, far above one article), not verdict rules.
NOT_VERDICT_RULES = re.compile(r"(?:_FORMAT|_VERSION|_LIMIT|_CANDIDATES|_BYTES)$|^BM25_|^RECENT_")
# Constants the verdict work of issue 11 named; reported as missing when renamed or removed.
EXPECTED = ("BEARS_ON_CLAIM", "SAME_FACT", "SLOT_REACH", "NEGATION_REACH", "HEDGE_REACH")


def verdict_constants() -> dict[str, tuple[str, float]]:
    """Numeric module-level constants of every core module that can move a verdict (found by
    walking the package, so a constant that moves or is renamed is still swept):
    name -> (module, value)."""
    import factcheck

    found: dict[str, tuple[str, float]] = {}
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if NOT_SWEPT.match(info.name):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                name.isupper()
                and isinstance(value, int | float)
                and not isinstance(value, bool)
                and not NOT_VERDICT_RULES.search(name)
                and name not in found
            ):
                found[name] = (module.__name__, value)
    return found


def sweep_values(value: float) -> list[float]:
    """Seven values around `value`: a share in steps of 0.04 (0.02 below 0.2), a ratio (0-100)
    in steps of 5, a small count (a reach in words) in steps of 1."""
    if isinstance(value, float) and 0 < value <= 1:
        step = 0.04 if value >= 0.2 else 0.02
        return sorted({round(min(1.0, max(0.01, value + step * k)), 3) for k in range(-3, 4)})
    if isinstance(value, int) and value >= 20:
        return sorted({min(100, max(0, value + 5 * k)) for k in range(-3, 4)})
    if isinstance(value, int):
        return sorted({max(0, value + k) for k in range(-3, 4)})
    return sorted({round(value * f, 4) for f in (0.5, 0.75, 1.0, 1.25, 1.5)})


@contextmanager
def patched(name: str, original: float, value: float) -> Iterator[None]:
    """Every factcheck module's binding of `name` set to `value` (a name imported with `from
    .verify import SUPPORT_THRESHOLD` is a separate binding), restored afterwards. A value
    bound as a default argument at import time is not reached; the sweep then shows a flat
    line for it."""
    bound = [
        module
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("factcheck") and vars(module).get(name) == original
    ]
    for module in bound:
        setattr(module, name, value)
    clear_caches()
    try:
        yield
    finally:
        for module in bound:
            setattr(module, name, original)
        clear_caches()


def clear_caches() -> None:
    """Empty every functools cache in factcheck: a result cached under one value of a constant
    (an analysed claim, say) would otherwise be served under the next."""
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("factcheck"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def rates(prepared: list[Prepared], paraphrases_prepared) -> tuple[float, ...]:
    """(originals supported, perturbed passing, true paraphrases supported, false paraphrases
    passing), each a share; the paraphrase pair is omitted without a paraphrase set."""
    records = run_checks(prepared)
    originals = [r for r in records if r.kind == "original"]
    perturbed = [r for r in records if r.kind != "original"]
    kept = sum(r.verdict == "supported" for r in originals) / max(1, len(originals))
    passed = sum(r.verdict == "supported" for r in perturbed) / max(1, len(perturbed))
    if paraphrases_prepared is None:
        return kept, passed
    import paraphrases

    return (kept, passed, *paraphrases.summary(paraphrases.run(paraphrases_prepared)))


def sweep(prepared: list[Prepared], only: list[str], paraphrases_prepared) -> None:
    """Accuracy at each value of each verdict constant, the others held at their values."""
    constants = verdict_constants()
    missing = [name for name in EXPECTED if name not in constants]
    if missing:
        print(f"note: not found in the verdict modules (renamed or removed): {', '.join(missing)}")
    for name in only:
        if name not in constants:
            print(f"note: {name} not found; skipped")
    names = [n for n in only if n in constants] if only else list(constants)
    columns = ["originals supported", "perturbed passing"]
    if paraphrases_prepared is not None:
        columns += ["true paraphrases supported", "false paraphrases passing"]
    print("balanced = mean of the shares right (supported where true, not where false)")
    for name in names:
        module, original = constants[name]
        print(f"\n{name} ({module}, in use: {original})")
        print("| value | " + " | ".join(columns) + " | balanced |")
        print("|---" * (len(columns) + 2) + "|")
        rows = []
        for value in sweep_values(original):
            with patched(name, original, value):
                shares = rates(prepared, paraphrases_prepared)
            right = [share if i % 2 == 0 else 1 - share for i, share in enumerate(shares)]
            balanced = sum(right) / len(right)
            rows.append((value, balanced))
            mark = " (in use)" if value == original else ""
            cells = " | ".join(f"{share:.1%}" for share in shares)
            print(f"| {value}{mark} | {cells} | {balanced:.3f} |")
        in_use = next((b for v, b in rows if v == original), None)
        if in_use is not None:
            near = [v for v, b in rows if abs(b - in_use) <= 0.01]
            best = max(rows, key=lambda row: row[1])
            print(
                f"within 1 point of the value in use: {min(near)} .. {max(near)}; "
                f"best {best[1]:.3f} at {best[0]}"
            )
        if len({balanced for _, balanced in rows}) == 1:
            print(
                "flat: no value moved any figure (unused on these claims, or not reached: "
                "copied under another name or bound as a default argument at import)"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, help="PolNeAR articles to sample (40; 4 with --threshold-sweep)"
    )
    parser.add_argument("--seed", type=int, default=11, help="seed for the sample and the edits")
    parser.add_argument(
        "--per-article",
        type=int,
        help="at most this many true claims per article (all; 12 with --threshold-sweep)",
    )
    parser.add_argument("--corpus", default=str(POLNEAR), help="folder of PolNeAR .txt files")
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled article")
    parser.add_argument(
        "--kinds", nargs="+", default=list(edits.GENERATORS), choices=list(edits.GENERATORS)
    )
    parser.add_argument("--json", help="write every checked claim to this file")
    parser.add_argument("--show", action="append", default=[], help="print failures of a kind")
    parser.add_argument("--show-count", type=int, default=10)
    parser.add_argument(
        "--threshold-sweep", action="store_true", help="accuracy against each verdict constant"
    )
    parser.add_argument("--constants", nargs="+", default=[], help="sweep only these constants")
    parser.add_argument(
        "--paraphrases",
        default=str(Path(__file__).resolve().parent / "paraphrases.yaml"),
        help="paraphrase set the sweep also scores ('' for none)",
    )
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = 4 if args.threshold_sweep else 40
    if args.per_article is None:
        args.per_article = 12 if args.threshold_sweep else 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="perturb-") as tmp:
        prepared, skipped = prepare(args, Path(tmp))
        if args.threshold_sweep:
            paraphrases_prepared = None
            if args.paraphrases:
                import paraphrases

                items = paraphrases.load_set(Path(args.paraphrases))
                paraphrases_prepared = paraphrases.prepare(items, Path(args.corpus), Path(tmp))
            sweep(prepared, args.constants, paraphrases_prepared)
            print(f"\n{time.perf_counter() - started:.1f} s")
            return 0
        records = run_checks(prepared)
    print(
        f"{len(prepared)} articles, {len(records)} claims checked in "
        f"{time.perf_counter() - started:.1f} s (seed {args.seed})\n"
    )
    report(records, skipped, args.kinds)
    for kind in args.show:
        show(records, kind, args.show_count)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps([asdict(r) for r in records], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
