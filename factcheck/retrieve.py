"""Candidate evidence for a claim: an index narrows the sentences, rapidfuzz scores them.

The score in 0..1 rewards a sentence that contains what the claim says, so that a claim
which shortens or paraphrases its source still scores high: it blends the share of the
claim's content words found in the sentence (fuzzily, for inflections) with rapidfuzz's
`token_set_ratio`, which is 100 when one word set contains the other.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from .model import Evidence, Sentence, Source
from .text import content_words, normalize, words

WORD_MATCH = 85  # rapidfuzz ratio at which two words count as the same (agreed ~ agree)
COVERAGE_WEIGHT = 0.7  # the rest goes to token_set_ratio; tuned on the bundled claim set
PAIR_GAIN = 0.1  # a two-sentence window must beat its best single sentence by this much
PAIR_COVERAGE = 0.95  # ... and hold nearly every word of the claim
BM25_CANDIDATES = 64  # sentences the index hands to rapidfuzz per claim
EXHAUSTIVE_LIMIT = 2000  # below this many sentences, score them all: cheaper than an index


@dataclass
class Entry:
    """One content sentence in the index, with what matching needs precomputed."""

    source: str
    sentence: Sentence
    norm: str
    vocabulary: frozenset[str]
    position: int  # index among its source's content sentences


@dataclass(frozen=True)
class Query:
    """A claim prepared for scoring: its words weighted by how rare they are in the sources,
    so that a missing "F-35" costs more than a missing "Japan"."""

    norm: str
    words: tuple[str, ...]
    weights: tuple[float, ...]


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
    set_ratio = fuzz.token_set_ratio(query.norm, norm) / 100
    return COVERAGE_WEIGHT * coverage(query, vocabulary) + (1 - COVERAGE_WEIGHT) * set_ratio


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


@dataclass
class Index:
    """Every content sentence of a set of sources, searchable by claim."""

    sources: list[Source]
    brute_force: bool = False
    entries: list[Entry] = field(init=False)
    _bm25: object | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.entries = []
        for source in self.sources:
            for position, sentence in enumerate(source.content):
                norm = normalize(sentence.text)
                self.entries.append(
                    Entry(
                        source.path,
                        sentence,
                        norm,
                        frozenset(content_words(sentence.text)),
                        position,
                    )
                )
        self._by_source = {s.path: s.content for s in self.sources}
        self._document_frequency = Counter(w for e in self.entries for w in e.vocabulary)
        if not self.brute_force and len(self.entries) > EXHAUSTIVE_LIMIT:
            self._bm25 = build_bm25([sorted(e.vocabulary) for e in self.entries])

    def candidates(self, claim_text: str) -> list[int]:
        """Entry numbers worth scoring: all of them, or the index's best."""
        if self._bm25 is None:
            return list(range(len(self.entries)))
        return bm25_top(self._bm25, content_words(claim_text), BM25_CANDIDATES)

    def search(self, claim_text: str, k: int = 5, quotes: tuple[str, ...] = ()) -> list[Evidence]:
        """The `k` best pieces of evidence, best first; each one or two adjacent sentences.
        For each of `quotes`, the sentence that best matches the quote itself is kept too, so
        a quote check always sees where the quote most likely comes from."""
        query = self.query(claim_text)
        claim_words = list(query.words)
        scored = sorted(
            (
                (score(query, self.entries[i].norm, self.entries[i].vocabulary), i)
                for i in self.candidates(claim_text)
            ),
            reverse=True,
        )[:k]
        extras = []
        for quote in quotes:
            best = self._best_for_quote(quote)
            if best is not None and best not in {i for _, i in scored}:
                entry = self.entries[best]
                extra_score = score(query, entry.norm, entry.vocabulary)
                extras.append(self._evidence([entry], extra_score, claim_words))
        evidence = [self._evidence([self.entries[i]], s, claim_words) for s, i in scored]
        for single_score, i in scored[:3]:
            pair = self._best_pair(self.entries[i], query)
            if (
                pair is not None
                and pair[1] >= single_score + PAIR_GAIN
                and coverage(query, pair[0][0].vocabulary | pair[0][1].vocabulary) >= PAIR_COVERAGE
            ):
                evidence.append(self._evidence(pair[0], pair[1], claim_words))
        evidence.sort(key=lambda e: e.score, reverse=True)
        return evidence[:k] + extras

    def _best_for_quote(self, quote: str) -> int | None:
        quote_norm = normalize(quote)
        candidates = self.candidates(quote)
        if not candidates:
            return None
        match = process.extractOne(
            quote_norm, {i: self.entries[i].norm for i in candidates}, scorer=fuzz.partial_ratio
        )
        return match[2] if match else None

    def query(self, claim_text: str) -> Query:
        claim_words = content_words(claim_text)
        total = len(self.entries) + 1
        weights = tuple(
            math.log(total / (self._document_frequency.get(w, 0) + 0.5)) for w in claim_words
        )
        return Query(normalize(claim_text), tuple(claim_words), weights)

    def _best_pair(self, entry: Entry, query: Query) -> tuple[list[Entry], float] | None:
        content = self._by_source[entry.source]
        best = None
        for first in (entry.position - 1, entry.position):
            if first < 0 or first + 1 >= len(content):
                continue
            pair = [self._entry_for(entry.source, content, first + j) for j in (0, 1)]
            norm = pair[0].norm + " " + pair[1].norm
            pair_score = score(query, norm, pair[0].vocabulary | pair[1].vocabulary)
            if best is None or pair_score > best[1]:
                best = (pair, pair_score)
        return best

    def _entry_for(self, source: str, content: list[Sentence], position: int) -> Entry:
        sentence = content[position]
        return Entry(
            source,
            sentence,
            normalize(sentence.text),
            frozenset(content_words(sentence.text)),
            position,
        )

    @staticmethod
    def _evidence(entries: list[Entry], evidence_score: float, claim_words: list[str]) -> Evidence:
        sentences = [e.sentence for e in entries]
        evidence = Evidence(entries[0].source, sentences, round(evidence_score, 4))
        evidence.matched = matched_spans(evidence.text, claim_words)
        return evidence


def build_bm25(corpus_tokens: list[list[str]]):
    """A bm25s index over pre-tokenised sentences (bm25s is imported only when needed)."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    return retriever


def bm25_top(retriever, query_words: list[str], n: int) -> list[int]:
    if not query_words:
        return []
    n = min(n, retriever.scores["num_docs"])
    documents, scores = retriever.retrieve([query_words], k=n, show_progress=False)
    return [int(d) for d, s in zip(documents[0], scores[0], strict=True) if s > 0] or [
        int(d) for d in np.asarray(documents[0])
    ]
