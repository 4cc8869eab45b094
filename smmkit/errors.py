"""The one exception type a learner can meet, and how a notebook shows it.

Every check in the kit raises :class:`SmmkitError` (a ``ValueError``) with a Dutch text from the
message catalogue. Inside IPython/Jupyter the kit registers a handler that prints only that text,
so a learner sees what went wrong and what to try, not a wall of traceback.
"""
from __future__ import annotations

import sys


class SmmkitError(ValueError):
    """A learner-facing error: its message says what is wrong, what is valid and what to try."""


def _show_friendly(shell, etype, evalue, tb, tb_offset=None):  # pragma: no cover - runs in IPython
    from smmkit.messages import msg

    text = f"{msg('error.heading')}\n{evalue}"
    try:
        from IPython.display import HTML, display

        display(HTML(
            '<div class="smmkit-error" style="border-left:4px solid #D55E00;padding:6px 10px;'
            'background:#fff4ec;white-space:pre-wrap">'
            + _escape(text) + "</div>"
        ))
    except Exception:
        print(text, file=sys.stderr)
    return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install_friendly_errors() -> bool:
    """Show SmmkitError in a running IPython kernel as a short Dutch message. Returns True if active."""
    ipython_mod = sys.modules.get("IPython")
    if ipython_mod is None:
        return False
    try:
        shell = ipython_mod.get_ipython()
    except Exception:
        return False
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc((SmmkitError,), _show_friendly)
    return True
