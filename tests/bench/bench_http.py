"""HTTP turns under load: a real server, a real client process, 64 conversations at once, on SQLite and PostgreSQL.

For each database: a fresh database (``frontline db upgrade``), a learner with an API token, ``frontline serve`` on a
free loopback port, then the load generator (:mod:`tests.bench.loadgen`, its own process) measures the trivial
endpoint ``GET /healthz``, then turns (``POST /api/v1/conversations/{id}/turns`` with 64 conversations replying back
to back), then the trivial endpoint again; the baseline is the mean of the two trivial runs, on the same server in
the same run. Targets: turns per second at least half the trivial rate, and a p99 turn latency of at most 50 ms.

PostgreSQL is ``postgresql://postgres@127.0.0.1:5432`` (or ``FRONTLINE_BENCH_POSTGRES``), where a database
``bench_<pid>_<n>`` is made for the run and dropped after it.
"""

from __future__ import annotations

import json
import os
from typing import Any

from scenarios import builtin_scenarios

from .loadgen import REPLIES
from .serving import Server, fresh_database, learner_token, loadgen, postgres_available, upgrade
from .summary import Row, millis, per_second

CONCURRENCY = 64
SECONDS = float(os.environ.get("FRONTLINE_BENCH_SECONDS", "15"))
SHARE_TARGET = 0.5
P99_TARGET_MS = 50.0


def scenarios() -> list[str]:
    return sorted(set(builtin_scenarios()) & set(REPLIES))


def measure(kind: str) -> dict[str, Any]:
    with fresh_database(kind) as url:
        upgrade(url)
        token = learner_token(url, "bench")
        with Server(url) as server:
            common = ["--base", server.base, "--concurrency", str(CONCURRENCY), "--seconds", str(SECONDS)]
            before = json.loads(loadgen("trivial", *common))
            picked = [argument for name in scenarios() for argument in ("--scenario", name)]
            turns = json.loads(loadgen("turns", *common, "--token", token, *picked))
            after = json.loads(loadgen("trivial", *common))
    trivial = (before["per_second"] + after["per_second"]) / 2
    return {"kind": kind, "trivial": trivial, "trivial_runs": (before, after), "turns": turns}


def rows_for(result: dict[str, Any]) -> list[Row]:
    kind, turns, trivial = result["kind"], result["turns"], result["trivial"]
    share = turns["per_second"] / trivial if trivial else 0.0
    healthz = result["trivial_runs"][0]
    return [
        Row(
            f"http {kind}: turns per second, {CONCURRENCY} conversations",
            per_second(turns["per_second"]),
            f"GET /healthz {per_second(trivial)} ({share:.0%})",
            f">= {SHARE_TARGET:.0%} of /healthz",
            share >= SHARE_TARGET,
        ),
        Row(
            f"http {kind}: turn latency p99",
            millis(turns["p99_ms"]),
            f"/healthz p99 {millis(healthz['p99_ms'])}",
            f"<= {P99_TARGET_MS:.0f} ms",
            turns["p99_ms"] <= P99_TARGET_MS,
        ),
        Row(
            f"http {kind}: turn latency p50",
            millis(turns["p50_ms"]),
            f"/healthz p50 {millis(healthz['p50_ms'])}",
        ),
    ]


def report(result: dict[str, Any]) -> None:
    turns = result["turns"]
    print(f"\n{result['kind']}")
    runs = (("GET /healthz, before", result["trivial_runs"][0]), ("POST .../turns", turns))
    for label, run in (*runs, ("GET /healthz, after", result["trivial_runs"][1])):
        print(
            f"  {label:<22} {run['per_second']:>7,.0f} /s  p50 {run['p50_ms']:>7.1f} ms  p99 {run['p99_ms']:>7.1f} ms  "
            f"client CPU {run['client_cpu']:>4.0%}  statuses {run['statuses']}"
        )
    print(f"  ({turns['requests']:,} turns in {turns['conversations_started']:,} conversations)")


def main() -> list[Row]:
    rows: list[Row] = []
    for kind in ("sqlite", "postgresql"):
        if kind == "postgresql" and not postgres_available():
            print("\npostgresql: no server at FRONTLINE_BENCH_POSTGRES; skipped")
            rows.append(Row("http postgresql: no server to measure", "-", "-", "runs", False))
            continue
        result = measure(kind)
        report(result)
        rows += rows_for(result)
    return rows


if __name__ == "__main__":
    main()
