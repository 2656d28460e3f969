"""Demo wegwijzer (one page per leefgebied, in plain Dutch) and two stories; idempotent by slug."""

from datetime import date

from django.conf import settings
from wagtail.models import Locale

from activities.models import ActivityPage
from locations.models import LocationPage

from .models import HomePage, Leefgebied, StoryIndexPage, StoryPage, WegwijzerIndexPage, WegwijzerPage

# leefgebied slug: (title, intro, [(step title, explanation, link url, link text)])
WEGWIJZER = {
    "taal": (
        "Nederlands leren",
        "Nederlands leer je in de klas en overal daarbuiten. Bij een welkomhuis kun je gratis oefenen, "
        "met andere mensen en met vrijwilligers.",
        [
            (
                "Ga naar een taalcafé",
                "Je praat in een groep over gewone dingen. Je hoeft je niet aan te melden.",
                "",
                "",
            ),
            (
                "Vraag een taalmaatje",
                "Een vrijwilliger spreekt elke week met je af om te oefenen.",
                "https://www.taaldoetmeer.nl/",
                "Taal Doet Meer",
            ),
            (
                "Leen boeken in makkelijk Nederlands",
                "De bibliotheek heeft boeken en cursussen voor beginners.",
                "https://www.bibliotheekutrecht.nl/",
                "Bibliotheek Utrecht",
            ),
        ],
    ),
    "werk": (
        "Werk vinden",
        "Wil je werken of vrijwilligerswerk doen? Je inburgeringscoach en het welkomhuis helpen je op weg.",
        [
            (
                "Praat met je inburgeringscoach",
                "Samen kijk je wat je kunt en wat je wilt.",
                "https://www.utrecht.nl/werk-en-inkomen/",
                "Werk & Inkomen",
            ),
            (
                "Doe vrijwilligerswerk",
                "Zo leer je mensen en de taal kennen, en krijg je ervaring.",
                "https://www.vcutrecht.nl/",
                "Vrijwilligerscentrale Utrecht",
            ),
        ],
    ),
    "onderwijs": (
        "Leren en studeren",
        "Wil je een opleiding doen of verder studeren? Er is hulp bij het kiezen en bij het betalen.",
        [
            (
                "Laat je diploma waarderen",
                "Dan weet je wat je diploma in Nederland waard is.",
                "https://www.idw.nl/",
                "Internationale Diplomawaardering",
            ),
            (
                "Vraag advies over studeren",
                "Het UAF helpt vluchtelingen die willen studeren.",
                "https://www.uaf.nl/",
                "UAF",
            ),
        ],
    ),
    "financien": (
        "Geld en rondkomen",
        "Komt je geld niet rond, of snap je een brief niet? Vraag op tijd hulp. Dat is gratis.",
        [
            (
                "Neem je brieven mee naar het spreekuur",
                "Een vrijwilliger leest met je mee en helpt je.",
                "",
                "",
            ),
            (
                "Bel het buurtteam",
                "Het buurtteam helpt bij schulden en geldzorgen.",
                "https://www.buurtteamsutrecht.nl/",
                "Buurtteams Utrecht",
            ),
        ],
    ),
    "gezondheid": (
        "Gezond blijven",
        "Voel je je niet goed? Ga eerst naar de huisarts. Bij een welkomhuis kun je ook samen sporten of wandelen.",
        [
            (
                "Schrijf je in bij een huisarts",
                "De huisarts is er voor al je vragen over gezondheid.",
                "",
                "",
            ),
            ("Sport of wandel samen", "Bewegen is goed voor je lichaam en je hoofd.", "", ""),
        ],
    ),
    "kinderen": (
        "Kinderen en opvoeden",
        "Heb je vragen over je kinderen, school of opvoeden? Je bent niet de enige. Er zijn plekken waar je terecht kunt.",
        [
            (
                "Ga naar voorlezen in de bibliotheek",
                "Samen met je kind luisteren naar verhalen is goed voor de taal.",
                "",
                "",
            ),
            (
                "Praat met het buurtteam",
                "Het buurtteam helpt ook bij vragen over opvoeden.",
                "https://www.buurtteamsutrecht.nl/",
                "Buurtteams Utrecht",
            ),
        ],
    ),
    "ontmoeten": (
        "Mensen ontmoeten",
        "In een welkomhuis ontmoet je buren en nieuwe vrienden. Iedereen is welkom en binnenlopen is gratis.",
        [
            ("Loop binnen bij een welkomhuis", "Drink een kop koffie en maak een praatje.", "", ""),
            (
                "Vraag een buddy",
                "Een buddy laat je de stad zien en helpt je op weg.",
                "https://welkominutrecht.nl/",
                "Welkom in Utrecht",
            ),
        ],
    ),
}

STORIES = [
    {
        "slug": "amal-leert-nederlands-in-het-taalcafe",
        "title": "Amal leert Nederlands in het taalcafé",
        "subject_kind": "newcomer",
        "intro": "Amal kwam twee jaar geleden naar Utrecht. Elke week gaat ze naar het taalcafé in de bibliotheek.",
        "quote": "In het taalcafé durf ik fouten te maken. Iedereen helpt.",
        "paragraph": "<p>Eerst sprak Amal alleen Arabisch en een beetje Engels. Nu praat ze met haar buren "
        "en met de juf van haar zoon. Ze wil later in de zorg werken.</p>",
        "leefgebieden": ["taal", "ontmoeten"],
        "location": "bibliotheek-neude",
        "activity": "taalcafe-neude",
    },
    {
        "slug": "youssef-helpt-nieuwe-utrechters",
        "title": "Youssef helpt nieuwe Utrechters",
        "subject_kind": "ervaringsdeskundige",
        "intro": "Youssef deed zelf de inburgering. Nu helpt hij als ervaringsdeskundige mensen die net in Utrecht wonen.",
        "quote": "Ik weet hoe het voelt als je de brieven niet begrijpt.",
        "paragraph": "<p>Youssef is er elke dinsdag in het welkomhuis. Hij legt uit hoe dingen werken, in het "
        "Nederlands of in het Arabisch.</p>",
        "leefgebieden": ["werk", "financien"],
        "location": "plan-einstein",
        "activity": "",
    },
]


