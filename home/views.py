from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from activities.models import ActivityPage

from .search import clean_query
from .translation import visitor_language


def search(request):
    """Site search over published pages (Wagtail's database search backend)."""
    query = clean_query(request.GET.get("q", ""))
    # Dutch pages and their translations in the visitor's language; both lead to the same address.
    languages = {settings.LANGUAGE_CODE, visitor_language()}
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__in=Locale.objects.filter(language_code__in=languages))
        .exclude(pk__in=ActivityPage.objects.filter(hidden_as_stale=True).values("pk"))
    )
    results = pages.search(query) if query else Page.objects.none()
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "page_obj": page_obj})


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
