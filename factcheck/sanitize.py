"""One sanitiser for user text on its way out: claims, sources, file names, messages.

Whatever a draft, a claim set or a source holds reaches a terminal, a CI log (where a line
starting `::` is a workflow command), a pull-request comment, annotations, SARIF, JUnit XML
and HTML. Characters that can act instead of being read are shown escaped, the way Python's
`repr` writes them (`\\x1b`, `\\u202e`), never silently dropped, so a reader sees that they
were there:
- C0 and C1 controls and DEL (ANSI/OSC sequences start with ESC; CR overwrites a line),
- line and paragraph separators (U+2028, U+2029) and, on one-line fields, newlines and tabs,
- bidirectional overrides, embeddings, isolates and marks (Trojan Source reordering),
- lone surrogates and the noncharacters U+FFFE/U+FFFF (not encodable, or not valid XML).
Each output then adds its own escaping on top: Markdown structure and @mentions, code spans
sized to their content, JSON escapes, URI percent-encoding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

# Bidi controls: ALM, LRM, RLM, LRE..RLO, LRI..PDI (Unicode's Bidi_Control property).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_CLASS = f"\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff\ufffe\uffff"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_keeping_lines(match: re.Match[str]) -> str:
    return match.group() if match.group() in "\t\n\r" else _escape(match)


def visible(text: str, multiline: bool = False) -> str:
    """`text` with every unsafe character written as its escape; `multiline` keeps
    newlines, carriage returns and tabs (for a document shown as written)."""
    if multiline:
        return _UNSAFE.sub(_escape_keeping_lines, text)
    return _UNSAFE.sub(_escape, text)


def visible_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """`visible(text)`, and a function taking an offset into `text` to the same place in the
    result, so styles laid on spans of the original still fall on the same characters."""
    if not _UNSAFE.search(text):
        return text, lambda offset: offset
    places = [0]
    for char in text:
        places.append(places[-1] + len(visible(char)))
    return visible(text), lambda offset: places[offset]


def shown(text: str) -> str:
    """User text (a path, a key) as it may stand in a one-line message: unchanged when every
    character prints, else quoted with `repr`, so a newline or `::error` cannot start a line
    of its own and nothing invisible hides in it."""
    return text if text.isprintable() else repr(text)


# Backslash-escaped: everything CommonMark or GitHub gives structure to inside a line
# (emphasis, code, links, images, HTML, autolinks, tables, strikethrough, math, entities,
# headings).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&#!])")
# GitHub turns @name into a notification and #123 into a cross-reference; a word joiner
# (U+2060, invisible) after the sign keeps the text as written but breaks the link.
_MENTION = re.compile(r"([@#])(?=[\w-])")
WORD_JOINER = "\u2060"


def markdown_text(text: str) -> str:
    """Text for a Markdown table cell: one line, every structural character escaped,
    @mentions and issue references inert."""
    flat = " ".join(visible(text).split())
    # mentions first: once "_" is escaped, "@\\_" no longer reads as a sign before a word
    inert = _MENTION.sub(lambda m: m.group(1) + WORD_JOINER, flat)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", inert)


def markdown_code(text: str) -> str:
    """A code span holding `text` (a file name) whatever it contains: one line, fenced by
    more backticks than any run inside it, pipes escaped for tables (GitHub and markdown-it
    unescape them before reading the span)."""
    body = visible(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    if body.startswith("`") or body.endswith("`") or (body.startswith(" ") and body.strip()):
        body = f" {body} "
    return f"{fence}{body}{fence}"


# Characters JSON may carry raw but a reader should see: C1, separators, bidi controls,
# surrogates, noncharacters (json.dumps escapes C0 itself).
_JSON_VISIBLE = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff\ufffe\uffff]")


def json_text(dumped: str) -> str:
    """A JSON document (from `json.dumps(..., ensure_ascii=False)`) with the characters above
    written as `\\uXXXX` escapes: it parses to the same data, but a bidi override or an
    escape sequence is visible in the file and in a terminal showing it."""
    return _JSON_VISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def uri_reference(path: str) -> str:
    """A file path as a URI reference (SARIF `artifactLocation.uri`): separators as `/`,
    anything outside the URI alphabet percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=:@", errors="surrogatepass")
