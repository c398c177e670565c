"""The load generator: a client process of its own (asyncio and httpx) that drives a running Frontline server.

It imports nothing of Frontline, so its cost is a client's cost. Modes, each printing one JSON object:

- ``trivial``: ``--concurrency`` callers ask ``GET /healthz`` back to back for ``--seconds``.
- ``turns``: ``--concurrency`` conversations, each replying as soon as the customer has answered; a conversation
  that ends is followed by a new one. Reports turns per second and latency percentiles of the turn requests.
- ``start``: open ``--count`` conversations (for the memory benchmark).
- ``play``: the fault run: ``--slots`` learners each send ``--turns`` replies, starting a new conversation when one
  ends, and riding out a server that disappears: a request that got no answer is sent again for the same turn, and
  a 409 for that turn means the earlier attempt was stored, which the transcript confirms. Every acknowledged turn
  (HTTP 200) is written to ``--acks`` as a JSON line as it happens.
- ``continue``: one more reply in each conversation listed in ``--ids`` (a file, one id a line) that has not ended.

Replies are the labelled replies of ``tests/data`` for the conversation's scenario, in order.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

DATA = Path(__file__).resolve().parents[1] / "data"
API = "/api/v1/conversations"
FALLBACK = "I'm sorry about this. Could you tell me what happened, so I can put it right?"


def replies_by_scenario() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(DATA.glob("labelled-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found.setdefault(item.get("scenario") or "", []).append(item["response"])
    return found


REPLIES = replies_by_scenario()


def reply_for(scenario: str, turn: int, offset: int) -> str:
    choices = REPLIES.get(scenario) or [FALLBACK]
    return choices[(offset + turn) % len(choices)]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def stats(latencies: list[float], seconds: float, statuses: Counter[str]) -> dict[str, Any]:
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "per_second": len(latencies) / seconds if seconds else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        "statuses": dict(statuses),
    }


def client(base: str, token: str | None) -> httpx.AsyncClient:
    """One caller's client with one kept-alive connection: httpx's shared pool costs the client more CPU per request
    the more connections it holds, which would make the client, not the server, the limit."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    return httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=120)


async def trivial(options: argparse.Namespace) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    warm_until = time.perf_counter() + options.warmup
    stop = warm_until + options.seconds

    async def caller() -> None:
        async with client(options.base, None) as http:
            while (now := time.perf_counter()) < stop:
                response = await http.get("/healthz")
                if now >= warm_until:
                    latencies.append(time.perf_counter() - now)
                    statuses[str(response.status_code)] += 1

    await asyncio.gather(*(caller() for _ in range(options.concurrency)))
    return stats(latencies, options.seconds, statuses)


async def start(http: httpx.AsyncClient, scenario: str, seed: int) -> dict[str, Any]:
    response = await http.post(API, json={"scenario": scenario, "seed": seed})
    response.raise_for_status()
    return dict(response.json())


async def turns(options: argparse.Namespace) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    started = 0
    seeds = itertools.count(1)
    warm_until = time.perf_counter() + options.warmup
    stop = warm_until + options.seconds

    async def conversation(slot: int) -> None:
        nonlocal started
        scenario = options.scenario[slot % len(options.scenario)]
        async with client(options.base, options.token) as http:
            while time.perf_counter() < stop:
                opened = await start(http, scenario, next(seeds))
                started += 1
                turn = 1
                while (now := time.perf_counter()) < stop:
                    text = reply_for(scenario, turn, slot * 7)
                    response = await http.post(f"{API}/{opened['id']}/turns", json={"text": text, "turn": turn})
                    if now >= warm_until:
                        latencies.append(time.perf_counter() - now)
                        statuses[str(response.status_code)] += 1
                    if response.status_code != 200 or response.json()["outcome"] is not None:
                        break
                    turn += 1

    await asyncio.gather(*(conversation(slot) for slot in range(options.concurrency)))
    result = stats(latencies, options.seconds, statuses)
    result["conversations_started"] = started
    return result


async def open_many(options: argparse.Namespace) -> dict[str, Any]:
    ids: list[str] = []
    numbers = iter(range(options.count))
    began = time.perf_counter()

    async def opener() -> None:
        async with client(options.base, options.token) as http:
            for number in numbers:
                opened = await start(http, options.scenario[number % len(options.scenario)], number)
                ids.append(opened["id"])

    await asyncio.gather(*(opener() for _ in range(options.concurrency)))
    return {"created": len(ids), "seconds": time.perf_counter() - began}


