from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from activities import views as activities_views
from home import views as home_views
from home.sitemap import PageSitemap
from locations import views as locations_views

SITEMAPS = {"pages": PageSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # An index of pages of 700 addresses: every page in seven languages is too many for one file.
    path("sitemap.xml", sitemaps_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemaps_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/locations.geojson", locations_views.locations_geojson, name="locations_geojson"),
    path("api/v1/activities.geojson", activities_views.activities_geojson, name="activities_geojson"),
]

# Everything a visitor reads is under a language prefix, except Dutch.
urlpatterns += i18n_patterns(
    path("", include("activities.urls")),
    path("", include("locations.urls")),
    path("", include("volunteers.urls")),
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("", include("home.urls")),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)(?P<name>agenda|\d{4}-\d{2}-\d{2})\.ics$",
        activities_views.page_calendar,
        name="page_calendar",
    ),
    # Wagtail's page serving must stay last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
