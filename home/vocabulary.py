"""Reference data every install starts with (loaded by data migrations, editable as snippets).

Names are English msgids, so gettext shows them in the visitor's language
(see TranslatedNameMixin); gettext_noop marks them for makemessages.
"""

from django.utils.translation import gettext_noop

LEEFGEBIEDEN = [
    # slug, name, icon
    ("taal", gettext_noop("Language"), "chat"),
    ("werk", gettext_noop("Work"), "work"),
    ("onderwijs", gettext_noop("Education"), "book"),
    ("financien", gettext_noop("Money"), "info"),
    ("gezondheid", gettext_noop("Health"), "heart"),
    ("kinderen", gettext_noop("Children and parenting"), "child"),
    ("ontmoeten", gettext_noop("Meeting people"), "chat"),
]

ORGANISATIONS = [
    # slug, name, website
    ("werk-en-inkomen", "Werk & Inkomen (inburgeringscoaches)", "https://www.utrecht.nl/werk-en-inkomen/"),
    ("vluchtelingenwerk", "VluchtelingenWerk Midden-Nederland", "https://www.vluchtelingenwerk.nl/"),
    ("buurtteam", "Buurtteam", "https://www.buurtteamsutrecht.nl/"),
    ("vrijwilligerscentrale", "Vrijwilligerscentrale Utrecht", "https://www.vcutrecht.nl/"),
    ("taal-doet-meer", "Taal Doet Meer", "https://www.taaldoetmeer.nl/"),
    ("plan-einstein", "Plan Einstein", ""),
    ("welkom-in-utrecht", "Welkom in Utrecht", "https://welkominutrecht.nl/"),
    ("uaf", "UAF", "https://www.uaf.nl/"),
    ("bibliotheek-utrecht", "Bibliotheek Utrecht", "https://www.bibliotheekutrecht.nl/"),
]
