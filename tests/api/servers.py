"""Real ``frontline serve`` processes for tests: started on free loopback ports, waited for, and stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

FRONTLINE = Path(sys.executable).with_name("frontline")
READY_WITHIN_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(database_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("FRONTLINE_")}
    env.update({"FRONTLINE_DATABASE_URL": database_url, "FRONTLINE_ENVIRONMENT": "test"})
    return env


def frontline(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FRONTLINE), *args], env=server_env(database_url), capture_output=True, text=True, check=False
    )


@contextmanager
def serving(database_url: str, count: int, log_folder: Path) -> Iterator[list[str]]:
    """``count`` server processes on one database; yields their base URLs."""
    processes: list[tuple[subprocess.Popen[bytes], Path]] = []
    urls: list[str] = []
    try:
        for number in range(count):
            port = free_port()
            log = log_folder / f"server-{number}.log"
            with log.open("wb") as handle:
                process = subprocess.Popen(
                    [str(FRONTLINE), "serve", "--host", "127.0.0.1", "--port", str(port)],
                    env=server_env(database_url),
                    stdout=handle,
                    stderr=subprocess.STDOUT,
                )
            processes.append((process, log))
            urls.append(f"http://127.0.0.1:{port}")
        for url, (process, log) in zip(urls, processes, strict=True):
            _wait_ready(url, process, log)
        yield urls
    finally:
        for process, _ in processes:
            process.terminate()
        for process, _ in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_WITHIN_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server at {url} exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the server at {url} did not answer within {READY_WITHIN_SECONDS}s:\n{log.read_text()}")
