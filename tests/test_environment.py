"""pyproject.toml and environment.yml must name the same dependencies with the same bounds."""
import re
import tomllib
from pathlib import Path

import yaml

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


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_normalise(r) for r in project["dependencies"])
    assert _environment_requirements() == wanted


def test_python_version_agrees():
    """conda's python pin is pyproject's requires-python (both read, neither typed here)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = [d for d in env["dependencies"] if isinstance(d, str) and re.match(r"python\b", d)]
    assert len(pins) == 1, pins
    assert _normalise(pins[0])[1] == _normalise("python" + project["requires-python"])[1]
