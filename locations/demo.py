"""Demo welkomhuizen for `manage.py load_demo`: realistic for Utrecht, but the
addresses, hours and rooms are made up. Keyed on slug, so loading twice
updates instead of duplicating."""

from datetime import date, time, timedelta
from decimal import Decimal

from wagtail.models import Locale

from home.models import Language, Wijk

from .models import (
    Facility,
    LocationIndexPage,
    LocationKind,
    LocationPage,
    OpeningException,
    OpeningHours,
    Room,
)

WEEKDAYS_9_17 = [(d, time(9), time(17)) for d in range(5)]

DEMO_LOCATIONS = [
    {
        "slug": "bibliotheek-neude",
        "title": "Bibliotheek Neude",
        "kind": LocationKind.LIBRARY,
        "intro": "In de bibliotheek kun je lezen, computers gebruiken en Nederlands oefenen in het taalcafé. Iedereen mag binnenkomen.",
        "street_address": "Neude 11",
        "postcode": "3512 AE",
        "wijk": Wijk.BINNENSTAD,
        "lat": "52.092900",
        "lon": "5.118800",
        "facilities": [
            "wheelchair_accessible",
            "has_wifi",
            "has_coffee_tea",
            "has_information_point",
            "has_quiet_room",
        ],
        "languages": ["nl", "en", "ar", "uk"],
        "hours": [(d, time(10), time(20)) for d in range(5)]
        + [(5, time(10), time(17)), (6, time(12), time(17))],
        "rooms": [
            ("Taalcafé-zaal", 20, False, True),
            ("Spreekkamer 1", 3, True, False),
            ("Spreekkamer 2", 3, True, False),
        ],
        "phone": "030 286 1800",
    },
    {
        "slug": "bibliotheek-overvecht",
        "title": "Bibliotheek Overvecht",
        "kind": LocationKind.LIBRARY,
        "intro": "Boeken lenen, hulp bij de computer en het Taalpunt: hier vind je hulp bij Nederlands leren.",
        "street_address": "Roelantdreef 2",
        "postcode": "3562 KA",
        "wijk": Wijk.OVERVECHT,
        "lat": "52.116200",
        "lon": "5.113400",
        "facilities": ["wheelchair_accessible", "has_wifi", "has_childcare", "has_information_point"],
        "languages": ["nl", "ar", "tr", "so"],
        "hours": [(d, time(10), time(18)) for d in range(1, 6)] + [(5, time(10), time(14))],
        "rooms": [("Leeszaal", 12, False, True), ("Spreekkamer", 4, True, False)],
    },
    {
        "slug": "plan-einstein",
        "title": "Plan Einstein",
        "kind": LocationKind.PLAN_EINSTEIN,
        "intro": "Plan Einstein is een ontmoetingsplek naast het azc. Bewoners van het azc en buurtbewoners leren hier samen en van elkaar.",
        "street_address": "Einsteindreef 2",
        "postcode": "3562 GP",
        "wijk": Wijk.OVERVECHT,
        "lat": "52.118500",
        "lon": "5.110100",
        "facilities": ["wheelchair_accessible", "has_wifi", "has_coffee_tea", "has_childcare"],
        "languages": ["nl", "en", "ar", "ti", "fa", "prs"],
        "hours": [(d, time(9), time(21)) for d in range(5)],
        "rooms": [
            ("Grote zaal", 40, False, True),
            ("Lokaal 1", 12, False, True),
            ("Gespreksruimte", 4, True, False),
        ],
    },
    {
        "slug": "international-welcome-centre",
        "title": "International Welcome Centre Utrecht Region",
        "kind": LocationKind.WELCOME_CENTRE,
        "intro": "Het International Welcome Centre helpt nieuwkomers met de eerste stappen: inschrijven, werk, wonen en zorg.",
        "street_address": "Stadsplateau 1",
        "postcode": "3521 AZ",
        "wijk": Wijk.BINNENSTAD,
        "lat": "52.087500",
        "lon": "5.112300",
        "facilities": ["wheelchair_accessible", "has_wifi", "has_information_point"],
        "languages": ["nl", "en", "uk", "ar"],
        "hours": WEEKDAYS_9_17,
        "rooms": [("Spreekkamer A", 3, True, True), ("Spreekkamer B", 3, True, False)],
        "email": "welcome@welkomhuis.example",
    },
    {
        "slug": "buurthuis-zuilen",
        "title": "Buurthuis Zuilen",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Een gezellig buurthuis met koffie, een taalcafé op dinsdag en een kledingbank.",
        "street_address": "Amsterdamsestraatweg 510",
        "postcode": "3553 EN",
        "wijk": Wijk.NOORDWEST,
        "lat": "52.108100",
        "lon": "5.095200",
        "facilities": ["has_coffee_tea", "has_wifi"],
        "languages": ["nl", "ar", "tr"],
        "hours": [(d, time(9), time(12)) for d in range(5)] + [(d, time(13), time(17)) for d in range(5)],
        "rooms": [("Huiskamer", 15, False, False), ("Kantoortje", 2, True, False)],
    },
    {
        "slug": "wijkcentrum-oog-in-al",
        "title": "Wijkcentrum Oog in Al",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Kom langs voor de inloop, de moestuin of een spreekuur van het buurtteam.",
        "street_address": "Thomas à Kempisweg 1",
        "postcode": "3532 KB",
        "wijk": Wijk.WEST,
        "lat": "52.090200",
        "lon": "5.093300",
        "facilities": ["wheelchair_accessible", "has_coffee_tea", "has_childcare"],
        "languages": ["nl", "en"],
        "hours": WEEKDAYS_9_17,
        "rooms": [("Zaal", 25, False, True), ("Spreekkamer", 3, True, True)],
    },
    {
        "slug": "buurthuis-kanaleneiland",
        "title": "Buurthuis Kanaleneiland",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Samen koken, vrouwenochtend en huiswerkhulp voor kinderen. Er wordt ook Arabisch en Tigrinya gesproken.",
        "street_address": "Marshalllaan 2",
        "postcode": "3527 TK",
        "wijk": Wijk.ZUIDWEST,
        "lat": "52.072100",
        "lon": "5.097200",
        "facilities": ["wheelchair_accessible", "has_coffee_tea", "has_childcare", "has_quiet_room"],
        "languages": ["nl", "ar", "ti", "so", "zgh"],
        "hours": [(d, time(9), time(22)) for d in range(6)],
        "rooms": [("Keuken", 12, False, False), ("Zaal", 30, False, True), ("Stilteruimte", 2, True, False)],
    },
    {
        "slug": "buurtcentrum-hoograven",
        "title": "Buurtcentrum Hoograven",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Ontmoeten, sporten en leren in Hoograven. Ook voor ouders met jonge kinderen.",
        "street_address": "Van Bijnkershoeklaan 10",
        "postcode": "3525 BA",
        "wijk": Wijk.ZUID,
        "lat": "52.076000",
        "lon": "5.129000",
        "facilities": ["wheelchair_accessible", "has_childcare", "has_coffee_tea"],
        "languages": ["nl", "tr", "ar"],
        "hours": WEEKDAYS_9_17,
        "rooms": [("Sportzaal", 40, False, False), ("Lokaal", 10, False, True)],
    },
    {
        "slug": "wijkcentrum-oost",
        "title": "Wijkcentrum Oost",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Het huis van de buurt in Oost: taalmaatjes, een repair café en een informatiepunt.",
        "street_address": "Rubenslaan 2",
        "postcode": "3582 JJ",
        "wijk": Wijk.OOST,
        "lat": "52.086100",
        "lon": "5.142200",
        "facilities": ["has_information_point", "has_wifi", "has_coffee_tea"],
        "languages": ["nl", "en", "uk", "ru"],
        "hours": [(d, time(10), time(16)) for d in range(4)],
        "rooms": [("Ontmoetingsruimte", 20, False, True), ("Spreekkamer", 3, True, True)],
    },
    {
        "slug": "buurtcentrum-tuindorp",
        "title": "Buurtcentrum Tuindorp",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Een rustige plek voor koffie, een praatje en hulp bij formulieren.",
        "street_address": "Tuindorpweg 1",
        "postcode": "3571 CA",
        "wijk": Wijk.NOORDOOST,
        "lat": "52.105100",
        "lon": "5.133100",
        "facilities": ["has_coffee_tea", "has_quiet_room"],
        "languages": ["nl"],
        "hours": [(d, time(9), time(13)) for d in range(5)],
        "rooms": [("Zaaltje", 10, False, True)],
    },
    {
        "slug": "wijkcentrum-leidsche-rijn",
        "title": "Wijkcentrum Leidsche Rijn",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Nieuw in Leidsche Rijn? Kom naar de inloop op woensdag en ontmoet je buren.",
        "street_address": "Brauerei 1",
        "postcode": "3541 CA",
        "wijk": Wijk.LEIDSCHE_RIJN,
        "lat": "52.093500",
        "lon": "5.053000",
        "facilities": ["wheelchair_accessible", "has_wifi", "has_coffee_tea", "has_childcare"],
        "languages": ["nl", "en", "pl"],
        "hours": WEEKDAYS_9_17,
        "rooms": [("Zaal 1", 30, False, True), ("Zaal 2", 12, False, True), ("Spreekkamer", 3, True, True)],
    },
    {
        "slug": "buurthuis-vleuten",
        "title": "Buurthuis Vleuten",
        "kind": LocationKind.BUURTHUIS,
        "intro": "Een dorpshuis voor iedereen in Vleuten en De Meern, met een taalcafé op donderdag.",
        "street_address": "Dorpsstraat 12",
        "postcode": "3451 BE",
        "wijk": Wijk.VLEUTEN_DE_MEERN,
        "lat": "52.106000",
        "lon": "4.996000",
        "facilities": ["wheelchair_accessible", "has_coffee_tea"],
        "languages": ["nl"],
        "hours": [(d, time(13), time(17)) for d in range(1, 5)],
        "rooms": [("Zaal", 20, False, False)],
    },
]


