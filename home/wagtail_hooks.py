from django.conf import settings
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

# The WCAG 2.1 A and AA rules: the legal bar for Dutch public-sector sites, and what
# tests/e2e/test_accessibility.py checks. Wagtail's default checker runs a short list.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class WCAGContentCheckerItem(ContentCheckerItem):
    axe_run_only = WCAG_TAGS


@hooks.register("construct_wagtail_userbar")
def check_the_full_wcag_rule_set_in_development(request, items, page):
    if not settings.DEBUG:
        return
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WCAGContentCheckerItem):
            items[index] = WCAGContentCheckerItem()
