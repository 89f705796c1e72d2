"""Blocks (paragraphs of prose) and the sentences in them, with offsets and lines.

Sentence splitting is sentencex's (see the README for its comparison with pysbd and syntok
on the bundled article). Markdown is reduced to its prose by masking markup with spaces, so
every offset in the masked text is also an offset in the file as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import sentencex

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

from .model import Sentence
from .text import LineIndex

# Very long blocks are first cut at cheap boundaries, so no regex ever sees megabytes at once.
CHUNK_LIMIT = 4000
_OPEN_END = re.compile(r"[^\s.!?:;,\"\u201d\u2019')\]]\s*$")
_STARTS_CAPITAL = re.compile(r"\s*[A-Z\u201c\"]")
SHORT_LINE_WORDS = 3  # "close", "Skip to main content": too short to be half a sentence


@dataclass(frozen=True)
class Block:
    """A run of prose: `text` has the same length as the file span it covers
    (markup replaced by spaces), so offsets carry over unchanged."""

    text: str
    start: int
    index: int


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Each line of `text` with the offset where it starts, newline not included."""
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of a plain-text file: runs of lines separated by blank lines; in a file
    with no blank line at all, each line is a paragraph (one paragraph per line, as many
    news exports are written). Lines are scanned once each, without a regular expression
    that could backtrack over a long line of spaces."""
    one_per_line = not _BLANK_LINE.search(text)
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def close() -> None:
        if run:
            blocks.append(Block("\n".join(line for _, line in run), run[0][0], len(blocks)))
            run.clear()

    for start, line in _lines_with_offsets(text):
        if not line.strip():
            close()
            continue
        run.append((start, line))
        if one_per_line:
            close()
    close()
    return blocks


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CONTAINER_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
# Inline markup, masked with spaces. Every pattern is linear on any line: a run of text
# never crosses the character that could start another match ("[" for links, "<" for tags),
# so no start rescans the rest of a line ("[" * 200,000 took minutes before).
_INLINE_MARKUP = [
    re.compile(r"!\[[^\[\]\n]*\]\([^)\[\n]*\)"),  # images
    re.compile(r"<(?:https?|mailto):[^<>\s]*>"),  # autolinks
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # inline HTML tags
]
_LINK = re.compile(r"(\[)([^\[\]\n]+)(\]\([^)\[\n]*\)|\]\[[^\[\]\n]*\])")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)|`+")
# Lines longer than this are masked a window at a time (cut at a space where there is one):
# markup longer than a window is left as text, and no pattern ever sees a whole long line.
MASK_WINDOW = 4000  # the splitter's CHUNK_LIMIT: prose longer than that is cut there anyway


def front_matter_span(text: str) -> tuple[int, int] | None:
    match = _FRONT_MATTER.match(text)
    return (0, match.end()) if match else None


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _mask_comments(line: str) -> str:
    """HTML comments blanked, found with `str.find` (a lazy `<!--.*?-->` rescans the rest
    of the text from every unterminated `<!--`)."""
    pieces, cursor = [], 0
    while (start := line.find("<!--", cursor)) >= 0:
        end = line.find("-->", start + 4)
        if end < 0:
            break
        pieces += [line[cursor:start], _blank(line[start : end + 3])]
        cursor = end + 3
    return "".join(pieces) + line[cursor:]


def _mask_window(line: str) -> str:
    line = _mask_comments(line)
    for pattern in _INLINE_MARKUP:
        line = pattern.sub(lambda m: _blank(m.group()), line)
    line = _LINK.sub(lambda m: " " + m.group(2) + _blank(m.group(3)), line)
    return _EMPHASIS.sub(lambda m: _blank(m.group()), line)


def _windows(line: str, limit: int = MASK_WINDOW) -> list[str]:
    """`line` in consecutive pieces of at most `limit` characters, cut after a space."""
    pieces, start = [], 0
    while len(line) - start > limit:
        cut = line.rfind(" ", start, start + limit) + 1
        cut = cut if cut > start else start + limit
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces


def mask_inline(line: str) -> str:
    """Markdown inline markup replaced by spaces; link text kept, link targets masked."""
    return "".join(_mask_window(piece) for piece in _windows(line))


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """Block structure only: the inline rules are not needed for paragraph spans (we mask
    inline markup ourselves, on the lines) and took minutes on a line of 200,000 "["."""
    from markdown_it import MarkdownIt  # here: only Markdown sources need it (cold start)

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


def markdown_blocks(text: str) -> list[Block]:
    """Paragraphs of a Markdown file (in lists and block quotes too); headings, code, tables,
    HTML blocks and front matter are not prose."""
    span = front_matter_span(text)
    parsed = text if span is None else _blank(text[: span[1]]) + text[span[1] :]
    lines = parsed.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    blocks = []
    for token in _markdown().parse(parsed):
        if token.type != "paragraph_open" or token.map is None:
            continue
        first, last = token.map
        masked = []
        for line in lines[first:last]:
            prefix = _CONTAINER_PREFIX.match(line).end()
            masked.append(" " * prefix + mask_inline(line[prefix:]))
        blocks.append(Block("\n".join(masked), offsets[first], len(blocks)))
    return blocks


_BACKTICKS = re.compile(r"`+")


def blank_code(text: str) -> str:
    """`text` with its code blanked, offsets kept: fenced and indented code blocks, and code
    spans (a backtick run to the next run of the same length on its line). What a draft
    shows as code (`<!-- factcheck: ignore -->` in a how-to) is no directive."""
    span = front_matter_span(text)
    parsed = text if span is None else _blank(text[: span[1]]) + text[span[1] :]
    lines = parsed.split("\n")
    for token in _markdown().parse(parsed):
        if token.type in ("fence", "code_block") and token.map is not None:
            first, last = token.map
            lines[first:last] = [_blank(line) for line in lines[first:last]]
    return "\n".join(_blank_code_spans(line) for line in lines)


def _blank_code_spans(line: str) -> str:
    """Code spans blanked in one pass over the backtick runs (no pattern that rescans)."""
    if "`" not in line:
        return line
    pieces, cursor, opened = [], 0, {}  # opened: run length -> where that run starts
    for run in _BACKTICKS.finditer(line):
        width = len(run.group())
        if width in opened:
            start = opened[width]
            pieces += [line[cursor:start], _blank(line[start : run.end()])]
            cursor, opened = run.end(), {}
        else:
            opened[width] = run.start()
    return "".join(pieces) + line[cursor:]


def standalone_lines(chunk: str) -> list[str]:
    """The chunk cut after every line that stands alone: one that ends without punctuation
    and is either very short or followed by a capitalised line (a headline, "close"). A
    wrapped sentence's first half goes on in lower case and stays joined."""
    lines = chunk.split("\n")
    pieces, current = [], []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and _OPEN_END.search(line)
            and (len(line.split()) <= SHORT_LINE_WORDS or _STARTS_CAPITAL.match(following))
        ):
            pieces.append("\n".join(current) + "\n")
            current = []
    pieces.append("\n".join(current))
    return pieces


