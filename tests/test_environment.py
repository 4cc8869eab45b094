"""pyproject.toml, uv.lock and environment.yml agree: the same dependencies, at the locked versions.

kit.py installs from uv.lock (``uv sync --locked``); conda users get environment.yml, which pins the
directly named packages to the same versions.
"""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    name, spec = match.group(1), match.group(2).replace(" ", "")
    return name.lower().replace("_", "-"), ",".join(sorted(spec.split(","))) if spec else ""


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    found = {}
    for item in env["dependencies"]:
        requirements = item["pip"] if isinstance(item, dict) else [item]
        for requirement in requirements:
            if requirement.startswith("-") or requirement == "pip" or requirement.startswith("python"):
                continue
            name, spec = _normalise(requirement)
            found[name] = spec
    return found


def _locked() -> dict[str, str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {p["name"]: p["version"] for p in lock["package"] if "version" in p}


def test_environment_yml_pins_the_locked_versions_of_pyprojects_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = _locked()
    wanted = {}
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert requirement.specifier.contains(locked[name], prereleases=True), f"uv.lock's {name} is outside {text}"
        wanted[name] = f"=={locked[name]}"
    assert _environment_requirements() == wanted


def test_the_lock_file_matches_pyproject():
    """`uv lock --check`: uv.lock was made from this pyproject.toml (run `uv lock` after changing it)."""
    uv = Path(sys.executable).parent / "uv"
    if not uv.exists():
        pytest.fail("uv is missing from the environment: python3 kit.py test installs it")
    done = subprocess.run([uv, "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_python_version_agrees():
    """conda's python pin is pyproject's requires-python (both read, neither typed here)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = [d for d in env["dependencies"] if isinstance(d, str) and re.match(r"python\b", d)]
    assert len(pins) == 1, pins
    assert _normalise(pins[0])[1] == _normalise("python" + project["requires-python"])[1]
