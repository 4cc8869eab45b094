"""The conda route (README: ``conda env create -f environment.yml``, then ``python kit.py configure``)
ends up with the same JupyterLab as ``kit.py lab``: Dutch additions, settings overrides, nbgrader's
teacher tools hidden (and, on a laptop, its exchange panel), and the safety net in every kernel.

conda is not on the test machines, so the environment is simulated: a fresh venv outside the repository,
with environment.yml's packages (its conda pins and its pip section, ``-e .`` included) installed by uv's
pip interface into a copy of the kit, then the documented command run with that environment's Python.
Compared with what the package installs into ``.venv`` (the Lab the browser tests read): since issue
#21 both get the Jupyter side from the package itself (``-e .`` builds and installs it), and
``kit.py configure`` only adds the laptop's page_config.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
DOMAINS = ("jupyterlab", "notebook", "nbgrader", "jupyterlab_widgets")


def _requirements() -> list[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    found = []
    for item in env["dependencies"]:
        for requirement in item["pip"] if isinstance(item, dict) else [item]:
            # (nodejs: conda's Node.js, which builds the lab extension; the test machine has its own)
            if requirement != "pip" and not requirement.startswith(("python", "nodejs")):
                found += requirement.split(maxsplit=1)  # "-e ." is two arguments
    return found


def _copy_of_the_kit(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.splitlines()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def conda_like(tmp_path_factory):
    uv = Path(sys.executable).parent / "uv"
    if not uv.exists():
        pytest.fail("uv is missing from the environment: python3 kit.py test installs it")
    base = tmp_path_factory.mktemp("conda-route")
    clone = _copy_of_the_kit(base / "smmkit")
    env_dir = base / "env"
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", env_dir],
                   check=True)
    python = env_dir / "bin" / "python"
    install = [uv, "pip", "install", "--quiet", "--python", python, *_requirements()]
    done = subprocess.run([*install, "--offline"], cwd=clone, capture_output=True, text=True)
    if done.returncode != 0:  # not all in uv's cache: the package index, as pip would use
        done = subprocess.run(install, cwd=clone, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "JUPYTER_CONFIG_PATH")}
    env["PATH"] = str(env_dir / "bin") + os.pathsep + env.get("PATH", "")  # what `conda activate` does
    configure = subprocess.run([python, "kit.py", "configure"], cwd=clone, env=env, capture_output=True, text=True)
    assert configure.returncode == 0, configure.stdout + configure.stderr
    return env_dir, env


def _disabled(*folders: Path) -> dict[str, bool]:
    merged: dict[str, bool] = {}
    for folder in folders:
        path = folder / "labconfig" / "page_config.json"
        if path.exists():
            merged.update(json.loads(path.read_text(encoding="utf-8"))["disabledExtensions"])
    return merged


def test_conda_route_gets_the_settings_of_kit_py_lab(conda_like):
    env_dir, _ = conda_like
    for name in ("share/jupyter/lab/settings/overrides.json", "etc/ipython/ipython_kernel_config.py",
                 "etc/jupyter/jupyter_server_config.d/smmkit.json"):
        assert (env_dir / name).exists(), f"the conda route lacks {name}"
        assert (env_dir / name).read_bytes() == (kit.VENV / name).read_bytes(), name
    # the lab extension (nbgrader in Dutch, the cells' sources, ...), built by that environment's install:
    # the same extension; the bundle's file name is a content hash of what its builder made
    extension = Path("share/jupyter/labextensions") / kit.LAB_EXTENSION_NAME
    theirs, ours = (json.loads((prefix / extension / "package.json").read_text(encoding="utf-8"))
                    for prefix in (env_dir, kit.VENV))
    assert (env_dir / extension / theirs["jupyterlab"]["_build"]["load"]).exists()
    for built in (theirs, ours):
        built["jupyterlab"]["_build"].pop("load")
    assert theirs == ours
    # a conda student is on a laptop: what `kit.py lab` hides there (JUPYTER_CONFIG_PATH) is hidden
    laptop_student = _disabled(kit.VENV / "etc" / "jupyter", kit.LAPTOP_CONFIG)
    assert _disabled(env_dir / "etc" / "jupyter") == laptop_student
    assert set(_disabled(kit.docent_config(env_dir)).values()) == {False}
    assert set(_disabled(kit.docent_config(env_dir))) == set(laptop_student), "the teacher switch shows all"
    for domain in DOMAINS:
        assert kit.lab_catalogue(domain, prefix=env_dir) == kit.lab_catalogue(domain), f"{domain}: not the kit's Dutch"
    assert kit.lab_catalogue(prefix=env_dir)["Run All Cells"] == ["Alle cellen uitvoeren"]


def test_conda_route_kernel_loads_the_safety_net(conda_like, tmp_path):
    env_dir, env = conda_like
    notebook = tmp_path / "probe.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "id": "probe", "metadata": {}, "outputs": [],
                                               "execution_count": None,
                                               "source": "print(sorted(get_ipython().extension_manager.loaded))"}],
                                    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}},
                                    "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    done = subprocess.run([env_dir / "bin" / "jupyter", "nbconvert", "--to", "notebook", "--execute", "--stdout",
                           notebook], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "smmkit.safetynet" in done.stdout, "a conda kernel should load the safety net before any import"
