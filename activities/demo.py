"""Demo activities for `manage.py load_demo`: a realistic week in Utrecht's welkomhuizen.

Dates are relative to the Monday of the current week, so loading twice in the
same week gives the same site; each activity is keyed on its slug.
"""

from datetime import datetime, time, timedelta

from dateutil.rrule import rrulestr

from home.models import Language, Leefgebied, Organisation
from locations.models import LocationPage

from .models import ActivityPage, ActivityType, ScheduleChange
from .schedule import compose_rrule

T = time
# location slug, slug, title, type, weekday (0 = Monday), start, end, repeat, extras
DEMO_ACTIVITIES = [
    (
        "bibliotheek-neude",
        "taalcafe-neude",
        "Taalcafé in de bibliotheek",
        "taalcafe",
        1,
        T(14),
        T(16),
        "weekly",
        {
            "summary": "Praat Nederlands met andere mensen. Iedereen is welkom, ook als je net begint.",
            "leefgebieden": ["taal", "ontmoeten"],
            "languages": ["en", "ar"],
            "dutch_level": "a0-a2",
            "holiday_closure": "public",
            "cancel_week": 2,
            "cancel_reason": "De vrijwilligers hebben een training.",
            "organiser": "taal-doet-meer",
        },
    ),
    (
        "bibliotheek-neude",
        "hulp-bij-digitale-post",
        "Hulp bij digitale post en DigiD",
        "spreekuur",
        3,
        T(10),
        T(12),
        "weekly",
        {
            "summary": "Vragen over brieven, DigiD of formulieren? Loop binnen, een vrijwilliger helpt je.",
            "leefgebieden": ["financien"],
            "languages": ["en"],
            "dutch_level": "none",
            "organiser": "bibliotheek-utrecht",
        },
    ),
    (
        "bibliotheek-overvecht",
        "taalpunt-overvecht",
        "Taalpunt: hulp bij Nederlands leren",
        "spreekuur",
        2,
        T(13),
        T(15),
        "weekly",
        {
            "summary": "Wil je beter Nederlands leren? Wij zoeken samen een cursus of een taalmaatje.",
            "leefgebieden": ["taal"],
            "languages": ["ar", "tr", "so"],
            "organiser": "bibliotheek-utrecht",
            "holiday_closure": "public+school",
        },
    ),
    (
        "bibliotheek-overvecht",
        "voorlezen-voor-kinderen",
        "Voorlezen voor kinderen",
        "kinderen",
        5,
        T(11),
        T(12),
        "weekly",
        {
            "summary": "Voorlezen en knutselen voor kinderen van 2 tot 6 jaar, samen met hun ouders.",
            "leefgebieden": ["kinderen", "taal"],
            "audience": "parents",
            "holiday_closure": "public",
        },
    ),
    (
        "plan-einstein",
        "taalles-plan-einstein",
        "Taalles voor beginners",
        "cursus",
        0,
        T(10),
        T(12),
        "weekly2",
        {
            "summary": "Nederlandse les voor beginners, elke twee weken op maandag.",
            "leefgebieden": ["taal"],
            "languages": ["ar", "ti", "fa"],
            "dutch_level": "none",
            "how_to_join": "register",
            "places": 15,
            "join_instructions": "Of meld je aan bij de balie van Plan Einstein.",
        },
    ),
    (
        "plan-einstein",
        "samen-koken",
        "Samen koken en eten",
        "koken",
        4,
        T(17),
        T(20),
        "monthly-last",
        {
            "summary": "Elke laatste vrijdag van de maand koken we samen een maaltijd uit een ander land.",
            "leefgebieden": ["ontmoeten"],
            "price": "3.00",
            "how_to_join": "register",
            "places": 12,
            "languages": ["ar", "ti", "en"],
        },
    ),
    (
        "international-welcome-centre",
        "spreekuur-inburgering",
        "Spreekuur inburgering",
        "spreekuur",
        1,
        T(9),
        T(12),
        "weekly",
        {
            "summary": "Vragen over je inburgering? Praat met een inburgeringscoach van de gemeente.",
            "leefgebieden": ["taal", "werk", "onderwijs"],
            "organiser": "werk-en-inkomen",
            "how_to_join": "appointment",
            "join_instructions": "Maak een afspraak via 14 030.",
            "languages": ["en", "ar", "uk"],
        },
    ),
    (
        "international-welcome-centre",
        "spreekuur-vluchtelingenwerk",
        "Spreekuur VluchtelingenWerk",
        "spreekuur",
        3,
        T(13),
        T(16),
        "weekly",
        {
            "summary": "Hulp bij gezinshereniging, brieven en je rechten. Gewoon binnenlopen.",
            "leefgebieden": ["financien"],
            "organiser": "vluchtelingenwerk",
            "languages": ["ar", "ti", "prs"],
        },
    ),
    (
        "buurthuis-zuilen",
        "taalcafe-zuilen",
        "Taalcafé Zuilen",
        "taalcafe",
        1,
        T(19),
        T(21),
        "weekly",
        {
            "summary": "Gezellig Nederlands oefenen in de avond. Koffie en thee zijn gratis.",
            "leefgebieden": ["taal", "ontmoeten"],
            "dutch_level": "a0-a2",
            "holiday_closure": "public+school",
        },
    ),
    (
        "wijkcentrum-oog-in-al",
        "buurtteam-spreekuur",
        "Spreekuur buurtteam",
        "spreekuur",
        0,
        T(14),
        T(16),
        "weekly",
        {
            "summary": "Zorgen over geld, je huis of je gezin? Het buurtteam denkt met je mee.",
            "leefgebieden": ["financien", "gezondheid", "kinderen"],
            "organiser": "buurtteam",
        },
    ),
    (
        "wijkcentrum-oog-in-al",
        "moestuin",
        "Samen tuinieren",
        "anders",
        5,
        T(10),
        T(12),
        "weekly",
        {
            "summary": "Werk mee in de moestuin van het wijkcentrum. Je hoeft niets mee te nemen.",
            "leefgebieden": ["ontmoeten", "gezondheid"],
        },
    ),
    (
        "buurthuis-kanaleneiland",
        "vrouwenochtend",
        "Vrouwenochtend",
        "anders",
        2,
        T(10),
        T(12),
        "weekly",
        {
            "summary": "Een ochtend voor vrouwen: praten, sporten en samen Nederlands oefenen. Kinderopvang is er ook.",
            "leefgebieden": ["ontmoeten", "gezondheid"],
            "audience": "women",
            "languages": ["ar", "ti", "so", "zgh"],
        },
    ),
    (
        "buurthuis-kanaleneiland",
        "fietsles",
        "Fietsles voor volwassenen",
        "sport",
        4,
        T(10),
        T(11, 30),
        "weekly",
        {
            "summary": "Leren fietsen in een rustige omgeving. Fietsen zijn er, je hoeft er geen te hebben.",
            "leefgebieden": ["gezondheid"],
            "how_to_join": "register",
            "price": "0",
            "places": 6,
            "join_instructions": "Of bel of app 06 12 34 56 78.",
            "audience": "women",
        },
    ),
    (
        "buurthuis-kanaleneiland",
        "huiswerkklas",
        "Huiswerkhulp voor kinderen",
        "kinderen",
        0,
        T(15, 30),
        T(17),
        "daily-weekdays",
        {
            "summary": "Hulp bij huiswerk voor kinderen van 8 tot 14 jaar, elke schooldag.",
            "leefgebieden": ["kinderen", "onderwijs"],
            "holiday_closure": "public+school",
        },
    ),
    (
        "buurtcentrum-hoograven",
        "werk-en-taal",
        "Werk en taal: je cv en sollicitatie",
        "werk-en-taal",
        3,
        T(13),
        T(15),
        "weekly2",
        {
            "summary": "Maak je cv en oefen een sollicitatiegesprek in het Nederlands.",
            "leefgebieden": ["werk", "taal"],
            "dutch_level": "b1",
            "organiser": "uaf",
        },
    ),
    (
        "wijkcentrum-oost",
        "taalmaatjes-ontmoeting",
        "Ontmoeting taalmaatjes",
        "taalcafe",
        2,
        T(19, 30),
        T(21),
        "monthly-first",
        {
            "summary": "Taalmaatjes en nieuwkomers ontmoeten elkaar. Nieuwe mensen zijn welkom.",
            "leefgebieden": ["taal", "ontmoeten"],
            "organiser": "welkom-in-utrecht",
            "languages": ["en", "uk", "ru"],
        },
    ),
    (
        "wijkcentrum-leidsche-rijn",
        "informatieavond-zorg",
        "Informatieavond: zo werkt de zorg in Nederland",
        "informatiebijeenkomst",
        3,
        T(19),
        T(21),
        "once-next-week",
        {
            "summary": "Wat doet de huisarts? Hoe werkt de zorgverzekering? Een avond met uitleg en vragen.",
            "leefgebieden": ["gezondheid"],
            "languages": ["en", "ar", "uk"],
            "how_to_join": "register",
            "places": 30,
            "join_instructions": "Of meld je aan bij de balie.",
        },
    ),
    (
        "buurthuis-vleuten",
        "taalcafe-vleuten",
        "Taalcafé Vleuten",
        "taalcafe",
        3,
        T(14),
        T(15, 30),
        "weekly",
        {
            "summary": "Een klein taalcafé in het dorpshuis. We drinken koffie en praten Nederlands.",
            "leefgebieden": ["taal"],
            "dutch_level": "a0-a2",
            "holiday_closure": "public",
        },
    ),
    (
        "buurtcentrum-tuindorp",
        "formulierenhulp",
        "Hulp bij formulieren",
        "spreekuur",
        1,
        T(10),
        T(12),
        "weekly",
        {
            "summary": "Samen met een vrijwilliger formulieren invullen: toeslagen, huur, zorg.",
            "leefgebieden": ["financien"],
            "organiser": "vrijwilligerscentrale",
        },
    ),
]