class Player:
    """One learner in the fault run, keeping a record of what the server acknowledged."""

    def __init__(self, http: httpx.AsyncClient, options: argparse.Namespace, acks: Any, tally: Counter[str]) -> None:
        self.http, self.options, self.acks, self.tally = http, options, acks, tally

    async def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        """Send until an answer comes back: a refused connection or a dropped request means the server is down."""
        while True:
            try:
                response = await self.http.request(method, path, json=body)
            except httpx.TransportError:
                self.tally["no answer"] += 1
                await asyncio.sleep(0.2 + random.random() * 0.3)
                continue
            if response.status_code == 503:  # busy: nothing was stored, try again
                self.tally["503 then retried"] += 1
                await asyncio.sleep(0.2)
                continue
            return response

    async def stored_reply(self, conversation: str, turn: int) -> str | None:
        transcript = (await self.request("GET", f"{API}/{conversation}")).json()
        return next((line["text"] for line in transcript["lines"] if line["position"] == 2 * turn - 1), None)

    async def play(self, slot: int) -> None:
        scenario = self.options.scenario[slot % len(self.options.scenario)]
        sent = 0
        while sent < self.options.turns:
            opened = await self.request("POST", API, {"scenario": scenario, "seed": slot * 1000 + sent})
            if opened.status_code != 201:
                raise RuntimeError(f"could not start a conversation: {opened.status_code} {opened.text}")
            conversation, turn, outcome = opened.json()["id"], 1, None
            self.tally["conversations"] += 1
            while sent < self.options.turns and outcome is None:
                text = reply_for(scenario, turn, slot)
                response = await self.request("POST", f"{API}/{conversation}/turns", {"text": text, "turn": turn})
                if response.status_code == 200:
                    outcome = response.json()["outcome"]
                    self.acks.write(json.dumps({"conversation": conversation, "turn": turn, "text": text}) + "\n")
                    self.acks.flush()
                    self.tally["acknowledged"] += 1
                elif response.status_code == 409:
                    # an earlier attempt that got no answer was stored after all (the turn is taken, or it ended
                    # the conversation): not acknowledged, but not lost either
                    if await self.stored_reply(conversation, turn) != text:
                        raise RuntimeError(f"turn {turn} of {conversation}: 409 {response.text}, and not stored")
                    self.tally["stored without an answer"] += 1
                    transcript = (await self.request("GET", f"{API}/{conversation}")).json()
                    outcome = transcript["outcome"]
                else:
                    raise RuntimeError(f"turn {turn} of {conversation}: {response.status_code} {response.text}")
                turn += 1
                sent += 1


async def play(options: argparse.Namespace) -> dict[str, Any]:
    tally: Counter[str] = Counter()
    began = time.perf_counter()
    slots = iter(range(options.slots))
    with open(options.acks, "a", encoding="utf-8") as acks:

        async def worker() -> None:
            async with client(options.base, options.token) as http:
                player = Player(http, options, acks, tally)
                for slot in slots:
                    await player.play(slot)

        await asyncio.gather(*(worker() for _ in range(options.concurrency)))
    return {"seconds": time.perf_counter() - began, **tally}


async def continue_each(options: argparse.Namespace) -> dict[str, Any]:
    ids = [line.strip() for line in Path(options.ids).read_text(encoding="utf-8").splitlines() if line.strip()]
    tally: Counter[str] = Counter()
    async with httpx.AsyncClient(
        base_url=options.base, headers={"Authorization": f"Bearer {options.token}"}, timeout=120
    ) as http:
        gate = asyncio.Semaphore(options.concurrency)

        async def one_more(conversation: str) -> None:
            async with gate:
                found = (await http.get(f"{API}/{conversation}")).json()
                if found["outcome"] is not None:
                    tally["ended"] += 1
                    return
                text = reply_for(found["scenario"], found["turn"] + 1, 3)
                response = await http.post(
                    f"{API}/{conversation}/turns", json={"text": text, "turn": found["turn"] + 1}
                )
                tally["continued" if response.status_code == 200 else f"failed {response.status_code}"] += 1

        await asyncio.gather(*(one_more(conversation) for conversation in ids))
    return dict(tally)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.loadgen", description=__doc__)
    parser.add_argument("mode", choices=["trivial", "turns", "start", "play", "continue"])
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--token", default=None)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--scenario", action="append", default=[])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--slots", type=int, default=200)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--acks", default="acks.jsonl")
    parser.add_argument("--ids", default="ids.txt")
    options = parser.parse_args(argv)
    if not options.scenario:
        options.scenario = sorted(name for name in REPLIES if name)
    return options


MODES = {"trivial": trivial, "turns": turns, "start": open_many, "play": play, "continue": continue_each}


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def main(argv: list[str]) -> int:
    options = arguments(argv)
    began, cpu = time.perf_counter(), cpu_seconds()
    result = asyncio.run(MODES[options.mode](options))
    # the client's own share of a core: near 100% means the client, not the server, set the pace
    result["client_cpu"] = (cpu_seconds() - cpu) / (time.perf_counter() - began)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
