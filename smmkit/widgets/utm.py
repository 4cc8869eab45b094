"""UTMBuilder: type a web address and its labels, read the tagged link live, keep a list of links for the team."""
from __future__ import annotations

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import utm
from smmkit.models._input import one_of
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = {"url": "https://www.gemeente.nl/warmtescan", "source": "Instagram", "medium": "social",
           "campaign": "Warmtescan 2026", "content": ""}   # the campaign of chapter 4's attribution example
FIELDS = ("url", "source", "medium", "campaign", "content")
MEDIA = ("social", "advertentie", "e-mail", "qr-code")     # one fixed list keeps channels comparable
LABELLED = {"source": "utm.field.source", "campaign": "utm.field.campaign", "content": "utm.field.content"}


class UTMBuilder(SmmkitWidget):
    """Fields for the link and its labels, the tagged link, and a list of kept links (exported as CSV)."""

    title_key = "utm.w.title"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # the link straight under the fields it is made from; the list of kept links below it
        self.children = [self.heading, *self._fields_part, self.message, self.text, *self._list_part, self.files]

    def build(self):
        style, layout = {"description_width": "120px"}, w.Layout(width="560px")

        def line(key, hint=""):
            return w.Text(value=EXAMPLE[key], description=msg(f"utm.w.{key}"), placeholder=hint,
                          style=style, layout=layout)

        self.inputs = {
            "url": line("url"),
            "source": line("source", msg("utm.w.source_hint")),
            "medium": w.Dropdown(options=[(msg(f"utm.w.medium.{m}"), m) for m in MEDIA], value=EXAMPLE["medium"],
                                 description=msg("utm.w.medium"), style=style, layout=w.Layout(width="380px")),
            "campaign": line("campaign"),
            "content": line("content", msg("utm.w.content_hint")),
        }
        self.links: list[dict] = []
        self.add_button = w.Button(description=msg("utm.w.add"), icon="plus", layout=w.Layout(width="auto"))
        self.add_button.on_click(lambda _b: self.keep())
        self.remove_button = w.Button(description=msg("utm.w.remove_last"), icon="trash",
                                      layout=w.Layout(width="auto"))
        self.remove_button.on_click(lambda _b: self.remove_last())
        self.list_status = w.HTML()
        self.list_table = w.HTML()
        self._show_list()
        self._fields_part = [w.HTML(f"<p>{self.esc(msg('utm.w.intro'))}</p>"), *self.inputs.values()]
        self._list_part = [w.HBox([self.add_button, self.remove_button, self.list_status]), self.list_table]
        return self._fields_part + self._list_part

    def _values(self) -> dict:
        return {key: control.value for key, control in self.inputs.items()}

    def compute(self):
        return utm.row(**self._values())

    def render_text(self, result) -> str:
        typed = self._values()
        notes = [msg("utm.w.rewritten", typed=typed[key].strip(), label=result[column])
                 for key, column in (("source", "bron"), ("campaign", "campagne"), ("content", "variant"))
                 if typed[key].strip() and typed[key].strip() != result[column]]
        listed = "".join(f"<li>{self.esc(note)}</li>" for note in notes)
        return (f"<p style='margin-bottom:2px'>{self.esc(msg('utm.w.link'))}</p>"
                f"<p style='font-family:monospace;font-size:1.05em;word-break:break-all;margin-top:0'>"
                f"<b>{self.esc(result['link'])}</b></p>" + (f"<ul>{listed}</ul>" if listed else ""))

    # ------------------------------------------------------------------ the list of kept links
    def keep(self) -> None:
        """Add the link shown now to the list (exported with ``export_csv``)."""
        if self.result is None:
            self._status(msg("utm.w.fix_first"), problem=True)
            return
        entry = self._entry(self.result)
        if entry in self.links:
            self._status(msg("utm.w.duplicate"), problem=True)
            return
        self.links.append(entry)
        self._show_list()
        self._status(msg("utm.w.added", count=len(self.links)))

    def remove_last(self) -> None:
        if self.links:
            self.links.pop()
        self._show_list()
        self._status("")

    @staticmethod
    def _entry(row: dict) -> dict:
        return {"url": row["webadres"], "source": row["bron"], "medium": row["soort_kanaal"],
                "campaign": row["campagne"], "content": row["variant"]}

    def _status(self, text: str, problem: bool = False) -> None:
        from smmkit import boxes

        self.list_status.value = boxes.note(text, "smmkit-note", kind="error" if problem else None) if text else ""

    def _rows(self) -> list[dict]:
        return [utm.row(**entry) for entry in self.links]

    def _show_list(self) -> None:
        if not self.links:
            self.list_table.value = f"<p><i>{self.esc(msg('utm.w.empty_list'))}</i></p>"
            return
        columns = {"bron": "source", "soort_kanaal": "medium", "campagne": "campaign", "variant": "content",
                   "link": "link"}
        cell = "<td style='padding-right:10px;word-break:break-all'>{}</td>"
        head = "".join(f"<th scope='col' style='text-align:left;padding-right:10px'>{self.esc(msg(f'utm.w.col.{key}'))}</th>"
                       for key in columns.values())
        body = "".join(f"<tr>{cell.format(number)}" + "".join(cell.format(self.esc(row[col])) for col in columns)
                       + "</tr>" for number, row in enumerate(self._rows(), 1))
        self.list_table.value = f"<table><tr><th scope='col'>#</th>{head}</tr>{body}</table>"

    def table(self, result):
        return self._rows() or [result]

    # ------------------------------------------------------------------ save and restore
    def learner_state(self) -> dict:
        return {"fields": self._values(), "links": [dict(entry) for entry in self.links]}

    def restore_learner_state(self, state: dict) -> None:
        fields = {key: state["fields"].get(key, EXAMPLE[key] if key == "medium" else "") for key in FIELDS}
        if not all(isinstance(value, str) for value in fields.values()):
            raise ValueError("UTMBuilder fields must be text")
        fields["medium"] = one_of(fields["medium"], MEDIA, msg("utm.field.medium"))
        links = []
        for entry in state.get("links", []):   # a tampered entry → the model's Dutch message, nothing changed
            if not isinstance(entry, dict) or not set(entry) <= set(FIELDS):
                raise ValueError("UTMBuilder link entries must be dicts of the fields")
            entry = {key: entry.get(key) for key in FIELDS}
            entry["medium"] = one_of(entry["medium"], MEDIA, msg("utm.field.medium"))
            links.append(self._entry(utm.row(**entry)))
        if len({utm.row(**e)["link"] for e in links}) != len(links):
            raise SmmkitError(msg("utm.w.duplicate"))
        for key, value in fields.items():
            self.inputs[key].value = value
        self.links = links
        self._show_list()
        self._status("")
        self.refresh()
