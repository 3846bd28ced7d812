"""The tree shows the data flow: imports point one way, and stages never import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.issue(13)

PACKAGE = ROOT / "src" / "eventwatch"

#: the layers, top first: a module may import its own layer and those above it
LAYERS = [
    {"_version", "exceptions", "_types"},
    {"records"},
    {"resources"},
    {"ingest"},
    {"pipeline"},
    {"stages"},
    {"store"},
    {"incidents"},
    {"engines"},
    {"analytics"},
    {"lookup", "scoring", "versions"},
    {"api", "web"},
    {"cli", "__main__"},
]
#: what every stage package may import of the others
SHARED_STAGE_PACKAGES = {"lexicon"}


def _layer(parts: list[str]) -> int:
    top = parts[1] if len(parts) > 1 else "__init__"
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    raise AssertionError(f"eventwatch.{top} is in no layer: add it to LAYERS")


def _module_parts(path: Path) -> list[str]:
    parts = ["eventwatch", *path.relative_to(PACKAGE).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[tuple[int, list[str]]]:
    """(line, imported eventwatch module as parts) for every import in a file, lazy ones too."""
    tree = ast.parse(path.read_text("utf-8"))
    here = _module_parts(path)
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("eventwatch"):
                target = node.module.split(".")
            else:
                continue
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("eventwatch"):
                    found.append((node.lineno, alias.name.split(".")))
    return found


def _files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def test_every_import_points_up_the_layers() -> None:
    wrong = []
    for path in _files():
        source = _module_parts(path)
        for line, target in _imports(path):
            if len(target) == 1:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports the package root")
            elif _layer(target) > _layer(source):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {'.'.join(target)}")
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def test_no_stage_package_imports_another() -> None:
    wrong = []
    for path in _files():
        source = _module_parts(path)
        if source[1:2] != ["stages"] or len(source) < 3:
            continue
        for line, target in _imports(path):
            if target[1:2] == ["stages"] and len(target) > 2:
                other = target[2]
                if other != source[2] and other not in SHARED_STAGE_PACKAGES:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {'.'.join(target)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("stage", ["actors", "events", "dates", "places", "quotes", "quantities"])
def test_importing_a_stage_loads_no_other_stage(stage: str) -> None:
    code = (
        f"import sys, eventwatch.stages.{stage}; "
        "print(sorted({m.split('.')[2] for m in sys.modules "
        "if m.startswith('eventwatch.stages.')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(ast.literal_eval(out))
    assert loaded <= {stage, *SHARED_STAGE_PACKAGES}, loaded


def test_modules_stay_under_the_size_budget() -> None:
    sizes = {p: len(p.read_text("utf-8").splitlines()) for p in _files()}
    over = {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > 550}
    assert not over, f"split these modules (about 500 lines at most): {over}"
