"""JSON Lines: one JSON object a line, for streaming into `jq`, a database or a log shipper.

Each claim is a line `{"type": "result", "version": ..., <the JSON contract's result>}`;
then each file the check left alone, `{"type": "skipped", "version": ..., "path": ...,
"reason": ...}` (1.2); the last line is `{"type": "summary", "version": ..., <the
contract's summary>}`.
"""

from __future__ import annotations

import json

from ..report import CheckReport
from ..sanitize import json_text
from .base import PLAIN, Target
from .json import JSON_VERSION, result_dict, skipped_dict, summary_dict


def _line(kind: str, fields: dict) -> str:
    document = json.dumps({"type": kind, "version": JSON_VERSION, **fields}, ensure_ascii=False)
    return json_text(document)  # no raw U+2028 either, which some readers take for a newline


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    lines = [_line("result", result_dict(r, report)) for r in report.results]
    lines += [_line("skipped", skipped_dict(s)) for s in report.skipped]
    lines.append(_line("summary", summary_dict(report)))
    return "\n".join(lines) + "\n"
