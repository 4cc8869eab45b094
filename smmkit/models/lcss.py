"""LCSS mapping: is a content mix likeable, clickable, sharable and sellable in a healthy balance?

Content that is quick to like, content that invites a click, content people pass on, and content
that asks for a purchase or sign-up each play a part. :func:`balance` compares the share of each
category in a content list with a target mix and :func:`suggestion` says in plain Dutch what is
missing. Items can be typed in or read from a CSV file with :func:`read_csv` (columns ``titel`` and
``categorie``, optionally ``kanaal``).

The default target (``DEFAULT_TARGET``) is the kit's own starting point, not a rule from a source:
many light posts, fewer click-throughs, a smaller number of shareable pieces (they take more time
to make) and the fewest sales messages, so followers do not feel they are only being sold to.

    >>> b = balance([("Foto van de haven", "likeable"), ("Blog over de afvalkalender", "clickable")])
    >>> b.shares["likeable"], b.missing
    (50.0, ('sharable', 'sellable'))
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt, labelled_items

CATEGORIES: tuple[str, ...] = ("likeable", "clickable", "sharable", "sellable")
ALIASES = {
    "likeable": "likeable", "likable": "likeable", "like": "likeable", "leuk": "likeable",
    "clickable": "clickable", "klikbaar": "clickable", "click": "clickable", "klik": "clickable",
    "sharable": "sharable", "shareable": "sharable", "share": "sharable", "deelbaar": "sharable",
    "delen": "sharable",
    "sellable": "sellable", "saleable": "sellable", "sell": "sellable", "verkoopbaar": "sellable",
    "verkopen": "sellable",
}
DEFAULT_TARGET: dict[str, int] = {"likeable": 40, "clickable": 30, "sharable": 20, "sellable": 10}
TOLERANCE = 5.0  # percentage points a share may differ from its target before we mention it
COLUMNS = {"titel": "titel", "title": "titel", "categorie": "categorie", "category": "categorie",
           "kanaal": "kanaal", "channel": "kanaal"}


@dataclass(frozen=True)
class Item:
    title: str
    category: str
    channel: str = ""


def normalise_category(value) -> str:
    """'Deelbaar' → 'sharable'; raises a Dutch message for anything else."""
    text = "" if value is None else str(value).strip().lower()
    key = ALIASES.get(text)
    if key is None:
        raise SmmkitError(msg("lcss.unknown_category", value=value if text else "",
                              valid=choices(CATEGORIES)))
    return key


def items(rows: Iterable) -> list[Item]:
    """Validate a content list: pairs ``(titel, categorie)``, triples with a channel, dicts or Items."""
    return labelled_items(rows, Item, names=("titel", "categorie", "kanaal"), normalise=normalise_category,
                          optional=1, keys={"not_a_list": "lcss.not_a_list", "bad_item": "lcss.bad_item",
                                            "empty": "lcss.empty_title", "in_row": "lcss.in_row",
                                            "none": "lcss.empty_list"})


def target(mapping: Mapping | None = None) -> dict[str, float]:
    """Validate a target mix in percent: all four categories, each 0–100, together 100."""
    if mapping is None:
        return dict(DEFAULT_TARGET)
    if not isinstance(mapping, Mapping):
        raise SmmkitError(msg("lcss.target_not_mapping", kind=type(mapping).__name__))
    clean: dict[str, float] = {}
    for key, value in mapping.items():
        category = normalise_category(key)
        if isinstance(value, bool):
            value = None
        try:
            number = float(str(value).replace(",", ".").replace("%", "").strip())
        except (TypeError, ValueError):
            raise SmmkitError(msg("lcss.target_not_number", category=category, value=value)) from None
        if math.isnan(number) or not 0 <= number <= 100:
            raise SmmkitError(msg("lcss.target_out_of_range", category=category, value=value))
        clean[category] = int(number) if number.is_integer() else number
    missing = [c for c in CATEGORIES if c not in clean]
    if missing:
        raise SmmkitError(msg("lcss.target_missing", missing=choices(missing)))
    total = sum(clean.values())
    if abs(total - 100) > 0.01:
        diff = 100 - total
        raise SmmkitError(msg("lcss.target_sum", total=fmt(total, 6), diff=("+" if diff > 0 else "") + fmt(diff, 6)))
    return {c: clean[c] for c in CATEGORIES}


def _extra_needed(count: int, total: int, share: float) -> int | None:
    """How many items of one category to add before it reaches ``share`` percent (None if never)."""
    t = share / 100
    if t >= 1:
        return None
    return max(0, math.ceil((t * total - count) / (1 - t) - 1e-9))


@dataclass(frozen=True)
class Balance:
    items: list[Item]
    counts: dict[str, int]
    shares: dict[str, float]   # percent of the list
    target: dict[str, float]   # percent
    gaps: dict[str, float]     # share − target, in percentage points
    to_add: dict[str, int | None]  # items to add to reach the target share
    tolerance: float

    @property
    def missing(self) -> tuple[str, ...]:
        """Categories with no item at all although the target wants some."""
        return tuple(c for c in CATEGORIES if self.counts[c] == 0 and self.target[c] > 0)

    @property
    def short(self) -> tuple[str, ...]:
        """Categories below target by more than the tolerance, the largest shortfall first."""
        low = [c for c in CATEGORIES if self.gaps[c] < -self.tolerance or c in self.missing]
        return tuple(sorted(low, key=lambda c: (self.gaps[c], CATEGORIES.index(c))))

    @property
    def over(self) -> tuple[str, ...]:
        """Categories above target by more than the tolerance, the largest excess first."""
        high = [c for c in CATEGORIES if self.gaps[c] > self.tolerance]
        return tuple(sorted(high, key=lambda c: (-self.gaps[c], CATEGORIES.index(c))))

    @property
    def on_target(self) -> bool:
        return not self.short and not self.over


def balance(content: Iterable, target_mix: Mapping | None = None, tolerance: float = TOLERANCE) -> Balance:
    """Counts, shares and gaps of a content list against a target mix (default ``DEFAULT_TARGET``)."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance <= 50:
        raise SmmkitError(msg("lcss.bad_tolerance", value=tolerance))
    plan = items(content)
    goal = target(target_mix)
    counts = {c: 0 for c in CATEGORIES}
    for item in plan:
        counts[item.category] += 1
    total = len(plan)
    shares = {c: round(100 * counts[c] / total, 1) for c in CATEGORIES}
    gaps = {c: round(shares[c] - goal[c], 1) for c in CATEGORIES}
    to_add = {c: _extra_needed(counts[c], total, goal[c]) for c in CATEGORIES}
    return Balance(plan, counts, shares, goal, gaps, to_add, float(tolerance))


