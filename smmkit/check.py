"""Controleer je antwoord: the self-check helpers of the exercise notebooks.

A check cell names the learner's variable and the question, never the answer::

    check.number("gemiddelde", question="h01_gemiddelde", code="3f9c…", decimals=1,
                 valid_range=(0, 100), kind="percentage", hint="Gebruik .mean() op de kolom percentage.")

The expected value is present only as ``code``: a salted hash of the rounded value
(``answer_code(value, question, decimals)``). That hides the answer from *reading* (the cell does
not show it, and equal answers to different questions get different codes), not from *trying*: a
number with a small range and few decimals is found by hashing every candidate in well under a
second (``tests/test_check.py`` does exactly that for the release). When the
answer is wrong the check works out *why* — not filled in, wrong type, out of range, a factor 100
off (percentage versus fraction), close but rounded differently — and says so in Dutch.

Two modes, one behaviour for the learner's eyes:

* **Learning** (JupyterLab, no grader): the verdict is shown as a short Dutch message; a wrong answer
  does *not* raise, so "Run all" keeps going and there is never a traceback. A passed check is
  written to the local progress record (``smmkit.progress``).
* **Grading** (``nbgrader autograde``/``validate`` set ``NBGRADER_EXECUTION``; or
  ``SMMKIT_CHECK_RAISE=1``): a wrong answer raises :class:`CheckFailed`, an ``AssertionError`` so the
  test cell scores 0. IPython renders it as the same Dutch text, not as a traceback. The mode is fixed when the kit is first imported *or* read
  at call time, whichever says "grading" (:func:`smmkit.grading_mode`): a submission cannot switch grading off by editing
  ``os.environ``.

A check never passes on a value whose answer cell last stopped with an error (also a SyntaxError, which
leaves the old value in place), nor on one whose answer cell was changed and not run again (the kit's
lab extension tells the kernel what the cells hold before each run; elsewhere the saved notebook
shows the change); see ``_stale`` and ``smmkit.safetynet.cell_problem`` for what the kernel can and
cannot know.

Passing a visible check is not the grade, and a check protects nothing: every graded test cell
also has hidden tests (plain ``assert``s that do not use this module), and only those decide the
score.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import sys
from pathlib import Path

from smmkit.context import grading_mode
from smmkit.messages import choices, msg

__all__ = ["CheckFailed", "number", "count", "text", "table", "mapping", "consistent", "saved_file",
           "answer_code", "mapping_codes", "grading"]

class CheckFailed(AssertionError):
    """A check that did not pass while grading. Its message is the Dutch feedback.

    IPython shows ``_render_traceback_`` instead of a traceback, so ``nbgrader validate``, the autograded
    notebook and the feedback show only the Dutch text (no code frames of the kit).
    """

    def _render_traceback_(self) -> list[str]:
        return str(self).splitlines()


class _Wrong(Exception):
    """Internal: carries the Dutch reason why an answer is not right yet."""


def grading() -> bool:
    """True when checks run as tests (under nbgrader, or with SMMKIT_CHECK_RAISE=1): see smmkit.context."""
    return grading_mode() is not None


# --------------------------------------------------------------------------- answer codes
def _canonical(value, decimals=None) -> str:
    if isinstance(value, dict):
        return json.dumps(sorted((_canonical(k), _canonical(v, decimals)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return json.dumps([_canonical(v, decimals) for v in value])
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) and decimals is None:
        return str(int(value))
    number = float(value)
    digits = 6 if decimals is None else decimals
    text = f"{round(number, digits):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # -0.0 == 0.0


def answer_code(value, question: str, decimals: int | None = None) -> str:
    """The salted hash a check cell compares against: ``answer_code(26.0, "h01_gemiddelde", 1)``.

    Teachers compute it once from the worked answer (see solutions/README.md). The salt is the
    question id, so equal answers to different questions get different codes.
    """
    return hashlib.sha256(f"smmkit|{question}|{_canonical(value, decimals)}".encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- reporting
def _show(text: str, ok: bool) -> None:
    shell = None
    if "IPython" in sys.modules:
        try:
            shell = sys.modules["IPython"].get_ipython()
        except Exception:
            shell = None
    if shell is not None and getattr(shell, "kernel", None) is not None:
        from IPython.display import HTML, display

        from smmkit.boxes import PRE_WRAP, box

        display(HTML(box("ok" if ok else "error", text, "smmkit-check", extra=PRE_WRAP)))
        return
    print(text)


def _label(question) -> str:
    """A question id as a reader says it: 'h03_beleid_uit_aantallen' → 'h03 – beleid uit aantallen'."""
    import re

    match = re.fullmatch(r"([a-z]?\d+)_(\w+)", str(question))
    if not match:
        return str(question).replace("_", " ")
    return msg("check.question", part=match.group(1), topic=match.group(2).replace("_", " "))


def shown(value) -> str:
    """A learner's value as a Dutch reader expects it in a message: 17,6 (not np.float64(17.6)), a path as
    its text, a row of values separated by semicolons; never Python's notation."""
    from smmkit.models._input import fmt

    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "item") and getattr(value, "shape", None) == ():   # a numpy scalar
        value = value.item()
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        if value != value:
            return msg("check.value.nan")
        if value in (float("inf"), float("-inf")):
            return msg("check.value.inf") if value > 0 else "-" + msg("check.value.inf")
        return fmt(value, decimals=4).replace("-", "−") if value < 0 else fmt(value, decimals=4)
    if isinstance(value, (tuple, list)):
        inner = "; ".join(shown(v) for v in value[:12]) + ("; …" if len(value) > 12 else "")
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return str(value)


