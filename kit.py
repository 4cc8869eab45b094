#!/usr/bin/env python3
"""smmkit's one entry script: everything a learner, teacher or CI needs, with only Python 3.11+.

    python3 kit.py lab     open the course in JupyterLab (installs on first use; --docent: with nbgrader's teacher tools)
    python3 kit.py test    run the whole test suite (installs what tests need on first use)

Other commands: ``setup`` (install only), ``html`` (build the static course site),
``pdf NOTEBOOK [UITVOER.pdf]`` (a whole notebook as PDF, printed by Chromium),
``student-copy MAP`` (the kit without solutions/, tests and other teacher files, for the hub's shared
copy or a student's laptop),
``bench`` (run the benchmarks), ``configure`` (the conda route, after ``conda activate smmkit``: check
the kit's Jupyter side is installed and hide nbgrader's exchange parts on that laptop). Grading is done
with stock nbgrader commands (docs/docent.md).
The Jupyter side (lab extension, server extensions, Lab settings, Dutch texts, kernel config) is no
business of this script: it is built and installed with the package (setup.py, jupyter-config/).
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
PDF_APT_PACKAGES = ["chromium", "poppler-utils"]  # the PDF tests print with chromium, read back with pdftotext
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
    """Changes when the locked packages or what is built into the kit's own package change."""
    text = (ROOT / "pyproject.toml").read_bytes() + (ROOT / "uv.lock").read_bytes()
    for pattern in BUILD_INPUTS:
        for path in sorted(p for p in ROOT.glob(pattern) if p.is_file()):
            text += path.relative_to(ROOT).as_posix().encode() + path.read_bytes()
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
    stamp, have = _installed()
    if stamp == install_stamp() and set(extras) <= have:
        return
    wanted = sorted(set(extras) | (have if stamp == install_stamp() else set()))
    ensure_node()  # setup.py builds the lab extension (labextension/) with npm
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
    _undo_old_language_pack_patch()
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


# The Jupyter side (lab extension, server extensions, Lab settings, nbgrader's plugins, the Dutch
# texts, the kernel config) is installed with the smmkit package itself: setup.py ships jupyter-config/
# and the lab extension built from labextension/ as data files of the wheel. kit.py writes none of it.
JUPYTER_CONFIG = ROOT / "jupyter-config"
# what kit.py setup builds into the package: a change here installs the project again
BUILD_INPUTS = ("setup.py", "labextension/package.json", "labextension/package-lock.json",
                "labextension/tsconfig.json", "labextension/src/*.ts", "jupyter-config/**/*")


def _installed_config(relative: str) -> dict:
    return json.loads((JUPYTER_CONFIG / relative).read_text(encoding="utf-8"))


# (etc/jupyter/labconfig/page_config.json also locks them, as JupyterLab >= 4.1 would write into it
# itself on the first `jupyter labextension` command, changing an installed file)
# JupyterLab settings every learner gets (jupyter-config/share/jupyter/lab/settings/overrides.json;
# Settings → Advanced Settings Editor can still change them)
LAB_OVERRIDES = _installed_config("share/jupyter/lab/settings/overrides.json")
AUTOSAVE_SECONDS = LAB_OVERRIDES["@jupyterlab/docmanager-extension:plugin"]["autosaveInterval"]
# nbgrader's teacher parts (off for students; the docent folder switches them on) and, on a student's
# laptop (no exchange), its assignment list and menu (the laptop folder)
NBGRADER_TEACHER_PLUGINS = list(_installed_config("etc/jupyter/labconfig/page_config.json")["disabledExtensions"])
NBGRADER_EXCHANGE_PLUGINS = list(_installed_config("etc/smmkit-laptop/labconfig/page_config.json")["disabledExtensions"])
# `kit.py lab --docent` puts this folder on JUPYTER_CONFIG_PATH: its page_config switches them back on
DOCENT_CONFIG = VENV / "etc" / "smmkit-docent"  # (for another prefix: docent_config(prefix))
LAPTOP_CONFIG = VENV / "etc" / "smmkit-laptop"
LAB_EXTENSION_NAME = "@smmkit/nbgrader-nl"
# the teacher's server only (the docent folder): a Content-Security-Policy (smmkit/grading/csp.py)
TEACHER_SERVER_EXTENSIONS = tuple(_installed_config(
    "etc/smmkit-docent/jupyter_server_config.d/smmkit-docent.json")["ServerApp"]["jpserver_extensions"])


def docent_config(prefix: Path = VENV) -> Path:
    return Path(prefix) / "etc" / "smmkit-docent"


def _undo_old_language_pack_patch(prefix: Path = VENV) -> None:
    """Once, in a .venv made before issue #21: kit.py then rewrote the nl_NL pack's files and kept the
    originals as ``*.orig``; put them back (a domain the pack lacks had ``{}`` as original: removed)."""
    pack = "site-packages/jupyterlab_language_pack_nl_NL/locale/*/LC_MESSAGES/*.orig"
    for original in sorted(Path(prefix).glob(f"lib/python3*/{pack}")) + sorted(Path(prefix).glob(f"Lib/{pack}")):
        target = original.with_suffix("")  # jupyterlab.json.orig -> jupyterlab.json
        if original.read_bytes().strip() == b"{}":
            target.unlink(missing_ok=True)
            original.unlink()
        else:
            os.replace(original, target)


def _python_of(prefix: Path) -> Path:
    prefix = Path(prefix)
    return prefix / ("python.exe" if os.name == "nt" and (prefix / "python.exe").exists() else
                     "Scripts/python.exe" if os.name == "nt" else "bin/python")


