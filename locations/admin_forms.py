"""The welkomhuis page form in the admin (models import this, so it imports no models at the top)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from home.forms import ChoosableImagesPageForm


class LocationPageForm(ChoosableImagesPageForm):
    def clean(self):
        cleaned = super().clean()
        from .models import RoomBooking

        rooms = self.formsets.get("rooms")
        deleted = [
            form.instance.pk
            for form in (rooms.deleted_forms if rooms is not None else [])
            if form.instance.pk
        ]
        if deleted and RoomBooking.objects.filter(room__in=deleted).exists():
            # Bookings (and the city's figures) refer to the room: keep it, but stop new bookings.
            raise ValidationError(
                _("A room with bookings cannot be deleted. Untick 'bookable' instead, so nobody can book it.")
            )
        return cleaned