def _pct(value: float) -> str:
    return fmt(value, 1)  # shares are rounded to one decimal


def suggestion(b: Balance) -> list[str]:
    """Plain-Dutch advice: what the mix misses most, how many items would fix it, what is overdone."""
    if b.on_target:
        return [msg("lcss.on_target", tolerance=_pct(b.tolerance))]
    lines = []
    for c in b.short:
        key = "lcss.missing" if c in b.missing else "lcss.short"
        text = msg(key, category=c, share=_pct(b.shares[c]), target=_pct(b.target[c]))
        if b.to_add[c]:
            text += " " + msg("lcss.add_n", n=b.to_add[c], category=c)
        lines.append(text + " " + msg(f"lcss.tip.{c}"))
    for c in b.over:
        lines.append(msg("lcss.over", category=c, share=_pct(b.shares[c]), target=_pct(b.target[c])))
    return lines


# ---------------------------------------------------------------------- CSV
def _text_of(source) -> tuple[str, str]:
    """(text, name for messages) from a path, a file object, bytes or CSV text."""
    if isinstance(source, bytes | bytearray | memoryview):
        data, name = bytes(source), msg("lcss.uploaded_file")
    elif hasattr(source, "read"):
        data, name = source.read(), getattr(source, "name", msg("lcss.uploaded_file"))
    elif isinstance(source, str) and "\n" in source:  # CSV text itself, not a file name
        return source, msg("lcss.typed_text")
    else:
        path = Path(source)
        try:
            data, name = path.read_bytes(), str(path)
        except FileNotFoundError:
            raise SmmkitError(msg("lcss.csv_not_found", path=path)) from None
        except OSError as exc:
            raise SmmkitError(msg("lcss.csv_unreadable", path=path, reason=exc.strerror or exc)) from None
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SmmkitError(msg("lcss.csv_encoding", name=name)) from None
    return data, str(name)


def read_csv(source) -> list[Item]:
    """Read a content list from CSV (comma or semicolon separated; columns titel, categorie[, kanaal])."""
    text, name = _text_of(source)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise SmmkitError(msg("lcss.csv_empty", name=name))
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    columns = {COLUMNS[h]: i for i, h in enumerate(header) if h in COLUMNS}
    missing = [c for c in ("titel", "categorie") if c not in columns]
    if missing:
        raise SmmkitError(msg("lcss.csv_missing_column", name=name, missing=choices(missing),
                              found=", ".join(h for h in header if h) or "-"))
    rows = []
    for line_number, record in enumerate(reader, start=2):
        def cell(column, record=record):
            index = columns.get(column)
            return record[index].strip() if index is not None and index < len(record) else ""
        if not cell("titel"):
            raise SmmkitError(msg("lcss.csv_empty_title", name=name, line=line_number))
        try:
            category = normalise_category(cell("categorie"))
        except SmmkitError as exc:
            raise SmmkitError(msg("lcss.csv_bad_category", name=name, line=line_number,
                                  title=cell("titel"), error=str(exc))) from None
        rows.append(Item(cell("titel"), category, cell("kanaal")))
    if not rows:
        raise SmmkitError(msg("lcss.csv_no_rows", name=name))
    return rows


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
