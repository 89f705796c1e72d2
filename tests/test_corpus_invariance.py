"""A verdict reads the claim and its evidence, never the rest of the corpus: the bundled claim
set gets the same verdicts against the article alone and against the article inside an
archive of unrelated text large enough that retrieval switches to its index."""

import random

from conftest import ARTICLE, CLAIM_SET

from factcheck import check_claims, load_sources
from factcheck.claims import load_claims
from factcheck.retrieve import EXHAUSTIVE_LIMIT

SUBJECTS = ["The county board", "A regional court", "The water utility", "Local farmers"]
VERBS = ["approved", "delayed", "reviewed", "rejected", "praised", "funded"]
OBJECTS = ["a new bridge", "the school budget", "a harvest festival", "the bus timetable"]
TIMES = ["on Tuesday", "last spring", "after a long debate", "in a brief session"]


def unrelated_archive(path, sentences):
    rng = random.Random(7)
    lines = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(TIMES)} in district {rng.randint(1, 900)}."
        for _ in range(sentences)
    ]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def test_unrelated_archive_text_changes_no_verdict(tmp_path, monkeypatch):
    claims = load_claims(str(CLAIM_SET)).claims
    alone = check_claims(claims, load_sources([str(ARTICLE)]))
    archive = tmp_path / "archive.txt"
    unrelated_archive(archive, EXHAUSTIVE_LIMIT + 500)
    monkeypatch.chdir(tmp_path)
    together = check_claims(claims, load_sources([str(ARTICLE), "archive.txt"]))
    assert [r.verdict for r in together] == [r.verdict for r in alone]
    assert [r.evidence[0].source for r in together if r.evidence] == [
        r.evidence[0].source for r in alone if r.evidence
    ]
