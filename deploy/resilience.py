"""`make resilience`: Kopuro under steady load through nginx while its parts fail, on loopback.

Set-up: a PostgreSQL cluster and a redis-server of this run's own (free ports, a temporary
folder), so that stopping them never touches the machine's shared ones; the data is the
prod-smoke database (kopuro_smoke, prepared when missing), carried over with `manage.py backup`
and `manage.py restore`. nginx, two app servers and the task worker as in deploy/stack.py.

Load: page threads at a fixed rate (home in en/ru/ky, the news listing, /healthz, and a signed-in
member's dashboard, which is never cached and needs the session) and a form thread posting
numbered messages in a real conversation (the Connect message form, with its CSRF token).

Phases, each with a window before, during and after the fault:
1. one app server stopped (SIGTERM, as systemd does), later started again: no failed request
   beyond those in flight at the stop;
2. Redis stopped, later started: pages keep being served, the member stays signed in (cached_db
   sessions fall back to the database), the page cache fills again by itself;
3. PostgreSQL stopped (fast shutdown), later started: cached anonymous pages still 200, every
   other answer a clear 503 page or JSON 503, no traceback; service returns by itself.
Then a backup under load, the load stops, every message answered "saved" is looked up in the
database (and every one not saved must have had a clear error), and the backup is restored into
a scratch database whose row counts must equal the backup's.

Writes deploy/results/resilience-<timestamp>.json and prints a table. Exit status 1 when a check
fails. Bounded: --timeout (default 400 s) stops everything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402 - deploy/stack.py
from stack import fetch, header, say, set_cookies, sign_in  # noqa: E402

RESULTS = stack.ROOT / "deploy" / "results"
SOURCE_DATABASE = "kopuro_smoke"
DATABASE = "kopuro"
MEMBER = ("aida@demo.kopuro.org", "kopuro-demo")
# What a clear error says: Kopuro's 503 page or JSON, or nginx's page for 502/504
# (kopuro/core/static/core/unavailable.html).
CLEAR_503 = (
    b"Kopuro is briefly unavailable",
    b'"database_unavailable"',
    b'"unavailable"',
    b"Kopuro could not answer just now",
)
PAGES = [
    ("/en/", False),
    ("/ru/", False),
    ("/ky/", False),
    ("/en/news/", False),
    ("/healthz", False),
    ("/en/me/", True),  # the member's dashboard: uncached, needs the session
]


# --- Load ---------------------------------------------------------------------------------------


class Load:
    """Fixed-rate load on keep-alive connections; every request is recorded with its times."""

    def __init__(self, port: int, *, cookie: str, csrf: str, conversation: int, rate: float):
        self.port, self.cookie, self.csrf, self.conversation = port, cookie, csrf, conversation
        self.rate = rate
        self.records: list[dict] = []
        self.stopping = threading.Event()
        self.run_id = uuid.uuid4().hex[:8]
        self.t0 = time.monotonic()
        self.threads: list[threading.Thread] = []

    def now(self) -> float:
        return time.monotonic() - self.t0

    def start(self, page_threads: int = 4, form_rate: float = 4.0) -> None:
        for i in range(page_threads):
            self.threads.append(
                threading.Thread(target=self._pages, args=(i, self.rate / page_threads))
            )
        self.threads.append(threading.Thread(target=self._forms, args=(form_rate,)))
        for t in self.threads:
            t.daemon = True
            t.start()

    def stop(self) -> None:
        self.stopping.set()
        for t in self.threads:
            t.join(timeout=15)

    def _request(self, conn_box: list, method: str, path: str, headers: dict, body=None):
        start = self.now()
        status, location, error, content, cache = None, "", "", b"", None
        try:
            if conn_box[0] is None:
                conn_box[0] = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            conn = conn_box[0]
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            if response.getheader("Content-Encoding") == "gzip":
                content = gzip.decompress(content)
            status = response.status
            location = response.getheader("Location") or ""
            cache = response.getheader("X-Kopuro-Cache")
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn_box[0] = None
        except (OSError, http.client.HTTPException) as e:
            error = f"{type(e).__name__}: {e}"[:120]
            if conn_box[0] is not None:
                conn_box[0].close()
            conn_box[0] = None
        return {
            "start": start,
            "end": self.now(),
            "method": method,
            "path": path,
            "status": status,
            "error": error,
            "location": location,
            "cache": cache,
            "clear_503": status in (502, 503, 504) and any(m in content for m in CLEAR_503),
            "traceback": b"Traceback" in content,
            "signed_in": b"Sign out" in content,
        }

    def _paced(self, rate: float):
        interval = 1.0 / rate
        next_at = time.monotonic()
        while not self.stopping.is_set():
            yield
            next_at += interval
            delay = next_at - time.monotonic()
            if delay > 0:
                self.stopping.wait(delay)
            else:
                next_at = time.monotonic()  # behind: do not burst to catch up

    def _pages(self, index: int, rate: float) -> None:
        box = [None]
        for n, _ in enumerate(self._paced(rate)):
            path, member = PAGES[(n + index) % len(PAGES)]
            headers = {"Accept-Encoding": "gzip"}
            if member:
                headers["Cookie"] = self.cookie
            record = self._request(box, "GET", path, headers)
            record["kind"] = "member" if member else "page"
            self.records.append(record)

    def _forms(self, rate: float) -> None:
        box = [None]
        path = f"/en/messages/{self.conversation}/"
        for n, _ in enumerate(self._paced(rate)):
            text = f"resilience-{self.run_id}-{n:05d}"
            form = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf, "body": text})
            record = self._request(
                box,
                "POST",
                path,
                {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"},
                form.encode(),
            )
            record["kind"] = "form"
            record["text"] = text
            record["saved"] = record["status"] == 302 and "#latest" in record["location"]
            self.records.append(record)


# --- Figures ------------------------------------------------------------------------------------


def p99(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1)


def window(records: list[dict], start: float, end: float) -> list[dict]:
    return [r for r in records if start <= r["start"] < end]


def failed(record: dict, *, database_down: bool) -> bool:
    """A failed request: no answer, a traceback, a 5xx, or (while the database is down) an
    answer that is neither a cached page, a saved form, nor a clear 503."""
    if record["error"] or record["traceback"]:
        return True
    if database_down:
        return not (record["status"] in (200, 302, 303, 404) or record["clear_503"])
    return record["status"] is None or record["status"] >= 500


def summarise(records: list[dict], *, database_down: bool = False, down_from: float = 1e9) -> dict:
    """Figures for a window. `down_from`: requests still unanswered at that moment (in flight
    when the database stopped) are judged as answered while it was down."""
    fails = [r for r in records if failed(r, database_down=database_down or r["end"] >= down_from)]
    statuses: dict[str, int] = {}
    for r in records:
        key = str(r["status"]) if r["status"] else "no answer"
        statuses[key] = statuses.get(key, 0) + 1
    return {
        "sent": len(records),
        "failed": len(fails),
        "p99_ms": p99([r["end"] - r["start"] for r in records]),
        "statuses": dict(sorted(statuses.items())),
        "clear_503": sum(1 for r in records if r["clear_503"]),
        "failures": sorted(
            {f"{r['method']} {r['path']}: {r['status'] or r['error']}" for r in fails}
        )[:10],
    }


# --- Phases -------------------------------------------------------------------------------------


def phase(load: Load, name: str, stop, start, *, before: float, during: float, after: float):
    """Run one fault: `before` s of normal load, stop(), `during` s, start(), `after` s."""
    say(f"phase {name}: {before:.0f} s before")
    t_before = load.now()
    time.sleep(before)
    t_stop = load.now()
    say(f"phase {name}: fault")
    info = stop() or {}
    t_stopped = load.now()  # the fault is complete (the server has exited)
    # In flight: handed over before the fault was complete and not answered before it began.
    in_flight = sum(1 for r in list(load.records) if r["start"] <= t_stopped and r["end"] >= t_stop)
    time.sleep(during)
    t_restore = load.now()
    say(f"phase {name}: recovery")
    start()
    t_recovered = load.now()
    time.sleep(after)
    t_end = load.now()
    return {
        "name": name,
        "t": {
            "before": t_before,
            "stop": t_stop,
            "stopped": t_stopped,
            "restore": t_restore,
            "recovered": t_recovered,
            "end": t_end,
        },
        "in_flight_at_stop": in_flight,
        "recovery_seconds": round(t_recovered - t_restore, 2),
        **info,
    }


def figures(load: Load, ph: dict, *, database: bool = False) -> dict:
    t = ph["t"]
    records = list(load.records)
    return {
        "before": summarise(
            window(records, t["before"], t["stop"]), down_from=t["stop"] if database else 1e9
        ),
        "during": summarise(window(records, t["stop"], t["recovered"]), database_down=database),
        "after": summarise(window(records, t["recovered"], t["end"])),
    }


# --- Main ---------------------------------------------------------------------------------------


def prepare(work: Path) -> tuple[stack.PrivateCluster, stack.PrivateRedis, dict]:
    """Private PostgreSQL and Redis; the prod-smoke database copied in by backup + restore."""
    say("private PostgreSQL cluster (initdb) and redis-server on free ports")
    cluster = stack.PrivateCluster(work)
    cluster.init()
    cluster.start()
    private_redis = stack.PrivateRedis(work)
    say(f"  PostgreSQL on 127.0.0.1:{cluster.port}, Redis on 127.0.0.1:{private_redis.port}")

    stack.main_services(SOURCE_DATABASE)
    source_env = stack.production_env(
        database_url=f"postgres://postgres@127.0.0.1:{stack.bench.PG_PORT}/{SOURCE_DATABASE}",
        redis_url="redis://127.0.0.1:6379/7",
        work=work,
    )
    say(f"data: {SOURCE_DATABASE} (prepared when missing), backed up and restored into the cluster")
    stack.prepare_database(source_env, work / "manage.log")
    out = stack.manage(
        source_env, "backup", "--dir", str(work / "seed"), "--no-media", log=work / "manage.log"
    )
    seed = out.strip().splitlines()[-1]
    admin_env = {**source_env, "DATABASE_URL": cluster.url("postgres")}
    stack.manage(admin_env, "restore", seed, "--into", DATABASE, log=work / "manage.log")
    env = stack.production_env(
        database_url=cluster.url(DATABASE),
        redis_url=f"redis://127.0.0.1:{private_redis.port}/0",
        work=work,
    )
    return cluster, private_redis, env


def conversation_of(cluster: stack.PrivateCluster) -> int:
    return int(
        cluster.psql(
            DATABASE,
            "SELECT c.id FROM connect_conversation c JOIN accounts_user u "  # noqa: S608
            "ON u.id IN (c.user_a_id, c.user_b_id) "
            f"WHERE u.email = '{MEMBER[0]}' ORDER BY c.id LIMIT 1",
        )
    )


def probes(port: int, cookie: str) -> dict:
    """What a person and an API client see while the database is down."""
    out = {}
    for name, path, headers in [
        ("member page", "/en/me/", {"Cookie": cookie}),
        ("healthz", "/healthz", {}),
        ("API", "/en/api/v1/news/", {"Accept": "application/json"}),
    ]:
        status, h, body = fetch(port, "GET", path, headers=headers)
        out[name] = {
            "status": status,
            "content_type": header(h, "content-type"),
            "retry_after": header(h, "retry-after"),
            "clear": any(m in body for m in CLEAR_503),
            "traceback": b"Traceback" in body,
            "body": body.decode(errors="replace")[:160],
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=int, default=400, help="whole run, seconds")
    parser.add_argument("--rate", type=float, default=40.0, help="page requests per second")
    parser.add_argument("--form-rate", type=float, default=4.0, help="form posts per second")
    parser.add_argument("--before", type=float, default=5.0)
    parser.add_argument("--during", type=float, default=8.0)
    parser.add_argument("--after", type=float, default=6.0)
    args = parser.parse_args()
    stack.deadline(args.timeout, "resilience")
    started = dt.datetime.now(dt.UTC)
    work = stack.workdir("kopuro-resilience-")
    say(f"Kopuro resilience run; logs in {work}")
    cluster = private_redis = s = load = None
    checks: list[tuple[str, bool, str]] = []
    result: dict = {"started_at": started.strftime("%Y-%m-%d %H:%M UTC"), "phases": {}}

    def check(name: str, ok: bool, detail: str = "") -> None:
        checks.append((name, bool(ok), detail))
        say(f"  {'ok  ' if ok else 'FAIL'} {name}{f' ({detail})' if detail else ''}")

    try:
        cluster, private_redis, env = prepare(work)
        s = stack.Stack(env, work)
        say("starting nginx, two app servers and the task worker")
        s.start()
        port = s.port
        cookie = sign_in(port, *MEMBER)
        pk = conversation_of(cluster)
        status, h, body = fetch(port, "GET", f"/en/messages/{pk}/", headers={"Cookie": cookie})
        if "csrftoken" not in cookie:
            cookie += "; csrftoken=" + set_cookies(h)["csrftoken"]
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        load = Load(port, cookie=cookie, csrf=csrf, conversation=pk, rate=args.rate)
        say(f"load: {args.rate:.0f} page requests/s and {args.form_rate:.0f} form posts/s")
        load.start(form_rate=args.form_rate)
        time.sleep(3)  # warm-up: the page cache fills
        timing = {"before": args.before, "during": args.during, "after": args.after}

        # 1. One app server stopped.
        def stop_app():
            s.apps[1].stop()  # SIGTERM: gunicorn finishes what it holds, then exits

        def start_app():
            s.apps[1] = s.start_app(1, s.app_ports[1])
            s.apps[1].wait_ready()

        ph = phase(load, "app server", stop_app, start_app, **timing)
        ph["figures"] = figures(load, ph)
        result["phases"]["app_server"] = ph

        # 2. Redis stopped.
        def stop_redis():
            private_redis.stop()

        def start_redis():
            private_redis.start()
            private_redis.wait_up()

        ph = phase(load, "Redis", stop_redis, start_redis, **timing)
        ph["figures"] = figures(load, ph)
        records = list(load.records)
        t = ph["t"]
        during = window(records, t["stop"], t["recovered"])
        member = [r for r in during if r["kind"] == "member"]
        ph["member_signed_in_during"] = f"{sum(r['signed_in'] for r in member)}/{len(member)}"
        after = window(records, t["recovered"], t["end"])
        ph["cache_hits_during"] = sum(1 for r in during if r["cache"] == "hit")
        ph["cache_hits_after"] = sum(1 for r in after if r["cache"] == "hit")
        result["phases"]["redis"] = ph

        # 3. PostgreSQL stopped.
        seen: dict = {}

        def stop_db():
            cluster.stop("fast")
            time.sleep(2)
            seen["probes"] = probes(port, cookie)

        ph = phase(load, "PostgreSQL", stop_db, cluster.start, **timing)
        ph["figures"] = figures(load, ph, database=True)
        ph["probes"] = seen.get("probes", {})
        records = list(load.records)
        t = ph["t"]
        during = window(records, t["stop"], t["recovered"])
        ph["pages_served_from_cache_during"] = sum(
            1 for r in during if r["status"] == 200 and r["cache"] == "hit"
        )
        result["phases"]["postgresql"] = ph

        # 4. Backup under load, then stop the load.
        say("backup under load (pg_dump from one snapshot, with its row counts)")
        t_backup = time.monotonic()
        out = stack.manage(env, "backup", log=work / "manage.log")
        backup = out.strip().splitlines()[-1]
        backup_seconds = round(time.monotonic() - t_backup, 1)
        time.sleep(1)
        load.stop()
        time.sleep(1)

        # 5. Forms: saved ones are stored; the others had a clear error.
        stored = set(
            cluster.psql(
                DATABASE,
                f"SELECT body FROM connect_message WHERE body LIKE 'resilience-{load.run_id}-%'",  # noqa: S608
            ).split()
        )
        forms = [r for r in load.records if r["kind"] == "form"]
        saved = [r for r in forms if r["saved"]]
        not_saved = [r for r in forms if not r["saved"]]
        clear = [r for r in not_saved if r["clear_503"]]
        result["forms"] = {
            "posted": len(forms),
            "answered_saved": len(saved),
            "saved_and_stored": sum(1 for r in saved if r["text"] in stored),
            "answered_not_saved": len(not_saved),
            "not_saved_with_clear_error": len(clear),
            "not_saved_but_stored": sum(1 for r in not_saved if r["text"] in stored),
            "stored": len(stored),
            "unclear_answers": sorted(
                {f"{r['status'] or r['error']}" for r in not_saved if not r["clear_503"]}
            ),
        }

        # 6. Restore the backup into a scratch database.
        say("restore of the backup into a scratch database")
        out = stack.manage(
            env, "restore", backup, "--into", "kopuro_restore_check", log=work / "manage.log"
        )
        manifest = json.loads((Path(backup) / "manifest.json").read_text())
        restored_messages = int(
            cluster.psql("kopuro_restore_check", "SELECT count(*) FROM connect_message")
        )
        result["restore"] = {
            "backup": Path(backup).name,
            "backup_seconds_under_load": backup_seconds,
            "tables": len(manifest["counts"]),
            "rows": sum(manifest["counts"].values()),
            "counts_match": "Row counts match" in out,
            "messages_in_backup": manifest["counts"]["connect_message"],
            "messages_restored": restored_messages,
            "dump_bytes": manifest["files"]["database.dump"]["bytes"],
        }
        logs = [work / "app1.log", work / "app2.log"]
        result["tracebacks_in_logs"] = sum(
            p.read_text().count("Traceback") for p in logs if p.exists()
        )
        # Reported, not judged: a task's own failure is not the outages' doing.
        result["worker_tasks_failed"] = (work / "worker.log").read_text().count("state=FAILED")
        result["requests_total"] = len(load.records)
    except (Exception, KeyboardInterrupt) as e:
        check("the run itself", False, f"{type(e).__name__}: {e}")
    finally:
        say("stopping everything")
        if load is not None:
            load.stop()
        if s is not None:
            s.close()
        if private_redis is not None:
            private_redis.stop()
        if cluster is not None:
            cluster.stop("immediate")

    verdicts(result, check)
    result["checks"] = [{"name": n, "ok": ok, "detail": d} for n, ok, d in checks]
    result["total_seconds"] = round(time.perf_counter() - stack.bench.T0, 1)
    result["config"] = vars(args)
    RESULTS.mkdir(exist_ok=True)
    out_path = RESULTS / f"resilience-{started.strftime('%Y%m%d-%H%M%S')}.json"
    out_path.write_text(json.dumps(result, indent=2) + "\n")
    print()
    print(table(result))
    print()
    say(f"results in {out_path.relative_to(stack.ROOT)}; logs in {work}")
    return 0 if all(ok for _n, ok, _d in checks) else 1


def verdicts(result: dict, check) -> None:
    phases = result["phases"]
    if "app_server" in phases:
        ph = phases["app_server"]
        during = ph["figures"]["during"]["failed"]
        check(
            "app server stopped: no failed request beyond those in flight",
            during <= ph["in_flight_at_stop"]
            and all(ph["figures"][w]["failed"] == 0 for w in ("before", "after")),
            f"{during} failed during, {ph['in_flight_at_stop']} in flight at the stop",
        )
    if "redis" in phases:
        ph = phases["redis"]
        f = ph["figures"]
        check(
            "Redis stopped: pages served, member stays signed in",
            f["during"]["failed"] == 0
            and ph["member_signed_in_during"].split("/")[0]
            == ph["member_signed_in_during"].split("/")[1],
            f"{f['during']['failed']} failed, signed in {ph['member_signed_in_during']}",
        )
        check(
            "Redis back: the page cache fills again by itself",
            ph["cache_hits_after"] > 0 and f["after"]["failed"] == 0,
            f"{ph['cache_hits_after']} cache hits after, {ph['cache_hits_during']} during",
        )
    if "postgresql" in phases:
        ph = phases["postgresql"]
        f = ph["figures"]
        probes_ = ph.get("probes", {})
        check(
            "PostgreSQL stopped: cached pages or a clear 503, never a traceback",
            f["during"]["failed"] == 0 and f["during"]["clear_503"] > 0,
            f"{f['during']['clear_503']} clear 503s, {ph['pages_served_from_cache_during']} "
            f"pages from the cache, {f['during']['failed']} other",
        )
        check(
            "PostgreSQL stopped: 503 page for people, JSON 503 for /healthz and the API",
            probes_.get("member page", {}).get("clear")
            and probes_.get("member page", {}).get("status") == 503
            and probes_.get("healthz", {}).get("status") == 503
            and probes_.get("API", {}).get("status") == 503
            and (probes_.get("API", {}).get("content_type") or "").startswith("application/json")
            and not any(p.get("traceback") for p in probes_.values()),
            ", ".join(f"{k} {v.get('status')}" for k, v in probes_.items()),
        )
        check(
            "PostgreSQL back: served again by itself",
            f["after"]["failed"] == 0,
            f"{f['after']['failed']} failed after, recovered in {ph['recovery_seconds']} s",
        )
    if "forms" in result:
        fo = result["forms"]
        check(
            "every form answered 'saved' is in the database",
            fo["saved_and_stored"] == fo["answered_saved"] > 0,
            f"{fo['saved_and_stored']}/{fo['answered_saved']}",
        )
        check(
            "every form not saved got a clear error",
            fo["not_saved_with_clear_error"] == fo["answered_not_saved"],
            f"{fo['not_saved_with_clear_error']}/{fo['answered_not_saved']} "
            f"{fo['unclear_answers'] or ''}",
        )
    if "restore" in result:
        r = result["restore"]
        check(
            "restore of the backup on a scratch database: same counts",
            r["counts_match"] and r["messages_in_backup"] == r["messages_restored"],
            f"{r['tables']} tables, {r['rows']:,} rows; messages {r['messages_restored']}",
        )
    if "tracebacks_in_logs" in result:
        check(
            "no traceback in the app servers' logs",
            result["tracebacks_in_logs"] == 0,
            str(result["tracebacks_in_logs"]),
        )


def table(result: dict) -> str:
    lines = [
        "| phase | window | requests | failed | clear 503 | p99 ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for ph in result["phases"].values():
        for w in ("before", "during", "after"):
            f = ph["figures"][w]
            lines.append(
                f"| {ph['name']} | {w} | {f['sent']} | {f['failed']} | {f['clear_503']} | "
                f"{f['p99_ms'] if f['p99_ms'] is not None else '–'} |"
            )
    if "forms" in result:
        fo = result["forms"]
        lines += [
            "",
            f"Forms: {fo['posted']} posted, {fo['answered_saved']} answered saved "
            f"({fo['saved_and_stored']} found in the database), {fo['answered_not_saved']} not "
            f"saved ({fo['not_saved_with_clear_error']} with the clear 503 page; "
            f"{fo['not_saved_but_stored']} of them stored anyway).",
        ]
    if "restore" in result:
        r = result["restore"]
        lines.append(
            f"Backup under load in {r['backup_seconds_under_load']} s ({r['dump_bytes']:,} bytes); "
            f"restore: {r['tables']} tables, {r['rows']:,} rows, counts match: {r['counts_match']}."
        )
    lines += ["", "| check | result |", "|---|---|"]
    for c in result["checks"]:
        lines.append(f"| {c['name']} ({c['detail']}) | {'ok' if c['ok'] else 'FAILED'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
