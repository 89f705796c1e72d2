"""Measure factcheck's attribution on PolNeAR (train split by default; --split dev).

The train split (840 articles) is where the rules are developed; the dev split shaped the
earlier rules, so its figures are those of text the rules were fitted to. For every gold
attribution whose content holds a quotation mark and whose source is not a bare pronoun, find
the sentence(s) factcheck made of the content and compare factcheck's speaker with the gold
source span. Reports coverage (how often an answer is given), precision (right among answers)
and accuracy (right among all), by two matching rules:

- the stated rule (`matches`): a named speaker is right when its surname (last content word)
  is in the gold source span; any other speaker when at least half its content words are;
- the issue's lenient rule (`matches_lenient`): the speaker's last content word is in the gold
  span, or half its content words are, whatever its kind.

Also per named rule (Attribution.rules): how many attributions it took part in and how many
of those were right, and how many of the reporter's own sentences it attributed.

    python bench/attribution_eval.py [--split train|dev] [--show-errors 20] [--dump out.tsv]

The corpus carries no licence: it is read from its folder, never copied into the project.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from factcheck.attribution import attribute
from factcheck.lexicon import having
from factcheck.model import Attribution
from factcheck.sources import parse_source
from factcheck.text import content_words, lexicon, normalize

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SPLITS = {"train": SHARED / "polnear-train", "dev": SHARED / "polnear-dev"}
QUOTE_MARKS = '\u201c\u201d"'
PRONOUNS = frozenset("he she they it i we you him her them his its their this that who".split())


@dataclass
class Gold:
    path: str
    source: str
    content_spans: list[tuple[int, int]]
    content: str


_ANN_LINE = re.compile(r"^[A-Z]\d+\t")


def parse_ann(text: str) -> dict[str, tuple[str, list[tuple[int, int]], str]]:
    """Text-bound annotations by id. A span's text may run over a line break: a line that
    starts no annotation continues the previous one's text."""
    spans = {}
    last = None
    for line in text.splitlines():
        if not _ANN_LINE.match(line):
            if last is not None:
                label, pairs, surface = spans[last]
                spans[last] = (label, pairs, surface + "\n" + line)
            continue
        last = None
        if line.startswith("T"):
            tid, middle, surface = line.split("\t", 2)
            label, offsets = middle.split(" ", 1)
            pairs = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            spans[tid] = (label, pairs, surface)
            last = tid
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


def matches_forename(attribution: Attribution, gold_source: str) -> bool:
    """The stated rule, and where the gold span and a named speaker both give a forename
    right before the surname they share, the same forename (one may be the other's short
    form, "Ken" / "Kenneth"): "Bill Clinton" for a gold "Hillary Clinton" is another person,
    which the surname alone cannot tell."""
    if not matches(attribution, gold_source):
        return False
    if attribution.kind.value != "named":
        return True
    speaker = _name_words(attribution.speaker or "")
    if not speaker:
        return True
    surname = speaker[-1].lower()
    mine, theirs = _forename(speaker, surname), _forename(_name_words(gold_source), surname)
    return not mine or not theirs or mine.startswith(theirs) or theirs.startswith(mine)


def _name_words(text: str) -> list[str]:
    words = re.findall(r"[\w'\u2019.-]+", text)
    return [w.removesuffix("'s").removesuffix("\u2019s") for w in words]


def _forename(words: list[str], surname: str) -> str:
    """The word right before the first `surname` of `words`, where it is a capitalised word of
    two letters or more that is no title ("Hillary" of "Hillary Clinton", none of "President
    Obama" or "Sen. Obama")."""
    lowered = [w.lower() for w in words]
    if surname not in lowered or lowered.index(surname) == 0:
        return ""
    word = words[lowered.index(surname) - 1]
    bare = word.rstrip(".")
    if not word[:1].isupper() or len(bare) < 2 or word.endswith("."):
        return ""  # an initial or an abbreviated title ("Sen.", "Gov.")
    if normalize(bare) in lexicon("titles") or normalize(bare) in lexicon("stopwords"):
        return ""  # "President Obama", "This Trump doppelganger"
    return bare.lower()


def matches_lenient(attribution: Attribution, gold_source: str) -> bool:
    """The issue's rule: the speaker's last content word is in the gold source span, or half
    its content words are, for every kind of speaker."""
    mine = [w.removesuffix("'s") for w in content_words(attribution.speaker or "")]
    theirs = tokens(gold_source)
    if not mine:
        return False
    common = set(mine) & theirs
    return mine[-1] in theirs or (bool(common) and len(common) >= len(set(mine)) / 2)


def false_attributions(
    corpus: Path, parsed: dict[str, list], annotator: int = 0, by_rule: Counter | None = None
) -> tuple[int, int]:
    """Over-attribution: sentences that touch no gold source, cue or content span (the
    reporter's own voice, by the annotators' reading), and how many factcheck attributes;
    `by_rule` counts the rules behind each of those attributions."""
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
            if sentence.attribution is not None and sentence.attribution.is_attributed:
                attributed += 1
                if by_rule is not None:
                    by_rule.update(set(sentence.attribution.rules))
    return outside, attributed


