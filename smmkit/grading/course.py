"""The course folder as nbgrader sees it: its configuration (read here, once), folders and gradebook.

- :func:`load_config` is the one loader of a course's ``nbgrader_config.py`` (plus command-line
  settings such as ``--SafeExecute.timeout=10``); :class:`Course` and :func:`course_directory` use it.
- :func:`gradebook_path` is the one reader of a ``sqlite:///`` gradebook URL.
- :class:`Course`: the config, the folders, the gradebook URL (sqlite or PostgreSQL) and the
  preprocessors the batch runner needs, built once per run and handed to every part.

The item analysis, the class overview and the export read grades only through nbgrader's own
``Gradebook`` API, so they work with every database nbgrader supports.
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.messages import msg

SQLITE = "sqlite:///"


def load_config(root, extra_args=()):
    """The course's ``nbgrader_config.py`` in ``root`` (none: an empty config), with ``extra_args``
    (``--Section.trait=value``) merged over it; ``CourseDirectory.root`` is always ``root``."""
    from traitlets.config import Config
    from traitlets.config.loader import KVArgParseConfigLoader, PyFileConfigLoader

    root = Path(root).resolve()
    config = Config()
    if (root / "nbgrader_config.py").exists():
        config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config())
    if extra_args:
        given = KVArgParseConfigLoader(list(extra_args)).load_config()
        # the teacher's --Execute.timeout=N is meant for the executor, also where the course's
        # config file names the kit's subclass (c.SafeExecute.timeout wins over c.Execute.timeout)
        if "timeout" in given.get("Execute", {}) and "timeout" not in given.get("SafeExecute", {}):
            given.SafeExecute.timeout = given.Execute.timeout
        config.merge(given)
    config.CourseDirectory.root = str(root)
    return config


def configured(cls, config, **given):
    """``cls`` with its section of ``config``, then the ``given`` values that are not None; a misspelled
    setting or a wrong value is a Dutch SystemExit (traitlets itself would ignore the first)."""
    from traitlets import TraitError

    known = cls.class_trait_names(config=True)
    unknown = sorted(set(config.get(cls.__name__, {})) - set(known))
    if unknown:
        raise SystemExit(msg("batch.unknown_setting", section=cls.__name__, names=", ".join(unknown),
                             known=", ".join(sorted(known))))
    try:
        chosen = cls(config=config)
        for name, value in given.items():
            if value is not None:
                setattr(chosen, name, value)
    except TraitError as exc:
        raise SystemExit(msg("batch.bad_setting", section=cls.__name__, error=exc)) from None
    return chosen


def gradebook_path(db_url: str) -> Path | None:
    """The file of a ``sqlite:///`` gradebook URL (None for another database, e.g. PostgreSQL)."""
    if db_url.startswith(SQLITE):
        return Path(db_url[len(SQLITE):]).resolve()
    return None


def gradebook_missing(db_url: str) -> Path | None:
    """The path of a sqlite gradebook that does not exist yet (never create one by opening it), else None."""
    path = gradebook_path(db_url)
    return path if path is not None and not path.is_file() else None


def course_directory(root: str | os.PathLike = ".", db_url: str | None = None):
    """nbgrader's ``CourseDirectory`` for the course in ``root``, with its nbgrader_config.py applied."""
    from nbgrader.coursedir import CourseDirectory

    config = load_config(root)
    if db_url:
        config.CourseDirectory.db_url = db_url
    return CourseDirectory(config=config)


def open_gradebook(coursedir):
    """The course's gradebook (nbgrader ``Gradebook``); a Dutch error when there is none yet."""
    from nbgrader.api import Gradebook

    missing = gradebook_missing(coursedir.db_url)
    if missing is not None:
        raise SmmkitError(msg("insight.no_gradebook", path=missing))
    return Gradebook(coursedir.db_url)


