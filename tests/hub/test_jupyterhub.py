"""docs/docent.md §8 on a real JupyterHub: the course cycle with real Linux users.

What runs: JupyterHub (the kit's .venv) with the npm ``configurable-http-proxy`` that
``python3 kit.py test`` installs in ``.venv/node``, started on 127.0.0.1 (free ports) in a temporary
folder. Its configuration is **read from the guide**: the ``# jupyterhub_config.py`` and
``# /etc/jupyter/nbgrader_config.py`` code blocks of §8 are taken as they are, only names and paths
are swapped for the test's (each swap must match, so a changed guide breaks this test); the test adds
only what a real hub would not have (a shared-password login instead of LTI/OAuth, ports, a stand-in
for /etc/jupyter via JUPYTER_CONFIG_PATH).

Users (real accounts, ``useradd -m``, removed afterwards): ``smmkit-grader`` owns the course folder and
runs the formgrader service, ``smmkit-docent`` is in the formgrade group, ``smmkit-student1/2`` are
students. Servers are started by the default LocalProcessSpawner, so each runs as its own user.

Checked: log in through the login form, start the servers through the hub's REST API; the nbgrader
extensions answer on a student's server and the Lab page loads the nbgrader Lab extension; the teacher
reaches the formgrader service through the hub (browser OAuth flow and token) and finds it from the
own server (course list), students get 403; the cycle of the guide (generate, release, students fetch
and submit through their server's Assignments API, collect, the kit's batch autograde, the formgrader
API shows the grades, feedback released and fetched); students cannot read ``solutions/``,
``gradebook.db``, each other's home or each other's submissions.

Not checked: a real authenticator (LTI, OAuth), HTTPS, and 300 users (load, time).

Touches the system (users, chmod o+x on the folders above the clone when they lack it, restored
afterwards), so it runs only as root and only when CI=true or SMMKIT_HUB_TEST=1.
"""
from __future__ import annotations

import csv
import io
import json
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

requests = pytest.importorskip("requests")

ROOT = Path(__file__).resolve().parents[2]
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
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "JupyterHub-test: alleen als root (maakt tijdelijke Linux-gebruikers aan)"
    if os.environ.get("CI") != "true" and os.environ.get("SMMKIT_HUB_TEST") != "1":
        return "JupyterHub-test: alleen in CI (CI=true) of met SMMKIT_HUB_TEST=1 (maakt Linux-gebruikers aan)"
    for tool in ("useradd", "userdel"):
        if shutil.which(tool) is None:
            return f"JupyterHub-test: {tool} ontbreekt"
    if not PROXY.exists():
        return f"JupyterHub-test: {PROXY} ontbreekt (python3 kit.py test installeert hem met npm)"
    if not (BIN / "jupyterhub").exists():
        return "JupyterHub-test: jupyterhub ontbreekt in .venv (pip install -e '.[test]')"
    for user in USERS:
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        if MARK not in entry.pw_gecos:
            return f"JupyterHub-test: er bestaat al een gebruiker {user} die niet van deze test is"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
SKIP = _skip_reason()
if SKIP:
    pytestmark.append(pytest.mark.skip(reason=SKIP))


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


