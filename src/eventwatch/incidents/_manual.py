"""Merges and splits by hand, kept as an audit trail that linking respects.

``merge A B``: every document of B is pinned to A and B is gone (its id now
names A). ``split A --doc D``: D is pinned to a new incident, kept apart from
A for good. The trail (``Store.incident_audit``) is read back as :class:`Pins`
by every linking job and by :func:`relink`, so no automatic decision undoes a
human one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..exceptions import InputError
from ..store import Store
from ._linker import Link, Pins, incident_id
from ._records import incident_record
from ._reports import report_of
from ._settings import LinkSettings

__all__ = ["merge_incidents", "pins_from_audit", "split_incident"]


def pins_from_audit(trail: Iterable[Mapping[str, Any]]) -> Pins:
    """The documents pinned and incidents kept apart by an audit trail, replayed in order."""
    pins = Pins()
    for entry in trail:
        record = entry.get("record") or {}
        if entry.get("action") == "merge":
            into, gone = str(record["into"]), str(record["from"])
            for doc_id in record.get("documents") or []:
                pins.documents[str(doc_id)] = into
            if gone != into:
                pins.renamed[gone] = into
        elif entry.get("action") == "split":
            pins.documents[str(record["doc"])] = str(record["into"])
            pins.apart.add(frozenset((str(entry["incident_id"]), str(record["into"]))))
    return pins


def _links(record: Mapping[str, Any]) -> dict[str, Link]:
    return {
        str(m["doc_id"]): Link(m.get("score"), m.get("linked_to"), dict(m.get("features") or {}))
        for m in record.get("members") or []
    }


def _rebuild(
    store: Store, name: str, doc_ids: list[str], links: dict[str, Link], settings: LinkSettings
) -> dict[str, Any]:
    documents = [d for d in (store.document(i) for i in doc_ids) if d is not None]
    reports = [report_of(d, echo_days=settings.echo_days) for d in documents]
    urls = {str(d["id"]): d.get("url") for d in documents}
    return incident_record(name, reports, links, urls=urls)


def _stored(store: Store, name: str) -> dict[str, Any]:
    record = store.incident(name)
    if record is None:
        raise InputError(f"no incident {name!r} in {store.url}", code="input-incident")
    return record


def merge_incidents(
    store: Store, keep: str, other: str, *, settings: LinkSettings | None = None
) -> dict[str, Any]:
    """Merge incident ``other`` into ``keep``; the merged record (also stored)."""
    settings = settings or LinkSettings()
    if keep == other:
        raise InputError(f"cannot merge incident {keep!r} with itself", code="input-incident")
    a, b = _stored(store, keep), _stored(store, other)
    moved = [str(d) for d in b.get("documents") or []]
    store.add_incident_audit(keep, "merge", {"into": keep, "from": other, "documents": moved})
    links = _links(a)
    for doc_id, link in _links(b).items():
        links[doc_id] = Link(link.score, link.linked_to, {**link.features, "manual": "merge"})
    docs = [str(d) for d in a.get("documents") or []] + moved
    record = _rebuild(store, keep, docs, links, settings)
    store.write_incidents([record])
    store.delete_incidents([other])
    return record


def split_incident(
    store: Store, name: str, doc_id: str, *, settings: LinkSettings | None = None
) -> dict[str, Any]:
    """Move document ``doc_id`` out of incident ``name`` into a new incident; the new record."""
    settings = settings or LinkSettings()
    record = _stored(store, name)
    docs = [str(d) for d in record.get("documents") or []]
    if doc_id not in docs:
        raise InputError(f"incident {name!r} has no document {doc_id!r}", code="input-incident")
    new = incident_id(f"{name}\x1f{doc_id}")
    store.add_incident_audit(name, "split", {"doc": doc_id, "into": new})
    links = _links(record)
    rest = [d for d in docs if d != doc_id]
    made = _rebuild(store, new, [doc_id], {doc_id: Link(None, None, {"manual": "split"})},
                    settings)  # fmt: skip
    if rest:
        store.write_incidents([_rebuild(store, name, rest, links, settings), made])
    else:
        store.write_incidents([made])
        store.delete_incidents([name])
    return made
