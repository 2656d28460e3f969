"""Page content in the visitor's language (wagtail-localize), Dutch with a notice until it is translated.

A translation carries only words: the Dutch page keeps the address, the
occurrences, the rooms and the staff group (home/translation.py).
"""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation as i18n
from wagtail.models import Locale

from activities.models import Occurrence
from locations.models import Room

pytestmark = pytest.mark.django_db

NOTICE_AR = "لم تُترجم هذه الصفحة إلى لغتك بعد. أنت تقرأ النص الهولندي."


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def translate(page, language, **text):
    """What wagtail-localize does when a translator publishes: a copy in the locale, with new words."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for field, value in text.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def welkomhuis(make_location):
    location = make_location(title="Bibliotheek Neude", intro="Lezen, leren en elkaar ontmoeten.")
    Room.objects.create(page=location, name="Leeszaal", capacity=20)
    return location


def test_a_translated_page_shows_its_words_at_the_dutch_address(client, welkomhuis):
    translate(welkomhuis, "ar", title="مكتبة نويده", intro="القراءة والتعلم واللقاء.")
    url = welkomhuis.url  # Dutch: no prefix

    soup = soup_of(client.get(f"/ar{url}"))
    heading = soup.select_one("h1")
    assert heading.get_text(strip=True) == "مكتبة نويده"
    assert heading["lang"] == "ar"
    assert NOTICE_AR not in soup.get_text()
    # The Dutch page is unchanged, at its own address.
    dutch = soup_of(client.get(url, HTTP_REFERER=f"http://testserver/ar{url}"))
    assert dutch.select_one("h1").get_text(strip=True) == "Bibliotheek Neude"


def test_an_untranslated_page_falls_back_to_dutch_with_a_notice(client, welkomhuis, make_activity):
    activity = make_activity(location=welkomhuis, title="Taalcafé")
    translate(welkomhuis, "ar", title="مكتبة نويده")  # the welkomhuis is translated, its activity not
    url = activity.url

    soup = soup_of(client.get(f"/ar{url}"))
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"  # the interface is Arabic
    heading = soup.select_one("h1")
    assert heading.get_text(strip=True) == "Taalcafé"
    assert heading["lang"] == "nl"  # read aloud as Dutch
    assert NOTICE_AR in soup.get_text()
    # In Dutch there is nothing to announce.
    dutch = soup_of(client.get(url, HTTP_REFERER="http://testserver/"))
    assert "Deze pagina is nog niet vertaald" not in dutch.get_text()


def test_links_lead_to_the_dutch_address_in_the_visitors_language(client, welkomhuis):
    translation = translate(welkomhuis, "ar", title="مكتبة نويده")
    dutch_url = welkomhuis.url
    assert dutch_url.startswith("/welkomhuizen/")
    with i18n.override("ar"):
        assert welkomhuis.url == translation.url == f"/ar{dutch_url}"
    with i18n.override("uk"):
        assert translation.url == f"/uk{dutch_url}"
    assert translation.url == dutch_url  # in Dutch
    listing = soup_of(client.get("/ar/welkomhuizen/"))
    links = [a["href"] for a in listing.select(".card__title a")]
    assert links == [f"/ar{dutch_url}"]
    assert listing.select_one(".card__title a").get_text(strip=True) == "مكتبة نويده"


def test_translating_duplicates_nothing_that_is_counted_or_booked(welkomhuis, make_activity):
    activity = make_activity(location=welkomhuis, title="Taalcafé", recurrence="FREQ=WEEKLY")
    occurrences = Occurrence.objects.count()
    groups = Group.objects.count()
    assert occurrences > 0

    translate(welkomhuis, "ar", title="مكتبة نويده")
    translate(activity, "ar", title="مقهى اللغة")

    assert Occurrence.objects.count() == occurrences
    assert Group.objects.count() == groups  # the Dutch page's staff group edits its translations
    assert list(Room.objects.values_list("page_id", flat=True)) == [welkomhuis.pk]


def test_the_activity_listing_shows_each_activity_once_in_the_visitors_language(
    client, welkomhuis, make_activity
):
    activity = make_activity(location=welkomhuis, title="Taalcafé")
    translate(activity, "ar", title="مقهى اللغة")
    url = activity.url

    arabic = soup_of(client.get("/ar/activiteiten/"))
    titles = [a.get_text(strip=True) for a in arabic.select(".card__title a")]
    assert titles == ["مقهى اللغة"]
    assert arabic.select_one(".card__title a")["href"] == f"/ar{url}"
    dutch = soup_of(client.get("/activiteiten/", HTTP_REFERER="http://testserver/"))
    assert [a.get_text(strip=True) for a in dutch.select(".card__title a")] == ["Taalcafé"]


def test_every_page_names_its_alternates_in_every_language(client, welkomhuis):
    soup = soup_of(client.get(welkomhuis.url))
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"nl", "en", "ar", "uk", "ti", "tr", "fa", "x-default"}
    assert alternates["ar"] == f"http://testserver/ar{welkomhuis.url}"
    assert alternates["x-default"] == alternates["nl"] == f"http://testserver{welkomhuis.url}"


def test_sitemap_lists_each_page_in_every_language_once(client, welkomhuis):
    translate(welkomhuis, "ar", title="مكتبة نويده")
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text for loc in index.findall("s:sitemap/s:loc", namespaces)]
    assert pages == ["http://testserver/sitemap-pages.xml"]
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespaces)]
    assert len(locations) == len(set(locations))
    assert f"http://testserver{welkomhuis.url}" in locations
    assert f"http://testserver/ar{welkomhuis.url}" in locations
    assert f"http://testserver/ti{welkomhuis.url}" in locations
    entry = next(
        u
        for u in root.findall("s:url", namespaces)
        if u.find("s:loc", namespaces).text.endswith(f"/uk{welkomhuis.url}")
    )
    hreflangs = {link.get("hreflang") for link in entry.findall("x:link", namespaces)}
    assert hreflangs == {"nl", "en", "ar", "uk", "ti", "tr", "fa", "x-default"}

    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


class TestFirstVisitLanguage:
    def test_the_browsers_language_opens_the_page_in_that_language(self, client, welkomhuis):
        response = client.get(welkomhuis.url, HTTP_ACCEPT_LANGUAGE="ar-SA,ar;q=0.9,en;q=0.5")
        assert response.status_code == 302
        assert response["Location"] == f"/ar{welkomhuis.url}"

    def test_tigrinya_and_unsupported_languages(self, client, welkomhuis):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="ti-ER")["Location"] == "/ti/"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").status_code == 200  # stays Dutch
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,ar;q=0.5").status_code == 200

    def test_the_chosen_language_is_remembered(self, client, welkomhuis):
        url = welkomhuis.url
        assert not client.get(url).cookies  # browsing sets no cookie
        response = client.get(f"/uk{url}", HTTP_REFERER=f"http://testserver{url}")  # the language menu
        assert response.cookies["django_language"].value == "uk"
        # Back later, through a bookmark to the Dutch address:
        assert client.get("/welkomhuizen/")["Location"] == "/uk/welkomhuizen/"

    def test_choosing_dutch_in_the_language_menu_is_a_choice_too(self, client, welkomhuis):
        url = welkomhuis.url
        client.get(f"/ar{url}", HTTP_REFERER=f"http://testserver{url}")
        response = client.get(url, HTTP_REFERER=f"http://testserver/ar{url}")
        assert response.status_code == 200
        assert response.cookies["django_language"].value == "nl"
        assert client.get("/welkomhuizen/", HTTP_ACCEPT_LANGUAGE="ar").status_code == 200

    def test_forms_admin_and_files_are_never_redirected(self, client, welkomhuis):
        admin = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar")
        assert not admin.get("Location", "").startswith("/ar/")
        assert client.get("/api/v1/locations.geojson", HTTP_ACCEPT_LANGUAGE="ar").status_code == 200
        assert client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="ar").status_code == 200
        assert client.post("/zoeken/", HTTP_ACCEPT_LANGUAGE="ar").status_code != 302


def test_staff_translate_their_own_welkomhuis_and_nobody_elses(
    client, welkomhuis, make_location, staff_member
):
    other = make_location(title="Buurthuis De Leeuw")
    neude_staff, other_staff = staff_member(welkomhuis), staff_member(other)
    assert neude_staff.has_perm("wagtail_localize.submit_translation")

    translation = translate(welkomhuis, "ar", title="مكتبة نويده")

    assert translation.permissions_for_user(neude_staff).can_edit()
    assert not translation.permissions_for_user(other_staff).can_edit()
    client.force_login(other_staff)
    assert client.get(f"/admin/pages/{translation.pk}/edit/").status_code in (302, 403)
    client.force_login(neude_staff)
    assert client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200


def test_staff_submit_a_page_for_translation_in_the_admin(client, welkomhuis, staff_member):
    """wagtail-localize makes the translation as a draft: until it is published, visitors see Dutch."""
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    client.force_login(staff_member(welkomhuis))
    url = welkomhuis.url
    response = client.post(f"/admin/localize/submit/page/{welkomhuis.pk}/", {"locales": [arabic.pk]})
    assert response.status_code == 302
    translation = welkomhuis.get_translation(arabic)
    assert not translation.live

    soup = soup_of(client.get(f"/ar{url}"))
    assert soup.select_one("h1").get_text(strip=True) == "Bibliotheek Neude"
    assert NOTICE_AR in soup.get_text()

    translation.title = "مكتبة نويده"
    translation.save_revision().publish()
    assert soup_of(client.get(f"/ar{url}")).select_one("h1").get_text(strip=True) == "مكتبة نويده"


def test_a_translator_previews_the_dutch_page_with_their_words(welkomhuis, make_activity):
    activity = make_activity(location=welkomhuis, title="Taalcafé", recurrence="FREQ=WEEKLY")
    translation = translate(activity, "ar", title="مقهى اللغة")

    with i18n.override("ar"):
        response = translation.specific.make_preview_request()
    soup = BeautifulSoup(response.rendered_content, "html.parser")
    assert soup.select_one("h1").get_text(strip=True) == "مقهى اللغة"
    assert soup.select_one("h1")["lang"] == "ar"
    # The dates come from the Dutch page: a translation has none of its own.
    assert soup.select(".occurrence-list li")


def test_the_activity_map_names_welkomhuizen_in_the_visitors_language(client, welkomhuis, make_activity):
    import json

    make_activity(location=welkomhuis, title="Taalcafé")
    translate(welkomhuis, "ar", title="مكتبة نويده")
    soup = soup_of(client.get("/ar/activiteiten/?view=map"))
    features = json.loads(soup.select_one("#locations-geojson").string)["features"]
    assert [f["properties"]["name"] for f in features] == ["مكتبة نويده"]


def test_search_lists_a_page_once_in_the_visitors_words(client, welkomhuis):
    translate(welkomhuis, "ar", title="مكتبة Neude", intro="القراءة والتعلم.")
    url = welkomhuis.url
    soup = soup_of(client.get("/ar/zoeken/?q=neude"))
    results = [(a.get_text(strip=True), a["href"]) for a in soup.select("main li a")]
    assert results == [("مكتبة Neude", f"/ar{url}")]
    dutch = soup_of(client.get("/zoeken/?q=neude", HTTP_REFERER="http://testserver/"))
    assert [a.get_text(strip=True) for a in dutch.select("main li a")] == ["Bibliotheek Neude"]
