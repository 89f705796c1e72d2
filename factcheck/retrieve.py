"""Candidate evidence for a claim: an index narrows the sentences, rapidfuzz scores them.

The score in 0..1 rewards a sentence that contains what the claim says, so that a claim
which shortens or paraphrases its source still scores high: it blends the share of the
claim's content words found in the sentence (weighted by rarity, matched fuzzily for
inflections) with rapidfuzz's `token_set_ratio`, which is 100 when one word set contains
the other.

Small corpora are scored exhaustively. Above `EXHAUSTIVE_LIMIT` sentences a BM25 index hands
each claim's best `BM25_CANDIDATES` sentences to the scorer; `brute_force` scores every
sentence instead and is the reference the index is measured against (`bench/scale.py`).

The BM25 index is inverted lists of (sentence, term frequency) per word, in numpy arrays,
and BM25 is computed at query time from them. So the same lists can live in memory (sources
analysed now) or in memory-mapped files of the store (`store.py`), in several shards whose
scores are directly comparable, and a search restricted to a subset of the sentences
computes its statistics over that subset alone: the answer never depends on how the archive
was sharded or on what else the store holds.
"""

from __future__ import annotations

import hashlib
import math
import mmap
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz, process

from .model import Evidence, Sentence, Source
from .text import POSSESSIVE, WORD, content_words, forenames, lexicon, name_pairs, normalize, words

if TYPE_CHECKING:
    import numpy as np

WORD_MATCH = 85  # rapidfuzz ratio at which two words count as the same (agreed ~ agree)
COVERAGE_WEIGHT = 0.7  # the rest goes to token_set_ratio; tuned on the bundled claim set
PAIR_GAIN = 0.1  # a two-sentence window must beat its best single sentence by this much
PAIR_COVERAGE = 0.95  # ... and hold nearly every word of the claim
BM25_CANDIDATES = 64  # sentences the index hands to rapidfuzz per claim (bench/scale.py)
EXHAUSTIVE_LIMIT = 2000  # below this many sentences, score them all: cheaper than an index
# Sentences tied at holding a quote best that are all offered: a report and two copies of
# it (an archive keeps wire copies side by side). Small, since each costs one alignment.
QUOTE_HOLDERS = 3
BM25_K1 = 1.5  # Lucene's (and bm25s's) defaults for term-frequency saturation ...
BM25_B = 0.75  # ... and length normalisation
RECENT_WORDS = 256  # postings kept between a claim's weights and its search: a few claims' words
# Relative margin on MaxScore's bound, for rounding in sums of float weights (~1e-16 each).
MAXSCORE_SLACK = 1e-9
INDEX_FORMAT = 4  # bump when the saved layout changes; 4: vocabulary sorted by hash


@dataclass(frozen=True)
class Query:
    """A claim prepared for scoring: its words weighted by how rare they are in the sources,
    so that a missing "F-35" costs more than a missing "Japan"."""

    norm: str
    words: tuple[str, ...]
    weights: tuple[float, ...]


class Rows(Protocol):
    """The content sentences an index searches, by row number: held in memory (`SourceRows`)
    or read from the store's columns (`store.StoreRows`)."""

    def __len__(self) -> int: ...

    def text(self, row: int) -> str: ...

    def path(self, row: int) -> str: ...

    def source_span(self, row: int) -> tuple[int, int]:
        """The rows of the sentence's source: first row and how many."""
        ...

    def sentences(self, rows: list[int]) -> list[Sentence]:
        """The sentences (attributed) of these rows of one source."""
        ...


class SourceRows:
    """Rows over sources already analysed, in memory."""

    def __init__(self, sources: list[Source]) -> None:
        self._sentences: list[Sentence] = []
        self._paths: list[str] = []
        self._spans: list[tuple[int, int]] = []
        for source in sources:
            content = source.content
            span = (len(self._sentences), len(content))
            self._sentences += content
            self._paths += [source.path] * len(content)
            self._spans += [span] * len(content)

    def __len__(self) -> int:
        return len(self._sentences)

    def text(self, row: int) -> str:
        return self._sentences[row].text

    def path(self, row: int) -> str:
        return self._paths[row]

    def source_span(self, row: int) -> tuple[int, int]:
        return self._spans[row]

    def sentences(self, rows: list[int]) -> list[Sentence]:
        return [self._sentences[row] for row in rows]


