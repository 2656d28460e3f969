"""The activity types every install starts with (a data migration loads them; editable as snippets)."""

from django.utils.translation import gettext_noop

ACTIVITY_TYPES = [
    # slug, name (an English msgid), icon
    ("taalcafe", gettext_noop("Language café"), "chat"),
    ("spreekuur", gettext_noop("Consultation hour"), "desk"),
    ("workshop", gettext_noop("Workshop"), "tools"),
    ("cursus", gettext_noop("Course"), "book"),
    ("informatiebijeenkomst", gettext_noop("Information meeting"), "info"),
    ("sport", gettext_noop("Sport and exercise"), "sport"),
    ("koken", gettext_noop("Cooking and eating together"), "food"),
    ("kinderen", gettext_noop("Kids and family"), "child"),
    ("werk-en-taal", gettext_noop("Work and language"), "work"),
    ("anders", gettext_noop("Other"), "star"),
]