def demo_index_page(model, **fields):
    """The index page of this type under the Dutch home page, in the menu; made and published once."""
    home = HomePage.objects.get(locale=Locale.get_default())
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(show_in_menus=True, **fields)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def load_demo_wegwijzer():
    """The wegwijzer with its seven pages, under the home page."""
    index = demo_index_page(
        WegwijzerIndexPage,
        title="Wegwijzer",
        slug="wegwijzer",
        intro="Informatie over taal, werk, geld, gezondheid en meer. In makkelijk Nederlands, met wat je nu kunt doen.",
    )
    pages = []
    for slug, (title, intro, steps) in WEGWIJZER.items():
        leefgebied = Leefgebied.objects.get(slug=slug)
        page = WegwijzerPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = WegwijzerPage(slug=slug, title=title, leefgebied=leefgebied, intro=intro)
            index.add_child(instance=page)
        page.title, page.leefgebied, page.intro = title, leefgebied, intro
        page.steps = [
            (
                "step",
                {"title": step, "text": text, "link_url": url, "link_text": link_text, "link_page": None},
            )
            for step, text, url, link_text in steps
        ]
        page.save_revision().publish()
        pages.append(page)
    return pages


def load_demo_stories():
    index = demo_index_page(
        StoryIndexPage,
        title="Verhalen",
        slug="verhalen",
        intro="Nieuwe Utrechters, vrijwilligers en ervaringsdeskundigen vertellen over het welkomhuis.",
    )
    stories = []
    for data in STORIES:
        page = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = StoryPage(slug=data["slug"])
        page.title, page.subject_kind, page.intro = data["title"], data["subject_kind"], data["intro"]
        page.body = [("quote", data["quote"]), ("paragraph", data["paragraph"])]
        page.consent_date = date(2026, 9, 1)
        page.consent_method = "signed-form"
        page.consent_recorded_by = "Sanne de Vries, Bibliotheek Neude (demo)"
        if page.pk is None:
            index.add_child(instance=page)
        page.leefgebieden.set(Leefgebied.objects.filter(slug__in=data["leefgebieden"]))
        page.locations.set(LocationPage.objects.filter(slug=data["location"]))
        page.activities.set(ActivityPage.objects.filter(slug=data["activity"]))
        page.save_revision().publish()
        stories.append(page)
    return stories


# Arabic words for two demo pages, as a translator would enter them in wagtail-localize.
ARABIC = {
    "taal": {
        "title": "تعلّم اللغة الهولندية",
        "intro": "تتعلّم الهولندية في الصف وفي كل مكان خارجه. في الـ welkomhuis يمكنك التدرّب مجانًا مع أشخاص آخرين ومع متطوعين.",
        "steps": [
            ("اذهب إلى taalcafé", "تتحدّث في مجموعة عن أشياء يومية. لا تحتاج إلى التسجيل.", "", ""),
            (
                "اطلب taalmaatje",
                "يلتقي بك متطوّع كل أسبوع لتتدرّب معه.",
                "https://www.taaldoetmeer.nl/",
                "Taal Doet Meer",
            ),
            (
                "استعِر كتبًا بهولندية سهلة",
                "في المكتبة كتب ودورات للمبتدئين.",
                "https://www.bibliotheekutrecht.nl/",
                "Bibliotheek Utrecht",
            ),
        ],
    },
    "amal-leert-nederlands-in-het-taalcafe": {
        "title": "أمل تتعلّم الهولندية في taalcafé",
        "intro": "جاءت أمل إلى أوترخت قبل سنتين. كل أسبوع تذهب إلى taalcafé في المكتبة.",
        "quote": "في taalcafé لا أخاف من الأخطاء. الجميع يساعد.",
        "paragraph": "<p>في البداية كانت أمل تتكلّم العربية وقليلًا من الإنجليزية فقط. الآن تتحدّث مع جيرانها "
        "ومع معلّمة ابنها. تريد أن تعمل لاحقًا في مجال الرعاية.</p>",
    },
}


def load_demo_translations(wegwijzer, stories):
    """Every content language staff can translate into, and two pages published in Arabic."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    arabic = Locale.objects.get(language_code="ar")
    for page in [*wegwijzer, *stories]:
        words = ARABIC.get(page.slug)
        if words is None:
            continue
        translation = page.get_translation_or_none(arabic)
        if translation is None:
            translation = page.copy_for_translation(arabic, copy_parents=True)
        translation = translation.specific
        translation.title, translation.intro = words["title"], words["intro"]
        if "steps" in words:
            translation.steps = [
                ("step", {"title": t, "text": x, "link_url": u, "link_text": lt, "link_page": None})
                for t, x, u, lt in words["steps"]
            ]
        else:
            translation.body = [("quote", words["quote"]), ("paragraph", words["paragraph"])]
        translation.save_revision().publish()
