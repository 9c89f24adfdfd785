"""The directory entry carries whether its member is listed (in the directory, live account) and
when the profile was created, so a search reads one table; existing entries are filled in."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery


def backfill(apps, schema_editor):
    DirectoryEntry = apps.get_model("connect", "DirectoryEntry")
    Profile = apps.get_model("accounts", "Profile")
    DirectoryEntry.objects.using(schema_editor.connection.alias).update(
        listed=Exists(
            Profile.objects.filter(
                pk=OuterRef("profile_id"), in_directory=True, user__is_active=True
            )
        ),
        joined_at=Subquery(
            Profile.objects.filter(pk=OuterRef("profile_id")).values("created_at")[:1]
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("connect", "0002_search_indexes"), ("accounts", "0002_vocabularies")]

    operations = [
        migrations.AddField(
            model_name="directoryentry",
            name="listed",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="directoryentry",
            name="joined_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
