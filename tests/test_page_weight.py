"""What keeps public pages light on a slow phone; `make lighthouse` measures the figures themselves.

Pages without a map load no Leaflet, pages go out compressed, the browser's /favicon.ico exists,
and every map is told where its marker images are (collectstatic's hashed names defeat Leaflet's guess).
"""

import gzip
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone

from locations.widgets import CoordinatePickerWidget

pytestmark = pytest.mark.django_db


def scripts(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [s["src"] for s in soup.find_all("script", src=True)]


def test_pages_without_a_map_load_no_leaflet(client, make_activity):
    activity = make_activity(title="Taalcafé", start_date=timezone.localdate() + timedelta(days=1))
    for url in ["/", "/activiteiten/"]:
        assert not [src for src in scripts(client.get(url)) if "leaflet" in src], url
    # The map view and the activity's page do load it: the check above can fail.
    assert any("leaflet" in src for src in scripts(client.get("/activiteiten/?view=map")))
    assert any("leaflet" in src for src in scripts(client.get(activity.url)))


def test_pages_are_sent_compressed_to_browsers_that_accept_it(client, make_location):
    location = make_location()
    plain = client.get(location.url)
    compressed = client.get(location.url, headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_the_favicon_browsers_ask_for_is_there(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file


def test_every_map_is_told_its_marker_images(client, make_activity):
    # Leaflet guesses the images' folder from leaflet.css, which fails once collectstatic has
    # hashed the names: in production the markers asked for marker-icon-2x.png next to the page.
    activity = make_activity(title="Taalcafé", start_date=timezone.localdate() + timedelta(days=1))
    location = activity.get_parent().specific
    for url in [location.url, location.get_parent().url, activity.url, "/activiteiten/?view=map"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        icons = json.loads(soup.find("script", id="map-icons").string)
        assert set(icons) == {"iconUrl", "iconRetinaUrl", "shadowUrl"}, url
        for icon_url in icons.values():
            assert finders.find(icon_url.removeprefix(settings.STATIC_URL)), icon_url
    picker = CoordinatePickerWidget("longitude").get_context("latitude", None, {"id": "id_latitude"})
    assert json.loads(picker["widget"]["map_config"])["icons"] == icons


@pytest.mark.skipif(not (settings.BASE_DIR / "static").exists(), reason="needs `npm run build`")
def test_built_files_name_only_source_maps_that_exist():
    # collectstatic's manifest storage follows these comments and stops at a missing file,
    # which fails the deployment.
    for path in Path(settings.BASE_DIR / "static").rglob("*"):
        if path.suffix not in {".js", ".css"}:
            continue
        for name in re.findall(r"sourceMappingURL=(\S+?)(?:\s|\*/|$)", path.read_text("utf8")):
            assert (path.parent / name).exists(), f"{path} names {name}"
