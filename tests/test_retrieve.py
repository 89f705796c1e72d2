import random

import pytest
from conftest import ARTICLE

from factcheck import load_sources
from factcheck.claims import single_claim
from factcheck.model import Sentence, Source, Verdict
from factcheck.retrieve import EXHAUSTIVE_LIMIT, Index
from factcheck.sources import parse_source
from factcheck.verify import verify


def index_of(text):
    return Index([parse_source(text, "s.txt")])


def test_paraphrase_that_shortens_its_source_scores_high():
    index = index_of(
        "With air defenses stretched thin, Japan has agreed to sell 10 Patriot "
        "interceptors to the United States, officials said.\n\nOther news here."
    )
    text = "Japan agreed to sell Patriot interceptors to the US."
    found = index.search(text)
    assert found[0].line == 1
    assert verify(single_claim(text), found).verdict is Verdict.SUPPORTED


def test_missing_rare_word_costs_more_than_a_common_one():
    text = "\n\n".join(
        ["Japan will sell missiles to allies."] * 5
        + ["Japan agreed to sell interceptors to the United States."]
    )
    index = index_of(text)
    rare = index.search("Japan agreed to sell F-35 jets to the United States.")[0].score
    common = index.search("Tokyo agreed to sell interceptors to the United States.")[0].score
    assert rare < common


def test_evidence_spans_two_adjacent_sentences_when_needed():
    index = index_of(
        "The guidelines prohibit arms exports to countries at war. "
        "But revisions allow licensed weapons to be sold to Washington.\n\n"
        "Unrelated sentence about weather."
    )
    best = index.search(
        "The guidelines prohibit arms exports to countries at war, but "
        "revisions allow licensed weapons to be sold to Washington."
    )[0]
    assert len(best.sentences) == 2


def test_a_pronoun_opening_the_evidence_stands_for_the_subject_before_it():
    index = index_of(
        "Ruth Banda won the Lagos primary with 40 percent. She will face Kofi Mensah in "
        "November, although the race is close.\n\nUnrelated sentence about weather."
    )
    found = index.search("In November Banda will face Kofi Mensah.")
    assert any(e.context.startswith("Ruth Banda won") for e in found)
    assert verify(single_claim("In November Banda will face Kofi Mensah."), found).verdict is (
        Verdict.SUPPORTED
    )
    # another name in the pronoun's place is another person
    other = single_claim("In November Ode will face Kofi Mensah.")
    assert verify(other, index.search(other.text)).verdict is not Verdict.SUPPORTED
    # a pronoun after a sentence that opens with no name stands for nobody known
    index = index_of(
        "In Lagos, Ruth Banda won the primary. She will face Kofi Mensah in November, "
        "although the race is close."
    )
    claim = single_claim("In November Banda will face Kofi Mensah.")
    assert verify(claim, index.search(claim.text)).verdict is not Verdict.SUPPORTED


def test_a_surname_in_evidence_is_the_full_name_its_source_gives_elsewhere():
    index = index_of(
        "Mayor Ana Ruiz opened the new ferry terminal on Monday.\n\n"
        "Ruiz will skip the regional budget summit in Lima, her office said.\n\n"
        "Senators on Harbor Street faced a hard task, giving Ruiz their support.\n\n"
        "Unrelated sentence about weather."
    )
    claim = single_claim("Ana Ruiz will skip the regional budget summit in Lima.")
    found = index.search(claim.text)
    assert found[0].forenames == {"ruiz": frozenset({"ana"})}
    assert verify(claim, found).verdict is Verdict.SUPPORTED
    # another forename is another person; the full name put where another name stands is
    # a changed name, though the source names her in full elsewhere
    for text in (
        "Luis Ruiz will skip the regional budget summit in Lima.",
        "Ana Ruiz opened the new ferry terminal in Lima on Monday.",
        "Senators on Ana Ruiz faced a hard task, giving Ruiz their support.",
    ):
        other = single_claim(text)
        assert verify(other, index.search(other.text)).verdict is not Verdict.SUPPORTED, text


def test_the_area_stands_for_the_place_the_sentence_before_names():
    index = index_of(
        "Tankers pass through the Gulf of Guinea, which holds rich oil fields. Ghana, Togo and "
        "Benin have claims in the area, and navies patrol it.\n\nUnrelated sentence about weather."
    )
    claim = single_claim("Ghana, Togo and Benin have claims in the Gulf of Guinea.")
    assert verify(claim, index.search(claim.text)).verdict is Verdict.SUPPORTED
    other = single_claim("Ghana, Togo and Benin have claims in the Gulf of Aden.")
    assert verify(other, index.search(other.text)).verdict is not Verdict.SUPPORTED


