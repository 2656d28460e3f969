"""Dutch without a prefix; English, Arabic (right to left) and Ukrainian under /en/, /ar/, /uk/."""

import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "skip_link"),
    [
        ("", "nl", "ltr", "Ga direct naar de inhoud"),
        ("/en", "en", "ltr", "Skip to main content"),
        ("/ar", "ar", "rtl", None),
        ("/uk", "uk", "ltr", None),
        ("/ti", "ti", "ltr", None),
        ("/tr", "tr", "ltr", None),
        ("/fa", "fa", "rtl", None),
    ],
)
def test_every_language_has_its_own_url_direction_and_words(
    client, make_location, prefix, lang, direction, skip_link
):
    make_location(title="Buurthuis Zon")
    soup = soup_of(client.get(f"{prefix}/welkomhuizen/"))
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == direction
    text = soup.select_one(".utrecht-skip-link").get_text(strip=True)
    if skip_link:
        assert text == skip_link
    else:
        assert text and text != "Skip to main content"  # translated, not the English source


def test_opening_state_is_in_the_visitors_language(client, make_location, open_all_week):
    location = make_location(weekday_hours=False)
    open_all_week(location)
    assert (
        soup_of(client.get(location.url))
        .select_one(".opening-state")
        .get_text(strip=True)
        .startswith("Nu open")
    )
    english = soup_of(client.get(f"/en{location.url}")).select_one(".opening-state").get_text(strip=True)
    assert english.startswith("Open now")


def test_language_switcher_keeps_the_current_page_and_query(client, make_location):
    url = make_location(title="Buurthuis Zon").url
    soup = soup_of(client.get(f"{url}?x=1"))
    links = {a["hreflang"]: a for a in soup.select(".language-switcher a")}
    assert set(links) == {"en", "ar", "uk", "ti", "tr", "fa"}
    assert links["en"]["href"] == f"/en{url}?x=1"
    assert links["ar"]["href"] == f"/ar{url}?x=1"
    # Each language is named in its own script, marked up with its language and direction.
    assert links["ar"].get_text(strip=True) == "العربية" and links["ar"]["dir"] == "rtl"
    assert links["uk"].get_text(strip=True) == "Українська"
    current = soup.select_one(".language-switcher [aria-current]")
    assert current.get_text(strip=True) == "Nederlands"
    back = soup_of(client.get(f"/ar{url}")).select_one('.language-switcher a[hreflang="nl"]')
    assert back["href"] == url


def test_links_within_a_language_stay_in_that_language(client, make_location):
    make_location(title="Buurthuis Zon")
    soup = soup_of(client.get("/uk/welkomhuizen/"))
    assert soup.select_one(".card__title a")["href"].startswith("/uk/welkomhuizen/")
    assert all(a["href"].startswith("/uk/") for a in soup.select(".site-nav a"))


@pytest.mark.parametrize("language", ["nl", "en", "ar", "uk"])
def test_catalogue_is_complete(language):
    po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert not po.metadata_is_fuzzy
    problems = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags or e.obsolete]
    assert not problems, f"untranslated or fuzzy in {language}: {problems}"
    for entry in po:
        expected = set(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert set(PLACEHOLDER.findall(translation)) == expected, (language, entry.msgid, translation)


@pytest.mark.parametrize("language", ["ti", "tr", "fa"])
def test_resident_pages_show_no_untranslated_words(client, make_location, make_activity, language):
    """Tigrinya, Turkish and Farsi cover what residents read: no English source text shows on their pages."""
    from django.urls import reverse
    from django.utils import translation

    po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = {e.msgid for e in po if not e.translated() and len(e.msgid) > 3 and "%" not in e.msgid}
    location = make_location(title="Buurthuis Zon")
    activity = make_activity(location=location, title="Samen koken", how_to_join="register", places=8)
    occurrence = activity.occurrences.first()
    with translation.override("nl"):
        paths = [
            "/",
            "/welkomhuizen/",
            location.url,
            "/activiteiten/",
            activity.url,
            reverse("activities:register", args=[occurrence.pk]),
            reverse("volunteers:ervaringsdeskundige_signup"),
            reverse("volunteers:newcomer_request"),
        ]
    for path in paths:
        response = client.get(f"/{language}{path}")
        text = soup_of(response).get_text(" ")
        shown = sorted(m for m in untranslated if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text))
        assert not shown, (path, shown)


def test_the_userbar_checks_the_full_wcag_rule_set_in_development(client, settings, make_location):
    import json

    from django.contrib.auth import get_user_model

    from tests.conftest import add_totp

    location = make_location(title="Buurthuis Zon")
    admin = get_user_model().objects.create_superuser(email="admin@example.org", password="a-long-password")
    add_totp(admin)
    client.force_login(admin)

    def run_only():
        # The userbar lives in a <template>; its checker's settings are a JSON script inside.
        content = client.get(location.url).content.decode()
        script = re.search(
            r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', content
        )
        return json.loads(script.group(1))["options"].get("runOnly")

    settings.DEBUG = True
    assert run_only() == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    settings.DEBUG = False
    assert run_only() != ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # Wagtail's short list in production
