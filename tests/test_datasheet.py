"""DATASHEET.md is generated from datapackage.json and must be up to date; import smmkit stays light."""
import json
import subprocess
import sys
from pathlib import Path

from smmkit import datasheet

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))


def test_committed_datasheet_is_up_to_date():
    committed = (ROOT / "datasets" / "DATASHEET.md").read_text(encoding="utf-8")
    assert committed == datasheet.render_datasheet(), "draai `python -m smmkit.datasheet`"


def test_check_mode_reports_an_outdated_datasheet(tmp_path, monkeypatch, capsys):
    target = tmp_path / "DATASHEET.md"
    target.write_text("oud\n", encoding="utf-8")
    monkeypatch.setattr(datasheet, "datasheet_path", lambda: target)
    assert datasheet.main(["--check"]) == 1
    assert "niet bijgewerkt" in capsys.readouterr().out
    assert datasheet.main([]) == 0
    assert datasheet.main(["--check"]) == 0


def test_datasheet_documents_every_dataset_and_its_quirks():
    text = datasheet.render_datasheet()
    for res in PACKAGE["resources"]:
        assert f"### `{res['name']}`" in text
        for quirk in res["quirks"]:
            assert quirk in text
        for field in res["schema"]["fields"]:
            assert f"| `{field['name']}` |" in text
    assert "goed lesmateriaal" in text


def test_generated_counts_come_from_the_files():
    text = datasheet.render_datasheet()
    rows = sum(len((ROOT / "datasets" / r["path"]).read_text(encoding="utf-8").splitlines()) - 1
               for r in PACKAGE["resources"])
    assert f"De kit bevat {len(PACKAGE['resources'])} datasets met samen {rows} rijen." in text


def test_import_smmkit_does_not_import_heavy_libraries():
    code = ("import sys, smmkit; heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_smmkit_data_is_available_lazily():
    code = ("import sys, smmkit; assert 'pandas' not in sys.modules; "
            "df = smmkit.data.load('gemeenten_kanalen'); assert 'pandas' in sys.modules; print(len(df))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 0


def test_describe_and_datasheet_do_not_need_pandas():
    code = ("import sys; from smmkit import datasheet; datasheet.render_datasheet(); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
