"""Reading source files into `Source`s: sentences with offsets and lines, page furniture
set aside (kept and labelled, never matched)."""

from __future__ import annotations

from pathlib import Path

from .errors import FactcheckError
from .files import UNCONFINED, ReadPolicy, read_text
from .model import Sentence, Source
from .sanitize import shown
from .segment import markdown_blocks, split_sentences, text_blocks
from .text import LineIndex, lexicon, normalize

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


def furniture_reason(norm: str, seen_lines: set[str]) -> str | None:
    """Why a sentence (in normalised form) is page furniture, or None when it is content."""
    if norm in lexicon("furniture"):
        return "navigation"
    if any(phrase in norm for phrase in lexicon("credits")):
        return "credit line"
    if norm in seen_lines:
        return "repeated line"
    return None


def mark_furniture(sentences: list[Sentence]) -> None:
    seen: set[str] = set()
    for sentence in sentences:
        norm = normalize(sentence.text)
        sentence.furniture = furniture_reason(norm, seen)
        seen.add(norm)


def parse_source(text: str, path: str, markdown: bool | None = None) -> Source:
    """A `Source` from text already read, as Markdown or plain text (by default, by the
    path's suffix); raises `FactcheckError` if it holds no sentence."""
    if markdown is None:
        markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES
    lines = LineIndex(text)
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    sentences = [s for block in blocks for s in split_sentences(block, lines)]
    for sentence in sentences:
        sentence.text = text[sentence.start : sentence.end]
    mark_furniture(sentences)
    source = Source(path, text, sentences)
    if not source.content:
        raise FactcheckError(f"{shown(path)}: source is empty (no sentences to check against)")
    return source


def load_source(path: str, encoding: str = "utf-8", policy: ReadPolicy = UNCONFINED) -> Source:
    """Read and segment one source file (plain text or Markdown, by suffix)."""
    return parse_source(read_text(path, encoding, policy), str(path))
