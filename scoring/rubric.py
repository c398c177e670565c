"""The rubric as data: criteria, weights, critical flags, grade bands and feedback (``data/rubric.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .model import CRITERIA

Band = Literal["Refer", "Pass", "Merit", "Distinction"]
BANDS: tuple[Band, ...] = ("Refer", "Pass", "Merit", "Distinction")


class CriterionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    weight: float = Field(gt=0)
    critical: bool
    feedback: dict[str, str]


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    critical_breach_cap: Band
    bands: dict[Band, float]
    criteria: dict[str, CriterionSpec]

    def feedback(self, criterion: str, verdict: str) -> str:
        spec = self.criteria[criterion]
        return spec.feedback.get(verdict, spec.feedback.get("met", ""))

    def band_for(self, share: float) -> Band:
        for band in reversed(BANDS):
            if share >= self.bands[band] - 1e-9:
                return band
        return "Refer"


@cache
def rubric() -> Rubric:
    """The shipped rubric, loaded once; its criteria must be exactly the stable criterion ids."""
    text = resources.files("scoring").joinpath("data", "rubric.yaml").read_text(encoding="utf-8")
    loaded = Rubric.model_validate(yaml.safe_load(text))
    if tuple(loaded.criteria) != CRITERIA:
        raise ValueError(f"rubric.yaml must define the criteria {', '.join(CRITERIA)} in that order")
    return loaded