# A dash byline after a quote ends its sentence, even when the next quote follows on the
# same line, as in reader-comment roundups: “...” ― Krystal Correa “...” ― Esther Tapia
_BYLINE_END = re.compile(
    r"(?<=[\u201d\"])\s*[\u2015\u2014]\s*[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3}\.?"
    r"(?=\s+[\u201c\"])"
)


def _byline_pieces(line: str) -> list[str]:
    pieces, start = [], 0
    for match in _BYLINE_END.finditer(line):
        pieces.append(line[start : match.end()])
        start = match.end()
    pieces.append(line[start:])
    return pieces


_BYLINE_ONLY = re.compile(
    r"\s*[\u2015\u2014]\s*[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3}\.?\s*$"
)


def _pieces(chunk: str) -> list[str]:
    """Sentences of a chunk: lines that stand alone first, then sentencex within each; a
    piece that is only a dash byline goes back to the quote before it."""
    pieces: list[str] = []
    for line in standalone_lines(chunk):
        for part in _byline_pieces(line):
            for sentence in _segmented(part):
                if pieces and _BYLINE_ONLY.fullmatch(sentence):
                    pieces[-1] += sentence
                else:
                    pieces.append(sentence)
    return pieces


# Whitespace outside ASCII ("\xa0", "\u2009", "\u3000"): sentencex 1.0.32 panics on one
# before a full stop (it slices bytes, not characters), so it sees an ASCII space instead;
# one character for one, the offsets stay the same.
_WIDE_SPACE = {ord(c): " " for c in "\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"} | {
    code: " " for code in range(0x2000, 0x200B)
}


def _segmented(part: str) -> list[str]:
    """sentencex's sentences of `part`, sliced from `part` itself; the whole part as one
    sentence if the splitter fails (a panic in its Rust core is no reason to lose a text)."""
    safe = part.translate(_WIDE_SPACE)
    try:
        found = sentencex.segment("en", safe)
    except BaseException as error:  # pyo3's PanicException derives from BaseException
        if type(error).__name__ != "PanicException":
            raise
        return [part]
    sentences, at = [], 0
    for sentence in found:
        start = safe.find(sentence, at)
        if start < 0:
            sentences.append(sentence)
            continue
        sentences.append(part[start : start + len(sentence)])
        at = start + len(sentence)
    return sentences


def _chunks(text: str, limit: int = CHUNK_LIMIT) -> list[tuple[int, str]]:
    """Cut text longer than `limit` at sentence-like boundaries, else at whitespace, else
    hard, so that no chunk reaching the splitter is longer than `limit`."""
    if len(text) <= limit:
        return [(0, text)]
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut > limit // 4:
            cut += 2
        else:
            cut = window.rfind(" ")
            cut = cut + 1 if cut > limit // 4 else limit
        chunks.append((start, text[start : start + cut]))
        start += cut
    chunks.append((start, text[start:]))
    return chunks


def split_sentences(block: Block, lines: LineIndex) -> list[Sentence]:
    """Sentences of a block, each with its exact span, text and line in the file."""
    sentences = []
    for offset, chunk in _chunks(block.text):
        cursor = 0
        for piece in _pieces(chunk):
            stripped = piece.strip()
            if not stripped:
                continue
            found = chunk.find(stripped, cursor)
            if found < 0:  # the splitter altered the text: keep the rest whole rather than guess
                found, stripped = cursor, chunk[cursor:].strip()
                found = chunk.find(stripped, cursor)
            start = block.start + offset + found
            end = start + len(stripped)
            sentences.append(
                Sentence(stripped, start, end, lines.line(start), paragraph=block.index)
            )
            cursor = found + len(stripped)
            if cursor >= len(chunk):
                break
    return sentences
