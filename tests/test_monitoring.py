"""The city's quarterly figures: who sees what, small numbers, exports, and figures that outlive the purge."""

import csv
import io
from datetime import datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import Occurrence, Registration
from activities.schedule import AMSTERDAM
from activities.tasks import purge_registration_data
from locations.models import OpeningException, OpeningHours, Room, RoomBooking
from monitoring.figures import FIGURES, hours_open_in
from monitoring.models import FigureSnapshot, RegistrantMark
from monitoring.privacy import shown
from monitoring.quarters import Quarter
from monitoring.tasks import store_figure_snapshots
from tests.conftest import add_totp, create_user

pytestmark = pytest.mark.django_db

URL = reverse("monitoring_dashboard")
LAST_QUARTER = Quarter.current().previous
FIGURE_COLUMNS = [figure.key for figure in FIGURES]  # the table's columns, in order


def at(quarter, day, hour):
    return datetime.combine(quarter.first_day + timedelta(days=day), time(hour), tzinfo=AMSTERDAM)


def held_date(activity, quarter, day=10, hours=2, status="scheduled"):
    start = at(quarter, day, 14)
    return Occurrence.objects.create(
        activity=activity,
        location_id=activity.get_parent().pk,
        key=start.date(),
        start=start,
        end=start + timedelta(hours=hours),
        status=status,
    )


def register_people(occurrence, names, attended=True):
    for name in names:
        Registration.objects.create(
            occurrence=occurrence,
            first_name=name,
            email=f"{name.lower()}@registrant.example",
            attended=attended,
        )


@pytest.fixture
def city_user(db):
    user = create_user("stad@example.org")
    user.groups.add(Group.objects.get(name="City"))
    add_totp(user)
    return user


@pytest.fixture
def two_welkomhuizen(make_location, make_activity):
    """Neude (binnenstad) with 3 people at one date and 6 at another; Zuilen (noordwest) with 7."""
    neude = make_location(title="Neude", wijk="binnenstad")
    zuilen = make_location(title="Zuilen", wijk="noordwest")
    neude_activity = make_activity(location=neude, title="Taalcafé Neude")
    zuilen_activity = make_activity(location=zuilen, title="Taalcafé Zuilen")
    first = held_date(neude_activity, LAST_QUARTER, day=3)
    register_people(first, ["Amal", "Yonas", "Oksana"])
    second = held_date(neude_activity, LAST_QUARTER, day=10, hours=3)
    register_people(second, ["Amal", "Bashir", "Chen", "Dana", "Emre", "Farah"], attended=False)
    held_date(neude_activity, LAST_QUARTER, day=17, status="cancelled")
    register_people(held_date(zuilen_activity, LAST_QUARTER, day=5), [f"Persoon{n}" for n in range(7)])
    return neude, zuilen


