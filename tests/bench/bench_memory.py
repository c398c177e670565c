"""Memory: the server's resident memory with 10,000 open conversations, beside the same server idle.

A fresh SQLite database and ``frontline serve``; the resident set size (``VmRSS`` in ``/proc/<pid>/status``) is read
once the server answers, again after one warm-up conversation, and again after 10,000 conversations have been opened
through the API by the load generator (32 at a time). The server keeps no conversation in memory between requests,
so the growth measures caches and allocator high-water marks, not conversations. No target is set.
"""

from __future__ import annotations

import json
import os

import httpx

from .bench_http import scenarios
from .serving import Server, fresh_database, learner_token, loadgen, upgrade
from .summary import Row, size

CONVERSATIONS = int(os.environ.get("FRONTLINE_BENCH_CONVERSATIONS", "10000"))


def warm_up(base: str, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        opened = http.post("/api/v1/conversations", json={"scenario": scenarios()[0], "seed": 1}).json()
        http.post(f"/api/v1/conversations/{opened['id']}/turns", json={"text": "I'm sorry. What happened?", "turn": 1})


def main() -> list[Row]:
    with fresh_database("sqlite") as url:
        upgrade(url)
        token = learner_token(url, "bench")
        with Server(url) as server:
            idle = server.rss()
            warm_up(server.base, token)
            warmed = server.rss()
            picked = [argument for name in scenarios() for argument in ("--scenario", name)]
            opened = json.loads(
                loadgen(
                    "start",
                    "--base",
                    server.base,
                    "--token",
                    token,
                    "--concurrency",
                    "32",
                    "--count",
                    str(CONVERSATIONS),
                    *picked,
                )
            )
            loaded = server.rss()
    print(f"  idle, just started                  {size(idle):>10}")
    print(f"  after one conversation and a turn   {size(warmed):>10}")
    print(
        f"  after {opened['created']:,} conversations opened      {size(loaded):>10}  "
        f"({opened['created'] / opened['seconds']:,.0f} opened a second)"
    )
    return [
        Row(
            f"memory: server RSS with {opened['created']:,} open conversations",
            size(loaded),
            f"idle {size(idle)}, after one turn {size(warmed)}",
        )
    ]


if __name__ == "__main__":
    main()
