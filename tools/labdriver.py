"""Start a throw-away JupyterLab and drive it with headless Chromium (Playwright, sync API).

Shared by the browser test (``tests/browser/``) and the screenshot script (``tools/screenshots.py``).
It knows nothing about smmkit: it starts a server, opens notebooks, runs cells and finds outputs.

    with LabServer([Path("demo.ipynb")]) as lab, browser_page() as page:
        open_notebook(page, lab, "demo.ipynb")
        run_all_cells(page)
        out = code_cell_output(page, 0)

Design choices:

* the server is ``.venv/bin/jupyter lab`` as a subprocess in its own process group, on 127.0.0.1
  with a random free port and a random token, in a temporary root folder that holds copies of the
  notebooks; its config, runtime, workspace and user-settings folders are temporary too, so nothing
  from a learner's own Lab (open tabs, settings) leaks in, and the news pop-up is switched off;
* the browser is Debian's ``/usr/bin/chromium`` through ``executable_path`` (``playwright install``
  cannot download browsers here), with the launch arguments that are known to work headless as root;
* cells are run through Lab's own Run → Run All Cells entry of the main menu, found by
  its ``data-command`` attribute, so it works in every UI language (the kit's Lab is Dutch).

One server and one browser can serve many tests (``tests/browser/conftest.py`` does: starting them
costs more than most tests): ``lab.add(notebooks)`` copies notebooks into a fresh subfolder of the
server's root, ``new_page(browser)`` gives a page in a fresh browser context (no shared cookies or
storage) and ``lab.shutdown_kernels()`` ends what a test left running.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A cold kernel plus widget manager start can take a while on a 2-core CI machine.
SLOW_MS = 240_000


def chromium_missing_reason() -> str | None:
    """Why the browser parts cannot run here, or None if they can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} ontbreekt (installeer met: apt-get install chromium; kit.py test doet dat als root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is niet geïnstalleerd (pip install -e .[test])"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _jupyter() -> str:
    candidate = VENV_BIN / "jupyter"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("jupyter", path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError("jupyter not found next to the running Python nor in .venv/bin")
    return found


def kernel_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for Jupyter servers and kernels: the venv first on PATH, no forced MPLBACKEND.

    ``kit.py test`` sets MPLBACKEND=Agg for the test process; a kernel that inherits it shows no
    charts, because ipykernel installs its inline backend only when MPLBACKEND is unset.
    """
    env = dict(os.environ if base is None else base)
    env.pop("MPLBACKEND", None)
    env["PATH"] = str(VENV_BIN) + os.pathsep + env.get("PATH", "")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


class LabServer:
    """A JupyterLab subprocess with its own temporary root, stopped (whole process group) on exit."""

    def __init__(self, notebooks: list[Path], *, startup_timeout: float = 120.0, news_setting: bool = True):
        """``news_setting=False``: no user setting against the news pop-up, so the environment's own
        overrides must keep it away (as in a learner's Lab)."""
        self.notebooks = [Path(p) for p in notebooks]
        self.news_setting = news_setting
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.root: Path | None = None
        self.log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def _write_settings(self, settings: Path) -> None:
        # The "receive Jupyter news?" toast would cover part of the page in screenshots.
        if self.news_setting:
            plugin = settings / "@jupyterlab" / "apputils-extension"
            plugin.mkdir(parents=True, exist_ok=True)
            (plugin / "notification.jupyterlab-settings").write_text(
                json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
            )
        # Lab 4 skips layout of cells outside the viewport ("windowing"); reading text and taking
        # screenshots of every cell needs them all laid out.
        plugin = settings / "@jupyterlab" / "notebook-extension"
        plugin.mkdir(parents=True, exist_ok=True)
        (plugin / "tracker.jupyterlab-settings").write_text(
            json.dumps({"windowingMode": "none"}), encoding="utf-8"
        )

    def add(self, notebooks: list[Path], folder: str | None = None) -> list[str]:
        """Copy ``notebooks`` into a new subfolder of the root (a fresh copy per test); their names for
        ``open_notebook``. The kernel of a notebook runs in its folder, so files a test saves stay there."""
        folder = folder or f"t{secrets.token_hex(4)}"
        target = self.root / folder
        target.mkdir(parents=True)
        for nb in notebooks:
            shutil.copy2(nb, target / Path(nb).name)
        return [f"{folder}/{Path(nb).name}" for nb in notebooks]

    def api(self, path: str, method: str = "GET"):
        """A call to the server's REST API (``api/kernels`` …); the decoded JSON answer or None."""
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every session and kernel (what a test left running), so the next test starts clean."""
        for session in self.api("api/sessions"):
            with contextlib.suppress(urllib.error.HTTPError):
                self.api(f"api/sessions/{session['id']}", method="DELETE")
        for kernel in self.api("api/kernels"):
            with contextlib.suppress(urllib.error.HTTPError):
                self.api(f"api/kernels/{kernel['id']}", method="DELETE")

    def start(self, wait: bool = True) -> "LabServer":
        """Start the server; with ``wait=False`` return at once (start several side by side), then
        call ``wait_ready()`` before use."""
        self._tmp = tempfile.TemporaryDirectory(prefix="smmkit-lab-")
        tmp = Path(self._tmp.name)
        self.root = tmp / "root"
        self.root.mkdir()
        for nb in self.notebooks:
            shutil.copy2(nb, self.root / nb.name)
        for sub in ("config", "runtime", "workspaces", "settings"):
            (tmp / sub).mkdir()
        self._write_settings(tmp / "settings")
        env = kernel_env()
        env.update(
            JUPYTER_CONFIG_DIR=str(tmp / "config"),
            JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
        )
        cmd = [
            _jupyter(), "lab",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={self.root}",
            f"--LabApp.user_settings_dir={tmp / 'settings'}",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self.log_path = tmp / "lab.log"
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped during start-up:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=5) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout:.0f} s:\n{self.log()}")

    def log(self, tail: int = 4000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-tail:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            # Ask the server to shut down itself and its kernels (jupyter_client starts kernels in
            # their own session, so they are not in our process group) ...
            with contextlib.suppress(OSError):
                request = urllib.request.Request(self.url("api/shutdown"), method="POST")
                urllib.request.urlopen(request, timeout=10).close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=20)
        if self.proc is not None and self.proc.poll() is None:
            # ... and if it does not, end the process group we created with start_new_session.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        # kernels may outlive the server briefly; make sure nothing of the group is left
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# One Playwright per process: its sync API refuses to start a second one inside the first one's event loop
# ("using Playwright Sync API inside the asyncio loop"), which a test outside tests/browser met when the
# browser tests' session-wide Chromium was still open in the same pytest run.
_PLAYWRIGHT: dict = {"manager": None, "pw": None}


@contextlib.contextmanager
def config_path(config: Path | str) -> Iterator[None]:
    """``JUPYTER_CONFIG_PATH`` set to ``config`` while a Lab starts (it is read once, at start), then as before.

    ``with config_path(kit.DOCENT_CONFIG): lab = LabServer([]).start(wait=False)`` starts the teacher's Lab.
    """
    saved = os.environ.get("JUPYTER_CONFIG_PATH")
    os.environ["JUPYTER_CONFIG_PATH"] = str(config)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("JUPYTER_CONFIG_PATH", None)
        else:
            os.environ["JUPYTER_CONFIG_PATH"] = saved


@contextlib.contextmanager
def browser() -> Iterator["object"]:
    """A headless Chromium (Playwright); closed afterwards, with Playwright when this call started it.
    Pages: ``new_page``."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=SLOW_MS)
    owner = _PLAYWRIGHT["pw"] is None
    if owner:
        _PLAYWRIGHT["manager"] = sync_playwright()
        _PLAYWRIGHT["pw"] = _PLAYWRIGHT["manager"].__enter__()
    try:
        chromium = _PLAYWRIGHT["pw"].chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        if owner:
            manager, _PLAYWRIGHT["manager"], _PLAYWRIGHT["pw"] = _PLAYWRIGHT["manager"], None, None
            manager.__exit__(None, None, None)


@contextlib.contextmanager
def new_page(chromium, viewport: tuple[int, int] = (1400, 1000)) -> Iterator["object"]:
    """A page in a fresh browser context of ``chromium`` (nothing shared with earlier pages); closed afterwards."""
    context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.set_default_timeout(SLOW_MS)
        yield page
    finally:
        context.close()


@contextlib.contextmanager
def browser_page(viewport: tuple[int, int] = (1400, 1000)) -> Iterator["object"]:
    """A fresh headless Chromium page; closes browser and Playwright afterwards."""
    with browser() as chromium, new_page(chromium, viewport) as page:
        yield page


def open_notebook(page, lab: LabServer, name: str) -> None:
    """Open ``name`` (relative to the server root) and wait until its kernel is idle."""
    # ?reset: start from an empty workspace, so no tab of an earlier notebook is restored next to
    # this one (Run All would run whichever notebook Lab restored as the current tab)
    page.goto(lab.url(f"lab/tree/{name}?reset"))
    page.wait_for_url(lambda url: "reset" not in url, timeout=SLOW_MS)  # Lab drops it once reset
    page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(state="visible")
    try:
        page.wait_for_function("() => document.querySelectorAll('.jp-NotebookPanel').length === 1",
                               timeout=30_000)
    except Exception as exc:
        panels = page.locator(".jp-NotebookPanel").count()
        raise RuntimeError(f"expected only {name} open in JupyterLab, found {panels} notebook tabs") from exc
    # the toolbar says "idle" also before the kernel exists; a Run All in that moment runs nothing
    # (seen with a warm server), so first wait until the server has started this notebook's kernel
    deadline = time.monotonic() + SLOW_MS / 1000
    while not any(s.get("path") == name and (s.get("kernel") or {}).get("execution_state") == "idle"
                  for s in lab.api("api/sessions")):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel of {name} did not start within {SLOW_MS / 1000:.0f} s:\n{lab.log()}")
        time.sleep(0.2)
    wait_kernel_idle(page)


def wait_kernel_idle(page, timeout_ms: int = SLOW_MS) -> None:
    """Wait until the notebook toolbar's kernel indicator says the kernel is idle."""
    page.wait_for_function(
        """() => {
            const el = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
            return el && el.getAttribute('data-status') === 'idle';
        }""",
        timeout=timeout_ms,
    )


def run_command_from_menu(page, *commands: str) -> None:
    """Click the main-menu entry that runs one of Lab's ``commands`` (language independent)."""
    wanted = ", ".join(f'.lm-Menu-item[data-command="{c}"]:not(.lm-mod-disabled)' for c in commands)
    for item in page.locator(".lm-MenuBar-item").all():
        item.click()
        menu = page.locator(".lm-Menu.lm-MenuBar-menu")
        menu.first.wait_for(state="visible", timeout=10_000)
        entry = menu.locator(wanted)
        if entry.count():
            entry.first.click()
            return
        page.keyboard.press("Escape")
        menu.first.wait_for(state="hidden", timeout=10_000)
    raise RuntimeError(f"no main-menu entry runs any of {commands!r}")


def run_all_cells(page, timeout_ms: int = SLOW_MS) -> None:
    """Run → Run All Cells, then wait until every code cell has an execution count and the kernel is idle."""
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    # the Run menu's entry is "runmenu:run-all" in Lab 4; older builds used the notebook command
    run_command_from_menu(page, "runmenu:run-all", "notebook:run-all-cells")
    try:
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll(
                    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""",
            timeout=timeout_ms,
        )
    except Exception as exc:
        prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        status = page.locator(".jp-Notebook-ExecutionIndicator").evaluate_all(
            "els => els.map(e => e.getAttribute('data-status'))")
        raise RuntimeError(f"not every cell ran within {timeout_ms / 1000:.0f} s; prompts {prompts}, "
                           f"kernel status {status}") from exc
    wait_kernel_idle(page, timeout_ms)


def code_cell_output(page, index: int):
    """Locator of the output area of the ``index``-th code cell (0-based) of the visible notebook."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(index).locator(
        ".jp-OutputArea"
    )


def widget_text(locator) -> str:
    """The text a widget shows, without the text of its controls' own readouts and option lists.

    What remains (HTML, labels, outputs) is written by the Python side, so a change in it after a
    control change proves that the kernel reacted.
    """
    return locator.evaluate(
        """(root) => {
            const clone = root.cloneNode(true);
            clone.querySelectorAll('select, option, input, textarea, .widget-readout, '
                + '.noUi-target, button').forEach(e => e.remove());
            return clone.innerText.replace(/\\s+/g, ' ').trim();
        }"""
    )


def fingerprint(locator) -> str:
    """What the Python side last sent to this widget: its text (see ``widget_text``) and its images."""
    images = locator.evaluate(
        """(root) => [...root.querySelectorAll('img')].map(i => i.src.length + ':' + i.src.slice(-64)).join('|')"""
    )
    return widget_text(locator) + " #img " + images


def change_a_control(locator) -> str:
    """Change the first control of a widget the way a learner would; return what was changed.

    Tries, in order: a dropdown (pick another option), a slider (arrow key on its handle), a toggle
    button that is not pressed, a checkbox. Raises if the widget has none of these.
    """
    selects = locator.locator("select:not([disabled])")
    if selects.count():
        select = selects.first
        n_options = select.locator("option").count()
        current = select.evaluate("s => s.selectedIndex")
        target = (current + 1) % n_options if n_options > 1 else 0
        select.select_option(index=target)
        return f"dropdown → option {target}"
    handles = locator.locator(".noUi-handle")
    if handles.count():
        handle = handles.first
        at_max = handle.evaluate(
            "h => h.getAttribute('aria-valuenow') === h.getAttribute('aria-valuemax')"
        )
        handle.focus()
        key = "ArrowLeft" if at_max else "ArrowRight"
        handle.press(key)
        return f"slider ← {key}"
    toggles = locator.locator("button.widget-toggle-button:not(.mod-active)")
    if toggles.count():
        toggles.first.click()
        return "toggle button"
    boxes = locator.locator("input[type=checkbox]")
    if boxes.count():
        boxes.first.click()
        return "checkbox"
    raise RuntimeError("this widget has no dropdown, slider, toggle button or checkbox to change")


def wait_for_change(page, locator, before: str, timeout_ms: int = 30_000) -> str:
    """Wait until ``fingerprint(locator)`` differs from ``before``; return the new fingerprint."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        now = fingerprint(locator)
        if now != before:
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"the widget did not change within {timeout_ms} ms; it still shows: {before[:300]}")
