"""Fixtures for the geo tests: the packaged fixture file and writable copies of it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kansrijk.geo.loader import DEFAULT_FIXTURE_PATH


@pytest.fixture(scope="session")
def fixture_data() -> dict[str, Any]:
    """The packaged gebiedsindeling file, parsed (do not modify; use `write_fixture` for variants)."""
    with DEFAULT_FIXTURE_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@pytest.fixture
def write_fixture(tmp_path: Path, fixture_data: dict[str, Any]) -> Callable[..., Path]:
    """Write a changed copy of the packaged file: `write_fixture(change)` where change edits a deep copy."""

    def write(change: Callable[[dict[str, Any]], None] | None = None, name: str = "gebiedsindeling.json") -> Path:
        data = copy.deepcopy(fixture_data)
        if change is not None:
            change(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write
