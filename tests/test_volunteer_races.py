"""Two coordinators propose the same volunteer's last place at the same moment: one wins."""

import threading

import pytest
from django.db import connection

from tests.conftest import create_user
from tests.test_volunteers import make_request, make_volunteer
from volunteers import matches
from volunteers.models import Match, Programme, VolunteerProfile


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_proposing_the_last_place_at_once_one_wins_the_other_is_told():
    from home.models import Organisation

    programme = Programme.objects.create(
        name="A", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    volunteer = make_volunteer("vera@example.org", programme)
    requests = [make_request(programme, first_name=f"N{n}") for n in range(2)]
    coordinator = create_user("coord@example.org")
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(buddy_request):
        barrier.wait()
        try:
            matches.propose(buddy_request.pk, volunteer.pk, coordinator)
            outcomes.append("proposed")
        except matches.MatchError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("proposed") == 1
    assert any("heeft geen plek meer" in outcome for outcome in outcomes)
    assert Match.objects.count() == 1
    assert VolunteerProfile.objects.get(pk=volunteer.pk).open_matches == 1
