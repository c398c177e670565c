"""The API's request and response bodies (the API family of models: never storage rows, never scenario specs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.services import MAX_SEED

Mode = Literal["practice", "assessed"]
VerdictName = Literal["met", "missed", "breach", "n/a"]
CriterionName = Literal["hear", "empathise", "apologise", "own", "authority", "legal", "escalation", "professional"]

MAX_VERSION = 1_000_000
MAX_TURN = 100_000
_REPLY_EXAMPLE = "I'm so sorry your parcel didn't arrive, that's really frustrating. Could you confirm your postcode?"


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- scenarios ----------------------------------------------------------------------------------------------------
class IssueOut(BaseModel):
    severity: Literal["error", "warning"]
    message: str
    path: str = Field(description="Where in the scenario, e.g. conversation.stages[2].next")
    line: int | None = Field(description="Line of the YAML text, from 1")
    file: str


class ScenarioOut(BaseModel):
    id: str = Field(examples=["parcel-not-delivered"])
    version: int = Field(examples=[1])
    title: str
    summary: str
    sector: str
    channel: str
    difficulty: str
    laws: list[str]
    status: Literal["draft", "published", "retired"]
    builtin: bool
    content_hash: str


class ScenarioDetailOut(BaseModel):
    scenario: ScenarioOut
    briefing: dict[str, Any] = Field(description="Who the learner is, the policy, authority limits, what they can see")
    warnings: list[IssueOut]
    versions: list[ScenarioOut]


class ScenarioText(RequestBody):
    yaml: str = Field(
        description="A scenario file's YAML text (at most 256 KB)",
        examples=["id: my-scenario\nversion: 1\ntitle: ...\n"],
    )


class ValidationOut(BaseModel):
    ok: bool = Field(description="True when there is no error (warnings allowed)")
    errors: int
    warnings: int
    issues: list[IssueOut]


# -- conversations ------------------------------------------------------------------------------------------------
class StartIn(RequestBody):
    scenario: str = Field(min_length=1, max_length=100, examples=["parcel-not-delivered"])
    seed: int | None = Field(
        default=None, ge=0, le=MAX_SEED, description="Same seed, same replies: same conversation", examples=[7]
    )
    mode: Mode = Field(default="practice", description="assessed: no stage, mood or scores until the end")
    version: int | None = Field(
        default=None, ge=1, le=MAX_VERSION, description="A version number; the newest published if left out"
    )


class MoodOut(BaseModel):
    anger: int = Field(ge=0, le=100, examples=[55])
    patience: int = Field(ge=0, le=100, examples=[70])


class MessageOut(BaseModel):
    speaker: Literal["learner", "customer"]
    name: str = Field(examples=["Tom Hughes"])
    text: str


class ConversationOut(BaseModel):
    id: str = Field(examples=["3f2b8c9e4a1d4e0f9b6a7c5d2e1f0a9b"])
    scenario: str
    scenario_version: int
    title: str
    mode: Mode
    seed: int
    turn: int = Field(description="Replies taken so far")
    stage: str | None = Field(description="Null while an assessed conversation runs")
    mood: MoodOut | None
    outcome: str | None = Field(description="resolved, escalated, customer_left or timed_out once it has ended")
    messages: list[MessageOut]


class ReplyIn(RequestBody):
    text: str = Field(
        min_length=1,
        description="The learner's reply (at most the server's reply limit, 2,000 characters by default)",
        examples=[_REPLY_EXAMPLE],
    )
    turn: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TURN,
        description="The turn this reply is for (1 for the first reply); a reply for a turn already taken is 409",
        examples=[1],
    )


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str
    rule: str


class CriterionOut(BaseModel):
    verdict: VerdictName
    evidence: list[EvidenceOut]
    feedback: str


class AssessmentOut(BaseModel):
    """One scored reply, the same shape as ``frontline score --json``."""

    criteria: dict[str, CriterionOut]
    signals: dict[str, Any]


class ReplyOut(BaseModel):
    turn: int
    customer: MessageOut
    stage: str | None
    mood: MoodOut | None
    outcome: str | None
    assessment: AssessmentOut | None = Field(description="Withheld (null) in assessed mode until the conversation ends")
    rubric_version: str | None


class ConversationSummaryOut(BaseModel):
    id: str
    learner: str
    scenario: str
    scenario_version: int
    title: str
    mode: Mode
    turn: int
    stage: str | None
    outcome: str | None
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class PageOut(BaseModel):
    items: list[ConversationSummaryOut]
    page: int
    per_page: int
    total: int


class StateOut(BaseModel):
    stage: str
    anger: int
    patience: int
    escalations: list[str]
    outcome: str | None
    reaction: str | None
    speaker: str | None


class TranscriptLineOut(BaseModel):
    position: int = Field(description="0 is the customer's opening; then learner and customer lines alternate")
    turn: int
    speaker: Literal["learner", "customer"]
    name: str
    text: str
    created_at: datetime
    assessment: AssessmentOut | None
    rubric_version: str | None
    state: StateOut | None = Field(description="After a customer line: the stage, mood and escalations it left")


class TranscriptOut(BaseModel):
    id: str
    learner: str
    scenario: str
    scenario_version: int
    content_hash: str
    title: str
    mode: Mode
    seed: int
    turn: int
    stage: str | None
    mood: MoodOut | None
    outcome: str | None
    started_at: datetime
    finished_at: datetime | None
    signed_off_by: str | None
    lines: list[TranscriptLineOut]


class DifferenceOut(BaseModel):
    position: int
    field: str
    stored: Any
    replayed: Any


class ReplayOut(BaseModel):
    conversation_id: str
    turns: int
    reproduced: bool = Field(description="True when every stored line, stage, mood and assessment came out the same")
    differences: list[DifferenceOut]


# -- reports, reviews, imports ------------------------------------------------------------------------------------
class ReportOut(BaseModel):
    conversation_id: str
    automatic: dict[str, Any] = Field(description="The transcript report from the automatic verdicts")
    reviewed: dict[str, Any] = Field(description="The same with assessors' overrides applied")
    overrides: int


class VerdictChangeOut(BaseModel):
    turn: int
    criterion: str
    stored: VerdictName
    current: VerdictName


class RescoreOut(BaseModel):
    conversation_id: str
    stored: dict[str, Any] = Field(description="The report from the stored assessments")
    current: dict[str, Any] = Field(description="The report under the current rubric")
    band_changed: bool
    changes: list[VerdictChangeOut]


class ReviewIn(RequestBody):
    turn: int = Field(ge=1, le=MAX_TURN, description="The learner's reply number, from 1", examples=[2])
    criterion: CriterionName = Field(examples=["empathise"])
    verdict: VerdictName = Field(examples=["met"])
    reason: str = Field(
        min_length=1, max_length=2000, examples=["'That sounds so stressful' acknowledges her feelings"]
    )


class ReviewOut(BaseModel):
    id: int
    turn: int
    criterion: str
    verdict: VerdictName
    automatic_verdict: VerdictName
    reason: str
    reviewer: str
    created_at: datetime


class SignOffIn(RequestBody):
    note: str = Field(default="", max_length=2000)


class SignOffOut(BaseModel):
    conversation_id: str
    reviewer: str
    band: str
    note: str
    created_at: datetime


class ImportIn(RequestBody):
    content: str = Field(
        description='Plain text with \'Agent:\' / \'Customer:\' lines, or JSON {"turns": [{"speaker", "text"}]}',
        examples=[
            "Customer: My parcel never arrived.\nAgent: I'm sorry, that's frustrating. What's your order number?"
        ],
    )
    format: Literal["text", "json"] = "text"
    scenario: str | None = Field(default=None, max_length=100, description="A scenario id for context, if known")
    source: str = Field(default="", max_length=200, description="Where it came from, e.g. a file name")


class ImportedLineOut(BaseModel):
    speaker: Literal["learner", "customer"]
    text: str
    assessment: AssessmentOut | None


class ImportOut(BaseModel):
    id: str
    scenario: str | None
    source: str
    format: str
    lines: list[ImportedLineOut]
    report: dict[str, Any]
    created_at: datetime
