"""Background work for Connect (django-tasks; see docs/architecture.md "Background tasks").

Enqueued from services inside `transaction.on_commit`: the immediate backend runs them at
once in the embedded default, a worker (`manage.py db_worker`) in production. `send_digests`
is meant to run once a day (cron or a systemd timer: `manage.py connect_send_digests`).
"""

from django_tasks import task


@task()
def send_notification_email(notification_id: int) -> bool:
    from kopuro.connect.notifications import email_notification

    return email_notification(notification_id)


@task()
def send_digests() -> int:
    from kopuro.connect.notifications import send_digests as send

    return send()


@task()
def recompute_suggestions(user_id: int) -> int:
    from kopuro.connect.suggestions import suggestions_recompute

    return suggestions_recompute(user_id=user_id)
