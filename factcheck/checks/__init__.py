"""Checks: each module holds its `CODES` and one `check(case) -> list[Finding]`.

A check reads the `Case` (the analysed claim, the ranked evidence, the chosen evidence's
analysis and the word alignment with it) and nothing else: checks never import one another
or the attribution stage. Registering a check is one line in `MODULES`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..align import Case
from ..model import Code, Finding
from . import (
    coverage,
    entities,
    hedges,
    numbers,
    polarity,
    quotes,
    relations,
    sourcing,
    speaker,
    tense,
    wording,
)

Check = Callable[[Case], list[Finding]]

MODULES = (
    quotes,
    speaker,
    numbers,
    polarity,
    tense,
    entities,
    relations,
    coverage,
    sourcing,
    hedges,
    wording,
)
CHECKS: dict[str, Check] = {m.__name__.rsplit(".", 1)[-1]: m.check for m in MODULES}
CODES: tuple[Code, ...] = tuple(code for module in MODULES for code in module.CODES)
