"""The shared score check of models/_input.py, and the message keys the models hand it."""
import string

import pytest

from smmkit.errors import SmmkitError
from smmkit.messages import catalogue
from smmkit.models import _input, honeycomb, reputation

KEYS = ("a", "b")
MESSAGES = _input.ScoreMessages("honeycomb.not_a_dict", "honeycomb.unknown_block", "honeycomb.missing_block", "block")


def _label(key):
    return {"a": "eerste", "b": "tweede"}[key]


def test_scores_returns_numbers_in_key_order():
    assert list(_input.scores({"b": "2,5", "a": 1}, KEYS, _label, (0, 5), MESSAGES).items()) == [("a", 1.0), ("b", 2.5)]


def test_scores_refuses_with_the_models_texts():
    with pytest.raises(SmmkitError, match="woordenboek.*list"):
        _input.scores([1, 2], KEYS, _label, (0, 5), MESSAGES)
    with pytest.raises(SmmkitError, match="'c' is geen bouwsteen.*Geldig zijn: a of b"):
        _input.scores({"a": 1, "b": 2, "c": 3}, KEYS, _label, (0, 5), MESSAGES)
    with pytest.raises(SmmkitError, match="ontbreekt een score voor: eerste, tweede"):
        _input.scores({}, KEYS, _label, (0, 5), MESSAGES)
    with pytest.raises(SmmkitError, match="'tweede' is 6, maar mag niet groter zijn dan 5"):
        _input.scores({"a": 1, "b": 6}, KEYS, _label, (0, 5), MESSAGES)


@pytest.mark.parametrize("model", [honeycomb, reputation])
def test_models_hand_over_existing_texts_with_the_right_fields(model):
    # msg() keys in a ScoreMessages are not seen by tests/test_messages.py: check them here
    texts = catalogue("nl")
    used = model._SCORE_MESSAGES
    wanted = {used.not_a_dict: {"kind"}, used.unknown: {used.item, "valid"}, used.missing: {used.item + "s"}}
    for key, fields in wanted.items():
        assert key in texts
        assert {f for _, f, _, _ in string.Formatter().parse(texts[key]) if f} == fields
