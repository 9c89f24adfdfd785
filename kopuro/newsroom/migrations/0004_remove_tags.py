from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_tags_to_topics")]

    operations = [
        migrations.RemoveField(model_name="newspage", name="tags"),
        migrations.DeleteModel(name="NewsPageTag"),
    ]