def rows_of(response):
    """{row name: {figure key: shown text}} from the quarter table."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", attrs={"data-figures": "quarter"})
    return {
        tr.th.get_text(strip=True): dict(
            zip(FIGURE_COLUMNS, [td.get_text(strip=True) for td in tr.find_all("td")], strict=True)
        )
        for tr in table.tbody.find_all("tr")
    }


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_small_number_rule():
    assert shown(3, describes_people=True) == "<5"
    assert shown(4, describes_people=True) == "<5"
    assert shown(5, describes_people=True) == "5"
    assert shown(0, describes_people=True) == "0"
    assert shown(3, describes_people=False) == "3"
    assert shown(2.5, decimals=1) == "2.5"


def test_quarters():
    assert str(Quarter(2026, 1).previous) == "2025-Q4"
    assert Quarter(2026, 4).next == Quarter(2027, 1)
    assert Quarter.parse("2026-3") == Quarter.parse("2026-Q3") == Quarter(2026, 3)
    assert Quarter.parse("2026-5") is None and Quarter.parse("x") is None
    assert len(list(Quarter(2026, 1).days)) == 90


def test_city_sees_every_welkomhuis_every_wijk_and_the_city(client, city_user, two_welkomhuizen):
    client.force_login(city_user)
    rows = rows_of(client.get(URL))
    assert {"Neude", "Zuilen", "Wijk Binnenstad", "Wijk Noordwest", "Utrecht"} <= set(rows)
    assert rows["Neude"]["activities_held"] == "2"  # the cancelled date does not count
    assert rows["Neude"]["activity_hours"] == "5.0"
    assert rows["Neude"]["registrations"] == "9"
    assert rows["Neude"]["attended"] == "<5"  # 3 came
    assert rows["Neude"]["distinct_registrants"] == "8"  # Amal came twice
    assert rows["Zuilen"]["registrations"] == "7"
    assert rows["Utrecht"]["registrations"] == "16"
    assert rows["Utrecht"]["distinct_registrants"] == "15"


def test_a_count_of_three_shows_as_small_in_html_csv_and_xlsx(client, city_user, two_welkomhuizen):
    client.force_login(city_user)
    assert rows_of(client.get(URL))["Neude"]["attended"] == "<5"
    header, *data = csv_rows(client.get(URL + "?format=csv"))
    neude = next(row for row in data if row[0] == str(LAST_QUARTER) and row[2] == "Neude")
    assert neude[3 + FIGURE_COLUMNS.index("attended")] == "<5"
    response = client.get(URL + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    neude = next(row for row in rows if row[0] == str(LAST_QUARTER) and row[2] == "Neude")
    assert neude[3 + FIGURE_COLUMNS.index("attended")] == "<5"
    assert neude[3 + FIGURE_COLUMNS.index("registrations")] == 9  # a number, not text


def test_staff_see_only_their_own_welkomhuis(client, staff_member, two_welkomhuizen):
    neude, zuilen = two_welkomhuizen
    client.force_login(staff_member(neude))
    rows = rows_of(client.get(URL))
    assert set(rows) == {"Neude"}
    assert {row[2] for row in csv_rows(client.get(URL + "?format=csv"))[1:]} == {"Neude"}
    assert b"Zuilen" not in client.get(URL).content


@pytest.mark.parametrize("fmt", ["", "&format=csv", "&format=xlsx"])
def test_staff_cannot_ask_for_another_welkomhuis_by_url(client, staff_member, two_welkomhuizen, fmt):
    neude, zuilen = two_welkomhuizen
    client.force_login(staff_member(neude))
    response = client.get(f"{URL}?location={zuilen.pk}{fmt}")
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's answer to PermissionDenied
    assert client.get(f"{URL}?location={neude.pk}{fmt}").status_code == 200


def test_city_can_focus_on_one_welkomhuis(client, city_user, two_welkomhuizen):
    neude, _zuilen = two_welkomhuizen
    client.force_login(city_user)
    assert set(rows_of(client.get(f"{URL}?location={neude.pk}"))) == {"Neude"}


def test_a_user_in_neither_group_is_refused(client, two_welkomhuizen):
    editor = create_user("redacteur@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    add_totp(editor)
    client.force_login(editor)
    assert client.get(URL).status_code == 302
    assert client.get(URL + "?format=csv").status_code == 302
    assert "Figures" not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_dashboard_shows_no_person_and_links_to_no_record(client, city_user, two_welkomhuizen):
    client.force_login(city_user)
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    for text in [
        soup.select_one(".nice-padding").get_text(),
        client.get(URL + "?format=csv").content.decode(),
    ]:
        assert "Amal" not in text and "registrant.example" not in text
    links = [a["href"] for a in soup.select(".nice-padding a")]
    assert links and all(href.startswith("?") for href in links)


def test_menu_item_for_city_and_staff(client, city_user, staff_member, two_welkomhuizen):
    client.force_login(city_user)
    assert URL in client.get("/admin/").content.decode()
    client.force_login(staff_member(two_welkomhuizen[0]))
    assert URL in client.get("/admin/").content.decode()


def test_room_hours_booked_against_hours_open(client, city_user, make_location, staff_member):
    location = make_location(title="Neude", wijk="binnenstad")
    OpeningHours.objects.filter(page=location).delete()
    OpeningHours.objects.create(page=location, weekday=0, opens=time(9), closes=time(17))  # Mondays 8 h
    room = Room.objects.create(page=location, name="Zaal", capacity=10)
    Room.objects.create(page=location, name="Hok", capacity=2, is_bookable=False)
    start = at(LAST_QUARTER, 2, 10)
    for n, status in enumerate(["confirmed", "pending", "cancelled"]):
        begin = start + timedelta(days=7 * n)
        RoomBooking.objects.create(
            room=room,
            start=begin,
            end=begin + timedelta(hours=2),
            occupied_until=begin + timedelta(hours=2),
            status=status,
        )
    mondays = sum(1 for day in LAST_QUARTER.days if day.weekday() == 0)
    client.force_login(city_user)
    row = rows_of(client.get(URL))["Neude"]
    assert row["room_hours_booked"] == "4.0"
    assert row["hours_open"] == f"{8 * mondays:.1f}"
    assert row["room_hours_open"] == f"{8 * mondays:.1f}"  # one bookable room


def test_hours_open_follow_exceptions(make_location):
    location = make_location()
    OpeningHours.objects.filter(page=location).delete()
    OpeningHours.objects.create(page=location, weekday=0, opens=time(9), closes=time(17))
    monday = next(day for day in LAST_QUARTER.days if day.weekday() == 0)
    OpeningException.objects.create(page=location, date=monday, closed=True)
    mondays = sum(1 for day in LAST_QUARTER.days if day.weekday() == 0)
    location = type(location).objects.get(pk=location.pk)
    assert hours_open_in(location.schedule, LAST_QUARTER) == 8 * (mondays - 1)


def test_figures_are_unchanged_after_the_purge(client, city_user, make_location, make_activity, settings):
    """Last year's quarter: snapshot and purge (the real tasks), and the figures stay the same."""
    quarter = Quarter.current().back(4)
    location = make_location(title="Neude", wijk="binnenstad")
    activity = make_activity(location=location)
    register_people(held_date(activity, quarter, day=3), ["Amal", "Yonas", "Oksana"])
    register_people(held_date(activity, quarter, day=10), ["Amal", "Bashir", "Chen", "Dana", "Emre", "Farah"])
    client.force_login(city_user)
    url = f"{URL}?quarter={quarter.slug}"
    before_html, before_csv = rows_of(client.get(url)), csv_rows(client.get(url + "&format=csv"))
    assert before_html["Neude"]["distinct_registrants"] == "8"

    store_figure_snapshots.delay()
    purge_registration_data.delay()

    assert not Registration.objects.exclude(first_name="").exists()  # the personal data is gone
    assert not Registration.objects.exclude(email="").exists()
    assert FigureSnapshot.objects.filter(
        year=quarter.year, quarter=quarter.number, scope=f"location:{location.pk}"
    ).exists()
    assert not RegistrantMark.objects.filter(year=quarter.year, quarter=quarter.number).exists()
    assert rows_of(client.get(url)) == before_html
    assert csv_rows(client.get(url + "&format=csv")) == before_csv


