"""FlywheelMapper: place touchpoints on the customer cycle × the social flywheel; see coverage and gaps."""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg
from smmkit.models import flywheel as fw
from smmkit.models._input import fmt
from smmkit.widgets._charts import fit_left_margin, title_to_figure
from smmkit.widgets._rows import RowEditor
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = [  # a municipality's plan for its new sports pass
    {"name": "Reel over sporten in de wijk", "phase": "inspiratie", "part": "influencing", "channel": "Instagram"},
    {"name": "Vragen over de sportpas verzamelen", "phase": "onderzoeken", "part": "listening", "channel": "Facebook"},
    {"name": "Ervaringen van sporters delen", "phase": "evalueren", "part": "influencing", "channel": "Facebook"},
    {"name": "Advertentie: vraag de sportpas aan", "phase": "selecteren", "part": "selling", "channel": "Instagram"},
    {"name": "Welkomstbericht met tips", "phase": "ontvangen", "part": "influencing", "channel": "WhatsApp"},
    {"name": "Webcare bij vragen over de pas", "phase": "gebruiken", "part": "listening", "channel": "WhatsApp"},
    {"name": "Meldingen over kapotte toestellen volgen", "phase": "onderhouden", "part": "listening", "channel": "X"},
    {"name": "Inwoners kiezen nieuwe sporten mee", "phase": "cocreatie", "part": "listening", "channel": "Facebook"},
]


