from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
CLAIM_SET = ROOT / "claims" / "us-japan-alliance.yaml"


@pytest.fixture(scope="session")
def article():
    from factcheck import load_sources

    return load_sources([str(ARTICLE)])[0]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache directory: none reads or writes the user's cache."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
