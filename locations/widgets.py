import json

from django import forms
from django.conf import settings

from .maps import marker_icons


class CoordinatePickerWidget(forms.NumberInput):
    """The latitude input plus a Leaflet map that writes latitude and longitude.

    The map is a convenience: both numbers stay ordinary inputs that can be
    typed or pasted, and the model validates them either way.
    """

    template_name = "locations/widgets/coordinate_picker.html"

    def __init__(self, longitude_field, attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.longitude_field = longitude_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        config = settings.LEAFLET_CONFIG
        tile_name, tile_url, tile_options = config["TILES"][0]
        context["widget"]["longitude_name"] = name.replace("latitude", self.longitude_field)
        context["widget"]["map_config"] = json.dumps(
            {
                "center": config["DEFAULT_CENTER"],
                "zoom": config["DEFAULT_ZOOM"],
                "tiles": tile_url,
                "attribution": tile_options.get("attribution", ""),
                "icons": marker_icons(),
            }
        )
        return context

    @property
    def media(self):
        return forms.Media(
            css={"all": ["leaflet/leaflet.css", "locations/coordinate-picker.css"]},
            js=["leaflet/leaflet.js", "locations/coordinate-picker.js"],
        )