@dataclass
class Postings:
    """Inverted lists of one shard: for word id w, `rows[indptr[w]:indptr[w+1]]` are the
    shard's sentences holding it and `counts` how often; `lengths` are sentence lengths in
    content words; `offset` turns shard rows into index rows."""

    vocabulary: dict[str, int] | SavedVocabulary
    indptr: np.ndarray
    rows: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray
    offset: int = 0

    def spans(self, keys: list[WordKey]) -> list[tuple[int, int] | None]:
        """Where each word's list lies in `rows` and `counts`, read from `indptr` alone."""
        if isinstance(self.vocabulary, SavedVocabulary):
            ids = self.vocabulary.ids(keys)
        else:
            ids = [self.vocabulary.get(key.word) for key in keys]
        return [self._span(word_id) for word_id in ids]

    def _span(self, word_id: int | None) -> tuple[int, int] | None:
        if word_id is None or not 0 <= word_id < len(self.indptr) - 1:
            return None  # absent (or a damaged saved vocabulary: never an index error)
        start, end = int(self.indptr[word_id]), int(self.indptr[word_id + 1])
        return (start, end) if 0 <= start < end <= len(self.rows) else None


def _best(
    windows: list[tuple[list[int], float, float]],
) -> tuple[list[int], float, float] | None:
    """The highest-scoring window, the earlier one on a tie."""
    best = None
    for window in windows:
        if best is None or window[2] > best[2]:
            best = window
    return best


def build_postings(token_ids: list[list[int]], vocabulary: dict[str, int]) -> Postings:
    """Inverted lists from each sentence's word ids (vectorised: this runs on shards of
    hundreds of thousands of sentences)."""
    import numpy as np

    lengths = np.fromiter((len(ids) for ids in token_ids), dtype=np.int32, count=len(token_ids))
    flat = np.fromiter(
        (word for ids in token_ids for word in ids), dtype=np.int64, count=int(lengths.sum())
    )
    sentence = np.repeat(np.arange(len(token_ids), dtype=np.int64), lengths)
    pairs, counts = np.unique(flat * max(1, len(token_ids)) + sentence, return_counts=True)
    word_of = pairs // max(1, len(token_ids))
    indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(np.bincount(word_of, minlength=len(vocabulary)), out=indptr[1:])
    rows = (pairs % max(1, len(token_ids))).astype(np.int32)
    return Postings(vocabulary, indptr, rows, np.minimum(counts, 255).astype(np.uint8), lengths)


def tokenize(texts, vocabulary: dict[str, int]) -> list[list[int]]:
    """Content-word ids of each text, adding new words to `vocabulary`."""
    return [[vocabulary.setdefault(w, len(vocabulary)) for w in content_words(t)] for t in texts]


@dataclass
class Term:
    """One query word in a `Bm25`: where its list lies in each shard, how many searched
    sentences hold it (from those spans alone when every row is searched: a claim's
    weights need no more), and its postings once a search reads them."""

    spans: list[tuple[Postings, int, int]]
    frequency: int
    postings: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # rows, counts, lengths


