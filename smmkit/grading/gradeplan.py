"""What the two grading processes do with a source notebook (see :mod:`smmkit.grading.twoproc`).

:func:`plan` reads the source notebook once: which cells are tests and which are locked set-up, and for
each test the answer names the solution cells before it assign (:func:`assigned_names`) and the
declared saved-work files (:func:`saved_files`). :func:`variant_env` is the variant contract of the
design note §1: the submitter id and the assignment key both processes get.
"""
from __future__ import annotations

import ast
import sys

def _nbgrader(cell) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def is_test_cell(cell) -> bool:
    meta = _nbgrader(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_setup_cell(cell) -> bool:
    meta = _nbgrader(cell)
    return (cell.get("cell_type") == "code" and bool(meta.get("locked")) and not meta.get("grade")
            and not meta.get("solution"))


def _source(cell) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def assigned_names(source: str) -> list[str]:
    """Names a cell assigns at top level (not imports, functions or classes: those are no answers)."""
    from smmkit.grading.testproc import _python

    try:
        tree = ast.parse(_python(source))
    except SyntaxError:
        return []
    names: list[str] = []

    def targets(node):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for item in node.elts:
                targets(item)
        elif isinstance(node, ast.Starred):
            targets(node.value)

    def walk(body):
        for node in body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    targets(target)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                targets(node.target)
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                targets(node.target)
                walk(node.body + node.orelse)
            elif isinstance(node, (ast.If, ast.While)):
                walk(node.body + node.orelse)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars)
                walk(node.body)
            elif isinstance(node, ast.Try):
                walk(node.body + node.orelse + node.finalbody + [h for x in node.handlers for h in x.body])
            for sub in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) else []:
                if isinstance(sub, ast.NamedExpr):
                    targets(sub.target)

    walk(tree.body)
    return [n for n in dict.fromkeys(names) if not (n.startswith("__") and n.endswith("__"))]


def saved_files(cells) -> list[str]:
    """The saved-work files the source declares (``check.saved_file("…")`` in a test cell)."""
    from smmkit.grading.batch import SAVED_FILE

    found = set()
    for cell in cells:
        if cell.get("cell_type") == "code":
            found.update(SAVED_FILE.findall(_source(cell)))
    return sorted(found)


def plan(source_nb) -> tuple[list[dict], list[str]]:
    """(steps of the test process in source order, declared files) from the source notebook."""
    files = saved_files(source_nb.cells)
    steps, answer_names = [], []
    for cell in source_nb.cells:
        meta = _nbgrader(cell)
        if cell.get("cell_type") != "code":
            continue
        if meta.get("solution"):
            answer_names += [n for n in assigned_names(_source(cell)) if n not in answer_names]
        elif is_test_cell(cell):
            steps.append({"id": meta.get("grade_id"), "kind": "test", "source": _source(cell),
                          "names": list(answer_names), "files": files})
        elif is_setup_cell(cell):
            steps.append({"id": meta.get("grade_id"), "kind": "setup", "source": _source(cell)})
    return steps, files


def variant_env(course_root, assignment: str, student: str) -> dict[str, str]:
    """SMMKIT_SUBMITTER and SMMKIT_ASSIGNMENT_KEY for one submission (no key without smmkit.variant)."""
    env = {"SMMKIT_SUBMITTER": str(student)}
    try:
        from smmkit import variant
    except ImportError:  # pragma: no cover - before the variant module existed
        return env
    try:
        env["SMMKIT_ASSIGNMENT_KEY"] = variant.assignment_key(variant.course_secret(course_root), assignment)
    except Exception as exc:  # an unreadable secret must not stop grading; the tests then fail the variant items
        print(f"smmkit: geen opdrachtsleutel ({type(exc).__name__}: {exc})", file=sys.stderr)
    return env