# Public holidays in the coming season, shared by every demo welkomhuis.
def _holidays(today):
    year = today.year if today.month < 12 or today.day < 27 else today.year + 1
    return [
        (date(year, 12, 25), date(year, 12, 26), "Kerst"),
        (date(year + 1, 1, 1), None, "Nieuwjaar"),
    ]


def load_demo_locations(today):
    index = LocationIndexPage.objects.get(locale=Locale.get_default())
    languages = {language.code: language for language in Language.objects.all()}
    pages = []
    for data in DEMO_LOCATIONS:
        page = LocationPage.objects.child_of(index).filter(slug=data["slug"]).first()
        fields = {
            "title": data["title"],
            "kind": data["kind"],
            "intro": data["intro"],
            "street_address": data["street_address"],
            "postcode": data["postcode"],
            "wijk": data["wijk"],
            "latitude": Decimal(data["lat"]),
            "longitude": Decimal(data["lon"]),
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            **{field: field in data["facilities"] for field in Facility.values},
        }
        if page is None:
            page = LocationPage(slug=data["slug"], **fields)
            index.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.languages.set([languages[code] for code in data["languages"] if code in languages])
        page.opening_hours.set(
            [
                OpeningHours(weekday=d, opens=o, closes=c, sort_order=i)
                for i, (d, o, c) in enumerate(data["hours"])
            ]
        )
        page.opening_exceptions.set(
            [
                OpeningException(date=s, end_date=e, reason=r, sort_order=i)
                for i, (s, e, r) in enumerate(_holidays(today))
            ]
        )
        _set_rooms(page, data["rooms"])
        page.save_revision().publish()
        pages.append(page)
    return pages