class Bm25:
    """BM25 over one or more shards of postings, restricted to the rows `allowed` (all when
    None); document frequencies, sentence count and mean length are those of the allowed
    rows, so scores do not depend on sharding or on rows outside the search.

    `top` merges a word's list into the candidates only when the word may decide the
    ranking (MaxScore, as Lucene prunes): the rarest words' lists are merged and scored, and
    a common word, which alone cannot lift a sentence to the n-th best score, is looked up
    by binary search for the few candidates that may still rank. At 1M sentences a claim's
    "said" is in a sixth of the archive, and sorting such lists into one was most of a
    search (bench/scale.py).
    """

    def __init__(self, shards: list[Postings], allowed=None) -> None:
        import numpy as np

        self.shards = shards
        self.allowed = allowed
        # every row's length, by index row: one gather reads a word's lengths in all shards
        self._lengths = np.zeros(
            max((s.offset + len(s.lengths) for s in shards), default=0), dtype=np.int32
        )
        for shard in shards:
            self._lengths[shard.offset : shard.offset + len(shard.lengths)] = shard.lengths
        lengths = np.concatenate([s.lengths for s in shards]) if shards else np.zeros(0)
        if allowed is not None:
            lengths = lengths[allowed[: len(lengths)]]
        self.count = len(lengths)
        self.mean_length = float(lengths.mean()) if len(lengths) else 1.0
        self._recent: dict[str, Term] = {}  # a claim's words: looked up for weights, then top

    def terms(self, words: list[str]) -> list[Term]:
        """The `Term` of each word. Words not looked up lately are looked up together: each
        word hashed once and one search per shard for all of them (one at a time, a claim's
        words were 8,000 lookups of 46 claims against the 34 shards of a 1M archive)."""
        new = [word for word in dict.fromkeys(words) if word not in self._recent]
        if new:
            if len(self._recent) + len(new) > RECENT_WORDS:
                self._recent.clear()
            keys = [WordKey.of(word) for word in new]
            spans: list[list[tuple[Postings, int, int]]] = [[] for _ in new]
            for shard in self.shards:
                for found, span in zip(spans, shard.spans(keys), strict=True):
                    if span is not None:
                        found.append((shard, *span))
            for word, found in zip(new, spans, strict=True):
                self._recent[word] = self._term(found)
        return [self._recent[word] for word in words]

    def _term(self, spans: list[tuple[Postings, int, int]]) -> Term:
        if self.allowed is None:  # the frequency is the lists' length: nothing read yet
            return Term(spans, sum(end - start for _, start, end in spans))
        postings = self._read(spans)
        return Term(spans, len(postings[0]), postings)

    def _postings_of(self, term: Term) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if term.postings is None:
            term.postings = self._read(term.spans)
        return term.postings

    def _read(self, spans) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A word's postings in every shard, as index rows; a shard whose list holds rows
        outside it (damaged) is left out, as if the word were not there. Vectorised over
        the shards: a word is in each of the 34 shards of a 1M archive."""
        import numpy as np

        if not spans:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        local = np.concatenate([shard.rows[start:end] for shard, start, end in spans])
        counts = np.concatenate([shard.counts[start:end] for shard, start, end in spans])
        sizes = np.array([end - start for _, start, end in spans])
        firsts = np.cumsum(sizes) - sizes
        limits = np.array([len(shard.lengths) for shard, _, _ in spans])
        sound = (np.minimum.reduceat(local, firsts) >= 0) & (
            np.maximum.reduceat(local, firsts) < limits
        )
        offsets = np.array([shard.offset for shard, _, _ in spans], dtype=np.int64)
        rows = local.astype(np.int64) + np.repeat(offsets, sizes)
        if not sound.all():
            keep = np.repeat(sound, sizes)
            rows, counts = rows[keep], counts[keep]
        if self.allowed is not None:
            keep = self.allowed[rows]
            rows, counts = rows[keep], counts[keep]
        return rows, counts, self._lengths[rows]

    def _weights(self, counts, lengths, idf: float):
        """Each posting's share of a sentence's score (Lucene's variant, as bm25s computes
        it); the same expression for a whole list or a few of its postings."""
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / self.mean_length)
        return idf * counts / (counts + norm)

    def _weights_at(self, term: Term, idf: float, rows):
        """`term`'s share of the score of each of `rows` (sorted index rows), 0 where it is
        absent, found by binary search in its list."""
        import numpy as np

        listed, counts, lengths = self._postings_of(term)
        weights = np.zeros(len(rows))
        if len(listed):
            at, held = _positions(listed, rows)
            weights[held] = self._weights(counts[at[held]], lengths[at[held]], idf)
        return weights

    def top(self, query_words: list[str], n: int) -> list[int]:
        """The `n` best rows by BM25, best first, ties by row; only rows holding a query word.
        Exact: the same rows, scores and order as scoring every row that holds a query word.

        MaxScore: the rarest words' lists are scored whole (the essential words); a row that
        holds none of them scores less than the idfs of the other words together, so once
        that sum is below the n-th best partial score those rows are out. Of the rows that
        remain, only those whose partial score plus that sum reaches the n-th best can
        still rank, and only those are looked up in the other words' lists."""
        import numpy as np

        terms = self.terms(list(dict.fromkeys(query_words)))
        present = [i for i, term in enumerate(terms) if term.frequency]
        if not present:
            return []
        idfs = {
            i: math.log(1 + (self.count - terms[i].frequency + 0.5) / (terms[i].frequency + 0.5))
            for i in present
        }
        rarest = sorted(present, key=lambda i: -idfs[i])
        # what a row holding none of the j rarest words can score at most
        ceilings = [
            sum(idfs[i] for i in rarest[j:]) * (1 + MAXSCORE_SLACK) + MAXSCORE_SLACK
            for j in range(len(rarest) + 1)
        ]
        held = 0  # fewer postings than n in the rarest lists: no n-th score to prune by yet
        essential = next(
            (j + 1 for j, i in enumerate(rarest) if (held := held + terms[i].frequency) >= n),
            len(rarest),
        )

        def scored(rows):  # every word's share, in query order: the sums of scoring all rows
            totals = np.zeros(len(rows))
            for i in present:
                totals += self._weights_at(terms[i], idfs[i], rows)
            return totals

        while True:
            chosen = sorted(rarest[:essential])  # in query order, as every sum here is
            rows, partial = self._scores([(terms[i], idfs[i]) for i in chosen])
            if essential == len(rarest):
                return _best_rows(rows, partial, n)
            if len(rows) < n:
                essential += 1
                continue
            # the n rows of best partial score, scored in full: the n-th best score of all
            # rows is at least the lowest of theirs
            floor = scored(np.sort(rows[np.argpartition(-partial, n - 1)[:n]])).min()
            needed = next(j for j, ceiling in enumerate(ceilings) if ceiling < floor)
            if needed <= essential:
                break
            essential = needed
        survivors = rows[partial + ceilings[essential] >= floor]
        return _best_rows(survivors, scored(survivors), n)

    def _scores(self, chosen: list[tuple[Term, float]]):
        """Rows holding any of the `chosen` words (sorted) and their summed weights."""
        import numpy as np

        rows, weights = [], []
        for term, idf in chosen:
            found, counts, lengths = self._postings_of(term)
            rows.append(found)
            weights.append(self._weights(counts, lengths, idf))
        every, inverse = _union(np.concatenate(rows))
        return every, np.bincount(inverse, weights=np.concatenate(weights), minlength=len(every))


