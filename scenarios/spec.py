"""What a trainer may write in a scenario file.

These are the authored models: strict, frozen and closed (``extra="forbid"``), so a typo in a key, ``yes`` where
words were meant, or a number where a list was meant is an error that names the field. The compile step
(:mod:`scenarios.compile`) checks the scenario as a whole once these models accept it.

Field descriptions are written for trainers: they become the JSON Schema that editors use for completion.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator, model_validator

Text = Annotated[str, Strict(), Field(min_length=1)]
Count = Annotated[int, Strict(), Field(ge=0)]
Flag = Annotated[bool, Strict()]
Money = Annotated[float, Field(ge=0, le=1_000_000)]
Level = Annotated[int, Strict(), Field(ge=0, le=100)]
Lines = Annotated[tuple[Text, ...], Field(min_length=1)]
Identifier = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
ScenarioId = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=80)]

Sector = Literal[
    "retail",
    "online-retail",
    "home-services",
    "telecoms",
    "energy",
    "financial-services",
    "travel",
    "housing",
    "public-sector",
    "digital",
    "other",
]
Channel = Literal["in-store", "phone", "web-chat", "email", "social-media"]
Difficulty = Literal["foundation", "intermediate", "advanced"]
Law = Literal[
    "consumer-rights-act-2015",
    "consumer-contracts-regulations-2013",
    "uk-gdpr",
    "equality-act-2010",
    "consumer-credit-act-1974",
    "dmcc-act-2024",
    "ofcom-complaints-code",
    "fca-disp",
    "ofgem-complaints",
    "housing-ombudsman-code",
    "compensation-act-2006",
]
OfferKind = Literal[
    "refund",
    "replacement",
    "repair",
    "voucher",
    "credit",
    "waiver",
    "compensation",
    "collection",
    "revisit",
    "engineer",
    "cancellation",
    "price_reduction",
    "claim",
]
Permission = Literal[
    "process_refund",
    "process_cancellation",
    "arrange_replacement",
    "arrange_repair",
    "book_collection",
    "book_revisit",
    "book_engineer",
    "issue_voucher",
    "apply_credit",
    "reship_order",
    "log_complaint",
    "open_section_75_claim",
    "discuss_account_after_verification",
    "flag_vulnerability",
    "refer_claim",
]
Reaction = Literal["neutral", "calmer", "angrier", "pushback"]
Guard = Literal[
    "always",
    "heard",
    "empathised",
    "apologised",
    "owned",
    "identity_verified",
    "referral_made",
    "offer_accepted",
    "adjustment_offered",
]
Expectation = Literal["referral", "verification", "adjustment", "boundary", "none"]
EscalationEvent = Literal[
    "manager_demanded",
    "ombudsman_threatened",
    "social_media_threatened",
    "third_party_joins",
    "disability_disclosed",
    "vulnerability_disclosed",
    "legal_action_threatened",
    "customer_gives_up",
]
Outcome = Literal["resolved", "escalated", "customer_left", "timed_out"]

REACTIONS: tuple[Reaction, ...] = ("neutral", "calmer", "angrier", "pushback")
HEAT_STAGES: tuple[str, ...] = ("hear", "empathise", "apologise", "own", "resolution")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScreenItem(_Spec):
    label: Text = Field(description="What the learner sees, e.g. 'Order history'.")
    value: Text = Field(description="The content shown beside it.")


class Reserved(_Spec):
    """A remedy someone else decides: promising it is beyond the learner's authority; referring it is right."""

    id: Identifier
    kind: OfferKind = Field(description="What sort of remedy it is.")
    decided_by: Text = Field(description="Who decides it, e.g. 'the retention team'.")
    mentions: tuple[Text, ...] = Field(
        min_length=1, description="Words a learner would use for it, e.g. 'exit fee', 'termination charge'."
    )


