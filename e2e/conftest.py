"""Fixtures for Kopuro's browser journeys (run with `make e2e`; see e2e/README.md).

- `server`: a live Kopuro on a free loopback port with a fresh, seeded SQLite database.
- `mailbox`: the e-mail the server sent (file backend).
- `new_page(...)`: a page in a new browser context (its own cookies: one person); `page` is one.
Every page with JavaScript on is audited with axe-core; serious and critical violations, a page
wider than the viewport, uncaught JavaScript errors and console errors (a Content-Security-Policy
violation is one) fail the journey. A failing journey leaves a screenshot and the HTML of each of its pages in e2e/artifacts/.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from e2e.support.audit import Audit
from e2e.support.mail import Mailbox
from e2e.support.server import ARTIFACTS, Server, start_server, stop_server

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
# What a closed network needs: no calls home, no component or sync traffic, no QUIC probing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A step waits up to 30 s: the development server on a busy two-core CI machine, and the audit
# (e2e/support/audit.py) holding a navigation until the page being left has been checked.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def server() -> Server:
    live = start_server()
    yield live
    stop_server(live)


@pytest.fixture(scope="session")
def mailbox(server) -> Mailbox:
    return Mailbox(server.mail_dir)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.path.exists(CHROMIUM):
        pytest.exit(f"{CHROMIUM} is missing: run `make chromium` (Debian's chromium package).", 2)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=not os.environ.get("E2E_HEADED"),
            args=CHROMIUM_ARGS,
        )
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """One person's browser context and what was observed in it."""

    context: BrowserContext
    page: Page
    audit: Audit | None
    errors: list[str] = field(default_factory=list)


class Browsing:
    """The pages a journey opened; stored on the test item for the hooks below."""

    def __init__(self, browser: Browser, server: Server):
        self.browser = browser
        self.server = server
        self.tabs: list[Tab] = []

    def new_page(
        self,
        *,
        javascript: bool = True,
        width: int = 1280,
        height: int = 900,
        locale: str = "en-GB",
        **context_options,
    ) -> Page:
        context = self.browser.new_context(
            base_url=self.server.url,
            java_script_enabled=javascript,
            viewport={"width": width, "height": height},
            locale=locale,
            accept_downloads=True,
            **context_options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        audit = None
        if javascript:
            audit = Audit(width=width)
            audit.install(context)
        page = context.new_page()
        tab = Tab(context, page, audit)
        page.on("pageerror", lambda exc: tab.errors.append(f"{page.url}: uncaught error: {exc}"))
        page.on(
            "console",
            lambda msg: (
                tab.errors.append(f"{page.url}: console {msg.type}: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )
        self.tabs.append(tab)
        return page

    def problems(self) -> list[str]:
        found = []
        for tab in self.tabs:
            if tab.audit is not None:
                found += tab.audit.finish()
                _AUDITED.update(r.url.split("?")[0] for r in tab.audit.reports if not r.skipped)
                _AUDITED_COUNT[0] += sum(1 for r in tab.audit.reports if not r.skipped)
                _LEFT.update(r.url.split("?")[0] for r in tab.audit.reports if r.left)
            found += tab.errors
        return found

    def close(self) -> None:
        for tab in self.tabs:
            tab.context.close()


_BROWSING = pytest.StashKey[Browsing]()
_AUDITED: set[str] = set()
_AUDITED_COUNT = [0]
_LEFT: set[str] = set()  # pages a journey left before they had loaded (not audited that time)


@pytest.fixture
def browsing(request, browser, server) -> Browsing:
    session = Browsing(browser, server)
    request.node.stash[_BROWSING] = session
    yield session
    session.close()


@pytest.fixture
def new_page(browsing):
    """`new_page(javascript=True, width=1280, height=900, locale="en-GB")`: a new person."""
    return browsing.new_page


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After a journey: its pages' accessibility audits and browser errors decide too."""
    result = yield
    session = item.stash.get(_BROWSING, None)
    if session is not None:
        problems = session.problems()
        if problems:
            raise AssertionError(
                f"{len(problems)} accessibility or browser problem(s):\n\n" + "\n\n".join(problems)
            )
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        session = item.stash.get(_BROWSING, None)
        if session is not None:
            _save_artifacts(item.name, session)
    return report


def _save_artifacts(name: str, session: Browsing) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    for n, tab in enumerate(session.tabs, start=1):
        if tab.page.is_closed():
            continue
        base = ARTIFACTS / f"{stem}-{n}"
        try:
            tab.page.screenshot(path=f"{base}.png", full_page=True)
            Path(f"{base}.html").write_text(
                f"<!-- {tab.page.url} -->\n" + tab.page.content(), encoding="utf-8"
            )
        except Exception as exc:  # noqa: BLE001 - artifacts are best effort
            print(f"Could not save artifacts for {tab.page.url}: {exc}")


def pytest_terminal_summary(terminalreporter):
    if _AUDITED_COUNT[0]:
        paths = {re.sub(r"^https?://[^/]+", "", url) for url in _AUDITED}
        terminalreporter.write_line(
            f"axe-core audited {_AUDITED_COUNT[0]} page loads ({len(paths)} distinct addresses)."
        )
    never = sorted(re.sub(r"^https?://[^/]+", "", url) for url in _LEFT - _AUDITED)
    if never:
        terminalreporter.write_line(
            f"Left before they loaded and not audited elsewhere in this run: {', '.join(never)}"
        )
