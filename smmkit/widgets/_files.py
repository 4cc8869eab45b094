"""Save, load, restore and export for every smmkit widget, and the file bar under it (buttons).

A mixin of ``SmmkitWidget`` (see ``smmkit/widgets/base.py``): it needs the widget's ``state()``,
``set_state()``, ``hold_updates()``, ``table()``, ``result``, ``error``, ``chart``, ``_draw_png``
and ``_box``. Work is written as JSON ``{"widget": <class name>, "version": 1, "state": {...}}``.
"""
from __future__ import annotations

import csv
import html
import json
import logging
from pathlib import Path

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg

log = logging.getLogger("smmkit.widgets")

SAVE_VERSION = 1
NOTE_STYLE = "color:#444;padding:2px 0"


class FileActions:
    """``save``, ``load``, ``restore``, ``export_csv``, ``export_png`` and the file bar."""

    @staticmethod
    def _note(text: str) -> str:
        """A calm status line under the file bar (``_box`` is for problems)."""
        return f'<div style="{NOTE_STYLE}">{html.escape(text)}</div>'

    # ------------------------------------------------------------------ save, load, export
    def save(self, path) -> Path:
        """Write the learner's work to a JSON file; returns the path."""
        path = Path(path)
        data = {"widget": type(self).__name__, "version": SAVE_VERSION, "state": self.state()}
        try:
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as exc:
            raise SmmkitError(msg("widgets.cannot_write", path=path, reason=exc.strerror or exc)) from None
        return path

    def load(self, path) -> None:
        """Bring back work saved with ``save``; refuses files of another widget or broken files."""
        path = Path(path)
        name = type(self).__name__
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SmmkitError(msg("widgets.file_not_found", path=path)) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name)) from None
        except OSError as exc:
            raise SmmkitError(msg("widgets.cannot_read", path=path, reason=exc.strerror or exc)) from None
        if not isinstance(data, dict) or "state" not in data or "widget" not in data:
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name))
        if data["widget"] != name:
            raise SmmkitError(msg("widgets.wrong_widget", path=path, found=data["widget"], widget=name))
        if data.get("version") != SAVE_VERSION:
            raise SmmkitError(msg("widgets.wrong_version", path=path, version=data.get("version")))
        before = self.state()
        try:
            with self.hold_updates():
                self.set_state(data["state"])
        except SmmkitError:
            self._restore(before)
            raise
        except Exception:
            log.exception("%s.set_state failed", name)
            self._restore(before)
            raise SmmkitError(msg("widgets.broken_file", path=path, widget=name)) from None

    def restore(self, path) -> bool:
        """Bring back saved work if ``path`` exists (for notebooks: never stops the cell).

        No file: nothing happens. A file that cannot be loaded (broken, another widget, an older
        layout) is copied to ``<name>-kopie<suffix>`` first, so nothing is lost when the learner
        saves again; the widget then shows its example and a Dutch message saying so.
        Returns True when saved work was brought back.
        """
        path = Path(path)
        self._remember_name(path)
        if not path.exists():
            return False
        try:
            self.load(path)
        except SmmkitError as exc:
            copy = path.with_name(f"{path.stem}-kopie{path.suffix}")
            try:
                if not copy.exists():
                    copy.write_bytes(path.read_bytes())
            except OSError as err:
                self.file_status.value = self._box(str(exc) + "\n" + msg(
                    "widgets.cannot_write", path=copy, reason=err.strerror or err))
                return False
            self.file_status.value = self._box(msg("widgets.restore_failed", path=path, error=exc, copy=copy))
            return False
        self.file_status.value = self._note(msg("widgets.restored", path=path))
        return True

    def _remember_name(self, path: Path) -> None:
        """The file bar shows the file ``restore`` reads, so its Save button writes that same file
        (the name a notebook's check looks for), not the default ``<widget class>.json``."""
        self.filename.value = str(path.with_suffix("") if path.suffix == ".json" else path)

    def _restore(self, state: dict) -> None:
        try:
            with self.hold_updates():
                self.set_state(state)
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
        """Write the result table as CSV (UTF-8, comma separated); returns the path."""
        path = Path(path)
        rows = self._export_rows()
        fields = list(dict.fromkeys(k for row in rows for k in row))
        try:
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=fields)
                writer.writeheader()
                writer.writerows(rows)
        except OSError as exc:
            raise SmmkitError(msg("widgets.cannot_write", path=path, reason=exc.strerror or exc)) from None
        return path

    def export_png(self, path, dpi: int = 150) -> Path:
        """Write the chart as a PNG file for a report; returns the path."""
        if self.chart is None:
            raise SmmkitError(msg("widgets.no_chart"))
        if self.result is None:
            raise SmmkitError(msg("widgets.nothing_to_export", error=self.error or "-"))
        path = Path(path)
        data = self._draw_png(dpi=dpi, fast=False)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise SmmkitError(msg("widgets.cannot_write", path=path, reason=exc.strerror or exc)) from None
        return path

    # ------------------------------------------------------------------ the file bar (buttons)
    def _file_bar(self) -> w.Box:
        stem = type(self).__name__.lower()
        self.filename = w.Text(value=stem, description=msg("widgets.filename"),
                               layout=w.Layout(width="260px"))
        buttons = [
            (msg("widgets.save"), lambda: self.save(self._file(".json"))),
            (msg("widgets.load"), lambda: self.load(self._file(".json"))),
            (msg("widgets.export_csv"), lambda: self.export_csv(self._file(".csv"))),
        ]
        if self.has_chart:
            buttons.append((msg("widgets.export_png"), lambda: self.export_png(self._file(".png"))))
        self.file_status = w.HTML()
        row = [self.filename]
        self.file_buttons = {}
        for label, action in buttons:
            button = w.Button(description=label, layout=w.Layout(width="auto"))
            button.on_click(lambda _b, action=action: self._file_action(action))
            self.file_buttons[label] = button
            row.append(button)
        return w.VBox([w.HBox(row, layout=w.Layout(flex_flow="row wrap")), self.file_status])

    def _file(self, suffix: str) -> Path:
        name = self.filename.value.strip() or type(self).__name__.lower()
        path = Path(name)
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
