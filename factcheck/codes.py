"""Every finding code, assembled from the checks that declare them (each check module keeps
its codes beside its function), the verdict stage's own and the draft reader's.

Codes are a public contract (JSON, SARIF rule ids, ignore comments): never rename one.
"""

from __future__ import annotations

from .checks import CODES as CHECK_CODES
from .claims import CODES as CLAIM_CODES
from .model import Code, Finding
from .verify import CODES as VERIFY_CODES

CODES: dict[str, Code] = {c.code: c for c in (*CHECK_CODES, *VERIFY_CODES, *CLAIM_CODES)}


def finding(code: str, message: str, detail: tuple[tuple[str, str], ...] = ()) -> Finding:
    """A finding with the code's default severity and verdict."""
    return CODES[code].finding(message, detail)
