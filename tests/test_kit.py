"""The README's first command, `python3 kit.py lab`, opens the course on its start page in Dutch.

Runs the real command (setup is already done when tests run, so it only starts JupyterLab) with a
stand-in "browser" that records the address JupyterLab asks it to open, then asks the running
server for the interface language. The server is stopped afterwards.
"""
import json
import os
import re
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
    env = dict(os.environ, BROWSER=str(browser), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
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


def _start_lab(tmp_path, *args: str):
    """`python3 kit.py lab --no-browser …` on a free port; returns (process, base url with token) once it answers."""
    port, token = _free_port(), "kit-stop-token"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    kit_py = subprocess.Popen(
        [sys.executable, str(ROOT / "kit.py"), "lab", *args, "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
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
def test_lab_writes_its_missing_lab_config_again(tmp_path, teacher):
    """After a `git pull` (or a removed folder) the Lab config in .venv/etc may be missing: `kit.py lab`
    writes it again before it starts, so the teacher still gets nbgrader's tools and a student does not."""
    import shutil

    kit = _kit()
    folder = kit.DOCENT_CONFIG if teacher else kit.LAPTOP_CONFIG
    kernel_config = kit.VENV / "etc" / "ipython" / "ipython_kernel_config.py"  # loads the safety net
    shutil.rmtree(folder, ignore_errors=True)
    kernel_config.unlink(missing_ok=True)
    kit_py, url = _start_lab(tmp_path, *(["--docent"] if teacher else []))
    try:
        assert (folder / "labconfig" / "page_config.json").exists()
        assert kernel_config.read_text(encoding="utf-8") == kit.KERNEL_CONFIG
        with urllib.request.urlopen(url.format("lab"), timeout=30) as response:
            page = response.read().decode("utf-8")
        config = json.loads(re.search(r'<script[^>]*id="jupyter-config-data"[^>]*>(.*?)</script>',
                                      page, flags=re.S).group(1))
        disabled = set(config["disabledExtensions"])
        if teacher:
            assert not disabled & TEACHER_PLUGINS, f"teacher's Lab without {sorted(disabled & TEACHER_PLUGINS)}"
        else:
            assert TEACHER_PLUGINS | EXCHANGE_PLUGINS <= disabled, disabled
    finally:
        _stop(kit_py)
        kit.configure_lab()  # whatever happened, leave .venv as it was
        kit.configure_kernel()


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
    monkeypatch.setattr(kit, "run", lambda cmd, **kwargs: 0)
    kit.cmd_test(["tests/models"])
    assert asked == [("test",), ("apt", "tests/models")]
