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
``gradebook.db``, each other's home or each other's submissions; the shared kit (the guide's /opt/smmkit)
is a ``kit.py student-copy`` with its own .venv, and a student finds no line of a worked answer or
hidden test in any file readable to them in the kit, the hub's folders, every home, /tmp, /var/tmp,
/srv, /opt, /etc, /usr/local and this checkout (smmkit.grading.leaks, run as the student).

Not checked: a real authenticator (LTI, OAuth), HTTPS, and 300 users (load, time).

Touches the system (users, chmod o+x on the folders above the student copy when they lack it, this
checkout closed to others for the duration, all restored afterwards), so it runs only as root and only when CI=true or SMMKIT_HUB_TEST=1.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import pwd
import stat
import time
from pathlib import Path

import pytest

from .conftest import (ASSIGNMENT, COURSE, GRADER, ROOT, SKIP, STUDENTS, TEACHER, USERS, as_user, grader_run,
                       server_api)

# (its fixture builds the student copy with uv sync, npm ci and the lab extension build: the whole test
# took 407 s in a fresh clone on a 2-core machine)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
if SKIP:
    pytestmark.append(pytest.mark.skip(reason=SKIP))


def load_make_class():
    spec = importlib.util.spec_from_file_location("make_class", ROOT / "tools" / "make_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    # student 2 "works": the worked answers of the source in the fetched copy, with her own id typed in
    # (since issue #18 each student has her own case; the source's answers as they are would be another
    # student's work). Student 1 hands in the untouched copy.
    make_class = load_make_class()
    source = json.loads((hub.course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
    fetched_nb = json.loads(fetched[STUDENTS[1]].read_text(encoding="utf-8"))
    fetched[STUDENTS[1]].write_text(make_class.dump(make_class.submission(fetched_nb, source, {}, STUDENTS[1])),
                                    encoding="utf-8")
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
    grader_run(hub, hub.bin / "python", "-m", "smmkit.grading", "autograde", ASSIGNMENT, timeout=400)
    report = {o["student"]: o for o in json.loads(
        (hub.course / "autograded" / f"rapport-{ASSIGNMENT}.json").read_text(encoding="utf-8"))}
    assert {s: report[s]["status"] for s in STUDENTS} == {s: "graded" for s in STUDENTS}, report
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

    # --- no worked answer or hidden test anywhere a student can read (issue #23) ---
    from smmkit.grading.leaks import solution_only_lines

    secret = sorted(solution_only_lines(ROOT))
    assert len(secret) > 50
    lines = hub.base / "zoekregels" / "regels.json"
    lines.parent.mkdir()
    lines.write_text(json.dumps(secret), encoding="utf-8")
    os.chmod(lines.parent, 0o755)
    os.chmod(lines, 0o644)
    folders = [hub.kit, hub.base, hub.exchange, ROOT, *(pwd.getpwnam(u).pw_dir for u in USERS),
               "/tmp", "/var/tmp", "/srv", "/opt", "/etc", "/usr/local", "/home"]
    found = as_user(STUDENTS[0], [hub.bin / "python", "-m", "smmkit.grading.leaks", lines, *folders],
                    check=False, timeout=600)
    assert found.returncode == 0, f"{STUDENTS[0]} can read worked answers or hidden tests:\n{found.stdout[-3000:]}"
    assert not (hub.kit / "solutions").exists() and not (hub.kit / "tests").exists()
    # the search does find them where they are (as the grader, in the course folder)
    seen = as_user(GRADER, [hub.bin / "python", "-m", "smmkit.grading.leaks", lines, hub.course], check=False)
    assert seen.returncode == 1 and "solutions" in seen.stdout, seen.stdout[-2000:] + seen.stderr[-2000:]
    lap("no solutions readable by students")
    print("\n[hub timings] " + ", ".join(f"{k}: {v:.0f} s" for k, v in laps.items()))
