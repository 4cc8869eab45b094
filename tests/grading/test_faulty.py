"""The library of faulty submissions (tests/grading/faulty/), graded in one batch."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import ASSIGNMENTS, CHEAT_RUN_ANYWAY, FAULTY_FOR, faulty
from .test_assignments import feedback_text, hidden_only_lines

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(FAULTY_FOR not in ASSIGNMENTS, reason="SMMKIT_GRADING_ONLY leaves h01 out")]


def rows(course):
    return course.faulty_report()


def test_batch_finishes_and_keeps_every_submission(course):
    report = rows(course)
    assert set(faulty.EXPECT) | {"voorbeeld"} <= set(report)
    cases = faulty.build(course.root / "solutions" / FAULTY_FOR, course.root / "exercises" / FAULTY_FOR)
    for student, (name, data) in cases.items():
        if student != "leeg":
            assert (course.root / "submitted" / student / FAULTY_FOR / name).read_bytes() == data, \
                f"{student}: submissions must never be changed"


@pytest.mark.parametrize("case", sorted(faulty.EXPECT))
def test_each_case_is_graded_or_rejected_with_a_reason(course, case):
    row = rows(course)[case]
    wanted, note = faulty.EXPECT[case]
    if wanted == "graded":
        assert row["status"] == "graded", (note, row)
        assert row["max_score"] > 0
    else:
        assert row["status"] == "rejected", (note, row)
        assert len(row["reason"]) > 20, row
        assert row["score"] == 0


def test_specific_outcomes(course):
    report = rows(course)
    full = report["goed"]["max_score"]
    assert report["goed"]["score"] == full
    assert report["leeg"]["score"] == 0
    # the learner's own saved widget work is what gets graded, not the widget's example
    assert report["eigen_werk"]["score"] == full, report["eigen_werk"]
    # restored test cells: a good notebook without its tests still gets every point ...
    assert report["testcellen_verwijderd"]["score"] == full
    assert "teruggezet" in report["testcellen_verwijderd"]["reason"]
    # ... and tests edited to pass are put back, so empty answers still score 0
    assert report["testcellen_aangepast"]["score"] == 0
    assert "gewijzigd" in report["testcellen_aangepast"]["reason"]
    # an answer cell turned into markdown is turned back into code by nbgrader
    assert report["antwoord_als_markdown"]["score"] == full
    # failures in one answer cost that answer, not the notebook
    for case in ("oneindige_lus", "sys_exit", "invoer", "geheugen"):
        assert 0 < report[case]["score"] < full, (case, report[case])
    # a kernel that ignores interrupts or exits is stopped; later cells are not run
    assert report["onderbreking_genegeerd"]["score"] < report["oneindige_lus"]["score"]
    assert "kernel gestopt" in report["onderbreking_genegeerd"]["reason"]
    assert "kernel gestopt" in report["os_exit"]["reason"]
    assert "onderbroken" in report["oneindige_lus"]["reason"]
    assert "verkeerde bestandsnaam" in report["verkeerde_naam"]["reason"]
    assert "h01.ipynb" in report["verkeerde_naam"]["reason"]
    assert "JSON" in report["kapotte_json"]["reason"]
    assert "leeg bestand" in report["leeg_bestand"]["reason"]


def test_runaway_submissions_cost_seconds_not_minutes(course):
    report = rows(course)
    normal = report["goed"]["seconds"]
    for case in ("oneindige_lus", "onderbreking_genegeerd", "geheugen", "veel_uitvoer"):
        assert report[case]["seconds"] < normal + 60, (case, report[case]["seconds"], normal)


def test_no_cheat_scores_above_an_empty_submission(course):
    report = rows(course)
    empty = report["leeg"]["score"]
    for case in faulty.SCAN_CHEATS:
        assert report[case]["score"] <= empty, (case, report[case])
        assert report[case]["findings"], f"{case}: the report names what was found"


def test_cheat_that_is_run_anyway_still_scores_zero(course):
    """Replacing the check helpers gains nothing: the hidden asserts do not use them."""
    row = course.cheat_run_anyway
    assert row["student"] == CHEAT_RUN_ANYWAY and row["status"] == "graded"
    assert row["score"] == 0


def test_feedback_of_failed_hidden_tests_gives_nothing_away(course):
    """A failed hidden assert prints its own line in the traceback; the kit's feedback rewrites it."""
    page = course.root / "feedback" / CHEAT_RUN_ANYWAY / FAULTY_FOR / f"{FAULTY_FOR}.html"
    text = feedback_text(page)
    hidden = hidden_only_lines(FAULTY_FOR)
    assert not [line for line in hidden if line in text]
    assert "nog niet goed" in text  # the real check's Dutch message (the cheat's patched check stayed in its kernel)
    autograded = json.loads((course.root / "autograded" / CHEAT_RUN_ANYWAY / FAULTY_FOR /
                             f"{FAULTY_FOR}.ipynb").read_text(encoding="utf-8"))
    tracebacks = "".join("".join(o.get("traceback", [])) for c in autograded["cells"] for o in c.get("outputs", []))
    tracebacks = re.sub(r"\x1b\[[0-9;]*m", "", tracebacks)
    # The tests ran in a process apart from the cheat's kernel (smmkit.grading.twoproc), so its patched
    # check did not reach them: the real check fails before any hidden assert (on main the hidden asserts
    # ran and their lines were in these tracebacks). Every test cell failed, so there was something to hide.
    failed = [c for c in autograded["cells"] if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
              and any(o["output_type"] == "error" for o in c.get("outputs", []))]
    assert failed and "CheckFailed" in "".join(o.get("ename", "") for c in failed for o in c["outputs"])


