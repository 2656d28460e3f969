from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def icon(name, css_class="icon"):
    """A decorative pictogram from the sprite; the text next to it carries the meaning."""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#{}"></use></svg>',
        css_class,
        static("home/icons.svg"),
        name,
    )
