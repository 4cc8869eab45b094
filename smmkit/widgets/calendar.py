"""ContentCalendar: plan posts (date, channel, topic, type), see them per week or channel, export as CSV."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import calendar as cal
from smmkit.models._input import one_of
from smmkit.widgets._records import RecordEditor, integer_axis
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = [  # a municipality in spring
    {"date": "2026-03-02", "channel": "Instagram", "topic": "Foto's van de opgeknapte haven", "kind": "likeable"},
    {"date": "2026-03-04", "channel": "Facebook", "topic": "Inschrijving zwemles geopend", "kind": "clickable"},
    {"date": "2026-03-11", "channel": "LinkedIn", "topic": "Vacature: wijkregisseur", "kind": "sellable"},
    {"date": "2026-03-16", "channel": "Facebook", "topic": "Deel de oproep: vrijwilligers Koningsdag", "kind": "sharable"},
    {"date": "2026-03-18", "channel": "Instagram", "topic": "Zo werkt de nieuwe afvalpas", "kind": "help"},
    {"date": "2026-04-01", "channel": "YouTube", "topic": "Film: 100 jaar stadhuis", "kind": "hero"},
]
VIEWS = ("week", "channel")


class ContentCalendar(SmmkitWidget):
    """Editable list of posts with an overview per week or per channel."""

    title_key = "calendar.w.title"
    has_chart = True
    chart_size = (8.0, 4.0)

    def __init__(self, posts=None, **kwargs):
        self._initial = cal.to_dicts(cal.build(EXAMPLE if posts is None else posts))
        super().__init__(**kwargs)

    def build(self):
        fields = {
            "date": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="110px")),
            "channel": lambda v: w.Dropdown(options=cal.CHANNELS, value=v, layout=w.Layout(width="130px")),
            "topic": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="330px")),
            "kind": lambda v: w.Dropdown(options=cal.KINDS, value=v, layout=w.Layout(width="120px")),
        }
        header = {"date": (msg("calendar.w.date"), "110px"), "channel": (msg("calendar.w.channel"), "130px"),
                  "topic": (msg("calendar.w.topic"), "330px"), "kind": (msg("calendar.w.kind"), "120px")}
        self.records = RecordEditor(self, fields, self._new_row, header=header)
        self.records.set_rows(self._initial)
        self.view = w.ToggleButtons(options=[(msg("calendar.w.view_week"), "week"),
                                             (msg("calendar.w.view_channel"), "channel")],
                                    value="week", description=msg("calendar.w.view"))
        return [w.HTML(f"<p>{self.esc(msg('calendar.w.intro'))}</p>"), self.records.box, self.view]

    @staticmethod
    def _new_row(rows) -> dict:
        try:
            last = max(cal.parse_date(r["date"]) for r in rows) + dt.timedelta(days=7)
        except (SmmkitError, ValueError):
            last = dt.date.today()
        return {"date": last.isoformat(), "channel": "Instagram", "topic": msg("calendar.w.new"), "kind": "likeable"}

    def compute(self):
        return cal.build(self.records.values())

    def render_text(self, result) -> str:
        lines = "".join(f"<li>{self.esc(line)}</li>" for line in result.advice.split("\n"))
        if self.view.value == "week":
            rows = "".join(f"<tr><td>{self.esc(week)}</td><td style='text-align:right;padding-left:12px'>{n}</td></tr>"
                           for week, n in result.per_week.items())
        else:
            rows = "".join(f"<tr><td>{self.esc(c)}</td><td style='text-align:right;padding-left:12px'>{n}</td></tr>"
                           for c, n in sorted(result.per_channel.items(), key=lambda kv: -kv[1]))
        return f"<ul>{lines}</ul><table>{rows}</table>"

    def _chart(self, result) -> tuple:
        from smmkit import livechart

        if self.view.value == "week":
            table = result.week_channel_table()
            channels = [c for c in cal.CHANNELS if result.per_channel.get(c)] or ["-"]
            weeks = [row["week"][5:] for row in table] or ["-"]
            series = {c: [row.get(c, 0) for row in table] or [0] for c in channels}
            top = max([1] + list(result.per_week.values()))
        else:
            channels = [c for c in cal.CHANNELS if result.per_channel.get(c)] or ["-"]
            weeks, series = channels, {msg("calendar.w.count"): [result.per_channel.get(c, 0) for c in channels]}
            top = max([1] + list(result.per_channel.values()))
        return (weeks, series, {"title": msg("calendar.w.chart_title"), "source": msg("calendar.w.source"),
                                "value_label": msg("calendar.w.count"), "labels": self.view.value != "week",
                                "limits": (0, livechart.stable_limit(top + 1, 2))})

    def draw(self, fig, result) -> None:
        from smmkit import plots

        categories, series, options = self._chart(result)
        plots.grouped_bar(categories, series, ax=(ax := fig.add_subplot()), **options)
        integer_axis(ax)

    def update_chart(self, fig, result):
        from smmkit import livechart

        return livechart.update_bars(fig, self._chart(result))

    def table(self, result):
        return result.rows()

    def import_csv(self, path) -> None:
        """Replace the posts by those in a CSV file (columns datum, kanaal, onderwerp, type; as exported)."""
        import csv
        from pathlib import Path

        try:
            with Path(path).open(encoding="utf-8-sig", newline="") as handle:
                first = handle.readline()
                handle.seek(0)
                rows = list(csv.DictReader(handle, delimiter=";" if first.count(";") > first.count(",") else ","))
        except FileNotFoundError:
            raise SmmkitError(msg("widgets.file_not_found", path=path)) from None
        except UnicodeDecodeError:
            raise SmmkitError(msg("calendar.w.bad_csv", path=path)) from None
        dutch = {"datum": "date", "kanaal": "channel", "onderwerp": "topic", "type": "kind"}
        posts = [{dutch.get(k.strip().lower(), k.strip().lower()): (v or "").strip() for k, v in r.items() if k}
                 for r in rows]
        with self.hold_updates():
            self.set_state({"posts": posts, "view": self.view.value})

    def state(self) -> dict:
        return {"posts": self.records.values(), "view": self.view.value}

    def set_state(self, state: dict) -> None:
        if state.get("view", "week") not in VIEWS:
            raise SmmkitError(msg("calendar.w.bad_view", valid=", ".join(VIEWS)))
        posts = []
        for p in state["posts"]:               # keep the learner's spelling of a date; the dropdowns must match
            missing = [key for key in cal.COLUMNS if key not in p]
            if missing:
                raise SmmkitError(msg("calendar.missing_column", columns=", ".join(missing)))
            posts.append({"date": str(p["date"]), "topic": str(p["topic"]),
                          "channel": one_of(p["channel"], cal.CHANNELS, msg("calendar.field.channel")),
                          "kind": one_of(p["kind"], cal.KINDS, msg("calendar.field.kind"))})
        self.records.set_rows(posts)
        self.view.value = state.get("view", "week")
        self.refresh()
