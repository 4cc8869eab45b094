"""Webcare staffing: utilisation first, then the service level over a shift (ciw), checked against
Erlang C, the field's standard for one message type (issue #19: 2 people for 40 messages of 10 minutes
an hour was the old, wrong conclusion)."""
from __future__ import annotations

import math

import pytest

from smmkit.errors import SmmkitError
from smmkit.models import webcare as wc


def erlang_c_service_level(per_hour: float, handling: float, agents: int, minutes: float) -> float:
    """% of messages someone starts on within ``minutes`` (M/M/c, first come first served)."""
    load = per_hour * handling / 60
    top = load ** agents / math.factorial(agents) * agents / (agents - load)
    waits = top / (sum(load ** k / math.factorial(k) for k in range(agents)) + top)
    return 100 * (1 - waits * math.exp(-(agents - load) * minutes / handling))


@pytest.mark.parametrize("per_hour, handling, agents, minutes", [
    (20, 6, 3, 1), (40, 10, 8, 2), (30, 12, 7, 5), (60, 5, 6, 1), (12, 15, 4, 10), (40, 10, 9, 0.5)])
def test_shift_agrees_with_erlang_c(per_hour, handling, agents, minutes):
    """One message type, a long steady stream: the simulated share answered within ``minutes`` is
    Erlang C's, within 3 percentage points."""
    result = wc.shift(per_hour, handling, agents, hours=400, mix={"vraag": 1}, replications=4, seed=7)
    expected = erlang_c_service_level(per_hour, handling, agents, minutes)
    assert result.waiting_at_most(minutes) == pytest.approx(expected, abs=3), (result.waiting_at_most(minutes), expected)
    assert result.utilisation == pytest.approx(100 * per_hour * handling / 60 / agents, abs=0.1)


def test_utilisation_comes_first():
    load = wc.workload(40, 10)
    assert load.busy_people == pytest.approx(6.667, abs=0.001)
    assert load.minimum_agents == 7
    assert load.utilisation(2) == pytest.approx(333.3, abs=0.1)
    assert "6,7 mensen" in load.text and "minder dan 7" in load.text


def test_two_people_cannot_answer_forty_messages_of_ten_minutes_an_hour():
    """The old chapter 8 answer (2 agents) fails badly over a shift; the answer is at least 7."""
    two = wc.shift(40, 10, 2)
    assert two.utilisation > 300 and two.within_target < 40
    assert "100 % of meer" in two.text
    team = wc.staffing(40, 10, within=90)
    assert team.agents >= 7 and team.utilisation < 100 and team.within_target >= 90


def test_the_mix_is_realistic_and_crises_come_first():
    assert wc.SHIFT_MIX["crisis"] <= 0.02 and sum(wc.SHIFT_MIX.values()) == pytest.approx(1)
    result = wc.shift(40, 10, 6)  # overloaded: the low-priority messages wait
    assert result.per_category["klacht"] > result.per_category["compliment"]


@pytest.mark.parametrize("call", [lambda: wc.workload(-1, 10), lambda: wc.shift(40, 10, 0),
                                  lambda: wc.shift(40, 10, 3, mix={"spam": 1}),
                                  lambda: wc.shift(40, 10, 3, mix={"vraag": 0}),
                                  lambda: wc.staffing(40, 10, within=150)])
def test_bad_input_is_told_in_dutch(call):
    with pytest.raises(SmmkitError) as caught:
        call()
    assert caught.value.args and not str(caught.value).startswith("Traceback")
