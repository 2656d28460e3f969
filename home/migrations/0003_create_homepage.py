"""A fresh database is a working site: the home page and the default Site."""

from django.db import migrations

INTRO = (
    "Een welkomhuis is een plek in je buurt waar iedereen welkom is. Je kunt er mensen "
    "ontmoeten, Nederlands oefenen, meedoen aan activiteiten en hulp vragen. Het is gratis."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Replace Wagtail's placeholder page (wagtailcore.0002_initial_data).
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    Site.objects.all().delete()

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.filter(language_code="nl").first() or Locale.objects.first()
    homepage = HomePage.objects.create(
        title="Welkom in Utrecht",
        draft_title="Welkom in Utrecht",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro=INTRO,
        search_intro="Wat zoek je? Bijvoorbeeld: taalcafé, fietsles, hulp bij brieven",
    )
    Site.objects.create(
        hostname="localhost", port=80, site_name="Welkomhuis Utrecht", root_page=homepage, is_default_site=True
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_featured_locations"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
