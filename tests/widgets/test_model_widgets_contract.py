"""Every widget in the registry (smmkit.widgets._WIDGETS) keeps the contract of smmkit.widgets.base."""
import ipywidgets as w
import pytest

import smmkit.widgets as widgets
from smmkit.widgets.base import SmmkitWidget

CLASSES = {name: getattr(widgets, name).has_chart for name in widgets.__all__ if name != "SmmkitWidget"}


def test_the_registry_is_complete():
    """Every SmmkitWidget subclass defined in smmkit/widgets/ is in the registry (so it is tested here)."""
    import importlib
    import inspect
    import pkgutil

    defined = set()
    for info in pkgutil.iter_modules(widgets.__path__):
        module = importlib.import_module(f"smmkit.widgets.{info.name}")
        defined |= {n for n, obj in vars(module).items() if inspect.isclass(obj) and issubclass(obj, SmmkitWidget)
                    and obj is not SmmkitWidget and obj.__module__ == module.__name__ and not n.startswith("_")}
    assert defined <= set(CLASSES), f"not in smmkit.widgets._WIDGETS: {sorted(defined - set(CLASSES))}"
    assert len(CLASSES) >= 13


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_constructs_without_arguments_with_a_result_and_a_dutch_heading(name):
    cls = getattr(widgets, name)
    assert issubclass(cls, SmmkitWidget) and issubclass(cls, w.VBox)
    widget = cls()
    assert widget.result is not None and widget.error == ""
    assert widget.heading.value.startswith("<h3") and widget.text.value
    assert (widget.chart is not None) is CLASSES[name]
    # what a page that cannot draw the widget shows (untrusted notebook, nbconvert HTML): Dutch, short
    plain = widget._repr_mimebundle_()["text/plain"]
    assert plain.startswith(f"[widget {name}: ") and plain.endswith("]") and "Shift + Enter" in plain
