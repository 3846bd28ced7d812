"""A writer killed with SIGKILL mid-job leaves whole batches or nothing, never half a document."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwatch.store import Store

pytestmark = pytest.mark.issue(14)

_WRITER = """
import json, sys
from eventwatch.records import event_id
from eventwatch.store import Store

docs = json.load(open(sys.argv[2]))
with Store.open(sys.argv[1]) as store:
    for copy in range(10_000):
        batch = []
        for doc in docs:
            new = json.loads(json.dumps(doc))
            new["id"] = f"{doc['id']}~{copy}"
            for e in new["events"]:
                t = e["evidence"]["trigger"]
                e["id"] = event_id(new["id"], new["content_hash"], t["start"], t["end"], e["type"])
            batch.append(new)
        store.write(batch)
        print(copy, flush=True)
"""


def test_sigkill_mid_write_keeps_every_committed_batch_whole(
    store_url: str, coded_docs, tmp_path: Path
) -> None:
    docs_path = tmp_path / "docs.json"
    docs_path.write_text(json.dumps(coded_docs), encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, store_url, str(docs_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    for _ in range(3):  # let a few batches commit, then kill at a random moment
        assert writer.stdout.readline(), "the writer died before committing"
    time.sleep(random.uniform(0.0, 0.3))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    events_per_doc = {d["id"]: len(d["events"]) for d in coded_docs}
    with Store.open(store_url) as store:
        stats = store.stats()
        listed = store.documents()
        assert stats["documents"] == len(listed) >= 3 * len(coded_docs)
        assert stats["documents"] % len(coded_docs) == 0  # whole batches only
        for row in listed:
            assert row["events"] == events_per_doc[row["id"].rsplit("~", 1)[0]]
        ids = [r["id"] for r in store.iter_events()]
        assert len(ids) == len(set(ids)) == stats["events"]
        # and the store takes writes again at once
        assert store.write(coded_docs).written == len(coded_docs)
