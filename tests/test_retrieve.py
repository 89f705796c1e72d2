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


def test_bm25_scores_match_bm25s_own_retrieval(large):
    import numpy as np

    from factcheck.retrieve import bm25_top
    from factcheck.text import content_words

    index = Index(large)
    retriever = index._bm25
    for claim in CLAIMS:
        words = [w for w in content_words(claim) if w in index._vocabulary]
        ours = bm25_top(retriever, words, 20)
        documents, scores = retriever.retrieve([words], k=20, show_progress=False)
        expected = dict(zip(documents[0].tolist(), scores[0].tolist(), strict=True))
        assert ours[0] == documents[0][0]
        mine = retriever.get_scores(words)
        assert np.allclose(
            [mine[d] for d in ours], sorted(expected.values(), reverse=True), rtol=1e-5
        )
