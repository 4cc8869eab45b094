"""ContentCalendar: plan posts (date, channel, topic, LCSS, role, phase, owner), see them per week or channel."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import calendar as cal
from smmkit.models._input import one_of
from smmkit.widgets._charts import integer_axis
from smmkit.widgets._rows import RowEditor
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = [  # a municipality in spring; the vacancy is classified as in LCSSMapper's example (clickable)
    {"date": "2026-03-02", "channel": "Instagram", "topic": "Foto's van de opgeknapte haven", "lcss": "likeable",
     "role": "", "phase": "see", "owner": "Sanne (communicatie)"},
    {"date": "2026-03-04", "channel": "Facebook", "topic": "Inschrijving zwemles geopend", "lcss": "sellable",
     "role": "", "phase": "do", "owner": "team Sport"},
    {"date": "2026-03-11", "channel": "LinkedIn", "topic": "Vacature: handhaver openbare ruimte", "lcss": "clickable",
     "role": "", "phase": "think", "owner": "HR"},
    {"date": "2026-03-16", "channel": "Facebook", "topic": "Deel de oproep: vrijwilligers Koningsdag", "lcss": "sharable",
     "role": "", "phase": "see", "owner": "Sanne (communicatie)"},
    {"date": "2026-03-18", "channel": "Instagram", "topic": "Zo werkt de nieuwe afvalpas", "lcss": "clickable",
     "role": "help", "phase": "care", "owner": "team Afval"},
    {"date": "2026-04-01", "channel": "YouTube", "topic": "Film: 100 jaar stadhuis", "lcss": "likeable",
     "role": "hero", "phase": "see", "owner": "videobureau"},
]
WIDTHS = {"date": "105px", "channel": "120px", "topic": "270px", "lcss": "110px", "role": "90px", "phase": "85px",
          "owner": "150px"}
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
        def choose(options, key):
            return lambda v: w.Dropdown(options=[(msg("calendar.w.none"), "")] + [(o, o) for o in options],
                                        value=v, layout=w.Layout(width=WIDTHS[key]))

        def line(key):
            return lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width=WIDTHS[key]))

        fields = {"date": line("date"),
                  "channel": lambda v: w.Dropdown(options=cal.CHANNELS, value=v, layout=w.Layout(width=WIDTHS["channel"])),
                  "topic": line("topic"), "lcss": choose(cal.LCSS, "lcss"), "role": choose(cal.ROLES, "role"),
                  "phase": choose(cal.PHASES, "phase"), "owner": line("owner")}
        header = {key: (msg(f"calendar.w.{key}"), WIDTHS[key]) for key in fields}
        self.records = RowEditor(self, fields, new_row=self._new_row, header=header)
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
        return {"date": last.isoformat(), "channel": "Instagram", "topic": msg("calendar.w.new"), "lcss": "likeable",
                "role": "", "phase": "", "owner": ""}

    def compute(self):
        return cal.build(self.records.values())

    def render_text(self, result) -> str:
        lines = "".join(f"<li>{self.esc(line)}</li>" for line in result.advice.split("\n"))
        if self.view.value == "week":
            first = msg("calendar.w.col_week")
            rows = [[self.esc(week), n] for week, n in result.per_week.items()]
        else:
            first = msg("calendar.w.channel")
            rows = [[self.esc(c), n] for c, n in sorted(result.per_channel.items(), key=lambda kv: -kv[1])]
        table = self.table_html([first, msg("calendar.w.col_posts")], rows, numeric={1})
        return f"<ul>{lines}</ul>{table}"

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
        from smmkit import plots

        return plots.update_bars(fig, self._chart(result))

    def table(self, result):
        return result.rows()

    def import_csv(self, path) -> None:
        """Replace the posts by those in a CSV file (datum, kanaal, onderwerp, lcss, rol, fase, maker; as exported).

        An older export with one column 'type' still reads: its value goes to lcss or rol."""
        posts = cal.read_csv(path)  # the model reads the file; the widget only shows it
        with self.hold_updates():
            self.restore_learner_state({"posts": posts, "view": self.view.value})

    @staticmethod
    def _choice(value, valid, field) -> str:
        return "" if value in (None, "") else one_of(value, valid, msg(field))

    def learner_state(self) -> dict:
        return {"posts": self.records.values(), "view": self.view.value}

    def restore_learner_state(self, state: dict) -> None:
        if state.get("view", "week") not in VIEWS:
            raise SmmkitError(msg("calendar.w.bad_view", valid=", ".join(VIEWS)))
        posts = []
        for p in state["posts"]:               # keep the learner's spelling of a date; the dropdowns must match
            p = cal.normalise(p)               # an older file with one 'kind' field loads into lcss or role
            posts.append({"date": str(p["date"]), "topic": str(p["topic"]),
                          "channel": one_of(p["channel"], cal.CHANNELS, msg("calendar.field.channel")),
                          "lcss": self._choice(p["lcss"], cal.LCSS, "calendar.field.lcss"),
                          "role": self._choice(p["role"], cal.ROLES, "calendar.field.role"),
                          "phase": self._choice(p["phase"], cal.PHASES, "calendar.field.phase"),
                          "owner": "" if p["owner"] is None else str(p["owner"])})
        self.records.set_rows(posts)
        self.view.value = state.get("view", "week")
        self.refresh()
