"""Grades from the nbgrader gradebook, and the Dutch grade 1–10 with a cut-off (cesuur).

Scores are read with nbgrader's Gradebook API, so any ``db_url`` nbgrader supports works (sqlite,
PostgreSQL), after nbgrader's late penalty (``late_submission_penalty``, as ``nbgrader export``'s
``score``). The grade follows a cut-off (``cesuur``, default 0.55): the share of the points that earns
a 5.5; below it the grade runs linearly from 1 to 5.5, above it from 5.5 to 10.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from smmkit.grading.lms_roster import ExportError
from smmkit.messages import choices, msg

DEFAULT_CESUUR = 0.55  # the share of the points that earns a 5.5 (docs/docent.md explains the choice)
SCALES = ("grade", "points")


@dataclass
class Result:
    student: str
    score: float
    max_score: float
    needs_manual: bool = False


@dataclass
class Scores:
    assignments: list[str]
    results: dict[str, dict[str, Result]]  # assignment -> student id -> result
    max_scores: dict[str, float]
    students: list[str]  # every student in the gradebook


def course_settings(root) -> tuple[str, str]:
    """(db_url, course_id) as nbgrader itself reads them from the course's nbgrader_config.py.

    The course root is ``root`` even when the config does not set ``CourseDirectory.root`` (nbgrader
    would take the current folder: the export of another course's gradebook, or none)."""
    from smmkit.grading.course import course_directory

    coursedir = course_directory(root)
    return coursedir.db_url, coursedir.course_id


def read_scores(db_url: str, course_id: str, assignments=None, auto_only: bool = False) -> Scores:
    from nbgrader.api import Gradebook

    from smmkit.grading.course import gradebook_missing

    missing = gradebook_missing(db_url)
    if missing is not None:
        raise ExportError(msg("export.no_gradebook", path=missing))  # never create one
    with Gradebook(db_url, course_id) as gradebook:
        known = [a.name for a in sorted(gradebook.assignments, key=lambda a: (a.duedate is None, a.duedate, a.name))]
        if not known:
            raise ExportError(msg("export.empty_gradebook"))
        wanted = list(assignments) if assignments else known
        for name in wanted:
            if name not in known:
                raise ExportError(msg("export.unknown_assignment", name=name, known=choices(known)))
        results, max_scores = {}, {}
        for name in wanted:
            assignment = gradebook.find_assignment(name)
            max_scores[name] = float(assignment.max_code_score if auto_only else assignment.max_score)
            results[name] = {}
            # nbgrader's late penalty (AssignLatePenalties) is kept apart from the score: take it off here,
            # as nbgrader's own export does (never below 0)
            penalties = {sub.student.id: float(sub.late_submission_penalty or 0) for sub in assignment.submissions}
            for row in gradebook.submission_dicts(name):
                score = row["code_score"] if auto_only else row["score"]
                score = max(0.0, float(score) - penalties.get(row["student"], 0.0))
                results[name][row["student"]] = Result(row["student"], score, max_scores[name],
                                                       bool(row["needs_manual_grade"]) and not auto_only)
        students = sorted(s.id for s in gradebook.students)
    return Scores(wanted, results, max_scores, students)



def check_cesuur(cesuur: float) -> float:
    if not (isinstance(cesuur, (int, float)) and 0 < cesuur < 1):
        raise ExportError(msg("export.bad_cesuur", value=cesuur))
    return float(cesuur)


def dutch_grade(score: float, max_score: float, cesuur: float = DEFAULT_CESUUR) -> Decimal:
    """The grade 1–10 with a 5.5 at ``cesuur`` × max, linear on both sides, rounded half up to one decimal.

    ``cesuur=0.5`` is 1 + 9 × score / max. Rounding is half up (5.45 -> 5.5, never banker's rounding).
    """
    share = Decimal(repr(float(score))) / Decimal(repr(float(max_score)))
    cut = Decimal(repr(float(check_cesuur(cesuur))))
    if share <= cut:
        value = Decimal(1) + Decimal("4.5") * share / cut
    else:
        value = Decimal("5.5") + Decimal("4.5") * (share - cut) / (Decimal(1) - cut)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_value(result: Result | None, scale: str, decimal_comma: bool, cesuur: float = DEFAULT_CESUUR) -> str:
    if result is None or result.needs_manual:
        return ""
    if scale == "grade":
        text = str(dutch_grade(result.score, result.max_score, cesuur))
    else:
        text = format(Decimal(repr(result.score)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize(), "f")
    return text.replace(".", ",") if decimal_comma else text


def format_max(max_score: float, scale: str, decimal_comma: bool) -> str:
    text = "10" if scale == "grade" else format(Decimal(repr(max_score)).normalize(), "f")
    return text.replace(".", ",") if decimal_comma else text

