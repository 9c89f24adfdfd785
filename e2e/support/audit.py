"""Accessibility audit with axe-core on every page a journey visits.

How it works, per browser context:
- axe-core (vendored in e2e/vendor/axe-core, no CDN) and a small runner are added as init
  scripts, so they are in every document the browser loads. Playwright injects init scripts
  over the DevTools protocol, so the page's Content-Security-Policy does not block them.
- The runner waits for the `load` event, runs axe, and hands the result to Python through an
  exposed binding (`__kopuroAxeReport`).
- Every top-level document request is held (context.route) until the document being left has
  finished its audit, so a journey that clicks on quickly still gets every page audited. The
  route handler only parks the request and returns: Playwright runs route handlers one at a
  time, so a handler that waited would also hold the page's images and scripts, its `load`
  would never come, and each navigation waited out the whole timeout (the "slow connections"
  of earlier CI runs). The report releases the parked request.
- A document left before its `load` cannot be audited: Chromium stops its loading when the next
  navigation starts. The runner says so at `beforeunload` (a report marked `left`), so nothing
  waits for it; such pages are counted in the summary, not failed.
- The runner says when a document starts (`__kopuroAxeBegin`, as the document is created), so
  Python knows of a document still loading before its DOMContentLoaded event arrives.
- After the journey, `Audit.finish()` waits for the last page's audit and returns the problems:
  serious and critical violations, aria-describedby/aria-labelledby naming a missing element
  (axe lets that pass), pages that scroll sideways (wider than the viewport), and pages that were
  visited but never audited.
Contexts with JavaScript off cannot run axe; they are not audited (their pages are the same
pages the other journeys audit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Request, Route

AXE_JS = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
FAIL_ON = ("serious", "critical")
AUDIT_TIMEOUT_MS = 30_000  # as long as a step may take (e2e/conftest.py TIMEOUT_MS)

_RUNNER = r"""
(() => {
  if (window !== window.top || !/^https?:$/.test(location.protocol)) return;
  const state = (window.__kopuroAxe = { done: false, reported: false });
  window.__kopuroAxeBegin();
  const report = (payload) => {
    if (state.reported) return;
    state.reported = true;
    Promise.resolve(window.__kopuroAxeReport({ url: location.href, title: document.title,
                                               ...payload }))
      .finally(() => { state.done = true; });
  };
  // Left before `load`: the next navigation stops this document's loading, so its audit would
  // never start. Say so at once, so the held navigation goes ahead.
  window.addEventListener("beforeunload", () => {
    if (document.readyState !== "complete") report({ skipped: true, left: true });
  });
  // aria-describedby / aria-labelledby that name an element the page does not have.
  const danglingReferences = () => {
    const found = [];
    for (const el of document.querySelectorAll("[aria-describedby], [aria-labelledby]")) {
      for (const attr of ["aria-describedby", "aria-labelledby"]) {
        for (const id of (el.getAttribute(attr) || "").split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) {
            found.push(`<${el.localName} id="${el.id}"> ${attr} names #${id}, which is missing`);
          }
        }
      }
    }
    return found;
  };
  const run = () => {
    if (typeof axe === "undefined" || document.contentType !== "text/html") {
      return report({ skipped: true });
    }
    axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) =>
        report({
          dangling: danglingReferences(),
          overflow: document.scrollingElement.scrollWidth - window.innerWidth,
          violations: r.violations
            .filter((v) => __FAIL_ON__.includes(v.impact))
            .map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              helpUrl: v.helpUrl,
              nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html,
                                           summary: n.failureSummary })),
            })),
        })
      )
      .catch((e) => report({ error: String(e) }));
  };
  if (document.readyState === "complete") setTimeout(run, 0);
  else window.addEventListener("load", () => setTimeout(run, 0), { once: true });
})();
""".replace("__FAIL_ON__", json.dumps(FAIL_ON))


@dataclass
class PageReport:
    url: str
    title: str = ""
    violations: list[dict] = field(default_factory=list)
    error: str = ""
    skipped: bool = False
    left: bool = False  # left before it had loaded: not audited (see the module's docstring)
    overflow: int = 0  # how many CSS pixels the page scrolls sideways
    dangling: list[str] = field(default_factory=list)  # ARIA references to missing ids


@dataclass
class _Tracked:
    """A page's documents: opened (http/https, at DOMContentLoaded: each needs a report by the
    end), begun and reported audits, and the navigations parked until the audit reports."""

    opened: list[str] = field(default_factory=list)
    begun: int = 0
    reported: int = 0
    held: list[Route] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return self.reported < self.begun

    def release(self) -> None:
        while self.held:
            self.held.pop(0).fallback()


@dataclass
class Audit:
    """The audit of one browser context: install it, let the journey run, then `finish()`."""

    width: int = 0
    reports: list[PageReport] = field(default_factory=list)
    _pages: dict[Page, _Tracked] = field(default_factory=dict)

    def install(self, context: BrowserContext) -> None:
        context.add_init_script(path=str(AXE_JS))
        context.add_init_script(script=_RUNNER)
        context.expose_binding("__kopuroAxeBegin", self._on_begin)
        context.expose_binding("__kopuroAxeReport", self._on_report)
        context.route("**/*", self._gate)
        context.on("page", self._watch)

    def _watch(self, page: Page) -> None:
        self._pages[page] = _Tracked()
        page.on("domcontentloaded", self._on_document)

    def _on_document(self, page: Page) -> None:
        if urlsplit(page.url).scheme in ("http", "https"):
            self._pages[page].opened.append(page.url)

    def _on_begin(self, source) -> None:
        tracked = self._pages.get(source["page"])
        if tracked is not None:
            tracked.begun += 1

    def _on_report(self, source, payload: dict) -> None:
        tracked = self._pages.get(source["page"])
        if tracked is not None:
            tracked.reported += 1
            if not tracked.pending:
                tracked.release()
        self.reports.append(
            PageReport(
                url=payload.get("url", ""),
                title=payload.get("title", ""),
                violations=payload.get("violations", []),
                error=payload.get("error", ""),
                skipped=payload.get("skipped", False),
                left=payload.get("left", False),
                overflow=payload.get("overflow", 0),
                dangling=payload.get("dangling", []),
            )
        )

    def wait(self, page: Page) -> None:
        """Let the page's current document finish its audit (the event loop keeps running), then
        let go of any navigation still parked. Not for a route handler (see the docstring)."""
        tracked = self._pages.get(page)
        if tracked is None:
            return
        waited = 0
        while tracked.pending and waited < AUDIT_TIMEOUT_MS and not page.is_closed():
            page.wait_for_timeout(25)
            waited += 25
        if not page.is_closed():
            tracked.release()

    def _gate(self, route: Route, request: Request) -> None:
        """Park a new top-level document until the one being left has been audited; everything
        else goes straight on."""
        if request.is_navigation_request() and request.frame.parent_frame is None:
            tracked = self._pages.get(request.frame.page)
            if tracked is not None and tracked.pending:
                tracked.held.append(route)
                return
        route.fallback()

    def finish(self) -> list[str]:
        """Wait for the open pages' audits; return one message per problem found."""
        for page in self._pages:
            self.wait(page)
        problems = []
        audited = {r.url for r in self.reports}
        for tracked in self._pages.values():
            for url in dict.fromkeys(tracked.opened):
                if url not in audited:
                    problems.append(f"{url}: visited but not audited by axe")
        seen = set()
        for report in self.reports:
            if report.error:
                problems.append(f"{report.url}: axe failed: {report.error}")
            for text in dict.fromkeys(report.dangling):
                problems.append(f"{report.url} ({report.title}): {text}")
            if report.overflow > 0:
                problems.append(
                    f"{report.url} ({report.title}): scrolls sideways by {report.overflow} px"
                    f" at a {self.width} px wide viewport"
                )
            for v in report.violations:
                key = (urlsplit(report.url).path, v["id"])
                if key in seen:
                    continue
                seen.add(key)
                nodes = "\n".join(
                    f"      - {n['target']}: {n['html'][:200]}\n        "
                    + (n["summary"] or "").replace("\n", "\n        ")
                    for n in v["nodes"][:5]
                )
                problems.append(
                    f"{report.url} ({report.title}): [{v['impact']}] {v['id']}: {v['help']}"
                    f"\n    {v['helpUrl']}\n{nodes}"
                )
        return problems
