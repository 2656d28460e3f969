"""Stories: experiences of newcomers, volunteers and ervaringsdeskundigen, beside the city's figures.

A story is about a real person, so it records that person's consent (when, how,
who recorded it); without it the page cannot be saved, let alone published.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from ..translation import SourcePageQuerySet, TranslatedPage, show_in_visitor_language, text_fields


class SubjectKind(models.TextChoices):
    NEWCOMER = "newcomer", _("Newcomer")
    VOLUNTEER = "volunteer", _("Volunteer")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("Ervaringsdeskundige (former inburgeraar)")


class ConsentMethod(models.TextChoices):
    SIGNED_FORM = "signed-form", _("Signed consent form")
    EMAIL = "email", _("By email")
    SPOKEN = "spoken", _("Spoken, written down by the person recording it")


def recent_stories(limit=3, about_location=None):
    """The newest live stories (optionally those about one welkomhuis), photos and renditions prefetched."""
    stories = StoryPage.objects.originals().live().public()
    if about_location is not None:
        stories = stories.filter(locations=about_location)
    return show_in_visitor_language(
        list(
            stories.select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("-first_published_at", "-pk")[:limit]
        )
    )


class StoryIndexPage(TranslatedPage, Page):
    translatable_fields = text_fields("intro")
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("stories overview")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("-first_published_at", "-pk")
        )
        context["page_obj"] = Paginator(stories, 12).get_page(request.GET.get("page"))
        page_obj = context["page_obj"]
        page_obj.object_list = show_in_visitor_language(list(page_obj.object_list))
        context["query_string"] = ""
        return context


class StoryPage(TranslatedPage, Page):
    translatable_fields = text_fields("intro", "body", "photo_alt_text")
    objects = PageManager.from_queryset(SourcePageQuerySet)()

    subject_kind = models.CharField(_("whose story"), max_length=20, choices=SubjectKind.choices)
    intro = models.TextField(
        _("introduction"), max_length=400, help_text=_("One or two sentences in plain Dutch.")
    )
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Paragraph"))),
            ("quote", blocks.TextBlock(label=_("Quote"), max_length=400)),
        ],
        verbose_name=_("story"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    photo_alt_text = models.CharField(
        _("alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What someone who cannot see the photo needs to know. Required with a photo."),
    )
    leefgebieden = ParentalManyToManyField("home.Leefgebied", blank=True, verbose_name=_("leefgebieden"))
    locations = ParentalManyToManyField(
        "locations.LocationPage", blank=True, related_name="stories", verbose_name=_("welkomhuizen")
    )
    activities = ParentalManyToManyField(
        "activities.ActivityPage", blank=True, related_name="stories", verbose_name=_("activities")
    )
    # The subject's consent. Not shown to visitors; kept as long as the story is.
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    consent_method = models.CharField(
        _("how consent was given"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_recorded_by = models.CharField(
        _("recorded by"), max_length=120, blank=True, help_text=_("Your name and organisation.")
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("subject_kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading=_("Photo")),
        FieldPanel("leefgebieden"),
        FieldPanel("locations"),
        FieldPanel("activities"),
        MultiFieldPanel(
            [FieldPanel("consent_date"), FieldPanel("consent_method"), FieldPanel("consent_recorded_by")],
            heading=_("Consent"),
            help_text=_("A story can only be saved when the person it is about has agreed to it."),
        ),
    ]
    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        errors = {}
        if not self.consent_date:
            errors["consent_date"] = _("Fill in when the person agreed to this story.")
        elif self.consent_date > timezone.localdate():
            errors["consent_date"] = _("Consent cannot be given in the future.")
        if not self.consent_method:
            errors["consent_method"] = _("Choose how the person agreed.")
        if not self.consent_recorded_by.strip():
            errors["consent_recorded_by"] = _("Fill in who recorded the consent.")
        if self.photo_id and not self.photo_alt_text.strip():
            errors["photo_alt_text"] = _("Describe the photo for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["story_locations"] = self.locations.filter(live=True).order_by("title")
        context["story_activities"] = self.activities.filter(live=True).order_by("title")
        context["story_leefgebieden"] = self.leefgebieden.all()
        return context
