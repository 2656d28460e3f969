"""Pages are written in Dutch; a translation carries only their words.

The Dutch page stays the one record of a thing: its address (the same path under
every language's prefix), its occurrences, registrations, rooms and opening
hours. A visitor reading Arabic gets the Dutch page with the Arabic words put in
its place, or the Dutch words and a notice while no Arabic translation is
published. One mechanism for every page type, so translating a page can never
duplicate what is counted, booked or registered for.

Staff translate in the admin with wagtail-localize; `translatable_fields` on each
page model says which fields it offers them (`text_fields()` below).
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, PageQuerySet
from wagtail_localize.fields import TranslatableField

PAGE_TEXT = ("title", "seo_title", "search_description")


def text_fields(*names):
    """What translators translate on a page: its title and SEO text, plus these fields."""
    return [TranslatableField(name) for name in (*PAGE_TEXT, *names)]


def visitor_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_language(path, language):
    """The same path in another language: Dutch has no prefix, the others /<code>/ (see urls.py)."""
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def is_original(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


class SourcePageQuerySet(PageQuerySet):
    def originals(self):
        """The Dutch pages: one per thing, whatever it is translated into."""
        # A subquery rather than a join, so search backends can filter on it too.
        return self.filter(locale__in=Locale.objects.filter(language_code=settings.LANGUAGE_CODE))


class TranslatedPage:
    """Mixed into every page model: which of its fields translators translate."""

    translatable_fields = text_fields()

    def serve_preview(self, request, mode_name):
        # A translator previews the Dutch page with their words, as visitors will see it
        # (with its dates, opening hours and rooms, which only the Dutch page has).
        if is_original(self):
            return super().serve_preview(request, mode_name)
        source = source_of(self).specific
        fields = field_names(type(self))
        put_words(source, {field: getattr(self, field) for field in fields}, self.locale.language_code)
        return source.serve_preview(request, mode_name)


def field_names(model):
    return [f.field_name for f in getattr(model, "translatable_fields", text_fields())]


def source_of(page):
    if is_original(page):
        return page
    return page.get_translation(page.locale.get_default())


def addressed_in_visitor_language(get_url_parts):
    """Wrap Page.get_url_parts: a page's address is its Dutch page's path, in the visitor's language.

    Wagtail would give a Dutch page a Dutch address even to an Arabic reader, and
    a translation an address of its own tree. Wrapping Page itself (in
    HomeConfig.ready) covers every page object, also the plain Page instances of
    menus and search results.
    """

    def get_url_parts_in_visitor_language(page, request=None):
        root_paths = page._get_relevant_site_root_paths(request)
        if root_paths and root_paths[0].language_code != settings.LANGUAGE_CODE:
            page = source_of(page)
        with translation.override(settings.LANGUAGE_CODE):
            parts = get_url_parts(page, request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, in_language(page_path, visitor_language())

    return get_url_parts_in_visitor_language


def route_in_visitor_language(home_page, request, path_components):
    """Find a page in the Dutch tree, then show it in the visitor's language.

    Wagtail starts routing at the home page in the visitor's language; the Dutch
    home page knows every page, translated or not, and owns what hangs off it.
    """
    result = Page.route(source_of(home_page), request, path_components)
    show_in_visitor_language([result[0]])
    return result


def show_in_visitor_language(pages):
    """Put each Dutch page's published translation in the visitor's language into its text fields.

    Marks every page with `content_language` (what its words are in) and
    `translation_missing`. One query per page type, however many pages.
    """
    language = visitor_language()
    by_model = {}
    for page in pages:
        page.content_language = settings.LANGUAGE_CODE
        page.translation_missing = language != settings.LANGUAGE_CODE
        by_model.setdefault(type(page), []).append(page)
    if language == settings.LANGUAGE_CODE:
        return pages
    for model, group in by_model.items():
        fields = field_names(model)
        translations = {
            key: dict(zip(fields, values, strict=True))
            # An alias (made when a page below was translated first) has no words of its own.
            for key, *values in model.objects.live()
            .filter(alias_of__isnull=True)
            .filter(translation_key__in=[p.translation_key for p in group], locale__language_code=language)
            .values_list("translation_key", *fields)
        }
        for page in group:
            if page.translation_key in translations:
                put_words(page, translations[page.translation_key], language)
    return pages


def put_words(page, words, language):
    """Give a Dutch page a translation's words; a field the translator left empty keeps the Dutch,
    except the SEO title, which when empty means "use the title"."""
    for field, value in words.items():
        if value or field == "seo_title":
            setattr(page, field, value)
    page.content_language = language
    page.translation_missing = False
