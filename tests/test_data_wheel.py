"""The datasets load the same from a real installed wheel as from the source tree.

Builds a wheel with ``pip wheel --no-deps`` from a copy of the project, installs it into a fresh venv
(no pip, no system site-packages) and imports smmkit from there. pandas is borrowed from the project's
venv through a ``.pth`` path line, which adds that folder to ``sys.path`` after the fresh venv's own
site-packages without processing its ``.pth`` files, so the editable install of smmkit stays invisible.
"""
import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from smmkit import data

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # builds a wheel and a venv (about half a minute)

CHECK = r"""
import json, sys
import importlib.metadata, pkgutil
import smmkit
from smmkit import data
out = {"file": smmkit.__file__, "datasets": {}, "version": importlib.metadata.version("smmkit"),
       "packages": sorted(m.name for m in pkgutil.walk_packages(smmkit.__path__, "smmkit.") if m.ispkg)}
for name in data.list_datasets():
    frame = data.load(name)
    doc = data.describe(name)
    out["datasets"][name] = {"rows": len(frame), "dtypes": [str(t) for t in frame.dtypes],
                             "markdown": doc._repr_markdown_()}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for item in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / item, source / item)
    for folder in ("smmkit", "datasets"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    wheels = work / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
                   check=True, timeout=600)
    wheel = next(wheels.glob("smmkit-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True, timeout=300)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "zz_borrow_pandas.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run([str(python), "-I", "-c", CHECK], capture_output=True, text=True, cwd=work, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return env_dir, json.loads(done.stdout)


def test_smmkit_comes_from_the_installed_wheel(installed):
    env_dir, result = installed
    assert Path(result["file"]).resolve().is_relative_to(env_dir.resolve())


def test_the_wheel_has_every_package_folder_and_the_one_version(installed):
    import smmkit

    _, result = installed
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "smmkit").rglob("__init__.py")
               if "__pycache__" not in p.parts} - {"smmkit"}
    assert set(result["packages"]) == on_disk | {"smmkit.datasets"}
    assert result["version"] == smmkit.__version__


def test_every_dataset_loads_from_the_wheel_like_from_the_source(installed):
    _, result = installed
    assert sorted(result["datasets"]) == data.list_datasets()
    for name, found in result["datasets"].items():
        frame = data.load(name)
        assert found["rows"] == len(frame), name
        assert found["dtypes"] == [str(t) for t in frame.dtypes], name
        assert found["markdown"] == data.describe(name)._repr_markdown_(), name
