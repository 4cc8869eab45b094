"""Read a widget's CSV export back as Dutch Excel does: UTF-8 with a BOM, ';' between columns."""
import csv
from pathlib import Path


def read_dutch_csv(path) -> list[dict]:
    data = Path(path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Excel would guess the wrong encoding"
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(text.splitlines(), delimiter=";"))