def test_matched_spans_point_at_shared_words():
    index = index_of("Japan has agreed to sell 10 Patriot interceptors.")
    best = index.search("Japan sells Patriot interceptors")[0]
    assert {best.text[s:e] for s, e in best.matched} == {"Japan", "sell", "Patriot", "interceptors"}


def distractors(count, seed=7):
    """Sentences made of the article's own words, shuffled: on topic, but not evidence."""
    words = ARTICLE.read_text(encoding="utf-8").split()
    rng = random.Random(seed)
    return [
        " ".join(rng.choices(words, k=rng.randint(8, 25))).capitalize() + "." for _ in range(count)
    ]


@pytest.fixture(scope="module")
def large():
    article = load_sources([str(ARTICLE)])[0]
    noise = distractors(EXHAUSTIVE_LIMIT + 1000)
    sentences, cursor = [], 0
    for line, text in enumerate(noise, start=1):
        sentences.append(Sentence(text, cursor, cursor + len(text), line))
        cursor += len(text) + 1
    return [article, Source("noise.txt", "\n".join(noise), sentences)]


CLAIMS = [
    "Japan has agreed to sell ten Patriot interceptors to the United States.",
    "The American armed forces in Japan are stationed at Kadena Air Base outside Tokyo.",
    "It is the first time in 15 years that a South Korean defense minister visited Japan.",
    "Blinken will join his counterparts from South Korea, India and Australia in Tokyo.",
]


def test_bm25_index_finds_what_brute_force_finds(large):
    indexed, brute = Index(large), Index(large, brute_force=True)
    assert indexed._bm25 is not None and brute._bm25 is None
    for claim in CLAIMS:
        top = indexed.search(claim)[0]
        reference = brute.search(claim)[0]
        assert (top.source, top.start) == (reference.source, reference.start), claim
        assert top.source.endswith("us-japan-alliance.txt")


def test_saved_index_gives_the_same_answers(large, tmp_path):
    index = Index(large)
    index.save(tmp_path)
    loaded = Index.load(tmp_path, large)
    for claim in CLAIMS:
        assert [(e.start, e.score) for e in loaded.search(claim)] == [
            (e.start, e.score) for e in index.search(claim)
        ]


def test_saved_index_refuses_other_sources(large, tmp_path):
    Index(large).save(tmp_path)
    with pytest.raises(ValueError, match="does not match"):
        Index.load(tmp_path, large[:1])


def test_bm25_ranks_by_lucene_formula():
    import math

    import numpy as np

    from factcheck.retrieve import Bm25, build_postings, tokenize

    texts = [
        "Patriot interceptors, interceptors sold",
        "Patriot missiles",
        "Interceptors for the Patriot batteries were sold abroad",
        "Interceptors",
    ]
    vocabulary = {}
    postings = build_postings(tokenize(texts, vocabulary), vocabulary)
    lengths = [4, 2, 5, 1]  # content words ("for", "the", "were" are stopwords)
    assert np.array_equal(postings.lengths, lengths)
    mean = sum(lengths) / len(lengths)
    counts = {"interceptors": [2, 0, 1, 1], "sold": [1, 0, 1, 0]}

    def expected(row):
        total = 0.0
        for per_row in counts.values():
            frequency = sum(1 for c in per_row if c)
            idf = math.log(1 + (len(texts) - frequency + 0.5) / (frequency + 0.5))
            count = per_row[row]
            total += idf * count / (count + 1.5 * (0.25 + 0.75 * lengths[row] / mean))
        return total

    ranked = sorted((r for r in range(4) if expected(r)), key=expected, reverse=True)
    assert Bm25([postings]).top(["interceptors", "sold"], 5) == ranked == [0, 2, 3]


def test_search_over_a_subset_equals_an_index_of_that_subset(large):
    import numpy as np

    from factcheck.retrieve import SourceRows

    noise, article = large[1], large[0]
    rows = SourceRows([noise, article])
    allowed = np.zeros(len(rows), dtype=bool)
    allowed[len(noise.content) :] = True
    subset = Index(rows=rows, allowed=allowed, shards=Index([noise, article])._bm25.shards)
    alone = Index([article])
    for claim in CLAIMS:
        assert [(e.source, e.start, e.score) for e in subset.search(claim)] == [
            (e.source, e.start, e.score) for e in alone.search(claim)
        ]


def test_shards_searched_together_equal_one_index(large):
    from factcheck.retrieve import Postings, SourceRows, build_postings, tokenize

    def postings_of(source, offset):
        vocabulary = {}
        built = build_postings(tokenize((s.text for s in source.content), vocabulary), vocabulary)
        return Postings(**{**built.__dict__, "offset": offset})

    whole = Index(large)
    rows = SourceRows(large)
    split = Index(
        rows=rows,
        shards=[postings_of(large[0], 0), postings_of(large[1], len(large[0].content))],
    )
    for claim in CLAIMS:
        assert [(e.start, e.score) for e in split.search(claim)] == [
            (e.start, e.score) for e in whole.search(claim)
        ]


