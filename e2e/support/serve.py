"""The journeys' web server: Django's development server as `manage.py runserver` runs it
(threads, static files through the staticfiles handler, the request log on stderr), with a
longer queue of pending connections, speaking HTTP/1.0 (each response closes its connection).

Under `runserver`, some journeys' requests reached the server about 20 s after the browser sent
them, while a thread dump showed every server thread idle: Chromium opens a page's connections
at once, Django's queue of 10 pending connections overflowed, and the kernel dropped the extra
ones until the browser's retries (1, 3, 7 s...) got through. HTTP/1.0 alone still left one such
gap in a run; with a queue of 128 there were none.

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
        # Django's 10 pending connections overflow when Chromium opens a page's connections at
        # once; the kernel then drops the new ones and the browser retries after 1, 3, 7 s...
        request_queue_size = 128

    host, port = sys.argv[1].rsplit(":", 1)
    httpd = Server((host, int(port)), Handler)
    httpd.set_app(StaticFilesHandler(get_internal_wsgi_application()))
    print(f"Serving the journeys at http://{host}:{port}/ (HTTP/1.0)", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
