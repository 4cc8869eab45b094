"""TwoProcessExecute with a real kernel and a real test process, on a small source notebook (no course needed).

The batch runner and the faulty library (test_faulty.py) grade whole courses in the sandbox; these tests
show the mechanism itself, quickly: what the kernel runs, what the test process sees, the caps."""
from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from smmkit.grading import twoproc
from smmkit.grading.twoproc import TwoProcessExecute

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def course_secret(monkeypatch):
    """The course secret the assignment key comes from (the variant contract, docs/design-grading.md §1)."""
    monkeypatch.setenv("SMMKIT_CURSUSGEHEIM", "zelfstudie")


def _cell(source, grade_id, **flags):
    meta = {"grade": False, "solution": False, "locked": False, "grade_id": grade_id, "schema_version": 3}
    meta.update(flags)
    return new_code_cell(source, metadata={"nbgrader": meta})


SETUP = "import os\nbasis = 10\n"
TEST_X = ("print('controle x')\n### BEGIN HIDDEN TESTS\nassert x == 11, 'GEHEIM-X'\n### END HIDDEN TESTS\n")
TEST_ENV = ("assert os.environ['SMMKIT_VARIANT_FROM'] == 'submitter'\n"
            "assert os.environ['SMMKIT_SUBMITTER'] == 'anna'\n"
            "from smmkit import variant\n"
            "assert os.environ['SMMKIT_ASSIGNMENT_KEY'] == variant.assignment_key('zelfstudie', 'a')\n"
            "assert variant.mine('a').student == 'anna'\n"
            "assert os.environ.get('PYTHONSAFEPATH') == '1'\n"
            "assert sorted(os.listdir('.')) == [], os.listdir('.')\n"
            "assert isinstance(tabel, dict) and tabel['a'] == (1, 2.5)\n")


def source_notebook(tmp_path):
    nb = new_notebook(cells=[
        _cell(SETUP, "start", locked=True),
        _cell("### BEGIN SOLUTION\nx = basis + 1\n### END SOLUTION\n", "antwoord_x", solution=True),
        _cell(TEST_X, "test_x", grade=True, locked=True, points=2),
        _cell("### BEGIN SOLUTION\ntabel = {'a': (1, 2.5)}\nimport math\ndef f(): pass\n### END SOLUTION\n",
              "antwoord_tabel", solution=True),
        _cell(TEST_ENV, "test_env", grade=True, locked=True, points=1),
    ])
    path = tmp_path / "bron.ipynb"
    nbformat.write(nb, path)
    return path


def student(answer_x: str, answer_tabel: str = "tabel = {'a': (1, 2.5)}", extra=()):
    cells = [
        _cell(SETUP, "start", locked=True),
        _cell(answer_x, "antwoord_x", solution=True),
        _cell("print('controle x')\n", "test_x", grade=True, locked=True, points=2),
        _cell(answer_tabel, "antwoord_tabel", solution=True),
        _cell("", "test_env", grade=True, locked=True, points=1),
        *[new_code_cell(code) for code in extra],
    ]
    return new_notebook(cells=cells)


def grade(tmp_path, notebook, **traits):
    executor = TwoProcessExecute(source_notebook=str(source_notebook(tmp_path)), timeout=60, **traits)
    resources = {"nbgrader": {"student": "anna", "assignment": "a", "notebook": "bron"},
                 "metadata": {"path": str(tmp_path)}}
    notebook, _ = executor.preprocess(notebook, resources)
    return notebook, executor


def errors(cell):
    return [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]


def test_plan_reads_the_source():
    nb = nbformat.reads(json.dumps(new_notebook(cells=[
        _cell("a = 1\nb, (c, *d) = 1, (2, 3)\nfor i in []: pass\nif True:\n    e = 2\nimport z\ndef g(): h = 1\n",
              "s", solution=True),
        _cell("assert a", "t", grade=True, locked=True),
        _cell("k = 1", "l", locked=True),
    ])), as_version=4)
    steps, files = twoproc.plan(nb)
    assert [s["kind"] for s in steps] == ["test", "setup"]
    assert steps[0]["names"] == ["a", "b", "c", "d", "i", "e"] and files == []


