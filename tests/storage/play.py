"""Scripted learners for storage and API tests: replies that resolve a built-in scenario, and one that ends it."""

from __future__ import annotations

from typing import Final

SCENARIO: Final = "parcel-not-delivered"
SEED: Final = 7
RESOLVING: Final = (
    "I'm so sorry your parcel didn't arrive, that must be really frustrating, especially the second time.",
    "Can I take your full name and postcode to check the account?",
    "Thank you. I'm going to send a replacement today by next-day delivery, and I'll add £10 goodwill credit.",
)
WALKOUT: Final = "Calm down, it's company policy, end of."
