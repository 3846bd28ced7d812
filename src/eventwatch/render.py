"""Formatting coded documents for people: Rich tables and error lines."""

from __future__ import annotations

from rich.table import Table

from .schema import Actor, Document

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


def events_table(doc: Document) -> Table:
    table = Table(title=f"{doc.id}: {len(doc.events)} events", show_lines=False, expand=True)
    for column in (
        "#",
        "type",
        "mode",
        "source",
        "target",
        "trigger",
        "flags",
        "reported by",
        "conf",
    ):
        table.add_column(column, overflow="fold")
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
            f"{event.confidence:.2f}",
        )
    return table
