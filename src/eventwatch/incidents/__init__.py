"""Incidents: one real-world event, however many reports describe it (docs/incidents.md).

Between the store and the analytics. Each stored document is a report; the
:class:`Linker` links it to the incident it describes, or opens one, by its
text, names and title (TF-IDF cosines) and by what its coded events say (type
family, actors, place, date, casualties); candidates come from blocking, not
from all pairs. :class:`IncidentLinking` runs it after each ingest batch and
keeps the store's incident records current; :func:`merge_incidents` and
:func:`split_incident` are the manual corrections that every later linking
respects.

>>> from eventwatch.incidents import IncidentLinking, relink
>>> job = IncidentLinking()                           # doctest: +SKIP
>>> job(store, ["doc-1", "doc-2"])                    # doctest: +SKIP
"""

from __future__ import annotations

from ._job import IncidentLinking, relink
from ._linker import Link, Linker, Pins, incident_id
from ._manual import merge_incidents, pins_from_audit, split_incident
from ._records import SUMMARY_FIELDS, incident_record, incident_summary
from ._reports import FAMILIES, Figure, Report, family_of, report_of
from ._settings import LinkSettings
from ._text import TermStats, cosine, words

__all__ = [
    "FAMILIES",
    "SUMMARY_FIELDS",
    "Figure",
    "IncidentLinking",
    "Link",
    "LinkSettings",
    "Linker",
    "Pins",
    "Report",
    "TermStats",
    "cosine",
    "family_of",
    "incident_id",
    "incident_record",
    "incident_summary",
    "merge_incidents",
    "pins_from_audit",
    "relink",
    "report_of",
    "split_incident",
    "words",
]
