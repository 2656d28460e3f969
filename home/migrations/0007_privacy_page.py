"""The privacy statement: what this site keeps about you, why, and for how long (AVG)."""

import json
import uuid

from django.db import migrations

INTRO = "Welkomhuis Utrecht bewaart zo weinig mogelijk over jou. Hier lees je wat we bewaren, waarom, en hoe lang."

PARAGRAPHS = [
    ("Bekijken zonder account", "Je kunt alle activiteiten en welkomhuizen bekijken zonder account. "
     "Deze website zet dan geen cookies en onthoudt niet wie je bent."),
    ("Aanmelden voor een activiteit", "Als je je aanmeldt, vragen we je voornaam en een e-mailadres of "
     "telefoonnummer. Die gebruiken we alleen om je te laten weten dat je een plek hebt, om je te herinneren "
     "en om je te laten weten als de activiteit niet doorgaat. Alleen de medewerkers van het welkomhuis zien "
     "deze gegevens. 30 dagen na de activiteit verwijderen we je naam en je e-mailadres of telefoonnummer. "
     "We bewaren dan alleen hoeveel mensen er waren, zonder namen."),
    ("Een account", "Heb je een account gemaakt maar je e-mailadres niet bevestigd? Dan verwijderen we het "
     "account na 14 dagen. Je kunt je account altijd zelf laten verwijderen."),
    ("Vragen", "Heb je vragen over je gegevens? Bel 14 030 of vraag het bij een welkomhuis."),
]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    ContentPage = apps.get_model("home.ContentPage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or ContentPage.objects.filter(slug="privacy").exists():
        return
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    step = (int(last.path[-4:], 36) + 1) if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text, number = "", step
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    body = []
    for heading, paragraph in PARAGRAPHS:
        body.append({"type": "heading", "value": heading, "id": str(uuid.uuid4())})
        body.append({"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())})
    content_type, _ = ContentType.objects.get_or_create(model="contentpage", app_label="home")
    ContentPage.objects.create(
        title="Privacy",
        draft_title="Privacy",
        slug="privacy",
        content_type=content_type,
        path=home.path + text.rjust(4, "0"),
        depth=home.depth + 1,
        numchild=0,
        url_path="/home/privacy/",
        locale_id=home.locale_id,
        show_in_menus=False,
        intro=INTRO,
        body=json.dumps(body),
    )
    home.numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_vocabularies"),
        ("activities", "0002_types_and_index"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
