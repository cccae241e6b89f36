from datetime import UTC, date, datetime, time

from hypothesis import given
from hypothesis import strategies as st

from agenda.calendar import RuleShape, local_today, rules_overlap, sitting_days, slot_bounds, slots_fit


def rule(**kw) -> RuleShape:
    base = {
        "weekdays": (2, 4),
        "start_time": time(9),
        "end_time": time(12),
        "slot_minutes": 30,
        "valid_from": date(2026, 1, 1),
        "valid_until": None,
    }
    return RuleShape(**{**base, **kw})


def test_slots_fit_only_whole_numbers_of_slots():
    assert slots_fit(time(9), time(12), 30)
    assert not slots_fit(time(9), time(12), 40)
    assert not slots_fit(time(9), time(9, 20), 30)


@given(st.integers(1, 180), st.integers(5, 120))
def test_slots_fit_matches_the_arithmetic(span, slot):
    start = time(8)
    end = time(8 + span // 60, span % 60)
    assert slots_fit(start, end, slot) == (span >= slot and span % slot == 0)


def test_overlap_needs_a_shared_weekday_period_and_hour():
    assert rules_overlap(rule(), rule(start_time=time(11), end_time=time(13)))
    assert not rules_overlap(rule(), rule(weekdays=(1, 3)))
    assert not rules_overlap(rule(), rule(start_time=time(12), end_time=time(14)))  # back to back
    assert not rules_overlap(rule(valid_until=date(2026, 6, 30)), rule(valid_from=date(2026, 7, 1)))


def test_sitting_days_skip_closed_days():
    days = list(sitting_days(rule(), date(2026, 11, 23), date(2026, 12, 6), closed=[date(2026, 11, 26)]))
    assert days == [date(2026, 11, 24), date(2026, 12, 1), date(2026, 12, 3)]


def test_slots_are_local_wall_clock_times_in_utc():
    bounds = slot_bounds(rule(), date(2026, 11, 24), "Europe/Brussels")  # UTC+1 in winter
    assert len(bounds) == 6
    assert bounds[0] == (datetime(2026, 11, 24, 8, tzinfo=UTC), datetime(2026, 11, 24, 8, 30, tzinfo=UTC))
    summer = slot_bounds(rule(), date(2026, 7, 7), "Europe/Brussels")  # UTC+2
    assert summer[0][0] == datetime(2026, 7, 7, 7, tzinfo=UTC)


def test_local_today_follows_the_zone():
    late = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    assert local_today("Europe/Brussels", late) == date(2026, 11, 25)
    assert local_today("Africa/Casablanca", late) == date(2026, 11, 25)
