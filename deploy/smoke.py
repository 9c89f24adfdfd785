"""`make prod-smoke`: Kopuro as deployed, on loopback, checked through nginx, then torn down.

1. The machine's PostgreSQL and Redis (started when stopped), a database of its own
   (kopuro_smoke) with migrations, static files, the site and a little demo content.
2. nginx with deploy/nginx/kopuro-app.conf in front of **two** gunicorn app servers
   (deploy/gunicorn.conf.py) and the task worker, all in production mode (KOPURO_PRODUCTION=1).
3. Checks through nginx: the home page in en/ru/ky, the news listing, a static file's cache
   headers and compression, compressed HTML, /healthz, the sign-in page and a real sign-in, a
   404 page, a form POST with its CSRF token (and one without, refused), a media file, a task
   run by the worker, and both app servers having answered.
4. Everything it started is stopped, also on failure or after the time limit (--timeout).

Exit status 0 when every check passed. Logs stay in the printed folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402 - deploy/stack.py
from stack import fetch, header, say, set_cookies, sign_in  # noqa: E402

DATABASE = "kopuro_smoke"
REDIS_URL = "redis://127.0.0.1:6379/7"
MEMBER = ("aida@demo.kopuro.org", "kopuro-demo")


class Checks:
    def __init__(self):
        self.rows: list[tuple[str, bool, str]] = []

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.rows.append((name, bool(ok), detail))
        say(f"  {'ok  ' if ok else 'FAIL'} {name}{f' ({detail})' if detail else ''}")
        return bool(ok)

    def run(self, name: str, fn) -> None:
        try:
            result = fn()
        except Exception as e:  # noqa: BLE001 - a check that raises is a failed check
            self.check(name, False, f"{type(e).__name__}: {e}")
        else:
            ok, detail = result if isinstance(result, tuple) else (result, "")
            self.check(name, ok, detail)

    @property
    def failed(self) -> int:
        return sum(1 for _n, ok, _d in self.rows if not ok)


def member_conversation(env: dict) -> int:
    """The pk of a conversation of the demo member (seeded by the Connect demo)."""
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as conn:
        row = conn.execute(
            "SELECT c.id FROM connect_conversation c JOIN accounts_user u "
            "ON u.id IN (c.user_a_id, c.user_b_id) WHERE u.email = %s ORDER BY c.id LIMIT 1",
            [MEMBER[0]],
        ).fetchone()
    if row is None:
        raise RuntimeError("the demo member has no conversation (seed_demo's Connect part)")
    return row[0]


def csrf_from(body: bytes) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not found:
        raise RuntimeError("no CSRF token in the form")
    return found.group(1).decode()


def smoke(s: stack.Stack, env: dict, checks: Checks) -> None:
    port = s.port

    def page(path: str, lang: str, expect: bytes | None = None):
        status, headers, body = fetch(port, "GET", path)
        ok = status == 200 and f'<html lang="{lang}"'.encode() in body
        if expect is not None:
            ok = ok and expect in body
        return ok, f"{status}, {len(body):,} bytes"

    checks.run("home page, English", lambda: page("/en/", "en", b"Kopuro"))
    checks.run("home page, Russian", lambda: page("/ru/", "ru"))
    checks.run("home page, Kyrgyz", lambda: page("/ky/", "ky"))
    checks.run(
        "newsroom listing /en/news/", lambda: page("/en/news/", "en", b"UN Migration Agency")
    )

    def html_gzip():
        status, headers, body = fetch(port, "GET", "/en/", headers={"Accept-Encoding": "gzip"})
        enc = header(headers, "content-encoding")
        return status == 200 and enc == "gzip", f"Content-Encoding {enc}"

    checks.run("HTML compressed by nginx", html_gzip)

    def static_file():
        _s, _h, html = fetch(port, "GET", "/en/")
        href = re.search(rb'href="(/static/[^"]+\.css)"', html)
        if not href:
            return False, "no stylesheet link on the home page"
        url = href.group(1).decode()
        status, headers, body = fetch(port, "GET", url, headers={"Accept-Encoding": "gzip"})
        cc = header(headers, "cache-control") or ""
        enc = header(headers, "content-encoding")
        ok = (
            status == 200
            and "immutable" in cc
            and "max-age=31536000" in cc
            and enc == "gzip"
            and header(headers, "server") == "nginx"
            and header(headers, "x-content-type-options") == "nosniff"
        )
        return ok, f"{url}: {status}, Cache-Control {cc!r}, Content-Encoding {enc}"

    checks.run("static file: year-long immutable cache, gzip, from nginx", static_file)

    def healthz():
        status, _h, body = fetch(port, "GET", "/healthz")
        data = json.loads(body)
        return status == 200 and data == {
            "database": "ok",
            "cache": "ok",
            "status": "ok",
        }, f"{status} {body.decode()}"

    checks.run("/healthz: database and cache ok", healthz)

    def login_page():
        status, headers, body = fetch(port, "GET", "/en/accounts/login/")
        return status == 200 and b"csrfmiddlewaretoken" in body, str(status)

    checks.run("sign-in page", login_page)

    def not_found():
        status, _h, body = fetch(port, "GET", "/en/no-such-page-prod-smoke/")
        return status == 404 and b"Kopuro" in body and b"Traceback" not in body, str(status)

    checks.run("404 page", not_found)

    state: dict = {}

    def signed_in():
        state["cookie"] = sign_in(port, *MEMBER)
        status, _h, body = fetch(port, "GET", "/en/me/", headers={"Cookie": state["cookie"]})
        return status == 200 and b"Sign out" in body, f"dashboard {status}"

    checks.run("sign in through the form (session in Redis and the database)", signed_in)

    def form_post():
        pk = member_conversation(env)
        path = f"/en/messages/{pk}/"
        status, headers, body = fetch(port, "GET", path, headers={"Cookie": state["cookie"]})
        cookie = state["cookie"]
        if "csrftoken" not in cookie:
            cookie += "; csrftoken=" + set_cookies(headers).get("csrftoken", "")
        token = csrf_from(body)
        text = f"prod-smoke {uuid.uuid4().hex}"
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "body": text}).encode()
        status, headers, _ = fetch(
            port,
            "POST",
            path,
            body=form,
            headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        )
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            stored = conn.execute(
                "SELECT count(*) FROM connect_message WHERE body = %s", [text]
            ).fetchone()[0]
        location = header(headers, "location") or ""
        return status == 302 and stored == 1, f"{status} → {location}, stored {stored}"

    checks.run("form POST with its CSRF token is saved", form_post)

    def form_without_csrf():
        pk = member_conversation(env)
        status, _h, _b = fetch(
            port,
            "POST",
            f"/en/messages/{pk}/",
            body=b"body=no+token",
            headers={
                "Cookie": state["cookie"],
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        return status == 403, str(status)

    checks.run("form POST without a CSRF token is refused", form_without_csrf)

    def media_file():
        folder = s.work / "media" / "smoke"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "hello.txt").write_text("hello from prod-smoke\n")
        status, headers, body = fetch(port, "GET", "/media/smoke/hello.txt")
        cc = header(headers, "cache-control") or ""
        return status == 200 and body == b"hello from prod-smoke\n" and "max-age=2592000" in cc, (
            f"{status}, Cache-Control {cc!r}"
        )

    checks.run("media file served by nginx", media_file)

    def task_worker():
        token = uuid.uuid4().hex
        out = stack.manage(
            env,
            "shell",
            "-c",
            f"from kopuro.core.tasks import worker_ping; print(worker_ping.enqueue('{token}').id)",
            log=s.work / "manage.log",
        )
        task_id = out.strip().splitlines()[-1]
        import psycopg

        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline:
            with psycopg.connect(env["DATABASE_URL"]) as conn:
                row = conn.execute(
                    "SELECT status, return_value FROM django_tasks_database_dbtaskresult "
                    "WHERE id = %s",
                    [task_id],
                ).fetchone()
            status = row and row[0]
            if status == "SUCCESSFUL":
                return row[1] == token, f"{status} in the worker"
            time.sleep(0.5)
        return False, f"task still {status} after 30 s"

    checks.run("task worker runs a queued task", task_worker)

    def both_app_servers():
        for _ in range(12):  # a few uncached requests, spread by nginx
            fetch(port, "GET", "/healthz")
        log = (s.work / "nginx-access.log").read_text()
        used = {p for p in s.app_ports if f"127.0.0.1:{p}" in log}
        return used == set(s.app_ports), f"answered: {sorted(used)} of {s.app_ports}"

    checks.run("both app servers answered through nginx", both_app_servers)

    def no_tracebacks():
        logs = [s.work / "app1.log", s.work / "app2.log"]
        found = [p.name for p in logs if p.exists() and "Traceback" in p.read_text()]
        return not found, ", ".join(found) or "none in the app servers' logs"

    checks.run("no traceback in the app servers' logs", no_tracebacks)

    # Tasks that failed in the worker are reported, not judged: the failure is the task's own
    # (the worker ran it), and it is for the app that queued it to fix.
    worker_log = (s.work / "worker.log").read_text()
    failures = re.findall(r"path=(\S+) state=FAILED", worker_log)
    if failures:
        say(
            f"  note: {len(failures)} task(s) failed in the worker: {sorted(set(failures))}; "
            f"see {s.work / 'worker.log'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=int, default=600, help="whole run, seconds")
    args = parser.parse_args()
    stack.deadline(args.timeout, "prod-smoke")
    work = stack.workdir("kopuro-smoke-")
    say(f"Kopuro prod-smoke; logs in {work}")
    stack.main_services(DATABASE)
    env = stack.production_env(
        database_url=f"postgres://postgres@127.0.0.1:{bench_pg_port()}/{DATABASE}",
        redis_url=REDIS_URL,
        work=work,
    )
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # db 7 is this run's own
    say(f"database {DATABASE}: migrations, static files, site and demo content")
    stack.prepare_database(env, work / "manage.log")
    s = stack.Stack(env, work)
    checks = Checks()
    started = time.monotonic()
    try:
        say("starting nginx, two app servers and the task worker")
        s.start()
        say(f"nginx on 127.0.0.1:{s.port} → app servers {s.app_ports}; checks:")
        smoke(s, env, checks)
    except (Exception, KeyboardInterrupt) as e:
        checks.check("the run itself", False, f"{type(e).__name__}: {e}")
    finally:
        say("stopping everything")
        s.close()
    took = stack.elapsed_since(started)
    print()
    print(f"{'check':62} result")
    for name, ok, _detail in checks.rows:
        print(f"{name:62} {'ok' if ok else 'FAILED'}")
    print(f"{len(checks.rows) - checks.failed}/{len(checks.rows)} checks passed in {took} s")
    return 1 if checks.failed else 0


def bench_pg_port() -> int:
    return stack.bench.PG_PORT


if __name__ == "__main__":
    sys.exit(main())
