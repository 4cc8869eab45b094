"""Item analysis: which question does the class miss? ``python -m smmkit.grading items <opdracht>``.

Per question (an nbgrader grade cell) over all graded submissions of one assignment:

- ``gemiddelde``: the mean score; ``vol``: the share of students with full marks;
- ``p``: the p-value, mean / maximum (1 = everybody had it right, 0 = nobody);
- ``Rit``: the item-rest correlation, Pearson's r between the question's score and the total of the
  *other* questions (so the question does not correlate with itself). Low or negative: students who do
  well on the rest do not do better on this question, so look at the question or its tests. No value
  (–) when everybody scored the same on it, or fewer than three students were graded;
- the answers most often wrong: for an autograded question, the answer cell that feeds its test cell
  (the nearest answer cell above it), normalised (comments and blank lines dropped, spaces trimmed) and
  counted over the students who did not get full marks, as read from ``autograded/``.

Grades come from nbgrader's Gradebook API, so SQLite and PostgreSQL (``--db-url``) both work. A
manually graded question that is not graded yet for some students counts only the graded ones and is
left out of the other questions' rest scores (the table says how many are still open).
"""
from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.grading.course import course_directory, number, open_gradebook, text_table
from smmkit.messages import msg

RIT_LOW = 0.20      # below this a question discriminates poorly (a common rule of thumb)
P_HARD, P_EASY = 0.30, 0.90


@dataclass
class Item:
    """One question (grade cell) and its statistics."""

    name: str
    notebook: str
    max_score: float
    autograded: bool
    scores: dict[str, float | None] = field(default_factory=dict)   # student -> score (None: not graded)
    mean: float | None = None
    full_share: float | None = None
    p: float | None = None
    rit: float | None = None
    open: int = 0
    wrong: list[tuple[str, int]] = field(default_factory=list)       # (normalised answer, students)

    @property
    def graded(self) -> list[float]:
        return [s for s in self.scores.values() if s is not None]


@dataclass
class ItemAnalysis:
    assignment: str
    students: list[str]
    items: list[Item]

    def totals(self) -> dict[str, float]:
        return {s: sum(i.scores.get(s) or 0.0 for i in self.items) for s in self.students}

    def rows(self) -> list[dict]:
        """One dict per question with Dutch keys (for a table, CSV or pandas.DataFrame)."""
        out = []
        for item in self.items:
            out.append({
                msg("insight.col.question"): item.name,
                msg("insight.col.max"): item.max_score,
                msg("insight.col.n"): len(item.graded),
                msg("insight.col.mean"): item.mean,
                msg("insight.col.full"): item.full_share,
                msg("insight.col.p"): item.p,
                msg("insight.col.rit"): item.rit,
                msg("insight.col.open"): item.open,
                msg("insight.col.wrong"): "; ".join(msg("insight.wrong_entry", answer=a, n=n) for a, n in item.wrong),
            })
        return out

    def to_frame(self):
        """The table as a pandas DataFrame (for the teacher notebook)."""
        import pandas as pd

        return pd.DataFrame(self.rows()).set_index(msg("insight.col.question"))

    def table(self) -> str:
        """The table as aligned Dutch text, with a short legend and warnings."""
        headers = [msg(f"insight.col.{k}") for k in ("question", "max", "n", "mean", "full", "p", "rit", "open")]
        rows = [[i.name, number(i.max_score, 1), str(len(i.graded)), number(i.mean), number(i.full_share),
                 number(i.p), number(i.rit), str(i.open) if i.open else ""] for i in self.items]
        lines = [msg("insight.title", assignment=self.assignment, n=len(self.students)), "",
                 text_table(headers, rows, right={1, 2, 3, 4, 5, 6, 7}), "", msg("insight.legend")]
        notes = self.warnings()
        if notes:
            lines += ["", *notes]
        wrong = [i for i in self.items if i.wrong]
        if wrong:
            lines += ["", msg("insight.wrong_title")]
            for item in wrong:
                lines.append(f"  {item.name}:")
                lines += [f"    {n}×  {answer}" for answer, n in item.wrong]
        return "\n".join(lines)

    def warnings(self) -> list[str]:
        notes = []
        for i in self.items:
            if i.rit is not None and i.rit < RIT_LOW:
                notes.append(msg("insight.warn_rit", question=i.name, rit=number(i.rit)))
            if i.p is not None and i.p < P_HARD and not i.open:
                notes.append(msg("insight.warn_hard", question=i.name, p=number(i.p)))
            if i.open:
                notes.append(msg("insight.warn_open", question=i.name, n=i.open))
        return notes

    def chart(self, ax=None):
        """p-value and Rit per question as horizontal bars, in the kit's plot style."""
        from smmkit import plots

        names = [i.name for i in self.items]
        p = [i.p if i.p is not None else math.nan for i in self.items]
        rit = [i.rit if i.rit is not None else math.nan for i in self.items]
        low = min([0.0, *(r for r in rit if r == r)])
        result = plots.grouped_bar(
            names, {msg("insight.col.p"): p, msg("insight.col.rit"): rit},
            title=msg("insight.chart_title", assignment=self.assignment),
            source=msg("insight.chart_source", n=len(self.students)),
            ax=ax, horizontal=True, labels=False, limits=(min(-0.1, low - 0.1), 1.15),
            value_label=msg("insight.chart_axis"))
        axes = result if ax is not None else result.axes[0]
        if ax is None:  # room for every question, the legend beside the bars (not over them)
            result.set_size_inches(8.0, max(4.0, 0.6 * len(names) + 1.6))
        with plots._styled():
            axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        for container in axes.containers:
            values = [bar.get_width() for bar in container]
            for text, value in zip(plots.label_bars(axes, container, values, "{:.2f}"), values):
                text.set_text("" if value != value else number(value))
        return result


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def normalise_source(source: str) -> str:
    """An answer cell's code without comments, blank lines and surrounding spaces, on one line."""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        lines.append(" ".join(stripped.split()))
    if lines and lines[-1] == "...":  # the stub is still there: at most the given instruction lines
        lines = []
    text = "; ".join(lines)
    if not text:
        return msg("insight.not_answered")
    return text if len(text) <= 100 else text[:97] + "..."


