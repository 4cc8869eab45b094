"""The widget base: update cycle, messages instead of tracebacks, save/load round trip, exports."""
import json
import logging

import ipywidgets as w
import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import SmmkitWidget
from smmkit.widgets.base import SAVE_VERSION


class Doubler(SmmkitWidget):
    """A minimal real subclass: doubles a number; negative numbers are invalid, 13 hits a bug."""

    has_chart = True

    def build(self):
        self.number = w.IntText(value=2)
        self.label = w.Text(value="twee")
        return [w.HBox([self.number, self.label])]  # nested: the base finds the controls

    def compute(self):
        if self.number.value < 0:
            raise SmmkitError("Negatief kan niet: kies 0 of meer.")
        if self.number.value == 13:
            raise RuntimeError("a bug")
        return {"label": self.label.value, "double": 2 * self.number.value}

    def render_text(self, result):
        return f"<p>{self.esc(result['label'])} → {result['double']}</p>"

    def draw(self, fig, result):
        from smmkit import plots
        plots.grouped_bar(["dubbel"], {"x": [result["double"]]}, title="t", source="test", ax=fig.add_subplot())

    def table(self, result):
        return [{"label": result["label"], "dubbel": result["double"]}]

    def learner_state(self):
        return {"number": self.number.value, "label": self.label.value}

    def restore_learner_state(self, state):
        if not isinstance(state.get("number"), int):
            raise SmmkitError("number moet een geheel getal zijn.")
        self.number.value = state["number"]
        self.label.value = state["label"]


class Other(Doubler):
    pass


def test_constructing_computes_and_renders():
    d = Doubler()
    assert d.result == {"label": "twee", "double": 4}
    assert "→ 4" in d.text.value and d.error == "" and d.message.value == ""
    assert d.chart.value[:4] == b"\x89PNG"


def test_auto_chart_off_from_the_start_draws_no_chart_until_switched_on():
    d = Doubler(auto_chart=False)
    assert d.result == {"label": "twee", "double": 4} and "→ 4" in d.text.value
    assert d.chart.value == b"", "a chart was drawn although auto_chart=False"
    d.number.value = 3
    assert "→ 6" in d.text.value and d.chart.value == b""
    d.auto_chart = True
    d.refresh()
    assert d.chart.value[:4] == b"\x89PNG"


def test_nested_control_changes_update_result_and_escape_text():
    d = Doubler()
    d.number.value = 5
    d.label.value = "<b>vijf</b>"
    assert d.result["double"] == 10
    assert "&lt;b&gt;vijf&lt;/b&gt; → 10" in d.text.value


def test_learner_error_is_a_message_not_a_traceback():
    d = Doubler()
    d.number.value = -1
    assert d.result is None
    assert d.error == "Negatief kan niet: kies 0 of meer."
    assert "Negatief kan niet" in d.message.value and d.text.value == ""
    assert d.chart.layout.display == "none"
    d.number.value = 3
    assert d.result["double"] == 6 and d.message.value == "" and d.chart.layout.display is None


def test_a_bug_gives_a_calm_dutch_message_and_a_log_entry(caplog):
    d = Doubler()
    with caplog.at_level(logging.ERROR, logger="smmkit.widgets"):
        d.number.value = 13
    assert d.result is None and "fout in de kit" in d.error
    assert "Doubler.compute failed" in caplog.text


