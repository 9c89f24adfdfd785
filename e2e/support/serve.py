"""The journeys' web server: Django's development server as `manage.py runserver` runs it
(threads, static files through the staticfiles handler, the request log on stderr, HTTP/1.1
keep-alive), with a longer queue of pending connections.

Under `runserver`, some journeys' requests reached the server about 20 s after the browser sent
them, while a thread dump showed every server thread idle: Chromium opens a page's connections
at once, Django's queue of 10 pending connections overflowed, and the kernel dropped the extra
ones until the browser's retries (1, 3, 7 s...) got through. HTTP/1.0 (a new connection per
request) made it worse after pages with many assets; keep-alive reuses connections.

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

    class Server(socketserver.ThreadingMixIn, WSGIServer):
        daemon_threads = True
        # Django's 10 pending connections overflow when Chromium opens a page's connections at
        # once; the kernel then drops the new ones and the browser retries after 1, 3, 7 s...
        request_queue_size = 128

    host, port = sys.argv[1].rsplit(":", 1)
    httpd = Server((host, int(port)), WSGIRequestHandler)
    httpd.set_app(StaticFilesHandler(get_internal_wsgi_application()))
    print(f"Serving the journeys at http://{host}:{port}/ ", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
