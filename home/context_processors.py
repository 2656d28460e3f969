from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from .translation import show_in_visitor_language


def site_context(request):
    """What the base template needs on every page: names, menus and language links.

    The menus are lazy, so a view that never renders them never queries for them.
    """
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        # Pages are written in Dutch; marking their text as such keeps it readable
        # (and correctly read aloud) inside an Arabic or Ukrainian interface.
        "content_lang": settings.LANGUAGE_CODE,
        "home_url": reverse("wagtail_serve", args=[""]),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
        "main_menu": SimpleLazyObject(lambda: main_menu(request)),
        "footer_menu": SimpleLazyObject(lambda: footer_menu(request)),
    }


def language_links(request):
    """The current page in every language; without an equivalent, that language's home page."""
    current = get_language()
    path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            url = translate_url("/", code)
        links.append(
            {
                "code": code,
                "name": name,
                "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
                "url": url,
                "current": code == current,
            }
        )
    return links


def _home_children(request):
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().public()


def main_menu(request):
    items = []
    for page in show_in_visitor_language(list(_home_children(request).in_menu())):
        url = page.get_url(request)
        items.append({"label": page.title, "url": url, "current": request.path.startswith(url)})
    return items


def footer_menu(request):
    from .models import ContentPage

    return [
        {"label": page.title, "url": page.get_url(request)}
        for page in show_in_visitor_language(
            list(_home_children(request).type(ContentPage).filter(show_in_menus=False))
        )
    ]
