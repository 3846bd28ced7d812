"""The stage registry: named, versioned stage factories, their settings, and the order check.

A stage is a callable ``Document -> Document`` built by a factory. Registering
a factory gives its name (``eventwatch.actor_mentions.v1``), its settings
model (a :class:`StageSettings` subclass: the one copy of its defaults, which
rejects unknown keys), the document fields it ``requires`` and the fields it
``assigns``. The factory is called as ``factory(settings, resources)``, where
``resources`` are the shared tables and gazetteer
(:class:`~eventwatch.resources.Resources`), so that no stage opens its own.

The built-in stages are found through the ``eventwatch.stages`` entry points of
the installed package (``pyproject.toml``): the pipeline names a stage and the
registry imports the module that registers it, so the pipeline layer never
imports a stage package. Other packages can add stages the same way.
:func:`check_order` walks a configured order and reports every required field
that no earlier stage assigns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ..exceptions import ConfigError

if TYPE_CHECKING:
    from ..resources import Resources
    from .document import Document

__all__ = [
    "ENTRY_POINTS",
    "FIELDS",
    "Registry",
    "Stage",
    "StageInfo",
    "StageSettings",
    "check_order",
    "stages",
]

#: the document fields a stage can require or assign. ``parse`` and
#: ``sentences`` are assigned by the pipeline's parse step before any stage.
FIELDS = frozenset(
    {
        "parse",
        "sentences",
        "blocks",
        "mentions",
        "events",
        "times",
        "places",
        "quotes",
        "casualties",
        "errors",
        "warnings",
    }
)
PARSE_ASSIGNS = ("parse", "sentences")
#: the entry-point group that names stage factories
ENTRY_POINTS = "eventwatch.stages"

Stage = Callable[["Document"], "Document"]


class StageSettings(BaseModel):
    """Base of every stage's settings: frozen, and a misspelt key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Factory = Callable[[Any, "Resources"], Stage]


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Factory
    settings: type[StageSettings]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def configure(self, values: Mapping[str, Any]) -> StageSettings:
        """The stage's settings from config values; a bad key or value is a :class:`ConfigError`.

        The message names the stage and each offending key: ``stage
        'eventwatch.places.v1': unknown setting 'max_candidate'``.
        """
        try:
            return self.settings.model_validate(dict(values))
        except ValidationError as exc:
            problems = []
            for error in exc.errors():
                key = ".".join(str(part) for part in error["loc"]) or "(settings)"
                if error["type"] == "extra_forbidden":
                    known = ", ".join(sorted(self.settings.model_fields)) or "none"
                    problems.append(f"unknown setting {key!r} (known: {known})")
                else:
                    problems.append(f"setting {key!r}: {error['msg']}")
            raise ConfigError(
                f"stage {self.name!r}: " + "; ".join(problems), code="config-setting"
            ) from None


class Registry:
    """Named stage factories, filled by :meth:`register` and by entry points."""

    def __init__(self, *, entry_points: str | None = None) -> None:
        self._entries: dict[str, StageInfo] = {}
        self._group = entry_points

    def register(
        self,
        name: str,
        *,
        settings: type[StageSettings] = StageSettings,
        requires: Iterable[str],
        assigns: Iterable[str],
    ) -> Callable[[Factory], Factory]:
        """A decorator that registers ``factory(settings, resources) -> Stage`` under ``name``."""
        req, ass = tuple(requires), tuple(assigns)
        unknown = (set(req) | set(ass)) - FIELDS
        if unknown:
            raise ConfigError(
                f"stage {name!r} names unknown fields: {sorted(unknown)}", code="config-fields"
            )

        def decorate(factory: Factory) -> Factory:
            self._entries[name] = StageInfo(name, factory, settings, req, ass)
            return factory

        return decorate

    def get(self, name: str) -> StageInfo:
        if name not in self._entries and self._group is not None:
            self._load_entry_point(name)
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(self.names()) or "none"
            raise ConfigError(
                f"unknown stage {name!r} (registered: {known})", code="config-stage"
            ) from None

    def describe(self, name: str) -> dict[str, Any]:
        """What a stage reads and writes and every setting with its default, as JSON-ready data."""
        info = self.get(name)
        defaults = info.settings().model_dump(mode="json")
        return {
            "name": name,
            "requires": list(info.requires),
            "assigns": list(info.assigns),
            "settings": {
                key: {
                    "default": defaults.get(key),
                    "description": field.description or _field_doc(info.settings, key),
                }
                for key, field in info.settings.model_fields.items()
            },
        }

    def names(self) -> list[str]:
        found = set(self._entries)
        if self._group is not None:
            found.update(ep.name for ep in metadata.entry_points(group=self._group))
        return sorted(found)

    def _load_entry_point(self, name: str) -> None:
        assert self._group is not None
        for entry_point in metadata.entry_points(group=self._group, name=name):
            entry_point.load()  # importing the module registers the factory
            if name not in self._entries:
                raise ConfigError(
                    f"entry point {entry_point.value!r} does not register stage {name!r}",
                    code="config-stage",
                )


def _field_doc(model: type[BaseModel], key: str) -> str:
    """The ``#:`` comment above a settings field in its class's source, if any."""
    import inspect

    try:
        lines = inspect.getsource(model).splitlines()
    except (OSError, TypeError):
        return ""
    for index, line in enumerate(lines):
        if line.strip().startswith(f"{key}:"):
            notes: list[str] = []
            for above in reversed(lines[:index]):
                if not above.strip().startswith("#:"):
                    break
                notes.insert(0, above.strip()[2:].strip())
            return " ".join(notes)
    return ""


#: the registry the pipeline reads: the built-ins and any installed plugins
stages = Registry(entry_points=ENTRY_POINTS)


def check_order(infos: Iterable[StageInfo]) -> list[str]:
    """Problems with a stage order: each field required before anything assigns it."""
    assigned = set(PARSE_ASSIGNS) | {"errors", "warnings"}
    problems = []
    for info in infos:
        for needed in info.requires:
            if needed not in assigned:
                problems.append(
                    f"stage {info.name!r} requires {needed!r}, which no earlier stage assigns"
                )
        assigned.update(info.assigns)
    return problems
