"""GIN indexes for the directory's full-text search, on PostgreSQL only (SQLite has no tsvector;
the embedded default matches words with LIKE). Not in the model's Meta, so the other databases'
migrations stay valid; `makemigrations` sees nothing to add."""

from django.db import migrations

INDEXES = [
    ("connect_dir_vector_public_gin", "vector_public"),
    ("connect_dir_vector_members_gin", "vector_members"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON connect_directoryentry USING gin ({column})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("connect", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
