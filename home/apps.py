from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide content")

    def ready(self):
        from wagtail.models import Page

        from .translation import addressed_in_visitor_language

        Page.get_url_parts = addressed_in_visitor_language(Page.get_url_parts)
