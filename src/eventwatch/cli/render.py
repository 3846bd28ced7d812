"""Formatting coded documents for people: Rich tables and lines of text.

Every cell is a :class:`rich.text.Text` made by :func:`visible`, never a markup
string: article text such as ``[/its]`` or ``[ses]`` is printed as written, and
control characters that a terminal would obey (escape sequences, bidirectional
overrides) are shown as ``\\x1b``-style escapes instead.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text

from ..records import Actor, CodedDocument, Event, TimeSpan

__all__ = [
    "actor_label",
    "casualty_label",
    "date_label",
    "events_table",
    "place_label",
    "visible",
    "visible_text",
]

#: characters a terminal acts on rather than shows: C0 and C1 controls but newline and
#: tab, DEL, and the bidirectional embeddings, overrides and isolates
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible_text(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape."""
    return _ACTIVE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                       else f"\\u{ord(m.group()):04x}", text)  # fmt: skip


def visible(text: str, style: str = "") -> Text:
    """A Rich ``Text`` of ``text`` as written: no markup, no terminal controls."""
    return Text(visible_text(text), style=style)


#: relative pronouns the quotes stage keeps as a speaker's words ("which still refuses …")
_RELATIVE = {"which", "who", "whom", "that", "whose"}


def actor_label(actor: Actor | None) -> str:
    """``USA GOV (Washington)``, ``IGO NATO (KFOR)``: codes first, then the words they came from.

    A code is shown once ("IGO", not "IGO IGO"); an IGO's name follows its codes.
    An actor with no codes is shown by its words, and a relative pronoun by the
    name it stands for (or not at all).
    """
    if actor is None:
        return ""
    codes = list(dict.fromkeys(c for c in (actor.country, actor.sector) if c))
    if actor.country == "IGO" and actor.name:
        codes.append(actor.name)
    if not codes:
        if actor.text.lower() in _RELATIVE:
            return actor.name or ""
        return actor.text
    return f"{' '.join(codes)} ({actor.text})"


def _flags(event: Event) -> str:
    flags = (
        ("negated", event.negated),
        ("hypothetical", event.hypothetical),
        ("historical", event.historical),
    )
    return ", ".join(name for name, on in flags if on)


def date_label(date: TimeSpan | None) -> str:
    """A date at the precision of its words: ``2022``, ``2023-09``, ``1990…1999``.

    ``(pub.)`` marks a date that only the publication gives.
    """
    if date is None or date.start_date is None:
        return ""
    width = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(date.granularity or "", 10)
    start = date.start_date[:width]
    end = date.end_date[:width] if date.end_date else None
    span = start if end in (None, start) else f"{start}…{end}"
    return span + ("" if date.source == "text" else " (pub.)")


def place_label(event: Event) -> str:
    """``north Kosovo (XKX)``: a direction is shown unless the name already says it."""
    place = event.location
    if place is None:
        return ""
    name = place.name or place.text
    qualifier = place.qualifier or ""
    if qualifier and qualifier.lower() in name.lower():
        qualifier = ""
    return f"{qualifier + ' ' if qualifier else ''}{name} ({place.country or '?'})"


def casualty_label(event: Event) -> str:
    """``1 killed, 30 injured``: the event's counts, ranges as written (``500–650``)."""
    parts = []
    for key in ("killed", "injured", "arrested", "displaced"):
        quantity = event.quantities.get(key)
        if quantity is not None:
            low, high = quantity.min, quantity.max
            if low is not None and high is not None and high != low:
                count = f"{low}–{high}"
            else:
                count = str(low if low is not None else high)
            prefix = {"more than": ">", "at least": "≥"}.get(quantity.qualifier or "", "")
            parts.append(f"{prefix}{count} {key}")
        elif key == "killed" and event.killed:
            parts.append(f"{event.killed} killed")
        elif key == "injured" and event.injured:
            parts.append(f"{event.injured} injured")
    return ", ".join(parts)


def events_table(doc: CodedDocument) -> Table:
    table = Table(
        title=visible(f"{doc.id}: {len(doc.events)} events"), show_lines=False, expand=True
    )
    table.add_column("#", justify="right")
    table.add_column("type", no_wrap=True, min_width=9)
    table.add_column("mode", overflow="fold")
    table.add_column("source", overflow="fold", ratio=3)
    table.add_column("target", overflow="fold", ratio=3)
    table.add_column("trigger", overflow="fold", ratio=2)
    table.add_column("flags", overflow="fold")
    table.add_column("reported by", overflow="fold", ratio=2)
    table.add_column("when", overflow="fold")
    table.add_column("where", overflow="fold")
    table.add_column("casualties", overflow="fold")
    table.add_column("conf", no_wrap=True)
    for number, event in enumerate(doc.events, start=1):
        cells = (
            str(number),
            event.type,
            event.mode or "",
            "; ".join(actor_label(a) for a in event.source),
            "; ".join(actor_label(a) for a in event.target),
            event.evidence.trigger.text,
            _flags(event),
            actor_label(event.reported_by),
            date_label(event.date),
            place_label(event),
            casualty_label(event),
            f"{event.confidence:.2f}",
        )
        table.add_row(*(visible(cell) for cell in cells))
    return table
