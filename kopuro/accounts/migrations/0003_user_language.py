"""The member's last interface language (for e-mails sent later), and profile addresses that
collide with pages under /members/ (map, for-you) moved to a free one."""

from django.db import migrations, models

RESERVED = ("map", "for-you")  # as kopuro.accounts.handles.RESERVED_HANDLES when written


def move_reserved_handles(apps, schema_editor):
    Profile = apps.get_model("accounts", "Profile")
    for profile in Profile.objects.filter(handle__in=RESERVED):
        n = 2
        while Profile.objects.filter(handle=f"{profile.handle}-{n}").exists():
            n += 1
        profile.handle = f"{profile.handle}-{n}"
        profile.save(update_fields=["handle"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_vocabularies"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="language",
            field=models.CharField(blank=True, max_length=8, verbose_name="language"),
        ),
        migrations.RunPython(move_reserved_handles, migrations.RunPython.noop),
    ]
