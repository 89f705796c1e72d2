"""Claims from claim sets (YAML), drafts (Markdown or text) and the command line.

Every claim keeps where it was written (path, line, column) so reports can point at it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FactcheckError
from .files import SURROGATE, UNCONFINED, ReadPolicy, read_text
from .inputs import is_glob
from .model import Claim, Code, Severity, Verdict
from .sanitize import shown
from .text import LineIndex

if TYPE_CHECKING:
    import yaml  # at run time imported where claims are read: not on `verify` (cold start)
# segment (and the sentence splitter) too, imported where a draft is read: `verify` reads a
# claim given whole, and a cached source's sentences come from the cache

CLAIM_SET_KEYS = {"sources", "claims"}
CLAIM_KEYS = {"id", "text", "expect"}
# Front matter belongs to the site generator (Jekyll, Hugo, ...: layout, slug, categories);
# factcheck reads `sources` and leaves every other key alone. A key within two edits of
# `sources` (case aside) and at most one letter longer or shorter is a typo that would
# silently drop the draft's sources, so it is an error: that catches sorces, source, souces,
# Sources and swapped letters, not Hugo's `resources` (two letters longer) or `series`.
SOURCES_KEY = "sources"
MISSPELT_EDITS = 2
MISSPELT_LENGTH = 1
MIN_CLAIM_WORDS = 3  # shorter prose ("Thanks!") is not a checkable statement
_PUNCT_SPACE = re.compile(r"\s+([.,;:!?])")  # left by masked markup: "the link ." -> "the link."
# The codes run to the first ">", at most IGNORE_CODES_MAX characters: enough for every
# finding code (a dozen, none longer than 30 characters) with spaces, and a bound, so an
# unterminated comment followed by spaces is not rescanned from every start (104 s before).
IGNORE_CODES_MAX = 1000
_IGNORE = re.compile(rf"<!--\s*factcheck:\s*ignore(?P<codes>[^>]{{0,{IGNORE_CODES_MAX}}}?)-->")
_SWITCH = re.compile(r"<!--\s*factcheck:\s*(?P<state>off|on)\s*-->")

UNKNOWN_IGNORE_CODE = Code(
    "unknown-ignore-code",
    Severity.WARNING,
    None,
    "An ignore comment names a code that does not exist, so it suppresses nothing "
    "(as ruff's RUF100 flags an unused noqa).",
    "<!-- factcheck: ignore hedge-droped --> before a sentence: 'hedge-droped' is no code.",
)
UNUSED_IGNORE = Code(
    "unused-ignore",
    Severity.WARNING,
    None,
    "An ignore comment switches off a code that raises nothing on its sentence, so it only "
    "hides whatever that code would find there after the next edit, or reaches no sentence "
    "to check at all (as ruff's RUF100 flags an unused noqa).",
    "<!-- factcheck: ignore hedge-dropped --> before a sentence the sources support as "
    "written: there is no hedge-dropped finding for it to switch off.",
)
CODES = (UNKNOWN_IGNORE_CODE, UNUSED_IGNORE)


class NoProse(FactcheckError):
    """A draft with no sentence to check (a stub, an index of links): an error for the API,
    a file the command line skips, as it skips Markdown that is no draft."""


@dataclass
class ClaimSet:
    """A claim-set file: its claims and the sources they are checked against."""

    path: str
    sources: list[str]
    claims: list[Claim]
    text: str = ""  # the file as read, for reports that show the claims in place


def _where(path: str, node: yaml.Node) -> str:
    return f"{shown(path)}:{node.start_mark.line + 1}"


def _scalar(path: str, node: yaml.Node, what: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")):
        raise FactcheckError(f"{_where(path, node)}: {what} must be a string")
    value = str(node.value)
    if SURROGATE.search(value):  # "\ud800" in a double-quoted YAML string: not text
        raise FactcheckError(f"{_where(path, node)}: {what} holds a lone surrogate (not text)")
    return value


def _mapping(
    path: str, node: yaml.Node, allowed: set[str] | None, what: str
) -> dict[str, yaml.Node]:
    """The mapping's fields by key; a key outside `allowed` (None: any key) is an error."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise FactcheckError(f"{_where(path, node)}: {what} must be a mapping")
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if allowed is not None and key not in allowed:
            raise FactcheckError(
                f"{_where(path, key_node)}: unknown key {key!r} in {what} "
                f"(allowed: {', '.join(sorted(allowed))})"
            )
        if key in fields:
            raise FactcheckError(f"{_where(path, key_node)}: duplicate key {key!r} in {what}")
        fields[key] = value_node
    return fields


def _sequence(path: str, node: yaml.Node, what: str) -> list[yaml.Node]:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        raise FactcheckError(f"{_where(path, node)}: {what} must be a list")
    return list(node.value)


