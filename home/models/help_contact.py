"""'Help and contact': the city's phone number and email address, shown in every page's footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="help")
class HelpContactSettings(BaseGenericSetting):
    """One for the whole site (there is one city): editors change it under Settings."""

    phone = models.CharField(
        _("phone number"),
        max_length=30,
        default="14 030",
        help_text=_("The number residents call for help, as it is written, e.g. 14 030."),
    )
    phone_hours = models.CharField(
        _("when to call"),
        max_length=100,
        blank=True,
        default="maandag tot en met vrijdag 8.30 tot 17.00 uur",
        help_text=_("Plain Dutch, e.g. 'maandag tot en met vrijdag 8.30 tot 17.00 uur'."),
    )
    email = models.EmailField(_("email address"), blank=True, default="welkomhuis@utrecht.nl")

    panels = [FieldPanel("phone"), FieldPanel("phone_hours"), FieldPanel("email")]

    class Meta:
        verbose_name = _("help and contact")

    def __str__(self):
        return str(self._meta.verbose_name)

    @property
    def phone_href(self):
        """'tel:14030': digits (and a leading +) only, so every phone can dial it."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")