def test_the_purge_task_takes_the_snapshot_first(client, city_user, make_location, make_activity):
    """Even when only the purge runs, the figures survive it."""
    quarter = Quarter.current().back(4)
    location = make_location(title="Neude")
    register_people(
        held_date(make_activity(location=location), quarter),
        ["Amal", "Yonas", "Oksana", "Dana", "Emre", "Bashir"],
    )
    client.force_login(city_user)
    url = f"{URL}?quarter={quarter.slug}"
    before = rows_of(client.get(url))
    purge_registration_data.delay()
    assert rows_of(client.get(url)) == before
    assert before["Neude"]["distinct_registrants"] == "6"


def test_an_open_quarter_counts_people_purged_earlier_in_it(make_location, make_activity, settings):
    """Within the current quarter, registrants purged a month ago still count once (their marks)."""
    from monitoring.dashboard import compute

    settings.REGISTRATION_RETENTION_DAYS = 0
    location = make_location()
    quarter = Quarter.current()
    now = timezone.now()
    start = now - timedelta(hours=3)
    occurrence = Occurrence.objects.create(
        activity=make_activity(location=location),
        location=location,
        key=start.date() - timedelta(days=1000),  # any key the activity's own dates do not use
        start=start,
        end=start + timedelta(hours=1),
    )
    if Quarter.of(timezone.localdate(start)) != quarter:
        pytest.skip("the quarter began less than three hours ago")
    register_people(occurrence, ["Amal", "Yonas"])
    purge_registration_data.delay()
    assert not Registration.objects.exclude(email="").exists()
    values = compute(quarter, {location.pk: location.wijk}, ("location",), now)
    assert values[f"location:{location.pk}"]["distinct_registrants"] == 2


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("quarter", ["", f"?quarter={Quarter.current().slug}"])
def test_query_count_does_not_grow_with_the_data(client, city_user, make_location, make_activity, quarter):
    def add(n):
        for i in range(n):
            location = make_location(wijk=["zuid", "oost", "west"][i % 3])
            Room.objects.create(page=location, name="Zaal", capacity=10)
            activity = make_activity(location=location)
            for q in range(4):
                register_people(
                    held_date(activity, Quarter.current().back(q), day=3 + i),
                    [f"P{n}{i}{k}" for k in range(3)],
                )

    add(2)
    client.force_login(city_user)
    few = count_queries(client, URL + quarter)
    add(5)
    assert count_queries(client, URL + quarter) == few


def test_demo_city_login_sees_every_demo_welkomhuis(client):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from locations.models import LocationPage

    call_command("load_demo", stdout=StringIO())
    user = get_user_model().objects.get(email="stad@welkomhuis.example")
    add_totp(user)
    client.force_login(user)
    assert set(LocationPage.objects.values_list("title", flat=True)) <= set(rows_of(client.get(URL)))


