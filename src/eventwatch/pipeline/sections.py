"""Cutting a long text into sections the parser takes one at a time.

The sections cover the text end to end, so their parses join back into one
parse of the whole text and every offset stays global.
"""

from __future__ import annotations

import re

__all__ = ["sections"]

#: where a section may end, best first: a blank line, a line break, a sentence end, a space
_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"”’)]?\s"),
    re.compile(r"\s"),
)


def sections(text: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of at most ``size`` characters that cover ``text`` in order.

    Each cut falls at the best break in the last fifth of its window (a blank
    line, else a line break, a sentence end or a space), and only where no
    break exists at all, inside a word.
    """
    if size < 1:
        raise ValueError("a section holds at least one character")
    cuts = [0]
    while len(text) - cuts[-1] > size:
        start = cuts[-1]
        window_end = start + size
        floor = start + size * 4 // 5
        end = window_end
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, floor, window_end)]
            if found:
                end = found[-1]
                break
        cuts.append(end)
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))
