"""The matching engine as plain functions: no database, no HTTP."""

import random
from dataclasses import replace

import pytest
from django.utils import translation

from volunteers.matching import (
    BuddyRequest,
    Volunteer,
    distance_km,
    exclusion,
    rank,
    score,
    suggest_all,
)
from volunteers.scale import random_requests, random_volunteers

# Utrecht Centraal, and points about 1 km and 10 km east of it.
CENTRAAL = (52.0894, 5.1100)
ONE_KM_EAST = (52.0894, 5.1247)
TEN_KM_EAST = (52.0894, 5.2570)

MONDAY_MORNING, MONDAY_EVENING, TUESDAY_MORNING = (0, "morning"), (0, "evening"), (1, "morning")


def volunteer(id=1, **changes):
    base = Volunteer(
        id=id,
        roles=frozenset({"taalmaatje"}),
        languages={"nl": "native", "ar": "fluent"},
        availability=frozenset({MONDAY_MORNING, MONDAY_EVENING}),
        lat=CENTRAAL[0],
        lon=CENTRAAL[1],
        max_distance_km=5.0,
        interests=frozenset({"koken"}),
        gender="female",
        capacity=2,
        active_matches=0,
        vog=True,
        available=True,
    )
    return replace(base, **changes)


def request(id=1, **changes):
    base = BuddyRequest(
        id=id,
        role="taalmaatje",
        languages=frozenset({"ar"}),
        dutch_level="a0-a2",
        availability=frozenset({MONDAY_MORNING, MONDAY_EVENING}),
        lat=ONE_KM_EAST[0],
        lon=ONE_KM_EAST[1],
        max_distance_km=5.0,
        interests=frozenset({"koken"}),
        gender_preference="",
        waiting_days=10,
        requires_vog=False,
    )
    return replace(base, **changes)


def points(candidate, part):
    (reason,) = [reason for reason in candidate.reasons if reason.part == part]
    return reason.points


def text(candidate, part):
    (reason,) = [reason for reason in candidate.reasons if reason.part == part]
    return reason.text


@pytest.fixture
def english():
    with translation.override("en"):
        yield


# Hard filters


def test_a_volunteer_who_fits_is_not_excluded():
    assert exclusion(request(), volunteer()) is None


@pytest.mark.parametrize(
    "req_changes, vol_changes, words",
    [
        ({"role": "fietsmaatje"}, {}, "kind of help"),
        ({}, {"available": False}, "Not available"),
        ({}, {"capacity": 2, "active_matches": 2}, "Already has 2 matches"),
        ({"requires_vog": True}, {"vog": False}, "VOG"),
        ({"gender_preference": "male"}, {}, "man or a woman"),
        ({"gender_preference": "female"}, {"gender": ""}, "man or a woman"),
        ({}, {"lat": TEN_KM_EAST[0], "lon": TEN_KM_EAST[1], "max_distance_km": 20.0}, "further away"),
        ({"languages": frozenset({"ti"}), "dutch_level": "none"}, {}, "any language"),
    ],
    ids=["role", "paused", "capacity", "vog", "gender", "no-gender-given", "distance", "language"],
)
def test_each_hard_filter_excludes_with_its_reason(english, req_changes, vol_changes, words):
    reason = exclusion(request(**req_changes), volunteer(**vol_changes))
    assert reason is not None and words in reason
    assert rank(request(**req_changes), [volunteer(**vol_changes)]) == []


def test_the_volunteers_own_travel_limit_counts_too():
    near_enough_for_newcomer = request(max_distance_km=20.0)
    assert exclusion(near_enough_for_newcomer, volunteer(max_distance_km=20.0, lat=TEN_KM_EAST[0])) is None
    assert exclusion(near_enough_for_newcomer, volunteer(max_distance_km=5.0, lon=TEN_KM_EAST[1])) is not None


def test_distance_is_no_filter_when_a_location_is_missing():
    assert exclusion(request(lat=None, lon=None), volunteer(lon=TEN_KM_EAST[1])) is None
    assert exclusion(request(), volunteer(lat=None, lon=None)) is None


