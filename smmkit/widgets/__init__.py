"""Interactive views (ipywidgets) over the models in ``smmkit.models``.

``from smmkit.widgets import LCSSMapper`` imports only what that widget needs (lazy): add a new
widget by adding one line ``"ClassName": "module"`` to ``_WIDGETS`` below.
"""
from __future__ import annotations

import importlib

_WIDGETS = {
    "SmmkitWidget": "base",
    "NeedsProfile": "sdt",
    "FourCSorter": "fourc",
    "LCSSMapper": "lcss",
    "HoneycombCompare": "honeycomb",
    "FlywheelMapper": "flywheel",
    "PESOClassifier": "peso",
    "SmartChecker": "smart",
    "KPICalculator": "kpi",
    "CampaignFunnel": "funnel",
    "ContentCalendar": "calendar",
    "WebcareTriage": "webcare",
    "InfluencerScorer": "influencer",
    "ReputationScorer": "reputation",
    "UTMBuilder": "utm",
}

__all__ = sorted(_WIDGETS)


def __getattr__(name: str):
    module = _WIDGETS.get(name)
    if module is None:
        raise AttributeError(f"module 'smmkit.widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_WIDGETS))