def test_huge_output_is_cut(course):
    path = course.root / "autograded" / "veel_uitvoer" / FAULTY_FOR / f"{FAULTY_FOR}.ipynb"
    assert path.stat().st_size < 2_000_000
    text = path.read_text(encoding="utf-8")
    assert "uitvoer afgekapt" in text or "Output truncated" in text


# --- the attacks of issue 9: each holds against the sandbox, the metadata restore, the feedback filter ---

def summary_of(course):
    return course.faulty_summary


@pytest.mark.parametrize("case", faulty.ATTACKS)
def test_attack_scores_no_more_than_empty(course, case):
    report = rows(course)
    row, empty = report[case], report["leeg"]
    assert row["status"] == "graded", row
    assert row["score"] <= empty["score"], (case, row)
    assert row["max_score"] == empty["max_score"], (case, row)


def test_attacks_leave_solutions_and_exercises_untouched(course):
    summary = summary_of(course)
    assert summary["hashes_before"], "the worker records the hashes before grading"
    assert summary["hashes_after"] == summary["hashes_before"]
    planted = list(course.root.rglob(faulty.PLANTED)) + list(course.home.rglob(faulty.PLANTED))
    assert not planted, "vals_overschrijven wrote into the course (root, solutions/ or another student's folder)"


def _outputs(course, student: str) -> str:
    """What the kernel printed or displayed for ``student`` (the autograded notebook, before any feedback
    filter; without tracebacks, which show a failed hidden assert in any submission)."""
    path = course.root / "autograded" / student / FAULTY_FOR / f"{FAULTY_FOR}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    parts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = output.get("text", "")
            parts.append(text if isinstance(text, str) else "".join(text))
            parts += ["".join(v) if isinstance(v, list) else str(v) for v in output.get("data", {}).values()]
    return "\n".join(parts)


@pytest.mark.parametrize("case", faulty.AIMED)
def test_attacks_aimed_at_the_course_ran_and_found_nothing(course, case):
    """Each attack looked for the real course (absolute path, /proc, upwards from the working folder)
    and, in the sandbox, found no nbgrader_config.py: proof that it ran and that it saw no course."""
    text = _outputs(course, case)
    assert faulty.FOUND not in text, f"{case} found the teacher's course:\n{text[-2000:]}"
    assert faulty.NOT_FOUND in text, f"{case} did not run its search for the course:\n{text[-2000:]}"


@pytest.mark.parametrize("case", sorted(set(faulty.ATTACKS + faulty.RUN_ANYWAY)))
def test_no_attack_reads_the_worked_answers(course, case):
    """No worked answer from solutions/ reaches the kernel's output, not even before the feedback filter
    (hidden tests do: nbgrader runs them in the same kernel; the feedback filter hides those, see LEAKERS)."""
    text = _outputs(course, case)
    assert "BEGIN SOLUTION" not in text, (case, text[-2000:])


