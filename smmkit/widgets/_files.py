"""Save, load, restore and export for every smmkit widget, and the file bar under it (buttons).

A mixin of ``SmmkitWidget`` (see ``smmkit/widgets/base.py``): it needs the widget's ``learner_state()``,
``restore_learner_state()``, ``hold_updates()``, ``table()``, ``result``, ``error``, ``chart``, ``_draw_png``
and ``_box``. Work is written as JSON ``{"widget": <class name>, "version": 1, "state": {...}}``.
"""
from __future__ import annotations

import csv
import filecmp
import io
import itertools
import json
import logging
import math
import numbers
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

import ipywidgets as w

from smmkit import boxes
from smmkit.csvsafe import spreadsheet_text
from smmkit.errors import SmmkitError
from smmkit.messages import msg

log = logging.getLogger("smmkit.widgets")

SAVE_VERSION = 1
MAX_BYTES = 5_000_000      # saved work of any widget is a few kB; a larger file is not ours
MAX_DEPTH = 40             # widget states nest 3-4 levels; deeper JSON made json.loads raise RecursionError
MAX_COPIES = 100           # <name>-kopie.json, <name>-kopie-2.json, … one per broken version
CSV_DELIMITER = ";"        # Dutch Excel: a comma is the decimal separator, so columns are split on ';'
PNG_WIDTH_CM = 16.0        # the text width of an A4 page with 2.5 cm margins
PNG_DPI = 200
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_KINDS = ((stat.S_ISDIR, "widgets.kind_folder"), (stat.S_ISFIFO, "widgets.kind_fifo"),
          (stat.S_ISSOCK, "widgets.kind_socket"), (stat.S_ISCHR, "widgets.kind_device"),
          (stat.S_ISBLK, "widgets.kind_device"))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def nesting_depth(text: str) -> int:
    """How deep ``[`` / ``{`` nest in JSON text (brackets inside strings do not count)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    steps = itertools.accumulate(1 if c in "[{" else -1 for c in brackets)
    return max(steps, default=0)


def confined(path, typed: bool = False) -> Path:
    """``path`` as a Path that stays inside the working folder, else a Dutch SmmkitError.

    A relative name may not climb out with ``..``; a name typed in the file bar (``typed``) may also
    not be absolute. Code may still pass an absolute path (a teacher's script, a test folder).
    """
    try:
        text = os.fspath(path)
    except TypeError:
        raise SmmkitError(msg("widgets.bad_name", name=path, folder=Path.cwd())) from None
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    target = Path(text)
    climbs = os.path.normpath(text).split(os.sep)[0] == ".."
    if (not text.strip() or "\0" in text or climbs or (typed and target.is_absolute())
            or target.name in ("", ".", "..")):
        raise SmmkitError(msg("widgets.bad_name", name=text, folder=Path.cwd()))
    return target


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file next to ``path``, then rename it over ``path``
    (:func:`smmkit.safeio.write_atomic`, the kit's one atomic writer), with a Dutch error.

    Either the whole new file is there or the last good file is untouched (a full disk, a quota, a
    crash halfway never leaves half a file). A symlink at ``path`` is replaced, its target is kept.
    """
    from smmkit import safeio

    if path.is_dir():
        raise SmmkitError(msg("widgets.cannot_write", path=path, reason=msg("widgets.kind_folder")))
    try:
        return safeio.write_atomic(path, data, make_folder=False)
    except OSError as exc:
        raise SmmkitError(msg("widgets.cannot_write", path=path, reason=_reason(exc))) from None


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def read_limited(path: Path, widget: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; a Dutch SmmkitError for anything else.

    Opened non-blocking and checked with fstat *before* reading, so a FIFO, a device or a folder
    never makes a notebook cell hang.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise SmmkitError(msg("widgets.not_a_file", path=path, kind=msg("widgets.kind_link"))) from None
        raise SmmkitError(msg("widgets.file_not_found", path=path)) from None
    except IsADirectoryError:
        raise SmmkitError(msg("widgets.not_a_file", path=path, kind=msg("widgets.kind_folder"))) from None
    except (OSError, ValueError) as exc:
        reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
        raise SmmkitError(msg("widgets.cannot_read", path=path, reason=reason)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((key for test, key in _KINDS if test(info.st_mode)), "widgets.kind_other")
            raise SmmkitError(msg("widgets.not_a_file", path=path, kind=msg(kind)))
        if info.st_size > MAX_BYTES:
            raise SmmkitError(msg("widgets.too_big", path=path, widget=widget, size=info.st_size, limit=MAX_BYTES))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:   # grew while we read
            raise SmmkitError(msg("widgets.too_big", path=path, widget=widget, size=len(data), limit=MAX_BYTES))
        return data
    except OSError as exc:
        raise SmmkitError(msg("widgets.cannot_read", path=path, reason=_reason(exc))) from None
    finally:
        os.close(fd)


def parse_saved(data: bytes, path: Path, widget: str):
    """JSON from saved bytes; broken, too deeply nested or non-JSON content gives a Dutch SmmkitError."""
    try:
        text = data.decode("utf-8-sig")
        if nesting_depth(text) > MAX_DEPTH:
            raise ValueError("too deep")
        return json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SmmkitError(msg("widgets.broken_file", path=path, widget=widget)) from None


def keep_copy(path: Path) -> Path:
    """Copy ``path`` to ``<stem>-kopie<suffix>`` — or ``-kopie-2``, ``-kopie-3`` … when an earlier
    copy holds another version — and return the copy. A copy with the same content is reused."""
    names = itertools.chain([f"{path.stem}-kopie{path.suffix}"],
                            (f"{path.stem}-kopie-{n}{path.suffix}" for n in range(2, MAX_COPIES + 1)))
    for name in names:
        copy = path.with_name(name)
        if copy.is_file():
            if filecmp.cmp(path, copy, shallow=False):
                return copy
            continue
        if os.path.lexists(copy):
            continue
        folder = copy.parent if str(copy.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{copy.name}.", suffix=".tmp")
        try:
            with open(path, "rb") as source, os.fdopen(fd, "wb") as target:
                shutil.copyfileobj(source, target)
                target.flush()
                os.fsync(target.fileno())
            os.chmod(tmp, 0o644)
            os.link(tmp, copy)          # never overwrites: fails if the name was taken meanwhile
        except FileExistsError:
            continue
        finally:
            _unlink(tmp)
        return copy
    raise OSError(msg("widgets.too_many_copies", path=path, count=MAX_COPIES))


def csv_value(value):
    """A cell for Dutch Excel: decimal comma for fractions, ja/nee, nothing for NaN, text as text.

    A text that Excel would read as a formula (``=HYPERLINK(…)``, ``+31 6 …``, ``-- idee``) gets a
    ``'`` in front (:mod:`smmkit.csvsafe`); numbers are written by this function and stay numbers.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return msg("widgets.yes") if value else msg("widgets.no")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return ""
        return format(number, ".15g").replace(".", ",")
    return spreadsheet_text(value if isinstance(value, str) else str(value))


def report_png(data: bytes, dpi: int) -> bytes:
    """Set the PNG's print size so Word or Google Docs places it at most 16 cm wide (A4's text width).

    The chart keeps the layout it was designed at (``chart_size``); only the dots per inch written in
    the file grow when the drawing is wider than 16 cm, so no label moves or is cut off.
    """
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        fit = max(float(dpi), image.width / (PNG_WIDTH_CM / 2.54))
        out = io.BytesIO()
        image.save(out, format="png", dpi=(fit, fit))
    return out.getvalue()


class FileActions:
    """``save``, ``load``, ``restore``, ``export_csv``, ``export_png``, ``export_pdf`` and the file bar."""

    @staticmethod
    def _note(text: str) -> str:
        """A calm status line under the file bar (``_box`` is for problems)."""
        return boxes.note(text, "smmkit-note")

    # ------------------------------------------------------------------ save, load, export
    def save(self, path) -> Path:
        """Write the learner's work to a JSON file (atomically: the last good file survives a failed save)."""
        path = confined(path)
        data = {"widget": type(self).__name__, "version": SAVE_VERSION, "state": self.learner_state()}
        try:
            text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
        except (TypeError, ValueError):
            log.exception("%s.learner_state() is not JSON", type(self).__name__)
            raise SmmkitError(msg("widgets.unexpected")) from None
        return write_atomic(path, text.encode("utf-8"))

    def load(self, path) -> None:
        """Bring back work saved with ``save``; refuses files of another widget or broken files."""
        path = confined(path)
        name = type(self).__name__
        data = parse_saved(read_limited(path, name), path, name)
        if not isinstance(data, dict) or "state" not in data or "widget" not in data:
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name))
        if data["widget"] != name:
            raise SmmkitError(msg("widgets.wrong_widget", path=path, found=str(data["widget"])[:80], widget=name))
        if data.get("version") != SAVE_VERSION:
            raise SmmkitError(msg("widgets.wrong_version", path=path, version=str(data.get("version"))[:20]))
        if not isinstance(data["state"], dict):
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name))
        before = self.learner_state()
        try:
            with self.hold_updates():
                self.restore_learner_state(data["state"])
        except SmmkitError:
            self._restore(before)
            raise
        except Exception:
            log.exception("%s.restore_learner_state failed", name)
            self._restore(before)
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name)) from None

    def restore(self, path) -> bool:
        """Bring back saved work if ``path`` exists (for notebooks: never stops the cell, never hangs).

        No file: nothing happens. A file that cannot be loaded (broken, another widget, an older
        layout, too big) is copied to ``<name>-kopie<suffix>`` first (``-kopie-2`` … for each other
        broken version), so nothing is lost when the learner saves again; the widget then shows its
        example and a Dutch message saying so. The file bar takes the name, so its Save button
        writes this same file. Returns True when saved work was brought back.
        """
        try:
            path = confined(path)
        except SmmkitError as exc:
            self.file_status.value = self._box(str(exc))
            return False
        self._remember_name(path)
        if not os.path.lexists(path):
            return False
        recalled = getattr(self, "_smmkit_recalled", None)
        if recalled is not None and self._saved_state(path) != recalled:
            # the cell ran again and brought back what the notebook last showed: newer than the file
            self.file_status.value = self._note(msg("widgets.recalled_not_file", path=path))
            return False
        try:
            self.load(path)
        except SmmkitError as exc:
            self.file_status.value = self._box(self._keep_broken(path, exc))
            return False
        except Exception:   # a bug, not the learner's fault: the cell must still go on
            log.exception("%s.restore failed", type(self).__name__)
            self.file_status.value = self._box(self._keep_broken(path, msg("widgets.unexpected")))
            return False
        self.file_status.value = self._note(msg("widgets.restored", path=path))
        return True

    def _saved_state(self, path: Path):
        """The learner state in a saved file of this widget, or None if it cannot be read."""
        try:
            data = parse_saved(read_limited(path, type(self).__name__), path, type(self).__name__)
        except SmmkitError:
            return None
        return data.get("state") if isinstance(data, dict) else None

    def _apply_state(self, state: dict) -> None:
        """Restore ``state`` as ``load`` does: all of it, or (on a Dutch error) nothing changes."""
        before = self.learner_state()
        try:
            with self.hold_updates():
                self.restore_learner_state(state)
        except Exception:
            self._restore(before)
            raise

    def _offer_previous(self, state: dict) -> None:
        """The cell changed since the previous work: the widget starts from the code, one click brings it back."""
        def bring_back(_button=None):
            try:
                self._apply_state(state)
            except SmmkitError as exc:
                self.file_status.value = self._box(str(exc))
                return
            except Exception:
                log.exception("%s: previous work not brought back", type(self).__name__)
                self.file_status.value = self._box(msg("widgets.unexpected"))
                return
            self.previous_button.layout.display = "none"
            self.file_status.value = self._note(msg("widgets.recalled"))

        self.previous_button.on_click(bring_back)
        self.previous_button.layout.display = None
        self.file_status.value = self._note(msg("widgets.previous_offered"))

    def _open(self, path: Path) -> None:
        """The Open button: ``load``, but a file that exists and cannot be loaded is copied first
        (as ``restore`` does), so a Save right after it cannot overwrite the only version."""
        try:
            self.load(path)
        except SmmkitError as exc:
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
                copy = keep_copy(path) if regular else None
            except OSError:   # missing, unreadable or no room for a copy: the load message says enough
                copy = None
            if copy is None:
                raise
            raise SmmkitError(msg("widgets.open_failed", path=path, error=exc, copy=copy)) from None

    def _keep_broken(self, path: Path, error) -> str:
        """Copy a file that could not be restored (if it is a regular file) and say where the copy is."""
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return str(error)      # a folder or a pipe: nothing to copy, saving uses another name
            copy = keep_copy(path)
        except OSError as err:
            return str(error) + "\n" + msg("widgets.cannot_write", path=path, reason=_reason(err))
        return msg("widgets.restore_failed", path=path, error=error, copy=copy)

    def _remember_name(self, path: Path) -> None:
        """The file bar shows the file ``restore`` reads, so its Save button writes that same file
        (the name a notebook's check looks for), not the default ``<widget class>.json``."""
        self.filename.value = str(path.with_suffix("") if path.suffix == ".json" else path)

    def _restore(self, state: dict) -> None:
        try:
            with self.hold_updates():
                self.restore_learner_state(state)
        except Exception:  # pragma: no cover - restoring our own state should not fail
            log.exception("could not restore state")

    def _export_rows(self) -> list[dict]:
        if self.result is None:
            raise SmmkitError(msg("widgets.nothing_to_export", error=self.error or "-"))
        rows = self.table(self.result)
        if rows is None:
            raise SmmkitError(msg("widgets.no_table"))
        if hasattr(rows, "to_dict"):
            rows = rows.to_dict(orient="records")
        return list(rows)

    def export_csv(self, path) -> Path:
        """Write the result table as CSV for Dutch Excel (``;``, decimal comma, UTF-8 with BOM)."""
        path = confined(path)
        rows = self._export_rows()
        fields = list(dict.fromkeys(k for row in rows for k in row))
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=fields, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: csv_value(v) for k, v in row.items()} for row in rows)
        return write_atomic(path, buffer.getvalue().encode("utf-8-sig"))

    def export_png(self, path, dpi: int = PNG_DPI) -> Path:
        """Write the chart as a PNG for a report: drawn at ``dpi``, at most 16 cm wide on paper."""
        if self.chart is None:
            raise SmmkitError(msg("widgets.no_chart"))
        if self.result is None:
            raise SmmkitError(msg("widgets.nothing_to_export", error=self.error or "-"))
        path = confined(path)
        data = report_png(self._draw_png(dpi=dpi, fast=False), dpi)
        return write_atomic(path, data)

    def export_pdf(self, path) -> Path:
        """Write one A4 page for a report: title, outcome text, result table and chart (``_report``)."""
        from smmkit.widgets._report import report_pdf

        if self.result is None:
            raise SmmkitError(msg("widgets.nothing_to_export", error=self.error or "-"))
        path = confined(path)
        return write_atomic(path, report_pdf(self))

    # ------------------------------------------------------------------ the file bar (buttons)
    def _file_bar(self) -> w.Box:
        stem = type(self).__name__.lower()
        self.filename = w.Text(value=stem, description=msg("widgets.filename"),
                               layout=w.Layout(width="260px", max_width="100%"))
        buttons = [
            (msg("widgets.save"), lambda: self.save(self._file(".json"))),
            (msg("widgets.load"), lambda: self._open(self._file(".json"))),
            (msg("widgets.export_csv"), lambda: self.export_csv(self._file(".csv"))),
        ]
        if self.has_chart:
            buttons.append((msg("widgets.export_png"), lambda: self.export_png(self._file(".png"))))
        buttons.append((msg("widgets.export_pdf"), lambda: self.export_pdf(self._file(".pdf"))))
        from smmkit.widgets.base import live_html

        self.file_status = live_html()
        self.previous_button = w.Button(description=msg("widgets.previous_button"), icon="undo",
                                        layout=w.Layout(width="auto", display="none"))
        row = [self.filename]
        self.file_buttons = {}
        self.open_confirm = None
        for label, action in buttons:
            button = w.Button(description=label, layout=w.Layout(width="auto"))
            self.file_buttons[label] = button
            if label == msg("widgets.load"):
                # Openen replaces what the widget holds now: asked first when that differs from the file
                from smmkit.widgets._confirm import confirming

                self.open_confirm = confirming(
                    button, lambda action=action: self._file_action(action),
                    question=lambda: msg("widgets.confirm_open", path=self._open_target()),
                    needed=self._open_would_replace, yes=msg("widgets.confirm_open_yes"))
                row.append(button)
                continue
            button.on_click(lambda _b, action=action: self._file_action(action))
            row.append(button)
        confirm_row = [self.open_confirm.row] if self.open_confirm is not None else []
        return w.VBox([w.HBox(row, layout=w.Layout(flex_flow="row wrap")), *confirm_row, self.file_status,
                       self.previous_button])

    def _open_target(self):
        try:
            return self._file(".json")
        except SmmkitError:
            return self.filename.value

    def _open_would_replace(self) -> bool:
        """True when Openen would change what the widget shows (a readable file with other work)."""
        try:
            path = self._file(".json")
        except SmmkitError:
            return False                    # the action says what is wrong with the name
        if not os.path.isfile(path):
            return False
        saved = self._saved_state(path)
        return saved is not None and saved != self.learner_state()

    def _file(self, suffix: str) -> Path:
        name = self.filename.value.strip() or type(self).__name__.lower()
        path = confined(name, typed=True)
        return path if path.suffix == suffix else path.with_name(path.name + suffix)

    def _file_action(self, action) -> None:
        try:
            path = action()
            done = msg("widgets.done", path=path) if path is not None else msg("widgets.loaded")
            self.file_status.value = self._note(done)
        except SmmkitError as exc:
            self.file_status.value = self._box(str(exc))
        except Exception:
            log.exception("file action failed")
            self.file_status.value = self._box(msg("widgets.unexpected"))
