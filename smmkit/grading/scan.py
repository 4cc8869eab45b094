"""Static checks of a submitted notebook before it is run: can it be read, and does it tamper?

Since the tests run in a process apart from the student's code (:mod:`smmkit.grading.twoproc`), this
scan is no longer the line of defence: what a cell does to the student's kernel cannot reach the
tests. It stays as a *warning for the teacher*: a submission that patches builtins, hooks into IPython
or reads the teacher's files is worth a look. The batch runner holds such a submission back with the
reason (``--allow-suspicious`` grades it anyway). The rules are deliberately plain (see ``RULES``) —
course notebooks never need any of these constructs — and are not meant to be complete: every cell is
scanned, whatever grade_id its metadata claims (a student controls that metadata).
"""
from __future__ import annotations

import ast
import builtins
import json
import re
from dataclasses import dataclass

import nbformat

# Names the hidden tests and the checks rely on: redefining one of them is tampering.
PROTECTED_NAMES = {"check", "smmkit", "load", "abs", "round", "float", "int", "str", "len", "type",
                   "isinstance", "set", "sorted", "list", "dict", "tuple", "min", "max", "sum", "any",
                   "all", "bool", "AssertionError", "print", "getattr", "hasattr", "open", "range"}
PROTECTED_MODULES = {"check", "smmkit", "builtins", "__builtins__", "sys", "os", "pandas", "pd", "np",
                     "numpy", "nbgrader", "IPython", "json", "math"}
FORBIDDEN_IMPORTS = {"builtins", "sqlite3", "ctypes", "gc", "inspect", "importlib", "nbgrader", "sqlalchemy",
                     "subprocess", "shutil", "multiprocessing", "signal", "resource"}
FORBIDDEN_CALLS = {"exec", "eval", "compile", "__import__", "setattr", "delattr", "globals", "vars",
                   "get_ipython", "_getframe", "breakpoint"}
FORBIDDEN_ATTRS = {"environ", "putenv", "unsetenv", "modules", "__globals__", "__code__", "__builtins__",
                   "__subclasses__", "__dict__", "f_globals", "f_locals", "events", "input_transformers_cleanup",
                   "input_transformers_post", "ast_transformers", "set_custom_exc", "user_ns"}
DUNDER_COMPARE = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__float__", "__int__",
                  "__bool__", "__abs__", "__round__", "__sub__", "__rsub__", "__hash__", "__contains__",
                  "__getattr__", "__getattribute__", "__instancecheck__"}
COURSE_PATHS = re.compile(r"solutions|gradebook|autograded|submitted|nbgrader|\.db\b|exercises|"
                          r"voortgang\.json|\.\./\.\.", re.IGNORECASE)

RULES = {
    "rebinds": "overschrijft '{name}', waar de tests op vertrouwen",
    "patches": "verandert '{name}' van een module die de tests gebruiken",
    "imports": "importeert '{name}' (niet nodig in deze opdracht; kan de beoordeling omzeilen)",
    "calls": "roept '{name}' aan (kan de beoordeling omzeilen)",
    "touches": "gebruikt '{name}' (toegang tot de interne toestand van Python of de kernel)",
    "dunder": "definieert '{name}' in een eigen klasse (een antwoord dat met alles 'gelijk' kan zijn)",
    "path": "verwijst naar '{name}' (bestanden van de docent of van nbgrader)",
    "magic": "gebruikt de opdracht '{name}' (shell- of systeemopdrachten)",
}


@dataclass
class Finding:
    cell: int
    rule: str
    name: str

    def text(self) -> str:
        return f"cel {self.cell + 1}: " + RULES[self.rule].format(name=self.name)


def read_notebook(path):
    """Read a submitted notebook; returns (notebook, None) or (None, Dutch reason for rejection)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"bestand niet leesbaar ({exc.strerror})"
    if not raw.strip():
        return None, "leeg bestand (0 bytes of alleen witruimte): er is niets ingeleverd"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "geen tekstbestand (geen UTF-8): dit is geen notebook"
    except json.JSONDecodeError as exc:
        return None, f"beschadigd notebook: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})"
    try:
        if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
            raise ValueError("geen lijst met cellen")
        notebook = nbformat.reads(raw.decode("utf-8"), as_version=4)
        nbformat.validate(notebook)
    except Exception as exc:  # nbformat raises several types
        return None, f"geen geldig Jupyter-notebook ({str(exc).splitlines()[0][:120]})"
    return notebook, None


def _python_source(source: str) -> tuple[str, list[str]]:
    """Cell source as plain Python (IPython magics translated) and the magic/shell lines found."""
    magics = [line.strip().split()[0] for line in source.splitlines() if line.lstrip().startswith(("!", "%"))]
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source), magics
    except Exception:
        return source, magics


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def scan_source(source: str, cell: int = 0) -> list[Finding]:
    found: list[Finding] = []
    code, magics = _python_source(source)
    found += [Finding(cell, "magic", m) for m in magics if m.startswith("!") or m.lstrip("%") in
              {"system", "sx", "bash", "sh", "script", "load", "run", "writefile", "env", "alias", "store"}]
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return found  # it will fail when run; that is not tampering
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name in PROTECTED_NAMES:
                found.append(Finding(cell, "rebinds", node.name))
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in DUNDER_COMPARE:
                        found.append(Finding(cell, "dunder", item.name))
                    if isinstance(item, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id in DUNDER_COMPARE | {"__class__"} for t in item.targets):
                        found.append(Finding(cell, "dunder", "__class__"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            module = getattr(node, "module", None)
            names = [module] if module else [a.name for a in node.names]
            for name in names:
                if name and name.split(".")[0] in FORBIDDEN_IMPORTS:
                    found.append(Finding(cell, "imports", name))
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                kit_import = (module, alias.name) in {("smmkit", "check"), ("smmkit.data", "load")} \
                    or (module is None and alias.name == "smmkit")
                if bound in PROTECTED_NAMES and not (kit_import and bound == alias.name.split(".")[0]):
                    found.append(Finding(cell, "rebinds", bound))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in FORBIDDEN_CALLS:
                found.append(Finding(cell, "calls", name))
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            found.append(Finding(cell, "touches", node.attr))
        elif isinstance(node, ast.Name) and node.id in {"__builtins__", "get_ipython"}:
            found.append(Finding(cell, "touches", node.id))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            hit = COURSE_PATHS.search(node.value)
            if hit:
                found.append(Finding(cell, "path", hit.group(0)))
        for target in targets:
            for sub in ast.walk(target) if isinstance(target, (ast.Tuple, ast.List)) else [target]:
                if isinstance(sub, ast.Name) and sub.id in PROTECTED_NAMES:
                    found.append(Finding(cell, "rebinds", sub.id))
                elif isinstance(sub, (ast.Attribute, ast.Subscript)):
                    root = _root_name(sub)
                    if root in PROTECTED_MODULES or root in dir(builtins):
                        found.append(Finding(cell, "patches", ast.unparse(sub)))
    return found


def scan_notebook(notebook, trusted_ids=()) -> list[Finding]:
    """Findings in every code cell. ``trusted_ids`` is ignored (kept for callers): a cell that claims a
    locked cell's grade_id may be a new cell of the student, which nbgrader then runs as a plain cell."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.get("cell_type") != "code":
            continue
        found += scan_source(cell.get("source", ""), index)
    unique = {(f.cell, f.rule, f.name): f for f in found}
    return list(unique.values())
