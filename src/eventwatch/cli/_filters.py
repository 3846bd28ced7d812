"""The event filters ``query`` and ``export`` share (and the API mirrors)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

__all__ = [
    "ActorFilter",
    "BboxFilter",
    "CountryFilter",
    "DbOption",
    "FlagFilter",
    "ModeFilter",
    "PlaceFilter",
    "SectorFilter",
    "SinceFilter",
    "SourceCountryFilter",
    "TargetCountryFilter",
    "TextFilter",
    "TypeFilter",
    "UntilFilter",
    "filters",
]

DbOption = Annotated[
    str,
    typer.Option(
        "--db", help="The store: a SQLite file (created if new) or postgresql://user@host/db."
    ),
]
ActorFilter = Annotated[
    str | None, typer.Option("--actor", help="Events whose actor's name or words contain this.")
]
CountryFilter = Annotated[
    str | None, typer.Option("--country", help="Events with a source or target of this ISO3.")
]
SourceCountryFilter = Annotated[
    str | None, typer.Option("--source-country", help="Source actor's country (ISO3).")
]
TargetCountryFilter = Annotated[
    str | None, typer.Option("--target-country", help="Target actor's country (ISO3).")
]
SectorFilter = Annotated[str | None, typer.Option("--sector", help="An actor's sector (GOV …).")]
TypeFilter = Annotated[
    list[str] | None, typer.Option("--type", help="PLOVER type; repeat for several.")
]
ModeFilter = Annotated[str | None, typer.Option("--mode", help="PLOVER mode.")]
SinceFilter = Annotated[
    str | None, typer.Option("--since", help="Events dated on or after (YYYY[-MM[-DD]]).")
]
UntilFilter = Annotated[
    str | None, typer.Option("--until", help="Events dated on or before (YYYY[-MM[-DD]]).")
]
PlaceFilter = Annotated[
    str | None, typer.Option("--place", help="Events located in this country (ISO3).")
]
BboxFilter = Annotated[
    str | None,
    typer.Option("--bbox", help="Events located in west,south,east,north (degrees)."),
]
FlagFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--flag",
        help="negated, hypothetical or historical (or no-negated …); repeat for several.",
    ),
]
TextFilter = Annotated[
    str | None, typer.Option("--text", help="Events of documents whose text has these words.")
]

_FLAGS = ("negated", "hypothetical", "historical")


def filters(**options: Any) -> dict[str, Any]:
    """The store's filter keywords from the command's options; a bad value is a usage error."""
    out = {k: v for k, v in options.items() if v not in (None, [], ())}
    if "type" in out:
        out["type"] = [t.upper() for t in out["type"]]
    bbox = out.pop("bbox", None)
    if bbox is not None:
        try:
            west, south, east, north = (float(v) for v in bbox.split(","))
        except ValueError:
            raise typer.BadParameter(
                "four numbers: west,south,east,north", param_hint="--bbox"
            ) from None
        out["bbox"] = (west, south, east, north)
    for flag in out.pop("flag", []):
        name = flag.removeprefix("no-")
        if name not in _FLAGS:
            raise typer.BadParameter(
                f"{flag!r} is not one of {', '.join(_FLAGS)}", param_hint="--flag"
            )
        out[name] = not flag.startswith("no-")
    if "place" in out:
        out["place_country"] = out.pop("place")
    return out
