"""The library of faulty submissions, generated from an assignment's release and source versions.

Each case is one "student" with a notebook that goes wrong in one known way: it never stops, it
ignores interrupts, eats memory, exits the kernel, prints far too much, deletes or edits test
cells, turns an answer cell into markdown, is not a notebook at all, has the wrong name, or tries
to cheat. Generating them (instead of storing files) keeps them in step with the assignment.

    python tests/grading/faulty/make_faulty.py solutions/h01-introductie exercises/h01-introductie OUT

writes OUT/<student>/<assignment>/<notebook>.ipynb, the layout of nbgrader's submitted/ folder.
``EXPECT`` says what must happen to each case; tests/grading/test_faulty.py checks it.
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
CHEAT_READ_SOLUTIONS = """
import json, pathlib
for _map in pathlib.Path("../../..").resolve().glob("solutions/*/*.ipynb"):
    for _cel in json.loads(_map.read_text())["cells"]:
        if _cel["metadata"].get("nbgrader", {}).get("solution") and _cel["cell_type"] == "code":
            exec("".join(_cel["source"]))
"""
CHEAT_GRADEBOOK = """
import sqlite3
_db = sqlite3.connect("../../../gradebook.db")
_db.execute("UPDATE grade SET manual_score = 99")
_db.commit()
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
}
CHEATS = [name for name in EXPECT if name.startswith("vals_")]


def build(source_dir: Path, release_dir: Path) -> dict[str, tuple[str, bytes]]:
    """student -> (file name, file bytes) for every case in EXPECT."""
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
                       ("vals_ipython_hook", CHEAT_HOOK), ("vals_oplossingen_lezen", CHEAT_READ_SOLUTIONS),
                       ("vals_gradebook", CHEAT_GRADEBOOK)]:
        add(name, _prepend(release, 0, code))
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
    return {"eigen_werk": {OWN_WORK_FILE: (json.dumps(work, indent=2) + "\n").encode("utf-8")}}


def write(cases: dict[str, tuple[str, bytes]], submitted: Path, assignment: str) -> None:
    extras = extra_files()
    for student, (file_name, data) in cases.items():
        folder = submitted / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_bytes(data)
        for extra_name, extra_data in extras.get(student, {}).items():
            (folder / extra_name).write_bytes(extra_data)


if __name__ == "__main__":
    source_dir, release_dir, out = map(Path, sys.argv[1:4])
    write(build(source_dir, release_dir), out, source_dir.name)
    print(f"{len(EXPECT)} inzendingen geschreven naar {out}")