RULES = {
    "weekly": lambda day: compose_rrule("weekly", start_date=day),
    "weekly2": lambda day: compose_rrule("weekly", interval=2, start_date=day),
    "monthly-last": lambda day: compose_rrule("monthly", month_week=-1, start_date=day),
    "monthly-first": lambda day: compose_rrule("monthly", month_week=1, start_date=day),
    "daily-weekdays": lambda day: compose_rrule(
        "weekly", weekdays=["MO", "TU", "WE", "TH", "FR"], start_date=day
    ),
}


def _first_date_of(rule, day):
    """The first date on or after day that a monthly rule gives (a series starts on one of its dates)."""
    start = datetime.combine(day, time(0))
    return rrulestr(f"RRULE:{rule}", dtstart=start).after(start, inc=True).date()


def load_demo_activities(today):
    monday = today - timedelta(days=today.weekday())
    types = {t.slug: t for t in ActivityType.objects.all()}
    topics = {t.slug: t for t in Leefgebied.objects.all()}
    languages = {lang.code: lang for lang in Language.objects.all()}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    pages = []
    for location_slug, slug, title, type_slug, weekday, start, end, repeat, extra in DEMO_ACTIVITIES:
        location = LocationPage.objects.get(slug=location_slug)
        first = monday + timedelta(days=weekday + (7 if repeat == "once-next-week" else 0))
        if repeat.startswith("monthly"):
            first = _first_date_of(RULES[repeat](first), first)
        fields = {
            "title": title,
            "summary": extra["summary"],
            "activity_type": types[type_slug],
            "start_date": first,
            "start_time": start,
            "end_time": end,
            "recurrence": RULES[repeat](first) if repeat in RULES else "",
            "dutch_level": extra.get("dutch_level", "none"),
            "audience": extra.get("audience", "everyone"),
            "price": extra.get("price", "0"),
            "how_to_join": extra.get("how_to_join", "walk-in"),
            "join_instructions": extra.get("join_instructions", ""),
            "places": extra.get("places"),
            "holiday_closure": extra.get("holiday_closure", ""),
            "organiser": organisations.get(extra.get("organiser")),
            "room": location.rooms.first(),
        }
        page = ActivityPage.objects.child_of(location).filter(slug=slug).first()
        if page is None:
            page = ActivityPage(slug=slug, **fields)
            location.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.leefgebieden.set([topics[t] for t in extra.get("leefgebieden", [])])
        page.languages.set([languages[code] for code in extra.get("languages", []) if code in languages])
        changes = []
        if "cancel_week" in extra:
            cancelled = first + timedelta(weeks=extra["cancel_week"])
            changes.append(ScheduleChange(date=cancelled, kind="cancelled", reason=extra["cancel_reason"]))
        page.schedule_changes.set(changes)
        page.save_revision().publish()
        pages.append(page)
    return pages