def lab_catalogue(domain: str = "jupyterlab", prefix: Path = VENV) -> dict:
    """JupyterLab's Dutch texts of ``domain`` as the Lab in ``prefix`` serves them (the language pack
    with the kit's additions, smmkit.labtexts), read by that environment's own Python."""
    code = ("import json, sys; from smmkit.labtexts import language_pack; "
            f"json.dump(language_pack('nl_NL')[0].get({domain!r}, {{}}), sys.stdout)")
    done = subprocess.run([str(_python_of(prefix)), "-c", code], capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout) if done.returncode == 0 and done.stdout else {}


def configure_lab(prefix: Path = VENV, laptop: bool = False) -> None:
    """The course's JupyterLab settings come with the package (jupyter-config/); nothing to do, except
    for ``laptop``: an environment that is a laptop's only (conda: no ``kit.py lab`` sets
    JUPYTER_CONFIG_PATH) also hides nbgrader's assignment list and menu in its own page_config
    (``<prefix>/etc/jupyter/labconfig``), and its docent folder shows all. Never under site-packages."""
    if not laptop:
        return
    prefix = Path(prefix)
    student = NBGRADER_TEACHER_PLUGINS + NBGRADER_EXCHANGE_PLUGINS
    for folder, disabled in ((prefix / "etc" / "jupyter", True), (docent_config(prefix), False)):
        labconfig = folder / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        config = {"disabledExtensions": {name: disabled for name in student}}
        if disabled:  # what JupyterLab would add itself (it migrates a sys_prefix page_config without it)
            config["lockedExtensions"] = dict(config["disabledExtensions"])
        (labconfig / "page_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


# Jupyter's own culling of idle kernels: every notebook opened in an afternoon kept its kernel (6
# kernels, ±875 MB). A kernel idle for CULL_IDLE_SECONDS whose notebook is closed (no connection) is
# shut down; an open notebook keeps its kernel (cull_connected False). A culled notebook's widgets
# say in Dutch to run their cell again, and bring back her work when she does (smmkit/widgets/_memory.py).
# Installed with the package as etc/jupyter/jupyter_server_config.json (jupyter-config/).
CULL_CONFIG = _installed_config("etc/jupyter/jupyter_server_config.json")
CULL_IDLE_SECONDS = CULL_CONFIG["MappingKernelManager"]["cull_idle_timeout"]
CULL_INTERVAL_SECONDS = CULL_CONFIG["MappingKernelManager"]["cull_interval"]


# every kernel of the course environment loads smmkit's Dutch safety net (installed with the package)
KERNEL_CONFIG = (JUPYTER_CONFIG / "etc" / "ipython" / "ipython_kernel_config.py").read_text(encoding="utf-8")


def configure_kernel(folder: Path | None = None) -> Path:
    """Write the IPython kernel config that loads the safety net into ``folder`` (the package installs it
    in <sys.prefix>/etc/ipython, which IPython reads; this is for another IPython profile or folder)."""
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
    pdf_tests = ("tests/test_notebook_pdf.py", "tests/widgets/test_report_pdf.py")
    if any(selects(list(args), t) for t in pdf_tests) and not (Path(CHROMIUM).exists() and shutil.which("pdftotext")):
        wanted += PDF_APT_PACKAGES
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


def ensure_node() -> None:
    """npm and node (20 or newer) build the kit's lab extension; as root on Debian/Ubuntu apt installs them."""
    if shutil.which("npm") and shutil.which("node"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid"):
        prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
        say("nodejs en npm installeren via apt (eenmalig, om de JupyterLab-extensie van de kit te bouwen) …")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(prefix + ["apt-get", "update", "-qq"], env=env)
        run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nodejs", "npm"], env=env)
    if not (shutil.which("npm") and shutil.which("node")):
        sys.exit("[smmkit] de kit bouwt haar JupyterLab-extensie met Node.js (20 of nieuwer) en npm, en die "
                 "ontbreken. Installeer Node.js (https://nodejs.org, of met conda: conda install nodejs) "
                 "en typ het commando opnieuw.")


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
    """The conda route (environment.yml): check that the running Python's env has the kit's Jupyter side
    (installed with the package, ``-e .``) and hide nbgrader's exchange parts there (a laptop)."""
    prefix = Path(sys.prefix)
    if prefix.resolve() == VENV.resolve():
        say("dit is de omgeving van kit.py zelf; die krijgt haar instellingen van het pakket smmkit.")
    if not (prefix / "share" / "jupyter" / "labextensions" / LAB_EXTENSION_NAME / "package.json").exists():
        sys.exit(f"[smmkit] in {prefix} is de kit niet geïnstalleerd (met haar JupyterLab-extensie). "
                 "Activeer eerst de omgeving van de cursus (conda activate smmkit) en typ dan opnieuw "
                 "python kit.py configure. Staat de kit er wel in? Installeer haar dan opnieuw in deze map: "
                 "pip install -e .")
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


def cmd_module(module: str):
    """Run ``python -m module`` in .venv with the learner's own arguments, from the folder she is in."""
    def runner(args: list[str]) -> int:
        setup()
        return run([PY, "-m", module, *args], env=env_with_venv())

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
    "pdf": cmd_module("smmkit.notebookpdf"),
    "bench": cmd_script("benchmarks/run_all.py"),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if not argv or argv[0] in {"-h", "--help", "help"} else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