class Authority(_Spec):
    """What the learner may do alone. Amounts are pounds sterling."""

    limits: dict[OfferKind, Money] = Field(
        default_factory=dict,
        description="Most the learner may give of each kind without approval, e.g. {refund: 100, voucher: 10}.",
    )
    permissions: tuple[Permission, ...] = Field(default=(), description="Named things the learner may do.")
    reserved: tuple[Reserved, ...] = Field(default=(), description="Remedies only another team may grant.")
    refer_to: Text = Field(description="Who the learner refers to above their limits, e.g. 'team leader'.")


class Briefing(_Spec):
    """What the learner reads before the conversation."""

    role: Text
    organisation: Text
    policy: Text = Field(description="The organisation's policy as the learner is told it (may be wrong in law).")
    authority: Authority
    on_screen: tuple[ScreenItem, ...] = Field(default=(), description="What the learner can see on screen.")


class Temperament(_Spec):
    anger: Level = Field(description="Starting anger, 0 (calm) to 100 (furious).")
    patience: Level = Field(description="Starting patience, 0 to 100; at 0 the customer gives up.")


class Fact(_Spec):
    """Something the customer knows. Hidden facts come out only when the learner asks about them."""

    value: Text = Field(description="The fact as words, used for {placeholders}, e.g. '£45'.")
    say: Lines = Field(description="How the customer answers when asked; may use {placeholders}.")
    asked_by: tuple[Text, ...] = Field(
        min_length=1, description="Words in a learner's question that ask for this fact, e.g. 'order number'."
    )
    hidden: Flag = Field(default=False, description="True if the customer mentions it only when asked.")


class Wants(_Spec):
    remedy: OfferKind = Field(description="What the customer asks for.")
    amount: Money | None = Field(default=None, description="The amount asked for, in pounds, if any.")
    accepts: tuple[OfferKind, ...] = Field(min_length=1, description="Remedies the customer would accept.")
    minimum: Money | None = Field(default=None, description="Below this amount a money offer is refused.")


class Customer(_Spec):
    name: Text
    age: Annotated[int, Strict(), Field(ge=16, le=110)] | None = None
    situation: Text = Field(description="A sentence or two on who they are and what happened.")
    temperament: Temperament
    wants: Wants
    facts: dict[Identifier, Fact] = Field(description="Facts keyed by name; lines use them as {name}.")


class LegalContext(_Spec):
    """The facts the law turns on. Leave out what does not apply."""

    supply: Literal["goods", "service", "digital-content", "credit", "account"] = Field(description="What was bought.")
    purchase_route: Literal["in-store", "online", "phone", "doorstep", "not-applicable"]
    price: Money | None = None
    delivery_charge: Money | None = None
    payment_method: Literal["cash", "debit-card", "credit-card", "bank-transfer", "direct-debit", "other"] | None = None
    days_since_delivery: Count | None = None
    delivered: Flag | None = Field(default=None, description="False if the goods never reached the customer.")
    faulty: Flag | None = None
    prior_repairs: Count = 0
    sale_item: Flag = False
    has_receipt: Flag = True
    returns_policy_days: Count | None = Field(default=None, description="The trader's own returns window, if any.")
    caller: Literal["account-holder", "third-party"] = "account-holder"
    identity_check_required: Flag = Field(
        default=False, description="True if the learner must verify identity before discussing the account."
    )
    vulnerability: tuple[Identifier, ...] = Field(
        default=(), description="Disclosed circumstances, e.g. carer, hearing_loss, age_78, hospital."
    )
    complaint_started: dt.date | None = None
    today: dt.date | None = None
    exit_fee: Money | None = None
    consequential_loss: Money | None = Field(default=None, description="Loss caused beyond the item, e.g. a floor.")
    trader_insolvent: Flag = False


class Stage(_Spec):
    id: Identifier
    goal: Text = Field(description="What this stage is about, for the learner's tracker and the diagram.")
    advance_when: Guard = Field(description="The condition that moves the customer on to the next stage.")
    next: Identifier | None = Field(default=None, description="The stage after this one; none for the last.")
    lines: dict[Reaction, Lines] = Field(
        description="The customer's lines while in this stage, per reaction: neutral, calmer, angrier, pushback."
    )


