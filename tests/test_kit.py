"""The README's first command, `python3 kit.py lab`, opens the course on its start page in Dutch.

Runs the real command (setup is already done when tests run, so it only starts JupyterLab) with a
stand-in "browser" that records the address JupyterLab asks it to open, then asks the running
server for the interface language. The server is stopped afterwards.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(180)
def test_lab_opens_start_page_in_dutch(tmp_path):
    record = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> "{record}"\n')
    browser.chmod(0o755)
    port, token = _free_port(), "kit-test-token"
    env = dict(os.environ, BROWSER=str(browser), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               SMMKIT_WERK=str(tmp_path / "werk"))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "kit.py"), "lab", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 150
        while not record.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        assert record.exists(), "JupyterLab never asked a browser to open the course"
        opened = record.read_text().split()[0]
        target = opened
        if opened.startswith("file://"):  # JupyterLab hands the browser a small redirect page
            page = Path(opened[len("file://"):]).read_text()
            target = re.search(r'href="([^"]+)"', page).group(1)
        assert "/lab/tree/chapters/00-start.ipynb" in target

        url = f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}"
        with urllib.request.urlopen(url, timeout=30) as response:
            schema = json.load(response)["schema"]
        assert schema["properties"]["locale"]["default"] == "nl_NL"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _default_hangup():
    """SIGHUP and SIGINT as a terminal session has them: a suite started under ``nohup`` ignores SIGHUP, one
    started in the background of a shell without job control ignores SIGINT, and an ignored signal stays
    ignored through exec, so the Lab that kit.py starts would never see the one it forwards."""
    for name in ("SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _start_lab(tmp_path, *args: str):
    """`python3 kit.py lab --no-browser …` on a free port; returns (process, base url with token) once it answers."""
    port, token = _free_port(), "kit-stop-token"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), SMMKIT_WERK=str(tmp_path / "werk"))
    kit_py = subprocess.Popen(
        [sys.executable, str(ROOT / "kit.py"), "lab", *args, "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True, preexec_fn=_default_hangup)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and kit_py.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=5):
                break
        except OSError:
            time.sleep(0.5)
    assert kit_py.poll() is None, kit_py.stdout.read().decode(errors="replace")[-2000:]
    return kit_py, f"http://127.0.0.1:{port}/{{}}?token={token}"


def _stop(kit_py, lab=None):
    if lab is not None and _alive(lab):
        os.kill(lab, signal.SIGKILL)
    if kit_py.poll() is None:
        os.killpg(kit_py.pid, signal.SIGTERM)
        try:
            kit_py.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(kit_py.pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc (Linux)")
@pytest.mark.timeout(240)
@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_stopping_kit_py_lab_also_stops_jupyterlab(tmp_path, stop):
    """`kill <kit.py>` must not leave JupyterLab running as an orphan (holding the port and its kernels)."""
    kit_py, url = _start_lab(tmp_path)
    lab = None
    try:
        (lab,) = _children(kit_py.pid)
        assert "jupyter" in Path(f"/proc/{lab}/cmdline").read_bytes().decode(errors="replace")
        os.kill(kit_py.pid, getattr(signal, stop))  # kit.py only, as a service manager or `kill` does
        kit_py.wait(timeout=90)
        assert not _alive(lab), f"JupyterLab (pid {lab}) still runs after {stop} to kit.py"
        with pytest.raises(OSError):
            urllib.request.urlopen(url.format("api/status"), timeout=5)
    finally:
        _stop(kit_py, lab)


TEACHER_PLUGINS = {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"}
EXCHANGE_PLUGINS = {"@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:menu"}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("teacher", [True, False], ids=["docent", "student"])
def test_lab_serves_the_installed_config_for_teacher_and_student(tmp_path, teacher):
    """`kit.py lab` starts the Lab with the config installed with the package (jupyter-config/): the
    teacher gets nbgrader's tools through the docent folder, a student on a laptop does not."""
    kit = _kit()
    folder = kit.DOCENT_CONFIG if teacher else kit.LAPTOP_CONFIG
    relative = folder.relative_to(kit.VENV) / "labconfig" / "page_config.json"
    assert (kit.VENV / relative).read_bytes() == (kit.JUPYTER_CONFIG / relative).read_bytes()
    kit_py, url = _start_lab(tmp_path, *(["--docent"] if teacher else []))
    try:
        with urllib.request.urlopen(url.format("lab"), timeout=30) as response:
            page = response.read().decode("utf-8")
        config = json.loads(re.search(r'<script[^>]*id="jupyter-config-data"[^>]*>(.*?)</script>',
                                      page, flags=re.S).group(1))
        disabled = {name for name, off in config["disabledExtensions"].items() if off} if isinstance(
            config["disabledExtensions"], dict) else set(config["disabledExtensions"])
        if teacher:
            assert not disabled & TEACHER_PLUGINS, f"teacher's Lab without {sorted(disabled & TEACHER_PLUGINS)}"
        else:
            assert TEACHER_PLUGINS | EXCHANGE_PLUGINS <= disabled, disabled
    finally:
        _stop(kit_py)