def test_saved_vocabulary_finds_every_word_by_its_id(tmp_path):
    from factcheck.retrieve import build_postings, load_postings, save_postings, tokenize

    vocabulary = {}
    texts = ["Zebra crossings near Ålesund", "apple orchards", "Tokyo zebra apple"]
    save_postings(build_postings(tokenize(texts, vocabulary), vocabulary), tmp_path)
    saved = load_postings(tmp_path).vocabulary
    assert {word: saved.get(word) for word in vocabulary} == vocabulary
    assert saved.get("orchard") is None and saved.get("zzz") is None


def _scored_by_formula(token_ids, query_ids, lengths):
    """BM25 of every row holding a query word, in plain Python: the reference `top` prunes
    against."""
    import math

    mean = sum(lengths) / len(lengths)
    totals = {}
    for word in dict.fromkeys(query_ids):
        holding = [row for row, ids in enumerate(token_ids) if word in ids]
        idf = math.log(1 + (len(token_ids) - len(holding) + 0.5) / (len(holding) + 0.5))
        for row in holding:
            count = token_ids[row].count(word)
            norm = 1.5 * (0.25 + 0.75 * lengths[row] / mean)
            totals[row] = totals.get(row, 0.0) + idf * count / (count + norm)
    return totals


def test_bm25_top_leaves_a_common_word_unmerged_and_ranks_as_scoring_every_row():
    import random

    from factcheck.retrieve import Bm25, build_postings

    # every sentence says "said"; a few hold the rare words, some twice (ties among copies)
    rng = random.Random(5)
    common, rare = ["said"], ["interceptors", "patriot", "okinawa", "regiment", "marines"]
    filler = [f"word{i}" for i in range(300)]
    texts = []
    for _ in range(3000):
        words = common + rng.sample(filler, rng.randint(2, 12))
        words += [w for w in rare if rng.random() < 0.02]
        texts.append(words)
    texts += texts[:40]  # copies: equal scores, ranked by row
    vocabulary = {}
    token_ids = [[vocabulary.setdefault(w, len(vocabulary)) for w in t] for t in texts]
    postings = build_postings(token_ids, vocabulary)
    bm25 = Bm25([postings])
    merged = []
    scores = bm25._scores
    bm25._scores = lambda chosen: merged.append(len(chosen)) or scores(chosen)

    query = ["said", "interceptors", "patriot", "okinawa"]
    reference = _scored_by_formula(
        token_ids, [vocabulary[w] for w in query], [len(t) for t in texts]
    )
    for n in (1, 5, 64):
        ranked = sorted(reference, key=lambda row: (-reference[row], row))[:n]
        assert bm25.top(query, n) == ranked
    assert max(merged) < len(query)  # "said" was only looked up, never merged


def test_every_sentence_holding_a_quote_best_is_offered():
    # a garbled copy of the quote stands first; the sentence that says who spoke still comes
    text = (
        "“We will not reopen the mine,” a their Kenyan progress.\n\n"
        "Other news of the port here.\n\n"
        "“We will not reopen the mine,” a Kenyan official said."
    )
    index = index_of(text)
    claim = single_claim("Okafor, their Kenyan progress envoy, said “We will not reopen the mine.”")
    found = index.search(claim.text, k=1, quotes=("We will not reopen the mine.",))
    assert "progress" in found[0].text
    assert any("official said" in e.text for e in found)


def test_map_array_reads_what_numpy_saved_and_refuses_anything_else(tmp_path):
    """The store's arrays are mapped without numpy.load (its header parsing was most of
    opening a 1M archive): the same values and dtype, and a damaged file is a ValueError."""
    import numpy as np
    import pytest

    from factcheck.retrieve import map_array

    for values in (np.arange(7, dtype=np.int64), np.array([3, 1], dtype=np.int32), np.zeros(0)):
        np.save(tmp_path / "a.npy", values, allow_pickle=False)
        mapped = map_array(tmp_path / "a.npy")
        assert mapped.dtype == values.dtype and mapped.tolist() == values.tolist()
        assert not mapped.flags.writeable
    np.save(tmp_path / "two.npy", np.zeros((2, 2)), allow_pickle=False)
    (tmp_path / "text.npy").write_bytes(b"not an array")
    for name in ("two.npy", "text.npy"):
        with pytest.raises(ValueError, match="not a 1-D array"):
            map_array(tmp_path / name)
    np.save(tmp_path / "a.npy", np.arange(7, dtype=np.int64), allow_pickle=False)
    (tmp_path / "short.npy").write_bytes((tmp_path / "a.npy").read_bytes()[:-8])
    with pytest.raises(ValueError, match="shorter than its header"):
        map_array(tmp_path / "short.npy")