def _union(rows):
    """The distinct rows, sorted, and where each of `rows` is among them (as `numpy.unique`
    gives them): sorted by a stable sort, which merges the words' sorted lists as runs
    instead of sorting them from scratch."""
    import numpy as np

    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    first = np.empty(len(rows), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(rows), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _positions(listed, wanted):
    """For each of `wanted` (sorted), its position in the sorted `listed` and whether it is
    there; a damaged list gives wrong answers, never an index error."""
    import numpy as np

    at = np.minimum(np.searchsorted(listed, wanted), len(listed) - 1)
    return at, listed[at] == wanted


def _best_rows(rows, totals, n: int) -> list[int]:
    """The `n` rows of highest total, best first; ties by row, so the answer never depends
    on how the rows were gathered."""
    import numpy as np

    k = min(n, len(rows))
    if not k:
        return []
    if len(rows) > k:
        kth = np.partition(totals, len(rows) - k)[len(rows) - k]
        keep = totals >= kth
        rows, totals = rows[keep], totals[keep]
    return rows[np.lexsort((rows, -totals))[:k]].tolist()


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
    """Every content sentence of a set of sources, searchable by claim.

    Built from analysed `sources`, or (by `store.open_index`) over rows and postings read
    from the store, searching only the rows `allowed`."""

    def __init__(
        self,
        sources: list[Source] | None = None,
        brute_force: bool = False,
        *,
        rows: Rows | None = None,
        shards: list[Postings] | None = None,
        allowed=None,
    ) -> None:
        self.rows: Rows = rows if rows is not None else SourceRows(sources or [])
        self._features: dict[int, tuple[str, frozenset[str]]] = {}
        self._forenames_by_source: dict[int, dict[str, frozenset[str]]] = {}
        self._allowed = allowed
        self.notes: list[str] = []  # sources held in memory: searching finds nothing to tell
        self.size = len(self.rows) if allowed is None else int(allowed.sum())
        self._frequency: Counter[str] | None = None
        self._bm25: Bm25 | None = None
        exhaustive = brute_force or self.size <= EXHAUSTIVE_LIMIT
        if shards is not None:
            self._bm25 = Bm25(shards, allowed)
        elif not exhaustive:
            vocabulary: dict[str, int] = {}
            token_ids = tokenize((self.rows.text(i) for i in range(len(self.rows))), vocabulary)
            self._bm25 = Bm25([build_postings(token_ids, vocabulary)])
        if self._bm25 is None:
            self._frequency = Counter(
                w for i in self._all_rows() for w in set(content_words(self.rows.text(i)))
            )
        self._exhaustive = exhaustive

    def _all_rows(self) -> list[int]:
        if self._allowed is None:
            return list(range(len(self.rows)))
        return [int(i) for i in self._allowed.nonzero()[0]]

    def frequencies(self, words: list[str]) -> list[int]:
        """In how many searched sentences each word occurs."""
        if self._frequency is not None:
            return [self._frequency[word] for word in words]
        return [term.frequency for term in self._bm25.terms(words)]

    def query(self, claim_text: str) -> Query:
        claim_words = content_words(claim_text)
        total = self.size + 1
        frequencies = self.frequencies(claim_words)
        weights = [math.log(total / (frequency + 0.5)) for frequency in frequencies]
        return Query(normalize(claim_text), tuple(claim_words), tuple(weights))

    def _feature(self, row: int) -> tuple[str, frozenset[str]]:
        found = self._features.get(row)
        if found is None:
            found = self._features[row] = features(self.rows.text(row))
        return found

    def candidates(self, text: str) -> list[int]:
        """Rows worth scoring: all of them, or the index's best for `text`."""
        if self._exhaustive:
            return self._all_rows()
        return self._bm25.top(content_words(text), BM25_CANDIDATES)

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
        named = frozenset(name_pairs(claim_text))  # the claim's names in full
        evidence = [self._evidence([i], s, claim_words, named) for s, i in scored]
        pairs = []
        for single_score, i in scored[:3]:
            windows = self._pairs(i, query)
            ranked = _best([w for w in windows if w[1] >= PAIR_COVERAGE])
            if ranked is not None and ranked[2] >= single_score + PAIR_GAIN:
                evidence.append(self._evidence(ranked[0], ranked[2], claim_words, named))
                continue
            single_coverage = coverage(query, self._feature(i)[1])
            offered = _best([w for w in windows if w[1] > single_coverage])
            if offered is not None:
                pairs.append(self._evidence(offered[0], offered[2], claim_words, named))
        evidence.sort(key=lambda e: e.score, reverse=True)
        # Pairs that do not outscore their sentence are still offered, after the `k` best:
        # the verdict stage aligns each candidate with the claim and may need the sentence
        # a source broke in two.
        evidence = evidence[:k] + pairs
        taken = {i for _, i in scored}
        for quote in quotes:
            for best in self._best_for_quote(quote):
                if best not in taken:
                    taken.add(best)
                    extra_score = score(query, *self._feature(best))
                    evidence.append(self._evidence([best], extra_score, claim_words, named))
        return evidence

    def _best_for_quote(self, quote: str) -> list[int]:
        """The sentences that hold the quote best: all of those tied at the top, up to
        `QUOTE_HOLDERS`, so that a copy of a quote (an archive's other report of it) does
        not hide the sentence that says who spoke."""
        candidates = self.candidates(quote)
        if not candidates:
            return []
        matches = process.extract(
            normalize(quote),
            {i: self._feature(i)[0] for i in candidates},
            scorer=fuzz.partial_ratio,
            limit=QUOTE_HOLDERS,
        )
        top = matches[0][1] if matches else None
        return [row for _, found, row in matches if found == top]

    def _pairs(self, row: int, query: Query) -> list[tuple[list[int], float, float]]:
        """(rows, coverage, score) of the two windows of two sentences of one source that
        hold `row`, each computed once (a search both ranks and offers them)."""
        first_row, count = self.rows.source_span(row)
        windows = []
        for first in (row - 1, row):
            if first < first_row or first + 1 >= first_row + count:
                continue
            (norm_a, vocab_a), (norm_b, vocab_b) = self._feature(first), self._feature(first + 1)
            covered = coverage(query, vocab_a | vocab_b)
            windows.append(
                ([first, first + 1], covered, blend(query, norm_a + " " + norm_b, covered))
            )
        return windows

    def _evidence(
        self,
        rows: list[int],
        evidence_score: float,
        claim_words: list[str],
        named: frozenset[tuple[str, str]] = frozenset(),
    ):
        sentences = self.rows.sentences(rows)
        evidence = Evidence(self.rows.path(rows[0]), sentences, round(evidence_score, 4))
        evidence.matched = matched_spans(evidence.text, claim_words)
        evidence.context = self._before(rows[0], sentences[0])
        evidence.forenames = self._forenames(rows[0], evidence.text, named)
        return evidence

    def _forenames(
        self, row: int, text: str, named: frozenset[tuple[str, str]]
    ) -> dict[str, frozenset[str]]:
        """The forenames the row's source gives the surnames that the claim names in full
        (`named`) and `text` names by surname alone, read once per source and only then:
        reading a source costs ~10 ms and loads two lexicons, and most claims name no one
        in full that the evidence names by surname alone."""
        tokens = [POSSESSIVE.sub("", w) for w in WORD.findall(normalize(text))]
        bigrams = list(zip(tokens, tokens[1:], strict=False))
        alone = {last for first, last in named if tokens.count(last) > bigrams.count((first, last))}
        if not alone:
            return {}
        first, count = self.rows.source_span(row)
        if first not in self._forenames_by_source:
            whole = " ".join(self.rows.text(r) for r in range(first, first + count))
            self._forenames_by_source[first] = forenames(whole)
        known = self._forenames_by_source[first]
        return {w: known[w] for w in alone if w in known}

    def _before(self, row: int, sentence: Sentence) -> str:
        """The text of the sentence before `row` in its paragraph, or ""."""
        first, _ = self.rows.source_span(row)
        if row <= first:
            return ""
        (previous,) = self.rows.sentences([row - 1])
        same = previous.paragraph == sentence.paragraph and previous.furniture is None
        return previous.text if same else ""

    # --- persistence of an in-memory index (cache.py) --------------------------------------

    def save(self, directory: Path) -> None:
        """Write the index's postings into an empty `directory` (the caller makes it atomic):
        numpy arrays and JSON, never pickle."""
        import json

        shards = self._bm25.shards if self._bm25 is not None else []
        meta = {"format": INDEX_FORMAT, "sentences": len(self.rows), "bm25": bool(shards)}
        for shard in shards:
            save_postings(shard, directory)
        (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, sources: list[Source]) -> Index:
        """An index saved by `save` for exactly these sources; raises ValueError if the saved
        tables do not fit them."""
        import json

        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT:
            raise ValueError(f"index format {meta.get('format')} is not {INDEX_FORMAT}")
        rows = SourceRows(sources)
        if len(rows) != meta["sentences"]:
            raise ValueError("saved index does not match its sources")
        if not meta["bm25"]:
            return cls(rows=rows)
        shard = load_postings(directory)
        if len(shard.lengths) != len(rows):
            raise ValueError("saved index does not match its sources")
        return cls(rows=rows, shards=[shard])


POSTINGS_FILES = ("indptr", "rows", "counts", "lengths")


def word_hash(word: bytes) -> int:
    """A word's stable hash in int64's range: the key a saved vocabulary is sorted by."""
    return int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little") >> 1


@dataclass(frozen=True)
class WordKey:
    """A word as a saved vocabulary looks it up: its UTF-8 bytes and their hash, computed
    once for every shard."""

    word: str
    encoded: bytes
    hash: int

    @classmethod
    def of(cls, word: str) -> WordKey:
        encoded = word.encode("utf-8")
        return cls(word, encoded, word_hash(encoded))


def save_postings(postings: Postings, directory: Path) -> None:
    """Postings as numpy arrays, the vocabulary as UTF-8 words in id order with their byte
    offsets, and the ids in the order of the words' hashes beside those hashes: looked up by
    `numpy.searchsorted` on the maps, so opening an index reads no vocabulary (an archive's
    runs to millions of words) and a lookup is one search in C and one comparison."""
    import numpy as np

    for name in POSTINGS_FILES:
        np.save(directory / f"{name}.npy", getattr(postings, name), allow_pickle=False)
    encoded = [word.encode("utf-8") for word in postings.vocabulary]  # dict order is id order
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(word) for word in encoded], out=offsets[1:])
    hashes = np.fromiter(map(word_hash, encoded), dtype=np.int64, count=len(encoded))
    order = np.argsort(hashes, kind="stable").astype(np.int64)
    (directory / "words.bin").write_bytes(b"".join(encoded))
    np.save(directory / "word_offsets.npy", offsets, allow_pickle=False)
    np.save(directory / "word_order.npy", order, allow_pickle=False)
    np.save(directory / "word_hashes.npy", hashes[order], allow_pickle=False)


