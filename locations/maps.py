"""What every Leaflet map of ours is told, whichever page or admin form draws it."""

from django.templatetags.static import static


def marker_icons():
    """Leaflet's default marker images by the names collectstatic gave them.

    Leaflet guesses their folder from leaflet.css's url(images/marker-icon.png); the hashed
    name defeats that guess, and markers then ask for marker-icon-2x.png next to the page.
    """
    return {
        "iconUrl": static("leaflet/images/marker-icon.png"),
        "iconRetinaUrl": static("leaflet/images/marker-icon-2x.png"),
        "shadowUrl": static("leaflet/images/marker-shadow.png"),
    }
