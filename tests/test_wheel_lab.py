"""A clean install of the kit's wheel, without kit.py, gives the course's JupyterLab (issue #21).

The wheel is built with ``uv build --wheel`` (setup.py builds the lab extension from labextension/)
and installed into a fresh venv with the locked versions of its dependencies (``uv export`` of
uv.lock as constraints); kit.py never runs. That venv's own ``jupyter lab`` is started on a free port
with a token and only the venv's configuration (user config and data folders are empty temporary
ones), and the test reads what it serves:

* ``jupyter labextension list``: the kit's extension enabled and compatible ("OK");
* ``jupyter server extension list``: the kit's server extensions enabled and loadable;
* the page config of /lab: the extension is loaded, nbgrader's teacher plugins are off;
* the settings API: Dutch, the kit's autosave interval, widget state saved (overrides.json);
* the translations API: the kit's Dutch texts on top of the language pack, nbgrader's domain;
* in headless Chromium: every plugin of the kit activated by that Lab, and a kit widget's root
  marked so that keys typed in it trigger no notebook shortcut (plugin ``:a11y``).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import labdriver  # noqa: E402

EXTENSION = "@smmkit/nbgrader-nl"
PLUGINS = [f"{EXTENSION}:plugin", f"{EXTENSION}:cells", f"{EXTENSION}:widgets", f"{EXTENSION}:a11y"]
SERVER_EXTENSIONS = ["smmkit.widgetstate", "smmkit.nbgrader_fetch", "smmkit.labtexts"]
TEACHER_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"]
UV = ROOT / ".venv" / "bin" / "uv"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    if not UV.exists() or shutil.which("npm") is None:
        pytest.fail("uv in .venv and npm are needed (python3 kit.py test installs both)")
    work = tmp_path_factory.mktemp("wheel")
    # what an older build left in setuptools' build/lib (git-ignored): a module since removed or renamed
    stale = ROOT / "build" / "lib" / "smmkit" / "_left_by_an_older_build.py"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_text("GONE = True\n", encoding="utf-8")
    built = subprocess.run([UV, "build", "--wheel", "--out-dir", work / "dist", ROOT], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("smmkit-*.whl")
    constraints = work / "constraints.txt"
    exported = subprocess.run([UV, "export", "--frozen", "--no-hashes", "--no-emit-project", "--no-header",
                               "-o", constraints], cwd=ROOT, capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr
    venv = work / "venv"
    python = ROOT / ".venv" / "bin" / "python"
    for step in ([UV, "venv", "--quiet", "--python", python, venv],
                 [UV, "pip", "install", "--quiet", "--python", venv / "bin" / "python", "-c", constraints, wheel]):
        done = subprocess.run(step, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return work, venv


def clean_env(work: Path, venv: Path) -> dict[str, str]:
    """Only the venv's own Jupyter configuration: no user folders, no JUPYTER_CONFIG_PATH of kit.py."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VIRTUAL_ENV", "PYTHON"))}
    home = work / "home"
    home.mkdir(exist_ok=True)
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", HOME=str(home),
               JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_PLATFORM_DIRS="1")
    return env


def jupyter(venv: Path, env: dict, *args: str) -> str:
    done = subprocess.run([venv / "bin" / "jupyter", *args], env=env, capture_output=True, text=True)
    return re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)


def test_the_wheel_holds_only_modules_of_the_source_tree(wheel_env):
    work, _venv = wheel_env
    (wheel,) = (work / "dist").glob("smmkit-*.whl")
    shipped = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("smmkit/") and name.endswith(".py")}
    in_source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "smmkit").rglob("*.py")}
    in_source |= {"smmkit/datasets/" + p.relative_to(ROOT / "datasets").as_posix() for p in (ROOT / "datasets").rglob("*.py")}
    assert shipped - in_source == set(), "the wheel ships modules that are not in the source tree"


