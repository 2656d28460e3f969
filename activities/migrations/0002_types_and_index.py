"""The activity types, and the "Activiteiten" overview at /activiteiten/."""

from django.db import migrations

from activities.vocabulary import ACTIVITY_TYPES


def load(apps, schema_editor):
    ActivityType = apps.get_model("activities.ActivityType")
    for order, (slug, name, icon) in enumerate(ACTIVITY_TYPES):
        ActivityType.objects.update_or_create(slug=slug, defaults={"name": name, "icon": icon, "sort_order": order * 10})

    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    ActivityIndexPage = apps.get_model("activities.ActivityIndexPage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or ActivityIndexPage.objects.exists():
        return
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    step = (int(last.path[-4:], 36) + 1) if last else 1
    index_type, _ = ContentType.objects.get_or_create(model="activityindexpage", app_label="activities")
    ActivityIndexPage.objects.create(
        title="Activiteiten",
        draft_title="Activiteiten",
        slug="activiteiten",
        content_type=index_type,
        path=home.path + _base36(step).rjust(4, "0"),
        depth=home.depth + 1,
        numchild=0,
        url_path="/home/activiteiten/",
        locale_id=home.locale_id,
        show_in_menus=True,
        intro="Wat is er te doen in de welkomhuizen? Kies een dag, een wijk of een onderwerp.",
    )
    home.numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    home.save(update_fields=["numchild"])


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("locations", "0002_create_location_index"),
        ("home", "0006_vocabularies"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
