"""Render Django form fields with the Utrecht design system's classes.

Django (5.2) already adds aria-invalid and aria-describedby pointing at
``<id>_helptext`` and ``<id>_error``; templates/forms/field.html uses those ids.
"""

from django import template

register = template.Library()

# widget_type -> (class, invalid modifier)
WIDGET_CLASSES = {
    "select": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    "nullbooleanselect": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    "textarea": ("utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid"),
    "checkbox": ("utrecht-checkbox utrecht-checkbox--html-input", "utrecht-checkbox--invalid"),
}
TEXTBOX = ("utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid")


@register.filter
def utrecht_widget(field):
    css, invalid = WIDGET_CLASSES.get(field.widget_type, TEXTBOX)
    classes = [field.field.widget.attrs.get("class", ""), css, invalid if field.errors else ""]
    return field.as_widget(attrs={"class": " ".join(c for c in classes if c)})
