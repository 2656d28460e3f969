"""Each welkomhuis's staff group: may edit only that welkomhuis.

Wagtail's page permissions apply to a page and everything below it, so a
group with add/change/publish on a LocationPage can edit that welkomhuis, its
rooms and its activities, and nothing else. Its own image and document
collection keeps photos apart too.
"""

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from .models import LocationStaff

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def staff_emails(location):
    """The addresses of a welkomhuis's active staff (its group), for emails that need them."""
    staff = LocationStaff.objects.filter(location=location).select_related("group").first()
    if staff is None:
        return []
    return sorted(
        email
        for email in staff.group.user_set.filter(is_active=True).values_list("email", flat=True)
        if email
    )


def staff_group_name(location):
    return f"Staff: {location.title}"[:140]


def ensure_staff_group(location):
    """Create the staff group of a welkomhuis once; later calls return the same group."""
    existing = LocationStaff.objects.select_related("group").filter(location=location).first()
    if existing:
        return existing.group
    try:
        with transaction.atomic():
            return _create_staff_group(location)
    except IntegrityError:
        # Published twice at the same moment: the other request created it.
        return LocationStaff.objects.select_related("group").get(location=location).group


def _create_staff_group(location):
    group = Group.objects.create(name=_unique_name(Group, staff_group_name(location)))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=group,
            page=location,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    collection = Collection.get_first_root_node().add_child(
        name=_unique_name(Collection, f"Welkomhuis: {location.title}")
    )
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    LocationStaff.objects.create(location=location, group=group, collection=collection)
    return group


def share_with_translation(translation):
    """Staff of a welkomhuis translate its pages: their page permissions also cover the translated tree."""
    source = translation.get_translation(Locale.get_default())
    for permission in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translation, permission_id=permission.permission_id
        )


def _unique_name(model, name):
    # Two welkomhuizen may share a name; their groups must not.
    candidate, n = name, 1
    while model.objects.filter(name=candidate).exists():
        n += 1
        candidate = f"{name} ({n})"
    return candidate
