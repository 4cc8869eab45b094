"""Personal variants: each student's own case, the same in her notebook and in the grader.

See docs/design-grading.md §1. In an assignment's locked setup cell::

    from smmkit import variant
    casus = variant.mine("h04-social-analytics")      # generate_assignment adds sleutel="…"

``mine`` finds the student's id (the ``studentnummer`` the student typed in the answer cell above,
else the hub user, else the id the grader gives) and returns a :class:`Casus`: a deterministic choice
of one case per question, from a finite pool the notebook shows. The grader's test process always
uses the id of the submitter (``SMMKIT_VARIANT_FROM=submitter``) and the key it derives from the
course secret, never what the notebook says, so a classmate's notebook is graded against one's own
case.

The course secret is the teacher's: ``<course>/.smmkit/cursusgeheim`` (or ``SMMKIT_CURSUSGEHEIM``),
made on first use. An assignment's key is ``HMAC(secret, assignment)``; students see that key in their
notebook, which neither gives the secret nor the key of another assignment or another course run.
The committed ``exercises/`` use the public secret :data:`SELF_STUDY_SECRET`.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sys
from pathlib import Path

from smmkit.messages import msg

__all__ = ["Casus", "mine", "course_secret", "assignment_key", "case_index", "SELF_STUDY_SECRET",
           "PLACEHOLDER", "VariantError", "is_id_cell", "id_cell_source"]

SELF_STUDY_SECRET = "zelfstudie"
PLACEHOLDER = "JOUW STUDENTNUMMER"
SECRET_FILE = Path(".smmkit") / "cursusgeheim"
ID_NAME = "studentnummer"  # the answer cell's variable with the id the student typed
ID_CELL_SUFFIX = "_" + ID_NAME  # ends the grade_id of that answer cell (hNN_studentnummer_antwoord contains it)
_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")


class VariantError(Exception):
    """The student's case cannot be made (no id yet, or an id that is not valid). Dutch, no traceback."""

    def _render_traceback_(self) -> list[str]:
        return str(self).splitlines()


def _hmac(key: str, text: str) -> str:
    return hmac.new(key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def assignment_key(secret: str, assignment: str) -> str:
    """The key of one assignment: what students get in their notebook (16 hex digits)."""
    return _hmac(secret, f"opdracht|{assignment}")[:16]


def course_secret(root, create: bool = True, stream=None) -> str:
    """The course secret of the course in ``root``: ``SMMKIT_CURSUSGEHEIM``, else the file
    ``<root>/.smmkit/cursusgeheim``; made on first use (the teacher is told where it is)."""
    if os.environ.get("SMMKIT_CURSUSGEHEIM"):
        return os.environ["SMMKIT_CURSUSGEHEIM"].strip()
    path = Path(root) / SECRET_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
    if text:
        return text
    if not create:
        raise FileNotFoundError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = secrets.token_hex(16)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    print(msg("variant.secret_made", path=path), file=stream or sys.stderr, flush=True)
    return text


def normalise_id(student) -> str:
    return str(student).strip().casefold()


def case_index(key: str, student: str, question: str, n: int) -> int:
    """Which of ``n`` cases question ``question`` gives ``student`` (0 … n-1), fixed by the key."""
    if n < 1:
        raise ValueError("a pool needs at least one case")
    return int(_hmac(key, f"{normalise_id(student)}|{question}"), 16) % n


class Casus:
    """One student's variant of one assignment: ``pick``/``index``/``sample`` per question."""

    def __init__(self, assignment: str, student: str, key: str, source: str = ""):
        self.assignment, self.student, self.key, self.source = assignment, normalise_id(student), key, source

    def index(self, question: str, n: int) -> int:
        return case_index(self.key, self.student, question, n)

    def pick(self, question: str, options):
        """The student's case for ``question`` out of ``options`` (a list, or a DataFrame: one row)."""
        if hasattr(options, "iloc"):
            return options.iloc[self.index(question, len(options))]
        options = list(options)
        return options[self.index(question, len(options))]

    def sample(self, question: str, options, k: int) -> list:
        """``k`` different items of ``options`` in a fixed order for this student."""
        options = list(options)
        if not 0 < k <= len(options):
            raise ValueError(f"k must be between 1 and {len(options)}")
        ranked = sorted(range(len(options)), key=lambda i: _hmac(self.key, f"{self.student}|{question}|{i}"))
        return [options[i] for i in ranked[:k]]

    def code(self, question: str, codes):
        """The answer code (see smmkit.check) of this student's case: ``codes`` lists one per case,
        in the order of the pool the question picks from."""
        codes = list(codes.values()) if isinstance(codes, dict) else list(codes)
        return codes[self.index(question, len(codes))]

    def __repr__(self) -> str:
        return msg("variant.repr", assignment=self.assignment, student=self.student)

    def _repr_markdown_(self) -> str:
        return msg("variant.markdown", assignment=self.assignment, student=self.student, source=self.source)


def is_id_cell(grade_id: str) -> bool:
    """Whether an nbgrader answer cell (by its grade_id) is the one where a student types her id."""
    return ID_CELL_SUFFIX in (grade_id or "")


def id_cell_source(student: str) -> str:
    """The body of the id cell with ``student`` typed in, as a student would write it."""
    return f'{ID_NAME} = "{student}"'


def _typed_id(depth: int = 2):
    """The ``studentnummer`` the notebook defines (the global namespace of the calling cell)."""
    try:
        frame = sys._getframe(depth)
    except ValueError:
        return None
    return _filled(frame.f_globals.get(ID_NAME))


def _filled(value):
    """The id the student filled in, or None for nothing, ``...`` or the placeholder."""
    if value is None or value is Ellipsis:
        return None
    text = str(value).strip()
    return None if not text or text.upper() == PLACEHOLDER else text


def mine(assignment: str, sleutel: str | None = None, studentnummer: str | None = None) -> Casus:
    """This student's case of ``assignment`` (see the module docstring for where the id comes from)."""
    key = os.environ.get("SMMKIT_ASSIGNMENT_KEY") or sleutel or assignment_key(SELF_STUDY_SECRET, assignment)
    if os.environ.get("SMMKIT_VARIANT_FROM") == "submitter":
        student, source = os.environ.get("SMMKIT_SUBMITTER", ""), "nakijken"
    else:
        typed = _filled(studentnummer) if studentnummer is not None else _typed_id()
        if typed:
            student, source = str(typed), "ingevuld"
        elif os.environ.get("JUPYTERHUB_USER"):
            student, source = os.environ["JUPYTERHUB_USER"], "jupyterhub"
        elif os.environ.get("SMMKIT_SUBMITTER"):
            student, source = os.environ["SMMKIT_SUBMITTER"], "nakijken"
        else:
            raise VariantError(msg("variant.no_id", name=ID_NAME, placeholder=PLACEHOLDER))
    student = str(student).strip()
    if not _VALID_ID.match(student):
        raise VariantError(msg("variant.bad_id", student=student[:40], name=ID_NAME))
    return Casus(assignment, student, key, source)
