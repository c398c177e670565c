"""What a reply is judged against: the scenario, the customer's last line and the conversation so far."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios import CompiledScenario, LegalContext


@dataclass(frozen=True, slots=True)
class Context:
    """Everything outside the reply that the criteria may look at. A bare reply has ``scenario=None``."""

    scenario: CompiledScenario | None = None
    customer_line: str = ""
    identity_verified: bool = False
    third_party: bool | None = None
    expects: tuple[str, ...] = ()
    earlier_replies: tuple[str, ...] = ()
    turn: int = 1

    @property
    def legal(self) -> LegalContext | None:
        return self.scenario.spec.legal if self.scenario else None

    @property
    def speaking_to_third_party(self) -> bool:
        if self.third_party is not None:
            return self.third_party
        return bool(self.legal and self.legal.caller == "third-party")

    @property
    def vulnerable(self) -> bool:
        return bool(self.legal and self.legal.vulnerability)

    @property
    def needs_verification(self) -> bool:
        return bool(self.legal and self.legal.identity_check_required and not self.identity_verified)
