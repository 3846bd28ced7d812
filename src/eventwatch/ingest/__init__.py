"""Sources in, a stream of :class:`~eventwatch.records.Article` out.

:func:`read_inputs` reads a ``.txt``, ``.jsonl``, ``.csv`` or ``.html`` file,
a directory of them (recursively), ``-``, a FIFO or pipe (``/dev/stdin``,
``<(cat story.txt)``), an RSS/Atom feed (a file or a URL; each entry's page is
fetched) or a page's URL. A document that cannot be read is a
:class:`~eventwatch.exceptions.DocumentError` in its place, with a stable
``code``, its id and its ``origin``; the rest of the batch is read.

===========================  =====================================================
code                         meaning
===========================  =====================================================
``document-empty``           no text (an empty file, a blank field, a page with no article)
``document-binary``          NUL bytes, or mostly bytes that are not text
``document-size``            over ``max_bytes`` (``input.max_bytes``, 5 MB)
``document-text``            a record without ``text``, or one that is not a string
``document-json``            a JSONL line that is not a JSON object
``document-csv``             a CSV without a ``text`` column, or a row that does not fit
``document-date``            a ``pub_date`` that is not a date
``document-id``              an ``id`` that is neither a string nor a number
``document-duplicate-id``    an id already read in this input (with ``unique_ids``)
``document-read``            the file could not be read (permissions, I/O)
``document-type``            a URL's content is neither a feed, a page nor text
``feed-parse``               not an RSS or Atom feed
``fetch-*``                  a URL could not be fetched (timeout, connect, status, url)
===========================  =====================================================

Warnings (``Article.warnings``, stage ``"input"``) note what was repaired:
``document-utf8`` (bytes that were not UTF-8, replaced by U+FFFD) and
``feed-summary`` (an entry's page could not be read; its summary was coded).
:func:`poll_feeds` and :func:`watch_feeds` poll feeds for new entries.

:func:`read_event_file` reads event records without text (eventwatch's own JSON lines, GDELT
2.0, ICEWS, POLECAT) into plain event rows for the analytics; a row that cannot be read is a
:class:`RowProblem` with its line number and reason.
"""

from __future__ import annotations

from ._common import MAX_BYTES, parse_date
from ._event_formats import (
    EVENT_FORMATS,
    EventImport,
    RowProblem,
    cameo_to_plover,
    parse_event_lines,
    read_event_file,
)
from ._feeds import Feed, FeedEntry, parse_feed
from ._html import fragment_text
from ._http import USER_AGENT, Fetcher, Response, is_url
from ._jsonl import read_jsonl_records
from ._near_duplicates import THRESHOLD as NEAR_DUPLICATE_THRESHOLD
from ._near_duplicates import LocalIndex, Signature, comparable, signature
from ._sources import DIRECTORY_SUFFIXES, count_inputs, read_inputs
from ._unique import reject_duplicate_ids
from ._watch import (
    FeedState,
    JsonFeedState,
    MemoryFeedState,
    Validators,
    parse_interval,
    poll_feeds,
    read_feed_list,
    watch_feeds,
)

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD",
    "DIRECTORY_SUFFIXES",
    "EVENT_FORMATS",
    "MAX_BYTES",
    "USER_AGENT",
    "EventImport",
    "Feed",
    "FeedEntry",
    "FeedState",
    "Fetcher",
    "JsonFeedState",
    "LocalIndex",
    "MemoryFeedState",
    "Response",
    "RowProblem",
    "Signature",
    "Validators",
    "cameo_to_plover",
    "comparable",
    "count_inputs",
    "fragment_text",
    "is_url",
    "parse_date",
    "parse_event_lines",
    "parse_feed",
    "parse_interval",
    "poll_feeds",
    "read_event_file",
    "read_feed_list",
    "read_inputs",
    "read_jsonl_records",
    "reject_duplicate_ids",
    "signature",
    "watch_feeds",
]
