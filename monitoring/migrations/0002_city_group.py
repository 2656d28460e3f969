"""The 'City' group: sees every welkomhuis's figures in the admin (and nothing else)."""

from django.db import migrations


def create(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    group, _created = Group.objects.get_or_create(name="City")
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(access_admin)


def remove(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name="City").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_snapshots"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
