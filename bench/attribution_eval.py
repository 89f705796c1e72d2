"""Measure factcheck's attribution on PolNeAR (dev split), text factcheck's authors did not write.

For every gold attribution whose content holds a quotation mark and whose source is not a
bare pronoun, find the sentence(s) factcheck made of the content and compare factcheck's
speaker with the gold source span. Reports coverage (how often an answer is given), precision
(right among answers) and recall (right among all).

    python bench/attribution_eval.py [--corpus ../shared/polnear-dev] [--show-errors 20]

The corpus carries no licence: it is read from its folder, never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from factcheck.attribution import attribute
from factcheck.model import Attribution
from factcheck.sources import parse_source
from factcheck.text import content_words, lexicon, normalize

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear-dev"
QUOTE_MARKS = '\u201c\u201d"'
PRONOUNS = frozenset("he she they it i we you him her them his its their this that who".split())


@dataclass
class Gold:
    path: str
    source: str
    content_spans: list[tuple[int, int]]
    content: str


def parse_ann(text: str) -> dict[str, tuple[str, list[tuple[int, int]], str]]:
    spans = {}
    for line in text.splitlines():
        if line.startswith("T"):
            tid, middle, surface = line.split("\t", 2)
            label, offsets = middle.split(" ", 1)
            pairs = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            spans[tid] = (label, pairs, surface)
    return spans


def gold_attributions(corpus: Path, annotator: int = 0) -> list[Gold]:
    """Quote attributions from one annotator per article: for articles annotated twice, the
    first by file name (annotator 0) or the last (-1)."""
    found = []
    for text_file in sorted(corpus.glob("*.txt")):
        annotations = sorted(corpus.glob(text_file.stem + "_*.ann"))
        if not annotations:
            continue
        ann = annotations[annotator].read_text(encoding="utf-8")
        spans = parse_ann(ann)
        for line in ann.splitlines():
            if not line.startswith("E"):
                continue
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            if "Source" not in roles or "Content" not in roles:
                continue
            _, content_spans, content = spans[roles["Content"]]
            if not any(mark in content for mark in QUOTE_MARKS):
                continue
            found.append(Gold(str(text_file), spans[roles["Source"]][2], content_spans, content))
    return found


def overlaps(sentence, spans: list[tuple[int, int]]) -> bool:
    return any(sentence.start < end and start < sentence.end for start, end in spans)


def predicted(sentences, gold: Gold) -> Attribution | None:
    """The attribution factcheck gives the content: the first attributed sentence it overlaps."""
    overlapping = [s for s in sentences if overlaps(s, gold.content_spans)]
    for sentence in overlapping:
        if sentence.attribution is not None and sentence.attribution.is_attributed:
            return sentence.attribution
    return None


def tokens(text: str) -> set[str]:
    return {w.removesuffix("'s") for w in content_words(text)} - {"said", "says"}


def matches(attribution: Attribution, gold_source: str) -> bool:
    """Right when the speaker's surname (a name's last word) or, for a description, most of
    its words are in the gold source span ("John D. Podesta" matches "Mr. Podesta")."""
    mine = [w.removesuffix("'s") for w in content_words(attribution.speaker or "")]
    theirs = tokens(gold_source)
    if not mine:
        return False
    if attribution.kind.value == "named" and mine[-1] in theirs:
        return True
    common = set(mine) & theirs
    return bool(common) and len(common) >= len(set(mine)) / 2


def false_attributions(
    corpus: Path, parsed: dict[str, list], annotator: int = 0
) -> tuple[int, int]:
    """Over-attribution: sentences that touch no gold source, cue or content span (the
    reporter's own voice, by the annotators' reading), and how many factcheck attributes."""
    outside = attributed = 0
    for path, sentences in parsed.items():
        annotations = sorted(corpus.glob(Path(path).stem + "_*.ann"))
        spans = parse_ann(annotations[annotator].read_text(encoding="utf-8"))
        covered = [
            pair
            for label, pairs, _ in spans.values()
            if label in {"Source", "Cue", "Content"}
            for pair in pairs
        ]
        for sentence in sentences:
            if sentence.furniture is not None or overlaps(sentence, covered):
                continue
            outside += 1
            attributed += sentence.attribution is not None and sentence.attribution.is_attributed
    return outside, attributed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument(
        "--second-annotator",
        action="store_true",
        help="score against the other annotator where an article has two",
    )
    args = parser.parse_args()
    annotator = -1 if args.second_annotator else 0
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    golds = gold_attributions(args.corpus, annotator)
    parsed = {}
    seconds = 0.0  # spent in attribute() alone, not reading or segmenting
    tally = Counter()
    errors = []
    for gold in golds:
        if gold.path not in parsed:
            text = Path(gold.path).read_text(encoding="utf-8")
            source = parse_source(text, gold.path)
            started = time.perf_counter()
            attribute(source.sentences, source.text)
            seconds += time.perf_counter() - started
            parsed[gold.path] = source.sentences
        bare_pronoun = normalize(gold.source) in PRONOUNS
        group = "pronoun" if bare_pronoun else "named"
        if normalize(gold.source) in lexicon("reporting_verbs"):
            tally["cue as source", "total"] += 1  # an annotation error: the span is the verb
            continue
        tally[group, "total"] += 1
        guess = predicted(parsed[gold.path], gold)
        if guess is None:
            errors.append(("no answer", gold, guess))
            continue
        tally[group, "answered"] += 1
        if matches(guess, gold.source):
            tally[group, "correct"] += 1
        elif not bare_pronoun:
            errors.append(("wrong", gold, guess))
    print(f"PolNeAR dev: {len(parsed)} articles, {len(golds)} quote attributions")
    print(
        f"{'gold source':<22} {'total':>6} {'answered':>9} {'correct':>8} "
        f"{'coverage':>9} {'precision':>10} {'recall':>7}"
    )
    total, answered, correct = (tally["named", k] for k in ("total", "answered", "correct"))
    print(
        f"{'not a bare pronoun':<22} {total:>6} {answered:>9} {correct:>8} "
        f"{answered / max(total, 1):>9.1%} {correct / max(answered, 1):>10.1%} "
        f"{correct / max(total, 1):>7.1%}"
    )
    total, answered = tally["pronoun", "total"], tally["pronoun", "answered"]
    print(
        f"{'bare pronoun':<22} {total:>6} {answered:>9} {'-':>8} {answered / max(total, 1):>9.1%}"
        "  (not scored: the gold span is the pronoun; factcheck names the person)"
    )
    print(
        f"excluded: {tally['cue as source', 'total']} gold sources that are only a cue word "
        "(annotation errors, e.g. source = 'said')"
    )
    outside, attributed = false_attributions(args.corpus, parsed, annotator)
    print(
        f"sentences outside every gold attribution: {outside}, attributed by factcheck: "
        f"{attributed} ({attributed / max(outside, 1):.1%})"
    )
    sentences = sum(len(s) for s in parsed.values())
    print(
        f"attribution time: {sentences:,} sentences in {seconds:.2f} s "
        f"({seconds / max(sentences, 1) * 1e6:.0f} µs a sentence)"
    )
    for kind, gold, guess in [e for e in errors if normalize(e[1].source) not in PRONOUNS][
        : args.show_errors
    ]:
        print(
            f"\n[{kind}] {Path(gold.path).name}\n  gold: {gold.source!r}\n"
            f"  got:  {guess.speaker if guess else None!r}\n  content: {gold.content[:150]!r}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
