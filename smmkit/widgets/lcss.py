"""LCSSMapper: map a content list into likeable/clickable/sharable/sellable and compare with a target mix."""
from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from smmkit import boxes
from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import lcss
from smmkit.widgets._numbers import DutchNumber, raise_problems
from smmkit.widgets._rows import labelled_rows
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = [
    ("Foto van de haven bij zonsopkomst", "likeable"),
    ("Terugblik op Koningsdag in tien foto's", "likeable"),
    ("Felicitatie voor de kampioenen van de roeivereniging", "likeable"),
    ("Nieuwsbericht: zo werkt de nieuwe afvalkalender", "clickable"),
    ("Vacature: handhaver openbare ruimte", "clickable"),
    ("Blog over de verbouwing van het stadhuis", "clickable"),
    ("Kaart met alle speeltuinen in Hoorn", "sharable"),
    ("Nieuwsbericht: wegafsluiting tijdens de kermis", "clickable"),
]


class LCSSMapper(SmmkitWidget):
    """Map posts into the four LCSS categories; see the mix against a target and what is missing."""

    title_key = "lcss.title"
    has_chart = True
    chart_size = (7.0, 3.8)

    def __init__(self, content=None, target=None, **kwargs):
        rows = lcss.items(EXAMPLE if content is None else content)
        self._initial = [(item.title, item.category) for item in rows]
        self._initial_target = lcss.target(target)
        super().__init__(**kwargs)

    # ------------------------------------------------------------------ controls
    def build(self):
        options = [(c.capitalize(), c) for c in lcss.CATEGORIES]
        self.rows = labelled_rows(self, options, placeholder=msg("lcss.new_item"), new_choice="likeable",
                                  names=(msg("lcss.field_text"), msg("lcss.field_type")))
        self.rows.set_rows(self._initial)
        self.targets = {
            c: DutchNumber(int(round(self._initial_target[c])), c, integer=True, minimum=0, maximum=100,
                           style={"description_width": "70px"}, layout=w.Layout(width="150px"))
            for c in lcss.CATEGORIES
        }
        default = w.Button(description=msg("lcss.default_target"), icon="undo", layout=w.Layout(width="auto"))
        default.on_click(lambda _b: self.set_target(lcss.DEFAULT_TARGET))
        self.upload = w.FileUpload(accept=".csv", multiple=False, description=msg("lcss.upload"))
        self.upload.observe(self._on_upload, names="value")
        self.csv_path = self.ignore(w.Text(placeholder="posts.csv", description=msg("lcss.csv_path"),
                                           layout=w.Layout(width="300px")))
        load = w.Button(description=msg("lcss.csv_load"), icon="upload", layout=w.Layout(width="auto"))
        load.on_click(lambda _b: self.load_csv(self.csv_path.value.strip()))
        self.csv_status = w.HTML()
        intro = w.HTML(f"<p>{self.esc(msg('lcss.intro'))}<br><i>{self.esc(msg('lcss.example_note'))}</i></p>")
        explained = w.HTML(f"<p style='color:#444'>{self.esc(msg('lcss.target_explained'))}</p>")
        return [intro, self.rows.box,
                w.HBox([self.upload, self.csv_path, load], layout=w.Layout(flex_flow="row wrap")),
                self.csv_status,
                w.HTML(f"<b>{self.esc(msg('lcss.target_heading'))}</b>"),
                w.HBox([*self.targets.values(), default], layout=w.Layout(flex_flow="row wrap")),
                explained]

    # ------------------------------------------------------------------ actions
    def set_target(self, target: dict) -> None:
        clean = lcss.target(target)
        with self.hold_updates():
            for c, box in self.targets.items():
                box.value = int(round(clean[c]))
            self.refresh()

    def load_csv(self, source) -> int:
        """Replace the content list with the posts in a CSV file (path, text or bytes); shows errors inside."""
        try:
            if isinstance(source, str) and not source:
                raise SmmkitError(msg("lcss.csv_not_found", path=""))
            posts = lcss.read_csv(source)
        except SmmkitError as exc:
            self.csv_status.value = self._box(str(exc))
            return 0
        name = Path(source).name if isinstance(source, (str, Path)) and "\n" not in str(source) \
            else msg("lcss.uploaded_file")
        with self.hold_updates():
            self.rows.set_rows([(p.title, p.category) for p in posts])
            self.refresh()
        self.csv_status.value = boxes.note(msg("lcss.csv_loaded", n=len(posts), name=name), "smmkit-note")
        return len(posts)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if files:
            self.load_csv(bytes(files[0]["content"]))
            self.upload.value = ()  # so uploading the same file again (after editing it) loads it again

    # ------------------------------------------------------------------ model and rendering
    def target_values(self) -> dict[str, int]:
        return {c: box.value for c, box in self.targets.items()}

    def compute(self) -> lcss.Balance:
        raise_problems(*self.targets.values())
        return lcss.balance(self.rows.tuples(), self.target_values())

    def render_text(self, b: lcss.Balance) -> str:
        from smmkit.models._input import fmt

        def pct(v):
            return fmt(v, 1)
        short_style = f' style="color:{boxes.TEXT_COLOURS["error"]};font-weight:bold"'
        rows = "".join(
            "<li" + (short_style if c in b.short else "") + ">"
            + self.esc(msg("lcss.row", category=c, count=b.counts[c], share=pct(b.shares[c]),
                           target=pct(b.target[c])))
            + "</li>"
            for c in lcss.CATEGORIES)
        advice = "".join(f"<li>{self.esc(line)}</li>" for line in lcss.suggestion(b))
        return (f"<h4>{self.esc(msg('lcss.mix_heading'))}</h4><ul>{rows}</ul>"
                f"<h4>{self.esc(msg('lcss.advice_heading'))}</h4><ul>{advice}</ul>")

    def _chart(self, b: lcss.Balance) -> tuple:
        from smmkit import livechart, plots

        top = max(max(b.shares.values()), max(b.target.values())) * 1.25
        return (list(lcss.CATEGORIES),
                {msg("lcss.series_mix"): [b.shares[c] for c in lcss.CATEGORIES],
                 msg("lcss.series_target"): [b.target[c] for c in lcss.CATEGORIES]},
                {"title": msg("lcss.chart_title"), "source": msg("lcss.chart_source"),
                 "value_label": msg("lcss.chart_axis"), "colours": [plots.PALETTE[0], "#BBBBBB"],
                 "value_format": "{:.0f}", "limits": (0, livechart.stable_limit(top, 10))})

    def draw(self, fig, b: lcss.Balance) -> None:
        from smmkit import plots

        categories, series, options = self._chart(b)
        plots.grouped_bar(categories, series, ax=fig.add_subplot(), **options)

    def update_chart(self, fig, b: lcss.Balance):
        from smmkit import plots

        return plots.update_bars(fig, self._chart(b))

    def table(self, b: lcss.Balance) -> list[dict]:
        return [{msg("lcss.col.category"): c, msg("lcss.col.count"): b.counts[c],
                 msg("lcss.col.share"): b.shares[c], msg("lcss.col.target"): b.target[c],
                 msg("lcss.col.gap"): b.gaps[c]} for c in lcss.CATEGORIES]

    # ------------------------------------------------------------------ save / load
    def learner_state(self) -> dict:
        return {"items": [[title, c] for title, c in self.rows.tuples()], "target": self.target_values()}

    def restore_learner_state(self, state: dict) -> None:
        pairs = [(str(title), c) for title, c in state["items"]]
        filled = [pair for pair in pairs if pair[0].strip()]   # rows whose text the learner emptied are kept as they are (compute shows the Dutch message)
        if filled:
            lcss.items(filled)
        target = state["target"]
        for c in lcss.CATEGORIES:
            value = target[c]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
                raise SmmkitError(msg("lcss.target_out_of_range", category=c, value=value))
        self.rows.set_rows([(title, lcss.normalise_category(c)) for title, c in pairs])
        for c, box in self.targets.items():
            box.value = target[c]
        self.refresh()
