"""factcheck: check claims and drafts against their sources.

The public Python API; the CLI is a thin wrapper over these functions.

    >>> from factcheck import load_sources, check_claims
    >>> sources = load_sources(["article.txt"])
    >>> results = check_claims(claims, sources)
"""

from __future__ import annotations

from .version import __version__  # first: cache.py reads it from here while importing

# isort: split

from collections.abc import Callable, Iterable
from dataclasses import replace

from .cache import Cache, analyse
from .claims import UNKNOWN_IGNORE_CODE, UNUSED_IGNORE, is_claim_set, load_claims, single_claim
from .codes import CODES
from .config import Settings
from .errors import FactcheckError
from .fanout import check_all
from .files import UNCONFINED, ReadPolicy, read_text
from .inputs import listed_files
from .model import Claim, Finding, Result, Source, Verdict
from .retrieve import Index
from .text import find_quotes
from .verify import verify

__all__ = [
    "__version__",
    "FactcheckError",
    "Verdict",
    "load_sources",
    "check_claims",
    "check_text",
    "load_claims",
    "Cache",
    "ReadPolicy",
]


def load_sources(
    paths: Iterable[str],
    encoding: str = "utf-8",
    cache: Cache | None = None,
    policy: ReadPolicy = UNCONFINED,
) -> list[Source]:
    """Read, segment and attribute each source file (each file once), through `cache` when
    given (unchanged files are then read back, not analysed again). A directory or glob
    among `paths` (as a claim set's `sources` may list) gives its files, walked as the
    command line walks them (`inputs.named_files`); `policy` says where walking and reading
    are allowed (anywhere by default, never in `.git`; regular files only, up to a byte
    limit)."""
    files = listed_files(list(paths), policy)
    for path in files:
        refuse_claim_set(path)
    if cache is not None:
        return [cache.load_source(path, encoding, policy)[0] for path in files]
    return [analyse(read_text(path, encoding, policy), path) for path in files]


def refuse_claim_set(path: str) -> None:
    """A claim set read as a source would "support" every claim it holds, false ones too."""
    if is_claim_set(path):
        raise FactcheckError(
            f"{path}: is a claim set, not a source (check it with: factcheck check {path})"
        )


def check_claims(
    claims: list[Claim],
    sources: list[Source],
    progress: Callable[[int], None] | None = None,
    brute_force: bool = False,
    settings: Settings | None = None,
    index: Index | None = None,
    jobs: int = 1,
) -> list[Result]:
    """A `Result` per claim against the given sources (or a prebuilt `index` of them), in
    claim order; with `jobs` above 1, claims are shared out among that many forked
    processes where there are enough of them (`fanout`), with the same results."""
    settings = settings or Settings()
    threshold = settings.threshold  # None: the verdict stage's own default
    if not sources and index is None:
        raise FactcheckError(
            "no sources given: name them in the claim set, the draft's front "
            "matter, or with --source"
        )
    index = index or Index(sources, brute_force=brute_force)

    def check(claim: Claim) -> Result:
        quotes = tuple(q.text for q in find_quotes(claim.text))
        evidence = index.search(claim.text, quotes=quotes)
        # The ignore comment is applied here rather than in `verify`, so that what it
        # switched off is known and a comment that switched off nothing can be flagged.
        result = verify(
            replace(claim, ignored_codes=frozenset()), evidence, threshold, settings.severity
        )
        result.findings = _apply_ignores(claim, result.findings, settings)
        return result

    results = check_all(check, claims, index, jobs, progress)
    for claim, result in zip(claims, results, strict=True):
        result.claim = claim  # this run's own claim, also where a worker checked a copy
    return results


def _apply_ignores(claim: Claim, raised: list[Finding], settings: Settings) -> list[Finding]:
    """The findings an ignore comment leaves standing, plus a finding for each code it names
    that is no code (`unknown-ignore-code`) or that switched nothing off here
    (`unused-ignore`), as ruff's RUF100 does for noqa. Those two can be ignored like any code.
    A code switched off for this file by the configuration or the command line is not
    flagged: the comment may still serve a run configured otherwise."""
    raised = raised + _unknown_ignores(claim, settings)
    used = {item.code for item in raised}
    unused = sorted(
        code
        for code in claim.ignored_codes & CODES.keys()
        if code not in used
        and code != UNUSED_IGNORE.code
        and settings.severity.get(code, CODES[code].severity) is not None
    )
    level = settings.severity.get(UNUSED_IGNORE.code, UNUSED_IGNORE.severity)
    if level is not None:
        messages = [
            f"the ignore comment switches off {code!r}, which raises nothing on this "
            "sentence; remove it, or it will hide the next such finding here"
            for code in unused
        ]
        raised += [
            replace(UNUSED_IGNORE.finding(message), severity=level)
            for message in [*messages, *claim.stray_ignores]
        ]
    return [item for item in raised if item.code not in claim.ignored_codes]


def _unknown_ignores(claim: Claim, settings: Settings) -> list[Finding]:
    """A finding for each code an ignore comment names that no check has: a misspelt code
    would otherwise suppress nothing, silently."""
    level = settings.severity.get(UNKNOWN_IGNORE_CODE.code, UNKNOWN_IGNORE_CODE.severity)
    if level is None:
        return []
    flagged = []
    for unknown in sorted(claim.ignored_codes - CODES.keys()):
        import difflib  # here: only a misspelt code needs it, and every verify would pay it

        near = difflib.get_close_matches(unknown, CODES, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        message = f"the ignore comment names {unknown!r}, which is no finding code{hint}"
        flagged.append(replace(UNKNOWN_IGNORE_CODE.finding(message), severity=level))
    return flagged


def check_text(claim_text: str, sources: list[Source]) -> Result:
    """Verify one claim given as text."""
    return check_claims([single_claim(claim_text)], sources)[0]
