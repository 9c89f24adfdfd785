"""The information terminal's figures (issue 7): kiosk start-up from its offline cache, and the
weight of a guide page without images.

- **Start-up**: Chromium opens the kiosk once with its token (as the installer does) and waits
  until the service worker has pre-cached the terminal's content. Then the network is cut and,
  REPEAT times, a fresh tab opens the kiosk's address, as a terminal does after a reboot or a
  crash, and the clock stops when the language choice can be touched. Median and slowest.
- **Guide page weight**: a destination guide's HTML with the CSS and JavaScript it loads, raw
  and gzipped at level 6 (what nginx sends), images and audio left out.

Runs against a live server with seeded demo data (the browser journeys' server, SQLite), since
nothing here touches the network once the kiosk is cached. Writes bench/results/kiosk-*.json
and prints a Markdown table. Run with `make bench-kiosk`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2e.support.server import server_env, start_server, stop_server  # noqa: E402

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
TERMINAL = "FRU-AIRPORT"
GUIDE = "/ru/guides/russia/"
REPEAT = 10
TARGETS = {"startup_ms": 2000, "guide_kb": 60}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.read()


def guide_weight(base: str) -> dict:
    html = fetch(base + GUIDE)
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    parts = [{"url": GUIDE, "raw": len(html), "gzip": len(gzip.compress(html, 6))}]
    for path in dict.fromkeys(a.decode() for a in assets):
        body = fetch(base + path)
        parts.append({"url": path, "raw": len(body), "gzip": len(gzip.compress(body, 6))})
    return {
        "parts": parts,
        "raw_kb": round(sum(p["raw"] for p in parts) / 1024, 1),
        "gzip_kb": round(sum(p["gzip"] for p in parts) / 1024, 1),
    }


def kiosk_startup(server) -> dict:
    from playwright.sync_api import sync_playwright

    token = subprocess.run(
        [sys.executable, "manage.py", "kiosk_token", TERMINAL],
        cwd=ROOT,
        env=server_env(server.tmp),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    kiosk_url = f"{server.url}/kiosk/{TERMINAL}/"
    samples = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1080, "height": 1920})
        first = context.new_page()
        started = time.perf_counter()
        first.goto(f"{kiosk_url}#token={token}")
        first.wait_for_selector("html[data-kiosk-ready]", state="attached", timeout=180_000)
        precache_s = time.perf_counter() - started
        first.close()
        context.set_offline(True)
        for _ in range(REPEAT):
            page = context.new_page()
            started = time.perf_counter()
            page.goto(kiosk_url)
            page.get_by_role("link", name="Кыргызча").wait_for(state="visible")
            samples.append((time.perf_counter() - started) * 1000)
            page.close()
        browser.close()
    return {
        "precache_seconds": round(precache_s, 1),
        "samples_ms": [round(s) for s in samples],
        "median_ms": round(statistics.median(samples)),
        "max_ms": round(max(samples)),
    }


def main() -> None:
    started = dt.datetime.now(dt.UTC)
    print("starting a seeded server (SQLite, demo data) ...", flush=True)
    server = start_server()
    try:
        weight = guide_weight(server.url)
        startup = kiosk_startup(server)
    finally:
        stop_server(server)
    result = {
        "date": started.isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "guide_page": weight,
        "kiosk_startup_offline": startup,
        "targets": TARGETS,
    }
    out = ROOT / "bench" / "results" / f"kiosk-{started:%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    ok_w = "✅" if weight["raw_kb"] <= TARGETS["guide_kb"] else "❌"
    ok_s = "✅" if startup["max_ms"] <= TARGETS["startup_ms"] else "❌"
    load = ", ".join(f"{x:.2f}" for x in result["load_average"])
    print(
        f"\nRun {started:%Y-%m-%d %H:%M} UTC · load average {load}\n\n"
        "| figure | value | target |\n|---|---:|---:|\n"
        f"| guide page `{GUIDE}` without images, raw | {weight['raw_kb']} KB {ok_w} | ≤ 60 KB |\n"
        f"| the same, gzipped as served | {weight['gzip_kb']} KB | |\n"
        f"| kiosk start-up offline from cache, median of {REPEAT} | {startup['median_ms']} ms | |\n"
        f"| kiosk start-up offline from cache, slowest | {startup['max_ms']} ms {ok_s} | ≤ 2,000 ms |\n"
        f"| first load with the token, until all content is cached | "
        f"{startup['precache_seconds']} s | |\n\nWritten to {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
