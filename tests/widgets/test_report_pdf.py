"""The widget report: 'Exporteer verslag (PDF)' writes one A4 page that a PDF reader opens and whose
Dutch text (title, headings, advice, table) pdftotext finds. Real matplotlib PDF, real poppler."""
import shutil
import subprocess

import pytest

from smmkit.messages import msg
from smmkit.widgets import KPICalculator, ReputationScorer

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext ontbreekt (poppler-utils; python3 kit.py test installeert het)")


def pdf_text(path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def pdf_pages(path) -> int:
    """The number of pages; the page must be A4 (portrait), not cropped to what is drawn."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info and "595" in info
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_reputation_report_has_title_advice_table_and_chart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = ReputationScorer()
    widget.filename.value = "reputatie"
    widget.file_buttons[msg("widgets.export_pdf")].click()
    path = tmp_path / "reputatie.pdf"
    assert msg("widgets.done", path="reputatie.pdf") in widget.file_status.value
    assert path.read_bytes().startswith(b"%PDF") and pdf_pages(path) == 1
    text = " ".join(pdf_text(path).split())
    for heading in (msg("reputation.w.title"), msg("widgets.report_outcome"), msg("widgets.report_table"),
                    msg("widgets.report_chart")):
        assert heading in text
    assert "Zwakste pijler: leiderschap en visie (score 2)" in text        # the advice
    assert "Gemiddeld: pijlers 3,2" in text                                  # Dutch decimal comma
    assert "emotionele aantrekkingskracht" in text                           # a table row


def test_kpi_report_and_the_kept_calculations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = KPICalculator(key="ctr")
    widget.keep()
    widget.keep()
    path = widget.export_pdf("kpi.pdf")
    text = " ".join(pdf_text(path).split())
    assert msg("kpi.w.title") in text and msg("widgets.report_table") in text
    assert widget.result.text.split()[0] in text                            # the outcome sentence
    assert pdf_pages(path) == 1


def test_no_report_without_an_outcome(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = KPICalculator(key="ctr")
    widget.inputs["impressions"].value = 0                                    # division by zero: no result
    assert widget.result is None
    widget.file_buttons[msg("widgets.export_pdf")].click()
    assert "Er is nog geen uitkomst om te exporteren" in widget.file_status.value
    assert list(tmp_path.iterdir()) == []


def _all_widgets():
    import inspect

    import smmkit.widgets as package
    from smmkit.widgets.base import SmmkitWidget

    found = [getattr(package, name) for name in dir(package) if name[:1].isupper()]   # lazy imports too
    widgets = sorted((c for c in found if inspect.isclass(c) and issubclass(c, SmmkitWidget)
                      and c is not SmmkitWidget), key=lambda c: c.__name__)
    assert len(widgets) >= 10
    return widgets


@pytest.mark.parametrize("cls", _all_widgets(), ids=lambda c: c.__name__)
def test_every_widget_reports_on_one_a4_page_under_its_title(cls, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = cls(auto_chart=False)
    path = widget.export_pdf("verslag.pdf")
    assert pdf_pages(path) == 1
    text = " ".join(pdf_text(path).split())
    title = " ".join(msg(cls.title_key).split()) if cls.title_key else cls.__name__
    assert title[:40] in text and msg("widgets.report_outcome") in text
