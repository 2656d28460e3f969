"""Search index upkeep for activities, done explicitly rather than on every save.

An import writes hundreds of pages at once; indexing each on save (and, on
SQLite, renormalising the whole index each time) made a 1,000-event import take
half a minute. ActivityPage therefore opts out of automatic updates
(``search_auto_update = False``) and is indexed here: on publish and unpublish,
and in one batch after an import or a bulk seed.
"""

from wagtail.search.backends import get_search_backends


def update_search_index(pages):
    live = [page for page in pages if page.live]
    gone = [page for page in pages if not page.live]
    for backend in get_search_backends(with_auto_update=True):
        if live:
            backend.add_bulk(type(live[0]), live)
        for page in gone:
            backend.delete(page)
