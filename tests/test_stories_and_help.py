"""Stories (with the subject's consent) and the 'Help and contact' footer on every page."""

from datetime import date, timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import HelpContactSettings, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def story_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".story-card .card__title a")]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_footer_shows_the_help_and_contact_setting_on_every_page(client, make_location, prefix):
    location = make_location()
    settings = HelpContactSettings.load()
    settings.email = "hulp@utrecht.example"
    settings.save()
    for path in ["/", "/welkomhuizen/", location.url.removeprefix("/ar"), "/activiteiten/"]:
        footer = soup_of(client.get(prefix + path)).select_one(".site-footer__help")
        assert footer.find("a", href="tel:14030").get_text(strip=True) == "14 030", path
        assert footer.find("a", href="mailto:hulp@utrecht.example"), path


def test_footer_labels_are_translated(client):
    soup = soup_of(client.get("/ar/"))
    heading = soup.select_one("#footer-help-heading").get_text(strip=True)
    assert heading and heading != "Help and contact"


def test_story_needs_recorded_consent():
    index = StoryIndexPage(title="Verhalen", slug="verhalen")
    from home.models import HomePage

    HomePage.objects.get().add_child(instance=index)
    story = StoryPage(
        title="Amal",
        slug="amal",
        subject_kind="newcomer",
        intro="Over Amal.",
        body=[("quote", "Iedereen helpt.")],
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=story)
    assert {"consent_date", "consent_method", "consent_recorded_by"} <= set(error.value.message_dict)
    story.consent_date = date.today() + timedelta(days=2)
    story.consent_method, story.consent_recorded_by = "email", "Sanne"
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert set(error.value.message_dict) == {"consent_date"}


def test_a_photo_needs_alt_text(make_story):
    story = make_story()
    story.photo = Image.objects.create(title="Amal", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert set(error.value.message_dict) == {"photo_alt_text"}
    story.photo_alt_text = "Amal aan tafel in het taalcafé"
    story.full_clean()


def test_story_page_shows_the_story_and_links_but_not_the_consent_record(
    client, make_story, make_location, make_activity
):
    location = make_location(title="Bibliotheek Neude")
    activity = make_activity(location=location, title="Taalcafé Neude")
    story = make_story(title="Amal leert Nederlands", locations=[location], activities=[activity])
    soup = soup_of(client.get(story.url))
    assert soup.h1.get_text(strip=True) == "Amal leert Nederlands"
    links = [a["href"] for a in soup.select("#about-heading ~ ul a")]
    assert location.url in links and activity.url in links
    assert "Sanne" not in soup.get_text()  # who recorded the consent is for editors only


def test_recent_stories_on_the_home_page_and_on_the_welkomhuizen_they_mention(
    client, make_story, make_location
):
    neude, zuilen = make_location(title="Neude"), make_location(title="Zuilen")
    make_story(title="Over Neude", locations=[neude])
    make_story(title="Over Zuilen", locations=[zuilen])
    assert story_titles(soup_of(client.get("/"))) == ["Over Zuilen", "Over Neude"]
    assert story_titles(soup_of(client.get(neude.url))) == ["Over Neude"]
    assert story_titles(soup_of(client.get(zuilen.url))) == ["Over Zuilen"]
    assert story_titles(soup_of(client.get("/verhalen/"))) == ["Over Zuilen", "Over Neude"]


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def with_photo(story, n):
    story.photo = Image.objects.create(title=f"Foto {n}", file=get_test_image_file())
    story.photo_alt_text = f"Foto {n}"
    story.save_revision().publish()


def test_story_lists_do_not_query_per_story(client, make_story, make_location):
    location = make_location()
    with_photo(make_story(locations=[location]), 1)
    urls = ["/", location.url, "/verhalen/"]
    few = [count_queries(client, url) for url in urls]
    for n in range(2, 5):
        with_photo(make_story(locations=[location]), n)
    assert [count_queries(client, url) for url in urls] == few


def test_anonymous_story_pages_set_no_cookie(client, make_story):
    story = make_story()
    assert not client.get(story.url).cookies
    assert not client.get("/verhalen/").cookies


def test_demo_has_stories_with_consent(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    stories = StoryPage.objects.originals().live()
    assert stories.count() == 2
    assert StoryPage.objects.live().filter(locale__language_code="ar").count() == 1  # and one in Arabic
    for story in stories:
        assert story.consent_date and story.consent_method and story.consent_recorded_by
        assert client.get(story.url).status_code == 200


def story_form(**overrides):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = {
        "title": "Amal leert Nederlands",
        "slug": "amal",
        "subject_kind": "newcomer",
        "intro": "Amal vertelt.",
        "body": streamfield([("quote", "Iedereen helpt.")]),
        "photo": "",
        "photo_alt_text": "",
        "consent_date": "2026-09-01",
        "consent_method": "signed-form",
        "consent_recorded_by": "Sanne, Bibliotheek Neude",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editors_cannot_publish_a_story_without_consent_in_the_admin(client, make_story):
    from django.urls import reverse

    from tests.conftest import add_totp, create_user

    index = make_story().get_parent()
    admin = create_user("beheer@example.org", is_superuser=True, is_staff=True)
    add_totp(admin)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=("home", "storypage", index.pk))
    response = client.post(url, story_form(consent_date="", consent_method="", consent_recorded_by=""))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message, .w-field__errors"))
    assert "agreed" in errors or "toestemming" in errors
    assert not StoryPage.objects.filter(slug="amal").exists()
    response = client.post(url, story_form())
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="amal").live
