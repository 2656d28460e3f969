from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    """Every published public page once per language, each pointing at its alternates.

    A page's address is its Dutch page's path under each language's prefix
    (home/translation.py), so the Dutch pages list them all.
    """

    limit = 2000  # addresses per sitemap page (each page counts once per language)
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
        parts = page.get_url_parts()
        return parts[2] if parts else None

    def lastmod(self, page):
        return page.last_published_at
