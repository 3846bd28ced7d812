"""``eventwatch ingest`` and ``eventwatch watch``: news in, coded once, kept in the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from . import app
from ._filters import DbOption
from ._shared import (
    AddressOption,
    ConfigOption,
    EngineKind,
    EngineOption,
    ProgressBar,
    PubDateOption,
    WorkersOption,
    err,
    pub_date,
)

__all__ = ["ingest_command", "watch_command"]

IncidentsOption = Annotated[
    bool,
    typer.Option(
        "--incidents/--no-incidents",
        help="Link the new documents into incidents after each batch.",
    ),
]
SourcesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (.jsonl, .csv, .txt, .html), directories (read recursively), feed or page "
        "URLs, or - for stdin."
    ),
]


@app.command("ingest")
def ingest_command(
    sources: SourcesArgument,
    db: DbOption = "eventwatch.db",
    workers: WorkersOption = 1,
    engine: EngineOption = EngineKind.local,
    address: AddressOption = None,
    pub_date_value: PubDateOption = None,
    config: ConfigOption = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="Documents written per transaction.")
    ] = 64,
    incidents: IncidentsOption = True,
) -> None:
    """Code every new document of SOURCES and keep it in the store, once.

    A text already stored under its id is skipped and a near-copy of a stored
    one is linked to it, not coded again; a changed text under a known id is a
    new version. Unreadable inputs are stored as error rows with their reason.
    A killed run loses at most its open batch: run the same command again.
    After each batch the new documents are linked into incidents (see
    ``eventwatch incidents``).
    With --engine ray the coding runs on a Ray cluster (docs/ray.md) and the
    store gets the same records.
    """
    from ..engines import IngestReport, engine_for, ingest
    from ..incidents import IncidentLinking
    from ..ingest import count_inputs
    from ..pipeline import PipelineSpec
    from ..store import Store

    spec = PipelineSpec.load(config)
    coder = engine_for(workers, kind=engine.value, address=address)
    report = IngestReport()
    linking = IncidentLinking() if incidents else None
    total = sum(count_inputs(s) or 0 for s in sources) or None
    with Store.open(db) as store, ProgressBar(total=total, description="ingesting") as bar:
        try:
            ingest(
                sources,
                store=store,
                spec=spec,
                engine=coder,
                pub_date=pub_date(pub_date_value),
                batch_size=batch,
                report=report,
                after_write=linking,
                progress=bar.advance,
            )
        finally:
            line = report.line()
            if linking is not None:
                line += f"; {linking.linked:,} linked into incidents in {linking.seconds:.1f} s"
            err.print(Text(line), highlight=False)


@app.command("watch")
def watch_command(
    feeds: Annotated[str, typer.Argument(help="A file of feed URLs (or files), one a line.")],
    every: Annotated[
        str, typer.Option("--every", help="How often to poll: 90, 30s, 15m, 2h, 1d.")
    ] = "15m",
    db: DbOption = "eventwatch.db",
    workers: WorkersOption = 1,
    config: ConfigOption = None,
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after this many polls.")
    ] = None,
    incidents: IncidentsOption = True,
) -> None:
    """Poll feeds and ingest what is new, every interval, until stopped.

    Requests are conditional (ETag, Last-Modified); the entries seen are kept in
    the store, so a restarted watch fetches only what is new.
    """
    from ..engines import engine_for, watch
    from ..incidents import IncidentLinking
    from ..ingest import parse_interval, read_feed_list
    from ..pipeline import PipelineSpec
    from ..store import Store

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    with Store.open(db) as store:
        watch(
            read_feed_list(feeds),
            every=seconds,
            store=store,
            spec=PipelineSpec.load(config),
            engine=engine_for(workers),
            rounds=rounds,
            after_write=IncidentLinking() if incidents else None,
            after_round=lambda report: err.print(Text(report.line()), highlight=False),
        )
