"""A real Frontline server for the load, memory and fault benchmarks: a fresh database, accounts, and a
``frontline serve`` process on a free loopback port that can be stopped, killed and started again.

Example::

    with fresh_database("sqlite") as url:
        upgrade(url)
        token = learner_token(url, "bench")
        with Server(url) as server:
            ...  # server.base is http://127.0.0.1:<port>; server.rss() is its resident memory in bytes
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parents[2]
FRONTLINE = str(Path(sys.executable).with_name("frontline"))
POSTGRES_ADMIN = os.environ.get("FRONTLINE_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
STARTUP_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(url: str) -> dict[str, str]:
    """The server's and commands' environment: this database, test settings (no demo accounts)."""
    return {**os.environ, "FRONTLINE_DATABASE_URL": url, "FRONTLINE_ENVIRONMENT": "test"}


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, connect_timeout=3):
            return True
    except Exception:  # any failure to connect means: no PostgreSQL here
        return False


@contextmanager
def fresh_database(kind: str) -> Iterator[str]:
    """The URL of an empty database made for this run and removed afterwards: a SQLite file in a temporary folder,
    or a PostgreSQL database ``bench_<pid>_<n>`` on the local server."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="frontline-bench-") as folder:
            yield f"sqlite:///{folder}/frontline.sqlite3"
        return
    import psycopg

    name = f"bench_{os.getpid()}_{time.monotonic_ns() % 1_000_000}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = POSTGRES_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def frontline(url: str, *arguments: str) -> str:
    """Run a ``frontline`` command on this database and return what it printed; fail loudly if it fails."""
    done = subprocess.run(
        [FRONTLINE, *arguments], env=environment(url), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"frontline {' '.join(arguments)} failed ({done.returncode}): {done.stderr or done.stdout}")
    return done.stdout


def upgrade(url: str) -> None:
    frontline(url, "db", "upgrade")


def learner_token(url: str, name: str) -> str:
    """A new learner account and an API token acting as it."""
    frontline(url, "users", "add", name, "--role", "learner", "--no-password")
    return frontline(url, "users", "token", name).strip().splitlines()[-1]


class Server:
    """``frontline serve`` on a free loopback port, its output in a log file."""

    def __init__(self, url: str, *, workers: int = 1) -> None:
        self.url = url
        self.workers = workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.mkstemp(prefix="frontline-server-", suffix=".log")[1])
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        command = [FRONTLINE, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, env=environment(self.url), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        self.wait_until_ready()
        return self

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}): {self.tail()}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the server did not answer /healthz within {STARTUP_SECONDS:.0f} s: {self.tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing, as when the machine loses power to the process."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def rss(self) -> int:
        """Resident memory of the server process (and its workers, if several), in bytes."""
        assert self.process is not None
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_rss(pid) for pid in pids)

    def tail(self, lines: int = 20) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()
        self.log.unlink(missing_ok=True)


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = task / "children"
        if children.exists():
            found += [int(child) for child in children.read_text(encoding="utf-8").split()]
    return found + [grandchild for child in found for grandchild in _children(child)]


def loadgen(*arguments: str, timeout: float = 3600) -> str:
    """Run the load generator as its own process (a real client, not the test client) and return its output."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.loadgen", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the load generator failed ({done.returncode}): {done.stderr[-3000:]}")
    return done.stdout
