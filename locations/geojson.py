"""Welkomhuizen as GeoJSON (RFC 7946): for the maps on our pages and for /api/v1/."""


def feature(location, request, extra=None):
    lat, lon = location.coordinates
    return {
        "type": "Feature",
        "id": location.pk,
        # RFC 7946 §3.1.1: longitude first; six decimals is about 10 cm.
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": {
            "name": location.title,
            "kind": location.kind,
            "kind_label": str(location.get_kind_display()),
            "wijk": location.get_wijk_display(),
            "address": f"{location.street_address}, {location.postcode} {location.city}",
            "url": request.build_absolute_uri(location.get_url(request)),
            **(extra or {}),
        },
    }


def feature_collection(features):
    return {"type": "FeatureCollection", "features": list(features)}
