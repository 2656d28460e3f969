"""home's models: vocabularies and generic pages (core), the wegwijzer, stories and site settings."""

from .core import (
    ContentPage,
    HomePage,
    HomePageFeaturedLocation,
    Icon,
    Language,
    Leefgebied,
    Organisation,
    TranslatedNameMixin,
    Wijk,
)
from .help_contact import HelpContactSettings
from .stories import StoryIndexPage, StoryPage, SubjectKind
from .wegwijzer import WegwijzerIndexPage, WegwijzerPage

__all__ = [
    "ContentPage",
    "HelpContactSettings",
    "HomePage",
    "HomePageFeaturedLocation",
    "Icon",
    "Language",
    "Leefgebied",
    "Organisation",
    "StoryIndexPage",
    "StoryPage",
    "SubjectKind",
    "TranslatedNameMixin",
    "Wijk",
    "WegwijzerIndexPage",
    "WegwijzerPage",
]
