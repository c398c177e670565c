"""The JSON Schema of scenario files, generated from the authored models (committed as scenario.schema.json)."""

from __future__ import annotations

import json

from .spec import ScenarioSpec

SCHEMA_FILE = "scenario.schema.json"


def schema_json() -> str:
    """The schema as canonical JSON text: editors use it for completion and checking as a trainer types."""
    schema = ScenarioSpec.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://frontline.invalid/scenario.schema.json",
        **schema,
        "title": "Frontline scenario",
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
