"""Activities under their welkomhuis: schedules, occurrences, listings, feeds, registrations.

Built by the activities issue; the app is installed from the start so that the
layout (and migrations' dependencies) are stable.
"""