def test_dutch_counts_as_shared_language_only_when_the_newcomer_speaks_some():
    dutch_only = volunteer(languages={"nl": "native"})
    assert exclusion(request(languages=frozenset({"ti"}), dutch_level="a0-a2"), dutch_only) is None
    assert exclusion(request(languages=frozenset({"ti", "nl"}), dutch_level="none"), dutch_only) is not None


def test_a_basic_level_still_counts_as_shared_language():
    assert (
        exclusion(
            request(languages=frozenset({"ti"}), dutch_level="none"), volunteer(languages={"ti": "basic"})
        )
        is None
    )


# Score parts


def test_more_free_times_scores_higher():
    one_time = score(request(), volunteer(availability=frozenset({MONDAY_MORNING})))
    both_times = score(request(), volunteer())
    assert points(both_times, "availability") > points(one_time, "availability") > 0
    assert both_times.score > one_time.score


def test_closer_scores_higher():
    close = score(request(), volunteer(lat=ONE_KM_EAST[0], lon=ONE_KM_EAST[1]))
    further = score(request(), volunteer())
    assert points(close, "distance") > points(further, "distance") > 0
    assert close.score > further.score


def test_unknown_distance_scores_nothing_for_distance(english):
    candidate = score(request(lat=None, lon=None), volunteer())
    assert points(candidate, "distance") == 0
    assert "unknown" in text(candidate, "distance")


def test_good_shared_home_language_helps_a_beginner_only():
    fluent = volunteer(languages={"nl": "native", "ar": "fluent"})
    basic = volunteer(languages={"nl": "native", "ar": "basic"})
    assert points(score(request(dutch_level="none"), fluent), "language") > 0
    assert points(score(request(dutch_level="none"), basic), "language") == 0
    assert points(score(request(dutch_level="b1"), fluent), "language") == 0


def test_speaking_dutch_well_is_not_the_home_language_bonus():
    assert points(score(request(dutch_level="a0-a2"), volunteer(languages={"nl": "native"})), "language") == 0


def test_shared_interests_score_higher():
    none_shared = score(request(), volunteer(interests=frozenset({"voetbal"})))
    one_shared = score(request(), volunteer())
    assert points(one_shared, "interests") > points(none_shared, "interests") == 0
    assert one_shared.score > none_shared.score


def test_longer_waiting_scores_higher():
    assert points(score(request(waiting_days=60), volunteer()), "waiting") > points(
        score(request(waiting_days=5), volunteer()), "waiting"
    )


def test_fewer_active_matches_scores_higher():
    free = score(request(), volunteer(capacity=3, active_matches=0))
    busy = score(request(), volunteer(capacity=3, active_matches=2))
    assert points(free, "workload") > points(busy, "workload") > 0
    assert free.score > busy.score


def test_score_is_the_sum_of_its_explained_parts():
    candidate = score(request(), volunteer())
    assert {reason.part for reason in candidate.reasons} == {
        "availability",
        "distance",
        "language",
        "interests",
        "waiting",
        "workload",
    }
    assert candidate.score == pytest.approx(sum(reason.points for reason in candidate.reasons))
    assert 0 < candidate.score <= 100


def test_reasons_explain_each_part_in_words(english):
    candidate = score(request(waiting_days=1), volunteer(capacity=3, active_matches=1))
    assert text(candidate, "availability") == "Free on 2 of the 2 times asked"
    assert "km apart" in text(candidate, "distance")
    assert text(candidate, "language") == "Speaks Arabic well, and the newcomer is new to Dutch"
    assert text(candidate, "interests") == "1 shared interest: koken"
    assert text(candidate, "waiting") == "The request has waited 1 day"
    assert text(candidate, "workload") == "Has 1 match now, room for 3"


def test_distance_km_is_haversine():
    assert distance_km(*CENTRAAL, *ONE_KM_EAST) == pytest.approx(1.0, abs=0.05)
    assert distance_km(*CENTRAAL, *CENTRAAL) == 0


# Ranking


