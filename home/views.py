from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from activities.models import ActivityPage

from .search import clean_query


def search(request):
    """Site search over published pages (Wagtail's database search backend)."""
    query = clean_query(request.GET.get("q", ""))
    pages = (
        Page.objects.live()
        .public()
        .exclude(pk__in=ActivityPage.objects.filter(hidden_as_stale=True).values("pk"))
    )
    results = pages.search(query) if query else Page.objects.none()
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "page_obj": page_obj})