def _site_packages_snapshot(venv: Path) -> dict[str, tuple[int, int]]:
    site = next((venv / "lib").glob("python3*/site-packages"))
    return {str(p.relative_to(site)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in site.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.timeout(300)
def test_kit_py_writes_nothing_under_site_packages():
    """kit.py's setup and configure (the conda route, here on .venv as a laptop's own environment
    would be) change no file of an installed package: the Jupyter side comes with the wheel."""
    kit = _kit()
    before = _site_packages_snapshot(kit.VENV)
    for command in (["setup"], ["configure"]):
        done = subprocess.run([kit.PY, ROOT / "kit.py", *command], cwd=ROOT, capture_output=True, text=True,
                              env=kit.env_with_venv(), timeout=240)
        assert done.returncode == 0, done.stdout + done.stderr
    after = _site_packages_snapshot(kit.VENV)
    changed = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    assert not changed, f"kit.py wrote under site-packages: {changed[:20]}"
    # and nothing written earlier: the language pack (which kit.py used to patch) is as its wheel installed it
    assert not _differs_from_record(kit.VENV, "jupyterlab_language_pack_nl_NL")


def _differs_from_record(venv: Path, package: str) -> list[str]:
    """Files of ``package``'s folder that differ from its installer's RECORD, or are not in it."""
    import base64
    import csv
    import hashlib

    site = next((venv / "lib").glob("python3*/site-packages"))
    record = next(site.glob(f"{package.replace('_', '[_-]')}-*.dist-info/RECORD"), None) or next(
        p for p in site.glob("*.dist-info/RECORD") if f"{package}/" in p.read_text(encoding="utf-8"))
    hashes = {row[0]: row[1] for row in csv.reader(record.read_text(encoding="utf-8").splitlines()) if row}
    wrong = []
    for path in sorted(p for p in (site / package).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        name = path.relative_to(site).as_posix()
        digest = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()
        if hashes.get(name) != digest:
            wrong.append(name)
    return wrong


def _kit():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kit_module", ROOT / "kit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lab_installs_only_what_learners_need(monkeypatch):
    """`kit.py lab` asks for no extras, and the locked learner packages contain no test tool."""
    import tomllib

    kit = _kit()
    asked = []
    monkeypatch.setattr(kit, "setup", lambda extras=(): asked.append(tuple(extras)))
    monkeypatch.setattr(kit, "run_forwarding_signals", lambda cmd, **kwargs: 0)  # do not start JupyterLab
    assert kit.cmd_lab([]) == 0 and asked == [()]
    lock = {p["name"]: p for p in tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))["package"]}
    seen, todo = set(), [d["name"] for d in lock["smmkit"]["dependencies"]]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += [d["name"] for d in lock[name].get("dependencies", [])]
    test_tools = {d["name"] for extra in lock["smmkit"]["optional-dependencies"].values() for d in extra}
    assert test_tools and not seen & test_tools, f"learners would get {sorted(seen & test_tools)}"


def test_test_asks_for_the_hub_extra_and_system_packages_only_when_those_tests_run(monkeypatch):
    kit = _kit()
    monkeypatch.delenv("SMMKIT_HUB_TEST", raising=False)
    monkeypatch.setenv("CI", "false")
    assert not kit.hub_test_enabled()
    assert kit.selects([], "tests/hub") and kit.selects(["-q"], "tests/browser")
    assert kit.selects(["tests/browser/test_lab_chapter1.py", "-x"], "tests/browser")
    assert kit.selects(["tests"], "tests/browser")
    assert not kit.selects(["tests/models", "-q"], "tests/browser")
    asked = []
    monkeypatch.setattr(kit, "setup", lambda extras=(): asked.append(tuple(extras)))
    monkeypatch.setattr(kit, "ensure_apt_packages", lambda args=(): asked.append(("apt", *args)))
    monkeypatch.setattr(kit, "ensure_proxy", lambda: asked.append(("proxy",)))
    monkeypatch.setattr(kit, "ensure_axe", lambda: asked.append(("axe",)))
    monkeypatch.setattr(kit, "run", lambda cmd, **kwargs: 0)
    kit.cmd_test(["tests/models"])
    assert asked == [("test",), ("apt", "tests/models")]
    asked.clear()  # axe-core (npm) only for the browser tests: the site's accessibility test
    kit.cmd_test(["tests/browser/test_site_a11y.py"])
    assert asked == [("test",), ("apt", "tests/browser/test_site_a11y.py"), ("axe",)]


# --------------------------------------------------------------------------- issue 20: work and state
def _api(url, path, method="GET"):
    request = urllib.request.Request(url.format(path), method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


@pytest.mark.timeout(300)
def test_lab_opens_her_own_course_folder_and_culls_idle_kernels(tmp_path):
    """`kit.py lab` copies the course into her folder (SMMKIT_WERK, else ~/smmkit-werk) and serves that
    folder: chapters, exercises, her work; not the repository with solutions/, tests and uv.lock. The
    started server runs Jupyter's own culler of idle kernels with the kit's settings."""
    kit = _kit()
    kit_py, url = _start_lab(tmp_path)
    try:
        names = {item["name"] for item in _api(url, "api/contents")["content"]}
        assert {"chapters", "exercises"} <= names, names
        assert not names & {"solutions", "tests", "kit.py", "uv.lock", "smmkit.egg-info"}, names
        chapters = {item["name"] for item in _api(url, "api/contents/chapters")["content"]}
        assert "00-start.ipynb" in chapters and "01-introductie.ipynb" in chapters
        _api(url, "api/kernels", method="POST")           # the culler starts with the first kernel
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _api(url, "api/kernels"):
            time.sleep(0.5)
    finally:
        _stop(kit_py)
    log = kit_py.stdout.read().decode(errors="replace")
    assert (f"Culling kernels with idle durations > {kit.CULL_IDLE_SECONDS} seconds at "
            f"{kit.CULL_INTERVAL_SECONDS} second intervals") in log, log[-3000:]
    assert "Culling kernels even with connected clients" not in log   # an open notebook keeps its kernel
    assert "je eigen cursusmap" in log


def test_updates_never_overwrite_her_work(tmp_path):
    """nbgitpuller's rules: a new file of the kit is added, a file she never changed follows the kit,
    a file she changed stays hers, a file she deleted comes back."""
    kit = _kit()
    kit.ROOT = tmp_path / "kit"
    for name, text in {"chapters/01.ipynb": "v1", "chapters/02.ipynb": "v1", "exercises/h01/h01.ipynb": "v1",
                       "chapters/.ipynb_checkpoints/x.ipynb": "no", "exercises/README.md": "no"}.items():
        (kit.ROOT / name).parent.mkdir(parents=True, exist_ok=True)
        (kit.ROOT / name).write_text(text)
    work = kit.sync_work_folder(tmp_path / "werk")
    assert (work / "chapters" / "01.ipynb").read_text() == "v1"
    assert not (work / "chapters" / ".ipynb_checkpoints").exists()
    assert not (work / "exercises" / "README.md").exists()             # for the kit's makers, not for her
    (work / "chapters" / "01.ipynb").write_text("mijn werk")           # she works in chapter 1
    (work / "exercises" / "h01" / "h01.ipynb").unlink()                 # and deletes an exercise
    (work / "chapters" / "mijn.json").write_text("{}")                  # her saved widget
    for name in ("chapters/01.ipynb", "chapters/02.ipynb"):             # the kit is updated
        (kit.ROOT / name).write_text("v2")
    (kit.ROOT / "chapters" / "03.ipynb").write_text("v2")
    kit.sync_work_folder(work)
    assert (work / "chapters" / "01.ipynb").read_text() == "mijn werk"
    assert (work / "chapters" / "02.ipynb").read_text() == "v2"
    assert (work / "chapters" / "03.ipynb").read_text() == "v2"
    assert (work / "exercises" / "h01" / "h01.ipynb").read_text() == "v1"
    assert (work / "chapters" / "mijn.json").read_text() == "{}"
    kit.sync_work_folder(work)                                          # and again: nothing changes
    assert (work / "chapters" / "01.ipynb").read_text() == "mijn werk"


def _kit_copy(tmp_path) -> Path:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "kit.py").write_bytes((ROOT / "kit.py").read_bytes())
    shutil.copytree(ROOT / "jupyter-config", folder / "jupyter-config")  # kit.py reads the installed config's values
    return folder


def _python_without_ensurepip(tmp_path):
    """A Python like Debian's without python3-venv: a venv without pip whose `-m ensurepip` fails."""
    python = tmp_path / "py"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(python)], check=True)
    fake = tmp_path / "fake" / "ensurepip"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text("import sys\nprint('ensurepip is disabled in Debian/Ubuntu for the system python.')"
                                      "\nsys.exit(1)\n")
    env = dict(os.environ, PYTHONPATH=str(fake.parent))
    env.pop("VIRTUAL_ENV", None)
    return python / "bin" / "python", env