class FlywheelMapper(SmmkitWidget):
    """Touchpoints in an 8 phases × 3 flywheel parts grid, with co-creation at the junction."""

    title_key = "flywheel.w.title"
    has_chart = True
    chart_size = (8.0, 4.2)

    def __init__(self, touchpoints=None, **kwargs):
        self._initial = fw.to_dicts(EXAMPLE if touchpoints is None else touchpoints)
        super().__init__(**kwargs)

    def build(self):
        phases = [(fw.phase_label(p), p) for p in fw.PLACES]
        parts = [(fw.flywheel_label(f), f) for f in fw.FLYWHEEL]
        fields = {
            "name": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="300px")),
            "phase": lambda v: w.Dropdown(options=phases, value=v, layout=w.Layout(width="230px")),
            "part": lambda v: w.Dropdown(options=parts, value=v, layout=w.Layout(width="190px")),
            "channel": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="110px")),
        }
        header = {"name": (msg("flywheel.w.name"), "300px"), "phase": (msg("flywheel.field.phase"), "230px"),
                  "part": (msg("flywheel.w.part"), "190px"), "channel": (msg("flywheel.w.channel"), "110px")}
        self.records = RowEditor(self, fields, new_row=self._new_row, header=header)
        self.records.set_rows(self._initial)
        return [w.HTML(f"<p>{self.esc(msg('flywheel.w.intro'))}</p>"), self.records.box]

    @staticmethod
    def _new_row(rows) -> dict:
        used = {r["phase"] for r in rows}
        phase = next((p for p in fw.PHASES if p not in used), fw.PHASES[0])
        return {"name": msg("flywheel.w.new"), "phase": phase, "part": "influencing", "channel": ""}

    def compute(self):
        return fw.coverage(self.records.values())

    def render_text(self, result) -> str:
        lines = "".join(f"<li>{self.esc(line)}</li>" for line in result.advice.split("\n"))
        head = msg("flywheel.w.share", covered=result.cells_covered, total=result.cells_total, share=fmt(result.share))
        goals = "".join(f"<li>{self.esc(msg('flywheel.w.goal', part=fw.flywheel_label(f), goal=fw.GOALS[f][0], kpis=', '.join(fw.GOALS[f][1])))}</li>"
                        for f in fw.FLYWHEEL)
        return (f"<p><b>{self.esc(head)}</b></p><ul>{lines}</ul>"
                f"<details><summary>{self.esc(msg('flywheel.w.goals'))}</summary><ul>{goals}</ul></details>")

    @staticmethod
    def _counts(result) -> list[list[int]]:
        return [[len(result.grid[(p, f)]) for p in fw.PHASES] for f in fw.FLYWHEEL]

    def _fill_cells(self, counts) -> None:
        """Colour scale and the number in each cell (an en dash and the highlight colour for an empty one)."""
        from smmkit import plots

        image, texts = self._cells
        image.set_data(counts)
        image.set_clim(0, max(2, *(max(r) for r in counts)))
        for text, n in zip(texts, (n for row in counts for n in row)):
            text.set_text(str(n) if n else "–")
            text.set_color(plots.HIGHLIGHT if not n else ("white" if n > 1 else "black"))

    def draw(self, fig, result) -> None:
        """The grid itself: 3 rows (flywheel) × 8 columns (phases); empty cells marked."""
        from matplotlib.colors import LinearSegmentedColormap

        from smmkit import plots

        ax = fig.add_subplot()
        fit_left_margin(fig, [fw.flywheel_label(f).split(" (")[0] for f in fw.FLYWHEEL])
        counts = self._counts(result)
        cmap = LinearSegmentedColormap.from_list("smmkit", ["#FFFFFF", plots.PALETTE[0]])
        # zorder just above the axis (0.5, ticks point outwards, no grid): a live update redraws
        # the cells without redrawing the tick labels (smmkit.livechart redraws what lies on top)
        image = ax.imshow(counts, cmap=cmap, aspect="auto", zorder=0.6)
        texts = [ax.text(x, y, "", ha="center", va="center", fontsize=12)
                 for y in range(len(counts)) for x in range(len(counts[0]))]
        self._cells = (image, texts)
        self._fill_cells(counts)
        ax.set_xticks(range(len(fw.PHASES)), [f"{i + 1}\n{p}" for i, p in enumerate(fw.PHASES)], fontsize=8)
        ax.set_yticks(range(len(fw.FLYWHEEL)), [fw.flywheel_label(f).split(" (")[0] for f in fw.FLYWHEEL])
        ax.grid(False)
        ax.axvline(3.5, color=plots.GREY, linewidth=2)
        ax.set_xlabel(msg("flywheel.w.axis", buying=msg("flywheel.buying"), usage=msg("flywheel.usage")))
        ax.set_title(msg("flywheel.w.chart_title"))
        title_to_figure(fig, ax)
        plots.source_note(fig, msg("flywheel.w.source"))

    def update_chart(self, fig, result):
        """Only the numbers change (the grid is always 3 × 8): new colours and counts in place."""
        if not fig.axes or getattr(self, "_cells", None) is None:
            return None
        self._fill_cells(self._counts(result))
        image, texts = self._cells
        return [image, *texts]

    def chart_description(self, fig, result) -> str:
        """The grid in words: per flywheel part the phases with touchpoints, and how many cells are empty."""
        counts = self._counts(result)
        rows = []
        for part, row in zip(fw.FLYWHEEL, counts):
            filled = ", ".join(f"{phase} {n}" for phase, n in zip(fw.PHASES, row) if n)
            rows.append(msg("flywheel.w.alt_row", part=fw.flywheel_label(part).split(" (")[0],
                            cells=filled or msg("flywheel.w.alt_none")))
        empty = sum(1 for row in counts for n in row if not n)
        return msg("flywheel.w.alt", title=msg("flywheel.w.chart_title"), rows=" ".join(rows),
                   empty=empty, total=sum(len(row) for row in counts))

    def table(self, result):
        return result.rows()

    def learner_state(self) -> dict:
        return {"touchpoints": self.records.values()}

    def restore_learner_state(self, state: dict) -> None:
        rows = [dict(t) for t in state["touchpoints"]]
        # rows whose text the learner emptied are kept as they are (compute shows the Dutch message)
        # … and the texts exactly as typed (the model trims them for its own use)
        clean = iter(fw.to_dicts([t for t in rows if str(t.get("name", "")).strip()]))
        self.records.set_rows([{**next(clean), "name": str(t["name"]), "channel": str(t.get("channel", ""))}
                               if str(t.get("name", "")).strip() else t for t in rows])
        self.refresh()
