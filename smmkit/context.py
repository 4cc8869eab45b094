"""Are we grading? The one place in the kit that reads ``NBGRADER_EXECUTION`` and ``SMMKIT_CHECK_RAISE``.

nbgrader sets ``NBGRADER_EXECUTION`` while it runs a notebook: ``"autograde"`` (the teacher grades,
also the kit's own runner and test process) or ``"validate"`` (the student's Validate button).
``SMMKIT_CHECK_RAISE=1`` asks for the same strict checks without nbgrader (the kit's tests).

Every part of the kit asks :func:`grading_mode` (``tests/test_safetynet_api.py`` fails when another
module reads these variables itself):

* ``smmkit.check``: any mode → a wrong answer raises ``CheckFailed`` (the test cell scores 0);
* the safety net: ``"autograde"`` → no boxes and no warnings, tracebacks untouched; ``"validate"`` →
  the explanation goes into the error text (the Validate dialog shows no boxes);
* ``smmkit.progress`` and the widgets' memory: any nbgrader mode → read and restore nothing.

The mode seen when the kit was first imported stays: a submission cannot switch grading off by
removing the variable from ``os.environ`` (a mode read now still counts too).
"""
from __future__ import annotations

import os

__all__ = ["grading_mode", "CHECKS"]

CHECKS = "checks"   # the mode for SMMKIT_CHECK_RAISE=1 without nbgrader


def _read() -> str | None:
    nbgrader = os.environ.get("NBGRADER_EXECUTION")
    if nbgrader:
        return nbgrader
    return CHECKS if os.environ.get("SMMKIT_CHECK_RAISE") else None


_AT_IMPORT = _read()


def grading_mode() -> str | None:
    """``"autograde"``, ``"validate"`` (or another value nbgrader sets), ``"checks"``, or None for a learner.

    ``"autograde"`` at import wins over anything read later; otherwise the mode read now, else the one
    read at import.
    """
    if _AT_IMPORT == "autograde":
        return _AT_IMPORT
    return _read() or _AT_IMPORT
