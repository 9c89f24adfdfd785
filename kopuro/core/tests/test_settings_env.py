"""Settings are read from the environment: what each variable switches, and the safe defaults.

Each case imports config.settings.base in a fresh interpreter with exactly the environment given
(no .env file: KOPURO_ENV_FILE is empty), as `manage.py` and gunicorn do, and prints the values.
Production mode (missing or weak secrets, check --deploy, security headers) is tested in
test_production_settings.py.
"""

import ast
import json
import os
import re
import subprocess
import sys

from django.conf import settings

PRINT_SETTINGS = """
import ast
import json
from django.conf import settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "db_engine": db["ENGINE"], "db_name": str(db["NAME"]), "db_host": db.get("HOST", ""),
    "db_port": str(db.get("PORT", "")), "db_user": db.get("USER", ""),
    "cache": s.CACHES["default"]["BACKEND"], "cache_location": s.CACHES["default"].get("LOCATION"),
    "session_engine": s.SESSION_ENGINE, "debug": s.DEBUG, "time_zone": s.TIME_ZONE,
    "email_backend": s.EMAIL_BACKEND, "tasks": s.TASKS["default"]["BACKEND"],
}))
"""


def run_python(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run Python in the project root with only PATH and the variables given."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "KOPURO_ENV_FILE": "",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_with(**env: str) -> dict:
    result = run_python(["-c", PRINT_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_need_no_services():
    values = settings_with()
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(settings.BASE_DIR / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["session_engine"] == "django.contrib.sessions.backends.db"
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert values["debug"] is True
    assert values["time_zone"] == "Asia/Bishkek"


def test_a_copy_of_env_example_changes_nothing():
    example = str(settings.BASE_DIR / ".env.example")
    assert settings_with(KOPURO_ENV_FILE=example) == settings_with()


def test_database_url_picks_postgresql():
    values = settings_with(DATABASE_URL="postgres://kopuro:pw@db.internal:5433/kopuro_live")
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert (values["db_host"], values["db_port"]) == ("db.internal", "5433")
    assert (values["db_name"], values["db_user"]) == ("kopuro_live", "kopuro")


def test_redis_url_moves_cache_and_sessions_to_redis():
    values = settings_with(REDIS_URL="redis://127.0.0.1:6379/3")
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"
    assert values["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_env_file_is_read_and_the_environment_wins(tmp_path):
    env_file = tmp_path / "kopuro.env"
    env_file.write_text("TIME_ZONE=Europe/Moscow\nDATABASE_URL=postgres://u@db/from_file\n")
    values = settings_with(KOPURO_ENV_FILE=str(env_file), TIME_ZONE="Asia/Seoul")
    assert values["time_zone"] == "Asia/Seoul"  # the environment beats the file
    assert values["db_name"] == "from_file"


def variables_read_by_settings() -> set[str]:
    """Names passed to env(...), env.<cast>(...) or required(...) in config/settings/base.py."""
    tree = ast.parse((settings.BASE_DIR / "config/settings/base.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = ast.unparse(node.func)
        first = node.args[0]
        if (func in ("env", "required") or func.startswith("env.")) and (
            isinstance(first, ast.Constant) and isinstance(first.value, str)
        ):
            names.add(first.value)
    return names


def test_env_example_lists_every_variable_the_settings_read():
    example = (settings.BASE_DIR / ".env.example").read_text()
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE))
    read = variables_read_by_settings()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= read
    assert read - listed == set(), "add these to .env.example with a line of explanation"
    assert listed - read == set(), "remove these from .env.example: the settings do not read them"
