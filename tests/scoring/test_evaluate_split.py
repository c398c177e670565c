"""The dev and held-out splits of labelled replies partition the set by id number."""

from __future__ import annotations

from pathlib import Path

from scoring.evaluate import parse_labelled, select

DATA = Path(__file__).resolve().parent.parent / "data"


def test_splits_partition_the_labelled_replies() -> None:
    replies = parse_labelled((DATA / "labelled-a.jsonl").read_text(encoding="utf-8").splitlines())
    dev, held = select(replies, "dev"), select(replies, "held-out")
    assert len(dev) + len(held) == len(replies) == len(select(replies, "all"))
    assert {r.id for r in dev}.isdisjoint(r.id for r in held)
    assert held
    assert dev
    assert all(int(r.id[1:]) % 5 == 0 for r in held)
    assert all(int(r.id[1:]) % 5 for r in dev)
