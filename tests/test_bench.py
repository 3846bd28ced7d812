"""make bench without the shared corpus fails loudly instead of timing one article (issue 15)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.issue(15)


def test_bench_without_a_corpus_fails_and_says_why(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--shared", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert f"no corpus/*.jsonl under {tmp_path}" in result.stderr
