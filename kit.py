#!/usr/bin/env python3
"""smmkit's one entry script: everything a learner, teacher or CI needs, with only Python 3.11+.

    python3 kit.py lab     open the course in JupyterLab (installs on first use; --docent: with nbgrader's teacher tools)
    python3 kit.py test    run the whole test suite (installs what tests need on first use)

Other commands: ``setup`` (install only), ``html`` (build the static course site),
``student-copy MAP`` (the kit without solutions/, tests and other teacher files, for the hub's shared
copy or a student's laptop),
``bench`` (run the benchmarks), ``configure`` (the conda route: give the Jupyter of the running
Python, e.g. ``conda activate smmkit`` first, the course's settings that ``lab`` gives ``.venv``). Grading is done with stock nbgrader commands (docs/docent.md).
The environment lives in ``.venv/`` beside this file. It is installed from the lock file
``uv.lock`` (the same versions on every machine of a course): pip puts uv into ``.venv``, and
``uv sync --locked`` installs exactly the locked versions. ``lab`` installs only what learners
need; ``test`` adds the extra ``test`` (and ``hub`` when the JupyterHub test will run).
Reinstalled only when ``pyproject.toml`` or ``uv.lock`` change or more extras are wanted.
"""
from __future__ import annotations

import glob
import hashlib
import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".smmkit-installed"
UV = "uv==0.13.8"  # the uv that reads uv.lock; `uv lock` after changing pyproject.toml's dependencies
# Debian packages the browser test needs (installed by `test` when we are root on apt).
APT_PACKAGES = ["chromium", "fonts-dejavu-core"]  # a font, or pages render without text
CHROMIUM = "/usr/bin/chromium"
# The JupyterHub test (tests/hub) needs JupyterHub's proxy from npm, kept inside .venv/node.
NODE_PREFIX = VENV / "node"
PROXY_PACKAGE = "configurable-http-proxy@5.3.0"  # needs node >= 20
PROXY_PACKAGE_OLD_NODE = "configurable-http-proxy@4.6.3"  # for older node (Debian 12 ships 18)
# The accessibility test of the static site (tests/browser/test_site_a11y.py) injects npm's axe-core.
AXE_PACKAGE = "axe-core@4.11.0"
AXE_SCRIPT = NODE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
# What uv.lock leaves out on purpose ([tool.uv] override-dependencies in pyproject.toml) and what only
# they needed: rfc3987-syntax costs every process that imports jsonschema ±1.3 s. `uv sync --inexact`
# keeps them in a .venv installed before, so setup removes them (tests/test_environment.py checks).
DROPPED_PACKAGES = ("rfc3987-syntax", "lark")


def say(text: str) -> None:
    print(f"[smmkit] {text}", flush=True)


def run(cmd: list[str], **kwargs) -> int:
    return subprocess.call([str(c) for c in cmd], **kwargs)


# what stops kit.py also stops the program it started (JupyterLab), instead of leaving it running
FORWARDED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


def _ctrl_c_reaches_child() -> bool:
    """True when kit.py runs in the foreground of a terminal: Ctrl+C is sent to the child as well."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (AttributeError, OSError, ValueError):
        return False


def run_forwarding_signals(cmd: list[str], **kwargs) -> int:
    """Run ``cmd`` and wait for it; SIGTERM, SIGHUP and SIGINT sent to kit.py are passed on to it.

    Without this, ``kill <kit.py>`` (a service manager, an editor's stop button, a closed remote
    session) ends kit.py and leaves JupyterLab running as an orphan that keeps the port and its
    kernels. A Ctrl+C typed in kit.py's terminal already reaches the child (same process group), so
    that one is not sent twice: JupyterLab still asks to confirm, as the README says.
    """
    child = subprocess.Popen([str(c) for c in cmd], **kwargs)

    def forward(signum, _frame):
        if signum == getattr(signal, "SIGINT", None) and _ctrl_c_reaches_child():
            return
        try:
            child.send_signal(signum)
        except (ProcessLookupError, OSError):
            pass

    previous = {number: signal.signal(number, forward) for number in FORWARDED_SIGNALS}
    try:
        code = child.wait()  # a signal runs `forward` and the wait goes on (PEP 475)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 128 - code if code < 0 else code  # stopped by signal N: exit status 128 + N, as a shell reports


def env_with_venv() -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader calls `alembic` and `jupyter` by name: the venv's bin must come first on PATH.
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def install_stamp() -> str:
    text = (ROOT / "pyproject.toml").read_bytes() + (ROOT / "uv.lock").read_bytes()
    return hashlib.sha256(text + sys.version.encode() + UV.encode()).hexdigest()


def hub_test_enabled() -> bool:
    """The JupyterHub test creates Linux users: only as root, and only in CI or when asked for."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return root and (os.environ.get("CI") == "true" or os.environ.get("SMMKIT_HUB_TEST") == "1")