class SavedVocabulary:
    """A saved vocabulary: `get(word)` is the word's id, found by its hash among the sorted
    hashes and checked against the word itself (`save_postings`); damaged files give wrong
    ids or None, never an error. Binary search over the words took 50 us a lookup in Python,
    and a check of 46 claims against the 1M archive makes 8,000 (one per word and shard)."""

    def __init__(self, words: bytes, offsets, order, hashes) -> None:
        import numpy as np

        # memoryviews: their items are Python ints, where numpy's are scalars 3x slower
        self._words, self._offsets, self._order = words, memoryview(offsets), memoryview(order)
        self._hashes, self._search = hashes, np.searchsorted

    def __len__(self) -> int:
        return len(self._order)

    def get(self, word: str) -> int | None:
        return self.ids([WordKey.of(word)])[0]

    def ids(self, keys: list[WordKey]) -> list[int | None]:
        """The id of each word, None where absent: one search in C for all of them."""
        import numpy as np

        wanted = np.fromiter((key.hash for key in keys), dtype=np.int64, count=len(keys))
        positions = self._search(self._hashes, wanted).tolist()
        return [self._id(key, at) for key, at in zip(keys, positions, strict=True)]

    def _id(self, key: WordKey, position: int) -> int | None:
        while position < len(self._order) and int(self._hashes[position]) == key.hash:
            word_id = self._order[position]
            if not 0 <= word_id < len(self._offsets) - 1:
                return None
            if self._words[self._offsets[word_id] : self._offsets[word_id + 1]] == key.encoded:
                return word_id
            position += 1  # another word of the same hash
        return None


