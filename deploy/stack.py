"""Kopuro's production stack on loopback, for `make prod-smoke` and `make resilience`.

nginx with deploy/nginx/kopuro-app.conf (the file production includes, with its two paths
pointed at this checkout), two gunicorn app servers with deploy/gunicorn.conf.py, and the task
worker, all in production mode. The PostgreSQL and Redis helpers, the production environment and
the HTTP client come from bench/run.py. Everything this module starts is a child process in its
own session and is stopped by `Stack.close()`, which the callers run in `finally`.

The resilience run also starts its *own* PostgreSQL cluster (initdb into a temporary folder) and
its own redis-server, each on a free port, so that stopping them never touches the machine's
shared PostgreSQL (5432) and Redis (6379).
"""

# ruff: noqa: S603 - runs nginx, gunicorn, PostgreSQL's and Redis's own programs, nothing else

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import run as bench  # noqa: E402 - bench/run.py: services, production env, HTTP helpers

fetch, header, set_cookies, sign_in = bench.fetch, bench.header, bench.set_cookies, bench.sign_in
free_port, wait_for, say = bench.free_port, bench.wait_for, bench.say
PY = sys.executable
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in NGINX_CANDIDATES if os.access(p, os.X_OK)), None
    )
    if not found:
        sys.exit("nginx is not installed: `make nginx` installs Debian's package.")
    return found


def main_services(database: str) -> None:
    """The machine's PostgreSQL and Redis, started when stopped (bench's helpers), and a
    database of our own on it."""
    bench.DATABASE = database  # ensure_postgres creates bench.DATABASE when it is missing
    bench.ensure_postgres()
    bench.ensure_redis()


def production_env(*, database_url: str, redis_url: str, work: Path) -> dict[str, str]:
    env = bench.production_env()
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        KOPURO_BENCH_FLOOR="0",
        MEDIA_ROOT=str(work / "media"),
        KOPURO_BACKUP_DIR=str(work / "backups"),
        GUNICORN_LOG_LEVEL="warning",
    )
    return env


def manage(env: dict, *args: str, log: Path, timeout: float = 300) -> str:
    """Run manage.py; its output goes to `log` (and the last lines into the error if it fails)."""
    result = subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    with log.open("a") as f:
        f.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{tail}")
    return result.stdout


def prepare_database(env: dict, log: Path) -> None:
    """Migrations, static files, the site and a little demo content (idempotent)."""
    manage(env, "migrate", "--no-input", "-v", "0", log=log, timeout=600)
    manage(env, "collectstatic", "--no-input", "-v", "0", log=log)
    manage(env, "ensure_site", log=log)
    manage(env, "seed_demo", "--members", "10", "--no-photos", log=log, timeout=600)


class AppServer(bench.Gunicorn):
    """gunicorn with deploy/gunicorn.conf.py on one loopback port (bench's start/stop logic)."""

    def __init__(self, env: dict, *, port: int, workers: int, log: Path):
        self.port = port
        self.log = log
        env = {**env, "KOPURO_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    str(bench.VENV_BIN / "gunicorn"),
                    "-c",
                    str(ROOT / "deploy" / "gunicorn.conf.py"),
                    "config.wsgi:application",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )


class Process:
    """A long-running child in its own session (task worker, nginx, redis-server)."""

    def __init__(self, cmd: list[str], *, env: dict | None = None, log: Path, cwd: Path = ROOT):
        self.cmd, self.env, self.log, self.cwd = cmd, env, log, cwd
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                self.cmd,
                cwd=self.cwd,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
        if self.alive():
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)


NGINX_MAIN = """# Rendered by deploy/stack.py for a loopback run; the site part is deploy/nginx/kopuro-app.conf.
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 30;
    client_body_temp_path {work}/nginx-tmp/body;
    proxy_temp_path {work}/nginx-tmp/proxy;
    fastcgi_temp_path {work}/nginx-tmp/fastcgi;
    uwsgi_temp_path {work}/nginx-tmp/uwsgi;
    scgi_temp_path {work}/nginx-tmp/scgi;
    log_format upstream '$status $request_method $uri $upstream_addr $upstream_status $request_time';
    access_log {work}/nginx-access.log upstream;
    upstream kopuro_app {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1 localhost;
        include {work}/kopuro-app.conf;
    }}
}}
"""


def render_nginx(work: Path, *, port: int, app_ports: list[int]) -> Path:
    """nginx.conf for loopback: production's kopuro-app.conf with the checkout's paths."""
    (work / "nginx-tmp").mkdir(exist_ok=True)
    site = (ROOT / "deploy" / "nginx" / "kopuro-app.conf").read_text()
    site = site.replace("/srv/kopuro/staticfiles/", f"{ROOT}/staticfiles/")
    site = site.replace("/var/lib/kopuro/media/", f"{work}/media/")
    (work / "kopuro-app.conf").write_text(site)
    mime = next(
        (
            p
            for p in ("/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types")
            if Path(p).exists()
        ),
        None,
    )
    if mime is None:
        sys.exit("nginx's mime.types is missing (is Debian's nginx installed?)")
    # The same server options as production's upstream (deploy/nginx/kopuro.conf).
    production = (ROOT / "deploy" / "nginx" / "kopuro.conf").read_text()
    options = re.search(r"server 127\.0\.0\.1:8000([^;]*);", production).group(1)
    servers = "\n".join(f"        server 127.0.0.1:{p}{options};" for p in app_ports)
    conf = work / "nginx.conf"
    conf.write_text(
        NGINX_MAIN.format(
            # As root, nginx's workers would run as nobody, who cannot read a checkout in /tmp.
            user="user root;" if os.geteuid() == 0 else "",
            work=work,
            mime_types=mime,
            servers=servers,
            port=port,
        )
    )
    return conf


