"""Load the demo site: welkomhuizen with rooms and hours, activities, a demo admin, staff member and coach.

Idempotent: running it again updates the same records instead of adding more.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from activities.demo import load_demo_activities
from home.demo import load_demo_stories, load_demo_translations, load_demo_wegwijzer
from home.models import Organisation
from locations.demo import load_demo_bookings, load_demo_locations
from locations.models import Coach
from locations.permissions import ensure_staff_group
from monitoring.access import CITY_GROUP

ADMIN_EMAIL = "admin@welkomhuis.example"
ADMIN_PASSWORD = "welkom-demo-admin"
STAFF_EMAIL = "staf.neude@welkomhuis.example"
STAFF_PASSWORD = "welkom-demo-staf"
COACH_EMAIL = "coach@welkomhuis.example"
COACH_PASSWORD = "welkom-demo-coach"
CITY_EMAIL = "stad@welkomhuis.example"
CITY_PASSWORD = "welkom-demo-stad"
COORDINATOR_EMAIL = "coordinator@welkomhuis.example"
COORDINATOR_PASSWORD = "welkom-demo-coordinator"


class Command(BaseCommand):
    help = "Load demo data (idempotent): welkomhuizen, rooms, opening hours, activities and demo accounts."

    def handle(self, *args, **options):
        # The demo bookings would email the demo coach: keep those out of the console.
        quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
        with quiet, transaction.atomic():
            self.load()

    def load(self):
        locations = load_demo_locations(timezone.localdate())
        activities = load_demo_activities(timezone.localdate())
        admin = _demo_user(
            ADMIN_EMAIL, ADMIN_PASSWORD, first_name="Demo", last_name="Beheerder", superuser=True
        )
        staff = _demo_user(STAFF_EMAIL, STAFF_PASSWORD, first_name="Sanne", last_name="de Vries")
        neude = next(page for page in locations if page.slug == "bibliotheek-neude")
        staff.groups.add(ensure_staff_group(neude))
        coach_user = _demo_user(COACH_EMAIL, COACH_PASSWORD, first_name="Fatima", last_name="El Amrani")
        coach, _created = Coach.objects.get_or_create(
            user=coach_user, defaults={"organisation": Organisation.objects.get(slug="werk-en-inkomen")}
        )
        load_demo_bookings(coach, timezone.localdate())
        city = _demo_user(CITY_EMAIL, CITY_PASSWORD, first_name="Noor", last_name="Bakker")
        city.groups.add(Group.objects.get(name=CITY_GROUP))
        wegwijzer = load_demo_wegwijzer()
        stories = load_demo_stories()
        load_demo_translations(wegwijzer, stories)
        from volunteers.demo import load_demo_volunteers

        coordinator = _demo_user(
            COORDINATOR_EMAIL, COORDINATOR_PASSWORD, first_name="Femke", last_name="Jansen"
        )
        load_demo_volunteers(coordinator, _demo_user, locations)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {len(locations)} welkomhuizen, {len(activities)} activities, "
                f"{len(wegwijzer)} wegwijzer pages, {len(stories)} stories."
            )
        )
        self.stdout.write(f"  Admin:  {admin.email} / {ADMIN_PASSWORD}  (all welkomhuizen)")
        self.stdout.write(f"  Staff:  {staff.email} / {STAFF_PASSWORD}  (only Bibliotheek Neude)")
        self.stdout.write(f"  City:   {city.email} / {CITY_PASSWORD}  (figures of every welkomhuis)")
        self.stdout.write(
            f"  Coach:  {coach_user.email} / {COACH_PASSWORD}  (books rooms at /ruimte-boeken/)"
        )
        self.stdout.write(
            f"  Coordinator:  {coordinator.email} / {COORDINATOR_PASSWORD}  (Matching in /admin/)"
        )


def _demo_user(email, password, first_name, last_name, superuser=False):
    User = get_user_model()
    user = User.objects.filter(email=email).first() or User(email=email)
    user.first_name, user.last_name = first_name, last_name
    user.is_staff = user.is_superuser = superuser
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