def test_rank_puts_the_best_first_and_leaves_out_the_excluded():
    best = volunteer(id=3, lat=ONE_KM_EAST[0], lon=ONE_KM_EAST[1])
    good = volunteer(id=1)
    excluded = volunteer(id=2, available=False)
    ranked = rank(request(), [good, excluded, best])
    assert [candidate.volunteer.id for candidate in ranked] == [3, 1]
    assert ranked[0].reasons  # the coordinator sees why


def test_rank_breaks_ties_by_id_whatever_the_input_order():
    twins = [volunteer(id=volunteer_id) for volunteer_id in (7, 3, 5)]
    assert [c.volunteer.id for c in rank(request(), twins)] == [3, 5, 7]
    assert [c.volunteer.id for c in rank(request(), list(reversed(twins)))] == [3, 5, 7]


def test_rank_returns_at_most_limit():
    many = [volunteer(id=volunteer_id) for volunteer_id in range(1, 30)]
    assert len(rank(request(), many, limit=5)) == 5
    assert rank(request(), many, limit=0) == []


def test_rank_scores_equal_score():
    population = random_volunteers(300, random.Random(3))
    for req in random_requests(10, random.Random(4)):
        for candidate in rank(req, population):
            assert exclusion(req, candidate.volunteer) is None
            assert candidate == score(req, candidate.volunteer)


def test_rank_keeps_exactly_those_exclusion_lets_through():
    population = random_volunteers(500, random.Random(8))
    for req in random_requests(20, random.Random(9)):
        eligible = {v.id for v in population if exclusion(req, v) is None}
        assert {c.volunteer.id for c in rank(req, population, limit=len(population))} == eligible


def test_rank_of_nobody_is_empty():
    assert rank(request(), []) == []


# Batch assignment


def test_suggest_all_gives_a_volunteer_no_more_requests_than_free_slots():
    two_free = volunteer(id=1, capacity=3, active_matches=1)
    requests = [request(id=request_id) for request_id in range(1, 6)]
    result = suggest_all(requests, [two_free])
    assert len(result) == 2
    assert all(candidate.volunteer.id == 1 for candidate in result.values())


def test_suggest_all_gives_each_request_at_most_one_volunteer():
    volunteers = [volunteer(id=volunteer_id) for volunteer_id in range(1, 6)]
    result = suggest_all([request(id=1), request(id=2)], volunteers)
    assert set(result) == {1, 2}
    assert result[1].volunteer.id != result[2].volunteer.id or result[1].volunteer.capacity >= 2


def test_suggest_all_finds_the_optimum_where_greedy_does_not():
    # Request 1 fits both volunteers, volunteer 10 a little better; request 2 fits only
    # volunteer 10 (Tigrinya). Greedy, request by request, gives 10 to request 1 and leaves
    # request 2 without anyone; the optimum gives 20 to request 1 and 10 to request 2.
    star = volunteer(id=10, capacity=1, languages={"ar": "fluent", "ti": "basic"})
    second = volunteer(id=20, capacity=1, languages={"ar": "fluent"}, interests=frozenset())
    first_request = request(id=1, languages=frozenset({"ar"}))
    tigrinya_request = request(id=2, languages=frozenset({"ti"}), dutch_level="none")
    requests, volunteers = [first_request, tigrinya_request], [star, second]

    greedy_total, taken = 0.0, set()
    for req in requests:
        options = [c for c in rank(req, volunteers) if c.volunteer.id not in taken]
        if options:
            taken.add(options[0].volunteer.id)
            greedy_total += options[0].score
    assert rank(first_request, volunteers)[0].volunteer.id == 10

    result = suggest_all(requests, volunteers)
    assert {request_id: c.volunteer.id for request_id, c in result.items()} == {1: 20, 2: 10}
    optimum = score(first_request, second).score + score(tigrinya_request, star).score
    assert sum(c.score for c in result.values()) == pytest.approx(optimum)
    assert optimum > greedy_total


