"""One Dutch reading of a typed number for every model (issue #20): comma for decimals, dot for
thousands, and a Dutch question instead of a guess where a text could mean two numbers."""
from __future__ import annotations

import pytest

from smmkit.errors import SmmkitError
from smmkit.models._input import number


@pytest.mark.parametrize("typed, value", [
    ("300,50", 300.5), ("1.500", 1500), ("1,5", 1.5), ("1.500,75", 1500.75), ("€ 1.500,75", 1500.75),
    ("15 %", 15), ("1 500", 1500), ("-2,5", -2.5), ("12.345.678", 12345678), ("0,333", 0.333), ("75", 75)])
def test_dutch_text_is_read_as_a_dutch_reader_means_it(typed, value):
    assert number(typed, "bedrag") == pytest.approx(value)


@pytest.mark.parametrize("typed, first, second", [("3.5", "35", "3,5"), ("1.50", "150", "1,5"),
                                                  ("300.5", "3.005", "300,5")])
def test_a_text_with_two_readings_is_a_dutch_question(typed, first, second):
    with pytest.raises(SmmkitError) as asked:
        number(typed, "kosten")
    text = str(asked.value)
    assert f"bedoel je {first} of {second}?" in text and "komma" in text


@pytest.mark.parametrize("typed", ["abc", "", "1,2,3", "€"])
def test_no_number_at_all_says_what_is_valid(typed):
    with pytest.raises(SmmkitError, match="verwacht ik een getal"):
        number(typed, "kosten")
