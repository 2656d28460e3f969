"""Import a partner calendar into a welkomhuis: `manage.py import_calendar <location-slug> <file-or-url>`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from activities.importer import CalendarImportError, fetch, import_location
from locations.models import LocationPage


class Command(BaseCommand):
    help = (
        "Import an .ics file or URL as the activities of a welkomhuis (idempotent; nothing changes on error)."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="the welkomhuis's slug, e.g. bibliotheek-neude")
        parser.add_argument("source", help="a path to an .ics file, or an http(s)/webcal URL")

    def handle(self, *args, location, source, **options):
        page = LocationPage.objects.filter(slug=location).first()
        if page is None:
            raise CommandError(f"No welkomhuis with slug {location!r}.")
        try:
            if source.startswith(("http://", "https://", "webcal://")):
                data = fetch(source)
            else:
                path = Path(source)
                if not path.is_file():
                    raise CommandError(f"No such file: {source}")
                data = path.read_bytes()
            result = import_location(page, data)
        except CalendarImportError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        self.stdout.write(f"{page.title}: {result}")
