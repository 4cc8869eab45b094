"""The ten model widgets beyond the required three keep the agreed contract (see TEAM.md)."""
import ipywidgets as w
import pytest

import smmkit.widgets as widgets
from smmkit.widgets.base import SmmkitWidget

CLASSES = {"HoneycombCompare": True, "FlywheelMapper": True, "PESOClassifier": True, "SmartChecker": False,
           "KPICalculator": False, "CampaignFunnel": True, "ContentCalendar": True, "WebcareTriage": True,
           "InfluencerScorer": True, "ReputationScorer": True}


def test_all_are_exported_from_smmkit_widgets():
    assert set(CLASSES) <= set(widgets.__all__)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_constructs_without_arguments_with_a_result_and_a_dutch_heading(name):
    cls = getattr(widgets, name)
    assert issubclass(cls, SmmkitWidget) and issubclass(cls, w.VBox)
    widget = cls()
    assert widget.result is not None and widget.error == ""
    assert widget.heading.value.startswith("<h3") and widget.text.value
    assert (widget.chart is not None) is CLASSES[name]
