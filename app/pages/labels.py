"""Words for ids: how a law, sector, outcome or permission id reads on a page (``data/labels.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files("app.pages").joinpath("data", "labels.yaml").read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    return {section: {str(k): str(v) for k, v in entries.items()} for section, entries in loaded.items()}


def words(identifier: str | None) -> str:
    """``"process_refund"`` → ``"Process refund"``, unless the labels file says better."""
    if not identifier:
        return ""
    named = _labels()["words"].get(identifier) or _labels()["laws"].get(identifier)
    if named:
        return named
    spaced = identifier.replace("-", " ").replace("_", " ").strip()
    return spaced[:1].upper() + spaced[1:]


def law_name(identifier: str) -> str:
    """The short title of a law id from a scenario file."""
    return _labels()["laws"].get(identifier, words(identifier))


def money(amount: float | None) -> str:
    """Pounds as a person writes them: £45, £4.99, £1,200."""
    if amount is None:
        return ""
    if float(amount).is_integer():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


__all__ = ["law_name", "money", "words"]
