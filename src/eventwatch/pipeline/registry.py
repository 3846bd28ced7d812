"""The stage registry: named, versioned stage factories and the order check.

A stage is a callable ``Document -> Document`` built by a factory. Registering
a factory gives its name (``eventwatch.actor_mentions.v1``), its default
settings, the document fields it ``requires`` and the fields it ``assigns``.
:func:`check_order` walks a configured order and reports every required field
that no earlier stage assigns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .._types import Stage
from ..exceptions import ConfigError

__all__ = ["FIELDS", "Registry", "StageInfo", "check_order", "stages"]

#: The document fields a stage can require or assign. ``parse`` and
#: ``sentences`` are assigned by the pipeline's parse step before any stage.
FIELDS = frozenset(
    {"parse", "sentences", "mentions", "events", "times", "places", "quotes", "errors"}
)
PARSE_ASSIGNS = ("parse", "sentences")

Factory = Callable[..., Stage]


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    defaults: dict[str, Any] = field(default_factory=dict)


class Registry:
    """Named stage factories. The package registers its own in ``stages``."""

    def __init__(self) -> None:
        self._entries: dict[str, StageInfo] = {}

    def register(
        self,
        name: str,
        *,
        requires: Iterable[str],
        assigns: Iterable[str],
        defaults: dict[str, Any] | None = None,
    ) -> Callable[[Factory], Factory]:
        req, ass = tuple(requires), tuple(assigns)
        unknown = (set(req) | set(ass)) - FIELDS
        if unknown:
            raise ConfigError(f"stage {name!r} names unknown fields: {sorted(unknown)}")

        def decorate(factory: Factory) -> Factory:
            self._entries[name] = StageInfo(name, factory, req, ass, dict(defaults or {}))
            return factory

        return decorate

    def get(self, name: str) -> StageInfo:
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "none"
            raise ConfigError(f"unknown stage {name!r} (registered: {known})") from None

    def names(self) -> list[str]:
        return sorted(self._entries)


stages = Registry()


def check_order(infos: Iterable[StageInfo]) -> list[str]:
    """Problems with a stage order: each field required before anything assigns it."""
    assigned = set(PARSE_ASSIGNS) | {"errors"}
    problems = []
    for info in infos:
        for needed in info.requires:
            if needed not in assigned:
                problems.append(
                    f"stage {info.name!r} requires {needed!r}, which no earlier stage assigns"
                )
        assigned.update(info.assigns)
    return problems