def _finish(question: str, reason: str | None) -> None:
    question_id, question = question, _label(question)
    if reason is None:
        if not grading():
            _show(msg("check.passed", question=question), ok=True)
            try:
                from smmkit import progress

                progress.record(question_id)
            except Exception as exc:  # progress must never break a check
                print(msg("progress.unwritable", path="~/.smmkit", error=exc))
        return
    text = msg("check.failed", question=question, reason=reason)
    if grading():
        raise CheckFailed(text)
    _show(text, ok=False)


def _run(question: str, test):
    try:
        result = test()
    except _Wrong as wrong:
        _finish(question, str(wrong))
        return None
    _finish(question, None)
    return result


# --------------------------------------------------------------------------- looking up the answer
def _lookup(name, function: str, depth: int = 3):
    """The learner's value named ``name`` in the calling notebook's namespace."""
    if not isinstance(name, str) or not name.isidentifier():
        raise _Wrong(msg("check.not_a_name", function=function))
    frame = sys._getframe(depth)
    for space in (frame.f_locals, frame.f_globals):
        if name in space:
            value = space[name]
            break
    else:
        raise _Wrong(msg("check.not_defined", name=name))
    stale = _stale(name)
    if stale is not None:
        raise _Wrong(stale)
    if value is Ellipsis:
        raise _Wrong(msg("check.not_filled", name=name))
    return value


def _stale(name: str) -> str | None:
    """Why the value of ``name`` is not the learner's current answer, as far as the kernel can know.

    The safety net (``smmkit.safetynet``, loaded in every kit kernel) notes after each cell which names it
    assigns and whether it ran without error. Without it (plain Python) nothing is known: None.
    """
    net = sys.modules.get("smmkit.safetynet")
    if net is None:
        return None
    try:
        return net.cell_problem(name)
    except Exception:  # the bookkeeping must never break a check
        return None


def _type_name(value) -> str:
    kind = type(value).__name__
    key = {"str": "str", "int": "int", "float": "float", "bool": "bool", "NoneType": "none", "Series": "series",
           "DataFrame": "dataframe", "list": "list", "dict": "dict", "tuple": "tuple", "method": "method",
           "builtin_function_or_method": "method", "function": "method"}.get(kind)
    if key is None and hasattr(value, "item") and getattr(value, "shape", None) == ():   # numpy's float64, int64
        key = "float" if "float" in kind else "int" if "int" in kind else None
    return msg(f"check.type.{key}") if key else msg("check.type.other")


def _type_hint(value, wanted: str) -> str:
    kind = type(value).__name__
    if kind in ("Series", "DataFrame") and wanted != "dataframe":
        return msg("check.hint.one_value")
    if value is None:
        return msg("check.hint.none")
    if isinstance(value, tuple) and all(isinstance(v, (int, float)) for v in value):
        return msg("check.hint.comma")
    if callable(value) and kind in ("method", "builtin_function_or_method", "function"):
        return msg("check.hint.call", function=getattr(value, "__name__", "min"))
    if isinstance(value, str) and wanted in ("float", "int"):
        return msg("check.hint.quotes")
    if wanted == "int" and isinstance(value, float):
        return msg("check.hint.count")
    if wanted == "str":
        return msg("check.hint.text")
    return ""


def _wrong_type(name, value, wanted: str):
    return _Wrong(msg("check.wrong_type", name=name, wanted=msg(f"check.type.{wanted}"), got=_type_name(value),
                      hint=_type_hint(value, wanted)))


