from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation
from wagtail.models import Page, Site

from .translation import in_language, visitor_language


class PageSitemap(Sitemap):
    """Every published public page once per language, each pointing at its alternates.

    A page's address is its Dutch page's path under each language's prefix
    (home/translation.py), so the Dutch pages list them all.
    """

    limit = 700  # addresses per sitemap page: 100 pages in seven languages, each with its alternates
    i18n = True
    languages = [code for code, _name in settings.LANGUAGES]
    alternates = True
    x_default = True

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("path")
        )

    def location(self, page):
        # Called for each page once per language and again for each alternate: the
        # Dutch path is worked out once and given each language's prefix.
        if not hasattr(page, "dutch_path"):
            with translation.override(settings.LANGUAGE_CODE):
                parts = page.get_url_parts()
            page.dutch_path = parts[2] if parts else None
        return in_language(page.dutch_path, visitor_language()) if page.dutch_path else None

    def lastmod(self, page):
        return page.last_published_at
