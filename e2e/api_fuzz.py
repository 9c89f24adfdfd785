"""`make api-fuzz`: schemathesis's CLI over every operation of the live API.

1. A live Kopuro as the browser journeys get it (e2e/support/server.py: `manage.py runserver` on
   a free loopback port, a fresh SQLite database migrated and seeded with the demo data).
2. Real credentials on it: a personal token of the demo member, a partner token of an
   organisation she administers, an information terminal's token (printed by a `manage.py shell`
   run on the same database), filled into e2e/api_fuzz.toml's ${…} variables.
3. `schemathesis run <server>/api/v1/openapi.json` with every check, a few examples per operation
   (--max-examples, default 8) and a fixed seed: a server error or an answer that breaks the
   schema fails the run.
4. The server is stopped and its folder removed, also on failure (E2E_KEEP=1 keeps it).

Exit status: schemathesis's own (0 when nothing failed). The last line sums the run up.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import string
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from e2e.support.server import server_env, start_server, stop_server  # noqa: E402

CONFIG = REPO / "e2e" / "api_fuzz.toml"
MARK = "KOPURO-FUZZ "
# Run on the seeded database by `manage.py shell`: the credentials the operations are called with.
CREDENTIALS = """
import json
from kopuro.accounts.models import User
from kopuro.api.models import PARTNER_SCOPES, PERSONAL_SCOPES, ApiToken
from kopuro.contribute import services
from kopuro.contribute.models import Membership
from kopuro.infodesk.models import Terminal
from kopuro.infodesk.services import terminal_issue_token

user = User.objects.get(email="aida@demo.kopuro.org")
admin = Membership.objects.filter(user=user, role="admin").select_related("organisation").first()
org = admin.organisation if admin else services.organisation_create(
    by=user, data={"name": "API Fuzz Fund", "kind": "ngo", "description": "Fuzzing the API."}
)
limit = {"per_minute": 100_000}
personal = ApiToken.issue(user=user, name="api-fuzz", scopes=PERSONAL_SCOPES, **limit)[1]
partner = ApiToken.issue(
    user=user, name="api-fuzz", kind="partner", scopes=PARTNER_SCOPES, organisation=org, **limit
)[1]
terminal = Terminal.objects.filter(active=True).first() or Terminal.objects.create(
    code="FUZZ-1", name="Fuzz", place="Hall", region="Chui"
)
print("KOPURO-FUZZ " + json.dumps({
    "KOPURO_FUZZ_PERSONAL": personal,
    "KOPURO_FUZZ_PARTNER": partner,
    "KOPURO_FUZZ_ORGANISATION": org.slug,
    "KOPURO_FUZZ_TERMINAL": terminal.code + ":" + terminal_issue_token(terminal=terminal),
}))
"""


def credentials(env: dict[str, str]) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", CREDENTIALS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    raise RuntimeError(f"no credentials from manage.py shell:\n{result.stdout}{result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=8)
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()

    started = time.monotonic()
    # The server takes its environment from ours (e2e/support/server.py pins the database, media
    # and mail to its own folder): lift the per-minute limits a few hundred calls would hit.
    os.environ["KOPURO_API_ANONYMOUS_PER_MINUTE"] = "100000"
    os.environ["KOPURO_API_MEMBER_PER_MINUTE"] = "100000"
    os.environ["KOPURO_API_TERMINAL_PER_MINUTE"] = "100000"
    print("api-fuzz: starting a seeded server (migrate, seed_demo, runserver)…", flush=True)
    server = start_server()
    try:
        env = {**server_env(server.tmp), "SITE_URL": server.url}
        found = credentials(env)
        fuzz_env = {**os.environ, **found}
        # Schemathesis fills ${…} in headers but not in a dictionary's values: fill in all here.
        config = server.tmp / "api_fuzz.toml"
        config.write_text(string.Template(CONFIG.read_text()).safe_substitute(found))
        up = time.monotonic() - started
        print(f"api-fuzz: server at {server.url} ({up:.0f} s); running schemathesis", flush=True)
        cmd = [
            str(REPO / ".venv" / "bin" / "schemathesis"),
            "--no-color",
            "--config-file",
            str(config),
            "run",
            f"{server.url}/api/v1/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            str(args.max_examples),
            "--seed",
            str(args.seed),
            "--workers",
            "2",
        ]
        fuzz_started = time.monotonic()
        # Run in the server's folder: schemathesis keeps a cache (.schemathesis/) where it runs.
        proc = subprocess.run(
            cmd, cwd=server.tmp, env=fuzz_env, capture_output=True, text=True, check=False
        )
        output = proc.stdout + proc.stderr
        print(output, flush=True)
        took = time.monotonic() - fuzz_started
    finally:
        stop_server(server)
    figures = [
        line.strip()
        for line in output.splitlines()
        if re.match(r"\s*(Selected|Tested|\d+ generated|=+ .* in [\d.]+s)", line)
    ]
    print(
        f"api-fuzz: exit {proc.returncode}; schemathesis {took:.0f} s, "
        f"whole run {time.monotonic() - started:.0f} s; " + "; ".join(figures),
        flush=True,
    )
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