def _compose(text: str, path: str) -> yaml.Node | None:
    """The YAML node tree, through libyaml where PyYAML has it: a claim set that lists an
    archive's 3,000 files took 0.49 s in the pure-Python composer and 0.03 s in libyaml's
    (bench/scale.py's 1M claim set), with the same nodes and marks. Malformed YAML is composed
    again in pure Python, whose messages say more ("\\ud800" is a lone surrogate there,
    an invalid escape to libyaml)."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, RecursionError):
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{shown(path)}:{mark.line + 1}" if mark else shown(path)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise FactcheckError(f"{where}: malformed YAML ({shown(problem)})") from None
    except RecursionError:
        raise FactcheckError(f"{shown(path)}: malformed YAML (nested too deeply)") from None


def _verdict(path: str, node: yaml.Node) -> Verdict:
    value = _scalar(path, node, "expect")
    try:
        return Verdict(value)
    except ValueError:
        allowed = ", ".join(v.value for v in Verdict)
        raise FactcheckError(
            f"{_where(path, node)}: unknown verdict {value!r} (expected one of: {allowed})"
        ) from None


def parse_claim_set(text: str, path: str) -> ClaimSet:
    """Validate a claim set and return its claims, with source paths resolved next to it."""
    root = _compose(text, path)
    if root is None:
        raise FactcheckError(f"{shown(path)}: claim set is empty")
    fields = _mapping(path, root, CLAIM_SET_KEYS, "claim set")
    if "claims" not in fields:
        raise FactcheckError(f"{shown(path)}: claim set has no 'claims' list")
    sources = _source_paths(path, fields["sources"]) if "sources" in fields else []
    claims: list[Claim] = []
    seen: set[str] = set()
    for number, node in enumerate(_sequence(path, fields["claims"], "claims"), start=1):
        entry = _mapping(path, node, CLAIM_KEYS, "claim")
        if "text" not in entry:
            raise FactcheckError(f"{_where(path, node)}: claim has no 'text'")
        claim_id = _scalar(path, entry["id"], "id") if "id" in entry else f"c{number}"
        if claim_id in seen:
            raise FactcheckError(f"{_where(path, entry['id'])}: duplicate claim id {claim_id!r}")
        seen.add(claim_id)
        text_node = entry["text"]
        claim_text = _scalar(path, text_node, "text").strip()
        if not claim_text:
            raise FactcheckError(f"{_where(path, text_node)}: claim text is empty")
        claims.append(
            Claim(
                id=claim_id,
                text=claim_text,
                path=path,
                line=text_node.start_mark.line + 1,
                column=text_node.start_mark.column + 1,
                start=text_node.start_mark.index,
                end=text_node.end_mark.index,
                expect=_verdict(path, entry["expect"]) if "expect" in entry else None,
                sources=sources,
            )
        )
    if not claims:
        raise FactcheckError(f"{shown(path)}: claim set has no claims")
    return ClaimSet(path, sources, claims, text)


def front_matter_sources(text: str, path: str) -> list[str]:
    """Sources named in a draft's YAML front matter, resolved next to the draft."""
    from .segment import front_matter_span

    span = front_matter_span(text)
    if span is None:
        return []
    # the opening `---` becomes an empty line, so YAML's line numbers are the file's
    body = re.sub(r"\A---[ \t]*\n", "\n", text[: span[1]])
    body = re.sub(r"(?:---|\.\.\.)[ \t]*\n?\Z", "", body)
    root = _compose(body, path)
    if root is None:
        return []
    fields = _mapping(path, root, None, "front matter")
    if SOURCES_KEY not in fields:
        for key, node in fields.items():
            if _misspelt_sources(key):
                raise FactcheckError(
                    f"{_where(path, node)}: unknown key {shown(key)!r} in front matter "
                    f"(did you mean {SOURCES_KEY!r}?)"
                )
        return []
    return _source_paths(path, fields[SOURCES_KEY])


