from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "us-japan-alliance.txt"
CLAIM_SET = ROOT / "claims" / "us-japan-alliance.yaml"


@pytest.fixture(scope="session")
def article():
    from factcheck import load_sources

    return load_sources([str(ARTICLE)])[0]
