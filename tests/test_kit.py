"""The README's first command, `python3 kit.py lab`, opens the course on its start page in Dutch.

Runs the real command (setup is already done when tests run, so it only starts JupyterLab) with a
stand-in "browser" that records the address JupyterLab asks it to open, then asks the running
server for the interface language. The server is stopped afterwards.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(180)
def test_lab_opens_start_page_in_dutch(tmp_path):
    record = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> "{record}"\n')
    browser.chmod(0o755)
    port, token = _free_port(), "kit-test-token"
    env = dict(os.environ, BROWSER=str(browser), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "kit.py"), "lab", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 150
        while not record.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        assert record.exists(), "JupyterLab never asked a browser to open the course"
        opened = record.read_text().split()[0]
        target = opened
        if opened.startswith("file://"):  # JupyterLab hands the browser a small redirect page
            page = Path(opened[len("file://"):]).read_text()
            target = re.search(r'href="([^"]+)"', page).group(1)
        assert "/lab/tree/chapters/00-start.ipynb" in target

        url = f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}"
        with urllib.request.urlopen(url, timeout=30) as response:
            schema = json.load(response)["schema"]
        assert schema["properties"]["locale"]["default"] == "nl_NL"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
