from django.db import migrations


def let_staff_translate(apps, schema_editor):
    """Welkomhuis staff groups made before content translation may submit their pages for translation too."""
    Permission = apps.get_model("auth", "Permission")
    LocationStaff = apps.get_model("locations", "LocationStaff")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for staff in LocationStaff.objects.select_related("group"):
        staff.group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0006_booking_exclusion_constraint"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(let_staff_translate, migrations.RunPython.noop)]