def _installed() -> tuple[str, set[str]]:
    try:
        stamp, _, extras = STAMP.read_text().partition("\n")
    except OSError:
        return "", set()
    return stamp, set(extras.split())


def setup(extras: tuple[str, ...] = ()) -> None:
    """Create .venv and install the locked versions of the kit (plus ``extras``), once per lock file."""
    if sys.version_info < (3, 11):
        sys.exit("smmkit heeft Python 3.11 of nieuwer nodig. Je hebt " + sys.version.split()[0] + ".")
    if not PY.exists():
        say("eerste keer: virtuele omgeving maken in .venv/ …")
        create_venv()
    elif not STAMP.exists() and not _has_pip():
        broken_venv()
    configure_kernel()
    stamp, have = _installed()
    if stamp == install_stamp() and set(extras) <= have:
        configure_lab()
        return
    wanted = sorted(set(extras) | (have if stamp == install_stamp() else set()))
    say("pakketten installeren (eenmalig, een paar minuten) …")
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV), UV_PYTHON=str(PY))
    sync = [BIN / "uv", "sync", "--locked", "--inexact", "--quiet", *(f"--extra={e}" for e in wanted)]
    steps = [
        [PY, "-m", "pip", "install", "--quiet", UV],
        sync,
        [BIN / "uv", "pip", "uninstall", "--quiet", f"--python={PY}", *DROPPED_PACKAGES],
    ]
    for step in steps:
        if run(step, cwd=ROOT, env=env) != 0:
            sys.exit("[smmkit] installeren mislukt; zie de melding hierboven.")
    configure_lab()
    STAMP.write_text(install_stamp() + "\n" + " ".join(wanted))


def _venv_package() -> str:
    """The Debian/Ubuntu package that holds ensurepip for this Python (python3.11-venv, …)."""
    return f"python{sys.version_info.major}.{sys.version_info.minor}-venv"


def _venv_fix() -> str:
    return (f"Op Debian of Ubuntu: typ  sudo apt install python3-venv  (of  sudo apt install {_venv_package()}) "
            "en daarna opnieuw  python3 kit.py lab .")


