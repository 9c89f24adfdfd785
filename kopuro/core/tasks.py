"""Kopuro's own background tasks (the django.tasks API through django-tasks).

`worker_ping` does nothing but answer: `make prod-smoke` enqueues one to prove that the task
worker (`manage.py db_worker`, deploy/systemd/kopuro-worker.service) picks work up, and an
operator can do the same after a deploy:

    ./manage.py shell -c "from kopuro.core.tasks import worker_ping; print(worker_ping.enqueue('hi').id)"
"""

from django_tasks import task


@task(priority=100)  # the highest: a ping measures the worker, not the queue in front of it
def worker_ping(token: str) -> str:
    """Return `token`, so whoever enqueued it sees that a worker ran it. Its priority puts it
    ahead of any backlog (a fresh deployment's seed queues dozens of audio and search tasks)."""
    return token