@pytest.mark.timeout(180)
def test_a_missing_python3_venv_gets_the_dutch_fix_and_no_half_venv(tmp_path):
    folder = _kit_copy(tmp_path)
    python, env = _python_without_ensurepip(tmp_path)
    done = subprocess.run([str(python), str(folder / "kit.py"), "setup"], cwd=folder, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=150)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    assert "sudo apt install python3-venv" in out and minor in out, out
    assert "Traceback" not in out, out
    assert not (folder / ".venv").exists(), "the half-made .venv was left behind"


@pytest.mark.timeout(180)
def test_a_venv_without_pip_must_go_and_kit_py_says_so(tmp_path):
    folder = _kit_copy(tmp_path)
    python, env = _python_without_ensurepip(tmp_path)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / ".venv")], check=True)
    # no answer (no terminal): it stops and says how
    done = subprocess.run([str(python), str(folder / "kit.py"), "setup"], cwd=folder, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=150)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and "geen pip" in out and f"rm -rf {folder / '.venv'}" in out, out
    assert (folder / ".venv").exists()
    # she agrees: it goes, and making it again fails the Debian way: the fix, and no half .venv
    done = subprocess.run([str(python), str(folder / "kit.py"), "setup"], cwd=folder, env=env,
                          input="j\n", capture_output=True, text=True, timeout=150)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and "sudo apt install python3-venv" in out, out
    assert not (folder / ".venv").exists()