def create_venv() -> None:
    """Make .venv with pip. Debian and Ubuntu keep ensurepip (what makes pip in a venv) in a separate
    package, python3-venv: without it Python prints an English message and leaves a .venv without pip,
    and every later start failed on "No module named pip". So pip is added in a second step whose
    failure is recognised: the half-made .venv is removed and the exact Dutch fix is printed."""
    venv.EnvBuilder(with_pip=False).create(VENV)
    # not isolated (-I): a PYTHONPATH of the user reaches it as it reaches Python's own venv step
    done = subprocess.run([str(PY), "-m", "ensurepip", "--upgrade", "--default-pip"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode == 0:
        return
    shutil.rmtree(VENV, ignore_errors=True)
    reason = (done.stdout or "").strip().splitlines()
    sys.exit("[smmkit] de virtuele omgeving (.venv/) kon niet worden gemaakt: deze Python kan geen pip "
             "installeren (ensurepip ontbreekt of werkt niet). De halve .venv/ is weer weggehaald.\n"
             f"[smmkit] {_venv_fix()}\n"
             f"[smmkit] (melding van Python: {reason[-1] if reason else '-'})")


def _has_pip() -> bool:
    return subprocess.run([str(PY), "-c", "import pip"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def broken_venv() -> None:
    """A .venv without pip (made before python3-venv was installed): it must go. Asked first; without
    an answer (no terminal) kit.py stops and says how."""
    say(f".venv/ in {ROOT} is half gemaakt: er zit geen pip in (meestal omdat python3-venv ontbrak toen hij "
        "werd gemaakt). Hij moet weg; daarna maakt kit.py hem opnieuw.")
    try:
        answer = input("[smmkit] Mag kit.py .venv/ nu weghalen en opnieuw maken? Typ j en Enter (anders n): ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("j", "ja", "y", "yes"):
        sys.exit(f"[smmkit] .venv/ is niet weggehaald. Doe het zelf met  rm -rf {VENV}  en typ dan opnieuw "
                 "python3 kit.py lab . Ontbreekt python3-venv nog? " + _venv_fix())
    shutil.rmtree(VENV)
    say("eerste keer: virtuele omgeving maken in .venv/ …")
    create_venv()


AUTOSAVE_SECONDS = 5
# JupyterLab settings every learner gets (Settings → Advanced Settings Editor can still change them)
LAB_OVERRIDES = {
    "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"},
    # no "Would you like to receive official Jupyter news?" pop-up (English, and not for students)
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # widget state saved in the notebook: a reopened notebook shows its widgets, not "model not found"
    "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True},
    # the kit's lab extension tells the kernel each cell's source before a run (smmkit.safetynet);
    # without it the kernel reads the saved notebook, so save soon (Lab's default: every 120 s)
    "@jupyterlab/docmanager-extension:plugin": {"autosaveInterval": AUTOSAVE_SECONDS},
}
# nbgrader's teacher parts; students keep the assignment list (fetch and submit on JupyterHub).
# Validate is hidden too: its button and dialogs are English-only, and the notebook's own
# "controleer je antwoord" cells do the same in Dutch.
NBGRADER_TEACHER_PLUGINS = [
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:validate-assignment",
]
# `kit.py lab --docent` puts this folder on JUPYTER_CONFIG_PATH: its page_config switches them back on
DOCENT_CONFIG = VENV / "etc" / "smmkit-docent"  # (for another prefix: docent_config(prefix))
# a student's `kit.py lab` on a laptop has no exchange: nbgrader's assignment list and its menu are
# of no use there and are hidden too; on JupyterHub (no kit.py) students keep them, in Dutch through
# LAB_EXTENSION below
NBGRADER_EXCHANGE_PLUGINS = ["@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:menu"]
LAPTOP_CONFIG = VENV / "etc" / "smmkit-laptop"


def docent_config(prefix: Path = VENV) -> Path:
    return Path(prefix) / "etc" / "smmkit-docent"

# what the nl_NL language pack misses of JupyterLab's own texts: one JSON file per Lab domain
LAB_CATALOGUES = ROOT / "smmkit" / "messages" / "nl" / "jupyterlab"
# nbgrader's lab extension has no translator: this small prebuilt extension gives its student panel
# the texts of the domain "nbgrader" (LAB_CATALOGUES / "nbgrader.json"); see its remoteEntry.js
LAB_EXTENSION = ROOT / "smmkit" / "labextension"
LAB_EXTENSION_NAME = "@smmkit/nbgrader-nl"


def _language_pack_dir(prefix: Path = VENV) -> Path | None:
    """The nl_NL language pack's LC_MESSAGES folder in ``prefix`` (None before it is installed)."""
    pattern = "site-packages/jupyterlab_language_pack_nl_NL/locale/nl_NL/LC_MESSAGES"
    prefix = Path(prefix)
    found = sorted(prefix.glob(f"lib/python3*/{pattern}")) + sorted(prefix.glob(f"Lib/{pattern}"))
    return found[0] if found else None


def lab_catalogue(domain: str = "jupyterlab", prefix: Path = VENV) -> dict:
    """JupyterLab's Dutch texts as the Lab in ``prefix`` serves them (language pack + the kit's additions)."""
    folder = _language_pack_dir(prefix)
    path = folder / f"{domain}.json" if folder else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}


def _read_mo(path: Path) -> dict[bytes, bytes]:
    """The messages of a GNU gettext .mo file (little-endian, as msgfmt writes it)."""
    data = path.read_bytes()
    magic, _rev, count, ids_at, strs_at = struct.unpack("<5I", data[:20])
    if magic != 0x950412DE:
        raise ValueError(f"{path} is not a little-endian .mo file")
    entries = {}
    for i in range(count):
        klen, kpos = struct.unpack("<2I", data[ids_at + 8 * i: ids_at + 8 * i + 8])
        vlen, vpos = struct.unpack("<2I", data[strs_at + 8 * i: strs_at + 8 * i + 8])
        entries[data[kpos:kpos + klen]] = data[vpos:vpos + vlen]
    return entries


def _mo_bytes(entries: dict[bytes, bytes]) -> bytes:
    """A .mo file with these messages, sorted by id as gettext expects (no hash table)."""
    keys = sorted(entries)
    ids, strs, index = b"", b"", []
    for key in keys:
        index.append((len(ids), len(key), len(strs), len(entries[key])))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    ids_start = 28 + 16 * len(keys)
    strs_start = ids_start + len(ids)
    table_ids = b"".join(struct.pack("<2I", klen, ids_start + kpos) for kpos, klen, _, _ in index)
    table_strs = b"".join(struct.pack("<2I", vlen, strs_start + vpos) for _, _, vpos, vlen in index)
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    return header + table_ids + table_strs + ids + strs


def _merge_lab_catalogues(prefix: Path = VENV) -> None:
    """Add the kit's Dutch texts to the language pack, in the JSON the browser reads and in the .mo
    the server uses for settings and menus from schemas. The pack's own files are kept once as
    ``*.orig`` and every run starts from them, so running this twice changes nothing."""
    folder = _language_pack_dir(prefix)
    if folder is None:
        return
    for ours_file in sorted(LAB_CATALOGUES.glob("*.json")):
        ours = json.loads(ours_file.read_text(encoding="utf-8"))
        for target in (folder / f"{ours_file.stem}.json", folder / f"{ours_file.stem}.mo"):
            original = target.with_name(target.name + ".orig")
            if target.suffix == ".json" and not target.exists() and not original.exists():
                original.write_text("{}\n", encoding="utf-8")  # a domain the pack lacks (nbgrader): ours alone
            if target.exists() and not original.exists():
                shutil.copy2(target, original)
            if not original.exists():
                continue
            if target.suffix == ".json":
                merged = json.loads(original.read_text(encoding="utf-8"))
                merged.update({k: [v] if isinstance(v, str) else v for k, v in ours.items() if k})
                merged.setdefault("", ours.get("", {}))
                new = (json.dumps(merged, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
            else:  # plural forms need the English plural as id; the server only translates plain texts
                entries = _read_mo(original)
                entries.update({k.encode(): v.encode() for k, v in ours.items() if k and isinstance(v, str)})
                new = _mo_bytes(entries)
            if not target.exists() or target.read_bytes() != new:
                target.write_bytes(new)


def configure_lab(prefix: Path = VENV, laptop: bool = False) -> None:
    """Make the JupyterLab in ``prefix`` (.venv) Dutch where a student looks, with nbgrader's student parts only.

    * settings overrides: Dutch, no news pop-up;
    * ``etc/jupyter/labconfig/page_config.json``: nbgrader's teacher plugins disabled (what
      ``jupyter labextension disable --level=sys_prefix`` writes); ``DOCENT_CONFIG`` enables them;
      ``LAPTOP_CONFIG`` (a student's ``kit.py lab``) also hides the assignment list and nbgrader's menu;
    * the language pack (crowd-translated for an older Lab) misses many texts of this Lab, such as
      the Run menu and the restart dialog: ``smmkit/messages/nl/jupyterlab/`` has them
      (``_merge_lab_catalogues``), and the domain ``nbgrader`` for nbgrader's student panel, which
      the kit's lab extension ``smmkit/labextension`` applies (``_install_lab_extension``);
    * the kit's server extensions (``_enable_server_extension``): ``smmkit.widgetstate`` (a reopened
      notebook, autosaved before its widgets run again, keeps their saved state) and
      ``smmkit.nbgrader_fetch`` (a failed Fetch in nbgrader's Assignment List says why).
    Runs on every kit.py command (a few small files), so an existing .venv gets changes too.
    ``laptop``: the environment is a laptop's only (conda: no ``kit.py lab`` sets JUPYTER_CONFIG_PATH),
    so its own page_config also holds what ``LAPTOP_CONFIG`` hides, and the docent folder shows all.
    """
    prefix = Path(prefix)
    settings = prefix / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2) + "\n", encoding="utf-8")
    student = NBGRADER_TEACHER_PLUGINS + (NBGRADER_EXCHANGE_PLUGINS if laptop else [])
    folders = [(prefix / "etc" / "jupyter", student, True), (docent_config(prefix), student, False)]
    if not laptop:
        folders.append((prefix / "etc" / "smmkit-laptop", NBGRADER_EXCHANGE_PLUGINS, True))
    for folder, plugins, disabled in folders:
        labconfig = folder / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        (labconfig / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {name: disabled for name in plugins}}, indent=2) + "\n", encoding="utf-8")
    _merge_lab_catalogues(prefix)
    _install_lab_extension(prefix)
    _enable_server_extension(prefix)
    _enable_server_extension(prefix, TEACHER_SERVER_EXTENSIONS, docent_config(prefix), "smmkit-docent.json")
    _write_cull_config(prefix)


def _install_lab_extension(prefix: Path = VENV) -> None:
    """Copy the kit's prebuilt lab extension into ``prefix``'s labextensions (what pip does for others)."""
    target = Path(prefix) / "share" / "jupyter" / "labextensions" / LAB_EXTENSION_NAME
    for source in sorted(p for p in LAB_EXTENSION.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        copy = target / source.relative_to(LAB_EXTENSION)
        if not copy.exists() or copy.read_bytes() != source.read_bytes():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)


# the kit's Jupyter server extensions: a notebook saved before its widgets run again keeps their
# saved state (smmkit/widgetstate.py); a failed Fetch in nbgrader's Assignment List reaches the
# learner (smmkit/nbgrader_fetch.py, does nothing without nbgrader)
SERVER_EXTENSIONS = ("smmkit.widgetstate", "smmkit.nbgrader_fetch")
# the teacher's server only (the docent folder): a Content-Security-Policy, so no script of a student's
# notebook runs in the formgrader or Lab as the teacher (smmkit/grading/csp.py)
TEACHER_SERVER_EXTENSIONS = ("smmkit.grading.csp",)


def _enable_server_extension(prefix: Path = VENV, names=SERVER_EXTENSIONS, config: Path | None = None,
                             file_name: str = "smmkit.json") -> None:
    """What ``jupyter server extension enable --sys-prefix`` writes, without starting a Python for it
    (``config``: another config folder than the environment's, such as the docent folder)."""
    folder = Path(config or Path(prefix) / "etc" / "jupyter") / "jupyter_server_config.d"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name
    text = json.dumps({"ServerApp": {"jpserver_extensions": {name: True for name in names}}}, indent=2) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


# Jupyter's own culling of idle kernels: every notebook opened in an afternoon kept its kernel (6
# kernels, ±875 MB). A kernel idle for CULL_IDLE_SECONDS whose notebook is closed (no connection) is
# shut down; an open notebook keeps its kernel (cull_connected False). A culled notebook's widgets
# say in Dutch to run their cell again, and bring back her work when she does (smmkit/widgets/_memory.py).
CULL_IDLE_SECONDS = 1800
CULL_INTERVAL_SECONDS = 300
CULL_CONFIG = {"MappingKernelManager": {"cull_idle_timeout": CULL_IDLE_SECONDS,
                                        "cull_interval": CULL_INTERVAL_SECONDS, "cull_connected": False}}


def _write_cull_config(prefix: Path = VENV) -> None:
    """Into ``etc/jupyter/jupyter_server_config.json`` of ``prefix`` (Jupyter Server reads its
    ``jupyter_server_config.d`` folder only for enabling extensions); other settings there are kept."""
    target = Path(prefix) / "etc" / "jupyter" / "jupyter_server_config.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        config = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = {}
    if not isinstance(config, dict):
        config = {}
    for section, values in CULL_CONFIG.items():
        config[section] = {**(config.get(section) if isinstance(config.get(section), dict) else {}), **values}
    text = json.dumps(config, indent=2) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


KERNEL_CONFIG = """\
# Written by kit.py setup: every kernel of the course environment loads smmkit's Dutch safety net
# (smmkit/safetynet.py), also before a notebook imports the kit and for cells with a SyntaxError.
c.InteractiveShellApp.extensions.append("smmkit.safetynet")
"""


def configure_kernel(folder: Path | None = None) -> Path:
    """Write the IPython kernel config that loads the safety net (IPython reads <sys.prefix>/etc/ipython)."""
    folder = VENV / "etc" / "ipython" if folder is None else Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ipython_kernel_config.py"
    if not target.exists() or target.read_text(encoding="utf-8") != KERNEL_CONFIG:
        target.write_text(KERNEL_CONFIG, encoding="utf-8")
    return target


def selects(args: list[str], folder: str) -> bool:
    """True when pytest with these arguments may run tests under ``folder`` (no paths given: all)."""
    paths = [a for a in args if not a.startswith("-") and (ROOT / a.split("::")[0]).exists()]
    if not paths:
        return True
    target = (ROOT / folder).resolve()
    for a in paths:
        path = (ROOT / a.split("::")[0]).resolve()
        if path == target or target in path.parents or path in target.parents:
            return True
    return False


def ensure_apt_packages(args: list[str] = ()) -> None:
    """Install through apt (root on Debian/Ubuntu) what the selected tests need and is missing:
    chromium for tests/browser, PostgreSQL for tests/grading, node and npm for the hub's proxy and axe-core."""
    wanted = []
    if selects(list(args), "tests/browser") and not Path(CHROMIUM).exists():
        wanted += APT_PACKAGES
    needs_npm = (selects(list(args), "tests/hub") and hub_test_enabled()) or selects(list(args), "tests/browser")
    if needs_npm and not shutil.which("npm"):  # the hub's proxy; axe-core for the site's accessibility test
        wanted += ["nodejs", "npm"]
    # the PostgreSQL gradebook test starts a server
    if selects(list(args), "tests/grading") and not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        wanted.append("postgresql")
    wanted += [] if Path("/usr/bin/bwrap").exists() else ["bubblewrap"]  # the grading sandbox
    if not wanted:
        return
    if shutil.which("apt-get") is None:
        say(f"geen apt-get: zonder {', '.join(wanted)} worden de browser- of JupyterHub-test overgeslagen.")
        return
    prefix = [] if hasattr(os, "geteuid") and os.geteuid() == 0 else ["sudo", "-n"]
    say(f"{', '.join(wanted)} installeren via apt (eenmalig, voor de browser- en JupyterHub-test) …")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run(prefix + ["apt-get", "update", "-qq"], env=env) != 0 or run(
        prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *wanted], env=env
    ) != 0:
        say(f"{', '.join(wanted)} kon niet worden geïnstalleerd; de test die het nodig heeft wordt overgeslagen.")


