"""smmkit: de interactieve cursuskit bij *Social Media Management* (Rietberg & Ruigrok, 2025).

Import stays light: pandas, matplotlib and ipywidgets are loaded only by the submodules that
need them (``smmkit.data``, ``smmkit.plots``, ``smmkit.widgets``).
"""
from smmkit.context import grading_mode
from smmkit.errors import SmmkitError
from smmkit.messages import msg

__version__ = "0.1.0"
__all__ = ["SmmkitError", "grading_mode", "msg", "__version__"]


# Submodules that import heavy libraries load on first attribute access (``smmkit.data``), so that
# ``import smmkit`` stays fast. Add names here rather than importing them above.
_LAZY_SUBMODULES = {"data"}


def _load_safety_net() -> None:
    """In a Jupyter kernel, load the Dutch safety net (``smmkit.safetynet``): every kit notebook imports smmkit."""
    import sys

    if "IPython" in sys.modules:
        try:
            from smmkit import safetynet

            safetynet.register_if_in_kernel()
        except Exception:  # never let the safety net stop the import of the kit
            pass


_load_safety_net()


def __getattr__(name: str):
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
