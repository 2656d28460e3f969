"""Distances, and a postcode's approximate location (PDOK Locatieserver).

The lookup goes to the government's free geocoder and is cached; when it
cannot be reached the caller gets PostcodeLookupError and tells the visitor to
choose a wijk instead. Tests replace only the HTTP call, with a local fixture.
"""

import math
import re

import requests
from django.conf import settings
from django.core.cache import cache

EARTH_RADIUS_KM = 6371.0
PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
POINT = re.compile(r"POINT\(([-\d.]+) ([-\d.]+)\)")
CACHE_SECONDS = 60 * 60 * 24 * 30


class PostcodeLookupError(Exception):
    pass


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bounding_box(lat, lon, km):
    """(min_lat, max_lat, min_lon, max_lon) around a point: a cheap SQL pre-filter."""
    dlat = km / 111.32
    dlon = km / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def postcode_location(postcode):
    """(lat, lon) of a Dutch postcode like '3511 AB' or '3511', from PDOK; cached for a month."""
    compact = postcode.replace(" ", "").upper()
    key = f"postcode-location:{compact}"
    cached = cache.get(key)
    if cached:
        return cached
    try:
        response = requests.get(
            getattr(settings, "PDOK_LOCATIESERVER_URL", PDOK_URL),
            # A four-digit postcode finds the first full postcode in that area: close enough.
            params={"q": compact, "fq": "type:postcode", "rows": 1, "fl": "centroide_ll,postcode"},
            timeout=4,
        )
        response.raise_for_status()
        docs = response.json()["response"]["docs"]
    except (requests.RequestException, ValueError, KeyError) as error:
        raise PostcodeLookupError(str(error)) from error
    match = POINT.match(docs[0].get("centroide_ll", "")) if docs else None
    if not match:
        raise PostcodeLookupError(f"no location for {compact}")
    location = (float(match.group(2)), float(match.group(1)))  # WKT is "lon lat"
    cache.set(key, location, CACHE_SECONDS)
    return location