class Stack:
    """nginx + two app servers + the task worker, in production mode on loopback."""

    def __init__(self, env: dict, work: Path, *, workers_per_server: int = 2):
        self.env, self.work = env, work
        self.app_ports = [free_port(), free_port()]
        self.port = free_port()
        self.apps: list[AppServer] = []
        self.worker: Process | None = None
        self.nginx: Process | None = None
        self.workers_per_server = workers_per_server

    def start(self) -> None:
        (self.work / "media").mkdir(parents=True, exist_ok=True)
        for i, port in enumerate(self.app_ports):
            self.apps.append(self.start_app(i, port))
        self.worker = Process(
            [PY, "manage.py", "db_worker"], env=self.env, log=self.work / "worker.log"
        )
        conf = render_nginx(self.work, port=self.port, app_ports=self.app_ports)
        binary = nginx_binary()
        test = subprocess.run(
            [binary, "-t", "-q", "-p", str(self.work), "-c", str(conf)],
            capture_output=True,
            text=True,
        )
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t refused the configuration:\n{test.stderr}")
        self.nginx = Process(
            [binary, "-p", str(self.work), "-c", str(conf), "-g", "daemon off;"],
            log=self.work / "nginx-stdout.log",
        )
        for app in self.apps:
            app.wait_ready()
        wait_for(lambda: self._nginx_up(), "nginx", timeout=20)

    def start_app(self, index: int, port: int) -> AppServer:
        return AppServer(
            self.env,
            port=port,
            workers=self.workers_per_server,
            log=self.work / f"app{index + 1}.log",
        )

    def _nginx_up(self) -> bool:
        try:
            return fetch(self.port, "GET", "/healthz")[0] == 200
        except OSError:
            return False

    def close(self) -> None:
        for part in [self.nginx, self.worker, *self.apps]:
            if part is not None:
                try:
                    part.stop()
                except Exception as e:  # noqa: BLE001 - keep tearing down the rest
                    say(f"could not stop {part}: {e}")


# --- Private PostgreSQL cluster and Redis (resilience) -----------------------------------------


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _pg_bin(name: str) -> str:
    versions = sorted(
        (p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / name).exists()),
        key=lambda p: float(p.parent.name),
    )
    if versions:
        return str(versions[-1] / name)
    return shutil.which(name) or sys.exit(f"{name} is not installed (apt-get install postgresql)")


class PrivateCluster:
    """A PostgreSQL cluster of our own in `work/pg`, on a free loopback port."""

    def __init__(self, work: Path):
        self.dir = work / "pg"
        self.sockets = work / "pg-sockets"
        self.port = free_port()
        self.log = work / "postgresql.log"

    def init(self) -> None:
        self.dir.mkdir()
        self.sockets.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
            self.log.touch()
            shutil.chown(self.log, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    _pg_bin("initdb"),
                    "-D",
                    str(self.dir),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1"
        subprocess.run(
            _as_postgres(
                [
                    _pg_bin("pg_ctl"),
                    "-D",
                    str(self.dir),
                    "-l",
                    str(self.log),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "fast") -> None:
        if (self.dir / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres(
                    [_pg_bin("pg_ctl"), "-D", str(self.dir), "-m", mode, "-w", "-t", "60", "stop"]
                ),
                capture_output=True,
            )

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def psql(self, database: str, sql: str) -> str:
        return subprocess.run(
            [
                _pg_bin("psql"),
                "-X",
                "-tA",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()


class PrivateRedis(Process):
    """A redis-server of our own on a free loopback port, without persistence."""

    def __init__(self, work: Path):
        self.port = free_port()
        super().__init__(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(work),
            ],
            log=work / "redis.log",
        )
        self.wait_up()

    def wait_up(self) -> None:
        import redis

        def up() -> bool:
            try:
                return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
            except redis.RedisError:
                return False

        wait_for(up, "redis-server", timeout=20)


def workdir(prefix: str) -> Path:
    """A temporary folder that nginx's and PostgreSQL's users may traverse."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def deadline(seconds: int, what: str) -> None:
    """Stop the whole run (through the callers' `finally`) after `seconds`."""

    def expired(*_):
        raise TimeoutError(f"{what} took longer than {seconds} s: stopped")

    signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    # A plain `kill` (or the Makefile's timeout) ends the run like Ctrl-C: teardown still runs.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))


def elapsed_since(start: float) -> float:
    return round(time.monotonic() - start, 1)
