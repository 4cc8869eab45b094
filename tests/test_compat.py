"""Every workaround of upstream behaviour (smmkit/compat.py) names its upstream issue or code and the
versions it is valid for; an installed version outside that range fails here, so the workaround is
checked again instead of silently going stale."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from smmkit.compat import WORKAROUNDS, Workaround

ROOT = Path(__file__).resolve().parents[1]


def outside(workaround: Workaround, installed: str) -> bool:
    return Version(installed) not in SpecifierSet(workaround.valid, prereleases=True)


@pytest.mark.parametrize("workaround", WORKAROUNDS, ids=[w.key for w in WORKAROUNDS])
def test_installed_version_is_in_the_range_the_workaround_was_checked_for(workaround):
    try:
        installed = version(workaround.package)
    except PackageNotFoundError:
        pytest.fail(f"{workaround.key}: {workaround.package} is not installed; is {workaround.where} still needed?")
    assert not outside(workaround, installed), (
        f"{workaround.package} {installed} is outside {workaround.valid}, the range {workaround.key} "
        f"({workaround.where}) was checked for: {workaround.what}. Check the workaround against "
        f"{installed} ({workaround.upstream or workaround.upstream_code}), then widen the range or remove it.")


def test_each_workaround_names_its_upstream_and_its_place_in_the_kit():
    assert len({w.key for w in WORKAROUNDS}) == len(WORKAROUNDS)
    for w in WORKAROUNDS:
        assert w.upstream or w.upstream_code, w.key
        assert not w.upstream or w.upstream.startswith("https://github.com/"), w.key
        SpecifierSet(w.valid)  # a valid specifier
        assert (ROOT / w.where.split(" ")[0]).exists(), f"{w.key}: {w.where} does not exist"


def test_a_version_outside_the_range_is_caught():
    """The check itself: a next major version of the package leaves every range."""
    for w in WORKAROUNDS:
        upper = [s.version for s in SpecifierSet(w.valid) if s.operator == "<"]
        assert upper, f"{w.key}: an open range never fails; give it an upper bound"
        assert outside(w, upper[0])
