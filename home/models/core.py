"""The home page, generic information pages and the site-wide vocabularies."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ..translation import TranslatedPage, route_in_visitor_language, show_in_visitor_language, text_fields


class Wijk(models.TextChoices):
    """Utrecht's ten wijken (city districts). Proper names: not translated."""

    NOORDWEST = "noordwest", "Noordwest"
    OVERVECHT = "overvecht", "Overvecht"
    NOORDOOST = "noordoost", "Noordoost"
    OOST = "oost", "Oost"
    BINNENSTAD = "binnenstad", "Binnenstad"
    ZUID = "zuid", "Zuid"
    ZUIDWEST = "zuidwest", "Zuidwest"
    WEST = "west", "West"
    LEIDSCHE_RIJN = "leidsche-rijn", "Leidsche Rijn"
    VLEUTEN_DE_MEERN = "vleuten-de-meern", "Vleuten-De Meern"


@register_snippet
class Language(index.Indexed, models.Model):
    """A language people speak: at a welkomhuis, at an activity, as a volunteer."""

    code = models.SlugField(
        _("code"), max_length=12, unique=True, help_text=_("ISO 639 code, for example nl, ar, ti.")
    )
    name = models.CharField(_("name in Dutch"), max_length=60)
    native_name = models.CharField(
        _("name in the language itself"), max_length=60, help_text=_("For example العربية, Українська.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    search_fields = [index.SearchField("name"), index.SearchField("native_name")]
    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("native_name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        if self.native_name and self.native_name != self.name:
            return f"{self.native_name} ({self.name})"
        return self.name


class Icon(models.TextChoices):
    """The pictograms in home/static/home/icons.svg (decorative: always next to a text)."""

    CHAT = "chat", _("Speech bubbles")
    DESK = "desk", _("Person at a desk")
    TOOLS = "tools", _("Tools")
    BOOK = "book", _("Book")
    INFO = "info", _("Information")
    SPORT = "sport", _("Running person")
    FOOD = "food", _("Pan")
    CHILD = "child", _("Child")
    WORK = "work", _("Briefcase")
    HEART = "heart", _("Heart")
    STAR = "star", _("Star")


class TranslatedNameMixin:
    """Vocabulary rows shipped with the site have English names that are msgids in our
    catalogues, so they show in the visitor's language; rows staff add later show as typed."""

    def __str__(self):
        return gettext(self.name) if self.name else ""

    @property
    def label(self):
        return str(self)


@register_snippet
class Leefgebied(TranslatedNameMixin, models.Model):
    """A life domain of the inburgering plan: taal, werk, onderwijs, geld, gezondheid, kinderen, ontmoeten."""

    slug = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=60)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.STAR)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("icon"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")


@register_snippet
class Organisation(index.Indexed, models.Model):
    """A partner organisation: organiser of activities, employer of coaches, programme owner."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("code"), unique=True)
    website = models.URLField(_("website"), blank=True)
    description = models.CharField(_("what they do"), max_length=250, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("website"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class HomePage(TranslatedPage, Page):
    translatable_fields = text_fields("intro", "search_intro")
    intro = models.TextField(
        _("introduction"),
        help_text=_(
            "Two or three short sentences in plain Dutch (B1): what is a welkomhuis, who is welcome."
        ),
    )
    search_intro = models.CharField(
        _("search label"), max_length=120, blank=True, help_text=_("Shown above the search box.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("search_intro"),
        InlinePanel("featured_locations", label=_("Featured welkomhuizen"), max_num=6),
    ]
    subpage_types = [
        "locations.LocationIndexPage",
        "activities.ActivityIndexPage",
        "home.ContentPage",
        "home.WegwijzerIndexPage",
        "home.StoryIndexPage",
        "volunteers.VolunteerOpportunityIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_in_visitor_language(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        from activities.models import ActivityIndexPage
        from locations.models import LocationIndexPage, LocationPage

        from .stories import StoryIndexPage, recent_stories
        from .wegwijzer import WegwijzerIndexPage

        context = super().get_context(request, *args, **kwargs)
        featured = [f.location for f in self.featured_locations.select_related("location") if f.location.live]
        if not featured:
            featured = list(LocationPage.objects.originals().live().public().order_by("title")[:6])
        context["featured_locations"] = show_in_visitor_language(featured)
        context["location_index"] = LocationIndexPage.objects.live().first()
        context["activity_index"] = ActivityIndexPage.objects.live().first()
        context["recent_stories"] = recent_stories()
        context["story_index"] = StoryIndexPage.objects.live().first()
        context["wegwijzer_index"] = WegwijzerIndexPage.objects.live().first()
        return context


class HomePageFeaturedLocation(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_locations")
    location = models.ForeignKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("welkomhuis")
    )

    panels = [FieldPanel("location")]


class ContentPage(TranslatedPage, Page):
    """A plain information page: privacy statement, about, practical information."""

    translatable_fields = text_fields("intro", "body")

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("image", ImageBlock(label=_("Image"))),
        ],
        blank=True,
        verbose_name=_("body"),
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("information page")