@pytest.mark.parametrize("case", faulty.RUN_ANYWAY)
def test_cheats_run_anyway_gain_nothing(course, case):
    """The scan holds these back; run anyway (--allow-suspicious), the sandbox still stops what they try
    (run the worked answers from solutions/, write the gradebook): no more than an empty submission."""
    row = course.run_anyway[case]
    assert row["status"] == "graded" and row["sandbox"] is True, row
    assert row["score"] <= rows(course)["leeg"]["score"], row


def test_no_attack_reaches_the_graders_home(course):
    startup = course.home / ".ipython" / "profile_default" / "startup"
    assert not (startup.exists() and list(startup.iterdir())), list(startup.iterdir())


def test_report_and_gradebook_agree_after_every_process_ended(course):
    """vals_nakomer left a detached process that writes the gradebook 3 s after its kernel ended."""
    from nbgrader.api import Gradebook, MissingEntry

    wait = summary_of(course)["graded_at"] + 6 - time.time()
    if wait > 0:
        time.sleep(wait)
    report = json.loads((course.root / "autograded" / f"rapport-{FAULTY_FOR}.json").read_text(encoding="utf-8"))
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gradebook:
        for row in report:
            if row["status"] == "graded":
                submission = gradebook.find_submission(FAULTY_FOR, row["student"])
                assert float(submission.code_score) == row["score"], row
                assert all(g.manual_score is None for nb in submission.notebooks for g in nb.grades), row
            elif row["status"] == "rejected":
                with pytest.raises(MissingEntry):
                    gradebook.find_submission(FAULTY_FOR, row["student"])  # never graded, not even via "*"


def test_report_keeps_every_student_after_a_run_for_one(course):
    """course_worker grades CHEAT_RUN_ANYWAY again on its own at the end: the other rows stay."""
    report = json.loads((course.root / "autograded" / f"rapport-{FAULTY_FOR}.json").read_text(encoding="utf-8"))
    assert {row["student"] for row in report} >= set(faulty.EXPECT) | {"voorbeeld"}
    markdown = (course.root / "autograded" / f"rapport-{FAULTY_FOR}.md").read_text(encoding="utf-8")
    assert "| goed |" in markdown and f"| {CHEAT_RUN_ANYWAY} |" in markdown


def test_glob_pattern_as_student_is_rejected(course):
    row = rows(course)["*"]
    assert row["status"] == "rejected" and "ongeldige studentnaam" in row["reason"], row


def test_files_beside_the_notebook_are_named_not_used(course):
    row = rows(course)["vals_eigen_smmkit"]
    assert row["ignored_files"] == ["smmkit/__init__.py"], row
    assert "smmkit/__init__.py" in row["reason"]
    assert not (course.root / "autograded" / "vals_eigen_smmkit" / FAULTY_FOR / "smmkit" / "__pycache__").exists()


def test_missing_saved_work_is_named_in_report_and_feedback(course):
    report = rows(course)
    own_file = faulty.OWN_WORK_FILE
    assert report["eigen_werk"]["missing_files"] == []
    assert report["leeg"]["missing_files"] == [own_file]
    assert own_file in report["leeg"]["reason"] and "ontbreekt" in report["leeg"]["reason"]
    text = feedback_text(course.root / "feedback" / "leeg" / FAULTY_FOR / f"{FAULTY_FOR}.html")
    assert f"ontbrak het bestand met je opgeslagen werk: {own_file}" in text
    own = feedback_text(course.root / "feedback" / "eigen_werk" / FAULTY_FOR / f"{FAULTY_FOR}.html")
    assert "ontbrak het bestand" not in own


@pytest.mark.parametrize("case", faulty.LEAKERS)
def test_feedback_never_shows_hidden_tests_whatever_a_cell_printed(course, case):
    text = feedback_text(course.root / "feedback" / case / FAULTY_FOR / f"{FAULTY_FOR}.html")
    hidden = hidden_only_lines(FAULTY_FOR)
    assert not [line for line in hidden if line in text]


def _cli(root, *args):
    from .conftest import BIN

    return [str(BIN / "python"), "-m", "smmkit.grading", "autograde", FAULTY_FOR, "--root", str(root), *args,
            "--", "--SafeExecute.timeout=10"]


