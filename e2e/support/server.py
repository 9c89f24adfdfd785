"""A live Kopuro server for the journeys: `manage.py runserver` in a subprocess on a free loopback
port, against a fresh SQLite database in a temporary directory (migrated and seeded with the demo
data), with e-mail written to files so a journey can read the confirmation link.

A subprocess rather than pytest-django's `live_server`: the server then runs exactly as a
developer runs it (its own settings, threads and static files), and a journey's browser never
shares a database transaction or a thread with the test process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "e2e" / "artifacts"
DEMO_MEMBERS = 20


@dataclass
class Server:
    url: str  # e.g. http://127.0.0.1:40123 (no trailing slash)
    mail_dir: Path
    media_root: Path
    log_path: Path
    process: subprocess.Popen
    tmp: Path  # database, media and mail; removed at the end unless E2E_KEEP=1
    log: IO[str]

    def __call__(self, path: str = "/") -> str:
        """The absolute URL of a path on this server."""
        return self.url + path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(tmp: Path) -> dict[str, str]:
    """The server's environment: the developer's own, with everything that decides where data
    goes pinned to the temporary directory, so a journey never touches a real database, cache or
    mailbox (a DATABASE_URL or REDIS_URL in the environment or in .env is overridden)."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "KOPURO_ENV_FILE": "",  # a developer's .env must not change what the journeys see
            "KOPURO_PRODUCTION": "0",
            # DEBUG lets runserver serve static files and uploaded photos, as in `make run`.
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "REDIS_URL": "",
            "MEDIA_ROOT": str(tmp / "media"),
            # django-environ drops the first slash of the path: four slashes for an absolute one.
            "EMAIL_URL": f"filemail:///{tmp / 'mail'}",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "ACCOUNT_EMAIL_VERIFICATION": "mandatory",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _tail(log_path: Path, lines: int = 25) -> str:
    """The end of the server log, for an error message (the whole log stays in artifacts/)."""
    text = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    return "\n".join(text) + f"\n(whole log: {log_path})"


def _manage(args: list[str], env: dict[str, str], log) -> None:
    log.write(f"$ manage.py {' '.join(args)}\n")
    log.flush()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, stdout=log, stderr=log
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{_tail(Path(log.name))}")


def _migrate(env: dict[str, str], log, target: Path) -> None:
    """Migrate a fresh database, or copy one migrated earlier from the same migrations.

    Migrating from zero takes the biggest part of the start-up; the cache is keyed on every
    migration file, the settings and the lock file, so any change there migrates afresh.
    Delete e2e/artifacts/db-cache/ to force it.
    """
    key = hashlib.sha256()
    inputs = sorted(REPO.glob("kopuro/*/migrations/*.py")) + [
        REPO / "uv.lock",
        REPO / "config" / "settings" / "base.py",
    ]
    for path in inputs:
        key.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    cache = ARTIFACTS / "db-cache"
    cached = cache / f"migrated-{key.hexdigest()[:20]}.sqlite3"
    if cached.exists():
        log.write(f"$ cp {cached} (migrated earlier)\n")
        shutil.copyfile(cached, target)
        return
    _manage(["migrate", "--no-input", "-v", "0"], env, log)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("migrated-*.sqlite3"):
        old.unlink(missing_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    shutil.copyfile(target, partial)
    os.replace(partial, cached)  # atomic: a parallel run never reads half a file


def _wait_until_up(url: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited early:\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"The server did not answer /healthz in {timeout:.0f} s:\n{_tail(log_path)}")


def start_server() -> Server:
    tmp = Path(tempfile.mkdtemp(prefix="kopuro-e2e-"))
    (tmp / "mail").mkdir()
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "server.log"
    env = server_env(tmp)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env["SITE_URL"] = url
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop_server
    log.write(f"# database, media and mail in {tmp} (kept when E2E_KEEP=1)\n")
    process = None
    try:
        _migrate(env, log, tmp / "db.sqlite3")
        _manage(["seed_demo", "--members", str(DEMO_MEMBERS)], env, log)
        log.write(f"$ manage.py runserver 127.0.0.1:{port}\n")
        log.flush()
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        server = Server(url, tmp / "mail", tmp / "media", log_path, process, tmp, log)
        _wait_until_up(url, process, log_path, timeout=60)
    except BaseException:
        _clean_up(process, log, tmp)
        raise
    return server


def stop_server(server: Server) -> None:
    _clean_up(server.process, server.log, server.tmp)


def _clean_up(process: subprocess.Popen | None, log, tmp: Path) -> None:
    if process is not None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    log.close()
    if not os.environ.get("E2E_KEEP"):
        shutil.rmtree(tmp, ignore_errors=True)
