"""One JSON object per line, safe for every reader of lines."""

from __future__ import annotations

import json
import re

__all__ = ["json_line"]

#: characters some line splitters break at (Python's str.splitlines among them) that JSON
#: leaves as they are: C1 controls (NEL, U+0085), the line and paragraph separators
_BREAKERS = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_line(record: object) -> str:
    """``record`` as one line of JSON (no newline at the end), UTF-8 kept readable.

    Line and paragraph separators and C1 controls are written as ``\\u`` escapes,
    so ``splitlines()`` and ``for line in file`` see one record per line.
    """
    text = json.dumps(record, ensure_ascii=False)
    return _BREAKERS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