@pytest.mark.parametrize(
    "query", ["?quarter=abc", "?quarter=2026-9", "?quarter=2999-1", "?format=pdf", "?quarter="]
)
def test_odd_parameters_show_a_dashboard_not_an_error(client, city_user, two_welkomhuizen, query):
    client.force_login(city_user)
    assert "Neude" in rows_of(client.get(URL + query))


@pytest.fixture
def volunteering_last_quarter(two_welkomhuizen):
    """Binnenstad: 6 new volunteers, 3 requests of which 2 matched (after 2 and 4 days); noordwest: 2."""
    from home.models import Language
    from volunteers.models import BuddyRequest, ErvaringsdeskundigeProfile, Match, Programme, VolunteerProfile

    neude, zuilen = two_welkomhuizen
    from home.models import Organisation

    organisation = Organisation.objects.get(slug="taal-doet-meer")
    programme = Programme.objects.create(name="Taalmaatjes", organisation=organisation, roles=["taalmaatje"])
    volunteers = []
    for n, wijk in enumerate(["binnenstad"] * 6 + ["noordwest"] * 2):
        user = create_user(f"vrijwilliger{n}@example.org")
        volunteers.append(
            VolunteerProfile.objects.create(user=user, wijk=wijk, consent_at=at(LAST_QUARTER, 2 + n, 10))
        )
    # Withdrawn before the quarter: not active in it.
    old = VolunteerProfile.objects.create(
        user=create_user("oud@example.org"),
        wijk="binnenstad",
        consent_at=at(LAST_QUARTER.previous, 1, 10),
        withdrawn_at=at(LAST_QUARTER.previous, 20, 10),
    )
    assert old.pk
    for n, (wijk, wait) in enumerate([("binnenstad", 2), ("binnenstad", 4), ("binnenstad", None)]):
        request = BuddyRequest.objects.create(
            programme=programme,
            role="taalmaatje",
            first_name=f"N{n}",
            dutch_level="a1",
            postcode="3511",
            wijk=wijk,
        )
        filed = at(LAST_QUARTER, 10, 9)
        BuddyRequest.objects.filter(pk=request.pk).update(
            created_at=filed, matched_at=filed + timedelta(days=wait) if wait else None
        )
        if wait:
            Match.objects.create(
                request=request,
                volunteer=volunteers[n],
                status="active",
                accepted_at=filed + timedelta(days=wait),
            )
    ervaringsdeskundige = ErvaringsdeskundigeProfile.objects.create(
        first_name="Youssef", email="youssef@example.org", consent_version="1"
    )
    ervaringsdeskundige.languages.set(Language.objects.filter(code="ar"))
    ervaringsdeskundige.locations.set([neude, zuilen])
    ErvaringsdeskundigeProfile.objects.filter(pk=ervaringsdeskundige.pk).update(
        created_at=at(LAST_QUARTER, 1, 9)
    )
    return neude, zuilen


def test_volunteer_figures_per_wijk_and_city(client, city_user, volunteering_last_quarter):
    client.force_login(city_user)
    rows = rows_of(client.get(URL + f"?quarter={LAST_QUARTER.slug}"))
    binnenstad, noordwest, city = rows["Wijk Binnenstad"], rows["Wijk Noordwest"], rows["Utrecht"]
    assert binnenstad["new_volunteers"] == "6" and binnenstad["active_volunteers"] == "6"
    assert noordwest["new_volunteers"] == "<5"
    assert city["new_volunteers"] == "8" and city["active_volunteers"] == "8"
    assert binnenstad["buddy_requests_filed"] == "<5" and binnenstad["buddy_requests_matched"] == "<5"
    assert city["median_wait_days"] == "3.0"
    assert city["active_matches"] == "<5" and city["ended_matches"] == "0"
    # An ervaringsdeskundige chose both welkomhuizen: at each of them, once in the city.
    assert rows["Neude"]["ervaringsdeskundigen"] == rows["Zuilen"]["ervaringsdeskundigen"] == "<5"
    # Volunteers live in a wijk; a welkomhuis's row does not pretend to count them.
    assert rows["Neude"]["new_volunteers"] == "–"


def test_staff_see_volunteer_figures_only_as_not_counted_per_welkomhuis(
    client, staff_member, volunteering_last_quarter
):
    neude, _zuilen = volunteering_last_quarter
    client.force_login(staff_member(neude))
    rows = rows_of(client.get(URL + f"?quarter={LAST_QUARTER.slug}"))
    assert set(rows) == {"Neude"}
    assert rows["Neude"]["new_volunteers"] == rows["Neude"]["median_wait_days"] == "–"
    assert rows["Neude"]["ervaringsdeskundigen"] == "<5"