def _ours(marker: str) -> list[str]:
    """Command lines of live processes that mention ``marker`` (our temporary course)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if proc.name.isdigit() and marker in cmdline and int(proc.name) != os.getpid():
            found.append(cmdline)
    return found


def test_ctrl_c_keeps_the_report_and_kills_every_child_then_resume_finishes(course, tmp_path):
    from .conftest import env

    root = tmp_path / "klas"
    root.mkdir()
    for name in ("nbgrader_config.py", "gradebook.db"):
        shutil.copy(course.root / name, root / name)
    for folder in ("solutions", "exercises"):
        shutil.copytree(course.root / folder / FAULTY_FOR, root / folder / FAULTY_FOR)
    plan = {"a_goed": "goed", "b_lus": "onderbreking_genegeerd", "c_leeg": "leeg", "d_goed": "goed"}
    for student, case in plan.items():
        shutil.copytree(course.root / "submitted" / case / FAULTY_FOR, root / "submitted" / student / FAULTY_FOR)
    environment = env(course.home) | {"TMPDIR": str(tmp_path)}
    (tmp_path / "t").mkdir()
    report = root / "autograded" / f"rapport-{FAULTY_FOR}.json"
    # Ctrl+C as in a terminal, also when this suite was started in the background (which ignores SIGINT)
    process = subprocess.Popen(_cli(root, "--workers", "1"), cwd=root, env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while not (report.exists() and json.loads(report.read_text(encoding="utf-8") or "[]")):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()[0]
        time.sleep(0.2)
    time.sleep(2)  # the second student (a loop that ignores interrupts) is running now
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=60)[0]
    assert process.returncode == 130, output
    assert "gestopt (Ctrl+C)" in output and "--resume" in output
    time.sleep(1)
    assert not _ours(str(tmp_path)), "a worker, sandbox or kernel survived Ctrl+C"
    done = {row["student"]: row for row in json.loads(report.read_text(encoding="utf-8"))}
    assert "a_goed" in done and len(done) < len(plan), done
    assert done["a_goed"]["score"] == done["a_goed"]["max_score"] > 0

    again = subprocess.run(_cli(root, "--resume", "--workers", "2"), cwd=root, env=environment,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{len(done)} inzending(en) al nagekeken" in again.stdout, again.stdout
    rows_after = {row["student"]: row for row in json.loads(report.read_text(encoding="utf-8"))}
    assert set(rows_after) == set(plan)
    assert rows_after["a_goed"] == done["a_goed"], "a graded, unchanged submission is not graded again"
    assert rows_after["c_leeg"]["score"] == 0

    # a changed submission is graded again; nothing else is
    shutil.copy(root / "submitted" / "a_goed" / FAULTY_FOR / f"{FAULTY_FOR}.ipynb",
                root / "submitted" / "c_leeg" / FAULTY_FOR / f"{FAULTY_FOR}.ipynb")
    third = subprocess.run(_cli(root, "--resume"), cwd=root, env=environment, capture_output=True, text=True,
                           timeout=600)
    assert third.returncode == 0, third.stdout + third.stderr
    assert f"{len(plan) - 1} inzending(en) al nagekeken" in third.stdout, third.stdout
    final = {row["student"]: row for row in json.loads(report.read_text(encoding="utf-8"))}
    assert final["c_leeg"]["score"] == final["c_leeg"]["max_score"]
    assert final["c_leeg"]["hash"] != rows_after["c_leeg"]["hash"]
    assert {s: final[s] for s in ("a_goed", "b_lus", "d_goed")} == {s: rows_after[s] for s in ("a_goed", "b_lus", "d_goed")}

    # --no-sandbox: the report names the rows executed without the sandbox, and keeps naming them
    unboxed = subprocess.run(_cli(root, "--student", "c_leeg", "--no-sandbox"), cwd=root, env=environment,
                             capture_output=True, text=True, timeout=600)
    assert unboxed.returncode == 0, unboxed.stdout + unboxed.stderr
    markdown = root / "autograded" / f"rapport-{FAULTY_FOR}.md"
    note = "zonder sandbox uitgevoerd (--no-sandbox): c_leeg."
    assert note in markdown.read_text(encoding="utf-8"), markdown.read_text(encoding="utf-8")
    unboxed_rows = {row["student"]: row for row in json.loads(report.read_text(encoding="utf-8"))}
    assert unboxed_rows["c_leeg"]["sandbox"] is False and unboxed_rows["c_leeg"]["status"] == "graded"
    assert all(unboxed_rows[s]["sandbox"] is True for s in ("a_goed", "b_lus", "d_goed"))

    # graded before, broken now: rejected, and the report says the gradebook still has the old score
    (root / "submitted" / "d_goed" / FAULTY_FOR / f"{FAULTY_FOR}.ipynb").write_text("", encoding="utf-8")
    fourth = subprocess.run(_cli(root, "--student", "d_goed"), cwd=root, env=environment, capture_output=True,
                            text=True, timeout=600)
    assert fourth.returncode == 0, fourth.stdout + fourth.stderr
    last = {row["student"]: row for row in json.loads(report.read_text(encoding="utf-8"))}
    assert set(last) == set(plan), "a run for one student keeps the other rows"
    assert last["d_goed"]["status"] == "rejected"
    assert f"score {final['d_goed']['score']:g} van een eerdere ronde" in last["d_goed"]["reason"], last["d_goed"]
    assert note in markdown.read_text(encoding="utf-8"), "a run for one student keeps the --no-sandbox note"


def test_stock_nbgrader_with_the_kit_config_ignores_tags_too(course):
    """RestoreGradingMetadata is in nbgrader_config.py: plain `nbgrader autograde` drops skip-execution as well."""
    from nbgrader.api import Gradebook

    from .conftest import BIN, run

    run([BIN / "nbgrader", "autograde", FAULTY_FOR, "--student", "vals_skip_execution", "--force",
         "--SafeExecute.timeout=10"], course.root, course.home)
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(FAULTY_FOR, "vals_skip_execution").code_score == 0


# --- issue 23: the tests never share a process with the student's code ------------------------------

def _base64_decoded(text: str) -> str:
    """Every base64 blob in ``text`` decoded (what vals_in_geschiedenis printed), joined."""
    import base64
    import binascii

    found = []
    for blob in re.findall(r"[A-Za-z0-9+/]{40,}={0,2}", text):
        try:
            found.append(base64.b64decode(blob + "=" * (-len(blob) % 4)).decode("utf-8", "replace"))
        except (binascii.Error, ValueError):
            continue
    return "\n".join(found)


@pytest.mark.parametrize("case", faulty.SHARED_KERNEL)
def test_shared_kernel_attacks_gain_nothing(course, case):
    """The four ways to full marks from an empty notebook of issue 23 (13/13 on main before the change):
    graded, or held back by the scan and then run anyway, each scores no more than the empty notebook."""
    report = rows(course)
    row = report[case] if report[case]["status"] == "graded" else course.run_anyway[case]
    assert row["status"] == "graded", row
    assert row["score"] <= report["leeg"]["score"], (case, row)


def test_input_history_leaks_no_hidden_test(course):
    """The kernel's input history ``In`` printed base64-encoded: with the tests in another process the kernel
    never saw a hidden assert, so neither the autograded notebook nor the feedback holds one, decoded or not."""
    case = "vals_in_geschiedenis"
    printed = _outputs(course, case)
    assert "geschiedenis:" in printed, "the attack ran"
    decoded = _base64_decoded(printed)
    assert "smmkit.grading.answers" in decoded, "the history was printed and decoded (it holds the extraction)"
    hidden = hidden_only_lines(FAULTY_FOR)
    assert not [line for line in hidden if line in decoded or line in printed]
    page = feedback_text(course.root / "feedback" / case / FAULTY_FOR / f"{FAULTY_FOR}.html")
    assert not [line for line in hidden if line in _base64_decoded(page) or line in page]


def test_stock_nbgrader_with_the_kit_config_runs_tests_apart(course, tmp_path):
    """Stock ``nbgrader autograde`` on the kit's nbgrader_config.py grades with TwoProcessExecute too: the attacks
    on the shared kernel (not aimed at the course, so safe without the sandbox) score no more than empty, and
    stock generate_feedback shows no hidden test from the input history."""
    from nbgrader.api import Gradebook

    from .conftest import BIN, run

    root = tmp_path / "klas"
    root.mkdir()
    for name in ("nbgrader_config.py", "gradebook.db"):
        shutil.copy(course.root / name, root / name)
    for folder in ("solutions", "exercises"):
        shutil.copytree(course.root / folder / FAULTY_FOR, root / folder / FAULTY_FOR)
    students = faulty.SHARED_KERNEL + ["leeg", "goed"]
    for student in students:
        shutil.copytree(course.root / "submitted" / student / FAULTY_FOR, root / "submitted" / student / FAULTY_FOR)
    for student in students:
        run([BIN / "nbgrader", "autograde", FAULTY_FOR, "--student", student, "--force",
             "--SafeExecute.timeout=30"], root, course.home)
    run([BIN / "nbgrader", "generate_feedback", FAULTY_FOR, "--student", "vals_in_geschiedenis", "--force"],
        root, course.home)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        score = {s: gradebook.find_submission(FAULTY_FOR, s).code_score for s in students}
    assert score["goed"] == rows(course)["goed"]["max_score"] > 0, score
    for case in faulty.SHARED_KERNEL:
        assert score[case] <= score["leeg"], (case, score)
    page = feedback_text(root / "feedback" / "vals_in_geschiedenis" / FAULTY_FOR / f"{FAULTY_FOR}.html")
    hidden = hidden_only_lines(FAULTY_FOR)
    assert not [line for line in hidden if line in _base64_decoded(page) or line in page]

# --- issue #23: attacks on the grader itself: allow-list, per-sandbox limits, a parent that never falls over ---

def _count(course, case: str) -> int:
    """The number an attack of make_faulty.SANDBOX_COUNTS printed ("aanval: … N"): it ran, and how far it got."""
    text = _outputs(course, case)
    found = re.findall(re.escape(faulty.SANDBOX_COUNTS[case]) + r" (\d+)", text)
    assert found, f"{case} did not run to the end:\n{text[-2000:]}"
    return int(found[-1])


def test_a_fork_loop_stops_at_the_pids_limit(course):
    from smmkit.grading import sandbox

    if not sandbox.detect_limits(1024).mode:
        pytest.skip("no cgroups on this machine: the report warns instead (batch.no_cgroup)")
    assert _count(course, "vals_vorkbom") < sandbox.PIDS_MAX, "the fork loop was not stopped by a pids limit"
    report = rows(course)
    assert report["goed"]["score"] == report["goed"]["max_score"], "classmates are graded as before"


def test_filling_the_work_folder_stops_at_its_size(course):
    from smmkit.grading import sandbox

    assert _count(course, "vals_schijf_vol") <= sandbox.WORK_BYTES // 1_000_000, "wrote past the work folder's limit"


def test_dev_shm_and_children_count_against_memory_mb(course):
    from smmkit.grading import sandbox

    if not sandbox.detect_limits(1024).mode:
        pytest.skip("no cgroups on this machine: the report warns instead (batch.no_cgroup)")
    assert _count(course, "vals_shm_kinderen") < 5, "5 x 450 MB of children and /dev/shm fit in --memory-mb 2048"


def test_no_other_checkout_and_no_batch_folder_inside(course):
    assert _count(course, "vals_andere_checkout") == 0


def test_special_files_are_refused_with_a_dutch_reason(course):
    report = rows(course)
    for case in ("symlink_bronnen", "fifo_inzending"):
        assert report[case]["status"] == "rejected", report[case]
        assert "symlink" in report[case]["reason"] and "gewone bestanden" in report[case]["reason"], report[case]
    assert not (course.root / "autograded" / "symlink_bronnen").exists()


def test_escape_sequences_and_odd_bytes_never_reach_the_teacher(course):
    from .conftest import BIN, run

    row = rows(course)["vals_escape"]
    assert row["status"] == "graded" and row["ignored_files"], row
    assert "\x1b" not in "".join(row["ignored_files"]) and "\\xff" in row["ignored_files"][0], row
    markdown = (course.root / "autograded" / f"rapport-{FAULTY_FOR}.md").read_text(encoding="utf-8")
    assert "\x1b" not in markdown and "\x07" not in markdown
    log = (course.root / "worker.log").read_text(encoding="utf-8", errors="replace")
    assert "\x1b]52" not in log, "the progress lines carried the escape sequence"
    items = run([BIN / "python", "-m", "smmkit.grading", "items", FAULTY_FOR, "--top", "100",
                 "--chart", course.root / "items.png"], course.root, course.home)
    assert "fout antwoord" in items.stdout, items.stdout[-3000:]
    assert "\x1b" not in items.stdout and "\x07" not in items.stdout


def test_resume_survives_a_file_name_that_is_no_utf8(course, tmp_path):
    """--resume reads the report with the 0xff name back and grades nothing again."""
    from .conftest import env

    again = subprocess.run(_cli(course.root, "--resume", "--student", "vals_escape"), cwd=course.root,
                           env=env(course.home), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "1 inzending(en) al nagekeken" in again.stdout, again.stdout
