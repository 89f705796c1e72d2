"""Candidate evidence for a claim: an index narrows the sentences, rapidfuzz scores them.

The score in 0..1 rewards a sentence that contains what the claim says, so that a claim
which shortens or paraphrases its source still scores high: it blends the share of the
claim's content words found in the sentence (weighted by rarity, matched fuzzily for
inflections) with rapidfuzz's `token_set_ratio`, which is 100 when one word set contains
the other.

Small corpora are scored exhaustively. Above `EXHAUSTIVE_LIMIT` sentences a BM25 index
(bm25s) hands each claim's best `BM25_CANDIDATES` sentences to the scorer; `brute_force`
scores every sentence instead and is the reference the index is measured against
(`bench/scale.py`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from .model import Evidence, Sentence, Source
from .text import WORD, content_words, lexicon, normalize, words

WORD_MATCH = 85  # rapidfuzz ratio at which two words count as the same (agreed ~ agree)
COVERAGE_WEIGHT = 0.7  # the rest goes to token_set_ratio; tuned on the bundled claim set
PAIR_GAIN = 0.1  # a two-sentence window must beat its best single sentence by this much
PAIR_COVERAGE = 0.95  # ... and hold nearly every word of the claim
BM25_CANDIDATES = 64  # sentences the index hands to rapidfuzz per claim (bench/scale.py)
EXHAUSTIVE_LIMIT = 2000  # below this many sentences, score them all: cheaper than an index
INDEX_FORMAT = 1  # bump when the saved layout changes


@dataclass(frozen=True)
class Query:
    """A claim prepared for scoring: its words weighted by how rare they are in the sources,
    so that a missing "F-35" costs more than a missing "Japan"."""

    norm: str
    words: tuple[str, ...]
    weights: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One content sentence of the corpus: where it is, not what it says (kept small, as an
    archive holds millions)."""

    source: str
    sentence: Sentence
    position: int  # index among its source's content sentences


def coverage(query: Query, vocabulary: frozenset[str]) -> float:
    """Weighted share of the claim's words present in `vocabulary`, exactly or as a close
    inflection (agreed ~ agree)."""
    total = sum(query.weights)
    if not total:
        return 0.0
    found = 0.0
    pool = list(vocabulary)
    for word, weight in zip(query.words, query.weights, strict=True):
        if word in vocabulary or (
            len(word) >= 4
            and pool
            and process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
        ):
            found += weight
    return found / total


def score(query: Query, norm: str, vocabulary: frozenset[str]) -> float:
    return blend(query, norm, coverage(query, vocabulary))


def blend(query: Query, norm: str, covered: float) -> float:
    """The score, given the claim's coverage already computed."""
    set_ratio = fuzz.token_set_ratio(query.norm, norm) / 100
    return COVERAGE_WEIGHT * covered + (1 - COVERAGE_WEIGHT) * set_ratio


def features(text: str) -> tuple[str, frozenset[str]]:
    """What scoring needs of a sentence: its normalised text and its content words (taken
    from the normalised text, so it is normalised once: this runs for every candidate)."""
    norm = normalize(text)
    stop = lexicon("stopwords")
    return norm, frozenset(w for w in WORD.findall(norm) if w not in stop)