def rule_table(decided: Counter, right: Counter, over: Counter) -> list[str]:
    """One line per named rule: attributions it took part in, right among them, and the
    reporter's own sentences it attributed."""
    lines = [f"{'rule':<38} {'decided':>8} {'right':>6} {'precision':>10} {'over-attr':>10}"]
    for rule in sorted(set(decided) | set(over), key=lambda r: (-decided[r], r)):
        share = f"{right[rule] / decided[rule]:.1%}" if decided[rule] else "-"
        lines.append(f"{rule:<38} {decided[rule]:>8} {right[rule]:>6} {share:>10} {over[rule]:>10}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="train")
    parser.add_argument("--corpus", type=Path, help="another folder in the same format")
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="write each attribution's outcome (TSV)")
    parser.add_argument(
        "--second-annotator",
        action="store_true",
        help="score against the other annotator where an article has two",
    )
    args = parser.parse_args()
    annotator = -1 if args.second_annotator else 0
    corpus = args.corpus or SPLITS[args.split]
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    golds = gold_attributions(corpus, annotator)
    parsed = {}
    seconds = 0.0  # spent in attribute() alone, not reading or segmenting
    tally = Counter()
    decided, right = Counter(), Counter()
    errors = []
    outcomes = []
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
        if normalize(gold.source) in having("cues", "speech"):
            tally["cue as source", "total"] += 1  # an annotation error: the span is the verb
            continue
        tally[group, "total"] += 1
        guess = predicted(parsed[gold.path], gold)
        outcome = "none"
        if guess is None:
            errors.append(("no answer", gold, guess))
        else:
            tally[group, "answered"] += 1
            correct = matches(guess, gold.source)
            outcome = "right" if correct else "wrong"
            if not bare_pronoun:
                tally[group, "lenient"] += matches_lenient(guess, gold.source)
                tally[group, "forename"] += matches_forename(guess, gold.source)
                decided.update(set(guess.rules))
                if correct:
                    right.update(set(guess.rules))
            if correct:
                tally[group, "correct"] += 1
            elif not bare_pronoun:
                errors.append(("wrong", gold, guess))
        speaker = guess.speaker if guess else ""
        outcomes.append(
            f"{Path(gold.path).name}\t{gold.content_spans[0][0]}\t{group}\t{outcome}\t{speaker}"
        )
    label = f"PolNeAR {args.split}" if args.corpus is None else str(corpus)
    if args.split == "dev" and args.corpus is None:
        label += " (text the rules were fitted to: not a measure of unseen text)"
    print(f"{label}: {len(parsed)} articles, {len(golds)} quote attributions")
    print(
        f"{'gold source':<22} {'total':>6} {'answered':>9} {'correct':>8} "
        f"{'coverage':>9} {'precision':>10} {'accuracy':>9}"
    )
    total, answered, correct = (tally["named", k] for k in ("total", "answered", "correct"))
    print(
        f"{'not a bare pronoun':<22} {total:>6} {answered:>9} {correct:>8} "
        f"{answered / max(total, 1):>9.1%} {correct / max(answered, 1):>10.1%} "
        f"{correct / max(total, 1):>9.1%}"
    )
    lenient = tally["named", "lenient"]
    print(
        f"{'  by the lenient rule':<22} {total:>6} {answered:>9} {lenient:>8} "
        f"{answered / max(total, 1):>9.1%} {lenient / max(answered, 1):>10.1%} "
        f"{lenient / max(total, 1):>9.1%}"
    )
    forename = tally["named", "forename"]
    print(
        f"{'  and its forename':<22} {total:>6} {answered:>9} {forename:>8} "
        f"{answered / max(total, 1):>9.1%} {forename / max(answered, 1):>10.1%} "
        f"{forename / max(total, 1):>9.1%}"
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
    over = Counter()
    outside, attributed = false_attributions(corpus, parsed, annotator, over)
    print(
        f"over-attribution: sentences outside every gold attribution: {outside}, attributed "
        f"by factcheck: {attributed} ({attributed / max(outside, 1):.1%})"
    )
    sentences = sum(len(s) for s in parsed.values())
    print(
        f"attribution time: {sentences:,} sentences in {seconds:.2f} s "
        f"({seconds / max(sentences, 1) * 1e6:.0f} µs a sentence)"
    )
    print("\nper rule (quotes with a non-pronoun gold source; over-attr: reporter's sentences)")
    print("\n".join(rule_table(decided, right, over)))
    if args.dump:
        args.dump.write_text("\n".join(outcomes) + "\n", encoding="utf-8")
    for kind, gold, guess in [e for e in errors if normalize(e[1].source) not in PRONOUNS][
        : args.show_errors
    ]:
        print(
            f"\n[{kind}] {Path(gold.path).name}\n  gold: {gold.source!r}\n"
            f"  got:  {guess.speaker if guess else None!r} {guess.rules if guess else ''}\n"
            f"  content: {gold.content[:150]!r}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
