"""The course folder as nbgrader sees it: its configuration, folders and gradebook.

The item analysis and the class overview read grades only through nbgrader's own ``Gradebook`` API,
so they work with every database nbgrader supports (SQLite by default, PostgreSQL via ``db_url``).
"""
from __future__ import annotations

import os
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.messages import msg


def course_directory(root: str | os.PathLike = ".", db_url: str | None = None):
    """nbgrader's ``CourseDirectory`` for the course in ``root``, with its nbgrader_config.py applied."""
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(root).resolve()
    config = Config()
    if (root / "nbgrader_config.py").exists():
        config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config())
    config.CourseDirectory.root = str(root)
    if db_url:
        config.CourseDirectory.db_url = db_url
    return CourseDirectory(config=config)


def open_gradebook(coursedir):
    """The course's gradebook (nbgrader ``Gradebook``); a Dutch error when there is none yet."""
    from nbgrader.api import Gradebook

    url = coursedir.db_url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        raise SmmkitError(msg("insight.no_gradebook", path=url[len("sqlite:///"):]))
    return Gradebook(url)


def number(value: float | None, decimals: int = 2) -> str:
    """A number the Dutch way (decimal comma), or a dash for "not available"."""
    if value is None or value != value:  # None or NaN
        return "–"
    return f"{value:.{decimals}f}".replace(".", ",")


def text_table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """A plain aligned text table for the terminal (columns in ``right`` aligned to the right)."""
    widths = [max(len(str(x)) for x in [h, *(r[i] for r in rows)]) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])
