"""The "Welkomhuizen" overview at /welkomhuizen/ exists from the start."""

from django.db import migrations


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    LocationIndexPage = apps.get_model("locations.LocationIndexPage")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or LocationIndexPage.objects.exists():
        return
    index_type, _ = ContentType.objects.get_or_create(model="locationindexpage", app_label="locations")
    LocationIndexPage.objects.create(
        title="Welkomhuizen",
        draft_title="Welkomhuizen",
        slug="welkomhuizen",
        content_type=index_type,
        path=home.path + "0001",
        depth=3,
        numchild=0,
        url_path="/home/welkomhuizen/",
        locale_id=home.locale_id,
        show_in_menus=True,
        intro="Alle welkomhuizen in Utrecht op de kaart en in een lijst. Kies een wijk of kijk wat nu open is.",
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0001_initial"),
        ("home", "0003_create_homepage"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