def ensure_proxy() -> None:
    """Install configurable-http-proxy into .venv/node with npm when it is missing and npm is there."""
    if (NODE_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        return
    if shutil.which("npm") is None or shutil.which("node") is None:
        say("geen node/npm: de JupyterHub-test wordt overgeslagen.")
        return
    major = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")
    major = major.split(".")[0]  # "v20.1.0" -> "20"
    package = PROXY_PACKAGE if major.isdigit() and int(major) >= 20 else PROXY_PACKAGE_OLD_NODE
    say(f"{package} installeren met npm (eenmalig, voor de JupyterHub-test) …")
    if run(["npm", "install", "--prefix", NODE_PREFIX, "--no-audit", "--no-fund", "--silent", package]) != 0:
        say("configurable-http-proxy kon niet worden geïnstalleerd; de JupyterHub-test wordt overgeslagen.")


# A student's own course folder: her copies of chapters/ and exercises/, her saved widget files and
# exports. The kit's tracked files are never her work, so `git pull` or a new zip of the kit never
# meets her changes. SMMKIT_WERK chooses another folder.
WORK_FOLDERS = ("chapters", "exercises")
WORK_MANIFEST = ".smmkit-kopie.json"   # per copied file: the hash of the kit's version we copied
# for the kit's makers, not for her: exercises/README.md says "never edit by hand" about the
# notebooks she works in
WORK_SKIPPED = ("README.md",)


def work_folder() -> Path:
    return Path(os.environ.get("SMMKIT_WERK") or Path.home() / "smmkit-werk").expanduser().resolve()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _course_files() -> list[str]:
    found = []
    for folder in WORK_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            parts = path.relative_to(ROOT).parts
            if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts) \
                    and path.name not in WORK_SKIPPED:
                found.append("/".join(parts))
    return found


