"""The debrief: grade band, each criterion with the learner's words marked, the law behind each legal point, and a
stronger reply to compare. Built from the stored assessments and the report the services give; nothing is graded
here except the stronger reply, which the rubric scores in the learner's own context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.conversation import begin, context_for, take_turn
from app.services import ConversationReport, Transcript, assessment_from_json
from scenarios import CompiledScenario
from scoring import Context, rules

from .exemplar import Stronger, compare
from .highlight import Kind, Segment, Span, segments
from .labels import words


@dataclass(frozen=True, slots=True)
class RuleNote:
    id: str
    title: str
    law: str
    feedback: str
    severity: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A reply of the learner's with the words that counted for a criterion marked."""

    turn: int
    segments: tuple[Segment, ...]
    rules: tuple[RuleNote, ...]


@dataclass(frozen=True, slots=True)
class CriterionView:
    id: str
    name: str
    verdict: str
    automatic: str
    feedback: str
    quotes: tuple[Quote, ...]

    @property
    def overridden(self) -> bool:
        return self.verdict != self.automatic


@dataclass(frozen=True, slots=True)
class Reply:
    turn: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class TranscriptEntry:
    speaker: str
    name: str
    text: str
    reply: Reply | None


@dataclass(frozen=True, slots=True)
class Debrief:
    id: str
    title: str
    scenario_id: str
    mode: str
    seed: int
    band: str
    automatic_band: str
    score: int
    capped: bool
    outcome: str
    turns: int
    rubric_version: str
    overrides: int
    criteria: tuple[CriterionView, ...]
    legal: tuple[RuleNote, ...]
    entries: tuple[TranscriptEntry, ...]
    stronger: Stronger | None


def rule_note(rule_id: str) -> RuleNote | None:
    rule = rules().get(rule_id)
    if rule is None:
        return None
    return RuleNote(rule.id, rule.title, rule.law, rule.feedback, rule.severity)


def _replies(transcript: Transcript) -> list[tuple[str, dict[str, Any]]]:
    return [(line.text, line.assessment or {"criteria": {}}) for line in transcript.lines if line.speaker == "learner"]


def _spans(assessment: dict[str, Any], only: str | None = None) -> list[Span]:
    found: list[Span] = []
    for name, result in assessment.get("criteria", {}).items():
        if only is not None and name != only:
            continue
        kind: Kind = "earned" if result["verdict"] == "met" else "lost"
        for item in result["evidence"]:
            note = rule_note(item["rule"])
            why = f"{words(name)}: {note.title}" if note else words(name)
            found.append(Span(int(item["start"]), int(item["end"]), kind, why))
    return found


def contexts(scenario: CompiledScenario, seed: int, replies: list[str]) -> list[Context]:
    """The context each reply was given in, rebuilt by playing the replies again (the engine is pure)."""
    state, _ = begin(scenario, seed)
    found: list[Context] = []
    for text in replies:
        if state.ended:
            break
        found.append(context_for(scenario, state))
        state = take_turn(scenario, state, text).step.state
    return found


def debrief(transcript: Transcript, report: ConversationReport, scenario: CompiledScenario) -> Debrief:
    reviewed, automatic = report.reviewed, report.automatic
    replies = _replies(transcript)
    criteria: list[CriterionView] = []
    for name, summary in reviewed["criteria"].items():
        turns = sorted({int(item["turn"]) for item in summary["evidence"]})
        quotes = []
        for turn in turns:
            text, assessment = replies[turn - 1]
            rule_ids = dict.fromkeys(item["rule"] for item in summary["evidence"] if int(item["turn"]) == turn)
            notes = tuple(note for rule_id in rule_ids if (note := rule_note(rule_id)) is not None)
            quotes.append(Quote(turn, segments(text, _spans(assessment, only=name)), notes))
        criteria.append(
            CriterionView(
                id=name,
                name=summary["name"],
                verdict=summary["verdict"],
                automatic=automatic["criteria"][name]["verdict"],
                feedback=summary["feedback"],
                quotes=tuple(quotes),
            )
        )
    legal = tuple(note for item in reviewed["rules_broken"] if (note := rule_note(item["id"])) is not None)
    entries: list[TranscriptEntry] = []
    turn = 0
    for line in transcript.lines:
        reply = None
        if line.speaker == "learner":
            turn += 1
            reply = Reply(turn, segments(line.text, _spans(line.assessment or {})))
        entries.append(TranscriptEntry(line.speaker, line.name, line.text, reply))
    texts = [text for text, _ in replies]
    stored = [assessment_from_json({**a, "rubric_version": ""}) for _, a in replies if a.get("criteria")]
    found_contexts = contexts(scenario, transcript.seed, texts)
    stronger = None
    if len(stored) == len(texts) == len(found_contexts):
        stronger = compare(scenario, found_contexts, texts, stored)
    return Debrief(
        id=transcript.id,
        title=transcript.title,
        scenario_id=transcript.scenario_id,
        mode=transcript.mode,
        seed=transcript.seed,
        band=reviewed["band"],
        automatic_band=automatic["band"],
        score=round(float(reviewed["score"]) * 100),
        capped=bool(reviewed["capped"]),
        outcome=transcript.outcome or "",
        turns=int(reviewed["turns"]),
        rubric_version=reviewed["rubric_version"],
        overrides=report.overrides,
        criteria=tuple(criteria),
        legal=legal,
        entries=tuple(entries),
        stronger=stronger,
    )


__all__ = [
    "CriterionView",
    "Debrief",
    "Quote",
    "Reply",
    "RuleNote",
    "TranscriptEntry",
    "contexts",
    "debrief",
    "rule_note",
]
