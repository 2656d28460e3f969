"""Keeping Latin fragments readable inside Arabic and Farsi text."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def isolate_ltr(text, fragment):
    """Wrap `fragment` (e.g. "(.ics)") inside a translated text in a left-to-right isolate.

    In a right-to-left sentence the bidi algorithm moves the dot and the brackets of
    "التقويم (.ics)" around ("(ics.)"); isolated, the fragment keeps its own order.
    """
    text = str(text)
    before, found, after = text.partition(fragment)
    if not found:
        return conditional_escape(text)
    isolated = format_html('<bdi dir="ltr">{}</bdi>', fragment)
    return mark_safe(conditional_escape(before) + isolated + conditional_escape(after))
