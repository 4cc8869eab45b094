"""A real PostgreSQL server for the grading tests: Debian's server binaries, started in a temporary folder.

initdb into a temporary folder, pg_ctl on 127.0.0.1 with a free port and a socket in that folder;
stopped and removed at the end of the session (conftest.py starts it once, for test_postgres.py and
test_insight.py).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

NO_SERVER = ("no PostgreSQL server binaries (initdb, pg_ctl): `python3 kit.py test` installs Debian's "
             "postgresql when it runs as root (or with sudo) on apt")


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


def start_postgres():
    """(db_url, stop, "") with a running server and an empty database ``smmkit``; (None, None, why) if
    there is no server to start. A server that is there but fails to start is an error."""
    bindir = server_bindir()
    if bindir is None:
        return None, None, NO_SERVER
    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="smmkit-pg-"))
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root: use the account Debian's package makes
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            return None, None, "running as root and there is no 'postgres' account to run the server as"
        os.chown(base, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = base / "data", base / "server.log", free_port()

    def pg(*args, check=True):
        return subprocess.run(as_user + [str(a) for a in args], capture_output=True, text=True, timeout=120,
                              check=check)

    def stop():
        pg(bindir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)

    try:
        pg(bindir / "initdb", "-D", data, "-U", "grader", "--auth=trust", "-E", "UTF8", "--no-locale")
        started = pg(bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                     f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start", check=False)
        assert started.returncode == 0, f"pg_ctl start failed:\n{started.stdout}{started.stderr}\n" + \
            (log.read_text() if log.exists() else "")
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=grader dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE smmkit")
    except BaseException:
        stop()
        raise
    return f"postgresql+psycopg://grader@127.0.0.1:{port}/smmkit", stop, ""
