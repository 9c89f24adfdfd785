from django.db import migrations


def load(apps, schema_editor):
    from kopuro.accounts.vocabularies import load_vocabularies

    load_vocabularies(apps.get_model("accounts", "Term"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
