"""When the JupyterHub test runs is decided in one place, kit.py's ``hub_test_enabled`` (which also decides
whether ``kit.py test`` installs the hub's packages); the test's own skip follows it. Runs without root."""
from __future__ import annotations

import pytest

from .conftest import _skip_reason, kit

GATE = ("JupyterHub-test: alleen als root", "JupyterHub-test: alleen in CI")


@pytest.mark.parametrize("ci, asked", [("true", None), ("false", None), ("false", "1"), (None, "0"), (None, None)])
def test_the_hub_test_is_skipped_exactly_when_kit_py_says_it_does_not_run(monkeypatch, ci, asked):
    for name, value in (("CI", ci), ("SMMKIT_HUB_TEST", asked)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    reason = _skip_reason() or ""
    assert reason.startswith(GATE) == (not kit.hub_test_enabled()), reason


def test_the_rule_has_one_owner(monkeypatch):
    """Change kit.py's rule and the hub test's skip changes with it (a copy of the rule would not)."""
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(kit, "hub_test_enabled", lambda: False)
    assert (_skip_reason() or "").startswith(GATE)
    monkeypatch.setattr(kit, "hub_test_enabled", lambda: True)
    assert not (_skip_reason() or "").startswith(GATE)
