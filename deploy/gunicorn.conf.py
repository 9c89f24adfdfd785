"""gunicorn settings for Kopuro (https://docs.gunicorn.org/en/stable/settings.html).

Used by deploy/systemd/kopuro-web@.service and by `make prod-smoke` / `make resilience`:
    gunicorn -c deploy/gunicorn.conf.py config.wsgi:application
Each app server listens on loopback; nginx spreads requests over them and retries an idempotent
request on the other one when one is down (deploy/nginx/kopuro.conf).
"""

import multiprocessing
import os

# KOPURO_BIND: one port per app server (systemd passes the instance name, e.g. 8000).
bind = [os.environ.get("KOPURO_BIND", "127.0.0.1:8000")]
# Synchronous workers: Kopuro's views are short and blocking; about two per core per machine.
# With two app servers on one machine, give each half (WEB_CONCURRENCY is gunicorn's variable).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# A request that takes longer than this is killed (nginx's proxy_read_timeout is longer).
timeout = 30
# On SIGTERM (systemctl stop/restart) workers finish the requests they hold, up to this long;
# nginx sends new requests to the other app server meanwhile.
graceful_timeout = 25
keepalive = 2
# Recycle workers now and then, so a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-Proto; trust it only from loopback.
forwarded_allow_ips = "127.0.0.1,::1"
# Logs to stderr: journald (systemd) keeps them. Access logs are nginx's job.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# Load Kopuro in the master before it binds the port: a (re)started app server accepts
# connections only once it can answer them, instead of holding requests for the seconds the
# workers take to import Django (nginx would wait on them rather than use the other server).
# Workers are forked from the loaded master; nothing connects to the database at import.
preload_app = True
proc_name = "kopuro"
