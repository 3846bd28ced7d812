"""Formatting coded documents for people: Rich tables and error lines."""

from __future__ import annotations

from rich.table import Table

from ..records import Actor, CodedDocument, Event

__all__ = ["actor_label", "events_table"]


def actor_label(actor: Actor | None) -> str:
    """``USA GOV (Washington)``: codes first, then the words they came from."""
    if actor is None:
        return ""
    codes = " ".join(c for c in (actor.country, actor.sector) if c) or "?"
    name = f" {actor.name}" if actor.name and actor.country == "IGO" else ""
    return f"{codes}{name} ({actor.text})"


def _flags(negated: bool, hypothetical: bool, historical: bool) -> str:
    names = [
        n
        for n, on in (
            ("negated", negated),
            ("hypothetical", hypothetical),
            ("historical", historical),
        )
        if on
    ]
    return ", ".join(names)


def _when(event: Event) -> str:
    date = event.date
    if date is None or date.start_date is None:
        return ""
    span = (
        date.start_date
        if date.end_date in (None, date.start_date)
        else f"{date.start_date}…{date.end_date}"
    )
    return span + ("" if date.source == "text" else " (pub.)")


def _where(event: Event) -> str:
    place = event.location
    if place is None:
        return ""
    qualifier = f"{place.qualifier} " if place.qualifier else ""
    return f"{qualifier}{place.name or place.text} ({place.country or '?'})"


def events_table(doc: CodedDocument) -> Table:
    table = Table(title=f"{doc.id}: {len(doc.events)} events", show_lines=False, expand=True)
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
    table.add_column("conf", no_wrap=True)
    for number, event in enumerate(doc.events, start=1):
        table.add_row(
            str(number),
            event.type,
            event.mode or "",
            "; ".join(actor_label(a) for a in event.source),
            "; ".join(actor_label(a) for a in event.target),
            event.evidence.trigger.text,
            _flags(event.negated, event.hypothetical, event.historical),
            actor_label(event.reported_by),
            _when(event),
            _where(event),
            f"{event.confidence:.2f}",
        )
    return table