def sync_work_folder(work: Path | None = None) -> Path:
    """Copy the course into the student's folder, with nbgitpuller's merge rules: a new file of the kit
    is added; a file she never changed follows the kit; a file she changed (or made) is never
    overwritten; a file she deleted comes back. What was copied is remembered in ``WORK_MANIFEST``."""
    work = work_folder() if work is None else Path(work)
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = work / WORK_MANIFEST
    try:
        copied = json.loads(manifest_path.read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        copied = {}
    added, updated, kept = [], [], []
    for name in _course_files():
        source, target = ROOT / name, work / name
        new = _sha256(source)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            (added if name not in copied else updated).append(name)
        else:
            mine = _sha256(target)
            if mine == new:
                pass
            elif copied.get(name) == mine:            # untouched by her: follows the kit
                shutil.copyfile(source, target)
                updated.append(name)
            else:                                     # her work: never overwritten
                kept.append(name)
                continue
        copied[name] = new
    manifest_path.write_text(json.dumps({"kit": str(ROOT), "files": copied}, indent=1) + "\n", encoding="utf-8")
    if added and len(added) == len(_course_files()):
        say(f"je eigen cursusmap is {work}: daar staan de hoofdstukken, de opdrachten en je werk.")
    elif added or updated:
        say(f"{len(added) + len(updated)} nieuwe of bijgewerkte bestanden van de kit in {work}.")
    if kept and (added or updated):
        say(f"{len(kept)} bestand(en) die je zelf veranderde bleven zoals ze waren.")
    return work


def ensure_axe() -> None:
    """Install axe-core (the pinned version) into .venv/node with npm for the browser tests: its
    axe.min.js is all the accessibility tests inject (node itself is not needed to run it)."""
    installed = NODE_PREFIX / "node_modules" / "axe-core" / "package.json"
    wanted = AXE_PACKAGE.rsplit("@", 1)[1]
    if AXE_SCRIPT.exists() and installed.exists() and json.loads(installed.read_text()).get("version") == wanted:
        return
    if shutil.which("npm") is None:
        say("geen npm: de toegankelijkheidstests (axe-core) falen met de reden erbij.")
        return
    say(f"{AXE_PACKAGE} installeren met npm (eenmalig, voor de toegankelijkheidstests) …")
    if run(["npm", "install", "--prefix", NODE_PREFIX, "--no-audit", "--no-fund", "--silent", AXE_PACKAGE]) != 0:
        say("axe-core kon niet worden geïnstalleerd; de toegankelijkheidstests falen met de reden erbij.")


def cmd_lab(args: list[str]) -> int:
    setup()  # only what learners need: no test tools
    env = env_with_venv()
    # the teacher's Lab: nbgrader's Create Assignment, Formgrader, Validate; a student's: none of nbgrader
    teacher = "--docent" in args
    args = [a for a in args if a != "--docent"]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(DOCENT_CONFIG if teacher else LAPTOP_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")) if p)
    if teacher:
        say("docentenmodus: nbgrader's Create Assignment, Formgrader en Validate staan aan.")
    # the teacher works in the repository; a student in her own course folder (the file browser shows it)
    root = ROOT if teacher else sync_work_folder()
    start = "chapters/00-start.ipynb"
    # Naming the file makes JupyterLab open the browser on the start page itself.
    cmd = [BIN / "jupyter", "lab", start, f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    say("JupyterLab start; stop met Ctrl+C (twee keer).")
    return run_forwarding_signals(cmd + args, cwd=root, env=env)


def cmd_test(args: list[str]) -> int:
    hub = hub_test_enabled() and selects(args, "tests/hub")
    setup(("test", "hub") if hub else ("test",))
    ensure_apt_packages(args)
    if hub:
        ensure_proxy()
    if selects(args, "tests/browser"):
        ensure_axe()
    env = env_with_venv()
    env["MPLBACKEND"] = "Agg"
    return run([PY, "-m", "pytest", *args], cwd=ROOT, env=env)


def cmd_setup(args: list[str]) -> int:
    setup()
    return 0


def cmd_configure(args: list[str]) -> int:
    """The conda route (environment.yml): the settings of ``kit.py lab``, in the running Python's env."""
    prefix = Path(sys.prefix)
    if prefix.resolve() == VENV.resolve():
        say("dit is de omgeving van kit.py zelf; die krijgt haar instellingen bij elk kit.py-commando.")
    if _language_pack_dir(prefix) is None:
        sys.exit(f"[smmkit] in {prefix} staan JupyterLab en het Nederlandse taalpakket niet. "
                 "Activeer eerst de omgeving van de cursus (conda activate smmkit) en typ dan opnieuw "
                 "python kit.py configure.")
    configure_kernel(prefix / "etc" / "ipython")
    configure_lab(prefix, laptop=prefix.resolve() != VENV.resolve())
    say(f"JupyterLab in {prefix} staat nu in het Nederlands, met de instellingen van de cursus. "
        "Start met: jupyter lab chapters/00-start.ipynb")
    return 0


def cmd_script(script: str):
    def runner(args: list[str]) -> int:
        setup()
        env = env_with_venv()
        env["MPLBACKEND"] = "Agg"
        return run([PY, ROOT / script, *args], cwd=ROOT, env=env)

    return runner


# What an install that students can read must not hold (the hub's shared /opt/smmkit, a student's own
# laptop copy): the worked answers and hidden tests in solutions/, and what is built from them or
# serves the teacher only. tests/test_student_copy.py checks that no line of a worked answer or hidden
# test is left in such a copy.
TEACHER_ONLY = ("solutions/", "tests/", "docent/", "benchmarks/", "tools/practice/", "tools/make_class.py", ".ci/")
STUDENT_COPY_MARK = ".smmkit-studentenkopie"


def _teacher_only(name: str) -> bool:
    name = name.removeprefix("./")
    return any(name == p.rstrip("/") or name.startswith(p) for p in TEACHER_ONLY)


def cmd_student_copy(args: list[str]) -> int:
    """``student-copy MAP``: the committed kit (``git archive HEAD``) without ``TEACHER_ONLY``, regular files only.
    An earlier student copy in MAP is replaced (its .venv is kept); any other non-empty folder is refused."""
    if len(args) != 1 or args[0].startswith("-"):
        say("gebruik: python3 kit.py student-copy MAP   (een kopie van de kit voor studenten: zonder "
            f"{', '.join(TEACHER_ONLY)}; daarna in MAP: python3 kit.py setup)")
        return 2
    dest = Path(args[0]).resolve()
    if dest == ROOT or ROOT in dest.parents:
        say(f"{dest} ligt in deze kit zelf; kies een map erbuiten, bijvoorbeeld /opt/smmkit.")
        return 2
    if dest.exists() and not dest.is_dir():
        say(f"{dest} is een bestand, geen map; kies een nieuwe of lege map.")
        return 2
    if dest.exists() and any(p.name != ".venv" for p in dest.iterdir()) and not (dest / STUDENT_COPY_MARK).exists():
        say(f"{dest} is niet leeg en is geen eerdere studentenkopie; kies een nieuwe of lege map "
            "(een eerdere studentenkopie wordt vervangen, haar .venv blijft).")
        return 2
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"], capture_output=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if archive.returncode != 0 or commit.returncode != 0:
        say("de kopie wordt gemaakt uit git (de vastgelegde bestanden, zonder je eigen wijzigingen), maar git "
            f"lukte niet in {ROOT}: {archive.stderr.decode(errors='replace').strip()} Maak de kopie vanuit een "
            "clone van de kit (git clone <adres-van-de-kit>).")
        return 1
    if dest.exists():
        for path in dest.iterdir():
            if path.name != ".venv":
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        members = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and not _teacher_only(m.name)]
        extra = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(dest, members=members, **extra)
    (dest / STUDENT_COPY_MARK).write_text(f"{commit.stdout.strip()}\n", encoding="utf-8")
    files = sum(1 for m in members if m.isfile())
    say(f"studentenkopie in {dest}: {files} bestanden van commit {commit.stdout.strip()[:10]}, zonder "
        f"{', '.join(TEACHER_ONLY)}. Installeer daar met: cd {dest} && python3 kit.py setup")
    return 0


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "setup": cmd_setup,
    "configure": cmd_configure,
    "student-copy": cmd_student_copy,
    "html": cmd_script("tools/build_html.py"),
    "bench": cmd_script("benchmarks/run_all.py"),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if not argv or argv[0] in {"-h", "--help", "help"} else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
