"""Programmes of partner organisations, their coordinators, and volunteer opportunity pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from home.translation import TranslatedPage, text_fields

from ..vocabulary import Role


@register_snippet
class Programme(models.Model):
    """A matching programme of a partner organisation, for example "Taalmaatjes Overvecht" of Taal Doet Meer.

    Its coordinators see the volunteers who joined it and the requests filed for it, and nothing else.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    organisation = models.ForeignKey(
        "home.Organisation",
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("organisation"),
    )
    roles = models.JSONField(
        _("roles"), default=list, help_text=_("The kinds of help this programme matches.")
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_programmes",
        verbose_name=_("coordinators"),
    )

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("roles"), FieldPanel("coordinators")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    def coordinator_emails(self):
        return sorted(
            e for e in self.coordinators.filter(is_active=True).values_list("email", flat=True) if e
        )


def programmes_for_roles(roles):
    """The programmes that match at least one of these roles (JSON lists are compared in Python: few rows)."""
    wanted = set(roles)
    return [programme for programme in Programme.objects.all() if wanted & set(programme.roles)]


class VolunteerOpportunityIndexPage(TranslatedPage, Page):
    """ "Vrijwilligerswerk" at /vrijwilligers/: every opportunity, with GET filters."""

    translatable_fields = text_fields("intro")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["volunteers.VolunteerOpportunityPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "volunteers/opportunity_index_page.html"

    class Meta:
        verbose_name = _("volunteer opportunities")

    def get_context(self, request, *args, **kwargs):
        from ..forms import OpportunityFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = OpportunityFilterForm(request.GET or None)
        opportunities = (
            VolunteerOpportunityPage.objects.child_of(self)
            .live()
            .select_related("programme__organisation", "location")
            .prefetch_related("languages")
            .order_by("title")
        )
        if form.is_valid():
            data = form.cleaned_data
            if data.get("role"):
                opportunities = opportunities.filter(role=data["role"])
            if data.get("language"):
                opportunities = opportunities.filter(languages=data["language"])
            if data.get("no_vog"):
                opportunities = opportunities.filter(vog_required=False)
        context.update(filter_form=form, opportunities=opportunities)
        return context


class VolunteerOpportunityPage(TranslatedPage, Page):
    translatable_fields = text_fields("summary", "body", "where", "time_commitment")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="opportunities", verbose_name=_("programme")
    )
    summary = models.CharField(_("what you do, in one sentence"), max_length=250)
    body = RichTextField(_("more about it"), blank=True)
    location = models.ForeignKey(
        "locations.LocationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("welkomhuis"),
    )
    where = models.CharField(
        _("where"), max_length=120, blank=True, help_text=_("When not at one welkomhuis.")
    )
    time_commitment = models.CharField(_("time commitment"), max_length=120)
    languages = ParentalManyToManyField("home.Language", blank=True, verbose_name=_("languages wanted"))
    vog_required = models.BooleanField(_("VOG needed"), default=False)

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("programme"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("location"),
        FieldPanel("where"),
        FieldPanel("time_commitment"),
        FieldPanel("languages"),
        FieldPanel("vog_required"),
    ]
    parent_page_types = ["volunteers.VolunteerOpportunityIndexPage"]
    subpage_types = []
    template = "volunteers/opportunity_page.html"

    class Meta:
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")

    @property
    def place(self):
        return self.location.title if self.location_id else self.where