def _best_total_by_trying_everything(requests, volunteers):
    free = {v.id: v.capacity - v.active_matches for v in volunteers}
    options = [[None] + [v for v in volunteers if exclusion(req, v) is None] for req in requests]

    def best(index):
        if index == len(requests):
            return 0.0
        top = 0.0
        for option in options[index]:
            if option is None:
                top = max(top, best(index + 1))
            elif free[option.id] > 0:
                free[option.id] -= 1
                top = max(top, score(requests[index], option).score + best(index + 1))
                free[option.id] += 1
        return top

    return best(0)


@pytest.mark.parametrize("seed", range(8))
def test_suggest_all_total_equals_the_best_of_all_assignments(seed):
    rng = random.Random(seed)
    slots = [(day, part) for day in range(2) for part in ("morning", "afternoon", "evening")]
    volunteers = [
        volunteer(
            id=volunteer_id,
            availability=frozenset(rng.sample(slots, rng.randint(1, 4))),
            lat=CENTRAAL[0] + rng.uniform(-0.02, 0.02),
            languages={"nl": "native", rng.choice(["ar", "ti", "uk"]): rng.choice(["fluent", "basic"])},
            interests=frozenset(rng.sample(["koken", "fietsen", "muziek"], rng.randint(0, 2))),
            capacity=rng.randint(1, 2),
        )
        for volunteer_id in range(1, 5)
    ]
    requests = [
        request(
            id=request_id,
            languages=frozenset({rng.choice(["ar", "ti", "uk"])}),
            dutch_level=rng.choice(["none", "a0-a2"]),
            availability=frozenset(rng.sample(slots, rng.randint(1, 3))),
            waiting_days=rng.randint(0, 100),
        )
        for request_id in range(1, 7)
    ]
    result = suggest_all(requests, volunteers)
    assert sum(c.score for c in result.values()) == pytest.approx(
        _best_total_by_trying_everything(requests, volunteers)
    )


def test_suggest_all_counts_a_volunteer_passed_twice_once():
    once = volunteer(id=1, capacity=1)
    result = suggest_all([request(id=1), request(id=2)], [once, once])
    assert len(result) == 1


def test_suggest_all_leaves_out_requests_nobody_can_take():
    result = suggest_all([request(id=1), request(id=2, role="fietsmaatje")], [volunteer()])
    assert set(result) == {1}


def test_suggest_all_of_nothing_is_empty():
    assert suggest_all([], []) == {}
    assert suggest_all([request()], []) == {}
    assert suggest_all([], [volunteer()]) == {}


def test_suggest_all_respects_capacity_and_filters_at_scale():
    rng = random.Random(7)
    volunteers = random_volunteers(400, rng)
    requests = random_requests(150, rng)
    result = suggest_all(requests, volunteers)
    assert result
    load = {}
    requests_by_id = {req.id: req for req in requests}
    for request_id, candidate in result.items():
        assert exclusion(requests_by_id[request_id], candidate.volunteer) is None
        assert candidate == score(requests_by_id[request_id], candidate.volunteer)
        load[candidate.volunteer.id] = load.get(candidate.volunteer.id, 0) + 1
    for candidate in result.values():
        v = candidate.volunteer
        assert load[v.id] <= v.capacity - v.active_matches


def test_suggest_all_scores_at_least_as_much_as_greedy_at_scale():
    rng = random.Random(11)
    volunteers = random_volunteers(200, rng)
    requests = random_requests(120, rng)
    free = {v.id: v.capacity - v.active_matches for v in volunteers}
    greedy_total = 0.0
    for req in requests:
        for candidate in rank(req, volunteers, limit=50):
            if free[candidate.volunteer.id] > 0:
                free[candidate.volunteer.id] -= 1
                greedy_total += candidate.score
                break
    total = sum(c.score for c in suggest_all(requests, volunteers).values())
    assert total >= greedy_total - 1e-6


def test_the_scale_population_is_deterministic():
    assert random_volunteers(50, random.Random(5)) == random_volunteers(50, random.Random(5))
    assert random_requests(50, random.Random(5)) == random_requests(50, random.Random(5))
