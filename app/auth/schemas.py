"""API shapes for accounts: what the account routes accept and return (never storage rows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RoleName = Literal["learner", "assessor", "trainer", "admin"]


class UserOut(BaseModel):
    name: str = Field(examples=["jo.smith"])
    role: RoleName
    display_name: str = Field(examples=["Jo Smith"])
    has_password: bool
    created_at: datetime
    cohorts: list[str]


class MeOut(BaseModel):
    name: str
    role: RoleName
    display_name: str


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2, max_length=80, examples=["jo.smith"])
    role: RoleName
    display_name: str | None = Field(default=None, max_length=120)
    password: str | None = Field(default=None, max_length=256, description="Left out: the account cannot sign in yet.")


class UserChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: RoleName | None = None
    password: str | None = Field(default=None, max_length=256)


class NewToken(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = Field(default="", max_length=80, examples=["marking script"])


class TokenOut(BaseModel):
    token: str = Field(description="Shown this once; send it as 'Authorization: Bearer <token>'.")


class CohortOut(BaseModel):
    name: str
    assessors: list[str]
    learners: list[str]


class CohortChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    add: list[str] = Field(default_factory=list, max_length=500)
    remove: list[str] = Field(default_factory=list, max_length=500)


class ErasureOut(BaseModel):
    erased: str
    rows: dict[str, int] = Field(description="How many rows left each table.")


class AuditEventOut(BaseModel):
    at: datetime
    actor: str
    action: str
    target_kind: str
    target: str
    address: str
    detail: dict[str, Any]


__all__ = [
    "AuditEventOut",
    "CohortChange",
    "CohortOut",
    "ErasureOut",
    "MeOut",
    "NewToken",
    "NewUser",
    "RoleName",
    "TokenOut",
    "UserChange",
    "UserOut",
]
