"""The accessibility statement (toegankelijkheidsverklaring): Dutch public-sector sites must publish one.

Created like the privacy page, so every site has it from the first `migrate`; editors keep it up to date
in the admin (Pages → Toegankelijkheid).
"""

import json
import uuid

from django.db import migrations

SLUG = "toegankelijkheid"
TITLE = "Toegankelijkheid"
INTRO = (
    "Iedereen moet deze website kunnen gebruiken: ook als je slecht ziet, niet met een muis werkt, "
    "weinig Nederlands leest of een oude telefoon hebt. Dit is onze toegankelijkheidsverklaring."
)

PARAGRAPHS = [
    (
        "Aan welke regels we ons houden",
        "We houden ons aan de regels voor websites van de overheid: de WCAG 2.1, niveau AA. "
        "Die regels staan in de Europese norm EN 301 549.",
    ),
    (
        "Hoe we dat testen",
        "Bij elke verandering van de website testen we automatisch in een echte browser (Chromium). "
        "Het programma axe-core controleert dan elk soort pagina, in het Nederlands en in het Arabisch. "
        "We testen ook of alles werkt met alleen een toetsenbord, zonder JavaScript, "
        "als je de tekst 2 keer zo groot maakt (200 %), op een smal scherm van een telefoon, "
        "en als je in je telefoon hebt gekozen voor minder beweging.",
    ),
    (
        "Wat nog niet goed gaat",
        "De kaarten komen van een andere organisatie (OpenStreetMap of het Kadaster). "
        "Op de kaart zelf staan namen die niet worden voorgelezen. Daarom staat naast elke kaart "
        "dezelfde informatie ook in een lijst. "
        "Foto's en teksten die de welkomhuizen zelf op de website zetten, controleren we niet elke dag. "
        "Zie je daar een probleem? Laat het ons weten.",
    ),
    (
        "Een probleem melden",
        "Kun je iets op deze website niet gebruiken? Bel 14 030 (maandag tot en met vrijdag 8.30 tot 17.00 uur) "
        "of mail naar welkomhuis@utrecht.nl. Zeg op welke pagina het was en wat er misging. "
        "Je kunt ook langskomen bij een welkomhuis: "
        "daar helpen we je verder.",
    ),
]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    ContentPage = apps.get_model("home.ContentPage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or ContentPage.objects.filter(slug=SLUG).exists():
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
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=home.path + text.rjust(4, "0"),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        locale_id=home.locale_id,
        show_in_menus=False,
        intro=INTRO,
        body=json.dumps(body),
    )
    home.numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_wegwijzer_stories_help_contact"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
