"""The examples in the model docstrings are run, so the documentation cannot drift from the code."""
import doctest
import importlib

import pytest

MODULES = ("honeycomb", "flywheel", "peso", "smart", "kpi", "funnel", "calendar", "webcare", "influencer",
           "reputation")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"smmkit.models.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0, f"{name} has no docstring example"
    assert result.failed == 0
