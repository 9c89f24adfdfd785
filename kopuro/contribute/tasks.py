"""Background work for Contribute (django-tasks, enqueued from services after commit)."""

from django_tasks import task


@task()
def notify_fitting_members(what: str, pk: int) -> int:
    from kopuro.contribute.services import notify_fitting_members as run

    return run(what, pk)
