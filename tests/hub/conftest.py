"""Set-up of the JupyterHub test (test_jupyterhub.py): the guide's configuration, temporary Linux
users, a real JupyterHub in a temporary folder, and helpers to act as a user. Everything is torn down
afterwards, also after a failure (users, their processes, the hub, the proxy, folders, modes).
"""
from __future__ import annotations

import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402
VENV = Path(sys.prefix)
BIN = Path(sys.executable).parent
GUIDE = ROOT / "docs" / "docent.md"
PROXY = VENV / "node" / "node_modules" / ".bin" / "configurable-http-proxy"  # kit.py test installs it
COURSE = "smmkit-2025"
ASSIGNMENT = "h01-introductie"
GRADER, TEACHER = "smmkit-grader", "smmkit-docent"
STUDENTS = ["smmkit-student1", "smmkit-student2"]
USERS = [GRADER, TEACHER, *STUDENTS]
MARK = "smmkit hub test"  # GECOS comment: only accounts with this mark are ever removed
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def _skip_reason() -> str | None:
    # when the test runs is kit.py's rule (kit.py test also installs the hub's packages by it): asked, not copied
    if not kit.hub_test_enabled():
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            return "JupyterHub-test: alleen als root (maakt tijdelijke Linux-gebruikers aan)"
        return "JupyterHub-test: alleen in CI (CI=true) of met SMMKIT_HUB_TEST=1 (maakt Linux-gebruikers aan)"
    for tool in ("useradd", "userdel"):
        if shutil.which(tool) is None:
            return f"JupyterHub-test: {tool} ontbreekt"
    if not PROXY.exists():
        return f"JupyterHub-test: {PROXY} ontbreekt (python3 kit.py test installeert hem met npm)"
    if not (BIN / "jupyterhub").exists():
        return "JupyterHub-test: jupyterhub ontbreekt in .venv (python3 kit.py test installeert de extra 'hub' als deze test draait)"
    for user in USERS:
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        if MARK not in entry.pw_gecos:
            return f"JupyterHub-test: er bestaat al een gebruiker {user} die niet van deze test is"
    return None


SKIP = _skip_reason()


# --- the guide's configuration --------------------------------------------------------------

