"""NeedsProfile: rate platforms on the three self-determination needs and compare with the book's view."""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import sdt
from smmkit.widgets._confirm import confirming
from smmkit.widgets.base import SmmkitWidget, live_html

EXAMPLE = {
    "LinkedIn": {"competentie": 4, "autonomie": 4, "verbondenheid": 2},
    "YouTube": {"competentie": 5, "autonomie": 3, "verbondenheid": 2},
    "Facebook": {"competentie": 2, "autonomie": 2, "verbondenheid": 4},
    "Instagram": {"competentie": 2, "autonomie": 3, "verbondenheid": 5},
    "WhatsApp": {"competentie": 1, "autonomie": 2, "verbondenheid": 5},
}
CHARTS = ("bars", "radar")


@dataclass(frozen=True)
class NeedsView:
    """What NeedsProfile shows: the learner's profile, the comparison (or None) and the chart kind."""

    profile: sdt.Profile
    comparison: sdt.Comparison | None
    chart: str


class NeedsProfile(SmmkitWidget):
    """Rate platforms on competence, autonomy and relatedness (1–5); compare with the book's view."""

    title_key = "sdt.title"
    has_chart = True
    chart_size = (7.5, 4.2)
    chart_first = True  # the chart right under the sliders: you see what a slider does

    def __init__(self, scores: dict | None = None, **kwargs):
        self._initial = sdt.validate(scores if scores is not None else EXAMPLE)
        super().__init__(**kwargs)

    # ------------------------------------------------------------------ controls
    def build(self):
        self.rows_box = w.VBox()
        self._platform_rows: dict[str, dict] = {}
        self.new_platform = self.ignore(w.Text(placeholder=msg("sdt.new_platform"), tooltip=msg("sdt.new_platform"),
                                               layout=w.Layout(width="200px", max_width="100%")))
        add = w.Button(description=msg("widgets.add"), icon="plus", layout=w.Layout(width="auto"))
        add.on_click(lambda _b: self.add_platform(self.new_platform.value))
        self.add_status = live_html()
        self.compare_box = w.Checkbox(value=True, description=msg("sdt.compare_toggle"), indent=False)
        self.book_button = w.Button(description=msg("sdt.load_book"), icon="book", layout=w.Layout(width="auto"))
        # it replaces her ratings and removes her own platforms: asked first (smmkit/widgets/_confirm.py)
        self.book_confirm = confirming(self.book_button, self.load_book_view, self._book_question,
                                       needed=lambda: self.scores() != sdt.book_view(),
                                       yes=msg("sdt.confirm_book_yes"))
        self.chart_kind = w.ToggleButtons(
            options=[(msg("sdt.chart_bars"), "bars"), (msg("sdt.chart_radar"), "radar")],
            description=msg("sdt.chart_kind"), style={"button_width": "80px"})
        self._set_rows(self._initial)
        intro = w.HTML(f"<p>{self.esc(msg('sdt.intro'))}<br><i>{self.esc(msg('sdt.example_note'))}</i></p>")
        return [intro, self.rows_box,
                w.HBox([self.new_platform, add]), self.add_status,
                w.HBox([self.compare_box, self.book_confirm]), self.chart_kind]

    def _book_question(self) -> str:
        own = [p for p in self.scores() if p not in sdt.book_view()]
        if own:
            return msg("sdt.confirm_book_own", platforms=", ".join(own))
        return msg("sdt.confirm_book")

    def _make_row(self, platform: str, ratings: dict) -> dict:
        sliders = {
            need: w.IntSlider(value=int(round(ratings[need])), min=sdt.SCALE[0], max=sdt.SCALE[1],
                              description=sdt.need_label(need), continuous_update=False,
                              # the slider's name for a screen reader: "LinkedIn – Competentie"
                              tooltip=msg("sdt.slider_name", platform=platform, need=sdt.need_label(need)),
                              style={"description_width": "95px"}, layout=w.Layout(width="250px", max_width="100%"))
            for need in sdt.NEEDS
        }
        remove = w.Button(description=msg("widgets.remove"), icon="trash", layout=w.Layout(width="auto"))
        remove.on_click(lambda _b, p=platform: self.remove_platform(p))
        label = w.HTML(f"<b>{self.esc(platform)}</b>", layout=w.Layout(width="100px"))
        box = w.HBox([label, *sliders.values(), remove], layout=w.Layout(flex_flow="row wrap"))
        self.watch(*sliders.values())
        return {"sliders": sliders, "box": box}

    def _set_rows(self, scores: dict) -> None:
        for row in self._platform_rows.values():
            self.unwatch(*row["sliders"].values())
            row["box"].close()
        self._platform_rows = {p: self._make_row(p, r) for p, r in scores.items()}
        self.rows_box.children = [row["box"] for row in self._platform_rows.values()]

    @property
    def sliders(self) -> dict[str, dict[str, w.IntSlider]]:
        """``{platform: {need: slider}}`` — set ``.value`` to rate."""
        return {p: row["sliders"] for p, row in self._platform_rows.items()}

    def scores(self) -> dict[str, dict[str, int]]:
        return {p: {n: s.value for n, s in row["sliders"].items()} for p, row in self._platform_rows.items()}

    # ------------------------------------------------------------------ actions
    def add_platform(self, name: str, ratings: dict | None = None) -> None:
        name = (name or "").strip()
        if not name:
            self.add_status.value = self._box(msg("widgets.empty_text"))
            return
        if name.lower() in {p.lower() for p in self._platform_rows}:
            self.add_status.value = self._box(msg("sdt.platform_exists", platform=name))
            return
        middle = (sdt.SCALE[0] + sdt.SCALE[1]) // 2
        try:
            ratings = sdt.validate({name: ratings or {n: middle for n in sdt.NEEDS}})[name]
        except SmmkitError as exc:   # a name of 2,700 characters: said under the box, nothing added
            self.add_status.value = self._box(str(exc))
            return
        self._platform_rows[name] = self._make_row(name, ratings)
        self.rows_box.children = [*self.rows_box.children, self._platform_rows[name]["box"]]
        self.add_status.value = ""
        self.new_platform.value = ""
        self.refresh()

    def remove_platform(self, name: str) -> None:
        row = self._platform_rows.pop(name, None)
        if row is None:
            return
        self.unwatch(*row["sliders"].values())
        self.rows_box.children = [r["box"] for r in self._platform_rows.values()]
        row["box"].close()
        self.refresh()

    def load_book_view(self) -> None:
        """Use the book's platform-per-need view as your starting point (replaces your ratings)."""
        with self.hold_updates():
            self._set_rows(sdt.book_view())
            self.refresh()  # one refresh (deferred while updates are held)

    # ------------------------------------------------------------------ model and rendering
    def compute(self) -> NeedsView:
        scores = self.scores()
        if self.compare_box.value:
            comparison = sdt.compare(scores)
            return NeedsView(comparison.own, comparison, self.chart_kind.value)
        return NeedsView(sdt.profile(scores), None, self.chart_kind.value)

    def render_text(self, result: NeedsView) -> str:
        parts = [f"<h4>{self.esc(msg('sdt.own_heading'))}</h4><ul>"]
        parts += [f"<li>{self.esc(line)}</li>" for line in sdt.describe_profile(result.profile)]
        parts.append("</ul>")
        if result.comparison is not None:
            parts.append(f"<h4>{self.esc(msg('sdt.compare_heading'))}</h4><ul>")
            parts += [f"<li>{self.esc(line)}</li>" for line in sdt.describe_comparison(result.comparison)]
            parts.append(f"</ul><p style='color:#555'><i>{self.esc(msg('sdt.book_note'))}</i></p>")
        return "".join(parts)

    @staticmethod
    def _radar(result: NeedsView) -> tuple[dict, dict]:
        """(scores, options) for plots.profile."""
        labels = [sdt.need_label(n) for n in sdt.NEEDS]
        series = {p: dict(zip(labels, (r[n] for n in sdt.NEEDS))) for p, r in result.profile.scores.items()}
        return series, {"title": msg("sdt.chart_title"), "source": msg("sdt.chart_source"), "scale": sdt.SCALE}

    @staticmethod
    def _bars(result: NeedsView) -> tuple[list, dict, dict]:
        """(categories, series, options) for plots.grouped_bar: platforms, one bar per need."""
        scores = result.profile.scores
        platforms = list(scores)
        series = {sdt.need_label(n): [scores[p][n] for p in platforms] for n in sdt.NEEDS}
        return platforms, series, {"title": msg("sdt.chart_title"), "source": msg("sdt.chart_source"),
                                   "value_label": msg("sdt.chart_axis"), "limits": (0, sdt.SCALE[1] + 0.9),
                                   "labels": False}

    def draw(self, fig, result: NeedsView) -> None:
        from smmkit import plots

        self._drawn = (result.chart, result.comparison is not None)
        if result.chart == "radar":
            fig.subplots_adjust(left=0.04, right=0.58, top=0.8, bottom=0.22)
            series, options = self._radar(result)
            plots.profile(series, ax=fig.add_subplot(projection="polar"), **options)
            return
        ax = fig.add_subplot()
        platforms, series, options = self._bars(result)
        plots.grouped_bar(platforms, series, ax=ax, **options)
        if result.comparison is not None:  # the book's view per platform: fixed while the platforms stay
            width = 0.8 / len(sdt.NEEDS)
            xs, ys = [], []
            index = {p: k for k, p in enumerate(platforms)}
            for row in result.comparison.platforms:
                for i, need in enumerate(sdt.NEEDS):
                    xs.append(index[row.platform] - 0.4 + width * (i + 0.5))
                    ys.append(row.reference[need])
            if xs:
                ax.scatter(xs, ys, marker="_", s=260, linewidths=2.5, color="black", zorder=3,
                           label=msg("sdt.book_marker"))
                ax.legend(ncols=4, loc="upper right")

    def chart_description(self, fig, result: NeedsView) -> str:
        from smmkit import plots

        text = plots.describe(fig)
        if result.chart == "bars" and result.comparison is not None and result.comparison.platforms:
            values = "; ".join(
                f"{row.platform}: " + ", ".join(f"{sdt.need_label(n)} {row.reference[n]}" for n in sdt.NEEDS)
                for row in result.comparison.platforms)
            text += " " + msg("sdt.alt_book", values=values)
        return text

    def update_chart(self, fig, result: NeedsView):
        from smmkit import plots

        if not fig.axes or getattr(self, "_drawn", None) != (result.chart, result.comparison is not None):
            return None
        if result.chart == "radar":
            series, options = self._radar(result)
            return plots.update_profile(fig.axes[0], series, **options)
        return plots.update_bars(fig, self._bars(result))

    def table(self, result: NeedsView) -> list[dict]:
        rows = []
        by_platform = {r.platform: r for r in result.comparison.platforms} if result.comparison else {}
        for platform, ratings in result.profile.scores.items():
            row = {msg("sdt.col.platform"): platform, **ratings,
                   msg("sdt.col.focus"): " + ".join(result.profile.dominant[platform])}
            match = by_platform.get(platform)
            row[msg("sdt.col.book_focus")] = " + ".join(match.reference_focus) if match else ""
            row[msg("sdt.col.overlap")] = match.overlap if match else ""
            rows.append(row)
        return rows

    # ------------------------------------------------------------------ save / load
    def learner_state(self) -> dict:
        return {"scores": self.scores(), "compare": self.compare_box.value, "chart": self.chart_kind.value}

    def restore_learner_state(self, state: dict) -> None:
        scores = state["scores"]
        # every platform removed is still the learner's work (saved as {}): it must come back as {}
        scores = {} if isinstance(scores, dict) and not scores else sdt.validate(scores)
        chart = state.get("chart", "bars")
        if chart not in CHARTS or not isinstance(state.get("compare", True), bool):
            raise SmmkitError(msg("sdt.bad_state", charts=", ".join(CHARTS)))
        self._set_rows(scores)
        self.compare_box.value = state.get("compare", True)
        self.chart_kind.value = chart
        self.refresh()  # one refresh (deferred while updates are held)
