"""factcheck at archive scale, as a user lives it: `factcheck index`, then `check`.

    python bench/scale.py                        # 100k and 1M sentences
    python bench/scale.py --sizes 100000         # one size (the development run)

Needs the `bench` extra (`pip install -e '.[bench]'`: bm25s, tantivy, psutil) and the
PolNeAR train articles in ../shared/polnear-train/ (read at run time, never copied into the
project; the archive is written under --workdir, outside it).

For each size, the script writes an archive of plain-text files:

- **real text**: the PolNeAR train articles, ARTICLES_PER_FILE to a file; to reach the size,
  the articles are used again in other combinations (so at 1M a sentence recurs; the count
  of distinct sentences is printed);
- **the bundled article** (claims/us-japan-alliance.txt), verbatim, as one file among them:
  its sentences are the gold evidence;
- **topical near-misses**, in files of their own and counted: the article's own sentences
  edited (numbers changed, names swapped between sentences, words replaced by others of the
  article, clauses reordered), so they share the topic and most of the words of the gold
  sentence without being it.

Gold evidence is fixed by hand in bench/scale_gold.yaml (line and phrase of the article
for each claim of claims/us-japan-alliance.yaml), never taken from factcheck's output.

Then, timed as subprocesses (wall, and peak resident memory of the process tree):
`factcheck index FILES` (segmentation, attribution as the tool does it, index), `factcheck
check` of the bundled claims against the whole archive, cold (first after index) and cached
(again). The verdicts of every claim are compared with those on the article alone, and every
difference is printed. In this process: recall@1 and recall@5 of the gold sentence (the
first five sentences returned, a two-sentence evidence counting as two) and per-claim search
latency of factcheck's index, and the same for peers on the same sentences and claims:
rapidfuzz `token_set_ratio` over every sentence, bm25s top-5 and tantivy top-5. Cold start
of `factcheck verify` is bench/coldstart.py's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
CLAIM_SET = ROOT / "claims" / "us-japan-alliance.yaml"
GOLD = ROOT / "bench" / "scale_gold.yaml"
POLNEAR = ROOT.parent / "shared" / "polnear-train"
FACTCHECK = [str(Path(sys.executable).parent / "factcheck")]  # the installed command

ARTICLES_PER_FILE = 10  # ~370 sentences a file: 2,700 files at 1M, as the archive
NEAR_MISSES_PER_MILLION = 2000  # edited article sentences per 1M (45 article sentences: ~44 each)
ESTIMATE_WORKERS = (2, 16, 64, 256)  # cluster sizes for the 100M-sentence estimate
RECALL_DEPTH = 5  # sentences counted for recall@5
CACHED_RUNS = 5  # cached checks on each of one worker and the default: a median of 5 per side
PEER_BUDGET_S = 60.0  # seconds of rapidfuzz-over-everything per size; a sample of claims past it


@dataclass(frozen=True)
class Gold:
    line: int
    says: str


@dataclass(frozen=True)
class ClaimCase:
    id: str
    text: str
    quotes: tuple[str, ...]
    gold: Gold | None


# --- the archive -------------------------------------------------------------------------


def polnear_articles() -> list[str]:
    if not POLNEAR.is_dir():
        sys.exit(f"bench/scale.py: {POLNEAR} not found (the PolNeAR train articles)")
    return [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]


def content_count(text: str, name: str) -> int:
    from factcheck.sources import parse_source

    return len(parse_source(text, name).content)


NUMBER_WORDS = "two three four five six seven eight nine ten twelve fifteen twenty".split()


def near_miss(sentence: str, names: list[str], vocabulary: list[str], rng: random.Random) -> str:
    """One edited copy of an article sentence: two of four edits, each keeping the topic."""

    def numbers(text: str) -> str:
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        pattern = r"\b(" + "|".join(NUMBER_WORDS) + r")\b"
        return re.sub(pattern, lambda m: rng.choice(NUMBER_WORDS), text)

    def swap_name(text: str) -> str:
        present = [n for n in names if n in text]
        return text.replace(rng.choice(present), rng.choice(names)) if present else text

    def replace_words(text: str) -> str:
        tokens = text.split()
        for _ in range(max(1, len(tokens) // 5)):
            tokens[rng.randrange(len(tokens))] = rng.choice(vocabulary)
        return " ".join(tokens)

    def reorder(text: str) -> str:
        clauses = re.split(r"(?<=,) ", text)
        rng.shuffle(clauses)
        return " ".join(clauses)

    edits = [numbers, swap_name, replace_words, reorder]
    for edit in rng.sample(edits, 2):
        sentence = edit(sentence)
    return sentence


NUMBER_VALUES = {"ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20} | {
    word: value for value, word in enumerate(NUMBER_WORDS[:8], start=2)
}


def fact_tokens(text: str) -> set[str]:
    """Numbers (words as digits), and hyphenated words: what a contradicted claim changes."""
    tokens = re.findall(r"[\w’'-]+", text.lower())
    return {
        str(NUMBER_VALUES.get(t, t))
        for t in tokens
        if any(c.isdigit() for c in t) or "-" in t or t in NUMBER_VALUES
    }


@cache
def claimed_tokens() -> frozenset[str]:
    bundled = yaml.safe_load(CLAIM_SET.read_text(encoding="utf-8"))
    return frozenset(fact_tokens(" ".join(claim["text"] for claim in bundled["claims"])))


def restates_a_claim(original: str, edited: str) -> bool:
    """Whether an edit brought in a number or hyphenated word that a bundled claim uses and
    the original sentence lacks ("10" -> "12" would write `patriot-twelve` itself): such a
    near-miss would be a source for the claim, not a near-miss."""
    return bool((fact_tokens(edited) - fact_tokens(original)) & claimed_tokens())


def build_archive(size: int, directory: Path, seed: int = 1) -> dict:
    """Write the archive of about `size` content sentences into `directory`; return what is
    in it (files, counts, the article's path)."""
    from factcheck.sources import parse_source

    rng = random.Random(seed)
    article_text = ARTICLE.read_text(encoding="utf-8")
    article = [s.text for s in parse_source(article_text, "a").content]
    names = sorted(set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b", article_text)))
    vocabulary = [w for s in article for w in s.split() if w.isalpha() and len(w) > 3]
    near_count = max(len(article), size * NEAR_MISSES_PER_MILLION // 1_000_000)
    near = []
    while len(near) < near_count:
        original = rng.choice(article)
        edited = near_miss(original, names, vocabulary, rng)
        if edited not in article and not restates_a_claim(original, edited):
            near.append(edited)

    articles = polnear_articles()
    counts = [content_count(text, f"polnear-{i}") for i, text in enumerate(articles)]
    directory.mkdir(parents=True, exist_ok=True)
    files, real, copies = [], 0, 0
    wanted = size - len(article) - len(near)
    while real < wanted:
        order = list(range(len(articles)))
        rng.shuffle(order)
        for start in range(0, len(order), ARTICLES_PER_FILE):
            if real >= wanted:
                break
            chosen = order[start : start + ARTICLES_PER_FILE]
            path = directory / f"archive-{len(files):05d}.txt"
            path.write_text("\n\n".join(articles[i] for i in chosen), encoding="utf-8")
            files.append(path)
            real += sum(counts[i] for i in chosen)
        copies += 1
    near_files = []
    for start in range(0, len(near), 40):
        path = directory / f"near-miss-{len(near_files):04d}.txt"
        path.write_text("\n\n".join(near[start : start + 40]) + "\n", encoding="utf-8")
        near_files.append(path)
    planted = directory / "us-japan-alliance.txt"
    planted.write_bytes(ARTICLE.read_bytes())
    everything = files + near_files
    everything.insert(rng.randrange(len(everything) + 1), planted)
    distinct = sum(counts) if copies > 1 else real
    return {
        "files": [str(p) for p in everything],
        "article": str(planted),
        "sentences": real + len(article) + len(near),
        "real_sentences": real,
        "distinct_real_sentences": distinct,
        "passes_over_polnear": copies,
        "near_misses": len(near),
        "article_sentences": len(article),
    }


def write_claim_set(archive: dict, path: Path) -> None:
    """The bundled claims, pointed at every file of the archive."""
    bundled = yaml.safe_load(CLAIM_SET.read_text(encoding="utf-8"))
    bundled["sources"] = [os.path.relpath(f, path.parent) for f in archive["files"]]
    path.write_text(yaml.safe_dump(bundled, allow_unicode=True, sort_keys=False), "utf-8")


def claim_cases() -> list[ClaimCase]:
    from factcheck.claims import load_claims
    from factcheck.text import find_quotes

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    cases = []
    for claim in load_claims(str(CLAIM_SET)).claims:
        marked = gold[claim.id]
        quotes = tuple(q.text for q in find_quotes(claim.text))
        cases.append(ClaimCase(claim.id, claim.text, quotes, Gold(**marked) if marked else None))
    return cases


# --- measuring subprocesses ----------------------------------------------------------------


# The environment of the timed commands: Python's bytecode cached as a pip install leaves it
# (with PYTHONDONTWRITEBYTECODE set and a module changed since its .pyc, every run compiles
# it again; bench/coldstart.py does the same).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(command: list[str], env: dict | None = None, memory: bool = True) -> dict:
    """Run `command`; wall seconds, CPU seconds of its process tree (user + system of every
    process it waited for, from `getrusage`), and, with `memory`, the peaks of the summed RSS
    and the summed PSS of the tree (sampled every 20 ms with psutil). `check` forks workers
    that share the parent's pages: summed RSS counts those pages once per process, PSS
    shares each page among the processes mapping it, so the PSS sum is the memory the tree
    holds. Sampling takes CPU from the command on a 2-core machine (reading PSS walks the
    page tables), so timed repetitions run without it."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENVIRONMENT if env is None else env,
        text=True,
    )
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        root = psutil.Process(process.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                # both from one reading per process: read apart, a growing process's PSS
                # could be sampled later than its RSS and come out above it
                infos = [p.memory_full_info() for p in tree]
                peak_rss = max(peak_rss, sum(i.rss for i in infos))
                peak_pss = max(peak_pss, sum(i.pss for i in infos))
            except (psutil.Error, AttributeError):  # gone meanwhile, or no PSS on this system
                pass
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    if memory:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_mb": peak_rss / 2**20,
        "peak_pss_mb": peak_pss / 2**20,
        "rc": process.returncode,
        "out": out,
        "err": err,
    }


def cached_checks(check: list[str], runs: int) -> dict:
    """The cached `check` run `runs` times on one worker (`-j 1`), as a user runs it (the
    default: the cores the load leaves idle) and on every core, in turn, so that the
    machine's load falls on all alike; the medians and ranges, and whether every run
    printed the same report.
    The first run of each samples memory and is not timed."""
    settings = {
        "one worker": ["-j", "1"],
        "default": [],
        f"all {os.cpu_count()} cores": ["-j", str(os.cpu_count())],
    }
    measured: dict[str, list[dict]] = {label: [] for label in settings}
    memory: dict[str, dict] = {}
    load_before = os.getloadavg()[0]
    for repetition in range(runs + 1):
        for label, extra in settings.items():
            run = run_measured([*check, *extra], memory=not repetition)
            if not repetition:
                memory[label] = run
                continue
            if run["rc"] not in (0, 1):
                sys.exit(f"factcheck check failed: {run['err'][-2000:]}")
            measured[label].append(run)
    outputs = {run["out"] for runs_ in [*measured.values(), memory.values()] for run in runs_}
    summary = {}
    for label, runs_ in measured.items():
        summary[label] = {
            key: {
                "median": statistics.median(r[key] for r in runs_),
                "min": min(r[key] for r in runs_),
                "max": max(r[key] for r in runs_),
            }
            for key in ("wall_s", "cpu_s")
        }
        summary[label]["peak_mb"] = memory[label]["peak_mb"]
        summary[label]["peak_pss_mb"] = memory[label]["peak_pss_mb"]
    summary["same_report"] = len(outputs) == 1
    summary["report"] = measured["default"][0]["out"]  # one default run's JSON report
    summary["runs"] = runs
    summary["load"] = (load_before, os.getloadavg()[0])
    return summary


def verdicts_of(check_json: str) -> dict[str, dict]:
    report = json.loads(check_json)
    return {r["id"]: r for r in report["results"]}


def verdict_changes(baseline: dict[str, dict], results: dict[str, dict]) -> list[dict]:
    """Each claim whose verdict or finding codes against the archive differ from those on
    the article alone, with its first evidence there (the verdicts must not change; the
    findings may, where an edited near-miss becomes the evidence)."""
    changes = []
    for cid, alone in baseline.items():
        found = results[cid]
        codes = (
            sorted(f["code"] for f in alone["findings"]),
            sorted(f["code"] for f in found["findings"]),
        )
        if alone["verdict"] == found["verdict"] and codes[0] == codes[1]:
            continue
        changes.append(
            {
                "id": cid,
                "alone": alone["verdict"],
                "archive": found["verdict"],
                "codes": codes,
                "evidence": [
                    (e["source"], e["line"], e["sentence"]) for e in found["evidence"][:1]
                ],
            }
        )
    return changes


def print_changes(claims: int, changes: list[dict]) -> None:
    verdicts = [c for c in changes if c["alone"] != c["archive"]]
    print(
        f"\nverdicts of {claims} claims against the archive vs the article alone: "
        f"{len(verdicts)} changed; finding codes of {len(changes) - len(verdicts)} more changed"
    )
    for change in changes:
        alone, archive = change["codes"]
        print(f"  - {change['id']}: {change['alone']} -> {change['archive']}, {alone} -> {archive}")
        for path, line, text in change["evidence"]:
            print(f"      best evidence {os.path.basename(path)}:{line}: {text[:160]}")


# --- recall ---------------------------------------------------------------------------------


def is_gold(case: ClaimCase, path: str, line: int, text: str, article: str) -> bool:
    gold = case.gold
    return (
        gold is not None
        and os.path.basename(path) == os.path.basename(article)
        and line == gold.line
        and gold.says in text
    )


def recall(cases: list[ClaimCase], ranked: list[list[tuple[str, int, str]]], article: str):
    """(recall@1, recall@5) over the claims that have gold; `ranked` holds each claim's
    returned sentences (path, line, text), best first."""
    with_gold = [(c, r) for c, r in zip(cases, ranked, strict=True) if c.gold]
    at = {}
    for depth in (1, RECALL_DEPTH):
        hits = sum(any(is_gold(c, *hit, article) for hit in r[:depth]) for c, r in with_gold)
        at[depth] = hits / len(with_gold)
    return at[1], at[RECALL_DEPTH]


def flatten(evidence) -> list[tuple[str, int, str]]:
    """factcheck's evidence as sentences in rank order (a pair is two sentences)."""
    return [(e.source, s.line, s.text) for e in evidence for s in e.sentences]


def timed(search, cases) -> tuple[list, list[float]]:
    for case in cases[:3]:
        search(case)  # warm: page-ins, lazy tables
    found, latencies = [], []
    for case in cases:
        started = time.perf_counter()
        found.append(search(case))
        latencies.append((time.perf_counter() - started) * 1000)
    return found, latencies


def latency_summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    return {
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
    }


# --- peers ----------------------------------------------------------------------------------


def archive_sentences(files: list[str]) -> list[tuple[str, int, str]]:
    """Every content sentence of the archive as factcheck segments it (path, line, text)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor() as pool:
        parts = pool.map(_segment_file, files, chunksize=16)
        return [row for part in parts for row in part]


def _segment_file(path: str) -> list[tuple[str, int, str]]:
    from factcheck.sources import parse_source

    source = parse_source(Path(path).read_text(encoding="utf-8"), path)
    return [(path, s.line, s.text) for s in source.content]


def peer_factcheck(cache_dir: Path, files: list[str], cases: list[ClaimCase]) -> dict:
    """factcheck's own index, opened from the store `factcheck index` wrote, in this process
    (after the `check` runs, so evidence files are analysed and attributed already)."""
    from factcheck.cache import Cache
    from factcheck.store import Store

    started = time.perf_counter()
    index = Store(Cache(cache_dir)).open_index(files)
    opened = time.perf_counter() - started
    found, latencies = timed(lambda c: flatten(index.search(c.text, 5, c.quotes)), cases)
    return {"open_s": opened, "found": found, **latency_summary(latencies), "index": index}


def peer_factcheck_bm25(index, cases: list[ClaimCase]) -> dict:
    """factcheck's BM25 candidates alone, top 5, no rescoring: the step tantivy compares to."""
    from factcheck.text import content_words

    inner = index.index
    rows = inner.rows

    def search(case):
        return inner._bm25.top(content_words(case.text), RECALL_DEPTH)

    found, latencies = timed(search, cases)  # timed: the rows; where they are is read after
    found = [[(rows.path(r), *line_and_text(rows, r)) for r in top] for top in found]
    return {"found": found, **latency_summary(latencies)}


def line_and_text(rows, row: int) -> tuple[int, str]:
    """Line and text of a row, from its file (as the evidence would show it)."""
    sentence = rows.sentences([row])[0]
    return sentence.line, sentence.text


def peer_rapidfuzz(sentences, cases, budget: float) -> dict:
    from rapidfuzz import fuzz, process

    from factcheck.text import normalize

    norms = [normalize(text) for _, _, text in sentences]
    found, latencies, spent = [], [], 0.0
    for case in cases:
        if spent > budget:
            break
        started = time.perf_counter()
        scores = process.cdist(
            [normalize(case.text)], norms, scorer=fuzz.token_set_ratio, workers=-1
        )[0]
        best = scores.argsort()[::-1][:RECALL_DEPTH]
        found.append([sentences[i] for i in best])
        latencies.append((time.perf_counter() - started) * 1000)
        spent += latencies[-1] / 1000
    return {"found": found, "claims": len(found), **latency_summary(latencies)}


def peer_bm25s(sentences, cases) -> dict:
    import bm25s

    started = time.perf_counter()
    tokens = bm25s.tokenize([t for _, _, t in sentences], stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    build = time.perf_counter() - started

    def search(case):
        query = bm25s.tokenize([case.text], stopwords="en", show_progress=False)
        ids, _ = retriever.retrieve(query, k=RECALL_DEPTH, show_progress=False, n_threads=1)
        return [sentences[i] for i in ids[0]]

    found, latencies = timed(search, cases)
    return {"build_s": build, "found": found, **latency_summary(latencies)}


def peer_tantivy(sentences, cases, directory: Path) -> dict:
    import tantivy

    started = time.perf_counter()
    schema = (
        tantivy.SchemaBuilder()
        .add_text_field("body", stored=False)
        .add_integer_field("row", stored=True, fast=True)
        .build()
    )
    directory.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(directory))
    writer = index.writer()
    for row, (_, _, text) in enumerate(sentences):
        writer.add_document(tantivy.Document(body=text, row=row))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build = time.perf_counter() - started
    searcher = index.searcher()

    def search(case):
        words = re.findall(r"\w+", case.text.lower())
        query = index.parse_query(" ".join(words), ["body"])
        hits = searcher.search(query, RECALL_DEPTH).hits
        return [sentences[searcher.doc(address)["row"][0]] for _, address in hits]

    found, latencies = timed(search, cases)
    return {"build_s": build, "found": found, **latency_summary(latencies)}


# --- one size --------------------------------------------------------------------------------


def check_command(claim_path: Path, cache_dir: Path) -> list[str]:
    return [
        *FACTCHECK,
        "check",
        str(claim_path),
        "--format",
        "json",
        "--allow-outside-root",
        "--cache-dir",
        str(cache_dir),
    ]


def measure(
    size: int, workdir: Path, budget: float, baseline: dict, cached_runs: int = CACHED_RUNS
) -> dict:
    directory = workdir / f"archive-{size}"
    cache_dir = workdir / f"cache-{size}"
    tantivy_dir = workdir / f"tantivy-{size}"  # a previous run's documents would stay in it
    subprocess.run(["rm", "-rf", str(directory), str(cache_dir), str(tantivy_dir)], check=True)
    archive = build_archive(size, directory)
    claim_path = directory / "claims.yaml"
    write_claim_set(archive, claim_path)
    cases = claim_cases()
    row = {k: v for k, v in archive.items() if k != "files"}
    row["files"] = len(archive["files"])

    index_run = run_measured(
        [*FACTCHECK, "index", "--allow-outside-root", "--cache-dir", str(cache_dir)]
        + archive["files"]
    )
    if index_run["rc"] != 0:
        sys.exit(f"factcheck index failed: {index_run['err'][-2000:]}")
    row["index"] = {k: index_run[k] for k in ("wall_s", "cpu_s", "peak_mb", "peak_pss_mb")}
    row["index"]["said"] = index_run["out"].strip()
    row["shards"] = shard_figures(cache_dir)
    check = check_command(claim_path, cache_dir)
    for label in ("check_cold", "check_cached"):
        run = run_measured(check)
        if run["rc"] not in (0, 1):
            sys.exit(f"factcheck check failed: {run['err'][-2000:]}")
        row[label] = {k: run[k] for k in ("wall_s", "cpu_s", "peak_mb", "peak_pss_mb")}
    row["cached_checks"] = cached_checks(check, cached_runs)
    del row["cached_checks"]["report"]  # the verdicts are read from `run`'s, below
    results = verdicts_of(run["out"])
    row["verdict_changes"] = verdict_changes(baseline, results)
    row["claims"] = len(results)

    engines = {}
    mine = peer_factcheck(cache_dir, archive["files"], cases)
    engines["factcheck"] = mine
    engines["factcheck BM25 alone, top-5"] = peer_factcheck_bm25(mine.pop("index"), cases)
    sentences = archive_sentences(archive["files"])
    row["segmented_sentences"] = len(sentences)
    engines["rapidfuzz (every sentence)"] = peer_rapidfuzz(sentences, cases, budget)
    engines["bm25s top-5"] = peer_bm25s(sentences, cases)
    engines["tantivy top-5"] = peer_tantivy(sentences, cases, tantivy_dir)
    for engine in engines.values():
        found = engine.pop("found")
        r1, r5 = recall(cases[: len(found)], found, archive["article"])
        engine.update(recall_at_1=r1, recall_at_5=r5)
    row["engines"] = engines
    return row


def shard_figures(cache_dir: Path) -> list[dict]:
    """What each shard of the store took to build (its manifest records it): the measured
    per-shard figures behind the estimate for a larger archive."""
    manifests = (cache_dir / "store" / "shards").glob("*/manifest.json")
    return [
        {k: m[k] for k in ("sentences", "bytes", "seconds")}
        for m in (json.loads(p.read_text(encoding="utf-8")) for p in manifests)
    ]


def estimate(shards: list[dict], sentences: int, workers: int) -> float:
    """Hours to index `sentences` on `workers` workers at the measured per-shard rate (each
    worker builds whole shards; the shards of this run were built two at a time on 2 shared
    cores, so the rate is a floor for a dedicated core)."""
    rate = sum(s["sentences"] for s in shards) / sum(s["seconds"] for s in shards)
    return sentences / rate / workers / 3600


def print_row(row: dict) -> None:
    print(f"\n## {row['sentences']:,} sentences, {row['files']:,} files")
    print(
        f"archive: {row['real_sentences']:,} PolNeAR train sentences "
        f"({row['distinct_real_sentences']:,} distinct, {row['passes_over_polnear']} passes), "
        f"{row['near_misses']:,} near-misses, {row['article_sentences']} article sentences"
    )
    print("\n| step | wall s | CPU s | peak RSS MB (summed) | peak PSS MB (summed) |")
    print("|---|---|---|---|---|")
    for label in ("index", "check_cold", "check_cached"):
        step = row[label]
        print(
            f"| {label.replace('_', ' ')} | {step['wall_s']:.2f} | {step['cpu_s']:.2f} | "
            f"{step['peak_mb']:.0f} | {step['peak_pss_mb']:.0f} |"
        )
    print_cached(row["cached_checks"])
    print(f"\n`factcheck index` said: {row['index']['said']}")
    shards = row["shards"]
    if shards:
        rate = sum(s["sentences"] for s in shards) / sum(s["seconds"] for s in shards)
        print(
            f"\n{len(shards)} shards, {statistics.median(s['sentences'] for s in shards):,.0f} "
            f"sentences and {statistics.median(s['seconds'] for s in shards):.1f} s each "
            f"(median): {rate:,.0f} sentences/s per worker. At that rate, 100M sentences: "
            + ", ".join(
                f"{estimate(shards, 100_000_000, n) * 60:,.0f} min on {n} workers"
                for n in ESTIMATE_WORKERS
            )
        )
    print_changes(row["claims"], row["verdict_changes"])
    print("\n| engine | build s | median ms/claim | p95 ms | recall@1 | recall@5 | claims |")
    print("|---|---|---|---|---|---|---|")
    for name, engine in row["engines"].items():
        build = engine.get("build_s", engine.get("open_s"))
        build_text = "-" if build is None else f"{build:.1f}"
        print(
            f"| {name} | {build_text} | {engine['median_ms']:.1f} | {engine['p95_ms']:.1f} | "
            f"{engine['recall_at_1']:.3f} | {engine['recall_at_5']:.3f} | "
            f"{engine.get('claims', 'all')} |"
        )


def print_cached(summary: dict) -> None:
    print(
        f"\ncached check, {summary['runs']} runs each, in turn (load average "
        f"{summary['load'][0]:.1f} before, {summary['load'][1]:.1f} after); the same report "
        "every run: "
        f"{'yes' if summary['same_report'] else 'NO'}"
    )
    print("\n| workers | wall s median (min-max) | CPU s median | peak PSS MB | peak RSS MB |")
    print("|---|---|---|---|---|")
    for label, figures in summary.items():
        if not isinstance(figures, dict):
            continue
        wall = figures["wall_s"]
        print(
            f"| {label} | {wall['median']:.2f} ({wall['min']:.2f}-{wall['max']:.2f}) | "
            f"{figures['cpu_s']['median']:.2f} | {figures['peak_pss_mb']:.0f} | "
            f"{figures['peak_mb']:.0f} |"
        )


def checks_only(sizes: list[int], workdir: Path, runs: int, baseline: dict) -> None:
    """The cached checks alone, against archives and stores a full run left in `workdir`,
    and their verdicts against those on the article alone (after a change to the verdict
    stage, the one part of a full run that can change)."""
    for size in sizes:
        claim_path = workdir / f"archive-{size}" / "claims.yaml"
        if not claim_path.exists():
            sys.exit(f"{claim_path}: no archive of {size:,} sentences; run without --checks-only")
        print(f"\n## {size:,} sentences (archive and store of an earlier run)")
        summary = cached_checks(check_command(claim_path, workdir / f"cache-{size}"), runs)
        print_cached(summary)
        results = verdicts_of(summary["report"])
        print_changes(len(results), verdict_changes(baseline, results))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-scale"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=PEER_BUDGET_S,
        help="seconds of rapidfuzz over every sentence per size",
    )
    parser.add_argument(
        "--cached-runs", type=int, default=CACHED_RUNS, help="cached checks per worker setting"
    )
    parser.add_argument(
        "--checks-only",
        action="store_true",
        help="only the cached checks, against the archives an earlier run left in --workdir",
    )
    args = parser.parse_args()
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at start"
    )
    print(f"machine: {machine}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    alone = subprocess.run(
        [*FACTCHECK, "check", str(CLAIM_SET), "--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
    )
    baseline = verdicts_of(alone.stdout)
    if args.checks_only:
        checks_only(args.sizes, args.workdir, args.cached_runs, baseline)
        return 0
    rows = []
    for size in args.sizes:
        row = measure(size, args.workdir, args.budget, baseline, args.cached_runs)
        rows.append(row)
        print_row(row)
        sys.stdout.flush()
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "scale.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
