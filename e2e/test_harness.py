"""The harness checks itself: the accessibility audit must catch a broken page.

Guards against an audit that silently stops running (a changed init script, a new CSP, an axe
upgrade), which would let every journey pass without checking anything.
"""

from e2e.support.audit import Audit

BROKEN = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body>
<main><h1>Broken on purpose</h1><img src="/static/core/img/favicon.svg">
<div style="width: 3000px">too wide</div>
<label for="q">Query</label><input id="q" aria-describedby="q_helptext"></main></body></html>"""


def test_audit_reports_violations_dangling_references_and_sideways_scrolling(browser, server):
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 800})
    audit = Audit(width=390)
    audit.install(context)
    page = context.new_page()
    page.route(
        "**/e2e-broken/",
        lambda route: route.fulfill(status=200, content_type="text/html", body=BROKEN),
    )
    page.goto("/en/")
    audit.wait(page)  # page.route below bypasses the audit's own gate: wait by hand
    page.goto("/e2e-broken/")
    problems = "\n".join(audit.finish())
    context.close()

    assert "image-alt" in problems, problems
    assert "scrolls sideways" in problems, problems
    assert "names #q_helptext, which is missing" in problems, problems
    assert "/en/" not in problems, problems  # the home page is audited, and clean
