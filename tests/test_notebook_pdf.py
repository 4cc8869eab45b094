"""A whole notebook as PDF (``python3 kit.py pdf``): nbconvert's HTML printed by Debian's real Chromium,
read back with poppler's pdftotext. Issue #20: "a PDF … of a notebook is produced and opened"."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import kit
from smmkit.messages import msg

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = ROOT / "chapters" / "01-introductie.ipynb"
needs_tools = pytest.mark.skipif(
    shutil.which("pdftotext") is None or not Path(kit.CHROMIUM).exists(),
    reason="chromium of pdftotext ontbreekt (python3 kit.py test installeert chromium en poppler-utils)")


def make_pdf(*args, env=None):
    return subprocess.run([sys.executable, "-m", "smmkit.notebookpdf", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=env)


@needs_tools
def test_a_chapter_becomes_an_a4_pdf_with_its_dutch_headings(tmp_path):
    out = tmp_path / "hoofdstuk1.pdf"
    done = make_pdf(CHAPTER, out)
    assert done.returncode == 0, done.stderr
    assert msg("pdf.done", path=out) in done.stdout
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for heading in ("Hoofdstuk 1 · Introductie in socialmediamanagement", "Na dit hoofdstuk kun je",
                    "1.1 Inleiding in social media", "1.3 Social media en de maatschappij"):
        assert heading in text
    assert "from smmkit.data import load" in text                            # the code cells are in it too


def test_kit_has_the_pdf_command_and_dutch_messages(tmp_path):
    assert "pdf" in kit.COMMANDS and "poppler-utils" in kit.PDF_APT_PACKAGES
    usage = make_pdf()
    assert usage.returncode == 2 and "python3 kit.py pdf NOTEBOOK" in usage.stdout
    missing = make_pdf(tmp_path / "weg.ipynb")
    assert missing.returncode == 1 and "is geen notebook" in missing.stderr
    broken = tmp_path / "kapot.ipynb"
    broken.write_text("{ niet af", encoding="utf-8")
    assert "kon niet als notebook gelezen worden" in make_pdf(broken).stderr
    no_browser = make_pdf(CHAPTER, tmp_path / "x.pdf", env=dict(os.environ, SMMKIT_CHROMIUM=str(tmp_path / "geen")))
    assert no_browser.returncode == 1 and "Chromium nodig" in no_browser.stderr
    assert not (tmp_path / "x.pdf").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_offers_no_export_that_ends_in_an_english_500(tmp_path):
    """File → Save and Export Notebook As lists what a real Jupyter server's /api/nbconvert returns: with
    the kit's server config, PDF (LaTeX), WebPDF (Playwright), LaTeX and Qt are gone; HTML stays."""
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_PATH=str(ROOT / "jupyter-config" / "etc" / "jupyter"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_DATA_DIR=str(tmp_path / "data"))
    server = subprocess.Popen([sys.executable, "-m", "jupyter_server", "--no-browser", f"--port={port}",
                               "--ServerApp.token=pdf-test", f"--ServerApp.root_dir={tmp_path}",
                               "--ServerApp.port_retries=0", "--allow-root"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        formats = None
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/nbconvert?token=pdf-test", timeout=5) as r:
                    formats = json.load(r)
                break
            except OSError:
                assert server.poll() is None, "jupyter server stopped"
                time.sleep(0.5)
        assert formats is not None, "jupyter server did not answer"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "html" in formats
    assert not {"pdf", "webpdf", "latex", "qtpdf", "qtpng"} & set(formats)
