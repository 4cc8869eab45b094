"""smmkit: de interactieve cursuskit bij *Social Media Management* (Rietberg & Ruigrok, 2025).

Import stays light: pandas, matplotlib and ipywidgets are loaded only by the submodules that
need them (``smmkit.data``, ``smmkit.plots``, ``smmkit.widgets``).
"""
from smmkit.errors import SmmkitError, install_friendly_errors
from smmkit.messages import msg

__version__ = "0.1.0"
__all__ = ["SmmkitError", "msg", "__version__"]

install_friendly_errors()