def _set_rooms(page, rooms):
    # Keep existing rooms (later issues hang bookings on them); update them by name.
    existing = {room.name: room for room in page.rooms.all()}
    kept = []
    for order, (name, capacity, private, bookable) in enumerate(rooms):
        room = existing.get(name) or Room(name=name)
        room.capacity, room.is_private, room.is_bookable, room.sort_order = capacity, private, bookable, order
        room.has_screen = capacity >= 12
        kept.append(room)
    page.rooms.set(kept)


def load_demo_bookings(coach, today):
    """A demo coach's weekly public spreekuur and a one-off talk, made once (later runs keep them).

    Booked through booking.book(), so the spreekuur appears on /activiteiten/ as it would for real.
    """
    from .booking import book, plan, series_dates

    if coach.series.exists():
        return list(coach.series.all())
    room = Room.objects.get(page__slug="wijkcentrum-oog-in-al", name="Spreekkamer")
    tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    until = tuesday + timedelta(weeks=12)
    dates = series_dates(tuesday, 1, until)
    skip = {entry.day: None for entry in plan(room, dates, time(13), time(15)) if entry.problem}
    spreekuur, _bookings = book(
        coach,
        room,
        first_date=tuesday,
        start_time=time(13),
        end_time=time(15),
        repeat=1,
        until=until,
        choices=skip,
        details={
            "purpose": "Inloopspreekuur",
            "is_public": True,
            "public_title": "Inloopspreekuur inburgering",
            "public_summary": "Vragen over je inburgering, werk of geld? Loop binnen bij de inburgeringscoach.",
            "how_to_join": "walk-in",
        },
    )
    talk, _bookings = book(
        coach,
        Room.objects.get(page__slug="international-welcome-centre", name="Spreekkamer A"),
        first_date=tuesday + timedelta(days=2),
        start_time=time(10),
        end_time=time(11),
        details={"purpose": "Voortgangsgesprek"},
    )
    return [spreekuur, talk]
