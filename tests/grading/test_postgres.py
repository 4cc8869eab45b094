"""The gradebook in a real PostgreSQL server: nbgrader's ``db_url`` with the kit's grader and export.

The test starts Debian's PostgreSQL itself (initdb into a temporary folder, pg_ctl on 127.0.0.1 with a
free port and a socket in that folder, stopped and removed afterwards), points the course's
nbgrader_config.py at it as docs/docent.md tells a teacher to, generates the release, grades honest
submissions (good, half, empty) with the kit's parallel grader (``python -m smmkit.grading
autograde --workers 2``: sandboxed workers, one gradebook writer) and reads the scores
back from PostgreSQL, with nbgrader's API and with ``python -m smmkit.grading export``.
"""
from __future__ import annotations

import csv
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from . import honest
from .conftest import BIN, ROOT, run

pytestmark = pytest.mark.slow
ASSIGNMENT = "h01-introductie"


def server_bindir() -> Path | None:
    """The newest Debian PostgreSQL server (initdb and pg_ctl), or one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    bindir = server_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): `python3 kit.py test` installs Debian's "
                    "postgresql when it runs as root (or with sudo) on apt")
    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="smmkit-pg-"))
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root: use the account Debian's package makes
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' account to run the server as")
        os.chown(base, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = base / "data", base / "server.log", free_port()

    def pg(*args, check=True):
        return subprocess.run(as_user + [str(a) for a in args], capture_output=True, text=True, timeout=120,
                              check=check)

    pg(bindir / "initdb", "-D", data, "-U", "grader", "--auth=trust", "-E", "UTF8", "--no-locale")
    started = pg(bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                 f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start", check=False)
    try:
        assert started.returncode == 0, f"pg_ctl start failed:\n{started.stdout}{started.stderr}\n" + \
            (log.read_text() if log.exists() else "")
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=grader dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE smmkit")
        yield f"postgresql+psycopg://grader@127.0.0.1:{port}/smmkit"
    finally:
        pg(bindir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)


def test_kit_grader_and_export_with_a_postgresql_gradebook(postgres_url, tmp_path):
    root, home = tmp_path / "cursus", tmp_path / "leerling"
    home.mkdir()
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    config = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(config + f"\nc.CourseDirectory.db_url = {postgres_url!r}\n",
                                             encoding="utf-8")
    run([BIN / "nbgrader", "generate_assignment", ASSIGNMENT, "--force"], root, home)
    kinds = {"goed": "good", "half": "half", "leeg": "empty"}
    honest.write_class(root, ASSIGNMENT, kinds)

    result = run([BIN / "python", "-m", "smmkit.grading", "autograde", ASSIGNMENT, "--root", root,
                  "--workers", "2", "--", "--SafeExecute.timeout=10"], root, home)
    assert not (root / "gradebook.db").exists(), "graded into SQLite instead of PostgreSQL"

    scores = honest.gradebook_scores(postgres_url, ASSIGNMENT)
    top = honest.max_code_score(postgres_url, ASSIGNMENT)
    totals = {student: sum(cells.values()) for student, cells in scores.items()}
    assert set(totals) == set(kinds), result.stdout
    assert top > 0 and totals["goed"] == top, (totals, result.stdout[-3000:])
    assert totals["leeg"] == 0
    assert 0 < totals["half"] < top

    roster = root / "brightspace.csv"
    roster.write_text("OrgDefinedId,Username,End-of-Line Indicator\n#1,#goed,#\n#2,#half,#\n#3,#leeg,#\n"
                      "#4,#afwezig,#\n", encoding="utf-8")
    out = root / "import.csv"
    exported = run([BIN / "python", "-m", "smmkit.grading", "export", ASSIGNMENT, "--lms", "brightspace",
                    "--roster", roster, "--scale", "points", "--auto-only", "--to", out, "--root", root], root, home)
    rows = {r["Username"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    column = f"{ASSIGNMENT} Points Grade"
    assert float(rows["#goed"][column]) == top and float(rows["#leeg"][column]) == 0
    assert float(rows["#half"][column]) == totals["half"] and rows["#afwezig"][column] == ""
    assert "afwezig" in exported.stdout