def _with_hint(reason: str, hint: str | None) -> str:
    return reason + "\n" + msg("check.hint_prefix", hint=hint or msg("check.hint.generic"))


def _as_number(name, value, integer: bool = False) -> float:
    """A plain float from a learner's value; numpy scalars are fine, columns and text are not."""
    if isinstance(value, bool) or isinstance(value, (str, bytes, list, dict, tuple)) or value is None:
        raise _wrong_type(name, value, "int" if integer else "float")
    if hasattr(value, "shape") and getattr(value, "shape", ()) != ():
        raise _wrong_type(name, value, "int" if integer else "float")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _wrong_type(name, value, "int" if integer else "float") from None
    except OverflowError:  # 10**400: too large for any float
        raise _Wrong(msg("check.too_large", name=name)) from None
    if type(number) is not float:  # a subclass that pretends: compare as a real float
        number = float.__float__(number)
    if integer and (number != number or number in (float("inf"), float("-inf")) or number != int(number)):
        raise _wrong_type(name, value, "int")
    return number


# --------------------------------------------------------------------------- the checks
def number(name, question: str, code: str, decimals: int = 2, valid_range=None, kind: str | None = None,
           hint: str | None = None) -> None:
    """Check a number. ``kind``: "percentage" (0–100) or "fraction" (0–1) enables the factor-100 hint."""
    def test():
        value = _as_number(name, _lookup(name, "number", depth=4))
        if not math.isfinite(value):
            raise _Wrong(msg("check.not_finite", name=name, value=shown(value)))
        if answer_code(value, question, decimals) == code:
            return
        if kind == "percentage" and answer_code(value * 100, question, decimals) == code:
            raise _Wrong(msg("check.is_fraction"))
        if kind == "fraction" and answer_code(value / 100, question, decimals) == code:
            raise _Wrong(msg("check.is_percentage"))
        if valid_range is not None and not (valid_range[0] <= value <= valid_range[1]):
            raise _Wrong(_with_hint(msg("check.out_of_range", name=name, value=shown(value),
                                        low=shown(valid_range[0]), high=shown(valid_range[1])), hint))
        step = 10.0 ** -decimals
        near = [value + k * step for k in (-1, 1)] + [math.floor(value / step) * step,
                                                      math.ceil(value / step) * step]
        if any(answer_code(v, question, decimals) == code for v in near):
            raise _Wrong(msg("check.rounding", decimals=decimals))
        raise _Wrong(_with_hint(msg("check.wrong_value"), hint))

    _run(question, test)


def count(name, question: str, code: str, valid_range=None, hint: str | None = None) -> None:
    """Check a whole number (an amount: how many channels, how many municipalities …)."""
    def test():
        value = _as_number(name, _lookup(name, "count", depth=4), integer=True)
        if answer_code(int(value), question) == code:
            return
        if valid_range is not None and not (valid_range[0] <= value <= valid_range[1]):
            raise _Wrong(_with_hint(msg("check.out_of_range", name=name, value=shown(int(value)),
                                        low=shown(valid_range[0]), high=shown(valid_range[1])), hint))
        raise _Wrong(_with_hint(msg("check.wrong_value"), hint))

    _run(question, test)


def text(name, question: str, code: str, options=None, hint: str | None = None) -> None:
    """Check a text answer (case and extra spaces do not matter); ``options`` lists the valid choices."""
    def test():
        value = _lookup(name, "text", depth=4)
        if not isinstance(value, str):
            raise _wrong_type(name, value, "str")
        if answer_code(value, question) == code:
            return
        if options is not None and _canonical(value) not in {_canonical(o) for o in options}:
            raise _Wrong(msg("check.not_an_option", value=shown(value), options=choices(options)))
        raise _Wrong(_with_hint(msg("check.wrong_text", value=shown(value)), hint))

    _run(question, test)


