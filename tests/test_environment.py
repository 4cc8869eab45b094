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
# conda packages that are no Python dependency of the kit: Node.js builds its lab extension (setup.py)
CONDA_BUILD_TOOLS = {"nodejs"}


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
            if name not in CONDA_BUILD_TOOLS:
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


def _kit():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kit_module", ROOT / "kit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_packages_left_out_on_purpose_are_neither_locked_nor_installed():
    """rfc3987-syntax (from jsonschema[format-nongpl]) costs every process importing jsonschema ±1.3 s:
    pyproject's uv override keeps it out of uv.lock, and kit.py's setup removes it from an older .venv
    (`uv sync --inexact` would keep it)."""
    import importlib.metadata

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    overridden = {Requirement(r).name for r in project["tool"]["uv"]["override-dependencies"]}
    dropped = set(_kit().DROPPED_PACKAGES)
    assert "rfc3987-syntax" in overridden and overridden <= dropped
    assert not dropped & set(_locked()), f"uv.lock still has {sorted(dropped & set(_locked()))}"
    installed = set()
    for name in sorted(dropped):
        try:
            installed.add(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    assert not installed, f"{sorted(installed)} still in {sys.prefix}: kit.py setup should remove them"


def test_jupyter_events_still_validates_events():
    """Without rfc3987-syntax jsonschema only lacks the formats "iri" and "iri-reference": Jupyter's
    event logger (jupyter-events, which asks for the formats) still accepts good events and rejects bad ones."""
    import io
    import logging

    import jsonschema
    from jupyter_events import EventLogger

    checker = jsonschema.FormatChecker()
    assert {"uri", "date-time", "duration"} <= set(checker.checkers)
    assert not checker.conforms("not a date", "date-time")
    schema = {
        "$id": "https://smmkit.example/test-event", "version": "1", "title": "test", "description": "test",
        "type": "object", "properties": {"when": {"type": "string", "format": "date-time"}}, "required": ["when"],
    }
    stream = io.StringIO()
    logger = EventLogger(handlers=[logging.StreamHandler(stream)])
    logger.register_event_schema(schema)
    logger.emit(schema_id=schema["$id"], data={"when": "2026-12-03T09:00:00Z"})
    assert '"when": "2026-12-03T09:00:00Z"' in stream.getvalue()
    with pytest.raises(jsonschema.ValidationError):
        logger.emit(schema_id=schema["$id"], data={"when": 3})
