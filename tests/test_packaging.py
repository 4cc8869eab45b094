"""Every package folder under smmkit/ must be listed in pyproject.toml, or a wheel would lose it."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "smmkit").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    on_disk.add("smmkit.datasets")
    assert on_disk == listed
