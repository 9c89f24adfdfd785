"""`make bench`: Kopuro as in production, measured beside the framework floor.

1. Starts PostgreSQL and Redis when they are stopped, installs wrk through apt when missing.
2. Production settings (KOPURO_PRODUCTION=1, DEBUG off, secrets set here), migrations,
   collectstatic (whitenoise's compressed, hashed files), then the data set: N members
   bulk-inserted by the demo generator (skipped when the database already holds N).
3. gunicorn with W workers on loopback; a member signs in through the real login form.
4. Checks each scenario answers what it should (cache hit for anonymous pages, never for the
   member), then drives each with wrk: a warm-up, then a bounded run at C connections.
5. Profiles the uncached member pages in-process (queries, SQL and template time, top costs).
6. Measures the home page's weight (HTML + CSS + JS + fonts, compressed as served).
7. Writes bench/results/<timestamp>.json, prints a Markdown table and puts it in
   bench/README.md.

Ratios (page req/s ÷ floor req/s) are what matter: the floor is a bare Django view served by
the same gunicorn, so the machine's speed and its other load cancel out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
VENV_BIN = Path(sys.executable).parent
PG_PORT = 5432
REDIS_DB = 5
DATABASE = "kopuro_bench"
CACHE_HEADER = "x-kopuro-cache"

TARGETS = {
    "cached_ratio": 0.8,  # anonymous pages served from the cache, ÷ floor
    "member_ratio": 0.25,  # uncached pages as a member, ÷ floor
    "p99_ms": 100.0,
    "page_weight_kb": 170.0,
}

T0 = time.perf_counter()


def say(message: str) -> None:
    print(f"[{time.perf_counter() - T0:6.1f}s] {message}", flush=True)


# --- Services -----------------------------------------------------------------------------------


def ensure_postgres() -> None:
    import psycopg

    def up() -> bool:
        try:
            psycopg.connect(
                f"host=127.0.0.1 port={PG_PORT} user=postgres dbname=postgres", connect_timeout=2
            ).close()
            return True
        except psycopg.OperationalError:
            return False

    if not up():
        version = sorted(os.listdir("/etc/postgresql"), key=float)[-1]
        say(f"starting PostgreSQL {version}")
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
        )
        wait_for(up, "PostgreSQL")
    with psycopg.connect(
        f"host=127.0.0.1 port={PG_PORT} user=postgres dbname=postgres", autocommit=True
    ) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
            say(f"creating database {DATABASE}")
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def ensure_redis() -> None:
    import redis

    def up() -> bool:
        try:
            return bool(redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    if not up():
        say("starting Redis")
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                "/var/lib/redis",
                "--logfile",
                "/var/log/redis/ci.log",
            ],
            check=True,
        )
        wait_for(up, "Redis")


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    say("installing wrk (apt)")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    apt = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], env=apt).returncode != 0:
        subprocess.run([*sudo, "apt-get", "update", "-qq"], env=apt, check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], env=apt, check=True)
    return shutil.which("wrk") or sys.exit("wrk is not installed and apt could not install it")


def wait_for(check, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            sys.exit(f"{what} did not come up within {timeout:.0f} s")
        time.sleep(0.3)


# --- Kopuro in production mode ------------------------------------------------------------------


def production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        KOPURO_PRODUCTION="1",
        KOPURO_ENV_FILE=os.devnull,  # a developer's .env must not change what is measured
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{PG_PORT}/{DATABASE}",
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        SECURE_SSL_REDIRECT="False",  # no TLS on loopback; nginx would terminate it
        KOPURO_BENCH_FLOOR="1",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def json_from(env: dict[str, str], script: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, env, *, port: int, workers: int, worker_class: str, threads: int, log: Path):
        self.port = port
        cmd = [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--log-level",
            "warning",
            "--error-logfile",
            str(log),
            "--keep-alive",
            "5",
        ]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)

    def wait_ready(self) -> None:
        def ready() -> bool:
            if self.proc.poll() is not None:
                sys.exit("gunicorn exited during start-up; see its log")
            try:
                return fetch(self.port, "GET", "/healthz")[0] == 200
            except OSError:
                return False

        wait_for(ready, "gunicorn", timeout=90)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the group this script started
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def fetch(
    port: int, method: str, path: str, headers: dict | None = None, body: bytes | None = None
):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def header(headers, name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name.lower()), None)


def set_cookies(headers) -> dict[str, str]:
    cookies = {}
    for k, v in headers:
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def sign_in(port: int, email: str, password: str) -> str:
    """Sign in through allauth's form like a browser; returns the Cookie header for wrk."""
    status, headers, body = fetch(port, "GET", "/en/accounts/login/")
    assert status == 200, f"login page answered {status}"
    csrf = set_cookies(headers)["csrftoken"]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"login": email, "password": password, "csrfmiddlewaretoken": token}
    )
    status, headers, body = fetch(
        port,
        "POST",
        "/en/accounts/login/",
        body=form.encode(),
        headers={
            "Cookie": f"csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    cookies = {k: v for k, v in set_cookies(headers).items() if k != "messages"}
    assert status == 302 and any("session" in k for k in cookies), f"sign-in failed ({status})"
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    fetch(port, "GET", "/en/", headers={"Cookie": cookie})  # shows (and clears) the welcome message
    return cookie


# --- Scenarios ----------------------------------------------------------------------------------


def scenarios(profile_path: str, member_cookie: str) -> list[dict]:
    member = {"Cookie": member_cookie}
    return [
        {
            "name": "floor",
            "label": "framework floor (bare view)",
            "path": "/bench/floor",
            "headers": {},
            "kind": "floor",
            "expect": b"floor",
        },
        {
            "name": "home_anon",
            "label": "home page, anonymous (cached)",
            "path": "/en/",
            "headers": {},
            "kind": "cached",
            "expect": b"Join the community",
        },
        {
            "name": "profile_anon",
            "label": "profile page, anonymous (cached)",
            "path": profile_path,
            "headers": {},
            "kind": "cached",
            "expect": b"Members see more of this profile",
        },
        {
            "name": "profile_member",
            "label": "profile page, member (uncached)",
            "path": profile_path,
            "headers": member,
            "kind": "member",
            "expect": b"Sign out",
        },
        {
            "name": "home_member",
            "label": "home page, member (uncached; extra, not in the targets)",
            "path": "/en/",
            "headers": member,
            "kind": "extra",
            "expect": b"Sign out",
        },
    ]


def check(port: int, scenario: dict) -> None:
    """Each scenario must answer 200 with what its visitor should see, from the cache or not."""
    for _ in range(2):
        status, headers, body = fetch(port, "GET", scenario["path"], headers=scenario["headers"])
    where = f"{scenario['name']} ({scenario['path']})"
    assert status == 200, f"{where} answered {status}"
    assert scenario["expect"] in body, f"{where} does not show {scenario['expect']!r}"
    cache = header(headers, CACHE_HEADER)
    if scenario["kind"] == "cached":
        assert cache == "hit", f"{where} was not served from the page cache ({cache})"
    else:
        assert cache is None, f"{where} went through the page cache ({cache})"


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(gunicorn_pid: int) -> dict[str, float]:
    """CPU time used so far by the server side: gunicorn (master and workers), the PostgreSQL
    backends connected to the bench database, and Redis. Unlike wall-clock figures this stays
    meaningful on a machine that other work is keeping busy."""
    totals = {"app": 0.0, "postgresql": 0.0, "redis": 0.0}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        pid, ppid = int(entry.name), int(fields[1])
        used = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        if pid == gunicorn_pid or ppid == gunicorn_pid:
            totals["app"] += used
        elif cmdline.startswith(b"postgres: ") and f" {DATABASE} ".encode() in cmdline:
            totals["postgresql"] += used
        elif cmdline.startswith(b"redis-server"):
            totals["redis"] += used
    return totals


def wrk(
    binary: str,
    port: int,
    scenario: dict,
    *,
    seconds: int,
    connections: int,
    threads: int,
    timeout: int = 10,
) -> dict:
    # wrk's own timeout is 2 s: with 32 connections queueing for a few workers, a page that
    # takes a few hundred ms would have every answer counted as an error (and none measured).
    cmd = [
        binary,
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        f"{timeout}s",
        "--latency",
        "-s",
        str(BENCH / "report.lua"),
    ]
    for k, v in scenario["headers"].items():
        cmd += ["-H", f"{k}: {v}"]
    cmd.append(f"http://127.0.0.1:{port}{scenario['path']}")
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    lat = raw["latency_us"]
    errors = sum(raw["errors"].values())
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(lat["p50"] / 1000, 2),
        "p95_ms": round(lat["p95"] / 1000, 2),
        "p99_ms": round(lat["p99"] / 1000, 2),
        "max_ms": round(lat["max"] / 1000, 2),
        "errors": errors,
        "error_detail": raw["errors"],
    }


# --- Page weight --------------------------------------------------------------------------------

FONT_EXT = (".woff2", ".woff", ".ttf", ".otf")


def page_weight(port: int) -> dict:
    """HTML + CSS + JS + fonts of the anonymous home page, compressed as they are served:
    static files by whitenoise (its precompressed .gz), the HTML gzipped at level 6 as nginx
    would (Django itself sends it uncompressed)."""
    status, _headers, html = fetch(port, "GET", "/en/")
    assert status == 200
    text = html.decode()
    urls = []
    for tag in re.findall(r"<link\b[^>]*>", text):
        rel = re.search(r'rel="([^"]+)"', tag)
        href = re.search(r'href="([^"]+)"', tag)
        if (
            rel
            and href
            and ("stylesheet" in rel.group(1) or re.search(r'as="(font|script|style)"', tag))
        ):
            urls.append(href.group(1))
    urls += re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', text)
    items = [
        {
            "url": "/en/ (HTML)",
            "kind": "html",
            "raw": len(html),
            "compressed": len(gzip.compress(html, 6)),
        }
    ]
    seen = set()
    while urls:
        url = urllib.parse.urljoin("/en/", urls.pop(0))
        if url in seen or not url.startswith("/"):
            continue
        seen.add(url)
        _s, _h, raw = fetch(port, "GET", url)
        status, headers, served = fetch(port, "GET", url, headers={"Accept-Encoding": "gzip"})
        assert status == 200, f"{url} answered {status}"
        kind = (
            "css"
            if url.split("?")[0].endswith(".css")
            else "js"
            if url.split("?")[0].endswith(".js")
            else "font"
            if url.split("?")[0].endswith(FONT_EXT)
            else "other"
        )
        items.append(
            {
                "url": url,
                "kind": kind,
                "raw": len(raw),
                "compressed": len(served),
                "encoding": header(headers, "content-encoding") or "identity",
                "cache_control": header(headers, "cache-control") or "",
            }
        )
        if kind == "css":
            for ref in re.findall(
                r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", raw.decode(errors="replace")
            ):
                if ref.split("?")[0].endswith(FONT_EXT):
                    urls.append(urllib.parse.urljoin(url, ref))
    total = sum(i["compressed"] for i in items)
    return {
        "items": items,
        "total_bytes": total,
        "total_kb": round(total / 1024, 1),
        "raw_kb": round(sum(i["raw"] for i in items) / 1024, 1),
    }


# --- Machine ------------------------------------------------------------------------------------


def machine(env) -> dict:
    import psycopg
    import redis

    with psycopg.connect(f"host=127.0.0.1 port={PG_PORT} user=postgres dbname={DATABASE}") as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    import django
    import gunicorn
    import wagtail

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "postgresql": pg,
        "redis": redis.Redis(host="127.0.0.1").info()["redis_version"],
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "gunicorn": gunicorn.__version__,
        "wrk": subprocess.run(
            [shutil.which("wrk") or "wrk", "-v"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        .stdout.split("[")[0]
        .strip(),
        "kernel": platform.release(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# --- Report -------------------------------------------------------------------------------------


def verdicts(result: dict) -> dict:
    rows = result["scenarios"]
    floor = rows["floor"]["rps"]
    cached = [r for r in rows.values() if r["kind"] == "cached"]
    member = [r for r in rows.values() if r["kind"] == "member"]
    # Issue 3's p99 target is for its own pages (floor, cached, member); Connect's pages have
    # their own target (issue 5: p95 server time, bench/connect.py) and are reported beside.
    targeted = [r for r in rows.values() if r["kind"] in ("floor", "cached", "member")]

    def lowest(values) -> float | None:  # None when `--only` left the kind out
        values = list(values)
        return round(min(values), 2) if values else None

    return {
        "cached_ratio_min": lowest(r["ratio"] for r in cached),
        "member_ratio_min": lowest(r["ratio"] for r in member),
        "member_cpu_ratio_min": lowest(r["cpu_ratio"] or 0 for r in member),
        "p99_ms_max": max(r["p99_ms"] for r in targeted),
        "floor_rps": floor,
        "cached_ok": all(r["ratio"] >= TARGETS["cached_ratio"] for r in cached),
        "member_ok": all(r["ratio"] >= TARGETS["member_ratio"] for r in member),
        "p99_ok": all(r["p99_ms"] < TARGETS["p99_ms"] for r in targeted),
        "weight_ok": result["page_weight"]["total_kb"] <= TARGETS["page_weight_kb"],
    }


def markdown(result: dict) -> str:
    m, cfg, v = result["machine"], result["config"], result["verdicts"]
    ok = {True: "✅", False: "❌"}
    lines = [
        f"Run {result['started_at']} · {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB · "
        f"Python {m['python']}, PostgreSQL {m['postgresql']}, Redis {m['redis']}, "
        f"Django {m['django']}, Wagtail {m['wagtail']} · load average at start "
        f"{' / '.join(str(x) for x in m['load_average_at_start'])}",
        "",
        f"gunicorn {cfg['workers']} × {cfg['worker_class']} (threads {cfg['threads']}) · wrk "
        f"{cfg['connections']} connections, {cfg['wrk_threads']} threads, {cfg['warmup_s']} s warm-up + "
        f"{cfg['duration_s']} s per scenario, timeout {cfg.get('wrk_timeout_s', 2)} s · "
        f"{result['data']['members']:,} members "
        f"(generated in {result['data']['generation_seconds']} s this run"
        f"{'' if result['data']['inserted'] else ', already loaded'})",
        "",
        "| scenario | req/s | ÷ floor | p50 ms | p95 ms | p99 ms | errors | server CPU ms/req | CPU ÷ floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["scenarios"].values():
        cpu_ratio = f"{r['cpu_ratio']:.2f}" if r.get("cpu_ratio") else "–"
        lines.append(
            f"| {r['label']} | {r['rps']:,.0f} | {r['ratio']:.2f} | {r['p50_ms']:.1f} | "
            f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} | "
            f"{r['server_cpu_ms_per_request']:.2f} | {cpu_ratio} |"
        )
    w = result["page_weight"]
    lines += [
        "",
        f"Targets: cached ÷ floor ≥ {TARGETS['cached_ratio']} → {v['cached_ratio_min']} {ok[v['cached_ok']]} · "
        f"member ÷ floor ≥ {TARGETS['member_ratio']} → {v['member_ratio_min']} {ok[v['member_ok']]} "
        f"(CPU-based {v['member_cpu_ratio_min']}) · "
        f"p99 < {TARGETS['p99_ms']:.0f} ms → {v['p99_ms_max']} ms {ok[v['p99_ok']]} · "
        f"home page weight ≤ {TARGETS['page_weight_kb']:.0f} KB → {w['total_kb']} KB {ok[v['weight_ok']]}",
        "",
        "Server CPU per request = CPU time of gunicorn, the PostgreSQL backends and Redis during "
        "the run ÷ requests; CPU ÷ floor is the ratio the pages would reach if that CPU were the "
        "only limit (a fairer figure when other work shares the machine).",
        "",
        "| home page weight | kind | bytes | compressed |",
        "|---|---|---:|---:|",
    ]
    for i in w["items"]:
        lines.append(f"| `{i['url']}` | {i['kind']} | {i['raw']:,} | {i['compressed']:,} |")
    lines.append(f"| **total** | | {w['raw_kb']} KB | **{w['total_kb']} KB** |")
    if result.get("profile"):
        lines += [
            "",
            "| uncached page, in-process | queries | SQL ms | template ms | total ms | CPU ms |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, p in result["profile"]["pages"].items():
            lines.append(
                f"| {name} | {p['queries']} | {p['sql_ms']:.2f} | {p['template_ms']:.2f} | "
                f"{p['total_ms']:.2f} | {p.get('cpu_ms', 0):.2f} |"
            )
    lines += ["", f"Total run time {result['total_seconds']:.0f} s."]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    readme = BENCH / "README.md"
    text = readme.read_text()
    start, end = "<!-- latest:start -->", "<!-- latest:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _old, tail = rest.split(end, 1)
        readme.write_text(f"{head}{start}\n{table}\n{end}{tail}")


# --- Main ---------------------------------------------------------------------------------------


def main() -> None:
    cores = os.cpu_count() or 2
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument(
        "--workers", type=int, default=2 * cores, help="gunicorn workers (default 2 × cores)"
    )
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per scenario")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per scenario")
    parser.add_argument("--only", default="", help="comma-separated scenario names")
    parser.add_argument(
        "--wrk-timeout",
        type=int,
        default=10,
        help="seconds before wrk gives up on an answer (counted as an error, not measured)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the in-process profile")
    parser.add_argument("--no-readme", action="store_true", help="leave bench/README.md alone")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="set up, start gunicorn and wait (Ctrl-C stops it): for profiling by hand",
    )
    args = parser.parse_args()
    # A plain `kill` ends the run like Ctrl-C: gunicorn is stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))

    started = dt.datetime.now(dt.UTC)
    say(
        f"Kopuro benchmark: {args.members:,} members, {args.workers} gunicorn workers, {args.connections} connections"
    )
    ensure_postgres()
    ensure_redis()
    wrk_bin = ensure_wrk()
    env = production_env()

    say("migrations and collectstatic (production settings)")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    say(f"data set: {args.members:,} members")
    data = json_from(env, "data.py", "--members", str(args.members))
    say(
        f"  {data['members']:,} members ({data['inserted']:,} inserted by {data['generator']} in {data['generation_seconds']} s)"
    )

    import connect as connect_bench  # bench/connect.py: the directory and suggestions (Connect)

    say("Connect: search index, the bench member's suggestions, in-process server times")
    connect_data = connect_bench.prepare(env, json_from)

    profile = None
    if not args.no_profile:
        say("profiling uncached pages in-process")
        profile = json_from(
            env,
            "profile_pages.py",
            "--handle",
            data["profile_handle"],
            "--email",
            data["member_email"],
        )

    # Bulk inserts send no signals: start from an empty page cache (a new version token).
    import redis

    store = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    for key in store.scan_iter(match="*pagecache:version"):
        store.delete(key)

    port = free_port()
    log = Path(tempfile.gettempdir()) / f"kopuro-bench-gunicorn-{port}.log"
    say(f"gunicorn on 127.0.0.1:{port} (log {log})")
    server = Gunicorn(
        env,
        port=port,
        workers=args.workers,
        worker_class=args.worker_class,
        threads=args.threads,
        log=log,
    )
    rows: dict[str, dict] = {}
    try:
        server.wait_ready()
        cookie = sign_in(port, data["member_email"], data["member_password"])
        say("signed in through the login form")
        if args.serve:
            say(f"serving at http://127.0.0.1:{port}/ ; member cookie: {cookie}")
            say(f"profile page: /en/members/{data['profile_handle']}/ ; Ctrl-C stops")
            try:
                server.proc.wait()
            except KeyboardInterrupt:
                pass
            return
        plan = scenarios(f"/en/members/{data['profile_handle']}/", cookie)
        plan += connect_bench.scenarios(cookie, connect_data)
        if args.only:
            keep = {"floor", *args.only.split(",")}
            plan = [s for s in plan if s["name"] in keep]
        for s in plan:
            check(port, s)
        say("every scenario answers as it should; load begins")
        wrk_threads = min(2, cores)
        for s in plan:
            wrk(
                wrk_bin,
                port,
                s,
                seconds=args.warmup,
                connections=args.connections,
                threads=wrk_threads,
                timeout=args.wrk_timeout,
            )
            before = cpu_seconds(server.proc.pid)
            r = wrk(
                wrk_bin,
                port,
                s,
                seconds=args.duration,
                connections=args.connections,
                threads=wrk_threads,
                timeout=args.wrk_timeout,
            )
            after = cpu_seconds(server.proc.pid)
            used = {k: after[k] - before[k] for k in after}
            r["server_cpu_ms_per_request"] = round(
                1000 * sum(used.values()) / max(1, r["requests"]), 3
            )
            r["server_cpu_split_ms"] = {
                k: round(1000 * v / max(1, r["requests"]), 3) for k, v in used.items()
            }
            rows[s["name"]] = {
                "label": s["label"],
                "path": s["path"] if s["kind"] != "member" else s["path"] + " (signed in)",
                "kind": s["kind"],
                **r,
            }
            say(
                f"  {s['name']:15} {r['rps']:8,.0f} req/s  p50 {r['p50_ms']:6.1f}  p95 {r['p95_ms']:6.1f}  p99 {r['p99_ms']:6.1f} ms  errors {r['errors']}"
            )
        weight = page_weight(port)
        say(f"home page weight {weight['total_kb']} KB compressed ({weight['raw_kb']} KB raw)")
    finally:
        server.stop()

    floor = rows["floor"]["rps"]
    floor_cpu = rows["floor"]["server_cpu_ms_per_request"]
    for r in rows.values():
        r["ratio"] = round(r["rps"] / floor, 3)
        # What the ratio would be if the server's CPU were the only limit (see cpu_seconds).
        r["cpu_ratio"] = (
            round(floor_cpu / r["server_cpu_ms_per_request"], 3)
            if r["server_cpu_ms_per_request"]
            else None
        )
    result = {
        "started_at": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(env),
        "config": {
            "workers": args.workers,
            "worker_class": args.worker_class,
            "threads": args.threads,
            "connections": args.connections,
            "wrk_threads": min(2, cores),
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "wrk_timeout_s": args.wrk_timeout,
        },
        "data": data | {"member_password": "(set by bench/data.py)"},
        "scenarios": rows,
        "page_weight": weight,
        "profile": profile,
        "connect": connect_data,
        "targets": TARGETS,
    }
    result["verdicts"] = verdicts(result)
    result["total_seconds"] = round(time.perf_counter() - T0, 1)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{started.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    table = markdown(result) + connect_bench.markdown(result)
    print()
    print(table)
    print()
    if not args.no_readme and not args.only:
        update_readme(table)
        say("bench/README.md updated")
    say(f"results in {out.relative_to(ROOT)}; total run time {result['total_seconds']:.0f} s")


if __name__ == "__main__":
    main()
