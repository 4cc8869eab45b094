"""The Dutch safety net: every error in a kit notebook explained in plain Dutch, the original one click away.

An IPython extension (``%load_ext smmkit.safetynet``; ``import smmkit`` and the kernel config of the
environment load it). The public API is what this module exports (``__all__``); the modules:

* :mod:`~smmkit.safetynet.ipython`: the hooks (error box, warnings, bookkeeping after each cell);
* :mod:`~smmkit.safetynet.rules`: why a live error happened, one rule per kind of exception;
* :mod:`~smmkit.safetynet.recorded`: the same for an error recorded in a notebook (the feedback);
* :mod:`~smmkit.safetynet.cells`: what each cell assigned, and why a value cannot be trusted yet;
* :mod:`~smmkit.safetynet.scan`: warnings after a good run (``x = 1,25``);
* :mod:`~smmkit.safetynet.hints`: what the rules share, and the names a kit notebook sets up.

No module imports another's underscore names, and there is no import cycle
(``tests/test_safetynet_api.py``). Whether we are grading: :func:`smmkit.grading_mode`.
"""
from __future__ import annotations

from smmkit.safetynet.cells import CELLS_TARGET, assigned_names, cell_problem, record_run, take_cell_sources
from smmkit.safetynet.hints import kit_names
from smmkit.safetynet.ipython import box, load_ipython_extension, register_if_in_kernel, unload_ipython_extension
from smmkit.safetynet.scan import warnings_for

__all__ = ["load_ipython_extension", "unload_ipython_extension", "register_if_in_kernel",
           "cell_problem", "assigned_names", "record_run", "take_cell_sources", "CELLS_TARGET",
           "warnings_for", "explain", "explain_recorded", "box", "kit_names"]

# loaded at the first error (or by the feedback), so that a kernel starts light
_LAZY = {"explain": "smmkit.safetynet.rules", "explain_recorded": "smmkit.safetynet.recorded"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
