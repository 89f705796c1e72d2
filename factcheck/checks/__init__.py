"""Checks: each module holds one `check(claim, evidence) -> list[Finding]`.

`evidence` is the ranked candidate list, best first; most checks read only `evidence[0]`.
Registering a check is one line in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Claim, Evidence, Finding
from . import entities, hedges, numbers, polarity, quotes, sourcing, speaker

Check = Callable[[Claim, list[Evidence]], list[Finding]]

CHECKS: dict[str, Check] = {
    "quotes": quotes.check,
    "speaker": speaker.check,
    "numbers": numbers.check,
    "polarity": polarity.check,
    "entities": entities.check,
    "sourcing": sourcing.check,
    "hedges": hedges.check,
}