def test_good_and_wrong_answers_and_the_variant_contract(tmp_path):
    good, executor = grade(tmp_path, student("x = basis + 1"))
    assert not errors(good.cells[2]) and not errors(good.cells[4]), (good.cells[2].outputs, good.cells[4].outputs)
    assert good.cells[2].outputs[0].text == "controle x\n"
    assert good.cells[2].source.startswith("print('controle x')")  # the sources are given back
    seconds = executor.stage_seconds  # the benchmark's profile per submission: every stage measured
    assert set(seconds) == set(twoproc.STAGES)
    assert all(seconds[s] > 0 for s in ("kernel_start", "cells", "extract", "student", "tests", "tests_setup",
                                        "tests_run")), seconds
    # "extract" also counts reading the messages back after the kernel ended, so it is left out of this sum
    assert seconds["kernel_start"] + seconds["cells"] + seconds["kernel_stop"] <= seconds["student"] + 1e-6, seconds
    assert seconds["tests_setup"] + seconds["tests_run"] <= seconds["tests"] + 1e-6, seconds
    wrong, _ = grade(tmp_path, student("x = 3", "tabel = [1]"))
    assert errors(wrong.cells[2])[0].ename == "AssertionError" and errors(wrong.cells[4])


ATTACKS = {
    "ast_transformer": (
        "import ast\nclass V(ast.NodeTransformer):\n    def visit_Module(self, node):\n"
        "        node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[ast.ExceptHandler(type=None, name=None,"
        " body=[ast.Pass()])], orelse=[], finalbody=[])]\n        return ast.fix_missing_locations(node)\n"
        "get_ipython().ast_transformers.append(V())\n"),
    "do_execute": ("k = get_ipython().kernel\nold = k.do_execute\n"
                   "k.do_execute = lambda code, *a, **kw: old('pass', *a, **kw)\n"),
    "points_hook": ("ip = get_ipython()\nip.events.register('pre_run_cell', lambda info: ip.displayhook(2))\n"),
    "history": "print(In)\n",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attacks_on_the_kernel_do_not_reach_the_tests(tmp_path, attack):
    notebook = student("x = 3\n" + ATTACKS[attack])
    graded, _ = grade(tmp_path, notebook)
    assert errors(graded.cells[2]), graded.cells[2].outputs  # x = 3 stays wrong
    assert not [o for o in graded.cells[2].outputs if o.output_type == "execute_result"]
    # the hidden assert is only in the test process's error of its own cell, never in what the kernel printed
    kernel = [c.outputs for i, c in enumerate(graded.cells) if i not in (2, 4)]
    assert "GEHEIM-X" not in json.dumps(kernel) and "assert x == 11" not in json.dumps(kernel)


def test_not_plain_data_fails_with_a_dutch_reason(tmp_path):
    graded, _ = grade(tmp_path, student("x = basis + 1", "tabel = open('/dev/null')"))
    error = errors(graded.cells[4])[0]
    assert "tabel" in error.evalue and "geen gewone waarde" in error.evalue, error


def test_no_answers_when_the_kernel_died(tmp_path):
    graded, _ = grade(tmp_path, student("import os\nos._exit(1)"))
    for index in (2, 4):
        assert errors(graded.cells[index]), graded.cells[index].outputs


def test_every_output_type_is_capped_per_cell_and_per_notebook(tmp_path):
    big = ("from IPython.display import display\n"
           "for i in range(20):\n    display({'text/plain': 'x' * 1_000_000}, raw=True)\n")
    notebook = student("x = basis + 1", extra=[big, big, "raise ValueError('y' * 10_000_000)"])
    graded, _ = grade(tmp_path, notebook, max_cell_output_bytes=3_000_000, max_notebook_output_bytes=4_500_000)
    sizes = [len(json.dumps(c.outputs)) for c in graded.cells]
    assert sizes[5] < 3_100_000 and sum(sizes) < 5_000_000, sizes
    assert "afgekapt" in json.dumps(graded.cells[5].outputs) and "weggelaten" in json.dumps(graded.cells[6].outputs)
    assert graded.cells[7].outputs[-1].output_type == "error"  # an error is kept, shortened
    assert not errors(graded.cells[2])


def test_warm_server_forks_a_fresh_child_per_job(tmp_path):
    notebook = student("x = basis + 1")
    graded, executor = grade(tmp_path, notebook, warm=True)
    assert not errors(graded.cells[2]) and not errors(graded.cells[4]), graded.cells[4].outputs
    again, _ = grade(tmp_path, student("x = 3"), warm=True)
    assert errors(again.cells[2])
    assert twoproc.warm_server() is executor.tests_server


def test_shared_server_in_the_sandbox_gives_each_job_a_fresh_child(tmp_path):
    """The batch runner's warm server (bubblewrap, like the kernels): the course folder is hidden, each job is
    a new fork (what one job changes in a module, the next does not see), the job's env is set."""
    from smmkit.grading.sandbox import Sandbox, bwrap_path

    if bwrap_path() is None:
        pytest.skip("bubblewrap is not installed")
    course = tmp_path / "cursus"
    course.mkdir()
    (course / "geheim.txt").write_text("uitwerking")
    server = twoproc.TestServer(tmp_path / "server", Sandbox(work=tmp_path / "x", hide=[course]))
    try:
        job = {"steps": [{"id": "t", "kind": "test", "names": ["x"], "files": [],
                          "answers": {"version": 1, "values": {"x": 1}, "files": {}},
                          "source": (f"import os, smmkit\nassert not os.path.exists({str(course / 'geheim.txt')!r})\n"
                                     "assert not hasattr(smmkit, '_vlag')\nsmmkit._vlag = 1\n"
                                     "assert os.environ['SMMKIT_SUBMITTER'] == 'anna' and x == 1\n"
                                     "print(os.getpid())\n")}]}
        pids = []
        for _ in range(2):
            results = server.run(job, server.job_folder(), {"SMMKIT_SUBMITTER": "anna"}, timeout=120)
            outputs = results[0]["outputs"]
            assert [o["output_type"] for o in outputs] == ["stream"], outputs
            pids.append(outputs[0]["text"])
        assert pids[0] != pids[1]
    finally:
        server.close()
    assert not server.alive()


def test_a_forked_worker_uses_the_shared_server(tmp_path):
    """The batch runner starts the server, then forks its workers: in a worker the server is alive and used
    (Popen.poll() in a forked child says 'dead': ECHILD)."""
    import os

    server = twoproc.start_shared_server(tmp_path / "server")
    try:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            ok = False
            try:
                executor = TwoProcessExecute()
                ok = executor._server() is server and server.alive()
            finally:
                os._exit(0 if ok else 1)
        _pid, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        twoproc.stop_shared_server()
    assert not server.alive()


def test_the_graded_kernel_is_stopped_at_once(tmp_path):
    """The student's kernel is only asked to answer: no graceful shutdown to wait for (the profile showed
    seconds of kernel_stop under load); the notebook is graded as before."""
    graded, executor = grade(tmp_path, student("x = basis + 1", extra=["print('laatste cel', len(In) > 1)"]))
    assert executor.shutdown_kernel == "immediate"
    assert graded.cells[-1].outputs[0].text == "laatste cel True\n", graded.cells[-1].outputs
    assert not errors(graded.cells[2]) and not errors(graded.cells[4])


def test_the_batch_test_server_fills_a_bytecode_cache_that_kernels_only_read(tmp_path):
    """start_for_course's server (trusted, never runs student code) compiles what every kernel imports into one
    cache (PYTHONPYCACHEPREFIX); a student's sandbox reads it, cannot write it, and imports pandas from it."""
    from smmkit.grading import sandbox
    from smmkit.grading.sandbox import Sandbox, bwrap_path, probe

    if bwrap_path() is None:
        pytest.skip("bubblewrap is not installed")
    course = tmp_path / "cursus"
    course.mkdir()
    cache = sandbox.use_pycache(tmp_path / "server" / "pycache")
    server = twoproc.TestServer(tmp_path / "server", Sandbox(work=tmp_path / "x", hide=[course]))
    try:
        student = Sandbox(work=tmp_path / "leerling", hide=[course])
        code = ("import sys, os, importlib.util, pandas, ipykernel.kernelapp\n"
                "print(sys.pycache_prefix)\n"
                "print(os.path.exists(importlib.util.cache_from_source(pandas.__file__)))\n"
                "try:\n    open(os.path.join(sys.pycache_prefix, 'geplant.pyc'), 'w')\n    print('schrijft')\n"
                "except OSError as exc:\n    print(type(exc).__name__)\n")
        done = probe(student, code)
    finally:
        server.close()
        sandbox.use_pycache(None)
    assert done.returncode == 0, done.stderr[-2000:]
    prefix, found, write = done.stdout.split()
    assert prefix == str(cache) and found == "True", done.stdout
    assert write == "OSError", "a student's sandbox must not write bytecode for the next one"
    assert not (cache / "geplant.pyc").exists()
    assert sandbox.bwrap_argv(Sandbox(work=tmp_path / "y"), tmp_path / "y" / "z").count("PYTHONPYCACHEPREFIX") == 0


def test_the_bytecode_cache_holds_everything_a_grading_kernel_imports(tmp_path):
    """After the batch's test server filled the cache, a sandboxed kernel that runs a kit exercise (the kit, its
    checks, a dataset shown as a table, an error explained by the safety net) compiles nothing itself: measured by
    giving this one kernel the cache writable and listing what it added (a miss costs every student again)."""
    from nbclient import NotebookClient

    from smmkit.grading import sandbox
    from smmkit.grading.sandbox import Sandbox, SandboxKernelManager, bwrap_path

    if bwrap_path() is None:
        pytest.skip("bubblewrap is not installed")
    cache = sandbox.use_pycache(tmp_path / "server" / "pycache")
    try:
        server = twoproc.TestServer(tmp_path / "server", Sandbox(work=tmp_path / "x"))
        server.close()
        before = set(cache.rglob("*.pyc"))
        box = Sandbox(work=tmp_path / "leerling", pycache_writable=True, env={"NBGRADER_EXECUTION": "autograde"})
        here = box.work / "opdracht"
        here.mkdir(parents=True)
        nb = new_notebook(cells=[new_code_cell(s) for s in (
            "import smmkit\nfrom smmkit import check, variant\nfrom smmkit.data import load\n"
            "tabel = load('gemeenten_bewoners_kanalen')\ntabel", "1 / 0", "x = 1\nx")])
        client = NotebookClient(nb, timeout=60, allow_errors=True, kernel_manager_class=SandboxKernelManager,
                                resources={"metadata": {"path": str(here)}})
        client.km = client.create_kernel_manager()
        client.km.use_sandbox(box, here)
        client.execute()
        added = sorted(str(p.relative_to(cache)) for p in set(cache.rglob("*.pyc")) - before)
    finally:
        sandbox.use_pycache(None)
    assert nb.cells[2].outputs[-1]["data"]["text/plain"] == "1", nb.cells[2].outputs
    assert len(before) > 500, "the server filled the cache"
    assert added == [], f"{len(added)} modules compiled by the kernel itself: {added}"


def test_the_bytecode_cache_lasts_from_batch_to_batch(tmp_path, monkeypatch):
    """The batch's test server compiles into the teacher's cache folder (one per environment): the next batch
    finds it filled and compiles nothing again (the server's start cost seconds per batch)."""
    import shutil
    from pathlib import Path

    from smmkit.grading import sandbox, testserver
    from smmkit.grading.course import Course
    from smmkit.grading.sandbox import bwrap_path

    if bwrap_path() is None:
        pytest.skip("bubblewrap is not installed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "cursus"
    root.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "nbgrader_config.py", root)
    course = Course(root, [])
    seen = []
    for batch in ("eerste", "tweede"):
        try:
            server = testserver.start_for_course(course, tmp_path / batch, 1024, True)
            assert server is not None and server.alive()
            seen.append(sandbox._PYCACHE)
        finally:
            testserver.stop_shared_server()
        files = {p: p.stat().st_mtime_ns for p in seen[-1].rglob("*.pyc")}
        if batch == "eerste":
            first = files
    assert seen[0] == seen[1] and (tmp_path / "cache" / "smmkit") in seen[0].parents, seen
    assert len(first) > 500, "the first batch filled it"
    assert files == first, "the second batch compiled nothing again"
    assert not list((tmp_path / "eerste").rglob("*.pyc")), "nothing in the batch's own folder"