def guide_block(first_line: str) -> str:
    """The python code block of docs/docent.md §8 that starts with this comment line."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## 8.", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    found = [b for b in blocks if b.startswith(first_line)]
    assert len(found) == 1, f"docs/docent.md §8 has no single python block starting with {first_line!r}"
    return found[0]


def swap(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        assert old in text, f"docs/docent.md §8 changed: {old!r} not found in\n{text}"
        text = text.replace(old, new)
    return text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- system helpers --------------------------------------------------------------------------

def user_env(user: str, extra: dict | None = None) -> dict:
    entry = pwd.getpwnam(user)
    env = {"PATH": f"{BIN}:{SYSTEM_PATH}", "HOME": entry.pw_dir, "USER": user, "LOGNAME": user,
           "LANG": "C.UTF-8", "MPLBACKEND": "Agg"}
    env.update(extra or {})
    return env


def as_user(user: str, cmd: list, cwd: str | Path | None = None, env: dict | None = None,
            timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess:
    """Run a command as that Linux user (what the user would type in a terminal on the hub)."""
    entry = pwd.getpwnam(user)
    result = subprocess.run([str(c) for c in cmd], cwd=cwd or entry.pw_dir, env=env or user_env(user),
                            user=entry.pw_uid, group=entry.pw_gid, extra_groups=[], capture_output=True,
                            text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{user}: {cmd} failed ({result.returncode}):\n{result.stdout[-3000:]}\n"
                             f"{result.stderr[-3000:]}")
    return result


def remove_user(user: str) -> None:
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        return
    if MARK not in entry.pw_gecos:
        return
    # processes of this (test-made) account: only ours, ended by id
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if proc.stat().st_uid == entry.pw_uid:
                    os.kill(int(proc.name), signal.SIGKILL)
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
    time.sleep(0.2)
    subprocess.run(["userdel", "-r", user], capture_output=True)
    subprocess.run(["userdel", user], capture_output=True)  # if -r failed on a missing mail spool


def student_kit(dest: Path) -> Path:
    """The guide's /opt/smmkit: ``kit.py student-copy`` of this repository and its own .venv (with the
    hub's packages, compiled), readable by all; the proxy that kit.py test installed is linked in. Its bin folder."""
    done = subprocess.run([sys.executable, ROOT / "kit.py", "student-copy", dest], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([sys.executable, "-c", "import kit; kit.setup(('hub',))"], cwd=dest, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (dest / ".venv" / "node").symlink_to(VENV / "node")
    # the guide: compile once as root (servers run as users who cannot write __pycache__ there)
    done = subprocess.run([dest / ".venv" / "bin" / "python", "-m", "compileall", "-q", "-j", "0",
                           dest / ".venv" / "lib", dest / "smmkit"], capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return dest / ".venv" / "bin"


def hide_from_others(paths: list[Path]) -> list[tuple[Path, int]]:
    """Take every right of others away from these folders (the teacher's own checkout, as in a 700 home);
    return what to restore afterwards."""
    changed = []
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o007:
            os.chmod(path, mode & ~0o007)
            changed.append((path, mode))
    return changed


def open_paths_for_others(paths: list[Path]) -> list[tuple[Path, int]]:
    """Give others 'x' on these folders and every folder above them that lacks it (e.g. /root, when the
    clone or the Python that .venv was made from lives there); return what to restore afterwards."""
    changed = []
    for path in paths:
        for folder in [*reversed(path.parents), path]:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                os.chmod(folder, stat.S_IMODE(mode) | stat.S_IXOTH)
                changed.append((folder, stat.S_IMODE(mode)))
    return changed


# --- the hub ---------------------------------------------------------------------------------

class Hub:
    def __init__(self, base: Path):
        self.base = base
        self.url = ""
        self.password = secrets.token_urlsafe(18)
        self.process: subprocess.Popen | None = None
        self.log_path = base / "hub" / "jupyterhub.log"
        self.sessions: dict[str, requests.Session] = {}
        self.tokens: dict[str, str] = {}
        self.kit: Path = base / "opt-smmkit"   # the guide's /opt/smmkit (a student copy)
        self.bin: Path = BIN                   # its .venv/bin, once made

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-8000:]
        except OSError:
            return ""

    def api(self, method: str, path: str, user: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.tokens[user]}"}
        return requests.request(method, self.url + path, headers=headers, timeout=120, **kwargs)

    def login(self, user: str) -> None:
        """Log in through the login form, then ask the hub API for a token (as the browser would)."""
        def post_login(password: str) -> tuple[requests.Session, requests.Response]:
            session = requests.Session()
            session.get(f"{self.url}/hub/login", timeout=30).raise_for_status()
            response = session.post(f"{self.url}/hub/login", allow_redirects=False, timeout=30, data={
                "username": user, "password": password, "_xsrf": session.cookies.get("_xsrf")})
            return session, response

        assert post_login("fout-wachtwoord")[1].status_code != 302, "the hub let a wrong password in"
        session, response = post_login(self.password)
        assert response.status_code == 302, f"login of {user}: {response.status_code}\n{self.log()}"
        page = session.get(f"{self.url}/hub/token", timeout=30)
        xsrf = re.search(r'xsrf_token:\s*"([^"]+)"', page.text)
        assert page.status_code == 200 and xsrf, f"hub page after login: {page.status_code}"
        response = session.post(f"{self.url}/hub/api/users/{user}/tokens", json={"note": "smmkit test"},
                                headers={"X-XSRFToken": xsrf.group(1)}, timeout=30)
        assert response.status_code == 201, f"token for {user}: {response.status_code} {response.text}"
        self.sessions[user] = session
        self.tokens[user] = response.json()["token"]

    def start_server(self, user: str) -> None:
        response = self.api("POST", f"/hub/api/users/{user}/server", user)
        assert response.status_code in (201, 202), f"start server {user}: {response.status_code} {response.text}"

    def wait_ready(self, user: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/hub/api/users/{user}", user).json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(1)
        raise AssertionError(f"server of {user} never became ready\n{self.log()}")


def hub_config(base: Path, ports: dict, password: str, etc_jupyter: Path, kit_copy: Path) -> str:
    guide = swap(guide_block("# jupyterhub_config.py"), [
        ('KIT = "/opt/smmkit"', f"KIT = {str(kit_copy)!r}"),
        ('{"docent1", "docent2"}', repr({TEACHER, *STUDENTS})),
        ('["docent1", "docent2"]', repr([TEACHER])),
        ("http://127.0.0.1:9999", f"http://127.0.0.1:{ports['service']}"),
        ("grader-smmkit", GRADER),
    ])
    test_only = f"""
# --- test only: instead of LTI/OAuth a shared password; ports; /etc/jupyter in a temporary folder ---
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.JupyterHub.bind_url = "http://127.0.0.1:{ports['proxy']}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports['hub']}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['proxy_api']}"
c.JupyterHub.db_url = "sqlite:///{base / 'hub' / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = "{base / 'hub' / 'cookie_secret'}"
c.Spawner.environment["JUPYTER_CONFIG_PATH"] = "{etc_jupyter}"
c.JupyterHub.services[0]["environment"]["JUPYTER_CONFIG_PATH"] = "{etc_jupyter}"
c.Spawner.start_timeout = 120
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0}}  # POST .../server answers at once; the test polls
c.Spawner.http_timeout = 120
"""
    return guide + test_only


@pytest.fixture(scope="module")
def hub():
    base = Path(tempfile.mkdtemp(prefix="smmkit-hub-"))
    os.chmod(base, 0o755)
    restore_modes, log = [], None
    hub = Hub(base)
    try:
        # the guide's /opt/smmkit: a student copy, no clone (no solutions/ for students to read)
        hub.kit = base / "opt-smmkit"
        hub.bin = student_kit(hub.kit)
        restore_modes = open_paths_for_others([hub.kit, Path(os.path.realpath(hub.bin / "python")).parent,
                                               Path(sys.base_prefix) / "lib"])
        # this checkout stands for the teacher's own: nobody else may read it (the guide: chmod 700 /home/*)
        restore_modes += hide_from_others([ROOT])
        for user in USERS:
            remove_user(user)  # a leftover of an interrupted run (marked as ours)
            subprocess.run(["useradd", "-m", "-s", "/bin/bash", "-c", MARK, user], check=True,
                           capture_output=True)
        # the kit's environment must work for every user (the guide: a clone readable by all)
        try:
            probe = as_user(STUDENTS[0], [hub.bin / "python", "-c", "import jupyterhub, nbgrader, smmkit"],
                            check=False)
            problem = probe.stderr[-1500:] if probe.returncode else ""
        except OSError as exc:
            problem = str(exc)
        if problem:
            pytest.skip(f"JupyterHub-test: de omgeving {hub.bin.parent} is niet leesbaar voor andere gebruikers: {problem}")

        # /etc/jupyter/nbgrader_config.py and the exchange (guide §8), in the temporary folder
        exchange = base / "exchange"
        exchange.mkdir()
        os.chmod(exchange, 0o1777)
        etc_jupyter = base / "etc-jupyter"
        etc_jupyter.mkdir()
        (etc_jupyter / "nbgrader_config.py").write_text(swap(guide_block("# /etc/jupyter/nbgrader_config.py"), [
            ('"/srv/nbgrader/exchange"', repr(str(exchange)))]), encoding="utf-8")
        os.chmod(etc_jupyter, 0o755)
        os.chmod(etc_jupyter / "nbgrader_config.py", 0o644)

        # the grader's course folder: the kit's course files (a clone in the guide), private
        grader_home = Path(pwd.getpwnam(GRADER).pw_dir)
        course = grader_home / "smmkit"
        course.mkdir()
        shutil.copy(ROOT / "nbgrader_config.py", course)
        shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
        entry = pwd.getpwnam(GRADER)
        for folder, _dirs, files in os.walk(course):
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            for name in files:
                os.chown(os.path.join(folder, name), entry.pw_uid, entry.pw_gid)
        for user in USERS:  # guide: chmod 700 on every home
            os.chmod(pwd.getpwnam(user).pw_dir, 0o700)

        (base / "hub").mkdir()
        os.chmod(base / "hub", 0o700)
        ports = {name: free_port() for name in ("proxy", "hub", "proxy_api", "service")}
        config = base / "hub" / "jupyterhub_config.py"
        config.write_text(hub_config(base, ports, hub.password, etc_jupyter, hub.kit), encoding="utf-8")
        hub.url = f"http://127.0.0.1:{ports['proxy']}"
        log = open(hub.log_path, "w", encoding="utf-8")
        hub.process = subprocess.Popen(
            [BIN / "jupyterhub", "-f", config], cwd=base / "hub", stdout=log, stderr=subprocess.STDOUT,
            env={"PATH": SYSTEM_PATH, "LANG": "C.UTF-8", "HOME": "/root"}, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert hub.process.poll() is None, f"JupyterHub stopped:\n{hub.log()}"
            try:
                if requests.get(f"{hub.url}/hub/api", timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        else:
            raise AssertionError(f"JupyterHub did not answer:\n{hub.log()}")
        hub.course, hub.exchange, hub.etc_jupyter = course, exchange, etc_jupyter
        yield hub
    finally:
        if hub.process is not None:
            if hub.process.poll() is None:
                hub.process.send_signal(signal.SIGTERM)  # the hub stops the proxy, servers and service
                try:
                    hub.process.wait(timeout=45)
                except subprocess.TimeoutExpired:
                    os.killpg(hub.process.pid, signal.SIGKILL)
                    hub.process.wait(timeout=10)
            else:
                print(hub.log())
            # the proxy runs in its own session: end it by the id the hub wrote, if it is still there
            pid_file = base / "hub" / "jupyterhub-proxy.pid"
            try:
                pid = int(pid_file.read_text().strip())
                if "configurable-http-proxy" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                    os.kill(pid, signal.SIGKILL)
            except (OSError, ValueError):
                pass
        if log is not None:
            log.close()
        for user in USERS:
            remove_user(user)
        for folder, mode in reversed(restore_modes):
            os.chmod(folder, mode)
        shutil.rmtree(base, ignore_errors=True)


def grader_run(hub: Hub, *args, timeout: float = 300) -> subprocess.CompletedProcess:
    """A command in the formgrader service's terminal: the grader account, in the course folder, with the
    hub's environment (/opt/smmkit/.venv/bin first on PATH, as the guide's service has)."""
    env = user_env(GRADER, {"SMMKIT_COURSE_ID": COURSE, "JUPYTER_CONFIG_PATH": str(hub.etc_jupyter),
                            "PATH": f"{hub.bin}:{SYSTEM_PATH}"})
    return as_user(GRADER, list(args), cwd=hub.course, env=env, timeout=timeout)


def server_api(hub: Hub, user: str, method: str, path: str, **kwargs) -> requests.Response:
    response = hub.api(method, f"/user/{user}{path}", user, **kwargs)
    assert response.status_code == 200, f"{method} /user/{user}{path}: {response.status_code} {response.text[:500]}"
    return response