def test_the_wheel_alone_gives_the_courses_lab(wheel_env):
    work, venv = wheel_env
    env = clean_env(work, venv)
    site = next((venv / "lib").glob("python3*/site-packages"))
    assert not list(site.glob("jupyterlab_language_pack_nl_NL/locale/*/LC_MESSAGES/*.orig")), "a patched pack"

    listed = jupyter(venv, env, "labextension", "list")
    assert re.search(rf"{re.escape(EXTENSION)} v\S+ enabled\s+OK", listed), listed
    servers = jupyter(venv, env, "server", "extension", "list")
    for name in SERVER_EXTENSIONS:
        assert re.search(rf"{re.escape(name)} enabled", servers) and re.search(rf"{re.escape(name)}\s+OK", servers), servers

    token, port = secrets.token_hex(16), labdriver.free_port()
    notebooks = work / "notebooks"
    notebooks.mkdir(exist_ok=True)
    log = (work / "lab.log").open("w")
    lab = subprocess.Popen([venv / "bin" / "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                            f"--ServerApp.token={token}", f"--ServerApp.root_dir={notebooks}",
                            "--LabApp.expose_app_in_browser=True", "--allow-root"],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def get(path: str) -> str:
        request = urllib.request.Request(f"{base}/{path}", headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode("utf-8")

    try:
        for _ in range(240):
            try:
                get("api/status")
                break
            except OSError:
                assert lab.poll() is None, (work / "lab.log").read_text()
                time.sleep(0.5)
        page = get("lab")
        config = json.loads(re.search(r'<script[^>]*id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.S).group(1))
        assert EXTENSION in [e["name"] for e in config["federated_extensions"]], config["federated_extensions"]
        assert set(TEACHER_PLUGINS) <= set(config["disabledExtensions"]), config["disabledExtensions"]
        assert not set(PLUGINS) & set(config["disabledExtensions"])

        def default(plugin: str, name: str):
            """A setting's default as this Lab serves it (overrides.json changes the schema's default)."""
            return json.loads(get(f"lab/api/settings/{plugin}"))["schema"]["properties"][name]["default"]

        assert default("@jupyterlab/translation-extension:plugin", "locale") == "nl_NL"
        assert default("@jupyterlab/docmanager-extension:plugin", "autosaveInterval") == 5
        assert default("@jupyter-widgets/jupyterlab-manager:plugin", "saveState") is True

        texts = json.loads(get("lab/api/translations/nl_NL"))
        assert not texts["message"], texts["message"]
        data = texts["data"]
        assert data["jupyterlab"]["Run All Cells"] == ["Alle cellen uitvoeren"]  # the kit's, missing in the pack
        assert data["nbgrader"]["Fetch"] == ["Ophalen"]  # a domain the pack does not have
        assert data["jupyterlab_widgets"]["Loading widget..."] == ["Widget wordt geladen…"]

        reason = labdriver.chromium_missing_reason()
        if reason is None:
            with labdriver.browser() as chromium, labdriver.new_page(chromium) as browser_page:
                browser_page.goto(f"{base}/lab?token={token}")
                browser_page.wait_for_function("!!window.jupyterapp", timeout=120_000)
                assert browser_page.evaluate("() => window.jupyterapp.restored.then(() => true)")
                active = browser_page.evaluate(
                    "ids => ids.map(id => window.jupyterapp.isPluginActivated(id))", PLUGINS)
                assert active == [True] * len(PLUGINS), dict(zip(PLUGINS, active))
                # :a11y marks a kit widget's root and its controls, also a root that gets its class later
                marked = browser_page.evaluate("""async () => {
                    const shell = window.jupyterapp.shell.node;
                    const born = document.createElement('div'), later = document.createElement('div');
                    born.className = 'smmkit-widget';
                    const field = document.createElement('select');
                    born.appendChild(field);
                    shell.appendChild(born);
                    shell.appendChild(later);
                    later.classList.add('smmkit-widget');
                    await new Promise(done => setTimeout(done, 300));
                    return [born, field, later].map(d => d.getAttribute('data-lm-suppress-shortcuts'));
                }""")
                assert marked == ["true", "true", "true"], marked
        else:
            pytest.fail(f"the plugins' activation is read in Chromium: {reason}")
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            lab.kill()
        log.close()
