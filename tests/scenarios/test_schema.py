"""The committed JSON Schema matches the models, so editors complete what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

from scenarios import schema_json

SCHEMA = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"


def test_committed_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_json(), "run `make schema` and commit the result"


def test_schema_forbids_unknown_keys() -> None:
    schema = json.loads(schema_json())
    assert schema["additionalProperties"] is False
    assert "conversation" in schema["required"]