def _misspelt_sources(key: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return (
        abs(len(key) - len(SOURCES_KEY)) <= MISSPELT_LENGTH
        and Levenshtein.distance(key.lower(), SOURCES_KEY) <= MISSPELT_EDITS
    )


def _source_paths(path: str, node: yaml.Node) -> list[str]:
    """Source paths listed in a claim set or front matter, relative to that file: files,
    directories or globs, as everywhere a source is named (`inputs.named_files` walks the
    last two when they are read, inside the read root); a file or directory that does not
    exist is reported at its line. One source may be written alone, not as a list
    (`sources: ../sources/`), as the configuration's globs may."""
    import yaml

    base = os.path.dirname(path)
    resolved = []
    single = isinstance(node, yaml.ScalarNode) and not node.tag.endswith((":null", ":bool"))
    for item in [node] if single else _sequence(path, node, "sources"):
        # strings, not Path objects: an archive's claim set lists thousands of files
        source = os.path.join(base, _scalar(path, item, "a source path"))
        if not (os.path.exists(source) or is_glob(source)):
            raise FactcheckError(
                f"{_where(path, item)}: source {shown(str(Path(source)))} does not exist"
            )
        resolved.append(os.path.normpath(source))
    return resolved


def _ignores(text: str) -> list[tuple[int, frozenset[str]]]:
    """(offset where an ignore comment ends, codes it switches off; empty means all)."""
    return [
        (m.end(), frozenset(c for c in re.split(r"[\s,]+", m.group("codes")) if c))
        for m in _IGNORE.finditer(text)
    ]


def _switched_off(text: str) -> list[tuple[int, int]]:
    """Spans between `<!-- factcheck: off -->` and the next `<!-- factcheck: on -->` (or the
    end of the file), where no sentence is a claim."""
    spans, opened = [], None
    for match in _SWITCH.finditer(text):
        if match.group("state") == "off" and opened is None:
            opened = match.end()
        elif match.group("state") == "on" and opened is not None:
            spans.append((opened, match.start()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def parse_draft(text: str, path: str, markdown: bool = True) -> list[Claim]:
    """Every prose sentence of a draft as a claim, with its line and column in the file.

    Sentences after `<!-- factcheck: ignore -->` or inside an off/on block are not claims.
    Codes an ignore comment names stay on the claim even when unknown, so the check can
    flag a misspelt code instead of silently suppressing nothing (as ruff's RUF100). An
    ignore comment that reaches no claim (nothing follows it, or only a sentence too short
    to check) switches nothing off; it is noted on the nearest claim, which reports it as
    `unused-ignore`, since it was most likely meant for the sentence before it, as a
    trailing `# noqa` would be."""
    from .segment import blank_code, markdown_blocks, split_sentences, text_blocks

    lines = LineIndex(text)
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    sources = front_matter_sources(text, path) if markdown else []
    directives = blank_code(text) if markdown else ""  # a comment shown as code is none
    pending = _ignores(directives) if markdown else []
    off = _switched_off(directives) if markdown else []
    claims: list[Claim] = []
    stray: list[tuple[int, str]] = []  # (offset, why) of comments that reach no claim
    for block in blocks:
        for sentence in split_sentences(block, lines):
            claim_text = _PUNCT_SPACE.sub(r"\1", " ".join(sentence.text.split()))
            ignore_all, ignored = False, frozenset[str]()
            reached: list[int] = []
            while pending and pending[0][0] <= sentence.start:  # comments before this one
                end, codes = pending.pop(0)
                ignore_all, ignored = ignore_all or not codes, ignored | codes
                reached.append(end)
            if len(claim_text.split()) < MIN_CLAIM_WORDS:
                # its ignore comments die with it, never passed to the next claim
                why = f"the sentence after it, {shown(claim_text)!r}, is too short to check"
                stray += [(end, why) for end in reached]
                continue
            claim = Claim(
                id=f"{sentence.line}:{lines.column(sentence.start)}",
                text=claim_text,
                path=path,
                line=sentence.line,
                column=lines.column(sentence.start),
                sources=sources,
                start=sentence.start,
                end=sentence.end,
                ignored_codes=ignored,
                ignore_all=ignore_all,
            )
            claims.append(claim)
    stray += [(end, "no sentence follows it") for end, _ in pending]
    if not claims:
        raise NoProse(f"{shown(path)}: draft has no prose to check")
    kept = [  # ignored: not a claim at all
        claim for claim in claims if not claim.ignore_all and not _inside(claim.start or 0, off)
    ]
    return _note_stray_ignores(
        kept, [(o, why) for o, why in stray if not _inside(o - 1, off)], lines
    )


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _note_stray_ignores(
    claims: list[Claim], stray: list[tuple[int, str]], lines: LineIndex
) -> list[Claim]:
    """Each ignore comment that reaches no claim noted on the last claim before it (else the
    first after it), for `check_claims` to report as `unused-ignore`."""
    if not claims:
        return claims
    for offset, why in stray:
        before = [c for c in claims if (c.end or 0) <= offset]
        claim = before[-1] if before else claims[0]
        note = (
            f"the ignore comment on line {lines.line(max(offset - 1, 0))} switches nothing "
            f"off: {why} (an ignore comment goes before the sentence it is for)"
        )
        claim.stray_ignores = (*claim.stray_ignores, note)
    return claims


def is_claim_set(path: str) -> bool:
    # a string's extension, as Path.suffix gives it (a claim set's sources: 3,000 at 1M)
    return os.path.splitext(path.rstrip(os.sep))[1].lower() in (".yaml", ".yml")


def load_claims(path: str, encoding: str = "utf-8", policy: ReadPolicy = UNCONFINED) -> ClaimSet:
    """Claims from a claim set (.yaml/.yml) or a draft (any other text file), read as
    `policy` allows."""
    text = read_text(path, encoding, policy)
    if is_claim_set(path):
        return parse_claim_set(text, path)
    return draft_set(text, path)


def draft_set(text: str, path: str) -> ClaimSet:
    """A draft's claims; Markdown unless `path` ends in .txt."""
    markdown = Path(path).suffix.lower() != ".txt"
    claims = parse_draft(text, path, markdown)
    sources = front_matter_sources(text, path) if markdown else []
    return ClaimSet(path, sources, claims, text)


def single_claim(text: str) -> Claim:
    if not text.strip():
        raise FactcheckError("the claim is empty")
    return Claim(id="claim", text=" ".join(text.split()))