def _answer_sources(path: Path) -> dict[str, str]:
    """grade_id of each autograded test cell -> source of the answer cell above it, from one notebook."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out, answer = {}, None
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if meta.get("solution") and cell.get("cell_type") == "code":
            answer = source
        elif meta.get("grade") and not meta.get("solution") and meta.get("grade_id"):
            out[meta["grade_id"]] = answer if answer is not None else ""
    return out


def analyse(assignment: str, root=".", db_url: str | None = None, top: int = 3) -> ItemAnalysis:
    """The item analysis of one assignment, from the gradebook and the autograded notebooks."""
    coursedir = course_directory(root, db_url)
    gb = open_gradebook(coursedir)
    try:
        try:
            gb.find_assignment(assignment)
        except Exception:
            raise SmmkitError(msg("insight.unknown_assignment", assignment=assignment,
                                  known=", ".join(a.name for a in gb.assignments) or "–")) from None
        items: dict[tuple[str, str], Item] = {}
        students: list[str] = []
        for submission in sorted(gb.assignment_submissions(assignment), key=lambda s: s.student.id):
            students.append(submission.student.id)
            for nb in submission.notebooks:
                for grade in nb.grades:
                    key = (nb.name, grade.cell.name)
                    item = items.get(key)
                    if item is None:
                        item = items[key] = Item(grade.cell.name, nb.name, float(grade.max_score),
                                                 autograded=grade.cell.cell_type == "code"
                                                 and grade.auto_score is not None)
                    graded = not (grade.needs_manual_grade and grade.manual_score is None)
                    item.scores[submission.student.id] = float(grade.score) if graded else None
    finally:
        gb.close()
    if not students:
        raise SmmkitError(msg("insight.no_submissions", assignment=assignment))
    ordered = _in_notebook_order(coursedir, assignment, list(items.values()))
    _statistics(ordered, students)
    _wrong_answers(coursedir, assignment, ordered, top)
    return ItemAnalysis(assignment, students, ordered)


def _in_notebook_order(coursedir, assignment: str, items: list[Item]) -> list[Item]:
    """Questions in the order of the source notebook (the gradebook has no order)."""
    order: dict[tuple[str, str], int] = {}
    folder = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    for path in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for k, cell in enumerate(cells):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id:
                order[(path.stem, grade_id)] = len(order) + k
    return sorted(items, key=lambda i: (order.get((i.notebook, i.name), 10**9), i.notebook, i.name))


def _statistics(items: list[Item], students: list[str]) -> None:
    complete = [i for i in items if all(i.scores.get(s) is not None for s in students)]
    for item in items:
        graded = item.graded
        item.open = sum(1 for s in students if item.scores.get(s) is None)
        if not graded:
            continue
        item.mean = sum(graded) / len(graded)
        item.full_share = sum(1 for s in graded if s >= item.max_score - 1e-9) / len(graded)
        item.p = item.mean / item.max_score if item.max_score else None
        xs, rests = [], []
        for s in students:
            if item.scores.get(s) is None:
                continue
            xs.append(item.scores[s])
            rests.append(sum(other.scores[s] for other in complete if other is not item))
        item.rit = _pearson(xs, rests)


def _wrong_answers(coursedir, assignment: str, items: list[Item], top: int) -> None:
    cache: dict[tuple[str, str], dict[str, str]] = {}
    for item in items:
        if not item.autograded:
            continue
        counts: Counter[str] = Counter()
        for student, score in item.scores.items():
            if score is None or score >= item.max_score - 1e-9:
                continue
            key = (student, item.notebook)
            if key not in cache:
                folder = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
                cache[key] = _answer_sources(folder / f"{item.notebook}.ipynb")
            source = cache[key].get(item.name)
            counts[normalise_source(source) if source is not None else msg("insight.no_notebook")] += 1
        item.wrong = counts.most_common(top)


def add_parser(sub) -> None:
    """Register ``items`` on the ``python -m smmkit.grading`` command line."""
    parser = sub.add_parser("items", help=msg("insight.help_items"), description=msg("insight.help_items"))
    parser.add_argument("assignment", help=msg("insight.help_assignment"))
    parser.add_argument("--root", default=".", help=msg("insight.help_root"))
    parser.add_argument("--db-url", default=None, help=msg("insight.help_db_url"))
    parser.add_argument("--top", type=int, default=3, help=msg("insight.help_top"))
    parser.add_argument("--chart", default=None, help=msg("insight.help_chart"))
    parser.add_argument("--csv", default=None, help=msg("insight.help_csv"))
    parser.set_defaults(func=run)


def _say(text) -> None:
    """Print text that may hold what students typed (wrong answers): no escape sequence reaches the
    teacher's terminal (an OSC 52 in an answer would write the clipboard), no byte ends the command."""
    from smmkit.grading.terminal import printable

    print("\n".join(printable(line) for line in str(text).split("\n")))


