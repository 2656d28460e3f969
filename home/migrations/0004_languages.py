"""The languages newcomers and volunteers in Utrecht speak most (reference data, editable as snippets)."""

from django.db import migrations

LANGUAGES = [
    # code, name in Dutch, name in the language itself
    ("nl", "Nederlands", "Nederlands"),
    ("en", "Engels", "English"),
    ("ar", "Arabisch", "العربية"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("uk", "Oekraïens", "Українська"),
    ("tr", "Turks", "Türkçe"),
    ("fa", "Farsi", "فارسی"),
    ("prs", "Dari", "دری"),
    ("so", "Somalisch", "Soomaali"),
    ("ps", "Pasjtoe", "پښتو"),
    ("ku", "Koerdisch", "Kurdî"),
    ("am", "Amhaars", "አማርኛ"),
    ("ru", "Russisch", "Русский"),
    ("pl", "Pools", "Polski"),
    ("es", "Spaans", "Español"),
    ("fr", "Frans", "Français"),
    ("de", "Duits", "Deutsch"),
    ("zgh", "Berbers (Tamazight)", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
]


def add_languages(apps, schema_editor):
    Language = apps.get_model("home.Language")
    for order, (code, name, native_name) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code, defaults={"name": name, "native_name": native_name, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_create_homepage")]

    operations = [migrations.RunPython(add_languages, migrations.RunPython.noop)]
