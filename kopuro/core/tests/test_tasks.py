"""The task worker's ping (`make prod-smoke`, and an operator after a deploy) goes ahead of any
backlog, so it measures whether a worker runs, not how long the queue in front of it is."""

import pytest
from django.test import override_settings

from kopuro.core.tasks import worker_ping

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_the_ping_is_the_next_task_a_worker_takes_whatever_was_queued_before():
    from django_tasks_db.models import DBTaskResult

    from kopuro.connect.tasks import recompute_suggestions

    backlog = [recompute_suggestions.enqueue(user_id=n) for n in range(5)]
    ping = worker_ping.enqueue("hello")
    assert DBTaskResult.objects.count() == 6
    # The order the database worker takes ready tasks in (django_tasks_db's get_locked()).
    assert str(DBTaskResult.objects.ready().first().id) == ping.id
    assert {str(r.id) for r in DBTaskResult.objects.ready()[1:]} == {r.id for r in backlog}
