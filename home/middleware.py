from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .translation import in_language

ONE_YEAR = 365 * 24 * 60 * 60


class VisitorLanguageMiddleware:
    """Open the site in the visitor's language and remember the one they chose.

    Dutch pages have no prefix, so a visitor who arrives at one from elsewhere (a
    first visit, a bookmark, a search engine) is sent to the same page in the
    language they chose before or, failing that, the one their browser asks for.
    Moving around the site never redirects: choosing "Nederlands" in the language
    menu is a choice too. Only a choice sets Django's language cookie (a
    functional cookie), so browsing still sets none. Runs after LocaleMiddleware,
    which has read the language from the URL.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language()
        if request.method not in ("GET", "HEAD") or not self._is_visitor_page(request.path_info, language):
            return self.get_response(request)
        came_from = self._language_of_referring_page(request)
        if language == settings.LANGUAGE_CODE and came_from is None:
            wanted = self._wanted_language(request)
            if wanted != settings.LANGUAGE_CODE:
                response = HttpResponseRedirect(in_language(request.get_full_path(), wanted))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        if language == settings.LANGUAGE_CODE:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if came_from not in (None, language):  # the visitor switched language
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language, max_age=ONE_YEAR, samesite="Lax", httponly=True
            )
        return response

    @staticmethod
    def _is_visitor_page(path, language):
        # Pages under the language prefixes; the admin, API and files have none.
        other = "en" if language == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE
        return translate_url(path, other) != path

    @staticmethod
    def _language_of_referring_page(request):
        """The language of the page on this site the visitor came from; None when they came from elsewhere."""
        referer = urlsplit(request.headers.get("Referer", ""))
        if referer.netloc != request.get_host():
            return None
        first = referer.path.strip("/").split("/", 1)[0]
        return first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    @staticmethod
    def _wanted_language(request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen in dict(settings.LANGUAGES):
            return chosen
        header = request.headers.get("Accept-Language", "")
        for code, _quality in translation.trans_real.parse_accept_lang_header(header):
            if code == "*":
                break
            try:
                return translation.get_supported_language_variant(code)
            except LookupError:
                continue
        return settings.LANGUAGE_CODE
