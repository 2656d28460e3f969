"""The wegwijzer: one plain-language information page per leefgebied, with practical next steps.

Each page lists the coming activities on its leefgebied (home/wegwijzer.py), near
the visitor when they give a postcode or wijk.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..translation import TranslatedPage, show_in_visitor_language, text_fields


class StepBlock(blocks.StructBlock):
    """One thing a newcomer can do next, with where to do it."""

    title = blocks.CharBlock(label=_("What to do"), max_length=120)
    text = blocks.TextBlock(label=_("Explanation"), required=False, max_length=600)
    link_page = blocks.PageChooserBlock(label=_("Link to a page on this site"), required=False)
    link_url = blocks.URLBlock(label=_("Or a link to another website"), required=False)
    link_text = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=80, help_text=_("For example: Make an appointment.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class WegwijzerIndexPage(TranslatedPage, Page):
    """'Wegwijzer': the leefgebieden, each linking to its information page."""

    translatable_fields = text_fields("intro")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WegwijzerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("wegwijzer overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = show_in_visitor_language(
            list(
                WegwijzerPage.objects.child_of(self)
                .live()
                .public()
                .select_related("leefgebied")
                .order_by("leefgebied__sort_order", "title")
            )
        )
        return context


class WegwijzerPage(TranslatedPage, Page):
    """Information on one leefgebied (taal, werk, geld, ...) in plain Dutch (B1)."""

    translatable_fields = text_fields("intro", "steps")

    leefgebied = models.ForeignKey(
        "home.Leefgebied",
        on_delete=models.PROTECT,
        related_name="wegwijzer_pages",
        verbose_name=_("leefgebied"),
    )
    intro = models.TextField(
        _("introduction"),
        help_text=_("Two or three short sentences in plain Dutch (B1): what is this about, who can help?"),
    )
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("practical next steps"))

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("steps")]
    content_panels = Page.content_panels + [
        FieldPanel("leefgebied"),
        FieldPanel("intro"),
        FieldPanel("steps"),
    ]
    parent_page_types = ["home.WegwijzerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("wegwijzer page")

    def get_context(self, request, *args, **kwargs):
        from ..wegwijzer import activities_for

        context = super().get_context(request, *args, **kwargs)
        context.update(activities_for(self.leefgebied, request))
        return context
