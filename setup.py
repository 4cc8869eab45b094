"""What pyproject.toml cannot say: the packages plus datasets/ as smmkit.datasets, and the Jupyter side.

Everything else (metadata, dependencies, package-dir, package data, entry points) is in pyproject.toml.

The Jupyter side ships in the wheel as *data files* (installed under the environment's prefix, the
standard places Jupyter reads; setuptools' ``data_files``, which pip and uv install for a wheel and
for an editable install alike):

* ``share/jupyter/labextensions/@smmkit/nbgrader-nl/``: the lab extension, built from the TypeScript in
  ``labextension/`` with npm and JupyterLab's builder (``build_labextension`` below; skipped when the
  built extension is newer than its sources);
* ``jupyter-config/`` as it is: the server extensions (``etc/jupyter/jupyter_server_config.d``), the
  Lab settings (``share/jupyter/lab/settings/overrides.json``), nbgrader's teacher plugins off
  (``etc/jupyter/labconfig``), the teacher's and the laptop's config folders (``etc/smmkit-docent``,
  ``etc/smmkit-laptop``) and the kernel config that loads the safety net (``etc/ipython``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
LABEXTENSION_SOURCE = ROOT / "labextension"
LABEXTENSION_BUILT = ROOT / "smmkit" / "labextension"  # "outputDir" in labextension/package.json
LABEXTENSION_NAME = "@smmkit/nbgrader-nl"
JUPYTER_CONFIG = ROOT / "jupyter-config"


def _sources() -> list[Path]:
    return [LABEXTENSION_SOURCE / name for name in ("package.json", "package-lock.json", "tsconfig.json")] + sorted(
        (LABEXTENSION_SOURCE / "src").glob("*.ts"))


def labextension_is_current() -> bool:
    built = LABEXTENSION_BUILT / "package.json"
    if not built.exists() or not list((LABEXTENSION_BUILT / "static").glob("remoteEntry.*.js")):
        return False
    return all(built.stat().st_mtime >= source.stat().st_mtime for source in _sources() if source.exists())


def build_labextension() -> None:
    """npm ci (once) and JupyterLab's builder, with the jupyterlab of the building Python."""
    if labextension_is_current():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("smmkit: npm is needed to build the lab extension (labextension/); install Node.js 20 or newer.")
    env = dict(os.environ)
    # the build environment's scripts (jupyter-builder) first: the builder matches that jupyterlab
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    if not (LABEXTENSION_SOURCE / "node_modules" / ".package-lock.json").exists() or (
            (LABEXTENSION_SOURCE / "package-lock.json").stat().st_mtime
            > (LABEXTENSION_SOURCE / "node_modules" / ".package-lock.json").stat().st_mtime):
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LABEXTENSION_SOURCE,
                       env=env, check=True)
    shutil.rmtree(LABEXTENSION_BUILT, ignore_errors=True)
    subprocess.run([npm, "run", "build:prod"], cwd=LABEXTENSION_SOURCE, env=env, check=True)


def data_files() -> list[tuple[str, list[str]]]:
    """(installed folder, files) for the built lab extension and everything in jupyter-config/."""
    found: dict[str, list[str]] = {}
    target = f"share/jupyter/labextensions/{LABEXTENSION_NAME}"
    for root, source in ((target, LABEXTENSION_BUILT), ("", JUPYTER_CONFIG)):
        for path in sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            folder = "/".join(filter(None, (root, path.parent.relative_to(source).as_posix().strip("."))))
            found.setdefault(folder, []).append(path.relative_to(ROOT).as_posix())
    return sorted(found.items())


class BuildPyWithLabextension(build_py):
    """build_py that first builds the lab extension; install_data (later) installs it."""

    def run(self):
        build_labextension()
        self.distribution.data_files = data_files()
        # setuptools copies into build/lib but never deletes there: a module removed or turned into a
        # package (smmkit/safetynet.py -> smmkit/safetynet/) would still ship from an older build
        shutil.rmtree(Path(self.build_lib) / "smmkit", ignore_errors=True)
        super().run()


class DistributionWithEditableData(Distribution):
    """setuptools' editable install asks the distribution ``has_data()`` before it installs data files,
    and only ``has_data_files()`` exists, so an editable install (uv sync, pip install -e, the conda
    route) would get no lab extension and no Jupyter config (pypa/setuptools#3399; smmkit/compat.py
    "setuptools-editable-data-files"). The same answer under the name it asks for."""

    def has_data(self) -> bool:
        return self.has_data_files()


setup(
    distclass=DistributionWithEditableData,
    packages=[*find_packages(include=["smmkit", "smmkit.*"]), "smmkit.datasets"],
    data_files=data_files(),
    cmdclass={"build_py": BuildPyWithLabextension},
)