def table(name, question: str, columns, rows: int | None = None, sorted_by: str | None = None,
          descending: bool = True, code: str | None = None, decimals: int = 2, hint: str | None = None) -> None:
    """Check a DataFrame: its columns, number of rows, sort order and (with ``code``) its values."""
    def test():
        frame = _lookup(name, "table", depth=4)
        if type(frame).__name__ != "DataFrame":
            raise _wrong_type(name, frame, "dataframe")
        present = [str(c) for c in frame.columns]
        missing = [c for c in columns if c not in present]
        if missing:
            raise _Wrong(msg("check.missing_columns", columns=choices(missing), present=choices(present)))
        extra = [c for c in present if c not in columns]
        if extra:
            raise _Wrong(msg("check.extra_columns", columns=choices(extra), wanted=choices(columns)))
        if rows is not None and len(frame) != rows:
            more = "check.hint.rows_more" if len(frame) < rows else "check.hint.rows_less"
            raise _Wrong(msg("check.rows", got=len(frame), wanted=rows, hint=msg(more)))
        if sorted_by is not None:
            values = list(frame[sorted_by])
            try:
                in_order = values == sorted(values, reverse=descending)
            except TypeError:  # text and numbers mixed in one column
                raise _Wrong(msg("check.mixed_column", column=sorted_by)) from None
            if not in_order:
                order = msg("check.order.descending" if descending else "check.order.ascending")
                raise _Wrong(msg("check.not_sorted", column=sorted_by, order=order))
        if code is not None:
            cells = [[_cell(v) for v in row] for row in frame[list(columns)].itertuples(index=False)]
            try:
                same = answer_code(cells, question, decimals) == code
            except OverflowError:  # a number too large for a float cannot be the right value
                same = False
            if not same:
                raise _Wrong(_with_hint(msg("check.wrong_table_values"), hint))

    _run(question, test)


def _cell(value):
    if hasattr(value, "item"):
        value = value.item()
    return value if isinstance(value, (str, int, float)) else str(value)


def mapping(name, question: str, codes: dict, options=None, hint: str | None = None) -> None:
    """Check a dict such as {behoefte: platform}; ``codes`` holds one code per key."""
    def test():
        value = _lookup(name, "mapping", depth=4)
        if not isinstance(value, dict):
            raise _wrong_type(name, value, "dict")
        given = {_canonical(k): (k, v) for k, v in value.items()}
        wanted = {_canonical(k): k for k in codes}
        missing = [wanted[k] for k in wanted if k not in given]
        if missing:
            raise _Wrong(msg("check.missing_keys", name=name, keys=choices(missing)))
        extra = [given[k][0] for k in given if k not in wanted]
        if extra:
            raise _Wrong(msg("check.extra_keys", name=name, keys=choices(extra), wanted=choices(list(codes))))
        wrong = []
        for key, original in wanted.items():
            answer = given[key][1]
            if options is not None and (not isinstance(answer, str)
                                        or _canonical(answer) not in {_canonical(o) for o in options}):
                raise _Wrong(msg("check.mapping_option", key=original, value=shown(answer), options=choices(options)))
            if answer_code(answer, f"{question}|{key}") != codes[original]:
                wrong.append(original)
        if wrong:
            raise _Wrong(_with_hint(msg("check.mapping_wrong", right=len(codes) - len(wrong), total=len(codes),
                                        keys=choices(wrong)), hint))

    _run(question, test)


def mapping_codes(answer: dict, question: str) -> dict:
    """The ``codes`` argument of :func:`mapping` for a worked answer (for teachers)."""
    return {key: answer_code(value, f"{question}|{_canonical(key)}") for key, value in answer.items()}


def consistent(name, question: str, allowed, hint: str | None = None) -> None:
    """Check an answer that depends on the learner's own work (e.g. a profile saved from a widget).

    ``allowed`` holds the values that follow from that work, computed in the check cell itself; no
    secret is involved, so no code is needed.
    """
    def test():
        value = _lookup(name, "consistent", depth=4)
        wanted = [_canonical(a) for a in allowed]
        if isinstance(value, str) != all(isinstance(a, str) for a in allowed):
            raise _wrong_type(name, value, "str" if all(isinstance(a, str) for a in allowed) else "float")
        if _canonical(value) not in wanted:
            raise _Wrong(_with_hint(msg("check.inconsistent", value=shown(value)), hint))

    _run(question, test)


def saved_file(path, question: str, keys=(), quiet: bool = False):
    """Check that work saved from a widget exists and is readable JSON with the given top-level keys.

    Returns the file's content when it passes, else None (so a check cell can go on with it).
    ``quiet=True`` shows nothing on success (use it when a second check in the same cell follows).
    """
    def test():
        target = Path(path)
        if not target.is_file():
            raise _Wrong(msg("check.file_missing", path=shown(path)))
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _Wrong(msg("check.file_not_json", path=shown(path))) from None
        missing = [k for k in keys if not isinstance(data, dict) or k not in data]
        if missing:
            raise _Wrong(msg("check.file_missing_keys", path=shown(path), keys=choices(missing)))
        return data

    if quiet:
        try:
            return test()
        except _Wrong as wrong:
            _finish(question, str(wrong))
            return None
    return _run(question, test)
