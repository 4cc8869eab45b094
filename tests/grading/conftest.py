"""The real nbgrader courses of the grading tests, each built and graded ONCE per test session, in the background.

``course``: for every assignment in solutions/ (so h02–h09 are covered as soon as they exist):
generate the release with nbgrader, submit the source notebook as student ``voorbeeld`` and the
untouched release as student ``leeg``; for h01 also the library of faulty submissions
(tests/grading/faulty/make_faulty.py) and the class of five (scored_class.py). Everything is graded
with the kit's batch runner and feedback is generated: see course_worker.py. Two workers (h01, and
the other assignments), each with its own course folder and gradebook.

``stock_class``: the class of five (scored_class.py) graded by stock ``nbgrader autograde``
(test_insight.py and test_stock_cli.py read it). ``kit_class``: the same class graded by the kit's
runner, into a real PostgreSQL server when there is one (``pg_class``: test_postgres.py,
test_insight.py), else into SQLite; test_same_as_stock.py compares it cell by cell with stock's.
See class_worker.py.

All builds start together in the background as soon as the first grading test runs (only those
that the selected tests need), and the tests that need no build run first: the two cores grade
while the quick tests run. A test waits only for the build it uses. The timings of every build
are printed at the end of the run.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and re.match(r"h\d\d-", p.name))
# While writing one assignment: SMMKIT_GRADING_ONLY=h02-typen-en-kanalen grades only that one (CI grades all).
if os.environ.get("SMMKIT_GRADING_ONLY"):
    ASSIGNMENTS = [a for a in ASSIGNMENTS if a in os.environ["SMMKIT_GRADING_ONLY"].split(",")]
FAULTY_FOR = "h01-introductie"
# The infrastructure tests' own course: the first h01, frozen (fixtures/README.md)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHEAT_RUN_ANYWAY = "vals_check_vervangen"  # the one cheat course_worker.py also runs with --allow-suspicious


def _load_faulty():
    spec = importlib.util.spec_from_file_location("make_faulty", Path(__file__).parent / "faulty" / "make_faulty.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


faulty = _load_faulty()


def env(home: Path) -> dict:
    out = dict(os.environ)
    out["PATH"] = str(BIN) + os.pathsep + out.get("PATH", "")
    out["MPLBACKEND"] = "Agg"
    out["SMMKIT_HOME"] = str(home)
    out["HOME"] = str(home)  # the faulty library attacks the grader's HOME: never the real one
    out.pop("NBGRADER_EXECUTION", None)
    out.pop("SMMKIT_GRADEBOOK", None)
    # the public self-study secret: the release generated here is the committed exercises/
    out["SMMKIT_CURSUSGEHEIM"] = "zelfstudie"
    return out


def run(cmd, root: Path, home: Path, timeout: float = 900, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], cwd=root, env=env(home), capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{cmd} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


class Course:
    """Two temporary nbgrader courses graded side by side: the frozen infrastructure h01 with the faulty
    library (``root``, ``faulty_report()``), and every real assignment (``root_of``, ``report``)."""

    def __init__(self, roots: dict[str, Path], home: Path, summaries: list[dict], faulty: dict | None = None):
        self.roots, self.home = roots, home
        self.root = faulty["root"] if faulty else None  # the course with the faulty submissions
        self.faulty_summary = faulty["summary"] if faulty else None
        self.generated, self.reports, self.timings, self.log = {}, {}, {}, ""
        self.cheat_run_anyway, self.run_anyway = None, {}
        self.summaries = summaries
        for summary in ([self.faulty_summary] if faulty else []) + summaries:
            self.generated.update(summary["generated"])
            self.reports.update(summary["reports"])
            first = next(iter(summary["generated"]), "?")
            self.timings.update({f"[{first[:3]}…] {k}": v for k, v in summary["timings"].items()})
            self.log += summary["log"]
            self.cheat_run_anyway = self.cheat_run_anyway or summary["cheat_run_anyway"]
            self.run_anyway.update(summary.get("run_anyway", {}))

    def root_of(self, assignment: str) -> Path:
        return self.roots[assignment]

    def faulty_report(self) -> dict[str, dict]:
        """The batch report of the infrastructure course (the frozen h01 and the faulty library)."""
        assert self.faulty_summary and FAULTY_FOR in self.faulty_summary["reports"], self.log
        return self.faulty_summary["reports"][FAULTY_FOR]

    def report(self, assignment: str) -> dict[str, dict]:
        assert self.generated.get(assignment), f"nbgrader generate_assignment {assignment} failed:\n{self.log}"
        assert assignment in self.reports, f"the batch runner failed for {assignment}:\n{self.log}"
        return self.reports[assignment]



# --- the background builds -----------------------------------------------------------------------

HERE = Path(__file__).resolve().parent
BUILD_FIXTURES = {"course": ("h01", "rest"), "stock_class": ("stock",), "kit_class": ("kit",),
                  "pg_class": ("kit",), "postgres_url": ("kit",)}
# run after everything else: it grades a class of its own twice and would only slow the builds down
LAST = {"test_bench_grading.py"}
TIMINGS: dict[str, float] = {}


class Build:
    """One worker process (course_worker.py or class_worker.py) with its own course folder and log."""

    def __init__(self, name: str, root: Path, cmd: list, home: Path):
        self.name, self.root, self.started = name, root, time.time()
        self.log = open(root / "worker.log", "w", encoding="utf-8")
        self.process = subprocess.Popen([str(c) for c in cmd], cwd=root, env=env(home), stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self.summary = None

    def wait(self) -> dict:
        if self.summary is None:
            self.process.wait(timeout=1800)
            self.log.close()
            path = self.root / "summary.json"
            if path.exists():  # from start to the end of the build, not to the first test that waited
                TIMINGS[self.name] = path.stat().st_mtime - self.started
            text = (self.root / "worker.log").read_text(encoding="utf-8", errors="replace")
            assert path.exists(), f"grading build {self.name} failed:\n{text[-5000:]}"
            self.summary = json.loads(path.read_text(encoding="utf-8"))
            for step, seconds in self.summary.get("timings", {}).items():
                TIMINGS[f"{self.name}: {step}"] = seconds
        return self.summary

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, 9)
            except ProcessLookupError:
                pass
            self.process.wait()
        if not self.log.closed:
            self.log.close()


class Builds:
    """Starts the builds that the selected grading tests need, once, and hands them to the fixtures."""

    def __init__(self, config, needed: set[str]):
        self.config, self.needed, self.builds, self.started = config, needed, {}, False
        self.home = self.pg_url = self.pg_stop = None
        self.pg_problem = self.pg_error = ""

    def mktemp(self, name: str) -> Path:
        return self.config._tmp_path_factory.mktemp(name)

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self.home = self.mktemp("leerling")  # the course workers' HOME (the faulty library attacks it)
        if {"h01", "rest"} & self.needed:
            # "h01": the frozen infrastructure course with the faulty library; "rest": every real assignment
            groups = {"h01": [FAULTY_FOR] if FAULTY_FOR in ASSIGNMENTS else [], "rest": list(ASSIGNMENTS)}
            for name, group in groups.items():
                if not group:
                    continue
                root = self.mktemp("cursus")
                shutil.copy(ROOT / "nbgrader_config.py", root)
                origin = FIXTURES / "solutions" if name == "h01" else ROOT / "solutions"
                for assignment in group:
                    shutil.copytree(origin / assignment, root / "solutions" / assignment)
                # h01 holds most submissions: two at a time; the other course one at a time, so the
                # machine runs about as many kernels as it has cores next to the other builds
                flags = ["--faulty", "--workers", "2"] if name == "h01" else ["--workers", "1"]
                self.builds[name] = Build(name, root, [sys.executable, HERE / "course_worker.py", root,
                                                       root / "summary.json", *flags, *group], self.home)
        if "stock" in self.needed:
            root = self.mktemp("stock")
            self.builds["stock"] = Build("stock", root, [sys.executable, HERE / "class_worker.py", root,
                                                         root / "summary.json", "stock"], self.mktemp("thuis"))
        if "kit" in self.needed:
            from .postgres import start_postgres

            started = time.monotonic()
            try:
                self.pg_url, self.pg_stop, self.pg_problem = start_postgres()
            except Exception as exc:  # a server that is there but does not start: the PostgreSQL tests fail
                self.pg_error = f"{type(exc).__name__}: {exc}"
            TIMINGS["kit: PostgreSQL server start"] = time.monotonic() - started
            root = self.mktemp("kit")
            self.builds["kit"] = Build("kit", root, [sys.executable, HERE / "class_worker.py", root,
                                                     root / "summary.json", "kit", *filter(None, [self.pg_url])],
                                       self.mktemp("thuis"))

    def get(self, name: str) -> Build:
        self.start()
        assert name in self.builds, f"grading build {name} was not started (needed: {sorted(self.needed)})"
        build = self.builds[name]
        build.wait()
        return build

    def stop(self) -> None:
        for build in self.builds.values():
            build.stop()
        if self.pg_stop:
            self.pg_stop()


def _is_grading(item) -> bool:
    return Path(str(item.fspath)).resolve().is_relative_to(HERE)


def _needs(item) -> set[str]:
    return {b for f, names in BUILD_FIXTURES.items() if f in getattr(item, "fixturenames", ()) for b in names}


def pytest_collection_modifyitems(session, config, items):
    """Grading tests that need no build first (they run while the builds grade), then those that need
    the short builds (stock, pg), then those that need the courses; the order within each kind stays."""
    grading = [(i, item) for i, item in enumerate(items) if _is_grading(item)]
    if not grading:
        return

    def rank(entry):
        i, item = entry
        needs = _needs(item)
        last = Path(str(item.fspath)).name in LAST
        return (3 if last else 2 if {"h01", "rest"} & needs else 1 if needs else 0, i)

    places = [i for i, _ in grading]
    for place, (_, item) in zip(places, sorted(grading, key=rank)):
        items[place] = item
    config._smmkit_builds = Builds(config, set().union(*(_needs(item) for _, item in grading)))


def pytest_runtest_setup(item):
    builds = getattr(item.config, "_smmkit_builds", None)
    if builds is not None:
        builds.start()


def pytest_unconfigure(config):
    builds = getattr(config, "_smmkit_builds", None)
    if builds is not None:
        builds.stop()


def pytest_terminal_summary(terminalreporter, config):
    if TIMINGS:
        terminalreporter.section("grading builds (in the background, side by side)")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"  {seconds:6.0f} s  {name}")


@pytest.fixture(scope="session")
def _builds(request) -> Builds:
    builds = getattr(request.config, "_smmkit_builds", None)
    if builds is None:  # collected without this conftest's hook (should not happen)
        builds = request.config._smmkit_builds = Builds(request.config, {"h01", "rest", "stock", "kit"})
    return builds


@pytest.fixture(scope="session")
def course(_builds) -> Course:
    _builds.start()
    faulty = None
    if "h01" in _builds.builds:
        build = _builds.get("h01")
        faulty = {"root": build.root, "summary": build.summary}
    summaries, roots = [], {}
    if "rest" in _builds.builds:
        build = _builds.get("rest")
        summaries.append(build.summary)
        roots = {assignment: build.root for assignment in build.summary["generated"]}
    c = Course(roots, _builds.home, summaries, faulty)
    print("\n[grading timings] " + ", ".join(f"{k}: {v:.0f} s" for k, v in c.timings.items()))
    return c


@pytest.fixture(scope="session")
def stock_class(_builds) -> Path:
    """The class of five graded by stock nbgrader autograde, then by hand (SQLite)."""
    return _builds.get("stock").root


@pytest.fixture(scope="session")
def postgres_url(_builds) -> str:
    _builds.start()
    if _builds.pg_error:
        pytest.fail(_builds.pg_error)
    if not _builds.pg_url:
        pytest.skip(_builds.pg_problem or "PostgreSQL was not started")
    return _builds.pg_url


@pytest.fixture(scope="session")
def kit_class(_builds) -> tuple[Path, str]:
    """(course folder, gradebook URL) of the class of five graded by the kit's runner, then by hand."""
    build = _builds.get("kit")
    return build.root, build.summary["db_url"]


@pytest.fixture(scope="session")
def pg_class(postgres_url, kit_class) -> Path:
    """The class of five graded by the kit's runner into PostgreSQL, then by hand."""
    root, db_url = kit_class
    assert db_url == postgres_url
    return root
