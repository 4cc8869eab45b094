"""The examples in the model docstrings are run, so the documentation cannot drift from the code.

The modules come from the package itself (every public module of smmkit.models), not from a list here.
"""
import doctest
import importlib
import pkgutil

import pytest

import smmkit.models

MODULES = sorted(m.name for m in pkgutil.iter_modules(smmkit.models.__path__) if not m.name.startswith("_"))


def test_every_model_module_is_found():
    assert len(MODULES) >= 13, MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"smmkit.models.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no docstring example"
    assert result.failed == 0
