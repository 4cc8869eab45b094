"""The one exception type a learner can meet, and how a notebook shows it.

Every check in the kit raises :class:`SmmkitError` (a ``ValueError``) with a Dutch text from the
message catalogue. IPython asks an exception for ``_render_traceback_`` before it formats a
traceback, so in JupyterLab, nbclient, nbval and nbgrader a learner sees only that text: what went
wrong and what to try, not a wall of code frames.

It stays a real error on purpose: the cell stops, "Run all" stops there, and nbgrader records the
error output, so a test cell that ends in a SmmkitError scores 0 (an earlier version displayed the
text as plain output instead, which nbgrader would have scored as a passed test).
"""
from __future__ import annotations


class SmmkitError(ValueError):
    """A learner-facing error: its message says what is wrong, what is valid and what to try."""

    def _render_traceback_(self) -> list[str]:
        from smmkit.messages import msg

        return [msg("error.heading"), str(self)]
