"""/api/v1/locations.geojson is a valid RFC 7946 FeatureCollection of published welkomhuizen."""

import json

import pytest

from home.models import Wijk
from locations.models import LocationKind

pytestmark = pytest.mark.django_db

URL = "/api/v1/locations.geojson"


def test_feature_collection_is_rfc_7946(client, make_location):
    make_location(
        title="Plan Einstein",
        kind=LocationKind.PLAN_EINSTEIN,
        wijk=Wijk.OVERVECHT,
        latitude="52.118500",
        longitude="5.110100",
    )
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert set(data) == {"type", "features"}
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [5.1101, 52.1185]}  # lon, lat
    assert feature["properties"]["name"] == "Plan Einstein"
    assert feature["properties"]["kind"] == "plan-einstein"
    assert feature["properties"]["wijk"] == "Overvecht"
    assert feature["properties"]["url"] == "http://testserver/welkomhuizen/plan-einstein/"
    # No "crs" member (RFC 7946 §4: WGS 84 only) and no bbox required.
    assert "crs" not in data


def test_every_position_is_longitude_then_latitude_within_range(client, make_location):
    for n in range(5):
        make_location(latitude=f"52.0{n}0000", longitude=f"5.1{n}0000")
    for feature in client.get(URL).json()["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert 3 < lon < 8 and 50 < lat < 54  # the Netherlands, so not swapped


def test_unpublished_and_private_welkomhuizen_are_left_out(client, make_location):
    from wagtail.models import PageViewRestriction

    make_location(title="Open")
    make_location(title="Concept").unpublish()
    private = make_location(title="Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    names = [f["properties"]["name"] for f in client.get(URL).json()["features"]]
    assert names == ["Open"]


def test_empty_collection_is_still_valid(client, db):
    assert client.get(URL).json() == {"type": "FeatureCollection", "features": []}


def test_only_get_is_allowed(client, db):
    assert client.post(URL).status_code == 405
