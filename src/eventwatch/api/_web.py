"""The dashboard: our own HTML, JS and CSS, and the dist files of the libraries npm installed.

Nothing is fetched from elsewhere at run time: the page, its scripts, the libraries
(``web/node_modules``, filled by ``npm ci`` at install time, never committed) and the
country outlines (world-atlas's Natural Earth TopoJSON) all come from this server.
Only the files named in :data:`VENDOR` are served from node_modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from ..exceptions import ApiError
from ._deps import State, check_read

__all__ = ["STATIC", "VENDOR", "router"]

STATIC = Path(__file__).parent / "static"
#: name served under /vendor/ -> its file under web/node_modules
VENDOR = {
    "d3.min.js": "d3/dist/d3.min.js",
    "plot.umd.min.js": "@observablehq/plot/dist/plot.umd.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "countries-50m.json": "world-atlas/countries-50m.json",
}
_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json",
          ".html": "text/html", ".svg": "image/svg+xml"}  # fmt: skip
_CACHE = {"Cache-Control": "no-cache"}

router = APIRouter(dependencies=[Depends(check_read)], include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html", headers=_CACHE)


@router.get("/static/{name}")
def static(name: Annotated[str, PathParam(pattern=r"^[a-z0-9_-]+\.(js|css|svg)$")]) -> FileResponse:
    path = STATIC / name
    if not path.is_file():
        raise ApiError(f"no static file {name!r}", status=404, code="api-not-found")
    return FileResponse(path, media_type=_TYPES[path.suffix], headers=_CACHE)


@router.get("/vendor/{name}")
def vendor(state: State, name: str) -> FileResponse:
    if name not in VENDOR:
        raise ApiError(f"no library file {name!r}", status=404, code="api-not-found")
    path = state.settings.assets() / VENDOR[name]
    if not path.is_file():
        raise ApiError(
            f"{path} is missing: run `npm ci` in web/ (make install does)",
            status=503,
            code="api-assets",
        )
    return FileResponse(path, media_type=_TYPES[path.suffix],
                        headers={"Cache-Control": "max-age=3600"})  # fmt: skip