def run(args: argparse.Namespace) -> int:
    try:
        result = analyse(args.assignment, args.root, args.db_url, args.top)
    except SmmkitError as error:
        _say(error)
        return 1
    _say(result.table())
    coursedir = course_directory(args.root, args.db_url)
    chart = Path(args.chart) if args.chart else (
        Path(coursedir.root) / coursedir.autograded_directory / f"itemanalyse-{args.assignment}.png")
    chart.parent.mkdir(parents=True, exist_ok=True)
    from smmkit import plots

    chart.write_bytes(plots.to_png(result.chart()))
    _say("\n" + msg("insight.chart_written", path=chart))
    if args.csv:
        write_csv(result.rows(), Path(args.csv))
        _say(msg("insight.csv_written", path=args.csv))
    return 0


def write_csv(rows: list[dict], path: Path) -> None:
    """Semicolon CSV with decimal commas, as Dutch Excel opens it; no text cell can be a formula.

    Student names and answers are text a student chose: one that starts like a formula (``=``, ``+``,
    ``-``, ``@``) gets a ``'`` in front (smmkit.csvsafe). Numbers are formatted here and stay numbers.
    """
    import csv

    from smmkit.csvsafe import spreadsheet_text

    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([spreadsheet_text(str(k)) for k in rows[0]] if rows else [])
        for row in rows:
            writer.writerow([msg("insight.yes") if v is True else msg("insight.no") if v is False
                             else number(v, 3) if isinstance(v, float) else "" if v is None
                             else v if isinstance(v, int) else spreadsheet_text(str(v))
                             for v in row.values()])
