"""On PostgreSQL, the database itself refuses two active bookings of a room that overlap.

btree_gist lets one GiST index combine "same room" (=) with "overlapping time
range" (&&). SQLite has no such constraint: there booking.py's check runs in
a transaction that takes the write lock first (BEGIN IMMEDIATE), so writers
queue. Both are proven by tests/test_room_booking_races.py.
"""

from django.db import migrations

CONSTRAINT = "room_booking_no_overlap"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE locations_roombooking ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(room_id WITH =, tstzrange(start, occupied_until, '[)') WITH &&) "
        "WHERE (status <> 'cancelled')"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE locations_roombooking DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("locations", "0005_room_bookings")]

    operations = [migrations.RunPython(create, drop)]
