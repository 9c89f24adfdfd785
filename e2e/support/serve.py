"""The journeys' web server: Django's development server as `manage.py runserver` runs it
(threads, static files through the staticfiles handler, the request log on stderr), except that
it speaks HTTP/1.0, so each response closes its connection.

With HTTP/1.1 keep-alive, Chromium parked requests behind idle kept-alive sockets of the
threaded development server and the server saw some clicks' requests only ~20 s later (every
worker thread was found idle, blocked reading a silent socket), which timed journeys out.

Usage: python -m e2e.support.serve 127.0.0.1:PORT (the environment is server_env()'s).
"""

from __future__ import annotations

import socketserver
import sys


def main() -> None:
    import django

    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import (
        WSGIRequestHandler,
        WSGIServer,
        get_internal_wsgi_application,
    )

    class Handler(WSGIRequestHandler):
        protocol_version = "HTTP/1.0"

    class Server(socketserver.ThreadingMixIn, WSGIServer):
        daemon_threads = True

    host, port = sys.argv[1].rsplit(":", 1)
    httpd = Server((host, int(port)), Handler)
    httpd.set_app(StaticFilesHandler(get_internal_wsgi_application()))
    print(f"Serving the journeys at http://{host}:{port}/ (HTTP/1.0)", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