def hub_config(base: Path, ports: dict, password: str, etc_jupyter: Path) -> str:
    guide = swap(guide_block("# jupyterhub_config.py"), [
        ('KIT = "/opt/smmkit"', f"KIT = {str(ROOT)!r}"),
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
        restore_modes = open_paths_for_others([ROOT, Path(os.path.realpath(sys.executable)).parent,
                                               Path(sys.base_prefix) / "lib"])
        for user in USERS:
            remove_user(user)  # a leftover of an interrupted run (marked as ours)
            subprocess.run(["useradd", "-m", "-s", "/bin/bash", "-c", MARK, user], check=True,
                           capture_output=True)
        # the kit's environment must work for every user (the guide: a clone readable by all)
        try:
            probe = as_user(STUDENTS[0], [BIN / "python", "-c", "import jupyterhub, nbgrader, smmkit"],
                            check=False)
            problem = probe.stderr[-1500:] if probe.returncode else ""
        except OSError as exc:
            problem = str(exc)
        if problem:
            pytest.skip(f"JupyterHub-test: de omgeving {VENV} is niet leesbaar voor andere gebruikers: {problem}")

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
        config.write_text(hub_config(base, ports, hub.password, etc_jupyter), encoding="utf-8")
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
        for folder, mode in restore_modes:
            os.chmod(folder, mode)
        shutil.rmtree(base, ignore_errors=True)


def grader_run(hub: Hub, *args, timeout: float = 300) -> subprocess.CompletedProcess:
    """A command in the formgrader service's terminal: the grader account, in the course folder."""
    env = user_env(GRADER, {"SMMKIT_COURSE_ID": COURSE, "JUPYTER_CONFIG_PATH": str(hub.etc_jupyter)})
    return as_user(GRADER, list(args), cwd=hub.course, env=env, timeout=timeout)


def server_api(hub: Hub, user: str, method: str, path: str, **kwargs) -> requests.Response:
    response = hub.api(method, f"/user/{user}{path}", user, **kwargs)
    assert response.status_code == 200, f"{method} /user/{user}{path}: {response.status_code} {response.text[:500]}"
    return response


def test_course_cycle_on_a_real_hub(hub):
    laps, last = {}, [time.monotonic()]

    def lap(name: str) -> None:
        now = time.monotonic()
        laps[name], last[0] = now - last[0], now
    for user in [TEACHER, *STUDENTS]:
        hub.login(user)
    for user in [TEACHER, *STUDENTS]:
        hub.start_server(user)

    # --- teacher (formgrader service): generate and release, as in the guide ---
    grader_run(hub, "nbgrader", "generate_assignment", ASSIGNMENT, "--force")
    grader_run(hub, "nbgrader", "release_assignment", ASSIGNMENT)
    assert (hub.exchange / COURSE / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()
    grader_uid = pwd.getpwnam(GRADER).pw_uid
    for folder, mode in [(COURSE, 0o755), (f"{COURSE}/outbound", 0o755), (f"{COURSE}/inbound", 0o2733)]:
        info = (hub.exchange / folder).stat()
        assert (info.st_uid, oct(stat.S_IMODE(info.st_mode))) == (grader_uid, oct(mode)), folder
    lap("login, servers, generate, release")

    # --- the formgrader through the hub: the teacher yes (browser and token), students no ---
    for user in [TEACHER, *STUDENTS]:
        hub.wait_ready(user)
    teacher_page = hub.sessions[TEACHER].get(f"{hub.url}/services/{COURSE}/formgrader", timeout=60)
    # (no consent page in between: the OAuth round trip lands on the formgrader's first page)
    assert (teacher_page.status_code, teacher_page.url) == (
        200, f"{hub.url}/services/{COURSE}/formgrader/manage_assignments"), \
        f"formgrader for the teacher: {teacher_page.status_code} {teacher_page.url}\n{hub.log()}"
    student_page = hub.sessions[STUDENTS[0]].get(f"{hub.url}/services/{COURSE}/formgrader", timeout=60)
    assert student_page.status_code == 403, f"a student reached the formgrader: {student_page.status_code}"
    assignments = hub.api("GET", f"/services/{COURSE}/formgrader/api/assignments", TEACHER)
    assert assignments.status_code == 200, assignments.text[:500]
    assert [a["name"] for a in assignments.json()] == [ASSIGNMENT]
    assert hub.api("GET", f"/services/{COURSE}/formgrader/api/assignments", STUDENTS[0]).status_code == 403
    # the guide has the teacher type the commands in a terminal of the service
    terminal = hub.api("POST", f"/services/{COURSE}/api/terminals", TEACHER)
    assert terminal.status_code == 200, f"no terminal in the service: {terminal.status_code} {terminal.text[:300]}"
    hub.api("DELETE", f"/services/{COURSE}/api/terminals/{terminal.json()['name']}", TEACHER)

    # the teacher's own server finds the course's formgrader (menu Nbgrader > Courses), a student's not
    courses = server_api(hub, TEACHER, "GET", "/formgraders").json()
    assert courses["success"], courses
    assert any(c["course_id"] == COURSE and c["kind"] == "jupyterhub" for c in courses["value"]), courses
    student_courses = server_api(hub, STUDENTS[0], "GET", "/formgraders").json()
    assert not any(c["kind"] == "jupyterhub" for c in student_courses["value"]), student_courses

    lap("formgrader access")

    # --- students: the Assignments tab (its server API) and the nbgrader Lab extension ---
    lab = hub.sessions[STUDENTS[0]].get(f"{hub.url}/user/{STUDENTS[0]}/lab", timeout=60)
    assert lab.status_code == 200 and "@jupyter/nbgrader" in lab.text, "nbgrader's Lab extension is not loaded"
    for student in STUDENTS:
        listed = server_api(hub, student, "GET", "/assignments", params={"course_id": COURSE}).json()
        assert listed["success"] and [a["assignment_id"] for a in listed["value"]] == [ASSIGNMENT], listed
        server_api(hub, student, "POST", "/assignments/fetch",
                   params={"course_id": COURSE, "assignment_id": ASSIGNMENT})
    home = {s: Path(pwd.getpwnam(s).pw_dir) for s in STUDENTS}
    fetched = {s: home[s] / COURSE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb" for s in STUDENTS}
    assert all(p.exists() for p in fetched.values()), list(home[STUDENTS[0]].rglob("*"))
    assert fetched[STUDENTS[0]].stat().st_uid == pwd.getpwnam(STUDENTS[0]).pw_uid
    # student 2 "works": the answers of the source version (student 1 hands in the untouched copy)
    shutil.copy(hub.course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", fetched[STUDENTS[1]])
    os.chown(fetched[STUDENTS[1]], pwd.getpwnam(STUDENTS[1]).pw_uid, pwd.getpwnam(STUDENTS[1]).pw_gid)
    for student in STUDENTS:
        result = server_api(hub, student, "POST", "/assignments/submit",
                            params={"course_id": COURSE, "assignment_id": ASSIGNMENT}).json()
        assert result["success"], result

    # --- what students cannot read ---
    student = STUDENTS[0]
    for secret in [hub.course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", hub.course / "gradebook.db",
                   fetched[STUDENTS[1]]]:
        assert as_user(student, ["head", "-c", "1", secret], check=False).returncode != 0, f"{student} can read {secret}"
    inbound = hub.exchange / COURSE / "inbound"
    assert as_user(student, ["ls", inbound], check=False).returncode != 0, "students can list all submissions"

    lap("fetch, submit, permissions")

    # --- teacher: collect, grade with the kit's batch runner, check in the formgrader, feedback ---
    grader_run(hub, "nbgrader", "collect", ASSIGNMENT)
    for s in STUDENTS:
        assert (hub.course / "submitted" / s / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists(), s
    grader_run(hub, BIN / "python", "-m", "smmkit.grading", "autograde", ASSIGNMENT, timeout=400)
    report = {o["student"]: o for o in json.loads(
        (hub.course / "autograded" / f"rapport-{ASSIGNMENT}.json").read_text(encoding="utf-8"))}
    assert {s: report[s]["status"] for s in STUDENTS} == {s: "beoordeeld" for s in STUDENTS}, report
    assert report[STUDENTS[0]]["score"] == 0
    assert report[STUDENTS[1]]["score"] == report[STUDENTS[1]]["max_score"] > 0, report

    lap("collect, autograde")
    submissions = hub.api("GET", f"/services/{COURSE}/formgrader/api/submissions/{ASSIGNMENT}", TEACHER)
    assert submissions.status_code == 200, submissions.text[:500]
    by_student = {s["student"]: s for s in submissions.json()}
    assert set(by_student) == set(STUDENTS) and all(s["autograded"] for s in by_student.values()), by_student

    grader_run(hub, "nbgrader", "generate_feedback", ASSIGNMENT)
    grader_run(hub, "nbgrader", "release_feedback", ASSIGNMENT)
    for s in STUDENTS:
        server_api(hub, s, "POST", "/assignments/fetch_feedback",
                   params={"course_id": COURSE, "assignment_id": ASSIGNMENT})
        feedback = list((home[s] / COURSE / ASSIGNMENT / "feedback").rglob(f"{ASSIGNMENT}.html"))
        assert feedback, f"no feedback for {s}"
    assert as_user(STUDENTS[0], ["head", "-c", "1", feedback[0]], check=False).returncode != 0, \
        "student 1 can read student 2's feedback"

    export = grader_run(hub, "nbgrader", "export", "--to", "cijfers.csv")
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(
        (hub.course / "cijfers.csv").read_text(encoding="utf-8")))}
    assert float(rows[STUDENTS[1]]["raw_score"]) == report[STUDENTS[1]]["max_score"], export.stdout
    lap("formgrader grades, feedback, export")
    print("\n[hub timings] " + ", ".join(f"{k}: {v:.0f} s" for k, v in laps.items()))