class Trigger(_Spec):
    """Exactly one condition that sets off an escalation point."""

    anger_at_least: Level | None = None
    after_turn: Annotated[int, Strict(), Field(ge=1, le=100)] | None = None
    breach: Literal["authority", "legal", "professional"] | None = None
    offer_beyond_authority: Literal[True] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Trigger:
        set_fields = [name for name, value in self if value is not None]
        if len(set_fields) != 1:
            raise ValueError("give exactly one of anger_at_least, after_turn, breach, offer_beyond_authority")
        return self


class Escalation(_Spec):
    """A point where the conversation changes: a manager demanded, a relative joins, a disability disclosed."""

    id: Identifier
    event: EscalationEvent = Field(description="What happens, in the words of the catalogue.")
    trigger: Trigger
    says: Lines = Field(description="What the customer (or the new speaker) says when it happens.")
    speaker: Text | None = Field(default=None, description="Who speaks from now on, if someone new joins.")
    expects: Expectation = Field(description="What good handling looks like next.")
    anger: Annotated[int, Strict(), Field(ge=-100, le=100)] = Field(default=0, description="Change in anger.")
    becomes_third_party: Flag = Field(default=False, description="True if the new speaker is not the customer.")
    discloses: tuple[Identifier, ...] = Field(default=(), description="Vulnerabilities revealed, e.g. hearing_loss.")


class OutcomeSpec(_Spec):
    when: Guard | None = Field(default=None, description="The condition that ends the conversation this way.")
    reachable_from: tuple[Identifier, ...] = Field(
        default=(), description="Stages this outcome can happen in; empty means any stage."
    )
    says: Lines = Field(description="The customer's last line.")


class Reactions(_Spec):
    """Lines used in any stage."""

    accept_offer: Lines
    reject_offer: Lines
    unknown_question: Lines = Field(description="When asked something the customer does not know.")
    verification: Lines | None = Field(
        default=None, description="Answering security questions (needed if identity checks are required)."
    )


class Conversation(_Spec):
    turn_limit: Annotated[int, Strict(), Field(ge=2, le=60)] = 14
    opening: Lines = Field(description="The customer's first line.")
    start: Identifier = Field(default="hear", description="The first stage.")
    stages: tuple[Stage, ...] = Field(min_length=1)
    reactions: Reactions
    escalations: tuple[Escalation, ...] = ()
    outcomes: dict[Outcome, OutcomeSpec] = Field(description="How the conversation may end.")

    @field_validator("outcomes")
    @classmethod
    def _has_endings(cls, value: dict[Outcome, OutcomeSpec]) -> dict[Outcome, OutcomeSpec]:
        for needed in ("customer_left", "timed_out"):
            if needed not in value:
                raise ValueError(f"every scenario needs a '{needed}' outcome")
        return value


class ScenarioSpec(_Spec):
    """One scenario file."""

    format: Literal[1] = Field(description="The scenario format version; currently 1.")
    id: ScenarioId
    version: Annotated[int, Strict(), Field(ge=1)]
    title: Text
    summary: Text
    sector: Sector
    channel: Channel
    difficulty: Difficulty
    topics: tuple[Text, ...] = Field(min_length=1)
    laws: tuple[Law, ...] = ()
    briefing: Briefing
    customer: Customer
    legal: LegalContext
    conversation: Conversation


__all__ = [
    "HEAT_STAGES",
    "PLACEHOLDER",
    "REACTIONS",
    "Authority",
    "Briefing",
    "Conversation",
    "Customer",
    "Escalation",
    "EscalationEvent",
    "Fact",
    "Guard",
    "LegalContext",
    "OfferKind",
    "Outcome",
    "OutcomeSpec",
    "Reaction",
    "Reactions",
    "Reserved",
    "ScenarioSpec",
    "Stage",
    "Temperament",
    "Trigger",
    "Wants",
]
