#!/usr/bin/env python3
"""smmkit's one entry script: everything a learner, teacher or CI needs, with only Python 3.11+.

    python3 kit.py lab     open the course in JupyterLab (installs on first use)
    python3 kit.py test    run the whole test suite (installs what tests need on first use)

Other commands: ``setup`` (install only), ``html`` (build the static course site),
``bench`` (run the benchmarks). Grading is done with stock nbgrader commands (docs/docent.md).
The environment lives in ``.venv/`` beside this file; it is reinstalled only when
``pyproject.toml`` changes.
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".smmkit-installed"
# Debian packages the browser test needs (installed by `test` when we are root on apt).
APT_PACKAGES = ["chromium", "fonts-dejavu-core"]  # a font, or pages render without text
CHROMIUM = "/usr/bin/chromium"
# The JupyterHub test (tests/hub) needs JupyterHub's proxy from npm, kept inside .venv/node.
NODE_PREFIX = VENV / "node"
PROXY_PACKAGE = "configurable-http-proxy@5.3.0"  # needs node >= 20
PROXY_PACKAGE_OLD_NODE = "configurable-http-proxy@4.6.3"  # for older node (Debian 12 ships 18)


def say(text: str) -> None:
    print(f"[smmkit] {text}", flush=True)


def run(cmd: list[str], **kwargs) -> int:
    return subprocess.call([str(c) for c in cmd], **kwargs)


def env_with_venv() -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader calls `alembic` and `jupyter` by name: the venv's bin must come first on PATH.
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def install_stamp() -> str:
    text = (ROOT / "pyproject.toml").read_bytes()
    return hashlib.sha256(text + sys.version.encode()).hexdigest()


def setup() -> None:
    """Create .venv and install the kit with its test extras, once per pyproject.toml version."""
    if sys.version_info < (3, 11):
        sys.exit("smmkit heeft Python 3.11 of nieuwer nodig. Je hebt " + sys.version.split()[0] + ".")
    if not PY.exists():
        say("eerste keer: virtuele omgeving maken in .venv/ …")
        venv.EnvBuilder(with_pip=True).create(VENV)
    configure_kernel()
    if STAMP.exists() and STAMP.read_text() == install_stamp():
        return
    say("pakketten installeren (eenmalig, een paar minuten) …")
    steps = [
        [PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        [PY, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"],
    ]
    for step in steps:
        if run(step, cwd=ROOT) != 0:
            sys.exit("[smmkit] installeren mislukt; zie de melding hierboven.")
    configure_lab()
    STAMP.write_text(install_stamp())


def configure_lab() -> None:
    """Make the JupyterLab in .venv Dutch by default (the language pack is a dependency)."""
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    overrides = settings / "overrides.json"
    overrides.write_text(
        '{\n  "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"}\n}\n', encoding="utf-8"
    )


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


def ensure_apt_packages() -> None:
    """Install what the browser and JupyterHub tests need (chromium; node and npm for the hub's proxy)
    through apt when it is missing and we may (root on Debian/Ubuntu)."""
    wanted = ([] if Path(CHROMIUM).exists() else APT_PACKAGES) + ([] if shutil.which("npm") else ["nodejs", "npm"])
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):  # the PostgreSQL gradebook test starts a server
        wanted.append("postgresql")
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


def cmd_lab(args: list[str]) -> int:
    setup()
    start = "chapters/00-start.ipynb"
    # Naming the file makes JupyterLab open the browser on the start page itself.
    cmd = [BIN / "jupyter", "lab", start, f"--ServerApp.root_dir={ROOT}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    say("JupyterLab start; stop met Ctrl+C (twee keer).")
    return run(cmd + args, cwd=ROOT, env=env_with_venv())


def cmd_test(args: list[str]) -> int:
    setup()
    ensure_apt_packages()
    ensure_proxy()
    env = env_with_venv()
    env["MPLBACKEND"] = "Agg"
    return run([PY, "-m", "pytest", *args], cwd=ROOT, env=env)


def cmd_setup(args: list[str]) -> int:
    setup()
    return 0


def cmd_script(script: str):
    def runner(args: list[str]) -> int:
        setup()
        env = env_with_venv()
        env["MPLBACKEND"] = "Agg"
        return run([PY, ROOT / script, *args], cwd=ROOT, env=env)

    return runner


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "setup": cmd_setup,
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
