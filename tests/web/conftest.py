"""Browser tests: a real ``frontline serve`` on a loopback port, driven by Playwright through the system Chromium.

The server runs in a subprocess against a fresh SQLite file, exactly as ``make run`` would start it. Each test gets
a new browser page; :func:`check_page` runs axe-core (installed from npm by ``make``) on it and fails on any serious
or critical violation, and :func:`shoot` saves a screenshot to ``tests/artifacts/screenshots``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

from app.accounts import add_members, add_user
from app.db import Database
from tests.conftest import _unavailable

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_ATTEMPTS = 300  # polls of /healthz, a tenth of a second apart, before the server counts as broken


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _frontline() -> list[str]:
    script = Path(sys.executable).with_name("frontline")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from app.cli import main; main()"]


PASSWORD = "correct horse battery staple"
PEOPLE = (("lena", "learner", "Lena Learner"), ("ada", "assessor", "Ada Assessor"), ("tom", "trainer", "Tom Trainer"))


def _add_people(database_url: str) -> None:
    """One person of each role, the learner in the assessor's cohort, before the server starts."""
    database = Database.connect(database_url)
    try:
        with database.session() as session:
            for name, role, shown in PEOPLE:
                add_user(session, name, role, password=PASSWORD, display_name=shown)
            add_members(session, "cohort-one", ["ada", "lena"])
    finally:
        database.dispose()


def sign_in(page: Page, name: str) -> None:
    """Sign in through the form, as a person would."""
    page.goto("/signin")
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".account")).to_contain_text({n: s for n, _, s in PEOPLE}[name])


@dataclass
class Server:
    url: str
    database_url: str
    env: dict[str, str]
    log: Path


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A running Frontline on a free loopback port, with its own empty database, for the whole session."""
    folder = tmp_path_factory.mktemp("server")
    database_url = f"sqlite:///{folder / 'frontline.sqlite3'}"
    env = {
        **os.environ,
        "FRONTLINE_DATABASE_URL": database_url,
        "FRONTLINE_ENVIRONMENT": "test",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run([*_frontline(), "db", "upgrade"], env=env, check=True, capture_output=True, cwd=ROOT)
    _add_people(database_url)
    port = _free_port()
    log = folder / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [*_frontline(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(START_ATTEMPTS):
            if process.poll() is not None:
                pytest.fail(f"frontline serve exited with {process.returncode}:\n{log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        else:
            pytest.fail(f"frontline serve did not answer /healthz:\n{log.read_text()}")
        yield Server(url, database_url, env, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright, chromium_path: Path) -> Iterator[Browser]:
    launched = playwright_session.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@dataclass
class Console:
    """Errors the page reported: script errors and content-security-policy refusals fail the test."""

    errors: list[str] = field(default_factory=list)

    def __call__(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser: Browser, server: Server, console: Console) -> Iterator[Page]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    opened.on("console", console)
    opened.on("pageerror", lambda error: console.errors.append(str(error)))
    yield opened
    context.close()
    assert console.errors == [], f"the browser reported errors: {console.errors}\n{_log_tail(server)}"


def _log_tail(server: Server, lines: int = 40) -> str:
    text = server.log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "server log (last lines):\n" + "\n".join(text[-lines:])


def check_page(page: Page) -> None:
    """Run axe-core on the page as it is now; fail on any serious or critical violation."""
    if not AXE.exists():
        _unavailable(f"axe-core is not installed at {AXE}: run `make test` (it runs npm ci)")
    # Evaluated through the DevTools protocol, which the page's content security policy does not govern; a script
    # tag would be refused, as it should be.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], f"accessibility violations on {page.url}:\n" + "\n".join(bad)


def shoot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot of the page as ``tests/artifacts/screenshots/NAME.png``."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


README_VIEWPORT: ViewportSize = {"width": 1180, "height": 760}
TEST_STRINGS = ("<script", "alert(", "<b>")  # the escaping journey's markup: never in a README picture

# A log that scrolls (a conversation's messages) shows its newest lines, starting at a whole message, not half of one
_WHOLE_MESSAGES = """log => {
  if (log.scrollHeight <= log.clientHeight) return;
  const pad = parseFloat(getComputedStyle(log).paddingTop);
  const top = e => e.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop;
  const items = [...log.children];
  const end = top(items[items.length - 1]) + items[items.length - 1].offsetHeight + pad;
  const first = items.find(e => end - (top(e) - pad) <= log.clientHeight) || items[items.length - 1];
  log.scrollTop = top(first) - pad;
}"""


def keep_for_readme(page: Page, name: str, *, top: Locator | None = None) -> None:
    """With FRONTLINE_UPDATE_SCREENSHOTS=1, save what a 1180 x 760 window shows as ``docs/screenshots/NAME.png``.

    The window shows the top of the page, or starts a few pixels above ``top`` when given. Only the clean journeys call
    this, and on every run (saving or not) a page showing test markup (see ``test_escaping.py``) fails here instead of
    becoming a README picture.
    """
    shown = page.locator("body").inner_text()
    assert not [s for s in TEST_STRINGS if s in shown], f"{name}: test markup on the page, not a README picture"
    if os.environ.get("FRONTLINE_UPDATE_SCREENSHOTS") != "1":
        return
    target = ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.set_viewport_size(README_VIEWPORT)
    for log in page.locator(".messages").all():
        log.evaluate(_WHOLE_MESSAGES)
    if top is None:
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    else:
        top.evaluate("e => window.scrollTo({top: e.getBoundingClientRect().top + scrollY - 8, behavior: 'instant'})")
    page.screenshot(path=str(target / f"{name}.png"))
    if size:
        page.set_viewport_size(size)


@pytest.fixture
def browser_page_360(browser: Browser, server: Server, console: Console) -> Iterator[Page]:
    """A page as a 360-pixel-wide phone shows it."""
    context = browser.new_context(base_url=server.url, viewport={"width": 360, "height": 740}, is_mobile=True)
    context.set_default_timeout(15_000)
    opened = context.new_page()
    opened.on("console", console)
    yield opened
    context.close()
    assert console.errors == [], f"the browser reported errors: {console.errors}"


@pytest.fixture
def browser_no_js(browser: Browser, server: Server) -> Iterator[Page]:
    """A page with JavaScript switched off: every core flow must still work."""
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()