def _flag(value) -> bool:
    """A boolean from the config; from the command line it arrives as text ("False")."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


class Course:
    """The nbgrader course in ``root``: its config (loaded once), folders and gradebook URL."""

    def __init__(self, root, extra_args=()):
        from nbgrader.coursedir import CourseDirectory

        self.root = Path(root).resolve()
        if not (self.root / "nbgrader_config.py").is_file():  # else nbgrader would make a new gradebook here
            raise SystemExit(msg("batch.no_config", root=self.root))
        self.config = load_config(self.root, extra_args)
        self.coursedir = CourseDirectory(config=self.config)
        self.db_url = self.coursedir.db_url
        self.course_id = self.coursedir.course_id

    @property
    def create_student(self) -> bool:
        """``Autograde.create_student`` from the config (nbgrader's default: True)."""
        return _flag(self.config.get("Autograde", {}).get("create_student", True))

    @property
    def execute(self) -> bool:
        """False with ``--no-execute`` (``Execute.enabled = False``): the notebooks are graded as handed in."""
        for section in ("Execute", "SafeExecute"):
            if not _flag(self.config.get(section, {}).get("enabled", True)):
                return False
        return True

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, self.course_id)

    def students(self) -> set[str]:
        with self.gradebook() as gradebook:
            return {s.id for s in gradebook.students}

    def folder(self, name: str) -> Path:
        return (self.root / getattr(self.coursedir, f"{name}_directory")).resolve()

    def gradebook_file(self) -> Path | None:
        return gradebook_path(self.db_url)

    def hidden(self) -> list[Path]:
        """Folders a kernel must never see: the course and everything nbgrader keeps."""
        folders = [self.root] + [self.folder(n) for n in ("source", "release", "submitted", "autograded", "feedback")]
        exchange = self.config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
        folders.append(Path(exchange))
        db = self.gradebook_file()
        if db is not None and db.parent not in (Path("/"), Path.home()):
            folders.append(db.parent)
        return folders

    def preprocessors(self, phase: str) -> list:
        """nbgrader's sanitize or autograde preprocessor classes from the config, with the kit's changes."""
        from nbgrader.converters import Autograde
        from traitlets.utils.importstring import import_item

        from smmkit.grading.sanitize import RestoreGradingMetadata

        trait = f"{phase}_preprocessors"
        items = self.config.get("Autograde", {}).get(trait) or getattr(Autograde, trait).default_value
        classes = [import_item(i) if isinstance(i, str) else i for i in items]
        if phase == "sanitize" and RestoreGradingMetadata not in classes:
            names = [c.__name__ for c in classes]
            at = names.index("OverwriteCells") if "OverwriteCells" in names else len(classes)
            classes.insert(at, RestoreGradingMetadata)
        return classes

    def recording_api(self, staging: Path):
        """nbgrader's API for the parent: stock autograde, with Replay instead of running the kernel."""
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.preprocessors import Execute

        from smmkit.grading.execute import Replay

        config = copy.deepcopy(self.config)
        config.Autograde.sanitize_preprocessors = self.preprocessors("sanitize")
        config.Autograde.autograde_preprocessors = [
            Replay if isinstance(c, type) and issubclass(c, Execute) else c for c in self.preprocessors("autograde")]
        config.Replay.staging = str(staging)
        return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    def check_assignment(self, assignment: str) -> None:
        from nbgrader.api import MissingEntry

        with self.gradebook() as gradebook:
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                raise SystemExit(msg("batch.assignment_unknown", assignment=assignment)) from None

    def previous_score(self, assignment: str, student: str) -> float | None:
        """The score the gradebook still holds for a student (None: never graded)."""
        from nbgrader.api import MissingEntry

        with self.gradebook() as gradebook:
            try:
                return float(gradebook.find_submission(assignment, student).code_score)
            except MissingEntry:
                return None

    def score(self, assignment: str, student: str) -> tuple[float, float]:
        with self.gradebook() as gradebook:
            submission = gradebook.find_submission(assignment, student)
            return float(submission.code_score), float(submission.max_code_score)


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