def matched_spans(text: str, claim_words: list[str]) -> list[tuple[int, int]]:
    """Spans of the words in `text` that the claim also uses, for highlighting."""
    wanted = set(claim_words)
    spans = []
    for word in words(text):
        if word.norm in wanted or (
            len(word.norm) >= 4
            and process.extractOne(word.norm, wanted, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
        ):
            spans.append((word.start, word.end))
    return spans


class Index:
    """Every content sentence of a set of sources, searchable by claim."""

    def __init__(self, sources: list[Source], brute_force: bool = False, _saved=None) -> None:
        self.entries = [
            Entry(source.path, sentence, position)
            for source in sources
            for position, sentence in enumerate(source.content)
        ]
        self._by_source = {s.path: s.content for s in sources}
        self._features: list[tuple[str, frozenset[str]]] | None = None
        self._bm25 = None
        if _saved is not None:
            self._vocabulary, self._frequency, self._bm25 = _saved
            return
        large = len(self.entries) > EXHAUSTIVE_LIMIT
        token_ids = self._tokenize(keep_ids=large and not brute_force)
        if large and not brute_force:
            self._bm25 = build_bm25(token_ids, self._vocabulary)

    def _tokenize(self, keep_ids: bool) -> list[list[int]]:
        """Word ids per sentence (kept only for building BM25) and each word's document
        frequency, for the rarity weights."""
        self._vocabulary: dict[str, int] = {}
        frequency: Counter[int] = Counter()
        token_ids = []
        for entry in self.entries:
            ids = [
                self._vocabulary.setdefault(w, len(self._vocabulary))
                for w in content_words(entry.sentence.text)
            ]
            frequency.update(set(ids))
            if keep_ids:
                token_ids.append(ids)
        self._frequency = np.zeros(len(self._vocabulary), dtype=np.int32)
        for word_id, count in frequency.items():
            self._frequency[word_id] = count
        return token_ids

    def query(self, claim_text: str) -> Query:
        claim_words = content_words(claim_text)
        total = len(self.entries) + 1
        weights = []
        for word in claim_words:
            word_id = self._vocabulary.get(word)
            frequency = int(self._frequency[word_id]) if word_id is not None else 0
            weights.append(math.log(total / (frequency + 0.5)))
        return Query(normalize(claim_text), tuple(claim_words), tuple(weights))

    def _feature(self, position: int) -> tuple[str, frozenset[str]]:
        if self._features is not None:
            return self._features[position]
        return features(self.entries[position].sentence.text)

    def candidates(self, text: str) -> list[int]:
        """Entry numbers worth scoring: all of them, or the index's best for `text`."""
        if self._bm25 is None:
            if self._features is None:
                # every search scores every sentence: compute their features once
                self._features = [features(e.sentence.text) for e in self.entries]
            return list(range(len(self.entries)))
        known = [w for w in content_words(text) if w in self._vocabulary]
        return bm25_top(self._bm25, known, BM25_CANDIDATES)

    def search(self, claim_text: str, k: int = 5, quotes: tuple[str, ...] = ()) -> list[Evidence]:
        """The `k` best pieces of evidence, best first; each one or two adjacent sentences.
        For each of `quotes`, the sentence that best matches the quote itself is kept too, so
        a quote check always sees where the quote most likely comes from."""
        query = self.query(claim_text)
        scored = sorted(
            ((score(query, *self._feature(i)), i) for i in self.candidates(claim_text)),
            reverse=True,
        )[:k]
        claim_words = list(query.words)
        evidence = [self._evidence([self.entries[i]], s, claim_words) for s, i in scored]
        pairs = []
        for single_score, i in scored[:3]:
            pair = self._best_pair(self.entries[i], query)
            if pair is not None and pair[1] >= single_score + PAIR_GAIN:
                evidence.append(self._evidence(pair[0], pair[1], claim_words))
                continue
            single_coverage = coverage(query, self._feature(i)[1])
            pair = self._best_pair(self.entries[i], query, min_coverage=single_coverage + 1e-9)
            if pair is not None:
                pairs.append(self._evidence(pair[0], pair[1], claim_words))
        evidence.sort(key=lambda e: e.score, reverse=True)
        # Pairs that do not outscore their sentence are still offered, after the `k` best:
        # the verdict stage aligns each candidate with the claim and may need the sentence
        # a source broke in two.
        evidence = evidence[:k] + pairs
        taken = {i for _, i in scored}
        for quote in quotes:
            best = self._best_for_quote(quote)
            if best is not None and best not in taken:
                extra_score = score(query, *self._feature(best))
                evidence.append(self._evidence([self.entries[best]], extra_score, claim_words))
        return evidence

    def _best_for_quote(self, quote: str) -> int | None:
        candidates = self.candidates(quote)
        if not candidates:
            return None
        match = process.extractOne(
            normalize(quote),
            {i: self._feature(i)[0] for i in candidates},
            scorer=fuzz.partial_ratio,
        )
        return match[2] if match else None

    def _best_pair(
        self, entry: Entry, query: Query, min_coverage: float = PAIR_COVERAGE
    ) -> tuple[list[Entry], float] | None:
        content = self._by_source[entry.source]
        best = None
        for first in (entry.position - 1, entry.position):
            if first < 0 or first + 1 >= len(content):
                continue
            pair = [Entry(entry.source, content[first + j], first + j) for j in (0, 1)]
            (norm_a, vocab_a), (norm_b, vocab_b) = (features(e.sentence.text) for e in pair)
            covered = coverage(query, vocab_a | vocab_b)
            if covered < min_coverage:
                continue
            pair_score = blend(query, norm_a + " " + norm_b, covered)
            if best is None or pair_score > best[1]:
                best = (pair, pair_score)
        return best

    @staticmethod
    def _evidence(entries: list[Entry], evidence_score: float, claim_words: list[str]) -> Evidence:
        sentences = [e.sentence for e in entries]
        evidence = Evidence(entries[0].source, sentences, round(evidence_score, 4))
        evidence.matched = matched_spans(evidence.text, claim_words)
        return evidence

    # --- persistence (used by cache.py) ----------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write the index's tables into an empty `directory` (the caller makes it atomic)."""
        np.save(directory / "frequency.npy", self._frequency)
        (directory / "vocabulary.json").write_text(
            json.dumps(self._vocabulary, ensure_ascii=False), encoding="utf-8"
        )
        meta = {
            "format": INDEX_FORMAT,
            "entries": len(self.entries),
            "bm25": self._bm25 is not None,
        }
        if self._bm25 is not None:
            self._bm25.save(str(directory / "bm25"))
        (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, sources: list[Source]) -> Index:
        """An index saved by `save` for exactly these sources; raises ValueError if the saved
        tables do not fit them."""
        import bm25s

        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT:
            raise ValueError(f"index format {meta.get('format')} is not {INDEX_FORMAT}")
        vocabulary = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
        frequency = np.load(directory / "frequency.npy")
        retriever = bm25s.BM25.load(str(directory / "bm25"), mmap=True) if meta["bm25"] else None
        index = cls(sources, _saved=(vocabulary, frequency, retriever))
        if len(index.entries) != meta["entries"] or len(frequency) != len(vocabulary):
            raise ValueError("saved index does not match its sources")
        return index


def build_bm25(token_ids: list[list[int]], vocabulary: dict[str, int]):
    """A bm25s index over sentences already turned into word ids."""
    import bm25s
    from bm25s.tokenization import Tokenized

    retriever = bm25s.BM25()
    # a copy: bm25s adds its own empty token to the vocabulary it is given
    retriever.index(Tokenized(ids=token_ids, vocab=dict(vocabulary)), show_progress=False)
    return retriever


def bm25_top(retriever, query_words: list[str], n: int) -> list[int]:
    """The `n` best-scoring sentences for the query words (only those with a positive score).

    bm25s builds (and saves) the index: a sparse matrix of precomputed per-word, per-sentence
    BM25 scores. Summing a query's columns is done here with `np.bincount`, which gives the
    same scores as bm25s's own retrieval (Lucene BM25 has no non-occurrence term) but is about
    ten times faster at a million sentences than its `np.add.at` without numba
    (bench/scale.py)."""
    ids = retriever.get_tokens_ids(query_words)
    if not ids:
        return []
    matrix = retriever.scores
    starts = matrix["indptr"]
    sentences = np.concatenate([matrix["indices"][starts[i] : starts[i + 1]] for i in ids])
    weights = np.concatenate([matrix["data"][starts[i] : starts[i + 1]] for i in ids])
    totals = np.bincount(sentences, weights=weights, minlength=matrix["num_docs"])
    k = min(n, int(np.count_nonzero(totals)))
    if k == 0:
        return []
    top = np.argpartition(-totals, k - 1)[:k]
    return top[np.argsort(-totals[top], kind="stable")].tolist()
