"""Scoring throughput: replies per second on one core with a scenario context, beside a same-run baseline.

The baseline lower-cases and splits the same texts, the least any scorer must do, so the ratio between the two
says how much the rules cost whatever the machine's speed today. Target: at least 10,000 replies a second.

Every distinct reply is scored once before the clock starts (patterns compile on first use); the timed run then
scores the labelled replies, each in its scenario with the customer's line, repeated to 50,000, in ten rounds each
beside the baseline on the same replies; the figures are the medians of the rounds.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from scenarios import builtin_scenarios
from scoring import Context, assess

from .summary import Row, per_second

DATA = Path(__file__).resolve().parents[1] / "data"
TARGET = 10_000
REPLIES = 50_000
ROUNDS = 10


def labelled_replies() -> list[tuple[str, str, str | None]]:
    rows: list[tuple[str, str, str | None]] = []
    for path in sorted(DATA.glob("labelled-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                rows.append((item["response"], item.get("customer", ""), item.get("scenario")))
    return rows


def run(replies: int = REPLIES, rounds: int = ROUNDS) -> dict[str, float]:
    scenarios = builtin_scenarios()
    rows = [row for row in labelled_replies() if row[2] is None or row[2] in scenarios]
    work = (rows * (replies // max(len(rows), 1) + 1))[:replies]
    contexts = [Context(scenario=scenarios.get(s) if s else None, customer_line=c) for _, c, s in work]
    texts = [text for text, _, _ in work]
    for text, context in zip(texts[: len(rows)], contexts, strict=False):
        assess(text, context)

    # Rounds alternate the baseline and the scorer on the same slice, so a burst of load from other processes hits
    # one round rather than one of the two figures; the medians are reported.
    size = len(texts) // rounds
    scoring_rates: list[float] = []
    baseline_rates: list[float] = []
    for number in range(rounds):
        chunk = slice(number * size, (number + 1) * size)
        began = time.perf_counter()
        for text in texts[chunk]:
            text.lower().split()
        baseline_rates.append(size / (time.perf_counter() - began))
        began = time.perf_counter()
        for text, context in zip(texts[chunk], contexts[chunk], strict=True):
            assess(text, context)
        scoring_rates.append(size / (time.perf_counter() - began))

    rate = statistics.median(scoring_rates)
    baseline = statistics.median(baseline_rates)
    return {
        "replies": size * rounds,
        "distinct_replies": len(rows),
        "replies_per_second": rate,
        "slowest_round": min(scoring_rates),
        "fastest_round": max(scoring_rates),
        "baseline_per_second": baseline,
        "times_baseline": baseline / rate,
    }


def main() -> list[Row]:
    figures = run()
    rate = figures["replies_per_second"]
    print("scoring: one reply with scenario context, one core")
    print(f"  replies scored          {int(figures['replies']):>10,} ({int(figures['distinct_replies'])} distinct)")
    print(f"  replies per second      {rate:>10,.0f}   target >= {TARGET:,} (median of {ROUNDS} rounds)")
    print(f"  slowest, fastest round  {figures['slowest_round']:>10,.0f}   {figures['fastest_round']:,.0f}")
    print(f"  baseline (lower+split)  {figures['baseline_per_second']:>10,.0f}   per second, same run")
    print(f"  scoring / baseline      {figures['times_baseline']:>10,.1f} x")
    return [
        Row(
            "scoring: replies per second, one core",
            per_second(rate),
            f"lower+split {per_second(figures['baseline_per_second'])} ({figures['times_baseline']:,.0f}x)",
            f">= {TARGET:,} /s",
            rate >= TARGET,
        )
    ]


if __name__ == "__main__":
    main()
