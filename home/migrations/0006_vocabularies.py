from django.db import migrations

from home.vocabulary import LEEFGEBIEDEN, ORGANISATIONS


def load(apps, schema_editor):
    Leefgebied = apps.get_model("home.Leefgebied")
    Organisation = apps.get_model("home.Organisation")
    for order, (slug, name, icon) in enumerate(LEEFGEBIEDEN):
        Leefgebied.objects.update_or_create(slug=slug, defaults={"name": name, "icon": icon, "sort_order": order * 10})
    for slug, name, website in ORGANISATIONS:
        Organisation.objects.update_or_create(slug=slug, defaults={"name": name, "website": website})


class Migration(migrations.Migration):
    dependencies = [("home", "0005_leefgebied_organisation")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