def test_save_load_round_trip(tmp_path):
    d = Doubler()
    d.number.value, d.label.value = 21, "eenentwintig"
    before = d.learner_state()
    path = d.save(tmp_path / "werk.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"widget": "Doubler", "version": SAVE_VERSION, "state": before}
    fresh = Doubler()
    fresh.load(path)
    assert fresh.learner_state() == before and fresh.result == d.result


def test_load_refuses_other_widget_broken_and_missing_files(tmp_path):
    other = Other()
    other.save(tmp_path / "other.json")
    d = Doubler()
    with pytest.raises(SmmkitError, match="hoort bij de widget Other, niet bij Doubler"):
        d.load(tmp_path / "other.json")
    (tmp_path / "broken.json").write_text("{niet af", encoding="utf-8")
    with pytest.raises(SmmkitError, match="beschadigd"):
        d.load(tmp_path / "broken.json")
    with pytest.raises(SmmkitError, match="bestaat niet"):
        d.load(tmp_path / "nergens.json")
    bad = {"widget": "Doubler", "version": SAVE_VERSION, "state": {"number": "veel", "label": "x"}}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    d.number.value = 7
    with pytest.raises(SmmkitError, match="geheel getal"):
        d.load(tmp_path / "bad.json")
    assert d.learner_state() == {"number": 7, "label": "twee"}  # untouched


def test_load_applies_one_refresh(tmp_path):
    d = Doubler()
    d.number.value = 8
    d.save(tmp_path / "a.json")
    fresh = Doubler()
    calls = []
    fresh.compute = lambda original=fresh.compute: calls.append(1) or original()
    fresh.load(tmp_path / "a.json")
    assert len(calls) == 1 and fresh.result["double"] == 16


def test_exports(tmp_path):
    d = Doubler()
    d.export_csv(tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == "\ufefflabel;dubbel\r\ntwee;4\r\n".encode()
    d.export_png(tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    d.number.value = -3
    with pytest.raises(SmmkitError, match="geen uitkomst om te exporteren.*Negatief"):
        d.export_csv(tmp_path / "t2.csv")


def test_file_buttons_show_status_inside_the_widget(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = Doubler()
    d.filename.value = "knop"
    d.file_buttons["Opslaan"].click()
    assert (tmp_path / "knop.json").exists() and "Klaar" in d.file_status.value
    d.number.value = 1
    d.file_buttons["Openen"].click()                    # it would replace her work: asked first
    assert d.number.value == 1 and "vervangt wat er nu staat" in d.open_confirm.text.value
    d.open_confirm.no.click()
    assert d.number.value == 1
    d.file_buttons["Openen"].click()
    d.open_confirm.yes.click()
    assert d.number.value == 2 and "teruggezet" in d.file_status.value
    d.filename.value = "bestaat-niet"
    d.file_buttons["Openen"].click()
    assert "bestaat niet" in d.file_status.value
    d.file_buttons["Exporteer PNG"].click()
    assert (tmp_path / "bestaat-niet.png").exists()


def test_restore_brings_back_saved_work_and_never_stops_the_cell(tmp_path):
    from smmkit.widgets import ReputationScorer

    path = tmp_path / "werk.json"
    first = ReputationScorer()
    assert first.restore(path) is False and first.file_status.value == ""   # no file yet: nothing happens
    driver = list(first.sliders)[0]
    first.sliders[driver].value = 1
    first.save(path)
    again = ReputationScorer()
    assert again.restore(path) is True
    assert again.sliders[driver].value == 1 and "teruggezet" in again.file_status.value


@pytest.mark.parametrize("content", ['{"widget": "ReputationScorer", "version": 1, "state": {"scores": {"innovation": 3}}}',
                                     "{kapot", '{"widget": "LCSSMapper", "version": 1, "state": {}}'])
def test_restore_of_an_unreadable_file_keeps_a_copy_and_says_so(tmp_path, content):
    from smmkit.widgets import ReputationScorer

    path = tmp_path / "h06_reputatie.json"
    path.write_text(content, encoding="utf-8")
    widget = ReputationScorer()
    assert widget.restore(path) is False
    copy = tmp_path / "h06_reputatie-kopie.json"
    assert copy.read_text(encoding="utf-8") == content                      # nothing lost
    assert "kon niet worden teruggezet" in widget.file_status.value and "h06_reputatie-kopie.json" in widget.file_status.value
    assert widget.result is not None and widget.error == ""                  # the example is shown
    widget.save(path)                                                         # saving again now works
    assert ReputationScorer().restore(path) is True


def test_a_browser_update_reaches_ipywidgets_own_set_state():
    """Issue #21: the kit's widgets once overrode ipywidgets' ``Widget.set_state(sync_data)``, which
    ipywidgets calls when the browser sends an update: {'box_style': 'info'} then went into the kit's
    restore ('KeyError: budget') and the update was dropped. The learner's state has its own names."""
    import logging

    from smmkit.widgets import CampaignFunnel

    funnel = CampaignFunnel(auto_chart=False)
    errors = []
    handler = logging.Handler()
    handler.emit = errors.append
    logging.getLogger().addHandler(handler)
    try:
        funnel._handle_msg({"content": {"data": {"method": "update", "state": {"box_style": "info"},
                                                 "buffer_paths": []}}, "buffers": []})
    finally:
        logging.getLogger().removeHandler(handler)
    assert funnel.box_style == "info"
    assert not [r for r in errors if r.levelno >= logging.ERROR], [r.getMessage() for r in errors]
    assert "set_state" not in type(funnel).__dict__ and "set_state" not in {
        name for cls in type(funnel).__mro__ if cls.__module__.startswith("smmkit") for name in vars(cls)}
