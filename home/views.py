from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from activities.models import ActivityPage

from .search import clean_query
from .translation import show_in_visitor_language, visitor_language


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
    page_obj.object_list = one_per_address(list(page_obj.object_list))
    return render(request, "home/search.html", {"query": query, "page_obj": page_obj})


def one_per_address(results):
    """A Dutch page and its translation lead to the same address: list it once, in the visitor's words."""
    dutch = Locale.get_default().pk
    translated = {page.translation_key for page in results if page.locale_id != dutch}
    kept = [page for page in results if page.locale_id != dutch or page.translation_key not in translated]
    show_in_visitor_language([page for page in kept if page.locale_id == dutch])
    return kept


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