def map_bytes(path: Path) -> mmap.mmap | bytes:
    """A file's bytes, memory-mapped (slices of an `mmap` are bytes, 10x cheaper than
    slices of a numpy memmap); an empty file cannot be mapped and is empty bytes."""
    with open(path, "rb") as handle:
        if not os.fstat(handle.fileno()).st_size:
            return b""
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


# The header `numpy.save` writes for a 1-D array (format 1.0), padded with spaces.
NPY_MAGIC = b"\x93NUMPY\x01\x00"
NPY_HEADER = re.compile(
    rb"\{'descr': '([<>|][a-z]\d{1,2})', 'fortran_order': False, 'shape': \((\d+),\), \} *\n"
)


def map_array(path: Path):
    """A 1-D array written by `numpy.save`, memory-mapped read-only, as a plain ndarray.
    What `numpy.load(mmap_mode="r")` gives, at a third of its cost: it parses each header
    with `ast.literal_eval` and builds a `np.memmap`, 80 ms for the 272 arrays of a 1M
    archive, on every `check`. Anything but such a file is a ValueError, never a guess."""
    import numpy as np

    mapping = map_bytes(path)
    length = int.from_bytes(mapping[8:10], "little")
    header = NPY_HEADER.fullmatch(mapping[10 : 10 + length])
    if mapping[:8] != NPY_MAGIC or header is None:
        raise ValueError(f"{path.name}: not a 1-D array saved by numpy")
    dtype, count = np.dtype(header[1].decode("ascii")), int(header[2])
    if 10 + length + count * dtype.itemsize > len(mapping):
        raise ValueError(f"{path.name}: shorter than its header says")
    return np.frombuffer(mapping, dtype=dtype, count=count, offset=10 + length)


def load_postings(directory: Path, offset: int = 0) -> Postings:
    """Postings saved by `save_postings`, memory-mapped; ValueError if their shapes do not fit
    together. Nothing is read whole: opening costs the same for any archive size."""
    import numpy as np

    def mapped(name: str):
        return map_array(directory / f"{name}.npy")

    arrays = {name: mapped(name) for name in POSTINGS_FILES}
    offsets, order, hashes = mapped("word_offsets"), mapped("word_order"), mapped("word_hashes")
    indptr = arrays["indptr"]
    if (
        len(indptr) != len(order) + 1
        or len(hashes) != len(order)
        or len(offsets) != len(order) + 1
        or int(indptr[-1]) != len(arrays["rows"])
        or len(arrays["rows"]) != len(arrays["counts"])
        or arrays["rows"].dtype != np.int32
    ):
        raise ValueError("postings do not fit together")
    vocabulary = SavedVocabulary(map_bytes(directory / "words.bin"), offsets, order, hashes)
    return Postings(vocabulary, offset=offset, **arrays)
